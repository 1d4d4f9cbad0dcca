//! `bered changes`: what changed in the portfolio since a revision or a date, initiative by
//! initiative, read from the git repository the portfolio lives in (DOMAIN.md, "Changes since a
//! revision (git)").
//!
//! The library entry point is [`since`]: it loads the portfolio at both ends with the same
//! loader as from disk, analyses both, and returns a [`ChangeSet`] that a report renders
//! ([`text`], [`markdown`], [`json`]) or a front end looks up by initiative id
//! ([`ChangeSet::get`], [`ChangeSet::rank_move`]).

mod diff;
mod json;
mod render;
mod repo;
mod snapshot;

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use rust_decimal::Decimal;

use crate::eval::analyse;
use crate::i18n::{Lang, ui};
use crate::load::{self, Loaded};
use crate::model::Date;

pub use diff::{BudgetLine, Change, InitiativeChanges, KINDS, budget_line, compare, within_budget};
pub use json::json;
pub use render::{describe, heading, markdown, summary_lines, text};
pub use repo::{CommitInfo, Point};

/// Why the comparison could not be made at all. `message` words it in the user's language.
#[derive(Debug, thiserror::Error)]
pub enum ChangesError {
    #[error("no portfolio folder or file given, and no ./portfolio")]
    NoPortfolio,
    #[error("{0}: no such file or folder")]
    NotFound(PathBuf),
    #[error("{0}: not in a git repository")]
    NotARepository(PathBuf),
    #[error("unknown revision `{rev}`")]
    UnknownRevision {
        rev: String,
        suggestion: Option<String>,
    },
    #[error("no commit before {0}")]
    NoCommitBefore(Date),
    #[error("reading the repository: {0}")]
    Git(String),
}

impl ChangesError {
    /// The message in the user's language.
    pub fn message(&self, lang: Lang) -> String {
        match self {
            ChangesError::NoPortfolio => ui::changes::no_portfolio(lang).to_string(),
            ChangesError::NotFound(p) => ui::changes::not_found(&shown(p), lang),
            ChangesError::NotARepository(p) => ui::changes::not_a_repository(&shown(p), lang),
            ChangesError::UnknownRevision { rev, suggestion } => {
                let suggestion = suggestion.as_deref().map(crate::i18n::safe::line);
                ui::changes::unknown_revision(
                    &crate::i18n::safe::line(rev),
                    suggestion.as_deref(),
                    lang,
                )
            }
            ChangesError::NoCommitBefore(d) => ui::changes::no_commit_before(&d.to_string(), lang),
            ChangesError::Git(e) => ui::changes::git_error(&crate::i18n::safe::line(e), lang),
        }
    }
}

fn shown(path: &Path) -> String {
    crate::i18n::safe::line(&path.display().to_string()).into_owned()
}

/// One end of the comparison.
#[derive(Clone, Debug, PartialEq)]
pub struct End {
    /// The revision or date as asked for; `None` for the work tree.
    pub asked: Option<String>,
    /// The commit it resolved to; `None` for the work tree.
    pub commit: Option<CommitInfo>,
    /// Errors in the portfolio at this end (initiatives with errors are left out).
    pub errors: usize,
}

/// What changed between two ends, initiative by initiative.
#[derive(Clone, Debug, PartialEq)]
pub struct ChangeSet {
    pub since: End,
    pub until: End,
    /// In the newer ranking's order, removed initiatives last.
    pub initiatives: Vec<InitiativeChanges>,
    /// The budget line at the older and at the newer end.
    pub budget_line: (BudgetLine, BudgetLine),
    /// The budget frame at the newer end.
    pub budget: Option<Decimal>,
    /// Initiative files parsed over both ends (unchanged files are parsed once).
    pub parsed: usize,
    /// Criterion names by id (Swedish, English), from both ends' models.
    pub criteria: HashMap<String, (String, String)>,
    by_id: HashMap<String, usize>,
}

impl ChangeSet {
    /// The changes to an initiative, when it is listed.
    pub fn get(&self, id: &str) -> Option<&InitiativeChanges> {
        self.by_id.get(id).and_then(|&i| self.initiatives.get(i))
    }

    /// How far a listed initiative's rank moved: positive is up (towards 1).
    pub fn rank_move(&self, id: &str) -> Option<i64> {
        self.get(id).and_then(InitiativeChanges::rank_move)
    }

    /// How many changes of a kind (`Change::kind`) there are.
    pub fn count(&self, kind: &str) -> usize {
        self.initiatives
            .iter()
            .flat_map(|i| &i.changes)
            .filter(|c| c.kind() == kind)
            .count()
    }

    /// A criterion's name in the language, or its id when neither end's model knows it.
    pub fn criterion_name<'a>(&'a self, id: &'a str, lang: Lang) -> &'a str {
        self.criteria
            .get(id)
            .map_or(id, |(sv, en)| lang.pick(sv, en))
    }

    pub fn is_empty(&self) -> bool {
        self.initiatives.is_empty()
    }

    /// The ranking's change marker for an initiative: the rank move (`↑3`, `↓2`), `+` when
    /// added, `•` for any other change; `None` when it did not change.
    pub fn marker(&self, id: &str) -> Option<String> {
        let changes = self.get(id)?;
        if changes.has("added") {
            return Some("+".into());
        }
        Some(match changes.rank_move() {
            Some(n) if n > 0 => format!("↑{n}"),
            Some(n) if n < 0 => format!("↓{}", n.unsigned_abs()),
            _ => "•".into(),
        })
    }
}

/// The changes between two portfolios already loaded and analysed — a reload from disk
/// compared with the snapshot before it. `since` names the older end.
pub fn between(
    old: (&crate::model::Portfolio, &crate::eval::Analysis),
    new: (&crate::model::Portfolio, &crate::eval::Analysis),
    since: &str,
) -> ChangeSet {
    let initiatives = compare(old, new);
    let by_id = index(&initiatives);
    let end = |asked: Option<String>| End {
        asked,
        commit: None,
        errors: 0,
    };
    ChangeSet {
        since: end(Some(since.to_string())),
        until: end(None),
        initiatives,
        budget_line: (budget_line(old.1), budget_line(new.1)),
        budget: new.0.settings.budget.map(|b| b.0),
        parsed: 0,
        criteria: criteria(old.0, new.0),
        by_id,
    }
}

fn index(initiatives: &[InitiativeChanges]) -> HashMap<String, usize> {
    initiatives
        .iter()
        .enumerate()
        .map(|(i, c)| (c.id.clone(), i))
        .collect()
}

fn criteria(
    old: &crate::model::Portfolio,
    new: &crate::model::Portfolio,
) -> HashMap<String, (String, String)> {
    old.model
        .criteria
        .iter()
        .chain(&new.model.criteria)
        .map(|c| (c.id.clone(), (c.name_sv.clone(), c.name_en.clone())))
        .collect()
}

/// What changed since the previous meeting: since the commit that added the newest minutes
/// file (`protokoll-*.md`) in the portfolio's folder that is committed, to the work tree.
/// `Ok(None)` when no minutes are committed yet.
pub fn since_last_minutes(
    path: Option<&Path>,
    as_of: Date,
) -> Result<Option<ChangeSet>, ChangesError> {
    let path = load::resolve(path).ok_or(ChangesError::NoPortfolio)?;
    let folder = if path.is_dir() {
        path.clone()
    } else {
        path.parent().map(Path::to_path_buf).unwrap_or_default()
    };
    let minutes = minutes_newest_first(&folder);
    if minutes.is_empty() {
        return Ok(None);
    }
    let repo = repo::Repo::open(&path)?;
    for name in minutes {
        // Minutes written but not committed yet (this meeting's) are passed over.
        if let Some((commit, _)) = repo.added(&name)? {
            let mut set = since(Some(&path), &Point::Rev(commit.to_string()), None, as_of)?;
            set.since.asked = Some(name);
            return Ok(Some(set));
        }
    }
    Ok(None)
}

/// The annex section "Ändringar sedan förra mötet" for the agenda or the minutes, as Markdown;
/// `Ok(None)` when no minutes are committed yet.
pub fn last_meeting_annex(
    path: Option<&Path>,
    as_of: Date,
    lang: Lang,
) -> Result<Option<String>, ChangesError> {
    Ok(since_last_minutes(path, as_of)?.map(|mut set| {
        set.since.asked = Some(ui::changes::LAST_MEETING.get(lang).to_string());
        markdown(&set, lang)
    }))
}

/// The minutes files' names in a folder, newest first: by date, then number (`-2`, `-3`).
fn minutes_newest_first(folder: &Path) -> Vec<String> {
    let Ok(entries) = std::fs::read_dir(folder) else {
        return Vec::new();
    };
    let mut found: Vec<((Date, u32), String)> = entries
        .flatten()
        .filter_map(|e| e.file_name().into_string().ok())
        .filter_map(|name| {
            let stem = name.strip_prefix("protokoll-")?.strip_suffix(".md")?;
            let date = Date::parse(stem.get(..10)?).ok()?;
            let n = match stem.get(10..)? {
                "" => 1,
                rest => rest.strip_prefix('-')?.parse::<u32>().ok()?,
            };
            Some(((date, n), name))
        })
        .collect();
    found.sort_unstable_by(|a, b| b.cmp(a));
    found.into_iter().map(|(_, name)| name).collect()
}

/// What changed in the portfolio at `path` (default as `bered` chooses it) from `since` to
/// `until` (`None`: the work tree, uncommitted edits included), both analysed as of `as_of`.
pub fn since(
    path: Option<&Path>,
    since: &Point,
    until: Option<&Point>,
    as_of: Date,
) -> Result<ChangeSet, ChangesError> {
    let path = load::resolve(path).ok_or(ChangesError::NoPortfolio)?;
    let repo = repo::Repo::open(&path)?;
    let (old_commit, old_info) = repo.resolve(since)?;
    let new_commit = match until {
        Some(point) => Some(repo.resolve(point)?),
        None if repo.has_work_tree() => None,
        None => Some(repo.resolve(&Point::Rev("HEAD".into()))?),
    };
    let mut loader = snapshot::Loader::new(&repo);
    // The newer end first: from the work tree it is read whole anyway, and the older end
    // then parses only the files that differ.
    let (new, new_info) = match new_commit {
        Some((id, info)) => (loader.at_commit(id)?, Some(info)),
        None => (loader.work_tree()?, None),
    };
    let old = loader.at_commit(old_commit)?;
    let until_asked = until
        .map(asked)
        .or_else(|| new_info.as_ref().map(|_| "HEAD".into()));
    Ok(change_set(
        (
            old,
            End {
                asked: Some(asked(since)),
                commit: Some(old_info),
                errors: 0,
            },
        ),
        (
            new,
            End {
                asked: until_asked,
                commit: new_info,
                errors: 0,
            },
        ),
        as_of,
        loader.parsed,
    ))
}

fn asked(point: &Point) -> String {
    match point {
        Point::Rev(rev) => rev.clone(),
        Point::Before(date) => date.to_string(),
    }
}

/// Analyses both ends and compares them.
fn change_set(old: (Loaded, End), new: (Loaded, End), as_of: Date, parsed: usize) -> ChangeSet {
    let (old_loaded, mut since) = old;
    let (new_loaded, mut until) = new;
    since.errors = old_loaded.errors();
    until.errors = new_loaded.errors();
    let (op, np) = (&old_loaded.portfolio, &new_loaded.portfolio);
    let (oa, na) = (analyse(op, as_of), analyse(np, as_of));
    let initiatives = compare((op, &oa), (np, &na));
    let by_id = index(&initiatives);
    ChangeSet {
        since,
        until,
        initiatives,
        budget_line: (budget_line(&oa), budget_line(&na)),
        budget: np.settings.budget.map(|b| b.0),
        parsed,
        criteria: criteria(op, np),
        by_id,
    }
}

/// The loading notes of both ends: one line per end whose portfolio had errors.
pub fn load_notes(set: &ChangeSet, lang: Lang) -> Vec<String> {
    [&set.since, &set.until]
        .into_iter()
        .filter(|end| end.errors > 0)
        .map(|end| {
            let name = end
                .asked
                .as_deref()
                .unwrap_or(ui::changes::WORK_TREE.get(lang));
            ui::changes::errors_at(end.errors, &crate::i18n::safe::line(name), lang)
        })
        .collect()
}
