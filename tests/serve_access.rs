//! Who gets into `bered serve`: the keys file read again on change, a broken keys file never
//! fails open, anonymous viewers, the session limit, and clean-up after a disconnect.

mod serve_support;

use serve_support::{Client, PATIENCE, Rig, Setup, key, keys_line, options};

async fn eventually(what: &str, test: impl Fn() -> bool) {
    let start = tokio::time::Instant::now();
    while !test() {
        assert!(start.elapsed() < PATIENCE, "never: {what}");
        tokio::time::sleep(std::time::Duration::from_millis(20)).await;
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_key_added_to_the_file_gets_in_and_a_broken_file_keeps_the_old_keys() {
    let rig = Rig::new().await;
    let eva = key(5);
    assert!(
        Client::connect(&rig.running, &eva, &Setup::default())
            .await
            .is_err()
    );
    let path = rig.portfolio.path().join("bered-keys");
    let mut text = std::fs::read_to_string(&path).expect("keys");
    text.push_str(&keys_line(5, "viewer", "Eva Gäst"));
    std::fs::write(&path, &text).expect("keys");
    assert_eq!(rig.running.reload_keys().expect("reloaded"), 5);
    let client = Client::connect(&rig.running, &eva, &Setup::default())
        .await
        .expect("Eva is listed now");
    client.wait_for("Chattbot i kontaktcenter").await;

    std::fs::write(&path, format!("{text}role=\"boss\" nonsense\n")).expect("keys");
    let broken = rig.running.reload_keys().expect_err("a broken file");
    assert!(broken.to_string().contains("bered-keys:6"), "{broken}");
    assert!(
        Client::connect(&rig.running, &eva, &Setup::default())
            .await
            .is_ok(),
        "the previous keys still apply"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_file_is_read_again_when_it_changes_on_disk() {
    let rig = Rig::new().await;
    let path = rig.portfolio.path().join("bered-keys");
    let only_anna = keys_line(1, "editor", "Anna Berg");
    // A different length too, so that the change is seen however coarse the file times are.
    std::fs::write(&path, format!("# just Anna now\n{only_anna}")).expect("keys");
    let bo = key(2);
    let start = tokio::time::Instant::now();
    loop {
        if Client::connect(&rig.running, &bo, &Setup::default())
            .await
            .is_err()
        {
            break;
        }
        assert!(start.elapsed() < PATIENCE, "Bo's key was never withdrawn");
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_broken_keys_file_or_none_at_all_refuses_to_start() {
    let portfolio = tempfile::tempdir().expect("temp dir");
    let source =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/tui/portfolio");
    let data = tempfile::tempdir().expect("temp dir");
    let mut o = options(&source, data.path());
    o.keys = Some(portfolio.path().join("bered-keys"));
    let missing = bered::tui::serve::start(o.clone()).await;
    assert!(missing.is_err(), "started without a keys file");
    std::fs::write(
        portfolio.path().join("bered-keys"),
        "role=\"editor\" ssh-ed25519 AAAA Anna\n",
    )
    .expect("keys");
    let broken = bered::tui::serve::start(o.clone())
        .await
        .err()
        .expect("refused");
    assert!(broken.to_string().contains("bered-keys:1"), "{broken}");
    // With --anonymous-viewers and no keys file, anyone may look, and only look.
    std::fs::remove_file(portfolio.path().join("bered-keys")).expect("rm");
    o.anonymous_viewers = true;
    let running = bered::tui::serve::start(o).await.expect("started");
    let stranger = Client::connect(&running, &key(9), &Setup::default())
        .await
        .expect("an anonymous viewer");
    stranger.wait_for("Chattbot i kontaktcenter").await;
    stranger.send("jjj\rd").await;
    stranger.wait_for("You can only read").await;
    running.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_session_limit_and_cleaning_up_after_a_disconnect() {
    let portfolio = serve_support::Rig::new().await;
    let Rig {
        portfolio: dir,
        data,
        running,
    } = portfolio;
    running.stop().await;
    let mut o = options(dir.path(), data.path());
    o.max_sessions = 1;
    let running = bered::tui::serve::start(o).await.expect("started");
    let first = Client::connect(&running, &key(1), &Setup::default())
        .await
        .expect("connected");
    first.wait_for("Chattbot i kontaktcenter").await;
    let second = Client::connect(&running, &key(2), &Setup::default())
        .await
        .expect("connected");
    second.wait_for_raw("too many sessions").await;
    second.wait_closed().await;
    assert_eq!(second.exit_status(), Some(1));
    assert_eq!(running.sessions(), 1);
    drop(first);
    eventually("the dropped client's session ends", || {
        running.sessions() == 0
    })
    .await;
    let third = Client::connect(&running, &key(2), &Setup::default())
        .await
        .expect("connected");
    third.wait_for("Chattbot i kontaktcenter").await;
    running.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_idle_client_is_told_and_disconnected() {
    let Rig {
        portfolio,
        data,
        running,
    } = Rig::new().await;
    running.stop().await;
    let mut o = options(portfolio.path(), data.path());
    o.idle = Some(std::time::Duration::from_millis(300));
    let running = bered::tui::serve::start(o).await.expect("started");
    let client = Client::connect(&running, &key(1), &Setup::default())
        .await
        .expect("connected");
    client.wait_for_raw("No activity for a long time").await;
    client.wait_closed().await;
    eventually("the idle session ends", || running.sessions() == 0).await;
    running.stop().await;
}
