//! The command line in one place: the language decided before anything is parsed, the
//! arguments (`args`) with their help in that language (`help`), dispatch, and the commands
//! that load, print and edit (`check`, `report`, `edit`). Everything printed passes the final
//! guard `print`/`eprint_line`: no control character from the data reaches a terminal raw.

mod args;
mod changes;
mod check;
mod edit;
mod help;
mod help_texts;
mod minutes;
mod report;

use std::ffi::OsString;
use std::fmt::Display;
use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::OnceLock;

use clap::{CommandFactory as _, FromArgMatches as _};

use args::{CheckFormat, Cli, Command, SchemaKind};
use bered::edit::Edit;
use bered::i18n::Lang;
use bered::i18n::msg::{Msg, translate};
use bered::i18n::safe::{self, Layout};
use bered::load::{LoadError, ids::IdProblem};
use bered::model::Date;
use bered::tui::TuiOptions;

/// A command that could not do its work, said in the user's language.
#[derive(Debug)]
pub struct Failure(String);

impl Failure {
    fn say(msg: Msg, lang: Lang, args: &[&dyn Display]) -> Failure {
        Failure(msg.say(lang, args))
    }
    fn text(text: String) -> Failure {
        Failure(text)
    }
}

impl Display for Failure {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

static LANG: OnceLock<Lang> = OnceLock::new();

/// The language of this run, decided before parsing the arguments.
pub fn lang_of_run() -> Lang {
    LANG.get().copied().unwrap_or_else(Lang::from_env)
}

/// `--lang X` or `--lang=X` in the arguments, before clap has seen them.
fn lang_in_args(args: &[OsString]) -> Option<Lang> {
    let texts: Vec<&str> = args.iter().filter_map(|a| a.to_str()).collect();
    texts
        .iter()
        .enumerate()
        .find_map(|(i, a)| match a.strip_prefix("--lang") {
            Some("") => texts.get(i + 1).and_then(|v| Lang::parse(v)),
            Some(rest) => rest.strip_prefix('=').and_then(Lang::parse),
            None => None,
        })
}

/// What every command needs besides its own arguments.
struct Context {
    portfolio: Option<PathBuf>,
    lang: Lang,
    today: Date,
    as_of: Date,
    theme: Option<String>,
}

pub fn main() -> ExitCode {
    let mut argv: Vec<OsString> = std::env::args_os().collect();
    // `bered help [COMMAND]` is `bered [COMMAND] --help` (clap's own help subcommand would
    // describe itself in English).
    if argv.get(1).is_some_and(|a| a == "help") {
        argv.remove(1);
        argv.push("--help".into());
    }
    let lang = lang_in_args(&argv).unwrap_or_else(Lang::from_env);
    let _ = LANG.set(lang);
    let command = help::localise(Cli::command(), lang);
    let cli = match command
        .try_get_matches_from(&argv)
        .and_then(|m| Cli::from_arg_matches(&m))
    {
        Ok(cli) => cli,
        Err(e) => return help::usage_error(e, lang),
    };
    bered::load::cache::enable(!cli.no_cache);
    let today = Date::today();
    let context = Context {
        portfolio: cli.portfolio.clone().or(cli.path.clone()),
        lang: cli.lang.unwrap_or(lang),
        today,
        as_of: cli.as_of.unwrap_or(today),
        theme: cli.theme.clone(),
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
                since: cli.since,
                roles: bered::report::minutes::Roles {
                    chair: cli.chair,
                    secretary: cli.secretary,
                    adjuster: cli.adjuster,
                    place: cli.place,
                    ..Default::default()
                },
            };
            bered::tui::run(options)
                .map(|()| match bered::tui::fatal_signal() {
                    Some(signal) => ExitCode::from((128 + signal).clamp(0, 255) as u8),
                    None => ExitCode::SUCCESS,
                })
                .map_err(|e| Failure::text(translate(&format!("{e:#}"), context.lang)))
        }
    };
    match result {
        Ok(code) => code,
        Err(Failure(text)) if text.starts_with("bered: ") => {
            eprint_line(&text);
            ExitCode::from(2)
        }
        Err(e) => {
            eprint_line(&Msg::Prefix.say(context.lang, &[&e]));
            ExitCode::from(2)
        }
    }
}

fn run(command: Command, c: &Context) -> Result<ExitCode, Failure> {
    let portfolio = c.portfolio.as_deref();
    let (lang, as_of) = (c.lang, c.as_of);
    let report = |r: anyhow::Result<ExitCode>| {
        r.map_err(|e| Failure::text(translate(&format!("{e:#}"), lang)))
    };
    match command {
        Command::Check { path, format } => {
            let json = matches!(format, CheckFormat::Json);
            check::run(path.as_deref().or(portfolio), json, lang)
        }
        Command::Schema { kind, out } => check::schema(
            portfolio,
            matches!(kind, SchemaKind::Portfolio),
            out.as_deref(),
            lang,
        ),
        Command::Rank(a) => {
            let filter = a.filter();
            let path = a.path.as_deref().or(portfolio);
            report(report::rank(
                path,
                &filter,
                a.format.into(),
                a.delimiter,
                a.all,
                as_of,
                lang,
            ))
        }
        Command::Show { id, format } => {
            report(report::show(portfolio, &id, format.into(), as_of, lang))
        }
        Command::Summary { path, format } => {
            let path = path.as_deref().or(portfolio);
            report(report::summary(path, format.into(), as_of, lang))
        }
        Command::Changes(a) => changes::run(&a, portfolio, as_of, lang),
        Command::Minutes { path, date, print } => {
            let asked = minutes::Asked {
                date: date.unwrap_or(c.today),
                print,
                as_of,
                lang,
            };
            minutes::run(path.as_deref().or(portfolio), &asked)
        }
        Command::Serve(a) => report(bered::tui::serve::run(bered::tui::serve::ServeOptions {
            portfolio: a.path.or(c.portfolio.clone()),
            listen: a.listen,
            keys: a.keys,
            host_key: a.host_key,
            audit: a.audit,
            max_sessions: a.max_sessions,
            anonymous_viewers: a.anonymous_viewers,
            lang,
            theme: c.theme.clone(),
            as_of,
            today: c.today,
            poll: std::time::Duration::from_secs(1),
            idle: None,
        })),
        Command::New { id, title } => {
            print_line(&edit::new(portfolio, &id, &title, c.today, lang)?);
            Ok(ExitCode::SUCCESS)
        }
        edit_command => {
            let (id, change) = to_edit(edit_command, c.today);
            print_line(&edit::run(portfolio, &id, &change, lang)?);
            Ok(ExitCode::SUCCESS)
        }
    }
}

/// The edit a `score`, `decide`, `stage` or `follow-up` command asks for, and its initiative.
fn to_edit(command: Command, today: Date) -> (String, Edit) {
    match command {
        Command::Score(a) => (
            a.id,
            Edit::Score {
                criterion: a.criterion,
                value: a.value,
                motivation: a.why,
            },
        ),
        Command::Decide(a) => (
            a.id,
            Edit::Decision {
                date: a.date.unwrap_or(today),
                forum: Some(a.forum),
                outcome: a.outcome,
                note: a.note,
            },
        ),
        Command::Stage { id, stage } => (id, Edit::Stage(stage)),
        Command::FollowUp(a) => (
            a.id,
            Edit::FollowUp {
                benefit: a.benefit,
                date: a.date.unwrap_or(today),
                value: a.value,
                note: a.note,
            },
        ),
        Command::Check { .. }
        | Command::Schema { .. }
        | Command::Rank(_)
        | Command::Show { .. }
        | Command::Summary { .. }
        | Command::Changes(_)
        | Command::Minutes { .. }
        | Command::Serve(_)
        | Command::New { .. } => unreachable!("dispatched before"),
    }
}

/// A portfolio that could not be read at all, in the user's language.
fn load_failure(e: &LoadError, lang: Lang) -> Failure {
    let path = |p: &Path| bered::load::shown(p);
    match e {
        LoadError::NotFound(p) => Failure::say(Msg::NotFound, lang, &[&path(p)]),
        LoadError::NotAPortfolio(p) => Failure::say(Msg::NotAPortfolio, lang, &[&path(p)]),
    }
}

/// Why `id` cannot be an initiative's id.
fn id_refusal(id: &str, problem: IdProblem, lang: Lang) -> String {
    let id = safe::line(id);
    match problem {
        IdProblem::Form => Msg::BadId.say(lang, &[&id]),
        IdProblem::Reserved => Msg::ReservedId.say(lang, &[&id]),
    }
}

/// The final guard on standard output: text made visible (newlines and tabs kept). A closed
/// pipe (`bered rank | head`) is not an error worth a message.
fn print(text: &str) {
    let _ = std::io::stdout().lock().write_all(guarded(text).as_bytes());
}

/// `text` made visible, except what a file format needs as it is: a byte-order mark at the very
/// start and CRLF line ends (CSV for a spreadsheet); any other CR or BOM is shown escaped.
fn guarded(text: &str) -> String {
    let (bom, body) = match text.strip_prefix('\u{feff}') {
        Some(rest) => ("\u{feff}", rest),
        None => ("", text),
    };
    let mut out = String::with_capacity(text.len());
    out.push_str(bom);
    for (i, line) in body.split('\n').enumerate() {
        if i > 0 {
            out.push('\n');
        }
        let (line, crlf) = match line.strip_suffix('\r') {
            Some(l) => (l, "\r"),
            None => (line, ""),
        };
        out.push_str(&safe::visible(line, Layout::Text));
        out.push_str(crlf);
    }
    out
}

fn print_line(text: &str) {
    print(&format!("{text}\n"));
}

/// JSON: its strings are escaped already, except for what JSON allows raw and a terminal must
/// not get raw (C1 controls, bidi overrides, zero-width characters); those become `\uXXXX`.
fn print_json(text: &str) {
    let _ = std::io::stdout()
        .lock()
        .write_all(json_guarded(text).as_bytes());
}

/// JSON written as it is made by `write`: a long list never has to be held whole. `write`
/// guards what it writes as `print_json` does (`report::write_rank_json` does, block by block
/// on two cores); a second pass over every byte here would only slow the list down.
pub(super) fn print_guarded_json_with(
    write: impl FnOnce(&mut dyn std::io::Write) -> std::io::Result<()>,
) {
    let mut out = std::io::BufWriter::with_capacity(1 << 16, std::io::stdout().lock());
    // A closed pipe (`| head`) ends the output quietly.
    if write(&mut out).is_ok() {
        let _ = out.flush();
    }
}

/// The final guard on JSON: the escapes of `safe::json`, the same as `print_json_with` applies.
fn json_guarded(text: &str) -> String {
    safe::json(text)
}

/// The final guard on standard error. Not `eprintln!`: with the terminal gone (an SSH drop) it
/// would panic on the write.
fn eprint_line(text: &str) {
    let text = format!("{text}\n");
    let _ = std::io::stderr().write_all(safe::visible(&text, Layout::Text).as_bytes());
}

#[cfg(test)]
mod tests {
    use super::{guarded, json_guarded};

    #[test]
    fn json_escapes_what_it_allows_raw() {
        let text = "{\"t\": \"a\u{202e}b\u{85}ö\"}\n";
        assert_eq!(json_guarded(text), "{\"t\": \"a\\u202eb\\u0085ö\"}\n");
        let back: serde_json::Value = serde_json::from_str(&json_guarded(text)).unwrap();
        assert_eq!(back["t"], "a\u{202e}b\u{85}ö");
    }

    #[test]
    fn the_guard_shows_controls_and_keeps_a_bom_and_crlf() {
        assert_eq!(
            guarded("\u{feff}a;b\r\n\u{1b}[2J\r\u{202e}x\n"),
            "\u{feff}a;b\r\n\\e[2J\\r\\u{202E}x\n"
        );
    }
}
