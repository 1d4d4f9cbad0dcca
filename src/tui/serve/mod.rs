//! `bered serve`: one live portfolio over SSH. Each client gets the whole TUI in its own size,
//! language and theme; the data is shared, every write goes through one writer (`hub`), and
//! keys decide who may do what (`keys`).
//!
//! The pieces: `connection` speaks SSH with one client (authentication, pty, env, bytes);
//! `session` runs that client's app; `input` parses its keystrokes; `screen` draws its frames
//! into bytes; `hub` owns the portfolio; `audit` logs each write; `host_key` is the server's
//! own key.

pub mod audit;
mod connection;
mod follow;
pub mod host_key;
pub mod hub;
pub mod input;
pub mod keys;
pub mod screen;
pub mod session;

use std::io::Write as _;
use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::atomic::{AtomicU64, AtomicUsize};
use std::sync::{Arc, RwLock};
use std::time::Duration;

use anyhow::Context as _;
use russh::server::Server as _;
use tokio::net::TcpListener;
use tokio::sync::watch;

use crate::i18n::{Lang, ui};
use crate::model::Date;

use connection::Connection;
use hub::{HubHandle, HubOptions};
use keys::{Keys, Role};

/// What `bered serve` was asked for.
#[derive(Clone, Debug)]
pub struct ServeOptions {
    pub portfolio: Option<PathBuf>,
    pub listen: String,
    /// The keys file; `bered-keys` in the portfolio's folder when `None`.
    pub keys: Option<PathBuf>,
    pub host_key: Option<PathBuf>,
    /// The audit log; `bered-audit.jsonl` beside the portfolio when `None`.
    pub audit: Option<PathBuf>,
    pub max_sessions: usize,
    pub anonymous_viewers: bool,
    /// The language of clients that send none, and of what the server itself prints.
    pub lang: Lang,
    pub theme: Option<String>,
    pub as_of: Date,
    pub today: Date,
    /// How often the portfolio and the keys file are polled for changes.
    pub poll: Duration,
    /// One idle timeout for every role instead of each role's own (`idle_timeout`).
    pub idle: Option<Duration>,
}

/// How long each role may stay idle before the connection closes.
pub fn idle_timeout(role: Role) -> Duration {
    match role {
        Role::Viewer => Duration::from_secs(30 * 60),
        Role::Editor => Duration::from_secs(2 * 60 * 60),
        Role::Chair => Duration::from_secs(4 * 60 * 60),
    }
}

/// What every connection shares.
pub(crate) struct Shared {
    pub keys: RwLock<Keys>,
    pub options: ServeOptions,
    pub hub: HubHandle,
    pub sessions: AtomicUsize,
    pub next_session: AtomicU64,
    pub shutdown: watch::Receiver<bool>,
}

/// A started server.
pub struct Running {
    pub addr: SocketAddr,
    pub fingerprint: String,
    pub keys_path: PathBuf,
    shared: Arc<Shared>,
    config: Arc<russh::server::Config>,
    shutdown: watch::Sender<bool>,
    server: russh::server::RunningServerHandle,
}

impl Running {
    /// How many clients have a session open.
    pub fn sessions(&self) -> usize {
        self.shared
            .sessions
            .load(std::sync::atomic::Ordering::SeqCst)
    }

    /// Serves one client over an already open stream (an in-memory one in the tests) exactly
    /// as over a connection to the listener.
    pub fn serve_stream<S>(&self, stream: S)
    where
        S: tokio::io::AsyncRead + tokio::io::AsyncWrite + Unpin + Send + 'static,
    {
        let config = self.config.clone();
        let connection = Connection::new(self.shared.clone());
        tokio::spawn(async move {
            if let Ok(session) = russh::server::run_stream(config, stream, connection).await {
                let _ = session.await;
            }
        });
    }

    /// Reads the keys file again; on an error the previous keys stay.
    pub fn reload_keys(&self) -> Result<usize, keys::KeysError> {
        reload_keys(&self.shared, &self.keys_path)
    }

    /// Says goodbye to every client, waits briefly for the goodbyes to go out, and stops.
    pub async fn stop(self) {
        let _ = self.shutdown.send(true);
        for _ in 0..40 {
            if self.sessions() == 0 {
                break;
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        self.server
            .shutdown(ui::GOODBYE.get(self.shared.options.lang).into());
        let _ = self.shared.hub.requests.send(hub::Request::Stop).await;
    }
}

fn reload_keys(shared: &Shared, path: &Path) -> Result<usize, keys::KeysError> {
    let options = &shared.options;
    install_keys(
        shared,
        Keys::read(path, options.anonymous_viewers, options.lang),
    )
}

/// Puts read keys in place; on an error the previous keys stay.
fn install_keys(
    shared: &Shared,
    keys: Result<Keys, keys::KeysError>,
) -> Result<usize, keys::KeysError> {
    let keys = keys?;
    let n = keys.entries.len();
    if let Ok(mut current) = shared.keys.write() {
        *current = keys;
    }
    Ok(n)
}

/// The folder the portfolio lives in (the portfolio itself, or a single file's folder).
fn portfolio_folder(portfolio: Option<&Path>) -> Option<PathBuf> {
    let path = portfolio?;
    if path.is_dir() {
        Some(path.to_path_buf())
    } else {
        path.parent().map(Path::to_path_buf)
    }
}

/// Starts the server: keys, host key, the writer, and the listener.
pub async fn start(options: ServeOptions) -> anyhow::Result<Running> {
    let lang = options.lang;
    // A theme that does not load stops the server here, not each client at connect.
    crate::tui::resolve_theme(options.theme.as_deref(), lang)?;
    let paths = Paths::of(&options)?;
    let keys = Keys::read(&paths.keys, options.anonymous_viewers, lang)?;
    let host = host_key::load_or_create(&paths.host_key, paths.portfolio.as_deref())?;
    let fingerprint = host_key::fingerprint(&host);
    let (hub, _thread) = hub::start(HubOptions {
        portfolio: paths.portfolio.clone(),
        as_of: options.as_of,
        audit: paths.audit.clone(),
        poll: options.poll,
    })?;
    let listener = TcpListener::bind(&options.listen)
        .await
        .with_context(|| format!("--listen {}", options.listen))?;
    let addr = listener.local_addr()?;
    let (shutdown_tx, shutdown_rx) = watch::channel(false);
    let shared = Arc::new(Shared {
        keys: RwLock::new(keys),
        options: ServeOptions {
            portfolio: paths.portfolio,
            ..options
        },
        hub,
        sessions: AtomicUsize::new(0),
        next_session: AtomicU64::new(1),
        shutdown: shutdown_rx,
    });
    let config = Arc::new(connection::config(host));
    let server = listen(shared.clone(), config.clone(), listener).await?;
    spawn_keys_watcher(shared.clone(), paths.keys.clone());
    Ok(Running {
        addr,
        fingerprint,
        keys_path: paths.keys,
        shared,
        config,
        shutdown: shutdown_tx,
        server,
    })
}

/// Where everything is: the portfolio, and the keys file, host key and audit log by default.
struct Paths {
    portfolio: Option<PathBuf>,
    keys: PathBuf,
    host_key: PathBuf,
    audit: PathBuf,
}

impl Paths {
    fn of(options: &ServeOptions) -> anyhow::Result<Paths> {
        let portfolio = crate::load::resolve(options.portfolio.as_deref());
        let folder = portfolio_folder(portfolio.as_deref()).unwrap_or_else(|| PathBuf::from("."));
        let host_key = match &options.host_key {
            Some(p) => p.clone(),
            None => host_key::default_path()
                .context("no $XDG_DATA_HOME or $HOME for the host key; use --host-key")?,
        };
        Ok(Paths {
            keys: (options.keys.clone()).unwrap_or_else(|| folder.join("bered-keys")),
            audit: (options.audit.clone()).unwrap_or_else(|| folder.join("bered-audit.jsonl")),
            portfolio,
            host_key,
        })
    }
}

/// Accepts connections on the listener until the server is shut down.
async fn listen(
    shared: Arc<Shared>,
    config: Arc<russh::server::Config>,
    listener: TcpListener,
) -> anyhow::Result<russh::server::RunningServerHandle> {
    let (handle_tx, handle_rx) = tokio::sync::oneshot::channel();
    tokio::spawn(async move {
        let mut server = ServeServer { shared };
        let running = server.run_on_socket(config, &listener);
        let _ = handle_tx.send(running.handle());
        let _ = running.await;
    });
    handle_rx.await.context("starting the SSH server")
}

struct ServeServer {
    shared: Arc<Shared>,
}

impl russh::server::Server for ServeServer {
    type Handler = Connection;
    fn new_client(&mut self, _peer: Option<SocketAddr>) -> Connection {
        Connection::new(self.shared.clone())
    }
}

/// Reads the keys file again when it changes (a `git pull`); a broken file keeps the old keys.
/// The file is small: its whole text is compared, so no change hides in a coarse file time.
fn spawn_keys_watcher(shared: Arc<Shared>, path: PathBuf) {
    // Taken now, not when the task first runs: a change made right after start is not missed.
    let mut settled = Settled::new(std::fs::read(&path).ok());
    tokio::spawn(async move {
        loop {
            tokio::time::sleep(shared.options.poll).await;
            if *shared.shutdown.borrow() {
                return;
            }
            let Some(now) = settled.next(std::fs::read(&path).ok()) else {
                continue;
            };
            let options = &shared.options;
            let keys = match now {
                Some(bytes) => Keys::decode(bytes, &path, options.lang),
                None => Keys::read(&path, options.anonymous_viewers, options.lang),
            };
            report_reload(&shared, install_keys(&shared, keys));
        }
    });
}

/// A file's contents polled again and again: a change is taken once the file reads the same at
/// two polls in a row, so a file caught half-written (emptied, then written) is never taken.
struct Settled {
    taken: Option<Vec<u8>>,
    seen: Option<Vec<u8>>,
}

impl Settled {
    fn new(taken: Option<Vec<u8>>) -> Settled {
        Settled {
            seen: taken.clone(),
            taken,
        }
    }

    /// What this poll read; the contents to take now, if they changed and have settled
    /// (`Some(None)`: the file is gone or cannot be read).
    fn next(&mut self, now: Option<Vec<u8>>) -> Option<Option<&[u8]>> {
        let settled = now != self.taken && now == self.seen;
        self.seen = now;
        if !settled {
            return None;
        }
        self.taken = self.seen.clone();
        Some(self.taken.as_deref())
    }
}

fn report_reload(shared: &Shared, outcome: Result<usize, keys::KeysError>) {
    let lang = shared.options.lang;
    let text = match outcome {
        Ok(_) => ui::KEYS_RELOADED.get(lang).to_string(),
        Err(e) => format!("{} {e}", ui::KEYS_RELOAD_FAILED.get(lang)),
    };
    let _ = writeln!(std::io::stderr(), "bered serve: {text}");
}

/// `bered serve`: runs until SIGTERM or SIGINT; SIGHUP reads the keys file again.
pub fn run(options: ServeOptions) -> anyhow::Result<ExitCode> {
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .context("starting the server's runtime")?;
    runtime.block_on(async move {
        use tokio::signal::unix::{SignalKind, signal};
        let lang = options.lang;
        let mut term = signal(SignalKind::terminate())?;
        let mut int = signal(SignalKind::interrupt())?;
        let mut hup = signal(SignalKind::hangup())?;
        let running = start(options).await?;
        let keys = running.shared.keys.read().map_or(0, |k| k.entries.len());
        let text = ui::serving(&running.addr.to_string(), &running.fingerprint, keys, lang);
        let _ = writeln!(std::io::stdout(), "{text}");
        loop {
            tokio::select! {
                _ = term.recv() => break,
                _ = int.recv() => break,
                _ = hup.recv() => report_reload(&running.shared, running.reload_keys()),
            }
        }
        running.stop().await;
        Ok(ExitCode::SUCCESS)
    })
}

#[cfg(test)]
mod tests {
    use super::Settled;

    fn polls(first: &str, reads: &[Option<&str>]) -> Vec<Option<String>> {
        let mut settled = Settled::new(Some(first.as_bytes().to_vec()));
        reads
            .iter()
            .filter_map(|read| {
                let taken = settled.next(read.map(|t| t.as_bytes().to_vec()))?;
                Some(taken.map(|t| String::from_utf8_lossy(t).into_owned()))
            })
            .collect()
    }

    #[test]
    fn a_change_is_taken_once_it_reads_the_same_twice_and_only_once() {
        let b = Some("B");
        assert_eq!(polls("A", &[b, b, b, b]), [Some("B".to_string())]);
        assert_eq!(
            polls("A", &[Some("A"), Some("A")]),
            Vec::<Option<String>>::new()
        );
    }

    #[test]
    fn a_file_caught_half_written_is_never_taken() {
        let (empty, half, b) = (Some(""), Some("ssh-ed25519 AA"), Some("B"));
        assert_eq!(polls("A", &[empty, b, b]), [Some("B".to_string())]);
        assert_eq!(
            polls("A", &[half, Some("A"), Some("A")]),
            Vec::<Option<String>>::new()
        );
        assert_eq!(
            polls("A", &[empty, half, b, empty, b, b]),
            [Some("B".to_string())]
        );
    }

    #[test]
    fn a_file_gone_at_two_polls_is_taken_as_gone() {
        assert_eq!(polls("A", &[None, None, None]), [None]);
        assert_eq!(polls("A", &[None, Some("A")]), Vec::<Option<String>>::new());
    }
}
