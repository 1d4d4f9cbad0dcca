//! The portfolio summary: counts, ranked totals, cost of delay, the DiMiOS mirror and the
//! "should not prioritise" list.

mod engine_support;

use bered::eval::analyse;
use bered::model::Stage;
use bered::realisation::{NotPrioritiseReason, summarise};
use engine_support::{d, date, portfolio, scored_in};

/// A case whose net is `yearly` every year for `years` years.
fn case(yearly: i64, years: u16) -> String {
    format!(
        "business_case:\n  start_year: 2026\n  years: {years}\n  benefits:\n    - {{name: N, kind: financial, yearly: {yearly}}}\n"
    )
}

const B: [u8; 4] = [3, 3, 3, 3];
const F: [u8; 7] = [3, 3, 3, 3, 3, 3, 4];

#[test]
fn cost_of_delay_counts_ranked_initiatives_not_yet_started() {
    let p = portfolio(vec![
        scored_in("idea", "idea", B, F, &case(1000, 4)),
        scored_in("approved", "approved", B, F, &case(300, 2)),
        scored_in("negative", "preparation", B, F, &case(-50, 2)),
        scored_in("running", "project", B, F, &case(9000, 2)),
        scored_in("unscored", "idea", [3, 3, 3, 0], F, &case(7000, 2)),
        scored_in("no-case", "idea", B, F, ""),
    ]);
    let s = summarise(&p, &analyse(&p, date("2026-11-23")));
    let items: Vec<(&str, _)> = s
        .cost_of_delay
        .items
        .iter()
        .map(|&(i, v)| (p.initiatives[i].id.as_str(), v))
        .collect();
    assert_eq!(items, [("idea", d("1000")), ("approved", d("300"))]);
    assert_eq!(s.cost_of_delay.yearly, d("1300"));
}

#[test]
fn counts_and_ranked_totals() {
    let p = portfolio(vec![
        scored_in("a", "idea", B, F, &case(1000, 4)),
        scored_in("b", "project", B, F, &case(-200, 1)),
        scored_in("c", "idea", B, [3, 3, 3, 3, 3, 3, 1], &case(5, 1)),
        scored_in("d", "parked", [1, 1, 1, 1], [1, 1, 1, 1, 1, 1, 3], ""),
    ]);
    let s = summarise(&p, &analyse(&p, date("2026-11-23")));
    let stage = |st| s.by_stage.iter().find(|(k, _)| *k == Some(st)).unwrap().1;
    assert_eq!(
        (
            stage(Stage::Idea),
            stage(Stage::Project),
            stage(Stage::Parked),
            stage(Stage::Closed)
        ),
        (2, 1, 1, 0)
    );
    let groups: Vec<usize> = s.by_group.iter().map(|(_, n)| *n).collect();
    assert_eq!(groups, [3, 0, 1]);
    // The totals are the pipeline's: b (project) is committed and d (parked) declined, though
    // both pass the gate; c is blocked.
    assert_eq!(s.ranked.count, 1);
    assert_eq!(s.ranked.with_case, 1);
    assert_eq!(s.ranked.benefits, d("4000"));
    assert_eq!(s.ranked.financial, d("4000"));
    assert_eq!(s.ranked.reallocation, d("0"));
    assert_eq!(s.ranked.net, d("4000"));
    assert_eq!(s.ranked.net_without_reallocation, d("4000"));
    let gates: Vec<usize> = s.by_gate.iter().map(|(_, n)| *n).collect();
    assert_eq!(gates, [2, 1, 1, 0]);
}

#[test]
fn should_not_prioritise_names_its_reasons() {
    let measured = "goals: [growth]\nbenefits:\n  - {id: x, title: X, owner: O, indicator: I, baseline: 1, target: 2}\n";
    let p = portfolio(vec![
        scored_in("fine", "preparation", B, F, measured),
        scored_in("no-goal", "idea", B, F, ""),
        scored_in(
            "abstain",
            "preparation",
            [1, 1, 1, 1],
            [1, 1, 1, 1, 1, 1, 3],
            measured,
        ),
        scored_in("blocked", "preparation", B, [3, 3, 3, 3, 3, 3, 2], measured),
        scored_in("started", "project", B, F, ""),
    ]);
    let s = summarise(&p, &analyse(&p, date("2026-11-23")));
    let list: Vec<(&str, Vec<NotPrioritiseReason>)> = s
        .should_not_prioritise
        .iter()
        .map(|n| (p.initiatives[n.index].id.as_str(), n.reasons.clone()))
        .collect();
    use NotPrioritiseReason::*;
    assert_eq!(
        list,
        [
            ("no-goal", vec![NoBenefitRealisation, NoStrategicLink]),
            ("abstain", vec![PoorSolution]),
            ("blocked", vec![PoorSolution]),
        ]
    );
}

#[test]
fn the_mirror_reads_the_started_initiatives() {
    let complete = "benefits:\n  - {id: x, title: X, kind: financial, owner: O, indicator: I, baseline: 1, target: 2, start: 2026-01-01, due: 2027-12-31, follow_up: [{date: 2026-10-01, value: 1.5}]}\n";
    let owner_only = "benefits:\n  - {id: x, title: X, owner: O}\n";
    let mut initiatives: Vec<_> = (0..9)
        .map(|n| {
            scored_in(
                &format!("p{n}"),
                "project",
                B,
                F,
                &format!("{complete}{}", case(1, 1)),
            )
        })
        .collect();
    initiatives.push(scored_in("weak", "operations", B, F, owner_only));
    initiatives.push(scored_in("idea", "idea", B, F, ""));
    let p = portfolio(initiatives);
    let m = summarise(&p, &analyse(&p, date("2026-11-23"))).maturity;
    assert_eq!(m.population, 10);
    assert_eq!(
        (
            m.measurable_goals.count,
            m.benefit_owners.count,
            m.plans.count
        ),
        (9, 10, 9)
    );
    assert_eq!((m.current_follow_up.count, m.business_case.count), (9, 9));
    assert_eq!(m.measurable_goals.ratio(), Some(d("0.9")));
    assert_eq!(
        (m.benefit_realisation, m.benefit_control),
        (Some(4), Some(4))
    );
    let p = portfolio(vec![scored_in("idea", "idea", B, F, "")]);
    let m = summarise(&p, &analyse(&p, date("2026-11-23"))).maturity;
    assert_eq!((m.population, m.benefit_realisation), (0, None));
}
