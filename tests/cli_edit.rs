//! The edit commands as scripts and git workflows use them.

mod fixture_support;

use std::path::Path;
use std::process::Command;

use fixture_support::valid_portfolio_copy;

fn bered(dir: &Path, args: &[&str]) -> (Option<i32>, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_bered"))
        .args(args)
        .arg("-p")
        .arg(dir)
        .env("LANG", "en")
        .output()
        .unwrap();
    (
        out.status.code(),
        String::from_utf8_lossy(&out.stdout).into(),
        String::from_utf8_lossy(&out.stderr).into(),
    )
}

fn snapshot(dir: &Path) -> Vec<(String, Vec<u8>)> {
    let mut files: Vec<_> = std::fs::read_dir(dir.join("initiatives"))
        .unwrap()
        .map(|e| {
            let p = e.unwrap().path();
            (p.display().to_string(), std::fs::read(&p).unwrap())
        })
        .collect();
    files.sort();
    files
}

#[test]
fn score_changes_one_line_and_says_what_it_did() {
    let dir = valid_portfolio_copy();
    let file = dir.path().join("initiatives/e-tjanst-bygglov.yaml");
    let before = std::fs::read_to_string(&file).unwrap();
    let (code, out, _) = bered(
        dir.path(),
        &[
            "score",
            "e-tjanst-bygglov",
            "complexity",
            "3",
            "--why",
            "Beprövad integration",
        ],
    );
    assert_eq!(code, Some(0));
    assert!(
        out.starts_with("e-tjanst-bygglov: complexity = 3 ("),
        "{out}"
    );
    let after = std::fs::read_to_string(&file).unwrap();
    let changed: Vec<_> = before
        .lines()
        .zip(after.lines())
        .filter(|(a, b)| a != b)
        .collect();
    assert_eq!(
        changed,
        [
            ("  complexity: 2", "  complexity: 3"),
            (
                "  complexity: Integrationen mot ärendesystemet är oprövad.",
                "  complexity: Beprövad integration"
            ),
        ]
    );
}

#[test]
fn invalid_values_and_unknown_ids_change_nothing() {
    let dir = valid_portfolio_copy();
    let before = snapshot(dir.path());
    let cases: [(&[&str], &str); 6] = [
        (
            &["score", "e-tjanst-bygglov", "quality", "5"],
            "a score is a whole number from 1 to 4, not 5",
        ),
        (
            &["score", "e-tjanst-bygglov", "qualty", "3"],
            "unknown criterion `qualty`; did you mean `quality`?",
        ),
        (
            &["score", "e-tjanst-bygglv", "quality", "3"],
            "no initiative `e-tjanst-bygglv`; did you mean `e-tjanst-bygglov`?",
        ),
        (
            &["follow-up", "e-tjanst-bygglov", "snabbare", "3"],
            "no benefit `snabbare` in `e-tjanst-bygglov`; its benefits are: kortare-handlaggning",
        ),
        (
            &[
                "follow-up",
                "e-tjanst-bygglov",
                "kortare-handlaggning",
                "30",
                "--date",
                "2025-01-01",
            ],
            "a follow-up dated 2025-01-01 would be before benefit `kortare-handlaggning` starts 2026-01-01",
        ),
        (
            &["new", "exakta-belopp", "--title", "Finns redan"],
            "exakta-belopp.yaml already exists; nothing was written",
        ),
    ];
    for (args, message) in cases {
        let (code, _, err) = bered(dir.path(), args);
        assert_eq!(code, Some(2), "{args:?}");
        assert!(err.contains(message), "{args:?}: {err}");
    }
    let (code, _, _) = bered(dir.path(), &["stage", "e-tjanst-bygglov", "projekt"]);
    assert_eq!(code, Some(2), "clap refuses an unknown stage");
    assert_eq!(snapshot(dir.path()), before);
}

#[test]
fn decide_stage_and_follow_up_then_check_passes() {
    let dir = valid_portfolio_copy();
    let steps: [&[&str]; 3] = [
        &[
            "decide",
            "e-tjanst-bygglov",
            "approved",
            "--note",
            "Finansiering klar",
            "--date",
            "2026-11-20",
        ],
        &["stage", "e-tjanst-bygglov", "approved"],
        &[
            "follow-up",
            "e-tjanst-bygglov",
            "kortare-handlaggning",
            "31.5",
            "--date",
            "2027-09-30",
        ],
    ];
    for args in steps {
        let (code, _, err) = bered(dir.path(), args);
        assert_eq!(code, Some(0), "{args:?}: {err}");
    }
    let (code, out, _) = bered(dir.path(), &["check"]);
    assert_eq!(code, Some(0), "{out}");
    let text =
        std::fs::read_to_string(dir.path().join("initiatives/e-tjanst-bygglov.yaml")).unwrap();
    assert!(text.contains("  - {date: 2026-11-20, forum: beredningsgruppen, outcome: approved, note: Finansiering klar}\n"));
    assert!(text.contains("      - {date: 2027-09-30, value: 31.5}\n"));
}

#[test]
fn new_writes_a_commented_file_that_passes_check() {
    let dir = valid_portfolio_copy();
    let (code, out, err) = bered(
        dir.path(),
        &["new", "ny-e-tjanst", "--title", "Ny e-tjänst: \"bokning\""],
    );
    assert_eq!(code, Some(0), "{err}");
    assert!(out.contains("ny-e-tjanst: created"));
    let text = std::fs::read_to_string(dir.path().join("initiatives/ny-e-tjanst.yaml")).unwrap();
    assert!(text.starts_with(
        "# yaml-language-server: $schema=../schema/initiative.schema.json\n# Nytt initiativ."
    ));
    let (code, out, _) = bered(dir.path(), &["check"]);
    assert_eq!(code, Some(0), "{out}");
    assert!(out.contains("3 initiatives loaded, 0 errors"), "{out}");
}

#[test]
fn the_built_in_sample_is_read_only() {
    let dir = tempfile::tempdir().unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_bered"))
        .args(["score", "digital-post", "quality", "3"])
        .current_dir(dir.path())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(
        String::from_utf8_lossy(&out.stderr)
            .contains("the built-in sample portfolio cannot be edited")
    );
}
