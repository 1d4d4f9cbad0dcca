//! Signals and vanishing terminals: SIGTERM, SIGHUP (an SSH drop), the terminal closing under
//! the program, and a panic all leave the terminal restored or the process gone; an edit that was
//! confirmed before the signal is on disk.

mod pty_support;

use std::time::{Duration, Instant};

use pty_support::{Session, child_command, fixture_copy};

fn signal(s: &Session, name: &str) {
    let pid = s.child.process_id().expect("pid");
    let sent = std::process::Command::new("kill")
        .args([&format!("-{name}"), &pid.to_string()])
        .status()
        .expect("kill");
    assert!(sent.success());
}

#[test]
fn sighup_from_an_ssh_drop_restores_the_terminal_and_exits() {
    let dir = fixture_copy();
    let mut s = Session::start(dir.path(), "en", 80, 24);
    s.wait_for("[Ranking]");
    let sent = Instant::now();
    signal(&s, "HUP");
    assert_eq!(s.finish_code(), 128 + 1, "128 + SIGHUP, as a shell expects");
    eprintln!("exited {:?} after SIGHUP", sent.elapsed());
    s.assert_restored();
}

#[test]
fn sigquit_restores_the_terminal_and_exits_with_128_plus_3() {
    let dir = fixture_copy();
    let mut s = Session::start(dir.path(), "en", 80, 24);
    s.wait_for("[Ranking]");
    signal(&s, "QUIT");
    assert_eq!(s.finish_code(), 128 + 3);
    s.assert_restored();
}

#[test]
fn when_the_terminal_vanishes_the_process_goes_without_spinning() {
    let dir = fixture_copy();
    let mut s = Session::start(dir.path(), "en", 80, 24);
    s.wait_for("[Ranking]");
    let mut child = s.close_terminal();
    let start = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().expect("wait") {
            break status;
        }
        assert!(
            start.elapsed() < pty_support::TIMEOUT,
            "still running after its terminal closed"
        );
        std::thread::sleep(Duration::from_millis(20));
    };
    eprintln!(
        "exited {:?} after the terminal closed ({status:?})",
        start.elapsed()
    );
    // 101 is Rust's exit code for a panic: leaving must not panic, even with nowhere to write.
    assert_ne!(
        status.exit_code(),
        101,
        "the program panicked when its terminal vanished"
    );
}

#[test]
fn a_panic_restores_the_terminal_and_reports_it() {
    let dir = fixture_copy();
    let mut command = child_command(dir.path(), "en");
    command.env("BERED_FAULT_PANIC", "1");
    let mut s = Session::start_command(command, 80, 24);
    assert!(!s.finish(), "a panic is a failure exit");
    s.assert_restored();
    assert!(
        s.screen().contains("a panic on purpose"),
        "the message lands on the normal screen:\n{}",
        s.screen()
    );
}

#[test]
fn an_edit_confirmed_before_sigterm_is_on_disk() {
    let dir = fixture_copy();
    let file = dir.path().join("initiatives/chattbot-kontaktcenter.yaml");
    let before = std::fs::read_to_string(&file).expect("read");
    let mut s = Session::start(dir.path(), "en", 100, 30);
    s.wait_for("Chattbot i kontaktcenter");
    // Chattbot is the pipeline's second row.
    s.send("je2");
    s.wait_for("Better quality / user experience");
    s.send("4\r");
    s.wait_for("saved to initiatives/chattbot-kontaktcenter.yaml");
    signal(&s, "TERM");
    assert_eq!(
        s.finish_code(),
        128 + 15,
        "128 + SIGTERM, as a shell expects"
    );
    s.assert_restored();
    let after = std::fs::read_to_string(&file).expect("read");
    let changed: Vec<_> = before
        .lines()
        .zip(after.lines())
        .filter(|(a, b)| a != b)
        .collect();
    assert_eq!(changed, [("  quality: 3", "  quality: 4")]);
}
