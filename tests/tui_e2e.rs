//! End-to-end: the application in a real pseudo-terminal, read back through a vt100 parser.
//!
//! The program under test is the real `bered` binary: everything from argument parsing and the
//! terminal set-up to the restore on exit is the code path a user runs.

mod pty_support;

use std::time::{Duration, Instant};

use pty_support::{Session, fixture_copy};

#[test]
fn search_open_a_detail_switch_tabs_resize_and_quit_with_the_terminal_restored() {
    let dir = fixture_copy();
    let mut s = Session::start(dir.path(), "sv", 80, 24);
    s.wait_for("Översikt över ekonomin");
    s.wait_for("[Rangordning]");
    s.send("/ovrs");
    s.wait_for("Sök: ovrs");
    s.wait_for("Inga initiativ att visa");
    // Letters scattered over a title no longer match; the word does, without its accent.
    s.send("\x7f\x7f\x7f\x7foversikt");
    s.wait_for("Sök: oversikt");
    s.wait_for("1 av 6 visas");
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
    assert_eq!(
        s.finish_code(),
        128 + 15,
        "128 + SIGTERM, as a shell expects"
    );
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
        // The parse cache in the build folder, never in the home folder.
        .env(
            "XDG_CACHE_HOME",
            concat!(env!("CARGO_TARGET_TMPDIR"), "/xdg-cache"),
        )
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
    // Rank 4, second of the pipeline: one row down; e, criterion 2 (quality), score 4, Enter
    // without a motivation.
    s.send("j");
    s.send("e");
    s.wait_for("Edit a score – Chattbot i kontaktcenter");
    s.send("2");
    s.wait_for("Better quality / user experience");
    s.send("4");
    s.wait_for("Score: 3 → 4");
    s.send("\r");
    s.wait_for("score Better quality / user experience 3 → 4 – saved to initiatives/chattbot-kontaktcenter.yaml");
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
    s.wait_for("1 av 3 på dagordningen");
    s.send("p");
    s.wait_for("Anteckning (frivillig)");
    s.send("\r");
    s.wait_for("2 av 3 på dagordningen · 1 beslut");
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
    assert!(
        text.contains("**Beslut:** Beredningsgruppen beslutar att prioritera"),
        "{text}"
    );
    assert!(
        text.contains("## Initiativ på dagordningen som inte behandlades\n\n- Parkeringsapp"),
        "{text}"
    );
}
