//! Reports as HXL-tagged CSV (Humanitarian Exchange Language 1.1): the hashtag row of every
//! report exactly, known rows of a small fixed dataset, the same numbers as the CSV format
//! (suppressed cells spelled the same), and cells neutralised for spreadsheet programs.

use haven_stats::country::Country;
use haven_stats::glotip::{OffenderRecord, Stage, glotip};
use haven_stats::publish::{Format, Receipt, glotip_output, sdg_output, tables_output};
use haven_stats::release::{Release, ReleasePolicy, release};
use haven_stats::sdg::{Population, sdg_16_2_2};
use haven_stats::spreadsheet::is_hxl_hashtag;
use haven_stats::table::{Dimension, Table};
use haven_stats::victim::{Basis, FormOfExploitation, IdentificationStatus, Sex, VictimRecord};
use rand::SeedableRng;
use rand_chacha::ChaCha20Rng;

fn country(code: &str) -> Option<Country> {
    Some(Country::from_alpha2(code).unwrap())
}

fn victims(
    n: usize,
    sex: Option<Sex>,
    age: u8,
    form: FormOfExploitation,
    citizenship: Option<Country>,
) -> impl Iterator<Item = VictimRecord> {
    std::iter::repeat_n(
        VictimRecord {
            year: 2024,
            sex,
            age: Some(age),
            form,
            citizenship,
            status: IdentificationStatus::Presumed,
            anonymous_notification: false,
        },
        n,
    )
}

/// 2024: six Nigerian women and two Vietnamese girls in sexual exploitation, seven Romanian men
/// in forced labour, five boys of no recorded citizenship in forced criminal activity, one
/// Ukrainian adult of another sex in forced labour, one woman notified anonymously; one man
/// from 2023.
fn records() -> Vec<VictimRecord> {
    use FormOfExploitation::*;
    let mut records: Vec<VictimRecord> =
        victims(6, Some(Sex::Female), 30, SexualExploitation, country("NG"))
            .chain(victims(
                2,
                Some(Sex::Female),
                15,
                SexualExploitation,
                country("VN"),
            ))
            .chain(victims(7, Some(Sex::Male), 40, ForcedLabour, country("RO")))
            .chain(victims(
                5,
                Some(Sex::Male),
                12,
                ForcedCriminalActivity,
                None,
            ))
            .chain(victims(
                1,
                Some(Sex::Other),
                25,
                ForcedLabour,
                country("UA"),
            ))
            .collect();
    let mut anonymous = records[0].clone();
    anonymous.anonymous_notification = true;
    let mut earlier = records[10].clone();
    earlier.year = 2023;
    records.extend([anonymous, earlier]);
    records
}

fn offenders() -> Vec<OffenderRecord> {
    let offender = |stage, sex| OffenderRecord {
        year: 2024,
        stage,
        sex,
        citizenship: country("RO"),
    };
    vec![
        offender(Stage::Suspected, Some(Sex::Male)),
        offender(Stage::Suspected, Some(Sex::Female)),
        offender(Stage::Prosecuted, Some(Sex::Male)),
        offender(Stage::Convicted, Some(Sex::Male)),
    ]
}

/// A threshold of 1 withholds nothing.
fn publish_all() -> ReleasePolicy {
    ReleasePolicy::Suppress {
        min_cell: 1,
        rounding: None,
    }
}

fn receipt() -> Receipt {
    Receipt {
        dataset: "cases-2024".into(),
        epsilon_spent: 0.0,
        budget_remaining: None,
        audit_entry: 7,
    }
}

fn rng() -> ChaCha20Rng {
    ChaCha20Rng::seed_from_u64(1622)
}

fn sdg(policy: &ReleasePolicy, format: Format) -> String {
    let population = Population::Total(1_000_000);
    let report = sdg_16_2_2(
        &records(),
        2024,
        Basis::Presumed,
        &population,
        policy,
        &mut rng(),
    )
    .unwrap();
    let bytes = sdg_output(&report, &population, Some("Census"), &receipt(), format).unwrap();
    String::from_utf8(bytes).unwrap()
}

fn glotip_file(policy: &ReleasePolicy, format: Format) -> String {
    let report = glotip(
        &records(),
        &offenders(),
        2024,
        Basis::Presumed,
        policy,
        &mut rng(),
    )
    .unwrap();
    String::from_utf8(glotip_output(&report, &receipt(), format).unwrap()).unwrap()
}

fn dashboard_releases(policy: &ReleasePolicy) -> Vec<(&'static str, Release)> {
    let stage = Table::from_counts(
        vec![Dimension::new("stage", ["referred", "=recognised", "closed"]).unwrap()],
        vec![12, 3, 40],
    )
    .unwrap();
    let sex = Table::from_counts(
        vec![Dimension::new("sex", ["female", "male", "-other"]).unwrap()],
        vec![30, 22, 1],
    )
    .unwrap();
    vec![
        ("stage", release(&stage, policy, &mut rng()).unwrap()),
        ("sex", release(&sex, policy, &mut rng()).unwrap()),
    ]
}

fn dashboard(policy: &ReleasePolicy, format: Format) -> String {
    let releases = dashboard_releases(policy);
    let tables: Vec<(&str, &Release)> = releases.iter().map(|(n, r)| (*n, r)).collect();
    String::from_utf8(tables_output("Haven dashboard", &tables, format).unwrap()).unwrap()
}

fn lines(text: &str) -> Vec<&str> {
    text.lines().collect()
}

#[test]
fn the_format_is_named_hxl_and_served_as_csv() {
    assert_eq!(Format::parse("hxl"), Some(Format::Hxl));
    assert_eq!(Format::Hxl.content_type(), "text/csv; charset=utf-8");
    assert_eq!(Format::parse("HXL"), None);
}

#[test]
fn sdg_hxl_known_answer() {
    let text = sdg(&publish_all(), Format::Hxl);
    let lines = lines(&text);
    assert_eq!(
        lines[0],
        "year,indicator,sex,age_group,form_of_exploitation,count,population,per_100000,basis,\
         policy,privacy_check,population_source,dataset,epsilon_spent,budget_remaining,audit_entry"
    );
    assert_eq!(
        lines[1],
        "#date+year,#indicator+code,#indicator+type+sex,#indicator+type+age,\
         #indicator+type+exploitation,#affected+ind,#population,#indicator+value+num,#meta+basis,\
         #meta+policy,#meta+privacy_check,#meta+source+population,#meta+dataset,\
         #meta+epsilon_spent,#meta+budget_remaining,#meta+audit_entry"
    );
    // One row per cell and margin of sex (4) × age group (4) × form (4), as in the CSV.
    assert_eq!(lines.len(), 2 + 64);
    let tail = "presumed,suppress min_cell=1,passed,Census,cases-2024,0,,7";
    for expected in [
        // 21 victims in 2024 (not the anonymous notification, not the man of 2023) among a
        // million people: 2.1 per 100,000.
        format!("2024,16.2.2,Total,Total,Total,21,1000000,2.1,{tail}"),
        format!("2024,16.2.2,Total,Total,sexual exploitation,8,1000000,0.8,{tail}"),
        format!("2024,16.2.2,Total,Total,forced labour,8,1000000,0.8,{tail}"),
        format!("2024,16.2.2,Total,Total,other purposes,5,1000000,0.5,{tail}"),
        // A group without a population of its own has no rate.
        format!("2024,16.2.2,female,adult,sexual exploitation,6,,,{tail}"),
        format!("2024,16.2.2,other or not recorded,adult,forced labour,1,,,{tail}"),
        format!("2024,16.2.2,male,child,forced labour,0,,,{tail}"),
    ] {
        assert!(lines.contains(&expected.as_str()), "{expected}\nin\n{text}");
    }
}

#[test]
fn glotip_hxl_known_answer() {
    let text = glotip_file(&publish_all(), Format::Hxl);
    let lines = lines(&text);
    assert_eq!(
        lines[0],
        "year,table,description,sex,age_group,form_of_exploitation,citizenship,count,basis,\
         policy,privacy_check,dataset,epsilon_spent,budget_remaining,audit_entry"
    );
    assert_eq!(
        lines[1],
        "#date+year,#indicator+code,#indicator+name,#indicator+type+sex,#indicator+type+age,\
         #indicator+type+exploitation,#country+code+v_iso2+citizenship,#indicator+value+num,\
         #meta+basis,#meta+policy,#meta+privacy_check,#meta+dataset,#meta+epsilon_spent,\
         #meta+budget_remaining,#meta+audit_entry"
    );
    let tail = "presumed,suppress min_cell=1,passed,cases-2024,0,,7";
    let victims = "\"victims by sex, age group, form of exploitation and citizenship\"";
    let suspected = "persons suspected by sex and citizenship";
    for expected in [
        format!("2024,victims,{victims},female,adult,sexual exploitation,NG,6,{tail}"),
        format!("2024,victims,{victims},male,child,forced criminal activity,not recorded,5,{tail}"),
        format!("2024,victims,{victims},Total,Total,Total,Total,21,{tail}"),
        format!(
            "2024,anonymous,anonymous notifications by sex and age group,female,adult,,,1,{tail}"
        ),
        format!("2024,suspected,{suspected},Total,,,RO,2,{tail}"),
    ] {
        assert!(lines.contains(&expected.as_str()), "{expected}\nin\n{text}");
    }
}

#[test]
fn dashboard_hxl_known_answer() {
    let text = dashboard(&publish_all(), Format::Hxl);
    let lines = lines(&text);
    assert_eq!(lines[0], "table,category,count,policy,privacy_check");
    assert_eq!(
        lines[1],
        "#indicator+code,#indicator+type,#indicator+value+num,#meta+policy,#meta+privacy_check"
    );
    assert_eq!(lines[2], "stage,referred,12,suppress min_cell=1,passed");
    assert!(lines.contains(&"sex,Total,53,suppress min_cell=1,passed"));
}

#[test]
fn every_hashtag_row_is_hxl_and_tags_every_column() {
    for policy in [publish_all(), ReleasePolicy::default_suppression()] {
        for text in [
            sdg(&policy, Format::Hxl),
            glotip_file(&policy, Format::Hxl),
            dashboard(&policy, Format::Hxl),
        ] {
            let mut reader = csv::ReaderBuilder::new()
                .has_headers(false)
                .from_reader(text.as_bytes());
            let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
            assert_eq!(rows[0].len(), rows[1].len());
            for tag in &rows[1] {
                assert!(is_hxl_hashtag(tag), "{tag:?}");
            }
            // HXL readers take the first row whose cells are hashtags for the hashtag row:
            // nothing else in the file may look like one.
            for row in rows.iter().skip(2) {
                assert!(row.iter().all(|c| !c.starts_with('#')), "{row:?}");
            }
        }
    }
}

/// The rows of a CSV or HXL file as maps from column name to cell, the hashtag row left out.
fn table(text: &str, hxl: bool) -> Vec<std::collections::HashMap<String, String>> {
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    let header: Vec<String> = reader.headers().unwrap().iter().map(String::from).collect();
    reader
        .records()
        .skip(usize::from(hxl))
        .map(|r| {
            let r = r.unwrap();
            header
                .iter()
                .cloned()
                .zip(r.iter().map(String::from))
                .collect()
        })
        .collect()
}

#[test]
fn hxl_gives_the_same_numbers_as_csv() {
    let suppress = ReleasePolicy::default_suppression();
    let dp = ReleasePolicy::DifferentialPrivacy { epsilon: 1.0 };
    for policy in [publish_all(), suppress, dp] {
        let pairs: [(&str, String, String); 3] = [
            ("sdg", sdg(&policy, Format::Csv), sdg(&policy, Format::Hxl)),
            (
                "glotip",
                glotip_file(&policy, Format::Csv),
                glotip_file(&policy, Format::Hxl),
            ),
            (
                "dashboard",
                dashboard(&policy, Format::Csv),
                dashboard(&policy, Format::Hxl),
            ),
        ];
        for (name, csv, hxl) in pairs {
            let csv = table(&csv, false);
            let hxl = table(&hxl, true);
            assert_eq!(csv.len(), hxl.len(), "{name}");
            let mut suppressed = 0;
            for (c, h) in csv.iter().zip(&hxl) {
                for (column, value) in c {
                    assert_eq!(h.get(column), Some(value), "{name}: {column} of {c:?}");
                    if ["count", "population", "per_100000"].contains(&column.as_str()) {
                        assert!(
                            value.is_empty()
                                || value == "suppressed"
                                || value.parse::<f64>().is_ok(),
                            "{name}: {column} = {value:?}"
                        );
                        suppressed += usize::from(value == "suppressed");
                    }
                }
            }
            if policy == ReleasePolicy::default_suppression() {
                assert!(suppressed > 0, "{name}: small counts are withheld");
            }
        }
    }
}

#[test]
fn hxl_cells_are_neutralised_like_the_csv() {
    let text = dashboard(&publish_all(), Format::Hxl);
    assert!(text.contains("stage,'=recognised,3,"), "{text}");
    assert!(text.contains("sex,'-other,1,"), "{text}");
    let csv = dashboard(&publish_all(), Format::Csv);
    assert!(csv.contains("stage,'=recognised,3\n"), "{csv}");
}
