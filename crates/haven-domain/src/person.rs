//! What identifies a person. These fields live only in the identity vault, encrypted; the case
//! record refers to the person by a pseudonymous id.

/// An identifying field (HTCDS `prs_*` names in brackets).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum IdentityField {
    /// `prs_FirstName`
    GivenName,
    /// `prs_SecondName`
    FamilyName,
    OtherNames,
    /// `prs_Birthdate`, ISO 8601 (`YYYY-MM-DD`, or `YYYY` / `YYYY-MM` when only that is known).
    DateOfBirth,
    /// `prs_MobilePhone` (E.164 where known)
    Phone,
    /// `prs_Email`
    Email,
    /// `prs_Mailing*`
    Address,
    /// `prs_IdentityNumber`, passport or other document numbers.
    DocumentNumber,
    /// The person's account in their own words, and any free text that may identify them.
    Narrative,
}

/// How a field can be searched without being stored in clear.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BlindIndexKind {
    Name,
    Phone,
}

impl IdentityField {
    pub const ALL: [IdentityField; 9] = [
        IdentityField::GivenName,
        IdentityField::FamilyName,
        IdentityField::OtherNames,
        IdentityField::DateOfBirth,
        IdentityField::Phone,
        IdentityField::Email,
        IdentityField::Address,
        IdentityField::DocumentNumber,
        IdentityField::Narrative,
    ];

    pub fn id(self) -> &'static str {
        match self {
            IdentityField::GivenName => "given_name",
            IdentityField::FamilyName => "family_name",
            IdentityField::OtherNames => "other_names",
            IdentityField::DateOfBirth => "date_of_birth",
            IdentityField::Phone => "phone",
            IdentityField::Email => "email",
            IdentityField::Address => "address",
            IdentityField::DocumentNumber => "document_number",
            IdentityField::Narrative => "narrative",
        }
    }

    pub fn parse(id: &str) -> Option<IdentityField> {
        IdentityField::ALL.into_iter().find(|f| f.id() == id)
    }

    /// Names and phone numbers are searchable by equality through keyed blind indexes.
    pub fn blind_index(self) -> Option<BlindIndexKind> {
        match self {
            IdentityField::GivenName | IdentityField::FamilyName | IdentityField::OtherNames => {
                Some(BlindIndexKind::Name)
            }
            IdentityField::Phone => Some(BlindIndexKind::Phone),
            _ => None,
        }
    }

    /// The longest value accepted, in characters.
    pub fn max_len(self) -> usize {
        match self {
            IdentityField::Narrative => 20_000,
            IdentityField::Address => 1_000,
            _ => 200,
        }
    }
}
