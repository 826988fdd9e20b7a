//! Documents attached to a case, through the store on both engines: every allowed type stored
//! sealed and served back, every refused upload writing nothing, downloads audited and allowed
//! only as the download policy says, removed and erased documents unreadable.

use std::collections::BTreeSet;

use haven_domain::access::Role;
use haven_domain::case::documents::MAX_SIZE_BYTES;
use haven_domain::case::{
    ConsentGiver, ConsentPurpose, DocumentError, DocumentKind, Informed, LegalBasis, MediaType,
    OrganisationId, Recipient, RecipientRole, SharedField, What,
};
use haven_store::{IdentityField, IdentityRecord, OpenCase, Principal, Store, StoreError};
use haven_testkit::{TestBackend, World, example_input, on_each_backend, seed_world};

const PDF: &[u8] = b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj << /Type /Catalog >> endobj\n";
const JPEG: &[u8] = b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01\x01\x00\x00\x01";
const PNG: &[u8] = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01";
const WEBP: &[u8] = b"RIFF\x24\x00\x00\x00WEBPVP8 \x18\x00\x00\x00";
/// Plain text with a phrase that must never be found at rest.
const STATEMENT: &[u8] = b"Statement of Amina Haddad: held at the Blue Lagoon farm since March.\n";

async fn adult_case(store: &Store, caseworker: &Principal) -> (String, String) {
    let identity = IdentityRecord::from([(IdentityField::GivenName, "Amina".to_string())]);
    let person = store
        .create_person(caseworker, &identity, "registration")
        .await
        .unwrap();
    let screening = store
        .record_screening(
            caseworker,
            Some(&person.id),
            &example_input("S02-marriage-agency.json"),
        )
        .await
        .unwrap();
    let case = store
        .open_case(
            caseworker,
            &OpenCase {
                person_id: person.id.clone(),
                screening_id: Some(screening.id),
                ..OpenCase::default()
            },
        )
        .await
        .unwrap();
    (case.id, person.id)
}

/// Consent, a referral to the shelter, and (when `accept`) the shelter's acceptance.
async fn refer_to_shelter(store: &Store, world: &World, case_id: &str, accept: bool) {
    let caseworker = world.user(Role::Caseworker);
    let shelter = OrganisationId(world.shelter.clone());
    store
        .record_case_action(
            caseworker,
            case_id,
            None,
            What::GiveConsent {
                consent: "c1".into(),
                purpose: ConsentPurpose::Referral(shelter.clone()),
                legal_basis: LegalBasis::Consent,
                given_by: ConsentGiver::Person,
                informed: Informed::FULLY,
                interpreter: None,
            },
        )
        .await
        .unwrap();
    store
        .record_case_action(
            caseworker,
            case_id,
            None,
            What::Refer {
                referral: "r1".into(),
                to: Recipient {
                    organisation: shelter,
                    role: RecipientRole::Shelter,
                },
                fields: BTreeSet::from([SharedField::CaseReference]),
            },
        )
        .await
        .unwrap();
    if accept {
        store
            .record_case_action(
                world.user(Role::Provider),
                case_id,
                None,
                What::AcceptReferral {
                    referral: "r1".into(),
                },
            )
            .await
            .unwrap();
    }
}

/// Rows written anywhere a refused upload could have left something.
async fn written(backend: &TestBackend) -> (i64, i64) {
    (
        backend
            .raw_count("SELECT COUNT(*) FROM case_documents")
            .await,
        backend
            .raw_count("SELECT COUNT(*) FROM record_actions")
            .await,
    )
}

/// Whether `needle` is anywhere in the stored case data: the SQLite files (with the WAL), or
/// the `case_documents` and `record_actions` tables on PostgreSQL.
async fn found_at_rest(backend: &TestBackend, needle: &[u8]) -> bool {
    match &backend.config.location {
        haven_store::Location::DataDir(dir) => ["haven.sqlite", "haven.sqlite-wal"]
            .iter()
            .filter_map(|file| std::fs::read(dir.join(file)).ok())
            .any(|bytes| bytes.windows(needle.len()).any(|w| w == needle)),
        haven_store::Location::Postgres { .. } => {
            let literal: String = needle.iter().map(|b| format!("{b:02x}")).collect();
            let in_documents = backend
                .raw_count(&format!(
                    "SELECT COUNT(*) FROM case_documents WHERE position('\\x{literal}'::bytea in sealed) > 0"
                ))
                .await;
            let in_histories = backend
                .raw_count(&format!(
                    "SELECT COUNT(*) FROM record_actions WHERE position('\\x{literal}'::bytea in convert_to(payload, 'UTF8')) > 0"
                ))
                .await;
            in_documents + in_histories > 0
        }
    }
}

#[tokio::test]
async fn every_allowed_type_is_stored_sealed_and_served_back_with_an_audited_download() {
    on_each_backend(|backend| async move {
        let store = backend.open().await;
        let world = seed_world(&store).await;
        let caseworker = world.user(Role::Caseworker);
        let (case_id, _) = adult_case(&store, caseworker).await;

        for (content_type, content, media_type) in [
            ("application/pdf", PDF, MediaType::Pdf),
            ("image/jpeg", JPEG, MediaType::Jpeg),
            ("image/png", PNG, MediaType::Png),
            ("image/webp", WEBP, MediaType::Webp),
            ("text/plain; charset=utf-8", STATEMENT, MediaType::Text),
        ] {
            let (document, record) = store
                .attach_document(
                    caseworker,
                    &case_id,
                    DocumentKind::Other,
                    content_type,
                    content,
                )
                .await
                .unwrap();
            let recorded = record.case.document(&document).unwrap();
            assert_eq!(recorded.media_type, media_type);
            assert_eq!(recorded.size_bytes, content.len() as u64);
            assert_eq!(recorded.sha256.as_str(), haven_crypto::sha256_hex(content));

            let served = store
                .document(caseworker, &case_id, &document.0)
                .await
                .unwrap();
            assert_eq!(
                (served.content.as_slice(), served.media_type),
                (content, media_type)
            );
            let audit = store.audit_entries_for_record(&case_id).await.unwrap();
            assert!(
                audit
                    .iter()
                    .any(|e| e.action == "document.read" && e.fields == [document.0.clone()]),
                "{}: the download of {content_type} is audited",
                backend.name
            );
            assert!(audit
                .iter()
                .any(|e| e.action == "case.attach_document" && e.fields == [document.0.clone()]));
        }
        assert_eq!(
            store
                .case(caseworker, &case_id)
                .await
                .unwrap()
                .case
                .documents
                .len(),
            5
        );
        assert!(
            !found_at_rest(&backend, b"Blue Lagoon farm").await,
            "{}: the content is sealed at rest",
            backend.name
        );
        // The search finds what is kept in clear: the screening's input in its history.
        assert!(
            found_at_rest(&backend, b"exploitation_type").await,
            "{}",
            backend.name
        );
        backend
    })
    .await;
}

#[tokio::test]
async fn a_refused_upload_writes_nothing_and_says_why() {
    on_each_backend(|backend| async move {
        let store = backend.open().await;
        let world = seed_world(&store).await;
        let caseworker = world.user(Role::Caseworker);
        let (case_id, _) = adult_case(&store, caseworker).await;
        let before = written(&backend).await;
        let oversize = vec![b'a'; MAX_SIZE_BYTES as usize + 1];

        let attach = |content_type: &'static str, content: Vec<u8>| {
            let store = store.clone();
            let case_id = case_id.clone();
            let caseworker = caseworker.clone();
            async move {
                store
                    .attach_document(&caseworker, &case_id, DocumentKind::Photo, content_type, &content)
                    .await
                    .unwrap_err()
            }
        };
        let error = attach("application/zip", b"PK\x03\x04".to_vec()).await;
        assert!(
            matches!(&error, StoreError::Document(DocumentError::UnsupportedType(t)) if t == "application/zip"),
            "{error}"
        );
        let error = attach("image/png", PDF.to_vec()).await;
        assert!(
            matches!(error, StoreError::Document(DocumentError::ContentMismatch { declared: MediaType::Png })),
            "{error}"
        );
        let error = attach("text/plain", b"\x00\x01binary".to_vec()).await;
        assert!(matches!(error, StoreError::Document(DocumentError::ContentMismatch { .. })), "{error}");
        let error = attach("application/pdf", Vec::new()).await;
        assert!(matches!(error, StoreError::Document(DocumentError::Empty)), "{error}");
        let error = attach("text/plain", oversize).await;
        assert!(matches!(error, StoreError::Document(DocumentError::TooLarge { .. })), "{error}");
        assert!(error.to_string().contains("10 MiB"), "{error}");

        // A role the case does not let attach, and an attachment without its content.
        let error = store
            .attach_document(world.user(Role::Statistician), &case_id, DocumentKind::Photo, "image/png", PNG)
            .await
            .unwrap_err();
        assert!(matches!(error, StoreError::Forbidden(_)), "{error}");
        let bare = What::AttachDocument {
            document: "d1".into(),
            kind: DocumentKind::Photo,
            media_type: MediaType::Png,
            size_bytes: 10,
            sha256: haven_domain::case::Sha256::parse(&"ab".repeat(32)).unwrap(),
        };
        let error = store
            .record_case_action(caseworker, &case_id, None, bare)
            .await
            .unwrap_err();
        assert!(matches!(&error, StoreError::Invalid { field, .. } if field == "action"), "{error}");

        assert_eq!(written(&backend).await, before, "{}", backend.name);
        backend
    })
    .await;
}

#[tokio::test]
async fn a_provider_downloads_only_once_its_organisation_accepted_the_referral() {
    on_each_backend(|backend| async move {
        let store = backend.open().await;
        let world = seed_world(&store).await;
        let caseworker = world.user(Role::Caseworker);
        let provider = world.user(Role::Provider);
        let (case_id, _) = adult_case(&store, caseworker).await;
        let (document, _) = store
            .attach_document(
                caseworker,
                &case_id,
                DocumentKind::MedicalReport,
                "application/pdf",
                PDF,
            )
            .await
            .unwrap();

        refer_to_shelter(&store, &world, &case_id, false).await;
        let error = store
            .document(provider, &case_id, &document.0)
            .await
            .unwrap_err();
        assert!(
            matches!(error, StoreError::Forbidden(_)),
            "sent, not accepted: {error}"
        );
        let denied = store
            .audit_entries_for_record(&case_id)
            .await
            .unwrap()
            .into_iter()
            .find(|e| e.action == "access.denied")
            .expect("the refusal is audited");
        assert_eq!(denied.fields, [document.0.as_str()]);
        assert_eq!(
            denied.actor_user_id.as_deref(),
            Some(provider.user_id.as_str())
        );
        assert_eq!(denied.outcome, "denied");

        store
            .record_case_action(
                provider,
                &case_id,
                None,
                What::AcceptReferral {
                    referral: "r1".into(),
                },
            )
            .await
            .unwrap();
        let served = store
            .document(provider, &case_id, &document.0)
            .await
            .unwrap();
        assert_eq!(served.content, PDF);
        assert_eq!(served.kind, DocumentKind::MedicalReport);

        // Nobody without a relationship, and no role that never opens a record.
        for outsider in [
            &world.second_caseworker,
            world.user(Role::Statistician),
            world.user(Role::Admin),
        ] {
            let error = store
                .document(outsider, &case_id, &document.0)
                .await
                .unwrap_err();
            assert!(
                matches!(error, StoreError::Forbidden(_)),
                "{}: {error}",
                outsider.username
            );
        }
        assert!(
            store
                .document(world.user(Role::Supervisor), &case_id, &document.0)
                .await
                .is_ok()
        );
        let error = store
            .document(caseworker, &case_id, "no-such-document")
            .await
            .unwrap_err();
        assert!(
            matches!(
                error,
                StoreError::NotFound {
                    what: "document",
                    ..
                }
            ),
            "{error}"
        );
        backend
    })
    .await;
}

#[tokio::test]
async fn removed_and_erased_documents_are_unreadable() {
    on_each_backend(|backend| async move {
        let store = backend.open().await;
        let world = seed_world(&store).await;
        let caseworker = world.user(Role::Caseworker);
        let (case_id, person_id) = adult_case(&store, caseworker).await;
        let (removed, _) = store
            .attach_document(caseworker, &case_id, DocumentKind::Photo, "image/png", PNG)
            .await
            .unwrap();
        let (kept, _) = store
            .attach_document(
                caseworker,
                &case_id,
                DocumentKind::IdentityDocument,
                "image/jpeg",
                JPEG,
            )
            .await
            .unwrap();

        let error = store
            .remove_document(caseworker, &case_id, &removed.0, "  ")
            .await
            .unwrap_err();
        assert!(
            matches!(error, StoreError::Refused(_)),
            "a reason is needed: {error}"
        );
        let record = store
            .remove_document(
                caseworker,
                &case_id,
                &removed.0,
                "Photo of the wrong person.",
            )
            .await
            .unwrap();
        let on_record = record.case.document(&removed).unwrap();
        assert_eq!(
            on_record.removed.as_ref().unwrap().reason,
            "Photo of the wrong person."
        );
        assert_eq!(
            backend
                .raw_count(&format!(
                    "SELECT COUNT(*) FROM case_documents WHERE id = '{}'",
                    removed.0
                ))
                .await,
            0,
            "the content is deleted with the removal"
        );
        let error = store
            .document(caseworker, &case_id, &removed.0)
            .await
            .unwrap_err();
        assert!(
            matches!(&error, StoreError::Gone(m) if m.contains("removed")),
            "{error}"
        );
        let error = store
            .remove_document(caseworker, &case_id, &removed.0, "again")
            .await
            .unwrap_err();
        assert!(matches!(error, StoreError::Refused(_)), "{error}");
        assert!(store.document(caseworker, &case_id, &kept.0).await.is_ok());

        store
            .erase_person(world.user(Role::Supervisor), &person_id, "the person asked")
            .await
            .unwrap();
        let error = store
            .document(caseworker, &case_id, &kept.0)
            .await
            .unwrap_err();
        assert!(
            matches!(&error, StoreError::Conflict(m) if m.contains("erased")),
            "{error}"
        );
        assert_eq!(
            backend
                .raw_count("SELECT COUNT(*) FROM case_documents")
                .await,
            0,
            "{}: erasure deletes the sealed content too",
            backend.name
        );
        backend
    })
    .await;
}
