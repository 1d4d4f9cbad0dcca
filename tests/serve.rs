//! `bered serve` with in-process russh clients over in-memory streams, screens read back
//! through vt100: roles, one live portfolio, stale edits, the shared meeting, input bytes, a
//! stalled client, refused keys and the host key.

mod serve_support;

use std::sync::atomic::Ordering;

use serve_support::{CHATTBOT, Client, Rig, Setup, key, options};

/// Opens "Chattbot i kontaktcenter" (rank 4, the pipeline's second row in the test portfolio):
/// several keys in one packet.
async fn open_chattbot(c: &Client) {
    c.wait_for("Chattbot i kontaktcenter").await;
    c.send("j\r").await;
    c.wait_for("Overview").await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_editor_decides_the_viewer_sees_it_and_cannot_edit() {
    let rig = Rig::new().await;
    let before = rig.read(CHATTBOT);
    let editor = rig.connect(1).await;
    let viewer = rig.connect(2).await;
    open_chattbot(&editor).await;
    open_chattbot(&viewer).await;
    viewer.send("5").await;
    viewer.wait_for("No decisions").await;

    editor.send("dx").await;
    editor.wait_for("Record a decision").await;
    editor.send("Ingen finansiering\r").await;
    editor
        .wait_for("saved to initiatives/chattbot-kontaktcenter.yaml")
        .await;
    viewer.wait_for("Ingen finansiering").await;
    viewer
        .wait_for("Anna Berg changed Chattbot i kontaktcenter.")
        .await;

    viewer.send("d").await;
    viewer.wait_for("You can only read").await;
    assert!(!viewer.contents().contains("Record a decision"));

    let after = rig.read(CHATTBOT);
    assert_eq!(
        after,
        format!(
            "{}decisions:\n  - {{date: 2026-12-01, forum: beredningsgruppen, outcome: rejected, note: Ingen finansiering}}\n",
            before.replace("stage: idea\n", "stage: rejected\n")
        ),
        "exactly the decision's lines added, and the stage a rejection moves it to"
    );
    let audit =
        std::fs::read_to_string(rig.portfolio.path().join("bered-audit.jsonl")).expect("audit log");
    let lines: Vec<serde_json::Value> = audit
        .lines()
        .map(|l| serde_json::from_str(l).expect("json"))
        .collect();
    assert_eq!(lines.len(), 1, "{audit}");
    assert_eq!(lines[0]["name"], "Anna Berg");
    assert_eq!(lines[0]["initiative"], "chattbot-kontaktcenter");
    assert_eq!(lines[0]["old"], serde_json::json!(["stage: idea"]));
    assert_eq!(lines[0]["new"][0], "stage: rejected");
    assert_eq!(lines[0]["new"][1], "decisions:");
    assert!(
        lines[0]["key"]
            .as_str()
            .is_some_and(|k| k.starts_with("SHA256:"))
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_edit_on_what_someone_else_just_changed_is_refused() {
    let rig = Rig::new().await;
    let anna = rig.connect(1).await;
    let david = rig.connect(4).await;
    open_chattbot(&anna).await;
    open_chattbot(&david).await;
    // David starts editing the quality score; Anna saves hers first.
    david.send("e2").await;
    david.wait_for("Now: 3").await;
    anna.send("e24\r").await;
    anna.wait_for("score Better quality / user experience 3 → 4 – saved")
        .await;
    let after_anna = rig.read(CHATTBOT);
    david.send("1").await;
    // The prompt already shows Anna's 4 beneath it; David began before it came.
    david.wait_for("Score: 4 → 1").await;
    david.send("\r").await;
    david.wait_for("Anna Berg changed this a moment ago").await;
    assert_eq!(rig.read(CHATTBOT), after_anna, "nothing written");
    // Looking again (the prompt is fresh), the same edit goes through.
    david.send("e21\r").await;
    david
        .wait_for("score Better quality / user experience 4 → 1 – saved")
        .await;
    anna.wait_until("quality 1", |s| quality_is(s, 1)).await;
}

/// The Scores tab shows this value for "Better quality / user experience".
fn quality_is(screen: &str, value: u8) -> bool {
    screen
        .lines()
        .any(|l| l.contains("Better quality") && l.contains(&format!(" {value} ")))
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn each_client_has_its_own_language_size_and_selection() {
    let rig = Rig::new().await;
    let swedish = Setup {
        size: (80, 24),
        env: vec![("LANG", "sv_SE.UTF-8")],
        pty: true,
    };
    let sv = Client::connect(&rig.running, &serve_support::key(2), &swedish)
        .await
        .expect("connected");
    let en = rig.connect(1).await;
    sv.wait_for("Rangordning").await;
    en.wait_for("Ranking").await;
    // å/ä/ö typed into the search, byte by byte and as one packet.
    sv.send("/").await;
    for c in "Översikt".chars() {
        sv.send(&c.to_string()).await;
    }
    sv.wait_for("Översikt").await;
    sv.send("\r\r").await;
    sv.wait_for("Översikt över ekonomin för chefer").await;
    assert!(
        !en.contents()
            .contains("Översikt över ekonomin för chefer\n")
    );
    // A new size: the screen is drawn again in it.
    sv.resize(120, 40).await;
    let start = tokio::time::Instant::now();
    while !sv.row(39).contains("q avsluta") && start.elapsed() < serve_support::PATIENCE {
        tokio::time::sleep(std::time::Duration::from_millis(20)).await;
    }
    assert!(
        sv.row(39).contains("q avsluta"),
        "the key line on row 40:\n{}",
        sv.contents()
    );
    assert!(!sv.row(23).contains("q avsluta"), "and no longer on row 24");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_client_that_stops_reading_does_not_delay_the_others() {
    let rig = Rig::new().await;
    let stalled = rig.connect(2).await;
    stalled.wait_for("Chattbot i kontaktcenter").await;
    stalled.stalled.store(true, Ordering::SeqCst);
    // Whole new frames, wide and tall, that it will never read: its connection fills up.
    for w in 0..5 {
        stalled.resize(200 - w, 60).await;
    }
    let anna = rig.connect(1).await;
    let bo = rig.connect(2).await;
    open_chattbot(&anna).await;
    open_chattbot(&bo).await;
    // Every edit redraws the stalled client's screen too; none of it may hold the others up.
    bo.send("2").await;
    for score in [4, 1, 4, 1, 4] {
        anna.send(&format!("e2{score}\r")).await;
        anna.wait_for(&format!("– saved to {CHATTBOT}")).await;
        bo.wait_until(&format!("quality {score}"), |s| quality_is(s, score))
            .await;
    }
    assert_eq!(
        rig.running.sessions(),
        3,
        "the stalled client is still connected"
    );
    assert!(!stalled.contents().contains("Overview"));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_unlisted_key_is_refused_and_the_host_key_is_the_same_after_a_restart() {
    let rig = Rig::new().await;
    let refused = Client::connect(&rig.running, &key(9), &Setup::default()).await;
    assert!(refused.is_err(), "an unlisted key got in");
    let client = rig.connect(1).await;
    let first = rig.running.fingerprint.clone();
    assert_eq!(client.host_fingerprint().as_deref(), Some(first.as_str()));
    let Rig {
        portfolio,
        data,
        running,
    } = rig;
    running.stop().await;
    client.wait_for_raw("goodbye").await;
    client.wait_closed().await;
    let again = bered::tui::serve::start(options(portfolio.path(), data.path()))
        .await
        .expect("restarted");
    assert_eq!(again.fingerprint, first);
    again.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn without_a_pty_a_clear_message_and_exit_status_1() {
    let rig = Rig::new().await;
    let setup = Setup {
        pty: false,
        ..Setup::default()
    };
    let client = Client::connect(&rig.running, &key(1), &setup)
        .await
        .expect("connected");
    client.wait_for_raw("needs a terminal").await;
    client.wait_closed().await;
    assert_eq!(client.exit_status(), Some(1));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_edit_on_disk_reaches_every_client() {
    let rig = Rig::new().await;
    let a = rig.connect(1).await;
    let b = rig.connect(2).await;
    a.wait_for("Chattbot i kontaktcenter").await;
    b.wait_for("Chattbot i kontaktcenter").await;
    let text = rig.read(CHATTBOT).replace(
        "title: Chattbot i kontaktcenter",
        "title: Chattbot för alla",
    );
    std::fs::write(rig.portfolio.path().join(CHATTBOT), text).expect("write");
    a.wait_for("Chattbot för alla").await;
    b.wait_for("Chattbot för alla").await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_chair_runs_one_meeting_for_everyone_and_the_minutes_name_who_was_there() {
    let rig = Rig::new().await;
    let chair = rig.connect(3).await;
    let anna = rig.connect(1).await;
    let bo = rig.connect(2).await;
    for c in [&chair, &anna, &bo] {
        c.wait_for("Chattbot i kontaktcenter").await;
    }
    anna.send("M").await;
    anna.wait_for("Only the chair starts and ends").await;

    chair.send("M").await;
    chair.wait_for("1 of 3 on the agenda").await;
    anna.wait_for("1 of 3 on the agenda").await;
    bo.wait_for("you follow Cecilia Lund").await;

    chair.send("p").await;
    chair.wait_for("Note").await;
    chair.send("\r").await;
    chair.wait_for("2 of 3 on the agenda").await;
    anna.wait_for("2 of 3 on the agenda").await;

    // Bo looks elsewhere, then follows again.
    bo.send("\x1b").await;
    bo.wait_for("M follows the chair again").await;
    assert!(!bo.contents().contains("on the agenda ·"));
    bo.send("M").await;
    bo.wait_for("2 of 3 on the agenda").await;

    chair.send("q").await;
    chair.wait_for("Anna Berg, Bo Ek, Cecilia Lund").await;
    chair.send(", Eva Gäst\r").await;
    chair.wait_for("protokoll-2026-12-01.md").await;
    anna.wait_for("The chair ended the meeting.").await;
    bo.wait_for("The chair ended the meeting.").await;
    let minutes = rig.read("protokoll-2026-12-01.md");
    assert!(
        minutes.contains("Anna Berg, Bo Ek, Cecilia Lund, Eva Gäst"),
        "{minutes}"
    );
    assert!(
        minutes.contains("to prioritise the initiative"),
        "{minutes}"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_writer_refuses_a_viewer_even_when_the_screen_is_bypassed() {
    use bered::edit::Edit;
    use bered::model::Stage;
    use bered::tui::app::{Command, PendingEdit};
    use bered::tui::serve::hub::{Caller, Reply, Request};
    use bered::tui::serve::keys::{Identity, Role};

    let rig = Rig::new().await;
    let before = rig.read(CHATTBOT);
    let (hub, _thread) = bered::tui::serve::hub::start(bered::tui::serve::hub::HubOptions {
        portfolio: Some(rig.portfolio.path().to_path_buf()),
        as_of: bered::model::Date::new(2026, 11, 23).expect("date"),
        audit: rig.portfolio.path().join("audit.jsonl"),
        poll: std::time::Duration::from_secs(60),
    })
    .expect("hub");
    let (reply, answer) = tokio::sync::oneshot::channel();
    let viewer = Caller {
        session: 7,
        who: Identity {
            name: "Bo Ek".into(),
            role: Role::Viewer,
            fingerprint: "SHA256:x".into(),
            anonymous: false,
        },
    };
    let edit = PendingEdit {
        id: "chattbot-kontaktcenter".into(),
        edit: Edit::Stage(Stage::Approved),
        label: "stage".into(),
        meeting: None,
    };
    let request = Request::Write {
        caller: viewer,
        seen: 1,
        command: Command::Write(edit),
        step: None,
        lang: bered::i18n::Lang::En,
        reply,
    };
    hub.requests.send(request).await.expect("sent");
    let Reply::Refused(why) = answer.await.expect("answer") else {
        panic!("a viewer's edit was not refused");
    };
    assert!(why.starts_with("You can only read"), "{why}");
    assert_eq!(rig.read(CHATTBOT), before);
    assert!(!rig.portfolio.path().join("audit.jsonl").exists());
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn q_leaves_with_the_terminal_restored_and_status_0() {
    let rig = Rig::new().await;
    let client = rig.connect(1).await;
    client.wait_for("Chattbot i kontaktcenter").await;
    assert_eq!(rig.running.sessions(), 1);
    client.send("q").await;
    client.wait_closed().await;
    assert_eq!(client.exit_status(), Some(0));
    let (alternate, hidden) = {
        let parser = client.screen.lock().expect("screen");
        (
            parser.screen().alternate_screen(),
            parser.screen().hide_cursor(),
        )
    };
    assert!(!alternate, "back on the main screen");
    assert!(!hidden, "the cursor is shown again");
    let start = tokio::time::Instant::now();
    while rig.running.sessions() != 0 && start.elapsed() < serve_support::PATIENCE {
        tokio::time::sleep(std::time::Duration::from_millis(20)).await;
    }
    assert_eq!(rig.running.sessions(), 0, "the session was cleaned up");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn undo_and_redo_go_through_the_writer_and_reach_the_others() {
    let rig = Rig::new().await;
    let before = rig.read(CHATTBOT);
    let anna = rig.connect(1).await;
    let bo = rig.connect(2).await;
    open_chattbot(&anna).await;
    open_chattbot(&bo).await;
    bo.send("2").await;
    anna.send("e24\r").await;
    anna.wait_for("score Better quality / user experience 3 → 4 – saved")
        .await;
    bo.wait_until("quality 4", |s| quality_is(s, 4)).await;
    anna.send("u").await;
    anna.wait_for("Undone").await;
    bo.wait_until("quality 3 again", |s| quality_is(s, 3)).await;
    assert_eq!(rig.read(CHATTBOT), before, "the file as it was");
    anna.send("\x12").await;
    bo.wait_until("quality 4 again", |s| quality_is(s, 4)).await;
    // Bo's own history is empty: his u is refused (a viewer) and writes nothing.
    bo.send("u").await;
    bo.wait_for("You can only read").await;
    let audit =
        std::fs::read_to_string(rig.portfolio.path().join("bered-audit.jsonl")).expect("audit log");
    let actions: Vec<String> = audit
        .lines()
        .map(|l| serde_json::from_str::<serde_json::Value>(l).expect("json")["action"].to_string())
        .collect();
    assert_eq!(actions, ["\"edit\"", "\"undo\"", "\"redo\""]);
}
