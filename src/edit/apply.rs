//! Applying an `Edit` to a file's text, and proving that only the intended value changed.

use std::str::FromStr;

use serde_json::{Map, Value};
use yaml_edit::{Document, Mapping, ScalarValue, Sequence};

use super::{Edit, EditError};
use crate::load::yaml;
use crate::model::InitiativeFile;

/// Applies `edit` to the text of an initiative file, or with `item` to the initiative with that
/// id in a single-file portfolio's `initiatives:` list. Returns the new text, verified.
pub fn apply(text: &str, item: Option<&str>, edit: &Edit) -> Result<String, EditError> {
    let doc = Document::from_str(text)
        .map_err(|e| EditError::NotEditable(format!("the file does not parse: {e}")))?;
    let root = doc
        .as_mapping()
        .ok_or_else(|| EditError::NotEditable("the file is not a mapping of keys".into()))?;
    let (target, index) = match item {
        None => (root, None),
        Some(id) => find_item(&root, id)?,
    };
    let new_list = item.is_none() && starts_a_list(&target, edit);
    change(&target, edit, !new_list)?;
    let mut written = doc.to_string();
    if new_list {
        written = super::layout::append_list(&written, "decisions", &entry_fields(edit));
    }
    let new_text = keep_line_endings(text, written);
    verify(text, &new_text, index, edit)?;
    Ok(new_text)
}

fn find_item(root: &Mapping, id: &str) -> Result<(Mapping, Option<usize>), EditError> {
    let list = root
        .get_sequence("initiatives")
        .ok_or_else(|| EditError::NotEditable("no `initiatives:` list".into()))?;
    for (i, node) in list.values().enumerate() {
        if let Some(m) = node.as_mapping()
            && m.get("id")
                .and_then(|v| v.as_scalar().map(|s| s.as_string()))
                .as_deref()
                == Some(id)
        {
            return Ok((m.clone(), Some(i)));
        }
    }
    Err(EditError::NotEditable(format!(
        "no initiative with `id: {id}` in the list"
    )))
}

/// A decision in a file that has no `decisions:` yet: the list is written by hand, in the
/// file's own style, rather than appended by yaml-edit at column 0 after any trailing comment.
fn starts_a_list(target: &Mapping, edit: &Edit) -> bool {
    matches!(edit, Edit::Decision { .. }) && !target.contains_key("decisions")
}

/// Changes the syntax tree; with `list` false a decision's entry is left to the caller.
fn change(target: &Mapping, edit: &Edit, list: bool) -> Result<(), EditError> {
    match edit {
        Edit::Score {
            criterion,
            value,
            motivation,
        } => {
            child_mapping(target, "scores").set(criterion.as_str(), i64::from(*value));
            if let Some(text) = motivation {
                child_mapping(target, "motivations").set(criterion.as_str(), text.as_str());
            }
        }
        Edit::Stage(stage) => target.set("stage", stage.id()),
        Edit::Decision { outcome, .. } => {
            if let Some(stage) = outcome.stage_after() {
                target.set("stage", stage.id());
            }
            if list {
                push(target, "decisions", yaml_entry(&entry_fields(edit)));
            }
        }
        Edit::FollowUp { benefit, .. } => {
            let benefit_map = find_benefit(target, benefit)?;
            push(&benefit_map, "follow_up", yaml_entry(&entry_fields(edit)));
        }
    }
    Ok(())
}

/// A number as the verification reads it back: the same way as the rest of the file.
fn yaml_number(text: &str) -> Value {
    yaml::parse::<Value>(text).unwrap_or(Value::String(text.to_string()))
}

/// A value in a new list entry, and how it is written: a date or a number as plain text (a
/// number from the decimal's own digits), anything else as text, quoted where YAML needs it.
pub(super) enum Field {
    Date(String),
    Number(String),
    Text(String),
}

/// The fields of the entry a decision or follow-up adds, in the order they are written.
pub(super) fn entry_fields(edit: &Edit) -> Vec<(&'static str, Field)> {
    let text = |key, t: &Option<String>| t.as_ref().map(|t| (key, Field::Text(t.clone())));
    match edit {
        Edit::Decision {
            date,
            forum,
            outcome,
            note,
        } => [
            Some(("date", Field::Date(date.to_string()))),
            text("forum", forum),
            Some(("outcome", Field::Text(outcome.id().into()))),
            text("note", note),
        ]
        .into_iter()
        .flatten()
        .collect(),
        Edit::FollowUp {
            date, value, note, ..
        } => [
            Some(("date", Field::Date(date.to_string()))),
            Some(("value", Field::Number(value.0.to_string()))),
            text("note", note),
        ]
        .into_iter()
        .flatten()
        .collect(),
        Edit::Score { .. } | Edit::Stage(_) => Vec::new(),
    }
}

/// The entry as a flow mapping in the file: `{date: 2026-11-23, outcome: deferred}`.
fn yaml_entry(fields: &[(&'static str, Field)]) -> Mapping {
    let entry = Mapping::new_flow();
    for (key, field) in fields {
        match field {
            Field::Date(d) => entry.set(*key, ScalarValue::plain(d.clone())),
            Field::Number(n) => entry.set(*key, ScalarValue::parse(n.clone())),
            Field::Text(t) => entry.set(*key, text_scalar(t)),
        }
    }
    entry
}

/// Text as a reviewer reads it in a diff: plain where YAML allows, else single-quoted, which
/// keeps every letter as it is (yaml-edit's double quotes would write `ö` as `\xF6`). Only
/// text with control characters or line breaks needs double quotes and their escapes.
pub(super) fn text_scalar(text: &str) -> ScalarValue {
    let plain = ScalarValue::string(text);
    let rendered = plain.to_yaml_string();
    let plain_in_flow = !rendered.starts_with(['"', '\'', '|', '>'])
        && !rendered.contains([',', '[', ']', '{', '}']);
    if plain_in_flow || text.chars().any(char::is_control) {
        plain
    } else {
        ScalarValue::single_quoted(text)
    }
}

/// The entry as the new text must read back.
fn json_entry(fields: &[(&'static str, Field)]) -> Value {
    let entry: Map<String, Value> = fields
        .iter()
        .map(|(key, field)| {
            let value = match field {
                Field::Date(t) | Field::Text(t) => Value::from(t.as_str()),
                Field::Number(n) => yaml_number(n),
            };
            (key.to_string(), value)
        })
        .collect();
    Value::Object(entry)
}

fn child_mapping(parent: &Mapping, key: &str) -> Mapping {
    if let Some(m) = parent.get_mapping(key) {
        return m;
    }
    parent.set(key, Mapping::new());
    parent.get_mapping(key).unwrap_or_default()
}

fn push(parent: &Mapping, key: &str, entry: Mapping) {
    match parent.get_sequence(key) {
        Some(list) => list.push(entry),
        None => {
            let list = Sequence::new();
            list.push(entry);
            parent.set(key, list);
        }
    }
}

fn find_benefit(target: &Mapping, id: &str) -> Result<Mapping, EditError> {
    let list = target
        .get_sequence("benefits")
        .ok_or_else(|| EditError::NotEditable("the initiative has no `benefits`".into()))?;
    list.values()
        .filter_map(|n| n.as_mapping().cloned())
        .find(|m| {
            m.get("id")
                .and_then(|v| v.as_scalar().map(|s| s.as_string()))
                .as_deref()
                == Some(id)
        })
        .ok_or_else(|| EditError::NotEditable(format!("no benefit `{id}` in this initiative")))
}

/// A file written with CRLF stays CRLF, new lines included.
fn keep_line_endings(old: &str, new: String) -> String {
    let crlf = old.contains("\r\n") && !old.replace("\r\n", "").contains('\n');
    if crlf {
        new.replace("\r\n", "\n").replace('\n', "\r\n")
    } else {
        new
    }
}

/// Parses both texts and checks that the new one equals the old one changed as intended, and
/// that the initiative still reads as an initiative.
fn verify(old: &str, new: &str, index: Option<usize>, edit: &Edit) -> Result<(), EditError> {
    let parse = |t: &str| {
        yaml::parse::<Value>(t)
            .map_err(|e| EditError::Unintended(format!("the file's syntax ({})", e.message)))
    };
    let mut expected = parse(old)?;
    let actual = parse(new)?;
    let target = match index {
        None => Some(&mut expected),
        Some(i) => expected.get_mut("initiatives").and_then(|l| l.get_mut(i)),
    };
    let target =
        target.ok_or_else(|| EditError::NotEditable("the initiative is not a mapping".into()))?;
    intend(target, edit)?;
    if expected != actual {
        return Err(EditError::Unintended(first_difference(&expected, &actual)));
    }
    if index.is_none() && yaml::parse::<InitiativeFile>(old).is_ok() {
        yaml::parse::<InitiativeFile>(new).map_err(|e| {
            EditError::Unintended(format!("the initiative's validity ({})", e.message))
        })?;
    }
    Ok(())
}

/// The edit, done on the parsed value: what the new text must read as.
fn intend(target: &mut Value, edit: &Edit) -> Result<(), EditError> {
    let obj = target
        .as_object_mut()
        .ok_or_else(|| EditError::NotEditable("the initiative is not a mapping".into()))?;
    match edit {
        Edit::Score {
            criterion,
            value,
            motivation,
        } => {
            object_at(obj, "scores").insert(criterion.clone(), Value::from(*value));
            if let Some(text) = motivation {
                object_at(obj, "motivations").insert(criterion.clone(), Value::from(text.as_str()));
            }
        }
        Edit::Stage(stage) => {
            obj.insert("stage".into(), Value::from(stage.id()));
        }
        Edit::Decision { outcome, .. } => {
            if let Some(stage) = outcome.stage_after() {
                obj.insert("stage".into(), Value::from(stage.id()));
            }
            array_at(obj, "decisions").push(json_entry(&entry_fields(edit)));
        }
        Edit::FollowUp { benefit, .. } => {
            let benefits = obj.get_mut("benefits").and_then(Value::as_array_mut);
            let b = benefits
                .and_then(|list| {
                    list.iter_mut()
                        .find(|b| b.get("id").and_then(Value::as_str) == Some(benefit.as_str()))
                })
                .and_then(Value::as_object_mut)
                .ok_or_else(|| {
                    EditError::NotEditable(format!("no benefit `{benefit}` in this initiative"))
                })?;
            array_at(b, "follow_up").push(json_entry(&entry_fields(edit)));
        }
    }
    Ok(())
}

fn object_at<'a>(obj: &'a mut Map<String, Value>, key: &str) -> &'a mut Map<String, Value> {
    let slot = obj
        .entry(key.to_string())
        .or_insert_with(|| Value::Object(Map::new()));
    if !slot.is_object() {
        *slot = Value::Object(Map::new());
    }
    slot.as_object_mut().expect("just made an object")
}

fn array_at<'a>(obj: &'a mut Map<String, Value>, key: &str) -> &'a mut Vec<Value> {
    let slot = obj
        .entry(key.to_string())
        .or_insert_with(|| Value::Array(Vec::new()));
    if !slot.is_array() {
        *slot = Value::Array(Vec::new());
    }
    slot.as_array_mut().expect("just made an array")
}

/// Names the first key whose value differs, for the message.
fn first_difference(expected: &Value, actual: &Value) -> String {
    match (expected, actual) {
        (Value::Object(a), Value::Object(b)) => {
            let keys = a.keys().chain(b.keys().filter(|k| !a.contains_key(*k)));
            for key in keys {
                if a.get(key) != b.get(key) {
                    let inner = match (a.get(key), b.get(key)) {
                        (Some(x), Some(y)) => first_difference(x, y),
                        _ => String::new(),
                    };
                    return if inner.is_empty() {
                        format!("`{key}`")
                    } else {
                        format!("`{key}` → {inner}")
                    };
                }
            }
            String::new()
        }
        (Value::Array(a), Value::Array(b)) if a.len() == b.len() => a
            .iter()
            .zip(b)
            .enumerate()
            .find(|(_, (x, y))| x != y)
            .map(|(i, (x, y))| {
                let inner = first_difference(x, y);
                if inner.is_empty() {
                    format!("item {}", i + 1)
                } else {
                    format!("item {} → {inner}", i + 1)
                }
            })
            .unwrap_or_default(),
        _ => String::new(),
    }
}
