//! Countries, by their ISO 3166-1 codes, and the UN M49 regions they belong to: the hierarchy
//! citizenship and country of exploitation are generalised along (country → sub-region →
//! region) when microdata are anonymised.

use std::fmt;

use serde::{Deserialize, Deserializer, Serialize, Serializer};
use thiserror::Error;

/// A country or area with an ISO 3166-1 code.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Country(u8);

/// The five UN M49 regions.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Region {
    Africa,
    Americas,
    Asia,
    Europe,
    Oceania,
}

/// The seventeen UN M49 sub-regions.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum SubRegion {
    NorthernAfrica,
    SubSaharanAfrica,
    LatinAmericaAndTheCaribbean,
    NorthernAmerica,
    CentralAsia,
    EasternAsia,
    SouthEasternAsia,
    SouthernAsia,
    WesternAsia,
    EasternEurope,
    NorthernEurope,
    SouthernEurope,
    WesternEurope,
    AustraliaAndNewZealand,
    Melanesia,
    Micronesia,
    Polynesia,
}

/// A country code that is not an officially assigned ISO 3166-1 alpha-2 code.
#[derive(Clone, Debug, Error, PartialEq, Eq)]
#[error("`{0}` is not an ISO 3166-1 alpha-2 country code")]
pub struct UnknownCountry(pub String);

impl Country {
    /// The country with this alpha-2 code, in either case.
    pub fn from_alpha2(code: &str) -> Result<Self, UnknownCountry> {
        let upper = code.to_ascii_uppercase();
        COUNTRIES
            .binary_search_by(|(alpha2, _, _)| (*alpha2).cmp(upper.as_str()))
            .map(|i| Self(i as u8))
            .map_err(|_| UnknownCountry(code.to_owned()))
    }

    /// Every country, in the order of their alpha-2 codes.
    pub fn all() -> impl Iterator<Item = Country> {
        (0..COUNTRIES.len()).map(|i| Self(i as u8))
    }

    pub fn alpha2(self) -> &'static str {
        COUNTRIES[usize::from(self.0)].0
    }

    pub fn alpha3(self) -> &'static str {
        COUNTRIES[usize::from(self.0)].1
    }

    /// The M49 sub-region; `None` for Antarctica (in no M49 region) and Taiwan (not listed in M49).
    pub fn sub_region(self) -> Option<SubRegion> {
        COUNTRIES[usize::from(self.0)].2
    }

    pub fn region(self) -> Option<Region> {
        self.sub_region().map(SubRegion::region)
    }

    /// The country's number in the table, below 256, for compact keys.
    pub(crate) fn number(self) -> u8 {
        self.0
    }

    pub(crate) fn from_number(number: u8) -> Option<Self> {
        (usize::from(number) < COUNTRIES.len()).then_some(Self(number))
    }
}

impl Region {
    pub const ALL: [Region; 5] = [
        Region::Africa,
        Region::Americas,
        Region::Asia,
        Region::Europe,
        Region::Oceania,
    ];

    /// The M49 name.
    pub fn name(self) -> &'static str {
        match self {
            Region::Africa => "Africa",
            Region::Americas => "Americas",
            Region::Asia => "Asia",
            Region::Europe => "Europe",
            Region::Oceania => "Oceania",
        }
    }
}

impl SubRegion {
    pub const ALL: [SubRegion; 17] = [
        SubRegion::NorthernAfrica,
        SubRegion::SubSaharanAfrica,
        SubRegion::LatinAmericaAndTheCaribbean,
        SubRegion::NorthernAmerica,
        SubRegion::CentralAsia,
        SubRegion::EasternAsia,
        SubRegion::SouthEasternAsia,
        SubRegion::SouthernAsia,
        SubRegion::WesternAsia,
        SubRegion::EasternEurope,
        SubRegion::NorthernEurope,
        SubRegion::SouthernEurope,
        SubRegion::WesternEurope,
        SubRegion::AustraliaAndNewZealand,
        SubRegion::Melanesia,
        SubRegion::Micronesia,
        SubRegion::Polynesia,
    ];

    /// The M49 name.
    pub fn name(self) -> &'static str {
        match self {
            SubRegion::NorthernAfrica => "Northern Africa",
            SubRegion::SubSaharanAfrica => "Sub-Saharan Africa",
            SubRegion::LatinAmericaAndTheCaribbean => "Latin America and the Caribbean",
            SubRegion::NorthernAmerica => "Northern America",
            SubRegion::CentralAsia => "Central Asia",
            SubRegion::EasternAsia => "Eastern Asia",
            SubRegion::SouthEasternAsia => "South-eastern Asia",
            SubRegion::SouthernAsia => "Southern Asia",
            SubRegion::WesternAsia => "Western Asia",
            SubRegion::EasternEurope => "Eastern Europe",
            SubRegion::NorthernEurope => "Northern Europe",
            SubRegion::SouthernEurope => "Southern Europe",
            SubRegion::WesternEurope => "Western Europe",
            SubRegion::AustraliaAndNewZealand => "Australia and New Zealand",
            SubRegion::Melanesia => "Melanesia",
            SubRegion::Micronesia => "Micronesia",
            SubRegion::Polynesia => "Polynesia",
        }
    }

    pub fn region(self) -> Region {
        use SubRegion::*;
        match self {
            NorthernAfrica | SubSaharanAfrica => Region::Africa,
            LatinAmericaAndTheCaribbean | NorthernAmerica => Region::Americas,
            CentralAsia | EasternAsia | SouthEasternAsia | SouthernAsia | WesternAsia => {
                Region::Asia
            }
            EasternEurope | NorthernEurope | SouthernEurope | WesternEurope => Region::Europe,
            AustraliaAndNewZealand | Melanesia | Micronesia | Polynesia => Region::Oceania,
        }
    }
}

impl fmt::Display for Country {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.alpha2())
    }
}

impl Serialize for Country {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.alpha2())
    }
}

impl<'de> Deserialize<'de> for Country {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let code = String::deserialize(deserializer)?;
        Country::from_alpha2(&code).map_err(serde::de::Error::custom)
    }
}

use SubRegion::*;

/// ISO 3166-1 alpha-2 and alpha-3 codes of the 249 officially assigned countries and areas, in
/// alpha-2 order, with their UN M49 sub-region.
///
/// Sources: ISO 3166-1 as distributed in Debian's iso-codes 4.15; United Nations Statistics
/// Division, "Standard country or area codes for statistical use (M49)", the geographic regions
/// and sub-regions (matched by alpha-3 code, the M49 numeric codes agreeing with ISO's). M49
/// places Antarctica in no region and does not list Taiwan.
const COUNTRIES: [(&str, &str, Option<SubRegion>); 249] = [
    ("AD", "AND", Some(SouthernEurope)),
    ("AE", "ARE", Some(WesternAsia)),
    ("AF", "AFG", Some(SouthernAsia)),
    ("AG", "ATG", Some(LatinAmericaAndTheCaribbean)),
    ("AI", "AIA", Some(LatinAmericaAndTheCaribbean)),
    ("AL", "ALB", Some(SouthernEurope)),
    ("AM", "ARM", Some(WesternAsia)),
    ("AO", "AGO", Some(SubSaharanAfrica)),
    ("AQ", "ATA", None),
    ("AR", "ARG", Some(LatinAmericaAndTheCaribbean)),
    ("AS", "ASM", Some(Polynesia)),
    ("AT", "AUT", Some(WesternEurope)),
    ("AU", "AUS", Some(AustraliaAndNewZealand)),
    ("AW", "ABW", Some(LatinAmericaAndTheCaribbean)),
    ("AX", "ALA", Some(NorthernEurope)),
    ("AZ", "AZE", Some(WesternAsia)),
    ("BA", "BIH", Some(SouthernEurope)),
    ("BB", "BRB", Some(LatinAmericaAndTheCaribbean)),
    ("BD", "BGD", Some(SouthernAsia)),
    ("BE", "BEL", Some(WesternEurope)),
    ("BF", "BFA", Some(SubSaharanAfrica)),
    ("BG", "BGR", Some(EasternEurope)),
    ("BH", "BHR", Some(WesternAsia)),
    ("BI", "BDI", Some(SubSaharanAfrica)),
    ("BJ", "BEN", Some(SubSaharanAfrica)),
    ("BL", "BLM", Some(LatinAmericaAndTheCaribbean)),
    ("BM", "BMU", Some(NorthernAmerica)),
    ("BN", "BRN", Some(SouthEasternAsia)),
    ("BO", "BOL", Some(LatinAmericaAndTheCaribbean)),
    ("BQ", "BES", Some(LatinAmericaAndTheCaribbean)),
    ("BR", "BRA", Some(LatinAmericaAndTheCaribbean)),
    ("BS", "BHS", Some(LatinAmericaAndTheCaribbean)),
    ("BT", "BTN", Some(SouthernAsia)),
    ("BV", "BVT", Some(LatinAmericaAndTheCaribbean)),
    ("BW", "BWA", Some(SubSaharanAfrica)),
    ("BY", "BLR", Some(EasternEurope)),
    ("BZ", "BLZ", Some(LatinAmericaAndTheCaribbean)),
    ("CA", "CAN", Some(NorthernAmerica)),
    ("CC", "CCK", Some(AustraliaAndNewZealand)),
    ("CD", "COD", Some(SubSaharanAfrica)),
    ("CF", "CAF", Some(SubSaharanAfrica)),
    ("CG", "COG", Some(SubSaharanAfrica)),
    ("CH", "CHE", Some(WesternEurope)),
    ("CI", "CIV", Some(SubSaharanAfrica)),
    ("CK", "COK", Some(Polynesia)),
    ("CL", "CHL", Some(LatinAmericaAndTheCaribbean)),
    ("CM", "CMR", Some(SubSaharanAfrica)),
    ("CN", "CHN", Some(EasternAsia)),
    ("CO", "COL", Some(LatinAmericaAndTheCaribbean)),
    ("CR", "CRI", Some(LatinAmericaAndTheCaribbean)),
    ("CU", "CUB", Some(LatinAmericaAndTheCaribbean)),
    ("CV", "CPV", Some(SubSaharanAfrica)),
    ("CW", "CUW", Some(LatinAmericaAndTheCaribbean)),
    ("CX", "CXR", Some(AustraliaAndNewZealand)),
    ("CY", "CYP", Some(WesternAsia)),
    ("CZ", "CZE", Some(EasternEurope)),
    ("DE", "DEU", Some(WesternEurope)),
    ("DJ", "DJI", Some(SubSaharanAfrica)),
    ("DK", "DNK", Some(NorthernEurope)),
    ("DM", "DMA", Some(LatinAmericaAndTheCaribbean)),
    ("DO", "DOM", Some(LatinAmericaAndTheCaribbean)),
    ("DZ", "DZA", Some(NorthernAfrica)),
    ("EC", "ECU", Some(LatinAmericaAndTheCaribbean)),
    ("EE", "EST", Some(NorthernEurope)),
    ("EG", "EGY", Some(NorthernAfrica)),
    ("EH", "ESH", Some(NorthernAfrica)),
    ("ER", "ERI", Some(SubSaharanAfrica)),
    ("ES", "ESP", Some(SouthernEurope)),
    ("ET", "ETH", Some(SubSaharanAfrica)),
    ("FI", "FIN", Some(NorthernEurope)),
    ("FJ", "FJI", Some(Melanesia)),
    ("FK", "FLK", Some(LatinAmericaAndTheCaribbean)),
    ("FM", "FSM", Some(Micronesia)),
    ("FO", "FRO", Some(NorthernEurope)),
    ("FR", "FRA", Some(WesternEurope)),
    ("GA", "GAB", Some(SubSaharanAfrica)),
    ("GB", "GBR", Some(NorthernEurope)),
    ("GD", "GRD", Some(LatinAmericaAndTheCaribbean)),
    ("GE", "GEO", Some(WesternAsia)),
    ("GF", "GUF", Some(LatinAmericaAndTheCaribbean)),
    ("GG", "GGY", Some(NorthernEurope)),
    ("GH", "GHA", Some(SubSaharanAfrica)),
    ("GI", "GIB", Some(SouthernEurope)),
    ("GL", "GRL", Some(NorthernAmerica)),
    ("GM", "GMB", Some(SubSaharanAfrica)),
    ("GN", "GIN", Some(SubSaharanAfrica)),
    ("GP", "GLP", Some(LatinAmericaAndTheCaribbean)),
    ("GQ", "GNQ", Some(SubSaharanAfrica)),
    ("GR", "GRC", Some(SouthernEurope)),
    ("GS", "SGS", Some(LatinAmericaAndTheCaribbean)),
    ("GT", "GTM", Some(LatinAmericaAndTheCaribbean)),
    ("GU", "GUM", Some(Micronesia)),
    ("GW", "GNB", Some(SubSaharanAfrica)),
    ("GY", "GUY", Some(LatinAmericaAndTheCaribbean)),
    ("HK", "HKG", Some(EasternAsia)),
    ("HM", "HMD", Some(AustraliaAndNewZealand)),
    ("HN", "HND", Some(LatinAmericaAndTheCaribbean)),
    ("HR", "HRV", Some(SouthernEurope)),
    ("HT", "HTI", Some(LatinAmericaAndTheCaribbean)),
    ("HU", "HUN", Some(EasternEurope)),
    ("ID", "IDN", Some(SouthEasternAsia)),
    ("IE", "IRL", Some(NorthernEurope)),
    ("IL", "ISR", Some(WesternAsia)),
    ("IM", "IMN", Some(NorthernEurope)),
    ("IN", "IND", Some(SouthernAsia)),
    ("IO", "IOT", Some(SubSaharanAfrica)),
    ("IQ", "IRQ", Some(WesternAsia)),
    ("IR", "IRN", Some(SouthernAsia)),
    ("IS", "ISL", Some(NorthernEurope)),
    ("IT", "ITA", Some(SouthernEurope)),
    ("JE", "JEY", Some(NorthernEurope)),
    ("JM", "JAM", Some(LatinAmericaAndTheCaribbean)),
    ("JO", "JOR", Some(WesternAsia)),
    ("JP", "JPN", Some(EasternAsia)),
    ("KE", "KEN", Some(SubSaharanAfrica)),
    ("KG", "KGZ", Some(CentralAsia)),
    ("KH", "KHM", Some(SouthEasternAsia)),
    ("KI", "KIR", Some(Micronesia)),
    ("KM", "COM", Some(SubSaharanAfrica)),
    ("KN", "KNA", Some(LatinAmericaAndTheCaribbean)),
    ("KP", "PRK", Some(EasternAsia)),
    ("KR", "KOR", Some(EasternAsia)),
    ("KW", "KWT", Some(WesternAsia)),
    ("KY", "CYM", Some(LatinAmericaAndTheCaribbean)),
    ("KZ", "KAZ", Some(CentralAsia)),
    ("LA", "LAO", Some(SouthEasternAsia)),
    ("LB", "LBN", Some(WesternAsia)),
    ("LC", "LCA", Some(LatinAmericaAndTheCaribbean)),
    ("LI", "LIE", Some(WesternEurope)),
    ("LK", "LKA", Some(SouthernAsia)),
    ("LR", "LBR", Some(SubSaharanAfrica)),
    ("LS", "LSO", Some(SubSaharanAfrica)),
    ("LT", "LTU", Some(NorthernEurope)),
    ("LU", "LUX", Some(WesternEurope)),
    ("LV", "LVA", Some(NorthernEurope)),
    ("LY", "LBY", Some(NorthernAfrica)),
    ("MA", "MAR", Some(NorthernAfrica)),
    ("MC", "MCO", Some(WesternEurope)),
    ("MD", "MDA", Some(EasternEurope)),
    ("ME", "MNE", Some(SouthernEurope)),
    ("MF", "MAF", Some(LatinAmericaAndTheCaribbean)),
    ("MG", "MDG", Some(SubSaharanAfrica)),
    ("MH", "MHL", Some(Micronesia)),
    ("MK", "MKD", Some(SouthernEurope)),
    ("ML", "MLI", Some(SubSaharanAfrica)),
    ("MM", "MMR", Some(SouthEasternAsia)),
    ("MN", "MNG", Some(EasternAsia)),
    ("MO", "MAC", Some(EasternAsia)),
    ("MP", "MNP", Some(Micronesia)),
    ("MQ", "MTQ", Some(LatinAmericaAndTheCaribbean)),
    ("MR", "MRT", Some(SubSaharanAfrica)),
    ("MS", "MSR", Some(LatinAmericaAndTheCaribbean)),
    ("MT", "MLT", Some(SouthernEurope)),
    ("MU", "MUS", Some(SubSaharanAfrica)),
    ("MV", "MDV", Some(SouthernAsia)),
    ("MW", "MWI", Some(SubSaharanAfrica)),
    ("MX", "MEX", Some(LatinAmericaAndTheCaribbean)),
    ("MY", "MYS", Some(SouthEasternAsia)),
    ("MZ", "MOZ", Some(SubSaharanAfrica)),
    ("NA", "NAM", Some(SubSaharanAfrica)),
    ("NC", "NCL", Some(Melanesia)),
    ("NE", "NER", Some(SubSaharanAfrica)),
    ("NF", "NFK", Some(AustraliaAndNewZealand)),
    ("NG", "NGA", Some(SubSaharanAfrica)),
    ("NI", "NIC", Some(LatinAmericaAndTheCaribbean)),
    ("NL", "NLD", Some(WesternEurope)),
    ("NO", "NOR", Some(NorthernEurope)),
    ("NP", "NPL", Some(SouthernAsia)),
    ("NR", "NRU", Some(Micronesia)),
    ("NU", "NIU", Some(Polynesia)),
    ("NZ", "NZL", Some(AustraliaAndNewZealand)),
    ("OM", "OMN", Some(WesternAsia)),
    ("PA", "PAN", Some(LatinAmericaAndTheCaribbean)),
    ("PE", "PER", Some(LatinAmericaAndTheCaribbean)),
    ("PF", "PYF", Some(Polynesia)),
    ("PG", "PNG", Some(Melanesia)),
    ("PH", "PHL", Some(SouthEasternAsia)),
    ("PK", "PAK", Some(SouthernAsia)),
    ("PL", "POL", Some(EasternEurope)),
    ("PM", "SPM", Some(NorthernAmerica)),
    ("PN", "PCN", Some(Polynesia)),
    ("PR", "PRI", Some(LatinAmericaAndTheCaribbean)),
    ("PS", "PSE", Some(WesternAsia)),
    ("PT", "PRT", Some(SouthernEurope)),
    ("PW", "PLW", Some(Micronesia)),
    ("PY", "PRY", Some(LatinAmericaAndTheCaribbean)),
    ("QA", "QAT", Some(WesternAsia)),
    ("RE", "REU", Some(SubSaharanAfrica)),
    ("RO", "ROU", Some(EasternEurope)),
    ("RS", "SRB", Some(SouthernEurope)),
    ("RU", "RUS", Some(EasternEurope)),
    ("RW", "RWA", Some(SubSaharanAfrica)),
    ("SA", "SAU", Some(WesternAsia)),
    ("SB", "SLB", Some(Melanesia)),
    ("SC", "SYC", Some(SubSaharanAfrica)),
    ("SD", "SDN", Some(NorthernAfrica)),
    ("SE", "SWE", Some(NorthernEurope)),
    ("SG", "SGP", Some(SouthEasternAsia)),
    ("SH", "SHN", Some(SubSaharanAfrica)),
    ("SI", "SVN", Some(SouthernEurope)),
    ("SJ", "SJM", Some(NorthernEurope)),
    ("SK", "SVK", Some(EasternEurope)),
    ("SL", "SLE", Some(SubSaharanAfrica)),
    ("SM", "SMR", Some(SouthernEurope)),
    ("SN", "SEN", Some(SubSaharanAfrica)),
    ("SO", "SOM", Some(SubSaharanAfrica)),
    ("SR", "SUR", Some(LatinAmericaAndTheCaribbean)),
    ("SS", "SSD", Some(SubSaharanAfrica)),
    ("ST", "STP", Some(SubSaharanAfrica)),
    ("SV", "SLV", Some(LatinAmericaAndTheCaribbean)),
    ("SX", "SXM", Some(LatinAmericaAndTheCaribbean)),
    ("SY", "SYR", Some(WesternAsia)),
    ("SZ", "SWZ", Some(SubSaharanAfrica)),
    ("TC", "TCA", Some(LatinAmericaAndTheCaribbean)),
    ("TD", "TCD", Some(SubSaharanAfrica)),
    ("TF", "ATF", Some(SubSaharanAfrica)),
    ("TG", "TGO", Some(SubSaharanAfrica)),
    ("TH", "THA", Some(SouthEasternAsia)),
    ("TJ", "TJK", Some(CentralAsia)),
    ("TK", "TKL", Some(Polynesia)),
    ("TL", "TLS", Some(SouthEasternAsia)),
    ("TM", "TKM", Some(CentralAsia)),
    ("TN", "TUN", Some(NorthernAfrica)),
    ("TO", "TON", Some(Polynesia)),
    ("TR", "TUR", Some(WesternAsia)),
    ("TT", "TTO", Some(LatinAmericaAndTheCaribbean)),
    ("TV", "TUV", Some(Polynesia)),
    ("TW", "TWN", None),
    ("TZ", "TZA", Some(SubSaharanAfrica)),
    ("UA", "UKR", Some(EasternEurope)),
    ("UG", "UGA", Some(SubSaharanAfrica)),
    ("UM", "UMI", Some(Micronesia)),
    ("US", "USA", Some(NorthernAmerica)),
    ("UY", "URY", Some(LatinAmericaAndTheCaribbean)),
    ("UZ", "UZB", Some(CentralAsia)),
    ("VA", "VAT", Some(SouthernEurope)),
    ("VC", "VCT", Some(LatinAmericaAndTheCaribbean)),
    ("VE", "VEN", Some(LatinAmericaAndTheCaribbean)),
    ("VG", "VGB", Some(LatinAmericaAndTheCaribbean)),
    ("VI", "VIR", Some(LatinAmericaAndTheCaribbean)),
    ("VN", "VNM", Some(SouthEasternAsia)),
    ("VU", "VUT", Some(Melanesia)),
    ("WF", "WLF", Some(Polynesia)),
    ("WS", "WSM", Some(Polynesia)),
    ("YE", "YEM", Some(WesternAsia)),
    ("YT", "MYT", Some(SubSaharanAfrica)),
    ("ZA", "ZAF", Some(SubSaharanAfrica)),
    ("ZM", "ZMB", Some(SubSaharanAfrica)),
    ("ZW", "ZWE", Some(SubSaharanAfrica)),
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_sorted_unique_and_found() {
        assert!(COUNTRIES.windows(2).all(|w| w[0].0 < w[1].0));
        let mx = Country::from_alpha2("mx").unwrap();
        assert_eq!(mx.alpha3(), "MEX");
        assert_eq!(
            mx.sub_region(),
            Some(SubRegion::LatinAmericaAndTheCaribbean)
        );
        assert_eq!(mx.region(), Some(Region::Americas));
        assert_eq!(
            Country::from_alpha2("UA").unwrap().region(),
            Some(Region::Europe)
        );
        assert_eq!(Country::from_alpha2("AQ").unwrap().region(), None);
        assert!(Country::from_alpha2("XK").is_err());
        assert!(Country::from_alpha2("").is_err());
        for c in Country::all() {
            assert_eq!(Country::from_number(c.number()), Some(c));
        }
        for s in SubRegion::ALL {
            assert!(
                Country::all().any(|c| c.sub_region() == Some(s)),
                "{}",
                s.name()
            );
        }
    }
}
