//! The pipeline first: sections, the meeting's agenda, the returned flag, and the budget line
//! drawn on the pipeline only, with sums that never overflow.

mod engine_support;

use bered::eval::{BudgetPosition, Section, analyse};
use bered::model::{Dec, Initiative, Portfolio};
use bered::realisation::summarise;
use engine_support::{d, date, portfolio, scored, scored_in};

const B3: [u8; 4] = [3, 3, 3, 3];
const F3: [u8; 7] = [3, 3, 3, 3, 3, 3, 4];

/// A one-line planning-year (2026) cost; `benefit` financial and `freed` reallocation a year.
fn costing(id: &str, stage: &str, cost: &str, extra: &str) -> Initiative {
    let yaml = format!(
        "business_case:\n  start_year: 2026\n  years: 2\n  costs:\n    - {{name: Införande, kind: investment, amounts: {{2026: {cost}}}}}\n{extra}"
    );
    scored_in(id, stage, B3, F3, &yaml)
}

fn ids(p: &Portfolio, order: impl IntoIterator<Item = usize>) -> Vec<String> {
    order
        .into_iter()
        .map(|i| p.initiatives[i].id.clone())
        .collect()
}

/// Stages a..i, each better scored than the next, so the one-list order is alphabetical.
fn every_stage() -> Portfolio {
    let stages = [
        ("a-operations", "operations"),
        ("b-rejected", "rejected"),
        ("c-approved", "approved"),
        ("d-idea", "idea"),
        ("e-closed", "closed"),
        ("f-project", "project"),
        ("g-preparation", "preparation"),
        ("h-parked", "parked"),
        ("i-realisation", "realisation"),
    ];
    let mut initiatives: Vec<Initiative> = stages
        .iter()
        .enumerate()
        .map(|(n, (id, stage))| {
            // Benefit sums 16, 15, 14 …: one criterion a step lower, round robin.
            let mut benefit = [4u8; 4];
            for step in 0..n {
                benefit[step % 4] -= 1;
            }
            scored_in(id, stage, benefit, F3, "")
        })
        .collect();
    initiatives.push(scored("j-incomplete", [3, 3, 3, 0], F3, ""));
    initiatives.push(scored("k-blocked", B3, [3, 3, 3, 3, 3, 3, 1], ""));
    portfolio(initiatives)
}

#[test]
fn the_pipeline_comes_first_then_each_titled_group() {
    let p = every_stage();
    let a = analyse(&p, date("2026-11-23"));
    assert_eq!(
        ids(&p, a.order.iter().copied()),
        [
            "a-operations",
            "b-rejected",
            "c-approved",
            "d-idea",
            "e-closed",
            "f-project",
            "g-preparation",
            "h-parked",
            "i-realisation",
            "j-incomplete",
            "k-blocked"
        ],
        "the one-list order is the plain ranking"
    );
    assert_eq!(
        ids(&p, a.sectioned.iter().copied()),
        [
            "d-idea",
            "g-preparation",
            "c-approved",
            "f-project",
            "a-operations",
            "e-closed",
            "i-realisation",
            "b-rejected",
            "h-parked",
            "j-incomplete",
            "k-blocked"
        ]
    );
    let sections: Vec<Section> = a.sectioned.iter().map(|&i| a.items[i].section).collect();
    use Section::*;
    assert_eq!(
        sections,
        [
            Pipeline, Pipeline, Committed, Committed, Running, Running, Running, Declined,
            Declined, Incomplete, Blocked
        ]
    );
}

#[test]
fn the_agenda_leaves_out_what_was_decided_today_and_what_awaits_the_council() {
    let decided = |outcome: &str, day: &str| {
        format!("decisions:\n  - {{date: {day}, forum: beredningsgruppen, outcome: {outcome}}}\n")
    };
    let p = portfolio(vec![
        scored("a", [4, 4, 4, 4], F3, &decided("deferred", "2026-11-23")),
        scored("b", [4, 4, 4, 3], F3, &decided("prioritised", "2026-10-01")),
        scored("c", [4, 4, 3, 3], F3, &decided("deferred", "2026-10-01")),
        scored("d", [4, 3, 3, 3], F3, &decided("returned", "2026-10-01")),
        scored_in("e", "approved", B3, F3, ""),
        scored("f", [3, 3, 3, 0], F3, ""),
    ]);
    let a = analyse(&p, date("2026-11-23"));
    assert_eq!(
        ids(&p, a.agenda(&p.initiatives, date("2026-11-23"))),
        ["c", "d", "f"]
    );
    // The next day, today's deferral is back on the agenda.
    assert_eq!(
        ids(&p, a.agenda(&p.initiatives, date("2026-11-24"))),
        ["a", "c", "d", "f"]
    );
    let latest = a.items[1].decision.map(|(_, o)| o.id());
    assert_eq!(latest, Some("prioritised"));
}

#[test]
fn returned_awaits_completion_until_the_file_shows_something_newer() {
    let returned = "decisions:\n  - {date: 2026-10-01, outcome: returned, note: Saknar kalkyl}\n";
    let waiting = scored(
        "waiting",
        B3,
        F3,
        &format!("submitted: 2026-09-01\n{returned}"),
    );
    let resubmitted = scored(
        "again",
        B3,
        F3,
        &format!("submitted: 2026-10-15\n{returned}"),
    );
    let decided_again = scored(
        "decided",
        B3,
        F3,
        &format!("{returned}  - {{date: 2026-10-20, outcome: deferred}}\n"),
    );
    // The latest by date wins, whatever the order written.
    let written_out_of_order = scored(
        "unordered",
        B3,
        F3,
        "decisions:\n  - {date: 2026-11-01, outcome: returned}\n  - {date: 2026-10-01, outcome: deferred}\n",
    );
    let p = portfolio(vec![
        waiting,
        resubmitted,
        decided_again,
        written_out_of_order,
    ]);
    let a = analyse(&p, date("2026-11-23"));
    let flags: Vec<bool> = a.items.iter().map(|i| i.awaiting_completion).collect();
    assert_eq!(flags, [true, false, false, true]);
}

#[test]
fn a_rejected_initiative_is_declined_outside_the_budget_and_off_the_agenda() {
    let rejected = "decisions:\n  - {date: 2026-11-20, outcome: rejected}\n";
    let mut p = portfolio(vec![
        costing("a", "preparation", "400", ""),
        costing("x", "rejected", "100", rejected),
        costing("b", "idea", "500", ""),
    ]);
    p.settings.budget = Some(Dec(d("1000")));
    let a = analyse(&p, date("2026-11-23"));
    let x = &a.items[1];
    assert_eq!(x.section, Section::Declined);
    assert_eq!(BudgetPosition::of(x), BudgetPosition::NotCounted);
    let line = a.budget.clone().expect("a frame");
    assert_eq!((line.within, line.fits), (d("900"), 2));
    assert_eq!(
        ids(&p, a.agenda(&p.initiatives, date("2026-11-23"))),
        ["a", "b"]
    );
}

#[test]
fn the_line_falls_before_the_first_that_does_not_fit_even_if_a_later_one_would() {
    let mut p = portfolio(vec![
        costing("big-first", "preparation", "800", ""),
        costing("too-big", "preparation", "300", ""),
        costing("small", "preparation", "10", ""),
    ]);
    for (n, i) in p.initiatives.iter_mut().enumerate() {
        i.scores.insert("quality", 4 - n as u8);
    }
    p.settings.budget = Some(Dec(d("1000")));
    let a = analyse(&p, date("2026-11-23"));
    let marks: Vec<Option<bool>> = a.order.iter().map(|&i| a.items[i].within_budget).collect();
    assert_eq!(marks, [Some(true), Some(false), Some(false)]);
}

#[test]
fn amounts_near_the_decimal_maximum_saturate_instead_of_panicking() {
    let huge = "79228162514264337593543950335";
    let mut p = portfolio(vec![
        costing("a", "approved", huge, ""),
        costing("b", "project", huge, ""),
        costing(
            "c",
            "preparation",
            huge,
            "  benefits:\n    - {name: N, kind: financial, yearly: 79228162514264337593543950335}\n    - {name: T, kind: reallocation, yearly: 79228162514264337593543950335}\n",
        ),
        costing("d", "idea", huge, ""),
    ]);
    p.settings.budget = Some(Dec(d(huge)));
    let a = analyse(&p, date("2026-11-23"));
    let line = a.budget.clone().expect("a frame");
    assert_eq!(line.committed, d(huge));
    assert_eq!(line.remaining, d("0"));
    let s = summarise(&p, &a);
    assert_eq!(s.ranked.financial, d(huge));
    assert_eq!(s.ranked.benefits, d(huge));
}

#[test]
fn totals_keep_budget_money_apart_from_freed_time() {
    let lines = "  benefits:\n    - {name: Porto, kind: financial, yearly: 100}\n    - {name: Tid, kind: reallocation, yearly: 1000}\n";
    let p = portfolio(vec![
        costing("a", "preparation", "300", lines),
        costing("done", "operations", "5", lines),
    ]);
    let a = analyse(&p, date("2026-11-23"));
    let totals = &a.items[0].case.as_ref().expect("a case").totals;
    assert_eq!(
        (totals.financial, totals.reallocation, totals.benefits),
        (d("200"), d("2000"), d("2200"))
    );
    assert_eq!(
        (totals.net, totals.net_without_reallocation),
        (d("1900"), d("-100"))
    );
    // The summary counts the pipeline only: the running initiative is left out.
    let r = summarise(&p, &a).ranked;
    assert_eq!(
        (r.count, r.financial, r.reallocation),
        (1, d("200"), d("2000"))
    );
    assert_eq!((r.net, r.net_without_reallocation), (d("1900"), d("-100")));
}

#[test]
fn the_mirror_covers_four_principles_and_names_who_misses_each_share() {
    use bered::realisation::{Principle, Requirement};
    let owned = "owner: Anna\nunit: IT\ngoals: [growth]\n";
    let noted = "decisions:\n  - {date: 2026-10-01, outcome: rejected, note: Dubblett}\n";
    let silent = "decisions:\n  - {date: 2026-10-01, outcome: rejected}\n";
    let approved = "decisions:\n  - {date: 2026-10-02, outcome: approved}\n";
    let p = portfolio(vec![
        scored(
            "full",
            [4, 4, 4, 4],
            F3,
            &format!(
                "{owned}motivations:\n  cost_savings: Porto\n  quality: Bättre\n  mandatory: Lag\n  strategic_fit: Strategi\n  compliance: Avtal finns\n{noted}"
            ),
        ),
        scored_in("silent-no", "rejected", [4, 4, 4, 3], F3, silent),
        scored_in(
            "approved",
            "approved",
            B3,
            F3,
            &format!("{owned}{approved}"),
        ),
        scored("partial", [3, 3, 3, 0], F3, owned),
    ]);
    let a = analyse(&p, date("2026-11-23"));
    let s = summarise(&p, &a);
    let principles: Vec<Principle> = s.mirror.iter().map(|m| m.principle).collect();
    assert_eq!(principles, Principle::ALL);
    let missing = |principle: Principle, requirement: Requirement| -> Vec<String> {
        let m = s.mirror.iter().find(|m| m.principle == principle).unwrap();
        let share = m
            .shares
            .iter()
            .find(|x| x.requirement == requirement)
            .unwrap();
        assert_eq!(share.share.total - share.share.count, share.missing.len());
        ids(&p, share.missing.iter().copied())
    };
    use Principle::*;
    use Requirement::*;
    // "silent-no" is rejected: outside portfolio management, so only "approved" lacks a case
    // past preparation, and "full" and "partial" lack no owner.
    assert_eq!(missing(PortfolioManagement, Owner), Vec::<String>::new());
    assert_eq!(missing(PortfolioManagement, Decision), ["partial"]);
    assert_eq!(
        missing(PortfolioManagement, BusinessCasePastPreparation),
        ["approved"]
    );
    // Prioritisation: the pipeline (incl. incomplete) and the committed.
    assert_eq!(missing(Prioritisation, FullyScored), ["partial"]);
    // 4s and the compliance 4 of F3 need a rationale: only "full" gives them.
    assert_eq!(
        missing(Prioritisation, RationaleForExtremes),
        ["approved", "partial"]
    );
    // "approved" was approved while "silent-no", ranked above it, was rejected without a note.
    assert_eq!(missing(Prioritisation, ConsistentWithRanking), ["approved"]);
    let m = s
        .mirror
        .iter()
        .find(|m| m.principle == BenefitRealisation)
        .unwrap();
    assert_eq!((m.population, m.level), (0, None));
}
