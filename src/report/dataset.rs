//! A loaded portfolio with everything derived from it, computed once per load off the UI thread:
//! the analysis, the portfolio summary, the search index and the filter facets.

use std::collections::hash_map::DefaultHasher;
use std::collections::{BTreeMap, HashMap};
use std::hash::{Hash, Hasher};
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use super::doc::Doc;
use crate::i18n::Lang;

use crate::model::{Date, Initiative, Loc, Portfolio};

use super::search::SearchIndex;
use crate::eval::{self, Analysis, Analyzed, RankGroup};
use crate::load::{self, Diagnostic, Origin, Severity};
use crate::realisation::{self, Summary};

pub use super::filter::Facet;

mod update;

pub use update::FileUpdate;

/// Which part of a load is running, for the progress line.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Phase {
    Reading,
    Evaluating,
    Indexing,
}

/// The analysed portfolio, shared read-only by every surface: the CLI's reports, the TUI (as an
/// `Arc<Dataset>`, one snapshot for every client) and the Markdown exports.
#[derive(Clone)]
pub struct Dataset {
    pub portfolio: Portfolio,
    pub analysis: Analysis,
    pub search: SearchIndex,
    pub summary: Summary,
    /// Every value each facet takes, with how many initiatives have it, in display order.
    pub facets: BTreeMap<Facet, Vec<(String, usize)>>,
    /// Where the portfolio was read from; the sample built into bered is read-only.
    pub origin: Origin,
    /// The digest of each initiative file's bytes as loaded or last written by bered.
    pub digests: HashMap<PathBuf, u64>,
    by_id: HashMap<String, usize>,
    fingerprints: HashMap<String, u64>,
    /// The summary document per language, built when first drawn, shared by every client.
    summary_docs: [OnceLock<Doc>; 2],
}

/// What the last load produced: the data if there was any, and every diagnostic.
pub struct LoadOutcome {
    pub dataset: Option<Dataset>,
    pub diagnostics: Vec<Diagnostic>,
}

impl LoadOutcome {
    pub fn error_count(&self) -> usize {
        count_errors(&self.diagnostics)
    }
}

pub fn count_errors(diagnostics: &[Diagnostic]) -> usize {
    diagnostics
        .iter()
        .filter(|d| d.severity == Severity::Error)
        .count()
}

/// Loads and analyses a portfolio (`None`: the loader's default); `progress` hears each phase.
pub fn load(path: Option<&Path>, as_of: Date, progress: &dyn Fn(Phase)) -> LoadOutcome {
    progress(Phase::Reading);
    match load::load(path) {
        Ok(loaded) => {
            let mut dataset = Dataset::build(loaded.portfolio, as_of, progress);
            dataset.origin = loaded.origin;
            dataset.digests = loaded.digests;
            LoadOutcome {
                dataset: Some(dataset),
                diagnostics: loaded.diagnostics,
            }
        }
        Err(e) => {
            let at = path.map_or_else(|| Path::new(".").to_path_buf(), Path::to_path_buf);
            LoadOutcome {
                dataset: None,
                diagnostics: vec![Diagnostic::error(&at, Loc::default(), e.to_string())],
            }
        }
    }
}

impl Dataset {
    pub fn build(portfolio: Portfolio, as_of: Date, progress: &dyn Fn(Phase)) -> Dataset {
        progress(Phase::Evaluating);
        let analysis = eval::analyse(&portfolio, as_of);
        progress(Phase::Indexing);
        let search = SearchIndex::build(&portfolio.initiatives);
        let summary = realisation::summarise(&portfolio, &analysis);
        let by_id = portfolio
            .initiatives
            .iter()
            .enumerate()
            .map(|(i, x)| (x.id.clone(), i))
            .collect();
        let fingerprints = portfolio
            .initiatives
            .iter()
            .map(|x| (x.id.clone(), fingerprint(x)))
            .collect();
        let mut data = Dataset {
            portfolio,
            analysis,
            search,
            summary,
            facets: BTreeMap::new(),
            origin: Origin::Embedded,
            digests: HashMap::new(),
            by_id,
            fingerprints,
            summary_docs: Default::default(),
        };
        data.facets = Facet::ALL
            .into_iter()
            .map(|f| (f, data.facet_counts(f)))
            .collect();
        data
    }

    pub fn len(&self) -> usize {
        self.portfolio.initiatives.len()
    }

    pub fn is_empty(&self) -> bool {
        self.portfolio.initiatives.is_empty()
    }

    /// How many initiatives are in a rank group.
    pub fn group_count(&self, group: RankGroup) -> usize {
        self.summary
            .by_group
            .iter()
            .find(|(g, _)| *g == group)
            .map_or(0, |(_, n)| *n)
    }

    pub fn initiative(&self, i: usize) -> &Initiative {
        &self.portfolio.initiatives[i]
    }

    pub fn item(&self, i: usize) -> &Analyzed {
        &self.analysis.items[i]
    }

    pub fn index_of(&self, id: &str) -> Option<usize> {
        self.by_id.get(id).copied()
    }

    /// The values initiative `i` has for a facet (a tag filter matches any of its tags).
    pub fn facet_values(&self, facet: Facet, i: usize) -> Vec<&str> {
        super::filter::facet_values(facet, self.initiative(i), self.item(i))
    }

    fn facet_counts(&self, facet: Facet) -> Vec<(String, usize)> {
        let mut counts: BTreeMap<String, usize> = BTreeMap::new();
        for i in 0..self.len() {
            let mut values = self.facet_values(facet, i);
            values.sort_unstable();
            values.dedup();
            for v in values {
                *counts.entry(v.to_string()).or_default() += 1;
            }
        }
        let mut out: Vec<(String, usize)> = counts.into_iter().collect();
        if facet == Facet::Stage {
            let pos = |id: &str| crate::model::Stage::ALL.iter().position(|s| s.id() == id);
            out.sort_by_key(|(id, _)| pos(id));
        }
        out
    }

    /// A file of the portfolio as the user knows it: relative to the portfolio's folder
    /// (`initiatives/x.yaml`), or the file's name in the single-file form.
    pub fn shown_path(&self, path: &Path) -> String {
        let relative = match &self.origin {
            Origin::Folder(dir) => path.strip_prefix(dir).ok(),
            Origin::File(file) => file.parent().and_then(|dir| path.strip_prefix(dir).ok()),
            Origin::Embedded => None,
        };
        relative.unwrap_or(path).display().to_string()
    }

    /// The folder that holds the portfolio, where the meeting's minutes go; none for the
    /// built-in sample.
    pub fn folder(&self) -> Option<PathBuf> {
        match &self.origin {
            Origin::Folder(dir) => Some(dir.clone()),
            Origin::File(file) => Some(
                file.parent()
                    .filter(|p| !p.as_os_str().is_empty())
                    .map_or_else(|| PathBuf::from("."), Path::to_path_buf),
            ),
            Origin::Embedded => None,
        }
    }

    /// The portfolio's name as shown (made safe): its settings' name, else its folder's or
    /// file's name.
    pub fn name(&self, lang: Lang) -> String {
        let named = self.portfolio.settings.name.trim();
        let name = if !named.is_empty() {
            named.to_string()
        } else {
            let path = match &self.origin {
                Origin::Folder(dir) => Some(dir.as_path()),
                Origin::File(file) => Some(file.as_path()),
                Origin::Embedded => None,
            };
            path.and_then(|p| p.canonicalize().ok().or(Some(p.to_path_buf())))
                .and_then(|p| p.file_name().map(|n| n.to_string_lossy().into_owned()))
                .unwrap_or_else(|| lang.pick("Portföljen", "The portfolio").to_string())
        };
        crate::i18n::safe::line(&name).into_owned()
    }

    /// The summary document (the portfolio screen, `bered summary`) in `lang`, built once.
    pub fn summary_doc(&self, lang: Lang) -> &Doc {
        let slot = match lang {
            Lang::Sv => &self.summary_docs[0],
            Lang::En => &self.summary_docs[1],
        };
        slot.get_or_init(|| super::summary::summary_doc(&self.portfolio, &self.summary, lang))
    }

    /// The display name of a strategic goal id.
    pub fn goal_name<'a>(&'a self, id: &'a str) -> &'a str {
        self.portfolio
            .settings
            .strategic_goals
            .iter()
            .find(|g| g.id == id)
            .map_or(id, |g| g.name.as_str())
    }

    /// What changed since `older`: (added, changed, removed) initiative counts.
    pub fn changes_since(&self, older: &Dataset) -> (usize, usize, usize) {
        let mut added = 0;
        let mut changed = 0;
        for (id, print) in &self.fingerprints {
            match older.fingerprints.get(id) {
                None => added += 1,
                Some(old) if old != print => changed += 1,
                Some(_) => {}
            }
        }
        let removed = older
            .fingerprints
            .keys()
            .filter(|id| !self.fingerprints.contains_key(*id))
            .count();
        (added, changed, removed)
    }
}

/// A hash of everything an initiative file says, to tell which ones a reload changed.
fn fingerprint(i: &Initiative) -> u64 {
    let mut h = DefaultHasher::new();
    format!("{:?}{:?}", i.file, i.scores).hash(&mut h);
    h.finish()
}
