//! The demo's cases of the national referral mechanism: one in every stage, referrals in every
//! status, deadlines met and missed, a child on the child track and a non-punishment alert —
//! each a backdated history that the domain checks action by action, as it would live — and
//! the service directory they are matched against, with needs and preferences recorded on a
//! few cases and a clinic's report attached to one.

use std::collections::BTreeSet;

use haven_domain::case::CriminalJusticeOutcome;
use haven_domain::case::consent::ChildAssent;
use haven_domain::case::lifecycle::{ClosureStatus, Cooperation, DurableSolution, Setting};
use haven_domain::case::{
    AgeRange, Capacity, ConsentGiver, ConsentPurpose, DecisionKind, DocumentKind, Eligibility,
    GendersServed, Informed, LegalBasis, OffenceCategory, OrganisationId, Outcome, Preferences,
    ProceedingId, Recipient, RecipientRole, ServiceKind, SharedField, What,
};
use haven_domain::htcds::{ExploitationType, Gender, PerpetratorRole, SupportPlanType};
use haven_store::{OpenCase, Principal, ServiceDescription, Store};
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

    // Just identified: a woman who consented to assistance and asked for women-only services
    // and women caseworkers and interpreters; what she needs is recorded, nothing referred yet.
    let mut case = Script::open_as(store, team, rng, false, Some("female"), now - 2 * DAY).await?;
    case.step(
        &team.caseworker,
        consent("assist", ConsentPurpose::Assistance),
        1,
    )
    .await?;
    case.step(
        &team.caseworker,
        needs(&[
            ServiceKind::Shelter,
            ServiceKind::Medical,
            ServiceKind::Psychosocial,
            ServiceKind::LegalAid,
        ]),
        0,
    )
    .await?;
    case.step(
        &team.caseworker,
        What::RecordPreferences {
            preferences: Preferences {
                caseworker_gender: Some(Gender::Feminine),
                interpreter_gender: Some(Gender::Feminine),
                women_only_services: true,
            },
        },
        0,
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

    // A man referred three weeks ago and still no reasonable-grounds decision: overdue,
    // escalated; the clinic has not answered its referral either. He needs a shelter: the
    // women-only one is not for him and the night shelter is full.
    let mut case = Script::open_as(store, team, rng, false, Some("male"), now - 24 * DAY).await?;
    case.step(
        &team.caseworker,
        needs(&[
            ServiceKind::Shelter,
            ServiceKind::Medical,
            ServiceKind::LegalAid,
        ]),
        0,
    )
    .await?;
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
    // The report the clinic sent with its completed referral, attached today by the caseworker
    // (a document is attached when it comes, never backdated).
    store
        .attach_document(
            &team.caseworker,
            &case.id,
            DocumentKind::MedicalReport,
            "application/pdf",
            &synthetic_medical_report(),
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
    let mut case = Script::open_as(store, team, rng, true, Some("male"), now - 12 * DAY).await?;
    case.step(
        &team.caseworker,
        needs(&[
            ServiceKind::ChildProtection,
            ServiceKind::Guardianship,
            ServiceKind::Education,
        ]),
        0,
    )
    .await?;
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
        Script::open_as(store, team, rng, child, None, at).await
    }

    /// Opens a case from a synthetic screening, of the sex given or drawn.
    async fn open_as(
        store: &'a Store,
        team: &CaseTeam,
        rng: &mut ChaCha8Rng,
        child: bool,
        sex: Option<&str>,
        at: i64,
    ) -> Result<Script<'a>, CliError> {
        let by = &team.caseworker;
        let person = store
            .create_person(by, &synthetic_identity(rng), "demo registration")
            .await?;
        let mut input = synthetic_input(rng);
        input["age"] =
            serde_json::json!({"years": if child { 15 } else { 29 }, "basis": "document"});
        if let Some(sex) = sex {
            input["sex"] = sex.into();
        }
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

fn needs(services: &[ServiceKind]) -> What {
    What::RecordNeeds {
        services: services.iter().copied().collect(),
        disability_access: false,
        location: Some(PORT_CITY.into()),
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

/// Where the demo's services are.
const PORT_CITY: &str = "port-city";

/// The demo's service directory: what each provider offers and for whom, with places where
/// they apply. The women's shelter has a few places; the council's night shelter is full.
/// Providers enter their own organisation's services, the admin the council's. Returns how
/// many services there are.
pub async fn build_directory(
    store: &Store,
    team: &CaseTeam,
    admin: &Principal,
) -> Result<usize, CliError> {
    let council = OrganisationId(store.organisation("Port City Council").await?.id);
    let women = || BTreeSet::from([Gender::Feminine]);
    let under_18 = AgeRange::new(None, Some(17)).expect("an age range");
    let entries = [
        (
            &team.shelter,
            ServiceDescription {
                eligibility: Eligibility {
                    women_only: true,
                    languages: languages(&["en", "ar", "uk", "ro"]),
                    ..everyone()
                },
                staff_genders: women(),
                capacity: Capacity::new(12, 3),
                ..offered(
                    &team.shelter,
                    "Safe Harbour women's shelter",
                    ServiceKind::Shelter,
                )
            },
        ),
        (
            &team.shelter,
            ServiceDescription {
                capacity: Capacity::new(10, 2),
                ..offered(
                    &team.shelter,
                    "Safe Harbour counselling",
                    ServiceKind::Psychosocial,
                )
            },
        ),
        (
            &team.clinic,
            ServiceDescription {
                eligibility: Eligibility {
                    languages: languages(&["en", "fr", "ar"]),
                    ..everyone()
                },
                ..offered(
                    &team.clinic,
                    "St Luke Clinic outpatients",
                    ServiceKind::Medical,
                )
            },
        ),
        (
            &team.legal_aid,
            offered(
                &team.legal_aid,
                "Legal Aid Centre advice",
                ServiceKind::LegalAid,
            ),
        ),
        (
            &team.legal_aid,
            ServiceDescription {
                eligibility: Eligibility {
                    languages: languages(&["en", "ar", "uk", "ps", "ro", "ne"]),
                    ..everyone()
                },
                ..offered(
                    &team.legal_aid,
                    "Legal Aid Centre interpreters",
                    ServiceKind::Interpretation,
                )
            },
        ),
        (
            &team.child_protection,
            ServiceDescription {
                eligibility: Eligibility {
                    ages: under_18,
                    ..everyone()
                },
                ..offered(
                    &team.child_protection,
                    "Port City child protection",
                    ServiceKind::ChildProtection,
                )
            },
        ),
        (
            &team.child_protection,
            ServiceDescription {
                eligibility: Eligibility {
                    ages: under_18,
                    ..everyone()
                },
                ..offered(
                    &team.child_protection,
                    "Port City guardians",
                    ServiceKind::Guardianship,
                )
            },
        ),
        (
            &team.school,
            ServiceDescription {
                eligibility: Eligibility {
                    ages: AgeRange::new(Some(12), Some(25)).expect("an age range"),
                    languages: languages(&["en", "ps"]),
                    ..everyone()
                },
                capacity: Capacity::new(25, 7),
                ..offered(
                    &team.school,
                    "Northbridge College bridging classes",
                    ServiceKind::Education,
                )
            },
        ),
        (
            &team.school,
            ServiceDescription {
                eligibility: Eligibility {
                    ages: AgeRange::new(Some(16), None).expect("an age range"),
                    ..everyone()
                },
                capacity: Capacity::new(20, 4),
                ..offered(
                    &team.school,
                    "Northbridge vocational training",
                    ServiceKind::Vocational,
                )
            },
        ),
        (
            admin,
            ServiceDescription {
                provider: council,
                eligibility: Eligibility {
                    ages: AgeRange::new(Some(18), None).expect("an age range"),
                    child_friendly: false,
                    ..everyone()
                },
                capacity: Capacity::new(30, 0),
                ..offered(admin, "Port City night shelter", ServiceKind::Shelter)
            },
        ),
    ];
    let count = entries.len();
    for (by, description) in entries {
        store.add_service(by, description).await?;
    }
    Ok(count)
}

/// A service of the provider's organisation in Port City, for everyone, with staff of both
/// genders who speak English, without places; each entry changes what it is about.
fn offered(provider: &Principal, name: &str, kind: ServiceKind) -> ServiceDescription {
    ServiceDescription {
        provider: org(provider),
        name: name.to_string(),
        kind,
        eligibility: everyone(),
        staff_genders: BTreeSet::from([Gender::Feminine, Gender::Masculine]),
        location: PORT_CITY.into(),
        capacity: None,
    }
}

fn everyone() -> Eligibility {
    Eligibility {
        genders: GendersServed::Everyone,
        ages: AgeRange::ANY,
        women_only: false,
        child_friendly: true,
        languages: languages(&["en"]),
        disability_access: true,
    }
}

fn languages(tags: &[&str]) -> BTreeSet<String> {
    tags.iter().map(|t| t.to_string()).collect()
}

/// A one-page PDF that any viewer opens, saying that it is synthetic: the demo's medical
/// report. The cross-reference table is computed, so the file is well-formed.
fn synthetic_medical_report() -> Vec<u8> {
    let text = "BT /F1 14 Tf 72 770 Td (St Luke Clinic - medical report) Tj \
                0 -24 Td (Synthetic demo document: it describes no real person.) Tj ET";
    let objects = [
        "<< /Type /Catalog /Pages 2 0 R >>".to_string(),
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>".to_string(),
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R \
         /Resources << /Font << /F1 5 0 R >> >> >>"
            .to_string(),
        format!("<< /Length {} >>\nstream\n{text}\nendstream", text.len()),
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>".to_string(),
    ];
    let mut pdf = b"%PDF-1.4\n".to_vec();
    let mut offsets = Vec::new();
    for (i, object) in objects.iter().enumerate() {
        offsets.push(pdf.len());
        pdf.extend(format!("{} 0 obj\n{object}\nendobj\n", i + 1).into_bytes());
    }
    let xref = pdf.len();
    pdf.extend(format!("xref\n0 {}\n0000000000 65535 f \n", objects.len() + 1).into_bytes());
    for offset in offsets {
        pdf.extend(format!("{offset:010} 00000 n \n").into_bytes());
    }
    pdf.extend(
        format!(
            "trailer\n<< /Size {} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n",
            objects.len() + 1
        )
        .into_bytes(),
    );
    pdf
}
