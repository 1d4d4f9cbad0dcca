//! Loading the portfolio at each end of the comparison with the same loader as from disk, from a
//! commit's blobs or from the work tree. Files are parsed once per blob: an initiative file whose
//! blob is the same at both ends (under the same `portfolio.yaml`) shares the parsed result.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use gix::ObjectId;

use super::ChangesError;
use super::repo::{Repo, TreeFile, TreePortfolio};
use crate::eval::Model;
use crate::load::memory::{self, assemble, settings_from_bytes};
use crate::load::{Diagnostic, Loaded, MAX_FILE_BYTES, initiative_from_bytes};
use crate::model::{Initiative, Loc, Settings};

type Parsed = (Option<Initiative>, Vec<Diagnostic>);

/// An initiative file waiting to be parsed: its path, blob id (when known) and bytes (when read).
struct Pending {
    path: PathBuf,
    blob: Option<ObjectId>,
    bytes: Option<Result<Vec<u8>, String>>,
}

/// Loads both ends of a comparison, reusing what the first load parsed.
pub struct Loader<'r> {
    repo: &'r Repo,
    /// The `portfolio.yaml` blob the cached files were parsed under (the outer `None`: none yet).
    settings_key: Option<Option<ObjectId>>,
    cache: HashMap<(PathBuf, ObjectId), Parsed>,
    /// How many initiative files were parsed, over both ends.
    pub parsed: usize,
}

impl<'r> Loader<'r> {
    pub fn new(repo: &'r Repo) -> Loader<'r> {
        Loader {
            repo,
            settings_key: None,
            cache: HashMap::new(),
            parsed: 0,
        }
    }

    /// The portfolio in a commit.
    pub fn at_commit(&mut self, commit: ObjectId) -> Result<Loaded, ChangesError> {
        let dir = self.repo.portfolio.clone();
        Ok(match self.repo.portfolio_at(commit)? {
            TreePortfolio::Missing => {
                let (settings, model, _) = settings_from_bytes(&dir, Some(Vec::new()));
                assemble(&dir, settings, model, Vec::new(), Vec::new())
            }
            TreePortfolio::File(file) => single_file(&file.path, read_blob(self.repo, file.blob)),
            TreePortfolio::Folder {
                settings,
                initiatives,
                ignored,
                not_files,
            } => {
                let settings_bytes = settings.as_ref().map(|f| self.blob_checked(f));
                let mut skipped = ignored_warnings(&ignored);
                skipped.extend(
                    not_files.iter().map(|p| {
                        Diagnostic::error(p, Loc::default(), "is a folder, expected a file")
                    }),
                );
                let pending = initiatives
                    .into_iter()
                    .map(|f| Pending {
                        path: f.path,
                        blob: Some(f.blob),
                        bytes: None,
                    })
                    .collect();
                let key = settings.map(|f| f.blob);
                self.folder(&dir, (key, settings_bytes), pending, skipped)
            }
        })
    }

    /// The portfolio as it is on disk, uncommitted edits included.
    pub fn work_tree(&mut self) -> Result<Loaded, ChangesError> {
        let dir = self.repo.portfolio.clone();
        if !dir.is_dir() {
            return Ok(single_file(&dir, memory::disk_read(None, &dir)));
        }
        let settings_path = dir.join("portfolio.yaml");
        let settings_bytes = settings_path
            .symlink_metadata()
            .is_ok()
            .then(|| memory::disk_read(Some(&dir), &settings_path));
        let key = match &settings_bytes {
            Some(Ok(bytes)) => self.repo.blob_id(bytes),
            _ => None,
        };
        let (paths, skipped) = memory::disk_initiative_paths(&dir);
        let pending = paths
            .into_iter()
            .map(|path| {
                let bytes = memory::disk_read_listed(&dir, &path);
                let blob = bytes.as_ref().ok().and_then(|b| self.repo.blob_id(b));
                Pending {
                    path,
                    blob,
                    bytes: Some(bytes),
                }
            })
            .collect();
        let settings_bytes = settings_bytes
            .map(|r| r.map_err(|m| Diagnostic::error(&settings_path, Loc::default(), m)));
        Ok(self.folder(&dir, (key, settings_bytes), pending, skipped))
    }

    /// A blob's bytes as a portfolio file, refused as a load from disk refuses a file.
    fn blob_checked(&self, file: &TreeFile) -> Result<Vec<u8>, Diagnostic> {
        read_blob(self.repo, file.blob)
            .map_err(|m| Diagnostic::error(&file.path, Loc::default(), m))
    }

    fn folder(
        &mut self,
        dir: &Path,
        settings: (Option<ObjectId>, Option<Result<Vec<u8>, Diagnostic>>),
        pending: Vec<Pending>,
        mut diagnostics: Vec<Diagnostic>,
    ) -> Loaded {
        let (key, bytes) = settings;
        let settings_path = dir.join("portfolio.yaml");
        let bytes = match bytes {
            Some(Ok(b)) => Some(b),
            Some(Err(d)) => {
                diagnostics.push(d);
                Some(Vec::new())
            }
            None => None,
        };
        let (settings, model, mut found) = settings_from_bytes(&settings_path, bytes);
        diagnostics.append(&mut found);
        if self.settings_key != Some(key) {
            self.cache.clear();
            self.settings_key = Some(key);
        }
        let (initiatives, mut found) = self.initiatives(pending, &model, &settings);
        diagnostics.append(&mut found);
        assemble(dir, settings, model, initiatives, diagnostics)
    }

    /// Each file from the cache when its blob was parsed before, else read and parsed (on
    /// every core), in the order given.
    fn initiatives(
        &mut self,
        pending: Vec<Pending>,
        model: &Model,
        settings: &Settings,
    ) -> (Vec<Initiative>, Vec<Diagnostic>) {
        let mut results: Vec<Option<Parsed>> = Vec::with_capacity(pending.len());
        let mut misses: Vec<Miss> = Vec::new();
        for (i, p) in pending.into_iter().enumerate() {
            let hit = p.blob.and_then(|b| self.cache.get(&(p.path.clone(), b)));
            if let Some(parsed) = hit {
                results.push(Some(parsed.clone()));
                continue;
            }
            let bytes = match (p.bytes, p.blob) {
                (Some(bytes), _) => bytes,
                (None, Some(blob)) => read_blob(self.repo, blob),
                (None, None) => Err("cannot read".to_string()),
            };
            results.push(None);
            misses.push((i, p.path, p.blob, bytes));
        }
        self.parsed += misses.len();
        for (i, path, blob, parsed) in parse_all(misses, model, settings) {
            if let Some(blob) = blob {
                self.cache.insert((path, blob), parsed.clone());
            }
            results[i] = Some(parsed);
        }
        let mut initiatives = Vec::with_capacity(results.len());
        let mut diagnostics = Vec::new();
        for (ini, mut diags) in results.into_iter().flatten() {
            initiatives.extend(ini);
            diagnostics.append(&mut diags);
        }
        (initiatives, diagnostics)
    }
}

type Miss = (usize, PathBuf, Option<ObjectId>, Result<Vec<u8>, String>);
type Done = (usize, PathBuf, Option<ObjectId>, Parsed);

/// Parses the files on every core; the result does not depend on which thread took which file.
fn parse_all(misses: Vec<Miss>, model: &Model, settings: &Settings) -> Vec<Done> {
    let workers = std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .min(misses.len() / 8 + 1);
    let chunk = misses.len().div_ceil(workers.max(1)).max(1);
    let mut chunks: Vec<Vec<Miss>> = Vec::new();
    let mut rest = misses.into_iter();
    loop {
        let part: Vec<Miss> = rest.by_ref().take(chunk).collect();
        if part.is_empty() {
            break;
        }
        chunks.push(part);
    }
    let parse = |part: Vec<Miss>| -> Vec<Done> {
        part.into_iter()
            .map(|(i, path, blob, bytes)| {
                let parsed = match bytes {
                    Ok(bytes) => initiative_from_bytes(&path, bytes, model, settings),
                    Err(m) => (None, vec![Diagnostic::error(&path, Loc::default(), m)]),
                };
                (i, path, blob, parsed)
            })
            .collect()
    };
    std::thread::scope(|s| {
        let mut chunks = chunks.into_iter();
        let first = chunks.next();
        let handles: Vec<_> = chunks.map(|part| s.spawn(move || parse(part))).collect();
        let mut done = first.map(parse).unwrap_or_default();
        for h in handles {
            done.extend(h.join().unwrap_or_default());
        }
        done
    })
}

/// A blob's bytes, refused above the size limit of a portfolio file.
fn read_blob(repo: &Repo, blob: ObjectId) -> Result<Vec<u8>, String> {
    let bytes = repo.blob(blob).map_err(|e| format!("cannot read: {e}"))?;
    let len = bytes.len() as u64;
    if len > MAX_FILE_BYTES {
        return Err(format!(
            "refused: {len} bytes is over the {} MiB limit for a portfolio file",
            MAX_FILE_BYTES / (1024 * 1024)
        ));
    }
    Ok(bytes)
}

/// A single-file portfolio, or an empty one with the reason its file could not be read.
fn single_file(path: &Path, bytes: Result<Vec<u8>, String>) -> Loaded {
    match bytes {
        Ok(bytes) => memory::file_from_bytes(path, bytes),
        Err(m) => {
            let mut loaded = memory::file_from_bytes(path, Vec::new());
            loaded
                .diagnostics
                .insert(0, Diagnostic::error(path, Loc::default(), m));
            loaded
        }
    }
}

fn ignored_warnings(paths: &[PathBuf]) -> Vec<Diagnostic> {
    paths
        .iter()
        .map(|p| Diagnostic::warning(p, Loc::default(), "ignored: initiative files end in .yaml"))
        .collect()
}
