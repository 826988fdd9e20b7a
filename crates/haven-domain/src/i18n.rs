//! Messages through Fluent, so every sentence Haven shows can be translated. The domain builds
//! `Message`s (an id and its arguments); rendering picks the person's language.

use std::sync::LazyLock;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use unic_langid::LanguageIdentifier;

/// The languages with a complete set of messages, English first: every message is written in
/// English first, and English is what a person gets when Haven lacks their language. Arabic is
/// written right to left; whatever shows a message sets the direction.
pub const LANGUAGES: [&str; 5] = ["en", "fr", "es", "ar", "uk"];

/// The Fluent files of one language, embedded in the binary.
macro_rules! language_files {
    ($lang:literal) => {
        (
            $lang,
            &[
                include_str!(concat!("../locales/", $lang, "/identification.ftl")),
                include_str!(concat!("../locales/", $lang, "/nrm.ftl")),
                include_str!(concat!("../locales/", $lang, "/web.ftl")),
                include_str!(concat!("../locales/", $lang, "/screening.ftl")),
            ],
        )
    };
}

/// The Fluent files of each language, in the order of `LANGUAGES`.
const SOURCES: [(&str, &[&str]); LANGUAGES.len()] = [
    language_files!("en"),
    language_files!("fr"),
    language_files!("es"),
    language_files!("ar"),
    language_files!("uk"),
];

/// The language of `LANGUAGES` that a BCP 47 tag asks for, matched on its language subtag
/// whatever its case, region or script: `fr-CA` and `FR` are French, `ar-SY` Arabic, `uk-UA`
/// Ukrainian. None for a language Haven lacks, or a text that is not a language tag.
pub fn supported_language(tag: &str) -> Option<&'static str> {
    let id: LanguageIdentifier = tag.trim().parse().ok()?;
    let language = id.language.as_str();
    LANGUAGES.into_iter().find(|l| *l == language)
}

/// A sentence to show, before it is put into words in one language.
#[derive(Debug, Clone, PartialEq)]
pub struct Message {
    pub id: &'static str,
    pub args: Vec<(&'static str, MessageArg)>,
}

#[derive(Debug, Clone, PartialEq)]
pub enum MessageArg {
    Text(String),
    Number(i64),
}

impl Message {
    pub fn new(id: &'static str) -> Message {
        Message {
            id,
            args: Vec::new(),
        }
    }

    pub fn text(mut self, name: &'static str, value: impl Into<String>) -> Message {
        self.args.push((name, MessageArg::Text(value.into())));
        self
    }

    pub fn number(mut self, name: &'static str, value: impl TryInto<i64>) -> Message {
        let value = value.try_into().unwrap_or(i64::MAX);
        self.args.push((name, MessageArg::Number(value)));
        self
    }

    pub fn flag(self, name: &'static str, value: bool) -> Message {
        self.text(name, if value { "yes" } else { "no" })
    }
}

/// Renders messages in one language.
pub struct Localizer {
    bundle: &'static FluentBundle<FluentResource>,
}

#[derive(Debug, thiserror::Error)]
#[error("language {0:?} is not available; available: {available}", available = LANGUAGES.join(", "))]
pub struct UnknownLanguage(pub String);

static BUNDLES: LazyLock<Vec<(&'static str, FluentBundle<FluentResource>)>> = LazyLock::new(|| {
    SOURCES
        .iter()
        .map(|(lang, files)| {
            let id: LanguageIdentifier = lang.parse().expect("a valid language tag");
            let mut bundle = FluentBundle::new_concurrent(vec![id]);
            // Output goes to terminals, JSON and HTML that handle direction themselves.
            bundle.set_use_isolating(false);
            for source in *files {
                let resource =
                    FluentResource::try_new(source.to_string()).unwrap_or_else(|(_, errors)| {
                        panic!("invalid Fluent file for {lang}: {errors:?}")
                    });
                bundle.add_resource(resource).unwrap_or_else(|errors| {
                    panic!("duplicate Fluent messages for {lang}: {errors:?}")
                });
            }
            (*lang, bundle)
        })
        .collect()
});

impl Localizer {
    /// The localizer for a language of `LANGUAGES`, or a tag that asks for one (`fr-CA`).
    pub fn new(language: &str) -> Result<Localizer, UnknownLanguage> {
        let wanted =
            supported_language(language).ok_or_else(|| UnknownLanguage(language.to_string()))?;
        BUNDLES
            .iter()
            .find(|(lang, _)| *lang == wanted)
            .map(|(_, bundle)| Localizer { bundle })
            .ok_or_else(|| UnknownLanguage(language.to_string()))
    }

    /// English, the language every message exists in first.
    pub fn english() -> Localizer {
        Localizer::new("en").expect("English messages are embedded")
    }

    /// A message without arguments, by an id made at run time (`gender-Feminine`, a code
    /// list's value); a missing one shows its id, as in `render`.
    pub fn word(&self, id: &str) -> String {
        let Some(pattern) = self.bundle.get_message(id).and_then(|m| m.value()) else {
            return id.to_string();
        };
        let mut errors = Vec::new();
        self.bundle
            .format_pattern(pattern, None, &mut errors)
            .into_owned()
    }

    pub fn has_message(&self, id: &str) -> bool {
        self.bundle.has_message(id)
    }

    /// The message in words, on one line. A missing message or argument shows its id rather
    /// than failing: a screener still sees the result, and the i18n tests catch the gap.
    pub fn render(&self, message: &Message) -> String {
        let Some(pattern) = self.bundle.get_message(message.id).and_then(|m| m.value()) else {
            return message.id.to_string();
        };
        let mut args = FluentArgs::new();
        for (name, value) in &message.args {
            match value {
                MessageArg::Text(text) => args.set(*name, FluentValue::from(text.as_str())),
                MessageArg::Number(n) => args.set(*name, FluentValue::from(*n)),
            }
        }
        let mut errors = Vec::new();
        let text = self
            .bundle
            .format_pattern(pattern, Some(&args), &mut errors);
        text.split_whitespace().collect::<Vec<_>>().join(" ")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_language_has_its_files_in_the_same_order() {
        let sourced: Vec<&str> = SOURCES.iter().map(|(lang, _)| *lang).collect();
        assert_eq!(sourced, LANGUAGES);
        assert_eq!(LANGUAGES[0], "en");
    }

    #[test]
    fn a_tag_is_matched_on_its_language() {
        for language in LANGUAGES {
            assert_eq!(supported_language(language), Some(language));
            for tag in [
                format!("{language}-CA"),
                format!("{language}-419"),
                format!(" {} ", language.to_uppercase()),
                format!("{language}_Latn_ZZ"),
            ] {
                assert_eq!(supported_language(&tag), Some(language), "{tag:?}");
                assert!(Localizer::new(&tag).is_ok(), "{tag:?}");
            }
        }
        for tag in ["ti", "ti-ER", "", "not a tag", "xx"] {
            assert_eq!(supported_language(tag), None, "{tag:?}");
            assert!(Localizer::new(tag).is_err(), "{tag:?}");
        }
    }
}
