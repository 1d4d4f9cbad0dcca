//! Changes since a revision in the interactive application: a repository built here with `git`
//! (one commit adds an initiative, changes a score on another and records a decision on a
//! third), the prompt `C` opens, the marker column, the Changes view and its snapshots, the
//! changed values over an initiative's tabs, and the offer after a reload from disk.

// Both support modules include the fixture helpers; here they are only ever used through
// their own module, so loading them twice is harmless.
mod git_support;
#[allow(clippy::duplicate_mod)]
mod pty_support;
mod tui_support;

use std::path::{Path, PathBuf};

use bered::changes::{self, Point};
use bered::i18n::Lang;
use bered::report::dataset;
use bered::tui::action::Action;
use bered::tui::app::{App, Command, changes_entries};
use crossterm::event::KeyCode;
use git_support::{SETTINGS, criteria, git_in};
use tempfile::TempDir;
use tui_support::{app_from, as_of, draw, mono, press, type_text};

const DECISION: &str = "decisions:\n  - {date: 2026-11-10, forum: beredningsgruppen, outcome: prioritised, note: Går vidare}\n";

/// One initiative's file: every criterion scored `score` but `quality`, and a small case.
fn initiative(title: &str, score: u8, quality: u8, extra: &str) -> String {
    let mut s = format!("title: {title}\nstage: idea\nscores:\n");
    for c in criteria() {
        let v = if c == "quality" { quality } else { score };
        s.push_str(&format!("  {c}: {v}\n"));
    }
    s.push_str("business_case:\n  start_year: 2026\n  years: 5\n  costs:\n    - {name: Inköp, kind: investment, amounts: {2026: 200000}}\n  benefits:\n    - {name: Porto, kind: financial, yearly: 150000}\n");
    s.push_str(extra);
    s
}

fn git(dir: &Path, args: &[&str]) -> String {
    git_in(dir, args, "2026-11-01T12:00:00+01:00")
}

/// A repository whose last commit adds `e`, changes `b`'s quality score (2 → 4, moving it up)
/// and records a decision on `c`; `a` and `d` do not change.
fn repository() -> (TempDir, PathBuf) {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let portfolio = dir.path().join("portfolio");
    std::fs::create_dir_all(portfolio.join("initiatives")).expect("folders");
    let write = |name: &str, text: &str| {
        std::fs::write(portfolio.join(name), text).expect("a file written");
    };
    git(dir.path(), &["init", "-q", "-b", "main"]);
    write("portfolio.yaml", SETTINGS);
    write("initiatives/a.yaml", &initiative("Alfa e-tjänst", 4, 4, ""));
    write("initiatives/b.yaml", &initiative("Bravo bokning", 3, 2, ""));
    write("initiatives/c.yaml", &initiative("Charlie chatt", 3, 3, ""));
    write("initiatives/d.yaml", &initiative("Delta diarium", 2, 2, ""));
    git(dir.path(), &["add", "-A"]);
    git(dir.path(), &["commit", "-q", "-m", "Första"]);
    write("initiatives/e.yaml", &initiative("Eko e-arkiv", 2, 3, ""));
    let rationale = "motivations:\n  quality: Ny mätning visar färre fel\n";
    write(
        "initiatives/b.yaml",
        &initiative("Bravo bokning", 3, 4, rationale),
    );
    write(
        "initiatives/c.yaml",
        &initiative("Charlie chatt", 3, 3, DECISION),
    );
    git(dir.path(), &["add", "-A"]);
    git(dir.path(), &["commit", "-q", "-m", "Andra"]);
    (dir, portfolio)
}

/// What the runtime does with `Command::LoadChanges`, done here on the test's thread.
fn carry_out(app: &mut App, portfolio: &Path, command: Command) {
    let Command::LoadChanges(since) = command else {
        panic!("expected a request for the changes, got {command:?}");
    };
    let set = changes::since(Some(portfolio), &Point::parse(&since), None, as_of());
    app.apply_changes(set);
}

/// The app with the changes since HEAD~1 asked for in the prompt.
fn with_changes(portfolio: &Path, lang: Lang, size: (u16, u16)) -> App {
    let mut app = app_from(portfolio, lang, size.0, size.1);
    press(&mut app, KeyCode::Char('C'));
    assert!(app.since_prompt.is_some(), "C asks since when");
    type_text(&mut app, "HEAD~1");
    let command = press(&mut app, KeyCode::Enter);
    carry_out(&mut app, portfolio, command);
    app
}

/// The ranking's row of a title, as drawn.
fn row_of<'a>(screen: &'a str, title: &str) -> &'a str {
    screen
        .lines()
        .find(|l| l.contains(title))
        .unwrap_or_else(|| panic!("no row for {title} in\n{screen}"))
}

#[test]
fn the_prompt_reads_the_changes_and_the_view_lists_them_by_kind() {
    let (_dir, portfolio) = repository();
    let mut app = with_changes(&portfolio, Lang::Sv, (100, 30));
    assert!(app.changes_view.is_some(), "the Changes view opens");
    let set = app.changes.clone().expect("a change set");
    let ids: Vec<&str> = set.initiatives.iter().map(|i| i.id.as_str()).collect();
    let mut sorted = ids.clone();
    sorted.sort_unstable();
    assert_eq!(sorted, ["b", "c", "e"], "exactly the three that changed");
    let kinds: Vec<&str> = changes_entries(&set).iter().map(|e| e.kind).collect();
    assert_eq!(
        kinds.first(),
        Some(&"added"),
        "grouped by kind, added first"
    );
    assert!(kinds.contains(&"score") && kinds.contains(&"decision"));
    let screen = draw(&mut app, &mono());
    assert!(screen.contains("Ändringar sedan HEAD~1"), "{screen}");
    assert!(screen.contains("── poäng (1)"), "{screen}");
    assert!(screen.contains("── beslut (1)"), "{screen}");
    // Enter opens the selected initiative (the added one), with what changed over its tabs.
    press(&mut app, KeyCode::Enter);
    let detail = app.detail.as_ref().expect("the initiative opens");
    assert_eq!(detail.id, "e");
    let screen = draw(&mut app, &mono());
    assert!(screen.contains("≠ + Ändrat: tillagt"), "{screen}");
    // Esc goes back to the Changes view, then to the ranking.
    press(&mut app, KeyCode::Esc);
    assert!(app.detail.is_none() && app.changes_view.is_some());
    press(&mut app, KeyCode::Esc);
    assert!(app.changes_view.is_none());
}

#[test]
fn the_marker_column_shows_the_rank_move_added_and_other_changes() {
    let (_dir, portfolio) = repository();
    let mut app = with_changes(&portfolio, Lang::En, (100, 30));
    press(&mut app, KeyCode::Esc);
    let set = app.changes.clone().expect("a change set");
    let moved = set.rank_move("b").expect("b's rank moved");
    assert!(moved > 0, "a better score moves b up");
    assert_eq!(set.marker("b"), Some(format!("↑{moved}")));
    assert_eq!(set.marker("e").as_deref(), Some("+"));
    assert_eq!(set.marker("a"), None);
    let screen = draw(&mut app, &mono());
    assert!(screen.contains("Chg"), "the column's heading:\n{screen}");
    assert!(row_of(&screen, "Bravo bokning").contains(&format!("↑{moved}")));
    assert!(row_of(&screen, "Eko e-arkiv").contains(" + "));
    let charlie = row_of(&screen, "Charlie chatt");
    assert!(
        charlie.contains('•') || charlie.contains('↑') || charlie.contains('↓'),
        "{charlie}"
    );
    let alfa = row_of(&screen, "Alfa e-tjänst");
    assert!(!alfa.contains(['•', '+', '↑', '↓']), "{alfa}");
    // An initiative whose score changed shows the old and new value over its tabs.
    let b = app.data.as_ref().unwrap().index_of("b").unwrap();
    app.open_detail(b);
    let screen = draw(&mut app, &mono());
    assert!(screen.contains("2 → 4"), "{screen}");
    // Its scores tab marks the changed criterion in place, and lists what changed on top.
    press(&mut app, KeyCode::Char('2'));
    let screen = draw(&mut app, &mono());
    assert!(screen.contains("≠ Better quality"), "{screen}");
    assert!(screen.contains("≠ Changed"), "{screen}");
    insta::assert_snapshot!("changes_detail_scores_en_120x40", {
        app.update(bered::tui::action::Action::Resize(120, 40));
        draw(&mut app, &mono())
    });
    // The decision recorded on c shows on top of its decisions tab.
    press(&mut app, KeyCode::Esc);
    let c = app.data.as_ref().unwrap().index_of("c").unwrap();
    app.open_detail(c);
    press(&mut app, KeyCode::Char('5'));
    let screen = draw(&mut app, &mono());
    assert!(screen.contains("decision: 2026-11-10"), "{screen}");
}

#[test]
fn since_at_the_start_marks_the_ranking_and_c_shows_the_list() {
    let (_dir, portfolio) = repository();
    let mut app = app_from(&portfolio, Lang::Sv, 100, 30);
    // What `bered --since HEAD~1` has read off the UI thread arrives.
    app.apply_changes(changes::since(
        Some(&portfolio),
        &Point::parse("HEAD~1"),
        None,
        as_of(),
    ));
    assert!(app.changes_view.is_none(), "the ranking stays in front");
    assert_eq!(
        app.changes_to_refresh().as_deref(),
        Some("HEAD~1"),
        "a reload reads them again, up to the new work tree"
    );
    let status = app.status.clone().expect("a status").text;
    assert!(status.contains("tryck C"), "{status}");
    press(&mut app, KeyCode::Char('C'));
    assert!(app.changes_view.is_some());
    // C in the Changes view asks for another revision.
    press(&mut app, KeyCode::Char('C'));
    assert!(app.since_prompt.is_some());
    press(&mut app, KeyCode::Esc);
    assert!(app.since_prompt.is_none() && app.changes_view.is_some());
}

#[test]
fn changes_read_before_the_first_load_keep_their_status_line() {
    let (_dir, portfolio) = repository();
    // The two threads race: here the history is read before the portfolio has loaded.
    let mut app = App::new(Lang::Sv, as_of());
    app.apply_changes(changes::since(
        Some(&portfolio),
        &Point::parse("HEAD~1"),
        None,
        as_of(),
    ));
    app.apply_load(dataset::load(Some(&portfolio), as_of(), &|_| {}));
    app.update(Action::Resize(100, 30));
    let status = app.status.clone().expect("a status").text;
    assert!(status.contains("tryck C"), "{status}");
    assert!(app.changes.is_some(), "the change set is kept");
}

#[test]
fn outside_a_repository_the_status_says_so() {
    let dir = tui_support::fixture_copy();
    let mut app = app_from(dir.path(), Lang::En, 100, 30);
    press(&mut app, KeyCode::Char('C'));
    let command = press(&mut app, KeyCode::Enter);
    assert_eq!(command, Command::None, "nothing typed, nothing read");
    assert!(app.since_prompt.as_ref().unwrap().error.is_some());
    type_text(&mut app, "HEAD~1");
    let command = press(&mut app, KeyCode::Enter);
    carry_out(&mut app, dir.path(), command);
    let status = app.status.clone().expect("a status");
    assert!(status.error);
    assert!(
        status.text.contains("not in a git repository"),
        "{}",
        status.text
    );
    assert!(app.changes.is_none() && app.changes_view.is_none());
}

#[test]
fn after_a_reload_from_disk_the_status_offers_the_changes() {
    let (_dir, portfolio) = repository();
    let mut app = app_from(&portfolio, Lang::Sv, 100, 30);
    // A `git pull` brings a lower score for `a`.
    std::fs::write(
        portfolio.join("initiatives/a.yaml"),
        initiative("Alfa e-tjänst", 4, 1, ""),
    )
    .unwrap();
    app.apply_load(dataset::load(Some(&portfolio), as_of(), &|_| {}));
    let status = app.status.clone().expect("a status").text;
    assert!(
        status.contains("tryck C för att se ändringarna"),
        "{status}"
    );
    press(&mut app, KeyCode::Char('C'));
    assert!(app.changes_view.is_some());
    let set = app.changes.clone().expect("the reload's changes");
    assert_eq!(set.since.asked.as_deref(), Some("före omläsningen"));
    assert_eq!(
        app.changes_to_refresh(),
        None,
        "a reload's own changes stay"
    );
    let ids: Vec<&str> = set.initiatives.iter().map(|i| i.id.as_str()).collect();
    assert_eq!(ids, ["a"]);
    let screen = draw(&mut app, &mono());
    assert!(
        screen.contains("Ändringar sedan före omläsningen"),
        "{screen}"
    );
}

/// Commits what is in the folder (the minutes written so far), then a commit after the meeting
/// that adds "Delta diarium".
fn commit_minutes_then_a_new_initiative(dir: &Path, portfolio: &Path) {
    git(dir, &["add", "-A"]);
    git(dir, &["commit", "-q", "-m", "Protokoll"]);
    std::fs::write(
        portfolio.join("initiatives/d.yaml"),
        initiative("Delta diarium", 2, 4, ""),
    )
    .unwrap();
    git(dir, &["add", "-A"]);
    git(dir, &["commit", "-q", "-m", "Efter mötet"]);
}

#[test]
fn since_the_last_minutes_is_since_the_commit_that_added_them() {
    let (dir, portfolio) = repository();
    assert!(
        changes::since_last_minutes(Some(&portfolio), as_of())
            .unwrap()
            .is_none(),
        "no minutes yet"
    );
    std::fs::write(portfolio.join("protokoll-2026-11-01.md"), "# Protokoll\n").unwrap();
    commit_minutes_then_a_new_initiative(dir.path(), &portfolio);
    let set = changes::since_last_minutes(Some(&portfolio), as_of())
        .unwrap()
        .expect("minutes in the history");
    assert_eq!(set.since.asked.as_deref(), Some("protokoll-2026-11-01.md"));
    let ids: Vec<&str> = set.initiatives.iter().map(|i| i.id.as_str()).collect();
    assert_eq!(ids, ["d"], "only what changed after the meeting");
    // This meeting's minutes, written but not committed, are passed over.
    std::fs::write(portfolio.join("protokoll-2026-11-23.md"), "# Protokoll\n").unwrap();
    let annex = changes::last_meeting_annex(Some(&portfolio), as_of(), Lang::Sv)
        .unwrap()
        .expect("minutes in the history");
    assert!(
        annex.starts_with("## Ändringar sedan förra mötet ("),
        "{annex}"
    );
    assert!(annex.contains("Delta diarium"), "{annex}");
}

#[test]
fn the_minutes_of_a_meeting_end_with_the_changes_since_the_last_committed_minutes() {
    use bered::tui::app::MinutesFile;
    let (dir, portfolio) = repository();
    let minutes = |text: &str| MinutesFile {
        date: as_of(),
        text: text.into(),
        lang: Lang::Sv,
    };
    // No earlier minutes in the history: the minutes are written as they are.
    let first = bered::tui::writer::write_minutes(&portfolio, &minutes("# Protokoll 1\n")).unwrap();
    assert_eq!(std::fs::read_to_string(&first).unwrap(), "# Protokoll 1\n");
    commit_minutes_then_a_new_initiative(dir.path(), &portfolio);
    let second =
        bered::tui::writer::write_minutes(&portfolio, &minutes("# Protokoll 2\n")).unwrap();
    let text = std::fs::read_to_string(&second).unwrap();
    assert!(
        text.starts_with("# Protokoll 2\n\n## Ändringar sedan förra mötet ("),
        "{text}"
    );
    assert!(text.contains("Delta diarium"), "{text}");
}

#[test]
fn the_changes_view_at_both_sizes_in_both_languages() {
    let (_dir, portfolio) = repository();
    let theme = mono();
    for lang in [Lang::Sv, Lang::En] {
        for (w, h) in [(80, 24), (120, 40)] {
            let mut app = with_changes(&portfolio, lang, (w, h));
            let text = draw(&mut app, &theme);
            insta::assert_snapshot!(format!("changes_{}_{w}x{h}", lang.id()), text);
            press(&mut app, KeyCode::Esc);
            let text = draw(&mut app, &theme);
            insta::assert_snapshot!(format!("changes_ranking_{}_{w}x{h}", lang.id()), text);
        }
    }
}

#[test]
fn the_real_binary_with_since_marks_the_ranking_and_c_shows_the_changes() {
    let (_dir, portfolio) = repository();
    let mut s = pty_support::Session::start_with(&portfolio, "sv", 100, 30, &["--since", "HEAD~1"]);
    s.wait_for("Ändr");
    s.wait_for("↑1");
    s.wait_for("tryck C för att se ändringarna");
    s.send("C");
    s.wait_for("── poäng (1)");
    // C in the view asks for another revision; a branch that does not exist says so.
    s.send("C");
    s.wait_for("Ändringar sedan:");
    s.send("mian\r");
    s.wait_for("okänd version `mian`");
    s.send("\u{1b}");
    s.send("q");
    assert!(s.finish(), "exit status");
    s.assert_restored();
}
