//! `bered check` and `bered schema` as a portfolio editor and CI run them.

use std::path::Path;
use std::process::Command;

fn bered(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_bered"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env("LANG", "en_GB.UTF-8")
        .output()
        .expect("bered runs")
}

fn fixtures(rel: &str) -> String {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(rel)
        .display()
        .to_string()
}

#[test]
fn check_passes_on_a_valid_portfolio_with_exit_0() {
    let out = bered(&["check", &fixtures("valid")]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        text.ends_with("valid: 2 initiatives loaded, 0 errors, 0 warnings\n"),
        "{text}"
    );
}

#[test]
fn check_fails_with_exit_1_and_compiler_style_output() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("initiatives")).unwrap();
    std::fs::write(dir.path().join("portfolio.yaml"), "name: T\n").unwrap();
    std::fs::write(
        dir.path().join("initiatives/a.yaml"),
        "title: A\nstage: idea\nscores:\n  complexty: 3\n",
    )
    .unwrap();
    let out = bered(&["check", &dir.path().display().to_string()]);
    assert_eq!(out.status.code(), Some(1));
    let text = String::from_utf8(out.stdout).unwrap();
    let path = dir.path().join("initiatives/a.yaml").display().to_string();
    let expected = format!(
        "{path}:4:3: error: unknown criterion `complexty`\n  |\n4 |   complexty: 3\n  |   ^\n  = hint: did you mean `complexity`?\n\n"
    );
    assert!(text.starts_with(&expected), "{text}");
    assert!(
        text.ends_with(": 0 initiatives loaded, 1 error, 0 warnings\n"),
        "{text}"
    );
}

#[test]
fn check_json_is_for_machines() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("initiatives")).unwrap();
    std::fs::write(
        dir.path().join("initiatives/a.yaml"),
        "title: A\nstage: projekt\n",
    )
    .unwrap();
    let out = bered(&[
        "check",
        "--format",
        "json",
        &dir.path().display().to_string(),
    ]);
    assert_eq!(out.status.code(), Some(1));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    assert_eq!(v["errors"], 1);
    assert_eq!(v["warnings"], 1, "no portfolio.yaml is a warning");
    let d = v["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["severity"] == "error")
        .unwrap();
    assert_eq!(
        (d["line"].as_u64(), d["column"].as_u64()),
        (Some(2), Some(8))
    );
    assert_eq!(d["hint"], "did you mean `project`?");
}

#[test]
fn usage_errors_exit_2() {
    let out = bered(&["check", "--format", "xml"]);
    assert_eq!(out.status.code(), Some(2));
    let out = bered(&["check", "/no/such/portfolio"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("/no/such/portfolio: no such file or folder")
    );
}

#[test]
fn the_sample_portfolio_passes_check() {
    let out = bered(&["check", "portfolio"]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
}

#[test]
fn the_embedded_sample_is_used_outside_a_portfolio_folder() {
    let dir = tempfile::tempdir().unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_bered"))
        .args(["check"])
        .current_dir(dir.path())
        .env("LANG", "en")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        text.contains("the sample portfolio (built-in, read-only): "),
        "{text}"
    );
    let on_disk =
        std::fs::read_dir(Path::new(env!("CARGO_MANIFEST_DIR")).join("portfolio/initiatives"))
            .unwrap()
            .count();
    assert!(
        text.contains(&format!(": {on_disk} initiatives loaded")),
        "{text}"
    );
}

#[test]
fn committed_schemas_equal_the_output_of_bered_schema() {
    for (kind, file) in [
        ("initiative", "initiative.schema.json"),
        ("portfolio", "portfolio.schema.json"),
    ] {
        let out = bered(&["schema", "--kind", kind, "-p", "portfolio"]);
        assert_eq!(out.status.code(), Some(0));
        let committed = std::fs::read_to_string(
            Path::new(env!("CARGO_MANIFEST_DIR"))
                .join("portfolio/schema")
                .join(file),
        )
        .unwrap();
        assert_eq!(
            String::from_utf8(out.stdout).unwrap(),
            committed,
            "run `cargo run -- schema --out portfolio/schema`"
        );
    }
}

#[test]
fn sample_files_point_editors_at_the_committed_schema() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("portfolio");
    let first = |p: &Path| {
        std::fs::read_to_string(p)
            .unwrap()
            .lines()
            .next()
            .unwrap_or_default()
            .to_string()
    };
    assert_eq!(
        first(&root.join("portfolio.yaml")),
        "# yaml-language-server: $schema=schema/portfolio.schema.json"
    );
    for entry in std::fs::read_dir(root.join("initiatives")).unwrap() {
        let path = entry.unwrap().path();
        assert_eq!(
            first(&path),
            "# yaml-language-server: $schema=../schema/initiative.schema.json",
            "{}",
            path.display()
        );
    }
}
