//! The daily digest: what a user has to act on today, from the deadlines of the cases they can
//! see. A caseworker gets their own cases' items due today, overdue and escalated; a supervisor
//! everything escalated, the team's overdue items and their own cases' items due today; a
//! provider the referrals waiting for their organisation's answer; a decision maker those and
//! the decisions their authority owes.

use super::clock::{CivilDate, DueItem, DueState, due_items};
use super::lifecycle::Case;
use super::profile::{DeadlineKind, NrmProfile};
use super::{CaseId, OrganisationId, Timestamp, UserId};
use crate::access::Role;
use crate::i18n::{Localizer, Message};

/// Who the digest is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Reader<'a> {
    pub user: &'a UserId,
    pub role: Role,
    pub organisation: &'a OrganisationId,
    /// For a supervisor, the users whose cases their teams hold.
    pub team: &'a [UserId],
}

#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Digest {
    pub user: UserId,
    pub day: CivilDate,
    pub escalated: Vec<DigestItem>,
    pub overdue: Vec<DigestItem>,
    pub due_today: Vec<DigestItem>,
    /// Referrals waiting for the reader's organisation's answer, due on a later day.
    pub waiting_for_answer: Vec<DigestItem>,
}

#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct DigestItem {
    pub case: CaseId,
    pub item: DueItem,
}

/// The reader's digest for `now`'s day, from the cases they may see. Each case comes with the
/// profile it began under: an installation that chose another profile keeps its open cases'.
pub fn digest<'a>(
    reader: &Reader<'_>,
    cases: impl IntoIterator<Item = (&'a Case, &'a NrmProfile)>,
    now: Timestamp,
) -> Digest {
    let day = now.date();
    let mut digest = Digest {
        user: reader.user.clone(),
        day,
        escalated: Vec::new(),
        overdue: Vec::new(),
        due_today: Vec::new(),
        waiting_for_answer: Vec::new(),
    };
    for (case, profile) in cases {
        for item in due_items(case, profile, now) {
            if !concerns(reader, case, &item, day) {
                continue;
            }
            let section = match item.state {
                DueState::Escalated { .. } => &mut digest.escalated,
                DueState::Overdue => &mut digest.overdue,
                DueState::Pending if item.due == day => &mut digest.due_today,
                DueState::Pending => &mut digest.waiting_for_answer,
            };
            section.push(DigestItem {
                case: case.id.clone(),
                item,
            });
        }
    }
    for section in digest.sections_mut() {
        section.sort_by(|a, b| {
            (a.item.due, &a.case, a.item.kind).cmp(&(b.item.due, &b.case, b.item.kind))
        });
    }
    digest
}

impl Digest {
    pub fn is_empty(&self) -> bool {
        self.sections().all(|(_, items)| items.is_empty())
    }

    /// The digest as plain text: a title, then each section that has items under its heading.
    pub fn text(&self, localizer: &Localizer) -> String {
        let title = Message::new("nrm-digest-title")
            .text("user", self.user.0.as_str())
            .text("day", self.day.to_string());
        let mut blocks = vec![localizer.render(&title)];
        if self.is_empty() {
            blocks.push(localizer.render(&Message::new("nrm-digest-empty")));
        }
        for (section, items) in self.sections().filter(|(_, items)| !items.is_empty()) {
            let heading = Message::new("nrm-digest-section")
                .text("section", section)
                .number("count", items.len());
            let lines = std::iter::once(heading).chain(items.iter().map(|i| {
                Message::new("nrm-digest-item")
                    .text("case", i.case.0.as_str())
                    .text("kind", i.item.kind.id())
                    .text(
                        "referral",
                        i.item.referral.as_ref().map_or("", |r| r.0.as_str()),
                    )
                    .text("due", i.item.due.to_string())
            }));
            blocks.push(
                lines
                    .map(|m| localizer.render(&m))
                    .collect::<Vec<_>>()
                    .join("\n"),
            );
        }
        blocks.join("\n\n")
    }

    /// The sections in the order they are read, most urgent first.
    fn sections(&self) -> impl Iterator<Item = (&'static str, &Vec<DigestItem>)> {
        [
            ("escalated", &self.escalated),
            ("overdue", &self.overdue),
            ("due_today", &self.due_today),
            ("waiting_for_answer", &self.waiting_for_answer),
        ]
        .into_iter()
    }

    fn sections_mut(&mut self) -> [&mut Vec<DigestItem>; 4] {
        [
            &mut self.escalated,
            &mut self.overdue,
            &mut self.due_today,
            &mut self.waiting_for_answer,
        ]
    }
}

/// Whether an item of a case is for the reader to act on, or to see acted on, today.
fn concerns(reader: &Reader<'_>, case: &Case, item: &DueItem, day: CivilDate) -> bool {
    let own = case.owner == *reader.user;
    let on_team = own || reader.team.contains(&case.owner);
    let today_or_late = item.state != DueState::Pending || item.due == day;
    // A referral is answered by the organisation it was sent to.
    let to_answer = item.kind == DeadlineKind::ReferralResponse
        && item
            .referral
            .as_ref()
            .and_then(|id| case.referral(id))
            .is_some_and(|r| r.recipient.organisation == *reader.organisation);
    let to_decide = decision_deadline(item.kind)
        && case
            .active_competent_authority_referral()
            .is_some_and(|r| r.recipient.organisation == *reader.organisation);
    match reader.role {
        Role::Caseworker => own && today_or_late,
        Role::Supervisor => match item.state {
            DueState::Escalated { .. } => true,
            DueState::Overdue => on_team,
            DueState::Pending => own && item.due == day,
        },
        Role::Provider => to_answer,
        Role::DecisionMaker => to_answer || (to_decide && today_or_late),
        _ => false,
    }
}

/// Deadlines the competent authority meets with a decision.
fn decision_deadline(kind: DeadlineKind) -> bool {
    matches!(
        kind,
        DeadlineKind::ReasonableGroundsDecision
            | DeadlineKind::ConclusiveGroundsDecision
            | DeadlineKind::ReconsiderationDecision
    )
}
