//! Swedish and English: the language choice, and number and money formatting per language.

mod catalogue;
pub mod msg;
mod number;
pub mod safe;
pub mod ui;
pub mod words;

pub use number::{format_decimal, format_money, format_number};

/// The UI language. Swedish first.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Lang {
    #[default]
    Sv,
    En,
}

impl Lang {
    /// Parses `sv`/`en` (also `sv_SE.UTF-8`-style locale names).
    pub fn parse(text: &str) -> Option<Lang> {
        let lower = text.trim().to_ascii_lowercase();
        if lower.starts_with("sv") {
            Some(Lang::Sv)
        } else if lower.starts_with("en") || lower == "c" || lower == "posix" {
            Some(Lang::En)
        } else {
            None
        }
    }

    /// The language from `LC_ALL`, `LC_MESSAGES` or `LANG`, the first one set; Swedish otherwise.
    pub fn from_env() -> Lang {
        ["LC_ALL", "LC_MESSAGES", "LANG"]
            .iter()
            .filter_map(|k| std::env::var(k).ok())
            .find(|v| !v.is_empty())
            .and_then(|v| Lang::parse(&v))
            .unwrap_or_default()
    }

    pub fn id(self) -> &'static str {
        match self {
            Lang::Sv => "sv",
            Lang::En => "en",
        }
    }

    /// Picks the Swedish or English text.
    pub fn pick<'a>(self, sv: &'a str, en: &'a str) -> &'a str {
        match self {
            Lang::Sv => sv,
            Lang::En => en,
        }
    }
}
