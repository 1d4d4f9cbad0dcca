//! Everything that can wake the UI arrives on one channel: keys and resizes from a thread
//! blocked on `crossterm::event::read`, loads finished off the UI thread, a file watcher that
//! polls modification times once a second, and SIGTERM/SIGHUP. The UI blocks on the channel,
//! so it uses no CPU while nothing happens.

use std::hash::{DefaultHasher, Hash, Hasher};
use std::path::{Path, PathBuf};
use std::sync::mpsc::Sender;
use std::thread;
use std::time::{Duration, SystemTime};

use crate::model::Date;

use crate::report::dataset::{self, LoadOutcome, Phase};

pub enum Event {
    Input(crossterm::event::Event),
    Progress(Phase),
    Loaded(Box<LoadOutcome>),
    FilesChanged,
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

pub fn spawn_watcher(tx: Sender<Event>, path: PathBuf) {
    thread::spawn(move || {
        let mut last = fingerprint(&path);
        loop {
            thread::sleep(Duration::from_secs(1));
            let now = fingerprint(&path);
            if now != last {
                last = now;
                if tx.send(Event::FilesChanged).is_err() {
                    return;
                }
            }
        }
    });
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
