//! The minutes (protokoll) of a preparation-group meeting as DOMAIN.md "The minutes" describes:
//! a Swedish municipal protocol in Markdown with the head (forum, date, time, place, attendees,
//! chair, secretary, adjuster), § 1 choice of adjuster, § 2 approval of the agenda, one § per
//! initiative handled in the order handled (basis, every change made in the meeting, the
//! decision as a sentence), the agenda items not handled, and the signature lines. Nothing from
//! the file system appears in it; every text taken from the data goes through
//! `i18n::safe::markdown_text`.

mod agenda;
mod file;

use rust_decimal::Decimal;

use crate::eval::Analysis;
use crate::i18n::safe::markdown_text;
use crate::i18n::{Lang, format_decimal, ui, words};
use crate::model::{Date, Outcome, Portfolio, Stage};

pub use agenda::agenda_markdown;
pub use file::{minutes_name, write_beside_portfolio};

use super::fmt::{NONE, money, score};

/// Who and where, as given on the command line or asked for at the end of the meeting.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Roles {
    pub attendees: Vec<String>,
    pub chair: Option<String>,
    pub secretary: Option<String>,
    pub adjuster: Option<String>,
    pub place: Option<String>,
    /// As the secretary writes it ("13.00–14.30").
    pub time: Option<String>,
}

/// A change made to an initiative in the meeting.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Change {
    Score {
        criterion: String,
        old: Option<u8>,
        new: u8,
        rationale: Option<String>,
    },
    Stage {
        old: Option<Stage>,
        new: Stage,
    },
    FollowUp {
        benefit: String,
        date: Date,
        value: Decimal,
        note: Option<String>,
    },
}

/// One initiative taken up: what changed and what was decided, in the order it happened.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Handled {
    pub id: String,
    pub changes: Vec<Change>,
    pub decision: Option<(Outcome, Option<String>)>,
}

/// What the meeting did, by initiative id; the figures come from the analysed portfolio.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MeetingRecord {
    pub date: Date,
    pub forum: String,
    pub roles: Roles,
    /// In the order handled.
    pub handled: Vec<Handled>,
    /// On the agenda, not taken up.
    pub not_handled: Vec<String>,
}

/// Names as typed: separated by commas or semicolons.
pub fn attendees(text: &str) -> Vec<String> {
    text.split([',', ';'])
        .map(str::trim)
        .filter(|n| !n.is_empty())
        .map(String::from)
        .collect()
}

/// A role as typed: None when blank.
pub fn role(text: &str) -> Option<String> {
    let t = text.trim();
    (!t.is_empty()).then(|| t.to_string())
}

/// The forum in a sentence: the glossary's word for the preparation group, else as written.
fn forum_name(forum: &str, lang: Lang) -> String {
    if forum.trim().eq_ignore_ascii_case("beredningsgruppen") {
        ui::MINUTES_PREPARATION_GROUP.get(lang).to_string()
    } else {
        markdown_text(forum)
    }
}

/// The minutes file's text.
pub fn minutes_markdown(
    portfolio: &Portfolio,
    analysis: &Analysis,
    record: &MeetingRecord,
    lang: Lang,
) -> String {
    let mut out = header(record, lang);
    let forum = forum_name(&record.forum, lang);
    let adjuster = record.roles.adjuster.as_deref().map_or_else(
        || ui::MINUTES_NOT_RECORDED.get(lang).to_string(),
        markdown_text,
    );
    out.push_str(&format!(
        "## § 1 {}\n\n{}\n\n## § 2 {}\n\n{}\n\n",
        ui::MINUTES_PARAGRAPH_ADJUSTER.get(lang),
        ui::minutes_adjuster_chosen(&forum, &adjuster, lang),
        ui::MINUTES_PARAGRAPH_AGENDA.get(lang),
        ui::MINUTES_AGENDA_APPROVED.get(lang),
    ));
    for (n, handled) in record.handled.iter().enumerate() {
        paragraph(
            &mut out,
            portfolio,
            analysis,
            (n + 3, handled),
            &forum,
            lang,
        );
    }
    if !record.not_handled.is_empty() {
        out.push_str(&format!("## {}\n\n", ui::MINUTES_NOT_HANDLED.get(lang)));
        for id in &record.not_handled {
            out.push_str(&format!("- {}\n", heading(portfolio, id)));
        }
        out.push('\n');
    }
    signatures(&mut out, &record.roles, lang);
    out
}

/// Title, then the head as a list: forum, date, time, place and the people.
fn header(record: &MeetingRecord, lang: Lang) -> String {
    let r = &record.roles;
    let none = || ui::MINUTES_NOT_RECORDED.get(lang).to_string();
    let given = |v: &Option<String>| v.as_deref().map_or_else(none, markdown_text);
    let attendees = if r.attendees.is_empty() {
        none()
    } else {
        r.attendees
            .iter()
            .map(|a| markdown_text(a))
            .collect::<Vec<_>>()
            .join(", ")
    };
    let rows = [
        (ui::MINUTES_FORUM, forum_name(&record.forum, lang)),
        (ui::MINUTES_DATE, record.date.to_string()),
        (ui::MINUTES_TIME, given(&r.time)),
        (ui::MINUTES_PLACE, given(&r.place)),
        (ui::MINUTES_ATTENDEES, attendees),
        (ui::MINUTES_CHAIR, given(&r.chair)),
        (ui::MINUTES_SECRETARY, given(&r.secretary)),
        (ui::MINUTES_ADJUSTER, given(&r.adjuster)),
    ];
    let mut out = format!("# {}\n\n", ui::MINUTES_TITLE.get(lang));
    for (label, value) in rows {
        out.push_str(&format!("- **{}:** {value}\n", label.get(lang)));
    }
    out.push('\n');
    out
}

/// "Digital ansökan om bygglov (e-tjanst-bygglov), Stadsbyggnad".
fn heading(portfolio: &Portfolio, id: &str) -> String {
    let Some(initiative) = portfolio.initiatives.iter().find(|i| i.id == id) else {
        return markdown_text(id);
    };
    let mut text = format!(
        "{} ({})",
        markdown_text(initiative.title()),
        markdown_text(id)
    );
    if let Some(unit) = initiative
        .file
        .unit
        .as_deref()
        .filter(|u| !u.trim().is_empty())
    {
        text.push_str(&format!(", {}", markdown_text(unit)));
    }
    text
}

fn paragraph(
    out: &mut String,
    portfolio: &Portfolio,
    analysis: &Analysis,
    (n, handled): (usize, &Handled),
    forum: &str,
    lang: Lang,
) {
    out.push_str(&format!("## § {n} {}\n\n", heading(portfolio, &handled.id)));
    if let Some(i) = portfolio
        .initiatives
        .iter()
        .position(|i| i.id == handled.id)
    {
        basis(out, portfolio, analysis, i, lang);
    }
    if !handled.changes.is_empty() {
        out.push_str(&format!("{}:\n\n", ui::MINUTES_CHANGES.get(lang)));
        for change in &handled.changes {
            out.push_str(&format!("- {}\n", describe(portfolio, change, lang)));
        }
        out.push('\n');
    }
    match &handled.decision {
        Some((outcome, note)) => {
            let safe_note = note.as_deref().map(markdown_text);
            let in_sentence = *outcome == Outcome::Returned;
            let sentence = ui::minutes_decision(
                forum,
                outcome.id(),
                safe_note.as_deref().filter(|_| in_sentence),
                lang,
            );
            out.push_str(&format!(
                "**{}:** {sentence}\n\n",
                ui::MINUTES_DECISION.get(lang)
            ));
            if let Some(note) = safe_note.filter(|_| !in_sentence) {
                out.push_str(&format!("{}: {note}\n\n", ui::MINUTES_NOTE.get(lang)));
            }
        }
        None => out.push_str(&format!("{}\n\n", ui::MINUTES_NO_DECISION.get(lang))),
    }
}

/// The figures the decision was taken on: as the portfolio stands after the meeting's changes.
fn basis(out: &mut String, portfolio: &Portfolio, analysis: &Analysis, i: usize, lang: Lang) {
    let item = &analysis.items[i];
    let e = &item.eval;
    let payback = match &item.case {
        Some(case) => case.totals.payback_year.map_or_else(
            || ui::BASIS_NOT_WITHIN.get(lang).to_string(),
            |y| y.to_string(),
        ),
        None => NONE.to_string(),
    };
    let flags: Vec<String> = item
        .flags
        .iter()
        .map(|f| markdown_text(&words::flag_reason(f, &portfolio.model, lang)))
        .collect();
    let flags = if flags.is_empty() {
        ui::MINUTES_NO_FLAGS.get(lang).to_string()
    } else {
        flags.join("; ")
    };
    out.push_str(&format!(
        "{}: {} {} · {} {} · {} {} · {} {} {} · {} {} · {} {}. {}: {flags}.\n\n",
        ui::MINUTES_BASIS.get(lang),
        ui::BASIS_BENEFIT.get(lang),
        score(e.benefit_score, lang),
        ui::BASIS_FEASIBILITY.get(lang),
        score(e.feasibility_score, lang),
        ui::BASIS_PRIORITY.get(lang),
        score(e.priority, lang),
        ui::BASIS_GATE.get(lang),
        words::gate_symbol(e.gate),
        words::gate(e.gate, lang).to_lowercase(),
        ui::BASIS_NPV.get(lang),
        money(item.case.as_ref().map(|c| c.totals.npv), lang),
        ui::BASIS_PAYBACK.get(lang),
        payback,
        ui::MINUTES_FLAGS.get(lang),
    ));
    let criteria = crate::eval::breakdown(&portfolio.model, &portfolio.initiatives[i]);
    let scores: Vec<String> = criteria
        .iter()
        .map(|c| {
            let value = c.score.map_or_else(|| NONE.to_string(), |v| v.to_string());
            format!("{} {value}", criterion_name(portfolio, &c.id, lang))
        })
        .collect();
    out.push_str(&format!(
        "{}: {}.\n\n",
        ui::MINUTES_SCORES.get(lang),
        scores.join(" · ")
    ));
}

fn criterion_name(portfolio: &Portfolio, id: &str, lang: Lang) -> String {
    let name = portfolio
        .model
        .criterion(id)
        .map_or(id, |c| lang.pick(&c.name_sv, &c.name_en));
    markdown_text(name)
}

fn describe(portfolio: &Portfolio, change: &Change, lang: Lang) -> String {
    let stage = |s: Option<Stage>| s.map_or(NONE, |s| words::stage(s, lang)).to_lowercase();
    match change {
        Change::Score {
            criterion,
            old,
            new,
            rationale,
        } => {
            let old = old.map_or_else(|| NONE.to_string(), |o| o.to_string());
            let mut text = format!(
                "{} {}: {old} → {new}",
                ui::MINUTES_SCORE.get(lang),
                criterion_name(portfolio, criterion, lang)
            );
            if let Some(r) = rationale.as_deref().filter(|r| !r.trim().is_empty()) {
                text.push_str(&format!(
                    " ({}: {})",
                    ui::MINUTES_RATIONALE.get(lang),
                    markdown_text(r)
                ));
            }
            text
        }
        Change::Stage { old, new } => format!(
            "{}: {} → {}",
            ui::MINUTES_STAGE.get(lang),
            stage(*old),
            stage(Some(*new))
        ),
        Change::FollowUp {
            benefit,
            date,
            value,
            note,
        } => {
            let value = format_decimal(*value, value.normalize().scale(), lang);
            let mut text = format!(
                "{} {}: {date}, {value}",
                ui::MINUTES_FOLLOW_UP.get(lang),
                markdown_text(benefit)
            );
            if let Some(n) = note.as_deref().filter(|n| !n.trim().is_empty()) {
                text.push_str(&format!(" ({})", markdown_text(n)));
            }
            text
        }
    }
}

/// "Vid protokollet" with the secretary; "Justeras" with the chair and the adjuster.
fn signatures(out: &mut String, roles: &Roles, lang: Lang) {
    let line = "\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_";
    let who = |name: &Option<String>, role: ui::Text| {
        let role = role.get(lang).to_lowercase();
        match name {
            Some(n) => format!("{}, {role}", markdown_text(n)),
            None => role,
        }
    };
    out.push_str(&format!(
        "---\n\n{}\n\n{line}  \n{}\n\n{}\n\n{line}  \n{}\n\n{line}  \n{}\n",
        ui::MINUTES_BY.get(lang),
        who(&roles.secretary, ui::MINUTES_SECRETARY),
        ui::MINUTES_ADJUSTED.get(lang),
        who(&roles.chair, ui::MINUTES_CHAIR),
        who(&roles.adjuster, ui::MINUTES_ADJUSTER),
    ));
}

#[cfg(test)]
mod tests;
