//! `bered rank`: the shared ranking (`report::ranking`: columns, typed cells, separators) laid out
//! as a terminal table (≤ 100 columns), CSV, JSON or a Markdown annex for the preparation
//! group's meeting. The TUI lays out the very same cells.

use serde::Serialize;
use serde_json::Value;

use super::cell::{Align, Cell, Form, fit};
use super::doc::{markdown_cell, md};
use super::fmt::{json_exact_opt, json_rounded, portfolio_name};
use super::ranking::{Column, LineItem, lines, npv, separator_text};
use crate::eval::{Analysis, Analyzed};
use crate::i18n::{Lang, format_money, safe, ui, words};
use crate::model::{Initiative, Portfolio};

/// The terminal table's columns and their least widths; a figure wider than its column widens it.
const TEXT_COLUMNS: [(Column, usize); 11] = [
    (Column::Rank, 4),
    (Column::Id, 11),
    (Column::Title, 13),
    (Column::Stage, 11),
    (Column::Decision, 11),
    (Column::Priority, 5),
    (Column::Gate, 5),
    (Column::Npv, 11),
    (Column::Cost, 9),
    (Column::Budget, 7),
    (Column::Flags, 2),
];

/// The Markdown annex's columns.
const MARKDOWN_COLUMNS: [Column; 14] = [
    Column::Rank,
    Column::Title,
    Column::Unit,
    Column::Stage,
    Column::Decision,
    Column::Benefit,
    Column::Feasibility,
    Column::Priority,
    Column::Gate,
    Column::Quadrant,
    Column::Npv,
    Column::Payback,
    Column::Cost,
    Column::Budget,
];

/// The widest a line of the rank table gets with figures of ordinary size.
pub const TABLE_WIDTH: usize = 100;

pub fn rank_table(
    portfolio: &Portfolio,
    analysis: &Analysis,
    order: &[usize],
    lang: Lang,
) -> String {
    let cells = |i: usize| -> Vec<Cell> {
        let (initiative, item) = (&portfolio.initiatives[i], &analysis.items[i]);
        TEXT_COLUMNS
            .iter()
            // The gate by its symbol: the legend below names them.
            .map(|(c, _)| c.cell(initiative, item, Form::Symbol))
            .collect()
    };
    let rows: Vec<Vec<Cell>> = order.iter().map(|&i| cells(i)).collect();
    let widths = text_widths(&rows, lang);
    let header: Vec<String> = TEXT_COLUMNS
        .iter()
        .zip(&widths)
        .map(|((c, _), &w)| fit(c.title().get(lang), w, header_align(*c)))
        .collect();
    let mut out = vec![heading(portfolio, analysis, order, lang), join(&header)];
    for line in lines(analysis, order) {
        match line {
            LineItem::Separator(s) => out.push(rule(&separator_text(s, portfolio, analysis, lang))),
            LineItem::Row(k) => {
                let texts: Vec<String> = rows[k]
                    .iter()
                    .zip(&widths)
                    .map(|(c, &w)| fit(&c.render(lang), w, c.align()))
                    .collect();
                out.push(join(&texts));
            }
        }
    }
    if order.is_empty() {
        out.push(ui::NO_MATCHES.get(lang).to_string());
    }
    out.push(String::new());
    out.push(ui::RANK_LEGEND.get(lang).to_string());
    // The gate column shows symbols: the legend names them in the glossary's words.
    let gates: Vec<String> = crate::eval::GateStatus::ALL
        .iter()
        .map(|&g| {
            format!(
                "{} {}",
                words::gate_symbol(g),
                words::gate(g, lang).to_lowercase()
            )
        })
        .collect();
    out.push(format!("{}: {}", ui::COL_GATE.get(lang), gates.join(" · ")));
    if let Some(line) = budget_summary(analysis, lang) {
        out.push(line);
    }
    out.join("\n") + "\n"
}

/// Each column's width: its least, or its widest figure, so that a figure is never cut.
fn text_widths(rows: &[Vec<Cell>], lang: Lang) -> Vec<usize> {
    TEXT_COLUMNS
        .iter()
        .enumerate()
        .map(|(n, &(_, least))| {
            rows.iter()
                .map(|r| &r[n])
                .filter(|c| c.is_figure())
                .map(|c| c.render(lang).chars().count())
                .fold(least, usize::max)
        })
        .collect()
}

fn header_align(column: Column) -> Align {
    match column {
        Column::Rank
        | Column::Benefit
        | Column::Feasibility
        | Column::Priority
        | Column::Npv
        | Column::Cost
        | Column::Payback => Align::Right,
        _ => Align::Left,
    }
}

fn join(cells: &[String]) -> String {
    cells.join(" ").trim_end().to_string()
}

fn heading(portfolio: &Portfolio, analysis: &Analysis, order: &[usize], lang: Lang) -> String {
    let name = safe::line(portfolio_name(portfolio, lang)).into_owned();
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

/// The frame, what the already committed take, what remains, and how many of the pipeline fit:
/// the same figures as the Portfolio screen and the agenda's annex.
fn budget_summary(analysis: &Analysis, lang: Lang) -> Option<String> {
    let line = analysis.budget.as_ref()?;
    let m = |v| format_money(v, lang);
    Some(ui::budget_summary(
        line.planning_year,
        [&m(line.frame), &m(line.committed), &m(line.remaining)],
        line.fits,
        lang,
    ))
}

fn flag_ids(item: &Analyzed) -> Vec<&'static str> {
    item.flags.iter().map(|f| f.kind.id()).collect()
}

/// One object per initiative, in the given order; figures as strings, ids not labels.
pub fn rank_json(
    portfolio: &Portfolio,
    analysis: &Analysis,
    order: &[usize],
    lang: Lang,
) -> String {
    let mut out = Vec::new();
    // Writing to memory cannot fail, and what is written is UTF-8.
    let _ = write_rank_json(&mut out, portfolio, analysis, order, lang);
    String::from_utf8(out).unwrap_or_default()
}

/// `rank_json` written to `out` as it is made (`stream`): a list of 100,000 is never held whole.
pub fn write_rank_json(
    out: &mut dyn std::io::Write,
    portfolio: &Portfolio,
    analysis: &Analysis,
    order: &[usize],
    _lang: Lang,
) -> std::io::Result<()> {
    super::stream::write_pretty_list(out, order, |&i| {
        RankRow::new(&portfolio.initiatives[i], &analysis.items[i])
    })
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
    /// A present value: rounded to öre.
    pub npv: Value,
    pub payback_year: Option<i32>,
    /// A sum of written amounts: exact.
    pub planning_year_cost: Value,
    pub within_budget: Option<bool>,
    pub flags: Vec<&'static str>,
    /// pipeline, committed, running, declined, incomplete or blocked.
    pub section: &'static str,
    /// The latest decision's outcome and date.
    pub decision: Option<&'static str>,
    pub decision_date: Option<String>,
    pub awaiting_completion: bool,
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
            npv: json_rounded(npv(item)),
            payback_year: item.case.as_ref().and_then(|c| c.totals.payback_year),
            planning_year_cost: json_exact_opt(item.case.as_ref().map(|_| item.planning_year_cost)),
            within_budget: item.within_budget,
            flags: flag_ids(item),
            section: item.section.id(),
            decision: item.decision.map(|(_, o)| o.id()),
            decision_date: item.decision.map(|(d, _)| d.to_string()),
            awaiting_completion: item.awaiting_completion,
        }
    }

    /// The CSV record: ids and plain figures, text from data neutralised for spreadsheets.
    fn csv_record(&self, decimal_comma: bool) -> Vec<String> {
        let figure = |v: &Value| match v {
            Value::String(s) if decimal_comma => s.replace('.', ","),
            Value::String(s) => s.clone(),
            _ => String::new(),
        };
        let text = |v: &str| safe::csv_text(v).into_owned();
        let opt = |v: Option<&str>| v.unwrap_or_default().to_string();
        vec![
            self.rank.to_string(),
            text(self.id),
            text(self.title),
            text(self.unit.unwrap_or_default()),
            opt(self.stage),
            self.group.to_string(),
            figure(&self.benefit_score),
            figure(&self.feasibility_score),
            figure(&self.priority),
            self.gate.to_string(),
            self.complete.to_string(),
            opt(self.quadrant),
            figure(&self.npv),
            self.payback_year.map(|y| y.to_string()).unwrap_or_default(),
            figure(&self.planning_year_cost),
            self.within_budget
                .map(|b| b.to_string())
                .unwrap_or_default(),
            self.flags.join(";"),
            self.section.to_string(),
            opt(self.decision),
            self.decision_date.clone().unwrap_or_default(),
            self.awaiting_completion.to_string(),
        ]
    }
}

const CSV_HEADER: [&str; 21] = [
    "rank",
    "id",
    "title",
    "unit",
    "stage",
    "group",
    "benefit_score",
    "feasibility_score",
    "priority",
    "gate",
    "complete",
    "quadrant",
    "npv",
    "payback_year",
    "planning_year_cost",
    "within_budget",
    "flags",
    "section",
    "decision",
    "decision_date",
    "awaiting_completion",
];

/// CSV for spreadsheets and scripts, with ids and plain figures. Under Swedish as a Swedish
/// spreadsheet reads it (`;`, decimal comma, a UTF-8 byte order mark); under English `,` and a
/// decimal point. `delimiter` overrides the separator (`rank --delimiter`).
pub fn rank_csv(portfolio: &Portfolio, analysis: &Analysis, order: &[usize], lang: Lang) -> String {
    rank_csv_with(portfolio, analysis, order, lang, None)
}

pub fn rank_csv_with(
    portfolio: &Portfolio,
    analysis: &Analysis,
    order: &[usize],
    lang: Lang,
    delimiter: Option<u8>,
) -> String {
    let swedish = lang == Lang::Sv;
    let delimiter = delimiter.unwrap_or(if swedish { b';' } else { b',' });
    // A decimal comma inside a comma-separated file would split every figure in two.
    let decimal_comma = swedish && delimiter != b',';
    let mut writer = csv::WriterBuilder::new()
        .delimiter(delimiter)
        .from_writer(Vec::new());
    let mut records = vec![CSV_HEADER.map(String::from).to_vec()];
    records.extend(order.iter().map(|&i| {
        RankRow::new(&portfolio.initiatives[i], &analysis.items[i]).csv_record(decimal_comma)
    }));
    for record in records {
        // Writing to memory does not fail; a record that could not be written is left out.
        let _ = writer.write_record(&record);
    }
    let bytes = writer.into_inner().unwrap_or_default();
    let text = String::from_utf8(bytes).unwrap_or_default();
    if swedish {
        format!("\u{feff}{text}")
    } else {
        text
    }
}

/// A Markdown annex: a table per group (the groups below the ranked ones under their own
/// heading), the budget line marked where the money runs out.
pub fn rank_markdown(
    portfolio: &Portfolio,
    analysis: &Analysis,
    order: &[usize],
    lang: Lang,
) -> String {
    let mut out = vec![
        format!("# {}", md(&heading(portfolio, analysis, order, lang))),
        String::new(),
    ];
    if let Some(line) = budget_summary(analysis, lang) {
        out.extend([line, String::new()]);
    }
    let header = markdown_header(lang);
    let mut table_open = false;
    for line in lines(analysis, order) {
        match line {
            LineItem::Separator(s @ super::ranking::Separator::Group(..)) => {
                let text = separator_text(s, portfolio, analysis, lang);
                out.extend([String::new(), format!("## {}", md(&text)), String::new()]);
                table_open = false;
            }
            LineItem::Separator(s) => {
                if !table_open {
                    out.extend(header.clone());
                    table_open = true;
                }
                let text = separator_text(s, portfolio, analysis, lang);
                let blanks = " |".repeat(MARKDOWN_COLUMNS.len());
                out.push(format!("| **── {} ──** |{blanks}", md(&text)));
            }
            LineItem::Row(k) => {
                if !table_open {
                    out.extend(header.clone());
                    table_open = true;
                }
                let i = order[k];
                out.push(markdown_row(
                    &portfolio.initiatives[i],
                    &analysis.items[i],
                    lang,
                ));
            }
        }
    }
    if order.is_empty() {
        out.push(ui::NO_MATCHES.get(lang).to_string());
    }
    out.join("\n") + "\n"
}

fn markdown_header(lang: Lang) -> Vec<String> {
    let mut titles: Vec<String> = MARKDOWN_COLUMNS
        .iter()
        .map(|c| md(c.title().get(lang)))
        .collect();
    titles.push(md(ui::COL_FLAGS.get(lang)));
    let mut rule: Vec<&str> = MARKDOWN_COLUMNS
        .iter()
        .map(|c| match header_align(*c) {
            Align::Right => "---:",
            Align::Left => "---",
        })
        .collect();
    rule.push("---");
    vec![
        format!("| {} |", titles.join(" | ")),
        format!("|{}|", rule.join("|")),
    ]
}

fn markdown_row(initiative: &Initiative, item: &Analyzed, lang: Lang) -> String {
    let mut cells: Vec<String> = MARKDOWN_COLUMNS
        .iter()
        .map(|c| match c {
            Column::Title => format!(
                "**{}** (`{}`)",
                safe::markdown_text(initiative.title()),
                safe::line(&initiative.id).replace('`', "'")
            ),
            c => markdown_cell(&c.cell(initiative, item, Form::Full), lang),
        })
        .collect();
    let flags: Vec<&str> = item
        .flags
        .iter()
        .map(|f| words::flag(f.kind, lang))
        .collect();
    cells.push(md(&flags.join("; ")));
    format!("| {} |", cells.join(" | "))
}
