//! The screening result as the `haven screen` contract prints it: one JSON object, or a short
//! text for a person to read. The API serves the same object.

use serde::Serialize;
use serde_json::{Map, Value};

use super::Screening;
use crate::i18n::{Localizer, Message};

/// The stable JSON shape of a screening result.
#[derive(Debug, Clone, Serialize)]
pub struct ScreeningReport {
    pub treated_as_child: bool,
    /// Profile id → legal outcome code, for every profile.
    pub legal: Map<String, Value>,
    pub other_legal: Vec<&'static str>,
    pub ilo: IloReport,
    pub forced_labour_flag: bool,
    pub next: Vec<&'static str>,
    pub explanation: Vec<ExplanationReport>,
}

#[derive(Debug, Clone, Serialize)]
pub struct IloReport {
    pub outcome: &'static str,
    pub list: Option<&'static str>,
    /// Dimension → present (true), absent (false), or uncertain under unverified weights (null).
    pub elements: Map<String, Value>,
    pub sub_class: Option<&'static str>,
    pub warnings: Vec<&'static str>,
}

#[derive(Debug, Clone, Serialize)]
pub struct ExplanationReport {
    pub rule: String,
    pub text: String,
}

impl ScreeningReport {
    pub fn new(screening: &Screening<'_>, localizer: &Localizer) -> ScreeningReport {
        let ilo = &screening.ilo;
        ScreeningReport {
            treated_as_child: screening.treated_as_child,
            legal: screening
                .legal
                .iter()
                .map(|l| (l.profile.id.clone(), Value::from(l.outcome.code())))
                .collect(),
            other_legal: screening.other_legal.iter().map(|f| f.code()).collect(),
            ilo: IloReport {
                outcome: ilo.outcome.code(),
                list: ilo.list.map(|l| l.id()),
                elements: ilo
                    .elements
                    .iter()
                    .map(|e| {
                        (
                            e.dimension.id().to_string(),
                            e.positive.map_or(Value::Null, Value::from),
                        )
                    })
                    .collect(),
                sub_class: ilo.sub_class.map(|s| s.id()),
                warnings: ilo.warnings.iter().map(|w| w.code()).collect(),
            },
            forced_labour_flag: screening.forced_labour_flag,
            next: screening.routing.codes().map(|s| s.code()).collect(),
            explanation: screening
                .explanation
                .iter()
                .map(|e| ExplanationReport {
                    rule: e.rule.clone(),
                    text: localizer.render(&e.message),
                })
                .collect(),
        }
    }

    /// A short report for a person to read, in the localizer's language.
    pub fn to_text(&self, localizer: &Localizer) -> String {
        let line = |message: Message| localizer.render(&message);
        let mut out = String::new();
        let mut push = |text: String| {
            out.push_str(&text);
            out.push('\n');
        };
        push(line(Message::new("report-title")));
        push(line(
            Message::new("report-track").flag("child", self.treated_as_child),
        ));
        push(format!("{}:", line(Message::new("report-legal"))));
        for (profile, outcome) in &self.legal {
            push(format!(
                "  {profile}: {}",
                outcome.as_str().unwrap_or_default()
            ));
        }
        push(line(
            Message::new("report-ilo")
                .text("outcome", self.ilo.outcome)
                .text("list", self.ilo.list.unwrap_or("none")),
        ));
        if !self.ilo.elements.is_empty() {
            let elements: Vec<String> = self
                .ilo
                .elements
                .iter()
                .map(|(dimension, value)| {
                    let mark = match value.as_bool() {
                        Some(true) => "+",
                        Some(false) => "-",
                        None => "?",
                    };
                    format!("{dimension}{mark}")
                })
                .collect();
            push(format!("  {}", elements.join(" ")));
        }
        push(line(
            Message::new("report-forced-labour").flag("flag", self.forced_labour_flag),
        ));
        if !self.other_legal.is_empty() {
            push(line(
                Message::new("report-other-legal").text("codes", self.other_legal.join(", ")),
            ));
        }
        push(format!("{}:", line(Message::new("report-next"))));
        for code in &self.next {
            push(format!("  - {code}"));
        }
        push(format!("{}:", line(Message::new("report-why"))));
        for e in &self.explanation {
            push(format!("  [{}] {}", e.rule, e.text));
        }
        out
    }
}
