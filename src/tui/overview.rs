//! The portfolio screen's figures, aggregated once per load from the analysis: counts, totals,
//! the cost of delay, the DiMiOS mirror and the "should not prioritise" list.

use rust_decimal::Decimal;

use crate::model::{LineKind, Portfolio, Stage};

use super::engine::eval::{Analysis, RankGroup};
use super::engine::realisation::{BenefitStatus, FlagKind};

/// A share of the portfolio: how many of how many.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Share {
    pub count: usize,
    pub of: usize,
}

impl Share {
    pub fn percent(self) -> Option<u32> {
        (self.of > 0).then(|| (self.count * 100 / self.of) as u32)
    }
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Dimios {
    pub measurable: Share,
    pub owner: Share,
    pub plan: Share,
    pub follow_up: Share,
    pub case: Share,
    /// The level the data mirrors, 1–4.
    pub level: u8,
}

#[derive(Clone, Debug, Default)]
pub struct Overview {
    pub total: usize,
    pub ranked: usize,
    pub incomplete: usize,
    pub blocked: usize,
    pub per_stage: Vec<(&'static str, usize)>,
    /// Quadrant id (or "none" for incompletely scored) and count.
    pub per_quadrant: Vec<(&'static str, usize)>,
    pub per_gate: Vec<(&'static str, usize)>,
    pub budget: Option<Decimal>,
    pub ranked_cost: Decimal,
    pub npv_sum: Decimal,
    pub cost_of_delay: Decimal,
    pub dimios: Dimios,
    /// Initiatives the data says not to prioritise, with the flag ids that say so.
    pub should_not: Vec<(usize, Vec<&'static str>)>,
}

const QUADRANTS: [&str; 5] = [
    "do_now",
    "strengthen_feasibility",
    "quick_win",
    "abstain",
    "none",
];
const GATES: [&str; 4] = ["pass", "warn", "blocked", "not_assessed"];
const SHOULD_NOT_FLAGS: [FlagKind; 4] = [
    FlagKind::NoMeasurableGoal,
    FlagKind::NoBenefitOwner,
    FlagKind::NoStrategicGoal,
    FlagKind::GateBlocked,
];

impl Overview {
    pub fn build(portfolio: &Portfolio, analysis: &Analysis) -> Overview {
        let mut o = Overview {
            total: analysis.items.len(),
            budget: portfolio.settings.budget.map(|b| b.0),
            per_stage: Stage::ALL.iter().map(|s| (s.id(), 0)).collect(),
            per_quadrant: QUADRANTS.iter().map(|q| (*q, 0)).collect(),
            per_gate: GATES.iter().map(|g| (*g, 0)).collect(),
            ..Overview::default()
        };
        for (i, item) in analysis.items.iter().enumerate() {
            let initiative = &portfolio.initiatives[i];
            let stage = initiative.stage();
            match item.group {
                RankGroup::Ranked => o.ranked += 1,
                RankGroup::Incomplete => o.incomplete += 1,
                RankGroup::Blocked => o.blocked += 1,
            }
            bump(&mut o.per_stage, stage.map_or("", Stage::id));
            bump(
                &mut o.per_quadrant,
                item.eval.quadrant.map_or("none", |q| q.id()),
            );
            bump(&mut o.per_gate, item.eval.gate.id());
            let not_started = stage.is_none_or(Stage::is_open);
            if let Some(case) = &item.case {
                o.npv_sum += case.totals.npv;
                let years = Decimal::from(case.years.len().max(1) as u64);
                let yearly_net = case.totals.net / years;
                if item.group == RankGroup::Ranked && not_started && yearly_net > Decimal::ZERO {
                    o.cost_of_delay += yearly_net;
                }
            }
            if item.group == RankGroup::Ranked {
                o.ranked_cost += item.planning_year_cost;
            }
            let reasons: Vec<&'static str> = item
                .flags
                .iter()
                .filter(|f| SHOULD_NOT_FLAGS.contains(&f.kind))
                .map(|f| f.kind.id())
                .collect();
            if not_started && !reasons.is_empty() {
                o.should_not.push((i, dedup(reasons)));
            }
        }
        o.should_not.sort_by_key(|(i, _)| analysis.items[*i].rank);
        o.dimios = dimios(portfolio, analysis);
        o
    }
}

fn bump(counts: &mut [(&'static str, usize)], id: &str) {
    if let Some(entry) = counts.iter_mut().find(|(k, _)| *k == id) {
        entry.1 += 1;
    }
}

fn dedup(mut v: Vec<&'static str>) -> Vec<&'static str> {
    let mut seen = Vec::new();
    v.retain(|x| {
        let new = !seen.contains(x);
        seen.push(*x);
        new
    });
    v
}

fn dimios(portfolio: &Portfolio, analysis: &Analysis) -> Dimios {
    let all = portfolio.initiatives.len();
    let mut d = Dimios {
        measurable: Share { count: 0, of: all },
        owner: Share { count: 0, of: all },
        plan: Share { count: 0, of: all },
        follow_up: Share::default(),
        case: Share { count: 0, of: all },
        level: 1,
    };
    for (i, initiative) in portfolio.initiatives.iter().enumerate() {
        let benefits = &initiative.file.benefits;
        let has = !benefits.is_empty();
        let every =
            |f: &dyn Fn(&crate::model::BenefitFile) -> bool| has && benefits.iter().all(|b| f(b));
        d.measurable.count += usize::from(
            benefits
                .iter()
                .any(|b| b.indicator.is_some() && b.baseline.is_some() && b.target.is_some()),
        );
        d.owner.count += usize::from(every(&|b| b.owner.is_some()));
        d.plan.count += usize::from(every(&|b| {
            let freed = b.kind.as_ref().map(|k| k.value) != Some(LineKind::Reallocation)
                || b.freed_time_use.is_some();
            b.start.is_some() && b.due.is_some() && freed
        }));
        d.case.count += usize::from(initiative.file.business_case.is_some());
        if initiative.stage().is_some_and(Stage::is_started) {
            d.follow_up.of += 1;
            let progress = &analysis.items[i].benefits;
            let current = !progress.is_empty()
                && progress.iter().any(|p| p.latest.is_some())
                && progress
                    .iter()
                    .all(|p| p.status != BenefitStatus::NotFollowedUp);
            d.follow_up.count += usize::from(current);
        }
    }
    let at_least = |s: Share, pct: u32| s.percent().unwrap_or(100) >= pct;
    d.level = if [d.measurable, d.owner, d.plan, d.follow_up, d.case]
        .iter()
        .all(|s| at_least(*s, 95))
    {
        4
    } else if [d.measurable, d.owner, d.follow_up]
        .iter()
        .all(|s| at_least(*s, 80))
    {
        3
    } else if d.measurable.count > 0 || d.owner.count > 0 {
        2
    } else {
        1
    };
    d
}
