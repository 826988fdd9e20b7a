//! Texts the mechanism sends out: decision letters in the person's language, addressed to the
//! guardian when the person is a child, and the non-punishment alert and notice.

use super::UserId;
use super::decision::{Decision, DecisionKind, Outcome};
use super::justice::Proceeding;
use super::lifecycle::Case;
use super::profile::NrmProfile;
use crate::i18n::{Localizer, Message, supported_language};

/// Names from the identity vault, which the case record does not hold.
#[derive(Debug, Clone, Copy)]
pub struct Names<'a> {
    pub person: &'a str,
    pub guardian: Option<&'a str>,
}

/// Who a letter is for.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Addressee {
    Person,
    /// A child's letter goes to the guardian, never to the child.
    Guardian(UserId),
}

#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Letter {
    pub addressee: Addressee,
    /// The language it is written in: the person's where Haven has it, English otherwise.
    pub language: &'static str,
    pub text: String,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum LetterError {
    #[error(
        "a child's decision letter goes to the guardian: appoint one and give their name first"
    )]
    NoGuardian,
}

/// The letter for a decision of the case, as text.
pub fn decision_letter(
    case: &Case,
    decision: &Decision,
    profile: &NrmProfile,
    names: Names<'_>,
) -> Result<Letter, LetterError> {
    let (addressee, salutation, subject) = if case.is_child() {
        let guardian = case.guardian().ok_or(LetterError::NoGuardian)?;
        let guardian_name = names.guardian.ok_or(LetterError::NoGuardian)?;
        (
            Addressee::Guardian(guardian.guardian.clone()),
            Message::new("nrm-letter-to-guardian")
                .text("guardian", guardian_name)
                .text("child", names.person),
            "nrm-letter-subject-child",
        )
    } else {
        (
            Addressee::Person,
            Message::new("nrm-letter-to-person").text("name", names.person),
            "nrm-letter-subject-person",
        )
    };
    let language = case
        .language
        .as_deref()
        .and_then(supported_language)
        .unwrap_or("en");
    let localizer = Localizer::new(language).expect("every listed language has a bundle");
    let subject = localizer.render(&Message::new(subject));
    let kind = decision.kind.id();
    let mut paragraphs = vec![
        salutation,
        Message::new("nrm-letter-subject")
            .text("kind", kind)
            .text("date", decision.at.date().to_string())
            .flag("reconsidered", decision.on_reconsideration),
        Message::new("nrm-letter-outcome")
            .text("kind", kind)
            .text("outcome", decision.outcome.id())
            .text("subject", subject),
        Message::new("nrm-letter-threshold").text("threshold", decision.threshold.as_str()),
        Message::new("nrm-letter-reasons").text("reasons", decision.reasons.as_str()),
        Message::new("nrm-letter-evidence").text("evidence", decision.evidence.join("; ")),
    ];
    if let (DecisionKind::ReasonableGrounds, Outcome::Positive, Some(period)) = (
        decision.kind,
        decision.outcome,
        case.recovery_period(profile),
    ) {
        paragraphs.push(
            Message::new("nrm-letter-recovery")
                .text("starts", period.starts.to_string())
                .text("ends", period.ends.to_string()),
        );
    }
    if decision.outcome == Outcome::Negative {
        paragraphs.push(Message::new("nrm-letter-reconsideration"));
    }
    paragraphs.push(Message::new("nrm-letter-closing"));
    let text = paragraphs
        .iter()
        .map(|m| localizer.render(m))
        .collect::<Vec<_>>()
        .join("\n\n");
    Ok(Letter {
        addressee,
        language,
        text,
    })
}

/// A pending proceeding against a person the mechanism has found to be a victim.
#[derive(Debug, Clone, PartialEq)]
pub struct NonPunishment {
    /// For the case's queue.
    pub alert: Message,
    /// For the prosecutor or court.
    pub notice: Message,
}

/// One alert and notice per pending proceeding linked to the trafficking while a positive
/// decision is the latest word.
pub fn non_punishment(case: &Case) -> Vec<NonPunishment> {
    let Some(decision) = case.decisions.last() else {
        return Vec::new();
    };
    case.non_punishment_alerts()
        .into_iter()
        .map(|proceeding: &Proceeding| NonPunishment {
            alert: Message::new("nrm-non-punishment-alert")
                .text("proceeding", proceeding.id.0.as_str())
                .text("kind", decision.kind.id()),
            notice: Message::new("nrm-non-punishment-notice")
                .text("date", decision.at.date().to_string())
                .text("kind", decision.kind.id())
                .text("proceeding", proceeding.id.0.as_str())
                .text("description", proceeding.description.as_str())
                .text("offence", proceeding.offence.id()),
        })
        .collect()
}
