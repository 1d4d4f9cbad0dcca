//! One SSH connection: public-key authentication against the keys file (nothing else is
//! offered), one session channel with a pty, the client's `LANG`/`LC_*`/`NO_COLOR` from env
//! requests, then a shell — the TUI. Without a pty (`ssh -T`, or a command) the client gets a
//! clear message and exit status 1.

use std::collections::HashMap;
use std::sync::Arc;
use std::sync::atomic::Ordering;
use std::time::Duration;

use russh::keys::PrivateKey;
use russh::server::{Auth, ChannelOpenHandle, Msg, PublicKeyOffer, Session, VerifiedPublicKey};
use russh::{Channel, ChannelId, MethodKind, MethodSet, Pty};
use tokio::sync::mpsc;

use crate::i18n::{Lang, ui};

use super::Shared;
use super::hub::Caller;
use super::keys::Identity;
use super::screen::clamp_size;
use super::session::{self, Client, ClientEvent, Link};

/// The env requests taken from a client; everything else is ignored.
const ENV_TAKEN: [&str; 6] = [
    "LANG",
    "LC_ALL",
    "LC_MESSAGES",
    "NO_COLOR",
    "COLORTERM",
    "TERM",
];

pub fn config(host: PrivateKey) -> russh::server::Config {
    russh::server::Config {
        methods: MethodSet::from(&[MethodKind::PublicKey][..]),
        auth_rejection_time: Duration::from_millis(500),
        auth_rejection_time_initial: Some(Duration::ZERO),
        keys: vec![host],
        keepalive_interval: Some(Duration::from_secs(30)),
        keepalive_max: 3,
        inactivity_timeout: Some(super::idle_timeout(super::keys::Role::Chair)),
        nodelay: true,
        ..Default::default()
    }
}

pub struct Connection {
    shared: Arc<Shared>,
    who: Option<Identity>,
    channel: Option<ChannelId>,
    pty: Option<(String, u16, u16)>,
    env: HashMap<String, String>,
    input: Option<mpsc::Sender<ClientEvent>>,
}

impl Connection {
    pub fn new(shared: Arc<Shared>) -> Connection {
        Connection {
            shared,
            who: None,
            channel: None,
            pty: None,
            env: HashMap::new(),
            input: None,
        }
    }

    fn identify(&self, key: &russh::keys::PublicKey) -> Option<Identity> {
        let options = &self.shared.options;
        let keys = self.shared.keys.read().ok()?;
        keys.identify(key, options.anonymous_viewers, options.lang)
    }

    /// The client's language: `LC_ALL`, `LC_MESSAGES`, `LANG` as sent, else the server's.
    fn lang(&self) -> Lang {
        ["LC_ALL", "LC_MESSAGES", "LANG"]
            .iter()
            .filter_map(|k| self.env.get(*k))
            .find(|v| !v.is_empty())
            .and_then(|v| Lang::parse(v))
            .unwrap_or(self.shared.options.lang)
    }

    /// The server's theme (checked at start), without colour for this client when its `TERM`
    /// or `NO_COLOR` asks — never because of the server's own environment.
    fn theme(&self) -> anyhow::Result<crate::tui::theme::Theme> {
        let name = self.shared.options.theme.as_deref().unwrap_or("default");
        let theme = crate::tui::theme::Theme::load(name)
            .map_err(|e| anyhow::anyhow!("--theme {name}: {}", e.message))?;
        let term = self.pty.as_ref().map_or("", |(t, _, _)| t.as_str());
        let no_colour = self.env.get("NO_COLOR").is_some_and(|v| !v.is_empty());
        Ok(if no_colour || term == "dumb" {
            theme.without_colour()
        } else {
            theme
        })
    }

    /// Says why not, with exit status 1, and closes the channel.
    fn refuse(&self, channel: ChannelId, text: &str, session: &mut Session) {
        let _ = session.data(channel, format!("{text}\r\n").into_bytes());
        let _ = session.exit_status_request(channel, 1);
        let _ = session.eof(channel);
        let _ = session.close(channel);
    }

    fn start_session(&mut self, channel: ChannelId, session: &mut Session) -> anyhow::Result<()> {
        let lang = self.lang();
        let Some(who) = self.who.clone() else {
            return Ok(());
        };
        let Some((_, w, h)) = self.pty.clone() else {
            self.refuse(channel, ui::NO_PTY.get(lang), session);
            return Ok(());
        };
        let shared = &self.shared;
        let count = shared.sessions.fetch_add(1, Ordering::SeqCst);
        if count >= shared.options.max_sessions {
            shared.sessions.fetch_sub(1, Ordering::SeqCst);
            self.refuse(channel, ui::TOO_MANY_SESSIONS.get(lang), session);
            return Ok(());
        }
        let client = Client {
            caller: Caller {
                session: shared.next_session.fetch_add(1, Ordering::SeqCst),
                who: who.clone(),
            },
            lang,
            theme: self.theme()?,
            size: (w, h),
            as_of: shared.options.as_of,
            today: shared.options.today,
            idle: (shared.options.idle).unwrap_or_else(|| super::idle_timeout(who.role)),
        };
        let (tx, rx) = mpsc::channel(64);
        self.input = Some(tx);
        let link = Link {
            handle: session.handle(),
            channel,
        };
        let hub = shared.hub.clone();
        let shutdown = shared.shutdown.clone();
        let shared = shared.clone();
        tokio::spawn(async move {
            session::run(client, hub, rx, link, shutdown).await;
            shared.sessions.fetch_sub(1, Ordering::SeqCst);
        });
        Ok(())
    }

    async fn send(&self, event: ClientEvent) {
        if let Some(input) = &self.input {
            let _ = input.send(event).await;
        }
    }
}

impl russh::server::Handler for Connection {
    type Error = anyhow::Error;

    async fn auth_publickey_offered(
        &mut self,
        _user: &str,
        offer: PublicKeyOffer<'_>,
    ) -> Result<Auth, Self::Error> {
        Ok(match self.identify(offer.public_key) {
            Some(_) => Auth::Accept,
            None => Auth::reject(),
        })
    }

    async fn auth_publickey(
        &mut self,
        _user: &str,
        key: VerifiedPublicKey<'_>,
    ) -> Result<Auth, Self::Error> {
        self.who = self.identify(key.public_key);
        Ok(match self.who {
            Some(_) => Auth::Accept,
            None => Auth::reject(),
        })
    }

    async fn channel_open_session(
        &mut self,
        channel: Channel<Msg>,
        reply: ChannelOpenHandle,
        _session: &mut Session,
    ) -> Result<(), Self::Error> {
        // One TUI per connection.
        if self.channel.is_some() || self.who.is_none() {
            drop(reply);
            return Ok(());
        }
        self.channel = Some(channel.id());
        reply.accept().await;
        Ok(())
    }

    async fn pty_request(
        &mut self,
        channel: ChannelId,
        term: &str,
        col_width: u32,
        row_height: u32,
        _pix_width: u32,
        _pix_height: u32,
        _modes: &[(Pty, u32)],
        session: &mut Session,
    ) -> Result<(), Self::Error> {
        let (w, h) = clamp_size(col_width, row_height);
        let term: String = term.chars().take(64).collect();
        self.pty = Some((term, w, h));
        session.channel_success(channel)?;
        Ok(())
    }

    async fn env_request(
        &mut self,
        channel: ChannelId,
        name: &str,
        value: &str,
        session: &mut Session,
    ) -> Result<(), Self::Error> {
        if ENV_TAKEN.contains(&name) && value.len() <= 256 {
            self.env.insert(name.to_string(), value.to_string());
            session.channel_success(channel)?;
        } else {
            session.channel_failure(channel)?;
        }
        Ok(())
    }

    async fn shell_request(
        &mut self,
        channel: ChannelId,
        session: &mut Session,
    ) -> Result<(), Self::Error> {
        session.channel_success(channel)?;
        self.start_session(channel, session)
    }

    async fn exec_request(
        &mut self,
        channel: ChannelId,
        _data: &[u8],
        session: &mut Session,
    ) -> Result<(), Self::Error> {
        session.channel_success(channel)?;
        self.refuse(channel, ui::NO_PTY.get(self.lang()), session);
        Ok(())
    }

    async fn subsystem_request(
        &mut self,
        channel: ChannelId,
        _name: &str,
        session: &mut Session,
    ) -> Result<(), Self::Error> {
        session.channel_failure(channel)?;
        Ok(())
    }

    async fn data(
        &mut self,
        _channel: ChannelId,
        data: &[u8],
        _session: &mut Session,
    ) -> Result<(), Self::Error> {
        self.send(ClientEvent::Bytes(data.to_vec())).await;
        Ok(())
    }

    async fn window_change_request(
        &mut self,
        _channel: ChannelId,
        col_width: u32,
        row_height: u32,
        _pix_width: u32,
        _pix_height: u32,
        _session: &mut Session,
    ) -> Result<(), Self::Error> {
        let (w, h) = clamp_size(col_width, row_height);
        self.send(ClientEvent::Resize(w, h)).await;
        Ok(())
    }

    async fn channel_eof(
        &mut self,
        _channel: ChannelId,
        _session: &mut Session,
    ) -> Result<(), Self::Error> {
        self.send(ClientEvent::Closed).await;
        Ok(())
    }

    async fn channel_close(
        &mut self,
        _channel: ChannelId,
        _session: &mut Session,
    ) -> Result<(), Self::Error> {
        self.send(ClientEvent::Closed).await;
        Ok(())
    }
}

impl Drop for Connection {
    fn drop(&mut self) {
        // The connection is gone: its session ends when it sees its input close.
        self.input = None;
    }
}
