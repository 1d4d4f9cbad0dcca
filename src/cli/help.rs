//! `--help` in the user's language: clap's texts, headings, value names, defaults and the
//! usage line, set on the command before parsing; and usage errors said the same way.

use std::process::ExitCode;

use clap::builder::{Str, StyledStr};
use clap::error::{ContextKind, ContextValue, ErrorKind};
use clap::{Arg, ArgAction, Command};

use bered::i18n::Lang;
use bered::i18n::msg::Msg;

pub use super::help_texts::HELP;

/// Value names as the help shows them, in Swedish.
const VALUE_NAMES: &[(&str, &str)] = &[
    ("PATH", "SÖKVÄG"),
    ("NAME|PATH", "NAMN|SÖKVÄG"),
    ("NAMES", "NAMN"),
    ("DIR", "MAPP"),
    ("ID", "ID"),
    ("CRITERION", "KRITERIUM"),
    ("VALUE", "VÄRDE"),
    ("OUTCOME", "UTFALL"),
    ("STAGE", "FAS"),
    ("BENEFIT", "NYTTA"),
    ("FORMAT", "FORMAT"),
    ("TITLE", "RUBRIK"),
    ("LANG", "SPRÅK"),
    ("AS_OF", "DATUM"),
    ("DATE", "DATUM"),
    ("NOTE", "ANTECKNING"),
    ("WHY", "MOTIVERING"),
    ("FORUM", "FORUM"),
    ("KIND", "SORT"),
    ("GATE", "SPÄRR"),
    ("FLAG", "FLAGGA"),
    ("GOAL", "MÅL"),
    ("TAG", "TAGG"),
    ("UNIT", "ENHET"),
];

fn help_text(key: &str, lang: Lang) -> Option<&'static str> {
    HELP.iter()
        .find(|(k, _, _)| *k == key)
        .map(|(_, sv, en)| lang.pick(sv, en))
}

/// The command with every text in `lang`.
pub fn localise(command: Command, lang: Lang) -> Command {
    let command = command
        .disable_help_flag(true)
        .disable_version_flag(true)
        .disable_help_subcommand(true)
        .arg(
            Arg::new("help")
                .short('h')
                .long("help")
                .action(ArgAction::Help)
                .global(true),
        )
        .arg(
            Arg::new("version")
                .short('V')
                .long("version")
                .action(ArgAction::Version),
        );
    let command = match help_text("about", lang) {
        Some(about) => command.about(about),
        None => command,
    };
    let command = words(command, "", lang);
    let command = command.mut_subcommands(|sub| {
        let name = sub.get_name().to_string();
        let sub = match help_text(&name, lang) {
            Some(about) => sub.about(about),
            None => sub,
        };
        let sub = words(sub, &name, lang);
        usage(sub, &format!("bered {name}"), lang)
    });
    usage(command, "bered", lang)
}

/// The arguments' help, value names, defaults and headings of one command.
fn words(command: Command, name: &str, lang: Lang) -> Command {
    let command = command.mut_args(|arg| {
        let key = format!("{name}.{}", arg.get_id());
        let global = format!(".{}", arg.get_id());
        let mut arg = match help_text(&key, lang).or_else(|| help_text(&global, lang)) {
            Some(help) => arg.help(help),
            None => arg,
        };
        if lang == Lang::Sv {
            arg = swedish_arg(arg);
        }
        arg
    });
    if lang == Lang::Sv {
        command
            .subcommand_help_heading("Kommandon")
            .subcommand_value_name("KOMMANDO")
            .help_template("{about-with-newline}\nAnvändning: {usage}\n\n{all-args}{after-help}")
    } else {
        command
    }
}

/// Swedish headings and value names; defaults and possible values written into the help, since
/// clap says them in English.
fn swedish_arg(arg: Arg) -> Arg {
    let heading = if arg.is_positional() {
        "Argument"
    } else {
        "Flaggor"
    };
    let mut extra = Vec::new();
    // A flag (`--all`) takes no value: clap's `true, false` and `false` are not said.
    let takes_values = arg.get_action().takes_values();
    let values: Vec<String> = arg
        .get_possible_values()
        .iter()
        .filter(|v| !v.is_hide_set())
        .map(|v| v.get_name().to_string())
        .collect();
    if takes_values && !values.is_empty() {
        extra.push(format!("värden: {}", values.join(", ")));
    }
    let defaults: Vec<String> = arg
        .get_default_values()
        .iter()
        .map(|v| v.to_string_lossy().into_owned())
        .collect();
    if takes_values && !defaults.is_empty() {
        extra.push(format!("standard: {}", defaults.join(", ")));
    }
    let names: Option<Vec<Str>> = arg.get_value_names().map(|names| {
        names
            .iter()
            .map(|n| {
                VALUE_NAMES
                    .iter()
                    .find(|(en, _)| *en == n.as_str())
                    .map_or_else(|| n.clone(), |(_, sv)| Str::from(*sv))
            })
            .collect()
    });
    let help = arg.get_help().map(StyledStr::to_string).unwrap_or_default();
    let mut arg = arg.help_heading(heading);
    if takes_values {
        arg = arg.hide_possible_values(true).hide_default_value(true);
    }
    if !extra.is_empty() {
        arg = arg.help(format!("{help} [{}]", extra.join("; ")));
    }
    if let Some(names) = names {
        arg = arg.value_names(names);
    }
    arg
}

/// The usage line with clap's English placeholders said in Swedish.
fn usage(command: Command, bin: &str, lang: Lang) -> Command {
    if lang == Lang::En {
        return command;
    }
    let mut probe = command.clone().bin_name(bin);
    let line = probe.render_usage().to_string();
    let line = line
        .trim_start_matches("Usage:")
        .trim()
        .replace("[OPTIONS]", "[FLAGGOR]")
        .replace("<COMMAND>", "<KOMMANDO>")
        .replace("[COMMAND]", "[KOMMANDO]");
    command.override_usage(line)
}

/// A usage error (or the help or version asked for) printed in `lang`; the exit status clap
/// would give.
pub fn usage_error(error: clap::Error, lang: Lang) -> ExitCode {
    let code = error.exit_code();
    let shown = matches!(
        error.kind(),
        ErrorKind::DisplayHelp
            | ErrorKind::DisplayVersion
            | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand
    );
    if shown || lang == Lang::En {
        let _ = error.print();
        return ExitCode::from(code.clamp(0, 255) as u8);
    }
    let context = |kind| match error.get(kind) {
        Some(ContextValue::String(s)) => s.clone(),
        Some(ContextValue::Strings(v)) => v.join(", "),
        Some(other) => other.to_string(),
        None => String::new(),
    };
    let detail = match error.kind() {
        ErrorKind::UnknownArgument => {
            Msg::UnknownArgument.say(lang, &[&context(ContextKind::InvalidArg)])
        }
        ErrorKind::InvalidSubcommand => {
            Msg::UnknownCommand.say(lang, &[&context(ContextKind::InvalidSubcommand)])
        }
        ErrorKind::MissingRequiredArgument => {
            Msg::MissingArgument.say(lang, &[&context(ContextKind::InvalidArg)])
        }
        ErrorKind::ValueValidation | ErrorKind::InvalidValue => {
            let value = context(ContextKind::InvalidValue);
            let arg = context(ContextKind::InvalidArg);
            let mut text = Msg::InvalidValue.say(lang, &[&value, &arg]);
            if let Some(source) = std::error::Error::source(&error) {
                text = format!("{text}: {source}");
            }
            text
        }
        _ => Msg::BadCommandLine.template(lang).to_string(),
    };
    super::eprint_line(&Msg::Prefix.say(lang, &[&Msg::UsageError.say(lang, &[&detail])]));
    ExitCode::from(code.clamp(0, 255) as u8)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_argument_and_command_has_help_in_both_languages() {
        use clap::CommandFactory as _;
        let command = localise(super::super::args::Cli::command(), Lang::Sv);
        let mut keys = vec!["about".to_string()];
        keys.extend(command.get_arguments().map(|a| format!(".{}", a.get_id())));
        for sub in command.get_subcommands() {
            let name = sub.get_name();
            keys.push(name.to_string());
            for a in sub.get_arguments() {
                keys.push(format!("{name}.{}", a.get_id()));
            }
        }
        for key in keys {
            let global = key.split_once('.').map(|(_, a)| format!(".{a}"));
            let found = help_text(&key, Lang::Sv)
                .or_else(|| global.as_deref().and_then(|g| help_text(g, Lang::Sv)));
            assert!(found.is_some_and(|t| !t.is_empty()), "no help for {key}");
        }
        for (key, sv, en) in HELP {
            assert!(!sv.is_empty() && !en.is_empty(), "{key}");
        }
    }
}
