//! Every language is complete: each message and attribute present in any language's Fluent
//! files is present in every other's, in the same file and with the same variables; each
//! language's plural selectors use that language's plural categories; and every message
//! renders without a Fluent error, whichever variant its arguments pick.
//!
//! The files are read from `locales/` and parsed with fluent-syntax, so a message added to one
//! language alone, or a variable renamed in one translation, fails here with its name.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use fluent_bundle::{FluentArgs, FluentBundle, FluentResource, FluentValue};
use fluent_syntax::ast;
use haven_domain::i18n::{LANGUAGES, Localizer};
use unic_langid::LanguageIdentifier;

/// The plural categories Fluent may select between; `other` is always the default's.
const PLURAL_CATEGORIES: [&str; 6] = ["zero", "one", "two", "few", "many", "other"];

/// Numbers that reach every plural category of the five languages (Arabic's `few` is 3–10,
/// `many` 11–99; Ukrainian's `many` 5–20; French and Spanish `many` a million).
const SAMPLE_NUMBERS: [i64; 12] = [0, 1, 2, 3, 4, 5, 11, 21, 22, 25, 100, 1_000_000];

fn locales() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("locales")
}

/// One message's value or one of its attributes, as written in one language.
#[derive(Debug, Default)]
struct Entry {
    variables: BTreeSet<String>,
    /// Messages and terms it refers to.
    references: BTreeSet<String>,
    /// Each select expression: its selector's variable (if it is one) and its variant keys.
    selects: Vec<(Option<String>, Vec<VariantKey>)>,
}

#[derive(Debug, Clone, PartialEq)]
enum VariantKey {
    Identifier(String),
    Number(String),
}

/// A language's entries, keyed by `file: id` or `file: id.attribute`.
type Entries = BTreeMap<String, Entry>;

fn walk_pattern(pattern: &ast::Pattern<&str>, entry: &mut Entry) {
    for element in &pattern.elements {
        if let ast::PatternElement::Placeable { expression } = element {
            walk_expression(expression, entry);
        }
    }
}

fn walk_expression(expression: &ast::Expression<&str>, entry: &mut Entry) {
    match expression {
        ast::Expression::Select { selector, variants } => {
            walk_inline(selector, entry);
            let variable = match selector {
                ast::InlineExpression::VariableReference { id } => Some(id.name.to_string()),
                _ => None,
            };
            let keys = variants
                .iter()
                .map(|v| match &v.key {
                    ast::VariantKey::Identifier { name } => {
                        VariantKey::Identifier(name.to_string())
                    }
                    ast::VariantKey::NumberLiteral { value } => {
                        VariantKey::Number(value.to_string())
                    }
                })
                .collect();
            entry.selects.push((variable, keys));
            for variant in variants {
                walk_pattern(&variant.value, entry);
            }
        }
        ast::Expression::Inline(inline) => walk_inline(inline, entry),
    }
}

fn walk_arguments(arguments: &ast::CallArguments<&str>, entry: &mut Entry) {
    for positional in &arguments.positional {
        walk_inline(positional, entry);
    }
    for named in &arguments.named {
        walk_inline(&named.value, entry);
    }
}

fn walk_inline(inline: &ast::InlineExpression<&str>, entry: &mut Entry) {
    match inline {
        ast::InlineExpression::VariableReference { id } => {
            entry.variables.insert(id.name.to_string());
        }
        ast::InlineExpression::FunctionReference { arguments, .. } => {
            walk_arguments(arguments, entry);
        }
        ast::InlineExpression::MessageReference { id, .. } => {
            entry.references.insert(id.name.to_string());
        }
        ast::InlineExpression::TermReference { id, arguments, .. } => {
            entry.references.insert(format!("-{}", id.name));
            if let Some(arguments) = arguments {
                walk_arguments(arguments, entry);
            }
        }
        ast::InlineExpression::Placeable { expression } => walk_expression(expression, entry),
        ast::InlineExpression::StringLiteral { .. }
        | ast::InlineExpression::NumberLiteral { .. } => {}
    }
}

fn entry_of(pattern: &ast::Pattern<&str>) -> Entry {
    let mut entry = Entry::default();
    walk_pattern(pattern, &mut entry);
    entry
}

/// The `.ftl` files of a language folder, by name.
fn files_of(language: &str) -> BTreeMap<String, String> {
    let dir = locales().join(language);
    std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|f| f.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "ftl"))
        .map(|p| {
            let name = p.file_name().unwrap().to_string_lossy().into_owned();
            let text = std::fs::read_to_string(&p).unwrap();
            (name, text)
        })
        .collect()
}

/// Parses a language's files into entries; syntax errors go to `problems`.
fn entries_of(language: &str, problems: &mut Vec<String>) -> Entries {
    let mut entries = Entries::new();
    for (file, text) in files_of(language) {
        let resource = match fluent_syntax::parser::parse(text.as_str()) {
            Ok(resource) => resource,
            Err((resource, errors)) => {
                for error in errors {
                    problems.push(format!(
                        "{language}/{file}: syntax error {:?} at bytes {:?}",
                        error.kind, error.pos
                    ));
                }
                resource
            }
        };
        for item in &resource.body {
            match item {
                ast::Entry::Message(message) => {
                    let id = message.id.name;
                    match &message.value {
                        Some(value) => {
                            entries.insert(format!("{file}: {id}"), entry_of(value));
                        }
                        None if message.attributes.is_empty() => {
                            problems.push(format!("{language}/{file}: {id} has no value"));
                        }
                        None => {}
                    }
                    for attribute in &message.attributes {
                        entries.insert(
                            format!("{file}: {id}.{}", attribute.id.name),
                            entry_of(&attribute.value),
                        );
                    }
                }
                ast::Entry::Term(term) => {
                    let id = term.id.name;
                    entries.insert(format!("{file}: -{id}"), entry_of(&term.value));
                    for attribute in &term.attributes {
                        entries.insert(
                            format!("{file}: -{id}.{}", attribute.id.name),
                            entry_of(&attribute.value),
                        );
                    }
                }
                ast::Entry::Junk { content } => problems.push(format!(
                    "{language}/{file}: unparsable text: {}",
                    content.lines().next().unwrap_or_default()
                )),
                ast::Entry::Comment(_)
                | ast::Entry::GroupComment(_)
                | ast::Entry::ResourceComment(_) => {}
            }
        }
    }
    entries
}

fn all_entries(problems: &mut Vec<String>) -> BTreeMap<&'static str, Entries> {
    LANGUAGES
        .iter()
        .map(|language| (*language, entries_of(language, problems)))
        .collect()
}

fn assert_no_problems(what: &str, problems: &[String]) {
    assert!(
        problems.is_empty(),
        "{what}: {} problem(s):\n{}",
        problems.len(),
        problems.join("\n")
    );
}

#[test]
fn every_language_folder_is_registered_and_every_registered_language_has_a_folder() {
    let on_disk: BTreeSet<String> = std::fs::read_dir(locales())
        .unwrap()
        .map(|d| d.unwrap())
        .filter(|d| d.file_type().unwrap().is_dir())
        .map(|d| d.file_name().to_string_lossy().into_owned())
        .collect();
    let registered: BTreeSet<String> = LANGUAGES.iter().map(|l| l.to_string()).collect();
    assert_eq!(
        on_disk, registered,
        "locales/ folders against i18n::LANGUAGES"
    );
    assert_eq!(
        LANGUAGES[0], "en",
        "English comes first: it is the fallback"
    );
    let english: BTreeSet<String> = files_of("en").into_keys().collect();
    for language in LANGUAGES {
        let files: BTreeSet<String> = files_of(language).into_keys().collect();
        assert_eq!(files, english, "the files of locales/{language}");
    }
}

#[test]
fn every_message_and_attribute_of_any_language_is_in_every_language() {
    let mut problems = Vec::new();
    let all = all_entries(&mut problems);
    let union: BTreeSet<&String> = all.values().flat_map(|entries| entries.keys()).collect();
    for (language, entries) in &all {
        for key in &union {
            if !entries.contains_key(*key) {
                let having: Vec<&str> = all
                    .iter()
                    .filter(|(_, e)| e.contains_key(*key))
                    .map(|(l, _)| *l)
                    .collect();
                problems.push(format!(
                    "{language} lacks {key} (present in {})",
                    having.join(", ")
                ));
            }
        }
    }
    assert_no_problems("missing messages", &problems);
}

#[test]
fn every_message_has_the_same_variables_in_every_language() {
    let mut problems = Vec::new();
    let all = all_entries(&mut problems);
    let union: BTreeSet<&String> = all.values().flat_map(|entries| entries.keys()).collect();
    for key in union {
        // Each language against English, or against the first language that has the entry.
        let mut versions: Vec<(&str, &Entry)> = all
            .iter()
            .filter_map(|(language, entries)| entries.get(key).map(|e| (*language, e)))
            .collect();
        versions.sort_by_key(|(language, _)| *language != "en");
        let Some(((first_language, first), others)) = versions.split_first() else {
            continue;
        };
        for (language, entry) in others {
            if entry.variables != first.variables {
                problems.push(format!(
                    "{key}: {first_language} uses {:?}, {language} uses {:?}",
                    first.variables, entry.variables
                ));
            }
            if entry.references != first.references {
                problems.push(format!(
                    "{key}: {first_language} refers to {:?}, {language} to {:?}",
                    first.references, entry.references
                ));
            }
        }
    }
    assert_no_problems("variables that differ", &problems);
}

fn bundle_for(language: &str) -> FluentBundle<FluentResource> {
    let id: LanguageIdentifier = language.parse().unwrap();
    let mut bundle = FluentBundle::new(vec![id]);
    bundle.set_use_isolating(false);
    for (file, text) in files_of(language) {
        let resource = FluentResource::try_new(text)
            .unwrap_or_else(|(_, e)| panic!("{language}/{file} does not parse: {e:?}"));
        bundle
            .add_resource(resource)
            .unwrap_or_else(|e| panic!("{language}/{file}: messages defined twice: {e:?}"));
    }
    bundle
}

/// The plural categories the runtime's rules give a language, for the sample numbers.
fn categories_of(language: &str) -> BTreeSet<&'static str> {
    let id: LanguageIdentifier = language.parse().unwrap();
    let mut bundle = FluentBundle::new(vec![id]);
    let probe = "probe = { $n ->\n [zero] zero\n [one] one\n [two] two\n [few] few\n [many] many\n *[other] other\n}\n";
    bundle
        .add_resource(FluentResource::try_new(probe.to_string()).unwrap())
        .unwrap();
    let pattern = bundle.get_message("probe").unwrap().value().unwrap();
    SAMPLE_NUMBERS
        .iter()
        .map(|n| {
            let mut args = FluentArgs::new();
            args.set("n", FluentValue::from(*n));
            let mut errors = Vec::new();
            let category = bundle.format_pattern(pattern, Some(&args), &mut errors);
            assert!(errors.is_empty());
            *PLURAL_CATEGORIES
                .iter()
                .find(|c| **c == category)
                .expect("a plural category")
        })
        .collect()
}

#[test]
fn plural_selectors_use_each_languages_own_categories() {
    // CLDR's cardinal plural categories (the Unicode plural rules, as of CLDR 46).
    let expected: BTreeMap<&str, &[&str]> = [
        ("en", &["one", "other"][..]),
        ("fr", &["one", "many", "other"][..]),
        ("es", &["one", "many", "other"][..]),
        ("ar", &["zero", "one", "two", "few", "many", "other"][..]),
        ("uk", &["one", "few", "many", "other"][..]),
    ]
    .into_iter()
    .collect();
    let mut problems = Vec::new();
    let all = all_entries(&mut problems);
    for (language, entries) in &all {
        // The files follow CLDR's categories; the runtime's rules may lag behind CLDR (the
        // plural rules crate in use has no `many` for Spanish yet) but never go beyond it.
        let runtime = categories_of(language);
        let categories = match expected.get(language) {
            Some(cldr) => cldr.iter().copied().collect(),
            None => runtime.clone(),
        };
        assert!(
            runtime.is_subset(&categories),
            "{language}: the runtime's plural categories {runtime:?} are not CLDR's {categories:?}"
        );
        for (key, entry) in entries {
            for (variable, keys) in &entry.selects {
                let plural_keys: Vec<&str> = keys
                    .iter()
                    .filter_map(|k| match k {
                        VariantKey::Identifier(name) => PLURAL_CATEGORIES
                            .iter()
                            .copied()
                            .find(|c| c == name && *c != "other"),
                        VariantKey::Number(_) => None,
                    })
                    .collect();
                if plural_keys.is_empty() {
                    continue;
                }
                let variable = variable.as_deref().unwrap_or("?");
                for plural_key in &plural_keys {
                    if !categories.contains(plural_key) {
                        problems.push(format!(
                            "{language} {key}: ${variable} selects [{plural_key}], not a plural category of {language}"
                        ));
                    }
                }
                // A plural selector names each of the language's categories (`other` is the
                // default's; Arabic's `zero` is only 0, so an exact [0] stands for it).
                for category in &categories {
                    let covered = *category == "other"
                        || keys.contains(&VariantKey::Identifier(category.to_string()))
                        || (*category == "zero" && keys.contains(&VariantKey::Number("0".into())));
                    if !covered {
                        problems.push(format!(
                            "{language} {key}: ${variable} is a plural selector without [{category}]"
                        ));
                    }
                }
            }
        }
    }
    assert_no_problems("plural selectors", &problems);
}

/// The argument sets to render an entry with: every variable set (to a value its selectors
/// know, or a word), then each selector key and each sample number for one variable at a time.
fn argument_sets(entry: &Entry) -> Vec<FluentArgs<'static>> {
    let mut keys: BTreeMap<&str, Vec<FluentValue<'static>>> = BTreeMap::new();
    for (variable, variant_keys) in &entry.selects {
        if let Some(variable) = variable {
            let values = keys.entry(variable.as_str()).or_default();
            for key in variant_keys {
                values.push(match key {
                    VariantKey::Identifier(name) => FluentValue::from(name.clone()),
                    VariantKey::Number(value) => FluentValue::try_number(value).into_owned(),
                });
            }
        }
    }
    let base = |args: &mut FluentArgs<'static>| {
        for variable in &entry.variables {
            let value = keys
                .get(variable.as_str())
                .and_then(|values| values.first().cloned())
                .unwrap_or_else(|| FluentValue::from("value"));
            args.set(variable.clone(), value);
        }
    };
    let mut sets = Vec::new();
    let mut all_set = FluentArgs::new();
    base(&mut all_set);
    sets.push(all_set);
    for variable in &entry.variables {
        let values = keys.get(variable.as_str()).cloned().unwrap_or_default();
        let numbers = SAMPLE_NUMBERS.iter().map(|n| FluentValue::from(*n));
        for value in values.into_iter().chain(numbers) {
            let mut args = FluentArgs::new();
            base(&mut args);
            args.set(variable.clone(), value);
            sets.push(args);
        }
    }
    sets
}

#[test]
fn every_language_renders_every_message_without_a_fluent_error() {
    let mut problems = Vec::new();
    let all = all_entries(&mut problems);
    for (language, entries) in &all {
        let bundle = bundle_for(language);
        let localizer = Localizer::new(language).unwrap();
        for (key, entry) in entries {
            let (_, name) = key.split_once(": ").unwrap();
            if name.starts_with('-') {
                continue;
            }
            let (id, attribute) = match name.split_once('.') {
                Some((id, attribute)) => (id, Some(attribute)),
                None => (name, None),
            };
            if !localizer.has_message(id) {
                problems.push(format!(
                    "{language}: {id} is in locales/ but not in the embedded bundle (i18n::SOURCES)"
                ));
            }
            let message = bundle.get_message(id).unwrap();
            let pattern = match attribute {
                Some(attribute) => message.get_attribute(attribute).unwrap().value(),
                None => message.value().unwrap(),
            };
            for args in argument_sets(entry) {
                let mut errors = Vec::new();
                let text = bundle.format_pattern(pattern, Some(&args), &mut errors);
                if !errors.is_empty() {
                    problems.push(format!("{language} {key}: {errors:?} with {args:?}"));
                } else if text.trim().is_empty() && !entry.variables.is_empty() {
                    problems.push(format!(
                        "{language} {key}: renders as nothing with {args:?}"
                    ));
                }
            }
        }
    }
    assert_no_problems("rendering", &problems);
}

#[test]
fn a_language_tag_with_a_region_finds_its_language() {
    for language in LANGUAGES {
        let tag = format!("{language}-ZZ");
        let localizer = Localizer::new(&tag).unwrap();
        let english = Localizer::english();
        if language != "en" {
            assert_ne!(
                localizer.word("nav-cases"),
                english.word("nav-cases"),
                "{tag} should read in {language}"
            );
        }
    }
}
