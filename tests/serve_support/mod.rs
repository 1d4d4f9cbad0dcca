//! `bered serve` in the test process, and russh clients talking to it over in-memory streams,
//! each with a vt100 screen. No network: the listener is bound to 127.0.0.1 port 0 but the
//! clients use `Running::serve_stream` with `tokio::io::duplex`.
#![allow(dead_code)]

use std::pin::Pin;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::task::{Context, Poll};
use std::time::Duration;

use russh::ChannelMsg;
use russh::client::{self, Msg};
use russh::keys::{HashAlg, PrivateKey, PrivateKeyWithHashAlg, PublicKey};
use tokio::io::{AsyncRead, AsyncWrite, DuplexStream, ReadBuf};

use bered::i18n::Lang;
use bered::model::Date;
use bered::tui::serve::{Running, ServeOptions, start};

#[path = "../fixture_support/mod.rs"]
mod fixture_support;
#[path = "../serve_keys/mod.rs"]
mod serve_keys;

#[allow(unused_imports)]
pub use serve_keys::{CHATTBOT, key, keys_line};

/// Long enough for a loaded machine; a test that passes never waits this long.
pub const PATIENCE: Duration = Duration::from_secs(15);

/// A served copy of the test portfolio, with the keys file beside it and the host key outside.
pub struct Rig {
    pub portfolio: tempfile::TempDir,
    pub data: tempfile::TempDir,
    pub running: Running,
}

pub fn options(portfolio: &std::path::Path, data: &std::path::Path) -> ServeOptions {
    ServeOptions {
        portfolio: Some(portfolio.to_path_buf()),
        listen: "127.0.0.1:0".into(),
        keys: None,
        host_key: Some(data.join("bered/ssh_host_ed25519_key")),
        audit: None,
        max_sessions: 8,
        anonymous_viewers: false,
        lang: Lang::En,
        theme: Some("default".into()),
        as_of: Date::new(2026, 11, 23).expect("date"),
        today: Date::new(2026, 12, 1).expect("date"),
        poll: Duration::from_millis(200),
        idle: None,
    }
}

impl Rig {
    /// Anna Berg (1) edits, Bo Ek (2) views, Cecilia Lund (3) chairs.
    pub async fn new() -> Rig {
        let portfolio = fixture_support::copy_of("tui/portfolio");
        let keys = [
            keys_line(1, "editor", "Anna Berg"),
            keys_line(2, "viewer", "Bo Ek"),
            keys_line(3, "chair", "Cecilia Lund"),
            keys_line(4, "editor", "David Holm"),
        ]
        .concat();
        std::fs::write(portfolio.path().join("bered-keys"), keys).expect("keys");
        let data = tempfile::tempdir().expect("temp dir");
        let running = start(options(portfolio.path(), data.path()))
            .await
            .expect("started");
        Rig {
            portfolio,
            data,
            running,
        }
    }

    pub fn read(&self, file: &str) -> String {
        std::fs::read_to_string(self.portfolio.path().join(file)).expect("read")
    }

    pub async fn connect(&self, seed: u8) -> Client {
        Client::connect(&self.running, &key(seed), &Setup::default())
            .await
            .expect("connected")
    }
}

/// How a client connects.
pub struct Setup {
    pub size: (u16, u16),
    pub env: Vec<(&'static str, &'static str)>,
    pub pty: bool,
}

impl Default for Setup {
    fn default() -> Setup {
        Setup {
            size: (100, 30),
            env: vec![("LANG", "en_GB.UTF-8")],
            pty: true,
        }
    }
}

/// A stream whose reading can be stopped: a client that no longer reads what the server sends.
pub struct Stallable {
    inner: DuplexStream,
    stalled: Arc<AtomicBool>,
}

impl AsyncRead for Stallable {
    fn poll_read(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &mut ReadBuf<'_>,
    ) -> Poll<std::io::Result<()>> {
        if self.stalled.load(Ordering::SeqCst) {
            // Never woken: the client has stopped reading for good (until un-stalled and
            // polled again by a write).
            return Poll::Pending;
        }
        Pin::new(&mut self.inner).poll_read(cx, buf)
    }
}

impl AsyncWrite for Stallable {
    fn poll_write(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &[u8],
    ) -> Poll<std::io::Result<usize>> {
        Pin::new(&mut self.inner).poll_write(cx, buf)
    }
    fn poll_flush(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<std::io::Result<()>> {
        Pin::new(&mut self.inner).poll_flush(cx)
    }
    fn poll_shutdown(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<std::io::Result<()>> {
        Pin::new(&mut self.inner).poll_shutdown(cx)
    }
}

struct Trusting {
    seen: Arc<Mutex<Option<PublicKey>>>,
}

impl client::Handler for Trusting {
    type Error = russh::Error;

    async fn check_server_key(
        &mut self,
        key: &russh::keys::PublicKeyOrCertificate,
    ) -> Result<bool, Self::Error> {
        if let (Ok(mut seen), russh::keys::PublicKeyOrCertificate::PublicKey { key, .. }) =
            (self.seen.lock(), key)
        {
            *seen = Some(key.clone());
        }
        Ok(true)
    }
}

pub struct Client {
    pub screen: Arc<Mutex<vt100::Parser>>,
    pub raw: Arc<Mutex<Vec<u8>>>,
    pub exit: Arc<Mutex<Option<u32>>>,
    pub closed: Arc<AtomicBool>,
    pub stalled: Arc<AtomicBool>,
    pub host_key: Option<PublicKey>,
    /// Woken whenever bytes arrive: waiting costs nothing and sees a change at once.
    arrived: Arc<tokio::sync::Notify>,
    write: russh::ChannelWriteHalf<Msg>,
    _handle: client::Handle<Trusting>,
}

impl Client {
    /// Connects; `Err` with why when the server refuses.
    pub async fn connect(
        running: &Running,
        key: &PrivateKey,
        setup: &Setup,
    ) -> Result<Client, String> {
        let (ours, theirs) = tokio::io::duplex(8192);
        running.serve_stream(theirs);
        let stalled = Arc::new(AtomicBool::new(false));
        let stream = Stallable {
            inner: ours,
            stalled: stalled.clone(),
        };
        let seen = Arc::new(Mutex::new(None));
        let config = Arc::new(client::Config::default());
        let handler = Trusting { seen: seen.clone() };
        let mut handle = client::connect_stream(config, stream, handler)
            .await
            .map_err(|e| e.to_string())?;
        let key = PrivateKeyWithHashAlg::new(Arc::new(key.clone()), None);
        let auth = handle
            .authenticate_publickey("director", key)
            .await
            .map_err(|e| e.to_string())?;
        if !auth.success() {
            return Err("authentication refused".into());
        }
        let channel = handle
            .channel_open_session()
            .await
            .map_err(|e| e.to_string())?;
        let (w, h) = setup.size;
        if setup.pty {
            channel
                .request_pty(true, "xterm-256color", w.into(), h.into(), 0, 0, &[])
                .await
                .map_err(|e| e.to_string())?;
        }
        for (k, v) in &setup.env {
            channel
                .set_env(true, *k, *v)
                .await
                .map_err(|e| e.to_string())?;
        }
        channel
            .request_shell(true)
            .await
            .map_err(|e| e.to_string())?;
        let (mut read, write) = channel.split();
        let screen = Arc::new(Mutex::new(vt100::Parser::new(h, w, 0)));
        let raw = Arc::new(Mutex::new(Vec::new()));
        let exit = Arc::new(Mutex::new(None));
        let closed = Arc::new(AtomicBool::new(false));
        let arrived = Arc::new(tokio::sync::Notify::new());
        let (s, r, e, c) = (screen.clone(), raw.clone(), exit.clone(), closed.clone());
        let a = arrived.clone();
        tokio::spawn(async move {
            while let Some(msg) = read.wait().await {
                match msg {
                    ChannelMsg::Data { data } => {
                        s.lock().expect("screen").process(&data);
                        r.lock().expect("raw").extend_from_slice(&data);
                        a.notify_waiters();
                    }
                    ChannelMsg::ExitStatus { exit_status } => {
                        *e.lock().expect("exit") = Some(exit_status);
                    }
                    ChannelMsg::Close => break,
                    _ => {}
                }
            }
            c.store(true, Ordering::SeqCst);
            a.notify_waiters();
        });
        let host_key = seen.lock().ok().and_then(|k| k.clone());
        Ok(Client {
            screen,
            raw,
            exit,
            closed,
            stalled,
            host_key,
            arrived,
            write,
            _handle: handle,
        })
    }

    pub async fn send(&self, text: &str) {
        self.write
            .data_bytes(text.as_bytes().to_vec())
            .await
            .expect("sent");
    }

    pub async fn resize(&self, w: u16, h: u16) {
        self.screen
            .lock()
            .expect("screen")
            .screen_mut()
            .set_size(h, w);
        self.write
            .window_change(w.into(), h.into(), 0, 0)
            .await
            .expect("resized");
    }

    pub fn contents(&self) -> String {
        self.screen.lock().expect("screen").screen().contents()
    }

    /// Everything the client was sent, as text (escape sequences and all).
    pub fn raw_text(&self) -> String {
        String::from_utf8_lossy(&self.raw.lock().expect("raw")).into_owned()
    }

    /// Waits until `test` holds, checking whenever bytes arrive; `false` after `PATIENCE`.
    async fn until(&self, test: impl Fn(&Client) -> bool) -> bool {
        let deadline = tokio::time::Instant::now() + PATIENCE;
        loop {
            let arrived = self.arrived.notified();
            if test(self) {
                return true;
            }
            if tokio::time::timeout_at(deadline, arrived).await.is_err() {
                return test(self);
            }
        }
    }

    /// Waits until the screen shows `text`; panics with the screen when it never does.
    pub async fn wait_for(&self, text: &str) {
        if !self.until(|c| c.contents().contains(text)).await {
            panic!("never saw {text:?} on the screen:\n{}", self.contents());
        }
    }

    /// Waits until the screen satisfies `test`; panics with `what` and the screen otherwise.
    pub async fn wait_until(&self, what: &str, test: impl Fn(&str) -> bool) {
        if !self.until(|c| test(&c.contents())).await {
            panic!("never saw {what} on the screen:\n{}", self.contents());
        }
    }

    /// The screen's row `row` (from 0), as text.
    pub fn row(&self, row: u16) -> String {
        let parser = self.screen.lock().expect("screen");
        let (_, cols) = parser.screen().size();
        parser
            .screen()
            .rows(0, cols)
            .nth(row.into())
            .unwrap_or_default()
    }

    /// Waits until the raw output contains `text` (for what is printed after the TUI left).
    pub async fn wait_for_raw(&self, text: &str) {
        if !self.until(|c| c.raw_text().contains(text)).await {
            panic!("never received {text:?}:\n{}", self.raw_text());
        }
    }

    pub async fn wait_closed(&self) {
        let closed = self.until(|c| c.closed.load(Ordering::SeqCst)).await;
        assert!(closed, "the channel never closed");
    }

    pub fn exit_status(&self) -> Option<u32> {
        *self.exit.lock().expect("exit")
    }

    pub fn host_fingerprint(&self) -> Option<String> {
        self.host_key
            .as_ref()
            .map(|k| k.fingerprint(HashAlg::Sha256).to_string())
    }
}
