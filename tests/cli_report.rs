//! `bered rank`, `show` and `summary` as scripts, meetings and CI run them, on the sample
//! portfolio in `portfolio/`.

use std::process::{Command, Output};

fn bered(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_bered"))
        // The parse cache in the build folder, never in the home folder.
        .env(
            "XDG_CACHE_HOME",
            concat!(env!("CARGO_TARGET_TMPDIR"), "/xdg-cache"),
        )
        .args(args)
        .args(["--as-of", "2026-11-23"])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env("LANG", "en_GB.UTF-8")
        .output()
        .expect("bered runs")
}

fn stdout(out: &Output) -> String {
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout.clone()).unwrap()
}

#[test]
fn rank_json_is_the_whole_ranking_in_order() {
    // `--all`: the whole portfolio as one list, in rank order.
    let text = stdout(&bered(&["rank", "portfolio", "--format", "json", "--all"]));
    let rows: serde_json::Value = serde_json::from_str(&text).unwrap();
    let rows = rows.as_array().unwrap();
    assert!(rows.len() >= 30, "{}", rows.len());
    for (n, row) in rows.iter().enumerate() {
        assert_eq!(row["rank"], n + 1);
    }
    // Blocked ones come last.
    assert_eq!(rows.last().unwrap()["gate"], "blocked");
    // By default the pipeline first, then each titled group, every initiative once.
    let text = stdout(&bered(&["rank", "portfolio", "--format", "json"]));
    let default: serde_json::Value = serde_json::from_str(&text).unwrap();
    let default = default.as_array().unwrap();
    assert_eq!(default.len(), rows.len());
    let order = [
        "pipeline",
        "committed",
        "running",
        "declined",
        "incomplete",
        "blocked",
    ];
    let place = |row: &serde_json::Value| order.iter().position(|s| row["section"] == *s);
    let places: Vec<Option<usize>> = default.iter().map(place).collect();
    assert!(places.iter().all(Option::is_some), "{places:?}");
    assert!(places.windows(2).all(|w| w[0] <= w[1]), "{places:?}");
    assert_eq!(default[0]["section"], "pipeline");
    assert_eq!(default[0]["within_budget"], true);
}

#[test]
fn rank_filters_combine_and_typos_are_refused() {
    let text = stdout(&bered(&[
        "rank",
        "-p",
        "portfolio",
        "--format",
        "csv",
        "--stage",
        "idea,preparation",
        "--gate",
        "pass",
    ]));
    let lines: Vec<&str> = text.lines().skip(1).collect();
    assert!(!lines.is_empty());
    for line in lines {
        assert!(
            line.contains(",idea,") || line.contains(",preparation,"),
            "{line}"
        );
        assert!(line.contains(",pass,"), "{line}");
    }
    let out = bered(&["rank", "portfolio", "--stage", "idee"]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("unknown stage `idee`; valid values: approved, closed, idea,"),
        "{err}"
    );
}

#[test]
fn rank_table_and_markdown_for_the_meeting() {
    let table = stdout(&bered(&["rank", "portfolio", "--lang", "sv"]));
    assert!(table.contains("rangordning per 2026-11-23"));
    assert!(table.lines().all(|l| l.chars().count() <= 100));
    let md = stdout(&bered(&["rank", "portfolio", "--format", "markdown"]));
    assert!(md.starts_with("# "));
    assert!(md.contains("| Rank | Title | Unit | Stage |"));
}

#[test]
fn show_prints_one_initiative_or_suggests_ids() {
    let text = stdout(&bered(&[
        "-p",
        "portfolio",
        "show",
        "e-tjanst-bygglov",
        "--format",
        "json",
    ]));
    let v: serde_json::Value = serde_json::from_str(&text).unwrap();
    assert_eq!(v["id"], "e-tjanst-bygglov");
    assert!(v["evaluation"]["criteria"].as_array().unwrap().len() == 11);
    let text = stdout(&bered(&["-p", "portfolio", "show", "e-tjanst-bygglov"]));
    assert!(text.contains("Scores"));
    let out = bered(&["-p", "portfolio", "show", "bygglov"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("did you mean"));
}

#[test]
fn summary_in_every_format() {
    let v: serde_json::Value = serde_json::from_str(&stdout(&bered(&[
        "summary",
        "portfolio",
        "--format",
        "json",
    ])))
    .unwrap();
    assert!(v["initiatives"].as_u64().unwrap() >= 30);
    assert!(v["maturity"]["benefit_realisation_level"].is_number());
    let text = stdout(&bered(&["summary", "portfolio", "--lang", "sv"]));
    assert!(text.contains("DiMiOS-spegel"));
    let md = stdout(&bered(&["summary", "portfolio", "--format", "markdown"]));
    assert!(md.contains("## Cost of delay"));
}

#[test]
fn errors_in_the_portfolio_are_said_on_stderr() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("initiatives")).unwrap();
    std::fs::write(dir.path().join("portfolio.yaml"), "name: T\n").unwrap();
    std::fs::write(
        dir.path().join("initiatives/a.yaml"),
        "title: A\nstage: idea\n",
    )
    .unwrap();
    std::fs::write(
        dir.path().join("initiatives/b.yaml"),
        "title: B\nstage: idee\n",
    )
    .unwrap();
    let out = bered(&[
        "rank",
        &dir.path().display().to_string(),
        "--format",
        "json",
    ]);
    let text = stdout(&out);
    assert_eq!(
        serde_json::from_str::<serde_json::Value>(&text)
            .unwrap()
            .as_array()
            .unwrap()
            .len(),
        1
    );
    assert!(String::from_utf8_lossy(&out.stderr).contains("1 error(s) in the portfolio"));
}
