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
    change(&target, edit)?;
    let new_text = keep_line_endings(text, doc.to_string());
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

fn change(target: &Mapping, edit: &Edit) -> Result<(), EditError> {
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
        Edit::Decision {
            date,
            forum,
            outcome,
            note,
        } => {
            let entry = Mapping::new_flow();
            entry.set("date", ScalarValue::plain(date.to_string()));
            if let Some(f) = forum {
                entry.set("forum", f.as_str());
            }
            entry.set("outcome", outcome.id());
            if let Some(n) = note {
                entry.set("note", n.as_str());
            }
            push(target, "decisions", entry);
        }
        Edit::FollowUp {
            benefit,
            date,
            value,
            note,
        } => {
            let benefit_map = find_benefit(target, benefit)?;
            let entry = Mapping::new_flow();
            entry.set("date", ScalarValue::plain(date.to_string()));
            // The decimal's own text, so no digit is lost to a float.
            entry.set("value", ScalarValue::parse(value.0.to_string()));
            if let Some(n) = note {
                entry.set("note", n.as_str());
            }
            push(&benefit_map, "follow_up", entry);
        }
    }
    Ok(())
}

/// A number as the verification reads it back: the same way as the rest of the file.
fn yaml_number(text: &str) -> Value {
    yaml::parse::<Value>(text).unwrap_or(Value::String(text.to_string()))
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
        Edit::Decision {
            date,
            forum,
            outcome,
            note,
        } => {
            let mut entry = Map::new();
            entry.insert("date".into(), Value::from(date.to_string()));
            if let Some(f) = forum {
                entry.insert("forum".into(), Value::from(f.as_str()));
            }
            entry.insert("outcome".into(), Value::from(outcome.id()));
            if let Some(n) = note {
                entry.insert("note".into(), Value::from(n.as_str()));
            }
            array_at(obj, "decisions").push(Value::Object(entry));
        }
        Edit::FollowUp {
            benefit,
            date,
            value,
            note,
        } => {
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
            let mut entry = Map::new();
            entry.insert("date".into(), Value::from(date.to_string()));
            entry.insert("value".into(), yaml_number(&value.0.to_string()));
            if let Some(n) = note {
                entry.insert("note".into(), Value::from(n.as_str()));
            }
            array_at(b, "follow_up").push(Value::Object(entry));
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
