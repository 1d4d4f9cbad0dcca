//! Scalars of the contract that serde cannot read faithfully on its own: exact decimals,
//! calendar dates and 1–4 scores, each read from the scalar's text.

use std::fmt;
use std::str::FromStr;

use rust_decimal::Decimal;
use serde::de::{self, Deserializer, Visitor};
use serde::{Deserialize, Serialize, Serializer};

/// An exact decimal read from the YAML scalar's text, never through a float.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Dec(pub Decimal);

impl Dec {
    pub fn parse(text: &str) -> Option<Dec> {
        let t = text.trim();
        if t.is_empty() || t.contains(|c: char| c.is_whitespace()) {
            return None;
        }
        let t = t.strip_prefix('+').unwrap_or(t);
        Decimal::from_str_exact(t)
            .or_else(|_| {
                if t.contains(['e', 'E']) {
                    Decimal::from_scientific(t)
                } else {
                    Err(rust_decimal::Error::ConversionTo("decimal".into()))
                }
            })
            .ok()
            .map(|d| Dec(d.normalize()))
    }
}

impl From<Decimal> for Dec {
    fn from(d: Decimal) -> Self {
        Dec(d)
    }
}

impl fmt::Display for Dec {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(&self.0, f)
    }
}

impl<'de> Deserialize<'de> for Dec {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        fn convert(s: &str) -> Result<Dec, String> {
            Dec::parse(s)
                .ok_or_else(|| format!("expected a number such as 520000 or 0.03, found `{s}`"))
        }
        d.deserialize_str(TextVisitor("a number such as 520000 or 0.03", convert))
    }
}

impl Serialize for Dec {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(&self.0)
    }
}

/// A calendar date, `YYYY-MM-DD`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    pub year: i32,
    pub month: u8,
    pub day: u8,
}

impl Date {
    /// The date, when it is one in the calendar (years -9999 to 9999, as `jiff` has them).
    pub fn new(year: i32, month: u8, day: u8) -> Option<Date> {
        Date::from_jiff(jiff::civil::Date::new(
            i16::try_from(year).ok()?,
            i8::try_from(month).ok()?,
            i8::try_from(day).ok()?,
        ))
    }

    fn from_jiff(date: Result<jiff::civil::Date, jiff::Error>) -> Option<Date> {
        let d = date.ok()?;
        Some(Date {
            year: i32::from(d.year()),
            month: u8::try_from(d.month()).ok()?,
            day: u8::try_from(d.day()).ok()?,
        })
    }

    fn to_jiff(self) -> jiff::civil::Date {
        // Every `Date` was made by `new`, so it is one of jiff's dates.
        let (y, m, d) = (self.year as i16, self.month as i8, self.day as i8);
        jiff::civil::Date::new(y, m, d).unwrap_or(jiff::civil::Date::MIN)
    }

    pub fn parse(text: &str) -> Result<Date, String> {
        let t = text.trim();
        let parts: Vec<&str> = t.split('-').collect();
        let well_formed = parts.len() == 3
            && parts[0].len() == 4
            && parts[1].len() == 2
            && parts[2].len() == 2
            && parts.iter().all(|p| p.bytes().all(|b| b.is_ascii_digit()));
        if !well_formed {
            return Err(format!("expected a date as YYYY-MM-DD, found `{t}`"));
        }
        let (y, m, d) = (
            parts[0].parse().unwrap_or(0),
            parts[1].parse().unwrap_or(0),
            parts[2].parse().unwrap_or(0),
        );
        Date::new(y, m, d).ok_or_else(|| format!("`{t}` is not a date in the calendar"))
    }

    /// Days since 1970-01-01, counted by `jiff`.
    pub fn days(self) -> i64 {
        self.to_jiff()
            .since(EPOCH)
            .map_or(0, |span| i64::from(span.get_days()))
    }

    /// The date `z` days after 1970-01-01 (within jiff's calendar).
    pub fn from_days(z: i64) -> Date {
        let date = EPOCH
            .checked_add(jiff::Span::new().days(z.clamp(-4_000_000, 3_000_000)))
            .unwrap_or(if z < 0 {
                jiff::civil::Date::MIN
            } else {
                jiff::civil::Date::MAX
            });
        Date::from_jiff(Ok(date)).unwrap_or(Date::EPOCH)
    }

    /// Today in the system's time zone (`TZ`, else /etc/localtime): a meeting at 00:30 in
    /// Stockholm is on that day, not on UTC's yesterday.
    pub fn today() -> Date {
        Date::from_jiff(Ok(jiff::ZonedDateTime::now().date())).unwrap_or(Date::EPOCH)
    }

    const EPOCH: Date = Date {
        year: 1970,
        month: 1,
        day: 1,
    };
}

const EPOCH: jiff::civil::Date = jiff::civil::Date::constant(1970, 1, 1);

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

impl FromStr for Date {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Date::parse(s)
    }
}

impl<'de> Deserialize<'de> for Date {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_str(TextVisitor("a date as YYYY-MM-DD", Date::parse))
    }
}

impl Serialize for Date {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

/// A scalar kept as written, for values whose validity depends on the portfolio (scores).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Raw(pub String);

impl<'de> Deserialize<'de> for Raw {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        fn convert(s: &str) -> Result<Raw, String> {
            Ok(Raw(s.to_string()))
        }
        d.deserialize_str(TextVisitor("a scalar value", convert))
    }
}

/// Reads a scalar's text and converts it, turning a conversion failure into a located serde error.
struct TextVisitor<T>(&'static str, fn(&str) -> Result<T, String>);

impl<'de, T> Visitor<'de> for TextVisitor<T> {
    type Value = T;
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.0)
    }
    fn visit_str<E: de::Error>(self, v: &str) -> Result<T, E> {
        (self.1)(v).map_err(E::custom)
    }
    fn visit_i64<E: de::Error>(self, v: i64) -> Result<T, E> {
        (self.1)(&v.to_string()).map_err(E::custom)
    }
    fn visit_u64<E: de::Error>(self, v: u64) -> Result<T, E> {
        (self.1)(&v.to_string()).map_err(E::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn date_round_trips_through_days() {
        for text in [
            "1970-01-01",
            "2000-02-29",
            "2026-11-23",
            "1899-12-31",
            "2100-03-01",
        ] {
            let d = Date::parse(text).unwrap();
            assert_eq!(Date::from_days(d.days()), d, "{text}");
            assert_eq!(d.to_string(), text);
        }
        assert_eq!(Date::parse("1970-01-02").unwrap().days(), 1);
    }

    #[test]
    fn impossible_dates_are_refused() {
        assert!(Date::parse("2026-02-29").is_err());
        assert!(Date::parse("2026-13-01").is_err());
        assert!(Date::parse("2026-1-01").is_err());
        assert!(Date::parse("2024-02-29").is_ok());
    }

    #[test]
    fn decimals_parse_exactly() {
        assert_eq!(Dec::parse("0.03").unwrap().0, Decimal::new(3, 2));
        assert_eq!(
            Dec::parse("12345678901234567.891").unwrap().0.to_string(),
            "12345678901234567.891"
        );
        assert_eq!(Dec::parse("-1200000").unwrap().0, Decimal::from(-1_200_000));
        assert_eq!(Dec::parse("1e3").unwrap().0, Decimal::from(1000));
        assert!(Dec::parse("12 000").is_none());
        assert!(Dec::parse("abc").is_none());
        assert!(Dec::parse("").is_none());
    }
}
