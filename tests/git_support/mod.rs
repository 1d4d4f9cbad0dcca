//! A git repository built in a test: `git` with a hermetic configuration and fixed dates, and a
//! small portfolio's settings and criteria for the files committed into it.
#![allow(dead_code)]

use std::path::Path;
use std::process::Command;

/// Nacka's criteria, in the model's order.
pub fn criteria() -> Vec<String> {
    bered::model::Model::nacka()
        .criteria
        .into_iter()
        .map(|c| c.id)
        .collect()
}

pub const SETTINGS: &str = "name: Testkommun\ncurrency: SEK\nplanning_year: 2026\nbudget: 1000000\n\
discount_rate: 0.03\nmodel:\n  gate: {criterion: compliance, min: 3}\n  quadrant_threshold: 2.5\n";

/// Runs `git ARGS` in `dir` as of `date`, with no user or system configuration; its output.
pub fn git_in(dir: &Path, args: &[&str], date: &str) -> String {
    let out = Command::new("git")
        .args(args)
        .current_dir(dir)
        .env("GIT_CONFIG_GLOBAL", "/dev/null")
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .env("GIT_AUTHOR_NAME", "Test")
        .env("GIT_AUTHOR_EMAIL", "test@example.org")
        .env("GIT_COMMITTER_NAME", "Test")
        .env("GIT_COMMITTER_EMAIL", "test@example.org")
        .env("GIT_AUTHOR_DATE", date)
        .env("GIT_COMMITTER_DATE", date)
        .output()
        .expect("git runs");
    assert!(
        out.status.success(),
        "git {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).trim().to_string()
}
