//! `--help` in the user's language: clap's texts, headings, value names, defaults and the
//! usage line, set on the command before parsing; and usage errors said the same way.

use std::process::ExitCode;

use clap::builder::{Str, StyledStr};
use clap::error::{ContextKind, ContextValue, ErrorKind};
use clap::{Arg, ArgAction, Command};

use bered::i18n::Lang;
use bered::i18n::msg::Msg;

/// The help of every command and argument: `(key, svenska, English)`, where the key is
/// `about` for bered itself, a subcommand's name for its description, and `command.arg` (or
/// `.arg` for bered's own) for an argument.
pub const HELP: &[(&str, &str, &str)] = &[
    (
        "about",
        "Beredning av en kommuns portfölj av digitaliseringsinitiativ",
        "Triage of a municipality's portfolio of digitalisation initiatives",
    ),
    (
        ".portfolio",
        "Portföljen: en mapp (portfolio.yaml + initiatives/) eller en .yaml-fil. Standard: arbetsmappen när den har portfolio.yaml, annars ./portfolio när den finns, annars exemplet som är inbyggt i bered.",
        "The portfolio: a folder (portfolio.yaml + initiatives/) or a single .yaml file. Default: the working folder when it has portfolio.yaml, else ./portfolio when it exists, else the sample built into bered.",
    ),
    (
        ".path",
        "Portföljen, som argument (samma som -p).",
        "The portfolio, as a positional argument (same as -p).",
    ),
    (
        ".lang",
        "Utdatans språk: sv eller en (standard: enligt LANG, annars svenska).",
        "Language of the output: sv or en (default: from LANG, else Swedish).",
    ),
    (
        ".theme",
        "Färgtema: default, light, high-contrast, mono, eller sökvägen till en temafil (NO_COLOR respekteras).",
        "Colour theme: default, light, high-contrast, mono, or a theme file's path (NO_COLOR is honoured).",
    ),
    (
        ".as_of",
        "Bedöm uppföljningar per detta datum (ÅÅÅÅ-MM-DD; standard i dag).",
        "Evaluate follow-ups as of this date (YYYY-MM-DD; default today).",
    ),
    (
        ".attendees",
        "Närvarande på mötet, för protokollet: \"Anna Berg, Olle Holm\" (frågas efter i slutet av mötesläget om det inte anges).",
        "Who attends the meeting, for its minutes: \"Anna Berg, Olle Holm\" (asked for at the end of meeting mode when not given).",
    ),
    (
        ".since",
        "Markera det som ändrats sedan denna revision eller detta datum (HEAD~1, en tagg, en gren, 2026-11-01) i rangordningen och lista det i vyn Ändringar (C).",
        "Mark what changed since this revision or date (HEAD~1, a tag, a branch, 2026-11-01) in the ranking, and list it in the Changes view (C).",
    ),
    (
        ".no_cache",
        "Tolka varje fil på nytt, utan cachen i ~/.cache/bered (samma som BERED_NO_CACHE=1).",
        "Parse every file again, without the cache in ~/.cache/bered (same as BERED_NO_CACHE=1).",
    ),
    (
        ".chair",
        "Mötets ordförande, för protokollet (frågas efter i slutet av mötesläget om det inte anges).",
        "The meeting's chair, for its minutes (asked for at the end of meeting mode when not given).",
    ),
    (
        ".secretary",
        "Mötets sekreterare, för protokollet.",
        "The meeting's secretary, for its minutes.",
    ),
    (
        ".adjuster",
        "Den som justerar protokollet tillsammans med ordföranden.",
        "Who adjusts the minutes with the chair.",
    ),
    (
        ".place",
        "Var mötet hålls, för protokollet.",
        "Where the meeting is held, for its minutes.",
    ),
    (".help", "Visa hjälpen", "Print help"),
    (".version", "Visa versionen", "Print version"),
    (
        "check",
        "Granska portföljen: varje problem med fil:rad:kolumn (slutstatus 1 vid fel).",
        "Validate the portfolio: every problem with file:line:col (exit 1 on errors).",
    ),
    (
        "check.path",
        "Portföljen att granska.",
        "The portfolio to validate.",
    ),
    ("check.format", "Utdataformat.", "Output format."),
    (
        "rank",
        "Rangordningen: en tabell, CSV, JSON eller en Markdown-bilaga till mötet.",
        "The ranked list: a table, CSV, JSON, or a Markdown annex for the meeting.",
    ),
    (
        "rank.path",
        "Portföljen att rangordna.",
        "The portfolio to rank.",
    ),
    ("rank.format", "Utdataformat.", "Output format."),
    (
        "rank.stage",
        "Bara dessa faser: idea, preparation, approved, project, operations, realisation, closed, rejected, parked.",
        "Only these stages: idea, preparation, approved, project, operations, realisation, closed, rejected, parked.",
    ),
    ("rank.unit", "Bara dessa enheter.", "Only these units."),
    (
        "rank.tag",
        "Bara initiativ med dessa taggar.",
        "Only initiatives with these tags.",
    ),
    (
        "rank.goal",
        "Bara initiativ mot dessa strategiska mål (id).",
        "Only initiatives towards these strategic goals (ids).",
    ),
    (
        "rank.gate",
        "Bara dessa utfall av spärren: pass, warn, blocked, not_assessed.",
        "Only these compliance gate outcomes: pass, warn, blocked, not_assessed.",
    ),
    (
        "rank.flag",
        "Bara initiativ med dessa varningsflaggor: no_benefit_owner, no_measurable_goal, no_strategic_goal, freed_time_use_missing, no_business_case, follow_up_overdue, gate_blocked, incomplete_scores.",
        "Only initiatives with these flags: no_benefit_owner, no_measurable_goal, no_strategic_goal, freed_time_use_missing, no_business_case, follow_up_overdue, gate_blocked, incomplete_scores.",
    ),
    (
        "rank.delimiter",
        "CSV-avgränsaren (ett ASCII-tecken); standard `;` på svenska, `,` på engelska.",
        "The CSV separator (one ASCII character); by default `;` under Swedish, `,` under English.",
    ),
    (
        "show",
        "Allt om ett initiativ: poängen förklarad, nyttokalkyl, nyttor, varningsflaggor.",
        "Everything about one initiative: score explained, business case, benefits, flags.",
    ),
    (
        "show.id",
        "Initiativets id (filnamnet utan .yaml).",
        "The initiative's id (its file name without .yaml).",
    ),
    ("show.format", "Utdataformat.", "Output format."),
    (
        "summary",
        "Portföljen i överblick: antal, summor, alternativkostnad, DiMiOS-spegel.",
        "The portfolio at a glance: counts, totals, cost of delay, DiMiOS mirror.",
    ),
    (
        "summary.path",
        "Portföljen att sammanfatta.",
        "The portfolio to summarise.",
    ),
    ("summary.format", "Utdataformat.", "Output format."),
    (
        "rank.all",
        "Hela portföljen rangordnad som en lista, i stället för beredningskön först och de rubricerade grupperna (redan beslutat, i drift och avslutade, avböjda, ofullständigt bedömda, spärrade) under den.",
        "The whole portfolio ranked as one list, instead of the pipeline first and the titled groups (already committed, running and done, declined, incomplete, blocked) below it.",
    ),
    (
        "minutes",
        "Skriv dagordningen och bilagan till nästa möte (beredningskön med poäng, läge mot budgetramen och varningsflaggor) bredvid portföljen, utan att hålla ett möte.",
        "Write the agenda and its annex for the next meeting (the pipeline with scores, budget position and flags) beside the portfolio, without running a meeting.",
    ),
    (
        "minutes.path",
        "Portföljen att skriva dagordningen för.",
        "The portfolio to write the agenda for.",
    ),
    (
        "minutes.date",
        "Mötets datum (ÅÅÅÅ-MM-DD; standard i dag).",
        "The meeting's date (YYYY-MM-DD; default today).",
    ),
    (
        "minutes.print",
        "Skriv ut dagordningen i stället för att skriva en fil.",
        "Print the agenda instead of writing a file.",
    ),
    (
        "changes",
        "Ändringar i portföljen sedan en revision eller ett datum, lästa ur dess git-arkiv.",
        "What changed in the portfolio since a revision or a date, read from its git repository.",
    ),
    (
        "changes.since",
        "En revision som git förstår (commit, tagg, gren, HEAD~3) eller ett datum ÅÅÅÅ-MM-DD (den sista committen före det).",
        "A revision git understands (commit, tag, branch, HEAD~3) or a date YYYY-MM-DD (the last commit before it).",
    ),
    (
        "changes.until",
        "Den nyare änden (standard: arbetskopian, med ändringar som inte är incheckade).",
        "The newer end (default: the working tree, uncommitted edits included).",
    ),
    (
        "changes.path",
        "Portföljen att jämföra.",
        "The portfolio to compare.",
    ),
    ("changes.format", "Utdataformat.", "Output format."),
    (
        "serve",
        "Dela portföljen över SSH: en levande portfölj för beredningsgruppen och direktörerna, med roller från deras nycklar.",
        "Serve the portfolio over SSH: one live portfolio for the preparation group and the directors, with roles from their keys.",
    ),
    (
        "serve.path",
        "Portföljen att dela.",
        "The portfolio to serve.",
    ),
    (
        "serve.listen",
        "Adressen att lyssna på.",
        "The address to listen on.",
    ),
    (
        "serve.keys",
        "Vilka som får ansluta: rader i authorized_keys-format med role=\"viewer|editor|chair\" och ett namn. Standard: bered-keys i portföljens mapp.",
        "Who may connect: authorized_keys lines with role=\"viewer|editor|chair\" and a name. Default: bered-keys in the portfolio's folder.",
    ),
    (
        "serve.host_key",
        "Serverns privata nyckel (skapas vid första starten; aldrig i portföljen). Standard: $XDG_DATA_HOME/bered/ssh_host_ed25519_key, annars ~/.local/share/bered/….",
        "The server's private key (created on first start; never inside the portfolio). Default: $XDG_DATA_HOME/bered/ssh_host_ed25519_key, else ~/.local/share/bered/….",
    ),
    (
        "serve.audit",
        "Granskningsloggen, en JSON-rad per ändring. Standard: bered-audit.jsonl bredvid portföljen.",
        "The audit log, one JSON line per edit. Default: bered-audit.jsonl beside the portfolio.",
    ),
    (
        "serve.max_sessions",
        "Högst så många klienter samtidigt.",
        "The most clients at once.",
    ),
    (
        "serve.anonymous_viewers",
        "Släpp in vilken nyckel som helst, med läsrätt.",
        "Let any key in, read only.",
    ),
    (
        "score",
        "Sätt ett kriteriums poäng (1–4), med en motivering om du vill.",
        "Set a criterion's score (1–4), with an optional rationale.",
    ),
    (
        "score.id",
        "Initiativets id (filnamnet utan .yaml).",
        "The initiative's id (its file name without .yaml).",
    ),
    (
        "score.criterion",
        "Kriteriet, till exempel quality eller compliance.",
        "The criterion, e.g. quality or compliance.",
    ),
    ("score.value", "Poängen, 1–4.", "The score, 1–4."),
    (
        "score.why",
        "Motiveringen, sparas under `motivations`.",
        "The written rationale, kept under `motivations`.",
    ),
    (
        "decide",
        "Registrera ett beslut om ett initiativ (beslutad och avslagen byter även fas).",
        "Record a decision on an initiative (approved and rejected also change the stage).",
    ),
    (
        "decide.id",
        "Initiativets id (filnamnet utan .yaml).",
        "The initiative's id (its file name without .yaml).",
    ),
    (
        "decide.outcome",
        "Utfallet: prioritised, deferred, returned, rejected eller approved.",
        "The outcome: prioritised, deferred, returned, rejected or approved.",
    ),
    (
        "decide.note",
        "En anteckning till beslutet.",
        "A note on the decision.",
    ),
    (
        "decide.forum",
        "Forum som beslutade.",
        "The forum that decided.",
    ),
    (
        "decide.date",
        "Beslutets datum (standard i dag).",
        "The decision's date (default today).",
    ),
    (
        "stage",
        "Flytta ett initiativ till en annan fas.",
        "Move an initiative to another stage.",
    ),
    (
        "stage.id",
        "Initiativets id (filnamnet utan .yaml).",
        "The initiative's id (its file name without .yaml).",
    ),
    (
        "stage.stage",
        "Den nya fasen: idea, preparation, approved, project, operations, realisation, closed, rejected eller parked.",
        "The new stage: idea, preparation, approved, project, operations, realisation, closed, rejected or parked.",
    ),
    (
        "follow-up",
        "Lägg till en mätning i uppföljningen av en nytta.",
        "Add a follow-up measurement to a benefit.",
    ),
    (
        "follow-up.id",
        "Initiativets id (filnamnet utan .yaml).",
        "The initiative's id (its file name without .yaml).",
    ),
    (
        "follow-up.benefit",
        "Nyttans id i initiativet.",
        "The benefit's id within the initiative.",
    ),
    (
        "follow-up.value",
        "Det uppmätta värdet.",
        "The measured value.",
    ),
    (
        "follow-up.date",
        "Mätningens datum (standard i dag).",
        "The measurement's date (default today).",
    ),
    (
        "follow-up.note",
        "En anteckning till mätningen.",
        "A note on the measurement.",
    ),
    (
        "new",
        "Skriv en ny, kommenterad initiativfil som klarar `bered check`.",
        "Write a new, commented initiative file that passes `bered check`.",
    ),
    (
        "new.id",
        "Det nya initiativets id: gemena a–z, siffror och bindestreck.",
        "The new initiative's id: lower-case a–z, digits and hyphens.",
    ),
    (
        "new.title",
        "Initiativets rubrik.",
        "The initiative's title.",
    ),
    (
        "schema",
        "Skriv ut JSON-scheman för portfolio.yaml och initiativfiler, för editorer.",
        "Print JSON Schemas for portfolio.yaml and initiative files, for editors.",
    ),
    (
        "schema.kind",
        "Vilket schema som skrivs ut.",
        "Which schema to print.",
    ),
    (
        "schema.out",
        "Skriv båda schemana i den här mappen i stället för att skriva ut ett.",
        "Write both schemas into this folder instead of printing one.",
    ),
];

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
    let values: Vec<String> = arg
        .get_possible_values()
        .iter()
        .filter(|v| !v.is_hide_set())
        .map(|v| v.get_name().to_string())
        .collect();
    if !values.is_empty() {
        extra.push(format!("värden: {}", values.join(", ")));
    }
    let defaults: Vec<String> = arg
        .get_default_values()
        .iter()
        .map(|v| v.to_string_lossy().into_owned())
        .collect();
    if !defaults.is_empty() {
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
    if arg.get_action().takes_values() {
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
