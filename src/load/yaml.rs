//! The one module that knows the YAML library (serde-saphyr). Everything else sees
//! `parse`, `YamlError` and the `Located<T>` wrapper.

use std::cell::Cell;

use serde::de::{Deserialize, DeserializeOwned, Deserializer};
use serde_saphyr::{Budget, MessageFormatter, Spanned, UserMessageFormatter};

use crate::model::{Loc, Located, Site};

/// The largest initiative file we parse; larger ones are refused before parsing.
pub const MAX_FILE_BYTES: usize = 1024 * 1024;

/// A YAML error: what went wrong and where (line and column 1-based, 0 when unknown).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct YamlError {
    pub message: String,
    pub hint: Option<String>,
    pub loc: Loc,
}

thread_local! {
    /// Added to every line number while a slice of a larger file is parsed (see `parse_at`).
    static LINE_OFFSET: Cell<u32> = const { Cell::new(0) };
}

/// Parses one YAML document into `T`, with limits sized for portfolio files: an alias bomb,
/// deep nesting or a document with an absurd number of nodes is refused with a message.
pub fn parse<T: DeserializeOwned>(text: &str) -> Result<T, YamlError> {
    parse_with_limits(text, limits(text.len()))
}

/// Parses a slice of a larger file that starts at line `first_line` (1-based), so that every
/// location, in the value and in an error, is a location in the whole file.
pub fn parse_at<T: DeserializeOwned>(text: &str, first_line: u32) -> Result<T, YamlError> {
    let offset = first_line.saturating_sub(1);
    LINE_OFFSET.with(|o| o.set(offset));
    let result = parse(text).map_err(|mut e| {
        if e.loc.line > 0 {
            e.loc.line += offset;
        }
        e
    });
    LINE_OFFSET.with(|o| o.set(0));
    result
}

fn limits(len: usize) -> Budget {
    // Node counts scale with the file; a generous floor keeps small hostile files in check.
    let nodes = (len / 2).clamp(10_000, 5_000_000);
    let mut b = Budget::default();
    b.max_depth = 32;
    b.max_nodes = nodes;
    b.max_events = nodes * 2;
    b.max_aliases = 1_000;
    b.max_anchors = 1_000;
    b.max_documents = 1;
    b.max_recorded_anchor_events = 20_000;
    b.max_total_scalar_bytes = len.max(1) * 2;
    b
}

fn parse_with_limits<T: DeserializeOwned>(text: &str, budget: Budget) -> Result<T, YamlError> {
    let options = serde_saphyr::options! { budget: Some(budget), with_snippet: false };
    serde_saphyr::from_str_with_options(text, options).map_err(|e| convert_error(&e))
}

fn convert_error(err: &serde_saphyr::Error) -> YamlError {
    let loc = err
        .location()
        .map(|l| Loc {
            line: l.line() as u32,
            col: l.column() as u32,
        })
        .unwrap_or_default();
    let raw = UserMessageFormatter
        .format_message(err.without_snippet())
        .into_owned();
    let (message, hint) = explain(&raw);
    YamlError { message, hint, loc }
}

/// Rewrites serde's wording into ours, with a "did you mean" where a close name exists.
fn explain(raw: &str) -> (String, Option<String>) {
    if let Some((found, expected)) = split_expected(raw, "unknown field `") {
        let hint = key_suggestion(&found, &expected).map(|s| format!("did you mean `{s}`?"));
        let hint = hint.or_else(|| Some(format!("expected one of: {}", expected.join(", "))));
        return (format!("unknown key `{found}`"), hint);
    }
    if let Some((found, expected)) = split_expected(raw, "unknown variant `") {
        let hint = suggestion(&found, &expected).map(|s| format!("did you mean `{s}`?"));
        return (
            format!(
                "unknown value `{found}`, expected one of: {}",
                expected.join(", ")
            ),
            hint,
        );
    }
    if let Some(rest) = raw.strip_prefix("missing field `") {
        let name = rest.split('`').next().unwrap_or(rest);
        return (format!("missing required key `{name}`"), None);
    }
    if let Some(plain) = plain_wording(raw) {
        return plain;
    }
    if raw.contains("budget") || raw.contains("limit") || raw.contains("exceeded") {
        return (
            format!("refused: {raw}"),
            Some("the file is larger or deeper than a portfolio file can be".into()),
        );
    }
    (raw.to_string(), None)
}

/// serde's and the parser's terse words for a wrong shape, said the way a portfolio editor thinks.
fn plain_wording(raw: &str) -> Option<(String, Option<String>)> {
    let said = |m: &str, h: Option<&str>| Some((m.to_string(), h.map(String::from)));
    match raw {
        "expected sequence start" => said(
            "expected a list here",
            Some("write `[a, b]` or one `- item` per line"),
        ),
        "expected mapping start" => said("expected keys and values here (`key: value`)", None),
        "expected string scalar" => said(
            "expected text here, found a list or a mapping",
            Some("quote the text if it starts with [ or {"),
        ),
        _ if raw.starts_with("invalid u") || raw.starts_with("invalid i") => {
            said("expected a whole number", None)
        }
        _ if raw.contains("found a tab") || raw.starts_with("tabs disallowed") => Some((
            raw.to_string(),
            Some("indent with spaces; YAML does not allow tabs".into()),
        )),
        _ => None,
    }
}

fn split_expected(raw: &str, prefix: &str) -> Option<(String, Vec<String>)> {
    let rest = raw.strip_prefix(prefix)?;
    let (found, tail) = rest.split_once('`')?;
    let list = tail
        .split_once("expected one of ")
        .map(|(_, l)| l)
        .unwrap_or("");
    let expected = list
        .split(", ")
        .map(|s| s.trim_matches('`').trim().to_string())
        .filter(|s| !s.is_empty());
    Some((found.to_string(), expected.collect()))
}

/// The closest candidate by edit distance, if close enough to be a likely typo.
/// The keys a Swedish writer may type for the format's English keys.
const SWEDISH_KEYS: &[(&str, &str)] = &[
    ("titel", "title"),
    ("rubrik", "title"),
    ("sammanfattning", "summary"),
    ("enhet", "unit"),
    ("förvaltning", "unit"),
    ("ägare", "owner"),
    ("inkom", "submitted"),
    ("fas", "stage"),
    ("taggar", "tags"),
    ("mål", "goals"),
    ("hypoteser", "hypotheses"),
    ("poäng", "scores"),
    ("motiveringar", "motivations"),
    ("nyttokalkyl", "business_case"),
    ("nyttor", "benefits"),
    ("beslut", "decisions"),
    ("nyttoägare", "owner"),
    ("mått", "indicator"),
    ("utgångsläge", "baseline"),
    ("målvärde", "target"),
    ("uppföljning", "follow_up"),
];

/// The key a mistyped one may have meant: a close spelling, or the format's key for a
/// Swedish word (`ägare` → `owner`), when that key is allowed here.
pub fn key_suggestion<'a>(found: &str, candidates: &'a [String]) -> Option<&'a str> {
    suggestion(found, candidates).or_else(|| {
        let lower = found.to_lowercase();
        let key = SWEDISH_KEYS.iter().find(|(sv, _)| *sv == lower)?.1;
        candidates.iter().find(|c| *c == key).map(String::as_str)
    })
}

pub fn suggestion<'a>(found: &str, candidates: &'a [String]) -> Option<&'a str> {
    candidates
        .iter()
        .map(|c| (edit_distance(found, c), c))
        .filter(|(d, c)| *d <= (c.chars().count() / 3).max(2))
        .min_by_key(|(d, _)| *d)
        .map(|(_, c)| c.as_str())
}

fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut cur = vec![i + 1];
        for (j, cb) in b.iter().enumerate() {
            let cost = usize::from(ca != *cb);
            cur.push((prev[j] + cost).min(prev[j + 1] + 1).min(cur[j] + 1));
        }
        prev = cur;
    }
    prev[b.len()]
}

impl<'de, T: Deserialize<'de>, S: Site> Deserialize<'de> for Located<T, S> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let spanned = Spanned::<T>::deserialize(d)?;
        let at = spanned.referenced;
        let line = at.line() as u32;
        let line = if line > 0 {
            line + LINE_OFFSET.with(Cell::get)
        } else {
            0
        };
        let col = at.column() as u32;
        Ok(Located {
            value: spanned.value,
            loc: S::from_loc(Loc { line, col }),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Dec, OrderedMap};

    #[derive(Debug, serde::Deserialize)]
    #[serde(deny_unknown_fields)]
    struct Probe {
        #[serde(default)]
        scores: OrderedMap<Located<String>, Located<Dec>>,
        #[serde(default)]
        amounts: OrderedMap<Located<i32>, Located<Dec>>,
    }

    #[test]
    fn decimals_come_back_exactly() {
        let p: Probe = parse("amounts: {2026: 12345678901234567.891, 2027: 0.03}\n").unwrap();
        let got: Vec<String> = p
            .amounts
            .iter()
            .map(|(k, v)| format!("{}={}", k.value, v.value))
            .collect();
        assert_eq!(got, ["2026=12345678901234567.891", "2027=0.03"]);
        assert_eq!(p.amounts.0[1].1.loc, Loc { line: 1, col: 46 });
    }

    #[test]
    fn keys_and_values_are_located_in_block_style() {
        let p: Probe = parse("scores:\n  quality: 3\n  mandatory: 2\n").unwrap();
        let (k, v) = &p.scores.0[1];
        assert_eq!(
            (k.value.as_str(), k.loc, v.loc),
            (
                "mandatory",
                Loc { line: 3, col: 3 },
                Loc { line: 3, col: 14 }
            )
        );
    }

    #[test]
    fn duplicate_keys_are_an_error_never_last_wins() {
        let e = parse::<Probe>("scores:\n  compliance: 3\n  compliance: 4\n").unwrap_err();
        assert_eq!(e.loc, Loc { line: 3, col: 3 });
        assert!(e.message.contains("duplicate"), "{}", e.message);
    }

    #[test]
    fn unknown_key_suggests_the_close_one() {
        let e = parse::<Probe>("scorse: {}\n").unwrap_err();
        assert_eq!(e.message, "unknown key `scorse`");
        assert_eq!(e.hint.as_deref(), Some("did you mean `scores`?"));
    }

    #[test]
    fn alias_bombs_and_deep_nesting_are_refused() {
        let mut bomb = String::from("a: &a [x, x, x, x, x, x, x, x, x, x]\n");
        for i in 1..10 {
            let prev = if i == 1 {
                "a".to_string()
            } else {
                format!("a{}", i - 1)
            };
            bomb.push_str(&format!("a{i}: &a{i} [*{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}]\n"));
        }
        assert!(parse::<serde_json::Value>(&bomb).is_err());
        let deep = format!("{}1{}", "[".repeat(10_000), "]".repeat(10_000));
        assert!(parse::<serde_json::Value>(&deep).is_err());
    }

    #[test]
    fn suggestions_only_for_close_names() {
        let c = vec!["complexity".to_string(), "compliance".to_string()];
        assert_eq!(suggestion("complexty", &c), Some("complexity"));
        assert_eq!(suggestion("banana", &c), None);
    }
}
