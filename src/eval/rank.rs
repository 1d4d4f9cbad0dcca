//! The whole portfolio analysed: every initiative evaluated, its business case computed, its
//! benefits followed up and flagged, then ranked, with the budget line drawn through the ranking.

use std::cmp::Ordering;

use rust_decimal::Decimal;

use super::budget::{self, BudgetLine};
use super::pipeline::{self, Section};
use super::score::{Evaluation, GateStatus, evaluate};
use crate::finance::{self, CaseFigures};
use crate::model::{Date, Group, Initiative, Outcome, Portfolio, Settings};
use crate::realisation::{self, BenefitProgress, Flag};

/// The three blocks of the ranking, in order.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum RankGroup {
    /// Complete and through the gate (possibly with a warning).
    Ranked,
    /// Some criterion unscored (including the gate's), not blocked.
    Incomplete,
    /// Below the gate's minimum, complete or not.
    Blocked,
}

impl RankGroup {
    pub const ALL: [RankGroup; 3] = [RankGroup::Ranked, RankGroup::Incomplete, RankGroup::Blocked];

    pub fn id(self) -> &'static str {
        match self {
            RankGroup::Ranked => "ranked",
            RankGroup::Incomplete => "incomplete",
            RankGroup::Blocked => "blocked",
        }
    }

    fn of(evaluation: &Evaluation) -> RankGroup {
        if evaluation.gate == GateStatus::Blocked {
            RankGroup::Blocked
        } else if evaluation.complete {
            RankGroup::Ranked
        } else {
            RankGroup::Incomplete
        }
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct Analyzed {
    pub eval: Evaluation,
    /// The business case's totals; its yearly table is `finance::compute` of the initiative's.
    pub case: Option<CaseFigures>,
    /// Index-aligned with the initiative's `benefits`.
    pub benefits: Vec<BenefitProgress>,
    pub flags: Vec<Flag>,
    /// 1-based position in `Analysis::order`.
    pub rank: usize,
    pub group: RankGroup,
    /// Where it is listed in the default ranking (pipeline first).
    pub section: Section,
    /// The latest decision's date and outcome, shown beside the stage.
    pub decision: Option<(Date, Outcome)>,
    /// Returned (återremitterad) and not yet completed.
    pub awaiting_completion: bool,
    /// The planning year's costs as a positive amount (0 without a case or outside its horizon).
    pub planning_year_cost: Decimal,
    /// None: no budget set, not in the pipeline, or no business case to count.
    pub within_budget: Option<bool>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Analysis {
    pub as_of: Date,
    /// Index-aligned with `portfolio.initiatives`.
    pub items: Vec<Analyzed>,
    /// Indices into `items` in rank order, every initiative once: the whole portfolio ranked as
    /// one list.
    pub order: Vec<usize>,
    /// The default ranking: the pipeline in rank order, then the titled groups (`Section`).
    pub sectioned: Vec<usize>,
    /// The budget line; None without a frame.
    pub budget: Option<BudgetLine>,
}

impl Analysis {
    /// Indices of the initiatives of a group, in rank order.
    pub fn group(&self, group: RankGroup) -> impl Iterator<Item = usize> + '_ {
        self.order
            .iter()
            .copied()
            .filter(move |&i| self.items[i].group == group)
    }
}

impl Analysis {
    /// Re-analyses the initiative at `index` after an edit and moves it to its new place, in
    /// O(n) rather than a full re-analysis: the others' figures did not change. The result
    /// equals `analyse` of the edited portfolio.
    pub fn update(&mut self, portfolio: &Portfolio, index: usize) {
        let Some(initiative) = portfolio.initiatives.get(index) else {
            return;
        };
        let year = planning_year(&portfolio.settings, self.as_of);
        self.items[index] = analyse_one(portfolio, initiative, self.as_of, year);
        self.order.retain(|&i| i != index);
        let key = SortKey::new(initiative, &self.items[index]);
        let (initiatives, items) = (&portfolio.initiatives, &self.items);
        let place = self.order.partition_point(|&i| {
            SortKey::new(&initiatives[i], &items[i])
                .cmp(&key)
                .then(i.cmp(&index))
                == Ordering::Less
        });
        self.order.insert(place, index);
        for (position, &i) in self.order.iter().enumerate() {
            self.items[i].rank = position + 1;
        }
        self.sectioned = pipeline::sectioned_order(&self.items, &self.order);
        self.budget = draw_budget(&portfolio.settings, &mut self.items, &self.order, year);
    }
}

/// The year whose costs the budget line counts: the portfolio's planning year, or the as-of
/// date's year when the portfolio names none.
pub fn planning_year(settings: &Settings, as_of: Date) -> i32 {
    settings.planning_year.unwrap_or(as_of.year)
}

/// Rankable: in the pipeline (idea or preparation, complete and through the gate), i.e. still
/// to be decided and counted against the budget line.
pub fn is_rankable(_initiative: &Initiative, item: &Analyzed) -> bool {
    item.section == Section::Pipeline
}

/// Draws the line when the portfolio sets a frame; clears every mark otherwise.
fn draw_budget(
    settings: &Settings,
    items: &mut [Analyzed],
    order: &[usize],
    year: i32,
) -> Option<BudgetLine> {
    match settings.budget {
        Some(frame) => Some(budget::draw(items, order, frame.0, year)),
        None => {
            items.iter_mut().for_each(|a| a.within_budget = None);
            None
        }
    }
}

pub fn analyse(portfolio: &Portfolio, as_of: Date) -> Analysis {
    let year = planning_year(&portfolio.settings, as_of);
    let mut items = analyse_all(portfolio, as_of, year);
    let order = rank_order(&portfolio.initiatives, &items);
    for (position, &index) in order.iter().enumerate() {
        items[index].rank = position + 1;
    }
    let sectioned = pipeline::sectioned_order(&items, &order);
    let budget = draw_budget(&portfolio.settings, &mut items, &order, year);
    Analysis {
        as_of,
        items,
        order,
        sectioned,
        budget,
    }
}

/// Every initiative analysed on its own, on every core (in order: each core takes one run).
fn analyse_all(portfolio: &Portfolio, as_of: Date, year: i32) -> Vec<Analyzed> {
    let all = &portfolio.initiatives;
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    let run = |part: &[Initiative]| -> Vec<Analyzed> {
        part.iter()
            .map(|initiative| analyse_one(portfolio, initiative, as_of, year))
            .collect()
    };
    if cores < 2 || all.len() < 512 {
        return run(all);
    }
    let chunk = all.len().div_ceil(cores);
    std::thread::scope(|s| {
        let handles: Vec<_> = all
            .chunks(chunk)
            .skip(1)
            .map(|part| s.spawn(move || run(part)))
            .collect();
        let mut items = run(&all[..chunk.min(all.len())]);
        for h in handles {
            // A panic in a worker goes on as it would have without the threads.
            match h.join() {
                Ok(part) => items.extend(part),
                Err(panic) => std::panic::resume_unwind(panic),
            }
        }
        items
    })
}

fn analyse_one(portfolio: &Portfolio, initiative: &Initiative, as_of: Date, year: i32) -> Analyzed {
    let eval = evaluate(&portfolio.model, initiative);
    let case = initiative
        .file
        .business_case
        .as_ref()
        .map(|c| finance::figures(c, &portfolio.settings, year));
    let planning_year_cost = case
        .as_ref()
        .and_then(|(_, costs)| *costs)
        .map_or(Decimal::ZERO, |costs| -costs);
    let case = case.map(|(figures, _)| figures);
    let benefits = initiative
        .file
        .benefits
        .iter()
        .map(|b| realisation::benefit_status(b, as_of))
        .collect();
    let flags = realisation::flags(&portfolio.model, initiative, &eval, as_of);
    let group = RankGroup::of(&eval);
    Analyzed {
        group,
        section: Section::of(initiative.stage(), group),
        decision: pipeline::latest_decision(initiative).map(|d| (d.date, d.outcome)),
        awaiting_completion: pipeline::awaiting_completion(initiative),
        eval,
        case,
        benefits,
        flags,
        rank: 0,
        planning_year_cost,
        within_budget: None,
    }
}

/// What the ranking compares, computed once per initiative.
struct SortKey<'a> {
    group: RankGroup,
    /// Σ(w·s) benefit × Σ(w·s) feasibility: the priority times a constant shared by all.
    priority: Option<Decimal>,
    benefit: Option<Decimal>,
    npv: Option<Decimal>,
    submitted: Option<Date>,
    id: &'a str,
}

impl<'a> SortKey<'a> {
    fn new(initiative: &'a Initiative, item: &Analyzed) -> SortKey<'a> {
        let benefit = item.eval.weighted_sum(Group::Benefit);
        let feasibility = item.eval.weighted_sum(Group::Feasibility);
        SortKey {
            group: item.group,
            priority: benefit.zip(feasibility).map(|(b, f)| b.saturating_mul(f)),
            benefit,
            npv: item.case.as_ref().map(|c| c.totals.npv),
            submitted: initiative.file.submitted.as_ref().map(|s| s.value),
            id: &initiative.id,
        }
    }

    /// Group; then priority, benefit and NPV descending; then submitted ascending; then id.
    /// A missing figure sorts after every present one.
    fn cmp(&self, other: &SortKey) -> Ordering {
        self.group
            .cmp(&other.group)
            .then_with(|| desc_missing_last(self.priority, other.priority))
            .then_with(|| desc_missing_last(self.benefit, other.benefit))
            .then_with(|| desc_missing_last(self.npv, other.npv))
            .then_with(|| asc_missing_last(self.submitted, other.submitted))
            .then_with(|| self.id.cmp(other.id))
    }
}

fn desc_missing_last<T: Ord>(a: Option<T>, b: Option<T>) -> Ordering {
    match (a, b) {
        (Some(a), Some(b)) => b.cmp(&a),
        (a, b) => a.is_none().cmp(&b.is_none()),
    }
}

fn asc_missing_last<T: Ord>(a: Option<T>, b: Option<T>) -> Ordering {
    match (a, b) {
        (Some(a), Some(b)) => a.cmp(&b),
        (a, b) => a.is_none().cmp(&b.is_none()),
    }
}

fn rank_order(initiatives: &[Initiative], items: &[Analyzed]) -> Vec<usize> {
    let keys: Vec<SortKey> = initiatives
        .iter()
        .zip(items)
        .map(|(initiative, item)| SortKey::new(initiative, item))
        .collect();
    let mut order: Vec<usize> = (0..items.len()).collect();
    // Ids are unique in a loaded portfolio; the index only keeps the sort total regardless.
    order.sort_by(|&a, &b| keys[a].cmp(&keys[b]).then(a.cmp(&b)));
    order
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn missing_figures_sort_last_both_ways() {
        assert_eq!(desc_missing_last(Some(2), Some(1)), Ordering::Less);
        assert_eq!(desc_missing_last(Some(1), None), Ordering::Less);
        assert_eq!(desc_missing_last(None, Some(1)), Ordering::Greater);
        assert_eq!(desc_missing_last::<i32>(None, None), Ordering::Equal);
        assert_eq!(asc_missing_last(Some(1), Some(2)), Ordering::Less);
        assert_eq!(asc_missing_last(None, Some(1)), Ordering::Greater);
        assert_eq!(asc_missing_last(Some(9), None), Ordering::Less);
    }
}
