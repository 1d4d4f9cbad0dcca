//! Reading files: from disk or from the embedded sample, refusing what is not a portfolio
//! file (too large, not UTF-8, a folder, an unresolved merge conflict) with a clear message,
//! and parsing the initiatives on every core.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};

use super::cache::{self, Cache, Entry, Old, Pack, PackWriter, Run};
use super::{Diagnostic, Loaded, Origin, finish, initiative, portfolio_settings};
use crate::model::Model;
use crate::model::{Initiative, Loc, Settings};

/// Files larger than this are refused before parsing.
pub const MAX_FILE_BYTES: u64 = 1024 * 1024;

/// Where the files of a portfolio folder come from.
pub trait Source: Sync {
    /// The initiative files under `dir/initiatives`, and a diagnostic for each entry skipped.
    fn initiative_paths(&self, dir: &Path) -> (Vec<PathBuf>, Vec<Diagnostic>);
    /// The bytes of a file, or why it cannot be read.
    fn read(&self, path: &Path) -> Result<Vec<u8>, String>;
    /// The bytes of a file that `initiative_paths` listed.
    fn read_listed(&self, path: &Path) -> Result<Vec<u8>, String> {
        self.read(path)
    }
    fn exists(&self, path: &Path) -> bool;
    /// Whether what is loaded from here may be kept in the parse cache (files on disk).
    fn cacheable(&self) -> bool {
        false
    }
}

/// Files on disk, read only when they are regular files inside `root` (see `read::read_capped`).
pub struct Disk {
    pub root: Option<PathBuf>,
}

impl Disk {
    /// The files of the portfolio folder `root`.
    pub fn inside(root: &Path) -> Disk {
        Disk {
            root: Some(root.to_path_buf()),
        }
    }
}

impl Source for Disk {
    fn initiative_paths(&self, dir: &Path) -> (Vec<PathBuf>, Vec<Diagnostic>) {
        let folder = dir.join("initiatives");
        let mut paths = Vec::new();
        let mut skipped = Vec::new();
        let entries = match std::fs::read_dir(&folder) {
            Ok(e) => e,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return (paths, skipped),
            Err(e) => {
                skipped.push(Diagnostic::error(
                    &folder,
                    Loc::default(),
                    format!("cannot read the folder: {e}"),
                ));
                return (paths, skipped);
            }
        };
        for entry in entries {
            match entry {
                Ok(entry) => {
                    let path = entry.path();
                    let name = path.file_name().unwrap_or_default().to_string_lossy();
                    // The listing says what each entry is (without a look of its own on most
                    // file systems): what is neither a file nor a link is refused here.
                    let kind = entry.file_type().ok();
                    let refused = kind.filter(|t| !t.is_file() && !t.is_symlink());
                    if let (true, Some(t)) = (is_yaml_name(&name), refused) {
                        let refusal = super::read::kind(t);
                        skipped.push(Diagnostic::error(&path, Loc::default(), refusal));
                    } else if is_yaml_name(&name) {
                        paths.push(path);
                    } else if !name.starts_with('.') {
                        skipped.push(Diagnostic::warning(
                            &path,
                            Loc::default(),
                            "ignored: initiative files end in .yaml",
                        ));
                    }
                }
                Err(e) => skipped.push(Diagnostic::error(
                    &folder,
                    Loc::default(),
                    format!("cannot list the folder: {e}"),
                )),
            }
        }
        // All in one folder: the whole paths sort as their names do, without taking each apart.
        paths.sort_unstable_by(|a, b| a.as_os_str().cmp(b.as_os_str()));
        (paths, skipped)
    }

    fn read(&self, path: &Path) -> Result<Vec<u8>, String> {
        super::read::read_capped(self.root.as_deref(), path)
    }

    fn read_listed(&self, path: &Path) -> Result<Vec<u8>, String> {
        super::read::read_listed(self.root.as_deref(), path)
    }

    fn exists(&self, path: &Path) -> bool {
        path.symlink_metadata().is_ok()
    }

    fn cacheable(&self) -> bool {
        true
    }
}

pub fn is_yaml_name(name: &str) -> bool {
    !name.starts_with('.') && (name.ends_with(".yaml") || name.ends_with(".yml"))
}

/// The sample portfolio, compiled in by `src/build.rs`.
pub struct Embedded;

mod embedded {
    include!(concat!(env!("OUT_DIR"), "/embedded.rs"));
}

impl Embedded {
    fn find(path: &Path) -> Option<&'static [u8]> {
        let rel = path
            .strip_prefix("portfolio")
            .ok()?
            .to_string_lossy()
            .replace('\\', "/");
        embedded::FILES
            .iter()
            .find(|(name, _)| *name == rel)
            .map(|(_, bytes)| *bytes)
    }
}

impl Source for Embedded {
    fn initiative_paths(&self, dir: &Path) -> (Vec<PathBuf>, Vec<Diagnostic>) {
        let paths = embedded::FILES
            .iter()
            .filter_map(|(name, _)| name.strip_prefix("initiatives/"))
            .filter(|name| is_yaml_name(name))
            .map(|name| dir.join("initiatives").join(name))
            .collect();
        (paths, Vec::new())
    }
    fn read(&self, path: &Path) -> Result<Vec<u8>, String> {
        Embedded::find(path)
            .map(<[u8]>::to_vec)
            .ok_or_else(|| "not in the embedded sample".into())
    }
    fn exists(&self, path: &Path) -> bool {
        Embedded::find(path).is_some()
    }
}

/// Text of a file, or an error diagnostic that says why it is not a portfolio file.
pub fn decode(path: &Path, bytes: Vec<u8>) -> Result<String, Diagnostic> {
    let text = match String::from_utf8(bytes) {
        Ok(t) => t,
        Err(e) => {
            let valid = &e.as_bytes()[..e.utf8_error().valid_up_to()];
            let line = valid.iter().filter(|&&b| b == b'\n').count() as u32 + 1;
            let line_start = valid.iter().rposition(|&b| b == b'\n').map_or(0, |i| i + 1);
            let col = String::from_utf8_lossy(&valid[line_start..])
                .chars()
                .count() as u32
                + 1;
            let d = Diagnostic::error(
                path,
                Loc { line, col },
                "not UTF-8 text: invalid byte sequence",
            );
            return Err(d.with_hint(Some("save the file as UTF-8".into())));
        }
    };
    let text = text
        .strip_prefix('\u{feff}')
        .map(str::to_string)
        .unwrap_or(text);
    if let Some(line) = conflict_marker(&text) {
        let d = Diagnostic::error(
            path,
            Loc { line, col: 1 },
            "unresolved git merge conflict (`<<<<<<<` marker)",
        );
        let hint = "resolve the conflict: keep the right lines and remove the <<<<<<<, ======= and >>>>>>> markers";
        return Err(d.with_hint(Some(hint.into())).with_source(&text));
    }
    Ok(text)
}

fn conflict_marker(text: &str) -> Option<u32> {
    text.lines()
        .position(|l| {
            l.starts_with("<<<<<<<") || l.starts_with(">>>>>>>") || l.trim_end() == "======="
        })
        .map(|i| i as u32 + 1)
}

/// Reads a file as text, or a diagnostic.
pub fn read_text(source: &dyn Source, path: &Path) -> Result<String, Diagnostic> {
    let bytes = source
        .read(path)
        .map_err(|m| Diagnostic::error(path, Loc::default(), m))?;
    decode(path, bytes)
}

/// One initiative file's bytes, checked and parsed; its id is the file stem.
pub fn initiative_from_bytes(
    path: &Path,
    bytes: Vec<u8>,
    model: &Model,
    settings: &Settings,
) -> (Option<Initiative>, Vec<Diagnostic>) {
    let stem = path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    match decode(path, bytes) {
        Ok(text) if super::is_blank(&text) => {
            let message = "empty file: expected an initiative with at least `title` and `stage`";
            let d = Diagnostic::error(path, Loc { line: 1, col: 1 }, message);
            (None, vec![d.with_source(&text)])
        }
        Ok(text) => initiative(path, &text, 1, Some(&stem), (model, settings)),
        Err(d) => (None, vec![d]),
    }
}

pub fn load_folder(dir: &Path, source: &dyn Source) -> Loaded {
    load_folder_only(dir, source, None)
}

/// `load_folder`, reading only the initiative files whose stem is `only` when given: what an
/// edit of one initiative needs, without parsing the rest of a large portfolio. A whole
/// folder on disk goes through the process's parse cache (`cache::current`) when it is on.
pub fn load_folder_only(dir: &Path, source: &dyn Source, only: Option<&str>) -> Loaded {
    let cache = match only {
        None if source.cacheable() => cache::current(),
        _ => None,
    };
    load_folder_in(dir, source, only, cache.as_ref())
}

/// `load_folder_only` with the parse cache `cache` (none: every file parsed).
pub fn load_folder_in(
    dir: &Path,
    source: &dyn Source,
    only: Option<&str>,
    cache: Option<&Cache>,
) -> Loaded {
    let mut diagnostics = Vec::new();
    let settings_path = dir.join("portfolio.yaml");
    let text = if source.exists(&settings_path) {
        read_text(source, &settings_path).unwrap_or_else(|d| {
            diagnostics.push(d);
            String::new()
        })
    } else {
        diagnostics.push(Diagnostic::warning(
            &settings_path,
            Loc::default(),
            "no portfolio.yaml: using the default settings and Nacka's model",
        ));
        String::new()
    };
    let (_, settings, model) = portfolio_settings(&settings_path, &text, &mut diagnostics);
    // The folder listed while the pack's index is read, on another core.
    let open_pack = || {
        cache.map(|c| {
            let context = cache::context(&text);
            (c, c.open(dir, context))
        })
    };
    let ((mut paths, mut skipped), packed) = std::thread::scope(|s| {
        let packed = s.spawn(open_pack);
        let listed = source.initiative_paths(dir);
        // A panic opening the pack goes on as it would have without the thread.
        (
            listed,
            packed
                .join()
                .unwrap_or_else(|p| std::panic::resume_unwind(p)),
        )
    });
    if let Some(id) = only {
        let is_it = |p: &Path| p.file_stem().is_some_and(|s| s == id);
        paths.retain(|p| is_it(p));
        skipped.retain(|d| d.is_error() && is_it(&d.path));
    }
    diagnostics.append(&mut skipped);
    let writer = packed
        .as_ref()
        .map(|(c, pack)| Mutex::new(c.writer(pack.context(), Some(pack))));
    let job = Job {
        source,
        dir,
        paths: &paths,
        model: &model,
        settings: &settings,
        criteria: cache::Criteria::of(&model),
        pack: packed.as_ref().map(|(_, pack)| pack),
        writer: writer.as_ref(),
    };
    let results = load_initiatives(&job);
    if let (Some((cache, pack)), Some(Ok(writer))) = (&packed, writer.map(Mutex::into_inner)) {
        writer.finish(cache, dir, Some(pack.len()));
    }
    let (initiatives, mut found, digests) = results;
    diagnostics.append(&mut found);
    let mut loaded = finish(
        settings,
        model,
        initiatives,
        diagnostics,
        Origin::Folder(dir.to_path_buf()),
    );
    loaded.digests = digests;
    loaded
}

type Parsed = (Vec<Initiative>, Vec<Diagnostic>, HashMap<PathBuf, u64>);

/// What loading the initiative files needs.
struct Job<'a, 'p> {
    source: &'a dyn Source,
    dir: &'a Path,
    paths: &'a [PathBuf],
    model: &'a Model,
    settings: &'a Settings,
    /// The model's criteria as the pack's entries name them.
    criteria: cache::Criteria,
    /// The pack read, and the next one, written as the files are loaded.
    pack: Option<&'p Pack>,
    writer: Option<&'a Mutex<PackWriter<'p>>>,
}

/// One file loaded: the initiative, the diagnostics, the digest of its bytes and its entry in
/// the next pack (where it is in the pack read, when it was found there).
type One = (
    Option<Initiative>,
    Vec<Diagnostic>,
    Option<u64>,
    Option<Entry>,
);

/// A file read: its bytes and their digest, or why it could not be read.
type FileRead = Result<(Vec<u8>, u64), String>;

fn read_file(job: &Job, path: &Path) -> FileRead {
    let bytes = job.source.read_listed(path)?;
    let digest = super::digest(&bytes);
    Ok((bytes, digest))
}

/// Where each file of a run has an entry in the pack, and the entries' bytes, read at once
/// when they stand together (as they do when the pack was written from the same files).
fn packed_run(job: &Job, run: &[PathBuf], read: &[FileRead]) -> (Vec<Option<Old>>, Option<Run>) {
    let Some(pack) = job.pack else {
        return (vec![None; run.len()], None);
    };
    let olds: Vec<Option<Old>> = run
        .iter()
        .zip(read)
        .map(|(path, read)| {
            read.as_ref().ok()?;
            pack.find(path.strip_prefix(job.dir).unwrap_or(path))
        })
        .collect();
    let found: Vec<Old> = olds.iter().flatten().copied().collect();
    (olds, pack.read_run(&found))
}

/// One file read: taken from the pack when its entry is there and whole (its bytes from the
/// run read with the others, else read on their own), else parsed.
fn load_read(job: &Job, path: &Path, read: FileRead, cached: (Option<Old>, Option<&Run>)) -> One {
    let (bytes, digest) = match read {
        Ok(read) => read,
        Err(m) => {
            return (
                None,
                vec![Diagnostic::error(path, Loc::default(), m)],
                None,
                None,
            );
        }
    };
    let name = path.strip_prefix(job.dir).unwrap_or(path);
    if let (Some(pack), (Some(old), run)) = (job.pack, cached) {
        let alone;
        let raw = match run.and_then(|run| run.of(old)) {
            Some(raw) => Some(raw),
            None => {
                alone = pack.entry(name, digest).map(|(_, raw)| raw);
                alone.as_deref()
            }
        };
        if let Some(raw) = raw
            && pack.holds(raw, name, digest)
            && let Some((ini, diags)) = cache::decode(raw, path, &job.criteria)
        {
            return (Some(ini), diags, Some(digest), Some(Entry::Old(old)));
        }
    }
    let (ini, diags) = initiative_from_bytes(path, bytes, job.model, job.settings);
    let entry = match (job.pack, &ini) {
        (Some(pack), Some(ini)) => {
            let context = (pack.context(), &job.criteria);
            cache::encode(name, digest, context, (ini, &diags)).map(Entry::New)
        }
        _ => None,
    };
    (ini, diags, Some(digest), entry)
}

/// Files a thread takes at a time: their entries in the pack are read in one go.
const RUN: usize = 32;

/// Reads and parses the files on every core; the result does not depend on which thread
/// took which file. Each file read also gives the digest of its bytes, and with a pack, the
/// entries of the next pack in file order.
fn load_initiatives(job: &Job) -> Parsed {
    let paths = job.paths;
    let next = AtomicUsize::new(0);
    // One place for each file, filled in whatever order the threads finish them.
    let results = Mutex::new(Vec::with_capacity(paths.len()));
    if let Ok(mut all) = results.lock() {
        all.resize_with(paths.len(), || None);
    }
    let workers = std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .min(paths.len() / 8 + 1);
    let work = || {
        // Texts that repeat from file to file are kept once (each thread its own set).
        let _sharing = crate::model::Sharing::begin();
        loop {
            let first = next.fetch_add(RUN, Ordering::Relaxed);
            let Some(run) = paths.get(first..paths.len().min(first + RUN)) else {
                break;
            };
            let read: Vec<FileRead> = run.iter().map(|path| read_file(job, path)).collect();
            let (olds, packed) = packed_run(job, run, &read);
            for (k, (path, read)) in run.iter().zip(read).enumerate() {
                let i = first + k;
                let cached = (olds[k], packed.as_ref());
                let (ini, diags, digest, entry) = load_read(job, path, read, cached);
                // The entry goes to the next pack now, not held until every file is loaded.
                if let Some(Ok(mut writer)) = job.writer.map(Mutex::lock) {
                    writer.put(i, entry);
                }
                // Straight into its place in the one list sized for all: no list per thread to
                // grow and copy, nothing to sort afterwards.
                if let Ok(mut all) = results.lock() {
                    all[i] = Some((ini, diags, digest));
                }
            }
        }
    };
    std::thread::scope(|s| {
        for _ in 1..workers {
            s.spawn(work);
        }
        work();
    });
    let mut results = results.into_inner().unwrap_or_default();
    let mut diagnostics = Vec::new();
    let mut digests = HashMap::with_capacity(results.len());
    for (path, one) in paths.iter().zip(&mut results) {
        let Some((_, diags, digest)) = one else {
            continue;
        };
        diagnostics.append(diags);
        if let Some(d) = *digest {
            digests.insert(path.clone(), d);
        }
    }
    // Collected in the list's own room: the initiatives are not copied into a second list.
    let initiatives = results
        .into_iter()
        .filter_map(|one| one.and_then(|(ini, ..)| ini))
        .collect();
    (initiatives, diagnostics, digests)
}
