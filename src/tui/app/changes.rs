//! Changes since a revision or a date (`--since`, or the prompt `C` opens), and since the last
//! reload from disk: the ranking's marker column, the Changes view grouped by kind, and the
//! changed values in an initiative's detail. The change set is read off the UI thread; the app
//! only asks for it (`Command::LoadChanges`) and takes it in (`apply_changes`).

use std::sync::Arc;

use crate::changes::{ChangeSet, ChangesError, KINDS};
use crate::i18n::ui::changes as words;

use super::super::action::Action;
use super::{App, Command, Status};

/// The revision or date being typed in the prompt `C` opens.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SincePrompt {
    pub text: String,
    pub error: Option<String>,
}

/// The Changes view: one line per change kind of an initiative, grouped by kind.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct ChangesView {
    /// Index into `entries`.
    pub selected: usize,
}

/// One line of the Changes view: a kind, and the initiative (index into
/// `ChangeSet::initiatives`) that has a change of that kind.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Entry {
    pub kind: &'static str,
    pub initiative: usize,
}

/// The Changes view's lines, grouped by kind in `KINDS` order, the ranking's order within.
pub fn entries(set: &ChangeSet) -> Vec<Entry> {
    KINDS
        .iter()
        .flat_map(|&kind| {
            set.initiatives
                .iter()
                .enumerate()
                .filter(move |(_, ini)| ini.has(kind))
                .map(move |(initiative, _)| Entry { kind, initiative })
        })
        .collect()
}

impl App {
    /// `C`: show the changes at hand (a reload's first), else ask since when; in the Changes
    /// view, ask for another revision.
    pub(super) fn changes_key(&mut self) {
        if let Some(set) = self.reload_changes.take() {
            self.changes = Some(set);
            self.changes_view = Some(ChangesView::default());
        } else if self.changes.is_some() && self.changes_view.is_none() {
            self.changes_view = Some(ChangesView::default());
        } else {
            self.since_prompt = Some(SincePrompt::default());
        }
    }

    pub(super) fn update_since_prompt(&mut self, action: Action) -> Command {
        let Some(prompt) = &mut self.since_prompt else {
            return Command::None;
        };
        match action {
            Action::TextInput(c) if !c.is_control() => prompt.text.push(c),
            Action::TextBackspace => {
                prompt.text.pop();
            }
            Action::Cancel | Action::Back => self.since_prompt = None,
            Action::Quit => return Command::Quit,
            Action::Confirm => {
                let text = prompt.text.trim().to_string();
                if text.is_empty() {
                    prompt.error = Some(words::EMPTY_PROMPT.get(self.lang).to_string());
                    return Command::None;
                }
                self.since_prompt = None;
                self.changes_loading = true;
                self.changes_asked = true;
                self.status = Status::info(words::READING_HISTORY.get(self.lang));
                return Command::LoadChanges(text);
            }
            _ => {}
        }
        Command::None
    }

    /// Takes in a change set read off the UI thread, and shows it in the Changes view.
    pub fn apply_changes(&mut self, result: Result<ChangeSet, ChangesError>) {
        self.changes_loading = false;
        match result {
            // Asked for in the prompt: shown at once. From `--since`: marked in the ranking,
            // and the status line says how to see the list.
            Ok(set) if std::mem::take(&mut self.changes_asked) => {
                self.changes = Some(Arc::new(set));
                self.changes_view = Some(ChangesView::default());
                self.status = None;
            }
            // A refresh after a reload replaces the set quietly; the first says how to see it.
            Ok(set) => {
                if self.changes.is_none() {
                    let heading = crate::changes::heading(&set, self.lang);
                    self.status = Status::info(words::reload_offer(&heading, self.lang));
                }
                self.changes = Some(Arc::new(set));
            }
            Err(e) => {
                self.changes_asked = false;
                self.status = Status::error(e.message(self.lang));
            }
        }
        self.sync();
    }

    /// After a reload: the revision or date whose changes are shown, to read them again up to
    /// the new work tree (`None` when the changes shown are a reload's own).
    pub fn changes_to_refresh(&self) -> Option<String> {
        let set = self.changes.as_ref()?;
        set.since.commit.as_ref()?;
        set.since.asked.clone()
    }

    /// After a reload from disk: what changed from the snapshot before it, offered on the
    /// status line (`C` shows it).
    pub(super) fn offer_reload_changes(&mut self, set: ChangeSet) {
        if set.is_empty() {
            return;
        }
        self.reload_changes = Some(Arc::new(set));
        if let Some(status) = &mut self.status {
            status.text = words::reload_offer(&status.text, self.lang);
        }
    }

    pub(super) fn update_changes_view(&mut self, action: Action) -> Command {
        let (Some(set), Some(mut view)) = (self.changes.clone(), self.changes_view) else {
            return Command::None;
        };
        let entries = entries(&set);
        let last = entries.len().saturating_sub(1);
        match action {
            Action::Up => view.selected = view.selected.saturating_sub(1),
            Action::Down => view.selected = (view.selected + 1).min(last),
            Action::PageUp => view.selected = view.selected.saturating_sub(10),
            Action::PageDown => view.selected = (view.selected + 10).min(last),
            Action::First => view.selected = 0,
            Action::Last => view.selected = last,
            Action::Open => {
                let id = entries
                    .get(view.selected)
                    .and_then(|e| set.initiatives.get(e.initiative))
                    .map(|ini| ini.id.clone());
                let index = id.and_then(|id| self.data.as_ref()?.index_of(&id));
                if let Some(i) = index {
                    self.open_detail(i);
                }
            }
            Action::Back => {
                self.changes_view = None;
                return Command::None;
            }
            Action::Help => self.overlay = super::Overlay::Help { scroll: 0 },
            Action::NextScreen | Action::PrevScreen => {
                self.changes_view = None;
                self.update_screen(action);
                return Command::None;
            }
            Action::ShowChanges => self.since_prompt = Some(SincePrompt::default()),
            _ => {}
        }
        self.changes_view = Some(view);
        Command::None
    }
}
