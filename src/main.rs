//! The command line: parse arguments, dispatch, nothing else.

mod cli;

use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::Parser;

use bered::edit::{Edit, command};
use bered::i18n::Lang;
use bered::model::Date;
use bered::report::{check, commands};
use bered::tui::TuiOptions;
use cli::{CheckFormat, Cli, Command, SchemaKind};

/// What every command needs besides its own arguments.
struct Context {
    portfolio: Option<PathBuf>,
    lang: Lang,
    today: Date,
    as_of: Date,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let today = Date::today();
    let context = Context {
        portfolio: cli.portfolio.clone().or(cli.path.clone()),
        lang: cli.lang.unwrap_or_else(Lang::from_env),
        today,
        as_of: cli.as_of.unwrap_or(today),
    };
    let result = match cli.command {
        Some(command) => run(command, &context),
        None => {
            let options = TuiOptions {
                portfolio: context.portfolio,
                lang: context.lang,
                theme: cli.theme,
                as_of: context.as_of,
                today,
                attendees: cli.attendees,
                roles: bered::report::minutes::Roles {
                    chair: cli.chair,
                    secretary: cli.secretary,
                    adjuster: cli.adjuster,
                    place: cli.place,
                    ..Default::default()
                },
            };
            bered::tui::run(options).map(|()| ExitCode::SUCCESS)
        }
    };
    match result {
        Ok(code) => code,
        Err(e) => {
            // Not eprintln!: with the terminal gone (an SSH drop) it would panic on the write.
            let _ = writeln!(std::io::stderr(), "bered: {e:#}");
            ExitCode::from(2)
        }
    }
}

fn run(command: Command, c: &Context) -> anyhow::Result<ExitCode> {
    let portfolio = c.portfolio.as_deref();
    let (lang, as_of) = (c.lang, c.as_of);
    match command {
        Command::Check { path, format } => {
            let json = matches!(format, CheckFormat::Json);
            check::run(path.as_deref().or(portfolio), json, lang)
        }
        Command::Schema { kind, out } => check::schema(
            portfolio,
            matches!(kind, SchemaKind::Portfolio),
            out.as_deref(),
        ),
        Command::Rank(a) => {
            let filter = a.filter();
            commands::rank(
                a.path.as_deref().or(portfolio),
                &filter,
                a.format.into(),
                a.delimiter,
                a.all,
                as_of,
                lang,
            )
        }
        Command::Show { id, format } => commands::show(portfolio, &id, format.into(), as_of, lang),
        Command::Summary { path, format } => {
            commands::summary(path.as_deref().or(portfolio), format.into(), as_of, lang)
        }
        Command::Minutes { path, date, print } => bered::report::minutes::agenda_command(
            path.as_deref().or(portfolio),
            date.unwrap_or(c.today),
            print,
            as_of,
            lang,
        ),
        Command::New { id, title } => {
            println!("{}", command::new(portfolio, &id, &title, c.today)?);
            Ok(ExitCode::SUCCESS)
        }
        edit_command => {
            let (id, edit) = to_edit(edit_command, c.today)?;
            edit_initiative(portfolio, &id, edit)
        }
    }
}

/// The edit a `score`, `decide`, `stage` or `follow-up` command asks for, and its initiative.
fn to_edit(command: Command, today: Date) -> anyhow::Result<(String, Edit)> {
    Ok(match command {
        Command::Score(a) => (
            a.id,
            Edit::Score {
                criterion: a.criterion,
                value: a.value,
                motivation: a.why,
            },
        ),
        Command::Decide(a) => {
            let date = a.date.unwrap_or(today);
            let forum = Some(a.forum);
            (
                a.id,
                Edit::Decision {
                    date,
                    forum,
                    outcome: a.outcome,
                    note: a.note,
                },
            )
        }
        Command::Stage { id, stage } => (id, Edit::Stage(stage)),
        Command::FollowUp(a) => {
            let date = a.date.unwrap_or(today);
            (
                a.id,
                Edit::FollowUp {
                    benefit: a.benefit,
                    date,
                    value: a.value,
                    note: a.note,
                },
            )
        }
        other => anyhow::bail!("not an edit: {other:?}"),
    })
}

/// Runs an edit command and prints what it did.
fn edit_initiative(portfolio: Option<&Path>, id: &str, edit: Edit) -> anyhow::Result<ExitCode> {
    println!("{}", command::run(portfolio, id, &edit)?);
    Ok(ExitCode::SUCCESS)
}
