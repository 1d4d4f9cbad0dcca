//! `bered rank`: the ranked list as a terminal table (≤ 100 columns), CSV, JSON or a Markdown
//! annex for the preparation group's meeting.

use rust_decimal::Decimal;
use serde::Serialize;
use serde_json::Value;

use super::fmt::{
    Align, NONE, cell, csv, json_exact_opt, json_rounded, md, money, number, row, score,
};
use crate::eval::{Analysis, Analyzed, RankGroup, planning_year};
use crate::i18n::{Lang, format_money, words};
use crate::model::{Initiative, Portfolio};

/// (width, alignment) of the table's columns: rank, id, title, B, F, P, gate, quadrant, NPV,
/// flags. With the separating spaces they add up to 99 characters.
const COLUMNS: [(usize, Align); 10] = [
    (3, Align::Right),
    (18, Align::Left),
    (22, Align::Left),
    (4, Align::Right),
    (4, Align::Right),
    (5, Align::Right),
    (9, Align::Left),
    (11, Align::Left),
    (12, Align::Right),
    (2, Align::Right),
];

/// The widest a line of the rank table gets.
pub const TABLE_WIDTH: usize = 99;

fn table_row(texts: [String; 10]) -> String {
    let cells: Vec<String> = texts
        .iter()
        .zip(COLUMNS)
        .map(|(t, (w, a))| cell(t, w, a))
        .collect();
    row(&cells)
}

pub fn rank_table(
    portfolio: &Portfolio,
    analysis: &Analysis,
    order: &[usize],
    lang: Lang,
) -> String {
    let mut out = vec![heading(portfolio, analysis, order, lang)];
    let header = [
        "#",
        lang.pick("Id", "Id"),
        lang.pick("Titel", "Title"),
        "B",
        "F",
        "P",
        lang.pick("Grind", "Gate"),
        lang.pick("Kvadrant", "Quadrant"),
        lang.pick("Nuvärde kr", "NPV kr"),
        "Fl",
    ];
    out.push(table_row(header.map(String::from)));
    let mut group = None;
    let mut budget_drawn = false;
    for &i in order {
        let item = &analysis.items[i];
        if group != Some(item.group) {
            group = Some(item.group);
            out.push(rule(words::group(item.group, lang)));
        }
        if item.within_budget == Some(false) && !budget_drawn {
            budget_drawn = true;
            out.push(rule(&budget_runs_out(portfolio, analysis, lang)));
        }
        out.push(table_line(&portfolio.initiatives[i], item, lang));
    }
    if order.is_empty() {
        out.push(
            lang.pick("Inga initiativ matchar.", "No initiatives match.")
                .to_string(),
        );
    }
    out.push(String::new());
    out.push(
        lang.pick(
            "B nytta · F genomförbarhet · P prioritet = B × F · Fl antal flaggor (bered show ID)",
            "B benefit · F feasibility · P priority = B × F · Fl number of flags (bered show ID)",
        )
        .to_string(),
    );
    if let Some(line) = budget_summary(portfolio, analysis, lang) {
        out.push(line);
    }
    out.join("\n") + "\n"
}

fn table_line(initiative: &Initiative, item: &Analyzed, lang: Lang) -> String {
    let e = &item.eval;
    let gate = format!(
        "{} {}",
        words::gate_symbol(e.gate),
        words::gate_short(e.gate, lang)
    );
    let quadrant = e.quadrant.map_or(NONE, |q| words::quadrant_short(q, lang));
    table_row([
        item.rank.to_string(),
        initiative.id.clone(),
        initiative.title().to_string(),
        score(e.benefit_score, lang),
        score(e.feasibility_score, lang),
        score(e.priority, lang),
        gate,
        quadrant.to_string(),
        npv(item).map_or_else(|| NONE.to_string(), |v| number(v, lang)),
        count_or_blank(item.flags.len()),
    ])
}

fn heading(portfolio: &Portfolio, analysis: &Analysis, order: &[usize], lang: Lang) -> String {
    let name = if portfolio.settings.name.is_empty() {
        lang.pick("Portföljen", "The portfolio")
    } else {
        &portfolio.settings.name
    };
    let count = match lang {
        Lang::Sv => format!("{} av {} initiativ", order.len(), analysis.items.len()),
        Lang::En => format!("{} of {} initiatives", order.len(), analysis.items.len()),
    };
    format!(
        "{name} · {} {} · {count}",
        lang.pick("rangordning per", "ranking as of"),
        analysis.as_of
    )
}

fn rule(text: &str) -> String {
    let text = format!("── {text} ");
    let len = text.chars().count();
    format!(
        "{text}{}",
        "─".repeat(TABLE_WIDTH.saturating_sub(len).max(3))
    )
}

fn budget_runs_out(portfolio: &Portfolio, analysis: &Analysis, lang: Lang) -> String {
    let year = planning_year(&portfolio.settings, analysis.as_of);
    let budget = portfolio.settings.budget.map_or(Decimal::ZERO, |b| b.0);
    match lang {
        Lang::Sv => format!(
            "budgeten {year} ({}) räcker hit",
            format_money(budget, lang)
        ),
        Lang::En => format!(
            "the {year} budget ({}) runs out here",
            format_money(budget, lang)
        ),
    }
}

/// The budget, what the ranked, counted initiatives ask of it, and how many fit.
fn budget_summary(portfolio: &Portfolio, analysis: &Analysis, lang: Lang) -> Option<String> {
    let budget = portfolio.settings.budget?.0;
    let year = planning_year(&portfolio.settings, analysis.as_of);
    let counted: Vec<&Analyzed> = analysis
        .items
        .iter()
        .filter(|a| a.within_budget.is_some())
        .collect();
    let asked: Decimal = counted.iter().map(|a| a.planning_year_cost).sum();
    let fit = counted
        .iter()
        .filter(|a| a.within_budget == Some(true))
        .count();
    let (budget, asked) = (format_money(budget, lang), format_money(asked, lang));
    Some(match lang {
        Lang::Sv => format!(
            "Budget {year}: {budget}.\nRangordnade initiativ med kalkyl behöver {asked} år {year}; {fit} av {} ryms.",
            counted.len()
        ),
        Lang::En => format!(
            "Budget {year}: {budget}.\nRanked initiatives with a business case need {asked} in {year}; {fit} of {} fit.",
            counted.len()
        ),
    })
}

fn npv(item: &Analyzed) -> Option<Decimal> {
    item.case.as_ref().map(|c| c.totals.npv)
}

fn count_or_blank(n: usize) -> String {
    if n == 0 { String::new() } else { n.to_string() }
}

fn flag_ids(item: &Analyzed) -> Vec<&'static str> {
    item.flags.iter().map(|f| f.kind.id()).collect()
}

/// One object per initiative, in the given order; figures as strings, ids not labels.
pub fn rank_json(
    portfolio: &Portfolio,
    analysis: &Analysis,
    order: &[usize],
    _lang: Lang,
) -> String {
    let rows: Vec<RankRow> = order
        .iter()
        .map(|&i| RankRow::new(&portfolio.initiatives[i], &analysis.items[i]))
        .collect();
    serde_json::to_string_pretty(&rows).unwrap_or_default() + "\n"
}

/// One initiative of `bered rank --format json`, fields in the documented order.
#[derive(Serialize)]
pub(super) struct RankRow<'a> {
    pub rank: usize,
    pub id: &'a str,
    pub title: &'a str,
    pub unit: Option<&'a str>,
    pub stage: Option<&'static str>,
    pub group: &'static str,
    pub benefit_score: Value,
    pub feasibility_score: Value,
    pub priority: Value,
    pub gate: &'static str,
    pub complete: bool,
    pub quadrant: Option<&'static str>,
    pub npv: Value,
    pub payback_year: Option<i32>,
    pub planning_year_cost: Value,
    pub within_budget: Option<bool>,
    pub flags: Vec<&'static str>,
}

impl<'a> RankRow<'a> {
    pub(super) fn new(initiative: &'a Initiative, item: &Analyzed) -> RankRow<'a> {
        let e = &item.eval;
        RankRow {
            rank: item.rank,
            id: &initiative.id,
            title: initiative.title(),
            unit: initiative.file.unit.as_deref(),
            stage: initiative.stage().map(|s| s.id()),
            group: item.group.id(),
            benefit_score: json_rounded(e.benefit_score),
            feasibility_score: json_rounded(e.feasibility_score),
            priority: json_rounded(e.priority),
            gate: e.gate.id(),
            complete: e.complete,
            quadrant: e.quadrant.map(|q| q.id()),
            npv: json_exact_opt(npv(item)),
            payback_year: item.case.as_ref().and_then(|c| c.totals.payback_year),
            planning_year_cost: json_exact_opt(item.case.as_ref().map(|_| item.planning_year_cost)),
            within_budget: item.within_budget,
            flags: flag_ids(item),
        }
    }

    fn csv_line(&self) -> String {
        let text = |v: &Value| match v {
            Value::String(s) => s.clone(),
            _ => String::new(),
        };
        let opt = |v: Option<&str>| v.unwrap_or_default().to_string();
        let fields = [
            self.rank.to_string(),
            self.id.to_string(),
            self.title.to_string(),
            opt(self.unit),
            opt(self.stage),
            self.group.to_string(),
            text(&self.benefit_score),
            text(&self.feasibility_score),
            text(&self.priority),
            self.gate.to_string(),
            self.complete.to_string(),
            opt(self.quadrant),
            text(&self.npv),
            self.payback_year.map(|y| y.to_string()).unwrap_or_default(),
            text(&self.planning_year_cost),
            self.within_budget
                .map(|b| b.to_string())
                .unwrap_or_default(),
            self.flags.join(";"),
        ];
        let cells: Vec<String> = fields.iter().map(|f| csv(f)).collect();
        cells.join(",")
    }
}

/// Comma-separated, language-independent (ids, plain decimals), for spreadsheets and scripts.
pub fn rank_csv(
    portfolio: &Portfolio,
    analysis: &Analysis,
    order: &[usize],
    _lang: Lang,
) -> String {
    let mut out = String::from(
        "rank,id,title,unit,stage,group,benefit_score,feasibility_score,priority,gate,complete,\
         quadrant,npv,payback_year,planning_year_cost,within_budget,flags\n",
    );
    for &i in order {
        out.push_str(&RankRow::new(&portfolio.initiatives[i], &analysis.items[i]).csv_line());
        out.push('\n');
    }
    out
}

/// A Markdown annex: one table per group, the budget line marked, flags spelled out.
pub fn rank_markdown(
    portfolio: &Portfolio,
    analysis: &Analysis,
    order: &[usize],
    lang: Lang,
) -> String {
    let mut out = vec![
        format!("# {}", heading(portfolio, analysis, order, lang)),
        String::new(),
    ];
    if let Some(line) = budget_summary(portfolio, analysis, lang) {
        out.extend([line, String::new()]);
    }
    let mut budget_drawn = false;
    for group in RankGroup::ALL {
        let members: Vec<usize> = order
            .iter()
            .copied()
            .filter(|&i| analysis.items[i].group == group)
            .collect();
        if members.is_empty() {
            continue;
        }
        out.extend([format!("## {}", words::group(group, lang)), String::new()]);
        out.push(lang.pick(
            "| # | Initiativ | Enhet | Steg | Nytta | Genomf. | Prio | Grind | Kvadrant | Nuvärde | Återbetald | Budget | Flaggor |",
            "| # | Initiative | Unit | Stage | Benefit | Feas. | Prio | Gate | Quadrant | NPV | Payback | Budget | Flags |",
        ).to_string());
        out.push("|---:|---|---|---|---:|---:|---:|---|---|---:|---|---|---|".to_string());
        for i in members {
            let item = &analysis.items[i];
            if item.within_budget == Some(false) && !budget_drawn {
                budget_drawn = true;
                let text = budget_runs_out(portfolio, analysis, lang);
                out.push(format!(
                    "| | **── {} ──** | | | | | | | | | | | |",
                    md(&text)
                ));
            }
            out.push(markdown_row(&portfolio.initiatives[i], item, lang));
        }
        out.push(String::new());
    }
    if order.is_empty() {
        out.push(
            lang.pick("Inga initiativ matchar.", "No initiatives match.")
                .to_string(),
        );
    }
    out.join("\n") + "\n"
}

fn markdown_row(initiative: &Initiative, item: &Analyzed, lang: Lang) -> String {
    let e = &item.eval;
    let budget = match item.within_budget {
        Some(true) => lang.pick("inom", "within"),
        Some(false) => lang.pick("utanför", "beyond"),
        None => NONE,
    };
    let payback = match &item.case {
        Some(c) => c
            .totals
            .payback_year
            .map_or_else(|| lang.pick("nej", "no").to_string(), |y| y.to_string()),
        None => NONE.to_string(),
    };
    let flags: Vec<&str> = item
        .flags
        .iter()
        .map(|f| words::flag(f.kind, lang))
        .collect();
    let cells = [
        item.rank.to_string(),
        format!("**{}** (`{}`)", md(initiative.title()), md(&initiative.id)),
        md(initiative.file.unit.as_deref().unwrap_or(NONE)),
        initiative
            .stage()
            .map_or(NONE, |s| words::stage(s, lang))
            .to_string(),
        score(e.benefit_score, lang),
        score(e.feasibility_score, lang),
        score(e.priority, lang),
        format!(
            "{} {}",
            words::gate_symbol(e.gate),
            words::gate(e.gate, lang)
        ),
        e.quadrant
            .map_or(NONE, |q| words::quadrant(q, lang))
            .to_string(),
        money(npv(item), lang),
        payback,
        budget.to_string(),
        md(&flags.join("; ")),
    ];
    format!("| {} |", cells.join(" | "))
}
