//! A fuzzy-search keystroke (filter + sort + visible slice + frame) and rendering one frame of
//! the ranking, at 1,000, 10,000 and 100,000 initiatives.
//!
//!     cargo bench --bench tui

mod support;

use std::hint::black_box;

use bered::i18n::Lang;
use bered::model::Date;
use bered::report::dataset;
use bered::tui::action::Action;
use bered::tui::app::App;
use bered::tui::theme::Theme;
use bered::tui::views;
use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use std::time::{Duration, Instant};

const QUERY: &str = "digpost";

fn app(count: usize) -> App {
    let as_of = Date::new(2026, 11, 23).expect("a date");
    let mut app = App::new(Lang::Sv, as_of);
    app.apply_load(dataset::load(
        Some(&support::portfolio_dir(count)),
        as_of,
        &|_| {},
    ));
    app.update(Action::Resize(120, 40));
    app
}

fn frame(app: &mut App, terminal: &mut Terminal<TestBackend>, theme: &Theme) {
    terminal
        .draw(|f| {
            black_box(views::render(app, theme, f));
        })
        .expect("draw");
}

fn render_ranking(c: &mut Criterion) {
    let theme = Theme::load("default").expect("theme");
    let mut group = c.benchmark_group("render_ranking_frame");
    for count in support::SIZES {
        let mut app = app(count);
        let mut terminal = Terminal::new(TestBackend::new(120, 40)).expect("terminal");
        group.bench_function(BenchmarkId::from_parameter(count), |b| {
            b.iter(|| {
                app.update(Action::Down);
                frame(&mut app, &mut terminal, &theme);
            })
        });
    }
    group.finish();
}

/// Runs `typing` `iters` times, each from an empty search (the clearing is not timed).
fn timed(iters: u64, app: &mut App, mut typing: impl FnMut(&mut App)) -> Duration {
    let mut total = Duration::ZERO;
    for _ in 0..iters {
        app.update(Action::SearchCancel);
        app.update(Action::StartSearch);
        let start = Instant::now();
        typing(app);
        total += start.elapsed();
    }
    total
}

/// Every keystroke of QUERY typed from an empty search, each followed by a frame. Criterion
/// reports the time for the whole query; divide by its length for a keystroke.
fn search_typing(c: &mut Criterion) {
    let theme = Theme::load("default").expect("theme");
    let mut group = c.benchmark_group("search_query_of_7_keystrokes");
    group.sample_size(20);
    for count in support::SIZES {
        let mut a = app(count);
        let mut terminal = Terminal::new(TestBackend::new(120, 40)).expect("terminal");
        group.bench_function(BenchmarkId::from_parameter(count), |b| {
            b.iter_custom(|iters| {
                timed(iters, &mut a, |a| {
                    for ch in QUERY.chars() {
                        a.update(Action::SearchInput(ch));
                        frame(a, &mut terminal, &theme);
                    }
                })
            })
        });
    }
    group.finish();
}

/// The first keystroke scans every initiative: the slowest one.
fn search_first_keystroke(c: &mut Criterion) {
    let theme = Theme::load("default").expect("theme");
    let mut group = c.benchmark_group("search_first_keystroke");
    for count in support::SIZES {
        let mut a = app(count);
        let mut terminal = Terminal::new(TestBackend::new(120, 40)).expect("terminal");
        group.bench_function(BenchmarkId::from_parameter(count), |b| {
            b.iter_custom(|iters| {
                timed(iters, &mut a, |a| {
                    a.update(Action::SearchInput('d'));
                    frame(a, &mut terminal, &theme);
                })
            })
        });
    }
    group.finish();
}

criterion_group!(
    benches,
    render_ranking,
    search_first_keystroke,
    search_typing
);
criterion_main!(benches);
