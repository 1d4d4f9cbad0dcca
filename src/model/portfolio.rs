//! `portfolio.yaml`: the portfolio's settings and its evaluation model.

use serde::{Deserialize, Serialize};

use super::located::{Located, OrderedMap};
use super::scalar::Dec;

/// The settings file as written. In single-file form it also carries `initiatives:`.
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PortfolioFile {
    pub name: Option<String>,
    pub organisation: Option<String>,
    pub currency: Option<String>,
    pub planning_year: Option<Located<i32>>,
    pub budget: Option<Located<Dec>>,
    pub discount_rate: Option<Located<Dec>>,
    pub hourly_cost: Option<Located<Dec>>,
    #[serde(default)]
    pub strategic_goals: Vec<Located<StrategicGoal>>,
    pub model: Option<ModelFile>,
    /// Single-file form: only where each item stands; the items are parsed one by one (see
    /// `load`) so that a broken initiative does not stop the others.
    pub initiatives: Option<Vec<Located<serde::de::IgnoredAny>>>,
}

#[derive(Clone, Debug, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct StrategicGoal {
    pub id: String,
    pub name: String,
}

/// `model:` overrides of the evaluation model; every field optional.
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ModelFile {
    #[serde(default)]
    pub weights: OrderedMap<Located<String>, Located<Dec>>,
    pub gate: Option<GateFile>,
    pub quadrant_threshold: Option<Located<Dec>>,
    /// Replaces the criteria entirely (another municipality's model).
    pub criteria: Option<Vec<Located<CriterionFile>>>,
    /// Overrides a criterion's description and score wordings, by criterion id.
    #[serde(default)]
    pub descriptions: OrderedMap<Located<String>, Located<WordingFile>>,
}

/// A criterion's description and the wording of its scores 1–4; Swedish, with `_en` in English
/// (the Swedish text serves both when no English is given).
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct WordingFile {
    pub description: Option<String>,
    pub description_en: Option<String>,
    pub scale: Option<Vec<String>>,
    pub scale_en: Option<Vec<String>>,
}

#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GateFile {
    pub criterion: Option<Located<String>>,
    pub min: Option<Located<u8>>,
}

#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CriterionFile {
    pub id: String,
    pub group: Group,
    /// The label in Swedish; `name_en` in English (falls back to `name`).
    pub name: String,
    pub name_en: Option<String>,
    pub low: Option<String>,
    pub high: Option<String>,
    pub weight: Option<Located<Dec>>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Deserialize, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Group {
    Benefit,
    Feasibility,
}
