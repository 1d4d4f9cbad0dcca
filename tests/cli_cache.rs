//! The parse cache seen from the command line: the output is byte-for-byte the same with and
//! without it, cold and warm; `--no-cache` and `BERED_NO_CACHE=1` leave the cache folder alone.

#[path = "../benches/support/synth.rs"]
mod synth;

use std::path::{Path, PathBuf};
use std::process::Command;

/// `bered ARGS` with the cache in `cache` (`None`: `BERED_NO_CACHE=1`); stdout, checked.
fn bered(args: &[&str], cache: Option<&Path>) -> Vec<u8> {
    let mut command = Command::new(env!("CARGO_BIN_EXE_bered"));
    command
        .args(args)
        .args(["--as-of", "2026-11-23", "--lang", "en"])
        .env("LANG", "en")
        .env_remove("BERED_NO_CACHE");
    match cache {
        Some(dir) => command.env("XDG_CACHE_HOME", dir),
        None => command
            .env("BERED_NO_CACHE", "1")
            .env("XDG_CACHE_HOME", "/nonexistent/never-written"),
    };
    let out = command.output().expect("run bered");
    assert!(
        out.status.success() || out.status.code() == Some(1),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    out.stdout
}

fn packs(cache: &Path) -> Vec<PathBuf> {
    std::fs::read_dir(cache.join("bered"))
        .map(|d| d.flatten().map(|e| e.path()).collect())
        .unwrap_or_default()
}

/// Every output the same without the cache, with it cold, and with it warm.
fn same_with_and_without(portfolio: &Path) {
    let tmp = tempfile::tempdir().expect("temp dir");
    let cache = tmp.path();
    let path = portfolio.to_str().expect("utf-8 path");
    for args in [
        ["rank", path, "--format", "json"],
        ["rank", path, "--format", "csv"],
        ["check", path, "--format", "json"],
    ] {
        let plain = bered(&args, None);
        assert!(!plain.is_empty());
        assert_eq!(bered(&args, Some(cache)), plain, "cold: {args:?}");
        assert_eq!(packs(cache).len(), 1, "one pack for the folder");
        assert_eq!(bered(&args, Some(cache)), plain, "warm: {args:?}");
    }
}

#[test]
fn the_sample_ranks_the_same_with_and_without_the_cache() {
    same_with_and_without(&Path::new(env!("CARGO_MANIFEST_DIR")).join("portfolio"));
}

#[test]
fn a_generated_thousand_ranks_the_same_with_and_without_the_cache() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let dir = tmp.path().join("p1k");
    synth::write_portfolio(&dir, 1000, 1).expect("generate");
    same_with_and_without(&dir);
}

#[test]
fn no_cache_and_the_variable_leave_the_cache_folder_alone() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let sample = Path::new(env!("CARGO_MANIFEST_DIR")).join("portfolio");
    let path = sample.to_str().expect("utf-8 path");
    let mut command = Command::new(env!("CARGO_BIN_EXE_bered"));
    let out = command
        .args(["rank", path, "--no-cache"])
        .env("XDG_CACHE_HOME", tmp.path())
        .env_remove("BERED_NO_CACHE")
        .output()
        .expect("run");
    assert!(out.status.success());
    assert!(packs(tmp.path()).is_empty(), "--no-cache writes nothing");
    bered(&["rank", path], Some(tmp.path()));
    assert_eq!(
        packs(tmp.path()).len(),
        1,
        "without it, the pack is written"
    );
    let other = tempfile::tempdir().expect("temp dir");
    let out = Command::new(env!("CARGO_BIN_EXE_bered"))
        .args(["rank", path])
        .env("XDG_CACHE_HOME", other.path())
        .env("BERED_NO_CACHE", "1")
        .output()
        .expect("run");
    assert!(out.status.success());
    assert!(
        packs(other.path()).is_empty(),
        "BERED_NO_CACHE=1 writes nothing"
    );
}
