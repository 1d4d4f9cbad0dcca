//! Everything that can wake the UI arrives on one channel: keys and resizes from a thread
//! blocked on `crossterm::event::read`, loads finished off the UI thread, the file watcher
//! (the system's notifications through `notify`; polling modification times once a second only
//! where notify cannot watch), and SIGTERM/SIGHUP. The UI blocks on the channel, so it uses no
//! CPU while nothing happens.

use std::hash::{DefaultHasher, Hash, Hasher};
use std::path::{Path, PathBuf};
use std::sync::mpsc::Sender;
use std::thread;
use std::time::{Duration, SystemTime};

use crate::model::Date;

use crate::report::dataset::{self, Dataset, LoadOutcome, Phase};

pub enum Event {
    Input(crossterm::event::Event),
    Progress(Phase),
    Loaded(Box<LoadOutcome>),
    /// Files of the portfolio changed: these paths, or (empty) unknown which.
    FilesChanged(Vec<PathBuf>),
    /// SIGTERM, SIGHUP or SIGINT: leave cleanly.
    Terminate,
    /// The input thread stopped (the terminal went away).
    InputClosed,
}

pub fn spawn_input(tx: Sender<Event>) {
    thread::spawn(move || {
        loop {
            match crossterm::event::read() {
                Ok(event) => {
                    if tx.send(Event::Input(event)).is_err() {
                        return;
                    }
                }
                Err(_) => {
                    let _ = tx.send(Event::InputClosed);
                    return;
                }
            }
        }
    });
}

pub fn spawn_signals(tx: Sender<Event>) -> std::io::Result<()> {
    use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};
    let mut signals = signal_hook::iterator::Signals::new([SIGTERM, SIGHUP, SIGINT])?;
    thread::spawn(move || {
        if signals.forever().next().is_some() {
            let _ = tx.send(Event::Terminate);
        }
    });
    Ok(())
}

pub fn spawn_load(tx: Sender<Event>, path: Option<PathBuf>, as_of: Date) {
    thread::spawn(move || {
        let progress_tx = tx.clone();
        let progress = move |phase| {
            let _ = progress_tx.send(Event::Progress(phase));
        };
        let outcome = dataset::load(path.as_deref(), as_of, &progress);
        let _ = tx.send(Event::Loaded(Box::new(outcome)));
    });
}

/// Above this many files only the folders' times are polled (a git pull that adds, removes or
/// replaces files changes them); below it every file is.
const STAT_EVERY_FILE_BELOW: usize = 5_000;

/// What keeps the watch alive: dropping it stops the notifications (polling needs nothing).
pub struct Watch {
    _notify: Option<notify::RecommendedWatcher>,
}

/// Watches the portfolio: with the system's notifications where it can, else by polling.
pub fn spawn_watcher(tx: Sender<Event>, path: PathBuf) -> Watch {
    match notify_watcher(tx.clone(), &path) {
        Ok(watcher) => Watch {
            _notify: Some(watcher),
        },
        Err(_) => {
            spawn_polling(tx, path);
            Watch { _notify: None }
        }
    }
}

fn notify_watcher(tx: Sender<Event>, path: &Path) -> notify::Result<notify::RecommendedWatcher> {
    use notify::Watcher as _;
    let mut watcher = notify::recommended_watcher(move |event: notify::Result<notify::Event>| {
        let paths = match event {
            Ok(e) if e.kind.is_access() => return,
            // Unknown which files: the whole portfolio is read again.
            Ok(e) if e.need_rescan() || e.paths.is_empty() => Vec::new(),
            Ok(e) => {
                let kept: Vec<PathBuf> = e.paths.into_iter().filter(|p| !is_temporary(p)).collect();
                if kept.is_empty() {
                    return;
                }
                kept
            }
            Err(_) => Vec::new(),
        };
        let _ = tx.send(Event::FilesChanged(paths));
    })?;
    let mode = notify::RecursiveMode::NonRecursive;
    if path.is_dir() {
        watcher.watch(path, mode)?;
        let initiatives = path.join("initiatives");
        if initiatives.is_dir() {
            watcher.watch(&initiatives, mode)?;
        }
    } else {
        watcher.watch(path, mode)?;
    }
    Ok(watcher)
}

/// bered's own atomic writes go through a temporary file beside the target.
fn is_temporary(path: &Path) -> bool {
    path.file_name()
        .and_then(|n| n.to_str())
        .is_some_and(|n| n.starts_with(".bered-") && n.ends_with(".tmp"))
}

fn spawn_polling(tx: Sender<Event>, path: PathBuf) {
    thread::spawn(move || {
        let mut last = fingerprint(&path);
        loop {
            thread::sleep(Duration::from_secs(1));
            let now = fingerprint(&path);
            if now != last {
                last = now;
                if tx.send(Event::FilesChanged(Vec::new())).is_err() {
                    return;
                }
            }
        }
    });
}

/// Whether every changed path is a file of the portfolio whose bytes are those bered loaded or
/// last wrote itself: then there is nothing to reload. An unknown change is never bered's own.
pub fn only_own_writes(data: Option<&Dataset>, paths: &[PathBuf]) -> bool {
    let Some(data) = data else { return false };
    !paths.is_empty()
        && paths.iter().all(|path| {
            let known = data.digests.get(path).copied().or_else(|| {
                // Only files of the same name can be the same file under another path.
                data.digests
                    .iter()
                    .filter(|(p, _)| p.file_name() == path.file_name())
                    .find(|(p, _)| same_file(p, path))
                    .map(|(_, d)| *d)
            });
            match (known, std::fs::read(path)) {
                (Some(digest), Ok(bytes)) => crate::edit::digest(&bytes) == digest,
                _ => false,
            }
        })
}

/// The same file, whether the paths are relative or absolute.
fn same_file(a: &Path, b: &Path) -> bool {
    a == b
        || match (a.canonicalize(), b.canonicalize()) {
            (Ok(a), Ok(b)) => a == b,
            _ => false,
        }
}

/// A hash of the portfolio's files' names, sizes and modification times.
fn fingerprint(path: &Path) -> u64 {
    let mut h = DefaultHasher::new();
    stat(path, &mut h);
    if path.is_dir() {
        stat(&path.join("portfolio.yaml"), &mut h);
        let folder = path.join("initiatives");
        stat(&folder, &mut h);
        if let Ok(entries) = std::fs::read_dir(&folder) {
            let mut files: Vec<PathBuf> =
                entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
            files.len().hash(&mut h);
            if files.len() < STAT_EVERY_FILE_BELOW {
                files.sort();
                for f in &files {
                    f.hash(&mut h);
                    stat(f, &mut h);
                }
            }
        }
    }
    h.finish()
}

fn stat(path: &Path, h: &mut DefaultHasher) {
    if let Ok(meta) = std::fs::metadata(path) {
        meta.len().hash(h);
        let modified = meta
            .modified()
            .ok()
            .and_then(|t| t.duration_since(SystemTime::UNIX_EPOCH).ok());
        modified.hash(h);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fixture() -> Dataset {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/tui/portfolio");
        let as_of = Date::new(2026, 11, 23).expect("a date");
        dataset::load(Some(&dir), as_of, &|_| {})
            .dataset
            .expect("the fixture loads")
    }

    #[test]
    fn bered_s_own_write_is_not_a_change_but_anything_else_is() {
        let mut data = fixture();
        let (path, _) = data.digests.iter().next().expect("a file");
        let path = path.clone();
        assert!(only_own_writes(Some(&data), std::slice::from_ref(&path)));
        let absolute = path.canonicalize().expect("exists");
        assert!(only_own_writes(Some(&data), &[absolute]));
        // Unknown which files changed, or bytes bered did not write: reload.
        assert!(!only_own_writes(Some(&data), &[]));
        assert!(!only_own_writes(None, std::slice::from_ref(&path)));
        data.digests.insert(path.clone(), 0);
        assert!(!only_own_writes(Some(&data), &[path]));
        assert!(is_temporary(Path::new("initiatives/.bered-Xy12.tmp")));
        assert!(!is_temporary(Path::new("initiatives/e-arkiv.yaml")));
    }
}
