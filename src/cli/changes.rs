//! `bered changes`: what changed in the portfolio since a revision or a date, from git.

use std::path::Path;
use std::process::ExitCode;

use bered::changes::{self, Point};
use bered::i18n::Lang;
use bered::model::Date;

use super::args::ChangesArgs;
use super::report::Format;
use super::{Failure, eprint_line, print, print_json};

pub fn run(
    a: &ChangesArgs,
    portfolio: Option<&Path>,
    as_of: Date,
    lang: Lang,
) -> Result<ExitCode, Failure> {
    let path = a.path.as_deref().or(portfolio);
    let until = a.until.as_deref().map(Point::parse);
    let set = changes::since(path, &Point::parse(&a.since), until.as_ref(), as_of)
        .map_err(|e| Failure::text(e.message(lang)))?;
    for note in changes::load_notes(&set, lang) {
        eprint_line(&note);
    }
    match Format::from(a.format) {
        Format::Json => print_json(&changes::json(&set)),
        Format::Markdown => print(&changes::markdown(&set, lang)),
        Format::Text | Format::Csv => print(&changes::text(&set, lang)),
    }
    Ok(ExitCode::SUCCESS)
}
