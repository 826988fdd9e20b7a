//! Documents attached to a case: scans, reports, photos. The case records what was attached —
//! kind, type, size and digest — and the server keeps the content, encrypted like identity
//! fields, once the upload policy here has accepted it: an allowed type, within the size limit,
//! whose leading bytes are what the declared type says. A document can identify the person, so
//! who may download it is the access policy's decision for identity fields.

use std::fmt;

use super::{DocumentId, Timestamp, UserId};
use crate::access::{self, Action, Actor, FieldClass, RecordParties, Relationship, Role};

/// The largest document accepted: 10 MiB.
pub const MAX_SIZE_BYTES: u64 = 10 * 1024 * 1024;

#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize, serde::Deserialize,
)]
#[serde(rename_all = "snake_case")]
pub enum DocumentKind {
    IdentityDocument,
    MedicalReport,
    PoliceReport,
    Photo,
    DecisionLetter,
    Other,
}

/// The media types Haven stores: documents and photos, nothing executable or scriptable.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum MediaType {
    Pdf,
    Jpeg,
    Png,
    Webp,
    Text,
}

/// A SHA-256 digest of the content, in lowercase hexadecimal.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Sha256(String);

/// A document as the case records it.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Document {
    pub id: DocumentId,
    pub kind: DocumentKind,
    pub media_type: MediaType,
    pub size_bytes: u64,
    pub sha256: Sha256,
    pub attached_by: UserId,
    pub attached_at: Timestamp,
    /// Removed documents stay on the record, and are no longer served.
    pub removed: Option<Removal>,
}

#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Removal {
    pub reason: String,
    pub by: UserId,
    pub at: Timestamp,
}

/// Why an upload is refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DocumentError {
    #[error(
        "{0:?} is not a type Haven stores: application/pdf, image/jpeg, image/png, image/webp or text/plain"
    )]
    UnsupportedType(String),
    #[error("the document is empty")]
    Empty,
    #[error("the document is {size} bytes; the limit is 10 MiB ({MAX_SIZE_BYTES} bytes)")]
    TooLarge { size: u64 },
    #[error("the content is not {declared}: its first bytes do not match the declared type")]
    ContentMismatch { declared: MediaType },
}

/// The check the server applies to an upload before storing it: the declared type (a
/// `Content-Type` value) is allowed, the size within the limit, and the content is of that type.
pub fn check_upload(declared: &str, content: &[u8]) -> Result<MediaType, DocumentError> {
    let media_type = MediaType::from_declared(declared)
        .ok_or_else(|| DocumentError::UnsupportedType(declared.to_string()))?;
    check_size(u64::try_from(content.len()).unwrap_or(u64::MAX))?;
    if !media_type.matches(content) {
        return Err(DocumentError::ContentMismatch {
            declared: media_type,
        });
    }
    Ok(media_type)
}

/// The size rule, which the size recorded with an attachment follows too.
pub fn check_size(size_bytes: u64) -> Result<(), DocumentError> {
    match size_bytes {
        0 => Err(DocumentError::Empty),
        size if size > MAX_SIZE_BYTES => Err(DocumentError::TooLarge { size }),
        _ => Ok(()),
    }
}

/// A document can identify the person: it is downloaded as identity fields are viewed.
const DOWNLOAD: (FieldClass, Action) = (FieldClass::Identity, Action::View);

/// Whether someone may download a case's document: as they may view its identity fields.
pub fn may_download(role: Role, relationship: Relationship) -> access::Decision {
    access::decide(role, relationship, DOWNLOAD.0, DOWNLOAD.1)
}

/// [`may_download`] for an actor on a case, allowed under any relationship they hold to it (a
/// supervisor whose organisation also accepted a referral is still the supervisor).
pub fn may_download_on_case(actor: &Actor<'_>, case: &RecordParties<'_>) -> access::Decision {
    access::decide_on_record(actor, case, DOWNLOAD.0, DOWNLOAD.1)
}

impl MediaType {
    pub const ALL: [MediaType; 5] = [
        MediaType::Pdf,
        MediaType::Jpeg,
        MediaType::Png,
        MediaType::Webp,
        MediaType::Text,
    ];

    pub fn id(self) -> &'static str {
        match self {
            MediaType::Pdf => "application/pdf",
            MediaType::Jpeg => "image/jpeg",
            MediaType::Png => "image/png",
            MediaType::Webp => "image/webp",
            MediaType::Text => "text/plain",
        }
    }

    /// The type in its canonical spelling, as records keep it.
    pub fn parse(id: &str) -> Option<MediaType> {
        MediaType::ALL.into_iter().find(|m| m.id() == id)
    }

    /// The type a `Content-Type` value declares, whatever its case and parameters.
    pub fn from_declared(declared: &str) -> Option<MediaType> {
        let essence = declared.split(';').next().unwrap_or_default().trim();
        MediaType::parse(&essence.to_ascii_lowercase())
    }

    /// Whether the content is of this type, by its leading bytes (the file signature). Plain
    /// text has no signature: it must be UTF-8 throughout, without control characters beyond
    /// tabs, line and page breaks, so that no binary passes as text.
    fn matches(self, content: &[u8]) -> bool {
        match self {
            MediaType::Pdf => content.starts_with(b"%PDF-"),
            MediaType::Jpeg => content.starts_with(&[0xFF, 0xD8, 0xFF]),
            MediaType::Png => content.starts_with(b"\x89PNG\r\n\x1a\n"),
            MediaType::Webp => {
                content.len() >= 12 && content.starts_with(b"RIFF") && &content[8..12] == b"WEBP"
            }
            MediaType::Text => std::str::from_utf8(content).is_ok_and(|text| {
                text.chars()
                    .all(|c| !c.is_control() || matches!(c, '\t' | '\n' | '\r' | '\x0c'))
            }),
        }
    }
}

impl fmt::Display for MediaType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.id())
    }
}

serde_as_code!(
    MediaType,
    |m: &MediaType| m.id(),
    MediaType::parse,
    "one of application/pdf, image/jpeg, image/png, image/webp, text/plain"
);

impl Sha256 {
    /// The digest from 64 hexadecimal digits, in either case.
    pub fn parse(hex: &str) -> Option<Sha256> {
        (hex.len() == 64 && hex.bytes().all(|b| b.is_ascii_hexdigit()))
            .then(|| Sha256(hex.to_ascii_lowercase()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

serde_as_code!(
    Sha256,
    |d: &Sha256| d.0.clone(),
    Sha256::parse,
    "a SHA-256 digest in 64 hexadecimal digits"
);
