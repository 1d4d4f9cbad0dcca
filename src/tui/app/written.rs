//! Edits on their way to disk and back: what the app asks the runtime to write, what the
//! runtime reports, and taking the report in — the re-read file into the data, the status
//! line, and the session's record of what undo and redo will do.

use std::path::Path;

use crate::edit::{Applied, Edit, EditError};
use crate::i18n::{Lang, format_decimal, ui, words};
use crate::model::Date;

use super::{App, Command, Status};
use crate::report::dataset::FileUpdate;
use crate::tui::action::Action;

/// An edit for the runtime to write: to initiative `id`, labelled for the user.
#[derive(Clone, Debug, PartialEq)]
pub struct PendingEdit {
    pub id: String,
    pub edit: Edit,
    /// What it does, in the user's language: "poäng quality 3 → 4".
    pub label: String,
    /// The meeting it was decided in (its minutes list it).
    pub meeting: Option<u32>,
}

/// The meeting's minutes, for the runtime to write beside the portfolio.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MinutesFile {
    pub date: Date,
    pub text: String,
    /// The minutes' language, for the annex of what changed since the last meeting.
    pub lang: Lang,
}

/// An edit as written: what the user asked for, and the file's text before and after it.
#[derive(Clone, Debug, PartialEq)]
pub struct WrittenEdit {
    pub pending: PendingEdit,
    pub applied: Applied,
}

impl std::ops::Deref for WrittenEdit {
    type Target = PendingEdit;

    fn deref(&self) -> &PendingEdit {
        &self.pending
    }
}

/// The session's one undo history: the edits written and those undone. It changes only when a
/// write succeeded; the runtime reads the step to write back from here.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Session {
    pub done: Vec<WrittenEdit>,
    pub undone: Vec<WrittenEdit>,
    /// Meetings held, numbering them.
    pub meetings: u32,
}

impl Session {
    fn record(&mut self, request: Request, applied: Option<Applied>) {
        match (request, applied) {
            (Request::Edit(pending), Some(applied)) => {
                self.done.push(WrittenEdit { pending, applied });
                self.undone.clear();
            }
            (Request::Edit(_), None) => {}
            (Request::Undo, _) => {
                if let Some(step) = self.done.pop() {
                    self.undone.push(step);
                }
            }
            (Request::Redo, _) => {
                if let Some(step) = self.undone.pop() {
                    self.done.push(step);
                }
            }
        }
    }

    /// The step an undo writes back.
    pub fn to_undo(&self) -> Option<&Applied> {
        self.done.last().map(|s| &s.applied)
    }

    /// The step a redo writes again.
    pub fn to_redo(&self) -> Option<&Applied> {
        self.undone.last().map(|s| &s.applied)
    }
}

/// What the runtime was asked to do.
#[derive(Clone, Debug, PartialEq)]
pub enum Request {
    Edit(PendingEdit),
    Undo,
    Redo,
}

/// A write that happened: the file as it now reads, the edit's label, and for a new edit the
/// texts that undo and redo will write.
#[derive(Clone, Debug)]
pub struct Done {
    pub update: FileUpdate,
    pub label: String,
    pub applied: Option<Applied>,
}

/// Why nothing was written.
#[derive(Debug)]
pub enum WriteError {
    /// The sample built into bered.
    ReadOnly,
    /// The initiative is no longer in the portfolio.
    NotFound,
    /// The file already says so.
    NothingChanged,
    NothingToUndo,
    NothingToRedo,
    Edit(EditError),
}

impl From<EditError> for WriteError {
    fn from(e: EditError) -> Self {
        WriteError::Edit(e)
    }
}

/// The runtime's report on one request.
#[derive(Debug)]
pub struct Written {
    pub request: Request,
    pub result: Result<Done, WriteError>,
}

impl App {
    /// Asks the runtime to write `edit` to initiative `id`.
    pub(super) fn pending(&self, id: &str, edit: Edit, meeting: Option<u32>) -> Command {
        let label = self.label(id, &edit);
        Command::Write(PendingEdit {
            id: id.to_string(),
            edit,
            label,
            meeting,
        })
    }

    /// `u` and `Ctrl-r`: the runtime does them, when there is something to do.
    pub(super) fn undo_or_redo(&mut self, action: Action) -> Command {
        let (empty, nothing, command) = match action {
            Action::Undo => (
                self.session.done.is_empty(),
                ui::NOTHING_TO_UNDO,
                Command::Undo,
            ),
            _ => (
                self.session.undone.is_empty(),
                ui::NOTHING_TO_REDO,
                Command::Redo,
            ),
        };
        if empty {
            self.status = Status::info(nothing.get(self.lang));
            return Command::None;
        }
        command
    }

    /// Takes in what the runtime did; returns a reload when the data cannot follow otherwise.
    pub fn apply_written(&mut self, written: Written) -> Command {
        match written.result {
            Ok(done) => self.take_written(written.request, done),
            Err(error) => self.refused(&written.request, error),
        }
    }

    fn take_written(&mut self, request: Request, done: Done) -> Command {
        let lang = self.lang;
        let Some(data) = self.data.as_mut() else {
            return Command::Reload;
        };
        let path = done.update.path.clone();
        let shown = data.shown_path(&path);
        let mut diagnostics = done.update.diagnostics.clone();
        let text = match &request {
            Request::Edit(_) => ui::saved(&done.label, &shown, lang),
            Request::Undo => ui::undone(&done.label, &shown, lang),
            Request::Redo => ui::redone(&done.label, &shown, lang),
        };
        let fitted = std::sync::Arc::make_mut(data).apply_file(done.update);
        self.session.record(request, done.applied);
        if !fitted {
            self.status = Status::error(ui::written_with_errors(&shown, lang));
            return Command::Reload;
        }
        self.diagnostics.retain(|d| d.path != path);
        self.diagnostics.append(&mut diagnostics);
        self.diagnostics
            .sort_by(|a, b| (&a.path, a.line, a.column).cmp(&(&b.path, b.line, b.column)));
        self.search.invalidate();
        self.refresh_view();
        self.sync();
        self.status = Status::info(text);
        Command::None
    }

    fn refused(&mut self, request: &Request, error: WriteError) -> Command {
        let lang = self.lang;
        if let Request::Edit(p) = request
            && p.meeting.is_some()
        {
            self.meeting_return_to(&p.id);
        }
        let shown = |path: &Path| {
            self.data
                .as_ref()
                .map_or_else(|| path.display().to_string(), |d| d.shown_path(path))
        };
        let what = match request {
            Request::Edit(p) => p.id.clone(),
            Request::Undo | Request::Redo => String::new(),
        };
        let (text, command) = match error {
            WriteError::ReadOnly => (ui::READ_ONLY.get(lang).to_string(), Command::None),
            WriteError::NotFound => (ui::NOT_FOUND.get(lang).to_string(), Command::None),
            WriteError::NothingChanged => {
                self.status = Status::info(ui::UNCHANGED.get(lang));
                return Command::None;
            }
            WriteError::NothingToUndo => (ui::NOTHING_TO_UNDO.get(lang).into(), Command::None),
            WriteError::NothingToRedo => (ui::NOTHING_TO_REDO.get(lang).into(), Command::None),
            WriteError::Edit(EditError::ChangedOnDisk(path)) => {
                let text = ui::changed_on_disk(&shown(&path), lang);
                self.reload_notice = Some(text.clone());
                (text, Command::Reload)
            }
            WriteError::Edit(EditError::Unintended(detail)) => {
                (ui::unintended(&detail, lang), Command::None)
            }
            WriteError::Edit(EditError::NotEditable(detail)) => {
                (ui::not_editable(&what, &detail, lang), Command::None)
            }
            WriteError::Edit(EditError::Io { path, source }) => (
                ui::write_failed(&shown(&path), &source.to_string(), lang),
                Command::None,
            ),
            WriteError::Edit(other) => (other.text(lang), Command::None),
        };
        self.status = Status::error(text);
        command
    }

    /// What an edit does, in words, before it is written: "poäng Projektets komplexitet 3 → 2".
    fn label(&self, id: &str, edit: &Edit) -> String {
        let lang = self.lang;
        let initiative = self
            .data
            .as_ref()
            .and_then(|d| d.index_of(id).map(|i| d.initiative(i)));
        match edit {
            Edit::Score {
                criterion, value, ..
            } => {
                let old = initiative.and_then(|i| i.scores.get(criterion).copied());
                // The criterion by its label, as in every sentence: "poäng Kvalitet 3 → 4".
                let model = self.data.as_ref().map(|d| &d.portfolio.model);
                let name = model
                    .and_then(|m| m.criterion(criterion))
                    .map_or(criterion.as_str(), |c| lang.pick(&c.name_sv, &c.name_en));
                ui::label_score(name, old, *value, lang)
            }
            Edit::Decision { date, outcome, .. } => {
                let outcome = words::outcome(*outcome, lang).to_lowercase();
                ui::label_decision(&outcome, &date.to_string(), lang)
            }
            Edit::Stage(stage) => {
                let old = initiative
                    .and_then(|i| i.stage())
                    .map_or_else(|| ui::NONE.get(lang).into(), |s| stage_word(s, lang));
                ui::label_stage(&old, &stage_word(*stage, lang), lang)
            }
            Edit::FollowUp {
                benefit,
                date,
                value,
                ..
            } => {
                let v = format_decimal(value.0, value.0.normalize().scale(), lang);
                ui::label_follow_up(benefit, &v, &date.to_string(), lang)
            }
        }
    }
}

fn stage_word(stage: crate::model::Stage, lang: crate::i18n::Lang) -> String {
    words::stage(stage, lang).to_lowercase()
}
