//! Small formatting pieces shared by the reports: columns, figures and JSON values.

use rust_decimal::{Decimal, RoundingStrategy};
use serde_json::Value;

use crate::i18n::{Lang, format_decimal, format_money};

pub use super::cell::{Align, NONE};

/// A score, priority or ratio with two decimals, or a dash.
pub fn score(value: Option<Decimal>, lang: Lang) -> String {
    value.map_or_else(|| NONE.to_string(), |v| format_decimal(v, 2, lang))
}

pub fn money(value: Option<Decimal>, lang: Lang) -> String {
    value.map_or_else(|| NONE.to_string(), |v| format_money(v, lang))
}

/// The portfolio's name, or a word for it when the settings give none.
pub fn portfolio_name(portfolio: &crate::model::Portfolio, lang: Lang) -> &str {
    match portfolio.settings.name.as_str() {
        "" => lang.pick("Portföljen", "The portfolio"),
        name => name,
    }
}

/// A decimal as written, with its own decimals (a weight of 1.5, a baseline of 42).
pub fn exact(value: Decimal, lang: Lang) -> String {
    format_decimal(value, value.normalize().scale(), lang)
}

/// A share 0–1 as a whole percentage.
pub fn percent(value: Option<Decimal>, lang: Lang) -> String {
    value.map_or_else(
        || NONE.to_string(),
        |v| format!("{} %", format_decimal(v * Decimal::ONE_HUNDRED, 0, lang)),
    )
}

/// An exact figure for JSON: a string in plain notation ("-433600"), never rounded.
pub fn json_exact(value: Decimal) -> Value {
    Value::String(plain(value))
}

/// `value.normalize().to_string()` (trailing zeros dropped, never `-0`) without the divisions
/// `normalize` makes: the digits written out, then the zeros dropped from the text.
fn plain(value: Decimal) -> String {
    let mut text = value.to_string();
    if text.contains('.') {
        let kept = text.trim_end_matches('0').trim_end_matches('.').len();
        text.truncate(kept);
    }
    if text == "-0" {
        text.remove(0);
    }
    text
}

pub fn json_exact_opt(value: Option<Decimal>) -> Value {
    value.map_or(Value::Null, json_exact)
}

/// A score or ratio for JSON: rounded half away from zero to two decimals, as a string.
pub fn json_rounded(value: Option<Decimal>) -> Value {
    value.map_or(Value::Null, |v| {
        json_exact(v.round_dp_with_strategy(2, RoundingStrategy::MidpointAwayFromZero))
    })
}

pub fn json_opt_str(value: Option<&str>) -> Value {
    value.map_or(Value::Null, |s| Value::String(s.to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_is_normalize_written_out() {
        let samples = [
            "0",
            "-0",
            "0.00",
            "-0.00",
            "12.50",
            "-12.50",
            "100",
            "1e3",
            "0.001",
            "-433600.000",
            "79228162514264337593543950335",
            "0.0000000000000000000000000001",
            "1.10",
            "10.0",
        ];
        for text in samples {
            let v: Decimal = text
                .parse()
                .or_else(|_| Decimal::from_scientific(text))
                .unwrap();
            assert_eq!(plain(v), v.normalize().to_string(), "{text}");
        }
        for n in -2000i64..2000 {
            for scale in 0..6 {
                let v = Decimal::new(n * 10i64.pow(scale % 3), scale);
                assert_eq!(plain(v), v.normalize().to_string(), "{v}");
            }
        }
    }

    #[test]
    fn json_figures_are_plain_strings() {
        assert_eq!(json_exact("-433600.00".parse().unwrap()), "-433600");
        assert_eq!(json_rounded(Some("3.285714".parse().unwrap())), "3.29");
        assert_eq!(json_rounded(Some("2.125".parse().unwrap())), "2.13");
        assert_eq!(json_rounded(None), Value::Null);
    }
}
