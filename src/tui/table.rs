//! The ranking table's logic without drawing: columns, sorting, filters, and the rows in view
//! with the separators drawn between them (the budget line, the group headings).

use std::cmp::Ordering;
use std::collections::{BTreeMap, BTreeSet};

use crate::i18n::ui::{self, Text};

use super::data::{Dataset, Facet};
use super::engine::eval::RankGroup;

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
}

impl Column {
    /// Columns in table order; `s` cycles through them.
    pub const ALL: [Column; 12] = [
        Column::Rank,
        Column::Title,
        Column::Unit,
        Column::Owner,
        Column::Stage,
        Column::Benefit,
        Column::Feasibility,
        Column::Priority,
        Column::Gate,
        Column::Npv,
        Column::Payback,
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
        }
    }

    /// Scores and money read best high-first; text reads A–Z.
    fn descending_by_default(self) -> bool {
        matches!(
            self,
            Column::Benefit | Column::Feasibility | Column::Priority | Column::Npv | Column::Flags
        )
    }
}

/// `None` column: rank order (the engine's order), with the budget line.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Sort {
    pub column: Option<Column>,
    pub descending: bool,
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
            },
            None => Sort::default(),
        }
    }
}

/// Selected values per facet. Within a facet any value matches; across facets all must.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Filters {
    pub selected: BTreeMap<Facet, BTreeSet<String>>,
}

impl Filters {
    pub fn is_empty(&self) -> bool {
        self.selected.values().all(BTreeSet::is_empty)
    }

    pub fn count(&self) -> usize {
        self.selected.values().map(BTreeSet::len).sum()
    }

    pub fn is_selected(&self, facet: Facet, value: &str) -> bool {
        self.selected.get(&facet).is_some_and(|s| s.contains(value))
    }

    pub fn toggle(&mut self, facet: Facet, value: &str) {
        let set = self.selected.entry(facet).or_default();
        if !set.remove(value) {
            set.insert(value.to_string());
        }
    }

    pub fn accepts(&self, data: &Dataset, i: usize) -> bool {
        self.selected.iter().all(|(facet, wanted)| {
            wanted.is_empty()
                || data
                    .facet_values(*facet, i)
                    .iter()
                    .any(|v| wanted.contains(*v))
        })
    }
}

/// A line drawn between rows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Separator {
    BudgetLine,
    Group(RankGroup, usize),
}

/// The rows in view and where separators go: `(before row k, separator)`, ascending.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct View {
    pub rows: Vec<usize>,
    pub separators: Vec<(usize, Separator)>,
}

impl View {
    pub fn build(data: &Dataset, filters: &Filters, search: Option<&[usize]>, sort: Sort) -> View {
        let mut keep = vec![search.is_none(); data.len()];
        if let Some(matches) = search {
            for &i in matches {
                keep[i] = true;
            }
        }
        let mut rows: Vec<usize> = data
            .analysis
            .order
            .iter()
            .copied()
            .filter(|&i| keep[i] && filters.accepts(data, i))
            .collect();
        if let Some(column) = sort.column {
            // Groups stay apart; the sort applies within each.
            rows.sort_by(|&a, &b| {
                group_key(data, a)
                    .cmp(&group_key(data, b))
                    .then_with(|| {
                        let o = compare(data, column, a, b);
                        if sort.descending { o.reverse() } else { o }
                    })
                    .then_with(|| data.item(a).rank.cmp(&data.item(b).rank))
            });
        }
        let separators = separators(data, &rows, sort.column.is_none());
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

fn group_key(data: &Dataset, i: usize) -> u8 {
    match data.item(i).group {
        RankGroup::Ranked => 0,
        RankGroup::Incomplete => 1,
        RankGroup::Blocked => 2,
    }
}

fn separators(data: &Dataset, rows: &[usize], rank_order: bool) -> Vec<(usize, Separator)> {
    let mut out = Vec::new();
    let mut budget_drawn = !rank_order;
    for (k, &i) in rows.iter().enumerate() {
        let item = data.item(i);
        if !budget_drawn && item.within_budget == Some(false) {
            out.push((k, Separator::BudgetLine));
            budget_drawn = true;
        }
        let starts_group = k == 0 || data.item(rows[k - 1]).group != item.group;
        if starts_group && item.group != RankGroup::Ranked {
            let count = rows[k..]
                .iter()
                .take_while(|&&j| data.item(j).group == item.group)
                .count();
            out.push((k, Separator::Group(item.group, count)));
            // Below the ranked group the budget line has no meaning.
            budget_drawn = true;
        }
    }
    out
}

fn compare(data: &Dataset, column: Column, a: usize, b: usize) -> Ordering {
    let (ia, ib) = (data.initiative(a), data.initiative(b));
    let (xa, xb) = (data.item(a), data.item(b));
    let npv = |x: &super::engine::eval::Analyzed| x.case.as_ref().map(|c| c.totals.npv);
    let payback = |x: &super::engine::eval::Analyzed| {
        x.case
            .as_ref()
            .map(|c| c.totals.payback_year.unwrap_or(i32::MAX))
    };
    match column {
        Column::Rank => xa.rank.cmp(&xb.rank),
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
    }
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
