//! The words of the meeting: the minutes (protokoll), the agenda and its annex, the pipeline's
//! titled groups, the budget line and the DiMiOS principles, in the glossary's words.

use super::Text;
use crate::i18n::Lang;

// The minutes' head.
pub const MINUTES_TITLE: Text = Text("Protokoll", "Minutes");
pub const MINUTES_FORUM: Text = Text("Forum", "Forum");
pub const MINUTES_DATE: Text = Text("Datum", "Date");
pub const MINUTES_TIME: Text = Text("Tid", "Time");
pub const MINUTES_PLACE: Text = Text("Plats", "Place");
pub const MINUTES_ATTENDEES: Text = Text("Närvarande", "Attendees");
pub const MINUTES_CHAIR: Text = Text("Ordförande", "Chair");
pub const MINUTES_SECRETARY: Text = Text("Sekreterare", "Secretary");
pub const MINUTES_ADJUSTER: Text = Text("Justerare", "Adjuster");
pub const MINUTES_NOT_RECORDED: Text = Text("ej antecknat", "not recorded");
pub const MINUTES_PREPARATION_GROUP: Text = Text("Beredningsgruppen", "The preparation group");
pub const MINUTES_PARAGRAPH_ADJUSTER: Text = Text("Val av justerare", "Choice of adjuster");
pub const MINUTES_PARAGRAPH_AGENDA: Text =
    Text("Godkännande av dagordningen", "Approval of the agenda");
pub const MINUTES_AGENDA_APPROVED: Text = Text("Dagordningen godkänns.", "The agenda is approved.");
pub const MINUTES_BASIS: Text = Text("Underlag", "Basis");
pub const MINUTES_CHANGES: Text = Text("Ändringar under mötet", "Changes made in the meeting");
pub const MINUTES_DECISION: Text = Text("Beslut", "Decision");
pub const MINUTES_NO_DECISION: Text = Text(
    "Inget beslut fattades i ärendet.",
    "No decision was taken on the matter.",
);
pub const MINUTES_NOTE: Text = Text("Anteckning", "Note");
pub const MINUTES_NOT_HANDLED: Text = Text(
    "Initiativ på dagordningen som inte behandlades",
    "Initiatives on the agenda not handled",
);
pub const MINUTES_BY: Text = Text("Vid protokollet", "Recorded by");
pub const MINUTES_ADJUSTED: Text = Text("Justeras", "Adjusted");
pub const MINUTES_SCORE: Text = Text("Poäng", "Score");
pub const MINUTES_RATIONALE: Text = Text("motivering", "rationale");
pub const MINUTES_STAGE: Text = Text("Fas", "Stage");
pub const MINUTES_FOLLOW_UP: Text = Text("Uppföljning", "Follow-up");
pub const MINUTES_FLAGS: Text = Text("Varningsflaggor", "Flags");
pub const MINUTES_NO_FLAGS: Text = Text("inga", "none");
pub const MINUTES_SCORES: Text = Text("Poäng per kriterium", "Scores per criterion");

// The basis of a decision.
pub const BASIS_BENEFIT: Text = Text("nyttopoäng", "benefit score");
pub const BASIS_FEASIBILITY: Text = Text("genomförbarhetspoäng", "feasibility score");
pub const BASIS_PRIORITY: Text = Text("prioritetstal", "priority");
pub const BASIS_GATE: Text = Text("spärr (regelefterlevnad)", "compliance gate");
pub const BASIS_NPV: Text = Text("nuvärde", "net present value");
pub const BASIS_PAYBACK: Text = Text("återbetalningsår", "payback year");
pub const BASIS_NOT_WITHIN: Text = Text("inte inom kalkylperioden", "not within the horizon");

// The agenda and its annex (`bered minutes`).
pub const AGENDA_TITLE: Text = Text("Dagordning", "Agenda");
pub const AGENDA_ANNEX: Text = Text(
    "Bilaga: initiativ att bereda",
    "Annex: initiatives to prepare",
);
pub const AGENDA_EMPTY: Text = Text("Inga initiativ att bereda.", "No initiatives to prepare.");
pub const AGENDA_RETURNED: Text = Text(
    "återremitterad – väntar på komplettering",
    "returned – awaiting completion",
);

// The budget line.
pub const BUDGET_FRAME: Text = Text("Budgetram", "Budget");
pub const BUDGET_COMMITTED: Text = Text("Redan beslutat", "Already committed");
pub const BUDGET_REMAINING: Text = Text("Återstår", "Remaining");
pub const BUDGET_WITHIN: Text = Text("inom", "within");
pub const BUDGET_BEYOND: Text = Text("utanför", "beyond");
pub const COL_PLANNING_YEAR_COST: Text = Text("Kostnad planeringsår", "Planning-year cost");
pub const COL_DECISION: Text = Text("Senaste beslut", "Latest decision");

// Keys of the ranking.
pub const ACT_ONE_LIST: Text = Text(
    "allt i en lista / att bereda först",
    "all as one list / pipeline first",
);
pub const ACT_MATCH_ORDER: Text = Text(
    "sökträffar i träffordning / rangordning",
    "search results by best match / by rank",
);

// The pipeline's titled groups.
pub const SECTION_PIPELINE: Text = Text("Att bereda", "To prepare");
pub const SECTION_COMMITTED: Text = Text("Redan beslutat", "Already committed");
pub const SECTION_RUNNING: Text = Text("Pågående och avslutade", "Running and done");
pub const SECTION_DECLINED: Text = Text("Avslagna och parkerade", "Declined");
pub const SECTION_INCOMPLETE: Text = Text(
    "Ofullständigt bedömda – rangordnas efter de fullständiga",
    "Incompletely scored – ranked after the complete ones",
);
pub const SECTION_BLOCKED: Text = Text(
    "Spärrade av regelefterlevnaden – kan inte rekommenderas",
    "Blocked by the compliance gate – cannot be recommended",
);

/// After `bered minutes`: where the agenda went (a file name, never a full path).
pub fn agenda_written(name: &str, lang: Lang) -> String {
    match lang {
        Lang::Sv => format!("Dagordningen sparad i {name}"),
        Lang::En => format!("Agenda saved to {name}"),
    }
}

/// "Beredningsgruppen utser Eva Ek att jämte ordföranden justera protokollet."
pub fn minutes_adjuster_chosen(forum: &str, adjuster: &str, lang: Lang) -> String {
    match lang {
        Lang::Sv => format!("{forum} utser {adjuster} att jämte ordföranden justera protokollet."),
        Lang::En => format!("{forum} chooses {adjuster} to adjust the minutes with the chair."),
    }
}

/// The decision as a sentence: "Beredningsgruppen beslutar att prioritera …".
pub fn minutes_decision(forum: &str, outcome_id: &str, note: Option<&str>, lang: Lang) -> String {
    let sv = lang == Lang::Sv;
    let verb = match (outcome_id, sv) {
        ("prioritised", true) => {
            "att prioritera initiativet och rekommendera det till digitaliseringsrådet".into()
        }
        ("prioritised", false) => {
            "to prioritise the initiative and recommend it to the digitalisation council".into()
        }
        ("deferred", true) => "att bordlägga ärendet".into(),
        ("deferred", false) => "to defer the matter".into(),
        ("returned", true) => match note {
            Some(n) => format!("att återremittera ärendet för komplettering av {n}"),
            None => "att återremittera ärendet för komplettering".into(),
        },
        ("returned", false) => match note {
            Some(n) => format!("to return the matter for completion of {n}"),
            None => "to return the matter for completion".into(),
        },
        ("rejected", true) => "att avslå ärendet".into(),
        ("rejected", false) => "to reject the matter".into(),
        ("approved", true) => "att genomföra initiativet".into(),
        ("approved", false) => "to approve the initiative".into(),
        (other, _) => other.to_string(),
    };
    let verb = verb.trim_end_matches('.');
    match lang {
        Lang::Sv => format!("{forum} beslutar {verb}."),
        Lang::En => format!("{forum} decides {verb}."),
    }
}

/// "Budgetram 2027: 12 000 000 kr · redan beslutat 3 000 000 kr · återstår 9 000 000 kr · 4
/// initiativ ryms".
pub fn budget_summary(
    year: i32,
    [frame, committed, remaining]: [&str; 3],
    fits: usize,
    lang: Lang,
) -> String {
    match lang {
        Lang::Sv => format!(
            "Budgetram {year}: {frame} · redan beslutat {committed} · återstår {remaining}.\n{fits} initiativ att bereda ryms inom budgetramen."
        ),
        Lang::En => format!(
            "Budget {year}: {frame} · already committed {committed} · remaining {remaining}.\n{fits} initiatives to prepare fit within the budget."
        ),
    }
}

// The scores tab.
pub const SCORE_MEANINGS: Text = Text("Vad poängen betyder", "What the scores mean");

// Totals: budget money apart from freed time.
pub const PIPELINE_TOTALS: Text = Text(
    "Att bereda, över varje kalkylperiod",
    "To prepare, over each horizon",
);
pub const TOTAL_FINANCIAL: Text = Text(
    "Finansiella nyttor (påverkar budgeten)",
    "Financial benefits (in the budget)",
);
pub const TOTAL_REALLOCATION: Text = Text(
    "Omfördelningsnyttor (frigjord tid, syns i verksamheten)",
    "Reallocation benefits (freed time)",
);
pub const TOTAL_NET_WITH: Text = Text(
    "Nettonytta med omfördelningsnyttor",
    "Net benefit with reallocation",
);
pub const TOTAL_NET_WITHOUT: Text = Text(
    "Nettonytta utan omfördelningsnyttor",
    "Net benefit without reallocation",
);
pub const BUDGET_FITS: Text = Text(
    "Initiativ att bereda inom budgetramen",
    "Initiatives to prepare within the budget",
);

// The DiMiOS mirror, all four principles.
pub const MIRROR_MISSING: Text = Text("Saknas hos", "Missing in");
pub const MIRROR_NONE_MISSING: Text = Text("alla uppfyller", "all meet it");

/// A principle's name, by its id.
pub fn principle(id: &str, lang: Lang) -> &'static str {
    let (sv, en) = match id {
        "portfolio_management" => ("Portföljstyrning", "Portfolio management"),
        "prioritisation" => ("Prioritering", "Prioritisation"),
        "benefit_realisation" => ("Nyttorealisering", "Benefit realisation"),
        _ => ("Nyttokontroll", "Benefit control"),
    };
    lang.pick(sv, en)
}

/// What a share asks, by the requirement's id.
pub fn requirement(id: &str, lang: Lang) -> &'static str {
    let (sv, en) = match id {
        "owner" => ("har en ägare", "has an owner"),
        "unit" => ("har en enhet", "has a unit"),
        "stage" => ("har en fas", "has a stage"),
        "strategic_goal" => ("har ett strategiskt mål", "has a strategic goal"),
        "decision" => ("har minst ett beslut", "has at least one decision"),
        "business_case_past_preparation" => (
            "har en nyttokalkyl efter beredningen",
            "has a business case once past preparation",
        ),
        "fully_scored" => ("är fullständigt bedömt", "is fully scored"),
        "rationale_for_extremes" => (
            "har motivering för varje poäng under 2 eller över 3",
            "has a rationale for every score below 2 or above 3",
        ),
        "consistent_with_ranking" => (
            "beslut följer rangordningen",
            "decisions consistent with the ranking",
        ),
        "measurable_goals" => ("mätbara effektmål", "measurable effect goals"),
        "benefit_owners" => ("nyttoägare", "benefit owners"),
        "plans" => ("planer", "plans"),
        "current_follow_up" => ("aktuell uppföljning", "current follow-up"),
        _ => ("nyttokalkyl", "business case"),
    };
    lang.pick(sv, en)
}

/// "Nivå 3 av 4 · 12 initiativ".
pub fn principle_level(level: Option<u8>, population: usize, lang: Lang) -> String {
    let level = level.map_or_else(|| "–".to_string(), |l| l.to_string());
    match lang {
        Lang::Sv => format!("nivå {level} av 4 · {population} initiativ"),
        Lang::En => format!("level {level} of 4 · {population} initiatives"),
    }
}
