//! Documents: the upload policy (allowed types, size, content matching the declared type), the
//! record of attachments and removals on the case, and who may download, role by role.

mod nrm;

use haven_domain::access::{Decision, DenyReason, Relationship, Role};
use haven_domain::case::documents::{
    MAX_SIZE_BYTES, check_upload, may_download, may_download_on_case,
};
use haven_domain::case::{CaseError, DocumentError, DocumentKind, MediaType, Sha256, What};
use nrm::{History, generic};

const PDF: &[u8] = b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj";
const JPEG: &[u8] = b"\xff\xd8\xff\xe0\x00\x10JFIF\x00";
const PNG: &[u8] = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR";
const WEBP: &[u8] = b"RIFF\x24\x00\x00\x00WEBPVP8 ";
const TEXT: &[u8] = "Statement taken in Dari with an interpreter.\r\n\tPage 1\n".as_bytes();

fn digest() -> Sha256 {
    Sha256::parse(&"ab12".repeat(16)).unwrap()
}

fn attach(id: &str, size_bytes: u64) -> What {
    What::AttachDocument {
        document: id.into(),
        kind: DocumentKind::MedicalReport,
        media_type: MediaType::Pdf,
        size_bytes,
        sha256: digest(),
    }
}

#[test]
fn each_allowed_type_is_accepted_when_its_content_matches() {
    for (declared, content, expected) in [
        ("application/pdf", PDF, MediaType::Pdf),
        ("image/jpeg", JPEG, MediaType::Jpeg),
        ("image/png", PNG, MediaType::Png),
        ("image/webp", WEBP, MediaType::Webp),
        ("text/plain", TEXT, MediaType::Text),
        // A Content-Type header's case and parameters do not matter.
        ("Image/PNG", PNG, MediaType::Png),
        ("text/plain; charset=utf-8", TEXT, MediaType::Text),
    ] {
        assert_eq!(check_upload(declared, content), Ok(expected), "{declared}");
    }
}

#[test]
fn content_that_is_not_what_it_declares_is_refused() {
    for (declared, content) in [
        ("image/jpeg", PNG),
        ("image/png", JPEG),
        ("application/pdf", TEXT),
        ("image/webp", b"RIFF\x24\x00\x00\x00WAVEfmt ".as_slice()),
        ("image/webp", b"RIFF".as_slice()),
        // Binary content does not pass as text.
        ("text/plain", PDF),
        ("text/plain", b"MZ\x90\x00\x03\x00".as_slice()),
        ("text/plain", b"plain\x00text".as_slice()),
    ] {
        let declared_type = MediaType::from_declared(declared).unwrap();
        assert_eq!(
            check_upload(declared, content),
            Err(DocumentError::ContentMismatch {
                declared: declared_type
            }),
            "{declared}"
        );
    }
    assert_eq!(
        check_upload("image/jpeg", PNG).unwrap_err().to_string(),
        "the content is not image/jpeg: its first bytes do not match the declared type"
    );
}

#[test]
fn other_types_are_refused_whatever_the_content() {
    for declared in [
        "text/html",
        "image/svg+xml",
        "application/octet-stream",
        "application/x-msdownload",
        "",
    ] {
        assert_eq!(
            check_upload(declared, TEXT),
            Err(DocumentError::UnsupportedType(declared.to_string()))
        );
    }
    assert_eq!(
        check_upload("text/html", TEXT).unwrap_err().to_string(),
        "\"text/html\" is not a type Haven stores: application/pdf, image/jpeg, image/png, image/webp or text/plain"
    );
}

#[test]
fn the_size_limit_is_ten_mebibytes_and_an_empty_file_is_refused() {
    assert_eq!(MAX_SIZE_BYTES, 10_485_760);
    let mut at_limit = vec![b'a'; MAX_SIZE_BYTES as usize];
    assert_eq!(check_upload("text/plain", &at_limit), Ok(MediaType::Text));
    at_limit.push(b'a');
    assert_eq!(
        check_upload("text/plain", &at_limit),
        Err(DocumentError::TooLarge {
            size: MAX_SIZE_BYTES + 1
        })
    );
    assert_eq!(check_upload("text/plain", b""), Err(DocumentError::Empty));
}

#[test]
fn an_attachment_is_recorded_once_within_the_limit_and_removed_with_a_reason() {
    let mut h = History::adult(generic());
    assert_eq!(
        h.attempt(Role::Caseworker, attach("d-1", MAX_SIZE_BYTES + 1))
            .unwrap_err(),
        CaseError::Document(DocumentError::TooLarge {
            size: MAX_SIZE_BYTES + 1
        })
    );
    assert_eq!(
        h.attempt(Role::Caseworker, attach("d-1", 0)).unwrap_err(),
        CaseError::Document(DocumentError::Empty)
    );
    assert!(matches!(
        h.attempt(Role::Screener, attach("d-1", 2048)),
        Err(CaseError::RoleMayNot { .. })
    ));
    h.then(Role::Provider, attach("d-1", 2048));
    assert_eq!(
        h.attempt(Role::Caseworker, attach("d-1", 2048))
            .unwrap_err(),
        CaseError::Duplicate("document d-1".into())
    );
    let case = h.case();
    let document = case.document(&"d-1".into()).unwrap();
    assert_eq!(document.attached_by.0, "provider-1");
    assert_eq!(document.removed, None);

    let remove = |reason: &str| What::RemoveDocument {
        document: "d-1".into(),
        reason: reason.into(),
    };
    assert_eq!(
        h.attempt(Role::Caseworker, remove(" ")).unwrap_err(),
        CaseError::Empty("the reason for removing the document")
    );
    assert!(matches!(
        h.attempt(Role::Provider, remove("Uploaded to the wrong case")),
        Err(CaseError::RoleMayNot { .. })
    ));
    assert_eq!(
        h.attempt(
            Role::Caseworker,
            What::RemoveDocument {
                document: "d-2".into(),
                reason: "Duplicate".into()
            }
        )
        .unwrap_err(),
        CaseError::Unknown("document")
    );
    h.then(Role::Caseworker, remove("Uploaded to the wrong case"));
    let case = h.case();
    let removal = case.document(&"d-1".into()).unwrap().removed.as_ref();
    assert_eq!(removal.unwrap().reason, "Uploaded to the wrong case");
    assert_eq!(
        h.attempt(Role::Supervisor, remove("Again")).unwrap_err(),
        CaseError::DocumentRemoved("d-1".into())
    );
}

#[test]
fn document_actions_read_as_json_and_refuse_a_bad_digest_or_type() {
    let json = serde_json::json!({
        "action": "attach_document",
        "document": "d-1",
        "kind": "medical_report",
        "media_type": "application/pdf",
        "size_bytes": 2048,
        "sha256": "ab12".repeat(16),
    });
    assert_eq!(serde_json::to_value(attach("d-1", 2048)).unwrap(), json);
    assert_eq!(
        serde_json::from_value::<What>(json.clone()).unwrap(),
        attach("d-1", 2048)
    );
    let mut short = json.clone();
    short["sha256"] = "ab12".into();
    assert!(serde_json::from_value::<What>(short).is_err());
    let mut html = json;
    html["media_type"] = "text/html".into();
    assert!(serde_json::from_value::<What>(html).is_err());
    assert_eq!(
        Sha256::parse(&"AB12".repeat(16)).unwrap().as_str(),
        "ab12".repeat(16)
    );
    assert_eq!(
        serde_json::to_value(What::RemoveDocument {
            document: "d-1".into(),
            reason: "Wrong case".into()
        })
        .unwrap(),
        serde_json::json!({"action": "remove_document", "document": "d-1", "reason": "Wrong case"})
    );
}

/// The relationships under which a role may download a case's documents; every other one is
/// refused.
fn downloads(role: Role, allowed: &[Relationship]) {
    for relationship in Relationship::ALL {
        let decision = may_download(role, relationship);
        assert_eq!(
            decision.is_allowed(),
            allowed.contains(&relationship),
            "{role} as {relationship:?}"
        );
    }
}

#[test]
fn a_screener_downloads_the_documents_of_their_own_records() {
    downloads(Role::Screener, &[Relationship::Owner]);
}

#[test]
fn a_caseworker_downloads_documents_of_cases_they_own_or_are_assigned() {
    downloads(
        Role::Caseworker,
        &[Relationship::Owner, Relationship::Assigned],
    );
    assert_eq!(
        may_download(Role::Caseworker, Relationship::Unrelated),
        Decision::Deny(DenyReason::NoRelationship)
    );
}

#[test]
fn a_supervisor_downloads_documents_of_their_teams_cases() {
    downloads(
        Role::Supervisor,
        &[Relationship::Owner, Relationship::SupervisorOfOwnersTeam],
    );
}

#[test]
fn a_decision_maker_downloads_documents_of_cases_referred_to_or_assigned_to_them() {
    downloads(
        Role::DecisionMaker,
        &[Relationship::ReferredAndAccepted, Relationship::Assigned],
    );
}

#[test]
fn a_provider_downloads_documents_only_once_it_accepted_the_referral() {
    downloads(Role::Provider, &[Relationship::ReferredAndAccepted]);
}

#[test]
fn a_registrar_downloads_documents_of_their_own_records() {
    downloads(Role::Registrar, &[Relationship::Owner]);
}

#[test]
fn trainers_statisticians_and_admins_never_download_documents() {
    for role in [Role::Trainer, Role::Statistician, Role::Admin] {
        downloads(role, &[]);
        assert_eq!(
            may_download(role, Relationship::Owner),
            Decision::Deny(DenyReason::RoleNotPermitted)
        );
    }
}

#[test]
fn on_a_case_a_download_is_allowed_under_any_relationship_held() {
    let accepted = ["shelter".to_string()];
    let case = haven_domain::access::RecordParties {
        owner_user_id: "caseworker-1",
        owner_team_id: Some("team-1"),
        assigned_user_ids: &[],
        accepted_organisation_ids: &accepted,
    };
    let supervises = ["team-1".to_string()];
    let actor = |user_id, organisation_id, role, supervises_teams| haven_domain::access::Actor {
        user_id,
        organisation_id,
        role,
        supervises_teams,
    };
    let provider = actor("provider-1", "shelter", Role::Provider, &[][..]);
    assert!(may_download_on_case(&provider, &case).is_allowed());
    let other_provider = actor("provider-2", "clinic", Role::Provider, &[][..]);
    assert_eq!(
        may_download_on_case(&other_provider, &case),
        Decision::Deny(DenyReason::NoRelationship)
    );
    // A supervisor of the owner's team whose organisation is also the accepted recipient.
    let supervisor = actor("supervisor-1", "shelter", Role::Supervisor, &supervises[..]);
    assert!(may_download_on_case(&supervisor, &case).is_allowed());
    // Even as its owner, a statistician never opens a record.
    let statistician = actor("caseworker-1", "ngo", Role::Statistician, &[][..]);
    assert_eq!(
        may_download_on_case(&statistician, &case),
        Decision::Deny(DenyReason::RoleNotPermitted)
    );
}
