//! `bered check` and `bered schema` as a portfolio editor and CI run them.

use std::path::Path;
use std::process::Command;

fn bered(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_bered"))
        // The parse cache in the build folder, never in the home folder.
        .env(
            "XDG_CACHE_HOME",
            concat!(env!("CARGO_TARGET_TMPDIR"), "/xdg-cache"),
        )
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
        // The parse cache in the build folder, never in the home folder.
        .env(
            "XDG_CACHE_HOME",
            concat!(env!("CARGO_TARGET_TMPDIR"), "/xdg-cache"),
        )
        .args(["check"])
        .current_dir(dir.path())
        .env("LANG", "en")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        text.contains("sample portfolio (built in, read-only): "),
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

/// `bered check` in `dir`'s portfolio with `LANG`, waiting at most `limit` for it (a guard
/// against a hang, not a measurement): exit code, stdout, stderr.
fn check_in(dir: &Path, lang: &str, args: &[&str]) -> (Option<i32>, String, String) {
    use std::time::{Duration, Instant};
    let mut child = Command::new(env!("CARGO_BIN_EXE_bered"))
        // The parse cache in the build folder, never in the home folder.
        .env(
            "XDG_CACHE_HOME",
            concat!(env!("CARGO_TARGET_TMPDIR"), "/xdg-cache"),
        )
        .arg("check")
        .arg(dir)
        .args(args)
        .env("LANG", lang)
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let start = Instant::now();
    while child.try_wait().unwrap().is_none() {
        if start.elapsed() > Duration::from_secs(60) {
            let _ = child.kill();
            panic!("bered check hung on {}", dir.display());
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    let out = child.wait_with_output().unwrap();
    (
        out.status.code(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// A portfolio folder with one good initiative; `make` adds the hostile entry.
fn hostile(make: impl FnOnce(&Path)) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("initiatives")).unwrap();
    std::fs::write(dir.path().join("portfolio.yaml"), "name: Fientlig\n").unwrap();
    std::fs::write(
        dir.path().join("initiatives/bra.yaml"),
        "title: Bra\nstage: idea\n",
    )
    .unwrap();
    make(&dir.path().join("initiatives"));
    dir
}

#[test]
fn a_symlink_to_a_file_outside_is_named_and_its_bytes_never_shown() {
    let outside = tempfile::tempdir().unwrap();
    let secret = outside.path().join("environ");
    std::fs::write(&secret, "title: CI_TOKEN=hemligt-värde-123\n").unwrap();
    let dir = hostile(|d| std::os::unix::fs::symlink(&secret, d.join("hemlig.yaml")).unwrap());
    for format in ["text", "json"] {
        let (code, out, err) = check_in(dir.path(), "en", &["--format", format]);
        assert_eq!(code, Some(1), "{out}");
        assert!(
            !out.contains("hemligt") && !err.contains("hemligt"),
            "{out}{err}"
        );
        assert!(
            out.contains("refused: a symbolic link to a file outside the portfolio"),
            "{out}"
        );
        assert!(out.contains("hemlig.yaml"), "{out}");
    }
    let (_, out, _) = check_in(dir.path(), "en", &[]);
    assert!(out.contains(
        "initiatives/hemlig.yaml: error: refused: a symbolic link to a file outside the portfolio\n"
    ), "{out}");
}

#[test]
fn a_symlink_to_dev_zero_and_a_fifo_are_refused_at_once() {
    let dir = hostile(|d| {
        std::os::unix::fs::symlink("/dev/zero", d.join("noll.yaml")).unwrap();
        let made = Command::new("mkfifo")
            .arg(d.join("ror.yaml"))
            .status()
            .unwrap();
        assert!(made.success());
    });
    let (code, out, _) = check_in(dir.path(), "en", &[]);
    assert_eq!(code, Some(1), "{out}");
    assert!(
        out.contains("noll.yaml: error: refused: a symbolic link to a file outside the portfolio"),
        "{out}"
    );
    assert!(
        out.contains("ror.yaml: error: refused: a named pipe (FIFO), not a file"),
        "{out}"
    );
    assert!(
        out.ends_with(": 1 initiatives loaded, 2 errors, 0 warnings\n"),
        "{out}"
    );
}

#[test]
fn control_characters_never_reach_the_terminal_raw() {
    let payload = "\\e]0;PWN\\a\\e[2J\\u202E\\0";
    let dir = hostile(|d| {
        let text =
            format!("title: \"{payload}\"\nstage: idea\n\"k{payload}\": 1\n# \u{1b}[2J\u{202e}\n");
        std::fs::write(d.join("styr.yaml"), text).unwrap();
        std::fs::write(d.join("namn\u{1b}[2J.yaml"), "titel: \u{1b}]0;x\u{7}\n").unwrap();
    });
    for lang in ["en", "sv_SE.UTF-8"] {
        for format in ["text", "json"] {
            let (code, out, err) = check_in(dir.path(), lang, &["--format", format]);
            assert_eq!(code, Some(1), "{out}");
            for text in [&out, &err] {
                let bad = text.chars().find(|&c| {
                    (c < ' ' && c != '\n' && c != '\t') || c == '\u{7f}' || c == '\u{202e}'
                });
                assert_eq!(bad, None, "{lang} {format}: {text:?}");
            }
            // The file name shown visibly: `\e` (in JSON, its backslash escaped once more).
            let name = if format == "json" {
                r"namn\\e[2J.yaml"
            } else {
                r"namn\e[2J.yaml"
            };
            assert!(out.contains(name), "{out}");
        }
    }
}

#[test]
fn four_mistakes_in_one_file_are_four_diagnostics_in_one_run_in_line_order() {
    let (code, out, _) = check_in(Path::new(&fixtures("hostile/four-typos")), "en", &[]);
    assert_eq!(code, Some(1));
    let heads: Vec<&str> = out
        .lines()
        .filter(|l| l.contains(": error: "))
        .map(|l| l.split_once("fyra-fel.yaml:").unwrap().1)
        .collect();
    assert_eq!(
        heads,
        [
            "2:1: error: unknown key `titel`",
            "3:8: error: unknown value `operation`, expected one of: idea, preparation, approved, project, operations, realisation, closed, rejected, parked",
            "5:3: error: unknown criterion `qualty`",
            "8:33: error: unknown value `aproved`, expected one of: prioritised, deferred, returned, rejected, approved",
        ]
    );
}

#[test]
fn one_bad_item_of_a_single_file_costs_only_that_item() {
    let path = fixtures("hostile/single-bad-items.yaml");
    let (code, out, _) = check_in(Path::new(&path), "en", &[]);
    assert_eq!(code, Some(1), "{out}");
    assert!(
        out.contains(":13:53: error: expected a number such as 520000 or 0.03, found `1e400`"),
        "{out}"
    );
    assert!(
        out.contains(":21:5: error: duplicate mapping key `stage` is not allowed here"),
        "{out}"
    );
    assert!(
        out.contains(":23:12: error: expected text here, found a list or a mapping"),
        "{out}"
    );
    assert!(
        out.ends_with("single-bad-items.yaml: 3 initiatives loaded, 3 errors, 0 warnings\n"),
        "{out}"
    );
    let loaded = bered::load::load_path(Path::new(&path)).unwrap();
    let ids: Vec<&str> = loaded
        .portfolio
        .initiatives
        .iter()
        .map(|i| i.id.as_str())
        .collect();
    assert_eq!(ids, ["bra-andra", "bra-forsta", "inte-ett-tal"]);
}

#[test]
fn under_swedish_check_speaks_only_swedish() {
    let (code, out, err) = check_in(Path::new(&fixtures("hostile/svenska")), "sv_SE.UTF-8", &[]);
    assert_eq!(code, Some(1));
    let text = format!("{out}{err}");
    for english in [
        "error",
        "warning",
        "unknown",
        "expected",
        "did you mean",
        "hint",
        "found",
        "initiatives loaded",
    ] {
        assert!(
            !text.to_lowercase().contains(english),
            "`{english}` in: {text}"
        );
    }
    for swedish in [
        "okand-nyckel.yaml:4:1: fel: okänd nyckel `ägare`",
        "= tips: menade du `owner`?",
        "fel-poang.yaml:5:12: fel: poängen ska vara ett heltal från 1 till 4, fann `7`",
        "utan-nyttoagare.yaml:5:9: varning: nyttan `snabbare` har ingen nyttoägare",
        "svenska: 1 initiativ inlästa, 2 fel, 1 varning\n",
    ] {
        assert!(text.contains(swedish), "{swedish} not in: {text}");
    }
}

#[test]
fn help_under_swedish_is_swedish() {
    for args in [
        &["--help"][..],
        &["decide", "--help"],
        &["rank", "--help"],
        &["check", "-h"],
        &["help", "stage"],
    ] {
        let out = Command::new(env!("CARGO_BIN_EXE_bered"))
            // The parse cache in the build folder, never in the home folder.
            .env(
                "XDG_CACHE_HOME",
                concat!(env!("CARGO_TARGET_TMPDIR"), "/xdg-cache"),
            )
            .args(args)
            .env("LANG", "sv_SE.UTF-8")
            .env_remove("LC_ALL")
            .env_remove("LC_MESSAGES")
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(0), "{args:?}");
        let text = String::from_utf8(out.stdout).unwrap();
        assert!(text.contains("Användning: bered"), "{text}");
        for english in [
            "Usage",
            "Options",
            "Commands",
            "Arguments",
            "Print",
            "default:",
            "possible values",
            "[OPTIONS]",
            "<PATH>",
            "true, false",
        ] {
            assert!(!text.contains(english), "{args:?}: `{english}` in: {text}");
        }
        if args[0] == "rank" {
            let said = "[värden: table, csv, json, markdown; standard: table]";
            assert!(text.contains(said), "{text}");
        }
    }
}

#[test]
fn bered_started_inside_a_portfolio_folder_opens_it() {
    let dir = fixture_support_copy("valid");
    let out = Command::new(env!("CARGO_BIN_EXE_bered"))
        // The parse cache in the build folder, never in the home folder.
        .env(
            "XDG_CACHE_HOME",
            concat!(env!("CARGO_TARGET_TMPDIR"), "/xdg-cache"),
        )
        .arg("check")
        .current_dir(dir.path())
        .env("LANG", "en")
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    assert_eq!(out.status.code(), Some(0), "{text}");
    assert_eq!(text, ".: 2 initiatives loaded, 0 errors, 0 warnings\n");
}

fn fixture_support_copy(name: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let from = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name);
    std::fs::copy(
        from.join("portfolio.yaml"),
        dir.path().join("portfolio.yaml"),
    )
    .unwrap();
    std::fs::create_dir(dir.path().join("initiatives")).unwrap();
    for e in std::fs::read_dir(from.join("initiatives")).unwrap() {
        let p = e.unwrap().path();
        std::fs::copy(
            &p,
            dir.path().join("initiatives").join(p.file_name().unwrap()),
        )
        .unwrap();
    }
    dir
}

#[test]
fn usage_errors_under_swedish_are_swedish_and_english_help_is_english() {
    let run = |lang: &str, args: &[&str]| {
        let out = Command::new(env!("CARGO_BIN_EXE_bered"))
            // The parse cache in the build folder, never in the home folder.
            .env(
                "XDG_CACHE_HOME",
                concat!(env!("CARGO_TARGET_TMPDIR"), "/xdg-cache"),
            )
            .args(args)
            .env("LANG", lang)
            .env_remove("LC_ALL")
            .env_remove("LC_MESSAGES")
            .output()
            .unwrap();
        let text = format!(
            "{}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
        (out.status.code(), text)
    };
    let (code, text) = run("sv_SE.UTF-8", &["decide", "x"]);
    assert_eq!(code, Some(2));
    assert_eq!(
        text,
        "bered: fel i kommandoraden: ett argument saknas: <UTFALL>\nSe `bered --help`.\n"
    );
    let (code, text) = run("sv_SE.UTF-8", &["stage", "x", "projekt"]);
    assert_eq!(code, Some(2));
    assert!(
        text.contains("okänd fas `projekt`: väntade en av idea, preparation"),
        "{text}"
    );
    let (code, text) = run("en", &["--help"]);
    assert_eq!(code, Some(0));
    assert!(
        text.contains("Usage: bered [OPTIONS] [PATH] [COMMAND]"),
        "{text}"
    );
    for swedish in ["Användning", "Flaggor", "Kommandon", "portfölj", "Visa"] {
        assert!(!text.contains(swedish), "`{swedish}` in: {text}");
    }
}

#[test]
fn the_interactive_mode_without_a_terminal_says_bered_once() {
    let out = Command::new(env!("CARGO_BIN_EXE_bered"))
        // The parse cache in the build folder, never in the home folder.
        .env(
            "XDG_CACHE_HOME",
            concat!(env!("CARGO_TARGET_TMPDIR"), "/xdg-cache"),
        )
        .env("LANG", "sv_SE.UTF-8")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .stdin(std::process::Stdio::null())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(
        err.starts_with("bered: det interaktiva läget kräver en terminal"),
        "{err}"
    );
    assert_eq!(err.matches("bered:").count(), 1, "{err}");
}
