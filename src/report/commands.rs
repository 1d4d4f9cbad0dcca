//! `bered rank`, `bered show` and `bered summary`: load, analyse, print.

use std::io::Write as _;
use std::path::Path;
use std::process::ExitCode;

use crate::eval::{Analysis, analyse};
use crate::i18n::Lang;
use crate::load::{self, Loaded};
use crate::model::Date;

use super::{
    RankFilter, find_initiative, rank_csv_with, rank_json, rank_markdown, rank_table, show_json,
    show_markdown, show_text, summary_json, summary_markdown, summary_text,
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
    let out = match format {
        Format::Text => rank_table(p, &analysis, &order, lang),
        Format::Csv => rank_csv_with(p, &analysis, &order, lang, delimiter),
        Format::Json => rank_json(p, &analysis, &order, lang),
        Format::Markdown => rank_markdown(p, &analysis, &order, lang),
    };
    print(&out)
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
    let out = match format {
        Format::Json => show_json(p, &analysis, index, lang),
        Format::Markdown => show_markdown(p, &analysis, index, lang),
        Format::Text | Format::Csv => show_text(p, &analysis, index, lang),
    };
    print(&out)
}

pub fn summary(
    path: Option<&Path>,
    format: Format,
    as_of: Date,
    lang: Lang,
) -> anyhow::Result<ExitCode> {
    let (loaded, analysis) = load_and_analyse(path, as_of, lang)?;
    let p = &loaded.portfolio;
    let out = match format {
        Format::Json => summary_json(p, &analysis, lang),
        Format::Markdown => summary_markdown(p, &analysis, lang),
        Format::Text | Format::Csv => summary_text(p, &analysis, lang),
    };
    print(&out)
}

/// Loads and analyses. Initiatives with errors are not in the portfolio: say so on stderr, so
/// that nothing drops out of a ranking unnoticed, while stdout stays clean for scripts.
pub(crate) fn load_and_analyse(
    path: Option<&Path>,
    as_of: Date,
    lang: Lang,
) -> anyhow::Result<(Loaded, Analysis)> {
    let loaded = load::load(path)?;
    let errors = loaded.errors();
    if errors > 0 {
        let note = match lang {
            Lang::Sv => format!(
                "bered: {errors} fel i portföljen; initiativ med fel är inte med (kör `bered check`)"
            ),
            Lang::En => format!(
                "bered: {errors} error(s) in the portfolio; initiatives with errors are left out (run `bered check`)"
            ),
        };
        eprintln!("{note}");
    }
    let analysis = analyse(&loaded.portfolio, as_of);
    Ok((loaded, analysis))
}

fn print(out: &str) -> anyhow::Result<ExitCode> {
    // A closed pipe (`bered rank | head`) is not an error worth a message.
    let _ = std::io::stdout().lock().write_all(out.as_bytes());
    Ok(ExitCode::SUCCESS)
}
