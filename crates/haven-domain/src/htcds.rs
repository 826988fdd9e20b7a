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

serde_as_code!(
    OrgType,
    |t: &OrgType| t.code(),
    OrgType::parse,
    "an HTCDS organisation type"
);

/// Declares an HTCDS code list: an enum whose variants are the codes.
macro_rules! code_list {
    ($(#[$doc:meta])* $name:ident { $($variant:ident),* $(,)? }) => {
        $(#[$doc])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub enum $name {
            $($variant),*
        }

        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$variant),*];

            /// The HTCDS code.
            pub fn code(self) -> &'static str {
                match self {
                    $($name::$variant => stringify!($variant)),*
                }
            }

            pub fn parse(code: &str) -> Option<$name> {
                $name::ALL.iter().copied().find(|v| v.code() == code)
            }
        }

        serde_as_code!($name, |v: &$name| v.code(), $name::parse, "an HTCDS code of this list");
    };
}

code_list! {
    /// `prs_Gender`.
    Gender {
        Feminine,
        Masculine,
        TransgenderFeminine,
        TransgenderMasculine,
        NonConforming,
        NonSpecifiedUnknown,
    }
}

code_list! {
    /// `vic_TypeOfExploitation`.
    ExploitationType {
        ForcedLabour,
        SexualExploitation,
        ChildLabour,
        ForcedMarriage,
        Servitude,
        ForcedMilitaryByNonStateActors,
        OrganRemoval,
        ForcedBegging,
        ForcedAdoption,
        Surrogacy,
        Other,
    }
}

code_list! {
    /// `spl_Type`: the kind of a support plan.
    SupportPlanType {
        Education,
        Financial,
        Health,
        LabourExploitationRehabilitation,
        Legal,
        Livelihood,
        RightsBasedTraining,
        SexualExploitationRehabilitation,
        SocialCare,
    }
}

code_list! {
    /// `cas_Status`.
    CaseStatus {
        Active,
        FollowUp,
        Closed,
        ClosedReferred,
    }
}

code_list! {
    /// `per_RoleInProcess`: what a perpetrator did in the trafficking process.
    PerpetratorRole {
        TravellingPartner,
        Transporter,
        RecruiterOrIntermediary,
        BrokerTravelAgent,
        TransferredIndividual,
        HarbouredIndividual,
        SoldIndividual,
        BoughtIndividual,
        ReceivedIndividual,
        ControlledIndividual,
        Smuggler,
        Abuser,
        Kidnapper,
        Exploiter,
        Other,
    }
}
