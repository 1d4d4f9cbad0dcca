//! `bered changes`: a repository built here with `git`, a history covering every kind of
//! change, and the report read back as JSON.

use std::path::{Path, PathBuf};
use std::process::Command;

use serde_json::Value;

mod git_support;
use git_support::{SETTINGS, criteria, git_in};
use tempfile::TempDir;

/// One initiative's file: all criteria scored `score` (compliance `gate`), 2026's investment
/// `cost`, and extra lines at the end.
fn initiative(title: &str, stage: &str, score: u8, gate: u8, cost: u32, extra: &str) -> String {
    let mut s = format!("title: {title}\nstage: {stage}\nscores:\n");
    for c in criteria() {
        let v = if c == "compliance" { gate } else { score };
        s.push_str(&format!("  {c}: {v}\n"));
    }
    s.push_str(&format!(
        "business_case:\n  start_year: 2026\n  years: 5\n  costs:\n    - {{name: Inköp, kind: investment, amounts: {{2026: {cost}}}}}\n  benefits:\n    - {{name: Porto, kind: financial, yearly: 150000}}\n"
    ));
    s.push_str(extra);
    s
}

struct Repo {
    dir: TempDir,
    /// The portfolio folder inside the repository.
    portfolio: PathBuf,
}

impl Repo {
    fn new(sub: &str) -> Repo {
        let dir = tempfile::tempdir().unwrap();
        let portfolio = dir.path().join(sub);
        std::fs::create_dir_all(portfolio.join("initiatives")).unwrap();
        let repo = Repo { dir, portfolio };
        repo.git(&["init", "-q", "-b", "main"]);
        repo
    }

    fn git(&self, args: &[&str]) -> String {
        git_in(self.dir.path(), args, "2026-10-01T12:00:00+02:00")
    }

    fn write(&self, name: &str, text: &str) {
        std::fs::write(self.portfolio.join(name), text).unwrap();
    }

    fn ini(&self, id: &str, text: &str) {
        self.write(&format!("initiatives/{id}.yaml"), text);
    }

    fn remove(&self, id: &str) {
        std::fs::remove_file(self.portfolio.join(format!("initiatives/{id}.yaml"))).unwrap();
    }

    /// Commits everything at a date (ISO 8601 with offset).
    fn commit(&self, message: &str, date: &str) -> String {
        git_in(self.dir.path(), &["add", "-A"], date);
        git_in(self.dir.path(), &["commit", "-q", "-m", message], date);
        git_in(self.dir.path(), &["rev-parse", "HEAD"], date)
    }

    fn changes(&self, args: &[&str]) -> (i32, String, String) {
        run(&self.portfolio, args)
    }

    fn json(&self, args: &[&str]) -> Value {
        let mut all = args.to_vec();
        all.extend(["--format", "json"]);
        let (code, out, err) = self.changes(&all);
        assert_eq!(code, 0, "{err}");
        serde_json::from_str(&out).unwrap()
    }
}

fn run(path: &Path, args: &[&str]) -> (i32, String, String) {
    run_in(path, args, "en")
}

fn run_in(path: &Path, args: &[&str], lang: &str) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_bered"))
        .arg("changes")
        .args(args)
        .arg(path)
        .args(["--lang", lang, "--as-of", "2026-12-01"])
        .output()
        .unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into(),
        String::from_utf8_lossy(&out.stderr).into(),
    )
}

/// The listed initiatives' ids, in order.
fn ids(report: &Value) -> Vec<String> {
    report["initiatives"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["id"].as_str().unwrap().to_string())
        .collect()
}

/// The changes of a listed initiative.
fn changes_of<'a>(report: &'a Value, id: &str) -> &'a Vec<Value> {
    let ini = report["initiatives"]
        .as_array()
        .unwrap()
        .iter()
        .find(|i| i["id"] == id)
        .unwrap_or_else(|| panic!("{id} not listed in {report:#}"));
    ini["changes"].as_array().unwrap()
}

fn kinds(report: &Value, id: &str) -> Vec<String> {
    changes_of(report, id)
        .iter()
        .map(|c| c["kind"].as_str().unwrap().to_string())
        .collect()
}

fn change<'a>(report: &'a Value, id: &str, kind: &str) -> &'a Value {
    changes_of(report, id)
        .iter()
        .find(|c| c["kind"] == kind)
        .unwrap_or_else(|| panic!("no {kind} for {id} in {report:#}"))
}

/// v1 (tagged): a > b > c > d in rank, a, b and c within the budget (900 000 of 1 000 000). Then the meeting commit
/// (branch `meeting-nov`): `e` added, a score of `c` changed with a new rationale, a decision on `a`.
fn meeting_history(sub: &str) -> (Repo, String, String) {
    let r = Repo::new(sub);
    r.write("portfolio.yaml", SETTINGS);
    r.ini("a", &initiative("Alfa", "preparation", 4, 4, 400000, ""));
    r.ini("b", &initiative("Beta", "preparation", 2, 4, 400000, ""));
    r.ini("c", &initiative("Gamma", "preparation", 2, 3, 100000, ""));
    r.ini("d", &initiative("Delta", "idea", 1, 3, 400000, ""));
    let v1 = r.commit("v1", "2026-10-01T12:00:00+02:00");
    r.git(&["tag", "v1"]);
    r.ini("e", "title: Epsilon\nstage: idea\n");
    let c = initiative("Gamma", "preparation", 2, 3, 100000, "")
        .replace("  quality: 2\n", "  quality: 4\n")
        .replace("  strategic_fit: 2\n", "  strategic_fit: 4\n")
        + "motivations:\n  quality: Medborgarna slipper ringa\n";
    r.ini("c", &c);
    let decision = "decisions:\n  - {date: 2026-11-10, forum: beredningsgruppen, outcome: prioritised, note: Går vidare}\n";
    r.ini(
        "a",
        &initiative("Alfa", "preparation", 4, 4, 400000, decision),
    );
    let v2 = r.commit("Beredning november", "2026-11-10T15:00:00+01:00");
    r.git(&["branch", "meeting-nov"]);
    (r, v1, v2)
}

#[test]
fn one_commit_lists_exactly_the_added_the_rescored_and_the_decided() {
    let (r, _, _) = meeting_history("");
    let report = r.json(&["--since", "HEAD~1"]);
    let mut listed = ids(&report);
    listed.sort();
    assert_eq!(listed, ["a", "c", "e"], "{report:#}");
    assert_eq!(kinds(&report, "e"), ["added"]);
    assert_eq!(kinds(&report, "a"), ["decision"]);
    let decision = change(&report, "a", "decision");
    assert_eq!(decision["new"]["outcome"], "prioritised");
    assert_eq!(decision["new"]["note"], "Går vidare");
    let scores: Vec<&Value> = changes_of(&report, "c")
        .iter()
        .filter(|c| c["kind"] == "score")
        .collect();
    assert_eq!(scores.len(), 2, "{report:#}");
    assert_eq!(scores[0]["criterion"], "quality");
    assert_eq!(
        (scores[0]["old"].as_u64(), scores[0]["new"].as_u64()),
        (Some(2), Some(4))
    );
    assert_eq!(scores[0]["rationale"], "Medborgarna slipper ringa");
    assert_eq!(scores[1]["criterion"], "strategic_fit");
    assert_eq!(scores[1]["rationale"], Value::Null);
    // Gamma's benefit rose from 2 to 3, past Beta's; Beta moved down only because Gamma moved
    // up, so Beta is not listed.
    let rank = change(&report, "c", "rank");
    assert_eq!(
        (rank["old"].as_u64(), rank["new"].as_u64()),
        (Some(3), Some(2))
    );
    let c_kinds = kinds(&report, "c");
    assert!(c_kinds.contains(&"benefit".to_string()), "{c_kinds:?}");
    assert!(c_kinds.contains(&"priority".to_string()), "{c_kinds:?}");
    assert_eq!(report["summary"]["kinds"]["added"], 1);
    assert_eq!(report["summary"]["kinds"]["score"], 2);
    assert_eq!(report["summary"]["kinds"]["decision"], 1);
    assert_eq!(report["since"]["message"], "v1");
}

const BENEFIT: &str = "benefits:\n  - id: kortare-tid\n    title: Kortare handläggningstid\n    owner: Enhetschef\n    follow_up:\n      - {date: 2026-06-30, value: 35}\n";

/// After the meeting: a title, a stage, a blocked gate, a follow-up, a business case, and the
/// budget line moving.
fn later_history() -> Repo {
    let (r, _, _) = meeting_history("");
    r.ini(
        "a",
        &initiative("Alfa", "preparation", 4, 4, 400000, BENEFIT),
    );
    r.commit("Nyttoägare för Alfa", "2026-11-12T09:00:00+01:00");
    let follow_up = "      - {date: 2026-11-15, value: 30, note: Efter införandet}\n";
    r.ini(
        "a",
        &initiative(
            "Alfa",
            "preparation",
            4,
            4,
            400000,
            &format!("{BENEFIT}{follow_up}"),
        ),
    );
    r.ini("b", &initiative("Beta 2", "preparation", 2, 2, 400000, ""));
    let c = initiative("Gamma", "preparation", 2, 3, 200000, "")
        .replace("  quality: 2\n", "  quality: 4\n")
        .replace("  strategic_fit: 2\n", "  strategic_fit: 4\n")
        + "motivations:\n  quality: Medborgarna slipper ringa\n";
    r.ini("c", &c);
    r.ini("d", &initiative("Delta", "preparation", 1, 3, 400000, ""));
    r.commit("Efter mötet", "2026-11-20T10:00:00+01:00");
    r
}

#[test]
fn every_kind_of_change_is_reported_with_old_and_new() {
    let r = later_history();
    let report = r.json(&["--since", "HEAD~1"]);
    assert_eq!(kinds(&report, "a"), ["follow_up"]);
    let follow_up = change(&report, "a", "follow_up");
    assert_eq!(follow_up["benefit"], "kortare-tid");
    assert_eq!(follow_up["new"]["date"], "2026-11-15");
    assert_eq!(follow_up["new"]["value"], "30");
    assert_eq!(follow_up["new"]["note"], "Efter införandet");

    let title = change(&report, "b", "title");
    assert_eq!(
        (&title["old"], &title["new"]),
        (&Value::from("Beta"), &Value::from("Beta 2"))
    );
    let gate = change(&report, "b", "gate");
    assert_eq!(
        (&gate["old"], &gate["new"]),
        (&Value::from("pass"), &Value::from("blocked"))
    );
    let budget = change(&report, "b", "budget");
    assert_eq!(
        (&budget["old"], &budget["new"]),
        (&Value::from("within"), &Value::Null)
    );
    let rank = change(&report, "b", "rank");
    assert_eq!(
        (rank["old"].as_u64(), rank["new"].as_u64()),
        (Some(3), Some(5))
    );

    let npv = change(&report, "c", "npv");
    assert!(npv["old"].is_string() && npv["new"].is_string());
    let (old, new): (f64, f64) = (
        npv["old"].as_str().unwrap().parse().unwrap(),
        npv["new"].as_str().unwrap().parse().unwrap(),
    );
    assert!(new < old, "{npv}");
    assert!(!kinds(&report, "c").contains(&"score".to_string()));

    let stage = change(&report, "d", "stage");
    assert_eq!(
        (&stage["old"], &stage["new"]),
        (&Value::from("idea"), &Value::from("preparation"))
    );
    // With Beta blocked, Delta's 400 000 fits: Alfa 400 000 + Gamma 200 000 + Delta.
    let budget = change(&report, "d", "budget");
    assert_eq!(
        (&budget["old"], &budget["new"]),
        (&Value::from("beyond"), &Value::from("within"))
    );
    let line = &report["summary"]["budget_line"];
    assert_eq!(line["old"]["within"], 3);
    assert_eq!(line["new"]["within"], 3);
    assert_eq!(report["summary"]["budget"], "1000000");
    assert!(!ids(&report).contains(&"e".to_string()));
}

#[test]
fn a_revision_is_a_commit_a_tag_a_branch_an_ancestor_or_a_date() {
    let r = later_history();
    let v1 = r.git(&["rev-parse", "v1"]);
    let v2 = r.git(&["rev-parse", "meeting-nov"]);
    let short = &v1[..10];
    for (since, expected) in [
        ("v1", &v1),
        (short, &v1),
        ("meeting-nov", &v2),
        ("HEAD~2", &v2),
        // The last commit on a day before the date: v2 was made on 2026-11-10.
        ("2026-11-11", &v2),
        ("2026-11-10", &v1),
    ] {
        let report = r.json(&["--since", since]);
        assert_eq!(
            report["since"]["commit"],
            expected.as_str(),
            "--since {since}"
        );
        assert_eq!(report["since"]["rev"], since);
    }
    // --until names the newer end; v1 → meeting-nov is the meeting commit alone.
    let report = r.json(&["--since", "v1", "--until", "meeting-nov"]);
    let mut listed = ids(&report);
    listed.sort();
    assert_eq!(listed, ["a", "c", "e"]);
    assert_eq!(report["until"]["commit"], v2.as_str());
    let (code, _, err) = r.changes(&["--since", "2026-01-01"]);
    assert_eq!(code, 2);
    assert!(err.contains("no commit before 2026-01-01"), "{err}");
}

#[test]
fn a_portfolio_in_a_subfolder_of_the_repository() {
    let (r, _, _) = meeting_history("kommun/digitalisering");
    let report = r.json(&["--since", "HEAD~1"]);
    let mut listed = ids(&report);
    listed.sort();
    assert_eq!(listed, ["a", "c", "e"]);
}

#[test]
fn outside_a_repository_says_so_and_exits_2() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(dir.path().join("initiatives")).unwrap();
    std::fs::write(dir.path().join("portfolio.yaml"), SETTINGS).unwrap();
    let (code, out, err) = run(dir.path(), &["--since", "HEAD~1"]);
    assert_eq!(code, 2);
    assert!(out.is_empty());
    assert!(err.contains("not in a git repository"), "{err}");
    let (code, _, err) = run_in(dir.path(), &["--since", "HEAD~1"], "sv");
    assert_eq!(code, 2);
    assert!(err.contains("inte i ett git-arkiv"), "{err}");
}

#[test]
fn an_unknown_revision_suggests_a_near_branch_or_tag() {
    let (r, _, _) = meeting_history("");
    let (code, out, err) = r.changes(&["--since", "meeting-nv"]);
    assert_eq!(code, 2);
    assert!(out.is_empty());
    assert!(err.contains("unknown revision `meeting-nv`"), "{err}");
    assert!(err.contains("did you mean `meeting-nov`?"), "{err}");
    let (code, _, err) = run_in(&r.portfolio, &["--since", "v2"], "sv");
    assert_eq!(code, 2);
    assert!(err.contains("okänd version `v2`"), "{err}");
    assert!(err.contains("menade du `v1`?"), "{err}");
}

#[test]
fn a_removed_and_re_added_initiative() {
    let (r, _, _) = meeting_history("");
    r.remove("d");
    r.commit("Delta bort", "2026-11-12T09:00:00+01:00");
    r.ini("d", &initiative("Delta", "idea", 1, 3, 400000, ""));
    r.commit("Delta tillbaka", "2026-11-13T09:00:00+01:00");
    let report = r.json(&["--since", "HEAD~2", "--until", "HEAD~1"]);
    assert_eq!(ids(&report), ["d"]);
    let removed = change(&report, "d", "removed");
    assert_eq!(removed["old"]["stage"], "idea");
    assert_eq!(removed["new"], Value::Null);
    let report = r.json(&["--since", "HEAD~1"]);
    assert_eq!(ids(&report), ["d"]);
    assert_eq!(kinds(&report, "d"), ["added"]);
    let report = r.json(&["--since", "HEAD~2"]);
    assert!(ids(&report).is_empty(), "{report:#}");
    assert_eq!(report["summary"]["initiatives"], 0);
}

#[test]
fn crlf_and_a_byte_order_mark_in_old_blobs_load_as_from_disk() {
    let (r, _, _) = meeting_history("");
    let text = initiative("Delta", "idea", 1, 3, 400000, "");
    r.ini("d", &format!("\u{feff}{}", text.replace('\n', "\r\n")));
    r.commit("Windows", "2026-11-12T09:00:00+01:00");
    r.ini("d", &text.replace("  quality: 1\n", "  quality: 2\n"));
    r.commit("Unix", "2026-11-13T09:00:00+01:00");
    let report = r.json(&["--since", "HEAD~1"]);
    assert_eq!(report["since"]["errors"], 0);
    assert_eq!(ids(&report), ["d"]);
    let score = change(&report, "d", "score");
    assert_eq!(
        (score["old"].as_u64(), score["new"].as_u64()),
        (Some(1), Some(2))
    );
    assert!(!kinds(&report, "d").contains(&"title".to_string()));
    // And the Windows file itself read like the same file without CRLF and BOM.
    let report = r.json(&["--since", "HEAD~2", "--until", "HEAD~1"]);
    assert!(ids(&report).is_empty(), "{report:#}");
}

#[test]
fn the_default_newer_end_is_the_working_tree_with_uncommitted_edits() {
    let (r, _, _) = meeting_history("");
    r.ini("d", &initiative("Delta i arbete", "idea", 1, 3, 400000, ""));
    let report = r.json(&["--since", "HEAD"]);
    assert_eq!(ids(&report), ["d"]);
    assert_eq!(kinds(&report, "d"), ["title"]);
    assert_eq!(report["until"]["rev"], Value::Null);
    assert_eq!(report["until"]["commit"], Value::Null);
}

#[test]
fn a_bare_clone_compares_commits() {
    let (r, _, _) = meeting_history("");
    let bare = r.dir.path().join("bare.git");
    r.git(&["clone", "-q", "--bare", ".", bare.to_str().unwrap()]);
    let (code, out, err) = run(&bare, &["--since", "HEAD~1", "--format", "json"]);
    assert_eq!(code, 0, "{err}");
    let report: Value = serde_json::from_str(&out).unwrap();
    let mut listed = ids(&report);
    listed.sort();
    assert_eq!(listed, ["a", "c", "e"]);
    assert_eq!(report["until"]["rev"], "HEAD");
}

#[test]
fn unchanged_files_are_parsed_once() {
    let (r, _, _) = meeting_history("");
    let since = bered::changes::Point::parse("HEAD~1");
    let as_of = bered::model::Date::new(2026, 12, 1).unwrap();
    let set = bered::changes::since(Some(&r.portfolio), &since, None, as_of).unwrap();
    // Five files in the working tree; of the four at HEAD~1 only a and c differ.
    assert_eq!(set.parsed, 7);
    assert_eq!(set.rank_move("c"), Some(1));
    assert!(set.get("b").is_none());
    assert!(set.get("e").is_some_and(|e| e.has("added")));
}

#[test]
fn text_and_markdown_in_both_languages() {
    let (r, _, _) = meeting_history("");
    let (_, text, _) = run_in(&r.portfolio, &["--since", "v1"], "sv");
    assert!(text.starts_with("Ändringar sedan v1 ("), "{text}");
    assert!(text.contains("till arbetskopian"), "{text}");
    assert!(text.contains("3 initiativ ändrade: tillagt 1"), "{text}");
    assert!(text.contains("+ e  Epsilon"), "{text}");
    assert!(
        text.contains("rangordning: plats 3 → plats 2 (↑1)"),
        "{text}"
    );
    assert!(
        text.contains("poäng: Förbättrad kvalitet / användarupplevelse 2 → 4 — motivering: Medborgarna slipper ringa"),
        "{text}"
    );
    let (code, md, _) = r.changes(&["--since", "v1", "--format", "markdown"]);
    assert_eq!(code, 0);
    assert!(md.starts_with("## Changes since v1 ("), "{md}");
    assert!(md.contains("### Gamma (`c`)"), "{md}");
    assert!(
        md.contains("- **Decision**: 2026-11-10 beredningsgruppen: "),
        "{md}"
    );
}

#[test]
fn a_single_file_portfolio() {
    let r = Repo::new("");
    let text = "name: En fil\ninitiatives:\n  - id: forsta\n    title: Första\n    stage: idea\n  - id: andra\n    title: Andra\n    stage: idea\n";
    r.write("portfolio.yaml", text);
    r.commit("one file", "2026-10-01T12:00:00+02:00");
    r.write(
        "portfolio.yaml",
        &text.replace("title: Andra", "title: Andra bättre"),
    );
    let (code, out, err) = run(
        &r.portfolio.join("portfolio.yaml"),
        &["--since", "HEAD", "--format", "json"],
    );
    assert_eq!(code, 0, "{err}");
    let report: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(ids(&report), ["andra"]);
    assert_eq!(change(&report, "andra", "title")["new"], "Andra bättre");
}

#[test]
fn a_linked_worktree_reads_the_shared_history() {
    let (r, _, _) = meeting_history("kommun");
    let linked = r.dir.path().join("linked");
    r.git(&[
        "worktree",
        "add",
        "-q",
        "--detach",
        linked.to_str().unwrap(),
        "HEAD",
    ]);
    let (code, out, err) = run(
        &linked.join("kommun"),
        &["--since", "v1", "--format", "json"],
    );
    assert_eq!(code, 0, "{err}");
    let report: Value = serde_json::from_str(&out).unwrap();
    let mut listed = ids(&report);
    listed.sort();
    assert_eq!(listed, ["a", "c", "e"]);
}

#[test]
fn text_from_the_portfolio_cannot_act_on_the_terminal_or_the_markdown() {
    let (r, _, _) = meeting_history("");
    r.ini("e", "title: \"Ond\\e[31m <b>titel</b>\"\nstage: idea\n");
    let (code, text, _) = r.changes(&["--since", "HEAD"]);
    assert_eq!(code, 0);
    assert!(!text.contains('\u{1b}'), "{text:?}");
    assert!(text.contains("Ond\\e[31m"), "{text}");
    let (_, md, _) = r.changes(&["--since", "HEAD", "--format", "markdown"]);
    assert!(!md.contains('\u{1b}') && !md.contains("<b>"), "{md}");
    assert!(md.contains("&lt;b&gt;"), "{md}");
}
