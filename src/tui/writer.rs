//! The runtime's half of editing: the I/O that `App::update` asks for. An edit is applied to
//! the file's current text only if the file still has the digest it had when loaded; the new
//! text is verified (`edit::apply`), written atomically, and parsed again into the initiatives
//! it holds, which go back to the app with the texts its undo history keeps. The meeting's minutes are written
//! beside the portfolio, never over an existing file.

use std::path::{Path, PathBuf};

use crate::edit::{self, Applied, EditError};
use crate::load::{self, Origin};
use crate::model::Date;

use super::app::{App, Command, Done, MinutesFile, PendingEdit, Request, WriteError, Written};
use crate::report::dataset::{Dataset, FileUpdate};

/// Carries out the commands that write; hands back the rest (quit, reload) for the loop. The
/// undo history is the app's (`App::session`): a step is written back from there, and the app
/// records it once the write succeeded.
pub fn perform(app: &mut App, command: Command) -> Command {
    let (request, result) = match command {
        Command::Write(pending) => {
            let result = match app.data.as_deref() {
                Some(data) => edit(data, &pending),
                None => Err(WriteError::NotFound),
            };
            (Request::Edit(pending), result)
        }
        Command::Undo => {
            let result = write_back(app, app.session.to_undo(), Back::Undo);
            (Request::Undo, result)
        }
        Command::Redo => {
            let result = write_back(app, app.session.to_redo(), Back::Redo);
            (Request::Redo, result)
        }
        Command::WriteMinutes(minutes) => {
            let folder = app.data.as_deref().and_then(Dataset::folder);
            let result = match folder {
                Some(dir) => write_minutes(&dir, &minutes).map_err(|e| e.to_string()),
                None => Err(crate::i18n::ui::READ_ONLY.get(app.lang).to_string()),
            };
            app.apply_minutes(result);
            return Command::None;
        }
        other => return other,
    };
    app.apply_written(Written { request, result })
}

/// Applies one edit to the file the initiative was loaded from. Public for `bered serve`'s
/// writer thread, which has the shared data but no app.
pub fn edit(data: &Dataset, pending: &PendingEdit) -> Result<Done, WriteError> {
    if data.origin == Origin::Embedded {
        return Err(WriteError::ReadOnly);
    }
    let index = data.index_of(&pending.id).ok_or(WriteError::NotFound)?;
    let path = data.initiative(index).path.clone();
    let changed = || EditError::ChangedOnDisk(path.clone());
    // A file not read at load (or not since) cannot be known to be unchanged.
    let expected = *data.digests.get(&path).ok_or_else(changed)?;
    let bytes = std::fs::read(&path).map_err(|source| EditError::Io {
        path: path.clone(),
        source,
    })?;
    if edit::digest(&bytes) != expected {
        return Err(changed().into());
    }
    let before = String::from_utf8(bytes)
        .map_err(|_| EditError::NotEditable("the file is not UTF-8 text".into()))?;
    let item = matches!(data.origin, Origin::File(_)).then_some(pending.id.as_str());
    let after = edit::apply(&before, item, &pending.edit)?;
    if after == before {
        return Err(WriteError::NothingChanged);
    }
    edit::write_atomic(&path, &after, expected)?;
    let update = reread(data, &path, &after);
    Ok(Done {
        update,
        label: pending.label.clone(),
        applied: Some(Applied {
            path,
            before,
            after,
            label: pending.label.clone(),
        }),
    })
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Back {
    Undo,
    Redo,
}

/// Writes a step of the history back (undo: the text before it; redo: after it), if the file
/// is still as the step, or its undo, left it.
fn write_back(app: &App, step: Option<&Applied>, back: Back) -> Result<Done, WriteError> {
    write_step(app.data.as_deref(), step, back)
}

/// `write_back` on the data itself: for `bered serve`, whose clients send their history's step.
pub fn write_step(
    data: Option<&Dataset>,
    step: Option<&Applied>,
    back: Back,
) -> Result<Done, WriteError> {
    let (data, step) = match (data, step, back) {
        (Some(data), Some(step), _) => (data, step),
        (_, _, Back::Undo) => return Err(WriteError::NothingToUndo),
        (_, _, Back::Redo) => return Err(WriteError::NothingToRedo),
    };
    let (text, now) = match back {
        Back::Undo => (&step.before, &step.after),
        Back::Redo => (&step.after, &step.before),
    };
    edit::write_atomic(&step.path, text, edit::digest(now.as_bytes()))?;
    Ok(Done {
        update: reread(data, &step.path, text),
        label: step.label.clone(),
        applied: None,
    })
}

/// The file as it now reads, parsed the way the loader parses it: one initiative file, or in
/// the single-file form the whole list (with the portfolio's model and settings as loaded).
fn reread(data: &Dataset, path: &Path, text: &str) -> FileUpdate {
    let digest = edit::digest(text.as_bytes());
    let (initiatives, diagnostics) = match &data.origin {
        Origin::File(_) => {
            let body = text.strip_prefix('\u{feff}').unwrap_or(text);
            let loaded = load::load_text(path, body);
            (loaded.portfolio.initiatives, loaded.diagnostics)
        }
        Origin::Folder(_) | Origin::Embedded => {
            let p = &data.portfolio;
            let bytes = text.as_bytes().to_vec();
            let (ini, diagnostics) =
                load::initiative_from_bytes(path, bytes, &p.model, &p.settings);
            (ini.into_iter().collect(), diagnostics)
        }
    };
    FileUpdate {
        path: path.to_path_buf(),
        digest,
        initiatives,
        diagnostics,
    }
}

/// Writes the minutes to `protokoll-YYYY-MM-DD.md` in `dir`, or `…-2.md`, `…-3.md` when that
/// exists: atomically, and never over an existing file.
/// The minutes end with what changed in the portfolio since the last meeting's minutes, when
/// those are committed in git (outside git, or with none yet, nothing is added).
pub fn write_minutes(dir: &Path, minutes: &MinutesFile) -> std::io::Result<PathBuf> {
    let mut text = minutes.text.clone();
    if let Ok(Some(annex)) =
        crate::changes::last_meeting_annex(Some(dir), minutes.date, minutes.lang)
    {
        text.push('\n');
        text.push_str(&annex);
    }
    crate::report::minutes::write_beside_portfolio(dir, "protokoll", minutes.date, &text)
}

/// `protokoll-2026-11-23.md`, then `protokoll-2026-11-23-2.md`.
pub fn minutes_name(date: Date, n: usize) -> String {
    crate::report::minutes::minutes_name("protokoll", date, n)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn minutes_never_overwrite_and_take_the_next_number() {
        let dir = tempfile::tempdir().expect("temp dir");
        let date = Date::new(2026, 11, 23).expect("a date");
        let first = MinutesFile {
            date,
            text: "# ett\n".into(),
            lang: crate::i18n::Lang::Sv,
        };
        let second = MinutesFile {
            date,
            text: "# två\n".into(),
            lang: crate::i18n::Lang::Sv,
        };
        let a = write_minutes(dir.path(), &first).expect("written");
        let b = write_minutes(dir.path(), &second).expect("written");
        assert_eq!(a.file_name().unwrap(), "protokoll-2026-11-23.md");
        assert_eq!(b.file_name().unwrap(), "protokoll-2026-11-23-2.md");
        assert_eq!(std::fs::read_to_string(a).unwrap(), "# ett\n");
        assert_eq!(std::fs::read_to_string(b).unwrap(), "# två\n");
        let names: Vec<_> = std::fs::read_dir(dir.path()).unwrap().collect();
        assert_eq!(names.len(), 2, "no temporary file left behind");
    }
}
