//! Loading a folder, scoring and ranking, and a re-rank after one score edit.
//!
//!     cargo bench --bench engine

mod support;

use std::hint::black_box;
use std::time::Duration;

use bered::eval::analyse;
use bered::load;
use bered::model::Date;
use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};

fn as_of() -> Date {
    Date::new(2026, 11, 23).expect("a date")
}

fn load_folder(c: &mut Criterion) {
    let mut group = c.benchmark_group("load_folder");
    group
        .sample_size(10)
        .measurement_time(Duration::from_secs(20));
    for count in support::SIZES {
        let dir = support::portfolio_dir(count);
        group.bench_with_input(BenchmarkId::from_parameter(count), &dir, |b, dir| {
            b.iter(|| black_box(load::load_path(dir).expect("load")))
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
                portfolio.initiatives[index]
                    .scores
                    .insert("quality".into(), value);
                analysis.update(&portfolio, index);
                black_box(analysis.order[0])
            })
        });
    }
    group.finish();
}

criterion_group!(benches, load_folder, score_and_rank, rerank_after_one_edit);
criterion_main!(benches);
