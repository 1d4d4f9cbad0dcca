//! The real binary in a pseudo-terminal, read back through a vt100 parser.
#![allow(dead_code)]

use std::io::{Read, Write};
use std::path::Path;
use std::sync::mpsc::{Receiver, channel};
use std::time::{Duration, Instant};

#[path = "../fixture_support/mod.rs"]
mod fixture_support;

use portable_pty::{Child, CommandBuilder, MasterPty, PtySize, native_pty_system};

pub const TIMEOUT: Duration = Duration::from_secs(20);

/// The real binary, on the given portfolio, in a fixed language, theme and date.
pub fn child_command(path: &Path, lang: &str) -> CommandBuilder {
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
    // The parse cache in the build folder, never in the home folder.
    cmd.env(
        "XDG_CACHE_HOME",
        concat!(env!("CARGO_TARGET_TMPDIR"), "/xdg-cache"),
    );
    cmd.env_remove("NO_COLOR");
    cmd
}

pub struct Session {
    pub parser: vt100::Parser,
    pub raw: Vec<u8>,
    pub output: Receiver<Vec<u8>>,
    pub writer: Box<dyn Write + Send>,
    pub master: Box<dyn MasterPty + Send>,
    pub child: Box<dyn Child + Send + Sync>,
}

impl Session {
    pub fn start(path: &Path, lang: &str, cols: u16, rows: u16) -> Session {
        Session::start_with(path, lang, cols, rows, &[])
    }

    pub fn start_with(path: &Path, lang: &str, cols: u16, rows: u16, extra: &[&str]) -> Session {
        let mut command = child_command(path, lang);
        command.args(extra);
        Session::start_command(command, cols, rows)
    }

    /// Starts a prepared command (extra arguments or environment) in a pty of this size.
    pub fn start_command(command: CommandBuilder, cols: u16, rows: u16) -> Session {
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

    pub fn pump(&mut self, wait: Duration) {
        if let Ok(bytes) = self.output.recv_timeout(wait) {
            self.parser.process(&bytes);
            self.raw.extend_from_slice(&bytes);
        }
    }

    pub fn screen(&self) -> String {
        self.parser.screen().contents()
    }

    /// Reads output until the screen shows `text`.
    pub fn wait_for(&mut self, text: &str) {
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

    pub fn send(&mut self, keys: &str) {
        self.writer.write_all(keys.as_bytes()).expect("write keys");
        self.writer.flush().expect("flush");
    }

    pub fn resize(&mut self, cols: u16, rows: u16) {
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

    /// Closes the terminal under the program, as a dropped SSH connection does, and hands back
    /// the child to watch.
    pub fn close_terminal(self) -> Box<dyn Child + Send + Sync> {
        let Session {
            writer,
            master,
            child,
            ..
        } = self;
        drop(writer);
        drop(master);
        child
    }

    /// Waits for the child to exit, draining its output; returns whether it succeeded.
    pub fn finish(&mut self) -> bool {
        self.finish_code() == 0
    }

    /// Waits for the child to exit, draining its output; returns its exit status.
    pub fn finish_code(&mut self) -> u32 {
        let start = Instant::now();
        loop {
            if let Some(status) = self.child.try_wait().expect("wait") {
                // Take whatever was written before the exit.
                for _ in 0..10 {
                    self.pump(Duration::from_millis(20));
                }
                return status.exit_code();
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
    pub fn assert_restored(&self) {
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

/// A copy of the TUI fixture portfolio, to edit.
pub fn fixture_copy() -> tempfile::TempDir {
    fixture_support::copy_of("tui/portfolio")
}
