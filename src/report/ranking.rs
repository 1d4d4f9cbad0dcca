//! The ranking, built once for every surface: its columns and their typed cells, the sort, the
//! rows in view with the separators between them (the budget line, the group headings) and the
//! separators' words. `bered rank` (text, Markdown) and the TUI ranking only lay it out.
//!
//! A new column is one `Column` variant, its title, its cell in `Column::cell` and its sort key.

use std::cmp::Ordering;

use rust_decimal::Decimal;

use super::cell::{Cell, Form};
use crate::eval::{Analysis, Analyzed, planning_year};
use crate::i18n::ui::{self, Text};
use crate::i18n::{Lang, format_money};
use crate::model::{Initiative, Portfolio};

use crate::eval::{RankGroup, Section};
use crate::report::RankFilter;
use crate::report::dataset::Dataset;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Column {
    Rank,
    Title,
    Unit,
    Owner,
    Stage,
    Benefit,
    Feasibility,
    Priority,
    Gate,
    Npv,
    Payback,
    Flags,
    /// Not in the TUI's table: the CLI's id column, the annex's quadrant and budget columns.
    Id,
    Quadrant,
    Budget,
    /// The TUI's change marker (`↑3`, `↓2`, `+`, `•`) when changes since a revision are shown;
    /// its cell comes from the change set, not from the initiative.
    Changed,
    /// The latest decision, shown beside the stage.
    Decision,
    /// The planning year's costs, what the budget line counts.
    Cost,
}

impl Column {
    /// Columns in table order; `s` cycles through them.
    pub const ALL: [Column; 15] = [
        Column::Rank,
        Column::Title,
        Column::Unit,
        Column::Owner,
        Column::Stage,
        Column::Decision,
        Column::Benefit,
        Column::Feasibility,
        Column::Priority,
        Column::Gate,
        Column::Npv,
        Column::Payback,
        Column::Cost,
        Column::Budget,
        Column::Flags,
    ];

    pub fn title(self) -> Text {
        match self {
            Column::Rank => ui::COL_RANK,
            Column::Title => ui::COL_TITLE,
            Column::Unit => ui::COL_UNIT,
            Column::Owner => ui::COL_OWNER,
            Column::Stage => ui::COL_STAGE,
            Column::Benefit => ui::COL_BENEFIT,
            Column::Feasibility => ui::COL_FEASIBILITY,
            Column::Priority => ui::COL_PRIORITY,
            Column::Gate => ui::COL_GATE,
            Column::Npv => ui::COL_NPV,
            Column::Payback => ui::COL_PAYBACK,
            Column::Flags => ui::COL_FLAGS,
            Column::Id => ui::COL_ID,
            Column::Quadrant => ui::COL_QUADRANT,
            Column::Budget => ui::COL_BUDGET,
            Column::Changed => ui::changes::COL_CHANGED,
            Column::Decision => ui::COL_DECISION,
            Column::Cost => ui::COL_PLANNING_YEAR_COST,
        }
    }

    /// This column's cell for one initiative; `form` is how much room a gate or quadrant gets.
    pub fn cell(self, initiative: &Initiative, item: &Analyzed, form: Form) -> Cell {
        let e = &item.eval;
        match self {
            Column::Rank => Cell::Count(item.rank),
            Column::Id => Cell::Muted(initiative.id.clone()),
            Column::Title => Cell::text(initiative.title()),
            Column::Unit => muted(initiative.file.unit.as_deref()),
            Column::Owner => muted(initiative.file.owner.as_deref()),
            Column::Stage => Cell::Stage(initiative.stage()),
            Column::Benefit => Cell::Score(e.benefit_score),
            Column::Feasibility => Cell::Score(e.feasibility_score),
            Column::Priority => Cell::Score(e.priority),
            Column::Gate => Cell::Gate(e.gate, form),
            Column::Quadrant => Cell::Quadrant(e.quadrant, form),
            Column::Npv => Cell::Kronor(npv(item)),
            Column::Payback => Cell::Year(item.case.as_ref().map(|c| c.totals.payback_year)),
            Column::Budget => Cell::Budget(item.within_budget),
            Column::Decision => Cell::Decision(item.decision.map(|(_, o)| o)),
            Column::Cost => Cell::Kronor(item.case.as_ref().map(|_| item.planning_year_cost)),
            Column::Flags => Cell::Flags(item.flags.len()),
            Column::Changed => Cell::Empty,
        }
    }

    /// Scores and money read best high-first; text reads A–Z.
    fn descending_by_default(self) -> bool {
        matches!(
            self,
            Column::Benefit
                | Column::Feasibility
                | Column::Priority
                | Column::Npv
                | Column::Cost
                | Column::Flags
        )
    }
}

/// `None` column: rank order (the engine's order), with the budget line. `all`: the whole
/// portfolio ranked as one list instead of the pipeline first and its titled groups.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Sort {
    pub column: Option<Column>,
    pub descending: bool,
    pub all: bool,
    /// While searching: the best matches first (the search's own order) instead of rank order.
    pub by_match: bool,
}

impl Sort {
    pub fn step(self, forward: bool) -> Sort {
        let all = &Column::ALL;
        let pos = self.column.and_then(|c| all.iter().position(|x| *x == c));
        // Rank order sits between the last column and the first.
        let next = match (pos, forward) {
            (None, true) => Some(1),
            (None, false) => Some(all.len() - 1),
            (Some(p), true) if p + 1 < all.len() => Some(p + 1),
            (Some(p), false) if p > 1 => Some(p - 1),
            _ => None,
        };
        match next {
            Some(p) => Sort {
                column: Some(all[p]),
                descending: all[p].descending_by_default(),
                all: self.all,
                by_match: false,
            },
            None => Sort {
                all: self.all,
                ..Sort::default()
            },
        }
    }
}

/// A line drawn between rows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Separator {
    BudgetLine,
    /// A group of the one-list ranking (`Sort::all`).
    Group(RankGroup, usize),
    /// A titled group below the pipeline, with how many rows it has.
    Section(Section, usize),
}

/// The rows in view and where separators go: `(before row k, separator)`, ascending.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct View {
    pub rows: Vec<usize>,
    pub separators: Vec<(usize, Separator)>,
}

impl View {
    /// `search`: the matching initiatives, best first when `sort.by_match`.
    pub fn build(
        data: &Dataset,
        filters: &RankFilter,
        search: Option<&[usize]>,
        sort: Sort,
    ) -> View {
        let mut keep = vec![search.is_none(); data.len()];
        if let Some(matches) = search {
            for &i in matches {
                keep[i] = true;
            }
        }
        let order = if sort.all {
            &data.analysis.order
        } else {
            &data.analysis.sectioned
        };
        let mut rows: Vec<usize> = order
            .iter()
            .copied()
            .filter(|&i| keep[i] && filters.accepts(data.initiative(i), data.item(i)))
            .collect();
        if let Some(column) = sort.column {
            // Groups stay apart; the sort applies within each.
            rows.sort_by(|&a, &b| {
                group_key(data, a, sort.all)
                    .cmp(&group_key(data, b, sort.all))
                    .then_with(|| {
                        let o = compare(data, column, a, b);
                        if sort.descending { o.reverse() } else { o }
                    })
                    .then_with(|| data.item(a).rank.cmp(&data.item(b).rank))
            });
        }
        let by_match = sort.by_match && sort.column.is_none();
        if let Some(matches) = search.filter(|_| by_match) {
            // The search hands its matches best first: keep that order.
            let mut place = vec![usize::MAX; data.len()];
            for (n, &i) in matches.iter().enumerate() {
                place[i] = n;
            }
            rows.sort_by_key(|&i| place[i]);
        }
        let rank_order = sort.column.is_none() && !(by_match && search.is_some());
        let separators = separators_of(&data.analysis, &rows, rank_order, sort.all);
        View { rows, separators }
    }

    /// The display line of row `k`: its index plus the separators above it.
    pub fn line_of(&self, k: usize) -> usize {
        k + self
            .separators
            .iter()
            .filter(|(before, _)| *before <= k)
            .count()
    }

    pub fn line_count(&self) -> usize {
        self.rows.len() + self.separators.len()
    }

    /// What display line `line` shows.
    pub fn at_line(&self, line: usize) -> Option<LineItem> {
        let mut above = 0;
        for (j, (before, separator)) in self.separators.iter().enumerate() {
            // Separators are ordered; the j-th sits below the j separators before it.
            let pos = before + j;
            if pos == line {
                return Some(LineItem::Separator(*separator));
            }
            if pos < line {
                above += 1;
            }
        }
        let k = line.checked_sub(above)?;
        (k < self.rows.len()).then_some(LineItem::Row(k))
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LineItem {
    Row(usize),
    Separator(Separator),
}

/// The block a row belongs to: its section by default, its rank group in the one list.
fn group_key(data: &Dataset, i: usize, all: bool) -> u8 {
    let item = data.item(i);
    if all {
        item.group as u8
    } else {
        item.section as u8
    }
}

/// Where the blocks start and where the budget line falls. The line is drawn before the first
/// row beyond it: the rows' within/beyond come from the whole portfolio, so a search or filter
/// hides rows but never moves the line.
fn separators_of(
    analysis: &Analysis,
    rows: &[usize],
    rank_order: bool,
    all: bool,
) -> Vec<(usize, Separator)> {
    let mut out = Vec::new();
    let mut budget_drawn = !rank_order;
    let block = |i: usize| {
        let item = &analysis.items[i];
        if all {
            (item.group as u8, Separator::Group(item.group, 0))
        } else {
            (item.section as u8, Separator::Section(item.section, 0))
        }
    };
    for (k, &i) in rows.iter().enumerate() {
        let item = &analysis.items[i];
        if !budget_drawn && item.within_budget == Some(false) {
            out.push((k, Separator::BudgetLine));
            budget_drawn = true;
        }
        let (key, separator) = block(i);
        let starts = k == 0 || block(rows[k - 1]).0 != key;
        // The first block (ranked; the pipeline) needs no title.
        if starts && key != 0 {
            let count = rows[k..].iter().take_while(|&&j| block(j).0 == key).count();
            out.push((
                k,
                match separator {
                    Separator::Group(g, _) => Separator::Group(g, count),
                    Separator::Section(s, _) => Separator::Section(s, count),
                    Separator::BudgetLine => Separator::BudgetLine,
                },
            ));
            // Below the first block the budget line has no meaning.
            budget_drawn = true;
        }
    }
    out
}

fn compare(data: &Dataset, column: Column, a: usize, b: usize) -> Ordering {
    let (ia, ib) = (data.initiative(a), data.initiative(b));
    let (xa, xb) = (data.item(a), data.item(b));
    let payback = |x: &Analyzed| {
        x.case
            .as_ref()
            .map(|c| c.totals.payback_year.unwrap_or(i32::MAX))
    };
    match column {
        Column::Rank | Column::Changed => xa.rank.cmp(&xb.rank),
        Column::Title => compare_text(ia.title(), ib.title()),
        Column::Unit => compare_text(
            ia.file.unit.as_deref().unwrap_or(""),
            ib.file.unit.as_deref().unwrap_or(""),
        ),
        Column::Owner => compare_text(
            ia.file.owner.as_deref().unwrap_or(""),
            ib.file.owner.as_deref().unwrap_or(""),
        ),
        Column::Stage => ia.stage().cmp(&ib.stage()),
        Column::Benefit => xa.eval.benefit_score.cmp(&xb.eval.benefit_score),
        Column::Feasibility => xa.eval.feasibility_score.cmp(&xb.eval.feasibility_score),
        Column::Priority => xa.eval.priority.cmp(&xb.eval.priority),
        Column::Gate => gate_order(xa.eval.gate.id()).cmp(&gate_order(xb.eval.gate.id())),
        Column::Npv => npv(xa).cmp(&npv(xb)),
        Column::Payback => payback(xa).cmp(&payback(xb)),
        Column::Flags => xa.flags.len().cmp(&xb.flags.len()),
        Column::Id => ia.id.cmp(&ib.id),
        Column::Quadrant => xa.eval.quadrant.cmp(&xb.eval.quadrant),
        Column::Budget => xa.within_budget.cmp(&xb.within_budget),
        Column::Decision => decision_key(xa).cmp(&decision_key(xb)),
        Column::Cost => cost(xa).cmp(&cost(xb)),
    }
}

fn decision_key(item: &Analyzed) -> Option<&'static str> {
    item.decision.map(|(_, o)| o.id())
}

fn cost(item: &Analyzed) -> Option<Decimal> {
    item.case.as_ref().map(|_| item.planning_year_cost)
}

fn gate_order(id: &str) -> u8 {
    match id {
        "pass" => 0,
        "warn" => 1,
        "not_assessed" => 2,
        _ => 3,
    }
}

/// Case-insensitive, so `Översikt` sorts among the other Ö words and `e-tjänst` by its letters.
fn compare_text(a: &str, b: &str) -> Ordering {
    a.to_lowercase().cmp(&b.to_lowercase())
}

fn muted(text: Option<&str>) -> Cell {
    text.map_or(Cell::Empty, |t| Cell::Muted(t.to_string()))
}

/// The net present value, when the initiative has a business case.
pub fn npv(item: &Analyzed) -> Option<Decimal> {
    item.case.as_ref().map(|c| c.totals.npv)
}

/// The rows in rank order with their separators, for a report that shows them all. An order
/// that keeps the sections together (the default ranking, filtered) gets the sections' titles;
/// the one-list ranking (`rank --all`) gets the rank groups'.
pub fn lines(analysis: &Analysis, order: &[usize]) -> Vec<LineItem> {
    let sectioned = order
        .windows(2)
        .all(|w| analysis.items[w[0]].section <= analysis.items[w[1]].section);
    let separators = separators_of(analysis, order, true, !sectioned);
    let mut out = Vec::with_capacity(order.len() + separators.len());
    let mut next = separators.iter().peekable();
    for k in 0..order.len() {
        while let Some((_, s)) = next.next_if(|(before, _)| *before == k) {
            out.push(LineItem::Separator(*s));
        }
        out.push(LineItem::Row(k));
    }
    out
}

/// A separator's words, the same on every surface.
pub fn separator_text(
    separator: Separator,
    portfolio: &Portfolio,
    analysis: &Analysis,
    lang: Lang,
) -> String {
    match separator {
        Separator::BudgetLine => {
            let year = planning_year(&portfolio.settings, analysis.as_of);
            let budget = portfolio.settings.budget.map_or(Decimal::ZERO, |b| b.0);
            let committed = analysis
                .budget
                .as_ref()
                .map_or(Decimal::ZERO, |b| b.committed);
            format!(
                "✂ {} ({} {year}: {} · {} {})",
                ui::BUDGET_RUNS_OUT.get(lang),
                ui::BUDGET.get(lang).to_lowercase(),
                format_money(budget, lang),
                ui::BUDGET_COMMITTED.get(lang).to_lowercase(),
                format_money(committed, lang)
            )
        }
        Separator::Section(section, count) => {
            let label = match section {
                Section::Pipeline => ui::SECTION_PIPELINE,
                Section::Committed => ui::SECTION_COMMITTED,
                Section::Running => ui::SECTION_RUNNING,
                Section::Declined => ui::SECTION_DECLINED,
                Section::Incomplete => ui::SECTION_INCOMPLETE,
                Section::Blocked => ui::SECTION_BLOCKED,
            };
            format!("{} ({count})", label.get(lang))
        }
        Separator::Group(group, count) => {
            let label = match group {
                RankGroup::Blocked => ui::GROUP_BLOCKED,
                RankGroup::Incomplete => ui::GROUP_INCOMPLETE,
                RankGroup::Ranked => ui::GROUP_RANKED,
            };
            format!("{} ({count})", label.get(lang))
        }
    }
}
