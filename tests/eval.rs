//! Scoring on the evaluation model: means, priority, contributions, the gate and the quadrants.

mod engine_support;

use bered::eval::{Gate, GateStatus, Model, Quadrant, breakdown, evaluate, unscored};
use bered::model::Group;
use engine_support::{d, scored};
use proptest::prelude::*;

#[test]
fn scores_are_weighted_means_and_priority_their_product() {
    let i = scored("a", [3, 4, 2, 3], [3, 4, 2, 3, 4, 3, 4], "");
    let e = evaluate(&Model::nacka(), &i);
    assert_eq!(e.benefit_score, Some(d("3")));
    // (3+4+2+3+4+3+4)/7 = 23/7
    assert_eq!(e.feasibility_score.unwrap().round_dp(4), d("3.2857"));
    assert_eq!(e.priority.unwrap().round_dp(4), d("9.8571"));
    assert_eq!(e.gate, GateStatus::Pass);
    assert!(e.complete && e.unscored == 0);
    assert!(unscored(&Model::nacka(), &i).is_empty());
    assert_eq!(e.quadrant, Some(Quadrant::DoNow));
}

#[test]
fn contributions_of_a_group_sum_to_its_score() {
    let mut model = Model::nacka();
    model
        .criteria
        .iter_mut()
        .find(|c| c.id == "mandatory")
        .unwrap()
        .weight = d("2");
    let i = scored(
        "a",
        [3, 4, 2, 1],
        [3, 4, 2, 3, 4, 3, 4],
        "motivations:\n  mandatory: Lagkrav 2027.\n",
    );
    let e = evaluate(&model, &i);
    // (3 + 4 + 2·2 + 1) / 5 = 12/5
    assert_eq!(e.benefit_score, Some(d("2.4")));
    let criteria = breakdown(&model, &i);
    let benefit: Vec<_> = criteria
        .iter()
        .filter(|c| c.group == Group::Benefit)
        .collect();
    let sum: rust_decimal::Decimal = benefit.iter().map(|c| c.contribution.unwrap()).sum();
    assert_eq!(sum, d("2.4"));
    let mandatory = benefit.iter().find(|c| c.id == "mandatory").unwrap();
    assert_eq!(
        (mandatory.weight, mandatory.contribution),
        (d("2"), Some(d("0.8")))
    );
    assert_eq!(mandatory.motivation.as_deref(), Some("Lagkrav 2027."));
    assert_eq!(e.quadrant, Some(Quadrant::QuickWin));
}

#[test]
fn an_unscored_criterion_is_never_a_zero() {
    let i = scored("a", [4, 4, 0, 4], [3, 3, 3, 3, 3, 3, 3], "");
    let e = evaluate(&Model::nacka(), &i);
    assert_eq!(e.benefit_score, None);
    assert_eq!(e.feasibility_score, Some(d("3")));
    assert_eq!((e.priority, e.quadrant), (None, None));
    assert!(!e.complete);
    assert_eq!(e.unscored, 1);
    assert_eq!(unscored(&Model::nacka(), &i), vec!["mandatory".to_string()]);
    let criteria = breakdown(&Model::nacka(), &i);
    let mandatory = criteria.iter().find(|c| c.id == "mandatory").unwrap();
    assert_eq!((mandatory.score, mandatory.contribution), (None, None));
}

fn gate_of(compliance: u8, model: &Model) -> GateStatus {
    evaluate(
        model,
        &scored("a", [3, 3, 3, 3], [3, 3, 3, 3, 3, 3, compliance], ""),
    )
    .gate
}

#[test]
fn gate_edges_at_the_default_minimum() {
    let m = Model::nacka();
    assert_eq!(gate_of(4, &m), GateStatus::Pass);
    assert_eq!(gate_of(3, &m), GateStatus::Warn);
    assert_eq!(gate_of(2, &m), GateStatus::Blocked);
    assert_eq!(gate_of(1, &m), GateStatus::Blocked);
    let unscored = evaluate(&m, &scored("a", [3, 3, 3, 3], [3, 3, 3, 3, 3, 3, 0], ""));
    assert_eq!(unscored.gate, GateStatus::NotAssessed);
    assert!(!unscored.complete);
}

#[test]
fn gate_edges_with_other_minimums_and_no_gate() {
    let mut m = Model::nacka();
    m.gate = Some(Gate {
        criterion: "compliance".into(),
        min: 4,
    });
    // At a minimum of 4 a 4 is the top of the scale: it passes without a warning.
    assert_eq!(gate_of(4, &m), GateStatus::Pass);
    assert_eq!(gate_of(3, &m), GateStatus::Blocked);
    m.gate = Some(Gate {
        criterion: "compliance".into(),
        min: 1,
    });
    assert_eq!(gate_of(1, &m), GateStatus::Warn);
    assert_eq!(gate_of(2, &m), GateStatus::Pass);
    m.gate = Some(Gate {
        criterion: "funding".into(),
        min: 3,
    });
    let e = evaluate(&m, &scored("a", [3, 3, 3, 3], [3, 3, 3, 2, 3, 3, 1], ""));
    assert_eq!(e.gate, GateStatus::Blocked);
    m.gate = None;
    assert_eq!(gate_of(1, &m), GateStatus::Pass);
}

#[test]
fn a_blocked_initiative_keeps_its_scores() {
    let e = evaluate(
        &Model::nacka(),
        &scored("a", [4, 4, 4, 4], [4, 4, 4, 4, 4, 4, 2], ""),
    );
    assert_eq!(e.gate, GateStatus::Blocked);
    assert!(e.complete);
    assert_eq!(e.benefit_score, Some(d("4")));
}

#[test]
fn quadrants_split_at_the_threshold_inclusive() {
    let q = |b: &str, f: &str, t: &str| Quadrant::of(d(b), d(f), d(t));
    assert_eq!(q("2.5", "2.5", "2.5"), Quadrant::DoNow);
    assert_eq!(q("2.5", "2.49", "2.5"), Quadrant::StrengthenFeasibility);
    assert_eq!(q("2.49", "2.5", "2.5"), Quadrant::QuickWin);
    assert_eq!(q("1", "1", "2.5"), Quadrant::Abstain);
    assert_eq!(q("2.5", "2.5", "3"), Quadrant::Abstain);
}

#[test]
fn a_portfolio_threshold_and_replaced_criteria_are_honoured() {
    let mut m = Model::nacka();
    m.quadrant_threshold = d("3.5");
    let e = evaluate(&m, &scored("a", [3, 3, 3, 3], [4, 4, 4, 4, 4, 4, 4], ""));
    assert_eq!(e.quadrant, Some(Quadrant::QuickWin));
    // Another municipality's model: two criteria, no gate.
    m.criteria
        .retain(|c| c.id == "quality" || c.id == "funding");
    m.gate = None;
    let i = scored("a", [1, 2, 1, 1], [1, 1, 1, 4, 1, 1, 1], "");
    let e = evaluate(&m, &i);
    assert_eq!(breakdown(&m, &i).len(), 2);
    assert_eq!(
        (e.benefit_score, e.feasibility_score),
        (Some(d("2")), Some(d("4")))
    );
    assert_eq!(e.priority, Some(d("8")));
}

proptest! {
    #[test]
    fn raising_a_benefit_criterion_never_lowers_the_benefit_score(
        benefit in prop::array::uniform4(1u8..=4),
        weights in prop::array::uniform4(0u32..=40),
        which in 0usize..4,
    ) {
        prop_assume!(benefit[which] < 4);
        let mut model = Model::nacka();
        for (c, w) in model.criteria.iter_mut().zip(weights) {
            c.weight = rust_decimal::Decimal::new(i64::from(w), 1);
        }
        prop_assume!(weights.iter().sum::<u32>() > 0);
        let before = evaluate(&model, &scored("a", benefit, [3; 7], "")).benefit_score.unwrap();
        let mut raised = benefit;
        raised[which] += 1;
        let after = evaluate(&model, &scored("a", raised, [3; 7], "")).benefit_score.unwrap();
        prop_assert!(after >= before, "{before} -> {after}");
    }
}

#[test]
fn criterion_descriptions_come_with_the_model_and_a_portfolio_may_override_them() {
    let model = Model::nacka();
    let complexity = model.criterion("complexity").unwrap();
    assert!(
        complexity
            .wording
            .description(true)
            .contains("1 är hög komplexitet")
    );
    assert_eq!(
        complexity.wording.scale(2, false),
        Some("Fairly high – partly unproven or several dependencies")
    );
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("initiatives")).unwrap();
    std::fs::write(
        dir.path().join("portfolio.yaml"),
        "name: T\nmodel:\n  descriptions:\n    funding:\n      description: Finns pengarna?\n      scale: [Inga, Sökta, Delvis, Alla]\n      scale_en: [None, Sought, Partly, All]\n    fundng:\n      description: Stavfel\n    quality:\n      scale: [a, b]\n",
    )
    .unwrap();
    let loaded = bered::load::load(Some(dir.path())).unwrap();
    let funding = loaded.portfolio.model.criterion("funding").unwrap();
    assert_eq!(funding.wording.description(true), "Finns pengarna?");
    assert_eq!(funding.wording.description(false), "Finns pengarna?");
    assert_eq!(funding.wording.scale(3, true), Some("Delvis"));
    assert_eq!(funding.wording.scale(4, false), Some("All"));
    let messages: Vec<String> = loaded
        .diagnostics
        .iter()
        .map(|d| format!("{d:?}"))
        .collect();
    assert_eq!(messages.len(), 2, "{messages:#?}");
    assert!(messages[0].contains("unknown criterion `fundng`") && messages[0].contains("funding"));
    assert!(messages[1].contains("scores 1–4, found 2"), "{messages:#?}");
    // A rejected scale leaves the model's own wording.
    let quality = loaded.portfolio.model.criterion("quality").unwrap();
    assert_eq!(
        quality.wording.scale(1, true),
        Some("Låg – ingen märkbar förbättring")
    );
}
