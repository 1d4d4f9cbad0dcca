//! Benefit status on rising and falling targets around each boundary, and the flags.

mod engine_support;

use bered::eval::{Model, analyse, evaluate};
use bered::i18n::Lang;
use bered::i18n::words::flag_reason;
use bered::load::yaml::parse;
use bered::model::{BenefitFile, Date};
use bered::realisation::{BenefitStatus, FlagKind, benefit_status, flags, is_overdue};
use engine_support::{d, date, portfolio, scored, scored_in};

use BenefitStatus::*;

/// Start 2026-01-01, due 100 days later (2026-04-11), so the planned share is days ÷ 100.
fn benefit(baseline: &str, target: &str, follow_ups: &[(i64, &str)]) -> BenefitFile {
    let start = date("2026-01-01");
    let mut yaml = format!(
        "id: b\ntitle: B\nindicator: Dagar\nbaseline: {baseline}\ntarget: {target}\nstart: 2026-01-01\ndue: {}\nfollow_up:\n",
        Date::from_days(start.days() + 100)
    );
    for (day, value) in follow_ups {
        yaml.push_str(&format!(
            "  - {{date: {}, value: {value}}}\n",
            Date::from_days(start.days() + day)
        ));
    }
    if follow_ups.is_empty() {
        yaml = yaml.replace("follow_up:\n", "");
    }
    parse(&yaml).unwrap()
}

fn day(n: i64) -> Date {
    Date::from_days(date("2026-01-01").days() + n)
}

fn status(baseline: &str, target: &str, follow_ups: &[(i64, &str)], as_of: i64) -> BenefitStatus {
    benefit_status(&benefit(baseline, target, follow_ups), day(as_of)).status
}

#[test]
fn rising_target_around_the_gap_boundaries() {
    // Measured on day 50: planned 0.5.
    let at = |v| status("0", "100", &[(50, v)], 60);
    assert_eq!(at("60"), OnTrack);
    assert_eq!(at("40"), OnTrack); // gap 0.10 exactly
    assert_eq!(at("39"), AtRisk); // gap 0.11
    assert_eq!(at("25"), AtRisk); // gap 0.25 exactly
    assert_eq!(at("24"), Behind); // gap 0.26
    assert_eq!(at("100"), Realised);
    assert_eq!(at("130"), Realised);
}

#[test]
fn falling_target_around_the_gap_boundaries() {
    // Lead time from 200 down to 100 days.
    let at = |v| status("200", "100", &[(50, v)], 60);
    assert_eq!(at("150"), OnTrack);
    assert_eq!(at("160"), OnTrack); // achieved 0.4, gap 0.10
    assert_eq!(at("161"), AtRisk);
    assert_eq!(at("175"), AtRisk); // gap 0.25
    assert_eq!(at("176"), Behind);
    assert_eq!(at("100"), Realised);
    assert_eq!(at("90"), Realised);
    assert_eq!(at("210"), Behind); // worse than the baseline
}

#[test]
fn progress_figures_are_reported() {
    let p = benefit_status(&benefit("200", "100", &[(10, "190"), (50, "160")]), day(60));
    assert_eq!(p.latest, Some((day(50), d("160"))));
    assert_eq!(p.achieved, Some(d("0.4")));
    assert_eq!(p.planned, Some(d("0.5")));
}

#[test]
fn before_start_and_the_first_half_year_without_measurements() {
    // A long horizon so that the due date is not what decides.
    let long = |as_of: Date| {
        let b: BenefitFile = parse(
            "id: b\ntitle: B\nindicator: x\nbaseline: 0\ntarget: 10\nstart: 2026-01-01\ndue: 2028-12-31\n",
        )
        .unwrap();
        benefit_status(&b, as_of).status
    };
    assert_eq!(long(date("2025-12-31")), NotStarted);
    assert_eq!(long(day(183)), NotStarted);
    assert_eq!(long(day(184)), NotFollowedUp);
    // A measurement before the start does not start the benefit.
    assert_eq!(status("0", "100", &[(-10, "5")], -1), NotStarted);
}

#[test]
fn the_due_date_without_measurements() {
    assert_eq!(status("0", "100", &[], 100), NotStarted);
    assert_eq!(status("0", "100", &[], 101), NotFollowedUp);
}

#[test]
fn stale_measurements_are_not_a_follow_up() {
    let b: BenefitFile = parse(
        "id: b\ntitle: B\nindicator: x\nbaseline: 0\ntarget: 1000\nstart: 2026-01-01\ndue: 2028-12-31\nfollow_up:\n  - {date: 2026-02-01, value: 50}\n",
    )
    .unwrap();
    let measured = date("2026-02-01").days();
    assert_eq!(
        benefit_status(&b, Date::from_days(measured + 183)).status,
        OnTrack
    );
    assert_eq!(
        benefit_status(&b, Date::from_days(measured + 184)).status,
        NotFollowedUp
    );
}

#[test]
fn after_the_due_date() {
    // Last measured before due: nobody looked at the result.
    assert_eq!(status("0", "100", &[(90, "95")], 101), NotFollowedUp);
    // Measured on the due date without reaching the target: behind, whatever the slope said.
    assert_eq!(status("0", "100", &[(100, "95")], 101), Behind);
    assert_eq!(status("0", "100", &[(100, "100")], 101), Realised);
    assert_eq!(status("200", "100", &[(120, "120")], 130), Behind);
}

#[test]
fn measurements_after_the_as_of_date_are_ignored() {
    let b = benefit("0", "100", &[(30, "30"), (90, "100")]);
    assert_eq!(benefit_status(&b, day(40)).status, OnTrack);
    assert_eq!(benefit_status(&b, day(40)).latest, Some((day(30), d("30"))));
    assert_eq!(benefit_status(&b, day(95)).status, Realised);
}

#[test]
fn without_a_measurable_line() {
    let vague: BenefitFile = parse("id: b\ntitle: Nöjdare medborgare\ndue: 2026-06-30\n").unwrap();
    assert_eq!(
        benefit_status(&vague, date("2026-06-30")).status,
        NotStarted
    );
    assert_eq!(
        benefit_status(&vague, date("2026-07-01")).status,
        NotFollowedUp
    );
    assert!(is_overdue(&vague, date("2026-07-01")));
    let no_due: BenefitFile = parse("id: b\ntitle: B\n").unwrap();
    assert_eq!(
        benefit_status(&no_due, date("2040-01-01")).status,
        NotStarted
    );
    let measured: BenefitFile =
        parse("id: b\ntitle: B\nfollow_up:\n  - {date: 2026-03-01, value: 3}\n").unwrap();
    assert_eq!(
        benefit_status(&measured, date("2026-04-01")).status,
        NotFollowedUp
    );
    // Measured but without a goal: not overdue, the goal is what is missing.
    assert!(!is_overdue(&measured, date("2026-04-01")));
    // A target equal to the baseline promises nothing measurable.
    let flat = benefit("5", "5", &[(50, "5")]);
    assert_eq!(benefit_status(&flat, day(60)).status, NotFollowedUp);
    // Baseline and target without dates: a reached target is still recognised.
    let undated: BenefitFile = parse(
        "id: b\ntitle: B\nbaseline: 42\ntarget: 28\nfollow_up:\n  - {date: 2026-03-01, value: 27}\n",
    )
    .unwrap();
    assert_eq!(
        benefit_status(&undated, date("2026-04-01")).status,
        Realised
    );
}

const GOOD_BENEFIT: &str = "goals: [growth]
benefits:
  - id: tid
    title: Kortare handläggning
    kind: reallocation
    owner: Enhetschef
    indicator: Dagar
    baseline: 42
    target: 28
    start: 2026-01-01
    due: 2027-12-31
    freed_time_use: Fler tillsynsbesök
    follow_up:
      - {date: 2026-09-30, value: 37}
business_case:
  start_year: 2026
  years: 2
  benefits:
    - {name: Tid, kind: reallocation, hours: 100}
";

fn flag_ids(extra: &str, benefit: [u8; 4], feasibility: [u8; 7]) -> Vec<&'static str> {
    let i = scored("a", benefit, feasibility, extra);
    let m = Model::nacka();
    let e = evaluate(&m, &i);
    flags(&m, &i, &e, date("2026-11-23"))
        .iter()
        .map(|f| f.kind.id())
        .collect()
}

#[test]
fn a_well_prepared_initiative_has_no_flags() {
    assert!(flag_ids(GOOD_BENEFIT, [3; 4], [3; 7]).is_empty());
}

#[test]
fn each_flag_with_its_cause() {
    assert_eq!(
        flag_ids("", [3, 3, 3, 0], [3, 3, 3, 3, 3, 3, 2]),
        [
            "no_measurable_goal",
            "no_strategic_goal",
            "no_business_case",
            "gate_blocked",
            "incomplete_scores"
        ]
    );
    let unowned = GOOD_BENEFIT.replace("    owner: Enhetschef\n", "");
    assert_eq!(flag_ids(&unowned, [3; 4], [3; 7]), ["no_benefit_owner"]);
    let vague = GOOD_BENEFIT.replace("    baseline: 42\n", "");
    assert_eq!(flag_ids(&vague, [3; 4], [3; 7]), ["no_measurable_goal"]);
    let no_use = GOOD_BENEFIT.replace("    freed_time_use: Fler tillsynsbesök\n", "");
    assert_eq!(
        flag_ids(&no_use, [3; 4], [3; 7]),
        ["freed_time_use_missing"]
    );
    let overdue = GOOD_BENEFIT.replace("2026-09-30", "2026-03-31");
    assert_eq!(flag_ids(&overdue, [3; 4], [3; 7]), ["follow_up_overdue"]);
}

#[test]
fn reallocation_money_without_a_plan_for_freed_time_is_flagged() {
    let financial_only = GOOD_BENEFIT
        .replace("    kind: reallocation\n", "    kind: financial\n")
        .replace("    freed_time_use: Fler tillsynsbesök\n", "");
    assert_eq!(
        flag_ids(&financial_only, [3; 4], [3; 7]),
        ["freed_time_use_missing"]
    );
}

#[test]
fn flag_reasons_in_both_languages() {
    let i = scored("a", [3, 3, 3, 0], [3, 3, 3, 3, 3, 3, 0], "");
    let m = Model::nacka();
    let e = evaluate(&m, &i);
    let f = flags(&m, &i, &e, date("2026-11-23"));
    let incomplete = f
        .iter()
        .find(|f| f.kind == FlagKind::IncompleteScores)
        .unwrap();
    assert_eq!(
        flag_reason(incomplete, &m, Lang::Sv),
        "Ej bedömda kriterier: Följer styrdokument, Regelefterlevnad (juridik, dataskydd, infosäk)"
    );
    assert_eq!(
        flag_reason(incomplete, &m, Lang::En),
        "Unscored criteria: Follows governing documents, Compliance (law, data protection, infosec)"
    );
    let case = f
        .iter()
        .find(|f| f.kind == FlagKind::NoBusinessCase)
        .unwrap();
    assert_eq!(flag_reason(case, &m, Lang::Sv), "Nyttokalkyl saknas");
    for flag in &f {
        assert_ne!(
            flag_reason(flag, &m, Lang::Sv),
            flag_reason(flag, &m, Lang::En)
        );
    }
}

#[test]
fn rejected_and_parked_initiatives_ask_nothing() {
    for stage in ["rejected", "parked"] {
        let p = portfolio(vec![scored_in("a", stage, [3, 0, 0, 0], [1; 7], "")]);
        assert!(analyse(&p, date("2026-11-23")).items[0].flags.is_empty());
    }
}

#[test]
fn a_blocked_gate_says_what_was_scored_against_what() {
    let m = Model::nacka();
    let blocked = scored("b", [3; 4], [3, 3, 3, 3, 3, 3, 2], "");
    let f = flags(&m, &blocked, &evaluate(&m, &blocked), date("2026-11-23"));
    let gate = f.iter().find(|f| f.kind == FlagKind::GateBlocked).unwrap();
    assert_eq!(
        flag_reason(gate, &m, Lang::En),
        "Blocked by the compliance gate: Compliance (law, data protection, infosec) 2 < 3"
    );
    assert_eq!(
        flag_reason(gate, &m, Lang::Sv),
        "Spärrad av regelefterlevnaden: Regelefterlevnad (juridik, dataskydd, infosäk) 2 < 3"
    );
}

#[test]
fn measurements_at_the_decimal_limits_never_panic() {
    let max = "79228162514264337593543950335";
    let min = "-79228162514264337593543950335";
    // value − baseline and target − baseline overflow: no share, a status all the same.
    let s = status(min, max, &[(100, max)], 120);
    assert_eq!(s, Realised);
    let s = status(max, min, &[(100, max)], 120);
    assert!(BenefitStatus::ALL.contains(&s));
    let s = status("0", "1", &[(100, min)], 120);
    assert!(BenefitStatus::ALL.contains(&s));
}
