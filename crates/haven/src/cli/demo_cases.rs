//! The demo's cases of the national referral mechanism: one in every stage, referrals in every
//! status, deadlines met and missed, a child on the child track and a non-punishment alert —
//! each a backdated history that the domain checks action by action, as it would live.

use std::collections::BTreeSet;

use haven_domain::case::CriminalJusticeOutcome;
use haven_domain::case::consent::ChildAssent;
use haven_domain::case::lifecycle::{ClosureStatus, Cooperation, DurableSolution, Setting};
use haven_domain::case::{
    ConsentGiver, ConsentPurpose, DecisionKind, Informed, LegalBasis, OffenceCategory,
    OrganisationId, Outcome, ProceedingId, Recipient, RecipientRole, SharedField, What,
};
use haven_domain::htcds::{ExploitationType, Gender, PerpetratorRole, SupportPlanType};
use haven_store::{OpenCase, Principal, Store};
use rand_chacha::ChaCha8Rng;

use super::CliError;
use super::demo::{synthetic_identity, synthetic_input};

/// Who works the demo's cases.
pub struct CaseTeam {
    pub caseworker: Principal,
    pub supervisor: Principal,
    pub decision_maker: Principal,
    pub shelter: Principal,
    pub clinic: Principal,
    pub legal_aid: Principal,
    pub child_protection: Principal,
    pub school: Principal,
    /// Law enforcement, for the referral a withdrawn consent suspends.
    pub police: Principal,
}

const DAY: i64 = 86_400_000;

/// Builds the demo's cases; returns how many.
pub async fn build_cases(
    store: &Store,
    team: &CaseTeam,
    rng: &mut ChaCha8Rng,
) -> Result<usize, CliError> {
    let now = now_ms();
    let authority = org(&team.decision_maker);
    let mut built = 0;

    // Just identified: consent to assistance, nothing else yet.
    let mut case = Script::open(store, team, rng, false, now - 2 * DAY).await?;
    case.step(
        &team.caseworker,
        consent("assist", ConsentPurpose::Assistance),
        1,
    )
    .await?;
    built += 1;

    // An adult who declined referral: the anonymous notification only.
    let mut case = Script::open(store, team, rng, false, now - 20 * DAY).await?;
    case.step(
        &team.caseworker,
        What::NotifyAnonymously {
            gender: Gender::Masculine,
            exploitation: vec![ExploitationType::ForcedLabour],
            country_of_exploitation: Some("MY".into()),
        },
        1,
    )
    .await?;
    built += 1;

    // Referred three weeks ago and still no reasonable-grounds decision: overdue, escalated;
    // the clinic has not answered its referral either.
    let mut case = Script::open(store, team, rng, false, now - 24 * DAY).await?;
    case.refer(team, "clinic", &team.clinic, RecipientRole::Health, 1)
        .await?;
    case.refer_to_authority(team, &authority, 2).await?;
    built += 1;

    // In the recovery period: shelter accepted, legal aid declined, the clinic's completed.
    let mut case = Script::open(store, team, rng, false, now - 16 * DAY).await?;
    case.refer(team, "shelter", &team.shelter, RecipientRole::Shelter, 1)
        .await?;
    case.answer(&team.shelter, "shelter", true, 0).await?;
    case.step(&team.caseworker, place(Setting::Shelter), 0)
        .await?;
    case.refer(team, "legal", &team.legal_aid, RecipientRole::LegalAid, 1)
        .await?;
    case.answer(&team.legal_aid, "legal", false, 1).await?;
    case.refer(team, "clinic", &team.clinic, RecipientRole::Health, 0)
        .await?;
    case.answer(&team.clinic, "clinic", true, 1).await?;
    case.step(
        &team.clinic,
        What::CompleteReferral {
            referral: "clinic".into(),
            outcome: "Examined; treatment for injuries completed.".into(),
        },
        2,
    )
    .await?;
    case.refer_to_authority(team, &authority, 0).await?;
    case.decide(team, DecisionKind::ReasonableGrounds, Outcome::Positive, 3)
        .await?;
    case.step(
        &team.shelter,
        What::AddSupportPlan {
            plan_type: SupportPlanType::Health,
            objectives: "Weekly trauma counselling; a medical follow-up in a month.".into(),
        },
        1,
    )
    .await?;
    built += 1;

    // Not identified: a negative reasonable-grounds decision, open to reconsideration.
    let mut case = Script::open(store, team, rng, false, now - 30 * DAY).await?;
    case.refer_to_authority(team, &authority, 1).await?;
    case.decide(team, DecisionKind::ReasonableGrounds, Outcome::Negative, 4)
        .await?;
    built += 1;

    // Reconsideration requested after a negative decision, now waiting.
    let mut case = Script::open(store, team, rng, false, now - 40 * DAY).await?;
    case.refer_to_authority(team, &authority, 1).await?;
    case.decide(team, DecisionKind::ReasonableGrounds, Outcome::Negative, 4)
        .await?;
    case.step(
        &team.caseworker,
        What::RequestReconsideration {
            grounds: "A medical report received since shows injuries consistent with her account."
                .into(),
        },
        10,
    )
    .await?;
    built += 1;

    // Recognised, with an immigration charge still pending: the non-punishment alert. A
    // referral to the shelter was revoked when she moved to her sister's.
    let mut case = Script::open(store, team, rng, false, now - 70 * DAY).await?;
    case.step(&team.caseworker, origin("UA"), 0).await?;
    // The recruiter, charged and now prosecuted.
    case.step(
        &team.caseworker,
        What::RecordPerpetrator {
            perpetrator: "recruiter".into(),
            roles: [PerpetratorRole::RecruiterOrIntermediary].into(),
            sex: Gender::Masculine,
            citizenship: Some("UA".into()),
        },
        0,
    )
    .await?;
    for outcome in [
        CriminalJusticeOutcome::Suspected,
        CriminalJusticeOutcome::Prosecuted,
    ] {
        case.step(
            &team.caseworker,
            What::RecordCriminalJusticeOutcome {
                perpetrator: "recruiter".into(),
                outcome,
                year: None,
            },
            0,
        )
        .await?;
    }
    case.step(
        &team.caseworker,
        What::RecordProceeding {
            proceeding: ProceedingId("imm-1".into()),
            offence: OffenceCategory::Immigration,
            description: "Charged with overstaying a visa after her passport was taken.".into(),
            linked_to_trafficking: true,
        },
        0,
    )
    .await?;
    case.refer(team, "shelter", &team.shelter, RecipientRole::Shelter, 1)
        .await?;
    case.step(
        &team.caseworker,
        What::RevokeReferral {
            referral: "shelter".into(),
            reason: "She moved in with her sister before the shelter answered.".into(),
        },
        1,
    )
    .await?;
    case.step(&team.caseworker, place(Setting::OwnAccommodation), 0)
        .await?;
    case.refer_to_authority(team, &authority, 1).await?;
    case.decide(team, DecisionKind::ReasonableGrounds, Outcome::Positive, 4)
        .await?;
    case.decide(team, DecisionKind::ConclusiveGrounds, Outcome::Positive, 40)
        .await?;
    built += 1;

    // Recognised and settling locally; law enforcement's referral suspended when she withdrew
    // her consent to sharing with them.
    let mut case = Script::open(store, team, rng, false, now - 90 * DAY).await?;
    case.step(
        &team.caseworker,
        consent("police", ConsentPurpose::LawEnforcementSharing),
        1,
    )
    .await?;
    case.step(
        &team.caseworker,
        What::Refer {
            referral: "police".into(),
            to: Recipient {
                organisation: org(&team.police),
                role: RecipientRole::LawEnforcement,
            },
            fields: BTreeSet::from([SharedField::CaseReference, SharedField::ExploitationType]),
        },
        0,
    )
    .await?;
    case.step(
        &team.caseworker,
        What::RecordCooperation {
            cooperation: Cooperation::Declined,
        },
        2,
    )
    .await?;
    case.step(
        &team.caseworker,
        What::WithdrawConsent {
            consent: "police".into(),
        },
        0,
    )
    .await?;
    case.refer_to_authority(team, &authority, 1).await?;
    case.decide(team, DecisionKind::ReasonableGrounds, Outcome::Positive, 4)
        .await?;
    case.decide(team, DecisionKind::ConclusiveGrounds, Outcome::Positive, 45)
        .await?;
    case.step(
        &team.caseworker,
        What::ChooseDurableSolution {
            solution: DurableSolution::LocalIntegration,
            agreed: true,
        },
        10,
    )
    .await?;
    built += 1;

    // Closed after a safe and voluntary return.
    let mut case = Script::open(store, team, rng, false, now - 150 * DAY).await?;
    case.step(&team.caseworker, origin("NP"), 0).await?;
    // She agreed that her file may go to the referral mechanism at home.
    case.step(
        &team.caseworker,
        consent("abroad", ConsentPurpose::CrossBorderTransfer),
        0,
    )
    .await?;
    case.refer_to_authority(team, &authority, 1).await?;
    case.decide(team, DecisionKind::ReasonableGrounds, Outcome::Positive, 3)
        .await?;
    case.decide(team, DecisionKind::ConclusiveGrounds, Outcome::Positive, 50)
        .await?;
    case.step(
        &team.caseworker,
        What::ChooseDurableSolution {
            solution: DurableSolution::SafeAndVoluntaryReturn {
                country: "NP".into(),
                risk_assessment: "Family safe; the recruiter convicted; IOM reception arranged."
                    .into(),
            },
            agreed: true,
        },
        20,
    )
    .await?;
    case.step(
        &team.caseworker,
        What::Close {
            status: ClosureStatus::ClosedReferred,
            reason: "Returned home; followed by the partner country's referral mechanism.".into(),
        },
        15,
    )
    .await?;
    built += 1;

    // A boy of fifteen: guardian, child protection, best interests, school.
    let mut case = Script::open(store, team, rng, true, now - 12 * DAY).await?;
    let guardian = team.supervisor.user_id.clone();
    case.step(
        &team.caseworker,
        What::AppointGuardian {
            guardian: guardian.as_str().into(),
            organisation: org(&team.supervisor),
        },
        0,
    )
    .await?;
    case.guardian_refer(
        team,
        &guardian,
        "child-protection",
        &team.child_protection,
        RecipientRole::ChildProtection,
        0,
    )
    .await?;
    case.answer(&team.child_protection, "child-protection", true, 0)
        .await?;
    case.step(&team.caseworker, place(Setting::FosterCare), 0)
        .await?;
    case.step(
        &team.caseworker,
        What::AssessBestInterests {
            summary: "Stay in foster care near his uncle; school in Pashto and English.".into(),
        },
        3,
    )
    .await?;
    case.guardian_refer(
        team,
        &guardian,
        "school",
        &team.school,
        RecipientRole::Education,
        1,
    )
    .await?;
    built += 1;

    // A girl of sixteen whose guardian is not yet appointed: overdue.
    Script::open(store, team, rng, true, now - 6 * DAY).await?;
    built += 1;
    Ok(built)
}

/// A case being written, its clock moving forward day by day.
struct Script<'a> {
    store: &'a Store,
    id: String,
    version: i64,
    at: i64,
}

impl<'a> Script<'a> {
    async fn open(
        store: &'a Store,
        team: &CaseTeam,
        rng: &mut ChaCha8Rng,
        child: bool,
        at: i64,
    ) -> Result<Script<'a>, CliError> {
        let by = &team.caseworker;
        let person = store
            .create_person(by, &synthetic_identity(rng), "demo registration")
            .await?;
        let mut input = synthetic_input(rng);
        input["age"] =
            serde_json::json!({"years": if child { 15 } else { 29 }, "basis": "document"});
        let screening = store.record_screening(by, Some(&person.id), &input).await?;
        let record = store
            .open_case_at(
                by,
                &OpenCase {
                    person_id: person.id,
                    screening_id: Some(screening.id),
                    language: Some("en".into()),
                    ..OpenCase::default()
                },
                at,
            )
            .await?;
        Ok(Script {
            store,
            id: record.id,
            version: record.version,
            at,
        })
    }

    async fn step(&mut self, by: &Principal, what: What, days_later: i64) -> Result<(), CliError> {
        self.at += days_later * DAY + 60_000;
        let record = self
            .store
            .record_case_action_at(by, &self.id, Some(self.version), what, self.at)
            .await?;
        self.version = record.version;
        Ok(())
    }

    async fn refer(
        &mut self,
        team: &CaseTeam,
        id: &str,
        provider: &Principal,
        role: RecipientRole,
        days_later: i64,
    ) -> Result<(), CliError> {
        let organisation = org(provider);
        self.step(
            &team.caseworker,
            consent(id, ConsentPurpose::Referral(organisation.clone())),
            days_later,
        )
        .await?;
        self.step(&team.caseworker, referral(id, organisation, role), 0)
            .await
    }

    async fn guardian_refer(
        &mut self,
        team: &CaseTeam,
        guardian: &str,
        id: &str,
        provider: &Principal,
        role: RecipientRole,
        days_later: i64,
    ) -> Result<(), CliError> {
        let organisation = org(provider);
        self.step(
            &team.caseworker,
            What::GiveConsent {
                consent: id.into(),
                purpose: ConsentPurpose::Referral(organisation.clone()),
                legal_basis: LegalBasis::Consent,
                given_by: ConsentGiver::Guardian {
                    guardian: guardian.into(),
                    child_assent: ChildAssent::Given,
                },
                informed: Informed::FULLY,
                interpreter: Some("ps".into()),
            },
            days_later,
        )
        .await?;
        self.step(&team.caseworker, referral(id, organisation, role), 0)
            .await
    }

    async fn refer_to_authority(
        &mut self,
        team: &CaseTeam,
        authority: &OrganisationId,
        days_later: i64,
    ) -> Result<(), CliError> {
        self.step(
            &team.caseworker,
            consent("authority", ConsentPurpose::Referral(authority.clone())),
            days_later,
        )
        .await?;
        self.step(
            &team.caseworker,
            referral(
                "authority",
                authority.clone(),
                RecipientRole::CompetentAuthority,
            ),
            0,
        )
        .await
    }

    async fn answer(
        &mut self,
        provider: &Principal,
        id: &str,
        accept: bool,
        days_later: i64,
    ) -> Result<(), CliError> {
        let what = if accept {
            What::AcceptReferral {
                referral: id.into(),
            }
        } else {
            What::DeclineReferral {
                referral: id.into(),
                reason: "No lawyer free who speaks her language this month.".into(),
            }
        };
        self.step(provider, what, days_later).await
    }

    async fn decide(
        &mut self,
        team: &CaseTeam,
        kind: DecisionKind,
        outcome: Outcome,
        days_later: i64,
    ) -> Result<(), CliError> {
        if kind == DecisionKind::ReasonableGrounds {
            self.step(
                &team.decision_maker,
                What::AcceptReferral {
                    referral: "authority".into(),
                },
                0,
            )
            .await?;
        }
        let reasons = match outcome {
            Outcome::Positive => {
                "The account is detailed and consistent, and the screening and reports support it."
            }
            Outcome::Negative => {
                "On the information available the means element is not made out; new evidence may be sent."
            }
        };
        self.step(
            &team.decision_maker,
            What::Decide {
                kind,
                outcome,
                reasons: reasons.into(),
                evidence: vec!["screening".into(), "caseworker's report".into()],
            },
            days_later,
        )
        .await
    }
}

fn consent(id: &str, purpose: ConsentPurpose) -> What {
    What::GiveConsent {
        consent: id.into(),
        purpose,
        legal_basis: LegalBasis::Consent,
        given_by: ConsentGiver::Person,
        informed: Informed::FULLY,
        interpreter: None,
    }
}

fn referral(id: &str, organisation: OrganisationId, role: RecipientRole) -> What {
    let fields = [
        SharedField::CaseReference,
        SharedField::Gender,
        SharedField::Language,
    ]
    .into_iter()
    .filter(|f| role.minimum_data().contains(f))
    .collect();
    What::Refer {
        referral: id.into(),
        to: Recipient { organisation, role },
        fields,
    }
}

/// Citizenship recorded; the country of exploitation is Eastmere, which has no ISO code.
fn origin(citizenship: &str) -> What {
    What::RecordOrigin {
        citizenship: Some(citizenship.into()),
        country_of_exploitation: None,
    }
}

fn place(setting: Setting) -> What {
    What::Place { setting }
}

fn org(principal: &Principal) -> OrganisationId {
    OrganisationId(principal.organisation_id.clone())
}

fn now_ms() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_millis() as i64)
        .unwrap_or_default()
}
