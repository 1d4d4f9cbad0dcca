//! Every failure kind of the loader: one fixture each, with the exact diagnostic expected,
//! and the rest of the portfolio still loaded.

mod fixture_support;

use std::path::{Path, PathBuf};

use bered::load::{self, Diagnostic, Loaded, Severity};

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures")
}

/// A temporary portfolio: the valid fixtures plus the named invalid files.
fn portfolio_with(invalid: &[&str]) -> tempfile::TempDir {
    let dir = fixture_support::copy_of("valid");
    let initiatives = dir.path().join("initiatives");
    for name in invalid {
        std::fs::copy(
            fixtures().join("invalid").join(name),
            initiatives.join(name),
        )
        .unwrap();
    }
    dir
}

fn load_one(name: &str) -> (Loaded, Vec<Diagnostic>) {
    let dir = portfolio_with(&[name]);
    let loaded = load::load_path(dir.path()).expect("loads");
    let found: Vec<Diagnostic> = loaded
        .diagnostics
        .iter()
        .filter(|d| d.path.ends_with(name))
        .cloned()
        .collect();
    (loaded, found)
}

/// The valid fixtures plus one initiative file made by `make`; the load and that file's first
/// diagnostic.
fn load_made(name: &str, make: impl FnOnce(&Path)) -> (Loaded, Diagnostic) {
    let dir = portfolio_with(&[]);
    make(&dir.path().join("initiatives").join(name));
    let loaded = load::load_path(dir.path()).expect("loads");
    let d = loaded
        .diagnostics
        .iter()
        .find(|d| d.path.ends_with(name))
        .cloned()
        .expect("a diagnostic");
    (loaded, d)
}

/// Asserts the one error of a fixture: line, column, message and hint; and that both valid
/// initiatives still loaded.
fn assert_error(name: &str, line: u32, column: u32, message: &str, hint: Option<&str>) {
    let (loaded, found) = load_one(name);
    assert_eq!(found.len(), 1, "{name}: {found:#?}");
    let d = &found[0];
    assert_eq!(
        (d.severity, d.line, d.column, d.message.as_str()),
        (Severity::Error, line, column, message),
        "{name}"
    );
    assert_eq!(d.hint.as_deref(), hint, "{name}");
    assert!(
        d.source_line.is_some() || line == 0,
        "{name}: the source line is shown"
    );
    let ids: Vec<&str> = loaded
        .portfolio
        .initiatives
        .iter()
        .map(|i| i.id.as_str())
        .collect();
    assert_eq!(
        ids,
        ["e-tjanst-bygglov", "exakta-belopp"],
        "{name}: the rest still loads"
    );
}

#[test]
fn yaml_syntax() {
    assert_error(
        "syntax.yaml",
        1,
        8,
        "expected text here, found a list or a mapping",
        Some("quote the text if it starts with [ or {"),
    );
}

#[test]
fn wrong_type() {
    assert_error("wrong-type.yaml", 5, 10, "expected a whole number", None);
}

#[test]
fn unknown_key_with_did_you_mean() {
    assert_error(
        "unknown-key.yaml",
        2,
        1,
        "unknown key `sumary`",
        Some("did you mean `summary`?"),
    );
}

#[test]
fn unknown_criterion_with_did_you_mean() {
    assert_error(
        "unknown-criterion.yaml",
        4,
        3,
        "unknown criterion `complexty`",
        Some("did you mean `complexity`?"),
    );
}

#[test]
fn score_out_of_range() {
    assert_error(
        "score-out-of-range.yaml",
        4,
        12,
        "score must be a whole number from 1 to 4, found `5`",
        None,
    );
}

#[test]
fn score_not_an_integer() {
    assert_error(
        "score-not-integer.yaml",
        4,
        12,
        "score must be a whole number from 1 to 4, found `2.5`",
        None,
    );
}

#[test]
fn duplicate_key_is_an_error_never_last_wins() {
    assert_error(
        "duplicate-key.yaml",
        5,
        3,
        "duplicate mapping key `compliance` is not allowed here",
        None,
    );
}

#[test]
fn unknown_stage() {
    let expected = "unknown value `projekt`, expected one of: idea, preparation, approved, project, operations, realisation, closed, rejected, parked";
    assert_error(
        "unknown-stage.yaml",
        2,
        8,
        expected,
        Some("did you mean `project`?"),
    );
}

#[test]
fn unknown_outcome() {
    let expected = "unknown value `approve`, expected one of: prioritised, deferred, returned, rejected, approved";
    assert_error(
        "unknown-outcome.yaml",
        4,
        33,
        expected,
        Some("did you mean `approved`?"),
    );
}

#[test]
fn unknown_kind() {
    let expected = "unknown value `licence`, expected one of: investment, operations, financial, reallocation, quality, environment";
    assert_error("unknown-kind.yaml", 7, 30, expected, None);
}

#[test]
fn benefit_kind_among_costs() {
    assert_error(
        "wrong-list-kind.yaml",
        7,
        27,
        "`financial` is not a kind of costs",
        Some("expected one of: investment, operations"),
    );
}

#[test]
fn goal_that_names_no_strategic_goal() {
    assert_error(
        "unknown-goal.yaml",
        3,
        9,
        "`growht` names no strategic goal of the portfolio",
        Some("did you mean `growth`?"),
    );
}

#[test]
fn impossible_date() {
    assert_error(
        "impossible-date.yaml",
        3,
        12,
        "`2026-02-30` is not a date in the calendar",
        None,
    );
}

#[test]
fn amount_outside_the_horizon() {
    let expected = "amount year 2030 is outside the business case horizon 2026–2028";
    assert_error(
        "amount-outside-horizon.yaml",
        7,
        65,
        expected,
        Some("change `start_year`/`years`, or the year"),
    );
}

#[test]
fn from_after_to() {
    assert_error(
        "from-after-to.yaml",
        7,
        59,
        "`from` 2029 is after `to` 2027",
        None,
    );
}

#[test]
fn range_low_above_high() {
    assert_error(
        "range-low-above-high.yaml",
        7,
        58,
        "range low 1.2 is above its high 0.7",
        Some("write `range: [low, high]`"),
    );
}

#[test]
fn follow_up_before_the_benefit_starts() {
    let expected = "follow-up dated 2025-12-01 is before benefit `tid` starts 2026-01-01";
    assert_error("follow-up-before-start.yaml", 13, 16, expected, None);
}

#[test]
fn merge_conflict_says_it_is_a_git_conflict() {
    let hint = "resolve the conflict: keep the right lines and remove the <<<<<<<, ======= and >>>>>>> markers";
    assert_error(
        "merge-conflict.yaml",
        2,
        1,
        "unresolved git merge conflict (`<<<<<<<` marker)",
        Some(hint),
    );
}

#[test]
fn empty_file() {
    assert_error(
        "empty.yaml",
        1,
        1,
        "empty file: expected an initiative with at least `title` and `stage`",
        None,
    );
}

#[test]
fn missing_stage() {
    let hint = "expected one of: idea, preparation, approved, project, operations, realisation, closed, rejected, parked";
    assert_error(
        "missing-stage.yaml",
        1,
        8,
        "missing required key `stage`",
        Some(hint),
    );
}

#[test]
fn warnings_do_not_block_loading() {
    let (loaded, found) = load_one("benefit-warnings.yaml");
    let messages: Vec<(Severity, &str)> = found
        .iter()
        .map(|d| (d.severity, d.message.as_str()))
        .collect();
    assert_eq!(
        messages,
        [
            (
                Severity::Warning,
                "reallocation benefit `tid` does not say what the freed time will be used for"
            ),
            (Severity::Warning, "benefit `tid` has no owner"),
            (
                Severity::Warning,
                "benefit `tid` has no baseline or target, so it cannot be followed up"
            ),
        ]
    );
    assert!(
        loaded
            .portfolio
            .initiatives
            .iter()
            .any(|i| i.id == "benefit-warnings")
    );
}

#[test]
fn initiative_past_preparation_without_benefits_is_warned() {
    let (_, d) = load_made("utan.yaml", |p| {
        std::fs::write(p, "title: Utan nyttor\nstage: project\n").unwrap()
    });
    assert_eq!(
        (d.severity, d.line, d.message.as_str()),
        (
            Severity::Warning,
            1,
            "initiative in stage `project` has no benefits to realise"
        )
    );
}

#[test]
fn non_utf8_file_names_the_first_bad_byte() {
    let (loaded, d) = load_made("latin1.yaml", |p| {
        std::fs::write(p, b"title: Bygglov\nstage: idea\nunit: Milj\xf6\n").unwrap()
    });
    assert_eq!(
        (d.line, d.column, d.message.as_str()),
        (3, 11, "not UTF-8 text: invalid byte sequence")
    );
    assert_eq!(loaded.portfolio.initiatives.len(), 2);
}

#[test]
fn a_folder_where_a_file_should_be() {
    let (loaded, d) = load_made("mapp.yaml", |p| std::fs::create_dir(p).unwrap());
    assert_eq!(
        (d.severity, d.message.as_str()),
        (Severity::Error, "is a folder, expected a file")
    );
    assert_eq!(loaded.portfolio.initiatives.len(), 2);
}

#[test]
fn an_unreadable_file() {
    let (loaded, d) = load_made("trasig.yaml", |p| {
        std::os::unix::fs::symlink("does-not-exist.yaml", p).unwrap()
    });
    assert!(d.message.starts_with("cannot read: "), "{}", d.message);
    assert_eq!(loaded.portfolio.initiatives.len(), 2);
}

#[test]
fn a_file_over_one_mebibyte_is_refused_unparsed() {
    let big = format!(
        "title: Stor\nstage: idea\nsummary: {}\n",
        "a".repeat(1_100_000)
    );
    let (_, d) = load_made("stor.yaml", |p| std::fs::write(p, big).unwrap());
    assert!(
        d.message
            .starts_with("refused: 1100034 bytes is over the 1 MiB limit"),
        "{}",
        d.message
    );
}

#[test]
fn duplicate_ids_across_yaml_and_yml() {
    let dir = portfolio_with(&[]);
    std::fs::write(
        dir.path().join("initiatives/exakta-belopp.yml"),
        "title: Samma id\nstage: idea\n",
    )
    .unwrap();
    let loaded = load::load_path(dir.path()).unwrap();
    let d = loaded
        .diagnostics
        .iter()
        .find(|d| d.message.contains("used twice"))
        .expect("an error");
    assert_eq!(d.message, "initiative id `exakta-belopp` is used twice");
    assert_eq!(
        loaded
            .portfolio
            .initiatives
            .iter()
            .filter(|i| i.id == "exakta-belopp")
            .count(),
        1
    );
}

#[test]
fn single_file_with_one_broken_item_loads_the_others_at_exact_locations() {
    let dir = tempfile::tempdir().unwrap();
    let text = std::fs::read_to_string(fixtures().join("valid/single.yaml"))
        .unwrap()
        .replace("goals: [growth]", "goals: [growht]");
    let path = dir.path().join("portfolj.yaml");
    std::fs::write(&path, text).unwrap();
    let loaded = load::load_path(&path).unwrap();
    let ids: Vec<&str> = loaded
        .portfolio
        .initiatives
        .iter()
        .map(|i| i.id.as_str())
        .collect();
    assert_eq!(ids, ["forsta", "tredje"]);
    let d = &loaded.diagnostics[0];
    assert_eq!(
        (d.line, d.column, d.message.as_str()),
        (14, 13, "`growht` names no strategic goal of the portfolio")
    );
    assert_eq!(d.source_line.as_deref(), Some("    goals: [growht]"));
}

#[test]
fn valid_fixtures_load_cleanly() {
    let loaded = load::load_path(&fixtures().join("valid")).unwrap();
    assert_eq!(loaded.diagnostics, []);
    assert_eq!(loaded.portfolio.initiatives.len(), 2);
    let single = load::load_path(&fixtures().join("valid/single.yaml")).unwrap();
    assert_eq!(single.diagnostics, []);
    assert_eq!(
        single.portfolio.settings.hourly_cost.map(|h| h.to_string()),
        Some("500".into())
    );
}

#[test]
fn money_is_exact_to_the_last_digit() {
    let loaded = load::load_path(&fixtures().join("valid")).unwrap();
    let ini = loaded
        .portfolio
        .initiatives
        .iter()
        .find(|i| i.id == "exakta-belopp")
        .unwrap();
    let case = ini.file.business_case.as_ref().unwrap();
    assert_eq!(
        case.costs[0].amounts.0[0].1.value.to_string(),
        "12345678901234567.891"
    );
    assert_eq!(case.benefits[0].amounts.0[0].1.value.to_string(), "0.03");
    assert_eq!(loaded.portfolio.settings.discount_rate.to_string(), "0.03");
}

#[test]
fn yearly_and_hours_on_one_line_is_warned() {
    let (loaded, found) = load_one("yearly-and-hours.yaml");
    let got: Vec<_> = found
        .iter()
        .map(|d| (d.severity, d.line, d.column, d.message.as_str()))
        .collect();
    assert_eq!(
        got,
        [(
            Severity::Warning,
            7,
            60,
            "line `Tid` has both `yearly` and `hours`; `yearly` is used"
        )]
    );
    assert!(
        loaded
            .portfolio
            .initiatives
            .iter()
            .any(|i| i.id == "yearly-and-hours")
    );
}

/// The diagnostics of a portfolio folder whose `portfolio.yaml` is `settings` and whose
/// initiatives are `files` (name, text).
fn load_folder_of(settings: &str, files: &[(&str, &str)]) -> Loaded {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("initiatives")).unwrap();
    std::fs::write(dir.path().join("portfolio.yaml"), settings).unwrap();
    for (name, text) in files {
        std::fs::write(dir.path().join("initiatives").join(name), text).unwrap();
    }
    load::load_path(dir.path()).unwrap()
}

fn said(loaded: &Loaded) -> Vec<(Severity, u32, u32, String)> {
    loaded
        .diagnostics
        .iter()
        .map(|d| (d.severity, d.line, d.column, d.message.clone()))
        .collect()
}

#[test]
fn ids_from_file_names_are_checked() {
    let good = "title: X\nstage: idea\n";
    let loaded = load_folder_of(
        "name: P\n",
        &[
            ("bra-id.yaml", good),
            ("Stor Bokstav.yaml", good),
            ("=HYPERLINK(1).yaml", good),
            ("nul.yaml", good),
        ],
    );
    let ids: Vec<&str> = loaded
        .portfolio
        .initiatives
        .iter()
        .map(|i| i.id.as_str())
        .collect();
    assert_eq!(ids, ["bra-id"]);
    let mut messages: Vec<String> = said(&loaded).into_iter().map(|(_, _, _, m)| m).collect();
    messages.sort();
    assert_eq!(
        messages,
        [
            "`=HYPERLINK(1)` is not an id: lower-case letters a–z, digits and hyphens, starting with a letter or digit",
            "`Stor Bokstav` is not an id: lower-case letters a–z, digits and hyphens, starting with a letter or digit",
            "`nul` is a reserved file name on Windows",
        ]
    );
}

#[test]
fn ids_written_in_a_single_file_are_checked_where_written() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("en-fil.yaml");
    let text = "name: P\ninitiatives:\n  - id: bra\n    title: X\n    stage: idea\n  - id: \"e\\e[2J\"\n    title: Y\n    stage: idea\n";
    std::fs::write(&path, text).unwrap();
    let loaded = load::load_path(&path).unwrap();
    let ids: Vec<&str> = loaded
        .portfolio
        .initiatives
        .iter()
        .map(|i| i.id.as_str())
        .collect();
    assert_eq!(ids, ["bra"]);
    assert_eq!(
        said(&loaded),
        [(
            Severity::Error,
            6,
            9,
            r"`e\e[2J` is not an id: lower-case letters a–z, digits and hyphens, starting with a letter or digit".to_string()
        )]
    );
}

#[test]
fn absurd_weights_and_discount_rates_are_warned() {
    let settings = "name: P\ndiscount_rate: -0.9999\nmodel:\n  weights: {quality: 79000000000000000000000000000, compliance: 2}\n";
    let loaded = load_folder_of(settings, &[("a.yaml", "title: X\nstage: idea\n")]);
    assert_eq!(
        said(&loaded),
        [
            (
                Severity::Warning,
                2,
                16,
                "discount rate -0.9999 is outside a sane range (above -0.5 and below 1)".to_string()
            ),
            (
                Severity::Warning,
                4,
                22,
                "weight 79000000000000000000000000000 is absurdly large; weights are relative, such as 1 to 10".to_string()
            ),
        ]
    );
    assert_eq!(
        loaded.portfolio.initiatives.len(),
        1,
        "warnings do not stop loading"
    );
}

#[test]
fn every_finding_of_the_fixtures_is_said_in_swedish() {
    use bered::i18n::{Lang, msg::translate};
    let mut untranslated = Vec::new();
    let mut folders = vec![portfolio_with(&[])];
    let invalid: Vec<String> = std::fs::read_dir(fixtures().join("invalid"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    let names: Vec<&str> = invalid.iter().map(String::as_str).collect();
    folders.push(portfolio_with(&names));
    let mut loads: Vec<Loaded> = folders
        .iter()
        .map(|d| load::load_path(d.path()).unwrap())
        .collect();
    for rel in [
        "hostile/four-typos",
        "hostile/svenska",
        "hostile/single-bad-items.yaml",
    ] {
        loads.push(load::load_path(&fixtures().join(rel)).unwrap());
    }
    for loaded in &loads {
        for d in &loaded.diagnostics {
            for text in std::iter::once(&d.message).chain(d.hint.as_ref()) {
                if translate(text, Lang::Sv) == *text {
                    untranslated.push(text.clone());
                }
            }
        }
    }
    assert!(untranslated.is_empty(), "{untranslated:#?}");
}
