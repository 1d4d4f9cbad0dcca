//! Building portfolios for the engine's tests from YAML text, as the loader would.
#![allow(dead_code)]

use std::collections::BTreeMap;
use std::path::PathBuf;

use bered::eval::Model;
use bered::load::yaml::parse;
use bered::model::{Date, Dec, Initiative, InitiativeFile, Portfolio, Settings};
use rust_decimal::Decimal;

pub fn d(s: &str) -> Decimal {
    s.parse().unwrap()
}

pub fn date(s: &str) -> Date {
    Date::parse(s).unwrap()
}

/// An initiative from its YAML, with the scores the loader would have validated.
pub fn initiative(id: &str, yaml: &str) -> Initiative {
    let file: InitiativeFile = parse(yaml).unwrap_or_else(|e| panic!("{id}: {e:?}"));
    let scores: BTreeMap<String, u8> = file
        .scores
        .iter()
        .map(|(k, v)| (k.value.clone(), v.value.0.parse().unwrap()))
        .collect();
    Initiative {
        id: id.into(),
        path: PathBuf::from(format!("initiatives/{id}.yaml")),
        file,
        scores,
    }
}

pub fn settings() -> Settings {
    Settings {
        name: "Test".into(),
        planning_year: Some(2026),
        discount_rate: Dec(d("0.03")),
        hourly_cost: Some(Dec(d("520"))),
        ..Settings::default()
    }
}

pub fn portfolio(initiatives: Vec<Initiative>) -> Portfolio {
    Portfolio {
        settings: settings(),
        model: Model::nacka(),
        initiatives,
    }
}

const BENEFIT: [&str; 4] = ["cost_savings", "quality", "mandatory", "strategic_fit"];
const FEASIBILITY: [&str; 7] = [
    "competence",
    "management_support",
    "complexity",
    "funding",
    "object_management",
    "technical_support",
    "compliance",
];

/// A `scores:` block for Nacka's model; 0 leaves a criterion unscored.
pub fn scores(benefit: [u8; 4], feasibility: [u8; 7]) -> String {
    let mut out = String::from("scores:\n");
    let pairs = BENEFIT
        .iter()
        .zip(benefit)
        .chain(FEASIBILITY.iter().zip(feasibility));
    for (id, score) in pairs {
        if score > 0 {
            out.push_str(&format!("  {id}: {score}\n"));
        }
    }
    out
}

/// A minimal initiative in preparation with the given scores and extra YAML lines.
pub fn scored(id: &str, benefit: [u8; 4], feasibility: [u8; 7], extra: &str) -> Initiative {
    scored_in(id, "preparation", benefit, feasibility, extra)
}

pub fn scored_in(
    id: &str,
    stage: &str,
    benefit: [u8; 4],
    feasibility: [u8; 7],
    extra: &str,
) -> Initiative {
    let yaml = format!(
        "title: {id}\nstage: {stage}\n{}{extra}",
        scores(benefit, feasibility)
    );
    initiative(id, &yaml)
}
