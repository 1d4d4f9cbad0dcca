//! The budget line (DOMAIN.md): the already committed initiatives' planning-year costs come off
//! the frame first; what remains is filled by the pipeline in rank order, and the line falls
//! before the first pipeline initiative that no longer fits. It is drawn on the whole portfolio,
//! so a search or filter shows it where it is and never moves it.
//!
//! All sums saturate: amounts near `Decimal::MAX` that loading accepts must never panic.

use rust_decimal::Decimal;

use super::pipeline::Section;
use super::rank::Analyzed;

/// The frame and how it is used, for the Portfolio screen, `summary` and the annex.
#[derive(Clone, Debug, PartialEq)]
pub struct BudgetLine {
    pub planning_year: i32,
    /// The year's frame (budgetram).
    pub frame: Decimal,
    /// Planning-year costs of the already committed initiatives (redan beslutat).
    pub committed: Decimal,
    /// frame − committed (negative when the committed alone exceed the frame).
    pub remaining: Decimal,
    /// Planning-year costs of the pipeline initiatives within the line.
    pub within: Decimal,
    /// Pipeline initiatives within the line, and beyond it.
    pub fits: usize,
    pub beyond: usize,
}

/// Where an initiative stands against the line.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum BudgetPosition {
    Within,
    Beyond,
    /// Not counted against the line: no frame set, not in the pipeline, or no business case.
    NotCounted,
}

impl BudgetPosition {
    pub fn of(item: &Analyzed) -> BudgetPosition {
        match item.within_budget {
            Some(true) => BudgetPosition::Within,
            Some(false) => BudgetPosition::Beyond,
            None => BudgetPosition::NotCounted,
        }
    }
}

/// Marks each pipeline initiative with a business case within or beyond the frame, and returns
/// the line's figures. `order` is the ranking (any order in which the pipeline is ranked).
pub fn draw(
    items: &mut [Analyzed],
    order: &[usize],
    frame: Decimal,
    planning_year: i32,
) -> BudgetLine {
    let committed = items
        .iter()
        .filter(|a| a.section == Section::Committed)
        .fold(Decimal::ZERO, |sum, a| {
            sum.saturating_add(a.planning_year_cost)
        });
    let remaining = frame.saturating_sub(committed);
    let mut line = BudgetLine {
        planning_year,
        frame,
        committed,
        remaining,
        within: Decimal::ZERO,
        fits: 0,
        beyond: 0,
    };
    let mut open = true;
    for &i in order {
        let item = &mut items[i];
        item.within_budget = None;
        if item.section != Section::Pipeline || item.case.is_none() {
            continue;
        }
        let spent = line.within.saturating_add(item.planning_year_cost);
        // Once one does not fit the line has fallen: what follows is beyond even if smaller.
        open = open && spent <= remaining;
        item.within_budget = Some(open);
        if open {
            line.within = spent;
            line.fits += 1;
        } else {
            line.beyond += 1;
        }
    }
    line
}
