//! The writer: one thread that owns the live portfolio. Every edit from every client comes here
//! in order, is checked (the client's role; the revision of the data it saw), written with the
//! same atomic write-back as the local `bered`, logged, and published as a new snapshot that
//! every client's screen redraws from. Edits made on disk (a `git pull`) are found by polling
//! the files' times and published the same way.

use std::collections::{BTreeSet, HashMap};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Duration;

use tokio::sync::{mpsc, oneshot, watch};

use crate::edit::Applied;
use crate::i18n::{Lang, ui};
use crate::load::{Diagnostic, Origin};
use crate::model::Date;
use crate::report::dataset::{self as data, Dataset};
use crate::tui::app::{Command, Done, Meeting, PendingEdit, Request as Asked, WriteError, Written};
use crate::tui::writer::{Back, write_minutes, write_step};

use super::audit::{Audit, Change};
use super::keys::Identity;

/// One shared, immutable state of the portfolio.
pub struct Snapshot {
    /// Bumped on every change the hub publishes.
    pub revision: u64,
    /// Shared by every client: publishing a snapshot copies nothing.
    pub data: Option<Arc<Dataset>>,
    pub diagnostics: Vec<Diagnostic>,
    /// Who made this snapshot by writing through the server, and to which initiatives.
    pub change: Option<Changed>,
}

/// A write through the server, as the other clients hear of it.
#[derive(Clone, Debug)]
pub struct Changed {
    pub session: u64,
    pub name: String,
    pub ids: Vec<String>,
}

/// The shared meeting, as the chair runs it.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SharedMeeting {
    pub chair: String,
    pub chair_session: u64,
    pub meeting: Option<Meeting>,
    /// The names of everyone connected while it ran.
    pub attendees: BTreeSet<String>,
}

/// A client as the hub knows it.
#[derive(Clone, Debug)]
pub struct Caller {
    pub session: u64,
    pub who: Identity,
}

pub enum Request {
    /// Write, undo, redo or the minutes; `seen` is the revision the client's data comes from;
    /// `step` the client's history step an undo or redo writes back.
    Write {
        caller: Caller,
        seen: u64,
        command: Command,
        step: Option<Applied>,
        lang: Lang,
        reply: oneshot::Sender<Reply>,
    },
    Reload,
    Joined(Caller),
    Left(u64),
    /// The chair's meeting as it now stands (`None`: ended).
    Meeting(Caller, Option<Meeting>),
    Stop,
}

/// The hub's answer to one write.
#[derive(Debug)]
pub enum Reply {
    Written(Box<Written>),
    /// Refused before anything was tried, with the reason in the client's language.
    Refused(String),
    Minutes(Result<PathBuf, String>),
}

/// What sessions hold to talk to the hub.
#[derive(Clone)]
pub struct HubHandle {
    pub requests: mpsc::Sender<Request>,
    pub snapshot: watch::Receiver<Arc<Snapshot>>,
    pub meeting: watch::Receiver<SharedMeeting>,
}

pub struct HubOptions {
    pub portfolio: Option<PathBuf>,
    pub as_of: Date,
    pub audit: PathBuf,
    /// How often the files are polled for changes made on disk.
    pub poll: Duration,
}

struct Hub {
    options: HubOptions,
    revision: u64,
    data: Option<Arc<Dataset>>,
    diagnostics: Vec<Diagnostic>,
    /// Per initiative: the revision that last changed it, the session and the name (`None`:
    /// changed on disk).
    changed: HashMap<String, (u64, u64, Option<String>)>,
    /// Each file as the hub last wrote it: what an undo starts from, for the audit log.
    texts: HashMap<PathBuf, String>,
    connected: HashMap<u64, Identity>,
    snapshot: watch::Sender<Arc<Snapshot>>,
    meeting: watch::Sender<SharedMeeting>,
    audit: Audit,
}

/// Loads the portfolio and starts the writer thread and the disk watcher.
pub fn start(options: HubOptions) -> anyhow::Result<(HubHandle, std::thread::JoinHandle<()>)> {
    let loaded = data::load(options.portfolio.as_deref(), options.as_of, &|_| {});
    if loaded.dataset.is_none() {
        let why: Vec<String> = loaded.diagnostics.iter().map(Diagnostic::render).collect();
        anyhow::bail!("{}", why.join("\n"));
    }
    let first = Snapshot {
        revision: 1,
        data: loaded.dataset.map(Arc::new),
        diagnostics: loaded.diagnostics,
        change: None,
    };
    let (snapshot_tx, snapshot_rx) = watch::channel(Arc::new(first));
    let (meeting_tx, meeting_rx) = watch::channel(SharedMeeting::default());
    let (tx, rx) = mpsc::channel(256);
    let current = snapshot_tx.borrow().clone();
    let hub = Hub {
        audit: Audit::new(options.audit.clone()),
        revision: 1,
        data: current.data.clone(),
        diagnostics: current.diagnostics.clone(),
        options,
        changed: HashMap::new(),
        texts: HashMap::new(),
        connected: HashMap::new(),
        snapshot: snapshot_tx,
        meeting: meeting_tx,
    };
    if let Some(path) = hub.options.portfolio.clone() {
        spawn_watcher(tx.clone(), path, hub.options.poll);
    }
    let thread = std::thread::Builder::new()
        .name("bered-serve-writer".into())
        .spawn(move || hub.run(rx))?;
    let handle = HubHandle {
        requests: tx,
        snapshot: snapshot_rx,
        meeting: meeting_rx,
    };
    Ok((handle, thread))
}

fn spawn_watcher(tx: mpsc::Sender<Request>, path: PathBuf, poll: Duration) {
    // Taken now, not when the thread first runs: a change right after start is not missed.
    let mut last = crate::tui::events::fingerprint(&path);
    std::thread::spawn(move || {
        loop {
            std::thread::sleep(poll);
            let now = crate::tui::events::fingerprint(&path);
            if now != last {
                last = now;
                if tx.blocking_send(Request::Reload).is_err() {
                    return;
                }
            }
        }
    });
}

impl Hub {
    fn run(mut self, mut rx: mpsc::Receiver<Request>) {
        while let Some(request) = rx.blocking_recv() {
            match request {
                Request::Write {
                    caller,
                    seen,
                    command,
                    step,
                    lang,
                    reply,
                } => {
                    let answer = self.write(&caller, (seen, step.as_ref()), command, lang);
                    let _ = reply.send(answer);
                }
                Request::Reload => self.reload(),
                Request::Joined(caller) => self.join(caller),
                Request::Left(session) => {
                    self.connected.remove(&session);
                    // A chair who leaves ends the shared meeting for everyone.
                    self.meeting.send_if_modified(|m| {
                        let ends = m.meeting.is_some() && m.chair_session == session;
                        if ends {
                            *m = SharedMeeting::default();
                        }
                        ends
                    });
                }
                Request::Meeting(caller, meeting) => self.meeting(caller, meeting),
                Request::Stop => return,
            }
        }
    }

    fn join(&mut self, caller: Caller) {
        let name = (!caller.who.anonymous).then(|| caller.who.name.clone());
        self.connected.insert(caller.session, caller.who);
        self.meeting.send_if_modified(|m| {
            m.meeting.is_some() && name.is_some_and(|n| m.attendees.insert(n))
        });
    }

    fn meeting(&mut self, caller: Caller, meeting: Option<Meeting>) {
        if caller.who.role < super::keys::Role::Chair {
            return;
        }
        let connected: BTreeSet<String> = self
            .connected
            .values()
            .filter(|w| !w.anonymous)
            .map(|w| w.name.clone())
            .collect();
        self.meeting.send_if_modified(|m| {
            let starting = m.meeting.is_none() && meeting.is_some();
            let before = m.clone();
            if starting {
                m.attendees = connected;
            }
            m.chair = caller.who.name.clone();
            m.chair_session = caller.session;
            m.meeting = meeting;
            if m.meeting.is_none() {
                m.attendees.clear();
            }
            *m != before
        });
    }

    fn write(
        &mut self,
        caller: &Caller,
        (seen, step): (u64, Option<&Applied>),
        command: Command,
        lang: Lang,
    ) -> Reply {
        if !caller.who.role.can_edit() {
            return Reply::Refused(ui::VIEWER_REFUSED.get(lang).to_string());
        }
        if let Command::WriteMinutes(minutes) = command {
            if caller.who.role < super::keys::Role::Chair {
                return Reply::Refused(ui::CHAIR_ONLY.get(lang).to_string());
            }
            let folder = self.data.as_ref().and_then(|d| d.folder());
            return Reply::Minutes(match folder {
                Some(dir) => write_minutes(&dir, &minutes).map_err(|e| e.to_string()),
                None => Err(ui::READ_ONLY.get(lang).to_string()),
            });
        }
        let Some(data) = self.data.as_deref() else {
            return Reply::Written(Box::new(Written {
                request: asked(&command),
                result: Err(WriteError::NotFound),
            }));
        };
        if let Command::Write(pending) = &command
            && let Some((revision, session, name)) = self.changed.get(&pending.id)
            && *revision > seen
            && *session != caller.session
        {
            let name = name.as_deref().unwrap_or(ui::ON_DISK.get(lang));
            return Reply::Refused(ui::changed_by(name, lang));
        }
        let before = file_of(data, &command);
        let (request, result) = match command {
            Command::Write(pending) => {
                let result = crate::tui::writer::edit(data, &pending);
                (Asked::Edit(pending), result)
            }
            Command::Undo => (Asked::Undo, write_step(Some(data), step, Back::Undo)),
            Command::Redo => (Asked::Redo, write_step(Some(data), step, Back::Redo)),
            _ => return Reply::Refused(String::new()),
        };
        if let Ok(done) = &result {
            self.written(caller, &request, done, before);
        }
        Reply::Written(Box::new(Written { request, result }))
    }

    /// Takes a write into the shared data, logs it and publishes it.
    fn written(&mut self, caller: &Caller, request: &Asked, done: &Done, before: Option<String>) {
        let path = done.update.path.clone();
        let after = std::fs::read_to_string(&path).unwrap_or_default();
        let before = before.or_else(|| self.texts.get(&path).cloned());
        self.texts.insert(path.clone(), after.clone());
        let ids: Vec<String> = done
            .update
            .initiatives
            .iter()
            .map(|i| i.id.clone())
            .collect();
        let fitted = self
            .data
            .as_mut()
            .is_some_and(|d| Arc::make_mut(d).apply_file(done.update.clone()));
        if !fitted {
            self.full_reload();
        }
        self.revision += 1;
        let initiative = match request {
            Asked::Edit(p) => p.id.clone(),
            _ => ids.join(","),
        };
        for id in &ids {
            let mark = (self.revision, caller.session, Some(caller.who.name.clone()));
            self.changed.insert(id.clone(), mark);
        }
        let changed = Changed {
            session: caller.session,
            name: caller.who.name.clone(),
            ids,
        };
        let shown = self
            .data
            .as_ref()
            .map_or_else(|| path.display().to_string(), |d| d.shown_path(&path));
        let change = Change {
            action: match request {
                Asked::Edit(_) => "edit",
                Asked::Undo => "undo",
                Asked::Redo => "redo",
            },
            initiative: &initiative,
            file: &shown,
            label: &done.label,
            before: before.as_deref().unwrap_or_default(),
            after: &after,
        };
        if let Err(e) = self.audit.record(&caller.who, change) {
            let _ = std::io::Write::write_all(
                &mut std::io::stderr(),
                format!("bered serve: {}: {e}\n", self.audit.path().display()).as_bytes(),
            );
        }
        self.publish(Some(changed));
    }

    fn publish(&mut self, change: Option<Changed>) {
        let snapshot = Snapshot {
            revision: self.revision,
            data: self.data.clone(),
            diagnostics: self.diagnostics.clone(),
            change,
        };
        self.snapshot.send_replace(Arc::new(snapshot));
    }

    fn full_reload(&mut self) {
        let portfolio = self.options.portfolio.clone();
        let outcome = data::load(portfolio.as_deref(), self.options.as_of, &|_| {});
        self.diagnostics = outcome.diagnostics;
        if let Some(new) = outcome.dataset {
            self.data = Some(Arc::new(new));
        }
    }

    /// The files changed on disk: read them all again; publish only when something differs
    /// from what the hub itself wrote, marking what changed as changed "on disk".
    fn reload(&mut self) {
        let old_digests = self.data.as_ref().map(|d| d.digests.clone());
        let old_ids: Option<Vec<(String, PathBuf)>> = self.data.as_ref().map(|d| {
            d.portfolio
                .initiatives
                .iter()
                .map(|i| (i.id.clone(), i.path.clone()))
                .collect()
        });
        self.full_reload();
        let Some(new) = self.data.as_ref() else {
            return;
        };
        let new_ids: Vec<(String, PathBuf)> = new
            .portfolio
            .initiatives
            .iter()
            .map(|i| (i.id.clone(), i.path.clone()))
            .collect();
        if old_digests.as_ref() == Some(&new.digests) && old_ids.as_ref() == Some(&new_ids) {
            return;
        }
        self.revision += 1;
        self.texts.clear();
        for (id, path) in &new_ids {
            let before = old_digests.as_ref().and_then(|d| d.get(path));
            if before != new.digests.get(path) {
                self.changed.insert(id.clone(), (self.revision, 0, None));
            }
        }
        self.publish(None);
    }
}

/// The file a write will change, as it reads now (for the audit log's old lines).
fn file_of(data: &Dataset, command: &Command) -> Option<String> {
    let path: &Path = match command {
        Command::Write(PendingEdit { id, .. }) => &data.initiative(data.index_of(id)?).path,
        _ => return None,
    };
    if data.origin == Origin::Embedded {
        return None;
    }
    std::fs::read_to_string(path).ok()
}

fn asked(command: &Command) -> Asked {
    match command {
        Command::Write(p) => Asked::Edit(p.clone()),
        Command::Redo => Asked::Redo,
        _ => Asked::Undo,
    }
}
