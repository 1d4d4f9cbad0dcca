//! The business case example of Nacka's template (seed 004, DOMAIN.md), reproduced row by row.

use bered::finance::{CaseResult, compute};
use bered::load::yaml::parse;
use bered::model::{BusinessCaseFile, Dec, Settings};
use rust_decimal::Decimal;

fn d(s: &str) -> Decimal {
    s.parse().unwrap()
}

fn settings() -> Settings {
    Settings {
        discount_rate: Dec(d("0.03")),
        hourly_cost: Some(Dec(d("500"))),
        ..Settings::default()
    }
}

const WORKED_EXAMPLE: &str = "
start_year: 2023
years: 8
costs:
  - {name: Grundläggande investering, kind: investment, amounts: {2023: 520000, 2024: 35000}}
  - {name: Förvaltning, kind: operations, amounts: {2024: 125000, 2025: 95000}, yearly: 85000, from: 2026}
benefits:
  - {name: Minskat porto, kind: financial, yearly: 6400}
  - {name: Frigjord tid, kind: reallocation, yearly: 80000}
quality_shift: {2024: 0.5, 2025: 0.5}
";

fn case(yaml: &str) -> CaseResult {
    let file: BusinessCaseFile = parse(yaml).unwrap();
    compute(&file, &settings())
}

fn column(result: &CaseResult, f: impl Fn(&bered::finance::YearRow) -> Decimal) -> Vec<Decimal> {
    result.years.iter().map(f).collect()
}

fn nums(values: &[i64]) -> Vec<Decimal> {
    values.iter().map(|&v| Decimal::from(v)).collect()
}

#[test]
fn every_row_of_the_worked_example() {
    let r = case(WORKED_EXAMPLE);
    let years: Vec<i32> = r.years.iter().map(|y| y.year).collect();
    assert_eq!(years, (2023..=2030).collect::<Vec<_>>());
    let investment = nums(&[-520_000, -35_000, 0, 0, 0, 0, 0, 0]);
    let operations = nums(&[
        0, -125_000, -95_000, -85_000, -85_000, -85_000, -85_000, -85_000,
    ]);
    let costs = nums(&[
        -520_000, -160_000, -95_000, -85_000, -85_000, -85_000, -85_000, -85_000,
    ]);
    let costs_acc = nums(&[
        -520_000, -680_000, -775_000, -860_000, -945_000, -1_030_000, -1_115_000, -1_200_000,
    ]);
    let benefits_acc = nums(&[
        86_400, 172_800, 259_200, 345_600, 432_000, 518_400, 604_800, 691_200,
    ]);
    let net = nums(&[-433_600, -73_600, -8_600, 1_400, 1_400, 1_400, 1_400, 1_400]);
    let net_acc = nums(&[
        -433_600, -507_200, -515_800, -514_400, -513_000, -511_600, -510_200, -508_800,
    ]);
    assert_eq!(column(&r, |y| y.investment), investment);
    assert_eq!(column(&r, |y| y.operations), operations);
    assert_eq!(column(&r, |y| y.costs), costs);
    assert_eq!(column(&r, |y| y.costs_accumulated), costs_acc);
    assert_eq!(column(&r, |y| y.financial), nums(&[6_400; 8]));
    assert_eq!(column(&r, |y| y.reallocation), nums(&[80_000; 8]));
    assert_eq!(column(&r, |y| y.benefits), nums(&[86_400; 8]));
    assert_eq!(column(&r, |y| y.benefits_accumulated), benefits_acc);
    assert_eq!(column(&r, |y| y.net), net);
    assert_eq!(column(&r, |y| y.net_accumulated), net_acc);
    assert_eq!(column(&r, |y| y.other), nums(&[0; 8]));
    let shift: Vec<Decimal> = ["0", "0.5", "0.5", "0", "0", "0", "0", "0"].map(d).to_vec();
    assert_eq!(column(&r, |y| y.quality_shift), shift);
}

#[test]
fn the_ratio_is_the_true_ratio_not_the_templates_tenfold() {
    let r = case(WORKED_EXAMPLE);
    let ratios: Vec<Decimal> = r
        .years
        .iter()
        .map(|y| y.ratio().unwrap().round_dp(2))
        .collect();
    let expected = [
        "0.17", "0.54", "0.91", "1.02", "1.02", "1.02", "1.02", "1.02",
    ]
    .map(d);
    assert_eq!(ratios, expected.to_vec());
    // The template's row reads 1,7 · 5,4 · 9,1 · 10,2: the same ratio × 10.
    let template: Vec<Decimal> = r
        .years
        .iter()
        .map(|y| (y.ratio().unwrap() * Decimal::TEN).round_dp(1))
        .collect();
    assert_eq!(&template[..4], &["1.7", "5.4", "9.1", "10.2"].map(d));
}

#[test]
fn totals_npv_and_no_payback() {
    let c = case(WORKED_EXAMPLE);
    let t = c.totals;
    assert_eq!(t.costs, d("-1200000"));
    assert_eq!(t.benefits, d("691200"));
    assert_eq!(t.net, d("-508800"));
    assert_eq!(t.ratio.unwrap().round_dp(3), d("0.576"));
    // Σ netₜ / 1.03ᵗ, computed independently with exact fractions.
    assert_eq!(t.npv.round_dp(6), d("-507119.096935"));
    // The example never pays back within its horizon.
    assert_eq!(t.payback_year, None);
    // Without ranges the band collapses onto the NPV.
    assert_eq!((c.npv_low, c.npv_high), (t.npv, t.npv));
}

#[test]
fn hours_are_valued_at_the_hourly_cost_without_a_second_markup() {
    // 160 h × 500 kr (markup already included) = 80 000 kr, as the example's reallocation line.
    let by_hours = WORKED_EXAMPLE.replace("yearly: 80000}", "hours: 160}");
    assert_eq!(case(&by_hours), case(WORKED_EXAMPLE));
    // A line's own hourly cost wins over the portfolio's.
    let own_rate = WORKED_EXAMPLE.replace("yearly: 80000}", "hours: 100, hourly_cost: 800}");
    assert_eq!(case(&own_rate), case(WORKED_EXAMPLE));
}

#[test]
fn range_band_is_pessimistic_low_and_optimistic_high() {
    let yaml = WORKED_EXAMPLE
        .replace(
            "kind: reallocation, yearly: 80000}",
            "kind: reallocation, yearly: 80000, range: [0.7, 1.2]}",
        )
        .replace("2024: 35000}}", "2024: 35000}, range: [0.9, 1.3]}");
    let c = case(&yaml);
    assert_eq!(c.totals.npv.round_dp(6), d("-507119.096935"));
    // Low: benefits × 0.7, investment × 1.3; high: benefits × 1.2, investment × 0.9.
    assert_eq!(c.npv_low.round_dp(6), d("-846840.062617"));
    assert_eq!(c.npv_high.round_dp(6), d("-336036.511399"));
}

#[test]
fn amounts_win_over_yearly_and_from_to_bound_yearly() {
    let r = case(
        "
start_year: 2026
years: 4
costs:
  - {name: Drift, kind: operations, yearly: 100, from: 2027, to: 2028, amounts: {2028: 7, 2029: 9}}
",
    );
    assert_eq!(column(&r, |y| y.operations), nums(&[0, -100, -7, -9]));
}

#[test]
fn payback_is_the_first_year_the_accumulated_net_turns_non_negative() {
    let r = case(
        "
start_year: 2026
years: 5
costs:
  - {name: Införande, kind: investment, amounts: {2027: 300}}
benefits:
  - {name: Porto, kind: financial, yearly: 100, from: 2027}
",
    );
    // 2026 has nothing booked yet, so it does not count as paid back; 2027: -200, 2028: -100,
    // 2029: 0.
    assert_eq!(r.totals.payback_year, Some(2029));
    assert_eq!(r.years[0].ratio(), None);
}

#[test]
fn quality_and_environment_money_is_shown_but_not_counted() {
    let r = case(
        "
start_year: 2026
years: 1
costs:
  - {name: Införande, kind: investment, yearly: 100}
benefits:
  - {name: Trygghet, kind: quality, yearly: 1000}
  - {name: Mindre utsläpp, kind: environment, yearly: 10}
",
    );
    let row = &r.years[0];
    assert_eq!(
        (row.other, row.benefits, row.net),
        (d("1010"), d("0"), d("-100"))
    );
    assert_eq!(r.totals.npv, d("-100"));
}

#[test]
fn the_rankings_figures_are_the_full_computations_totals() {
    let settings = settings();
    let ranged = WORKED_EXAMPLE.replace(
        "kind: reallocation, yearly: 80000}",
        "kind: reallocation, yearly: 80000, range: [0.7, 1.2]}",
    );
    for yaml in [WORKED_EXAMPLE, ranged.as_str()] {
        let file: BusinessCaseFile = parse(yaml).unwrap();
        let full = compute(&file, &settings);
        let year = full.years[1].year;
        let (figures, costs) = bered::finance::figures(&file, &settings, year);
        assert_eq!(figures.totals, full.totals);
        assert_eq!(costs, Some(full.years[1].costs));
        assert_eq!(figures.horizon, full.years.len());
        assert_eq!(figures.year_at(0), full.years.first().map(|r| r.year));
        assert_eq!(figures.year_at(figures.horizon), None);
    }
}
