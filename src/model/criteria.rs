//! The evaluation model: criteria, weights, the compliance gate and the quadrant threshold.
//! Defaults are Nacka's model (DOMAIN.md); a portfolio may override any part.

use rust_decimal::Decimal;

use super::Group;
use super::criteria_text::{Wording, nacka_wording};

#[derive(Clone, Debug, PartialEq)]
pub struct Criterion {
    pub id: String,
    pub group: Group,
    pub name_sv: String,
    pub name_en: String,
    /// What 1 and 4 mean, in Swedish (the model's own words).
    pub low: String,
    pub high: String,
    pub weight: Decimal,
    /// What the criterion asks and what each score 1–4 means, in both languages.
    pub wording: Wording,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Gate {
    pub criterion: String,
    pub min: u8,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Model {
    pub criteria: Vec<Criterion>,
    pub gate: Option<Gate>,
    pub quadrant_threshold: Decimal,
}

const NACKA: [(&str, Group, &str, &str, &str, &str); 11] = [
    (
        "cost_savings",
        Group::Benefit,
        "Kostnadsbesparing / tidsbesparing",
        "Cost or time savings",
        "Låg",
        "Hög",
    ),
    (
        "quality",
        Group::Benefit,
        "Förbättrad kvalitet / användarupplevelse",
        "Better quality / user experience",
        "Låg",
        "Hög",
    ),
    (
        "mandatory",
        Group::Benefit,
        "Tvingande / lagkrav",
        "Mandatory / legal requirement",
        "Kan vänta",
        "Brådskande",
    ),
    (
        "strategic_fit",
        Group::Benefit,
        "Följer styrdokument",
        "Follows governing documents",
        "Låg",
        "Hög",
    ),
    (
        "competence",
        Group::Feasibility,
        "Tillgänglig kompetens",
        "Available competence",
        "Låg",
        "Hög",
    ),
    (
        "management_support",
        Group::Feasibility,
        "Stöd från ledningen",
        "Management support",
        "Låg",
        "Hög",
    ),
    (
        "complexity",
        Group::Feasibility,
        "Projektets komplexitet",
        "Project complexity",
        "Hög komplexitet",
        "Låg komplexitet",
    ),
    (
        "funding",
        Group::Feasibility,
        "Finansiering",
        "Funding",
        "Låg",
        "Hög",
    ),
    (
        "object_management",
        Group::Feasibility,
        "Objektsförvaltning",
        "Object management",
        "Nej",
        "Ja",
    ),
    (
        "technical_support",
        Group::Feasibility,
        "Tekniskt stöd och arkitektur",
        "Technical support and architecture",
        "Låg",
        "Hög",
    ),
    (
        "compliance",
        Group::Feasibility,
        "Regelefterlevnad (juridik, dataskydd, infosäk)",
        "Compliance (law, data protection, infosec)",
        "Nej",
        "Ja",
    ),
];

impl Model {
    /// Nacka's evaluation model: eleven criteria, all weights 1, compliance gate at 3,
    /// quadrants split at 2.5.
    pub fn nacka() -> Model {
        let criteria = NACKA
            .iter()
            .map(|&(id, group, sv, en, low, high)| Criterion {
                id: id.into(),
                group,
                name_sv: sv.into(),
                name_en: en.into(),
                low: low.into(),
                high: high.into(),
                weight: Decimal::ONE,
                wording: nacka_wording(id),
            })
            .collect();
        Model {
            criteria,
            gate: Some(Gate {
                criterion: "compliance".into(),
                min: 3,
            }),
            quadrant_threshold: Decimal::new(25, 1),
        }
    }

    pub fn criterion(&self, id: &str) -> Option<&Criterion> {
        self.criteria.iter().find(|c| c.id == id)
    }

    pub fn criterion_ids(&self) -> impl Iterator<Item = &str> {
        self.criteria.iter().map(|c| c.id.as_str())
    }
}

impl Default for Model {
    fn default() -> Self {
        Model::nacka()
    }
}
