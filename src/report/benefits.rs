//! Every benefit of every initiative, with its status, benefit owner and next due date: built
//! once here for the TUI's benefits list and the summary's lists (overdue follow-ups, benefits
//! at risk), so `bered summary` and the screen say the same.

use super::cell::Cell;
use crate::i18n::{Lang, ui};
use crate::model::{BenefitFile, Date, Portfolio};
use crate::realisation::{BenefitStatus, FOLLOW_UP_INTERVAL_DAYS, benefit_status, is_overdue};

#[derive(Clone, Debug, PartialEq)]
pub struct BenefitRow {
    /// Index of the initiative in the portfolio.
    pub initiative: usize,
    pub id: String,
    pub title: String,
    pub status: BenefitStatus,
    /// The benefit owner (nyttoägare), when one is written.
    pub owner: Option<String>,
    /// The next follow-up due or, when sooner or without one, the benefit's due date; none
    /// once the benefit is realised.
    pub next_due: Option<Date>,
    /// Its follow-up is overdue: time has passed without a measurement.
    pub overdue: bool,
}

/// Every benefit in portfolio order (initiatives, then each one's benefits as written).
pub fn benefit_rows(portfolio: &Portfolio, as_of: Date) -> Vec<BenefitRow> {
    portfolio
        .initiatives
        .iter()
        .enumerate()
        .flat_map(|(i, initiative)| {
            initiative
                .file
                .benefits
                .iter()
                .map(move |b| row(i, &b.value, as_of))
        })
        .collect()
}

fn row(initiative: usize, benefit: &BenefitFile, as_of: Date) -> BenefitRow {
    let status = benefit_status(benefit, as_of).status;
    BenefitRow {
        initiative,
        id: benefit.id.value.clone(),
        title: benefit.title.to_string(),
        status,
        owner: benefit
            .owner
            .as_deref()
            .map(str::trim)
            .filter(|o| !o.is_empty())
            .map(str::to_string),
        next_due: (status != BenefitStatus::Realised)
            .then(|| next_due(benefit, as_of))
            .flatten(),
        overdue: is_overdue(benefit, as_of),
    }
}

/// A measurement stays current for the follow-up interval: the next is due that long after the
/// latest one (or after the start, before any), and no later than the benefit's due date.
fn next_due(benefit: &BenefitFile, as_of: Date) -> Option<Date> {
    let latest = benefit
        .follow_up
        .iter()
        .map(|f| f.date.value)
        .filter(|d| *d <= as_of)
        .max();
    let from = latest.or(benefit.start.as_ref().map(|s| s.value));
    let follow_up = from.map(|d| Date::from_days(d.days() + FOLLOW_UP_INTERVAL_DAYS));
    let due = benefit.due.as_ref().map(|u| u.value);
    match (follow_up, due) {
        (Some(f), Some(u)) => Some(f.min(u)),
        (f, u) => f.or(u),
    }
}

/// The benefits whose status is `status`, or all.
pub fn with_status(rows: &[BenefitRow], status: Option<BenefitStatus>) -> Vec<&BenefitRow> {
    rows.iter()
        .filter(|r| status.is_none_or(|s| r.status == s))
        .collect()
}

/// The list's header and typed cells, in the glossary's words: initiative, benefit, status,
/// benefit owner, next due date. The TUI draws them; a CLI could print them the same way.
pub fn benefit_table(rows: &[&BenefitRow], portfolio: &Portfolio, lang: Lang) -> Table {
    let header = [
        ui::INITIATIVE,
        ui::COL_BENEFIT,
        ui::STATUS,
        ui::BENEFIT_OWNER,
        ui::COL_NEXT_DUE,
    ]
    .map(|t| t.get(lang).to_string())
    .to_vec();
    let cells = rows
        .iter()
        .map(|r| {
            let id = portfolio
                .initiatives
                .get(r.initiative)
                .map_or_else(String::new, |i| i.id.clone());
            vec![
                Cell::Muted(id),
                Cell::text(&r.title),
                Cell::Status(r.status),
                Cell::opt(r.owner.as_deref()),
                Cell::Date(r.next_due),
            ]
        })
        .collect();
    (header, cells)
}

/// A header and rows of typed cells.
pub type Table = (Vec<String>, Vec<Vec<Cell>>);
