//! Hostile and odd inputs: each gets a clear diagnostic, and the rest of the portfolio still
//! loads. Nothing here may panic, hang or eat the machine's memory.

use std::path::Path;

use bered::load::{self, Diagnostic, Loaded, Severity};

const GOOD: &str = "title: Ett bra initiativ\nstage: idea\n";

/// A portfolio with one good initiative and one file written by `make`.
fn load_with(name: &str, make: impl FnOnce(&Path)) -> (Loaded, Vec<Diagnostic>) {
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join("initiatives");
    std::fs::create_dir(&folder).unwrap();
    std::fs::write(dir.path().join("portfolio.yaml"), "name: Fientlig\n").unwrap();
    std::fs::write(folder.join("bra.yaml"), GOOD).unwrap();
    make(&folder.join(name));
    let loaded = load::load_path(dir.path()).unwrap();
    assert!(
        loaded.portfolio.initiatives.iter().any(|i| i.id == "bra"),
        "{name}: the good one still loads"
    );
    let found = loaded
        .diagnostics
        .iter()
        .filter(|d| d.path.ends_with(name))
        .cloned()
        .collect();
    (loaded, found)
}

fn one_error(name: &str, make: impl FnOnce(&Path)) -> Diagnostic {
    let (_, found) = load_with(name, make);
    assert_eq!(found.len(), 1, "{name}: {found:#?}");
    assert_eq!(found[0].severity, Severity::Error, "{name}");
    found[0].clone()
}

#[test]
fn alias_bomb() {
    let mut text =
        String::from("title: Bomb\nstage: idea\nhypotheses: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
    for i in 1..12 {
        let p = i - 1;
        text.push_str(&format!(
            "h{i}: &a{i} [*a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}]\n"
        ));
    }
    // Every problem in the file is reported (see `load::lenient`), so each unknown key of the
    // bomb is one error at its own line; no alias is ever expanded.
    let (_, found) = load_with("bomb.yaml", |p| std::fs::write(p, text).unwrap());
    let said: Vec<(u32, String)> = found.iter().map(|d| (d.line, d.message.clone())).collect();
    let expected: Vec<(u32, String)> = (1..12)
        .map(|i| (i + 3, format!("unknown key `h{i}`")))
        .collect();
    assert_eq!(said, expected);
}

#[test]
fn nesting_a_hundred_thousand_deep() {
    let text = format!(
        "title: Djup\nstage: idea\nsummary: {}x{}\n",
        "[".repeat(100_000),
        "]".repeat(100_000)
    );
    let d = one_error("djup.yaml", |p| std::fs::write(p, text).unwrap());
    assert_eq!(d.line, 3, "{d:?}");
}

#[test]
fn a_fifty_megabyte_file_is_refused_unread() {
    let d = one_error("stor.yaml", |p| {
        let f = std::fs::File::create(p).unwrap();
        f.set_len(50 * 1024 * 1024).unwrap();
    });
    assert_eq!(
        d.message,
        "refused: 52428800 bytes is over the 1 MiB limit for a portfolio file"
    );
}

#[test]
fn nul_bytes() {
    let d = one_error("nul.yaml", |p| {
        std::fs::write(p, b"title: Noll\x00byte\nstage: idea\n").unwrap()
    });
    assert_eq!((d.line, d.column), (1, 12), "{d:?}");
}

#[test]
fn a_byte_order_mark_is_accepted() {
    let (loaded, found) = load_with("bom.yaml", |p| {
        std::fs::write(p, format!("\u{feff}{GOOD}")).unwrap()
    });
    assert_eq!(found, []);
    assert!(loaded.portfolio.initiatives.iter().any(|i| i.id == "bom"));
}

#[test]
fn crlf_line_endings_are_accepted() {
    let (loaded, found) = load_with("crlf.yaml", |p| {
        std::fs::write(p, GOOD.replace('\n', "\r\n")).unwrap()
    });
    assert_eq!(found, []);
    let ini = loaded
        .portfolio
        .initiatives
        .iter()
        .find(|i| i.id == "crlf")
        .unwrap();
    assert_eq!(ini.title(), "Ett bra initiativ");
}

#[test]
fn tabs_for_indentation() {
    let d = one_error("tabb.yaml", |p| {
        std::fs::write(p, "title: Tabb\nstage: idea\nscores:\n\tquality: 3\n").unwrap()
    });
    assert_eq!(d.line, 4, "{d:?}");
    assert_eq!(
        d.hint.as_deref(),
        Some("indent with spaces; YAML does not allow tabs"),
        "{d:?}"
    );
}

#[test]
fn a_symlink_loop() {
    let d = one_error("loop.yaml", |p| std::os::unix::fs::symlink(p, p).unwrap());
    assert!(d.message.starts_with("cannot read: "), "{}", d.message);
}

#[test]
fn a_directory_named_like_a_file() {
    let d = one_error("x.yaml", |p| std::fs::create_dir(p).unwrap());
    assert_eq!(d.message, "is a folder, expected a file");
}

#[test]
fn an_empty_file_and_a_file_of_only_comments() {
    for (name, text) in [
        ("tom.yaml", ""),
        ("kommentarer.yaml", "# bara\n# kommentarer\n"),
    ] {
        let d = one_error(name, |p| std::fs::write(p, text).unwrap());
        assert_eq!(
            d.message, "empty file: expected an initiative with at least `title` and `stage`",
            "{name}"
        );
    }
}

#[test]
fn a_merge_conflict_says_so() {
    let text = "title: Konflikt\n<<<<<<< HEAD\nstage: idea\n=======\nstage: project\n>>>>>>> origin/main\n";
    let d = one_error("konflikt.yaml", |p| std::fs::write(p, text).unwrap());
    assert_eq!(
        (d.line, d.message.as_str()),
        (2, "unresolved git merge conflict (`<<<<<<<` marker)")
    );
}

#[test]
fn a_broken_portfolio_yaml_keeps_the_initiatives() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("initiatives")).unwrap();
    std::fs::write(dir.path().join("portfolio.yaml"), "name: [\n").unwrap();
    std::fs::write(dir.path().join("initiatives/bra.yaml"), GOOD).unwrap();
    let loaded = load::load_path(dir.path()).unwrap();
    assert_eq!(loaded.errors(), 1);
    assert_eq!(loaded.portfolio.initiatives.len(), 1);
}

mod never_panics {
    use proptest::prelude::*;

    /// Text made of YAML's own characters, keys and values, so that the parsers get far.
    fn yamlish() -> impl Strategy<Value = String> {
        let piece = prop_oneof![
            Just("title: ".to_string()),
            Just("stage: ".to_string()),
            Just("scores:\n".to_string()),
            Just("decisions:\n".to_string()),
            Just("initiatives:\n".to_string()),
            Just("  - ".to_string()),
            Just("id: ".to_string()),
            Just("outcome: ".to_string()),
            Just("quality: ".to_string()),
            Just("\n".to_string()),
            Just("  ".to_string()),
            Just("{".to_string()),
            Just("}".to_string()),
            Just("[".to_string()),
            Just("]".to_string()),
            Just(", ".to_string()),
            Just(": ".to_string()),
            Just("&a ".to_string()),
            Just("*a".to_string()),
            Just("'".to_string()),
            Just("\"".to_string()),
            Just("#".to_string()),
            Just("- ".to_string()),
            Just("? ".to_string()),
            Just("|\n".to_string()),
            Just("!!str ".to_string()),
            "[a-zåäö0-9.\\\\-]{0,6}",
        ];
        prop::collection::vec(piece, 0..60).prop_map(|v| v.concat())
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(500))]
        /// The whole loading of a single-file portfolio, the untyped pass after a typed error
        /// included, never panics.
        #[test]
        fn loading_any_yamlish_text(text in yamlish()) {
            let _ = bered::load::load_text(std::path::Path::new("p.yaml"), &text);
        }
    }
}

/// Issue 11's must-show: every text field holds escape sequences, a bidi override and NUL, and
/// no output of rank, show, summary or check, in any format, lets one through raw.
#[test]
fn no_output_lets_a_control_character_through() {
    const P: &str = r#""\e]0;PWN\a\e[2J\u202E\0""#;
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("initiatives")).unwrap();
    let settings =
        format!("name: {P}\norganisation: {P}\nstrategic_goals:\n  - {{id: mal, name: {P}}}\n");
    std::fs::write(dir.path().join("portfolio.yaml"), settings).unwrap();
    let initiative = format!(
        "title: {P}\nsummary: {P}\nunit: {P}\nowner: {P}\nstage: preparation\ntags: [{P}]\ngoals: [mal]\n\
         hypotheses: [{P}]\nscores: {{cost_savings: 3, quality: 3, mandatory: 2, strategic_fit: 3, competence: 3, \
         management_support: 3, complexity: 2, funding: 3, object_management: 3, technical_support: 3, compliance: 4}}\n\
         motivations: {{quality: {P}}}\n\
         business_case:\n  start_year: 2026\n  years: 3\n  costs:\n    - {{name: {P}, kind: investment, amounts: {{2026: 1000}}}}\n  \
         benefits:\n    - {{name: {P}, kind: financial, yearly: 900}}\n\
         benefits:\n  - id: nytta\n    title: {P}\n    kind: quality\n    owner: {P}\n    indicator: {P}\n    chain: {P}\n    baseline: 1\n    target: 2\n\
         decisions:\n  - {{date: 2026-10-12, forum: {P}, outcome: deferred, note: {P}}}\n\
         {P}: 1\n"
    );
    std::fs::write(dir.path().join("initiatives/fientlig.yaml"), &initiative).unwrap();
    let ok = initiative.replace(&format!("{P}: 1\n"), "");
    std::fs::write(dir.path().join("initiatives/ok.yaml"), ok).unwrap();
    let runs: Vec<Vec<&str>> = vec![
        vec!["check"],
        vec!["check", "--format", "json"],
        vec!["rank"],
        vec!["rank", "--format", "csv"],
        vec!["rank", "--format", "json"],
        vec!["rank", "--format", "markdown"],
        vec!["show", "ok"],
        vec!["show", "ok", "--format", "json"],
        vec!["show", "ok", "--format", "markdown"],
        vec!["summary"],
        vec!["summary", "--format", "json"],
        vec!["summary", "--format", "markdown"],
    ];
    for lang in ["sv", "en"] {
        for args in &runs {
            let out = std::process::Command::new(env!("CARGO_BIN_EXE_bered"))
                // The parse cache in the build folder, never in the home folder.
                .env(
                    "XDG_CACHE_HOME",
                    concat!(env!("CARGO_TARGET_TMPDIR"), "/xdg-cache"),
                )
                .args(args)
                .arg("-p")
                .arg(dir.path())
                .args(["--lang", lang])
                .output()
                .unwrap();
            assert_ne!(out.status.code(), Some(101), "{args:?} panicked");
            for bytes in [&out.stdout, &out.stderr] {
                let text = String::from_utf8_lossy(bytes);
                let bad = text.chars().find(
                    |&c| matches!(c, '\0'..='\u{8}' | '\u{b}'..='\u{1f}' | '\u{7f}' | '\u{202e}'),
                );
                assert_eq!(bad, None, "{lang} {args:?}: {text}");
            }
        }
    }
}
