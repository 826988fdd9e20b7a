//! Normalisation of names before encoding (a Haven extension to the clkhash schema).
//!
//! The same survivor is written `Núñez` by one agency and `NUNEZ` by another, `Дмитрий` in one
//! country and `Dmitriy` in the next. Normalising both sides the same way before hashing lets
//! their filters agree. It is off unless the schema asks for it, so that a schema without the
//! extension encodes exactly as clkhash does.

use serde::Deserialize;
use unicode_normalization::UnicodeNormalization as _;
use unicode_normalization::char::is_combining_mark;

/// Value of a feature's `havenNormalisation` key.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum Normalisation {
    /// Values are hashed as written (clkhash's behaviour).
    #[default]
    None,
    /// Unicode NFKC, case folding, diacritics removed, whitespace collapsed.
    Fold,
    /// `Fold`, then every script transliterated to Latin (Arabic, Cyrillic, Greek, CJK, …).
    Transliterate,
}

impl Normalisation {
    /// Applies the normalisation; `None` borrows the value unchanged.
    pub fn apply<'a>(self, value: &'a str) -> std::borrow::Cow<'a, str> {
        match self {
            Normalisation::None => value.into(),
            Normalisation::Fold => fold(value).into(),
            Normalisation::Transliterate => {
                let latin = any_ascii::any_ascii(&fold(value));
                collapse_whitespace(&latin.to_lowercase()).into()
            }
        }
    }
}

fn fold(value: &str) -> String {
    let compatible: String = value.nfkc().collect();
    let folded = caseless::default_case_fold_str(&compatible);
    // Decompose so accents become separate combining marks, drop them, then recompose.
    let bare: String = folded
        .nfd()
        .filter(|c| !is_combining_mark(*c))
        .nfc()
        .collect();
    collapse_whitespace(&bare)
}

fn collapse_whitespace(value: &str) -> String {
    value.split_whitespace().collect::<Vec<_>>().join(" ")
}
