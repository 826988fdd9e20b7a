//! What a user may do on a case now: the actions the state machine accepts for their role at
//! this point of the history, and nothing else. Each candidate is tried against [`apply`] with
//! sample content, so the offer can never disagree with the rules that judge the real action.

use std::collections::BTreeSet;

use super::consent::{ConsentGiver, ConsentPurpose, Informed, LegalBasis};
use super::decision::{DecisionKind, Outcome};
use super::lifecycle::{
    Case, CaseAction, ClosureStatus, Cooperation, DurableSolution, Setting, What, apply,
};
use super::profile::NrmProfile;
use super::referral::{Recipient, RecipientRole, ReferralStatus, SharedField};
use super::{ConsentId, OrganisationId, ProceedingId, ReferralId, Timestamp, UserId};
use crate::access::Role;
use crate::htcds::{Gender, SupportPlanType};

/// An action the user may take now, with what its form needs to offer.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
#[serde(tag = "offer", rename_all = "snake_case")]
pub enum Offer {
    GiveConsent,
    WithdrawConsent {
        consents: Vec<ConsentId>,
    },
    /// Referral to an organisation for which an active consent exists.
    Refer {
        organisations: Vec<OrganisationId>,
    },
    AnswerReferral {
        referral: ReferralId,
    },
    CompleteReferral {
        referral: ReferralId,
    },
    RevokeReferral {
        referral: ReferralId,
    },
    NotifyAnonymously,
    Decide {
        kind: DecisionKind,
        threshold: String,
    },
    RequestReconsideration,
    AppointGuardian,
    AssessBestInterests,
    AddSupportPlan,
    ChooseDurableSolution,
    RecordProceeding,
    RecordCooperation,
    /// The person's citizenship and country of exploitation, which the statistics count by.
    RecordOrigin,
    Place,
    Review,
    Close,
}

impl Offer {
    /// The stable id of the offer, as forms and tests name it.
    pub fn id(&self) -> &'static str {
        match self {
            Offer::GiveConsent => "give_consent",
            Offer::WithdrawConsent { .. } => "withdraw_consent",
            Offer::Refer { .. } => "refer",
            Offer::AnswerReferral { .. } => "answer_referral",
            Offer::CompleteReferral { .. } => "complete_referral",
            Offer::RevokeReferral { .. } => "revoke_referral",
            Offer::NotifyAnonymously => "notify_anonymously",
            Offer::Decide { .. } => "decide",
            Offer::RequestReconsideration => "request_reconsideration",
            Offer::AppointGuardian => "appoint_guardian",
            Offer::AssessBestInterests => "assess_best_interests",
            Offer::AddSupportPlan => "add_support_plan",
            Offer::ChooseDurableSolution => "choose_durable_solution",
            Offer::RecordProceeding => "record_proceeding",
            Offer::RecordCooperation => "record_cooperation",
            Offer::RecordOrigin => "record_origin",
            Offer::Place => "place",
            Offer::Review => "review",
            Offer::Close => "close",
        }
    }
}

/// Who is asking, as far as the offer depends on it.
#[derive(Debug, Clone, Copy)]
pub struct Asker<'a> {
    pub user: &'a UserId,
    pub role: Role,
    pub organisation: &'a OrganisationId,
}

/// The actions the state machine accepts from `asker` on `case` at `now`.
pub fn offered_actions(
    case: &Case,
    asker: Asker<'_>,
    profile: &NrmProfile,
    now: Timestamp,
) -> Vec<Offer> {
    let accepts = |what: What| {
        let action = CaseAction {
            by: asker.user.clone(),
            role: asker.role,
            at: Timestamp(now.0.max(case.last_action_at.0)),
            what,
        };
        apply(case, &action, profile).is_ok()
    };
    let mut offers = Vec::new();
    let sample_consent = What::GiveConsent {
        consent: ConsentId(unused_id(case.consents.iter().map(|c| &c.id.0), "consent")),
        purpose: ConsentPurpose::Assistance,
        legal_basis: LegalBasis::Consent,
        given_by: match case.guardian() {
            Some(g) => ConsentGiver::Guardian {
                guardian: g.guardian.clone(),
                child_assent: super::consent::ChildAssent::Given,
            },
            None => ConsentGiver::Person,
        },
        informed: Informed::FULLY,
        interpreter: None,
    };
    if accepts(sample_consent) {
        offers.push(Offer::GiveConsent);
    }
    let withdrawable: Vec<ConsentId> = case
        .consents
        .iter()
        .filter(|c| c.is_active())
        .filter(|c| {
            accepts(What::WithdrawConsent {
                consent: c.id.clone(),
            })
        })
        .map(|c| c.id.clone())
        .collect();
    if !withdrawable.is_empty() {
        offers.push(Offer::WithdrawConsent {
            consents: withdrawable,
        });
    }
    let referral_id = ReferralId(unused_id(
        case.referrals.iter().map(|r| &r.id.0),
        "referral",
    ));
    let referable: Vec<OrganisationId> = case
        .consents
        .iter()
        .filter(|c| c.is_active())
        .filter_map(|c| match &c.purpose {
            ConsentPurpose::Referral(org) => Some(org.clone()),
            _ => None,
        })
        .filter(|org| {
            accepts(What::Refer {
                referral: referral_id.clone(),
                to: Recipient {
                    organisation: org.clone(),
                    role: RecipientRole::Health,
                },
                fields: BTreeSet::from([SharedField::CaseReference]),
            })
        })
        .collect::<BTreeSet<_>>()
        .into_iter()
        .collect();
    if !referable.is_empty() {
        offers.push(Offer::Refer {
            organisations: referable,
        });
    }
    for referral in &case.referrals {
        let to_asker = &referral.recipient.organisation == asker.organisation;
        let id = referral.id.clone();
        match referral.status {
            ReferralStatus::Sent
                if to_asker
                    && accepts(What::AcceptReferral {
                        referral: id.clone(),
                    }) =>
            {
                offers.push(Offer::AnswerReferral {
                    referral: id.clone(),
                });
            }
            ReferralStatus::Accepted
                if to_asker
                    && accepts(What::CompleteReferral {
                        referral: id.clone(),
                        outcome: "x".into(),
                    }) =>
            {
                offers.push(Offer::CompleteReferral {
                    referral: id.clone(),
                });
            }
            _ => {}
        }
        if referral.status.is_active()
            && accepts(What::RevokeReferral {
                referral: id.clone(),
                reason: "x".into(),
            })
        {
            offers.push(Offer::RevokeReferral { referral: id });
        }
    }
    if accepts(What::NotifyAnonymously {
        gender: Gender::NonSpecifiedUnknown,
        exploitation: Vec::new(),
        country_of_exploitation: None,
    }) {
        offers.push(Offer::NotifyAnonymously);
    }
    for kind in [
        DecisionKind::ReasonableGrounds,
        DecisionKind::ConclusiveGrounds,
    ] {
        let sample = What::Decide {
            kind,
            outcome: Outcome::Positive,
            reasons: "x".into(),
            evidence: vec!["x".into()],
        };
        if accepts(sample) {
            let threshold = match kind {
                DecisionKind::ReasonableGrounds => profile.thresholds.reasonable_grounds.clone(),
                DecisionKind::ConclusiveGrounds => profile.thresholds.conclusive_grounds.clone(),
            };
            offers.push(Offer::Decide { kind, threshold });
        }
    }
    let simple: [(What, Offer); 11] = [
        (
            What::RequestReconsideration {
                grounds: "x".into(),
            },
            Offer::RequestReconsideration,
        ),
        (
            What::AppointGuardian {
                guardian: asker.user.clone(),
                organisation: asker.organisation.clone(),
            },
            Offer::AppointGuardian,
        ),
        (
            What::AssessBestInterests {
                summary: "x".into(),
            },
            Offer::AssessBestInterests,
        ),
        (
            What::AddSupportPlan {
                plan_type: SupportPlanType::SocialCare,
                objectives: "x".into(),
            },
            Offer::AddSupportPlan,
        ),
        (
            What::ChooseDurableSolution {
                solution: DurableSolution::LocalIntegration,
                agreed: true,
            },
            Offer::ChooseDurableSolution,
        ),
        (
            What::RecordProceeding {
                proceeding: ProceedingId(unused_id(
                    case.proceedings.iter().map(|p| &p.id.0),
                    "proceeding",
                )),
                offence: super::justice::OffenceCategory::Other,
                description: "x".into(),
                linked_to_trafficking: false,
            },
            Offer::RecordProceeding,
        ),
        (
            What::RecordCooperation {
                cooperation: Cooperation::NotAsked,
            },
            Offer::RecordCooperation,
        ),
        (
            What::RecordOrigin {
                citizenship: None,
                country_of_exploitation: None,
            },
            Offer::RecordOrigin,
        ),
        (
            What::Place {
                setting: Setting::Shelter,
            },
            Offer::Place,
        ),
        (What::Review, Offer::Review),
        (
            What::Close {
                status: ClosureStatus::Closed,
                reason: "x".into(),
            },
            Offer::Close,
        ),
    ];
    for (what, offer) in simple {
        if accepts(what) {
            offers.push(offer);
        }
    }
    offers
}

/// An id not yet used among `taken`, for a new consent, referral or proceeding (`consent-3`).
pub fn unused_id<'a>(taken: impl Iterator<Item = &'a String>, stem: &str) -> String {
    let taken: BTreeSet<&String> = taken.collect();
    (1..)
        .map(|n| format!("{stem}-{n}"))
        .find(|id| !taken.contains(id))
        .unwrap_or_else(|| stem.to_string())
}
