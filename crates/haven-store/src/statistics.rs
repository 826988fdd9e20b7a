//! Aggregates for statistics, computed on the server so that no row leaves it: who was
//! identified by which kind of organisation, for multiple systems estimation; the victims and
//! offenders the SDG 16.2.2 and GLOTIP reports count, and the dashboard's counts; the privacy
//! ledger and the record of every release.
//!
//! The records extracted here never leave the process: the reports turn them into tables that
//! go out only through the release policy (`haven_stats::release`), and every release is
//! recorded in the audit log, with the ε it spent from the dataset's persisted budget.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use haven_domain::access::{Decision, ExchangeAction, decide_exchange};
use haven_domain::case::{Case, CaseAction, CriminalJusticeOutcome, DueState, Timestamp};
use haven_stats::anonymise::MicroRecord;
use haven_stats::country::Country;
use haven_stats::ctdc::CtdcFlags;
use haven_stats::glotip::{OffenderRecord, Stage as JusticeStage};
use haven_stats::release::{PrivacyLedger, Release, ReleasePolicy};
use haven_stats::victim::{
    Exploitation, FormOfExploitation, IdentificationStatus, Sex, VictimRecord,
};
use serde_json::Value;

use crate::audit::{AuditActor, AuditEvent, append};
use crate::cases::{open_action, profile_by_id, replay};
use crate::db::{Tx, on_db, on_tx};
use crate::{Result, Store, StoreError, keystore, now_ms};

/// Capture patterns over lists: the list names, and the number of people per pattern (bit `i`
/// set = on list `i`). Only counts, never people.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CapturePatterns {
    pub lists: Vec<String>,
    pub counts: BTreeMap<u32, u64>,
}

impl Store {
    /// Each person's lists are the HTCDS organisation types whose organisations screened them —
    /// independent sources, unlike referrals. Records a caseworker linked as the same person
    /// count once. `year` keeps the people first identified in that (UTC) year.
    pub async fn capture_patterns_by_org_type(&self, year: Option<i32>) -> Result<CapturePatterns> {
        let screenings: Vec<(String, String, i64)> = on_db!(&self.db, p => sqlx::query_as(
            "SELECT s.person_id, o.org_type, s.created_at FROM screenings s JOIN organisations o ON o.id = s.organisation_id \
             WHERE s.person_id IS NOT NULL ORDER BY s.person_id")
            .fetch_all(p)
            .await?);
        let links: Vec<(String, String)> = on_db!(&self.db, p => sqlx::query_as("SELECT person_id, other_person_id FROM person_links").fetch_all(p).await?);

        let mut clusters = Clusters::default();
        for (a, b) in &links {
            clusters.union(a, b);
        }
        let mut seen: HashMap<String, (BTreeSet<String>, i64)> = HashMap::new();
        for (person, org_type, at) in screenings {
            let entry = seen
                .entry(clusters.find(&person))
                .or_insert_with(|| (BTreeSet::new(), i64::MAX));
            entry.0.insert(org_type);
            entry.1 = entry.1.min(at);
        }
        let people: Vec<(BTreeSet<String>, i64)> = seen
            .into_values()
            .filter(|(_, first)| year.is_none_or(|y| utc_year(*first) == y))
            .collect();
        let lists: Vec<String> = people
            .iter()
            .flat_map(|(types, _)| types.iter().cloned())
            .collect::<BTreeSet<_>>()
            .into_iter()
            .collect();
        let mut counts = BTreeMap::new();
        for (types, _) in &people {
            let bits = types
                .iter()
                .map(|t| 1u32 << lists.iter().position(|l| l == t).expect("a listed type"))
                .fold(0, |a, b| a | b);
            *counts.entry(bits).or_insert(0) += 1;
        }
        let event = AuditEvent::new("statistics.capture_patterns", "multiple systems estimation")
            .fields(["org_type"]);
        self.audit(AuditActor::System("statistics"), event).await?;
        Ok(CapturePatterns { lists, counts })
    }
}

/// Union-find over person ids.
#[derive(Default)]
struct Clusters(HashMap<String, String>);

impl Clusters {
    fn find(&mut self, id: &str) -> String {
        let mut root = id.to_string();
        while let Some(parent) = self.0.get(&root).filter(|p| **p != root) {
            root = parent.clone();
        }
        if root != id {
            self.0.insert(id.to_string(), root.clone());
        }
        root
    }

    fn union(&mut self, a: &str, b: &str) {
        let (ra, rb) = (self.find(a), self.find(b));
        if ra != rb {
            let (low, high) = if ra < rb { (ra, rb) } else { (rb, ra) };
            self.0.insert(high, low);
        }
    }
}

/// The calendar year (UTC) of a time in milliseconds.
pub(crate) fn utc_year(ms: i64) -> i32 {
    // Civil date from days since 1970-01-01 (Howard Hinnant's algorithm).
    let days = ms.div_euclid(86_400_000);
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    (yoe + era * 400 + i64::from(month <= 2)) as i32
}

#[cfg(test)]
mod tests {
    use super::utc_year;

    #[test]
    fn years_from_milliseconds() {
        assert_eq!(utc_year(0), 1970);
        assert_eq!(utc_year(951_782_400_000), 2000); // 2000-02-29
        assert_eq!(utc_year(1_798_761_599_999), 2026); // 2026-12-31T23:59:59.999Z
        assert_eq!(utc_year(1_798_761_600_000), 2027);
        assert_eq!(utc_year(-1), 1969);
    }
}

/// One person counted by the reports (linked records of the same person count once), with what
/// the CTDC microdata add to the report's record.
#[derive(Debug, Clone, PartialEq)]
pub struct VictimFacts {
    pub record: VictimRecord,
    pub country_of_exploitation: Option<Country>,
    /// The three CTDC flags of the forms of exploitation.
    pub exploitation: Exploitation,
    /// The CTDC means-of-control and sector flags, from the screening's indicators.
    pub ctdc: CtdcFlags,
    /// Imported from another agency's HTCDS file rather than identified in Haven.
    pub imported: bool,
}

/// What the reports count: victims, one per person, and persons in the criminal-justice
/// process, one per perpetrator and stage. In memory only: nothing here leaves the server
/// except through the release policy.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct StatisticsData {
    pub victims: Vec<VictimFacts>,
    pub offenders: Vec<OffenderRecord>,
}

impl StatisticsData {
    pub fn victim_records(&self) -> Vec<VictimRecord> {
        self.victims.iter().map(|v| v.record.clone()).collect()
    }

    /// The records CTDC microdata are made from: every person counted except anonymous
    /// notifications (no person's record stands behind them).
    pub fn micro_records(&self) -> Vec<MicroRecord<CtdcFlags>> {
        self.victims
            .iter()
            .filter(|v| !v.record.anonymous_notification)
            .map(|v| MicroRecord {
                sex: v.record.sex,
                age: v.record.age,
                citizenship: v.record.citizenship,
                country_of_exploitation: v.country_of_exploitation,
                year_of_registration: v.record.year,
                exploitation: v.exploitation,
                attributes: v.ctdc,
            })
            .collect()
    }
}

/// The dashboard's counts before release: cases by stage; identified people by sex, age group
/// and form of exploitation; what open cases wait for, by whether it is on time.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct DashboardData {
    pub stages: Vec<String>,
    pub victims: Vec<VictimRecord>,
    pub deadlines: Vec<DeadlineState>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum DeadlineState {
    OnTime,
    Overdue,
    Escalated,
}

impl DeadlineState {
    pub const ALL: [DeadlineState; 3] = [
        DeadlineState::OnTime,
        DeadlineState::Overdue,
        DeadlineState::Escalated,
    ];

    pub fn label(self) -> &'static str {
        match self {
            DeadlineState::OnTime => "on time",
            DeadlineState::Overdue => "overdue",
            DeadlineState::Escalated => "escalated",
        }
    }
}

/// The dataset whose privacy budget a year's reports spend: the cases of people first
/// identified that year.
pub fn cases_dataset(year: u16) -> String {
    format!("cases-{year}")
}

/// A dataset's privacy budget as the CLI prints it and the API returns it.
pub fn budget_json(ledger: &PrivacyLedger, dataset: &str) -> serde_json::Value {
    let spends: Vec<serde_json::Value> = ledger
        .spends(dataset)
        .iter()
        .map(|s| serde_json::json!({"epsilon": s.epsilon, "query": s.query}))
        .collect();
    serde_json::json!({
        "dataset": dataset,
        "budget": ledger.budget(dataset),
        "spent": ledger.spent(dataset),
        "remaining": ledger.remaining(dataset),
        "spends": spends,
    })
}

/// What a recorded release spent.
#[derive(Debug, Clone, PartialEq)]
pub struct ReleaseReceipt {
    pub dataset: String,
    /// ε spent by this release (all its tables); 0 under suppression.
    pub epsilon_spent: f64,
    /// ε left in the dataset's budget, if it has one.
    pub remaining: Option<f64>,
    /// The audit log entry that records it.
    pub audit_seq: i64,
}

/// A row of the `cases` projection, as the statistics read it.
#[derive(Debug, Clone, sqlx::FromRow)]
pub(crate) struct CaseFacts {
    pub(crate) id: String,
    pub(crate) person_id: String,
    pub(crate) screening_id: Option<String>,
    pub(crate) profile_id: String,
    pub(crate) stage: String,
    pub(crate) status: String,
    pub(crate) child: bool,
    pub(crate) opened_at: i64,
    pub(crate) last_action_at: i64,
    pub(crate) positive_decision_at: Option<i64>,
    pub(crate) notified_gender: Option<String>,
    pub(crate) notified_exploitation: Option<String>,
    pub(crate) notified_country: Option<String>,
    pub(crate) citizenship: Option<String>,
    pub(crate) country_of_exploitation: Option<String>,
}

/// A row of the `screenings` projection, as the statistics read it.
#[derive(Debug, Clone, sqlx::FromRow)]
struct ScreeningFacts {
    person_id: String,
    created_at: i64,
    sex: String,
    exploitation_type: String,
    legal_outcome: String,
    input: String,
}

impl Store {
    /// The victims and offenders the reports count. `action` is what the records are extracted
    /// for: releasing aggregates, or anonymised microdata; the actor must be allowed it.
    /// Audited as a statistics extraction (no record is named).
    pub async fn statistics_data(
        &self,
        actor: AuditActor<'_>,
        action: ExchangeAction,
    ) -> Result<StatisticsData> {
        self.authorise_exchange(actor, action).await?;
        let cases = self.replayed_cases().await?;
        let victims = self.victims(&cases).await?;
        let mut offenders = Vec::new();
        for (_, case) in &cases {
            let Some(case) = case else { continue };
            for perpetrator in &case.perpetrators {
                for outcome in &perpetrator.outcomes {
                    let stage = match outcome.outcome {
                        CriminalJusticeOutcome::Suspected => JusticeStage::Suspected,
                        CriminalJusticeOutcome::Prosecuted => JusticeStage::Prosecuted,
                        CriminalJusticeOutcome::Convicted => JusticeStage::Convicted,
                        CriminalJusticeOutcome::Acquitted => continue,
                    };
                    offenders.push(OffenderRecord {
                        year: outcome
                            .year
                            .unwrap_or_else(|| utc_year(outcome.recorded_at.0) as u16),
                        stage,
                        sex: sex_of_gender(perpetrator.sex.code()),
                        citizenship: country(perpetrator.citizenship.as_deref()),
                    });
                }
            }
        }
        let event = AuditEvent::new("statistics.extract", purpose_of(action))
            .fields(["victims", "offenders"]);
        self.audit(actor, event).await?;
        Ok(StatisticsData { victims, offenders })
    }

    /// The dashboard's counts, before release.
    pub async fn dashboard_data(&self, actor: AuditActor<'_>) -> Result<DashboardData> {
        self.authorise_exchange(actor, ExchangeAction::ReleaseAggregates)
            .await?;
        let cases = self.replayed_cases().await?;
        let victims = self
            .victims(&cases)
            .await?
            .into_iter()
            .map(|v| v.record)
            .collect();
        let now = Timestamp(now_ms());
        let mut deadlines = Vec::new();
        for (facts, case) in &cases {
            let Some(case) = case else { continue };
            let profile = profile_by_id(&facts.profile_id)?;
            for item in haven_domain::case::due_items(case, profile, now) {
                deadlines.push(match item.state {
                    DueState::Pending => DeadlineState::OnTime,
                    DueState::Overdue => DeadlineState::Overdue,
                    DueState::Escalated { .. } => DeadlineState::Escalated,
                });
            }
        }
        let event =
            AuditEvent::new("statistics.extract", "dashboard").fields(["cases", "deadlines"]);
        self.audit(actor, event).await?;
        Ok(DashboardData {
            stages: cases.into_iter().map(|(f, _)| f.stage).collect(),
            victims,
            deadlines,
        })
    }

    /// Records a release in the audit log — who, what query, which policy, the ε spent — after
    /// checking that every table passed its privacy check, and spends the ε of its noisy tables
    /// from the dataset's budget, all in one transaction: a release the budget cannot pay for
    /// is refused and nothing is recorded as spent.
    pub async fn record_release(
        &self,
        actor: AuditActor<'_>,
        dataset: &str,
        query: &str,
        releases: &[&Release],
    ) -> Result<ReleaseReceipt> {
        self.authorise_exchange(actor, ExchangeAction::ReleaseAggregates)
            .await?;
        if let Some(failed) = releases.iter().find(|r| !r.passes_privacy_check()) {
            return Err(StoreError::Refused(format!(
                "{query}: a table under {} failed its privacy check (a withheld count could be worked out); nothing was released",
                policy_text(&failed.policy)
            )));
        }
        let epsilons: Vec<f64> = releases.iter().filter_map(|r| r.policy.epsilon()).collect();
        let policies: BTreeSet<String> = releases.iter().map(|r| policy_text(&r.policy)).collect();
        let mut tx = self.db.begin_write().await?;
        let mut spent = 0.0;
        let mut remaining = None;
        if !epsilons.is_empty() {
            let mut ledger = load_ledger(&mut tx, dataset).await?;
            for epsilon in &epsilons {
                let spend = ledger
                    .spend(dataset, *epsilon, query)
                    .map_err(|e| StoreError::Refused(e.to_string()))?;
                spent += spend.epsilon;
            }
            remaining = ledger.remaining(dataset);
            save_ledger(&mut tx, dataset, &ledger).await?;
        }
        let policy = policies.into_iter().collect::<Vec<_>>().join("; ");
        let event = AuditEvent::new("statistics.release", "statistics release").fields([
            format!("dataset: {dataset}"),
            format!("query: {query}"),
            format!("policy: {policy}"),
            format!("epsilon spent: {spent}"),
            format!("tables: {}", releases.len()),
        ]);
        let audit_seq = append(&mut tx, actor, &event).await?;
        tx.commit().await?;
        Ok(ReleaseReceipt {
            dataset: dataset.to_string(),
            epsilon_spent: spent,
            remaining,
            audit_seq,
        })
    }

    /// Sets a dataset's total privacy budget (it may be raised, or lowered no further than what
    /// is spent).
    pub async fn set_privacy_budget(
        &self,
        actor: AuditActor<'_>,
        dataset: &str,
        total_epsilon: f64,
    ) -> Result<PrivacyLedger> {
        self.authorise_exchange(actor, ExchangeAction::SetPrivacyBudget)
            .await?;
        let mut tx = self.db.begin_write().await?;
        let mut ledger = load_ledger(&mut tx, dataset).await?;
        ledger
            .set_budget(dataset, total_epsilon)
            .map_err(|e| StoreError::invalid("budget", e.to_string()))?;
        save_ledger(&mut tx, dataset, &ledger).await?;
        let event = AuditEvent::new("statistics.budget", "privacy budget").fields([
            format!("dataset: {dataset}"),
            format!("total epsilon: {total_epsilon}"),
        ]);
        append(&mut tx, actor, &event).await?;
        tx.commit().await?;
        Ok(ledger)
    }

    /// The ledger of one dataset as persisted (empty if it has no budget yet).
    pub async fn privacy_ledger(&self, dataset: &str) -> Result<PrivacyLedger> {
        let row: Option<(String,)> = on_db!(&self.db, p => sqlx::query_as(
            "SELECT ledger FROM privacy_ledgers WHERE dataset = $1")
            .bind(dataset)
            .fetch_optional(p)
            .await?);
        match row {
            Some((json,)) => parse_ledger(&json),
            None => Ok(PrivacyLedger::new()),
        }
    }

    /// Asks the domain whether the actor may do this; commands run on the server itself (the
    /// operator's shell) may. A refusal is audited.
    pub async fn authorise_exchange(
        &self,
        actor: AuditActor<'_>,
        action: ExchangeAction,
    ) -> Result<()> {
        let AuditActor::User(principal) = actor else {
            return Ok(());
        };
        match decide_exchange(principal.role, action) {
            Decision::Allow => Ok(()),
            Decision::Deny(reason) => {
                let event = AuditEvent::new("access.denied", purpose_of(action))
                    .fields(["aggregate"])
                    .outcome(crate::AuditOutcome::Denied);
                self.audit(actor, event).await?;
                Err(StoreError::Forbidden(reason.to_string()))
            }
        }
    }

    /// Every case with its projection, replayed with its person's key where the key still
    /// exists (erased people's cases keep only their projection).
    pub(crate) async fn replayed_cases(&self) -> Result<Vec<(CaseFacts, Option<Case>)>> {
        let facts: Vec<CaseFacts> = on_db!(&self.db, p => sqlx::query_as(
            "SELECT id, person_id, screening_id, profile_id, stage, status, child, opened_at, last_action_at, positive_decision_at, notified_gender, notified_exploitation, notified_country, citizenship, country_of_exploitation FROM cases ORDER BY id")
            .fetch_all(p)
            .await?);
        let stored: Vec<(String, i64, String)> = on_db!(&self.db, p => sqlx::query_as(
            "SELECT record_id, seq, payload FROM record_actions WHERE record_type = 'case' ORDER BY record_id, seq")
            .fetch_all(p)
            .await?);
        let mut histories: HashMap<String, Vec<(i64, String)>> = HashMap::new();
        for (case_id, seq, payload) in stored {
            histories.entry(case_id).or_default().push((seq, payload));
        }
        let mut keys: HashMap<String, Option<haven_crypto::DataKey>> = HashMap::new();
        let mut cases = Vec::with_capacity(facts.len());
        for fact in facts {
            if !keys.contains_key(&fact.person_id) {
                let key = keystore::person_key(&self.keys, &self.keyring, &fact.person_id).await?;
                keys.insert(fact.person_id.clone(), key);
            }
            let case = match (&keys[&fact.person_id], histories.get(&fact.id)) {
                (Some(key), Some(stored)) => {
                    let history = stored
                        .iter()
                        .map(|(seq, payload)| open_action(&fact.id, *seq, key, payload))
                        .collect::<Result<Vec<CaseAction>>>()?;
                    Some(replay(&history, profile_by_id(&fact.profile_id)?)?)
                }
                _ => None,
            };
            cases.push((fact, case));
        }
        Ok(cases)
    }

    /// One victim per person: linked records count once; presumed by a screening whose legal
    /// outcome is trafficking, a positive decision or an anonymous notification; decided by a
    /// positive decision that is still the latest word. Imported case records follow, except
    /// Haven's own cases coming back in a partner's file.
    async fn victims(&self, cases: &[(CaseFacts, Option<Case>)]) -> Result<Vec<VictimFacts>> {
        let screenings: Vec<ScreeningFacts> = on_db!(&self.db, p => sqlx::query_as(
            "SELECT person_id, created_at, sex, exploitation_type, legal_outcome, input FROM screenings \
             WHERE person_id IS NOT NULL ORDER BY created_at, id")
            .fetch_all(p)
            .await?);
        let links: Vec<(String, String)> = on_db!(&self.db, p => sqlx::query_as(
            "SELECT person_id, other_person_id FROM person_links ORDER BY person_id, other_person_id")
            .fetch_all(p)
            .await?);
        let mut clusters = Clusters::default();
        for (a, b) in &links {
            clusters.union(a, b);
        }
        let mut people: BTreeMap<String, Person<'_>> = BTreeMap::new();
        for screening in &screenings {
            let root = clusters.find(&screening.person_id);
            people.entry(root).or_default().screenings.push(screening);
        }
        for (facts, case) in cases {
            let root = clusters.find(&facts.person_id);
            people
                .entry(root)
                .or_default()
                .cases
                .push((facts, case.as_ref()));
        }
        let mut victims: Vec<VictimFacts> = people.values().filter_map(Person::victim).collect();
        let own: BTreeSet<&str> = cases.iter().map(|(f, _)| f.id.as_str()).collect();
        victims.extend(self.imported_victims(&own).await?);
        Ok(victims)
    }
}

/// Everything known of one person, over their linked records.
#[derive(Default)]
struct Person<'a> {
    screenings: Vec<&'a ScreeningFacts>,
    cases: Vec<(&'a CaseFacts, Option<&'a Case>)>,
}

impl Person<'_> {
    fn victim(&self) -> Option<VictimFacts> {
        let trafficking = self
            .screenings
            .iter()
            .any(|s| s.legal_outcome == "TRAFFICKING");
        let positive_ever = self
            .cases
            .iter()
            .any(|(f, _)| f.positive_decision_at.is_some());
        // Replayed: the latest decision; erased: what the projection keeps.
        let decided = self.cases.iter().any(|(f, case)| match case {
            Some(case) => case.has_positive_decision(),
            None => {
                f.positive_decision_at.is_some()
                    && !matches!(f.stage.as_str(), "not_identified" | "reconsideration")
            }
        });
        let anonymous = !self.cases.is_empty()
            && self
                .cases
                .iter()
                .all(|(f, _)| f.stage == "anonymous_notification");
        let status = if decided {
            IdentificationStatus::Decided
        } else if trafficking || positive_ever || anonymous {
            IdentificationStatus::Presumed
        } else {
            return None;
        };
        let first = self
            .screenings
            .iter()
            .map(|s| s.created_at)
            .chain(self.cases.iter().map(|(f, _)| f.opened_at))
            .min()?;
        let inputs: Vec<Value> = self
            .screenings
            .iter()
            .map(|s| serde_json::from_str(&s.input).unwrap_or(Value::Null))
            .collect();
        let notified = self
            .cases
            .iter()
            .find(|(f, _)| f.notified_gender.is_some())
            .map(|(f, _)| *f);
        let sex = self
            .screenings
            .iter()
            .find_map(|s| match s.sex.as_str() {
                "female" => Some(Sex::Female),
                "male" => Some(Sex::Male),
                "other" => Some(Sex::Other),
                _ => None,
            })
            .or_else(|| notified.and_then(|f| sex_of_gender(f.notified_gender.as_deref()?)));
        let age = inputs.iter().find_map(|input| {
            let age = &input["age"];
            age["years"]
                .as_u64()
                .or_else(|| age["claimed_years"].as_u64())
                .and_then(|y| u8::try_from(y).ok())
        });
        let (form, exploitation) = match self.screenings.first() {
            Some(first) => form_of_screening(&inputs[0], &first.exploitation_type),
            None => notified
                .map(|f| form_of_notification(f.notified_exploitation.as_deref().unwrap_or("")))
                .unwrap_or((FormOfExploitation::Other, Exploitation::default())),
        };
        let mut by_recency: Vec<&CaseFacts> = self.cases.iter().map(|(f, _)| *f).collect();
        by_recency.sort_by_key(|f| std::cmp::Reverse(f.last_action_at));
        let citizenship = by_recency
            .iter()
            .find_map(|f| country(f.citizenship.as_deref()));
        let country_of_exploitation = by_recency.iter().find_map(|f| {
            country(f.country_of_exploitation.as_deref())
                .or_else(|| country(f.notified_country.as_deref()))
        });
        let mut ctdc = CtdcFlags::default();
        for input in &inputs {
            ctdc_flags(input, &mut ctdc);
        }
        Some(VictimFacts {
            record: VictimRecord {
                year: utc_year(first) as u16,
                sex,
                age,
                form,
                citizenship,
                status,
                anonymous_notification: anonymous,
            },
            country_of_exploitation,
            exploitation,
            ctdc,
            imported: false,
        })
    }
}

/// The form of exploitation from the screening's Palermo purposes (begging and forced
/// criminality are named rather than counted as forced labour; several forms are mixed), or
/// from its exploitation type when no purpose is established.
fn form_of_screening(input: &Value, exploitation_type: &str) -> (FormOfExploitation, Exploitation) {
    use FormOfExploitation as F;
    let purposes: Vec<&str> = input["palermo"]["purposes"]
        .as_array()
        .map(|a| a.iter().filter_map(Value::as_str).collect())
        .unwrap_or_default();
    let mut forms: BTreeSet<F> = purposes
        .iter()
        .filter_map(|p| match *p {
            "sexual_exploitation" => Some(F::SexualExploitation),
            "forced_labour_or_services" => Some(F::ForcedLabour),
            "forced_criminality" => Some(F::ForcedCriminalActivity),
            "forced_begging" => Some(F::Begging),
            "forced_marriage" => Some(F::ForcedMarriage),
            "removal_of_organs" => Some(F::OrganRemoval),
            "illegal_adoption" | "surrogacy_exploitation" | "child_soldiering" => Some(F::Other),
            // Slavery, servitude and similar practices name how, not the sector.
            _ => None,
        })
        .collect();
    if forms.contains(&F::Begging) || forms.contains(&F::ForcedCriminalActivity) {
        forms.remove(&F::ForcedLabour);
    }
    if forms.is_empty() {
        forms.insert(match exploitation_type {
            "sexual" => F::SexualExploitation,
            "labour" => F::ForcedLabour,
            _ => F::Other,
        });
    }
    forms_to_record(&forms)
}

/// The form of exploitation of an anonymous notification (HTCDS `vic_TypeOfExploitation` codes).
pub(crate) fn form_of_notification(codes: &str) -> (FormOfExploitation, Exploitation) {
    use FormOfExploitation as F;
    let mut forms: BTreeSet<F> = codes
        .split(',')
        .filter(|c| !c.is_empty())
        .map(|code| match code {
            "SexualExploitation" => F::SexualExploitation,
            "ForcedLabour" | "ChildLabour" => F::ForcedLabour,
            "ForcedBegging" => F::Begging,
            "ForcedMarriage" => F::ForcedMarriage,
            "OrganRemoval" => F::OrganRemoval,
            _ => F::Other,
        })
        .collect();
    if forms.is_empty() {
        forms.insert(F::Other);
    }
    forms_to_record(&forms)
}

fn forms_to_record(forms: &BTreeSet<FormOfExploitation>) -> (FormOfExploitation, Exploitation) {
    use FormOfExploitation as F;
    let form = match forms.iter().collect::<Vec<_>>().as_slice() {
        [one] => **one,
        _ => F::MixedForms,
    };
    let exploitation = Exploitation {
        sexual: forms.contains(&F::SexualExploitation),
        forced_labour: forms.contains(&F::ForcedLabour),
        other: forms
            .iter()
            .any(|f| !matches!(f, F::SexualExploitation | F::ForcedLabour)),
    };
    (form, exploitation)
}

/// The CTDC means-of-control flags from the ILO indicators answered yes.
fn ctdc_flags(input: &Value, flags: &mut CtdcFlags) {
    let Some(indicators) = input["indicators"].as_object() else {
        return;
    };
    for (id, answer) in indicators {
        if answer.as_str() != Some("yes") {
            continue;
        }
        let name = id.split_once('.').map_or(id.as_str(), |(_, n)| n);
        match name {
            "confiscation_of_documents" => flags.means_withhold_docs = true,
            "debt_bondage" | "withholding_of_wages" | "withholding_of_money" => {
                flags.means_debt_bondage_earnings = true
            }
            "threat_of_denunciation"
            | "threat_of_violence"
            | "threat_to_inform_family_community"
            | "threat_of_worse_conditions" => flags.means_threats = true,
            "violence_on_victim" => flags.means_abuse_psy_phy_sex = true,
            "excessive_hours" => flags.means_excessive_work_hours = true,
            "isolation_confinement_surveillance" => flags.means_deny_basic_needs = true,
            _ if id.starts_with("DR.") => flags.means_false_promises = true,
            _ => {}
        }
    }
}

/// Sex from an HTCDS `prs_Gender` code; unknown is not recorded.
pub(crate) fn sex_of_gender(code: &str) -> Option<Sex> {
    match code {
        "Feminine" => Some(Sex::Female),
        "Masculine" => Some(Sex::Male),
        "TransgenderFeminine" | "TransgenderMasculine" | "NonConforming" => Some(Sex::Other),
        _ => None,
    }
}

/// A country from an alpha-2 code, if it is an officially assigned one.
pub(crate) fn country(code: Option<&str>) -> Option<Country> {
    code.and_then(|c| Country::from_alpha2(c).ok())
}

fn purpose_of(action: ExchangeAction) -> &'static str {
    match action {
        ExchangeAction::ReleaseAggregates => "statistics release",
        ExchangeAction::SetPrivacyBudget => "privacy budget",
        ExchangeAction::ExportAnonymisedMicrodata => "anonymised microdata",
        ExchangeAction::ExportCaseRecords => "case record export",
        ExchangeAction::ImportCaseRecords => "case record import",
    }
}

/// A policy in words, for the audit log.
pub fn policy_text(policy: &ReleasePolicy) -> String {
    match policy {
        ReleasePolicy::Suppress { min_cell, rounding } => match rounding {
            Some(base) => format!("suppress min_cell={min_cell} rounding={base}"),
            None => format!("suppress min_cell={min_cell}"),
        },
        ReleasePolicy::DifferentialPrivacy { epsilon } => format!("dp epsilon={epsilon}"),
    }
}

/// The dataset's ledger inside a write transaction, its row locked first (an update takes the
/// lock on both engines) so that concurrent releases queue.
async fn load_ledger(tx: &mut Tx, dataset: &str) -> Result<PrivacyLedger> {
    on_tx!(tx, c => sqlx::query("UPDATE privacy_ledgers SET updated_at = updated_at WHERE dataset = $1")
        .bind(dataset)
        .execute(&mut **c)
        .await?
        .rows_affected());
    let row: Option<(String,)> = on_tx!(tx, c => sqlx::query_as(
        "SELECT ledger FROM privacy_ledgers WHERE dataset = $1")
        .bind(dataset)
        .fetch_optional(&mut **c)
        .await?);
    match row {
        Some((json,)) => parse_ledger(&json),
        None => Ok(PrivacyLedger::new()),
    }
}

async fn save_ledger(tx: &mut Tx, dataset: &str, ledger: &PrivacyLedger) -> Result<()> {
    let json = serde_json::to_string(ledger)
        .map_err(|e| StoreError::invalid("privacy ledger", e.to_string()))?;
    on_tx!(tx, c => sqlx::query(
        "INSERT INTO privacy_ledgers (dataset, ledger, updated_at) VALUES ($1, $2, $3) \
         ON CONFLICT (dataset) DO UPDATE SET ledger = excluded.ledger, updated_at = excluded.updated_at")
        .bind(dataset)
        .bind(json)
        .bind(now_ms())
        .execute(&mut **c)
        .await?
        .rows_affected());
    Ok(())
}

fn parse_ledger(json: &str) -> Result<PrivacyLedger> {
    serde_json::from_str(json)
        .map_err(|e| StoreError::invalid("stored privacy ledger", e.to_string()))
}

/// Writes the case's citizenship and country of exploitation into its projection.
pub(crate) async fn project_origin(tx: &mut Tx, case_id: &str, case: &Case) -> Result<()> {
    on_tx!(tx, c => sqlx::query(
        "UPDATE cases SET citizenship = $1, country_of_exploitation = $2 WHERE id = $3")
        .bind(&case.citizenship)
        .bind(&case.country_of_exploitation)
        .bind(case_id)
        .execute(&mut **c)
        .await?
        .rows_affected());
    Ok(())
}
