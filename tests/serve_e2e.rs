//! The real `bered serve` binary and the real OpenSSH client in pseudo-terminals, on 127.0.0.1
//! only. Skipped, saying so, where `ssh` is not installed (Debian/Ubuntu: openssh-client).

mod pty_support;
mod serve_keys;

use std::io::{BufRead, BufReader};
use std::os::unix::fs::PermissionsExt as _;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};

use portable_pty::CommandBuilder;
use russh::keys::ssh_key::LineEnding;

use pty_support::Session;
use serve_keys::{CHATTBOT, key, keys_line};

fn ssh_available() -> bool {
    let found = Command::new("ssh")
        .arg("-V")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_ok();
    if !found {
        println!("SKIPPED: no `ssh` client on this machine (install openssh-client)");
    }
    found
}

/// `bered serve` on a copy of the test portfolio, and the address it printed.
struct Server {
    child: Child,
    port: u16,
    fingerprint: String,
    portfolio: tempfile::TempDir,
    home: tempfile::TempDir,
}

impl Server {
    fn start() -> Server {
        let portfolio = pty_support::fixture_copy();
        let keys = [
            keys_line(1, "editor", "Anna Berg"),
            keys_line(2, "viewer", "Bo Ek"),
        ]
        .concat();
        std::fs::write(portfolio.path().join("bered-keys"), keys).expect("keys");
        let home = tempfile::tempdir().expect("temp dir");
        let mut child = Command::new(env!("CARGO_BIN_EXE_bered"))
            .args(["serve", "--listen", "127.0.0.1:0", "--lang", "en"])
            .args(["--as-of", "2026-11-23", "--theme", "default"])
            .arg(portfolio.path())
            .env("XDG_DATA_HOME", home.path())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("bered serve");
        let stdout = child.stdout.take().expect("stdout");
        let mut lines = BufReader::new(stdout).lines();
        let listening = lines.next().expect("a line").expect("text");
        let fingerprint = lines.next().expect("a line").expect("text");
        let port = listening
            .split("127.0.0.1:")
            .nth(1)
            .and_then(|rest| rest.split(' ').next())
            .and_then(|p| p.parse().ok())
            .unwrap_or_else(|| panic!("no port in {listening:?}"));
        let fingerprint = fingerprint
            .rsplit(' ')
            .next()
            .expect("fingerprint")
            .to_string();
        Server {
            child,
            port,
            fingerprint,
            portfolio,
            home,
        }
    }

    /// The private key of `seed` in a file ssh accepts.
    fn key_file(&self, seed: u8) -> PathBuf {
        let path = self.home.path().join(format!("id_{seed}"));
        let text = key(seed).to_openssh(LineEnding::LF).expect("openssh");
        std::fs::write(&path, text.as_bytes()).expect("key file");
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o600)).expect("0600");
        path
    }

    fn ssh(&self, seed: u8, extra: &[&str]) -> Vec<String> {
        let mut args: Vec<String> = [
            "-F",
            "/dev/null",
            "-o",
            "IdentitiesOnly=yes",
            "-o",
            "StrictHostKeyChecking=no",
            "-o",
            "UserKnownHostsFile=/dev/null",
            "-o",
            "LogLevel=ERROR",
            "-o",
            "BatchMode=yes",
            "-o",
            "SendEnv=LANG",
        ]
        .iter()
        .map(|s| s.to_string())
        .collect();
        args.extend(["-p".into(), self.port.to_string()]);
        args.extend(["-i".into(), self.key_file(seed).display().to_string()]);
        args.extend(extra.iter().map(|s| s.to_string()));
        args.push("director@127.0.0.1".into());
        args
    }

    fn terminal(&self, seed: u8) -> Session {
        let mut command = CommandBuilder::new("ssh");
        command.args(self.ssh(seed, &["-t"]));
        command.env("LANG", "en_GB.UTF-8");
        command.env("TERM", "xterm-256color");
        Session::start_command(command, 100, 30)
    }

    fn file(&self, name: &str) -> String {
        std::fs::read_to_string(self.portfolio.path().join(name)).expect("read")
    }

    fn path(&self) -> &Path {
        self.portfolio.path()
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

#[test]
fn two_ssh_clients_one_decides_the_other_sees_it_and_sigterm_says_goodbye() {
    if !ssh_available() {
        return;
    }
    let server = Server::start();
    assert!(
        server.fingerprint.starts_with("SHA256:"),
        "{}",
        server.fingerprint
    );
    let before = server.file(CHATTBOT);
    let mut editor = server.terminal(1);
    let mut viewer = server.terminal(2);
    for s in [&mut editor, &mut viewer] {
        s.wait_for("Chattbot i kontaktcenter");
        // The pipeline's second row.
        s.send("j\r");
        s.wait_for("Overview");
    }
    viewer.send("5");
    viewer.wait_for("No decisions");
    editor.send("dx");
    editor.wait_for("Record a decision");
    editor.send("Ingen finansiering\r");
    editor.wait_for("saved to initiatives/chattbot-kontaktcenter.yaml");
    viewer.wait_for("Ingen finansiering");
    viewer.send("d");
    viewer.wait_for("You can only read");
    let after = server.file(CHATTBOT);
    // The decision's lines, and the stage a rejection moves the initiative to; nothing else.
    let before = before.replace("stage: idea\n", "stage: rejected\n");
    let added = after.strip_prefix(&before).expect("only added at the end");
    assert_eq!(
        added,
        "decisions:\n  - {date: 2026-12-01, forum: beredningsgruppen, outcome: rejected, note: Ingen finansiering}\n"
            .replace("2026-12-01", &bered::model::Date::today().to_string())
    );
    assert!(server.path().join("bered-audit.jsonl").exists());

    let pid = server.child.id().to_string();
    let killed = Command::new("kill")
        .args(["-TERM", &pid])
        .status()
        .expect("kill");
    assert!(killed.success());
    assert!(viewer.finish(), "ssh exits 0 after the goodbye");
    assert!(String::from_utf8_lossy(&viewer.raw).contains("goodbye"));
    viewer.assert_restored();
}

#[test]
fn ssh_without_a_terminal_or_with_an_unlisted_key() {
    if !ssh_available() {
        return;
    }
    let server = Server::start();
    let no_pty = Command::new("ssh")
        .args(server.ssh(1, &["-T"]))
        .stdin(Stdio::null())
        .output()
        .expect("ssh -T");
    assert_eq!(no_pty.status.code(), Some(1));
    let said = String::from_utf8_lossy(&no_pty.stdout);
    assert!(said.contains("needs a terminal"), "{said}");
    let stranger = Command::new("ssh")
        .args(server.ssh(9, &["-T"]))
        .stdin(Stdio::null())
        .output()
        .expect("ssh");
    assert_eq!(
        stranger.status.code(),
        Some(255),
        "refused at authentication"
    );
}
