//! Code lists of the Human Trafficking Case Data Standard (HTCDS 2.0) that Haven stores.

/// `org_Type`: the kind of organisation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum OrgType {
    Ngo,
    LawEnforcement,
    HealthServiceOrganisation,
    CentralGovernmentOrganisation,
    LocalGovernmentOrganisation,
    ImmigrationService,
    LegalService,
    CorporateBusiness,
    SchoolOrCollege,
}

impl OrgType {
    pub const ALL: [OrgType; 9] = [
        OrgType::Ngo,
        OrgType::LawEnforcement,
        OrgType::HealthServiceOrganisation,
        OrgType::CentralGovernmentOrganisation,
        OrgType::LocalGovernmentOrganisation,
        OrgType::ImmigrationService,
        OrgType::LegalService,
        OrgType::CorporateBusiness,
        OrgType::SchoolOrCollege,
    ];

    /// The HTCDS code.
    pub fn code(self) -> &'static str {
        match self {
            OrgType::Ngo => "NGO",
            OrgType::LawEnforcement => "LawEnforcement",
            OrgType::HealthServiceOrganisation => "HealthServiceOrganisation",
            OrgType::CentralGovernmentOrganisation => "CentralGovernmentOrganisation",
            OrgType::LocalGovernmentOrganisation => "LocalGovernmentOrganisation",
            OrgType::ImmigrationService => "ImmigrationService",
            OrgType::LegalService => "LegalService",
            OrgType::CorporateBusiness => "CorporateBusiness",
            OrgType::SchoolOrCollege => "SchoolOrCollege",
        }
    }

    pub fn parse(code: &str) -> Option<OrgType> {
        OrgType::ALL.into_iter().find(|t| t.code() == code)
    }

    pub fn codes() -> String {
        OrgType::ALL.map(OrgType::code).join(", ")
    }
}
