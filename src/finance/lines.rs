//! What each cost and benefit line amounts to in a given year, in the base, low or high alternative.

use std::ops::Range;

use rust_decimal::Decimal;

use crate::model::{BusinessCaseFile, LineFile, LineKind, Settings};

/// Which of the three alternatives to compute.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Alternative {
    Base,
    /// Pessimistic: benefits × range low, costs × range high.
    Low,
    /// Optimistic: benefits × range high, costs × range low.
    High,
}

/// The calendar years of the horizon: `start_year` and the `years − 1` after it.
pub fn horizon(case: &BusinessCaseFile) -> Range<i32> {
    let first = case.start_year.value;
    first..first.saturating_add(i32::from(case.years.value))
}

/// A year's amounts per column, costs already negative.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct YearAmounts {
    pub investment: Decimal,
    pub operations: Decimal,
    pub financial: Decimal,
    pub reallocation: Decimal,
    pub other: Decimal,
}

impl YearAmounts {
    pub fn of(
        case: &BusinessCaseFile,
        settings: &Settings,
        year: i32,
        alternative: Alternative,
    ) -> YearAmounts {
        let span = horizon(case);
        let mut a = YearAmounts::default();
        // Costs are written as positive amounts; the sign comes from standing in `costs`.
        for line in case.costs.iter() {
            let value = scaled(amount(line, year, &span, settings), line, alternative, true);
            let column = if line.kind.value == LineKind::Investment {
                &mut a.investment
            } else {
                &mut a.operations
            };
            *column = column.saturating_sub(value);
        }
        for line in case.benefits.iter() {
            let value = scaled(
                amount(line, year, &span, settings),
                line,
                alternative,
                false,
            );
            let column = match line.kind.value {
                LineKind::Financial => &mut a.financial,
                LineKind::Reallocation => &mut a.reallocation,
                // Quality, environment (and any cost kind the loader lets through) are not money
                // the organisation takes home: shown, never counted in net or NPV.
                _ => &mut a.other,
            };
            *column = column.saturating_add(value);
        }
        a
    }

    /// The year's costs, benefits and net (benefits plus the negative costs), summed as the
    /// yearly table sums them.
    pub fn sums(&self) -> (Decimal, Decimal, Decimal) {
        let costs = self.investment.saturating_add(self.operations);
        let benefits = self.financial.saturating_add(self.reallocation);
        (costs, benefits, benefits.saturating_add(costs))
    }

    pub fn net(&self) -> Decimal {
        self.financial
            .saturating_add(self.reallocation)
            .saturating_add(self.investment)
            .saturating_add(self.operations)
    }
}

/// A line's amount for a year, as written (before the alternative's factor). Precedence:
/// `amounts` for a year it names; otherwise `yearly` within from..=to; otherwise `hours` within
/// from..=to valued at the line's hourly cost or the portfolio's. The hourly cost already holds
/// the 54 % markup (Inera), so it is applied as is.
fn amount(line: &LineFile, year: i32, span: &Range<i32>, settings: &Settings) -> Decimal {
    if let Some((_, value)) = line.amounts.iter().find(|(y, _)| y.value == year) {
        return value.value.0;
    }
    let from = line.from.as_ref().map_or(span.start, |f| f.value);
    let to = line.to.as_ref().map_or(span.end - 1, |t| t.value);
    if year < from || year > to {
        return Decimal::ZERO;
    }
    if let Some(yearly) = &line.yearly {
        return yearly.value.0;
    }
    if let Some(hours) = &line.hours {
        let rate = line
            .hourly_cost
            .as_ref()
            .map(|r| r.value.0)
            .or(settings.hourly_cost.map(|r| r.0))
            .unwrap_or(Decimal::ZERO);
        return hours.value.0.saturating_mul(rate);
    }
    Decimal::ZERO
}

/// An amount of the line in the alternative: times the line's factor (none to apply in the
/// base alternative and without a range, the usual case).
fn scaled(amount: Decimal, line: &LineFile, alternative: Alternative, is_cost: bool) -> Decimal {
    let factor = factor(line, alternative, is_cost);
    if factor == Decimal::ONE {
        amount
    } else {
        amount.saturating_mul(factor)
    }
}

/// The multiplier a line's `range: [low, high]` gives in an alternative (1 without a range).
fn factor(line: &LineFile, alternative: Alternative, is_cost: bool) -> Decimal {
    let Some(range) = &line.range else {
        return Decimal::ONE;
    };
    let [low, high] = range.value.as_slice() else {
        return Decimal::ONE;
    };
    match (alternative, is_cost) {
        (Alternative::Base, _) => Decimal::ONE,
        (Alternative::Low, false) | (Alternative::High, true) => low.0,
        (Alternative::Low, true) | (Alternative::High, false) => high.0,
    }
}

/// The quality shift (förflyttning) written for a year, 0 when none.
pub fn quality_shift(case: &BusinessCaseFile, year: i32) -> Decimal {
    case.quality_shift
        .iter()
        .find(|(y, _)| y.value == year)
        .map_or(Decimal::ZERO, |(_, v)| v.value.0)
}
