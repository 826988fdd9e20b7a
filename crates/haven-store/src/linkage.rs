//! "Possible match": each person's identity is also kept as a linkage encoding (a CLK under this
//! installation's own secret), so a new registration can be compared with every person already
//! known without decrypting anyone. Haven never merges records: a caseworker records that two
//! records are the same person, or undoes it, and both are actions in the histories.

use haven_crypto::DataKey;
use haven_domain::access::{Action, FieldClass};
use haven_linkage::{
    Blocking, Clk, ClkBatch, ClkEncoder, LinkageSchema, Threshold, candidate_pairs,
};

use crate::audit::{AuditActor, AuditEvent, append};
use crate::db::{Tx, on_db, on_tx};
use crate::vault::{IdentityField, IdentityRecord};
use crate::{Principal, Result, Store, StoreError, now_ms};

/// The schema of the encodings (names, date of birth, phone), embedded.
const PERSON_SCHEMA: &str = include_str!("../../../reference/linkage/person-schema.json");

/// The Dice similarity from which two records are shown as a possible match.
pub const POSSIBLE_MATCH_THRESHOLD: f64 = 0.8;

/// A person who may be the same as the one asked about.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct PossibleMatch {
    pub person_id: String,
    /// Dice similarity of the two encodings, 0 to 1.
    pub score: f64,
    /// Whether a caseworker already recorded that the two are the same person.
    pub linked: bool,
}

/// Possible matches the caller may see, and how many more exist in records they may not.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct PossibleMatches {
    pub matches: Vec<PossibleMatch>,
    pub hidden: usize,
}

pub(crate) struct PersonEncoder(ClkEncoder);

impl PersonEncoder {
    pub(crate) fn new(secret: &DataKey) -> PersonEncoder {
        let schema =
            LinkageSchema::from_json(PERSON_SCHEMA).expect("the embedded person schema is valid");
        PersonEncoder(ClkEncoder::new(schema, secret.as_bytes()))
    }

    fn encode(&self, identity: &IdentityRecord) -> Result<Clk> {
        let value = |field: IdentityField| {
            identity
                .get(&field)
                .map(String::as_str)
                .unwrap_or_default()
                .to_string()
        };
        let phone: String = value(IdentityField::Phone)
            .chars()
            .filter(char::is_ascii_digit)
            .collect();
        let record = [
            value(IdentityField::GivenName),
            value(IdentityField::FamilyName),
            value(IdentityField::DateOfBirth),
            phone,
        ];
        self.0
            .encode(0, &record)
            .map_err(|e| StoreError::invalid("identity", e.to_string()))
    }
}

impl Store {
    /// People who may be the same as `person_id`, best first.
    pub async fn possible_matches(
        &self,
        principal: &Principal,
        person_id: &str,
    ) -> Result<PossibleMatches> {
        let person = self.person_parties(person_id).await?;
        self.authorise(
            principal,
            &person.as_parties(),
            FieldClass::Case,
            Action::View,
            ("person", person_id),
        )
        .await?;
        let own: Option<(Vec<u8>,)> = on_db!(&self.db, p => sqlx::query_as("SELECT clk FROM linkage_encodings WHERE person_id = $1")
            .bind(person_id)
            .fetch_optional(p)
            .await?);
        let Some((own,)) = own else {
            return Ok(PossibleMatches {
                matches: Vec::new(),
                hidden: 0,
            });
        };
        let others: Vec<(String, Vec<u8>)> = on_db!(&self.db, p => sqlx::query_as(
            "SELECT person_id, clk FROM linkage_encodings WHERE person_id <> $1 ORDER BY person_id")
            .bind(person_id)
            .fetch_all(p)
            .await?);
        let linked: Vec<(String,)> = on_db!(&self.db, p => sqlx::query_as("SELECT other_person_id FROM person_links WHERE person_id = $1")
            .bind(person_id)
            .fetch_all(p)
            .await?);
        if others.is_empty() {
            return Ok(PossibleMatches {
                matches: Vec::new(),
                hidden: 0,
            });
        }
        let batch = |clks: Vec<Clk>| {
            ClkBatch::new(&clks).map_err(|e| StoreError::invalid("linkage", e.to_string()))
        };
        let a = batch(vec![Clk::from_bytes(own)])?;
        let b = batch(
            others
                .iter()
                .map(|(_, clk)| Clk::from_bytes(clk.clone()))
                .collect(),
        )?;
        let threshold = Threshold::new(POSSIBLE_MATCH_THRESHOLD).expect("a valid threshold");
        let mut pairs = candidate_pairs(&a, &b, threshold, Blocking::None, &|_| {})
            .map_err(|e| StoreError::invalid("linkage", e.to_string()))?;
        pairs.sort_by(|x, y| y.similarity.value().total_cmp(&x.similarity.value()));
        let mut result = PossibleMatches {
            matches: Vec::new(),
            hidden: 0,
        };
        for pair in pairs {
            let other_id = &others[pair.b].0;
            let other = self.person_parties(other_id).await?;
            if self.may(principal, &other, FieldClass::Case, Action::View) {
                result.matches.push(PossibleMatch {
                    person_id: other_id.clone(),
                    score: (pair.similarity.value() * 1000.0).round() / 1000.0,
                    linked: linked.iter().any(|(l,)| l == other_id),
                });
            } else {
                result.hidden += 1;
            }
        }
        Ok(result)
    }

    /// Records that two records are the same person (on both histories); `same = false` undoes it.
    pub async fn link_persons(
        &self,
        principal: &Principal,
        person_id: &str,
        other_id: &str,
        same: bool,
    ) -> Result<()> {
        if person_id == other_id {
            return Err(StoreError::invalid(
                "other_person_id",
                "a record is always the same person as itself",
            ));
        }
        let a = self.person_parties(person_id).await?;
        let b = self.person_parties(other_id).await?;
        for person in [&a, &b] {
            self.authorise(
                principal,
                &person.as_parties(),
                FieldClass::Case,
                Action::Record,
                ("person", &person.id),
            )
            .await?;
        }
        let action = if same {
            "person.linked"
        } else {
            "person.unlinked"
        };
        let at = now_ms();
        let mut tx = self.db.begin_write().await?;
        for (person, other) in [(&a, &b), (&b, &a)] {
            let payload = serde_json::json!({ "other_person_id": other.id });
            crate::screenings::append_action(
                &mut tx,
                principal,
                "person",
                &person.id,
                person.version + 1,
                action,
                &payload,
                at,
            )
            .await?;
            on_tx!(&mut tx, c => sqlx::query("UPDATE persons SET version = $1 WHERE id = $2")
                .bind(person.version + 1)
                .bind(&person.id)
                .execute(&mut **c)
                .await?
                .rows_affected());
            project_link(&mut tx, &person.id, &other.id, same).await?;
        }
        let event = AuditEvent::new(
            if same { "person.link" } else { "person.unlink" },
            "same person",
        )
        .record("person", person_id)
        .fields([other_id]);
        append(&mut tx, AuditActor::User(principal), &event).await?;
        tx.commit().await
    }

    /// Stores a person's encoding inside the transaction that writes their identity.
    pub(crate) async fn write_encoding(
        &self,
        tx: &mut Tx,
        person_id: &str,
        identity: &IdentityRecord,
    ) -> Result<()> {
        let clk = self.person_encoder.encode(identity)?;
        on_tx!(tx, c => sqlx::query(
            "INSERT INTO linkage_encodings (person_id, clk) VALUES ($1, $2) ON CONFLICT (person_id) DO UPDATE SET clk = excluded.clk")
            .bind(person_id)
            .bind(clk.as_bytes())
            .execute(&mut **c)
            .await?
            .rows_affected());
        Ok(())
    }
}

pub(crate) async fn project_link(
    tx: &mut Tx,
    person_id: &str,
    other_id: &str,
    same: bool,
) -> Result<()> {
    if same {
        on_tx!(tx, c => sqlx::query("INSERT INTO person_links (person_id, other_person_id) VALUES ($1, $2) ON CONFLICT DO NOTHING")
            .bind(person_id)
            .bind(other_id)
            .execute(&mut **c)
            .await?
            .rows_affected());
    } else {
        on_tx!(tx, c => sqlx::query("DELETE FROM person_links WHERE person_id = $1 AND other_person_id = $2")
            .bind(person_id)
            .bind(other_id)
            .execute(&mut **c)
            .await?
            .rows_affected());
    }
    Ok(())
}
