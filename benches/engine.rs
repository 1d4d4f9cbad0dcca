//! Loading a folder (without the parse cache, with it empty, with it warm), scoring and
//! ranking, and a re-rank after one score edit.
//!
//!     cargo bench --bench engine
//!     cargo bench --bench engine -- load_warm     # one group

mod support;

use std::hint::black_box;
use std::time::Duration;

use bered::eval::analyse;
use bered::load;
use bered::model::Date;
use criterion::measurement::WallTime;
use criterion::{
    BatchSize, BenchmarkGroup, BenchmarkId, Criterion, criterion_group, criterion_main,
};

fn as_of() -> Date {
    Date::new(2026, 11, 23).expect("a date")
}

/// A group of whole loads (up to 100,000 files, seconds each): ten samples over 20 seconds.
fn whole_loads<'a>(c: &'a mut Criterion, name: &str) -> BenchmarkGroup<'a, WallTime> {
    let mut group = c.benchmark_group(name);
    group
        .sample_size(10)
        .measurement_time(Duration::from_secs(20));
    group
}

fn load_folder(c: &mut Criterion) {
    // Without the parse cache: what every start cost before it, and what `--no-cache` costs.
    let mut group = whole_loads(c, "load_folder");
    for count in support::SIZES {
        let dir = support::portfolio_dir(count);
        group.bench_with_input(BenchmarkId::from_parameter(count), &dir, |b, dir| {
            b.iter(|| black_box(load::load_path(dir).expect("load")))
        });
    }
    group.finish();
}

/// The parse cache of the benchmarks, in the build folder.
fn bench_cache() -> load::cache::Cache {
    load::cache::Cache::at(&cache_dir())
}

/// A first start: every file parsed, and the pack written.
fn load_cold_writing(c: &mut Criterion) {
    let mut group = whole_loads(c, "load_cold_writing");
    let cache = bench_cache();
    for count in support::SIZES {
        let dir = support::portfolio_dir(count);
        group.bench_with_input(BenchmarkId::from_parameter(count), &dir, |b, dir| {
            b.iter_batched(
                || {
                    let _ = std::fs::remove_dir_all(cache_dir());
                },
                |()| black_box(load::load_folder_with_cache(dir, Some(&cache)).expect("load")),
                BatchSize::PerIteration,
            )
        });
    }
    group.finish();
}

fn cache_dir() -> std::path::PathBuf {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("target/bench-cache")
}

/// A start with nothing changed since the last: every file read and hashed, none parsed.
fn load_warm(c: &mut Criterion) {
    let mut group = whole_loads(c, "load_warm");
    let cache = bench_cache();
    for count in support::SIZES {
        let dir = support::portfolio_dir(count);
        let primed = load::load_folder_with_cache(&dir, Some(&cache)).expect("load");
        assert_eq!(primed.portfolio.initiatives.len(), count);
        group.bench_with_input(BenchmarkId::from_parameter(count), &dir, |b, dir| {
            b.iter(|| black_box(load::load_folder_with_cache(dir, Some(&cache)).expect("load")))
        });
    }
    group.finish();
}

fn score_and_rank(c: &mut Criterion) {
    let mut group = c.benchmark_group("score_and_rank");
    group.sample_size(10);
    for count in support::SIZES {
        let portfolio = support::loaded(count).portfolio;
        group.bench_with_input(BenchmarkId::from_parameter(count), &portfolio, |b, p| {
            b.iter(|| black_box(analyse(p, as_of())))
        });
    }
    group.finish();
}

fn rerank_after_one_edit(c: &mut Criterion) {
    let mut group = c.benchmark_group("rerank_after_one_edit");
    for count in support::SIZES {
        let mut portfolio = support::loaded(count).portfolio;
        let mut analysis = analyse(&portfolio, as_of());
        let index = count / 2;
        let mut value = 1;
        group.bench_function(BenchmarkId::from_parameter(count), |b| {
            b.iter(|| {
                // A different score each time, so the initiative really moves.
                value = value % 4 + 1;
                portfolio.initiatives[index].scores.insert("quality", value);
                analysis.update(&portfolio, index);
                black_box(analysis.order[0])
            })
        });
    }
    group.finish();
}

criterion_group!(
    benches,
    load_folder,
    load_cold_writing,
    load_warm,
    score_and_rank,
    rerank_after_one_edit
);
criterion_main!(benches);
