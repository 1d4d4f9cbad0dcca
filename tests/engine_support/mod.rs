//! Building portfolios for the engine's tests from YAML text, as the loader would.
#![allow(dead_code)]

use std::path::PathBuf;

use bered::eval::Model;
use bered::load::yaml::parse;
use bered::model::{Date, Dec, Initiative, InitiativeFile, Portfolio, Scores, Settings};
use rust_decimal::Decimal;

pub fn d(s: &str) -> Decimal {
    s.parse().unwrap()
}

pub fn date(s: &str) -> Date {
    Date::parse(s).unwrap()
}

/// An initiative from its YAML, with the scores the loader would have validated.
pub fn initiative(id: &str, yaml: &str) -> Initiative {
    let file: InitiativeFile = parse(yaml).unwrap_or_else(|e| panic!("{id}: {e:?}"));
    let scores: Scores = file
        .scores
        .iter()
        .map(|(k, v)| (k.value.clone(), v.value.0.parse().unwrap()))
        .collect();
    Initiative {
        id: id.into(),
        path: PathBuf::from(format!("initiatives/{id}.yaml")),
        file,
        scores,
    }
}

pub fn settings() -> Settings {
    Settings {
        name: "Test".into(),
        planning_year: Some(2026),
        discount_rate: Dec(d("0.03")),
        hourly_cost: Some(Dec(d("520"))),
        ..Settings::default()
    }
}

pub fn portfolio(initiatives: Vec<Initiative>) -> Portfolio {
    Portfolio {
        settings: settings(),
        model: Model::nacka(),
        initiatives,
    }
}

/// A `scores:` block for Nacka's model; 0 leaves a criterion unscored.
pub fn scores(benefit: [u8; 4], feasibility: [u8; 7]) -> String {
    let mut out = String::from("scores:\n");
    // Nacka's criteria in the model's order: the four benefit ones, then the seven feasibility.
    let model = Model::nacka();
    let pairs = model
        .criterion_ids()
        .zip(benefit.into_iter().chain(feasibility));
    for (id, score) in pairs {
        if score > 0 {
            out.push_str(&format!("  {id}: {score}\n"));
        }
    }
    out
}

/// A minimal initiative in preparation with the given scores and extra YAML lines.
pub fn scored(id: &str, benefit: [u8; 4], feasibility: [u8; 7], extra: &str) -> Initiative {
    scored_in(id, "preparation", benefit, feasibility, extra)
}

pub fn scored_in(
    id: &str,
    stage: &str,
    benefit: [u8; 4],
    feasibility: [u8; 7],
    extra: &str,
) -> Initiative {
    let yaml = format!(
        "title: {id}\nstage: {stage}\n{}{extra}",
        scores(benefit, feasibility)
    );
    initiative(id, &yaml)
}

/// DOMAIN.md's example initiative, verbatim.
pub const BYGGLOV: &str = "title: Digital ansökan om bygglov
summary: Sökande lämnar kompletta ansökningar digitalt med vägledning.
unit: Stadsbyggnad
owner: Maria Svensson
submitted: 2026-09-14
stage: preparation
tags: [e-tjänst, medborgare]
goals: [best-development, value-for-money]
hypotheses:
  - Som sökande vill jag se vad som saknas i min ansökan för att slippa kompletteringar.
scores:
  cost_savings: 3
  quality: 4
  mandatory: 2
  strategic_fit: 3
  competence: 3
  management_support: 4
  complexity: 2
  funding: 3
  object_management: 4
  technical_support: 3
  compliance: 4
motivations:
  complexity: Integrationen mot ärendesystemet är oprövad.
business_case:
  start_year: 2026
  years: 8
  costs:
    - {name: Upphandling och införande, kind: investment, amounts: {2026: 520000, 2027: 35000}}
    - {name: Licenser och förvaltning, kind: operations, amounts: {2027: 125000, 2028: 95000}, yearly: 85000, from: 2029}
  benefits:
    - {name: Minskat porto, kind: financial, yearly: 6400}
    - {name: Frigjord handläggartid, kind: reallocation, hours: 154, range: [0.7, 1.2]}
  quality_shift: {2027: 0.5, 2028: 0.5}
benefits:
  - id: kortare-handlaggning
    title: Kortare handläggningstid
    kind: reallocation
    chain: Genom att ansökan blir komplett från början minskar kompletteringarna, vilket leder till kortare handläggningstid.
    owner: Enhetschef bygglov
    indicator: Median handläggningstid (dagar)
    baseline: 42
    target: 28
    start: 2026-01-01
    due: 2027-12-31
    freed_time_use: Fler tillsynsbesök
    follow_up:
      - {date: 2027-06-30, value: 35, note: Efter första halvåret}
decisions:
  - {date: 2026-10-12, forum: beredningsgruppen, outcome: prioritised, note: Under förutsättning att finansieringen säkras.}
";

/// A small portfolio with something in every group, a budget and started initiatives.
pub fn sample() -> Portfolio {
    let mut p = portfolio(vec![
        initiative("e-tjanst-bygglov", BYGGLOV),
        initiative(
            "chattbot",
            &format!(
                "title: Chattbot för kontaktcenter med en mycket lång titel som måste kapas\nunit: Kontaktcenter\nstage: idea\ntags: [AI]\n{}",
                scores([2, 2, 1, 1], [2, 2, 2, 1, 1, 2, 3])
            ),
        ),
        initiative(
            "ekonomisystem",
            &format!(
                "title: Nytt ekonomisystem\nunit: Ekonomi\nstage: project\ngoals: [value-for-money]\n{}business_case:\n  start_year: 2025\n  years: 5\n  costs:\n    - {{name: Licens, kind: operations, yearly: 2000000}}\n  benefits:\n    - {{name: Effektivare, kind: financial, yearly: 3000000}}\nbenefits:\n  - {{id: snabbare-bokslut, title: Snabbare bokslut, owner: CFO, indicator: Dagar, baseline: 20, target: 10, start: 2025-01-01, due: 2026-12-31}}\n",
                scores([4, 2, 4, 3], [3, 3, 2, 4, 4, 3, 4])
            ),
        ),
        initiative(
            "skolplattform",
            &format!(
                "title: Skolplattform\nunit: Utbildning\nstage: preparation\ngoals: [best-development]\n{}",
                scores([4, 4, 3, 4], [3, 3, 3, 3, 3, 3, 1])
            ),
        ),
        initiative(
            "e-arkiv",
            &format!(
                "title: E-arkiv\nunit: Kansli\nstage: preparation\ngoals: [growth]\n{}business_case:\n  start_year: 2026\n  years: 3\n  costs:\n    - {{name: Införande, kind: investment, amounts: {{2026: 15000000}}}}\n",
                scores([3, 3, 4, 0], [3, 3, 3, 3, 3, 3, 3])
            ),
        ),
    ]);
    p.settings.name = "Nacka kommun – digitaliseringsportfölj".into();
    p.settings.budget = Some(Dec(d("12000000")));
    p.settings.strategic_goals = vec![
        bered::model::StrategicGoal {
            id: "value-for-money".into(),
            name: "Maximalt värde för skattepengarna".into(),
        },
        bered::model::StrategicGoal {
            id: "growth".into(),
            name: "Stark och balanserad tillväxt".into(),
        },
        bered::model::StrategicGoal {
            id: "best-development".into(),
            name: "Bästa utveckling för alla".into(),
        },
    ];
    p
}
