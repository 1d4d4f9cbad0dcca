//! End-to-end: the application in a real pseudo-terminal, read back through a vt100 parser.
//!
//! The program under test is the real `bered` binary: everything from argument parsing and the
//! terminal set-up to the restore on exit is the code path a user runs.

use std::io::{Read, Write};
use std::path::Path;
use std::sync::mpsc::{Receiver, channel};
use std::time::{Duration, Instant};

use portable_pty::{Child, CommandBuilder, MasterPty, PtySize, native_pty_system};

const TIMEOUT: Duration = Duration::from_secs(20);

/// The real binary, on the given portfolio, in a fixed language, theme and date.
fn child_command(path: &Path, lang: &str) -> CommandBuilder {
    let mut cmd = CommandBuilder::new(env!("CARGO_BIN_EXE_bered"));
    cmd.arg(path);
    cmd.args([
        "--lang",
        lang,
        "--theme",
        "default",
        "--as-of",
        "2026-11-23",
    ]);
    cmd.env("TERM", "xterm-256color");
    cmd.env_remove("NO_COLOR");
    cmd
}

struct Session {
    parser: vt100::Parser,
    raw: Vec<u8>,
    output: Receiver<Vec<u8>>,
    writer: Box<dyn Write + Send>,
    master: Box<dyn MasterPty + Send>,
    child: Box<dyn Child + Send + Sync>,
}

impl Session {
    fn start(path: &Path, lang: &str, cols: u16, rows: u16) -> Session {
        Session::start_with(path, lang, cols, rows, &[])
    }

    fn start_with(path: &Path, lang: &str, cols: u16, rows: u16, extra: &[&str]) -> Session {
        let mut command = child_command(path, lang);
        command.args(extra);
        let pair = native_pty_system()
            .openpty(PtySize {
                rows,
                cols,
                pixel_width: 0,
                pixel_height: 0,
            })
            .expect("a pty");
        let child = pair.slave.spawn_command(command).expect("spawn");
        drop(pair.slave);
        let mut reader = pair.master.try_clone_reader().expect("reader");
        let writer = pair.master.take_writer().expect("writer");
        let (tx, output) = channel();
        std::thread::spawn(move || {
            let mut buf = [0u8; 8192];
            while let Ok(n) = reader.read(&mut buf) {
                if n == 0 || tx.send(buf[..n].to_vec()).is_err() {
                    break;
                }
            }
        });
        Session {
            parser: vt100::Parser::new(rows, cols, 0),
            raw: Vec::new(),
            output,
            writer,
            master: pair.master,
            child,
        }
    }

    fn pump(&mut self, wait: Duration) {
        if let Ok(bytes) = self.output.recv_timeout(wait) {
            self.parser.process(&bytes);
            self.raw.extend_from_slice(&bytes);
        }
    }

    fn screen(&self) -> String {
        self.parser.screen().contents()
    }

    /// Reads output until the screen shows `text`.
    fn wait_for(&mut self, text: &str) {
        let start = Instant::now();
        while !self.screen().contains(text) {
            assert!(
                start.elapsed() < TIMEOUT,
                "timed out waiting for {text:?}; screen:\n{}",
                self.screen()
            );
            self.pump(Duration::from_millis(50));
        }
    }

    fn send(&mut self, keys: &str) {
        self.writer.write_all(keys.as_bytes()).expect("write keys");
        self.writer.flush().expect("flush");
    }

    fn resize(&mut self, cols: u16, rows: u16) {
        self.master
            .resize(PtySize {
                rows,
                cols,
                pixel_width: 0,
                pixel_height: 0,
            })
            .expect("resize");
        self.parser.screen_mut().set_size(rows, cols);
    }

    /// Waits for the child to exit, draining its output; returns whether it succeeded.
    fn finish(&mut self) -> bool {
        let start = Instant::now();
        loop {
            if let Some(status) = self.child.try_wait().expect("wait") {
                // Take whatever was written before the exit.
                for _ in 0..10 {
                    self.pump(Duration::from_millis(20));
                }
                return status.success();
            }
            assert!(
                start.elapsed() < TIMEOUT,
                "the program did not exit:\n{}",
                self.screen()
            );
            self.pump(Duration::from_millis(50));
        }
    }

    /// The terminal is back in its normal state: main screen, cursor shown, and the last
    /// alternate-screen switch is the one that leaves it.
    fn assert_restored(&self) {
        let screen = self.parser.screen();
        assert!(!screen.alternate_screen(), "still on the alternate screen");
        assert!(!screen.hide_cursor(), "cursor still hidden");
        let raw = String::from_utf8_lossy(&self.raw);
        let enter = raw
            .rfind("\x1b[?1049h")
            .expect("entered the alternate screen");
        let leave = raw.rfind("\x1b[?1049l").expect("left the alternate screen");
        assert!(leave > enter);
    }
}

fn fixture_copy() -> tempfile::TempDir {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/tui/portfolio");
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::create_dir(dir.path().join("initiatives")).expect("mkdir");
    std::fs::copy(
        src.join("portfolio.yaml"),
        dir.path().join("portfolio.yaml"),
    )
    .expect("copy");
    for entry in std::fs::read_dir(src.join("initiatives")).expect("read fixture") {
        let path = entry.expect("entry").path();
        let name = path.file_name().expect("file name");
        std::fs::copy(&path, dir.path().join("initiatives").join(name)).expect("copy");
    }
    dir
}

#[test]
fn search_open_a_detail_switch_tabs_resize_and_quit_with_the_terminal_restored() {
    let dir = fixture_copy();
    let mut s = Session::start(dir.path(), "sv", 80, 24);
    s.wait_for("Översikt över ekonomin");
    s.wait_for("[Rangordning]");
    s.send("/ovrs");
    s.wait_for("Sök: ovrs");
    s.wait_for("3 av 6 visas");
    s.send("\r\r");
    s.wait_for("[1 Översikt]");
    s.wait_for("Karin Lind");
    s.send("3");
    s.wait_for("[3 Nyttokalkyl]");
    s.wait_for("Summa kostnader");
    s.resize(120, 40);
    // Only a wide header has room for every count.
    s.wait_for("4 rangordnade");
    s.wait_for("Återbetalningsår");
    s.resize(30, 8);
    s.wait_for("Fönstret är för litet");
    s.resize(80, 24);
    s.send("\x1b");
    s.wait_for("Rangordning");
    s.send("q");
    assert!(s.finish(), "exit status");
    s.assert_restored();
}

#[test]
fn sigterm_restores_the_terminal() {
    let dir = fixture_copy();
    let mut s = Session::start(dir.path(), "en", 80, 24);
    s.wait_for("[Ranking]");
    let pid = s.child.process_id().expect("pid");
    let killed = std::process::Command::new("kill")
        .args(["-TERM", &pid.to_string()])
        .status()
        .expect("kill");
    assert!(killed.success());
    assert!(s.finish(), "a clean exit on SIGTERM");
    s.assert_restored();
}

#[test]
fn a_change_on_disk_reloads_by_itself_and_says_what_changed() {
    let dir = fixture_copy();
    let mut s = Session::start(dir.path(), "en", 100, 30);
    s.wait_for("Chattbot i kontaktcenter");
    let file = dir.path().join("initiatives/chattbot-kontaktcenter.yaml");
    let text = std::fs::read_to_string(&file).expect("read");
    std::fs::write(
        &file,
        text.replace("Chattbot i kontaktcenter", "Röstrobot i kontaktcenter"),
    )
    .expect("write");
    s.wait_for("Röstrobot i kontaktcenter");
    s.wait_for("Reloaded from disk: 0 added, 1 changed, 0 removed");
    s.send("q");
    assert!(s.finish());
    s.assert_restored();
}

#[test]
fn without_a_terminal_it_says_so_and_points_to_ssh_t() {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_bered"))
        .args(["--lang", "en"])
        .stdin(std::process::Stdio::null())
        .output()
        .expect("run");
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("ssh -t"), "{err}");
    assert!(err.contains("bered rank"), "{err}");
}

#[test]
fn a_score_edited_at_the_keyboard_changes_exactly_one_line_on_disk() {
    let dir = fixture_copy();
    let file = dir.path().join("initiatives/chattbot-kontaktcenter.yaml");
    let before = std::fs::read_to_string(&file).expect("read");
    let mut s = Session::start(dir.path(), "en", 100, 30);
    s.wait_for("Chattbot i kontaktcenter");
    // Rank 4: three rows down; e, criterion 2 (quality), score 4, Enter without a motivation.
    s.send("jjj");
    s.send("e");
    s.wait_for("Edit a score – Chattbot i kontaktcenter");
    s.send("2");
    s.wait_for("Better quality / user experience");
    s.send("4");
    s.wait_for("Score: 3 → 4");
    s.send("\r");
    s.wait_for("score quality 3 → 4 – saved to initiatives/chattbot-kontaktcenter.yaml");
    // The watcher sees bered's own write and reloads; finding nothing new, it keeps quiet.
    let start = Instant::now();
    while start.elapsed() < Duration::from_millis(2500) {
        s.pump(Duration::from_millis(50));
    }
    assert!(
        s.screen().contains("saved to initiatives/chattbot"),
        "{}",
        s.screen()
    );
    assert!(!s.screen().contains("Reloaded from disk"), "{}", s.screen());
    s.send("q");
    assert!(s.finish(), "exit status");
    s.assert_restored();
    let after = std::fs::read_to_string(&file).expect("read");
    let changed: Vec<(&str, &str)> = before
        .lines()
        .zip(after.lines())
        .filter(|(a, b)| a != b)
        .collect();
    assert_eq!(changed, [("  quality: 3", "  quality: 4")]);
    assert_eq!(before.lines().count(), after.lines().count());
    assert_eq!(before.len(), after.len());
}

#[test]
fn a_meeting_with_attendees_from_the_command_line_writes_its_minutes() {
    let dir = fixture_copy();
    let mut s = Session::start_with(
        dir.path(),
        "sv",
        100,
        30,
        &["--attendees", "Anna Berg, Olle Holm"],
    );
    s.wait_for("Ny skolplattform");
    s.send("M");
    s.wait_for("1 av 2 i beredning");
    s.send("p");
    s.wait_for("Anteckning (frivillig)");
    s.send("\r");
    s.wait_for("2 av 2 i beredning · 1 beslut");
    s.send("q");
    s.wait_for("protokollet sparat i protokoll-");
    s.send("q");
    assert!(s.finish(), "exit status");
    s.assert_restored();
    let minutes: Vec<_> = std::fs::read_dir(dir.path())
        .expect("list")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| {
            p.file_name()
                .is_some_and(|n| n.to_string_lossy().starts_with("protokoll-"))
        })
        .collect();
    assert_eq!(minutes.len(), 1, "{minutes:?}");
    let text = std::fs::read_to_string(&minutes[0]).expect("read");
    assert!(
        text.contains("- **Närvarande:** Anna Berg, Olle Holm"),
        "{text}"
    );
    assert!(text.contains("- **Beslut: Prioriterad**"), "{text}");
    assert!(
        text.contains("## Ej beslutade\n\n- Ny skolplattform"),
        "{text}"
    );
}
