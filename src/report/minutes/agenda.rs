//! The agenda for the next meeting and its annex (`bered minutes`): the paragraphs to come and,
//! per initiative on the agenda, its scores, budget position and flags — written without
//! running a meeting.

use crate::eval::{Analysis, BudgetPosition};
use crate::i18n::safe::markdown_text;
use crate::i18n::{Lang, format_money, ui, words};
use crate::model::{Date, Portfolio};

use super::super::fmt::{NONE, money, score};
use super::heading;

/// The agenda of a meeting on `date`: what is still to be decided, less what was decided that
/// day and what awaits the council.
pub fn agenda_markdown(
    portfolio: &Portfolio,
    analysis: &Analysis,
    date: Date,
    lang: Lang,
) -> String {
    let agenda = analysis.agenda(&portfolio.initiatives, date);
    let mut out = format!(
        "# {}\n\n- **{}:** {}\n- **{}:** {date}\n\n## § 1 {}\n\n## § 2 {}\n\n",
        ui::AGENDA_TITLE.get(lang),
        ui::MINUTES_FORUM.get(lang),
        ui::MINUTES_PREPARATION_GROUP.get(lang),
        ui::MINUTES_DATE.get(lang),
        ui::MINUTES_PARAGRAPH_ADJUSTER.get(lang),
        ui::MINUTES_PARAGRAPH_AGENDA.get(lang),
    );
    for (n, &i) in agenda.iter().enumerate() {
        let id = &portfolio.initiatives[i].id;
        out.push_str(&format!("## § {} {}\n\n", n + 3, heading(portfolio, id)));
    }
    out.push_str(&format!("## {}\n\n", ui::AGENDA_ANNEX.get(lang)));
    if let Some(line) = &analysis.budget {
        let m = |v| format_money(v, lang);
        out.push_str(&ui::budget_summary(
            line.planning_year,
            [&m(line.frame), &m(line.committed), &m(line.remaining)],
            line.fits,
            lang,
        ));
        out.push_str("\n\n");
    }
    if agenda.is_empty() {
        out.push_str(&format!("{}\n", ui::AGENDA_EMPTY.get(lang)));
        return out;
    }
    annex_table(&mut out, portfolio, analysis, &agenda, lang);
    out
}

fn annex_table(
    out: &mut String,
    portfolio: &Portfolio,
    analysis: &Analysis,
    agenda: &[usize],
    lang: Lang,
) {
    let head = [
        "§".to_string(),
        ui::COL_TITLE.get(lang).into(),
        ui::COL_ID.get(lang).into(),
        ui::COL_BENEFIT.get(lang).into(),
        ui::COL_FEASIBILITY.get(lang).into(),
        ui::COL_PRIORITY.get(lang).into(),
        ui::COL_GATE.get(lang).into(),
        ui::COL_PLANNING_YEAR_COST.get(lang).into(),
        ui::COL_BUDGET.get(lang).into(),
        ui::COL_DECISION.get(lang).into(),
        ui::COL_FLAGS.get(lang).into(),
    ];
    out.push_str(&format!("| {} |\n", head.join(" | ")));
    out.push_str(&format!("|{}\n", "---|".repeat(head.len())));
    for (n, &i) in agenda.iter().enumerate() {
        let initiative = &portfolio.initiatives[i];
        let item = &analysis.items[i];
        let e = &item.eval;
        let cost = item.case.as_ref().map(|_| item.planning_year_cost);
        let position = match BudgetPosition::of(item) {
            BudgetPosition::Within => ui::BUDGET_WITHIN.get(lang),
            BudgetPosition::Beyond => ui::BUDGET_BEYOND.get(lang),
            BudgetPosition::NotCounted => NONE,
        };
        let mut decision = item.decision.map_or_else(
            || NONE.to_string(),
            |(d, o)| format!("{} {d}", words::outcome(o, lang)),
        );
        if item.awaiting_completion {
            decision.push_str(&format!(" ({})", ui::AGENDA_RETURNED.get(lang)));
        }
        let flags: Vec<String> = item
            .flags
            .iter()
            .map(|f| markdown_text(&words::flag_reason(f, &portfolio.model, lang)))
            .collect();
        let cells = [
            (n + 3).to_string(),
            markdown_text(initiative.title()),
            markdown_text(&initiative.id),
            score(e.benefit_score, lang),
            score(e.feasibility_score, lang),
            score(e.priority, lang),
            format!(
                "{} {}",
                words::gate_symbol(e.gate),
                words::gate(e.gate, lang)
            ),
            money(cost, lang),
            position.to_string(),
            decision,
            if flags.is_empty() {
                NONE.to_string()
            } else {
                flags.join("; ")
            },
        ];
        out.push_str(&format!("| {} |\n", cells.join(" | ")));
    }
}
