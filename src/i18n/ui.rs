//! Every word the interactive application shows, in Swedish and English.
//!
//! Fixed texts are `Text(swedish, english)` constants; texts with numbers in them are functions;
//! the engine's enums are labelled by their stable `id()` so this module depends on no engine type.

use super::Lang;

mod benefits;
pub mod changes;
mod edit;
mod meeting;
mod serve;

pub use benefits::*;
pub use edit::*;
pub use meeting::*;
pub use serve::*;

/// A fixed text in both languages.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Text(pub &'static str, pub &'static str);

impl Text {
    pub fn get(self, lang: Lang) -> &'static str {
        lang.pick(self.0, self.1)
    }
}

// Screens and tabs.
pub const SCREEN_RANKING: Text = Text("Rangordning", "Ranking");
pub const SCREEN_MATRIX: Text = Text("Matris", "Matrix");
pub const SCREEN_PORTFOLIO: Text = Text("Portfölj", "Portfolio");
pub const SCREEN_DIAGNOSTICS: Text = Text("Diagnostik", "Diagnostics");
pub const SCREEN_HELP: Text = Text("Hjälp", "Help");
pub const TAB_OVERVIEW: Text = Text("Översikt", "Overview");
pub const TAB_SCORES: Text = Text("Bedömning", "Scores");
pub const TAB_CASE: Text = Text("Nyttokalkyl", "Business case");
pub const TAB_BENEFITS: Text = Text("Nyttor", "Benefits");
pub const TAB_DECISIONS: Text = Text("Beslut", "Decisions");

// Ranking columns.
pub const COL_RANK: Text = Text("Rang", "Rank");
pub const COL_TITLE: Text = Text("Titel", "Title");
pub const COL_UNIT: Text = Text("Enhet", "Unit");
pub const COL_OWNER: Text = Text("Ägare", "Owner");
pub const COL_STAGE: Text = Text("Fas", "Stage");
pub const COL_BENEFIT: Text = Text("Nytta", "Benefit");
pub const COL_FEASIBILITY: Text = Text("Genomf.", "Feas.");
pub const COL_PRIORITY: Text = Text("Prio", "Prio");
pub const COL_GATE: Text = Text("Spärr", "Gate");
pub const COL_NPV: Text = Text("Nuvärde kr", "NPV kr");
pub const COL_PAYBACK: Text = Text("Återbet.", "Payback");
pub const COL_FLAGS: Text = Text("Flaggor", "Flags");
pub const COL_ID: Text = Text("Id", "Id");
pub const COL_QUADRANT: Text = Text("Kvadrant", "Quadrant");
pub const COL_BUDGET: Text = Text("Budgetram", "Budget");

pub const GROUP_RANKED: Text = Text("Rangordnade", "Ranked");
pub const GROUP_INCOMPLETE: Text = Text(
    "Ofullständigt bedömda – rangordnas efter de fullständiga",
    "Incompletely scored – ranked after the complete ones",
);
pub const GROUP_BLOCKED: Text = Text(
    "Spärrade av regelefterlevnaden – kan inte rekommenderas",
    "Blocked by the compliance gate – cannot be recommended",
);
pub const NO_MATCHES: Text = Text("Inga initiativ matchar.", "No initiatives match.");
pub const RANK_LEGEND: Text = Text(
    "Prio = nytta × genomförbarhet · ⚑ antal varningsflaggor · nuvärde i kr (bered show ID)",
    "Prio = benefit × feasibility · ⚑ number of flags · net present value in kr (bered show ID)",
);
pub const BUDGET_RUNS_OUT: Text = Text("budgetramen tar slut här", "the budget runs out here");
pub const NO_ROWS: Text = Text(
    "Inga initiativ att visa med nuvarande sökning och filter.",
    "No initiatives to show with the current search and filters.",
);
pub const SORTED_BY: Text = Text("sorterad på", "sorted by");
pub const RANK_ORDER: Text = Text("rangordning", "rank order");
pub const FILTERED: Text = Text("filter", "filters");
pub const SEARCH_PROMPT: Text = Text("Sök: ", "Search: ");
pub const LOADING: Text = Text("Läser in portföljen", "Loading the portfolio");
pub const PHASE_READING: Text = Text("läser filer", "reading files");
pub const PHASE_EVALUATING: Text = Text("utvärderar", "evaluating");
pub const PHASE_INDEXING: Text = Text("bygger sökindex", "building the search index");
pub const NOTHING_LOADED: Text = Text(
    "Ingen portfölj inläst. Se Diagnostik (Tab) för vad som gick fel.",
    "No portfolio loaded. See Diagnostics (Tab) for what went wrong.",
);
pub const RELOAD_FAILED: Text = Text(
    "Omläsningen misslyckades – visar senaste fungerande data. Se Diagnostik.",
    "Reload failed – showing the last good data. See Diagnostics.",
);
pub const TOO_SMALL: Text = Text("Fönstret är för litet", "Window too small");
pub const NONE: Text = Text("–", "–");
pub const YES: Text = Text("ja", "yes");
pub const NO: Text = Text("nej", "no");

// Filters.
pub const FILTER_TITLE: Text = Text("Filter", "Filters");
pub const FACET_STAGE: Text = Text("Fas", "Stage");
pub const FACET_UNIT: Text = Text("Enhet", "Unit");
pub const FACET_TAG: Text = Text("Tagg", "Tag");
pub const FACET_GOAL: Text = Text("Mål", "Goal");
pub const FACET_GATE: Text = Text("Regelefterlevnad", "Compliance gate");
pub const FACET_FLAG: Text = Text("Flagga", "Flag");
pub const FILTER_EMPTY: Text = Text("(inga värden)", "(no values)");
pub const FILTER_HINT: Text = Text(
    "Mellanslag väljer · c rensar · Esc stänger. Inom en grupp: något av; mellan grupper: alla.",
    "Space toggles · c clears · Esc closes. Within a group: any of; across groups: all.",
);

// Detail: overview.
pub const SUMMARY: Text = Text("Sammanfattning", "Summary");
pub const OWNER: Text = Text("Ägare", "Owner");
pub const UNIT: Text = Text("Enhet", "Unit");
pub const STAGE: Text = Text("Fas", "Stage");
pub const SUBMITTED: Text = Text("Inkom", "Submitted");
pub const TAGS: Text = Text("Taggar", "Tags");
pub const GOALS: Text = Text("Strategiska mål", "Strategic goals");
pub const HYPOTHESES: Text = Text("Hypoteser", "Hypotheses");
pub const FLAGS: Text = Text("Flaggor", "Flags");
pub const NO_FLAGS: Text = Text("Inga flaggor.", "No flags.");
pub const QUADRANT: Text = Text("Kvadrant", "Quadrant");
pub const RANK: Text = Text("Rang", "Rank");
pub const FILE: Text = Text("Fil", "File");

// Detail: scores.
pub const SCALE_LOW: Text = Text("lägst", "lowest");
pub const SCALE_HIGH: Text = Text("högst", "highest");
pub const CRITERION: Text = Text("Kriterium", "Criterion");
pub const VALUE: Text = Text("Värde", "Value");
pub const WEIGHT: Text = Text("Vikt", "Weight");
pub const CONTRIBUTION: Text = Text("Bidrag", "Contribution");
pub const MOTIVATION: Text = Text("Motivering", "Rationale");
pub const MOTIVATIONS: Text = Text("Motiveringar", "Rationales");
pub const NOT_SCORED_LIST: Text = Text("Ej bedömda", "Not scored");
pub const BENEFIT_GROUP: Text = Text("NYTTA", "BENEFIT");
pub const FEASIBILITY_GROUP: Text = Text("GENOMFÖRBARHET", "FEASIBILITY");
pub const BENEFIT_SCORE: Text = Text("Nyttopoäng", "Benefit score");
pub const FEASIBILITY_SCORE: Text = Text("Genomförbarhetspoäng", "Feasibility score");
pub const PRIORITY: Text = Text(
    "Prioritet (nytta × genomförbarhet)",
    "Priority (benefit × feasibility)",
);
pub const NOT_SCORED: Text = Text("ej bedömd", "not scored");
pub const GATE: Text = Text("Regelefterlevnad", "Compliance gate");

// Detail: business case.
pub const NO_CASE: Text = Text("Ingen nyttokalkyl.", "No business case.");
pub const ROW_INVESTMENT: Text = Text("Grundläggande investering", "Investment");
pub const ROW_OPERATIONS: Text = Text("Förvaltningskostnader", "Operating costs");
pub const ROW_COSTS: Text = Text("Kostnader", "Costs");
pub const ROW_COSTS_ACC: Text = Text("Kostnader ack.", "Costs, accumulated");
pub const ROW_FINANCIAL: Text = Text("Finansiella nyttor", "Financial benefits");
pub const ROW_REALLOCATION: Text = Text("Omfördelningsnyttor", "Reallocation benefits");
pub const ROW_BENEFITS: Text = Text("Ekonomiska nyttor", "Economic benefits");
pub const ROW_BENEFITS_ACC: Text = Text("Nyttor ack.", "Benefits, accumulated");
pub const ROW_NET: Text = Text("Ekonomisk nettonytta", "Net economic benefit");
pub const ROW_NET_NO_REALLOCATION: Text = Text(
    "Nettonytta utan omfördelningsnyttor",
    "Net without reallocation benefits",
);
pub const ROW_NET_ACC: Text = Text("Nettonytta ack.", "Net, accumulated");
pub const ROW_RATIO: Text = Text("Ekonomisk nyttokvot", "Benefit ratio");
pub const ROW_RATIO_TEMPLATE: Text = Text("Nyttokvot ×10 (mallen)", "Ratio ×10 (template)");
pub const ROW_RATIO_TOTAL_TEMPLATE: Text =
    Text("Nyttokvot totalt (mallen)", "Total ratio (template)");
pub const ROW_OTHER: Text = Text("Övriga nyttor (kr)", "Other benefits (kr)");
pub const ROW_QUALITY: Text = Text("Kvalitetsförflyttning (1–10)", "Quality shift (1–10)");
pub const YEAR: Text = Text("År", "Year");
pub const TOTAL_COSTS: Text = Text("Summa kostnader", "Total costs");
pub const TOTAL_BENEFITS: Text = Text("Summa nyttor", "Total benefits");
pub const TOTAL_NET: Text = Text("Nettonytta", "Net benefit");
pub const NPV: Text = Text("Nuvärde", "Net present value");
pub const NPV_BAND: Text = Text("Nuvärde låg–hög", "NPV low–high");
pub const RATIO_TOTAL: Text = Text("Nyttokvot", "Benefit ratio");
pub const PAYBACK: Text = Text("Återbetalningsår", "Payback year");
pub const NO_PAYBACK: Text = Text(
    "ingen återbetalning inom kalkylperioden",
    "no payback within the horizon",
);
pub const DISCOUNT_RATE: Text = Text("Kalkylränta", "Discount rate");
pub const CHART_NET: Text = Text("Nettonytta per år", "Net per year");
pub const CHART_NET_ACC: Text = Text("Ackumulerad nettonytta", "Accumulated net");
pub const MORE_YEARS: Text = Text("fler år: [ och ]", "more years: [ and ]");

// Detail: benefits.
pub const NO_BENEFITS: Text = Text("Inga nyttor beskrivna.", "No benefits described.");
pub const CHAIN: Text = Text("Effektkedja", "Benefit chain");
pub const LATEST_MEASUREMENT: Text = Text("Senaste mätning", "Latest measurement");
pub const ACHIEVED_PLANNED: Text = Text("Uppnått / planerat", "Achieved / planned");
pub const BENEFIT_OWNER: Text = Text("Nyttoägare", "Benefit owner");
pub const INDICATOR: Text = Text("Mått", "Indicator");
pub const BASELINE_TARGET: Text = Text("Utgångsläge → målvärde", "Baseline → target");
pub const PERIOD: Text = Text("Period", "Period");
pub const STATUS: Text = Text("Status", "Status");
pub const FREED_TIME_USE: Text = Text("Frigjord tid används till", "Freed time used for");
pub const FOLLOW_UPS: Text = Text("Uppföljning", "Follow-up");
pub const PLANNED: Text = Text("Planerat", "Planned");
pub const MEASURED: Text = Text("Uppmätt", "Measured");
pub const NO_FOLLOW_UPS: Text = Text("Ingen uppföljning ännu.", "No follow-up yet.");
pub const KIND: Text = Text("Slag", "Kind");

// Detail: decisions.
pub const NO_DECISIONS: Text = Text("Inga beslut.", "No decisions.");
pub const DATE: Text = Text("Datum", "Date");
pub const FORUM: Text = Text("Forum", "Forum");
pub const OUTCOME: Text = Text("Utfall", "Outcome");
pub const NOTE: Text = Text("Anteckning", "Note");

// Portfolio.
pub const SAMPLE_PORTFOLIO: Text = Text(
    "exempelportfölj (inbyggd, skrivskyddad)",
    "sample portfolio (built in, read-only)",
);
pub const TOTALS: Text = Text("Summering", "Totals");
pub const INITIATIVES: Text = Text("Initiativ", "Initiatives");
pub const BUDGET: Text = Text("Budgetram", "Budget");
pub const RANKED_TOTALS: Text = Text(
    "Rangordnade initiativ, över varje kalkylperiod",
    "Ranked initiatives, over each horizon",
);
pub const NOT_PLACED: Text = Text("Ej placerad", "Not placed");
pub const NO_STAGE: Text = Text("Fas saknas", "No stage");
pub const NPV_SUM: Text = Text("Summa nuvärde", "Sum of NPV");
pub const PER_STAGE: Text = Text("Per fas", "Per stage");
pub const PER_QUADRANT: Text = Text("Per kvadrant", "Per quadrant");
pub const PER_GATE: Text = Text("Per regelefterlevnad", "Per compliance gate");
pub const COST_OF_DELAY: Text = Text(
    "Alternativkostnad (uteblivna nyttor per år)",
    "Cost of delay",
);
pub const PER_YEAR: Text = Text("Per år", "A year");
pub const COUNT: Text = Text("Antal", "Count");
pub const INITIATIVE: Text = Text("Initiativ", "Initiative");
pub const SHARE: Text = Text("Andel", "Share");
pub const REQUIREMENT: Text = Text("Krav", "Requirement");
pub const REASONS: Text = Text("Skäl", "Reasons");
pub const BUDGET_FIT: Text = Text("Ryms i budgetramen", "Fits the budget");
pub const NOTHING_SHOULD_NOT: Text = Text(
    "Inga initiativ i beredning saknar nyttorealisering, strategikoppling eller bärande lösning.",
    "No initiative in preparation lacks benefit realisation, a strategic link or a sound solution.",
);
pub const COST_OF_DELAY_NOTE: Text = Text(
    "årlig nettonytta som uteblir för rangordnade initiativ som inte har startat",
    "yearly net benefit forgone by ranked initiatives not yet started",
);
pub const DIMIOS: Text = Text(
    "DiMiOS-spegel (vad datan visar, inget omdöme)",
    "DiMiOS mirror (what the data shows, no verdict)",
);
pub const SHARE_MEASURABLE: Text = Text("med mätbara effektmål", "with measurable effect goals");
pub const SHARE_OWNER: Text = Text("med nyttoägare", "with benefit owners");
pub const SHARE_PLAN: Text = Text("med nyttorealiseringsplan", "with a realisation plan");
pub const SHARE_FOLLOW_UP: Text = Text("med aktuell uppföljning", "with current follow-up");
pub const SHARE_CASE: Text = Text("med nyttokalkyl", "with a business case");
pub const SHOULD_NOT: Text = Text("Bör inte prioriteras", "Should not be prioritised");
pub const AXIS_BENEFIT: Text = Text("Nytta", "Benefit");
pub const AXIS_FEASIBILITY: Text = Text("Genomförbarhet", "Feasibility");
pub const NOT_PLOTTED: Text = Text("saknar poäng, visas ej", "not scored, not shown");

// Diagnostics.
pub const NO_DIAGNOSTICS: Text = Text("Inga fel eller varningar.", "No errors or warnings.");
pub const ERROR: Text = Text("fel", "error");
pub const WARNING: Text = Text("varning", "warning");

// Help: context headings.
pub const CTX_GLOBAL: Text = Text("Överallt", "Everywhere");
pub const CTX_LIST: Text = Text("Listor", "Lists");
pub const CTX_RANKING: Text = Text("Rangordning", "Ranking");
pub const CTX_SEARCH: Text = Text("Sökning", "Search");
pub const CTX_FILTER: Text = Text("Filter", "Filters");
pub const CTX_MATRIX: Text = Text("Matris", "Matrix");
pub const CTX_DETAIL: Text = Text("Detalj", "Detail");
pub const CTX_HELP: Text = Text("Hjälp", "Help");
pub const TYPE_TO_SEARCH: Text = Text("skriv för att söka", "type to search");

// Help: what each action does.
pub const ACT_QUIT: Text = Text("avsluta", "quit");
pub const ACT_HELP: Text = Text("hjälp", "help");
pub const ACT_NEXT_SCREEN: Text = Text("nästa vy", "next screen");
pub const ACT_PREV_SCREEN: Text = Text("föregående vy", "previous screen");
pub const ACT_BACK: Text = Text("tillbaka", "back");
pub const ACT_RELOAD: Text = Text("läs om från disk", "reload from disk");
pub const ACT_UP: Text = Text("upp", "up");
pub const ACT_DOWN: Text = Text("ned", "down");
pub const ACT_PAGE_UP: Text = Text("sida upp", "page up");
pub const ACT_PAGE_DOWN: Text = Text("sida ned", "page down");
pub const ACT_FIRST: Text = Text("först", "first");
pub const ACT_LAST: Text = Text("sist", "last");
pub const ACT_OPEN: Text = Text("öppna", "open");
pub const ACT_SEARCH: Text = Text("sök", "search");
pub const ACT_SORT: Text = Text("sortera", "sort");
pub const ACT_SORT_PREV: Text = Text("sortera på föregående kolumn", "sort by previous column");
pub const ACT_REVERSE: Text = Text("vänd sorteringen", "reverse the sort");
pub const ACT_RANK_ORDER: Text = Text("tillbaka till rangordning", "back to rank order");
pub const ACT_FILTER: Text = Text("filter", "filters");
pub const ACT_CLEAR: Text = Text("rensa sökning och filter", "clear search and filters");
pub const ACT_SEARCH_DONE: Text = Text("behåll sökningen", "keep the search");
pub const ACT_SEARCH_CANCEL: Text = Text("avbryt sökningen", "cancel the search");
pub const ACT_DELETE: Text = Text("radera tecken", "delete a character");
pub const ACT_TOGGLE: Text = Text("välj/avmarkera", "toggle");
pub const ACT_CLEAR_FILTERS: Text = Text("rensa filter", "clear filters");
pub const ACT_NEXT_FACET: Text = Text("nästa grupp", "next group");
pub const ACT_PREV_FACET: Text = Text("föregående grupp", "previous group");
pub const ACT_LEFT: Text = Text("vänster", "left");
pub const ACT_RIGHT: Text = Text("höger", "right");
pub const ACT_NEARBY: Text = Text(
    "nästa punkt på samma ställe",
    "next point at the same place",
);
pub const ACT_NEXT_TAB: Text = Text("nästa flik", "next tab");
pub const ACT_PREV_TAB: Text = Text("föregående flik", "previous tab");
pub const ACT_TAB_N: Text = Text("gå till flik 1–5", "go to tab 1–5");
pub const ACT_YEARS: Text = Text("bläddra bland åren", "scroll the years");
pub const ACT_TEMPLATE_SCALE: Text = Text(
    "nyttokvot i mallens skala (×10)",
    "ratio on the template's scale (×10)",
);
pub const ACT_SCROLL: Text = Text("rulla", "scroll");

/// The header's counts: "34 initiativ · 28 rangordnade · 3 ofullständiga · 3 spärrade".
pub fn counts(
    total: usize,
    ranked: usize,
    incomplete: usize,
    blocked: usize,
    lang: Lang,
) -> String {
    match lang {
        Lang::Sv => format!(
            "{total} initiativ · {ranked} rangordnade · {incomplete} ofullständiga · {blocked} spärrade"
        ),
        Lang::En => format!(
            "{total} initiatives · {ranked} ranked · {incomplete} incomplete · {blocked} blocked"
        ),
    }
}

pub fn counts_short(total: usize, lang: Lang) -> String {
    match lang {
        Lang::Sv => format!("{total} initiativ"),
        Lang::En => format!("{total} initiatives"),
    }
}

pub fn as_of(date: &str, lang: Lang) -> String {
    match lang {
        Lang::Sv => format!("per {date}"),
        Lang::En => format!("as of {date}"),
    }
}

pub fn diagnostics_count(n: usize, lang: Lang) -> String {
    match (lang, n) {
        (Lang::Sv, 1) => "1 diagnos".into(),
        (Lang::Sv, n) => format!("{n} diagnoser"),
        (Lang::En, 1) => "1 diagnostic".into(),
        (Lang::En, n) => format!("{n} diagnostics"),
    }
}

pub fn matches(n: usize, of: usize, lang: Lang) -> String {
    match lang {
        Lang::Sv => format!("{n} av {of} visas"),
        Lang::En => format!("{n} of {of} shown"),
    }
}

pub fn at_this_point(n: usize, lang: Lang) -> String {
    match (lang, n) {
        (Lang::Sv, n) => format!("{n} initiativ på denna punkt"),
        (Lang::En, 1) => "1 initiative at this point".into(),
        (Lang::En, n) => format!("{n} initiatives at this point"),
    }
}

/// What a reload changed: "Omläst: 2 nya, 1 ändrat, 0 borttagna".
pub fn reloaded(added: usize, changed: usize, removed: usize, lang: Lang) -> String {
    match lang {
        Lang::Sv => {
            format!("Omläst från disk: {added} nya, {changed} ändrade, {removed} borttagna")
        }
        Lang::En => {
            format!("Reloaded from disk: {added} added, {changed} changed, {removed} removed")
        }
    }
}

pub fn loading_progress(phase: Text, done: usize, total: usize, lang: Lang) -> String {
    if total == 0 {
        format!("{} – {}…", LOADING.get(lang), phase.get(lang))
    } else {
        format!(
            "{} – {} {done}/{total}…",
            LOADING.get(lang),
            phase.get(lang)
        )
    }
}

/// The compliance gate explained in words.
pub fn gate_explained(status: &str, score: Option<u8>, min: u8, name: &str, lang: Lang) -> String {
    let s = score.map(|s| s.to_string()).unwrap_or_default();
    match (lang, status) {
        (Lang::Sv, "pass") => format!("{name} {s} når miniminivån {min}: godkänd."),
        (Lang::Sv, "warn") => format!(
            "{name} {s} ligger precis på miniminivån {min}: godkänd med varning – följ upp riskerna."
        ),
        (Lang::Sv, "blocked") => format!(
            "{name} {s} är under miniminivån {min}: spärrad. Initiativet kan inte rekommenderas hur högt det än poängsätts, och rangordnas efter alla godkända."
        ),
        (Lang::Sv, _) => format!(
            "{name} är inte bedömd: initiativet kan inte rangordnas som godkänt förrän det bedömts (minst {min})."
        ),
        (Lang::En, "pass") => format!("{name} {s} meets the minimum {min}: passes."),
        (Lang::En, "warn") => format!(
            "{name} {s} is exactly at the minimum {min}: passes with a warning – follow up the risks."
        ),
        (Lang::En, "blocked") => format!(
            "{name} {s} is below the minimum {min}: blocked. It cannot be recommended however high it scores, and ranks after every initiative that passes."
        ),
        (Lang::En, _) => format!(
            "{name} is not assessed: the initiative cannot rank as passing until it is (minimum {min})."
        ),
    }
}

pub fn no_gate(lang: Lang) -> &'static str {
    lang.pick(
        "Modellen har ingen spärr för regelefterlevnad.",
        "The model has no compliance gate.",
    )
}

pub fn missing_criteria(list: &str, lang: Lang) -> String {
    match lang {
        Lang::Sv => format!("Ofullständig bedömning – saknar: {list}"),
        Lang::En => format!("Incompletely scored – missing: {list}"),
    }
}

pub fn not_a_terminal(lang: Lang) -> &'static str {
    lang.pick(
        "bered: det interaktiva läget kräver en terminal, men standard in eller ut är inte en terminal.\n\
         Över SSH: använd `ssh -t värd bered …` så att en terminal tilldelas.\n\
         För utdata utan terminal: `bered rank` (tabell, CSV, JSON eller Markdown).",
        "bered: the interactive mode needs a terminal, but standard input or output is not one.\n\
         Over SSH: use `ssh -t host bered …` so that a terminal is allocated.\n\
         For output without a terminal: `bered rank` (table, CSV, JSON or Markdown).",
    )
}

/// A list cut short: how many more there are.
pub fn and_more(n: usize, lang: Lang) -> String {
    match lang {
        Lang::Sv => format!("… och {n} till"),
        Lang::En => format!("… and {n} more"),
    }
}

pub fn planning_year_cost(year: i32, lang: Lang) -> String {
    match lang {
        Lang::Sv => format!("Kostnad {year}, rangordnade"),
        Lang::En => format!("Cost {year}, ranked"),
    }
}

pub fn budget_split(within: usize, beyond: usize, lang: Lang) -> String {
    match lang {
        Lang::Sv => format!("{within} inom budgetramen, {beyond} utanför"),
        Lang::En => format!("{within} within the budget, {beyond} beyond"),
    }
}

pub fn with_case(with: usize, of: usize, lang: Lang) -> String {
    match lang {
        Lang::Sv => format!("{with} av {of} har nyttokalkyl"),
        Lang::En => format!("{with} of {of} have a business case"),
    }
}

pub fn dimios_population(n: usize, lang: Lang) -> String {
    match lang {
        Lang::Sv => format!(
            "bland {n} startade initiativ (projekt, förvaltning, effekthemtagning, avslutade)"
        ),
        Lang::En => {
            format!(
                "among {n} started initiatives (project, operations, benefit realisation, closed)"
            )
        }
    }
}

/// The levels the data mirrors for benefit realisation and benefit control.
pub fn dimios_levels(realisation: Option<u8>, control: Option<u8>, lang: Lang) -> String {
    let n = |l: Option<u8>| l.map_or_else(|| "–".to_string(), |l| l.to_string());
    match lang {
        Lang::Sv => format!(
            "Datan speglar nivå {} för nyttorealisering och nivå {} för nyttokontroll",
            n(realisation),
            n(control)
        ),
        Lang::En => format!(
            "The data mirrors level {} for benefit realisation and level {} for benefit control",
            n(realisation),
            n(control)
        ),
    }
}

/// DiMiOS maturity level described in one line (the mirror, not a verdict).
pub fn dimios_level(level: u8, lang: Lang) -> &'static str {
    match (lang, level) {
        (Lang::Sv, 4) => "Nivå 4: mål, ägare, kalkyler och planer för alla, löpande uppföljning",
        (Lang::Sv, 3) => "Nivå 3: mätbara effektmål, ägare och uppföljning i varje initiativ",
        (Lang::Sv, 2) => "Nivå 2: mål och ägare bara för en del initiativ",
        (Lang::Sv, _) => "Nivå 1: effektmål och nyttoägare krävs inte, ingen uppföljning",
        (Lang::En, 4) => {
            "Level 4: goals, owners, calculations and plans for all, continuous follow-up"
        }
        (Lang::En, 3) => {
            "Level 3: measurable effect goals, an owner and follow-up in every initiative"
        }
        (Lang::En, 2) => "Level 2: goals and owners only for some initiatives",
        (Lang::En, _) => "Level 1: no effect goals or benefit owners required, no follow-up",
    }
}

pub fn theme_error(line: usize, message: &str, lang: Lang) -> String {
    match lang {
        Lang::Sv => format!("tema, rad {line}: {message}"),
        Lang::En => format!("theme, line {line}: {message}"),
    }
}
