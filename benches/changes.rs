//! `bered changes` between two revisions of a 10,000-initiative portfolio, against loading the
//! same portfolio once. The goal: changes in at most twice the time of one load.
//!
//!     cargo bench --bench changes -- --sample-size 10

mod support;

use std::hint::black_box;
use std::path::Path;
use std::process::Command;
use std::time::Duration;

use bered::changes::{Point, since};
use bered::load;
use bered::model::Date;
use criterion::{Criterion, criterion_group, criterion_main};

const COUNT: usize = 10_000;
/// How many initiative files the newer commit changes.
const CHANGED: usize = 5;

fn git(dir: &Path, args: &[&str]) {
    let out = Command::new("git")
        .args(args)
        .current_dir(dir)
        .env("GIT_CONFIG_GLOBAL", "/dev/null")
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .env("GIT_AUTHOR_NAME", "Bench")
        .env("GIT_AUTHOR_EMAIL", "bench@example.org")
        .env("GIT_COMMITTER_NAME", "Bench")
        .env("GIT_COMMITTER_EMAIL", "bench@example.org")
        .output()
        .expect("git");
    assert!(out.status.success(), "git {args:?}");
}

/// A repository with the generated portfolio committed, then a commit changing a few files'
/// scores (a different value on one criterion line each).
fn repository() -> tempfile::TempDir {
    let repo = tempfile::tempdir().expect("a temporary folder");
    let portfolio = repo.path().join("portfolio");
    support::synth::write_portfolio(&portfolio, COUNT, 1).expect("generate");
    git(repo.path(), &["init", "-q", "-b", "main"]);
    git(repo.path(), &["add", "-A"]);
    git(repo.path(), &["commit", "-q", "-m", "first"]);
    let mut files: Vec<_> = std::fs::read_dir(portfolio.join("initiatives"))
        .expect("the initiatives")
        .map(|e| e.expect("an entry").path())
        .collect();
    files.sort();
    for path in files.iter().step_by(COUNT / CHANGED).take(CHANGED) {
        let text = std::fs::read_to_string(path).expect("a file");
        let changed = ["quality: 1", "quality: 2", "quality: 3", "quality: 4"]
            .iter()
            .zip(["quality: 2", "quality: 3", "quality: 4", "quality: 1"])
            .find(|(from, _)| text.contains(*from))
            .map(|(from, to)| text.replacen(from, to, 1))
            .unwrap_or_else(|| format!("{text}\n# changed\n"));
        std::fs::write(path, changed).expect("write");
    }
    git(repo.path(), &["commit", "-q", "-am", "rescored"]);
    repo
}

fn changes(c: &mut Criterion) {
    let repo = repository();
    let portfolio = repo.path().join("portfolio");
    let as_of = Date::new(2026, 11, 23).expect("a date");
    let set = since(
        Some(&portfolio),
        &Point::parse("HEAD~1"),
        Some(&Point::parse("HEAD")),
        as_of,
    )
    .expect("changes");
    assert!(!set.is_empty() && set.initiatives.len() <= CHANGED * 2);
    assert_eq!(set.parsed, COUNT + CHANGED);

    let mut group = c.benchmark_group("changes_10k");
    group
        .sample_size(10)
        .measurement_time(Duration::from_secs(20));
    group.bench_function("load_once", |b| {
        b.iter(|| black_box(load::load_path(&portfolio).expect("load")))
    });
    group.bench_function("between_two_revisions", |b| {
        b.iter(|| {
            let (old, new) = (Point::parse("HEAD~1"), Point::parse("HEAD"));
            black_box(since(Some(&portfolio), &old, Some(&new), as_of).expect("changes"))
        })
    });
    group.bench_function("since_to_working_tree", |b| {
        b.iter(|| {
            let old = Point::parse("HEAD~1");
            black_box(since(Some(&portfolio), &old, None, as_of).expect("changes"))
        })
    });
    group.finish();
}

criterion_group!(benches, changes);
criterion_main!(benches);
