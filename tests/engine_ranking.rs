//! The ranking: groups, every tie-break, the budget line, and order independence.

mod engine_support;

use bered::eval::{Analysis, RankGroup, analyse};
use bered::model::{Dec, Group, Initiative, Portfolio};
use engine_support::{d, date, portfolio, scored, scored_in};
use proptest::prelude::*;

fn ids(p: &Portfolio, a: &Analysis) -> Vec<String> {
    a.order
        .iter()
        .map(|&i| p.initiatives[i].id.clone())
        .collect()
}

fn ranked(initiatives: Vec<Initiative>) -> Vec<String> {
    let p = portfolio(initiatives);
    let a = analyse(&p, date("2026-11-23"));
    ids(&p, &a)
}

/// A business case with a given first-year net (one year, so NPV = that amount).
fn case(net: i64) -> String {
    format!(
        "business_case:\n  start_year: 2026\n  years: 1\n  benefits:\n    - {{name: Nytta, kind: financial, yearly: {net}}}\n"
    )
}

const B3: [u8; 4] = [3, 3, 3, 3];
const F3: [u8; 7] = [3, 3, 3, 3, 3, 3, 4];

#[test]
fn priority_descending_first() {
    let low = scored("a-low", [2, 2, 2, 2], F3, "");
    let high = scored("z-high", [4, 4, 4, 4], F3, "");
    assert_eq!(ranked(vec![low, high]), ["z-high", "a-low"]);
}

#[test]
fn equal_priority_then_benefit_descending() {
    // B 3 × F 2 = B 2 × F 3 = 6.
    let benefit_heavy = scored("b3-f2", B3, [2, 2, 2, 2, 1, 1, 4], "");
    let feasible = scored("b2-f3", [2, 2, 2, 2], [3, 3, 3, 3, 3, 3, 3], "");
    assert_eq!(ranked(vec![feasible, benefit_heavy]), ["b3-f2", "b2-f3"]);
}

#[test]
fn equal_priorities_that_decimals_cannot_represent_still_tie() {
    // 2 × 24/7 and 3 × 16/7 are both 48/7; rounded to 28 digits the lower benefit score gets
    // the larger product. Ranking must see the tie and go on to the benefit score.
    let two = scored("two", [2, 2, 2, 2], [3, 3, 3, 3, 4, 4, 4], "");
    let three = scored("three", B3, [2, 2, 2, 2, 2, 2, 4], "");
    let model = bered::eval::Model::nacka();
    let (p2, p3) = (
        bered::eval::evaluate(&model, &two).priority.unwrap(),
        bered::eval::evaluate(&model, &three).priority.unwrap(),
    );
    assert!(p2 > p3, "the rounded products differ: {p2} > {p3}");
    assert_eq!(p2.round_dp(20), p3.round_dp(20));
    assert_eq!(ranked(vec![two, three]), ["three", "two"]);
}

#[test]
fn equal_scores_then_npv_descending_and_no_case_last() {
    let none = scored("a-none", B3, F3, "");
    let small = scored("b-small", B3, F3, &case(100));
    let negative = scored("c-negative", B3, F3, &case(-5_000));
    let big = scored("d-big", B3, F3, &case(2_000));
    assert_eq!(
        ranked(vec![none, small, negative, big]),
        ["d-big", "b-small", "c-negative", "a-none"]
    );
}

#[test]
fn equal_npv_then_submitted_ascending_and_none_last() {
    let unsubmitted = scored("a", B3, F3, &case(100));
    let late = scored(
        "b",
        B3,
        F3,
        &format!("submitted: 2026-10-01\n{}", case(100)),
    );
    let early = scored(
        "c",
        B3,
        F3,
        &format!("submitted: 2026-03-01\n{}", case(100)),
    );
    assert_eq!(ranked(vec![unsubmitted, late, early]), ["c", "b", "a"]);
}

#[test]
fn all_else_equal_then_id() {
    let names = ["m", "b", "x", "a"];
    let initiatives = names
        .iter()
        .map(|n| scored(n, B3, F3, "submitted: 2026-01-01\n"))
        .collect();
    assert_eq!(ranked(initiatives), ["a", "b", "m", "x"]);
}

#[test]
fn incomplete_after_ranked_and_blocked_last() {
    let weak = scored("weak", [1, 1, 1, 1], [1, 1, 1, 1, 1, 1, 3], "");
    let unscored_gate = scored("no-gate-score", [4, 4, 4, 4], [4, 4, 4, 4, 4, 4, 0], "");
    let partial = scored("partial", [4, 4, 4, 0], [4, 4, 4, 4, 4, 4, 4], "");
    let partial_low = scored("partial-low", [1, 1, 1, 0], [4, 4, 4, 4, 4, 4, 4], "");
    let blocked = scored("blocked", [4, 4, 4, 4], [4, 4, 4, 4, 4, 4, 1], "");
    let blocked_partial = scored("blocked-partial", [0, 4, 4, 4], [4, 4, 4, 4, 4, 4, 2], "");
    let p = portfolio(vec![
        blocked_partial,
        blocked,
        partial_low,
        partial,
        unscored_gate,
        weak,
    ]);
    let a = analyse(&p, date("2026-11-23"));
    // Among incomplete ones, priority exists for "no-gate-score" only (its gate criterion is
    // unscored, feasibility undefined → benefit ranks): same tie-breaks on what exists.
    assert_eq!(
        ids(&p, &a),
        [
            "weak",
            "no-gate-score",
            "partial",
            "partial-low",
            "blocked",
            "blocked-partial"
        ]
    );
    let groups: Vec<RankGroup> = a.order.iter().map(|&i| a.items[i].group).collect();
    use RankGroup::*;
    assert_eq!(
        groups,
        [Ranked, Incomplete, Incomplete, Incomplete, Blocked, Blocked]
    );
    let ranks: Vec<usize> = a.order.iter().map(|&i| a.items[i].rank).collect();
    assert_eq!(ranks, [1, 2, 3, 4, 5, 6]);
}

fn with_cost(id: &str, cost: i64, stage: &str) -> Initiative {
    let yaml = format!(
        "business_case:\n  start_year: 2025\n  years: 3\n  costs:\n    - {{name: Införande, kind: investment, amounts: {{2026: {cost}, 2025: 999999}}}}\n"
    );
    scored_in(id, stage, B3, F3, &yaml)
}

#[test]
fn the_budget_line_accumulates_the_planning_year_in_rank_order() {
    let mut p = portfolio(vec![
        with_cost("a", 400, "preparation"),
        with_cost("b", 500, "idea"),
        with_cost("c", 300, "operations"),
        with_cost("d", 200, "approved"),
        scored("e", B3, F3, ""),
        with_cost("f", 50, "project"),
    ]);
    // Make the order a, b, c, d, e, f by priority.
    for (n, i) in p.initiatives.iter_mut().enumerate() {
        i.scores.insert("cost_savings", 4);
        let n = n as u8;
        i.scores.insert("quality", 4 - n.div_ceil(2));
        i.scores.insert("mandatory", 4 - n / 2);
    }
    p.settings.budget = Some(Dec(d("1000")));
    let a = analyse(&p, date("2026-11-23"));
    assert_eq!(ids(&p, &a), ["a", "b", "c", "d", "e", "f"]);
    let within: Vec<Option<bool>> = a.order.iter().map(|&i| a.items[i].within_budget).collect();
    // Committed first: d (approved) 200 and f (project) 50 leave 750. Then the pipeline in
    // rank order: a 400 within; b would make 900 > 750, so the line falls before it. c in
    // operations and the committed ones are not marked; e has no case.
    assert_eq!(within, [Some(true), Some(false), None, None, None, None]);
    let line = a.budget.clone().expect("a frame is set");
    assert_eq!(
        (line.frame, line.committed, line.remaining, line.within),
        (d("1000"), d("250"), d("750"), d("400"))
    );
    assert_eq!((line.fits, line.beyond), (1, 1));
    let costs: Vec<_> = a
        .order
        .iter()
        .map(|&i| a.items[i].planning_year_cost)
        .collect();
    assert_eq!(
        costs,
        [d("400"), d("500"), d("300"), d("200"), d("0"), d("50")]
    );
}

#[test]
fn without_a_budget_nothing_is_marked() {
    let p = portfolio(vec![with_cost("a", 400, "idea")]);
    let a = analyse(&p, date("2026-11-23"));
    assert_eq!(a.items[0].within_budget, None);
    assert_eq!(a.items[0].planning_year_cost, d("400"));
}

#[test]
fn exactly_at_the_budget_is_within() {
    let mut p = portfolio(vec![with_cost("a", 1000, "idea")]);
    p.settings.budget = Some(Dec(d("1000")));
    assert_eq!(
        analyse(&p, date("2026-11-23")).items[0].within_budget,
        Some(true)
    );
}

fn arbitrary_initiative(n: usize) -> impl Strategy<Value = Initiative> {
    (
        prop::array::uniform4(0u8..=4),
        prop::array::uniform7(0u8..=4),
        prop::option::of(-3i64..3),
        prop::option::of(1u8..=3),
    )
        .prop_map(move |(b, f, net, month)| {
            let mut extra = net.map(|n| case(n * 1000)).unwrap_or_default();
            if let Some(m) = month {
                extra.push_str(&format!("submitted: 2026-0{m}-01\n"));
            }
            scored(&format!("i{n:02}"), b, f, &extra)
        })
}

fn arbitrary_portfolio() -> impl Strategy<Value = Vec<Initiative>> {
    (1usize..12).prop_flat_map(|len| (0..len).map(arbitrary_initiative).collect::<Vec<_>>())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn the_ranking_does_not_depend_on_file_order(
        initiatives in arbitrary_portfolio(),
        seed in any::<u64>(),
    ) {
        let reference = ranked(initiatives.clone());
        let mut shuffled = initiatives;
        // A deterministic shuffle from the seed.
        let len = shuffled.len();
        for i in (1..len).rev() {
            let j = (seed.wrapping_mul(6364136223846793005).wrapping_add(i as u64) >> 33) as usize % (i + 1);
            shuffled.swap(i, j);
        }
        prop_assert_eq!(ranked(shuffled.clone()), reference.clone());
        shuffled.reverse();
        prop_assert_eq!(ranked(shuffled), reference);
    }

    #[test]
    fn the_ranking_is_a_total_order_consistent_with_the_rules(initiatives in arbitrary_portfolio()) {
        let p = portfolio(initiatives);
        let a = analyse(&p, date("2026-11-23"));
        let mut seen = a.order.clone();
        seen.sort();
        prop_assert_eq!(seen, (0..p.initiatives.len()).collect::<Vec<_>>());
        for pair in a.order.windows(2) {
            let (x, y) = (&a.items[pair[0]], &a.items[pair[1]]);
            prop_assert!(x.group <= y.group);
            prop_assert!(x.rank + 1 == y.rank);
            if x.group == y.group {
                let prio = |i: &bered::eval::Analyzed| i.eval.weighted_sum(Group::Benefit)
                    .zip(i.eval.weighted_sum(Group::Feasibility)).map(|(b, f)| b * f);
                // Present priorities never increase along the order, and come before missing ones.
                match (prio(x), prio(y)) {
                    (Some(px), Some(py)) => prop_assert!(px >= py),
                    (None, Some(_)) => prop_assert!(false, "missing priority before a present one"),
                    _ => {}
                }
            }
        }
    }
}

proptest! {
    /// After any one score change, the incremental update equals a full re-analysis.
    #[test]
    fn an_incremental_update_equals_a_full_analysis(
        all in proptest::collection::vec((proptest::array::uniform4(1u8..=4), proptest::array::uniform7(1u8..=4)), 2..12),
        pick in 0usize..100,
        criterion in 0usize..11,
        value in 1u8..=4,
    ) {
        let initiatives: Vec<Initiative> = all
            .iter()
            .enumerate()
            .map(|(n, (b, f))| scored(&format!("i{n:02}"), *b, *f, &case(1000 * n as i64 - 3000)))
            .collect();
        let mut p = portfolio(initiatives);
        p.settings.budget = Some(Dec(d("2500")));
        let as_of = date("2026-11-23");
        let mut incremental = analyse(&p, as_of);
        let index = pick % p.initiatives.len();
        let id = p.model.criteria[criterion].id.clone();
        p.initiatives[index].scores.insert(&id, value);
        incremental.update(&p, index);
        prop_assert_eq!(incremental, analyse(&p, as_of));
    }
}
