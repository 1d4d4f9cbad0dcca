//! The repository side: finding the repository from the portfolio's path, resolving a revision
//! or a date to a commit, and listing the portfolio's files in that commit's tree. Reads git's
//! objects with gix; no `git` binary is needed, and a bare clone works as well as a work tree.

use std::path::{Path, PathBuf};

use gix::ObjectId;

use super::ChangesError;
use crate::load::memory::is_initiative_name;
use crate::model::Date;

/// A point in the history the user names: a revision git understands, or a date.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Point {
    /// A commit, tag, branch, `HEAD~3`, …
    Rev(String),
    /// The last commit on HEAD's first-parent history committed on a day before this date
    /// (the day as on the committer's clock).
    Before(Date),
}

impl Point {
    /// `YYYY-MM-DD` is a date; anything else a revision.
    pub fn parse(text: &str) -> Point {
        match Date::parse(text) {
            Ok(date) => Point::Before(date),
            Err(_) => Point::Rev(text.trim().to_string()),
        }
    }
}

/// A commit the portfolio was read at.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CommitInfo {
    pub id: String,
    /// The first line of its message.
    pub summary: String,
    /// The day it was committed, on the committer's clock.
    pub date: Date,
}

impl CommitInfo {
    pub fn short(&self) -> &str {
        self.id.get(..7).unwrap_or(&self.id)
    }
}

/// One file of a portfolio as it is in a tree: its path (as on disk, for messages) and blob.
#[derive(Clone, Debug)]
pub struct TreeFile {
    pub path: PathBuf,
    pub blob: ObjectId,
}

/// The portfolio's files at a commit.
#[derive(Clone, Debug)]
pub enum TreePortfolio {
    /// Not there at that commit: an empty portfolio.
    Missing,
    /// The single-file form.
    File(TreeFile),
    /// A folder: `portfolio.yaml` when present, the initiative files, and entries skipped.
    Folder {
        settings: Option<TreeFile>,
        initiatives: Vec<TreeFile>,
        ignored: Vec<PathBuf>,
        not_files: Vec<PathBuf>,
    },
}

/// An open repository and where the portfolio sits in it.
pub struct Repo {
    pub repo: gix::Repository,
    /// The portfolio as the user named it: folder or file, used in every message.
    pub portfolio: PathBuf,
    /// The portfolio's path inside the repository's tree (empty: the tree's root).
    inside: PathBuf,
}

impl Repo {
    /// Finds the repository holding `portfolio`: a folder or file in a work tree, or a bare
    /// repository (then the portfolio is the root of its tree).
    pub fn open(portfolio: &Path) -> Result<Repo, ChangesError> {
        if portfolio.symlink_metadata().is_err() {
            return Err(ChangesError::NotFound(portfolio.to_path_buf()));
        }
        let start = if portfolio.is_dir() {
            portfolio.to_path_buf()
        } else {
            portfolio
                .parent()
                .filter(|p| !p.as_os_str().is_empty())
                .map_or_else(|| PathBuf::from("."), Path::to_path_buf)
        };
        let repo = gix::discover(&start)
            .map_err(|_| ChangesError::NotARepository(portfolio.to_path_buf()))?;
        let inside = match repo.workdir() {
            Some(root) => inside_of(root, portfolio)?,
            None => PathBuf::new(),
        };
        Ok(Repo {
            repo,
            portfolio: portfolio.to_path_buf(),
            inside,
        })
    }

    /// Whether there is a work tree (not a bare repository).
    pub fn has_work_tree(&self) -> bool {
        self.repo.workdir().is_some()
    }

    /// The commit a point names.
    pub fn resolve(&self, point: &Point) -> Result<(ObjectId, CommitInfo), ChangesError> {
        match point {
            Point::Rev(rev) => self.resolve_rev(rev),
            Point::Before(date) => self.resolve_date(*date),
        }
    }

    fn resolve_rev(&self, rev: &str) -> Result<(ObjectId, CommitInfo), ChangesError> {
        let unknown = || ChangesError::UnknownRevision {
            rev: rev.to_string(),
            suggestion: self.nearest_name(rev),
        };
        let id = self.repo.rev_parse_single(rev).map_err(|_| unknown())?;
        let commit = id
            .object()
            .and_then(|o| o.peel_to_commit())
            .map_err(|_| unknown())?;
        Ok((commit.id, info(&commit)?))
    }

    fn resolve_date(&self, date: Date) -> Result<(ObjectId, CommitInfo), ChangesError> {
        let mut commit = self
            .repo
            .head_commit()
            .map_err(|_| ChangesError::NoCommitBefore(date))?;
        loop {
            let found = info(&commit)?;
            if found.date < date {
                return Ok((commit.id, found));
            }
            let Some(parent) = commit.parent_ids().next() else {
                return Err(ChangesError::NoCommitBefore(date));
            };
            commit = parent
                .object()
                .and_then(|o| o.peel_to_commit())
                .map_err(git)?;
        }
    }

    /// The nearest local branch or tag name to a revision that did not resolve.
    fn nearest_name(&self, rev: &str) -> Option<String> {
        let refs = self.repo.references().ok()?;
        let mut names: Vec<String> = Vec::new();
        for iter in [refs.local_branches().ok()?, refs.tags().ok()?] {
            names.extend(iter.flatten().map(|r| r.name().shorten().to_string()));
        }
        crate::load::yaml::suggestion(rev, &names).map(str::to_string)
    }

    /// The portfolio's files in a commit's tree.
    pub fn portfolio_at(&self, commit: ObjectId) -> Result<TreePortfolio, ChangesError> {
        let root = self
            .repo
            .find_commit(commit)
            .and_then(|c| c.tree())
            .map_err(git)?;
        let tree = if self.inside.as_os_str().is_empty() {
            root
        } else {
            let Some(entry) = root.lookup_entry_by_path(&self.inside).map_err(git)? else {
                return Ok(TreePortfolio::Missing);
            };
            if !entry.mode().is_tree() {
                return Ok(TreePortfolio::File(TreeFile {
                    path: self.portfolio.clone(),
                    blob: entry.object_id(),
                }));
            }
            self.repo.find_tree(entry.object_id()).map_err(git)?
        };
        let settings = tree
            .find_entry("portfolio.yaml")
            .filter(|e| !e.mode().is_tree())
            .map(|e| TreeFile {
                path: self.portfolio.join("portfolio.yaml"),
                blob: e.object_id(),
            });
        let mut listing = Listing::default();
        if let Some(folder) = tree
            .find_entry("initiatives")
            .filter(|e| e.mode().is_tree())
        {
            let folder = self.repo.find_tree(folder.object_id()).map_err(git)?;
            listing.read(&folder, &self.portfolio.join("initiatives"))?;
        }
        if settings.is_none() && listing.is_empty() {
            return Ok(TreePortfolio::Missing);
        }
        Ok(TreePortfolio::Folder {
            settings,
            initiatives: listing.files,
            ignored: listing.ignored,
            not_files: listing.not_files,
        })
    }

    /// The commit that added `name` (a file in the portfolio's folder) on the first-parent
    /// line from HEAD: the oldest commit in the unbroken run of commits that hold it.
    pub fn added(&self, name: &str) -> Result<Option<(ObjectId, CommitInfo)>, ChangesError> {
        let folder = if self.portfolio.is_dir() || self.inside.as_os_str().is_empty() {
            self.inside.clone()
        } else {
            self.inside
                .parent()
                .map(Path::to_path_buf)
                .unwrap_or_default()
        };
        let path = folder.join(name);
        let Ok(mut commit) = self.repo.head_commit() else {
            return Ok(None);
        };
        let mut found = None;
        loop {
            let tree = commit.tree().map_err(git)?;
            if tree.lookup_entry_by_path(&path).map_err(git)?.is_none() {
                break;
            }
            found = Some((commit.id, info(&commit)?));
            let Some(parent) = commit.parent_ids().next() else {
                break;
            };
            commit = parent
                .object()
                .and_then(|o| o.peel_to_commit())
                .map_err(git)?;
        }
        Ok(found)
    }

    /// The bytes of a blob.
    pub fn blob(&self, id: ObjectId) -> Result<Vec<u8>, String> {
        self.repo
            .find_blob(id)
            .map(|mut b| b.take_data())
            .map_err(|e| e.to_string())
    }

    /// The hash git gives these bytes as a blob, to compare a work tree file with a tree's.
    pub fn blob_id(&self, bytes: &[u8]) -> Option<ObjectId> {
        gix::objs::compute_hash(self.repo.object_hash(), gix::objs::Kind::Blob, bytes).ok()
    }
}

/// The entries of a tree's `initiatives/` folder, sorted as a load from disk sorts them.
#[derive(Default)]
struct Listing {
    files: Vec<TreeFile>,
    ignored: Vec<PathBuf>,
    not_files: Vec<PathBuf>,
}

impl Listing {
    fn is_empty(&self) -> bool {
        self.files.is_empty() && self.ignored.is_empty() && self.not_files.is_empty()
    }

    fn read(&mut self, tree: &gix::Tree<'_>, folder: &Path) -> Result<(), ChangesError> {
        for entry in tree.iter() {
            let entry = entry.map_err(git)?;
            let name = entry.filename().to_string();
            let path = folder.join(&name);
            if !is_initiative_name(&name) {
                if !name.starts_with('.') {
                    self.ignored.push(path);
                }
            } else if entry.mode().is_tree() || entry.mode().is_commit() {
                self.not_files.push(path);
            } else {
                self.files.push(TreeFile {
                    path,
                    blob: entry.object_id(),
                });
            }
        }
        self.files.sort_by(|a, b| a.path.cmp(&b.path));
        Ok(())
    }
}

/// The portfolio's path relative to the work tree's root.
fn inside_of(root: &Path, portfolio: &Path) -> Result<PathBuf, ChangesError> {
    let outside = || ChangesError::NotARepository(portfolio.to_path_buf());
    let root = root.canonicalize().map_err(|_| outside())?;
    let full = portfolio.canonicalize().map_err(|_| outside())?;
    full.strip_prefix(&root)
        .map(Path::to_path_buf)
        .map_err(|_| outside())
}

fn info(commit: &gix::Commit<'_>) -> Result<CommitInfo, ChangesError> {
    let time = commit.time().map_err(git)?;
    let local = time.seconds + i64::from(time.offset);
    let summary = commit
        .message_raw()
        .map(|m| m.to_string())
        .unwrap_or_default()
        .lines()
        .next()
        .unwrap_or_default()
        .to_string();
    Ok(CommitInfo {
        id: commit.id.to_string(),
        summary,
        date: Date::from_days(local.div_euclid(86_400)),
    })
}

fn git(e: impl std::fmt::Display) -> ChangesError {
    ChangesError::Git(e.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_date_is_a_date_and_anything_else_a_revision() {
        let date = Date::new(2026, 11, 1).unwrap();
        assert_eq!(Point::parse("2026-11-01"), Point::Before(date));
        assert_eq!(Point::parse("HEAD~3"), Point::Rev("HEAD~3".into()));
        assert_eq!(Point::parse("v2026-11"), Point::Rev("v2026-11".into()));
        // Not in the calendar: left to git, which will not know it either.
        assert_eq!(Point::parse("2026-02-30"), Point::Rev("2026-02-30".into()));
    }

    #[test]
    fn a_short_id_is_seven_characters() {
        let info = CommitInfo {
            id: "0123456789abcdef".into(),
            summary: String::new(),
            date: Date::new(2026, 1, 1).unwrap(),
        };
        assert_eq!(info.short(), "0123456");
    }
}
