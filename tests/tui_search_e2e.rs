//! End-to-end: search in the real binary, in a pseudo-terminal. A word matches within one field
//! of an initiative, never across title, id, owner, unit and tags (issue 12).

mod pty_support;

use pty_support::Session;

#[test]
fn searching_lag_on_two_initiatives_shows_only_the_one_whose_title_has_it() {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::create_dir(dir.path().join("initiatives")).expect("folder");
    std::fs::write(dir.path().join("portfolio.yaml"), "name: Två initiativ\n").expect("write");
    // Across the fields "Likavärde A · likavarde · Lars · Gata" spells l…a…g.
    std::fs::write(
        dir.path().join("initiatives/likavarde.yaml"),
        "title: Likavärde A\nowner: Lars\nunit: Gata\nstage: idea\n",
    )
    .expect("write");
    std::fs::write(
        dir.path().join("initiatives/lagkrav.yaml"),
        "title: Lagkrav som väger tungt\nowner: Anna\nunit: IT\nstage: idea\n",
    )
    .expect("write");
    let mut s = Session::start(dir.path(), "sv", 100, 30);
    s.wait_for("Likavärde A");
    s.wait_for("Lagkrav som väger tungt");
    s.send("/lag");
    s.wait_for("Sök: lag");
    s.wait_for("1 av 2 visas");
    let screen = s.screen();
    assert!(screen.contains("Lagkrav som väger tungt"), "{screen}");
    assert!(!screen.contains("Likavärde A"), "{screen}");
    s.send("\x1b");
    s.send("\x1b");
    s.send("q");
    assert!(s.finish(), "exit status");
    s.assert_restored();
}
