//! The identity vault. A person's identifying fields are sealed under that person's own data
//! key, whose wrapped form lives in the key store; the case data only knows a pseudonymous id.
//! Every read of identity fields is audited with the fields read and the purpose given.
//! Erasure destroys the data key and everything derived from the identity.

use std::collections::BTreeMap;

use haven_crypto::{Aad, DataKey, Normalisation, open, seal};
use haven_domain::access::{Action, FieldClass, RecordParties};
use haven_domain::person::BlindIndexKind;
pub use haven_domain::person::IdentityField;

use crate::audit::{AuditActor, AuditEvent, append};
use crate::db::{Tx, on_db, on_tx};
use crate::keystore;
use crate::{Principal, Result, Store, StoreError, new_id, now_ms};

/// Identifying fields and their values.
pub type IdentityRecord = BTreeMap<IdentityField, String>;

/// The pseudonymous person record (no identifying data).
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct PersonRecord {
    pub id: String,
    pub organisation_id: String,
    pub owner_user_id: String,
    pub owner_team_id: Option<String>,
    pub created_at: i64,
    pub erased_at: Option<i64>,
    pub assigned_user_ids: Vec<String>,
    pub version: i64,
}

impl PersonRecord {
    pub(crate) fn as_parties(&self) -> RecordParties<'_> {
        RecordParties {
            owner_user_id: &self.owner_user_id,
            owner_team_id: self.owner_team_id.as_deref(),
            assigned_user_ids: &self.assigned_user_ids,
            accepted_organisation_ids: &[],
        }
    }
}

impl Store {
    /// Registers a person with their identifying fields; the caller owns the new record.
    pub async fn create_person(
        &self,
        principal: &Principal,
        identity: &IdentityRecord,
        purpose: &str,
    ) -> Result<PersonRecord> {
        validate_identity(identity)?;
        let person = PersonRecord {
            id: new_id(),
            organisation_id: principal.organisation_id.clone(),
            owner_user_id: principal.user_id.clone(),
            owner_team_id: principal.team_id.clone(),
            created_at: now_ms(),
            erased_at: None,
            assigned_user_ids: Vec::new(),
            version: 1,
        };
        self.authorise(
            principal,
            &person.as_parties(),
            FieldClass::Identity,
            Action::Record,
            ("person", &person.id),
        )
        .await?;
        let key = DataKey::generate();
        keystore::insert_person_key(&self.keys, &self.keyring, &person.id, &key).await?;

        let mut tx = self.db.begin_write().await?;
        let payload = serde_json::json!({
            "organisation_id": person.organisation_id,
            "owner_user_id": person.owner_user_id,
            "owner_team_id": person.owner_team_id,
        });
        crate::screenings::append_action(
            &mut tx,
            principal,
            "person",
            &person.id,
            1,
            "person.created",
            &payload,
            person.created_at,
        )
        .await?;
        on_tx!(&mut tx, c => sqlx::query(
            "INSERT INTO persons (id, organisation_id, owner_user_id, owner_team_id, created_at, version) VALUES ($1, $2, $3, $4, $5, 1)")
            .bind(&person.id)
            .bind(&person.organisation_id)
            .bind(&person.owner_user_id)
            .bind(&person.owner_team_id)
            .bind(person.created_at)
            .execute(&mut **c)
            .await?.rows_affected());
        self.write_identity(&mut tx, &person.id, &key, identity)
            .await?;
        self.write_encoding(&mut tx, &person.id, identity).await?;
        let event = AuditEvent::new("identity.write", purpose)
            .record("person", &person.id)
            .fields(identity.keys().map(|f| f.id()));
        append(&mut tx, AuditActor::User(principal), &event).await?;
        tx.commit().await?;
        Ok(person)
    }

    /// Adds or replaces identifying fields of a person.
    pub async fn update_identity(
        &self,
        principal: &Principal,
        person_id: &str,
        changes: &IdentityRecord,
        purpose: &str,
    ) -> Result<()> {
        validate_identity(changes)?;
        let person = self.person_parties(person_id).await?;
        self.authorise(
            principal,
            &person.as_parties(),
            FieldClass::Identity,
            Action::Record,
            ("person", person_id),
        )
        .await?;
        let key = self.live_person_key(&person).await?;
        let mut merged = self.decrypt_identity(person_id, &key).await?;
        merged.extend(changes.iter().map(|(f, v)| (*f, v.clone())));
        let mut tx = self.db.begin_write().await?;
        let version = person.version + 1;
        let payload =
            serde_json::json!({ "fields": changes.keys().map(|f| f.id()).collect::<Vec<_>>() });
        crate::screenings::append_action(
            &mut tx,
            principal,
            "person",
            person_id,
            version,
            "person.identity_changed",
            &payload,
            now_ms(),
        )
        .await?;
        on_tx!(&mut tx, c => sqlx::query("UPDATE persons SET version = $1 WHERE id = $2 AND version = $3")
            .bind(version)
            .bind(person_id)
            .bind(person.version)
            .execute(&mut **c)
            .await?.rows_affected());
        self.write_identity(&mut tx, person_id, &key, changes)
            .await?;
        self.write_encoding(&mut tx, person_id, &merged).await?;
        let event = AuditEvent::new("identity.write", purpose)
            .record("person", person_id)
            .fields(changes.keys().map(|f| f.id()));
        append(&mut tx, AuditActor::User(principal), &event).await?;
        tx.commit().await
    }

    /// Reads identifying fields (all when `fields` is empty). Audited with the fields and the
    /// purpose, before the values are returned.
    pub async fn read_identity(
        &self,
        principal: &Principal,
        person_id: &str,
        fields: &[IdentityField],
        purpose: &str,
    ) -> Result<IdentityRecord> {
        if purpose.trim().is_empty() {
            return Err(StoreError::invalid(
                "purpose",
                "say why you need to see this person's identity",
            ));
        }
        let person = self.person_parties(person_id).await?;
        self.authorise(
            principal,
            &person.as_parties(),
            FieldClass::Identity,
            Action::View,
            ("person", person_id),
        )
        .await?;
        let key = self.live_person_key(&person).await?;
        let mut identity = self.decrypt_identity(person_id, &key).await?;
        if !fields.is_empty() {
            identity.retain(|field, _| fields.contains(field));
        }
        let event = AuditEvent::new("identity.read", purpose)
            .record("person", person_id)
            .fields(identity.keys().map(|f| f.id()));
        self.audit(AuditActor::User(principal), event).await?;
        Ok(identity)
    }

    /// Finds people by an exact (normalised) name or phone number through the blind index;
    /// returns only those whose case record the caller may view. The search itself is audited
    /// (the field searched, never the value).
    pub async fn find_persons(
        &self,
        principal: &Principal,
        field: IdentityField,
        value: &str,
    ) -> Result<Vec<PersonRecord>> {
        let kind = field.blind_index().ok_or_else(|| {
            StoreError::invalid(
                "field",
                format!(
                    "{} cannot be searched; search by a name or phone",
                    field.id()
                ),
            )
        })?;
        let digest = self
            .index_key
            .digest(field.id(), value, normalisation(kind));
        let ids: Vec<(String,)> = on_db!(&self.db, p => sqlx::query_as(
            "SELECT person_id FROM blind_index WHERE field = $1 AND digest = $2 ORDER BY person_id")
            .bind(field.id())
            .bind(&digest)
            .fetch_all(p)
            .await?);
        let mut found = Vec::new();
        for (id,) in ids {
            let person = self.person_parties(&id).await?;
            if self.may(principal, &person, FieldClass::Case, Action::View) {
                found.push(person);
            }
        }
        let event = AuditEvent::new("identity.search", "find a person").fields([field.id()]);
        self.audit(AuditActor::User(principal), event).await?;
        Ok(found)
    }

    /// The pseudonymous record of a person the caller may view.
    pub async fn person(&self, principal: &Principal, person_id: &str) -> Result<PersonRecord> {
        let person = self.person_parties(person_id).await?;
        self.authorise(
            principal,
            &person.as_parties(),
            FieldClass::Case,
            Action::View,
            ("person", person_id),
        )
        .await?;
        Ok(person)
    }

    /// Erases a person's identity: destroys their data key (crypto-shredding), then deletes the
    /// sealed fields and blind-index entries derived from it. Case records stay, pseudonymous.
    pub async fn erase_person(
        &self,
        principal: &Principal,
        person_id: &str,
        reason: &str,
    ) -> Result<()> {
        let person = self.person_parties(person_id).await?;
        self.authorise(
            principal,
            &person.as_parties(),
            FieldClass::Identity,
            Action::Erase,
            ("person", person_id),
        )
        .await?;
        if person.erased_at.is_some() {
            return Err(StoreError::Conflict(format!(
                "person {person_id} was already erased"
            )));
        }
        // The key goes first: from this moment nothing identifying can be read, even if what
        // follows fails half-way.
        keystore::destroy_person_key(&self.keys, person_id).await?;
        let now = now_ms();
        let mut tx = self.db.begin_write().await?;
        let version = person.version + 1;
        let payload = serde_json::json!({ "reason": reason });
        crate::screenings::append_action(
            &mut tx,
            principal,
            "person",
            person_id,
            version,
            "person.erased",
            &payload,
            now,
        )
        .await?;
        on_tx!(&mut tx, c => sqlx::query("DELETE FROM case_documents WHERE person_id = $1").bind(person_id).execute(&mut **c).await?.rows_affected());
        on_tx!(&mut tx, c => sqlx::query("DELETE FROM identity_fields WHERE person_id = $1").bind(person_id).execute(&mut **c).await?.rows_affected());
        on_tx!(&mut tx, c => sqlx::query("DELETE FROM blind_index WHERE person_id = $1").bind(person_id).execute(&mut **c).await?.rows_affected());
        on_tx!(&mut tx, c => sqlx::query("DELETE FROM linkage_encodings WHERE person_id = $1").bind(person_id).execute(&mut **c).await?.rows_affected());
        on_tx!(&mut tx, c => sqlx::query("UPDATE persons SET erased_at = $1, version = $2 WHERE id = $3")
            .bind(now)
            .bind(version)
            .bind(person_id)
            .execute(&mut **c)
            .await?.rows_affected());
        append(
            &mut tx,
            AuditActor::User(principal),
            &AuditEvent::new("identity.erase", reason).record("person", person_id),
        )
        .await?;
        tx.commit().await
    }

    /// Assigns a user to a person's record (the owner or a supervisor does this).
    pub async fn assign_person(
        &self,
        principal: &Principal,
        person_id: &str,
        user_id: &str,
    ) -> Result<()> {
        let person = self.person_parties(person_id).await?;
        self.authorise(
            principal,
            &person.as_parties(),
            FieldClass::Case,
            Action::Record,
            ("person", person_id),
        )
        .await?;
        let assignee = self.user(user_id).await?;
        let mut tx = self.db.begin_write().await?;
        let version = person.version + 1;
        let payload = serde_json::json!({ "user_id": assignee.id });
        crate::screenings::append_action(
            &mut tx,
            principal,
            "person",
            person_id,
            version,
            "person.assigned",
            &payload,
            now_ms(),
        )
        .await?;
        on_tx!(&mut tx, c => sqlx::query("INSERT INTO person_assignments (person_id, user_id) VALUES ($1, $2) ON CONFLICT DO NOTHING")
            .bind(person_id)
            .bind(&assignee.id)
            .execute(&mut **c)
            .await?.rows_affected());
        on_tx!(&mut tx, c => sqlx::query("UPDATE persons SET version = $1 WHERE id = $2").bind(version).bind(person_id).execute(&mut **c).await?.rows_affected());
        append(
            &mut tx,
            AuditActor::User(principal),
            &AuditEvent::new("person.assign", "assignment")
                .record("person", person_id)
                .fields([assignee.id.as_str()]),
        )
        .await?;
        tx.commit().await
    }

    /// The person record with its parties, without an access check (internal).
    pub(crate) async fn person_parties(&self, person_id: &str) -> Result<PersonRecord> {
        let row: Option<PersonRow> = on_db!(&self.db, p => sqlx::query_as(
            "SELECT id, organisation_id, owner_user_id, owner_team_id, created_at, erased_at, version FROM persons WHERE id = $1")
            .bind(person_id)
            .fetch_optional(p)
            .await?);
        let PersonRow {
            id,
            organisation_id,
            owner_user_id,
            owner_team_id,
            created_at,
            erased_at,
            version,
        } = row.ok_or_else(|| StoreError::NotFound {
            what: "person",
            id: person_id.to_string(),
        })?;
        let assigned: Vec<(String,)> = on_db!(&self.db, p => sqlx::query_as("SELECT user_id FROM person_assignments WHERE person_id = $1 ORDER BY user_id")
            .bind(person_id)
            .fetch_all(p)
            .await?);
        Ok(PersonRecord {
            id,
            organisation_id,
            owner_user_id,
            owner_team_id,
            created_at,
            erased_at,
            assigned_user_ids: assigned.into_iter().map(|(u,)| u).collect(),
            version,
        })
    }

    pub(crate) async fn live_person_key(&self, person: &PersonRecord) -> Result<DataKey> {
        if person.erased_at.is_some() {
            return Err(StoreError::Conflict(format!(
                "person {} was erased: their identity no longer exists",
                person.id
            )));
        }
        keystore::person_key(&self.keys, &self.keyring, &person.id)
            .await?
            .ok_or_else(|| {
                StoreError::Conflict(format!(
                    "person {} has no data key: their identity was erased",
                    person.id
                ))
            })
    }

    /// Some identity fields of a person, decrypted (internal: callers audit the read).
    pub(crate) async fn decrypt_identity_for(
        &self,
        person_id: &str,
        key: &DataKey,
        fields: &[IdentityField],
    ) -> Result<IdentityRecord> {
        let mut identity = self.decrypt_identity(person_id, key).await?;
        identity.retain(|field, _| fields.contains(field));
        Ok(identity)
    }

    /// Every identity field of a person, decrypted (internal: callers audit the read).
    async fn decrypt_identity(&self, person_id: &str, key: &DataKey) -> Result<IdentityRecord> {
        let rows: Vec<(String, Vec<u8>)> = on_db!(&self.db, p => sqlx::query_as(
            "SELECT field, sealed FROM identity_fields WHERE person_id = $1 ORDER BY field")
            .bind(person_id)
            .fetch_all(p)
            .await?);
        let mut identity = IdentityRecord::new();
        for (field, sealed) in rows {
            let Some(field) = IdentityField::parse(&field) else {
                continue;
            };
            let plain = open(key, &sealed, &identity_aad(person_id, field))?;
            identity.insert(
                field,
                String::from_utf8(plain).map_err(|_| haven_crypto::CryptoError::Malformed)?,
            );
        }
        Ok(identity)
    }

    async fn write_identity(
        &self,
        tx: &mut Tx,
        person_id: &str,
        key: &DataKey,
        identity: &IdentityRecord,
    ) -> Result<()> {
        for (field, value) in identity {
            let sealed = seal(key, 1, value.as_bytes(), &identity_aad(person_id, *field));
            on_tx!(tx, c => sqlx::query(
                "INSERT INTO identity_fields (person_id, field, sealed) VALUES ($1, $2, $3) \
                 ON CONFLICT (person_id, field) DO UPDATE SET sealed = excluded.sealed")
                .bind(person_id)
                .bind(field.id())
                .bind(&sealed)
                .execute(&mut **c)
                .await?.rows_affected());
            if let Some(kind) = field.blind_index() {
                let digest = self
                    .index_key
                    .digest(field.id(), value, normalisation(kind));
                on_tx!(tx, c => sqlx::query(
                    "INSERT INTO blind_index (person_id, field, digest) VALUES ($1, $2, $3) \
                     ON CONFLICT (person_id, field) DO UPDATE SET digest = excluded.digest")
                    .bind(person_id)
                    .bind(field.id())
                    .bind(&digest)
                    .execute(&mut **c)
                    .await?.rows_affected());
            }
        }
        Ok(())
    }
}

/// A row of the `persons` projection.
#[derive(Debug, sqlx::FromRow)]
pub(crate) struct PersonRow {
    pub(crate) id: String,
    pub(crate) organisation_id: String,
    pub(crate) owner_user_id: String,
    pub(crate) owner_team_id: Option<String>,
    pub(crate) created_at: i64,
    pub(crate) erased_at: Option<i64>,
    pub(crate) version: i64,
}

fn identity_aad(person_id: &str, field: IdentityField) -> Aad {
    Aad::new("identity_fields", field.id(), person_id)
}

fn normalisation(kind: BlindIndexKind) -> Normalisation {
    match kind {
        BlindIndexKind::Name => Normalisation::Name,
        BlindIndexKind::Phone => Normalisation::Phone,
    }
}

fn validate_identity(identity: &IdentityRecord) -> Result<()> {
    for (field, value) in identity {
        if value.trim().is_empty() {
            return Err(StoreError::invalid(
                field.id(),
                "is empty; leave the field out instead",
            ));
        }
        if value.chars().count() > field.max_len() {
            return Err(StoreError::invalid(
                field.id(),
                format!("is longer than {} characters", field.max_len()),
            ));
        }
    }
    Ok(())
}
