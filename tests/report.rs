//! The non-interactive reports: rank, show and summary in every format.

mod engine_support;

use bered::eval::analyse;
use bered::i18n::Lang;
use bered::report::*;
use engine_support::{date, sample};
use serde_json::Value;

fn json(text: &str) -> Value {
    serde_json::from_str(text).unwrap()
}

#[test]
fn rank_json_follows_the_contract() {
    let p = sample();
    let a = analyse(&p, date("2027-08-01"));
    let rows = json(&rank_json(&p, &a, &a.order, Lang::Sv));
    let rows = rows.as_array().unwrap();
    assert_eq!(rows.len(), 5);
    let ids: Vec<&str> = rows.iter().map(|r| r["id"].as_str().unwrap()).collect();
    assert_eq!(
        ids,
        [
            "ekonomisystem",
            "e-tjanst-bygglov",
            "chattbot",
            "e-arkiv",
            "skolplattform"
        ]
    );
    let bygglov = &rows[1];
    for key in [
        "rank",
        "id",
        "title",
        "unit",
        "stage",
        "benefit_score",
        "feasibility_score",
        "priority",
        "gate",
        "complete",
        "quadrant",
        "npv",
        "payback_year",
        "within_budget",
        "flags",
    ] {
        assert!(bygglov.get(key).is_some(), "missing {key}");
    }
    assert_eq!(bygglov["rank"], 2);
    assert_eq!(bygglov["benefit_score"], "3");
    assert_eq!(bygglov["feasibility_score"], "3.29");
    assert_eq!(bygglov["priority"], "9.86");
    assert_eq!(bygglov["gate"], "pass");
    assert_eq!(bygglov["quadrant"], "do_now");
    assert_eq!(bygglov["payback_year"], Value::Null);
    assert_eq!(bygglov["within_budget"], true);
    // A present value is not exact by nature: it goes out rounded to öre.
    assert_eq!(bygglov["npv"], "-506540.67");
    let incomplete = &rows[3];
    assert_eq!(
        (
            incomplete["complete"].clone(),
            incomplete["priority"].clone()
        ),
        (false.into(), Value::Null)
    );
    assert_eq!(
        rows[4]["flags"],
        serde_json::json!(["no_measurable_goal", "no_business_case", "gate_blocked"])
    );
}

#[test]
fn rank_table_fits_100_columns_in_both_languages() {
    let p = sample();
    let a = analyse(&p, date("2027-08-01"));
    for lang in [Lang::Sv, Lang::En] {
        let table = rank_table(&p, &a, &a.order, lang);
        for line in table.lines() {
            assert!(
                line.chars().count() <= 100,
                "{} chars: {line}",
                line.chars().count()
            );
        }
        assert!(table.contains("Chattbot för…"), "{table}");
    }
    let sv = rank_table(&p, &a, &a.order, Lang::Sv);
    // Stage, latest decision, priority, gate symbol, NPV, planning-year cost, within/beyond.
    assert!(
        sv.contains("   2 e-tjanst-b… Digital ansö… Beredning   Prioriterad  9,86 ✓        -506\u{a0}541    520\u{a0}000 inom"),
        "{sv}"
    );
    assert!(sv.contains("── Spärrade av regelefterlevnaden"));
    assert!(sv.contains(" ✗ "));
}

#[test]
fn the_budget_line_is_drawn_where_the_money_runs_out() {
    let mut p = sample();
    p.settings.budget = Some(bered::model::Dec("1000000".parse().unwrap()));
    let a = analyse(&p, date("2027-08-01"));
    let table = rank_table(&p, &a, &a.order, Lang::En);
    let lines: Vec<&str> = table.lines().collect();
    let at = lines
        .iter()
        .position(|l| {
            l.contains(
                "the budget runs out here (budget 2026: 1,000,000 kr · already committed 2,000,000 kr)",
            )
        })
        .unwrap();
    // Ekonomisystem, a project, is already committed: its 2 000 000 in 2026 come off the frame
    // first. Nothing of the pipeline fits: the line comes before the bygglov initiative.
    assert!(lines[at - 1].contains("ekonomisys"), "{table}");
    assert!(
        lines[at + 1].contains("e-tjanst-b") && lines[at + 1].ends_with("beyond"),
        "{table}"
    );
    assert!(table.contains("remaining -1,000,000 kr"), "{table}");
    let md = rank_markdown(&p, &a, &a.order, Lang::En);
    assert!(
        md.contains("| **── ✂ the budget runs out here (budget 2026: 1,000,000 kr · already committed 2,000,000 kr) ──** | |"),
        "{md}"
    );
}

#[test]
fn rank_csv_is_plain_and_quoted() {
    let mut p = sample();
    p.initiatives[0].file.title.value = "Bygglov, digitalt".into();
    let a = analyse(&p, date("2027-08-01"));
    let csv = rank_csv(&p, &a, &a.order, Lang::En);
    let mut lines = csv.lines();
    assert!(
        lines
            .next()
            .unwrap()
            .starts_with("rank,id,title,unit,stage,")
    );
    assert!(csv.contains("2,e-tjanst-bygglov,\"Bygglov, digitalt\",Stadsbyggnad,preparation,ranked,3,3.29,9.86,pass,true,do_now,-506540.67"), "{csv}");
    assert!(
        csv.contains(",no_measurable_goal;no_business_case;gate_blocked,blocked,,,false\n"),
        "{csv}"
    );
    // Swedish: as a Swedish spreadsheet opens it, with a byte order mark, `;` and decimal commas.
    let sv = rank_csv(&p, &a, &a.order, Lang::Sv);
    assert!(sv.starts_with("\u{feff}rank;id;title;"), "{sv}");
    assert!(sv.contains("2;e-tjanst-bygglov;Bygglov, digitalt;Stadsbyggnad;preparation;ranked;3;3,29;9,86;pass;true;do_now;-506540,67;"), "{sv}");
    let tabs = rank_csv_with(&p, &a, &a.order, Lang::Sv, Some(b'\t'));
    assert!(
        tabs.contains("2\te-tjanst-bygglov\tBygglov, digitalt\t"),
        "{tabs}"
    );
}

#[test]
fn filters_match_any_within_a_kind_and_all_across_kinds() {
    let p = sample();
    let a = analyse(&p, date("2027-08-01"));
    let ids = |f: &RankFilter| -> Vec<String> {
        f.validate(&p).unwrap();
        f.apply(&p, &a)
            .iter()
            .map(|&i| p.initiatives[i].id.clone())
            .collect()
    };
    let stage = RankFilter {
        stage: vec!["idea".into(), "project".into()],
        ..Default::default()
    };
    assert_eq!(ids(&stage), ["ekonomisystem", "chattbot"]);
    let both = RankFilter {
        flag: vec!["no_business_case".into()],
        stage: vec!["preparation".into()],
        ..Default::default()
    };
    assert_eq!(ids(&both), ["skolplattform"]);
    let unit = RankFilter {
        unit: vec!["stadsbyggnad".into()],
        ..Default::default()
    };
    assert_eq!(ids(&unit), ["e-tjanst-bygglov"]);
    let goal = RankFilter {
        goal: vec!["growth".into()],
        gate: vec!["warn".into()],
        ..Default::default()
    };
    assert_eq!(ids(&goal), ["e-arkiv"]);
    let tag = RankFilter {
        tag: vec!["ai".into()],
        ..Default::default()
    };
    assert_eq!(ids(&tag), ["chattbot"]);
    assert!(RankFilter::default().is_empty());
}

#[test]
fn a_filter_typo_lists_the_valid_values() {
    let p = sample();
    let bad = RankFilter {
        stage: vec!["idee".into()],
        ..Default::default()
    };
    let e = bad.validate(&p).unwrap_err();
    assert_eq!(
        e.to_string(),
        "unknown stage `idee`; valid values: approved, closed, idea, operations, parked, preparation, project, realisation, rejected"
    );
    let unit = RankFilter {
        unit: vec!["Bygglov".into()],
        ..Default::default()
    };
    let e = unit.validate(&p).unwrap_err();
    assert_eq!(
        e.to_string(),
        "unknown unit `Bygglov`; valid values: Ekonomi, Kansli, Kontaktcenter, Stadsbyggnad, Utbildning"
    );
    let flag = RankFilter {
        flag: vec!["blocked".into()],
        ..Default::default()
    };
    assert!(
        flag.validate(&p)
            .unwrap_err()
            .to_string()
            .contains("gate_blocked")
    );
}

#[test]
fn show_json_explains_the_score_and_carries_the_case() {
    let p = sample();
    let a = analyse(&p, date("2027-08-01"));
    let v = json(&show_json(&p, &a, 0, Lang::Sv));
    assert_eq!(v["id"], "e-tjanst-bygglov");
    assert_eq!(v["stage"], "preparation");
    let criteria = v["evaluation"]["criteria"].as_array().unwrap();
    assert_eq!(criteria.len(), 11);
    let complexity = criteria.iter().find(|c| c["id"] == "complexity").unwrap();
    assert_eq!(complexity["score"], 2);
    assert_eq!(complexity["weight"], "1");
    assert_eq!(complexity["contribution"], "0.29");
    assert_eq!(
        complexity["motivation"],
        "Integrationen mot ärendesystemet är oprövad."
    );
    assert_eq!(v["evaluation"]["priority"], "9.86");
    let years = v["business_case"]["years"].as_array().unwrap();
    assert_eq!(years.len(), 8);
    assert_eq!(years[0]["year"], 2026);
    assert_eq!(years[0]["costs"], "-520000");
    assert_eq!(years[0]["reallocation"], "80080"); // 154 h × 520 kr
    assert_eq!(years[0]["ratio"], "0.17");
    assert_eq!(years[1]["quality_shift"], "0.5");
    let totals = &v["business_case"]["totals"];
    assert_eq!(totals["costs"], "-1200000");
    assert_eq!(totals["payback_year"], Value::Null);
    assert_eq!(totals["ratio"], "0.58");
    let benefit = &v["benefits"][0];
    assert_eq!(benefit["status"], "at_risk");
    assert_eq!(benefit["achieved"], "0.5");
    assert_eq!(benefit["latest"]["value"], "35");
}

#[test]
fn show_text_and_markdown_say_it_in_words() {
    let p = sample();
    let a = analyse(&p, date("2027-08-01"));
    let sv = show_text(&p, &a, 0, Lang::Sv);
    assert!(
        sv.contains("Projektets komplexitet                              2     1    0,29"),
        "{sv}"
    );
    assert!(
        sv.contains(
            "Återbetalningsår:          ingen återbetalning inom kalkylperioden (2026–2033)"
        ),
        "{sv}"
    );
    assert!(sv.contains("Kortare handläggningstid (kortare-handlaggning) — Risk för försening"));
    // The years across, as in Nacka's template, four years a table for eight years.
    assert!(
        sv.contains(
            "  Kostnader                            -520\u{a0}000  -160\u{a0}000   -95\u{a0}000   -85\u{a0}000\n"
        ),
        "{sv}"
    );
    let en = show_markdown(&p, &a, 0, Lang::En);
    assert!(en.starts_with("# Digital ansökan om bygglov (e-tjanst-bygglov)\n"));
    assert!(
        en.contains("- **Payback year:** no payback within the horizon (2026–2033)"),
        "{en}"
    );
    assert!(
        en.contains("| Benefit ratio | 0.17 | 0.54 | 0.91 | 1.02 |")
            && en.contains("| Ratio ×10 (template) | 1.7 | 5.4 | 9.1 | 10.2 |"),
        "{en}"
    );
    let none = show_text(&p, &a, 1, Lang::En);
    assert!(none.contains("No business case."));
    assert!(
        none.contains("\n  • ⚑ Not linked to any strategic goal\n"),
        "{none}"
    );
}

#[test]
fn unknown_ids_get_suggestions() {
    let p = sample();
    assert_eq!(find_initiative(&p, "chattbot"), Ok(1));
    let e = find_initiative(&p, "bygglov").unwrap_err();
    assert_eq!(
        e.to_string(),
        "no initiative with id `bygglov`; did you mean `e-tjanst-bygglov`?"
    );
    assert_eq!(
        find_initiative(&p, "zzz").unwrap_err().to_string(),
        "no initiative with id `zzz`"
    );
}

#[test]
fn summary_in_json_and_text() {
    let p = sample();
    let a = analyse(&p, date("2027-08-01"));
    let v = json(&summary_json(&p, &a, Lang::Sv));
    assert_eq!(v["initiatives"], 5);
    // The pipeline's totals: ekonomisystem, a project, is already committed.
    assert_eq!(v["ranked"]["count"], 2);
    assert_eq!(v["ranked"]["costs"], "-1200000");
    assert_eq!(v["ranked"]["planning_year_cost"], "520000");
    assert_eq!(v["ranked"]["committed"], "2000000");
    assert_eq!(v["ranked"]["financial"], "51200");
    assert_eq!(v["ranked"]["reallocation"], "640640");
    assert_eq!(v["ranked"]["net_without_reallocation"], "-1148800");
    assert_eq!(v["maturity"]["population"], 1);
    assert_eq!(v["maturity"]["current_follow_up"]["count"], 0);
    assert_eq!(v["maturity"]["benefit_realisation_level"], 2);
    let names: Vec<&str> = v["should_not_prioritise"]
        .as_array()
        .unwrap()
        .iter()
        .map(|n| n["id"].as_str().unwrap())
        .collect();
    assert_eq!(names, ["chattbot", "e-arkiv", "skolplattform"]);
    let text = summary_text(&p, &a, Lang::Sv);
    assert!(
        text.contains("Datan speglar nivå 2 för nyttorealisering och nivå 2 för nyttokontroll"),
        "{text}"
    );
    assert!(
        text.contains("Alternativkostnad (uteblivna nyttor per år)"),
        "{text}"
    );
    let md = summary_markdown(&p, &a, Lang::En);
    assert!(md.contains("## Cost of delay"));
    assert!(md.contains("| Chattbot för kontaktcenter med en mycket lång titel som måste kapas (chattbot) | ⚑ No benefit realisation; Not linked to strategy; Poor solution |"), "{md}");
}
