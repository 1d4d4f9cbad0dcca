//! Taking in a finished load: the first one, a reload that keeps the selection and says what
//! changed, and a failed reload that keeps the last good data.

use std::sync::Arc;

use crate::i18n::ui;

use super::{App, Status};
use crate::report::dataset::{Dataset, LoadOutcome, Phase, count_errors};
use crate::report::ranking::View;

impl App {
    pub fn set_loading(&mut self, phase: Phase) {
        self.loading = Some(phase);
    }

    /// Takes a finished load. A reload that fails (nothing read, or more errors than before)
    /// keeps the last good data and shows the new diagnostics.
    pub fn apply_load(&mut self, outcome: LoadOutcome) {
        self.loading = None;
        let reload = self.data.is_some();
        let failed = outcome.dataset.is_none()
            || (reload && outcome.error_count() > count_errors(&self.diagnostics));
        let errors = outcome.error_count();
        self.diagnostics = outcome.diagnostics;
        if failed && reload {
            let failed = ui::RELOAD_FAILED.get(self.lang);
            self.status = Status::error(match self.reload_notice.take() {
                Some(notice) => format!("{notice} {failed}"),
                None => failed.to_string(),
            });
            self.reload_asked = false;
            self.sync();
            return;
        }
        let Some(new) = outcome.dataset else {
            self.sync();
            return;
        };
        let notice = self.reload_notice.take();
        let asked = std::mem::take(&mut self.reload_asked);
        let before = ui::changes::BEFORE_RELOAD.get(self.lang);
        let reload_set = self.data.as_ref().map(|old| {
            crate::changes::between(
                (&old.portfolio, &old.analysis),
                (&new.portfolio, &new.analysis),
                before,
            )
        });
        self.status = match self.data.as_ref() {
            Some(old) => {
                let changes = new.changes_since(old);
                let (added, changed, removed) = changes;
                let summary = ui::reloaded(added, changed, removed, self.lang);
                match notice {
                    // Why the reload was needed comes first: the user has an edit to redo.
                    Some(notice) => Status::error(format!("{notice} {summary}")),
                    // The watcher's reload after bered's own write finds nothing new: the
                    // status keeps saying what was written.
                    None if changes == (0, 0, 0) && !asked => self.status.take(),
                    None => Status::info(summary),
                }
            }
            None if errors > 0 => {
                Status::error(ui::diagnostics_count(self.diagnostics.len(), self.lang))
            }
            // The first load: what the status already says (the changes since `--since`, read
            // in parallel, may have come first) stays.
            None => self.status.take(),
        };
        self.replace_data(Arc::new(new));
        if let Some(set) = reload_set.filter(|_| self.status.is_some()) {
            self.offer_reload_changes(set);
        }
    }

    /// Swaps in a new snapshot of the shared data (a reload, or one published to every client
    /// of a server) and finds the same initiatives again by id.
    pub fn replace_data(&mut self, new: Arc<Dataset>) {
        let id_of = |i: Option<usize>| {
            let data = self.data.as_ref()?;
            Some(data.initiative(i?).id.clone())
        };
        let table_id = id_of(self.view.rows.get(self.selected).copied());
        let matrix_id = id_of(self.matrix_selected);
        self.search.invalidate();
        self.data = Some(new);
        self.view = View::default();
        self.refresh_view();
        let Some(data) = &self.data else { return };
        if let Some(i) = table_id.and_then(|id| data.index_of(&id)) {
            self.selected = self.view.rows.iter().position(|&r| r == i).unwrap_or(0);
        }
        self.matrix_selected = matrix_id.and_then(|id| data.index_of(&id));
        if let Some(detail) = &mut self.detail {
            match data.index_of(&detail.id) {
                Some(i) => detail.index = i,
                None => self.detail = None,
            }
        }
        if self.matrix_selected.is_none() {
            self.matrix_from_ranking();
        }
        self.sync();
    }
}
