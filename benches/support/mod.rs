//! Synthetic portfolios for the benchmarks, generated once into `target/bench-portfolios/`.
#![allow(dead_code)]

pub mod synth;

use std::path::{Path, PathBuf};

use bered::load::{self, Loaded};

pub const SIZES: [usize; 3] = [1_000, 10_000, 100_000];

/// The folder of a generated portfolio of `count` initiatives (seed 1), made on first use.
pub fn portfolio_dir(count: usize) -> PathBuf {
    let dir =
        Path::new(env!("CARGO_MANIFEST_DIR")).join(format!("target/bench-portfolios/{count}"));
    let complete = dir
        .join("initiatives")
        .read_dir()
        .map(|d| d.count() == count)
        .unwrap_or(false);
    if !complete {
        let _ = std::fs::remove_dir_all(&dir);
        synth::write_portfolio(&dir, count, 1).expect("write the benchmark portfolio");
    }
    dir
}

pub fn loaded(count: usize) -> Loaded {
    let loaded = load::load_path(&portfolio_dir(count)).expect("load");
    assert_eq!(
        loaded.portfolio.initiatives.len(),
        count,
        "{:?}",
        loaded.diagnostics.first()
    );
    loaded
}
