//! The edit commands as scripts and git workflows use them.

mod fixture_support;

use std::path::Path;
use std::process::Command;

use fixture_support::valid_portfolio_copy;

fn bered(dir: &Path, args: &[&str]) -> (Option<i32>, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_bered"))
        // The parse cache in the build folder, never in the home folder.
        .env(
            "XDG_CACHE_HOME",
            concat!(env!("CARGO_TARGET_TMPDIR"), "/xdg-cache"),
        )
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
        out.starts_with("e-tjanst-bygglov: score Project complexity 2 → 3 ("),
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
            "unknown criterion `qualty`; did you mean `quality` (Better quality / user experience)?",
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
    // No language set: Swedish, the municipality's working language.
    let out = Command::new(env!("CARGO_BIN_EXE_bered"))
        // The parse cache in the build folder, never in the home folder.
        .env(
            "XDG_CACHE_HOME",
            concat!(env!("CARGO_TARGET_TMPDIR"), "/xdg-cache"),
        )
        .args(["score", "digital-post", "quality", "3"])
        .current_dir(dir.path())
        .env_remove("LANG")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        String::from_utf8_lossy(&out.stderr),
        "bered: den inbyggda exempelportföljen kan inte ändras: ange en portfölj med -p SÖKVÄG (eller kör i en mapp som har ./portfolio)\n"
    );
}

/// The lines that differ, old and new, in order (an insertion shows as a line against "").
fn diff(before: &str, after: &str) -> Vec<(String, String)> {
    let (a, b): (Vec<&str>, Vec<&str>) = (before.lines().collect(), after.lines().collect());
    let mut out = Vec::new();
    let (mut i, mut j) = (0, 0);
    while i < a.len() || j < b.len() {
        match (a.get(i), b.get(j)) {
            (Some(x), Some(y)) if x == y => (i, j) = (i + 1, j + 1),
            (Some(x), Some(y)) if !a[i..].contains(y) => {
                out.push((x.to_string(), y.to_string()));
                (i, j) = (i + 1, j + 1);
            }
            (_, Some(y)) => {
                out.push((String::new(), y.to_string()));
                j += 1;
            }
            (Some(x), None) => {
                out.push((x.to_string(), String::new()));
                i += 1;
            }
            (None, None) => break,
        }
    }
    out
}

#[test]
fn an_approval_writes_the_decision_and_the_stage_in_one_edit_and_says_so_in_swedish() {
    let dir = valid_portfolio_copy();
    let file = dir.path().join("initiatives/e-tjanst-bygglov.yaml");
    let before = std::fs::read_to_string(&file).unwrap();
    let (code, out, err) = bered(
        dir.path(),
        &[
            "decide",
            "e-tjanst-bygglov",
            "approved",
            "--note",
            "Beviljas, förutsatt att",
            "--date",
            "2026-11-20",
            "--lang",
            "sv",
        ],
    );
    assert_eq!(code, Some(0), "{err}");
    assert!(
        out.starts_with(
            "e-tjanst-bygglov: beslut beslutad den 2026-11-20, fas beredning → beslutad ("
        ),
        "{out}"
    );
    let after = std::fs::read_to_string(&file).unwrap();
    assert_eq!(
        diff(&before, &after),
        [
            ("stage: preparation".into(), "stage: approved".into()),
            (
                String::new(),
                "  - {date: 2026-11-20, forum: beredningsgruppen, outcome: approved, note: 'Beviljas, förutsatt att'}".into()
            ),
        ]
    );
    assert!(after.contains("förutsatt"), "UTF-8 as written, never \\xF6");
    let (code, out, _) = bered(dir.path(), &["check"]);
    assert_eq!(code, Some(0), "{out}");
}

#[test]
fn a_deferral_leaves_the_stage() {
    let dir = valid_portfolio_copy();
    let file = dir.path().join("initiatives/e-tjanst-bygglov.yaml");
    let (code, out, _) = bered(
        dir.path(),
        &[
            "decide",
            "e-tjanst-bygglov",
            "deferred",
            "--date",
            "2026-11-20",
        ],
    );
    assert_eq!(code, Some(0));
    assert!(
        out.starts_with("e-tjanst-bygglov: decision deferred on 2026-11-20 ("),
        "{out}"
    );
    assert!(
        std::fs::read_to_string(&file)
            .unwrap()
            .contains("stage: preparation\n")
    );
}

#[test]
fn a_read_only_file_is_refused_and_left_alone() {
    use std::os::unix::fs::PermissionsExt as _;
    let dir = valid_portfolio_copy();
    let file = dir.path().join("initiatives/e-tjanst-bygglov.yaml");
    std::fs::set_permissions(&file, std::fs::Permissions::from_mode(0o444)).unwrap();
    let before = snapshot(dir.path());
    for (lang, said) in [
        ("en", "e-tjanst-bygglov.yaml: read-only: not changed\n"),
        ("sv", "e-tjanst-bygglov.yaml: skrivskyddad: inte ändrad\n"),
    ] {
        let (code, _, err) = bered(
            dir.path(),
            &["stage", "e-tjanst-bygglov", "approved", "--lang", lang],
        );
        assert_eq!(code, Some(2), "{err}");
        assert!(err.ends_with(said), "{err}");
    }
    assert_eq!(snapshot(dir.path()), before);
}

#[test]
fn an_edit_through_a_symlink_out_of_the_portfolio_is_refused() {
    let dir = valid_portfolio_copy();
    let outside = tempfile::tempdir().unwrap();
    let target = outside.path().join("annan.yaml");
    std::fs::copy(
        dir.path().join("initiatives/e-tjanst-bygglov.yaml"),
        &target,
    )
    .unwrap();
    let before = std::fs::read(&target).unwrap();
    let link = dir.path().join("initiatives/lank.yaml");
    std::os::unix::fs::symlink(&target, &link).unwrap();
    let (code, _, err) = bered(dir.path(), &["stage", "lank", "approved"]);
    assert_eq!(code, Some(2), "{err}");
    assert!(
        err.contains("lank.yaml: error: refused: a symbolic link to a file outside the portfolio"),
        "{err}"
    );
    assert_eq!(std::fs::read(&target).unwrap(), before);
}

#[test]
fn ids_that_are_not_ids_are_refused_by_new() {
    let dir = valid_portfolio_copy();
    let before = snapshot(dir.path());
    for (id, said) in [
        (
            "-",
            "an id is lower-case letters a–z, digits and hyphens, starting with a letter or digit, such as `e-tjanst-bygglov`; not `-`",
        ),
        (
            "con",
            "`con` is a reserved file name on Windows; choose another id",
        ),
        ("E tjänst", "not `E tjänst`"),
    ] {
        let (code, _, err) = bered(dir.path(), &["new", id, "--title", "X"]);
        assert_eq!(code, Some(2), "{id}");
        assert!(err.contains(said), "{id}: {err}");
    }
    assert_eq!(snapshot(dir.path()), before);
}

#[test]
fn today_is_the_date_in_the_local_time_zone() {
    // UTC+14 and UTC−11 are 25 hours apart: their dates always differ, while UTC's is one.
    let mut dates = Vec::new();
    for tz in ["Pacific/Kiritimati", "Pacific/Pago_Pago"] {
        let dir = valid_portfolio_copy();
        let out = Command::new(env!("CARGO_BIN_EXE_bered"))
            // The parse cache in the build folder, never in the home folder.
            .env(
                "XDG_CACHE_HOME",
                concat!(env!("CARGO_TARGET_TMPDIR"), "/xdg-cache"),
            )
            .args(["decide", "e-tjanst-bygglov", "deferred", "-p"])
            .arg(dir.path())
            .env("LANG", "en")
            .env("TZ", tz)
            .output()
            .unwrap();
        let text = String::from_utf8_lossy(&out.stdout).into_owned();
        let date = text
            .split_once("deferred on ")
            .map(|(_, rest)| rest[..10].to_string())
            .unwrap_or_else(|| panic!("{text}"));
        dates.push(bered::model::Date::parse(&date).unwrap());
    }
    assert!(dates[0] > dates[1], "{dates:?}");
}
