//! The words of `bered changes`: what changed in the portfolio since a revision or a date.

use super::Text;
use crate::i18n::Lang;

pub const WORK_TREE: Text = Text("arbetskopian", "the working tree");
pub const NO_CHANGES: Text = Text("Inga ändringar.", "No changes.");
pub const NO_BUDGET: Text = Text("Ingen budgetram angiven.", "No budget set.");
pub const WITHIN: Text = Text("inom budgetramen", "within the budget");
pub const BEYOND: Text = Text("utanför budgetramen", "beyond the budget");
pub const NOT_COUNTED: Text = Text(
    "räknas inte mot budgetramen",
    "not counted against the budget",
);
pub const RATIONALE: Text = Text("motivering", "rationale");
pub const NEW: Text = Text("nytt", "new");
pub const REMOVED_FROM: Text = Text("tidigare", "before");

pub fn no_portfolio(lang: Lang) -> &'static str {
    lang.pick(
        "ingen portfölj angiven och ingen ./portfolio: ange portföljens mapp eller fil i ett git-arkiv",
        "no portfolio given and no ./portfolio: give the portfolio's folder or file in a git repository",
    )
}

pub fn not_found(path: &str, lang: Lang) -> String {
    match lang {
        Lang::Sv => format!("{path}: ingen sådan fil eller mapp"),
        Lang::En => format!("{path}: no such file or folder"),
    }
}

pub fn not_a_repository(path: &str, lang: Lang) -> String {
    match lang {
        Lang::Sv => format!(
            "{path}: inte i ett git-arkiv; ändringar sedan en version kräver att portföljen ligger i git"
        ),
        Lang::En => format!(
            "{path}: not in a git repository; changes since a revision need the portfolio in git"
        ),
    }
}

pub fn unknown_revision(rev: &str, suggestion: Option<&str>, lang: Lang) -> String {
    let base = match lang {
        Lang::Sv => format!(
            "okänd version `{rev}`: ange en incheckning, tagg, gren, HEAD~3 eller ett datum (ÅÅÅÅ-MM-DD)"
        ),
        Lang::En => format!(
            "unknown revision `{rev}`: give a commit, tag, branch, HEAD~3 or a date (YYYY-MM-DD)"
        ),
    };
    match suggestion {
        Some(s) => format!("{base}; {} `{s}`?", lang.pick("menade du", "did you mean")),
        None => base,
    }
}

pub fn no_commit_before(date: &str, lang: Lang) -> String {
    match lang {
        Lang::Sv => format!("ingen incheckning före {date}"),
        Lang::En => format!("no commit before {date}"),
    }
}

pub fn git_error(message: &str, lang: Lang) -> String {
    match lang {
        Lang::Sv => format!("kunde inte läsa git-arkivet: {message}"),
        Lang::En => format!("could not read the git repository: {message}"),
    }
}

/// "Ändringar sedan HEAD~1" — the heading of the report and of the annex.
pub fn heading(since: &str, lang: Lang) -> String {
    match lang {
        Lang::Sv => format!("Ändringar sedan {since}"),
        Lang::En => format!("Changes since {since}"),
    }
}

/// What the newer end is: " till v2" / " to the working tree".
pub fn until(until: &str, lang: Lang) -> String {
    match lang {
        Lang::Sv => format!("till {until}"),
        Lang::En => format!("to {until}"),
    }
}

pub fn changed_count(n: usize, lang: Lang) -> String {
    match (lang, n) {
        (Lang::Sv, 1) => "1 initiativ ändrat".into(),
        (Lang::Sv, _) => format!("{n} initiativ ändrade"),
        (Lang::En, 1) => "1 initiative changed".into(),
        (Lang::En, _) => format!("{n} initiatives changed"),
    }
}

pub fn rank(rank: usize, lang: Lang) -> String {
    match lang {
        Lang::Sv => format!("plats {rank}"),
        Lang::En => format!("rank {rank}"),
    }
}

/// "4 inom → 3 inom budgetramen (sista inom: plats 5 → 4)".
pub fn budget_line(within: (usize, usize), last: (String, String), lang: Lang) -> String {
    let (a, b) = within;
    let (x, y) = last;
    match lang {
        Lang::Sv => {
            format!("Budgetramen: {a} → {b} initiativ inom budgetramen (sista inom: {x} → {y})")
        }
        Lang::En => {
            format!("Budget: {a} → {b} initiatives within the budget (last within: {x} → {y})")
        }
    }
}

pub fn errors_at(errors: usize, end: &str, lang: Lang) -> String {
    match lang {
        Lang::Sv => format!(
            "bered: {errors} fel i portföljen vid {end}; initiativ med fel är inte med (kör `bered check`)"
        ),
        Lang::En => format!(
            "bered: {errors} error(s) in the portfolio at {end}; initiatives with errors are left out (run `bered check`)"
        ),
    }
}

/// The label of a change's kind (`Change::kind`), in the glossary's words.
pub fn kind(kind: &str, lang: Lang) -> &'static str {
    let (sv, en) = match kind {
        "added" => ("tillagt", "added"),
        "removed" => ("borttaget", "removed"),
        "title" => ("titel", "title"),
        "stage" => ("fas", "stage"),
        "score" => ("poäng", "score"),
        "benefit" => ("nyttopoäng", "benefit score"),
        "feasibility" => ("genomförbarhetspoäng", "feasibility score"),
        "priority" => ("prioritetstal", "priority"),
        "rank" => ("rangordning", "ranking"),
        "gate" => ("spärr", "compliance gate"),
        "decision" => ("beslut", "decision"),
        "follow_up" => ("uppföljning", "follow-up"),
        "npv" => ("nuvärde", "net present value"),
        "payback" => ("återbetalningsår", "payback year"),
        "budget" => ("budgetram", "budget"),
        _ => ("", ""),
    };
    lang.pick(sv, en)
}

// The interactive application's words for changes since a revision.
pub const ACT_CHANGES: Text = Text("ändringar sedan …", "changes since …");
pub const SINCE_PROMPT: Text = Text(
    "Ändringar sedan: en revision eller ett datum (HEAD~1, v1.0, main, 2026-11-01). Enter visar, Esc avbryter.",
    "Changes since: a revision or a date (HEAD~1, v1.0, main, 2026-11-01). Enter shows, Esc cancels.",
);
pub const READING_HISTORY: Text = Text("Läser historiken …", "Reading the history …");
/// The older end of "Ändringar sedan förra mötet" in the meeting's papers.
pub const LAST_MEETING: Text = Text("förra mötet", "the last meeting");
pub const BEFORE_RELOAD: Text = Text("före omläsningen", "before the reload");
/// The ranking's marker column's heading.
pub const COL_CHANGED: Text = Text("Ändr", "Chg");
/// Before the changed values in an initiative's detail.
pub const CHANGED: Text = Text("Ändrat", "Changed");
pub const EMPTY_PROMPT: Text = Text(
    "Skriv en revision eller ett datum.",
    "Write a revision or a date.",
);

/// The status line after a reload from disk that changed something.
pub fn reload_offer(summary: &str, lang: Lang) -> String {
    match lang {
        Lang::Sv => format!("{summary} – tryck C för att se ändringarna"),
        Lang::En => format!("{summary} – press C to see the changes"),
    }
}
