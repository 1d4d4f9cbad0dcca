//! One connected client: its own `App` (selection, scroll, search, filters, tab, language,
//! theme), fed by the same keymap and `App::update` as the local terminal, drawn by the same
//! views into its own screen. The data comes from the hub's shared snapshot; writes go to the
//! hub; the shared meeting is followed here (`follow.rs`).

use std::sync::Arc;
use std::time::Duration;

use crossterm::event::{Event as TermEvent, KeyEventKind};
use russh::ChannelId;
use russh::server::Handle;
use tokio::sync::{mpsc, oneshot, watch};
use tokio::time::{Instant, sleep, sleep_until, timeout};

use crate::i18n::{Lang, safe, ui};
use crate::model::Date;
use crate::tui::action::Action;
use crate::tui::app::{App, Command, Status};
use crate::tui::keymap;
use crate::tui::theme::Theme;

use super::hub::{Caller, HubHandle, Reply, Request, Snapshot};
use super::input::{Decoder, ESC_TIMEOUT};
use super::keys::Role;
use super::screen::{ENTER, LEAVE, Outbox, Screen};

/// A client whose sends stall this long is disconnected.
pub const SEND_TIMEOUT: Duration = Duration::from_secs(30);

/// What the connection tells its session.
#[derive(Debug)]
pub enum ClientEvent {
    Bytes(Vec<u8>),
    Resize(u16, u16),
    Closed,
}

/// Who the client is and how it wants to see things.
pub struct Client {
    pub caller: Caller,
    pub lang: Lang,
    pub theme: Theme,
    pub size: (u16, u16),
    pub as_of: Date,
    pub today: Date,
    pub idle: Duration,
}

/// Where the client's bytes go.
pub struct Link {
    pub handle: Handle,
    pub channel: ChannelId,
}

enum Flow {
    Go,
    Quit,
}

pub(super) struct Session {
    pub(super) client: Client,
    pub(super) app: App,
    screen: Screen,
    decoder: Decoder,
    pub(super) hub: HubHandle,
    /// The revision of the snapshot the app's data comes from.
    seen: u64,
    /// The revision the client saw when it opened the prompt under way: what its edit is
    /// checked against, whatever arrived while it was typing.
    prompt_seen: Option<u64>,
    /// Whether the screen follows the chair during a shared meeting.
    pub(super) following: bool,
    /// The attendees prompt was filled in with the connected names.
    pub(super) prefilled: bool,
    outbox: Arc<Outbox>,
}

/// Runs the client until it quits, disconnects, idles out or the server shuts down.
pub async fn run(
    client: Client,
    hub: HubHandle,
    mut input: mpsc::Receiver<ClientEvent>,
    link: Link,
    mut shutdown: watch::Receiver<bool>,
) {
    let outbox = Arc::new(Outbox::default());
    let sender = tokio::spawn(send_loop(outbox.clone(), link.handle.clone(), link.channel));
    let mut session = match Session::new(client, hub, outbox.clone()) {
        Ok(session) => session,
        Err(_) => {
            outbox.close();
            return;
        }
    };
    let _ = session
        .hub
        .requests
        .send(Request::Joined(session.client.caller.clone()))
        .await;
    outbox.push(ENTER);
    let farewell = session.serve(&mut input, &mut shutdown).await;
    let _ = session
        .hub
        .requests
        .send(Request::Left(session.client.caller.session))
        .await;
    let mut last = LEAVE.to_vec();
    if let Some(text) = farewell {
        last.extend_from_slice(format!("{text}\r\n").as_bytes());
    }
    outbox.replace(last);
    outbox.close();
    let _ = timeout(Duration::from_secs(2), sender).await;
    let _ = link.handle.exit_status_request(link.channel, 0).await;
    let _ = link.handle.eof(link.channel).await;
    let _ = link.handle.close(link.channel).await;
}

/// Sends queued bytes as the client takes them; a client that takes none for `SEND_TIMEOUT`
/// is disconnected. Only this client's task ever waits here.
async fn send_loop(outbox: Arc<Outbox>, handle: Handle, channel: ChannelId) {
    while let Some(bytes) = outbox.take().await {
        match timeout(SEND_TIMEOUT, handle.data(channel, bytes)).await {
            Ok(Ok(())) => {}
            _ => {
                outbox.close();
                let _ = handle.close(channel).await;
                return;
            }
        }
    }
}

impl Session {
    fn new(client: Client, hub: HubHandle, outbox: Arc<Outbox>) -> anyhow::Result<Session> {
        let mut app = App::new(client.lang, client.as_of);
        app.today = client.today;
        let screen = Screen::new(client.size)?;
        let mut session = Session {
            client,
            app,
            screen,
            decoder: Decoder::new(),
            hub,
            seen: 0,
            prompt_seen: None,
            following: true,
            prefilled: false,
            outbox,
        };
        session.take_snapshot();
        let (w, h) = session.client.size;
        session.app.update(Action::Resize(w, h));
        session.follow();
        Ok(session)
    }

    /// The event loop; returns the line to say goodbye with, if any.
    async fn serve(
        &mut self,
        input: &mut mpsc::Receiver<ClientEvent>,
        shutdown: &mut watch::Receiver<bool>,
    ) -> Option<String> {
        let mut idle_until = Instant::now() + self.client.idle;
        loop {
            if self.render().is_err() {
                return None;
            }
            let waiting = self.decoder.waiting();
            tokio::select! {
                event = input.recv() => {
                    idle_until = Instant::now() + self.client.idle;
                    match event {
                        Some(ClientEvent::Bytes(bytes)) => {
                            for event in self.decoder.feed(&bytes) {
                                if let Flow::Quit = self.step(event).await {
                                    return None;
                                }
                            }
                        }
                        Some(ClientEvent::Resize(w, h)) => self.resize(w, h),
                        Some(ClientEvent::Closed) | None => return None,
                    }
                }
                () = sleep(ESC_TIMEOUT), if waiting => {
                    for event in self.decoder.flush() {
                        if let Flow::Quit = self.step(event).await {
                            return None;
                        }
                    }
                }
                Ok(()) = self.hub.snapshot.changed() => self.take_snapshot(),
                Ok(()) = self.hub.meeting.changed() => self.follow(),
                () = sleep_until(idle_until) => {
                    return Some(ui::IDLE_TIMEOUT.get(self.client.lang).to_string());
                }
                _ = shutdown.changed() => {
                    return Some(ui::GOODBYE.get(self.client.lang).to_string());
                }
            }
        }
    }

    fn resize(&mut self, w: u16, h: u16) {
        self.app.update(Action::Resize(w, h));
        let _ = self.screen.resize((w, h));
    }

    /// Draws the app and queues the bytes; a client that has fallen behind gets a whole frame
    /// in place of everything queued.
    fn render(&mut self) -> anyhow::Result<()> {
        let bytes = self.screen.draw(&mut self.app, &self.client.theme)?;
        if !self.outbox.push(&bytes) {
            self.screen.invalidate()?;
            let whole = self.screen.draw(&mut self.app, &self.client.theme)?;
            self.outbox.replace(whole);
        }
        Ok(())
    }

    /// The newest shared snapshot into the app, keeping this client's selection and view.
    fn take_snapshot(&mut self) {
        let snapshot = self.hub.snapshot.borrow_and_update().clone();
        if snapshot.revision == self.seen {
            return;
        }
        self.seen = snapshot.revision;
        let changes = self.show(&snapshot);
        let lang = self.client.lang;
        let me = self.client.caller.session;
        match (&snapshot.change, changes) {
            // Our own write: the status already says what was saved.
            (Some(change), _) if change.session == me => {}
            // Written by another client: who changed what, not "reloaded from disk".
            (Some(change), _) => {
                let text = ui::changed_by_other(
                    &safe::line(&change.name),
                    &self.titles(&change.ids),
                    lang,
                );
                self.app.status = Status::info(text);
            }
            (None, Some((0, 0, 0)) | None) => {}
            (None, Some((added, changed, removed))) => {
                let text = ui::reloaded(added, changed, removed, lang);
                self.app.status = Status::info(text);
            }
        }
    }

    /// Puts the snapshot's shared data (the same `Arc` every client holds) under this client's
    /// view; returns what changed since the data it had (added, changed, removed).
    fn show(&mut self, snapshot: &Snapshot) -> Option<(usize, usize, usize)> {
        self.app.loading = None;
        self.app.diagnostics = snapshot.diagnostics.clone();
        let new = snapshot.data.clone()?;
        let changes = self.app.data.as_ref().map(|old| new.changes_since(old));
        self.app.replace_data(new);
        changes
    }

    fn titles(&self, ids: &[String]) -> String {
        let Some(data) = self.app.data.as_ref() else {
            return String::new();
        };
        let titles: Vec<String> = ids
            .iter()
            .filter_map(|id| Some(safe::line(data.initiative(data.index_of(id)?).title()).into()))
            .collect();
        titles.join(", ")
    }

    /// One key (or paste, or resize) through the same path as the local terminal.
    async fn step(&mut self, event: TermEvent) -> Flow {
        if let TermEvent::Key(key) = &event
            && key.kind != KeyEventKind::Release
            && let Some(action) = keymap::action_for(&self.app.contexts(), key)
            && self.intercept(action)
        {
            return Flow::Go;
        }
        let meeting_before = self.app.meeting.clone();
        if self.app.prompt.is_none() {
            self.prompt_seen = None;
        }
        let command = crate::tui::handle_input(&mut self.app, event);
        if self.app.prompt.is_some() && self.prompt_seen.is_none() {
            self.prompt_seen = Some(self.seen);
        }
        let flow = self.perform(command).await;
        self.after_step(meeting_before).await;
        flow
    }

    /// What the hub must do, done through the hub.
    async fn perform(&mut self, command: Command) -> Flow {
        match command {
            Command::None => Flow::Go,
            Command::Quit => Flow::Quit,
            Command::Reload => {
                self.reload().await;
                Flow::Go
            }
            Command::LoadChanges(since) => {
                self.load_changes(since).await;
                Flow::Go
            }
            command => {
                self.write(command).await;
                Flow::Go
            }
        }
    }

    /// `C`: the changes since a revision or date, read from git off the session's task.
    async fn load_changes(&mut self, since: String) {
        use crate::load::Origin;
        let path = self.app.data.as_ref().and_then(|d| match &d.origin {
            Origin::Folder(p) | Origin::File(p) => Some(p.clone()),
            Origin::Embedded => None,
        });
        let as_of = self.client.as_of;
        let result = tokio::task::spawn_blocking(move || {
            let point = crate::changes::Point::parse(&since);
            match path {
                Some(path) => crate::changes::since(Some(&path), &point, None, as_of),
                None => Err(crate::changes::ChangesError::NoPortfolio),
            }
        })
        .await
        .unwrap_or(Err(crate::changes::ChangesError::NoPortfolio));
        self.app.apply_changes(result);
    }

    /// `R`: the writer reads the files again (publishing if anything changed); this client
    /// shows the newest snapshot and says what changed.
    async fn reload(&mut self) {
        let _ = self.hub.requests.send(Request::Reload).await;
        let snapshot = self.hub.snapshot.borrow_and_update().clone();
        self.seen = snapshot.revision;
        self.app.reload_asked = false;
        let (added, changed, removed) = self.show(&snapshot).unwrap_or_default();
        let text = ui::reloaded(added, changed, removed, self.client.lang);
        self.app.status = Status::info(text);
    }

    async fn write(&mut self, command: Command) {
        let (reply, answer) = oneshot::channel();
        let step = match command {
            Command::Undo => self.app.session.to_undo().cloned(),
            Command::Redo => self.app.session.to_redo().cloned(),
            _ => None,
        };
        let request = Request::Write {
            caller: self.client.caller.clone(),
            step,
            seen: self.prompt_seen.take().unwrap_or(self.seen),
            command,
            lang: self.client.lang,
            reply,
        };
        if self.hub.requests.send(request).await.is_err() {
            return;
        }
        let Ok(answer) = answer.await else { return };
        match answer {
            Reply::Written(written) => {
                if self.app.apply_written(*written) == Command::Reload {
                    self.reload().await;
                }
            }
            Reply::Refused(text) => self.app.status = Status::error(text),
            Reply::Minutes(result) => self.app.apply_minutes(result),
        }
    }

    /// Keys whose meaning depends on the client's role or the shared meeting. `true`: handled.
    fn intercept(&mut self, action: Action) -> bool {
        let lang = self.client.lang;
        let edits = matches!(
            action,
            Action::EditScore
                | Action::RecordDecision
                | Action::ChangeStage
                | Action::AddFollowUp
                | Action::Decide(_)
                | Action::Undo
                | Action::Redo
        );
        if edits && self.client.caller.who.role == Role::Viewer {
            self.app.status = Status::error(ui::VIEWER_REFUSED.get(lang));
            return true;
        }
        self.intercept_meeting(action)
    }
}
