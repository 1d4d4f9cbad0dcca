//! `bered summary`: the portfolio at a glance as text, Markdown or JSON.

use serde_json::{Value, json};

use super::benefits::{BenefitRow, benefit_rows};
use super::cell::{Cell, Form};
use super::doc::{Block, Doc};
use super::fmt::{json_exact, json_exact_opt, json_rounded, portfolio_name};
use crate::eval::Analysis;
use crate::i18n::{Lang, safe, ui, words};
use crate::model::Portfolio;
use crate::realisation::{BenefitStatus, Maturity, Share, Summary, summarise};

pub fn summary_text(portfolio: &Portfolio, analysis: &Analysis, lang: Lang) -> String {
    summary_doc(portfolio, &summarise(portfolio, analysis), lang).to_text(lang)
}

pub fn summary_markdown(portfolio: &Portfolio, analysis: &Analysis, lang: Lang) -> String {
    summary_doc(portfolio, &summarise(portfolio, analysis), lang).to_markdown(lang)
}

/// The portfolio at a glance, built once for `bered summary` and the TUI's portfolio screen.
pub fn summary_doc(portfolio: &Portfolio, s: &Summary, lang: Lang) -> Doc {
    let mut doc = Doc::default();
    let name = portfolio_name(portfolio, lang);
    doc.heading(
        1,
        format!(
            "{name} — {} {}",
            lang.pick("sammanfattning per", "summary as of"),
            s.as_of
        ),
    );
    totals(&mut doc, s, lang);
    cost_of_delay(&mut doc, portfolio, s, lang);
    counts(&mut doc, s, lang);
    mirror(&mut doc, &s.maturity, lang);
    principles(&mut doc, portfolio, s, lang);
    benefit_lists(&mut doc, portfolio, s, lang);
    not_prioritise(&mut doc, portfolio, s, lang);
    doc
}

/// Overdue follow-ups and the benefits at risk or behind, every one with its initiative.
fn benefit_lists(doc: &mut Doc, portfolio: &Portfolio, s: &Summary, lang: Lang) {
    let rows = benefit_rows(portfolio, s.as_of);
    let overdue: Vec<&BenefitRow> = rows.iter().filter(|r| r.overdue).collect();
    let owner = |r: &BenefitRow| Cell::opt(r.owner.as_deref());
    benefit_table(
        doc,
        portfolio,
        (ui::OVERDUE_FOLLOW_UPS, ui::NOTHING_OVERDUE),
        &overdue,
        (ui::BENEFIT_OWNER, &owner),
        lang,
    );
    let at_risk: Vec<&BenefitRow> = rows
        .iter()
        .filter(|r| matches!(r.status, BenefitStatus::AtRisk | BenefitStatus::Behind))
        .collect();
    let status = |r: &BenefitRow| Cell::Status(r.status);
    benefit_table(
        doc,
        portfolio,
        (ui::BENEFITS_AT_RISK, ui::NOTHING_AT_RISK),
        &at_risk,
        (ui::STATUS, &status),
        lang,
    );
}

type Column<'a> = (ui::Text, &'a dyn Fn(&BenefitRow) -> Cell);

fn benefit_table(
    doc: &mut Doc,
    portfolio: &Portfolio,
    (title, nothing): (ui::Text, ui::Text),
    rows: &[&BenefitRow],
    (label, last): Column,
    lang: Lang,
) {
    doc.heading(2, format!("{} ({})", title.get(lang), rows.len()));
    if rows.is_empty() {
        doc.paragraph(nothing.get(lang));
        return;
    }
    let cells = rows
        .iter()
        .map(|r| {
            vec![
                Cell::initiative(&portfolio.initiatives[r.initiative]),
                Cell::text(&r.title),
                last(r),
            ]
        })
        .collect();
    doc.typed_table(
        vec![
            ui::INITIATIVE.get(lang).into(),
            ui::COL_BENEFIT.get(lang).into(),
            label.get(lang).into(),
        ],
        cells,
    );
}

fn totals(doc: &mut Doc, s: &Summary, lang: Lang) {
    let r = &s.ranked;
    doc.heading(2, ui::TOTALS.get(lang));
    let mut fields = vec![(
        ui::INITIATIVES.get(lang).to_string(),
        Cell::Count(s.initiatives),
    )];
    fields.extend(
        s.by_group
            .iter()
            .map(|(g, n)| (words::group(*g, lang).to_string(), Cell::Count(*n))),
    );
    // The budget line: the frame, what the already committed take, what remains, what fits.
    if let Some(line) = &r.budget_line {
        let year = line.planning_year;
        let money = |v| Cell::Money(Some(v));
        fields.extend([
            (
                format!("{} {year}", ui::BUDGET.get(lang)),
                money(line.frame),
            ),
            (
                ui::BUDGET_COMMITTED.get(lang).to_string(),
                money(line.committed),
            ),
            (
                ui::BUDGET_REMAINING.get(lang).to_string(),
                money(line.remaining),
            ),
            (
                ui::BUDGET_FITS.get(lang).to_string(),
                Cell::Text(ui::budget_split(line.fits, line.beyond, lang)),
            ),
        ]);
    }
    fields.push((
        ui::planning_year_cost(r.planning_year, lang),
        Cell::Money(Some(r.planning_year_cost)),
    ));
    doc.cells(fields);
    doc.heading(
        3,
        format!(
            "{} ({})",
            ui::PIPELINE_TOTALS.get(lang),
            ui::with_case(r.with_case, r.count, lang)
        ),
    );
    // Budget money apart from freed time: each on its own row, the net with and without.
    doc.field_list(lang)
        .typed(ui::TOTAL_COSTS, Cell::Money(Some(r.costs)))
        .typed(ui::TOTAL_FINANCIAL, Cell::Money(Some(r.financial)))
        .typed(ui::TOTAL_REALLOCATION, Cell::Money(Some(r.reallocation)))
        .typed(
            ui::TOTAL_NET_WITHOUT,
            Cell::Money(Some(r.net_without_reallocation)),
        )
        .typed(ui::TOTAL_NET_WITH, Cell::Money(Some(r.net)))
        .typed(ui::NPV_SUM, Cell::Money(Some(r.npv)))
        .end();
}

fn counts(doc: &mut Doc, s: &Summary, lang: Lang) {
    let count = ui::COUNT.get(lang).to_string();
    let stages = s
        .by_stage
        .iter()
        .filter(|(_, n)| *n > 0)
        .map(|(k, n)| {
            let stage = k.map_or(Cell::Word(ui::NO_STAGE.get(lang)), |k| Cell::Stage(Some(k)));
            vec![stage, Cell::Count(*n)]
        })
        .collect();
    doc.heading(2, ui::PER_STAGE.get(lang));
    doc.typed_table(vec![ui::COL_STAGE.get(lang).into(), count.clone()], stages);
    let quadrants = s
        .by_quadrant
        .iter()
        .map(|(k, n)| {
            let quadrant = k.map_or(Cell::Word(ui::NOT_PLACED.get(lang)), |q| {
                Cell::Quadrant(Some(q), Form::Full)
            });
            vec![quadrant, Cell::Count(*n)]
        })
        .collect();
    doc.heading(2, ui::PER_QUADRANT.get(lang));
    doc.typed_table(
        vec![ui::COL_QUADRANT.get(lang).into(), count.clone()],
        quadrants,
    );
    let gates = s
        .by_gate
        .iter()
        .map(|(g, n)| vec![Cell::Gate(*g, Form::Full), Cell::Count(*n)])
        .collect();
    doc.heading(2, ui::PER_GATE.get(lang));
    doc.typed_table(vec![ui::COL_GATE.get(lang).into(), count], gates);
}

fn cost_of_delay(doc: &mut Doc, portfolio: &Portfolio, s: &Summary, lang: Lang) {
    let d = &s.cost_of_delay;
    doc.heading(2, ui::COST_OF_DELAY.get(lang));
    doc.paragraph(ui::COST_OF_DELAY_NOTE.get(lang));
    doc.field_list(lang)
        .typed(ui::PER_YEAR, Cell::Money(Some(d.yearly)))
        .end();
    if d.items.is_empty() {
        return;
    }
    let rows = d
        .items
        .iter()
        .map(|&(i, v)| {
            vec![
                Cell::initiative(&portfolio.initiatives[i]),
                Cell::Money(Some(v)),
            ]
        })
        .collect();
    doc.typed_table(
        vec![
            ui::INITIATIVE.get(lang).into(),
            ui::PER_YEAR.get(lang).into(),
        ],
        rows,
    );
}

fn mirror(doc: &mut Doc, m: &Maturity, lang: Lang) {
    doc.heading(2, ui::DIMIOS.get(lang));
    doc.paragraph(ui::dimios_population(m.population, lang));
    if m.population == 0 {
        return;
    }
    let rows = [
        (ui::SHARE_MEASURABLE, m.measurable_goals),
        (ui::SHARE_OWNER, m.benefit_owners),
        (ui::SHARE_PLAN, m.plans),
        (ui::SHARE_FOLLOW_UP, m.current_follow_up),
        (ui::SHARE_CASE, m.business_case),
    ]
    .into_iter()
    .map(|(label, share)| {
        vec![
            Cell::Share(share.count, share.total),
            Cell::Word(label.get(lang)),
        ]
    })
    .collect();
    doc.typed_table(
        vec![ui::SHARE.get(lang).into(), ui::REQUIREMENT.get(lang).into()],
        rows,
    );
    doc.paragraph(ui::dimios_levels(
        m.benefit_realisation,
        m.benefit_control,
        lang,
    ));
    let levels = (1..=4u8)
        .map(|level| {
            let mark = if Some(level) == m.benefit_realisation {
                "▶"
            } else {
                " "
            };
            Cell::Text(format!("{mark} {}", ui::dimios_level(level, lang)))
        })
        .collect();
    doc.blocks.push(Block::List(levels));
}

/// All four principles: each share, who misses it, and the level the data mirrors.
fn principles(doc: &mut Doc, portfolio: &Portfolio, s: &Summary, lang: Lang) {
    for p in &s.mirror {
        doc.heading(
            3,
            format!(
                "{} – {}",
                ui::principle(p.principle.id(), lang),
                ui::principle_level(p.level, p.population, lang)
            ),
        );
        for m in &p.shares {
            doc.cells(vec![(
                ui::requirement(m.requirement.id(), lang).to_string(),
                Cell::Share(m.share.count, m.share.total),
            )]);
            let missing: Vec<Cell> = m
                .missing
                .iter()
                .map(|&i| Cell::initiative(&portfolio.initiatives[i]))
                .collect();
            if !missing.is_empty() {
                doc.paragraph(format!("{}:", ui::MIRROR_MISSING.get(lang)));
                doc.blocks.push(Block::List(missing));
            }
        }
    }
}

fn not_prioritise(doc: &mut Doc, portfolio: &Portfolio, s: &Summary, lang: Lang) {
    let list = &s.should_not_prioritise;
    doc.heading(2, format!("{} ({})", ui::SHOULD_NOT.get(lang), list.len()));
    if list.is_empty() {
        doc.paragraph(ui::NOTHING_SHOULD_NOT.get(lang));
        return;
    }
    let rows = list
        .iter()
        .map(|n| {
            let initiative = &portfolio.initiatives[n.index];
            let reasons: Vec<&str> = n
                .reasons
                .iter()
                .map(|r| words::not_prioritise(*r, lang))
                .collect();
            vec![Cell::initiative(initiative), Cell::Flag(reasons.join("; "))]
        })
        .collect();
    doc.typed_table(
        vec![
            ui::INITIATIVE.get(lang).into(),
            ui::REASONS.get(lang).into(),
        ],
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
            "financial": json_exact(r.financial), "reallocation": json_exact(r.reallocation),
            "net": json_exact(r.net), "net_without_reallocation": json_exact(r.net_without_reallocation),
            "npv": json_rounded(Some(r.npv)),
            "committed": json_exact_opt(r.budget_line.as_ref().map(|b| b.committed)),
            "remaining": json_exact_opt(r.budget_line.as_ref().map(|b| b.remaining)),
            "planning_year": r.planning_year, "planning_year_cost": json_exact(r.planning_year_cost),
            "budget": json_exact_opt(r.budget), "within_budget": r.within_budget, "beyond_budget": r.beyond_budget,
        },
        "cost_of_delay": {
            "yearly": json_rounded(Some(s.cost_of_delay.yearly)),
            "initiatives": s.cost_of_delay.items.iter().map(|&(i, v)| json!({"id": id(i), "yearly": json_rounded(Some(v))})).collect::<Vec<_>>(),
        },
        "maturity": {
            "population": m.population,
            "measurable_goals": share(m.measurable_goals), "benefit_owners": share(m.benefit_owners),
            "plans": share(m.plans), "current_follow_up": share(m.current_follow_up),
            "business_case": share(m.business_case),
            "benefit_realisation_level": m.benefit_realisation, "benefit_control_level": m.benefit_control,
        },
        "mirror": s.mirror.iter().map(|p| json!({
            "principle": p.principle.id(), "population": p.population, "level": p.level,
            "shares": p.shares.iter().map(|m| json!({
                "requirement": m.requirement.id(), "count": m.share.count, "total": m.share.total,
                "missing": m.missing.iter().map(|&i| id(i)).collect::<Vec<_>>(),
            })).collect::<Vec<_>>(),
        })).collect::<Vec<_>>(),
        "benefits": benefit_rows(portfolio, s.as_of).iter().map(|b| json!({
            "initiative": id(b.initiative), "id": b.id, "status": b.status.id(), "owner": b.owner,
            "next_due": b.next_due.map(|d| d.to_string()), "overdue": b.overdue,
        })).collect::<Vec<_>>(),
        "should_not_prioritise": s.should_not_prioritise.iter().map(|n| json!({
            "id": id(n.index), "reasons": n.reasons.iter().map(|r| r.id()).collect::<Vec<_>>(),
        })).collect::<Vec<_>>(),
    });
    safe::json(&serde_json::to_string_pretty(&value).unwrap_or_default()) + "\n"
}
