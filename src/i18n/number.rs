//! Numbers the Swedish way (`-1 200 000 kr`, `0,17`) and the English way (`-1,200,000 kr`, `0.17`).

use rust_decimal::{Decimal, RoundingStrategy};

use super::Lang;

/// A decimal rounded half away from zero to `places`, grouped in thousands.
pub fn format_decimal(value: Decimal, places: u32, lang: Lang) -> String {
    let rounded = value.round_dp_with_strategy(places, RoundingStrategy::MidpointAwayFromZero);
    let text = format!("{:.*}", places as usize, rounded.abs());
    let (int_part, frac_part) = text.split_once('.').unwrap_or((&text, ""));
    let (group_sep, decimal_sep) = match lang {
        // U+00A0 no-break space keeps a figure on one line, as Swedish typography asks.
        Lang::Sv => ('\u{a0}', ','),
        Lang::En => (',', '.'),
    };
    let mut out = String::new();
    if rounded.is_sign_negative() && !rounded.is_zero() {
        out.push('-');
    }
    let digits = int_part.len();
    for (i, c) in int_part.chars().enumerate() {
        if i > 0 && (digits - i) % 3 == 0 {
            out.push(group_sep);
        }
        out.push(c);
    }
    if !frac_part.is_empty() {
        out.push(decimal_sep);
        out.push_str(frac_part);
    }
    out
}

/// A whole number (money is shown in whole kronor; the exact value stays underneath).
pub fn format_number(value: Decimal, lang: Lang) -> String {
    format_decimal(value, 0, lang)
}

/// Money in whole kronor with the currency: `-1 200 000 kr`.
pub fn format_money(value: Decimal, lang: Lang) -> String {
    let space = match lang {
        Lang::Sv => '\u{a0}',
        Lang::En => ' ',
    };
    format!("{}{space}kr", format_number(value, lang))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Decimal {
        s.parse().unwrap()
    }

    #[test]
    fn swedish_money_uses_spaces_and_kr() {
        assert_eq!(
            format_money(d("-1200000"), Lang::Sv),
            "-1\u{a0}200\u{a0}000\u{a0}kr"
        );
        assert_eq!(format_money(d("1400"), Lang::Sv), "1\u{a0}400\u{a0}kr");
        assert_eq!(format_money(d("0"), Lang::Sv), "0\u{a0}kr");
        assert_eq!(format_money(d("999.5"), Lang::Sv), "1\u{a0}000\u{a0}kr");
    }

    #[test]
    fn english_money_uses_commas() {
        assert_eq!(format_money(d("-1200000"), Lang::En), "-1,200,000 kr");
        assert_eq!(format_money(d("86400"), Lang::En), "86,400 kr");
    }

    #[test]
    fn decimals_use_the_language_separator() {
        assert_eq!(format_decimal(d("0.1728"), 2, Lang::Sv), "0,17");
        assert_eq!(format_decimal(d("0.1728"), 2, Lang::En), "0.17");
        assert_eq!(format_decimal(d("-0.004"), 2, Lang::En), "0.00");
        assert_eq!(format_decimal(d("12.5"), 1, Lang::Sv), "12,5");
        assert_eq!(
            format_decimal(d("1234567.891"), 2, Lang::Sv),
            "1\u{a0}234\u{a0}567,89"
        );
    }

    #[test]
    fn language_from_locale_names() {
        assert_eq!(Lang::parse("sv_SE.UTF-8"), Some(Lang::Sv));
        assert_eq!(Lang::parse("en_GB.UTF-8"), Some(Lang::En));
        assert_eq!(Lang::parse("C"), Some(Lang::En));
        assert_eq!(Lang::parse("de_DE"), None);
    }
}
