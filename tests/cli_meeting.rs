//! Meeting day from the command line and the TUI together (issue 12): a decision that declines
//! an initiative takes it out of the pipeline, the budget and the agenda; the budget line is the
//! same in the TUI, `rank --format json` and the agenda's annex, and a search never moves it.

mod tui_support;

use std::collections::BTreeMap;
use std::path::Path;
use std::process::{Command, Output};

use bered::i18n::Lang;
use bered::report::ranking::{Column, LineItem, Separator};
use crossterm::event::KeyCode;
use tui_support::{app_from, press, type_text};

fn bered(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_bered"))
        .args(args)
        .args(["--as-of", "2026-11-23", "--lang", "en"])
        .current_dir(dir)
        .output()
        .expect("bered runs")
}

fn stdout(out: Output) -> String {
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

fn sample() -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("portfolio")
}

/// A writable copy of the sample portfolio.
fn sample_copy() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let src = sample();
    std::fs::create_dir(dir.path().join("initiatives")).unwrap();
    std::fs::copy(
        src.join("portfolio.yaml"),
        dir.path().join("portfolio.yaml"),
    )
    .unwrap();
    for entry in std::fs::read_dir(src.join("initiatives")).unwrap() {
        let p = entry.unwrap().path();
        std::fs::copy(
            &p,
            dir.path().join("initiatives").join(p.file_name().unwrap()),
        )
        .unwrap();
    }
    dir
}

/// id → (section, within_budget) from `rank --format json`.
fn ranked(dir: &Path) -> BTreeMap<String, (String, Option<bool>)> {
    let text = stdout(bered(dir, &["rank", ".", "--format", "json"]));
    let rows: serde_json::Value = serde_json::from_str(&text).unwrap();
    rows.as_array()
        .unwrap()
        .iter()
        .map(|r| {
            (
                r["id"].as_str().unwrap().to_string(),
                (
                    r["section"].as_str().unwrap().to_string(),
                    r["within_budget"].as_bool(),
                ),
            )
        })
        .collect()
}

#[test]
fn a_rejected_initiative_is_declined_outside_the_budget_and_off_the_agenda() {
    let dir = sample_copy();
    let before = ranked(dir.path());
    assert_eq!(before["oppna-data"].0, "pipeline");
    let agenda = stdout(bered(
        dir.path(),
        &["minutes", ".", "--print", "--date", "2026-11-23"],
    ));
    assert!(agenda.contains("(oppna-data)"), "{agenda}");
    stdout(bered(
        dir.path(),
        &["decide", "oppna-data", "rejected", "-p", "."],
    ));
    let file = dir.path().join("initiatives/oppna-data.yaml");
    // Where `decide` does not move the stage itself, the group moves it.
    if !std::fs::read_to_string(&file)
        .unwrap()
        .contains("stage: rejected")
    {
        stdout(bered(
            dir.path(),
            &["stage", "oppna-data", "rejected", "-p", "."],
        ));
    }
    let after = ranked(dir.path());
    assert_eq!(after["oppna-data"], ("declined".to_string(), None));
    // The others keep their places against the line.
    for (id, (section, within)) in &after {
        if id != "oppna-data" {
            assert_eq!(&before[id], &(section.clone(), *within), "{id}");
        }
    }
    let agenda = stdout(bered(
        dir.path(),
        &["minutes", ".", "--print", "--date", "2026-11-24"],
    ));
    assert!(!agenda.contains("oppna-data"), "{agenda}");
}

/// id → within/beyond/– as the annex of the agenda shows it.
fn annex_positions(text: &str) -> BTreeMap<String, String> {
    text.lines()
        .filter(|l| l.starts_with("| ") && !l.starts_with("| §"))
        .map(|l| {
            let cells: Vec<&str> = l.trim_matches('|').split(" | ").map(str::trim).collect();
            (cells[2].replace('\\', ""), cells[8].to_string())
        })
        .collect()
}

#[test]
fn the_budget_line_is_the_same_in_the_tui_the_json_and_the_annex_and_a_search_never_moves_it() {
    let json = ranked(&sample());
    let word = |w: Option<bool>| match w {
        Some(true) => "within",
        Some(false) => "beyond",
        None => "–",
    };
    let annex = stdout(bered(
        &sample(),
        &["minutes", ".", "--print", "--date", "2026-11-23"],
    ));
    let annex = annex_positions(&annex);
    assert!(annex.len() > 5, "{annex:?}");
    for (id, position) in &annex {
        assert_eq!(position, word(json[id].1), "{id}");
    }
    let mut app = app_from(&sample(), Lang::En, 120, 40);
    let shown = |app: &bered::tui::app::App| -> Vec<(String, String, bool)> {
        let data = app.data.as_ref().unwrap();
        let mut line_above = false;
        let mut out = Vec::new();
        for line in 0..app.view.line_count() {
            match app.view.at_line(line) {
                Some(LineItem::Separator(Separator::BudgetLine)) => line_above = true,
                Some(LineItem::Row(k)) => {
                    let i = app.view.rows[k];
                    let cell = Column::Budget.cell(
                        data.initiative(i),
                        data.item(i),
                        bered::report::cell::Form::Full,
                    );
                    out.push((
                        data.initiative(i).id.clone(),
                        cell.render(Lang::En),
                        line_above,
                    ));
                    line_above = false;
                }
                _ => {}
            }
        }
        out
    };
    let all = shown(&app);
    for (id, position, _) in &all {
        assert_eq!(position, word(json[id].1), "{id}");
    }
    // The line stands above the first beyond, and only there.
    let first_beyond = all.iter().position(|(_, p, _)| p == "beyond").unwrap();
    let lines: Vec<usize> = all
        .iter()
        .enumerate()
        .filter(|(_, r)| r.2)
        .map(|(n, _)| n)
        .collect();
    assert_eq!(lines, [first_beyond]);
    press(&mut app, KeyCode::Char('/'));
    type_text(&mut app, "fall");
    let found = shown(&app);
    assert!(!found.is_empty() && found.len() < all.len(), "{found:?}");
    for (id, position, above) in &found {
        assert_eq!(
            position,
            word(json[id].1),
            "{id}: a search never changes within/beyond"
        );
        if *above {
            assert_eq!(
                position, "beyond",
                "{id}: the line only ever stands above a beyond"
            );
        }
    }
}
