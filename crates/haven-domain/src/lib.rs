//! Haven's rules, with no IO and no async: the identification engine with its catalogue and
//! jurisdiction profiles, the national referral mechanism's case lifecycle, the access policy,
//! and the messages that explain results.

/// Serialises a type as its stable code (`$code`) and reads it back with `$parse`, so JSON, TOML
/// and the store all spell it the one way the domain does.
macro_rules! serde_as_code {
    ($name:ty, $code:expr, $parse:expr, $expected:literal) => {
        impl serde::Serialize for $name {
            fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serializer.serialize_str(&($code)(self))
            }
        }

        impl<'de> serde::Deserialize<'de> for $name {
            fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                let text = <std::borrow::Cow<'de, str>>::deserialize(deserializer)?;
                ($parse)(&text).ok_or_else(|| {
                    serde::de::Error::custom(format!("{:?} is not {}", text, $expected))
                })
            }
        }
    };
}

pub mod access;
pub mod auth;
pub mod case;
pub mod htcds;
pub mod i18n;
pub mod identification;
pub mod person;
