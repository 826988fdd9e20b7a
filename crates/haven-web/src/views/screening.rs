//! The screening wizard for the frontline: short steps grouped by topic, every fact answered
//! yes / no / don't know ("don't know" by default, and never counted as no), in the screener's
//! language and, for an interpreter, in a second language side by side. Each step is a plain
//! form post that carries every answer so far, so the wizard works without JavaScript and a
//! page that comes back with an error has lost nothing. "Save and continue later" keeps the
//! answers as a sealed draft only its owner can open. The last step registers the person if
//! asked and records the screening; the result page puts a child's protection first.
//!
//! Questions are the catalogue's own ids; their words are Fluent messages named by one rule
//! (see [`question_message`]), in `locales/<lang>/screening.ftl`.

use std::collections::BTreeMap;

use axum::extract::{Path, Query, RawForm, State};
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};
use haven_domain::i18n::{Localizer, Message};
use haven_domain::identification::catalogue::{Dimension, Indicator};
use haven_domain::identification::input::{Age, AgeBasis, ExploitationType};
use haven_domain::identification::{Catalogue, ScreeningInput, ilo, legal, screen};
use haven_store::{IdentityField, IdentityRecord, OpenCase, Scope, StoreError};
use serde::Deserialize;
use serde_json::{Map, Value, json};

use super::{Page, PageError, Viewer, direction, render};
use crate::problem::Problem;
use crate::state::AppState;

/// The languages an interpreter's side can be asked in: Haven's five. A language whose
/// messages are not there yet shows the English words, marked as English.
pub const INTERPRETER_LANGUAGES: [&str; 5] = ["en", "fr", "es", "ar", "uk"];

/// One step of the wizard.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Step {
    /// Age with its basis and reasons to believe a minor, sex, language; the interpreter.
    Person,
    Acts,
    Means,
    /// Purposes, and the kind of exploitation (which picks the ILO/EC list).
    Purposes,
    /// The ILO/EC indicators of one dimension.
    Indicators(Dimension),
    Offences,
    Risks,
    Flags,
    /// Optional registration, then the result.
    Submit,
}

const STEPS: [Step; 14] = [
    Step::Person,
    Step::Acts,
    Step::Means,
    Step::Purposes,
    Step::Indicators(Dimension::DR),
    Step::Indicators(Dimension::CR),
    Step::Indicators(Dimension::AVR),
    Step::Indicators(Dimension::EX),
    Step::Indicators(Dimension::CD),
    Step::Indicators(Dimension::AVD),
    Step::Offences,
    Step::Risks,
    Step::Flags,
    Step::Submit,
];

impl Step {
    /// The step's name in message ids (`wizard-step-<name>`, `wizard-step-<name>-intro`).
    fn name(self) -> &'static str {
        match self {
            Step::Person => "person",
            Step::Acts => "acts",
            Step::Means => "means",
            Step::Purposes => "purposes",
            Step::Indicators(d) => d.id(),
            Step::Offences => "offences",
            Step::Risks => "risks",
            Step::Flags => "flags",
            Step::Submit => "submit",
        }
    }

    /// The fields this step shows, besides its yes / no / don't know questions.
    fn own_fields(self) -> &'static [&'static str] {
        match self {
            Step::Person => &[
                "age_years",
                "age_basis",
                "claimed_years",
                "minor",
                "sex",
                "person_language",
                "interpreter",
            ],
            Step::Purposes => &["exploitation_type"],
            Step::Submit => &["given_name", "family_name"],
            _ => &[],
        }
    }
}

/// The groups of catalogue ids the wizard asks about, with their form field prefix.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Group {
    Act,
    Means,
    Purpose,
    Indicator,
    Offence,
    Risk,
    Flag,
}

impl Group {
    const ALL: [Group; 7] = [
        Group::Act,
        Group::Means,
        Group::Purpose,
        Group::Indicator,
        Group::Offence,
        Group::Risk,
        Group::Flag,
    ];

    fn prefix(self) -> &'static str {
        match self {
            Group::Act => "act",
            Group::Means => "means",
            Group::Purpose => "purpose",
            Group::Indicator => "ind",
            Group::Offence => "offence",
            Group::Risk => "risk",
            Group::Flag => "flag",
        }
    }

    /// Every id of the group, in catalogue order.
    fn ids(self, catalogue: &Catalogue) -> Vec<&str> {
        match self {
            Group::Act => catalogue.acts.iter().map(|e| e.id.as_str()).collect(),
            Group::Means => catalogue.means.iter().map(|e| e.id.as_str()).collect(),
            Group::Purpose => catalogue
                .purposes
                .iter()
                .map(|p| p.entry.id.as_str())
                .collect(),
            Group::Indicator => catalogue.indicators.iter().map(|i| i.id.as_str()).collect(),
            Group::Offence => catalogue.offences.iter().map(|e| e.id.as_str()).collect(),
            Group::Risk => catalogue.risks.iter().map(|e| e.id.as_str()).collect(),
            Group::Flag => FLAGS.to_vec(),
        }
    }
}

/// The optional flags of the screening input (`[input.fields]` of the catalogue) the wizard
/// asks. `consent_given` and `willing_to_cooperate` are not asked: no rule reads them, and
/// consent to referral is recorded on the case, where it is informed.
const FLAGS: [&str; 5] = [
    "unaccompanied",
    "children_present",
    "family_involved",
    "smuggled",
    "seeks_international_protection",
];

/// The message of the question about a catalogue id: `q-<group>-<id>`, where an ILO/EC
/// indicator's group is its own dimension (`CD.confiscation_of_documents` →
/// `q-CD-confiscation_of_documents`; Fluent ids cannot hold a dot).
fn question_message(group: Group, id: &str) -> String {
    match group {
        Group::Indicator => format!("q-{}", id.replace('.', "-")),
        other => format!("q-{}-{id}", other.prefix()),
    }
}

/// The form field of the answer about a catalogue id: `<prefix>.<id>`.
fn field_name(group: Group, id: &str) -> String {
    format!("{}.{id}", group.prefix())
}

const AGE_BASES: [&str; 4] = ["document", "claimed", "assessment", "observed"];
const SEXES: [&str; 4] = ["female", "male", "other", "unknown"];
const EXPLOITATION_TYPES: [&str; 3] = ["labour", "sexual", "other"];
const ANSWERS: [&str; 3] = ["yes", "no", "unknown"];
/// The longest text kept for a field; names are checked against the vault's own limit.
const MAX_TEXT: usize = 400;

/// Every answer so far: form field → value. A question not answered, or answered "don't
/// know", has no entry.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
struct Answers(BTreeMap<String, String>);

impl Answers {
    /// The answers in a posted form: only fields the wizard knows, only values it allows.
    fn from_pairs<'a>(pairs: impl IntoIterator<Item = (&'a str, &'a str)>) -> Answers {
        let catalogue = Catalogue::embedded();
        let mut answers = BTreeMap::new();
        for (name, value) in pairs {
            let value = value.trim();
            let keep = if tri_field(catalogue, name) {
                matches!(value, "yes" | "no")
            } else {
                is_text_field(name) && !value.is_empty()
            };
            if keep {
                answers.insert(name.to_string(), value.chars().take(MAX_TEXT).collect());
            } else {
                answers.remove(name);
            }
        }
        Answers(answers)
    }

    fn from_json(value: &Value) -> Answers {
        let pairs: Vec<(&str, &str)> = value
            .as_object()
            .map(|o| {
                o.iter()
                    .filter_map(|(k, v)| v.as_str().map(|v| (k.as_str(), v)))
                    .collect()
            })
            .unwrap_or_default();
        Answers::from_pairs(pairs)
    }

    fn to_json(&self) -> Value {
        Value::Object(
            self.0
                .iter()
                .map(|(k, v)| (k.clone(), Value::from(v.as_str())))
                .collect(),
        )
    }

    fn get(&self, name: &str) -> &str {
        self.0.get(name).map_or("", String::as_str)
    }

    /// `yes`, `no` or `unknown`.
    fn tri(&self, name: &str) -> &'static str {
        match self.get(name) {
            "yes" => "yes",
            "no" => "no",
            _ => "unknown",
        }
    }

    fn years(&self, name: &str) -> Result<Option<u8>, ()> {
        match self.get(name) {
            "" => Ok(None),
            text => match text.parse::<u8>() {
                Ok(years) if years <= 120 => Ok(Some(years)),
                _ => Err(()),
            },
        }
    }

    fn exploitation(&self) -> Option<ExploitationType> {
        match self.get("exploitation_type") {
            "labour" => Some(ExploitationType::Labour),
            "sexual" => Some(ExploitationType::Sexual),
            "other" => Some(ExploitationType::Other),
            _ => None,
        }
    }

    /// Whether the answers so far put the person on the child track (the engine's own rule).
    fn treated_as_child(&self) -> bool {
        let age = Age {
            years: self.years("age_years").ok().flatten(),
            basis: AgeBasis::Claimed,
            claimed_years: self.years("claimed_years").ok().flatten(),
            reasons_to_believe_minor: self.tri("minor") == "yes",
            apparent_age_range: None,
        };
        legal::treated_as_child(&age, Catalogue::embedded().child_age_threshold)
    }
}

fn tri_field(catalogue: &Catalogue, name: &str) -> bool {
    name == "minor"
        || Group::ALL.into_iter().any(|group| {
            name.strip_prefix(group.prefix())
                .and_then(|rest| rest.strip_prefix('.'))
                .is_some_and(|id| group.ids(catalogue).contains(&id))
        })
}

fn is_text_field(name: &str) -> bool {
    STEPS
        .iter()
        .any(|s| s.own_fields().contains(&name) && name != "minor")
}

/// A question the step asks: which field, and the message that asks it.
struct Asked {
    field: String,
    message: String,
}

/// The yes / no / don't know questions of a step, in catalogue order.
fn questions(step: Step, answers: &Answers) -> Vec<Asked> {
    let catalogue = Catalogue::embedded();
    let of_group = |group: Group| -> Vec<Asked> {
        group
            .ids(catalogue)
            .into_iter()
            .map(|id| Asked {
                field: field_name(group, id),
                message: question_message(group, id),
            })
            .collect()
    };
    match step {
        Step::Person => vec![Asked {
            field: "minor".into(),
            message: "wizard-minor".into(),
        }],
        Step::Acts => of_group(Group::Act),
        Step::Means => of_group(Group::Means),
        Step::Purposes => of_group(Group::Purpose),
        Step::Indicators(dimension) => catalogue
            .indicators
            .iter()
            .filter(|i| i.dimension == dimension && asked(i, answers))
            .map(|i| Asked {
                field: field_name(Group::Indicator, &i.id),
                message: question_message(Group::Indicator, &i.id),
            })
            .collect(),
        Step::Offences => of_group(Group::Offence),
        Step::Risks => of_group(Group::Risk),
        Step::Flags => of_group(Group::Flag),
        Step::Submit => Vec::new(),
    }
}

/// An indicator is asked when the list the engine will use includes it; with no list (organ
/// removal, adoption) every indicator is asked, since routing still reads threats and
/// violence. Answers to indicators not asked are kept, never dropped.
fn asked(indicator: &Indicator, answers: &Answers) -> bool {
    match answers
        .exploitation()
        .and_then(|e| ilo::list_for(answers.treated_as_child(), e))
    {
        Some(list) => indicator.weight(list).is_some(),
        None => true,
    }
}

/// A missing or wrong answer, shown next to its field.
struct FieldError {
    field: &'static str,
    message: String,
}

/// The errors shown on a page, looked up by field in the template.
#[derive(Default)]
pub struct Errors(Vec<FieldError>);

impl Errors {
    pub fn get(&self, field: &str) -> Option<&str> {
        self.0
            .iter()
            .find(|e| e.field == field)
            .map(|e| e.message.as_str())
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// (field, message) in the order of the page, for the summary at the top.
    pub fn all(&self) -> Vec<(&str, &str)> {
        self.0
            .iter()
            .map(|e| (e.field, e.message.as_str()))
            .collect()
    }
}

/// The required and well-formed answers of a step.
fn check(step: Step, answers: &Answers, page: &Page) -> Errors {
    let mut errors = Vec::new();
    let mut fail = |field: &'static str, id: &'static str| {
        errors.push(FieldError {
            field,
            message: page.t(id),
        })
    };
    match step {
        Step::Person => {
            if answers.years("age_years").is_err() {
                fail("age_years", "wizard-error-age-number");
            }
            if !AGE_BASES.contains(&answers.get("age_basis")) {
                fail("age_basis", "wizard-error-age-basis");
            }
            if answers.years("claimed_years").is_err() {
                fail("claimed_years", "wizard-error-age-number");
            }
            let language = answers.get("person_language");
            if !language.is_empty() && !is_language_tag(language) {
                fail("person_language", "wizard-error-language");
            }
        }
        Step::Purposes if answers.exploitation().is_none() => {
            fail("exploitation_type", "wizard-error-exploitation-type");
        }
        Step::Submit => {
            for field in ["given_name", "family_name"] {
                if answers.get(field).chars().count() > IdentityField::GivenName.max_len() {
                    fail(field, "wizard-error-name");
                }
            }
        }
        _ => {}
    }
    Errors(errors)
}

/// A BCP 47 tag as letters need it: `ar`, `fa`, `pt-BR`, `sr-Latn`.
fn is_language_tag(text: &str) -> bool {
    let mut parts = text.split('-');
    let primary = parts.next().unwrap_or_default();
    (2..=3).contains(&primary.len())
        && primary.chars().all(|c| c.is_ascii_alphabetic())
        && parts.all(|p| (2..=8).contains(&p.len()) && p.chars().all(|c| c.is_ascii_alphanumeric()))
}

/// The screening input the answers make, in the shape `ScreeningInput::from_json` reads.
/// A Palermo element with no "yes" is established absent only when every one of its
/// questions was answered "no"; any "don't know" leaves it unknown.
fn screening_input(answers: &Answers) -> Value {
    let catalogue = Catalogue::embedded();
    let mut age = Map::new();
    age.insert(
        "years".into(),
        answers
            .years("age_years")
            .ok()
            .flatten()
            .map_or(Value::Null, Value::from),
    );
    age.insert("basis".into(), answers.get("age_basis").into());
    if let Ok(Some(claimed)) = answers.years("claimed_years") {
        age.insert("claimed_years".into(), claimed.into());
    }
    match answers.tri("minor") {
        "yes" => age.insert("reasons_to_believe_minor".into(), true.into()),
        "no" => age.insert("reasons_to_believe_minor".into(), false.into()),
        _ => None,
    };
    let established = |group: Group| -> (Vec<Value>, bool) {
        let ids = group.ids(catalogue);
        let yes = ids
            .iter()
            .filter(|id| answers.tri(&field_name(group, id)) == "yes")
            .map(|id| Value::from(*id))
            .collect();
        let unknown = ids
            .iter()
            .any(|id| answers.tri(&field_name(group, id)) == "unknown");
        (yes, unknown)
    };
    let mut palermo = Map::new();
    let mut unknown = Vec::new();
    for (name, group) in [
        ("acts", Group::Act),
        ("means", Group::Means),
        ("purposes", Group::Purpose),
    ] {
        let (yes, more_unknown) = established(group);
        palermo.insert(name.into(), yes.into());
        if more_unknown {
            unknown.push(Value::from(name));
        }
    }
    palermo.insert("unknown".into(), unknown.into());
    let indicators: Map<String, Value> = catalogue
        .indicators
        .iter()
        .filter_map(
            |i| match answers.tri(&field_name(Group::Indicator, &i.id)) {
                "unknown" => None,
                answer => Some((i.id.clone(), Value::from(answer))),
            },
        )
        .collect();
    let mut input = Map::new();
    input.insert("age".into(), age.into());
    let sex = answers.get("sex");
    input.insert(
        "sex".into(),
        if SEXES.contains(&sex) { sex } else { "unknown" }.into(),
    );
    input.insert("palermo".into(), palermo.into());
    input.insert("indicators".into(), indicators.into());
    input.insert(
        "exploitation_type".into(),
        answers.get("exploitation_type").into(),
    );
    input.insert(
        "offences_as_consequence".into(),
        established(Group::Offence).0.into(),
    );
    input.insert("risk_indicators".into(), established(Group::Risk).0.into());
    for flag in FLAGS {
        match answers.tri(&field_name(Group::Flag, flag)) {
            "yes" => input.insert(flag.into(), true.into()),
            "no" => input.insert(flag.into(), false.into()),
            _ => None,
        };
    }
    Value::Object(input)
}

/// The interpreter's language, when one is chosen and differs from the screener's.
fn interpreter(answers: &Answers, screener: &str) -> Option<&'static str> {
    INTERPRETER_LANGUAGES
        .into_iter()
        .find(|l| *l == answers.get("interpreter") && *l != screener)
}

#[derive(askama::Template)]
#[template(path = "screening_step.html")]
struct StepPage {
    page: Page,
    /// 0-based, as the form carries it.
    step: usize,
    kind: &'static str,
    progress: String,
    progress_value: usize,
    progress_max: usize,
    heading: String,
    intro: String,
    first: bool,
    last: bool,
    questions: Vec<QuestionView>,
    /// Every answer of the other steps, carried along.
    hidden: Vec<(String, String)>,
    draft: String,
    errors: Errors,
    notices: Vec<String>,
    answer_labels: Vec<(&'static str, String)>,
    answers: Answers,
    bases: Vec<(&'static str, String)>,
    sexes: Vec<(&'static str, String)>,
    exploitation_types: Vec<(&'static str, String)>,
    interpreters: Vec<(&'static str, &'static str)>,
    text_fields: Vec<TextField>,
    summary: String,
}

/// A text box: the age fields on the first step, the names on the last.
struct TextField {
    /// The `kind` of the step that shows it.
    step: &'static str,
    name: &'static str,
    label: String,
    hint: Option<String>,
    numeric: bool,
}

/// A question with its words, and the interpreter's side when there is one.
struct QuestionView {
    field: String,
    html_id: String,
    text: String,
    hint: Option<String>,
    other: Option<OtherSide>,
    value: &'static str,
}

struct OtherSide {
    lang: &'static str,
    dir: &'static str,
    text: String,
    /// The interpreter's language lacks this message: the English words are shown.
    fallback: bool,
}

fn html_id(field: &str) -> String {
    field.replace('.', "-")
}

fn step_page(
    viewer: &Viewer,
    index: usize,
    answers: Answers,
    draft: Option<&str>,
    errors: Errors,
    mut notices: Vec<String>,
) -> StepPage {
    let index = index.min(STEPS.len() - 1);
    let step = STEPS[index];
    let page = viewer.page(viewer.t("wizard-title"), "screening");
    let heading = page.word(&format!("wizard-step-{}", step.name()));
    let intro = page.word(&format!("wizard-step-{}-intro", step.name()));
    let second = interpreter(&answers, page.lang);
    let second_words = second.and_then(|l| Localizer::new(l).ok());
    let english = Localizer::english();
    let mut untranslated = false;
    let questions = questions(step, &answers)
        .into_iter()
        .map(|asked| {
            let other = second.map(|lang| match &second_words {
                Some(words) if words.has_message(&asked.message) => OtherSide {
                    lang,
                    dir: direction(lang),
                    text: words.word(&asked.message),
                    fallback: false,
                },
                _ => {
                    untranslated = true;
                    OtherSide {
                        lang,
                        dir: direction(lang),
                        text: english.word(&asked.message),
                        fallback: true,
                    }
                }
            });
            QuestionView {
                html_id: html_id(&asked.field),
                text: page.word(&asked.message),
                hint: (asked.field == "minor").then(|| page.t("wizard-minor-hint")),
                value: answers.tri(&asked.field),
                field: asked.field,
                other,
            }
        })
        .collect::<Vec<_>>();
    if let (true, Some(lang)) = (untranslated, second) {
        notices.push(
            page.message(
                &Message::new("wizard-interpreter-untranslated")
                    .text("language", page.language_name(lang)),
            ),
        );
    }
    let shown: Vec<&str> = questions
        .iter()
        .map(|q| q.field.as_str())
        .chain(step.own_fields().iter().copied())
        .collect();
    let hidden = answers
        .0
        .iter()
        .filter(|(name, _)| !shown.contains(&name.as_str()))
        .map(|(name, value)| (name.clone(), value.clone()))
        .collect();
    let labels = |values: &[&'static str], prefix: &str| -> Vec<(&'static str, String)> {
        values
            .iter()
            .map(|v| (*v, page.word(&format!("{prefix}-{v}"))))
            .collect()
    };
    let catalogue = Catalogue::embedded();
    let count = |answer: &str| {
        answers
            .0
            .iter()
            .filter(|(name, value)| *value == answer && tri_field(catalogue, name))
            .count()
    };
    let (yes, no) = (count("yes"), count("no"));
    StepPage {
        step: index,
        kind: match step {
            Step::Person => "person",
            Step::Purposes => "purposes",
            Step::Submit => "submit",
            _ => "questions",
        },
        progress: page.message(
            &Message::new("wizard-progress")
                .number("step", index + 1)
                .number("steps", STEPS.len())
                .text("title", &heading),
        ),
        progress_value: index + 1,
        progress_max: STEPS.len(),
        heading,
        intro,
        first: index == 0,
        last: index == STEPS.len() - 1,
        questions,
        hidden,
        draft: draft.unwrap_or_default().to_string(),
        errors,
        notices,
        answer_labels: labels(&ANSWERS, "answer"),
        bases: labels(&AGE_BASES, "wizard-basis"),
        sexes: labels(&SEXES, "wizard-sex"),
        exploitation_types: labels(&EXPLOITATION_TYPES, "wizard-exploitation"),
        interpreters: INTERPRETER_LANGUAGES
            .into_iter()
            .filter(|l| *l != page.lang)
            .map(|l| (l, page.language_name(l)))
            .collect(),
        text_fields: vec![
            TextField {
                step: "person",
                name: "age_years",
                label: page.t("wizard-age-years"),
                hint: Some(page.t("wizard-age-years-hint")),
                numeric: true,
            },
            TextField {
                step: "person",
                name: "claimed_years",
                label: page.t("wizard-claimed-years"),
                hint: None,
                numeric: true,
            },
            TextField {
                step: "submit",
                name: "given_name",
                label: page.t("wizard-given-name"),
                hint: None,
                numeric: false,
            },
            TextField {
                step: "submit",
                name: "family_name",
                label: page.t("wizard-family-name"),
                hint: None,
                numeric: false,
            },
        ],
        summary: page.message(
            &Message::new("wizard-summary")
                .number("yes", yes)
                .number("no", no),
        ),
        answers,
        page,
    }
}

fn respond(page: &StepPage, status: StatusCode) -> Response {
    let mut response = private(render(page));
    if response.status() == StatusCode::OK {
        *response.status_mut() = status;
    }
    response
}

/// Answers and results are about a person: no browser or proxy keeps a copy.
fn private(mut response: Response) -> Response {
    response
        .headers_mut()
        .insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    response
}

/// `GET /screenings/new`: the first step, nothing answered.
pub async fn start(viewer: Viewer) -> Response {
    let page = step_page(
        &viewer,
        0,
        Answers::default(),
        None,
        Errors::default(),
        Vec::new(),
    );
    respond(&page, StatusCode::OK)
}

/// `POST /screenings/new`: Back, Next, Save and continue later, or See the result.
pub async fn advance(
    State(state): State<AppState>,
    viewer: Viewer,
    RawForm(body): RawForm,
) -> Response {
    let pairs: Vec<(String, String)> = serde_urlencoded::from_bytes(&body).unwrap_or_default();
    let control = |name: &str| {
        pairs
            .iter()
            .find(|(k, _)| k == name)
            .map_or("", |(_, v)| v.as_str())
    };
    let step: usize = control("step")
        .parse::<usize>()
        .unwrap_or(0)
        .min(STEPS.len() - 1);
    let draft = Some(control("draft").trim()).filter(|d| !d.is_empty());
    let go = control("go").to_string();
    let answers = Answers::from_pairs(pairs.iter().map(|(k, v)| (k.as_str(), v.as_str())));
    match go.as_str() {
        "back" => {
            let page = step_page(
                &viewer,
                step.saturating_sub(1),
                answers,
                draft,
                Errors::default(),
                Vec::new(),
            );
            respond(&page, StatusCode::OK)
        }
        "save" => save(&state, &viewer, step, answers, draft).await,
        "submit" => submit(&state, &viewer, answers, draft).await,
        _ => {
            let probe = viewer.page(String::new(), "screening");
            let errors = check(STEPS[step], &answers, &probe);
            if errors.is_empty() {
                let page = step_page(&viewer, step + 1, answers, draft, errors, Vec::new());
                respond(&page, StatusCode::OK)
            } else {
                let page = step_page(&viewer, step, answers, draft, errors, Vec::new());
                respond(&page, StatusCode::UNPROCESSABLE_ENTITY)
            }
        }
    }
}

async fn save(
    state: &AppState,
    viewer: &Viewer,
    step: usize,
    answers: Answers,
    draft: Option<&str>,
) -> Response {
    let content = json!({ "answers": answers.to_json() });
    let outcome = async {
        let principal = viewer.caller.require(Scope::Write)?;
        let saved = match state
            .store
            .save_screening_draft(principal, draft, step as i64, &content)
            .await
        {
            // Deleted meanwhile (in another tab): keep the answers as a new draft.
            Err(StoreError::NotFound { .. }) => {
                state
                    .store
                    .save_screening_draft(principal, None, step as i64, &content)
                    .await?
            }
            other => other?,
        };
        Ok::<_, PageError>(saved)
    }
    .await;
    match outcome {
        Ok(_) => Redirect::to("/screenings/drafts?saved=1").into_response(),
        Err(error) => error.render(viewer),
    }
}

async fn submit(
    state: &AppState,
    viewer: &Viewer,
    answers: Answers,
    draft: Option<&str>,
) -> Response {
    let probe = viewer.page(String::new(), "screening");
    for (index, step) in STEPS.iter().enumerate() {
        let errors = check(*step, &answers, &probe);
        if !errors.is_empty() {
            let page = step_page(viewer, index, answers, draft, errors, Vec::new());
            return respond(&page, StatusCode::UNPROCESSABLE_ENTITY);
        }
    }
    let input = screening_input(&answers);
    let refused = |answers: Answers, detail: String| {
        let notice =
            probe.message(&Message::new("wizard-error-not-recorded").text("detail", detail));
        let page = step_page(
            viewer,
            STEPS.len() - 1,
            answers,
            draft,
            Errors::default(),
            vec![notice],
        );
        respond(&page, StatusCode::UNPROCESSABLE_ENTITY)
    };
    // The domain reads the input before anyone is registered, so a refused input leaves no
    // person behind.
    if let Err(error) = ScreeningInput::from_json(&input, "input", Catalogue::embedded()) {
        return refused(answers, error.to_string());
    }
    let identity: IdentityRecord = [
        (IdentityField::GivenName, answers.get("given_name")),
        (IdentityField::FamilyName, answers.get("family_name")),
    ]
    .into_iter()
    .filter(|(_, v)| !v.is_empty())
    .map(|(f, v)| (f, v.to_string()))
    .collect();
    let outcome = async {
        let principal = viewer.caller.require(Scope::Write)?;
        let person = if identity.is_empty() {
            None
        } else {
            Some(
                state
                    .store
                    .create_person(principal, &identity, "identification")
                    .await?,
            )
        };
        let record = state
            .store
            .record_screening(principal, person.as_ref().map(|p| p.id.as_str()), &input)
            .await?;
        Ok::<_, PageError>(record)
    }
    .await;
    let record = match outcome {
        Ok(record) => record,
        Err(error) if error.status == StatusCode::UNPROCESSABLE_ENTITY => {
            return refused(answers, error.detail);
        }
        Err(error) => return error.render(viewer),
    };
    if let Some(draft) = draft
        && let Err(error) = state
            .store
            .delete_screening_draft(viewer.principal(), draft)
            .await
    {
        tracing::error!(%error, "a submitted screening's draft could not be deleted");
    }
    let language = answers.get("person_language");
    let query = if language.is_empty() {
        String::new()
    } else {
        format!("?language={language}")
    };
    Redirect::to(&format!("/screenings/{}{query}", record.id)).into_response()
}

#[derive(askama::Template)]
#[template(path = "screening_drafts.html")]
struct DraftsPage {
    page: Page,
    drafts: Vec<DraftLine>,
    notice: Option<String>,
}

struct DraftLine {
    id: String,
    saved: String,
    step: String,
}

#[derive(Deserialize)]
pub struct DraftsQuery {
    saved: Option<String>,
    deleted: Option<String>,
}

/// `GET /screenings/drafts`: the viewer's own saved screenings.
pub async fn drafts(
    State(state): State<AppState>,
    viewer: Viewer,
    Query(query): Query<DraftsQuery>,
) -> Response {
    let page = viewer.page(viewer.t("wizard-drafts-title"), "screening");
    let drafts = match state.store.screening_drafts(viewer.principal()).await {
        Ok(drafts) => drafts,
        Err(error) => return PageError::from(error).render(&viewer),
    };
    let drafts = drafts
        .into_iter()
        .map(|d| {
            let index = usize::try_from(d.step).unwrap_or(0).min(STEPS.len() - 1);
            DraftLine {
                saved: page.date(d.updated_at),
                step: page.message(
                    &Message::new("wizard-progress")
                        .number("step", index + 1)
                        .number("steps", STEPS.len())
                        .text(
                            "title",
                            page.word(&format!("wizard-step-{}", STEPS[index].name())),
                        ),
                ),
                id: d.id,
            }
        })
        .collect();
    let notice = if query.saved.is_some() {
        Some(page.t("wizard-drafts-saved"))
    } else if query.deleted.is_some() {
        Some(page.t("wizard-drafts-deleted"))
    } else {
        None
    };
    private(render(&DraftsPage {
        page,
        drafts,
        notice,
    }))
}

/// `GET /screenings/drafts/{id}`: the wizard again, at the step saved, with every answer.
pub async fn resume(
    State(state): State<AppState>,
    viewer: Viewer,
    Path(id): Path<String>,
) -> Response {
    let draft = match state.store.screening_draft(viewer.principal(), &id).await {
        Ok(draft) => draft,
        Err(error) => return PageError::from(error).render(&viewer),
    };
    let answers = Answers::from_json(&draft.content["answers"]);
    let step = usize::try_from(draft.step).unwrap_or(0);
    let notice = viewer.t("wizard-resumed");
    let page = step_page(
        &viewer,
        step,
        answers,
        Some(&draft.id),
        Errors::default(),
        vec![notice],
    );
    respond(&page, StatusCode::OK)
}

/// `POST /screenings/drafts/{id}/delete`.
pub async fn delete_draft(
    State(state): State<AppState>,
    viewer: Viewer,
    Path(id): Path<String>,
) -> Response {
    let outcome = async {
        let principal = viewer.caller.require(Scope::Write)?;
        state.store.delete_screening_draft(principal, &id).await?;
        Ok::<_, PageError>(())
    }
    .await;
    match outcome {
        Ok(()) => Redirect::to("/screenings/drafts?deleted=1").into_response(),
        Err(error) => error.render(&viewer),
    }
}

#[derive(askama::Template)]
#[template(path = "screening_result.html")]
struct ResultPage {
    page: Page,
    id: String,
    child: bool,
    /// The child-protection steps, shown first and marked; empty when none applies.
    protect_first: Vec<String>,
    protect_heading: String,
    protect_intro: String,
    /// Other children are in the same situation.
    others: bool,
    legal: Vec<(String, &'static str, String)>,
    ilo: String,
    ilo_code: String,
    forced_labour: bool,
    sale_of_children: bool,
    next: Vec<String>,
    why: Vec<String>,
    person: bool,
    language: String,
    error: Option<String>,
}

#[derive(Deserialize)]
pub struct ResultQuery {
    language: Option<String>,
}

/// Routing codes that protect a child; a child's result shows them first.
const CHILD_STEPS: [&str; 6] = [
    "CHILD_PROTECTION",
    "GUARDIAN",
    "BEST_INTERESTS",
    "NO_DETENTION",
    "AGE_ASSESSMENT_IF_SERIOUS_DOUBT",
    "MRM_REPORT",
];

/// `GET /screenings/{id}`: the result in plain words, with why and what to do next.
pub async fn result(
    State(state): State<AppState>,
    viewer: Viewer,
    Path(id): Path<String>,
    Query(query): Query<ResultQuery>,
) -> Response {
    let language = query
        .language
        .filter(|l| is_language_tag(l))
        .unwrap_or_default();
    match result_page(&state, &viewer, &id, language, None).await {
        Ok(page) => private(render(&page)),
        Err(error) => error.render(&viewer),
    }
}

async fn result_page(
    state: &AppState,
    viewer: &Viewer,
    id: &str,
    language: String,
    error: Option<String>,
) -> Result<ResultPage, PageError> {
    let record = state.store.screening(viewer.principal(), id).await?;
    let catalogue = Catalogue::embedded();
    let page = viewer.page(viewer.t("wizard-result-title"), "screening");
    // The stored result is what was recorded; the engine, which is pure, runs again on the
    // stored input only to put its explanations into the reader's language.
    let parsed = ScreeningInput::from_json(&record.input, "input", catalogue)
        .map_err(|e| PageError::from(Problem::invalid(e.field, e.problem)))?;
    let screening = screen(catalogue, &parsed.facts);
    let result = &record.result;
    let child = result["treated_as_child"].as_bool().unwrap_or(false);
    let codes: Vec<&str> = result["next"]
        .as_array()
        .map(|a| a.iter().filter_map(Value::as_str).collect())
        .unwrap_or_default();
    let words = |code: &str| page.word(&format!("wizard-result-next-{code}"));
    let protect_first: Vec<String> = codes
        .iter()
        .filter(|c| CHILD_STEPS.contains(c))
        .map(|c| words(c))
        .collect();
    let next = codes
        .iter()
        .filter(|c| !CHILD_STEPS.contains(c))
        .map(|c| words(c))
        .collect();
    let legal = result["legal"]
        .as_object()
        .map(|m| {
            m.iter()
                .map(|(profile, outcome)| {
                    let code = outcome.as_str().unwrap_or("INSUFFICIENT_INFORMATION");
                    let label = catalogue
                        .profile(profile)
                        .map_or_else(|| profile.clone(), |p| p.label.clone());
                    let code: &'static str = match code {
                        "TRAFFICKING" => "TRAFFICKING",
                        "NOT_TRAFFICKING" => "NOT_TRAFFICKING",
                        "AT_RISK" => "AT_RISK",
                        _ => "INSUFFICIENT_INFORMATION",
                    };
                    (
                        label,
                        code,
                        page.word(&format!("wizard-result-legal-{code}")),
                    )
                })
                .collect()
        })
        .unwrap_or_default();
    let ilo_code = result["ilo"]["outcome"].as_str().unwrap_or("").to_string();
    let (protect_heading, protect_intro) = if child {
        (
            page.t("wizard-result-child-first"),
            page.t("wizard-result-child-first-intro"),
        )
    } else {
        (
            page.t("wizard-result-children-present"),
            page.t("wizard-result-children-present-intro"),
        )
    };
    Ok(ResultPage {
        id: record.id.clone(),
        child,
        protect_first,
        protect_heading,
        protect_intro,
        others: record.input["children_present"] == Value::Bool(true),
        legal,
        ilo: page.word(&format!("wizard-result-ilo-{ilo_code}")),
        ilo_code,
        forced_labour: result["forced_labour_flag"].as_bool().unwrap_or(false),
        sale_of_children: result["other_legal"]
            .as_array()
            .is_some_and(|a| a.iter().any(|v| v == "SALE_OF_CHILDREN")),
        next,
        why: screening
            .explanation
            .iter()
            .map(|e| page.message(&e.message))
            .collect(),
        person: record.person_id.is_some(),
        language,
        error,
        page,
    })
}

/// `POST /screenings/{id}/case`: opens a case for the screened person from this screening.
pub async fn open_case(
    State(state): State<AppState>,
    viewer: Viewer,
    Path(id): Path<String>,
    RawForm(body): RawForm,
) -> Response {
    let form: Vec<(String, String)> = serde_urlencoded::from_bytes(&body).unwrap_or_default();
    let language = form
        .iter()
        .find(|(k, _)| k == "language")
        .map(|(_, v)| v.trim().to_string())
        .filter(|l| is_language_tag(l));
    let outcome = async {
        let principal = viewer.caller.require(Scope::Write)?;
        let record = state.store.screening(principal, &id).await?;
        let person_id = record.person_id.ok_or_else(|| {
            PageError::from(Problem::invalid(
                "person_id",
                viewer.t("wizard-result-no-person"),
            ))
        })?;
        let case = state
            .store
            .open_case(
                principal,
                &OpenCase {
                    person_id,
                    screening_id: Some(record.id),
                    child: None,
                    language: language.clone(),
                    age_in_doubt: false,
                },
            )
            .await?;
        Ok::<_, PageError>(case.id)
    }
    .await;
    match outcome {
        Ok(case) => Redirect::to(&format!("/cases/{case}")).into_response(),
        Err(error) => {
            let status = error.status;
            if status == StatusCode::FORBIDDEN || status == StatusCode::NOT_FOUND {
                return error.render(&viewer);
            }
            let language = language.unwrap_or_default();
            match result_page(&state, &viewer, &id, language, Some(error.detail)).await {
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

#[cfg(test)]
mod tests {
    use haven_domain::i18n::LANGUAGES;

    use super::*;

    /// Every message the wizard asks for, found from the catalogue by the same rule as the
    /// pages use.
    fn wizard_messages() -> Vec<String> {
        let all = Answers::default();
        let mut ids: Vec<String> = STEPS
            .iter()
            .flat_map(|step| {
                let mut ids: Vec<String> = questions(*step, &all)
                    .into_iter()
                    .map(|q| q.message)
                    .collect();
                ids.push(format!("wizard-step-{}", step.name()));
                ids.push(format!("wizard-step-{}-intro", step.name()));
                ids
            })
            .collect();
        for group in Group::ALL {
            for id in group.ids(Catalogue::embedded()) {
                ids.push(question_message(group, id));
            }
        }
        for (values, prefix) in [
            (&ANSWERS[..], "answer"),
            (&AGE_BASES[..], "wizard-basis"),
            (&SEXES[..], "wizard-sex"),
            (&EXPLOITATION_TYPES[..], "wizard-exploitation"),
        ] {
            ids.extend(values.iter().map(|v| format!("{prefix}-{v}")));
        }
        for code in haven_domain::identification::NextStep::ALL {
            ids.push(format!("wizard-result-next-{}", code.code()));
        }
        for code in [
            "TRAFFICKING",
            "NOT_TRAFFICKING",
            "AT_RISK",
            "INSUFFICIENT_INFORMATION",
        ] {
            ids.push(format!("wizard-result-legal-{code}"));
        }
        for code in [
            "VICTIM",
            "NOT_VICTIM",
            "NOT_APPLICABLE",
            "ILO_LIST_UNVERIFIED",
        ] {
            ids.push(format!("wizard-result-ilo-{code}"));
        }
        ids
    }

    #[test]
    fn every_question_and_word_of_the_wizard_has_its_message_in_every_language() {
        let ids = wizard_messages();
        // The whole catalogue is asked: 5 acts, 9 means, 12 purposes, 68 indicators, ...
        assert!(ids.iter().any(|id| id == "q-CD-confiscation_of_documents"));
        for language in LANGUAGES {
            let words = Localizer::new(language).unwrap();
            let missing: Vec<&String> = ids.iter().filter(|id| !words.has_message(id)).collect();
            assert!(missing.is_empty(), "{language} lacks {missing:?}");
        }
    }

    #[test]
    fn the_screening_file_holds_no_message_the_wizard_does_not_use_for_questions() {
        // A question message left behind when the catalogue changes would be translated for
        // nothing: every q- message names a catalogue id by the rule.
        let asked = wizard_messages();
        let source = include_str!("../../../haven-domain/locales/en/screening.ftl");
        let stale: Vec<&str> = source
            .lines()
            .filter_map(|line| line.split_once(" = ").map(|(id, _)| id.trim()))
            .filter(|id| id.starts_with("q-") && !asked.iter().any(|a| a == id))
            .collect();
        assert!(stale.is_empty(), "not asked: {stale:?}");
    }

    #[test]
    fn every_catalogue_id_is_asked_on_some_step() {
        let catalogue = Catalogue::embedded();
        // With no exploitation type chosen yet, every indicator is on its dimension's step.
        let all = Answers::default();
        let fields: Vec<String> = STEPS
            .iter()
            .flat_map(|s| questions(*s, &all).into_iter().map(|q| q.field))
            .collect();
        for group in Group::ALL {
            for id in group.ids(catalogue) {
                assert!(
                    fields.contains(&field_name(group, id)),
                    "{id} is never asked"
                );
            }
        }
    }

    #[test]
    fn the_answers_make_an_input_the_engine_reads_and_dont_know_is_never_no() {
        let answers = Answers::from_pairs([
            ("age_basis", "claimed"),
            ("claimed_years", "11"),
            ("minor", "yes"),
            ("sex", "male"),
            ("act.recruitment", "yes"),
            ("means.deception", "unknown"),
            ("purpose.forced_begging", "yes"),
            ("exploitation_type", "labour"),
            ("ind.CD.violence_on_victim", "yes"),
            ("ind.CD.forced_to_lie", "no"),
            ("offence.begging", "yes"),
            ("flag.unaccompanied", "yes"),
            ("flag.smuggled", "no"),
            ("not_a_field", "x"),
            ("act.not_an_act", "yes"),
        ]);
        assert!(!answers.0.contains_key("not_a_field"));
        assert!(!answers.0.contains_key("act.not_an_act"));
        assert!(
            !answers.0.contains_key("means.deception"),
            "don't know is no entry"
        );
        let input = screening_input(&answers);
        assert_eq!(input["age"]["years"], Value::Null);
        assert_eq!(input["age"]["claimed_years"], 11);
        assert_eq!(input["palermo"]["acts"], json!(["recruitment"]));
        assert_eq!(input["palermo"]["means"], json!([]));
        assert_eq!(
            input["palermo"]["unknown"],
            json!(["acts", "means", "purposes"]),
            "an element with a don't know is unknown, never absent"
        );
        assert_eq!(input["indicators"]["CD.forced_to_lie"], "no");
        assert!(input["indicators"].get("CD.threat_of_violence").is_none());
        assert_eq!(input["offences_as_consequence"], json!(["begging"]));
        assert_eq!(input["unaccompanied"], true);
        assert_eq!(input["smuggled"], false);
        assert!(input.get("children_present").is_none());
        let parsed = ScreeningInput::from_json(&input, "input", Catalogue::embedded()).unwrap();
        assert!(screen(Catalogue::embedded(), &parsed.facts).treated_as_child);
    }

    #[test]
    fn an_element_answered_no_throughout_is_established_absent() {
        let catalogue = Catalogue::embedded();
        let pairs: Vec<(String, String)> = catalogue
            .means
            .iter()
            .map(|m| (field_name(Group::Means, &m.id), "no".to_string()))
            .collect();
        let answers = Answers::from_pairs(pairs.iter().map(|(k, v)| (k.as_str(), v.as_str())));
        let input = screening_input(&answers);
        assert_eq!(input["palermo"]["means"], json!([]));
        assert_eq!(input["palermo"]["unknown"], json!(["acts", "purposes"]));
    }

    #[test]
    fn indicators_follow_the_list_the_engine_will_use() {
        let catalogue = Catalogue::embedded();
        let prostitution = catalogue
            .indicator("DR.deceived_conditions_of_prostitution")
            .unwrap();
        let labour =
            Answers::from_pairs([("exploitation_type", "labour"), ("age_basis", "document")]);
        let sexual = Answers::from_pairs([("exploitation_type", "sexual")]);
        assert!(!asked(prostitution, &labour));
        assert!(asked(prostitution, &sexual));
        let social = catalogue.indicator("EX.no_social_protection").unwrap();
        let child = Answers::from_pairs([("exploitation_type", "labour"), ("minor", "yes")]);
        assert!(asked(social, &labour));
        assert!(!asked(social, &child), "not on the children's list");
    }

    #[test]
    fn language_tags() {
        for good in ["ar", "fa", "pt-BR", "sr-Latn", "uk"] {
            assert!(is_language_tag(good), "{good}");
        }
        for bad in ["", "Arabic", "a", "ar_", "ar-", "<b>"] {
            assert!(!is_language_tag(bad), "{bad}");
        }
    }
}
