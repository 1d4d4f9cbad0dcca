//! `bered show ID --format json`: the initiative's fields, its evaluation, its business case and
//! its benefits with status. Ids, not labels; exact figures as strings; scores and ratios to two
//! decimals; present values to öre; null where a figure is undefined.

use serde_json::{Map, Value, json};

use super::fmt::{json_exact, json_exact_opt, json_opt_str, json_rounded};
use super::rank::RankRow;
use crate::eval::{Analysis, CriterionScore, Evaluation, breakdown, unscored};
use crate::finance::CaseResult;
use crate::i18n::Lang;
use crate::model::{BenefitFile, Portfolio};
use crate::realisation::BenefitProgress;

pub fn show_json(portfolio: &Portfolio, analysis: &Analysis, index: usize, _lang: Lang) -> String {
    let value = show_value(portfolio, analysis, index);
    crate::i18n::safe::json(&serde_json::to_string_pretty(&value).unwrap_or_default()) + "\n"
}

pub fn show_value(portfolio: &Portfolio, analysis: &Analysis, index: usize) -> Value {
    let (initiative, item) = (&portfolio.initiatives[index], &analysis.items[index]);
    let file = &initiative.file;
    let mut object = Map::new();
    object.insert("id".into(), json!(initiative.id));
    object.insert("title".into(), json!(initiative.title()));
    object.insert("summary".into(), json_opt_str(file.summary.as_deref()));
    object.insert("unit".into(), json_opt_str(file.unit.as_deref()));
    object.insert("owner".into(), json_opt_str(file.owner.as_deref()));
    object.insert(
        "submitted".into(),
        json!(file.submitted.as_ref().map(|d| d.value.to_string())),
    );
    object.insert(
        "stage".into(),
        json_opt_str(initiative.stage().map(|s| s.id())),
    );
    object.insert("tags".into(), json!(file.tags));
    object.insert(
        "goals".into(),
        json!(file.goals.iter().map(|g| &g.value).collect::<Vec<_>>()),
    );
    object.insert("hypotheses".into(), json!(file.hypotheses));
    object.insert("scores".into(), json!(initiative.scores));
    object.insert("decisions".into(), json!(file.decisions));
    let row = RankRow::new(initiative, item);
    object.insert("rank".into(), json!(row.rank));
    object.insert("group".into(), json!(row.group));
    object.insert("within_budget".into(), json!(row.within_budget));
    object.insert("planning_year_cost".into(), row.planning_year_cost);
    object.insert("flags".into(), json!(row.flags));
    let reasons: Vec<Value> = item
        .flags
        .iter()
        .map(|f| json!({"id": f.kind.id(), "subject": f.subject}))
        .collect();
    object.insert("flag_details".into(), Value::Array(reasons));
    let criteria = breakdown(&portfolio.model, initiative);
    let unscored = unscored(&portfolio.model, initiative);
    object.insert(
        "evaluation".into(),
        evaluation(&item.eval, &criteria, &unscored),
    );
    object.insert(
        "business_case".into(),
        file.business_case.as_ref().map_or(Value::Null, |c| {
            business_case(&crate::finance::compute(c, &portfolio.settings))
        }),
    );
    let benefits: Vec<Value> = file
        .benefits
        .iter()
        .zip(&item.benefits)
        .map(|(b, p)| benefit(b, p))
        .collect();
    object.insert("benefits".into(), Value::Array(benefits));
    Value::Object(object)
}

fn evaluation(e: &Evaluation, criteria: &[CriterionScore], unscored: &[String]) -> Value {
    let criteria: Vec<Value> = criteria
        .iter()
        .map(|c| {
            json!({
                "id": c.id,
                "group": c.group,
                "score": c.score,
                "weight": json_exact(c.weight),
                "contribution": json_rounded(c.contribution),
                "motivation": c.motivation,
            })
        })
        .collect();
    json!({
        "criteria": criteria,
        "benefit_score": json_rounded(e.benefit_score),
        "feasibility_score": json_rounded(e.feasibility_score),
        "priority": json_rounded(e.priority),
        "gate": e.gate.id(),
        "complete": e.complete,
        "missing": unscored,
        "quadrant": json_opt_str(e.quadrant.map(|q| q.id())),
    })
}

fn business_case(case: &CaseResult) -> Value {
    let years: Vec<Value> = case
        .years
        .iter()
        .map(|r| {
            json!({
                "year": r.year,
                "investment": json_exact(r.investment),
                "operations": json_exact(r.operations),
                "costs": json_exact(r.costs),
                "costs_accumulated": json_exact(r.costs_accumulated),
                "financial": json_exact(r.financial),
                "reallocation": json_exact(r.reallocation),
                "other": json_exact(r.other),
                "benefits": json_exact(r.benefits),
                "benefits_accumulated": json_exact(r.benefits_accumulated),
                "net": json_exact(r.net),
                "net_accumulated": json_exact(r.net_accumulated),
                "ratio": json_rounded(r.ratio()),
                "quality_shift": json_exact(r.quality_shift),
            })
        })
        .collect();
    let t = &case.totals;
    json!({
        "years": years,
        "totals": {
            "costs": json_exact(t.costs),
            "benefits": json_exact(t.benefits),
            "net": json_exact(t.net),
            "npv": json_rounded(Some(t.npv)),
            "ratio": json_rounded(t.ratio),
            "payback_year": t.payback_year,
            "npv_low": json_rounded(Some(case.npv_low)),
            "npv_high": json_rounded(Some(case.npv_high)),
        }
    })
}

fn benefit(b: &BenefitFile, p: &BenefitProgress) -> Value {
    let follow_up: Vec<Value> = b
        .follow_up
        .iter()
        .map(|f| json!({"date": f.date.value.to_string(), "value": json_exact(f.value.value.0), "note": f.note}))
        .collect();
    json!({
        "id": b.id.value,
        "title": b.title,
        "kind": json_opt_str(b.kind.as_ref().map(|k| k.value.id())),
        "chain": b.chain,
        "owner": b.owner,
        "indicator": b.indicator,
        "baseline": json_exact_opt(b.baseline.as_ref().map(|v| v.value.0)),
        "target": json_exact_opt(b.target.as_ref().map(|v| v.value.0)),
        "start": b.start.as_ref().map(|d| d.value.to_string()),
        "due": b.due.as_ref().map(|d| d.value.to_string()),
        "freed_time_use": b.freed_time_use,
        "follow_up": follow_up,
        "status": p.status.id(),
        "achieved": json_rounded(p.achieved),
        "planned": json_rounded(p.planned),
        "latest": p.latest.map(|(d, v)| json!({"date": d.to_string(), "value": json_exact(v)})),
    })
}
