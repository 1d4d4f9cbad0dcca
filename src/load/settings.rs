//! `portfolio.yaml` into settings and an evaluation model, with its own checks.

use std::collections::HashSet;

use rust_decimal::Decimal;

use super::validate::Checker;
use super::yaml::suggestion;
use crate::model::{Criterion, Gate, Model};
use crate::model::{Dec, Group, Loc, Located, ModelFile, PortfolioFile, Settings};

/// Builds the settings and model; findings go to the checker, and a bad value falls back to
/// the default so the initiatives can still be loaded and checked.
pub fn build(c: &mut Checker, file: &PortfolioFile) -> (Settings, Model) {
    let mut settings = Settings {
        name: file.name.clone().unwrap_or_default(),
        organisation: file.organisation.clone(),
        currency: file.currency.clone().unwrap_or_else(|| "SEK".into()),
        planning_year: file.planning_year.as_ref().map(|y| y.value),
        budget: file.budget.as_ref().map(|b| b.value),
        hourly_cost: file.hourly_cost.as_ref().map(|h| h.value),
        strategic_goals: file
            .strategic_goals
            .iter()
            .map(|g| g.value.clone())
            .collect(),
        ..Settings::default()
    };
    if let Some(rate) = &file.discount_rate
        && let Some(rate) = discount_rate(c, rate)
    {
        settings.discount_rate = rate;
    }
    for (name, value) in [("budget", &file.budget), ("hourly_cost", &file.hourly_cost)] {
        if let Some(v) = value
            && v.value.0 < Decimal::ZERO
        {
            c.error(
                v.loc,
                format!("`{name}` cannot be negative, found {}", v.value),
                None,
            );
        }
    }
    let mut seen = HashSet::new();
    for goal in &file.strategic_goals {
        if !seen.insert(goal.value.id.clone()) {
            c.error(
                goal.loc,
                format!("strategic goal id `{}` is used twice", goal.value.id),
                None,
            );
        }
    }
    let model = file
        .model
        .as_ref()
        .map(|m| build_model(c, m))
        .unwrap_or_default();
    (settings, model)
}

fn build_model(c: &mut Checker, file: &ModelFile) -> Model {
    let mut model = Model::nacka();
    if let Some(criteria) = &file.criteria {
        model.criteria = replaced_criteria(c, criteria);
        // A replaced model has no gate unless it names one.
        model.gate = None;
    }
    for (id, weight) in file.weights.iter() {
        let ids: Vec<String> = model.criterion_ids().map(String::from).collect();
        match model.criteria.iter_mut().find(|cr| cr.id == id.value) {
            Some(_) if weight.value.0 <= Decimal::ZERO => {
                c.error(
                    weight.loc,
                    format!("weight must be above 0, found {}", weight.value),
                    None,
                );
            }
            Some(criterion) => {
                warn_absurd_weight(c, weight.loc, weight.value.0);
                criterion.weight = weight.value.0;
            }
            None => {
                let hint = suggestion(&id.value, &ids).map(|s| format!("did you mean `{s}`?"));
                c.error(
                    id.loc,
                    format!("weight for unknown criterion `{}`", id.value),
                    hint,
                );
            }
        }
    }
    if let Some(gate) = &file.gate {
        model.gate = build_gate(c, gate, &model);
    }
    for (id, wording) in file.descriptions.iter() {
        match model.criteria.iter_mut().find(|cr| cr.id == id.value) {
            Some(criterion) => override_wording(c, criterion, wording),
            None => {
                let ids: Vec<String> = model.criterion_ids().map(String::from).collect();
                let hint = suggestion(&id.value, &ids).map(|s| format!("did you mean `{s}`?"));
                let message = format!("description for unknown criterion `{}`", id.value);
                c.error(id.loc, message, hint);
            }
        }
    }
    if let Some(t) = &file.quadrant_threshold {
        if t.value.0 < Decimal::ONE || t.value.0 > Decimal::from(4) {
            c.error(
                t.loc,
                format!("quadrant threshold is on the 1–4 scale, found {}", t.value),
                None,
            );
        } else {
            model.quadrant_threshold = t.value.0;
        }
    }
    model
}

/// `model: descriptions: {id: {description, description_en, scale, scale_en}}`: each given part
/// replaces the model's; a scale names exactly the four scores 1–4.
fn override_wording(
    c: &mut Checker,
    criterion: &mut Criterion,
    file: &crate::model::Located<crate::model::WordingFile>,
) {
    let (w, f) = (&mut criterion.wording, &file.value);
    if let Some(text) = &f.description {
        w.description_sv.clone_from(text);
        w.description_en.clone_from(text);
    }
    if let Some(text) = &f.description_en {
        w.description_en.clone_from(text);
    }
    for (scale, into_en) in [(&f.scale, false), (&f.scale_en, true)] {
        let Some(scale) = scale else { continue };
        match <[String; 4]>::try_from(scale.clone()) {
            Ok(four) if into_en => w.scale_en = four,
            Ok(four) => {
                w.scale_sv = four.clone();
                w.scale_en = four;
            }
            Err(_) => {
                let message = format!("a scale names the scores 1–4, found {}", scale.len());
                c.error(file.loc, message, None);
            }
        }
    }
}

fn build_gate(c: &mut Checker, gate: &crate::model::GateFile, model: &Model) -> Option<Gate> {
    let default = model.gate.clone().unwrap_or(Gate {
        criterion: "compliance".into(),
        min: 3,
    });
    let criterion = match &gate.criterion {
        Some(id) if model.criterion(&id.value).is_none() => {
            let ids: Vec<String> = model.criterion_ids().map(String::from).collect();
            let hint = suggestion(&id.value, &ids).map(|s| format!("did you mean `{s}`?"));
            c.error(
                id.loc,
                format!("gate names unknown criterion `{}`", id.value),
                hint,
            );
            return model.gate.clone();
        }
        Some(id) => id.value.clone(),
        None => default.criterion,
    };
    let min = match &gate.min {
        Some(m) if !(1..=4).contains(&m.value) => {
            c.error(
                m.loc,
                format!("gate minimum is a score from 1 to 4, found {}", m.value),
                None,
            );
            default.min
        }
        Some(m) => m.value,
        None => default.min,
    };
    Some(Gate { criterion, min })
}

fn replaced_criteria(
    c: &mut Checker,
    criteria: &[crate::model::Located<crate::model::CriterionFile>],
) -> Vec<Criterion> {
    let mut seen = HashSet::new();
    let mut out = Vec::new();
    for cr in criteria {
        if !seen.insert(cr.value.id.clone()) {
            c.error(
                cr.loc,
                format!("criterion id `{}` is used twice", cr.value.id),
                None,
            );
            continue;
        }
        let mut weight = cr
            .value
            .weight
            .as_ref()
            .map(|w| w.value)
            .unwrap_or(Dec(Decimal::ONE));
        if weight.0 <= Decimal::ZERO {
            c.error(
                cr.loc,
                format!("weight must be above 0, found {weight}"),
                None,
            );
            weight = Dec(Decimal::ONE);
        }
        warn_absurd_weight(c, cr.loc, weight.0);
        out.push(Criterion {
            id: cr.value.id.clone(),
            group: cr.value.group,
            name_sv: cr.value.name.clone(),
            name_en: cr
                .value
                .name_en
                .clone()
                .unwrap_or_else(|| cr.value.name.clone()),
            low: cr.value.low.clone().unwrap_or_else(|| "1".into()),
            high: cr.value.high.clone().unwrap_or_else(|| "4".into()),
            weight: weight.0,
            wording: Default::default(),
        });
    }
    for group in [Group::Benefit, Group::Feasibility] {
        if !out.iter().any(|cr| cr.group == group) {
            let loc = criteria.first().map(|cr| cr.loc).unwrap_or_default();
            c.error(
                loc,
                format!(
                    "the model needs at least one {} criterion",
                    if group == Group::Benefit {
                        "benefit"
                    } else {
                        "feasibility"
                    }
                ),
                None,
            );
        }
    }
    if out.is_empty() {
        Model::nacka().criteria
    } else {
        out
    }
}

/// Weights are relative; one above this makes every other criterion vanish from the score.
const ABSURD_WEIGHT: Decimal = Decimal::ONE_HUNDRED;

fn warn_absurd_weight(c: &mut Checker, loc: Loc, weight: Decimal) {
    if weight > ABSURD_WEIGHT {
        c.warning(
            loc,
            format!("weight {weight} is absurdly large; weights are relative, such as 1 to 10"),
            None,
        );
    }
}

/// The discount rate when it is a fraction between -1 and 1 (an error otherwise), warned when it
/// is at or below -0.5, where later years outweigh the present many times over.
fn discount_rate(c: &mut Checker, rate: &Located<Dec>) -> Option<Dec> {
    if rate.value.0 <= -Decimal::ONE || rate.value.0 >= Decimal::ONE {
        let message = format!(
            "discount rate is a fraction such as 0.03, found {}",
            rate.value
        );
        c.error(rate.loc, message, None);
        return None;
    }
    if rate.value.0 <= Decimal::new(-5, 1) {
        let message = format!(
            "discount rate {} is outside a sane range (above -0.5 and below 1)",
            rate.value
        );
        c.warning(rate.loc, message, None);
    }
    Some(rate.value)
}
