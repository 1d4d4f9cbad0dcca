//! The command line: parse arguments, dispatch, nothing else.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};

use bered::i18n::Lang;
use bered::model::Date;
use bered::report::check;

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

    /// Evaluate follow-ups as of this date (YYYY-MM-DD; default today).
    #[arg(long = "as-of", global = true, value_parser = parse_date)]
    as_of: Option<Date>,

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

#[derive(Clone, Copy, Debug, ValueEnum)]
enum CheckFormat {
    Text,
    Json,
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

fn main() -> ExitCode {
    let cli = Cli::parse();
    let lang = cli.lang.unwrap_or_else(Lang::from_env);
    let _as_of = cli.as_of.unwrap_or_else(Date::today);
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
        None => check::run(portfolio.as_deref(), false, lang),
    };
    match result {
        Ok(code) => code,
        Err(e) => {
            eprintln!("bered: {e:#}");
            ExitCode::from(2)
        }
    }
}
