//! Exchange of case records in HTCDS names: the export of Haven's cases (identifying fields only
//! for a case whose person consented to a transfer across borders, and only when asked), and
//! the import of another agency's records, kept as statistical records once each.

use haven_domain::access::ExchangeAction;
use haven_domain::case::{Case, ConsentPurpose, DecisionKind, Outcome};
use haven_domain::htcds::{CaseStatus, ExploitationType, Gender};
use haven_stats::anonymise::AnonymisationReport;
use haven_stats::htcds::{HtcdsRecord, Identity, TraffickingStatus};
use haven_stats::spreadsheet::Sheet;
use haven_stats::victim::{IdentificationStatus, VictimRecord};
use serde_json::Value;

use crate::audit::{AuditActor, AuditEvent, append};
use crate::db::{on_db, on_tx};
use crate::statistics::{CaseFacts, VictimFacts, country, form_of_notification, sex_of_gender};
use crate::vault::IdentityField;
use crate::{Result, Store, StoreError, keystore, now_ms};

/// What an import did.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ImportReport {
    pub inserted: u64,
    pub updated: u64,
    pub unchanged: u64,
}

/// The key that makes an import idempotent: the exporting system's case id when the row has
/// one, else the digest of the row's statistical record.
pub fn import_key(record: &HtcdsRecord) -> String {
    match &record.case_id {
        Some(id) => format!("id:{id}"),
        None => {
            let canonical = serde_json::to_string(record).unwrap_or_default();
            let digest = haven_crypto::chain_hash(&[], &[canonical.as_bytes()]);
            let hex: String = digest.iter().map(|b| format!("{b:02x}")).collect();
            format!("row:{hex}")
        }
    }
}

/// The CTDC microdata file and the report of what anonymisation generalised and withheld.
#[derive(Debug, Clone)]
pub struct CtdcFile {
    pub sheet: Sheet,
    pub report: AnonymisationReport,
}

impl Store {
    /// k-anonymised microdata in the CTDC's columns from [`crate::StatisticsData::micro_records`],
    /// the export audited with its k and what was withheld.
    pub async fn ctdc_export(&self, actor: AuditActor<'_>, k: u32) -> Result<CtdcFile> {
        let data = self
            .statistics_data(actor, ExchangeAction::ExportAnonymisedMicrodata)
            .await?;
        let records = data.micro_records();
        let (sheet, report) = haven_stats::ctdc::ctdc_export(&records, k)
            .map_err(|e| StoreError::invalid("k", e.to_string()))?;
        let event = AuditEvent::new("export.ctdc", "anonymised microdata").fields([
            format!("k: {k}"),
            format!("rows: {}", sheet.rows.len()),
            format!("withheld: {}", report.records_suppressed),
        ]);
        self.audit(actor, event).await?;
        Ok(CtdcFile { sheet, report })
    }

    /// Every case as an HTCDS record. With `with_identity`, the identifying fields of the cases
    /// whose person has an active consent to a transfer across borders are added (each such
    /// read audited); never for the others, nor for erased people.
    pub async fn htcds_export(
        &self,
        actor: AuditActor<'_>,
        with_identity: bool,
    ) -> Result<Vec<(HtcdsRecord, bool)>> {
        self.authorise_exchange(actor, ExchangeAction::ExportCaseRecords)
            .await?;
        let cases = self.replayed_cases().await?;
        let mut records = Vec::with_capacity(cases.len());
        let mut identified = 0;
        for (facts, case) in &cases {
            let screening: Option<(String, String, String)> = match &facts.screening_id {
                Some(id) => on_db!(&self.db, p => sqlx::query_as(
                    "SELECT sex, exploitation_type, input FROM screenings WHERE id = $1")
                    .bind(id)
                    .fetch_optional(p)
                    .await?),
                None => None,
            };
            let mut record = case_record(facts, case.as_ref(), screening.as_ref());
            let consented = case
                .as_ref()
                .is_some_and(|c| c.consent_for(&ConsentPurpose::CrossBorderTransfer).is_ok());
            if with_identity && consented {
                let Some(key) =
                    keystore::person_key(&self.keys, &self.keyring, &facts.person_id).await?
                else {
                    records.push((record, false));
                    continue;
                };
                let fields = [
                    IdentityField::GivenName,
                    IdentityField::FamilyName,
                    IdentityField::DateOfBirth,
                    IdentityField::Phone,
                    IdentityField::Email,
                    IdentityField::Address,
                ];
                let identity = self
                    .decrypt_identity_for(&facts.person_id, &key, &fields)
                    .await?;
                self.audit(
                    actor,
                    AuditEvent::new("identity.read", "cross-border transfer (HTCDS export)")
                        .record("person", &facts.person_id)
                        .fields(identity.keys().map(|f| f.id())),
                )
                .await?;
                let get = |f: IdentityField| identity.get(&f).cloned();
                record.identity = Identity {
                    first_name: get(IdentityField::GivenName),
                    second_name: get(IdentityField::FamilyName),
                    birthdate: get(IdentityField::DateOfBirth),
                    mobile_phone: get(IdentityField::Phone),
                    email: get(IdentityField::Email),
                    mailing_street: get(IdentityField::Address),
                };
                identified += 1;
                records.push((record, true));
            } else {
                records.push((record, false));
            }
        }
        let event = AuditEvent::new("export.htcds", "case record export").fields([
            format!("cases: {}", records.len()),
            format!("with identifying fields: {identified}"),
        ]);
        self.audit(actor, event).await?;
        Ok(records)
    }

    /// Keeps imported records, once each: a record whose key is known replaces the one kept
    /// when it differs. Identifying fields are never kept. One transaction: all or nothing.
    pub async fn import_htcds(
        &self,
        actor: AuditActor<'_>,
        source: &str,
        records: &[(usize, HtcdsRecord)],
    ) -> Result<ImportReport> {
        self.authorise_exchange(actor, ExchangeAction::ImportCaseRecords)
            .await?;
        let mut report = ImportReport::default();
        let mut tx = self.db.begin_write().await?;
        let now = now_ms();
        for (row, record) in records {
            let key = import_key(record);
            let json = serde_json::to_string(record)
                .map_err(|e| StoreError::invalid("record", e.to_string()))?;
            let kept: Option<(String,)> = on_tx!(&mut tx, c => sqlx::query_as(
                "SELECT record FROM imported_cases WHERE import_key = $1")
                .bind(&key)
                .fetch_optional(&mut **c)
                .await?);
            match kept {
                Some((kept,)) if kept == json => report.unchanged += 1,
                Some(_) => {
                    on_tx!(&mut tx, c => sqlx::query(
                        "UPDATE imported_cases SET source = $1, source_row = $2, record = $3, imported_at = $4 WHERE import_key = $5")
                        .bind(source)
                        .bind(*row as i64)
                        .bind(&json)
                        .bind(now)
                        .bind(&key)
                        .execute(&mut **c)
                        .await?
                        .rows_affected());
                    report.updated += 1;
                }
                None => {
                    on_tx!(&mut tx, c => sqlx::query(
                        "INSERT INTO imported_cases (import_key, source, source_row, record, imported_at) VALUES ($1, $2, $3, $4, $5)")
                        .bind(&key)
                        .bind(source)
                        .bind(*row as i64)
                        .bind(&json)
                        .bind(now)
                        .execute(&mut **c)
                        .await?
                        .rows_affected());
                    report.inserted += 1;
                }
            }
        }
        let event = AuditEvent::new("import.htcds", "case record import").fields([
            format!("source: {source}"),
            format!("inserted: {}", report.inserted),
            format!("updated: {}", report.updated),
            format!("unchanged: {}", report.unchanged),
        ]);
        append(&mut tx, actor, &event).await?;
        tx.commit().await?;
        Ok(report)
    }

    /// How many imported records are kept.
    pub async fn imported_case_count(&self) -> Result<i64> {
        let (n,): (i64,) = on_db!(&self.db, p => sqlx::query_as("SELECT COUNT(*) FROM imported_cases").fetch_one(p).await?);
        Ok(n)
    }

    /// Imported records as victims: a possible victim is presumed, an actual one decided. A
    /// record whose `hvn_CaseId` is one of `own` (this installation's cases, exported and
    /// imported back) is the same person already counted.
    pub(crate) async fn imported_victims(
        &self,
        own: &std::collections::BTreeSet<&str>,
    ) -> Result<Vec<VictimFacts>> {
        let rows: Vec<(String,)> = on_db!(&self.db, p => sqlx::query_as(
            "SELECT record FROM imported_cases ORDER BY import_key")
            .fetch_all(p)
            .await?);
        let mut victims = Vec::new();
        for (json,) in rows {
            let record: HtcdsRecord = serde_json::from_str(&json)
                .map_err(|e| StoreError::invalid("imported record", e.to_string()))?;
            if record.case_id.as_deref().is_some_and(|id| own.contains(id)) {
                continue;
            }
            let status = match record.trafficking_status {
                Some(TraffickingStatus::ActualVictimOfTrafficking) => IdentificationStatus::Decided,
                Some(TraffickingStatus::PossibleVictimOfTrafficking) => {
                    IdentificationStatus::Presumed
                }
                _ => continue,
            };
            let Some(year) = record.year() else { continue };
            let codes: Vec<&str> = record.exploitation.iter().map(|e| e.code()).collect();
            let (form, exploitation) = form_of_notification(&codes.join(","));
            victims.push(VictimFacts {
                record: VictimRecord {
                    year,
                    sex: record.gender.and_then(|g| sex_of_gender(g.code())),
                    age: None,
                    form,
                    citizenship: country(record.citizenship.first().map(String::as_str)),
                    status,
                    anonymous_notification: false,
                },
                country_of_exploitation: country(record.country_of_exploitation.as_deref()),
                exploitation,
                ctdc: Default::default(),
                imported: true,
            });
        }
        Ok(victims)
    }
}

/// A case in HTCDS terms, from its replayed history where the person's key exists, else from
/// its projection.
fn case_record(
    facts: &CaseFacts,
    case: Option<&Case>,
    screening: Option<&(String, String, String)>,
) -> HtcdsRecord {
    let trafficking_status = match case {
        Some(case) => match case.decisions.last() {
            Some(d) if d.kind == DecisionKind::ConclusiveGrounds => match d.outcome {
                Outcome::Positive => TraffickingStatus::ActualVictimOfTrafficking,
                Outcome::Negative => TraffickingStatus::NotAVictimOfTrafficking,
            },
            _ => TraffickingStatus::PossibleVictimOfTrafficking,
        },
        None if matches!(facts.stage.as_str(), "recognised" | "durable_solution") => {
            TraffickingStatus::ActualVictimOfTrafficking
        }
        None => TraffickingStatus::PossibleVictimOfTrafficking,
    };
    let gender = match screening.map(|s| s.0.as_str()) {
        Some("female") => Some(Gender::Feminine),
        Some("male") => Some(Gender::Masculine),
        Some("other") => Some(Gender::NonConforming),
        Some(_) => Some(Gender::NonSpecifiedUnknown),
        None => facts.notified_gender.as_deref().and_then(Gender::parse),
    };
    let exploitation = match screening {
        Some((_, exploitation_type, input)) => exploitation_types(
            &serde_json::from_str(input).unwrap_or(Value::Null),
            exploitation_type,
        ),
        None => facts
            .notified_exploitation
            .as_deref()
            .unwrap_or("")
            .split(',')
            .filter_map(ExploitationType::parse)
            .collect(),
    };
    let child = case.map_or(facts.child, Case::is_child);
    let citizenship = case
        .and_then(|c| c.citizenship.clone())
        .or_else(|| facts.citizenship.clone());
    let country_of_exploitation = case
        .and_then(|c| c.country_of_exploitation.clone())
        .or_else(|| facts.country_of_exploitation.clone())
        .or_else(|| facts.notified_country.clone());
    HtcdsRecord {
        case_id: Some(facts.id.clone()),
        status: case
            .map(Case::status)
            .or_else(|| CaseStatus::parse(&facts.status)),
        incoming_referral_date: haven_domain::case::Timestamp(facts.opened_at)
            .date()
            .to_string(),
        trafficking_status: Some(trafficking_status),
        decision_making_org: None,
        gender,
        age_group: Some(if child {
            haven_stats::victim::AgeGroup::Child
        } else {
            haven_stats::victim::AgeGroup::Adult
        }),
        citizenship: citizenship.into_iter().collect(),
        exploitation,
        country_of_exploitation,
        identity: Identity::default(),
    }
}

/// HTCDS `vic_TypeOfExploitation` from a screening's Palermo purposes, or its exploitation type.
fn exploitation_types(input: &Value, exploitation_type: &str) -> Vec<ExploitationType> {
    use ExploitationType as E;
    let mut types: Vec<E> = input["palermo"]["purposes"]
        .as_array()
        .map(|a| {
            a.iter()
                .filter_map(Value::as_str)
                .filter_map(|p| match p {
                    "sexual_exploitation" => Some(E::SexualExploitation),
                    "forced_labour_or_services" => Some(E::ForcedLabour),
                    "forced_begging" => Some(E::ForcedBegging),
                    "forced_marriage" => Some(E::ForcedMarriage),
                    "removal_of_organs" => Some(E::OrganRemoval),
                    "slavery" | "practices_similar_to_slavery" | "servitude" => Some(E::Servitude),
                    "illegal_adoption" => Some(E::ForcedAdoption),
                    "surrogacy_exploitation" => Some(E::Surrogacy),
                    "child_soldiering" => Some(E::ForcedMilitaryByNonStateActors),
                    "forced_criminality" => Some(E::Other),
                    _ => None,
                })
                .collect()
        })
        .unwrap_or_default();
    if types.is_empty() {
        types.push(match exploitation_type {
            "sexual" => E::SexualExploitation,
            "labour" => E::ForcedLabour,
            _ => E::Other,
        });
    }
    types.sort();
    types.dedup();
    types
}
