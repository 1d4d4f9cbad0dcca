//! `bered summary`: the portfolio at a glance as text, Markdown or JSON.

use serde_json::{Value, json};

use super::doc::Doc;
use super::fmt::{Align, json_exact, json_exact_opt, json_rounded, money, percent};
use crate::eval::Analysis;
use crate::i18n::{Lang, words};
use crate::model::Portfolio;
use crate::realisation::{Maturity, Share, Summary, summarise};

pub fn summary_text(portfolio: &Portfolio, analysis: &Analysis, lang: Lang) -> String {
    summary_doc(portfolio, &summarise(portfolio, analysis), lang).to_text()
}

pub fn summary_markdown(portfolio: &Portfolio, analysis: &Analysis, lang: Lang) -> String {
    summary_doc(portfolio, &summarise(portfolio, analysis), lang).to_markdown()
}

fn summary_doc(portfolio: &Portfolio, s: &Summary, lang: Lang) -> Doc {
    let mut doc = Doc::default();
    let name = if portfolio.settings.name.is_empty() {
        lang.pick("Portföljen", "The portfolio")
    } else {
        &portfolio.settings.name
    };
    doc.heading(
        1,
        format!(
            "{name} — {} {}",
            lang.pick("sammanfattning per", "summary as of"),
            s.as_of
        ),
    );
    let mut groups = vec![(
        lang.pick("Initiativ", "Initiatives"),
        s.initiatives.to_string(),
    )];
    groups.extend(
        s.by_group
            .iter()
            .map(|(g, n)| (words::group(*g, lang), n.to_string())),
    );
    doc.fields(groups);
    counts(&mut doc, s, lang);
    ranked(&mut doc, s, lang);
    cost_of_delay(&mut doc, portfolio, s, lang);
    mirror(&mut doc, &s.maturity, lang);
    not_prioritise(&mut doc, portfolio, s, lang);
    doc
}

fn counts(doc: &mut Doc, s: &Summary, lang: Lang) {
    let none = lang.pick("(inget angivet)", "(none given)");
    let count_header = lang.pick("Antal", "Count");
    let stages = s
        .by_stage
        .iter()
        .filter(|(_, n)| *n > 0)
        .map(|(k, n)| {
            vec![
                k.map_or(none, |k| words::stage(k, lang)).to_string(),
                n.to_string(),
            ]
        })
        .collect();
    doc.heading(2, lang.pick("Per steg", "By stage"));
    doc.table(
        &[lang.pick("Steg", "Stage"), count_header],
        &[Align::Left, Align::Right],
        stages,
    );
    let unscored = lang.pick("(ofullständigt bedömda)", "(incompletely scored)");
    let quadrants = s
        .by_quadrant
        .iter()
        .map(|(k, n)| {
            vec![
                k.map_or(unscored, |k| words::quadrant(k, lang)).to_string(),
                n.to_string(),
            ]
        })
        .collect();
    doc.heading(2, lang.pick("Per kvadrant", "By quadrant"));
    doc.table(
        &[lang.pick("Kvadrant", "Quadrant"), count_header],
        &[Align::Left, Align::Right],
        quadrants,
    );
    let gates = s
        .by_gate
        .iter()
        .map(|(g, n)| {
            vec![
                format!("{} {}", words::gate_symbol(*g), words::gate(*g, lang)),
                n.to_string(),
            ]
        })
        .collect();
    doc.heading(2, lang.pick("Per grind", "By gate"));
    doc.table(
        &[lang.pick("Grind", "Gate"), count_header],
        &[Align::Left, Align::Right],
        gates,
    );
}

fn ranked(doc: &mut Doc, s: &Summary, lang: Lang) {
    let r = &s.ranked;
    doc.heading(
        2,
        lang.pick(
            "Rangordnade initiativ, summor över kalkylperioderna",
            "Ranked initiatives, totals over their horizons",
        ),
    );
    let budget = r.budget.map(|b| {
        let fit = match lang {
            Lang::Sv => format!("{} inom, {} utanför", r.within_budget, r.beyond_budget),
            Lang::En => format!("{} within, {} beyond", r.within_budget, r.beyond_budget),
        };
        format!("{} ({fit})", money(Some(b), lang))
    });
    doc.fields(vec![
        (
            lang.pick("Antal (med nyttokalkyl)", "Count (with business case)"),
            format!("{} ({})", r.count, r.with_case),
        ),
        (lang.pick("Kostnader", "Costs"), money(Some(r.costs), lang)),
        (
            lang.pick("Ekonomiska nyttor", "Economic benefits"),
            money(Some(r.benefits), lang),
        ),
        (
            lang.pick("Nettonytta", "Net benefit"),
            money(Some(r.net), lang),
        ),
        (
            lang.pick("Nuvärde", "Net present value"),
            money(Some(r.npv), lang),
        ),
        (
            &format!("{} {}", lang.pick("Kostnader", "Costs"), r.planning_year),
            money(Some(r.planning_year_cost), lang),
        ),
        (
            &format!("Budget {}", r.planning_year),
            budget.unwrap_or_default(),
        ),
    ]);
}

fn cost_of_delay(doc: &mut Doc, portfolio: &Portfolio, s: &Summary, lang: Lang) {
    let d = &s.cost_of_delay;
    doc.heading(2, lang.pick("Kostnad för att vänta", "Cost of delay"));
    doc.paragraph(match lang {
        Lang::Sv => format!("Rangordnade initiativ som inte har startat avstår {} i nettonytta per år (genomsnitt över kalkylperioden, där den är positiv).", money(Some(d.yearly), lang)),
        Lang::En => format!("Ranked initiatives not yet started forgo {} of net benefit a year (average over the horizon, where positive).", money(Some(d.yearly), lang)),
    });
    if d.items.is_empty() {
        return;
    }
    let rows = d
        .items
        .iter()
        .map(|&(i, v)| {
            let initiative = &portfolio.initiatives[i];
            vec![
                format!("{} ({})", initiative.title(), initiative.id),
                money(Some(v), lang),
            ]
        })
        .collect();
    doc.table(
        &[
            lang.pick("Initiativ", "Initiative"),
            lang.pick("Per år", "A year"),
        ],
        &[Align::Left, Align::Right],
        rows,
    );
}

fn mirror(doc: &mut Doc, m: &Maturity, lang: Lang) {
    doc.heading(
        2,
        lang.pick(
            "DiMiOS-spegel: nyttorealisering och nyttokontroll",
            "DiMiOS mirror: benefit realisation and benefit control",
        ),
    );
    doc.paragraph(lang.pick(
        "Vad portföljens data visar för startade initiativ (projekt, förvaltning, effekthemtagning, avslutade) – en spegel för gruppen, inte ett omdöme.",
        "What the portfolio's data shows for started initiatives (project, operations, benefit realisation, closed) – a mirror for the group, not a verdict.",
    ));
    if m.population == 0 {
        doc.paragraph(lang.pick(
            "Inga startade initiativ att spegla.",
            "No started initiatives to mirror.",
        ));
        return;
    }
    let rows = shares(m, lang)
        .into_iter()
        .map(|(label, s)| {
            vec![
                label.to_string(),
                percent(s.ratio(), lang),
                format!("{} / {}", s.count, s.total),
            ]
        })
        .collect();
    doc.table(
        &[
            lang.pick("Krav", "Requirement"),
            lang.pick("Andel", "Share"),
            lang.pick("Antal", "Count"),
        ],
        &[Align::Left, Align::Right, Align::Right],
        rows,
    );
    let level = |l: Option<u8>| {
        l.map_or_else(String::new, |l| {
            format!("{} {l} / 4", lang.pick("nivå", "level"))
        })
    };
    doc.fields(vec![
        (
            lang.pick("Nyttorealisering", "Benefit realisation"),
            level(m.benefit_realisation),
        ),
        (
            lang.pick("Nyttokontroll", "Benefit control"),
            level(m.benefit_control),
        ),
    ]);
}

fn shares(m: &Maturity, lang: Lang) -> [(&'static str, Share); 5] {
    [
        (
            lang.pick(
                "Mätbara effektmål (mått, nollvärde, mål)",
                "Measurable effect goals (indicator, baseline, target)",
            ),
            m.measurable_goals,
        ),
        (lang.pick("Nyttoägare", "Benefit owners"), m.benefit_owners),
        (
            lang.pick(
                "Plan (slutdatum, frigjord tid)",
                "Plan (due date, use of freed time)",
            ),
            m.plans,
        ),
        (
            lang.pick("Aktuell uppföljning", "Current follow-up"),
            m.current_follow_up,
        ),
        (lang.pick("Nyttokalkyl", "Business case"), m.business_case),
    ]
}

fn not_prioritise(doc: &mut Doc, portfolio: &Portfolio, s: &Summary, lang: Lang) {
    doc.heading(
        2,
        lang.pick("Bör inte prioriteras?", "Should not be prioritised?"),
    );
    if s.should_not_prioritise.is_empty() {
        doc.paragraph(lang.pick("Inga initiativ i beredning saknar nyttorealisering, strategikoppling eller bärande lösning.", "No initiative in preparation lacks benefit realisation, a strategic link or a sound solution."));
        return;
    }
    let rows = s
        .should_not_prioritise
        .iter()
        .map(|n| {
            let initiative = &portfolio.initiatives[n.index];
            let reasons: Vec<&str> = n
                .reasons
                .iter()
                .map(|r| words::not_prioritise(*r, lang))
                .collect();
            vec![
                format!("{} ({})", initiative.title(), initiative.id),
                reasons.join("; "),
            ]
        })
        .collect();
    doc.table(
        &[
            lang.pick("Initiativ", "Initiative"),
            lang.pick("Skäl", "Reasons"),
        ],
        &[Align::Left, Align::Left],
        rows,
    );
}

pub fn summary_json(portfolio: &Portfolio, analysis: &Analysis, _lang: Lang) -> String {
    let s = summarise(portfolio, analysis);
    let id = |i: usize| portfolio.initiatives[i].id.clone();
    let counts = |rows: Vec<(Option<&str>, usize)>| -> Value {
        Value::Array(
            rows.into_iter()
                .map(|(k, n)| json!({"id": k, "count": n}))
                .collect(),
        )
    };
    let r = &s.ranked;
    let m = &s.maturity;
    let share =
        |s: Share| json!({"count": s.count, "total": s.total, "ratio": json_rounded(s.ratio())});
    let value = json!({
        "as_of": s.as_of.to_string(),
        "initiatives": s.initiatives,
        "by_stage": counts(s.by_stage.iter().map(|(k, n)| (k.map(|k| k.id()), *n)).collect()),
        "by_quadrant": counts(s.by_quadrant.iter().map(|(k, n)| (k.map(|k| k.id()), *n)).collect()),
        "by_gate": counts(s.by_gate.iter().map(|(k, n)| (Some(k.id()), *n)).collect()),
        "by_group": counts(s.by_group.iter().map(|(k, n)| (Some(k.id()), *n)).collect()),
        "ranked": {
            "count": r.count, "with_business_case": r.with_case,
            "costs": json_exact(r.costs), "benefits": json_exact(r.benefits),
            "net": json_exact(r.net), "npv": json_exact(r.npv),
            "planning_year": r.planning_year, "planning_year_cost": json_exact(r.planning_year_cost),
            "budget": json_exact_opt(r.budget), "within_budget": r.within_budget, "beyond_budget": r.beyond_budget,
        },
        "cost_of_delay": {
            "yearly": json_exact(s.cost_of_delay.yearly),
            "initiatives": s.cost_of_delay.items.iter().map(|&(i, v)| json!({"id": id(i), "yearly": json_exact(v)})).collect::<Vec<_>>(),
        },
        "maturity": {
            "population": m.population,
            "measurable_goals": share(m.measurable_goals), "benefit_owners": share(m.benefit_owners),
            "plans": share(m.plans), "current_follow_up": share(m.current_follow_up),
            "business_case": share(m.business_case),
            "benefit_realisation_level": m.benefit_realisation, "benefit_control_level": m.benefit_control,
        },
        "should_not_prioritise": s.should_not_prioritise.iter().map(|n| json!({
            "id": id(n.index), "reasons": n.reasons.iter().map(|r| r.id()).collect::<Vec<_>>(),
        })).collect::<Vec<_>>(),
    });
    serde_json::to_string_pretty(&value).unwrap_or_default() + "\n"
}
