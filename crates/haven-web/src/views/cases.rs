//! The caseworker's screens: the list of cases with filters and search by name, and the case
//! page — its state and what is due, consent, referrals, decisions, support plans, the timeline
//! of its history, who saw it, and the actions the state machine allows now, nothing else.

use std::collections::{BTreeMap, BTreeSet};

use axum::extract::{Path, Query, RawForm, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use haven_domain::case::NrmProfile;
use haven_domain::case::consent::{ChildAssent, ConsentGiver, Informed, LegalBasis};
use haven_domain::case::justice::OffenceCategory;
use haven_domain::case::lifecycle::{ClosureStatus, Cooperation, DurableSolution, Setting};
use haven_domain::case::offer::unused_id;
use haven_domain::case::{
    Asker, ConsentId, ConsentPurpose, DecisionKind, DueState, Offer, OrganisationId, Outcome,
    ProceedingId, Recipient, RecipientRole, ReferralId, SharedField, Timestamp, UserId, What,
    offered_actions,
};
use haven_domain::htcds::{Gender, SupportPlanType};
use haven_store::{CaseFilter, CaseRecord, IdentityField};
use serde::Deserialize;

use super::{Page, PageError, Viewer, render};
use crate::problem::Problem;
use crate::state::AppState;

#[derive(askama::Template)]
#[template(path = "cases.html")]
struct CasesPage {
    page: Page,
    rows: Vec<CaseLine>,
    stage: String,
    child: String,
    name: String,
    stages: Vec<(&'static str, String)>,
}

struct CaseLine {
    id: String,
    short: String,
    stage: String,
    child: bool,
    opened: String,
    next_due: String,
    overdue: bool,
    alert: bool,
}

#[derive(Deserialize)]
pub struct CasesQuery {
    stage: Option<String>,
    child: Option<String>,
    /// A given or family name, looked up through the blind index (exact, after normalising).
    name: Option<String>,
}

pub async fn list(
    State(state): State<AppState>,
    viewer: Viewer,
    Query(query): Query<CasesQuery>,
) -> Response {
    match cases_page(&state, &viewer, query).await {
        Ok(page) => render(&page),
        Err(error) => error.render(&viewer),
    }
}

async fn cases_page(
    state: &AppState,
    viewer: &Viewer,
    query: CasesQuery,
) -> Result<CasesPage, PageError> {
    let page = viewer.page(viewer.t("cases-title"), "cases");
    let stage = query.stage.unwrap_or_default();
    let child = query.child.unwrap_or_default();
    let name = query.name.unwrap_or_default();
    let filter = CaseFilter {
        stage: (!stage.is_empty()).then(|| stage.clone()),
        child: match child.as_str() {
            "yes" => Some(true),
            "no" => Some(false),
            _ => None,
        },
        limit: 200,
        before: None,
    };
    let mut summaries = state.store.cases(viewer.principal(), &filter).await?;
    if !name.trim().is_empty() {
        let mut persons = BTreeSet::new();
        for field in [IdentityField::GivenName, IdentityField::FamilyName] {
            for person in state
                .store
                .find_persons(viewer.principal(), field, name.trim())
                .await?
            {
                persons.insert(person.id);
            }
        }
        summaries.retain(|s| persons.contains(&s.person_id));
    }
    let today = Timestamp(crate::now_ms()).date().to_string();
    let rows = summaries
        .into_iter()
        .map(|s| CaseLine {
            short: super::short_id(&s.id),
            stage: page.t(stage_message(&s.stage)),
            child: s.child,
            opened: page.date(s.opened_at),
            overdue: s.next_due.as_ref().is_some_and(|d| *d < today),
            next_due: s.next_due.unwrap_or_default(),
            alert: s.non_punishment_alert,
            id: s.id,
        })
        .collect();
    let stages = haven_domain::case::Stage::ALL
        .iter()
        .map(|s| (s.id(), page.t(stage_message(s.id()))))
        .collect();
    Ok(CasesPage {
        page,
        rows,
        stage,
        child,
        name,
        stages,
    })
}

#[derive(askama::Template)]
#[template(path = "case.html")]
struct CasePage {
    page: Page,
    id: String,
    version: i64,
    stage: String,
    status: String,
    child: bool,
    opened: String,
    profile: String,
    owner: String,
    guardian: Option<String>,
    /// The citizenship and country of exploitation recorded (ISO codes; empty: not known).
    origin: (String, String),
    alert: bool,
    due: Vec<DueLine>,
    consents: Vec<ConsentLine>,
    referrals: Vec<ReferralLine>,
    decisions: Vec<DecisionLine>,
    plans: Vec<(String, String)>,
    timeline: Vec<TimelineLine>,
    access: Vec<AccessLine>,
    offers: Vec<OfferForm>,
    error: Option<String>,
    done: Option<String>,
    organisations: Vec<(String, String)>,
    recipient_roles: Vec<(String, String)>,
    shared_fields: Vec<(String, String)>,
    genders: Vec<(String, String)>,
    exploitation_types: Vec<(String, String)>,
    plan_types: Vec<(String, String)>,
    offences: Vec<(String, String)>,
    settings: Vec<(String, String)>,
}

struct DueLine {
    what: String,
    due: String,
    state: &'static str,
    state_label: String,
}

struct ConsentLine {
    purpose: String,
    given_by: String,
    given: String,
    active: bool,
}

struct ReferralLine {
    id: String,
    to: String,
    role: String,
    status: String,
    fields: String,
    sent: String,
}

struct DecisionLine {
    n: usize,
    kind: String,
    outcome: String,
    reasons: String,
    date: String,
}

struct TimelineLine {
    date: String,
    who: String,
    what: String,
}

struct AccessLine {
    date: String,
    who: String,
    what: String,
    outcome: String,
}

/// A form for one offered action, with what its fields need.
struct OfferForm {
    id: &'static str,
    label: String,
    /// The referral the form answers, completes or revokes.
    referral: String,
    /// Choices for selects: (value, label).
    choices: Vec<(String, String)>,
    kind: &'static str,
    threshold: String,
}

#[derive(Deserialize)]
pub struct CaseQuery {
    /// Set after an action was recorded, to say so.
    done: Option<String>,
}

pub async fn page(
    State(state): State<AppState>,
    viewer: Viewer,
    Path(id): Path<String>,
    Query(query): Query<CaseQuery>,
) -> Response {
    match case_page(&state, &viewer, &id, None, query.done).await {
        Ok(page) => render(&page),
        Err(error) => error.render(&viewer),
    }
}

async fn case_page(
    state: &AppState,
    viewer: &Viewer,
    id: &str,
    error: Option<String>,
    done: Option<String>,
) -> Result<CasePage, PageError> {
    let principal = viewer.principal();
    let record = state.store.case(principal, id).await?;
    let history = state.store.case_history(principal, id).await?;
    let access = state.store.case_access_history(principal, id).await?;
    let users: BTreeMap<String, String> = state
        .store
        .users(None)
        .await?
        .into_iter()
        .map(|u| (u.id, u.display_name))
        .collect();
    let organisations: BTreeMap<String, String> = state
        .store
        .organisations()
        .await?
        .into_iter()
        .map(|o| (o.id, o.name))
        .collect();
    let name_of = |id: &str| users.get(id).cloned().unwrap_or_else(|| id.to_string());
    let org_of = |id: &str| {
        organisations
            .get(id)
            .cloned()
            .unwrap_or_else(|| id.to_string())
    };
    let short = super::short_id(&record.id);
    let page = viewer.page(format!("{} {short}", viewer.t("case-title")), "cases");
    let case = &record.case;
    let profile = NrmProfile::embedded_by_id(&record.profile_id)
        .ok_or_else(|| PageError::from(Problem::invalid("profile", "unknown profile")))?;
    let user = UserId(principal.user_id.clone());
    let organisation = OrganisationId(principal.organisation_id.clone());
    let offers = offered_actions(
        case,
        Asker {
            user: &user,
            role: principal.role,
            organisation: &organisation,
        },
        profile,
        Timestamp(crate::now_ms()),
    )
    .into_iter()
    .map(|offer| offer_form(&page, offer, &org_of))
    .collect::<Vec<_>>();
    let colleagues: Vec<(String, String)> = state
        .store
        .users(Some(&principal.organisation_id))
        .await?
        .into_iter()
        .filter(|u| !u.disabled)
        .map(|u| (u.id, u.display_name))
        .collect();
    let offers = offers
        .into_iter()
        .map(|mut form| {
            if form.id == "appoint_guardian" {
                form.choices = colleagues.clone();
            }
            form
        })
        .collect();
    let code = |value: serde_json::Value| value.as_str().unwrap_or_default().to_string();
    let recipient_roles = [
        RecipientRole::CompetentAuthority,
        RecipientRole::Shelter,
        RecipientRole::ChildProtection,
        RecipientRole::Health,
        RecipientRole::LegalAid,
        RecipientRole::Education,
        RecipientRole::LawEnforcement,
        RecipientRole::ForeignAuthority,
    ]
    .into_iter()
    .map(|r| (code(serde_json::json!(r)), page.t(recipient_message(r))))
    .collect();
    let shared_fields = [
        SharedField::CaseReference,
        SharedField::Gender,
        SharedField::AgeGroup,
        SharedField::Language,
        SharedField::ExploitationType,
        SharedField::ScreeningResult,
        SharedField::Needs,
        SharedField::SafetyRisks,
        SharedField::Name,
        SharedField::DateOfBirth,
        SharedField::ContactDetails,
        SharedField::Narrative,
        SharedField::GuardianContact,
    ]
    .into_iter()
    .map(|f| (code(serde_json::json!(f)), page.t(field_message(f))))
    .collect();
    let listed = |codes: Vec<&'static str>, prefix: &'static str| -> Vec<(String, String)> {
        codes
            .into_iter()
            .map(|c| (c.to_string(), page.word(&format!("{prefix}-{c}"))))
            .collect()
    };
    let genders = listed(Gender::ALL.iter().map(|g| g.code()).collect(), "gender");
    let exploitation_types = listed(
        haven_domain::htcds::ExploitationType::ALL
            .iter()
            .map(|e| e.code())
            .collect(),
        "exploitation",
    );
    let plan_types = listed(
        SupportPlanType::ALL.iter().map(|p| p.code()).collect(),
        "plan",
    );
    let offences = listed(
        vec![
            "immigration",
            "document",
            "prostitution",
            "drugs",
            "begging",
            "fraud",
            "theft",
            "other",
        ],
        "offence",
    );
    let settings = listed(
        vec![
            "shelter",
            "safe_house",
            "foster_care",
            "child_protection_facility",
            "own_accommodation",
            "immigration_detention",
            "police_custody",
        ],
        "setting",
    );
    Ok(CasePage {
        id: record.id.clone(),
        version: record.version,
        stage: page.t(stage_message(case.stage.id())),
        status: case.status().code().to_string(),
        child: case.is_child(),
        opened: page.date(case.opened_at.0),
        profile: record.profile_id.clone(),
        owner: name_of(&case.owner.0),
        guardian: case.guardian().map(|g| name_of(&g.guardian.0)),
        origin: (
            case.citizenship.clone().unwrap_or_default(),
            case.country_of_exploitation.clone().unwrap_or_default(),
        ),
        alert: !case.non_punishment_alerts().is_empty(),
        due: record
            .due
            .iter()
            .map(|item| {
                let (state_id, state_label) = match item.state {
                    DueState::Pending => ("pending", page.t("due-pending")),
                    DueState::Overdue => ("overdue", page.t("due-overdue")),
                    DueState::Escalated { .. } => ("escalated", page.t("due-escalated")),
                };
                DueLine {
                    what: page.t(deadline_message(item.kind.id())),
                    due: page.civil(item.due),
                    state: state_id,
                    state_label,
                }
            })
            .collect(),
        consents: case
            .consents
            .iter()
            .map(|c| ConsentLine {
                purpose: match &c.purpose {
                    ConsentPurpose::Referral(org) => {
                        page.t1("consent-referral-to", "organisation", &org_of(&org.0))
                    }
                    other => page.t(purpose_message(other)),
                },
                given_by: match &c.given_by {
                    ConsentGiver::Person => page.t("consent-by-person"),
                    ConsentGiver::Guardian { guardian, .. } => {
                        page.t1("consent-by-guardian", "name", &name_of(&guardian.0))
                    }
                },
                given: page.date(c.given_at.0),
                active: c.is_active(),
            })
            .collect(),
        referrals: case
            .referrals
            .iter()
            .map(|r| ReferralLine {
                id: r.id.0.clone(),
                to: org_of(&r.recipient.organisation.0),
                role: page.t(recipient_message(r.recipient.role)),
                status: page.t(referral_status_message(r.status.id())),
                fields: r
                    .fields
                    .iter()
                    .map(|f| page.t(field_message(*f)))
                    .collect::<Vec<_>>()
                    .join(", "),
                sent: page.date(r.sent_at.0),
            })
            .collect(),
        decisions: case
            .decisions
            .iter()
            .enumerate()
            .map(|(i, d)| DecisionLine {
                n: i + 1,
                kind: page.t(decision_message(d.kind)),
                outcome: page.t(outcome_message(d.outcome)),
                reasons: d.reasons.clone(),
                date: page.date(d.at.0),
            })
            .collect(),
        plans: case
            .support_plans
            .iter()
            .map(|p| (p.plan_type.code().to_string(), p.objectives.clone()))
            .collect(),
        timeline: history
            .iter()
            .rev()
            .map(|entry| TimelineLine {
                date: page.date(entry.action.at.0),
                who: format!(
                    "{} ({})",
                    name_of(&entry.action.by.0),
                    page.role_name(entry.action.role)
                ),
                what: entry.action.what.name().to_string(),
            })
            .collect(),
        access: access
            .iter()
            .rev()
            .map(|e| AccessLine {
                date: page.date(e.at),
                who: e
                    .actor_user_id
                    .as_deref()
                    .map_or_else(|| e.actor_label.clone(), name_of),
                what: e.action.clone(),
                outcome: e.outcome.clone(),
            })
            .collect(),
        offers,
        error,
        done,
        organisations: organisations.clone().into_iter().collect(),
        recipient_roles,
        shared_fields,
        genders,
        exploitation_types,
        plan_types,
        offences,
        settings,
        page,
    })
}

/// Takes the action a case-page form sends; the domain decides, and a refusal is shown on the
/// page with its reason, the form's input kept by the browser.
pub async fn act(
    State(state): State<AppState>,
    viewer: Viewer,
    Path(id): Path<String>,
    RawForm(body): RawForm,
) -> Response {
    let form: Vec<(String, String)> = serde_urlencoded::from_bytes(&body).unwrap_or_default();
    let outcome = async {
        // Only new consents, referrals and proceedings need the case, for a fresh id; a
        // recipient answering a referral may not read the case before accepting it.
        let record = match field(&form, "action") {
            "give_consent" | "refer" | "record_proceeding" => {
                Some(state.store.case(viewer.principal(), &id).await?)
            }
            _ => None,
        };
        let what = action_from_form(&form, record.as_ref(), viewer.principal())?;
        let version = field(&form, "version").parse().ok();
        state
            .store
            .record_case_action(viewer.principal(), &id, version, what)
            .await?;
        Ok::<_, PageError>(())
    }
    .await;
    match outcome {
        Ok(()) => {
            let back = match field(&form, "back") {
                "" => format!("/cases/{id}?done=1#actions"),
                back => super::safe_next(Some(back)),
            };
            Redirect::to(&back).into_response()
        }
        Err(error) => {
            let status = error.status;
            if status == StatusCode::FORBIDDEN || status == StatusCode::NOT_FOUND {
                return error.render(&viewer);
            }
            match case_page(&state, &viewer, &id, Some(error.detail), None).await {
                Ok(page) => {
                    let mut response = render(&page);
                    *response.status_mut() = status;
                    response
                }
                Err(error) => error.render(&viewer),
            }
        }
    }
}

/// The action a form describes, in the domain's terms.
fn action_from_form(
    form: &[(String, String)],
    record: Option<&CaseRecord>,
    principal: &haven_store::Principal,
) -> Result<What, PageError> {
    let fresh = |stem: &str| -> String {
        let Some(case) = record.map(|r| &r.case) else {
            return stem.to_string();
        };
        let taken: Vec<&String> = match stem {
            "consent" => case.consents.iter().map(|c| &c.id.0).collect(),
            "referral" => case.referrals.iter().map(|r| &r.id.0).collect(),
            _ => case.proceedings.iter().map(|p| &p.id.0).collect(),
        };
        unused_id(taken.into_iter(), stem)
    };
    let guardian = record.and_then(|r| r.case.guardian().filter(|_| r.case.is_child()));
    let text = |name: &str| field(form, name).trim().to_string();
    let invalid = |name: &str, problem: &str| PageError::from(Problem::invalid(name, problem));
    let referral = || ReferralId(text("referral"));
    let what = match field(form, "action") {
        "give_consent" => {
            let purpose = match field(form, "purpose") {
                "assistance" => ConsentPurpose::Assistance,
                "law_enforcement_sharing" => ConsentPurpose::LawEnforcementSharing,
                "statistics" => ConsentPurpose::Statistics,
                "research" => ConsentPurpose::Research,
                "cross_border_transfer" => ConsentPurpose::CrossBorderTransfer,
                "referral" => ConsentPurpose::Referral(OrganisationId(text("organisation"))),
                _ => return Err(invalid("purpose", "choose what the consent is for")),
            };
            let told = |name: &str| form.iter().any(|(k, _)| k == name);
            What::GiveConsent {
                consent: ConsentId(fresh("consent")),
                purpose,
                legal_basis: LegalBasis::Consent,
                given_by: match guardian {
                    Some(guardian) => ConsentGiver::Guardian {
                        guardian: guardian.guardian.clone(),
                        child_assent: match field(form, "child_assent") {
                            "refused" => ChildAssent::Refused,
                            "not_able" => ChildAssent::NotAbleToGive(text("assent_note")),
                            _ => ChildAssent::Given,
                        },
                    },
                    _ => ConsentGiver::Person,
                },
                informed: Informed {
                    purpose: told("told_purpose"),
                    uses: told("told_uses"),
                    retention: told("told_retention"),
                    withdrawal: told("told_withdrawal"),
                },
                interpreter: Some(text("interpreter")).filter(|s| !s.is_empty()),
            }
        }
        "withdraw_consent" => What::WithdrawConsent {
            consent: ConsentId(text("consent")),
        },
        "refer" => {
            let role: RecipientRole = parse_code(field(form, "role"))
                .ok_or_else(|| invalid("role", "choose what the recipient does"))?;
            let fields: BTreeSet<SharedField> = form
                .iter()
                .filter(|(k, _)| k == "fields")
                .filter_map(|(_, v)| parse_code(v))
                .collect();
            What::Refer {
                referral: ReferralId(fresh("referral")),
                to: Recipient {
                    organisation: OrganisationId(text("organisation")),
                    role,
                },
                fields,
            }
        }
        "answer_referral" if field(form, "answer") == "decline" => What::DeclineReferral {
            referral: referral(),
            reason: text("reason"),
        },
        "answer_referral" => What::AcceptReferral {
            referral: referral(),
        },
        "complete_referral" => What::CompleteReferral {
            referral: referral(),
            outcome: text("outcome"),
        },
        "revoke_referral" => What::RevokeReferral {
            referral: referral(),
            reason: text("reason"),
        },
        "notify_anonymously" => What::NotifyAnonymously {
            gender: Gender::parse(field(form, "gender")).unwrap_or(Gender::NonSpecifiedUnknown),
            exploitation: form
                .iter()
                .filter(|(k, _)| k == "exploitation")
                .filter_map(|(_, v)| haven_domain::htcds::ExploitationType::parse(v))
                .collect(),
            country_of_exploitation: Some(text("country").to_ascii_uppercase())
                .filter(|c| !c.is_empty()),
        },
        "decide" => What::Decide {
            kind: parse_code(field(form, "kind"))
                .ok_or_else(|| invalid("kind", "choose the decision"))?,
            outcome: parse_code(field(form, "outcome"))
                .ok_or_else(|| invalid("outcome", "choose positive or negative"))?,
            reasons: text("reasons"),
            evidence: text("evidence")
                .lines()
                .map(str::trim)
                .filter(|l| !l.is_empty())
                .map(str::to_string)
                .collect(),
        },
        "request_reconsideration" => What::RequestReconsideration {
            grounds: text("grounds"),
        },
        "appoint_guardian" => What::AppointGuardian {
            guardian: UserId(text("guardian")),
            organisation: OrganisationId(principal.organisation_id.clone()),
        },
        "assess_best_interests" => What::AssessBestInterests {
            summary: text("summary"),
        },
        "add_support_plan" => What::AddSupportPlan {
            plan_type: SupportPlanType::parse(field(form, "plan_type"))
                .ok_or_else(|| invalid("plan_type", "choose the kind of plan"))?,
            objectives: text("objectives"),
        },
        "choose_durable_solution" => What::ChooseDurableSolution {
            solution: match field(form, "solution") {
                "local_integration" => DurableSolution::LocalIntegration,
                "resettlement" => DurableSolution::Resettlement {
                    country: text("country").to_ascii_uppercase(),
                },
                _ => DurableSolution::SafeAndVoluntaryReturn {
                    country: text("country").to_ascii_uppercase(),
                    risk_assessment: text("risk_assessment"),
                },
            },
            agreed: form.iter().any(|(k, _)| k == "agreed"),
        },
        "record_proceeding" => What::RecordProceeding {
            proceeding: ProceedingId(fresh("proceeding")),
            offence: parse_code(field(form, "offence")).unwrap_or(OffenceCategory::Other),
            description: text("description"),
            linked_to_trafficking: form.iter().any(|(k, _)| k == "linked"),
        },
        "record_cooperation" => What::RecordCooperation {
            cooperation: parse_code(field(form, "cooperation")).unwrap_or(Cooperation::NotAsked),
        },
        "record_origin" => What::RecordOrigin {
            citizenship: Some(text("citizenship").to_ascii_uppercase()).filter(|c| !c.is_empty()),
            country_of_exploitation: Some(text("country").to_ascii_uppercase())
                .filter(|c| !c.is_empty()),
        },
        "place" => What::Place {
            setting: parse_code::<Setting>(field(form, "setting"))
                .ok_or_else(|| invalid("setting", "choose where the person stays"))?,
        },
        "review" => What::Review,
        "close" => What::Close {
            status: if field(form, "status") == "closed_referred" {
                ClosureStatus::ClosedReferred
            } else {
                ClosureStatus::Closed
            },
            reason: text("reason"),
        },
        other => {
            return Err(invalid(
                "action",
                &format!("{other:?} is not an action of the case page"),
            ));
        }
    };
    Ok(what)
}

fn offer_form(page: &Page, offer: Offer, org_of: &dyn Fn(&str) -> String) -> OfferForm {
    let mut form = OfferForm {
        id: offer.id(),
        label: page.t(offer_message(offer.id())),
        referral: String::new(),
        choices: Vec::new(),
        kind: "",
        threshold: String::new(),
    };
    match offer {
        Offer::WithdrawConsent { consents } => {
            form.choices = consents.into_iter().map(|c| (c.0.clone(), c.0)).collect();
        }
        Offer::Refer { organisations } => {
            form.choices = organisations
                .into_iter()
                .map(|o| (o.0.clone(), org_of(&o.0)))
                .collect();
        }
        Offer::AnswerReferral { referral }
        | Offer::CompleteReferral { referral }
        | Offer::RevokeReferral { referral } => {
            form.label = format!("{} ({})", form.label, referral.0);
            form.referral = referral.0;
        }
        Offer::Decide { kind, threshold } => {
            form.kind = kind.id();
            form.label = format!("{}: {}", form.label, page.t(decision_message(kind)));
            form.threshold = threshold;
        }
        _ => {}
    }
    form
}

/// Reads a value spelt as the domain's JSON spells it (`competent_authority`, `positive`).
fn parse_code<T: serde::de::DeserializeOwned>(code: &str) -> Option<T> {
    serde_json::from_value(serde_json::Value::String(code.to_string())).ok()
}

fn field<'a>(form: &'a [(String, String)], name: &str) -> &'a str {
    form.iter()
        .find(|(k, _)| k == name)
        .map_or("", |(_, v)| v.as_str())
}

pub fn stage_message(stage: &str) -> &'static str {
    match stage {
        "identified" => "stage-identified",
        "anonymous_notification" => "stage-anonymous_notification",
        "referred" => "stage-referred",
        "recovery_period" => "stage-recovery_period",
        "not_identified" => "stage-not_identified",
        "reconsideration" => "stage-reconsideration",
        "recognised" => "stage-recognised",
        "durable_solution" => "stage-durable_solution",
        _ => "stage-closed",
    }
}

fn deadline_message(kind: &str) -> &'static str {
    match kind {
        "reasonable_grounds_decision" => "deadline-reasonable_grounds_decision",
        "referral_response" => "deadline-referral_response",
        "guardian_appointment" => "deadline-guardian_appointment",
        "best_interests_assessment" => "deadline-best_interests_assessment",
        "conclusive_grounds_decision" => "deadline-conclusive_grounds_decision",
        "reconsideration_decision" => "deadline-reconsideration_decision",
        "child_protection_referral" => "deadline-child_protection_referral",
        _ => "deadline-case_review",
    }
}

fn purpose_message(purpose: &ConsentPurpose) -> &'static str {
    match purpose {
        ConsentPurpose::Assistance => "purpose-assistance",
        ConsentPurpose::Referral(_) => "purpose-referral",
        ConsentPurpose::LawEnforcementSharing => "purpose-law_enforcement_sharing",
        ConsentPurpose::Statistics => "purpose-statistics",
        ConsentPurpose::Research => "purpose-research",
        ConsentPurpose::CrossBorderTransfer => "purpose-cross_border_transfer",
    }
}

pub fn recipient_message(role: RecipientRole) -> &'static str {
    match role {
        RecipientRole::CompetentAuthority => "recipient-competent_authority",
        RecipientRole::Shelter => "recipient-shelter",
        RecipientRole::ChildProtection => "recipient-child_protection",
        RecipientRole::Health => "recipient-health",
        RecipientRole::LegalAid => "recipient-legal_aid",
        RecipientRole::Education => "recipient-education",
        RecipientRole::LawEnforcement => "recipient-law_enforcement",
        RecipientRole::ForeignAuthority => "recipient-foreign_authority",
    }
}

pub fn referral_status_message(status: &str) -> &'static str {
    match status {
        "sent" => "referral-sent",
        "accepted" => "referral-accepted",
        "declined" => "referral-declined",
        "completed" => "referral-completed",
        "revoked" => "referral-revoked",
        _ => "referral-suspended",
    }
}

pub fn field_message(field: SharedField) -> &'static str {
    match field {
        SharedField::CaseReference => "field-case_reference",
        SharedField::Gender => "field-gender",
        SharedField::AgeGroup => "field-age_group",
        SharedField::Language => "field-language",
        SharedField::ExploitationType => "field-exploitation_type",
        SharedField::ScreeningResult => "field-screening_result",
        SharedField::Needs => "field-needs",
        SharedField::SafetyRisks => "field-safety_risks",
        SharedField::Name => "field-name",
        SharedField::DateOfBirth => "field-date_of_birth",
        SharedField::ContactDetails => "field-contact_details",
        SharedField::Narrative => "field-narrative",
        SharedField::GuardianContact => "field-guardian_contact",
    }
}

fn decision_message(kind: DecisionKind) -> &'static str {
    match kind {
        DecisionKind::ReasonableGrounds => "decision-reasonable_grounds",
        DecisionKind::ConclusiveGrounds => "decision-conclusive_grounds",
    }
}

fn outcome_message(outcome: Outcome) -> &'static str {
    match outcome {
        Outcome::Positive => "outcome-positive",
        Outcome::Negative => "outcome-negative",
    }
}

fn offer_message(id: &str) -> &'static str {
    match id {
        "give_consent" => "offer-give_consent",
        "withdraw_consent" => "offer-withdraw_consent",
        "refer" => "offer-refer",
        "answer_referral" => "offer-answer_referral",
        "complete_referral" => "offer-complete_referral",
        "revoke_referral" => "offer-revoke_referral",
        "notify_anonymously" => "offer-notify_anonymously",
        "decide" => "offer-decide",
        "request_reconsideration" => "offer-request_reconsideration",
        "appoint_guardian" => "offer-appoint_guardian",
        "assess_best_interests" => "offer-assess_best_interests",
        "add_support_plan" => "offer-add_support_plan",
        "choose_durable_solution" => "offer-choose_durable_solution",
        "record_proceeding" => "offer-record_proceeding",
        "record_cooperation" => "offer-record_cooperation",
        "record_origin" => "offer-record_origin",
        "place" => "offer-place",
        "review" => "offer-review",
        _ => "offer-close",
    }
}
