//! `bered minutes`: the agenda and annex for the next meeting, written beside the portfolio
//! (`dagordning-YYYY-MM-DD.md`, never over an existing file) or printed; with what changed since
//! the last meeting's minutes when the portfolio is in git.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use bered::changes;
use bered::i18n::{Lang, ui};
use bered::load::Origin;
use bered::model::Date;
use bered::report::minutes::{agenda_markdown, write_beside_portfolio};

use super::report::load_and_analyse;
use super::{Failure, print, print_line};

pub struct Asked {
    pub date: Date,
    pub print: bool,
    pub as_of: Date,
    pub lang: Lang,
}

/// Writes (or with `print`, prints) the agenda of a meeting on `asked.date`.
pub fn run(path: Option<&Path>, asked: &Asked) -> Result<ExitCode, Failure> {
    let lang = asked.lang;
    let failure =
        |e: anyhow::Error| Failure::text(bered::i18n::msg::translate(&format!("{e:#}"), lang));
    let (loaded, analysis) = load_and_analyse(path, asked.as_of, lang).map_err(failure)?;
    let mut text = agenda_markdown(&loaded.portfolio, &analysis, asked.date, lang);
    let folder = folder_of(&loaded.origin);
    // Outside git, or before any minutes were committed, there is nothing to add.
    if let Some(dir) = &folder
        && let Ok(Some(annex)) = changes::last_meeting_annex(Some(dir), asked.as_of, lang)
    {
        text.push('\n');
        text.push_str(&annex);
    }
    match folder.filter(|_| !asked.print) {
        Some(dir) => {
            let written = write_beside_portfolio(&dir, "dagordning", asked.date, &text)
                .map_err(|e| failure(e.into()))?;
            let name = written
                .file_name()
                .map_or_else(String::new, |n| n.to_string_lossy().into_owned());
            print_line(&ui::agenda_written(&name, lang));
        }
        None => print(&text),
    }
    Ok(ExitCode::SUCCESS)
}

fn folder_of(origin: &Origin) -> Option<PathBuf> {
    match origin {
        Origin::Folder(dir) => Some(dir.clone()),
        Origin::File(file) => Some(
            file.parent()
                .filter(|p| !p.as_os_str().is_empty())
                .map_or_else(|| Path::new(".").to_path_buf(), Path::to_path_buf),
        ),
        // The sample built into bered has no folder to write into.
        Origin::Embedded => None,
    }
}
