//! The command line's words: every subcommand, option and value parser.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

use super::report::Format;
use bered::i18n::Lang;
use bered::i18n::msg::{Msg, translate};
use bered::model::{Date, Dec, Outcome, Stage};
use bered::report::RankFilter;

#[derive(Parser, Debug)]
#[command(
    name = "bered",
    version,
    about = "Triage of a municipality's portfolio of digitalisation initiatives"
)]
pub(crate) struct Cli {
    /// The portfolio: a folder (portfolio.yaml + initiatives/) or a single .yaml file.
    /// Default: ./portfolio when it exists, else the sample built into bered.
    #[arg(short = 'p', long = "portfolio", global = true, value_name = "PATH")]
    pub(crate) portfolio: Option<PathBuf>,

    /// The portfolio, as a positional argument (same as -p).
    #[arg(value_name = "PATH")]
    pub(crate) path: Option<PathBuf>,

    /// Language of the output: sv or en (default: from LANG, else Swedish).
    #[arg(long, global = true, value_parser = parse_lang)]
    pub(crate) lang: Option<Lang>,

    /// Colour theme: default, light, high-contrast, mono, or a theme file's path (NO_COLOR is honoured).
    #[arg(long, global = true, value_name = "NAME|PATH")]
    pub(crate) theme: Option<String>,

    /// Evaluate follow-ups as of this date (YYYY-MM-DD; default today).
    #[arg(long = "as-of", global = true, value_parser = parse_date)]
    pub(crate) as_of: Option<Date>,

    /// Who attends the meeting, for its minutes: "Anna Berg, Olle Holm" (asked for at the end
    /// of meeting mode when not given).
    #[arg(long, value_name = "NAMES")]
    pub(crate) attendees: Option<String>,

    /// Mark what changed since this revision or date (HEAD~1, a tag, a branch, 2026-11-01) in
    /// the ranking, and list it in the Changes view (C).
    #[arg(long, value_name = "REV|DATE")]
    pub(crate) since: Option<String>,

    /// Parse every file again, without the cache in ~/.cache/bered (same as BERED_NO_CACHE=1).
    #[arg(long = "no-cache", global = true)]
    pub(crate) no_cache: bool,

    /// The meeting's chair (ordförande), for its minutes.
    #[arg(long, value_name = "NAME")]
    pub(crate) chair: Option<String>,

    /// The meeting's secretary (sekreterare), for its minutes.
    #[arg(long, value_name = "NAME")]
    pub(crate) secretary: Option<String>,

    /// Who adjusts the minutes with the chair (justerare).
    #[arg(long, value_name = "NAME")]
    pub(crate) adjuster: Option<String>,

    /// Where the meeting is held, for its minutes.
    #[arg(long, value_name = "PLACE")]
    pub(crate) place: Option<String>,

    #[command(subcommand)]
    pub(crate) command: Option<Command>,
}

#[derive(Subcommand, Debug)]
pub(crate) enum Command {
    /// Validate the portfolio: every problem with file:line:col (exit 1 on errors).
    Check {
        #[arg(value_name = "PATH")]
        path: Option<PathBuf>,
        #[arg(long, value_enum, default_value_t = CheckFormat::Text)]
        format: CheckFormat,
    },
    /// The ranked list: a table, CSV, JSON, or a Markdown annex for the meeting.
    Rank(RankArgs),
    /// Everything about one initiative: score explained, business case, benefits, flags.
    Show {
        id: String,
        #[arg(long, value_enum, default_value_t = DocFormat::Text)]
        format: DocFormat,
    },
    /// The portfolio at a glance: counts, totals, cost of delay, DiMiOS mirror.
    Summary {
        #[arg(value_name = "PATH")]
        path: Option<PathBuf>,
        #[arg(long, value_enum, default_value_t = DocFormat::Text)]
        format: DocFormat,
    },
    /// Serve the portfolio over SSH: one live portfolio for the preparation group and the
    /// directors, with roles from their keys.
    Serve(ServeArgs),
    /// Set a criterion's score (1–4), with an optional motivation.
    Score(ScoreArgs),
    /// Record a decision on an initiative.
    Decide(DecideArgs),
    /// Move an initiative to another stage.
    Stage {
        id: String,
        #[arg(value_parser = parse_stage)]
        stage: Stage,
    },
    /// Add a follow-up measurement to a benefit.
    #[command(name = "follow-up")]
    FollowUp(FollowUpArgs),
    /// Write a new, commented initiative file that passes `bered check`.
    New {
        id: String,
        #[arg(long)]
        title: String,
    },
    /// What changed in the portfolio since a revision or a date, read from its git repository.
    Changes(ChangesArgs),

    /// Write the agenda and its annex for the next meeting (the pipeline with scores, budget
    /// position and flags) beside the portfolio, without running a meeting.
    Minutes {
        #[arg(value_name = "PATH")]
        path: Option<PathBuf>,
        /// The meeting's date (default today).
        #[arg(long, value_parser = parse_date)]
        date: Option<Date>,
        /// Print the agenda instead of writing a file.
        #[arg(long)]
        print: bool,
    },
    /// Print JSON Schemas for portfolio.yaml and initiative files, for editors.
    Schema {
        /// Which schema to print.
        #[arg(long, value_enum, default_value_t = SchemaKind::Initiative)]
        kind: SchemaKind,
        /// Write both schemas into this folder instead of printing one.
        #[arg(long, value_name = "DIR")]
        out: Option<PathBuf>,
    },
}

/// Filters take several values, repeated or comma-separated: any value of a kind matches,
/// and every kind given must match.
#[derive(Args, Debug)]
pub(crate) struct RankArgs {
    #[arg(value_name = "PATH")]
    pub(crate) path: Option<PathBuf>,
    #[arg(long, value_enum, default_value_t = RankFormat::Table)]
    pub(crate) format: RankFormat,
    /// idea, preparation, approved, project, operations, realisation, closed, rejected, parked.
    #[arg(long, value_delimiter = ',')]
    pub(crate) stage: Vec<String>,
    #[arg(long, value_delimiter = ',')]
    pub(crate) unit: Vec<String>,
    #[arg(long, value_delimiter = ',')]
    pub(crate) tag: Vec<String>,
    /// A strategic goal's id.
    #[arg(long, value_delimiter = ',')]
    pub(crate) goal: Vec<String>,
    /// pass, warn, blocked, not_assessed.
    #[arg(long, value_delimiter = ',')]
    pub(crate) gate: Vec<String>,
    /// no_benefit_owner, no_measurable_goal, no_strategic_goal, freed_time_use_missing,
    /// no_business_case, follow_up_overdue, gate_blocked, incomplete_scores.
    #[arg(long, value_delimiter = ',')]
    pub(crate) flag: Vec<String>,
    /// The CSV separator (one ASCII character); by default `;` under Swedish, `,` under English.
    #[arg(long, value_name = "C", value_parser = ascii_delimiter)]
    pub(crate) delimiter: Option<u8>,
    /// The whole portfolio ranked as one list, instead of the pipeline first and the titled
    /// groups (already committed, running and done, declined, incomplete, blocked) below it.
    #[arg(long)]
    pub(crate) all: bool,
}

fn ascii_delimiter(text: &str) -> Result<u8, String> {
    let text = if text == "\\t" { "\t" } else { text };
    match text.as_bytes() {
        [b] if b.is_ascii() && !b.is_ascii_alphanumeric() && *b != b'"' => Ok(*b),
        _ => Err(format!(
            "`{text}`: one ASCII character that is not a letter, a digit or `\"`"
        )),
    }
}

impl RankArgs {
    pub(crate) fn filter(&self) -> RankFilter {
        RankFilter {
            stage: self.stage.clone(),
            unit: self.unit.clone(),
            tag: self.tag.clone(),
            goal: self.goal.clone(),
            gate: self.gate.clone(),
            flag: self.flag.clone(),
        }
    }
}

#[derive(Args, Debug)]
pub(crate) struct ChangesArgs {
    /// A revision git understands (commit, tag, branch, HEAD~3) or a date YYYY-MM-DD (the last
    /// commit before it).
    #[arg(long, value_name = "REV|DATE")]
    pub(crate) since: String,
    /// The newer end (default: the working tree, uncommitted edits included).
    #[arg(long, value_name = "REV|DATE")]
    pub(crate) until: Option<String>,
    #[arg(value_name = "PATH")]
    pub(crate) path: Option<PathBuf>,
    #[arg(long, value_enum, default_value_t = DocFormat::Text)]
    pub(crate) format: DocFormat,
}

#[derive(Args, Debug)]
pub(crate) struct ScoreArgs {
    /// The initiative's id (its file name without .yaml).
    pub(crate) id: String,
    /// The criterion, e.g. quality or compliance.
    pub(crate) criterion: String,
    /// The score, 1–4.
    pub(crate) value: u8,
    /// The written motivation, kept under `motivations`.
    #[arg(long)]
    pub(crate) why: Option<String>,
}

#[derive(Args, Debug)]
pub(crate) struct DecideArgs {
    pub(crate) id: String,
    /// prioritised, deferred, returned, rejected or approved.
    #[arg(value_parser = parse_outcome)]
    pub(crate) outcome: Outcome,
    #[arg(long)]
    pub(crate) note: Option<String>,
    #[arg(long, default_value = "beredningsgruppen")]
    pub(crate) forum: String,
    /// The decision's date (default today).
    #[arg(long, value_parser = parse_date)]
    pub(crate) date: Option<Date>,
}

#[derive(Args, Debug)]
pub(crate) struct FollowUpArgs {
    pub(crate) id: String,
    /// The benefit's id within the initiative.
    pub(crate) benefit: String,
    /// The measured value.
    #[arg(value_parser = parse_decimal, allow_hyphen_values = true)]
    pub(crate) value: Dec,
    #[arg(long, value_parser = parse_date)]
    pub(crate) date: Option<Date>,
    #[arg(long)]
    pub(crate) note: Option<String>,
}

#[derive(Clone, Copy, Debug, ValueEnum)]
pub(crate) enum CheckFormat {
    Text,
    Json,
}

#[derive(Clone, Copy, Debug, ValueEnum)]
pub(crate) enum RankFormat {
    Table,
    Csv,
    Json,
    Markdown,
}

#[derive(Clone, Copy, Debug, ValueEnum)]
pub(crate) enum DocFormat {
    Text,
    Json,
    Markdown,
}

impl From<RankFormat> for Format {
    fn from(f: RankFormat) -> Format {
        match f {
            RankFormat::Table => Format::Text,
            RankFormat::Csv => Format::Csv,
            RankFormat::Json => Format::Json,
            RankFormat::Markdown => Format::Markdown,
        }
    }
}

impl From<DocFormat> for Format {
    fn from(f: DocFormat) -> Format {
        match f {
            DocFormat::Text => Format::Text,
            DocFormat::Json => Format::Json,
            DocFormat::Markdown => Format::Markdown,
        }
    }
}

#[derive(Clone, Copy, Debug, ValueEnum)]
pub(crate) enum SchemaKind {
    Portfolio,
    Initiative,
}

// The value parsers answer in the language chosen before parsing (`super::lang_of_run`).

pub(crate) fn parse_lang(s: &str) -> Result<Lang, String> {
    Lang::parse(s).ok_or_else(|| Msg::BadLang.say(super::lang_of_run(), &[&s]))
}

pub(crate) fn parse_date(s: &str) -> Result<Date, String> {
    Date::parse(s).map_err(|m| translate(&m, super::lang_of_run()))
}

pub(crate) fn parse_decimal(s: &str) -> Result<Dec, String> {
    Dec::parse(s).ok_or_else(|| Msg::BadNumber.say(super::lang_of_run(), &[&s]))
}

pub(crate) fn parse_stage(s: &str) -> Result<Stage, String> {
    let ids: Vec<&str> = Stage::ALL.iter().map(|s| s.id()).collect();
    Stage::from_id(s).ok_or_else(|| Msg::BadStage.say(super::lang_of_run(), &[&s, &ids.join(", ")]))
}

pub(crate) fn parse_outcome(s: &str) -> Result<Outcome, String> {
    let ids: Vec<&str> = Outcome::ALL.iter().map(|o| o.id()).collect();
    Outcome::ALL
        .into_iter()
        .find(|o| o.id() == s)
        .ok_or_else(|| Msg::BadOutcome.say(super::lang_of_run(), &[&s, &ids.join(", ")]))
}

#[derive(Args, Debug)]
pub(crate) struct ServeArgs {
    #[arg(value_name = "PATH")]
    pub(crate) path: Option<PathBuf>,
    /// The address to listen on.
    #[arg(long, value_name = "ADDR", default_value = "127.0.0.1:2222")]
    pub(crate) listen: String,
    /// Who may connect: authorized_keys lines with role="viewer|editor|chair" and a name.
    /// Default: bered-keys in the portfolio's folder.
    #[arg(long, value_name = "FILE")]
    pub(crate) keys: Option<PathBuf>,
    /// The server's private key (created on first start; never inside the portfolio).
    /// Default: $XDG_DATA_HOME/bered/ssh_host_ed25519_key, else ~/.local/share/bered/….
    #[arg(long = "host-key", value_name = "FILE")]
    pub(crate) host_key: Option<PathBuf>,
    /// The audit log, one JSON line per edit. Default: bered-audit.jsonl beside the portfolio.
    #[arg(long, value_name = "PATH")]
    pub(crate) audit: Option<PathBuf>,
    /// The most clients at once.
    #[arg(long = "max-sessions", value_name = "N", default_value_t = 32)]
    pub(crate) max_sessions: usize,
    /// Let any key in, read only.
    #[arg(long = "anonymous-viewers")]
    pub(crate) anonymous_viewers: bool,
}
