//! The portfolio at a glance: counts, the ranked list's totals, the cost of delay, the DiMiOS
//! mirror and the initiatives the group should think twice about prioritising (Sundsvall).

use rust_decimal::Decimal;

use super::flags::FlagKind;
use super::maturity::{Maturity, maturity};
use super::mirror::{PrincipleMirror, mirror};
use crate::eval::{Analysis, BudgetLine, GateStatus, Quadrant, RankGroup, Section, planning_year};
use crate::model::{Date, Portfolio, Stage};

#[derive(Clone, Debug, PartialEq)]
pub struct Summary {
    pub as_of: Date,
    pub initiatives: usize,
    /// Every stage in lifecycle order, then `None` (no stage written) when any lack one.
    pub by_stage: Vec<(Option<Stage>, usize)>,
    /// Every quadrant, then `None` (incomplete scores) when any have none.
    pub by_quadrant: Vec<(Option<Quadrant>, usize)>,
    pub by_gate: Vec<(GateStatus, usize)>,
    pub by_group: Vec<(RankGroup, usize)>,
    pub ranked: RankedTotals,
    pub cost_of_delay: CostOfDelay,
    pub maturity: Maturity,
    /// The DiMiOS mirror for all four principles, each share with who misses it.
    pub mirror: Vec<PrincipleMirror>,
    pub should_not_prioritise: Vec<NotPrioritised>,
}

/// Totals over the pipeline (their business cases over each horizon). Budget money and freed
/// time are kept apart: financial and reallocation benefits separately, and the net both with
/// and without reallocation (seed 000: freed time "shows in the operation, not in the budget").
#[derive(Clone, Debug, PartialEq)]
pub struct RankedTotals {
    pub count: usize,
    /// How many of them have a business case (the others add nothing to the sums).
    pub with_case: usize,
    pub costs: Decimal,
    pub financial: Decimal,
    pub reallocation: Decimal,
    /// financial + reallocation.
    pub benefits: Decimal,
    /// Net with reallocation (benefits + costs).
    pub net: Decimal,
    /// Net without reallocation (financial + costs): what the budget sees.
    pub net_without_reallocation: Decimal,
    pub npv: Decimal,
    pub planning_year: i32,
    /// The planning year's costs of the rankable initiatives: what the budget line counts.
    pub planning_year_cost: Decimal,
    pub budget: Option<Decimal>,
    pub within_budget: usize,
    pub beyond_budget: usize,
    /// The frame, the already committed, what remains and how many fit.
    pub budget_line: Option<BudgetLine>,
}

/// The yearly net benefit forgone while ranked initiatives wait to start.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct CostOfDelay {
    pub yearly: Decimal,
    /// (initiative index, its average yearly net), largest first.
    pub items: Vec<(usize, Decimal)>,
}

/// Why an initiative is on the "should not prioritise" list.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum NotPrioritiseReason {
    /// No measurable effect goal or no benefit owner.
    NoBenefitRealisation,
    NoStrategicLink,
    /// Blocked by the gate, or low on both benefit and feasibility (Avstå).
    PoorSolution,
}

impl NotPrioritiseReason {
    pub fn id(self) -> &'static str {
        match self {
            NotPrioritiseReason::NoBenefitRealisation => "no_benefit_realisation",
            NotPrioritiseReason::NoStrategicLink => "no_strategic_link",
            NotPrioritiseReason::PoorSolution => "poor_solution",
        }
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct NotPrioritised {
    pub index: usize,
    pub reasons: Vec<NotPrioritiseReason>,
}

pub fn summarise(portfolio: &Portfolio, analysis: &Analysis) -> Summary {
    let items = &analysis.items;
    let stages = portfolio.initiatives.iter().map(|i| i.stage());
    let quadrants = items.iter().map(|a| a.eval.quadrant);
    let maturity = maturity(portfolio, analysis);
    Summary {
        as_of: analysis.as_of,
        initiatives: items.len(),
        by_stage: count_by(Stage::ALL.map(Some), stages),
        by_quadrant: count_by(Quadrant::ALL.map(Some), quadrants),
        by_gate: count_by(GateStatus::ALL, items.iter().map(|a| a.eval.gate)),
        by_group: count_by(RankGroup::ALL, items.iter().map(|a| a.group)),
        ranked: ranked_totals(portfolio, analysis),
        cost_of_delay: cost_of_delay(portfolio, analysis),
        mirror: mirror(portfolio, analysis, &maturity),
        maturity,
        should_not_prioritise: should_not_prioritise(portfolio, analysis),
    }
}

/// Counts values per key, keys in the given order; a value not among the keys (such as `None`)
/// gets a row of its own after them, so empty extra rows never appear.
fn count_by<K: PartialEq + Copy>(
    keys: impl IntoIterator<Item = K>,
    values: impl Iterator<Item = K>,
) -> Vec<(K, usize)> {
    let mut rows: Vec<(K, usize)> = keys.into_iter().map(|k| (k, 0)).collect();
    for value in values {
        if let Some(row) = rows.iter_mut().find(|(k, _)| *k == value) {
            row.1 += 1;
        } else {
            rows.push((value, 1));
        }
    }
    rows
}

fn ranked_totals(portfolio: &Portfolio, analysis: &Analysis) -> RankedTotals {
    let mut t = RankedTotals {
        count: 0,
        with_case: 0,
        costs: Decimal::ZERO,
        financial: Decimal::ZERO,
        reallocation: Decimal::ZERO,
        benefits: Decimal::ZERO,
        net: Decimal::ZERO,
        net_without_reallocation: Decimal::ZERO,
        npv: Decimal::ZERO,
        planning_year: planning_year(&portfolio.settings, analysis.as_of),
        planning_year_cost: Decimal::ZERO,
        budget: portfolio.settings.budget.map(|b| b.0),
        within_budget: 0,
        beyond_budget: 0,
        budget_line: analysis.budget.clone(),
    };
    for i in analysis.section(Section::Pipeline) {
        let item = &analysis.items[i];
        t.count += 1;
        if let Some(case) = &item.case {
            let c = &case.totals;
            t.with_case += 1;
            t.costs = t.costs.saturating_add(c.costs);
            t.financial = t.financial.saturating_add(c.financial);
            t.reallocation = t.reallocation.saturating_add(c.reallocation);
            t.benefits = t.benefits.saturating_add(c.benefits);
            t.net = t.net.saturating_add(c.net);
            t.net_without_reallocation = t
                .net_without_reallocation
                .saturating_add(c.net_without_reallocation);
            t.npv = t.npv.saturating_add(c.npv);
        }
        t.planning_year_cost = t.planning_year_cost.saturating_add(item.planning_year_cost);
        match item.within_budget {
            Some(true) => t.within_budget += 1,
            Some(false) => t.beyond_budget += 1,
            None => {}
        }
    }
    t
}

/// For each initiative in group Ranked whose stage is idea, preparation or approved (or none):
/// its business case's average yearly net over the horizon, where positive. Waiting a year
/// forgoes roughly that much; negative cases cost nothing to postpone.
fn cost_of_delay(portfolio: &Portfolio, analysis: &Analysis) -> CostOfDelay {
    let mut delay = CostOfDelay::default();
    for i in analysis.group(RankGroup::Ranked) {
        let waiting = portfolio.initiatives[i].stage().is_none_or(Stage::is_open);
        let yearly = analysis.items[i]
            .case
            .as_ref()
            .and_then(|c| c.average_yearly_net());
        if let Some(yearly) = yearly.filter(|&y| waiting && y > Decimal::ZERO) {
            delay.yearly = delay.yearly.saturating_add(yearly);
            delay.items.push((i, yearly));
        }
    }
    // Largest first; the sort is stable, so equal amounts keep rank order.
    delay
        .items
        .sort_by_key(|&(_, yearly)| std::cmp::Reverse(yearly));
    delay
}

/// Sundsvall's question: among initiatives still to be decided (idea, preparation, approved or
/// no stage), those without benefit realisation, without a strategic link, or with a poor
/// solution (blocked by the gate or in the Avstå quadrant). In rank order.
fn should_not_prioritise(portfolio: &Portfolio, analysis: &Analysis) -> Vec<NotPrioritised> {
    let mut out = Vec::new();
    for &i in &analysis.order {
        if !portfolio.initiatives[i].stage().is_none_or(Stage::is_open) {
            continue;
        }
        let item = &analysis.items[i];
        let has = |kind| item.flags.iter().any(|f| f.kind == kind);
        let mut reasons = Vec::new();
        if has(FlagKind::NoMeasurableGoal) || has(FlagKind::NoBenefitOwner) {
            reasons.push(NotPrioritiseReason::NoBenefitRealisation);
        }
        if has(FlagKind::NoStrategicGoal) {
            reasons.push(NotPrioritiseReason::NoStrategicLink);
        }
        if item.eval.gate == GateStatus::Blocked || item.eval.quadrant == Some(Quadrant::Abstain) {
            reasons.push(NotPrioritiseReason::PoorSolution);
        }
        if !reasons.is_empty() {
            out.push(NotPrioritised { index: i, reasons });
        }
    }
    out
}
