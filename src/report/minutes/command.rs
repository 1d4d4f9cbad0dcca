//! `bered minutes`: the agenda and annex for the next meeting, written beside the portfolio
//! (`dagordning-YYYY-MM-DD.md`, never over an existing file) or printed.

use std::io::Write as _;
use std::path::Path;
use std::process::ExitCode;

use crate::i18n::{Lang, ui};
use crate::load::Origin;
use crate::model::Date;

use super::super::commands::load_and_analyse;
use super::{agenda_markdown, write_beside_portfolio};

/// Writes (or with `print`, prints) the agenda of a meeting on `date`.
pub fn agenda_command(
    path: Option<&Path>,
    date: Date,
    print: bool,
    as_of: Date,
    lang: Lang,
) -> anyhow::Result<ExitCode> {
    let (loaded, analysis) = load_and_analyse(path, as_of, lang)?;
    let text = agenda_markdown(&loaded.portfolio, &analysis, date, lang);
    let folder = match &loaded.origin {
        Origin::Folder(dir) => Some(dir.clone()),
        Origin::File(file) => Some(
            file.parent()
                .filter(|p| !p.as_os_str().is_empty())
                .map_or_else(|| Path::new(".").to_path_buf(), Path::to_path_buf),
        ),
        // The sample built into bered has no folder to write into.
        Origin::Embedded => None,
    };
    let mut out = std::io::stdout().lock();
    match folder.filter(|_| !print) {
        Some(dir) => {
            let written = write_beside_portfolio(&dir, "dagordning", date, &text)?;
            let name = written
                .file_name()
                .map_or_else(String::new, |n| n.to_string_lossy().into_owned());
            writeln!(out, "{}", ui::agenda_written(&name, lang))?;
        }
        None => out.write_all(text.as_bytes())?,
    }
    Ok(ExitCode::SUCCESS)
}
