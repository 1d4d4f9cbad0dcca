//! Every problem in a file in one run: when the typed parse stops at its first error, the rest
//! of the file is read from its untyped tree (yaml-edit's) for the mistakes people make most —
//! unknown keys, unknown stages, unknown or bad scores, unknown decision outcomes — each said in
//! the same words as the typed parse would.

use std::str::FromStr as _;

use yaml_edit::{Document, Mapping, YamlNode};

use super::yaml::{key_suggestion, suggestion};
use crate::model::{Loc, Model, Outcome, Stage};

/// The keys of an initiative file (`InitiativeFile`), in the order of the schema.
pub const INITIATIVE_KEYS: [&str; 15] = [
    "id",
    "title",
    "summary",
    "unit",
    "owner",
    "submitted",
    "stage",
    "tags",
    "goals",
    "hypotheses",
    "scores",
    "motivations",
    "business_case",
    "benefits",
    "decisions",
];

/// A finding: where, what, and a hint.
pub type Finding = (Loc, String, Option<String>);

/// The findings of the untyped pass over an initiative's text; `first_line` places a slice of
/// a larger file. Nothing when the text is not a mapping at all.
pub fn findings(text: &str, first_line: u32, model: &Model) -> Vec<Finding> {
    if too_deep(text) {
        return Vec::new();
    }
    let Ok(doc) = Document::from_str(text) else {
        return Vec::new();
    };
    let Some(root) = doc.as_mapping() else {
        return Vec::new();
    };
    let at = |node: &YamlNode| {
        let p = yaml_edit::byte_offset_to_line_column(text, node.byte_range().start as usize);
        Loc {
            line: (p.line as u32).saturating_add(first_line.saturating_sub(1)),
            col: p.column as u32,
        }
    };
    let mut out = Vec::new();
    let keys: Vec<String> = INITIATIVE_KEYS.iter().map(|k| k.to_string()).collect();
    for (key, value) in root.iter() {
        let name = scalar(&key).unwrap_or_default();
        match name.as_str() {
            "stage" => {
                let ids: Vec<String> = Stage::ALL.iter().map(|s| s.id().to_string()).collect();
                if let Some(v) = scalar(&value).filter(|v| Stage::from_id(v).is_none()) {
                    out.push(unknown_value(at(&value), &v, &ids));
                }
            }
            "scores" => {
                if let Some(scores) = value.as_mapping() {
                    out.extend(score_findings(scores, model, &at));
                }
            }
            "decisions" => {
                let ids: Vec<String> = Outcome::ALL.iter().map(|o| o.id().to_string()).collect();
                for item in value.as_sequence().into_iter().flat_map(|s| s.values()) {
                    let outcome = item.as_mapping().and_then(|m| m.get("outcome"));
                    if let Some(node) = outcome
                        && let Some(v) = scalar(&node).filter(|v| !ids.contains(v))
                    {
                        out.push(unknown_value(at(&node), &v, &ids));
                    }
                }
            }
            known if keys.iter().any(|k| k == known) => {}
            unknown => {
                let hint = key_suggestion(unknown, &keys)
                    .map(|s| format!("did you mean `{s}`?"))
                    .or_else(|| Some(format!("expected one of: {}", keys.join(", "))));
                out.push((at(&key), format!("unknown key `{unknown}`"), hint));
            }
        }
    }
    out
}

/// Flow nesting deeper than any initiative needs: not walked (the syntax tree is recursive).
fn too_deep(text: &str) -> bool {
    let mut depth = 0usize;
    for b in text.bytes() {
        match b {
            b'[' | b'{' => {
                depth += 1;
                if depth > 64 {
                    return true;
                }
            }
            b']' | b'}' => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    false
}

fn scalar(node: &YamlNode) -> Option<String> {
    node.as_scalar().map(|s| s.as_string())
}

fn unknown_value(loc: Loc, found: &str, ids: &[String]) -> Finding {
    let hint = suggestion(found, ids).map(|s| format!("did you mean `{s}`?"));
    let message = format!(
        "unknown value `{found}`, expected one of: {}",
        ids.join(", ")
    );
    (loc, message, hint)
}

fn score_findings(scores: &Mapping, model: &Model, at: &dyn Fn(&YamlNode) -> Loc) -> Vec<Finding> {
    let ids: Vec<String> = model.criterion_ids().map(String::from).collect();
    let mut out = Vec::new();
    for (key, value) in scores.iter() {
        let name = scalar(&key).unwrap_or_default();
        if model.criterion(&name).is_none() {
            let hint = match suggestion(&name, &ids) {
                Some(s) => format!("did you mean `{s}`?"),
                None => format!("the criteria are: {}", ids.join(", ")),
            };
            out.push((at(&key), format!("unknown criterion `{name}`"), Some(hint)));
            continue;
        }
        let v = scalar(&value).unwrap_or_default();
        if !matches!(v.trim().parse::<u8>(), Ok(1..=4)) {
            let message = format!("score must be a whole number from 1 to 4, found `{v}`");
            out.push((at(&value), message, None));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_keys_are_those_of_the_typed_parse() {
        let e = super::super::yaml::parse::<crate::model::InitiativeFile>("zzz: 1\n").unwrap_err();
        assert_eq!(
            e.hint.as_deref(),
            Some(format!("expected one of: {}", INITIATIVE_KEYS.join(", ")).as_str())
        );
    }

    #[test]
    fn four_typos_four_findings_in_line_order() {
        let text = "titel: X\nstage: operation\nscores:\n  qualty: 3\n  compliance: 9\ndecisions:\n  - {date: 2026-10-12, outcome: aproved}\n";
        let found = findings(text, 1, &Model::nacka());
        let lines: Vec<(u32, u32, &str)> = found
            .iter()
            .map(|(l, m, _)| (l.line, l.col, m.as_str()))
            .collect();
        assert_eq!(
            lines,
            [
                (1, 1, "unknown key `titel`"),
                (
                    2,
                    8,
                    "unknown value `operation`, expected one of: idea, preparation, approved, project, operations, realisation, closed, rejected, parked"
                ),
                (4, 3, "unknown criterion `qualty`"),
                (5, 15, "score must be a whole number from 1 to 4, found `9`"),
                (
                    7,
                    33,
                    "unknown value `aproved`, expected one of: prioritised, deferred, returned, rejected, approved"
                ),
            ]
        );
    }
}
