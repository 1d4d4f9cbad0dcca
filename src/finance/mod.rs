//! The business case (nyttokalkyl): the yearly table laid out as Nacka's template, totals,
//! net present value, the horizon's benefit/cost ratio, the payback year and the low/high band.
//!
//! Costs are negative in rows and totals, as in the template (-520 000); benefits are positive;
//! net = benefits + costs. Only financial and reallocation benefits are economic benefits;
//! quality and environment lines valued in money are shown as `other` and left out of net and NPV.

mod lines;

use rust_decimal::Decimal;

use crate::model::{BusinessCaseFile, Settings};
use lines::{Alternative, YearAmounts};

#[derive(Clone, Debug, PartialEq)]
pub struct YearRow {
    pub year: i32,
    pub investment: Decimal,
    pub operations: Decimal,
    pub costs: Decimal,
    pub costs_accumulated: Decimal,
    pub financial: Decimal,
    pub reallocation: Decimal,
    /// Quality and environment benefits valued in money: shown, not part of the economics.
    pub other: Decimal,
    pub benefits: Decimal,
    pub benefits_accumulated: Decimal,
    pub net: Decimal,
    pub net_accumulated: Decimal,
    /// Förflyttning, 1–10 scale, as written for the year (0 when not given).
    pub quality_shift: Decimal,
}

impl YearRow {
    /// benefits ÷ |costs|; None in a year without costs. Worked out where it is shown: a
    /// ranking of many business cases does not divide for every year of each.
    pub fn ratio(&self) -> Option<Decimal> {
        ratio(self.benefits, self.costs)
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct Totals {
    pub costs: Decimal,
    /// Money saved in the budget (finansiella nyttor) over the horizon.
    pub financial: Decimal,
    /// Freed time valued in money (omfördelningsnyttor): shows in the operation, not the budget.
    pub reallocation: Decimal,
    /// financial + reallocation.
    pub benefits: Decimal,
    /// benefits + costs, freed time included.
    pub net: Decimal,
    /// financial + costs: what the budget itself sees.
    pub net_without_reallocation: Decimal,
    pub npv: Decimal,
    pub ratio: Option<Decimal>,
    pub payback_year: Option<i32>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct CaseResult {
    pub years: Vec<YearRow>,
    pub totals: Totals,
    /// Pessimistic alternative: benefits at their range's low factor, costs at their high factor.
    pub npv_low: Decimal,
    /// Optimistic alternative: benefits at their high factor, costs at their low factor.
    pub npv_high: Decimal,
}

impl CaseResult {
    /// The row of a calendar year, if the horizon covers it.
    pub fn year(&self, year: i32) -> Option<&YearRow> {
        self.years.iter().find(|r| r.year == year)
    }

    /// Average yearly net over the horizon (None for an empty horizon).
    pub fn average_yearly_net(&self) -> Option<Decimal> {
        self.totals.net.checked_div(Decimal::from(self.years.len()))
    }
}

/// What the ranking, the budget and the sums need of a business case: kept for every
/// initiative of a portfolio, where the yearly table (`compute`) is made again for the one
/// initiative whose business case is shown.
#[derive(Clone, Debug, PartialEq)]
pub struct CaseFigures {
    pub totals: Totals,
    /// The first year of the horizon, and how many years it has.
    pub first_year: i32,
    pub horizon: usize,
}

impl CaseFigures {
    /// The calendar year of the n-th year of the horizon (from 0).
    pub fn year_at(&self, n: usize) -> Option<i32> {
        let n = i32::try_from(n)
            .ok()
            .filter(|&n| (n as usize) < self.horizon)?;
        self.first_year.checked_add(n)
    }

    /// Average yearly net over the horizon (None for an empty horizon).
    pub fn average_yearly_net(&self) -> Option<Decimal> {
        self.totals.net.checked_div(Decimal::from(self.horizon))
    }
}

/// Computes the business case at the portfolio's discount rate and hourly cost.
pub fn compute(case: &BusinessCaseFile, settings: &Settings) -> CaseResult {
    let (rows, totals) = base(case, settings);
    let years = lines::horizon(case);
    let npv_of = |alternative| -> Decimal {
        let nets: Vec<Decimal> = years
            .clone()
            .map(|y| YearAmounts::of(case, settings, y, alternative).net())
            .collect();
        npv(&nets, settings.discount_rate.0)
    };
    CaseResult {
        npv_low: npv_of(Alternative::Low),
        npv_high: npv_of(Alternative::High),
        years: rows,
        totals,
    }
}

/// What a ranking needs of the business case: the totals of `compute`, worked out in one pass
/// over the years without the yearly table or the low and high alternatives, and the costs of
/// `year` (`None` outside the horizon). The same sums in the same order as `compute`, so the
/// same figures to the last digit (a test compares them).
pub fn figures(
    case: &BusinessCaseFile,
    settings: &Settings,
    year: i32,
) -> (CaseFigures, Option<Decimal>) {
    let years = lines::horizon(case);
    let growth = Decimal::ONE.saturating_add(settings.discount_rate.0);
    let mut factor = Some(Decimal::ONE);
    let zero = Decimal::ZERO;
    let (mut costs, mut benefits, mut net) = (zero, zero, zero);
    let (mut financial, mut reallocation, mut npv) = (zero, zero, zero);
    let (mut year_costs, mut payback_year, mut booked) = (None, None, false);
    for y in years.clone() {
        let a = YearAmounts::of(case, settings, y, Alternative::Base);
        let (year_cost, year_benefit, year_net) = a.sums();
        costs = costs.saturating_add(year_cost);
        benefits = benefits.saturating_add(year_benefit);
        net = net.saturating_add(year_net);
        financial = financial.saturating_add(a.financial);
        reallocation = reallocation.saturating_add(a.reallocation);
        if y == year {
            year_costs = Some(year_cost);
        }
        // As `npv`: a factor that cannot divide or grow ends the discounting.
        if let Some(f) = factor {
            match year_net.checked_div(f) {
                Some(term) => {
                    npv = npv.saturating_add(term);
                    factor = f.checked_mul(growth);
                }
                None => factor = None,
            }
        }
        // As `payback_year`: leading years with nothing booked yet do not pay back.
        booked = booked || !(costs.is_zero() && benefits.is_zero());
        if payback_year.is_none() && booked && net >= Decimal::ZERO {
            payback_year = Some(y);
        }
    }
    let totals = Totals {
        costs,
        financial,
        reallocation,
        benefits,
        net: benefits.saturating_add(costs),
        net_without_reallocation: financial.saturating_add(costs),
        npv,
        ratio: ratio(benefits, costs),
        payback_year,
    };
    let horizon = years.len();
    let first_year = if horizon > 0 { years.start } else { 0 };
    let figures = CaseFigures {
        totals,
        first_year,
        horizon,
    };
    (figures, year_costs)
}

/// The yearly table and the totals of the base alternative.
fn base(case: &BusinessCaseFile, settings: &Settings) -> (Vec<YearRow>, Totals) {
    let years = lines::horizon(case);
    let amounts: Vec<YearAmounts> = years
        .clone()
        .map(|y| YearAmounts::of(case, settings, y, Alternative::Base))
        .collect();
    let rows = table(case, &amounts, years.start);
    let costs = rows.last().map_or(Decimal::ZERO, |r| r.costs_accumulated);
    let benefits = rows
        .last()
        .map_or(Decimal::ZERO, |r| r.benefits_accumulated);
    let base_net: Vec<Decimal> = rows.iter().map(|r| r.net).collect();
    let sum = |column: fn(&YearRow) -> Decimal| {
        rows.iter()
            .fold(Decimal::ZERO, |acc, r| acc.saturating_add(column(r)))
    };
    let financial = sum(|r| r.financial);
    let totals = Totals {
        costs,
        financial,
        reallocation: sum(|r| r.reallocation),
        benefits,
        net: benefits.saturating_add(costs),
        net_without_reallocation: financial.saturating_add(costs),
        npv: npv(&base_net, settings.discount_rate.0),
        ratio: ratio(benefits, costs),
        payback_year: payback_year(&rows),
    };
    (rows, totals)
}

fn table(case: &BusinessCaseFile, amounts: &[YearAmounts], first: i32) -> Vec<YearRow> {
    let mut rows = Vec::with_capacity(amounts.len());
    let (mut costs_acc, mut benefits_acc, mut net_acc) =
        (Decimal::ZERO, Decimal::ZERO, Decimal::ZERO);
    for (year, a) in (first..).zip(amounts) {
        let (costs, benefits, net) = a.sums();
        costs_acc = costs_acc.saturating_add(costs);
        benefits_acc = benefits_acc.saturating_add(benefits);
        net_acc = net_acc.saturating_add(net);
        rows.push(YearRow {
            year,
            investment: a.investment,
            operations: a.operations,
            costs,
            costs_accumulated: costs_acc,
            financial: a.financial,
            reallocation: a.reallocation,
            other: a.other,
            benefits,
            benefits_accumulated: benefits_acc,
            net,
            net_accumulated: net_acc,
            quality_shift: lines::quality_shift(case, year),
        });
    }
    rows
}

/// benefits ÷ |costs|, undefined without costs.
pub fn ratio(benefits: Decimal, costs: Decimal) -> Option<Decimal> {
    benefits.checked_div(costs.abs())
}

/// Σ netₜ ÷ (1 + rate)ᵗ with t = 0 for the first year of the horizon.
pub fn npv(nets: &[Decimal], rate: Decimal) -> Decimal {
    let growth = Decimal::ONE.saturating_add(rate);
    let mut factor = Decimal::ONE;
    let mut sum = Decimal::ZERO;
    for net in nets {
        match net.checked_div(factor) {
            Some(term) => sum = sum.saturating_add(term),
            // Only a factor of zero (rate -100 %) gets here: that year cannot be discounted.
            None => break,
        }
        match factor.checked_mul(growth) {
            Some(next) => factor = next,
            // The factor outgrew Decimal: every later term is zero to 28 places.
            None => break,
        }
    }
    sum
}

/// The first year whose accumulated net is ≥ 0. Leading years in which nothing has been booked
/// yet are skipped, so a case whose costs start late does not "pay back" before it begins.
fn payback_year(rows: &[YearRow]) -> Option<i32> {
    rows.iter()
        .skip_while(|r| r.costs_accumulated.is_zero() && r.benefits_accumulated.is_zero())
        .find(|r| r.net_accumulated >= Decimal::ZERO)
        .map(|r| r.year)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Decimal {
        s.parse().unwrap()
    }

    #[test]
    fn npv_discounts_from_year_zero() {
        // 100 now and 103 in a year at 3 % are worth 200 today.
        assert_eq!(npv(&[d("100"), d("103")], d("0.03")), d("200"));
        assert_eq!(npv(&[d("-50"), d("10")], Decimal::ZERO), d("-40"));
        assert_eq!(npv(&[], d("0.03")), Decimal::ZERO);
    }

    #[test]
    fn ratio_is_undefined_without_costs() {
        assert_eq!(ratio(d("86400"), Decimal::ZERO), None);
        assert_eq!(
            ratio(d("86400"), d("-85000")).map(|r| r.round_dp(3)),
            Some(d("1.016"))
        );
    }

    #[test]
    fn npv_survives_an_absurd_rate_and_horizon() {
        let nets = vec![d("1"); 500];
        let value = npv(&nets, d("1000"));
        assert!(value > d("1") && value < d("1.01"), "{value}");
    }

    #[test]
    fn figures_are_the_totals_of_compute_to_the_last_digit() {
        let mut cases: Vec<BusinessCaseFile> = crate::load::load_embedded()
            .portfolio
            .initiatives
            .into_iter()
            .filter_map(|i| i.file.business_case.map(|c| c.value))
            .collect();
        assert!(cases.len() > 10);
        let written = [
            // Nothing booked in the first years; a benefit that starts late.
            "start_year: 2024\nyears: 6\ncosts:\n  - {name: A, kind: investment, amounts: {2026: 100}}\nbenefits:\n  - {name: B, kind: financial, yearly: 60, from: 2027}\n",
            // Costs that come back to nothing after they began.
            "start_year: 2024\nyears: 4\ncosts:\n  - {name: A, kind: operations, amounts: {2024: 100, 2025: -100}}\nbenefits:\n  - {name: B, kind: financial, amounts: {2027: 5}}\n",
            "start_year: 2024\nyears: 3\nbenefits:\n  - {name: B, kind: reallocation, hours: 10, from: 2025}\n",
            "start_year: 2024\nyears: 0\n",
            "start_year: 2020\nyears: 50\ncosts:\n  - {name: A, kind: investment, yearly: 1000000, range: [0.9, 1.5]}\nbenefits:\n  - {name: B, kind: quality, yearly: 7}\n  - {name: C, kind: financial, yearly: 1200000.5}\n",
        ];
        for text in written {
            cases.push(crate::load::yaml::parse(text).unwrap());
        }
        for rate in ["0.03", "0", "-0.5", "-1", "1000"] {
            let settings = Settings {
                discount_rate: crate::model::Dec(d(rate)),
                hourly_cost: Some(crate::model::Dec(d("650"))),
                ..Settings::default()
            };
            for case in &cases {
                let full = compute(case, &settings);
                let span = lines::horizon(case);
                for year in span.start - 1..=span.end {
                    let (figures, costs) = figures(case, &settings, year);
                    assert_eq!(figures.totals, full.totals, "{case:?} at {rate}");
                    assert_eq!(figures.horizon, full.years.len());
                    let first = full.years.first().map_or(0, |r| r.year);
                    assert_eq!(figures.first_year, first);
                    assert_eq!(costs, full.year(year).map(|r| r.costs), "{year}");
                }
            }
        }
    }
}
