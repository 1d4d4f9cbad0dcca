//! Taking in one file re-read after bered wrote it: only that file's initiatives are replaced,
//! re-ranked in O(n) with `Analysis::update`, and only what depends on them is rebuilt.

use std::path::PathBuf;

use crate::model::Initiative;

use super::{Dataset, Facet, fingerprint};
use crate::load::Diagnostic;
use crate::realisation;

/// A file of the portfolio as it reads after a write: what the runtime hands back to the app.
#[derive(Clone, Debug)]
pub struct FileUpdate {
    pub path: PathBuf,
    /// The digest of the bytes now on disk.
    pub digest: u64,
    /// Every initiative the file now holds that loaded without errors (one in a portfolio
    /// folder; the whole list in the single-file form).
    pub initiatives: Vec<Initiative>,
    /// Everything the re-read found to say about the file.
    pub diagnostics: Vec<Diagnostic>,
}

impl Dataset {
    /// Replaces the initiatives of one re-read file. Returns `false`, changing nothing, when
    /// the file no longer holds the same initiatives (it now has errors, say): then only a full
    /// reload can put the portfolio together again.
    pub fn apply_file(&mut self, update: FileUpdate) -> bool {
        let mut before: Vec<&str> = self
            .portfolio
            .initiatives
            .iter()
            .filter(|i| i.path == update.path)
            .map(|i| i.id.as_str())
            .collect();
        let mut after: Vec<&str> = update.initiatives.iter().map(|i| i.id.as_str()).collect();
        before.sort_unstable();
        after.sort_unstable();
        if before != after {
            return false;
        }
        for initiative in update.initiatives {
            let Some(index) = self.index_of(&initiative.id) else {
                return false;
            };
            let print = fingerprint(&initiative);
            if self.fingerprints.get(&initiative.id) == Some(&print) {
                continue;
            }
            self.search.update(index, &initiative);
            self.fingerprints.insert(initiative.id.clone(), print);
            self.portfolio.initiatives[index] = initiative;
            self.analysis.update(&self.portfolio, index);
        }
        self.digests.insert(update.path, update.digest);
        self.summary = realisation::summarise(&self.portfolio, &self.analysis);
        self.summary_docs = Default::default();
        self.facets = Facet::ALL
            .into_iter()
            .map(|f| (f, self.facet_counts(f)))
            .collect();
        true
    }
}
