//! JSON Schemas of the contract, so editors (yaml-language-server, VS Code) complete keys and
//! flag mistakes while typing. The initiative schema names the portfolio's own criteria and
//! strategic goals.

use serde_json::{Value, json};

use crate::model::Model;
use crate::model::{Outcome, Settings, Stage};

const DRAFT: &str = "http://json-schema.org/draft-07/schema#";

pub fn to_text(value: &Value) -> String {
    serde_json::to_string_pretty(value).unwrap_or_default() + "\n"
}

fn number() -> Value {
    json!({"type": "number"})
}

fn year() -> Value {
    json!({"type": "integer", "minimum": 1900, "maximum": 2200})
}

fn date() -> Value {
    json!({"type": "string", "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}$", "description": "YYYY-MM-DD"})
}

fn text() -> Value {
    json!({"type": "string"})
}

fn strict(properties: Value, required: &[&str]) -> Value {
    json!({"type": "object", "additionalProperties": false, "required": required, "properties": properties})
}

/// Money or a factor per year: `{2026: 520000}`.
fn per_year() -> Value {
    json!({"type": "object", "propertyNames": {"pattern": "^[0-9]{4}$"}, "additionalProperties": number()})
}

fn line(kinds: &[&str]) -> Value {
    strict(
        json!({
            "name": text(),
            "kind": {"enum": kinds},
            "amounts": per_year(),
            "yearly": number(),
            "from": year(),
            "to": year(),
            "hours": {"type": "number", "description": "reallocation: hours per year, valued at hourly_cost"},
            "hourly_cost": number(),
            "range": {"type": "array", "items": number(), "minItems": 2, "maxItems": 2, "description": "[low, high] factors"},
        }),
        &["name", "kind"],
    )
}

fn business_case() -> Value {
    strict(
        json!({
            "start_year": year(),
            "years": {"type": "integer", "minimum": 1, "maximum": 50},
            "costs": {"type": "array", "items": line(&["investment", "operations"])},
            "benefits": {"type": "array", "items": line(&["financial", "reallocation", "quality", "environment"])},
            "quality_shift": per_year(),
        }),
        &["start_year", "years"],
    )
}

fn benefit() -> Value {
    let follow_up = strict(
        json!({"date": date(), "value": number(), "note": text()}),
        &["date", "value"],
    );
    strict(
        json!({
            "id": text(), "title": text(),
            "kind": {"enum": ["financial", "reallocation", "quality", "environment"]},
            "chain": {"type": "string", "description": "Genom att … vilket leder till …"},
            "owner": text(), "indicator": text(), "baseline": number(), "target": number(),
            "start": date(), "due": date(), "freed_time_use": text(),
            "follow_up": {"type": "array", "items": follow_up},
        }),
        &["id", "title"],
    )
}

/// The schema of `initiatives/<id>.yaml` for this portfolio's criteria and goals.
pub fn initiative(model: &Model, settings: &Settings) -> Value {
    let criteria: Vec<&str> = model.criterion_ids().collect();
    let score_props: serde_json::Map<String, Value> = model
        .criteria
        .iter()
        .map(|c| {
            let about = format!("{} (1 = {}, 4 = {})", c.name_sv, c.low, c.high);
            (
                c.id.clone(),
                json!({"type": "integer", "minimum": 1, "maximum": 4, "description": about}),
            )
        })
        .collect();
    let goals: Vec<&str> = settings
        .strategic_goals
        .iter()
        .map(|g| g.id.as_str())
        .collect();
    let stages: Vec<&str> = Stage::ALL.iter().map(|s| s.id()).collect();
    let outcomes: Vec<&str> = Outcome::ALL.iter().map(|o| o.id()).collect();
    let decision = strict(
        json!({"date": date(), "forum": text(), "outcome": {"enum": outcomes}, "note": text()}),
        &["date", "outcome"],
    );
    let mut schema = strict(
        json!({
            "id": text(), "title": text(), "summary": text(), "unit": text(), "owner": text(),
            "submitted": date(),
            "stage": {"enum": stages},
            "tags": {"type": "array", "items": text()},
            "goals": {"type": "array", "items": {"enum": goals}},
            "hypotheses": {"type": "array", "items": text()},
            "scores": {"type": "object", "additionalProperties": false, "properties": score_props},
            "motivations": {"type": "object", "propertyNames": {"enum": criteria}, "additionalProperties": text()},
            "business_case": business_case(),
            "benefits": {"type": "array", "items": benefit()},
            "decisions": {"type": "array", "items": decision},
        }),
        &["title", "stage"],
    );
    schema["$schema"] = json!(DRAFT);
    schema["title"] = json!("bered initiative");
    schema
}

/// The schema of `portfolio.yaml`.
pub fn portfolio() -> Value {
    let criterion = strict(
        json!({
            "id": text(), "group": {"enum": ["benefit", "feasibility"]}, "name": text(), "name_en": text(),
            "low": text(), "high": text(), "weight": number(),
        }),
        &["id", "group", "name"],
    );
    let model = strict(
        json!({
            "weights": {"type": "object", "additionalProperties": number()},
            "gate": strict(json!({"criterion": text(), "min": {"type": "integer", "minimum": 1, "maximum": 4}}), &[]),
            "quadrant_threshold": number(),
            "criteria": {"type": "array", "items": criterion},
            "descriptions": {"type": "object", "additionalProperties": strict(json!({
                "description": text(), "description_en": text(),
                "scale": {"type": "array", "items": text(), "minItems": 4, "maxItems": 4},
                "scale_en": {"type": "array", "items": text(), "minItems": 4, "maxItems": 4},
            }), &[])},
        }),
        &[],
    );
    let goal = strict(json!({"id": text(), "name": text()}), &["id", "name"]);
    let mut schema = strict(
        json!({
            "name": text(), "organisation": text(), "currency": text(),
            "planning_year": year(), "budget": number(), "discount_rate": number(), "hourly_cost": number(),
            "strategic_goals": {"type": "array", "items": goal},
            "model": model,
            "initiatives": {"type": "array", "items": {"type": "object"}},
        }),
        &[],
    );
    schema["$schema"] = json!(DRAFT);
    schema["title"] = json!("bered portfolio");
    schema
}
