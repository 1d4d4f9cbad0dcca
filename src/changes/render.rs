//! The change set as text for a terminal and as a Markdown annex ("Ändringar sedan …"). Every
//! piece of text taken from the portfolio passes `i18n::safe` (`line` for text, `markdown_text`
//! for Markdown).

use rust_decimal::{Decimal, RoundingStrategy};

use super::{Change, ChangeSet, End, KINDS};
use crate::i18n::ui::changes as words;
use crate::i18n::{Lang, format_decimal, format_money, safe, words as terms};

const NONE: &str = "–";

/// How data text is made safe for the target format.
type Clean = fn(&str) -> String;

fn clean_line(text: &str) -> String {
    safe::line(text).into_owned()
}

/// The report for a terminal.
pub fn text(set: &ChangeSet, lang: Lang) -> String {
    let mut out = format!("{}\n", title(set, clean_line, lang));
    out.push_str(&summary(set, lang));
    out.push('\n');
    for ini in &set.initiatives {
        let mark = if ini.has("added") {
            '+'
        } else if ini.has("removed") {
            '-'
        } else {
            '~'
        };
        out.push_str(&format!(
            "\n{mark} {}  {}\n",
            safe::line(&ini.id),
            safe::line(&ini.title)
        ));
        for change in &ini.changes {
            let (label, detail) = describe_as(change, set, clean_line, lang);
            out.push_str(&format!("    {label}: {detail}\n"));
        }
    }
    out
}

/// The annex section for the meeting's papers.
pub fn markdown(set: &ChangeSet, lang: Lang) -> String {
    let mut out = format!("## {}\n\n", title(set, safe::markdown_text, lang));
    out.push_str(&summary(set, lang).replace('\n', "\n\n"));
    out.push('\n');
    for ini in &set.initiatives {
        out.push_str(&format!(
            "\n### {} (`{}`)\n\n",
            safe::markdown_text(&ini.title),
            safe::line(&ini.id).replace('`', "'")
        ));
        for change in &ini.changes {
            let (label, detail) = describe_as(change, set, safe::markdown_text, lang);
            out.push_str(&format!("- **{}**: {detail}\n", capitalised(label)));
        }
    }
    out
}

/// The report's heading for a terminal line: "Ändringar sedan … till …".
pub fn heading(set: &ChangeSet, lang: Lang) -> String {
    title(set, clean_line, lang)
}

/// The summary's lines: the counts of each kind, and the budget line's move.
pub fn summary_lines(set: &ChangeSet, lang: Lang) -> Vec<String> {
    summary(set, lang).lines().map(str::to_string).collect()
}

/// "Ändringar sedan HEAD~1 (abc1234, 2026-11-20) till arbetskopian".
fn title(set: &ChangeSet, clean: Clean, lang: Lang) -> String {
    let since = end_name(&set.since, clean, lang);
    let until = end_name(&set.until, clean, lang);
    format!(
        "{} {}",
        words::heading(&since, lang),
        words::until(&until, lang)
    )
}

fn end_name(end: &End, clean: Clean, lang: Lang) -> String {
    match (&end.asked, &end.commit) {
        (Some(asked), Some(c)) => format!("{} ({}, {})", clean(asked), c.short(), c.date),
        (Some(asked), None) => clean(asked),
        (None, _) => words::WORK_TREE.get(lang).to_string(),
    }
}

/// The counts of each kind and the budget line's move.
fn summary(set: &ChangeSet, lang: Lang) -> String {
    if set.is_empty() {
        return words::NO_CHANGES.get(lang).to_string();
    }
    let counts: Vec<String> = KINDS
        .iter()
        .map(|k| (k, set.count(k)))
        .filter(|(_, n)| *n > 0)
        .map(|(k, n)| format!("{} {n}", words::kind(k, lang)))
        .collect();
    let mut out = format!(
        "{}: {}\n",
        words::changed_count(set.initiatives.len(), lang),
        counts.join(" · ")
    );
    out.push_str(&budget(set, lang));
    out
}

fn budget(set: &ChangeSet, lang: Lang) -> String {
    let (old, new) = set.budget_line;
    if set.budget.is_none() && old.within == 0 && new.within == 0 {
        return words::NO_BUDGET.get(lang).to_string();
    }
    let last = |r: Option<usize>| r.map_or_else(|| NONE.to_string(), |r| words::rank(r, lang));
    words::budget_line(
        (old.within, new.within),
        (last(old.last_rank), last(new.last_rank)),
        lang,
    )
}

/// A change's label and what it says, data text made safe for a terminal line.
pub fn describe(change: &Change, set: &ChangeSet, lang: Lang) -> (&'static str, String) {
    describe_as(change, set, clean_line, lang)
}

/// A change's label and what it says.
fn describe_as(
    change: &Change,
    set: &ChangeSet,
    clean: Clean,
    lang: Lang,
) -> (&'static str, String) {
    let label = words::kind(change.kind(), lang);
    let arrow = |a: String, b: String| format!("{a} → {b}");
    let detail = match change {
        Change::Added { stage, rank } | Change::Removed { stage, rank } => {
            let stage = stage.map_or(NONE, |s| terms::stage(s, lang));
            format!(
                "{} {stage}, {}",
                words::kind("stage", lang),
                words::rank(*rank, lang)
            )
        }
        Change::Title { old, new } => arrow(clean(old), clean(new)),
        Change::Stage { old, new } => {
            let s = |s: &Option<crate::model::Stage>| s.map_or(NONE, |s| terms::stage(s, lang));
            arrow(s(old).into(), s(new).into())
        }
        Change::Score {
            criterion,
            old,
            new,
            rationale,
        } => {
            let name = set.criterion_name(criterion, lang);
            score(name, (*old, *new), rationale.as_deref(), clean, lang)
        }
        Change::Benefit { old, new }
        | Change::Feasibility { old, new }
        | Change::Priority { old, new } => arrow(two(*old, lang), two(*new, lang)),
        Change::Rank { old, new } => rank(*old, *new, lang),
        Change::Gate { old, new } => arrow(
            terms::gate(*old, lang).into(),
            terms::gate(*new, lang).into(),
        ),
        Change::Decision(d) => decision(d, clean, lang),
        Change::FollowUp {
            benefit,
            date,
            value,
            note,
        } => {
            let value = format_decimal(value.normalize(), value.normalize().scale(), lang);
            format!(
                "{} {date}: {value}{}",
                clean(benefit),
                noted(note.as_deref(), clean)
            )
        }
        Change::Npv { old, new } => arrow(money(*old, lang), money(*new, lang)),
        Change::Payback { old, new } => {
            let y = |y: &Option<i32>| y.map_or_else(|| NONE.to_string(), |y| y.to_string());
            arrow(y(old), y(new))
        }
        Change::Budget { old, new } => arrow(within(*old, lang).into(), within(*new, lang).into()),
    };
    (label, detail)
}

/// "plats 5 → plats 2 (↑3)".
fn rank(old: usize, new: usize, lang: Lang) -> String {
    let moved = old as i64 - new as i64;
    let sign = if moved > 0 { '↑' } else { '↓' };
    let (old, new) = (words::rank(old, lang), words::rank(new, lang));
    format!("{old} → {new} ({sign}{})", moved.abs())
}

fn decision(d: &crate::model::Decision, clean: Clean, lang: Lang) -> String {
    let forum = d
        .forum
        .as_deref()
        .map(|f| format!(" {}", clean(f)))
        .unwrap_or_default();
    let outcome = terms::outcome(d.outcome, lang);
    let note = noted(d.note.as_deref(), clean);
    format!("{}{forum}: {outcome}{note}", d.date)
}

/// " — the note", or nothing.
fn noted(note: Option<&str>, clean: Clean) -> String {
    note.map(|n| format!(" — {}", clean(n))).unwrap_or_default()
}

fn score(
    criterion: &str,
    values: (Option<u8>, Option<u8>),
    rationale: Option<&str>,
    clean: Clean,
    lang: Lang,
) -> String {
    let v = |s: Option<u8>| s.map_or_else(|| NONE.to_string(), |s| s.to_string());
    let mut out = format!("{} {} → {}", clean(criterion), v(values.0), v(values.1));
    if let Some(r) = rationale {
        out.push_str(&format!(" — {}: {}", words::RATIONALE.get(lang), clean(r)));
    }
    out
}

fn two(value: Option<Decimal>, lang: Lang) -> String {
    value.map_or_else(
        || NONE.to_string(),
        |v| {
            let v = v.round_dp_with_strategy(2, RoundingStrategy::MidpointAwayFromZero);
            format_decimal(v, 2, lang)
        },
    )
}

fn money(value: Option<Decimal>, lang: Lang) -> String {
    value.map_or_else(|| NONE.to_string(), |v| format_money(v.round_dp(0), lang))
}

fn within(value: Option<bool>, lang: Lang) -> &'static str {
    match value {
        Some(true) => words::WITHIN.get(lang),
        Some(false) => words::BEYOND.get(lang),
        None => words::NOT_COUNTED.get(lang),
    }
}

fn capitalised(label: &str) -> String {
    let mut chars = label.chars();
    chars
        .next()
        .map(|c| c.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}
