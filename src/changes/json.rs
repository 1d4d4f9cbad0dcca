//! `bered changes --format json`: the two ends, a summary, and one object per changed
//! initiative with a `changes` list of `{kind, …, old, new}`. Ids, not labels; exact figures as
//! strings; scores and priorities to two decimals; null where a value is undefined.

use serde_json::{Map, Value, json};

use super::{BudgetLine, Change, ChangeSet, End, KINDS};
use crate::report::fmt::{json_exact as exact, json_rounded as rounded};

pub fn json(set: &ChangeSet) -> String {
    let kinds: Map<String, Value> = KINDS
        .iter()
        .map(|k| (k.to_string(), json!(set.count(k))))
        .collect();
    let initiatives: Vec<Value> = set
        .initiatives
        .iter()
        .map(|ini| {
            json!({
                "id": ini.id,
                "title": ini.title,
                "changes": ini.changes.iter().map(change).collect::<Vec<_>>(),
            })
        })
        .collect();
    let value = json!({
        "since": end(&set.since),
        "until": end(&set.until),
        "summary": {
            "initiatives": set.initiatives.len(),
            "kinds": kinds,
            "budget": set.budget.map(exact),
            "budget_line": {
                "old": line(&set.budget_line.0),
                "new": line(&set.budget_line.1),
            },
        },
        "initiatives": initiatives,
    });
    serde_json::to_string_pretty(&value).unwrap_or_default() + "\n"
}

fn end(end: &End) -> Value {
    json!({
        "rev": end.asked,
        "commit": end.commit.as_ref().map(|c| &c.id),
        "date": end.commit.as_ref().map(|c| c.date.to_string()),
        "message": end.commit.as_ref().map(|c| &c.summary),
        "errors": end.errors,
    })
}

fn line(line: &BudgetLine) -> Value {
    json!({"within": line.within, "last_rank": line.last_rank})
}

fn change(change: &Change) -> Value {
    let kind = change.kind();
    let pair = |old: Value, new: Value| json!({"kind": kind, "old": old, "new": new});
    match change {
        Change::Added { stage, rank } => pair(
            Value::Null,
            json!({"stage": stage.map(|s| s.id()), "rank": rank}),
        ),
        Change::Removed { stage, rank } => pair(
            json!({"stage": stage.map(|s| s.id()), "rank": rank}),
            Value::Null,
        ),
        Change::Title { old, new } => pair(json!(old), json!(new)),
        Change::Stage { old, new } => pair(json!(old.map(|s| s.id())), json!(new.map(|s| s.id()))),
        Change::Score {
            criterion,
            old,
            new,
            rationale,
        } => json!({
            "kind": kind, "criterion": criterion, "old": old, "new": new, "rationale": rationale,
        }),
        Change::Benefit { old, new }
        | Change::Feasibility { old, new }
        | Change::Priority { old, new } => pair(rounded(*old), rounded(*new)),
        Change::Rank { old, new } => pair(json!(old), json!(new)),
        Change::Gate { old, new } => pair(json!(old.id()), json!(new.id())),
        Change::Decision(d) => pair(
            Value::Null,
            json!({
                "date": d.date.to_string(),
                "forum": d.forum,
                "outcome": d.outcome.id(),
                "note": d.note,
            }),
        ),
        Change::FollowUp {
            benefit,
            date,
            value,
            note,
        } => json!({
            "kind": kind,
            "benefit": benefit,
            "old": Value::Null,
            "new": {"date": date.to_string(), "value": exact(*value), "note": note},
        }),
        Change::Npv { old, new } => pair(
            old.map_or(Value::Null, exact),
            new.map_or(Value::Null, exact),
        ),
        Change::Payback { old, new } => pair(json!(old), json!(new)),
        Change::Budget { old, new } => pair(budget(*old), budget(*new)),
    }
}

fn budget(value: Option<bool>) -> Value {
    match value {
        Some(true) => json!("within"),
        Some(false) => json!("beyond"),
        None => Value::Null,
    }
}
