//! The command line: parse arguments, dispatch, nothing else.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Args, Parser, Subcommand, ValueEnum};

use bered::edit::{Edit, command};
use bered::i18n::Lang;
use bered::model::{Date, Dec, Outcome, Stage};
use bered::report::commands::{self, Format};
use bered::report::{RankFilter, check};
use bered::tui::TuiOptions;

#[derive(Parser, Debug)]
#[command(
    name = "bered",
    version,
    about = "Triage of a municipality's portfolio of digitalisation initiatives"
)]
struct Cli {
    /// The portfolio: a folder (portfolio.yaml + initiatives/) or a single .yaml file.
    /// Default: ./portfolio when it exists, else the sample built into bered.
    #[arg(short = 'p', long = "portfolio", global = true, value_name = "PATH")]
    portfolio: Option<PathBuf>,

    /// The portfolio, as a positional argument (same as -p).
    #[arg(value_name = "PATH")]
    path: Option<PathBuf>,

    /// Language of the output: sv or en (default: from LANG, else Swedish).
    #[arg(long, global = true, value_parser = parse_lang)]
    lang: Option<Lang>,

    /// Colour theme: default, light, high-contrast, mono, or a theme file's path (NO_COLOR is honoured).
    #[arg(long, global = true, value_name = "NAME|PATH")]
    theme: Option<String>,

    /// Evaluate follow-ups as of this date (YYYY-MM-DD; default today).
    #[arg(long = "as-of", global = true, value_parser = parse_date)]
    as_of: Option<Date>,

    /// Who attends the meeting, for its minutes: "Anna Berg, Olle Holm" (asked for at the end
    /// of meeting mode when not given).
    #[arg(long, value_name = "NAMES")]
    attendees: Option<String>,

    #[command(subcommand)]
    command: Option<Command>,
}

#[derive(Subcommand, Debug)]
enum Command {
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
struct RankArgs {
    #[arg(value_name = "PATH")]
    path: Option<PathBuf>,
    #[arg(long, value_enum, default_value_t = RankFormat::Table)]
    format: RankFormat,
    /// idea, preparation, approved, project, operations, realisation, closed, rejected, parked.
    #[arg(long, value_delimiter = ',')]
    stage: Vec<String>,
    #[arg(long, value_delimiter = ',')]
    unit: Vec<String>,
    #[arg(long, value_delimiter = ',')]
    tag: Vec<String>,
    /// A strategic goal's id.
    #[arg(long, value_delimiter = ',')]
    goal: Vec<String>,
    /// pass, warn, blocked, not_assessed.
    #[arg(long, value_delimiter = ',')]
    gate: Vec<String>,
    /// no_benefit_owner, no_measurable_goal, no_strategic_goal, freed_time_use_missing,
    /// no_business_case, follow_up_overdue, gate_blocked, incomplete_scores.
    #[arg(long, value_delimiter = ',')]
    flag: Vec<String>,
}

impl RankArgs {
    fn filter(&self) -> RankFilter {
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
struct ScoreArgs {
    /// The initiative's id (its file name without .yaml).
    id: String,
    /// The criterion, e.g. quality or compliance.
    criterion: String,
    /// The score, 1–4.
    value: u8,
    /// The written motivation, kept under `motivations`.
    #[arg(long)]
    why: Option<String>,
}

#[derive(Args, Debug)]
struct DecideArgs {
    id: String,
    /// prioritised, deferred, returned, rejected or approved.
    #[arg(value_parser = parse_outcome)]
    outcome: Outcome,
    #[arg(long)]
    note: Option<String>,
    #[arg(long, default_value = "beredningsgruppen")]
    forum: String,
    /// The decision's date (default today).
    #[arg(long, value_parser = parse_date)]
    date: Option<Date>,
}

#[derive(Args, Debug)]
struct FollowUpArgs {
    id: String,
    /// The benefit's id within the initiative.
    benefit: String,
    /// The measured value.
    #[arg(value_parser = parse_decimal, allow_hyphen_values = true)]
    value: Dec,
    #[arg(long, value_parser = parse_date)]
    date: Option<Date>,
    #[arg(long)]
    note: Option<String>,
}

#[derive(Clone, Copy, Debug, ValueEnum)]
enum CheckFormat {
    Text,
    Json,
}

#[derive(Clone, Copy, Debug, ValueEnum)]
enum RankFormat {
    Table,
    Csv,
    Json,
    Markdown,
}

#[derive(Clone, Copy, Debug, ValueEnum)]
enum DocFormat {
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
enum SchemaKind {
    Portfolio,
    Initiative,
}

fn parse_lang(s: &str) -> Result<Lang, String> {
    Lang::parse(s).ok_or_else(|| format!("unknown language `{s}`: expected sv or en"))
}

fn parse_date(s: &str) -> Result<Date, String> {
    Date::parse(s)
}

fn parse_decimal(s: &str) -> Result<Dec, String> {
    Dec::parse(s).ok_or_else(|| format!("expected a number such as 35 or 0.75, found `{s}`"))
}

fn parse_stage(s: &str) -> Result<Stage, String> {
    let ids: Vec<&str> = Stage::ALL.iter().map(|s| s.id()).collect();
    Stage::from_id(s)
        .ok_or_else(|| format!("unknown stage `{s}`: expected one of {}", ids.join(", ")))
}

fn parse_outcome(s: &str) -> Result<Outcome, String> {
    let ids: Vec<&str> = Outcome::ALL.iter().map(|o| o.id()).collect();
    Outcome::ALL
        .into_iter()
        .find(|o| o.id() == s)
        .ok_or_else(|| format!("unknown outcome `{s}`: expected one of {}", ids.join(", ")))
}

/// Runs an edit command and prints what it did.
fn edit(portfolio: Option<&std::path::Path>, id: &str, edit: Edit) -> anyhow::Result<ExitCode> {
    println!("{}", command::run(portfolio, id, &edit)?);
    Ok(ExitCode::SUCCESS)
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let lang = cli.lang.unwrap_or_else(Lang::from_env);
    let today = Date::today();
    let as_of = cli.as_of.unwrap_or(today);
    let portfolio = cli.portfolio.clone().or(cli.path.clone());
    let result = match cli.command {
        Some(Command::Check { path, format }) => check::run(
            path.or(portfolio).as_deref(),
            matches!(format, CheckFormat::Json),
            lang,
        ),
        Some(Command::Schema { kind, out }) => check::schema(
            portfolio.as_deref(),
            matches!(kind, SchemaKind::Portfolio),
            out.as_deref(),
        ),
        Some(Command::Rank(a)) => {
            let filter = a.filter();
            let path = a.path.or(portfolio);
            commands::rank(path.as_deref(), &filter, a.format.into(), as_of, lang)
        }
        Some(Command::Show { id, format }) => {
            commands::show(portfolio.as_deref(), &id, format.into(), as_of, lang)
        }
        Some(Command::Summary { path, format }) => {
            let path = path.or(portfolio);
            commands::summary(path.as_deref(), format.into(), as_of, lang)
        }
        Some(Command::Score(a)) => {
            let e = Edit::Score {
                criterion: a.criterion,
                value: a.value,
                motivation: a.why,
            };
            edit(portfolio.as_deref(), &a.id, e)
        }
        Some(Command::Decide(a)) => {
            let date = a.date.unwrap_or(today);
            let e = Edit::Decision {
                date,
                forum: Some(a.forum),
                outcome: a.outcome,
                note: a.note,
            };
            edit(portfolio.as_deref(), &a.id, e)
        }
        Some(Command::Stage { id, stage }) => edit(portfolio.as_deref(), &id, Edit::Stage(stage)),
        Some(Command::FollowUp(a)) => {
            let e = Edit::FollowUp {
                benefit: a.benefit,
                date: a.date.unwrap_or(today),
                value: a.value,
                note: a.note,
            };
            edit(portfolio.as_deref(), &a.id, e)
        }
        Some(Command::New { id, title }) => command::new(portfolio.as_deref(), &id, &title, today)
            .map(|m| {
                println!("{m}");
                ExitCode::SUCCESS
            }),
        None => {
            let options = TuiOptions {
                portfolio,
                lang,
                theme: cli.theme,
                as_of,
                today,
                attendees: cli.attendees,
            };
            bered::tui::run(options).map(|()| ExitCode::SUCCESS)
        }
    };
    match result {
        Ok(code) => code,
        Err(e) => {
            eprintln!("bered: {e:#}");
            ExitCode::from(2)
        }
    }
}
