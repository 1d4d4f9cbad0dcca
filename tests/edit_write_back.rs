//! Write-back keeps everything else byte for byte: one score is one changed line, a decision
//! only adds lines, and nothing is written when the file changed on disk or a write fails.

use std::path::Path;

use bered::edit::{
    Applied, Edit, EditError, History, apply, digest, write_atomic, write_atomic_with,
};
use bered::model::{Date, Dec, Outcome, Stage};

fn score(criterion: &str, value: u8) -> Edit {
    Edit::Score {
        criterion: criterion.into(),
        value,
        motivation: None,
    }
}

fn decision(note: Option<&str>) -> Edit {
    let date = Date::parse("2026-11-23").unwrap();
    Edit::Decision {
        date,
        forum: Some("beredningsgruppen".into()),
        outcome: Outcome::Deferred,
        note: note.map(String::from),
    }
}

/// The lines that differ, as (old, new) pairs by position; files here keep their line count
/// except where a test adds lines.
fn changed_lines(old: &str, new: &str) -> Vec<(String, String)> {
    old.split_inclusive('\n')
        .zip(new.split_inclusive('\n'))
        .filter(|(a, b)| a != b)
        .map(|(a, b)| (a.to_string(), b.to_string()))
        .collect()
}

const COMMENTED: &str = "\
# Kommentar överst: behålls.
title: 'Digital ansökan om bygglov'   # enkelfnuttar
summary: \"Sökande lämnar kompletta ansökningar\"
stage: preparation

scores:
  cost_savings: 3      # Omkring 40 % kompletteras
  quality: 4
  compliance: 4
motivations: {quality: Tydlig förbättring}
";

#[test]
fn one_score_changes_exactly_one_line() {
    let new = apply(COMMENTED, None, &score("quality", 2)).unwrap();
    assert_eq!(
        changed_lines(COMMENTED, &new),
        [("  quality: 4\n".into(), "  quality: 2\n".into())]
    );
    assert_eq!(new.len(), COMMENTED.len());
}

#[test]
fn a_score_next_to_a_comment_keeps_the_comment() {
    let new = apply(COMMENTED, None, &score("cost_savings", 2)).unwrap();
    assert_eq!(
        changed_lines(COMMENTED, &new),
        [(
            "  cost_savings: 3      # Omkring 40 % kompletteras\n".into(),
            "  cost_savings: 2      # Omkring 40 % kompletteras\n".into()
        )]
    );
}

#[test]
fn a_motivation_in_a_flow_mapping_stays_flow() {
    let edit = Edit::Score {
        criterion: "quality".into(),
        value: 3,
        motivation: Some("Något sämre än väntat".into()),
    };
    let new = apply(COMMENTED, None, &edit).unwrap();
    assert_eq!(
        changed_lines(COMMENTED, &new),
        [
            ("  quality: 4\n".into(), "  quality: 3\n".into()),
            (
                "motivations: {quality: Tydlig förbättring}\n".into(),
                "motivations: {quality: Något sämre än väntat}\n".into()
            ),
        ]
    );
}

#[test]
fn crlf_files_stay_crlf_also_in_added_lines() {
    let crlf = COMMENTED.replace('\n', "\r\n")
        + "decisions:\r\n  - {date: 2026-10-12, outcome: prioritised}\r\n";
    let new = apply(&crlf, None, &score("quality", 1)).unwrap();
    assert_eq!(
        changed_lines(&crlf, &new),
        [("  quality: 4\r\n".into(), "  quality: 1\r\n".into())]
    );
    let added = apply(&crlf, None, &decision(None)).unwrap();
    assert!(added.starts_with(&crlf), "only appended");
    assert_eq!(
        &added[crlf.len()..],
        "  - {date: 2026-11-23, forum: beredningsgruppen, outcome: deferred}\r\n"
    );
    assert!(!added.replace("\r\n", "").contains('\n'), "no lone LF");
}

#[test]
fn a_decision_only_adds_lines_inside_decisions() {
    let text = "title: X\nstage: idea\ndecisions:\n  - {date: 2026-10-12, forum: beredningsgruppen, outcome: prioritised}\nbenefits: []\n";
    let new = apply(
        text,
        None,
        &decision(Some("Åter i januari: finansieringen")),
    )
    .unwrap();
    assert_eq!(
        new,
        "title: X\nstage: idea\ndecisions:\n  - {date: 2026-10-12, forum: beredningsgruppen, outcome: prioritised}\n  - {date: 2026-11-23, forum: beredningsgruppen, outcome: deferred, note: 'Åter i januari: finansieringen'}\nbenefits: []\n"
    );
}

#[test]
fn a_missing_decisions_key_is_created() {
    let text = "title: X # rubrik\nstage: idea\n";
    let new = apply(text, None, &decision(None)).unwrap();
    assert!(new.starts_with(text));
    let parsed = bered::load::yaml::parse::<bered::model::InitiativeFile>(&new).unwrap();
    assert_eq!(parsed.decisions.len(), 1);
    assert_eq!(parsed.decisions[0].value.outcome, Outcome::Deferred);
}

#[test]
fn block_style_sequences_stay_block_style() {
    let text =
        "title: X\nstage: idea\ndecisions:\n  - date: 2026-10-12\n    outcome: prioritised\n";
    let new = apply(text, None, &decision(None)).unwrap();
    assert!(new.starts_with(text), "{new}");
    let parsed = bered::load::yaml::parse::<bered::model::InitiativeFile>(&new).unwrap();
    assert_eq!(parsed.decisions.len(), 2);
}

#[test]
fn stage_change_keeps_the_rest() {
    let new = apply(COMMENTED, None, &Edit::Stage(Stage::Approved)).unwrap();
    assert_eq!(
        changed_lines(COMMENTED, &new),
        [("stage: preparation\n".into(), "stage: approved\n".into())]
    );
}

#[test]
fn a_follow_up_keeps_its_exact_decimal() {
    let text = "title: X\nstage: project\nbenefits:\n  - id: tid\n    title: Tid\n    follow_up:\n      - {date: 2026-06-30, value: 35}\n";
    let edit = Edit::FollowUp {
        benefit: "tid".into(),
        date: Date::parse("2026-11-23").unwrap(),
        value: Dec::parse("12345678901234567.891").unwrap(),
        note: Some("Efter andra halvåret".into()),
    };
    let new = apply(text, None, &edit).unwrap();
    assert_eq!(
        &new[text.len()..],
        "      - {date: 2026-11-23, value: 12345678901234567.891, note: Efter andra halvåret}\n"
    );
    let parsed = bered::load::yaml::parse::<bered::model::InitiativeFile>(&new).unwrap();
    assert_eq!(
        parsed.benefits[0].follow_up[1].value.value.to_string(),
        "12345678901234567.891"
    );
}

#[test]
fn an_initiative_in_a_single_file_portfolio() {
    let text = "name: En fil # kommentar\ninitiatives:\n  - id: forsta\n    title: Första\n    stage: idea\n    scores: {quality: 2}\n  - id: andra\n    title: Andra\n    stage: idea\n    scores: {quality: 2}\n";
    let new = apply(text, Some("andra"), &score("quality", 4)).unwrap();
    assert_eq!(
        changed_lines(text, &new),
        [(
            "    scores: {quality: 2}\n".into(),
            "    scores: {quality: 4}\n".into()
        )]
    );
    assert!(
        new.contains("    scores: {quality: 2}\n  - id: andra"),
        "the other initiative is untouched"
    );
}

#[test]
fn unknown_benefit_is_refused() {
    let edit = Edit::FollowUp {
        benefit: "nej".into(),
        date: Date::parse("2026-11-23").unwrap(),
        value: Dec::parse("1").unwrap(),
        note: None,
    };
    let err = apply(COMMENTED, None, &edit).unwrap_err();
    assert!(matches!(err, EditError::NotEditable(_)), "{err}");
}

fn temp_file(text: &str) -> (tempfile::TempDir, std::path::PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("x.yaml");
    std::fs::write(&path, text).unwrap();
    (dir, path)
}

fn files_in(dir: &Path) -> usize {
    std::fs::read_dir(dir).unwrap().count()
}

#[test]
fn a_file_changed_on_disk_is_not_overwritten() {
    let (dir, path) = temp_file(COMMENTED);
    let loaded_digest = digest(COMMENTED.as_bytes());
    std::fs::write(&path, COMMENTED.replace("quality: 4", "quality: 1")).unwrap(); // someone pulled
    let new = apply(COMMENTED, None, &score("compliance", 3)).unwrap();
    let err = write_atomic(&path, &new, loaded_digest).unwrap_err();
    assert!(matches!(err, EditError::ChangedOnDisk(_)), "{err}");
    assert!(
        std::fs::read_to_string(&path)
            .unwrap()
            .contains("quality: 1"),
        "their change stays"
    );
    assert_eq!(files_in(dir.path()), 1, "no temporary file left");
}

#[test]
fn a_failure_in_the_middle_of_a_write_leaves_the_old_file_intact() {
    let (dir, path) = temp_file(COMMENTED);
    let new = apply(COMMENTED, None, &score("quality", 1)).unwrap();
    let half_then_fail = |file: &mut std::fs::File, bytes: &[u8]| {
        std::io::Write::write_all(file, &bytes[..bytes.len() / 2])?;
        Err(std::io::Error::other("disk full"))
    };
    let err =
        write_atomic_with(&path, &new, digest(COMMENTED.as_bytes()), half_then_fail).unwrap_err();
    assert!(err.to_string().contains("disk full"), "{err}");
    assert_eq!(std::fs::read_to_string(&path).unwrap(), COMMENTED);
    assert_eq!(files_in(dir.path()), 1, "the temporary file is removed");
}

#[test]
fn a_write_keeps_the_permissions() {
    use std::os::unix::fs::PermissionsExt;
    let (_dir, path) = temp_file(COMMENTED);
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o640)).unwrap();
    let new = apply(COMMENTED, None, &score("quality", 1)).unwrap();
    write_atomic(&path, &new, digest(COMMENTED.as_bytes())).unwrap();
    assert_eq!(
        std::fs::metadata(&path).unwrap().permissions().mode() & 0o777,
        0o640
    );
    assert_eq!(std::fs::read_to_string(&path).unwrap(), new);
}

#[test]
fn undo_restores_the_exact_bytes_and_redo_reapplies() {
    let (_dir, path) = temp_file(COMMENTED);
    let mut history = History::default();
    let mut text = COMMENTED.to_string();
    for edit in [
        score("quality", 1),
        decision(Some("Första")),
        Edit::Stage(Stage::Parked),
    ] {
        let after = apply(&text, None, &edit).unwrap();
        write_atomic(&path, &after, digest(text.as_bytes())).unwrap();
        history.record(Applied {
            path: path.clone(),
            before: text.clone(),
            after: after.clone(),
            label: String::new(),
        });
        text = after;
    }
    let final_text = text.clone();
    while history.undo().unwrap().is_some() {}
    assert_eq!(std::fs::read(&path).unwrap(), COMMENTED.as_bytes());
    assert!(!history.can_undo() && history.can_redo());
    while history.redo().unwrap().is_some() {}
    assert_eq!(std::fs::read_to_string(&path).unwrap(), final_text);
}

#[test]
fn undo_refuses_when_someone_changed_the_file_since() {
    let (_dir, path) = temp_file(COMMENTED);
    let after = apply(COMMENTED, None, &score("quality", 1)).unwrap();
    write_atomic(&path, &after, digest(COMMENTED.as_bytes())).unwrap();
    let mut history = History::default();
    history.record(Applied {
        path: path.clone(),
        before: COMMENTED.into(),
        after,
        label: String::new(),
    });
    std::fs::write(&path, "title: Någon annans\nstage: idea\n").unwrap();
    assert!(matches!(history.undo(), Err(EditError::ChangedOnDisk(_))));
    assert_eq!(
        std::fs::read_to_string(&path).unwrap(),
        "title: Någon annans\nstage: idea\n"
    );
    assert!(history.can_undo(), "the step is kept for a later try");
}

#[test]
fn the_loader_records_the_digest_of_the_bytes_it_read() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/valid");
    let folder = bered::load::load(Some(&root)).unwrap();
    assert_eq!(folder.digests.len(), folder.portfolio.initiatives.len());
    for ini in &folder.portfolio.initiatives {
        let bytes = std::fs::read(&ini.path).unwrap();
        assert_eq!(folder.digests.get(&ini.path), Some(&digest(&bytes)));
    }
    let single = root.join("single.yaml");
    let file = bered::load::load(Some(&single)).unwrap();
    let bytes = std::fs::read(&single).unwrap();
    assert_eq!(file.digests.len(), 1);
    assert_eq!(file.digests.get(&single), Some(&digest(&bytes)));
    assert!(bered::load::load_embedded().digests.len() > 1);
}

#[test]
fn a_first_decisions_list_follows_the_files_style_before_its_trailing_comment() {
    let text = "title: X\nstage: idea\nbenefits:\n    - {id: a, title: A}\n\n# Slut på filen.\n";
    let new = apply(text, None, &decision(Some("Beviljas, förutsatt att"))).unwrap();
    assert_eq!(
        new,
        "title: X\nstage: idea\nbenefits:\n    - {id: a, title: A}\ndecisions:\n    - {date: 2026-11-23, forum: beredningsgruppen, outcome: deferred, note: 'Beviljas, förutsatt att'}\n\n# Slut på filen.\n"
    );
}

#[test]
fn a_note_with_a_quote_and_a_swedish_letter_stays_readable() {
    let text = "title: X\nstage: idea\ndecisions:\n  - {date: 2026-10-12, outcome: prioritised}\n";
    let new = apply(text, None, &decision(Some("Kim's förslag, åter i maj"))).unwrap();
    assert!(
        new.ends_with("note: 'Kim''s förslag, åter i maj'}\n"),
        "{new}"
    );
}

#[test]
fn an_approval_or_rejection_moves_the_stage_in_the_same_edit() {
    let text =
        "title: X\nstage: preparation\ndecisions:\n  - {date: 2026-10-12, outcome: prioritised}\n";
    for (outcome, stage) in [
        (Outcome::Approved, "approved"),
        (Outcome::Rejected, "rejected"),
    ] {
        let edit = Edit::Decision {
            date: Date::parse("2026-11-23").unwrap(),
            forum: None,
            outcome,
            note: None,
        };
        let new = apply(text, None, &edit).unwrap();
        assert_eq!(
            new,
            format!(
                "title: X\nstage: {stage}\ndecisions:\n  - {{date: 2026-10-12, outcome: prioritised}}\n  - {{date: 2026-11-23, outcome: {stage}}}\n"
            )
        );
    }
    let new = apply(text, None, &decision(None)).unwrap();
    assert!(
        new.contains("stage: preparation\n"),
        "a deferral leaves the stage"
    );
}
