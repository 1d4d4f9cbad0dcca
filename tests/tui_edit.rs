//! Editing at the keyboard, key to state: every edit flow writes its file (only the intended
//! lines change) and the ranking follows at once; undo and redo; a file changed on disk is
//! never overwritten; the built-in sample is read-only; meeting mode and its minutes.

mod tui_support;

use bered::eval;
use bered::i18n::Lang;
use bered::model::{Date, Outcome, Stage};
use bered::tui::app::{Command, DetailTab, Step};
use crossterm::event::{KeyCode, KeyModifiers};
use tui_support::{Rig, as_of};

const CHATTBOT: &str = "initiatives/chattbot-kontaktcenter.yaml";

fn read(rig: &Rig, rel: &str) -> String {
    std::fs::read_to_string(rig.file(rel)).unwrap()
}

/// The lines that differ between two texts of equal line count.
fn changed_lines(old: &str, new: &str) -> Vec<(String, String)> {
    assert_eq!(old.lines().count(), new.lines().count(), "{new}");
    old.lines()
        .zip(new.lines())
        .filter(|(a, b)| a != b)
        .map(|(a, b)| (a.to_string(), b.to_string()))
        .collect()
}

/// The analysis kept up to date edit by edit equals a fresh one of the same portfolio.
fn assert_analysis_fresh(rig: &Rig) {
    let data = rig.app.data.as_ref().unwrap();
    assert_eq!(data.analysis, eval::analyse(&data.portfolio, as_of()));
}

fn index(rig: &Rig, id: &str) -> usize {
    rig.app.data.as_ref().unwrap().index_of(id).unwrap()
}

#[test]
fn a_score_by_keys_changes_one_line_and_the_ranking_at_once() {
    let mut rig = Rig::new(Lang::En, 100, 30);
    rig.select("Chattbot i kontaktcenter");
    let before = read(&rig, CHATTBOT);
    let i = index(&rig, "chattbot-kontaktcenter");
    let priority = rig.app.data.as_ref().unwrap().item(i).eval.priority;
    rig.press(KeyCode::Char('e'));
    assert!(matches!(
        rig.app.prompt.as_ref().unwrap().step,
        Step::Criterion(_)
    ));
    rig.press(KeyCode::Char('2'));
    match &rig.app.prompt.as_ref().unwrap().step {
        Step::Score { criterion, pick } => {
            assert_eq!(criterion, "quality");
            assert_eq!(pick.cursor, 2, "starts at the score it has");
        }
        other => panic!("{other:?}"),
    }
    rig.press(KeyCode::Char('4'));
    assert!(rig.app.prompt.as_ref().unwrap().step.is_form());
    let command = rig.press(KeyCode::Enter);
    assert!(matches!(command, Command::Write(_)), "{command:?}");
    assert!(rig.app.prompt.is_none());
    assert_eq!(
        changed_lines(&before, &read(&rig, CHATTBOT)),
        [("  quality: 3".into(), "  quality: 4".into())]
    );
    assert_eq!(
        rig.status(),
        "score Better quality / user experience 3 → 4 – saved to initiatives/chattbot-kontaktcenter.yaml"
    );
    let data = rig.app.data.as_ref().unwrap();
    assert_eq!(data.initiative(i).scores["quality"], 4);
    assert!(data.item(i).eval.priority > priority, "re-ranked at once");
    assert_analysis_fresh(&rig);
    assert_eq!(
        tui_support::selected_title(&rig.app),
        "Chattbot i kontaktcenter",
        "the selection stays on the edited initiative"
    );
}

#[test]
fn a_criterion_by_arrows_and_a_motivation_typed() {
    let mut rig = Rig::new(Lang::Sv, 100, 30);
    rig.select("Chattbot i kontaktcenter");
    rig.keys("e");
    // Down to the eleventh criterion, compliance, also reachable as 1 then 1.
    for _ in 0..10 {
        rig.press(KeyCode::Down);
    }
    rig.press(KeyCode::Enter);
    rig.press(KeyCode::Down);
    rig.press(KeyCode::Enter);
    rig.keys("Avtal klart");
    rig.press(KeyCode::Enter);
    let text = read(&rig, CHATTBOT);
    assert!(text.contains("  compliance: 4\n"), "{text}");
    assert!(
        text.contains("motivations:\n  compliance: Avtal klart\n"),
        "{text}"
    );
    assert!(
        rig.status()
            .starts_with("poäng Regelefterlevnad (juridik, dataskydd, infosäk) 3 → 4 – sparat i"),
        "{}",
        rig.status()
    );
    let i = index(&rig, "chattbot-kontaktcenter");
    let data = rig.app.data.as_ref().unwrap();
    assert_eq!(
        data.initiative(i).motivation("compliance"),
        Some("Avtal klart")
    );
}

#[test]
fn esc_cancels_and_nothing_is_written() {
    let mut rig = Rig::new(Lang::En, 100, 30);
    rig.select("Chattbot i kontaktcenter");
    let before = read(&rig, CHATTBOT);
    rig.keys("e2");
    assert_eq!(rig.press(KeyCode::Esc), Command::None);
    assert!(rig.app.prompt.is_none());
    assert_eq!(read(&rig, CHATTBOT), before);
    assert!(rig.app.session.done.is_empty());
}

#[test]
fn a_decision_defaults_forum_and_today_and_adds_one_line() {
    let mut rig = Rig::new(Lang::En, 100, 30);
    rig.app.today = Date::new(2026, 12, 1).unwrap();
    rig.select("Chattbot i kontaktcenter");
    rig.press(KeyCode::Enter);
    rig.keys("d");
    assert_eq!(rig.app.detail.as_ref().unwrap().tab, DetailTab::Decisions);
    rig.keys("x");
    let Step::Decision { outcome, form } = &rig.app.prompt.as_ref().unwrap().step else {
        panic!("decision form");
    };
    assert_eq!(*outcome, Outcome::Rejected);
    assert_eq!(form.fields[0].value, "beredningsgruppen");
    assert_eq!(form.fields[1].value, "2026-12-01");
    assert_eq!(form.focus, 2, "the note is where typing starts");
    let before = read(&rig, CHATTBOT);
    rig.keys("Ingen finansiering");
    rig.press(KeyCode::Enter);
    let after = read(&rig, CHATTBOT);
    // The file had no decisions: the list is added after everything else, indented as the
    // file's own lists are; a rejection also moves the stage to `rejected`, in the same write.
    assert_eq!(
        after,
        format!(
            "{}decisions:\n  - {{date: 2026-12-01, forum: beredningsgruppen, outcome: rejected, note: Ingen finansiering}}\n",
            before.replace("stage: idea\n", "stage: rejected\n")
        )
    );
    let i = index(&rig, "chattbot-kontaktcenter");
    let decisions = &rig.app.data.as_ref().unwrap().initiative(i).file.decisions;
    assert_eq!(decisions.len(), 1);
    assert_eq!(
        rig.status(),
        "decision rejected 2026-12-01 – saved to initiatives/chattbot-kontaktcenter.yaml"
    );
}

#[test]
fn a_bad_date_is_refused_in_the_prompt_and_nothing_is_written() {
    let mut rig = Rig::new(Lang::Sv, 100, 30);
    rig.select("Chattbot i kontaktcenter");
    let before = read(&rig, CHATTBOT);
    rig.keys("dp");
    rig.press_with(KeyCode::BackTab, KeyModifiers::SHIFT);
    for _ in 0..10 {
        rig.press(KeyCode::Backspace);
    }
    rig.keys("2026-13-01");
    assert_eq!(rig.press(KeyCode::Enter), Command::None);
    let prompt = rig.app.prompt.as_ref().expect("still open");
    assert_eq!(
        prompt.error.as_deref(),
        Some("Datumet \"2026-13-01\" går inte att läsa: skriv ÅÅÅÅ-MM-DD.")
    );
    assert_eq!(read(&rig, CHATTBOT), before);
}

#[test]
fn a_stage_change_from_the_list_updates_the_facets() {
    let mut rig = Rig::new(Lang::En, 100, 30);
    rig.select("Chattbot i kontaktcenter");
    let before = read(&rig, CHATTBOT);
    rig.keys("S");
    let Step::Stage(pick) = &rig.app.prompt.as_ref().unwrap().step else {
        panic!("stage list");
    };
    assert_eq!(pick.cursor, 0, "on the stage it has: idea");
    rig.keys("2");
    assert_eq!(
        changed_lines(&before, &read(&rig, CHATTBOT)),
        [("stage: idea".into(), "stage: preparation".into())]
    );
    let data = rig.app.data.as_ref().unwrap();
    let i = data.index_of("chattbot-kontaktcenter").unwrap();
    assert_eq!(data.initiative(i).stage(), Some(Stage::Preparation));
    let stages = &data.facets[&bered::report::dataset::Facet::Stage];
    assert!(
        stages.contains(&("preparation".to_string(), 3)),
        "{stages:?}"
    );
    assert_eq!(
        rig.status(),
        "stage idea → preparation – saved to initiatives/chattbot-kontaktcenter.yaml"
    );
    // The same stage again: nothing to write.
    rig.keys("S2");
    assert_eq!(
        rig.status(),
        "No change: the value was already so. Nothing was written."
    );
    assert_eq!(rig.app.session.done.len(), 1);
}

#[test]
fn a_follow_up_on_the_benefits_tab_with_a_swedish_decimal() {
    let mut rig = Rig::new(Lang::Sv, 100, 30);
    rig.select("E-arkiv för kommunen");
    rig.press(KeyCode::Enter);
    rig.keys("m");
    assert_eq!(rig.app.detail.as_ref().unwrap().tab, DetailTab::Benefits);
    // One benefit: straight to the form.
    let Step::FollowUp { benefit, .. } = &rig.app.prompt.as_ref().unwrap().step else {
        panic!("follow-up form");
    };
    assert_eq!(benefit, "digital-arkivering");
    rig.keys("tre");
    rig.press(KeyCode::Enter);
    assert!(
        rig.app.prompt.as_ref().unwrap().error.is_some(),
        "not a number"
    );
    for _ in 0..3 {
        rig.press(KeyCode::Backspace);
    }
    rig.keys("55,5");
    rig.press(KeyCode::Enter);
    let text = read(&rig, "initiatives/e-arkiv.yaml");
    assert!(
        text.contains(
            "      - {date: 2025-12-01, value: 30}\n      - {date: 2026-11-23, value: 55.5}\n"
        ),
        "{text}"
    );
    let i = index(&rig, "e-arkiv");
    let data = rig.app.data.as_ref().unwrap();
    assert_eq!(data.initiative(i).file.benefits[0].value.follow_up.len(), 2);
    assert_analysis_fresh(&rig);
    assert_eq!(
        rig.status(),
        "uppföljning digital-arkivering 55,5 per 2026-11-23 – sparat i initiatives/e-arkiv.yaml"
    );
}

#[test]
fn several_benefits_are_picked_from_a_list_and_none_is_said_plainly() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("portfolio.yaml");
    std::fs::write(
        &file,
        "name: Test\ninitiatives:\n  - id: a\n    title: A\n    stage: idea\n    benefits:\n      - {id: b1, title: Ett, start: 2026-01-01}\n      - {id: b2, title: Två, start: 2027-01-01}\n  - id: c\n    title: C\n    stage: idea\n",
    )
    .unwrap();
    let mut rig = Rig::at(&file, Lang::En);
    rig.select("A");
    rig.press(KeyCode::Enter);
    rig.keys("m");
    assert!(matches!(
        rig.app.prompt.as_ref().unwrap().step,
        Step::Benefit(_)
    ));
    rig.keys("2");
    rig.keys("7");
    rig.press(KeyCode::Enter);
    assert_eq!(
        rig.app.prompt.as_ref().unwrap().error.as_deref(),
        Some("2026-11-23 is before the benefit starts, 2027-01-01.")
    );
    rig.press(KeyCode::Esc);
    rig.press(KeyCode::Esc);
    rig.select("C");
    rig.press(KeyCode::Enter);
    rig.keys("m");
    assert!(rig.app.prompt.is_none());
    assert_eq!(rig.status(), "The initiative has no benefits to follow up.");
}

#[test]
fn undo_and_redo_restore_exact_bytes_and_the_ranking() {
    let mut rig = Rig::new(Lang::En, 100, 30);
    rig.select("Chattbot i kontaktcenter");
    let original = read(&rig, CHATTBOT);
    let analysis = rig.app.data.as_ref().unwrap().analysis.clone();
    rig.keys("e24");
    rig.press(KeyCode::Enter);
    let edited = read(&rig, CHATTBOT);
    assert_ne!(edited, original);
    assert_eq!(rig.press(KeyCode::Char('u')), Command::Undo);
    assert_eq!(read(&rig, CHATTBOT), original);
    assert_eq!(rig.app.data.as_ref().unwrap().analysis, analysis);
    assert_eq!(
        rig.status(),
        "Undone: score Better quality / user experience 3 → 4 – initiatives/chattbot-kontaktcenter.yaml restored"
    );
    assert_eq!(rig.press(KeyCode::Char('u')), Command::None);
    assert_eq!(rig.status(), "Nothing to undo.");
    assert_eq!(
        rig.press_with(KeyCode::Char('r'), KeyModifiers::CONTROL),
        Command::Redo
    );
    assert_eq!(read(&rig, CHATTBOT), edited);
    assert_analysis_fresh(&rig);
    assert!(
        rig.status()
            .starts_with("Redone: score Better quality / user experience 3 → 4")
    );
    rig.press_with(KeyCode::Char('r'), KeyModifiers::CONTROL);
    assert_eq!(rig.status(), "Nothing to redo.");
}

#[test]
fn a_file_changed_on_disk_is_not_overwritten_the_ui_reloads_and_says_so() {
    let mut rig = Rig::new(Lang::Sv, 100, 30);
    rig.select("Chattbot i kontaktcenter");
    // Someone pulled: the title changed on disk since the load.
    let pulled =
        read(&rig, CHATTBOT).replace("Chattbot i kontaktcenter", "Röstrobot i kontaktcenter");
    std::fs::write(rig.file(CHATTBOT), &pulled).unwrap();
    rig.keys("e24");
    assert!(matches!(rig.press(KeyCode::Enter), Command::Write(_)));
    assert_eq!(read(&rig, CHATTBOT), pulled, "nothing written over it");
    let status = rig.app.status.as_ref().unwrap();
    assert!(status.error);
    assert_eq!(
        status.text,
        "initiatives/chattbot-kontaktcenter.yaml: filen ändrades på disken; laddade om – gör ändringen igen. Inget skrevs. Omläst från disk: 0 nya, 1 ändrade, 0 borttagna – tryck C för att se ändringarna"
    );
    let i = index(&rig, "chattbot-kontaktcenter");
    assert_eq!(
        rig.app.data.as_ref().unwrap().initiative(i).title(),
        "Röstrobot i kontaktcenter",
        "the new state shows"
    );
    assert!(rig.app.session.done.is_empty());
    // Applied again on the reloaded file, the edit goes through and keeps the pulled change.
    rig.select("Röstrobot i kontaktcenter");
    rig.keys("e24");
    rig.press(KeyCode::Enter);
    let text = read(&rig, CHATTBOT);
    assert!(
        text.contains("Röstrobot") && text.contains("  quality: 4\n"),
        "{text}"
    );
}

#[test]
fn undo_is_refused_when_the_file_changed_since_the_edit() {
    let mut rig = Rig::new(Lang::En, 100, 30);
    rig.select("Chattbot i kontaktcenter");
    rig.keys("e24");
    rig.press(KeyCode::Enter);
    let theirs = read(&rig, CHATTBOT).replace("owner: Ahmed Nilsson", "owner: Lisa Ek");
    std::fs::write(rig.file(CHATTBOT), &theirs).unwrap();
    assert_eq!(rig.press(KeyCode::Char('u')), Command::Undo);
    assert_eq!(read(&rig, CHATTBOT), theirs);
    assert!(
        rig.status().contains("the file changed on disk; reloaded"),
        "{}",
        rig.status()
    );
    let i = index(&rig, "chattbot-kontaktcenter");
    let data = rig.app.data.as_ref().unwrap();
    assert_eq!(data.initiative(i).file.owner.as_deref(), Some("Lisa Ek"));
}

#[test]
fn the_built_in_sample_is_read_only() {
    let mut app = bered::tui::app::App::new(Lang::En, as_of());
    let loaded = bered::load::load_embedded();
    let dataset = bered::report::dataset::Dataset::build(loaded.portfolio, as_of(), &|_| {});
    app.apply_load(bered::report::dataset::LoadOutcome {
        dataset: Some(dataset),
        diagnostics: Vec::new(),
    });
    for key in ['e', 'd', 'S', 'M'] {
        assert_eq!(
            tui_support::press(&mut app, KeyCode::Char(key)),
            Command::None
        );
        assert!(app.prompt.is_none() && app.meeting.is_none());
        let status = app.status.as_ref().unwrap();
        assert!(status.error);
        assert_eq!(
            status.text,
            "The built-in sample portfolio is read-only – open your own with bered -p PATH."
        );
    }
}

#[test]
fn an_initiative_in_a_single_file_portfolio() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("portfolio.yaml");
    let source =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/valid/single.yaml");
    std::fs::copy(&source, &file).unwrap();
    let before = std::fs::read_to_string(&file).unwrap();
    let mut rig = Rig::at(&file, Lang::En);
    rig.select("Andra");
    rig.keys("S1");
    let after = std::fs::read_to_string(&file).unwrap();
    assert_eq!(
        changed_lines(&before, &after),
        [("    stage: preparation".into(), "    stage: idea".into())]
    );
    assert_eq!(
        rig.status(),
        "stage preparation → idea – saved to portfolio.yaml"
    );
    let data = rig.app.data.as_ref().unwrap();
    assert_eq!(
        data.initiative(data.index_of("andra").unwrap()).stage(),
        Some(Stage::Idea)
    );
    assert_analysis_fresh(&rig);
    rig.keys("u");
    assert_eq!(std::fs::read_to_string(&file).unwrap(), before);
}

#[test]
fn meeting_mode_steps_in_rank_order_and_records_in_two_keystrokes() {
    let mut rig = Rig::new(Lang::En, 100, 30);
    rig.keys("M");
    let meeting = rig.app.meeting.as_ref().expect("meeting");
    // The agenda: ideas and preparation in rank order; e-tjanst-bygglov, prioritised, awaits
    // the council.
    assert_eq!(
        meeting.queue,
        ["chattbot-kontaktcenter", "parkeringsapp", "skolplattform"]
    );
    assert_eq!(meeting.date, as_of());
    let before = read(&rig, CHATTBOT);
    rig.keys("p");
    assert!(matches!(
        rig.app.prompt.as_ref().unwrap().step,
        Step::MeetingNote { .. }
    ));
    rig.press(KeyCode::Enter);
    let after = read(&rig, CHATTBOT);
    assert!(after.starts_with(&before), "{after}");
    assert!(
        after.ends_with(
            "\ndecisions:\n  - {date: 2026-11-23, forum: beredningsgruppen, outcome: prioritised}\n"
        ),
        "{after}"
    );
    assert_eq!(rig.app.meeting.as_ref().unwrap().pos, 1, "on to the next");
    assert_eq!(
        rig.app.meeting_decisions(),
        [("chattbot-kontaktcenter", Outcome::Prioritised, None)]
    );
    rig.press(KeyCode::Left);
    assert_eq!(rig.app.meeting.as_ref().unwrap().pos, 0, "back");
    rig.keys("nnnn");
    assert_eq!(
        rig.app.meeting.as_ref().unwrap().pos,
        3,
        "past the last: the end page"
    );
    rig.keys("b");
    assert_eq!(
        rig.app.meeting_current(),
        Some(index(&rig, "skolplattform"))
    );
}

#[test]
fn ending_the_meeting_asks_for_attendees_and_writes_the_minutes() {
    let mut rig = Rig::new(Lang::Sv, 100, 30);
    let settings = rig.file("portfolio.yaml");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::Permissions::from_mode(0o644);
        std::fs::set_permissions(&settings, mode).unwrap();
    }
    rig.keys("M");
    // One score changed with a rationale, then two decisions.
    rig.keys("e24");
    rig.keys("Fler kanaler");
    rig.press(KeyCode::Enter);
    rig.keys("p");
    rig.press(KeyCode::Enter);
    rig.keys("r");
    rig.keys("nyttokalkylen");
    rig.press(KeyCode::Enter);
    assert_eq!(rig.press(KeyCode::Char('q')), Command::None);
    assert!(matches!(
        rig.app.prompt.as_ref().unwrap().step,
        Step::Attendees(_)
    ));
    rig.press(KeyCode::Esc);
    assert!(rig.app.meeting.is_some(), "Esc goes back to the meeting");
    rig.keys("q");
    rig.keys("Anna Berg, Olle Holm, Eva Ek");
    for role in [
        "Anna Berg",
        "Olle Holm",
        "Eva Ek",
        "Stadshuset",
        "13.00–14.30",
    ] {
        rig.press(KeyCode::Tab);
        rig.keys(role);
    }
    let command = rig.press(KeyCode::Enter);
    assert!(matches!(command, Command::WriteMinutes(_)), "{command:?}");
    assert!(rig.app.meeting.is_none());
    assert_eq!(
        rig.status(),
        "Mötet avslutat – protokollet sparat i protokoll-2026-11-23.md"
    );
    let minutes = read(&rig, "protokoll-2026-11-23.md");
    for expected in [
        "# Protokoll\n",
        "- **Datum:** 2026-11-23\n",
        "- **Tid:** 13.00–14.30\n",
        "- **Plats:** Stadshuset\n",
        "- **Närvarande:** Anna Berg, Olle Holm, Eva Ek\n",
        "- **Ordförande:** Anna Berg\n",
        "- **Sekreterare:** Olle Holm\n",
        "- **Justerare:** Eva Ek\n",
        "## § 1 Val av justerare\n",
        "## § 2 Godkännande av dagordningen\n",
        "## § 3 Chattbot i kontaktcenter (chattbot-kontaktcenter), Kontaktcenter\n",
        "- Poäng Förbättrad kvalitet / användarupplevelse: 3 → 4 (motivering: Fler kanaler)\n",
        "**Beslut:** Beredningsgruppen beslutar att prioritera initiativet och rekommendera det till digitaliseringsrådet.\n",
        "## § 4 Parkeringsapp för boende (parkeringsapp)",
        "**Beslut:** Beredningsgruppen beslutar att återremittera ärendet för komplettering av nyttokalkylen.\n",
        "## Initiativ på dagordningen som inte behandlades\n\n- Ny skolplattform (skolplattform)",
        "Olle Holm, sekreterare",
        "Anna Berg, ordförande",
        "Eva Ek, justerare",
    ] {
        assert!(
            minutes.contains(expected),
            "missing {expected:?}:\n{minutes}"
        );
    }
    let root = rig.file("");
    assert!(
        !minutes.contains(".yaml") && !minutes.contains(root.to_string_lossy().as_ref()),
        "no file paths:\n{minutes}"
    );
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let meta = std::fs::metadata(rig.file("protokoll-2026-11-23.md")).unwrap();
        assert_eq!(
            meta.permissions().mode() & 0o777,
            0o644,
            "as the portfolio's files"
        );
    }
    // A second meeting the same day, attendees now known: the minutes never overwrite, and
    // list only this meeting's decisions.
    rig.keys("M");
    assert_eq!(
        rig.app.meeting.as_ref().unwrap().queue,
        ["skolplattform"],
        "decided today: off the agenda"
    );
    rig.keys("x");
    rig.press(KeyCode::Enter);
    rig.keys("q");
    assert!(
        rig.status().ends_with("protokoll-2026-11-23-2.md"),
        "{}",
        rig.status()
    );
    let second = read(&rig, "protokoll-2026-11-23-2.md");
    assert!(
        second.contains("## § 3 Ny skolplattform (skolplattform)"),
        "{second}"
    );
    assert!(second.contains("beslutar att avslå ärendet."), "{second}");
    assert!(
        !second.contains("återremittera"),
        "only this meeting's decisions:\n{second}"
    );
}

#[test]
fn an_undone_meeting_decision_leaves_the_minutes_and_no_decision_no_minutes() {
    let mut rig = Rig::new(Lang::En, 100, 30);
    rig.app.attendees = Some("Anna".into());
    rig.keys("M");
    rig.keys("d");
    rig.press(KeyCode::Enter);
    assert_eq!(rig.app.meeting_decisions().len(), 1);
    rig.keys("u");
    assert!(rig.app.meeting_decisions().is_empty());
    rig.keys("q");
    assert!(rig.app.meeting.is_none());
    assert_eq!(
        rig.status(),
        "Meeting ended without decisions – no minutes written."
    );
    assert!(!rig.file("protokoll-2026-11-23.md").exists());
}

#[test]
fn a_meeting_decision_refused_on_disk_returns_to_its_initiative() {
    let mut rig = Rig::new(Lang::En, 100, 30);
    rig.keys("M");
    let file = rig.file(CHATTBOT);
    let pulled = std::fs::read_to_string(&file)
        .unwrap()
        .replace("Ahmed Nilsson", "Ahmed Ek");
    std::fs::write(&file, &pulled).unwrap();
    rig.keys("p");
    rig.press(KeyCode::Enter);
    assert_eq!(std::fs::read_to_string(&file).unwrap(), pulled);
    let meeting = rig.app.meeting.as_ref().unwrap();
    assert_eq!(meeting.pos, 0, "back to take the decision again");
    assert!(rig.app.meeting_decisions().is_empty());
    assert!(rig.status().contains("changed on disk"), "{}", rig.status());
    rig.keys("p");
    rig.press(KeyCode::Enter);
    assert_eq!(rig.app.meeting_decisions().len(), 1);
}

#[test]
fn the_meeting_needs_initiatives_on_the_agenda() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("p.yaml");
    std::fs::write(
        &file,
        "initiatives:\n  - id: a\n    title: A\n    stage: approved\n",
    )
    .unwrap();
    let mut rig = Rig::at(&file, Lang::Sv);
    rig.keys("M");
    assert!(rig.app.meeting.is_none());
    assert_eq!(
        rig.status(),
        "Inga initiativ på dagordningen att ta upp på mötet."
    );
}

#[test]
fn an_edit_that_would_change_more_is_refused_and_the_user_told_why() {
    let mut rig = Rig::new(Lang::En, 100, 30);
    // An anchor shared by two scores: changing one would change the other too.
    let text = read(&rig, CHATTBOT).replace(
        "  cost_savings: 3\n  quality: 3\n",
        "  cost_savings: &same 3\n  quality: *same\n",
    );
    std::fs::write(rig.file(CHATTBOT), &text).unwrap();
    rig.app.apply_load(bered::report::dataset::load(
        Some(&rig.path),
        as_of(),
        &|_| {},
    ));
    rig.select("Chattbot i kontaktcenter");
    rig.keys("e14");
    assert!(matches!(rig.press(KeyCode::Enter), Command::Write(_)));
    assert_eq!(read(&rig, CHATTBOT), text, "nothing written");
    let status = rig.app.status.as_ref().unwrap();
    assert!(status.error);
    assert!(
        status
            .text
            .starts_with("Nothing was written: the edit would also have changed"),
        "{}",
        status.text
    );
    assert!(rig.app.session.done.is_empty());
}

mod random {
    //! Random keys with their writes carried out: whatever is typed, the data kept up to date
    //! write by write is what a fresh load of the files gives, and every file still loads.

    use super::*;
    use proptest::prelude::*;

    fn key() -> impl Strategy<Value = (KeyCode, KeyModifiers)> {
        let chars = "edSmMupdrxgnbq0123456789 aö,.-";
        let code = prop_oneof![
            6 => prop::sample::select(chars.chars().collect::<Vec<_>>()).prop_map(KeyCode::Char),
            3 => prop::sample::select(vec![
                KeyCode::Enter,
                KeyCode::Esc,
                KeyCode::Up,
                KeyCode::Down,
                KeyCode::Tab,
                KeyCode::Backspace,
                KeyCode::Left,
                KeyCode::Right,
            ]),
        ];
        let ctrl_r = Just((KeyCode::Char('r'), KeyModifiers::CONTROL));
        prop_oneof![9 => code.prop_map(|c| (c, KeyModifiers::NONE)), 1 => ctrl_r]
    }

    fn same_as_on_disk(rig: &Rig) {
        let fresh = bered::report::dataset::load(Some(&rig.path), as_of(), &|_| {});
        assert_eq!(fresh.error_count(), 0, "{:?}", fresh.diagnostics);
        let fresh = fresh.dataset.expect("loads");
        let data = rig.app.data.as_ref().expect("loaded");
        assert_eq!(
            format!("{:?}", fresh.portfolio.initiatives),
            format!("{:?}", data.portfolio.initiatives)
        );
        assert_eq!(fresh.analysis, data.analysis);
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

        #[test]
        fn random_edits_keep_memory_and_disk_the_same(keys in prop::collection::vec(key(), 1..200)) {
            let mut rig = Rig::new(Lang::Sv, 80, 24);
            for (code, modifiers) in keys {
                let command = rig.press_with(code, modifiers);
                if !matches!(command, Command::None | Command::Quit) {
                    assert_analysis_fresh(&rig);
                }
            }
            same_as_on_disk(&rig);
        }
    }
}
