//! The explanation of a screening: for every outcome, the rule that fired (a stable id) and the
//! facts it used, as a message a screener can read to a supervisor.

use super::catalogue::Catalogue;
use super::input::ScreeningFacts;
use super::legal::ElementStatus;
use super::{OtherLegalFinding, Screening};
use crate::i18n::Message;

/// One step of the reasoning.
#[derive(Debug, Clone, PartialEq)]
pub struct Explanation {
    /// Stable id of the rule (see `explanation_rule_patterns`).
    pub rule: String,
    pub message: Message,
}

/// Every form a rule id can take; `<profile>` is a profile id, `<DIM>` an ILO/EC dimension,
/// `<CODE>` a routing code and `<forbid>` a forbid rule id of the catalogue.
pub fn explanation_rule_patterns() -> &'static [&'static str] {
    &[
        "age.child_track",
        "age.adult_track",
        "<profile>.adult",
        "<profile>.child",
        "<profile>.purpose_via",
        "ilo.not_applicable",
        "ilo.list",
        "ilo.element.<DIM>",
        "ilo.outcome",
        "ilo.sub_class",
        "ilo.child_rule_alternative",
        "forced_labour_flag",
        "other_legal.SALE_OF_CHILDREN",
        "routing.<CODE>",
        "routing.forbid.<forbid>",
    ]
}

pub(super) fn explain(
    catalogue: &Catalogue,
    facts: &ScreeningFacts<'_>,
    screening: &Screening<'_>,
) -> Vec<Explanation> {
    let mut out = Vec::new();
    let mut push = |rule: String, message: Message| out.push(Explanation { rule, message });

    let (rule, message) = age(
        facts,
        screening.treated_as_child,
        catalogue.child_age_threshold,
    );
    push(rule.into(), message);

    for legal in &screening.legal {
        let labels = |ids: Vec<&str>| ids.join(", ");
        let track = if legal.child { "child" } else { "adult" };
        let counted: Vec<&str> = facts
            .palermo
            .purposes
            .established
            .iter()
            .filter(|p| legal.profile.recognised_purposes.contains(&p.entry.id))
            .map(|p| p.entry.label.as_str())
            .collect();
        push(
            format!("{}.{track}", legal.profile.id),
            Message::new("legal-test")
                .text("profile", &legal.profile.label)
                .text("track", track)
                .text("act", legal.act.word())
                .text(
                    "acts",
                    labels(
                        facts
                            .palermo
                            .acts
                            .established
                            .iter()
                            .map(|a| a.label.as_str())
                            .collect(),
                    ),
                )
                .text(
                    "means",
                    legal.means.unwrap_or(ElementStatus::Unknown).word(),
                )
                .text(
                    "means_list",
                    labels(
                        facts
                            .palermo
                            .means
                            .established
                            .iter()
                            .map(|m| m.label.as_str())
                            .collect(),
                    ),
                )
                .text("purpose", legal.purpose.word())
                .text("purposes", labels(counted))
                .text("outcome", legal.outcome.code()),
        );
        for purpose in &facts.palermo.purposes.established {
            let recognised = |id: &String| legal.profile.recognised_purposes.contains(id);
            if !recognised(&purpose.entry.id) && !purpose.via.iter().any(|v| facts.has_purpose(v)) {
                let via: Vec<&str> = purpose
                    .via
                    .iter()
                    .filter(|v| recognised(v))
                    .filter_map(|v| catalogue.purpose(v))
                    .map(|p| p.entry.label.as_str())
                    .collect();
                push(
                    format!("{}.purpose_via", legal.profile.id),
                    Message::new("legal-purpose-via")
                        .text("profile", &legal.profile.label)
                        .text("purpose", &purpose.entry.label)
                        .text("via", via.join(" or ")),
                );
            }
        }
    }

    let ilo = &screening.ilo;
    match ilo.list {
        None => push(
            "ilo.not_applicable".into(),
            Message::new("ilo-not-applicable"),
        ),
        Some(list) => {
            let info = catalogue.list(list);
            push(
                "ilo.list".into(),
                Message::new("ilo-list")
                    .text("label", &info.label)
                    .text("list", list.id())
                    .flag("verified", info.verified),
            );
            for element in &ilo.elements {
                let value = match element.positive {
                    Some(true) => "yes",
                    Some(false) => "no",
                    None => "uncertain",
                };
                push(
                    format!("ilo.element.{}", element.dimension.id()),
                    Message::new("ilo-element")
                        .text("label", catalogue.dimension_label(element.dimension))
                        .text("dimension", element.dimension.id())
                        .text("value", value)
                        .number("strong", element.strong)
                        .number("medium", element.medium)
                        .number("weak", element.weak)
                        .number("not_in_list", element.not_in_list),
                );
            }
            let track = if screening.treated_as_child {
                "child"
            } else {
                "adult"
            };
            push(
                "ilo.outcome".into(),
                Message::new("ilo-outcome")
                    .text("outcome", ilo.outcome.code())
                    .text("track", track),
            );
            if let Some(sub_class) = ilo.sub_class {
                push(
                    "ilo.sub_class".into(),
                    Message::new("ilo-sub-class").text("sub_class", sub_class.id()),
                );
            }
            if let Some(alternative) = ilo.child_alternative_reading {
                push(
                    "ilo.child_rule_alternative".into(),
                    Message::new("ilo-child-alternative").text("alternative", alternative.code()),
                );
            }
        }
    }

    if screening.forced_labour_flag {
        push(
            "forced_labour_flag".into(),
            Message::new("forced-labour-flag").flag("child", screening.treated_as_child),
        );
    }
    for finding in &screening.other_legal {
        match finding {
            OtherLegalFinding::SaleOfChildren => push(
                format!("other_legal.{}", finding.code()),
                Message::new("other-legal-sale-of-children"),
            ),
        }
    }

    let reflection_days = catalogue
        .profiles
        .iter()
        .map(|p| p.reflection_period_days)
        .max()
        .unwrap_or(30);
    for routed in &screening.routing.steps {
        let basis = catalogue
            .routing
            .rules
            .iter()
            .find(|r| r.rule == routed.rule)
            .map_or("", |r| r.basis.as_str());
        push(
            format!("routing.{}", routed.step.code()),
            Message::new("routing-step")
                .text("step", routed.step.code())
                .text("rule", routed.rule.id())
                .text("basis", basis)
                .number("reflection_days", reflection_days),
        );
    }
    for forbidden in &screening.routing.forbidden {
        let codes: Vec<&str> = forbidden.removed.iter().map(|s| s.code()).collect();
        push(
            format!("routing.forbid.{}", forbidden.forbid.id()),
            Message::new("routing-forbid")
                .text("forbid", forbidden.forbid.id())
                .text("codes", codes.join(", ")),
        );
    }
    out
}

fn age(facts: &ScreeningFacts<'_>, child: bool, threshold: u8) -> (&'static str, Message) {
    let age = &facts.age;
    if child {
        let message = match age.years {
            Some(years) if years < threshold => Message::new("age-child-years")
                .number("years", years)
                .number("threshold", threshold),
            Some(years) => Message::new("age-child-reasons").text("years", years.to_string()),
            None if age.reasons_to_believe_minor => {
                Message::new("age-child-reasons").text("years", "none")
            }
            None => {
                Message::new("age-child-claimed").number("claimed", age.claimed_years.unwrap_or(0))
            }
        };
        ("age.child_track", message)
    } else {
        let message = match age.years {
            Some(years) => Message::new("age-adult-years").number("years", years),
            None => Message::new("age-adult-unknown"),
        };
        ("age.adult_track", message)
    }
}
