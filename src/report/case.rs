//! The business case as one document, laid out as Nacka's template (years across): costs, financial
//! and reallocation benefits on their own rows, net with and without reallocation, accumulated,
//! the ratio (and the template's ×10 scale when asked), then the totals — NPV, the low/high band,
//! the payback year or "not within the horizon" — and the case's lines. `bered show` prints it
//! with every year, a few years a table; the TUI's business-case tab draws the years that fit
//! from its scroll offset (and adds its chart).

use std::ops::Range;

use rust_decimal::Decimal;

use super::cell::Cell;
use super::doc::Doc;
use super::show_case::{case_totals, line_names};
use crate::eval::Analysis;
use crate::finance::{CaseResult, YearRow};
use crate::i18n::{Lang, ui};
use crate::model::Portfolio;

/// How many years one table of `bered show` holds, so a line stays readable at 100 columns.
pub const YEARS_PER_TABLE: usize = 5;

/// Which years the tables show and whether the template's ×10 rows are added.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CaseView {
    /// One table for each range of year indexes.
    pub tables: Vec<Range<usize>>,
    /// Nacka's spreadsheet scale: the ratio × 10, and its total with the quality shift.
    pub template: bool,
}

impl CaseView {
    /// Every year of a horizon of `years`, in tables of at most `YEARS_PER_TABLE`, evenly split.
    pub fn whole(years: usize, template: bool) -> CaseView {
        let count = years.div_ceil(YEARS_PER_TABLE).max(1);
        let size = years.div_ceil(count).max(1);
        let tables = (0..years)
            .step_by(size)
            .map(|start| start..(start + size).min(years))
            .collect();
        CaseView { tables, template }
    }

    /// `count` years from `first` (kept inside the horizon), in one table.
    pub fn window(years: usize, first: usize, count: usize, template: bool) -> CaseView {
        let count = count.clamp(1, years.max(1));
        let first = first.min(years.saturating_sub(count));
        CaseView {
            tables: std::iter::once(first..(first + count).min(years)).collect(),
            template,
        }
    }
}

/// The business case of initiative `index`: the yearly tables, the totals and the lines; a
/// paragraph saying so when it has none.
pub fn case_doc(
    portfolio: &Portfolio,
    analysis: &Analysis,
    index: usize,
    view: &CaseView,
    lang: Lang,
) -> Doc {
    let (initiative, item) = (&portfolio.initiatives[index], &analysis.items[index]);
    let mut doc = Doc::default();
    let Some(file) = &initiative.file.business_case else {
        doc.paragraph(ui::NO_CASE.get(lang));
        return doc;
    };
    // The yearly table is made here, for the one initiative shown (the analysis keeps totals).
    let case = &crate::finance::compute(file, &portfolio.settings);
    for range in &view.tables {
        let years = case.years.get(range.clone()).unwrap_or_default();
        year_table(&mut doc, case, years, view.template, lang);
    }
    let delay = super::detail::cost_of_delay(initiative, item);
    doc.cells(case_totals(portfolio, case, delay, lang));
    doc.list(line_names(file, lang));
    doc
}

type Figure = fn(&YearRow) -> Cell;

fn kr(v: Decimal) -> Cell {
    Cell::Kronor(Some(v))
}

/// The template's rows, in its order: label and the figure of a year.
const ROWS: [(ui::Text, Figure); 13] = [
    (ui::ROW_INVESTMENT, |r| kr(r.investment)),
    (ui::ROW_OPERATIONS, |r| kr(r.operations)),
    (ui::ROW_COSTS, |r| kr(r.costs)),
    (ui::ROW_COSTS_ACC, |r| kr(r.costs_accumulated)),
    (ui::ROW_FINANCIAL, |r| kr(r.financial)),
    (ui::ROW_REALLOCATION, |r| kr(r.reallocation)),
    (ui::ROW_BENEFITS, |r| kr(r.benefits)),
    (ui::ROW_BENEFITS_ACC, |r| kr(r.benefits_accumulated)),
    (ui::ROW_NET, |r| kr(r.net)),
    // What is left of the net when the freed time, which never reaches the budget, is left out.
    (ui::ROW_NET_NO_REALLOCATION, |r| kr(r.net - r.reallocation)),
    (ui::ROW_NET_ACC, |r| kr(r.net_accumulated)),
    (ui::ROW_RATIO, |r| Cell::Score(r.ratio())),
    (ui::ROW_QUALITY, |r| Cell::Score(Some(r.quality_shift))),
];

/// Nacka's spreadsheet shows benefits/costs × 10, and a total that adds the quality shift.
const TEMPLATE_ROWS: [(ui::Text, Figure); 2] = [
    (ui::ROW_RATIO_TEMPLATE, |r| {
        Cell::Fixed(r.ratio().map(|q| q * Decimal::TEN), 1)
    }),
    (ui::ROW_RATIO_TOTAL_TEMPLATE, |r| {
        Cell::Fixed(r.ratio().map(|q| q * Decimal::TEN + r.quality_shift), 1)
    }),
];

const OTHER_ROW: (ui::Text, Figure) = (ui::ROW_OTHER, |r| kr(r.other));

/// One table of `years` across: "År (kr)" and the years, then a row per figure of the template.
fn year_table(doc: &mut Doc, case: &CaseResult, years: &[YearRow], template: bool, lang: Lang) {
    let mut header = vec![format!("{} (kr)", ui::YEAR.get(lang))];
    header.extend(years.iter().map(|r| r.year.to_string()));
    let has_other = case.years.iter().any(|r| !r.other.is_zero());
    let rows = ROWS
        .iter()
        .chain(template.then_some(&TEMPLATE_ROWS).into_iter().flatten())
        .chain(has_other.then_some(&OTHER_ROW))
        .map(|(label, figure)| {
            let mut row = vec![Cell::Word(label.get(lang))];
            row.extend(years.iter().map(figure));
            row
        })
        .collect();
    doc.typed_table(header, rows);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn one(years: Range<usize>) -> Vec<Range<usize>> {
        std::iter::once(years).collect()
    }

    #[test]
    fn the_whole_horizon_is_split_evenly_in_tables_of_at_most_five_years() {
        assert_eq!(CaseView::whole(8, false).tables, vec![0..4, 4..8]);
        assert_eq!(CaseView::whole(5, false).tables, one(0..5));
        assert_eq!(CaseView::whole(11, false).tables, vec![0..4, 4..8, 8..11]);
        assert_eq!(CaseView::whole(0, false).tables, Vec::<Range<usize>>::new());
    }

    #[test]
    fn a_window_stays_inside_the_horizon() {
        assert_eq!(CaseView::window(8, 6, 4, true).tables, one(4..8));
        assert_eq!(CaseView::window(8, 0, 20, true).tables, one(0..8));
        assert_eq!(CaseView::window(3, 9, 0, true).tables, one(2..3));
    }
}
