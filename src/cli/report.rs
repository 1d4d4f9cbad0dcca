//! `bered rank`, `bered show` and `bered summary`: load, analyse, print.

use std::path::Path;
use std::process::ExitCode;

use bered::eval::{Analysis, analyse};
use bered::i18n::Lang;
use bered::i18n::msg::Msg;
use bered::load::{self, Loaded};
use bered::model::Date;
use bered::report::{
    RankFilter, find_initiative, rank_csv_with, rank_markdown, rank_table, show_json,
    show_markdown, show_text, summary_json, summary_markdown, summary_text, write_rank_json,
};

/// An output format; which ones a command offers is up to the command line.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// The rank table, or the text of show and summary.
    Text,
    Csv,
    Json,
    Markdown,
}

pub fn rank(
    path: Option<&Path>,
    filter: &RankFilter,
    format: Format,
    delimiter: Option<u8>,
    all: bool,
    as_of: Date,
    lang: Lang,
) -> anyhow::Result<ExitCode> {
    let (loaded, analysis) = load_and_analyse(path, as_of, lang)?;
    let p = &loaded.portfolio;
    filter.validate(p)?;
    // The pipeline first and its titled groups, or (`--all`) the whole portfolio as one list.
    let ranked = if all {
        &analysis.order
    } else {
        &analysis.sectioned
    };
    let order = filter.apply_in(p, &analysis, ranked);
    let done = match format {
        Format::Text => print(&rank_table(p, &analysis, &order, lang)),
        Format::Csv => print(&rank_csv_with(p, &analysis, &order, lang, delimiter)),
        // Written as it is made: a list of 100,000 is never held whole.
        Format::Json => {
            super::print_guarded_json_with(|out| write_rank_json(out, p, &analysis, &order, lang));
            Ok(ExitCode::SUCCESS)
        }
        Format::Markdown => print(&rank_markdown(p, &analysis, &order, lang)),
    };
    // The process ends here: freeing every initiative one by one would only delay the exit.
    std::mem::forget((loaded, analysis));
    done
}

pub fn show(
    path: Option<&Path>,
    id: &str,
    format: Format,
    as_of: Date,
    lang: Lang,
) -> anyhow::Result<ExitCode> {
    let (loaded, analysis) = load_and_analyse(path, as_of, lang)?;
    let p = &loaded.portfolio;
    let index = find_initiative(p, id)?;
    match format {
        Format::Json => print_json(&show_json(p, &analysis, index, lang)),
        Format::Markdown => print(&show_markdown(p, &analysis, index, lang)),
        Format::Text | Format::Csv => print(&show_text(p, &analysis, index, lang)),
    }
}

pub fn summary(
    path: Option<&Path>,
    format: Format,
    as_of: Date,
    lang: Lang,
) -> anyhow::Result<ExitCode> {
    let (loaded, analysis) = load_and_analyse(path, as_of, lang)?;
    let p = &loaded.portfolio;
    match format {
        Format::Json => print_json(&summary_json(p, &analysis, lang)),
        Format::Markdown => print(&summary_markdown(p, &analysis, lang)),
        Format::Text | Format::Csv => print(&summary_text(p, &analysis, lang)),
    }
}

/// Loads and analyses. Initiatives with errors are not in the portfolio: say so on stderr, so
/// that nothing drops out of a ranking unnoticed, while stdout stays clean for scripts.
pub(crate) fn load_and_analyse(
    path: Option<&Path>,
    as_of: Date,
    lang: Lang,
) -> anyhow::Result<(Loaded, Analysis)> {
    let mut loaded =
        load::load(path).map_err(|e| anyhow::anyhow!(super::load_failure(&e, lang)))?;
    // The digests of the files serve write-back, which these reports never do.
    loaded.digests = Default::default();
    let errors = loaded.errors();
    if errors > 0 {
        let note = Msg::ErrorsLeftOut.say(lang, &[&errors]);
        super::eprint_line(&Msg::Prefix.say(lang, &[&note]));
    }
    let analysis = analyse(&loaded.portfolio, as_of);
    Ok((loaded, analysis))
}

/// Text through the final guard (`super::print`); JSON as it is, already escaped.
fn print(out: &str) -> anyhow::Result<ExitCode> {
    super::print(out);
    Ok(ExitCode::SUCCESS)
}

fn print_json(out: &str) -> anyhow::Result<ExitCode> {
    super::print_json(out);
    Ok(ExitCode::SUCCESS)
}
