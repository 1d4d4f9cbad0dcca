//! The state machine under random input: tens of thousands of random actions and key events at
//! random terminal sizes (0×0 and 1×1 included), with the invariants checked after every step.

mod tui_support;

use bered::i18n::Lang;
use bered::tui::action::Action;
use bered::tui::app::App;
use bered::tui::keymap;
use bered::tui::theme::Theme;
use bered::tui::views;
use crossterm::event::{KeyCode, KeyModifiers};
use proptest::prelude::*;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use tui_support::{app_from, press_with};

fn sample() -> std::path::PathBuf {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("portfolio")
}

#[derive(Clone, Debug)]
enum Step {
    Act(Action),
    Key(KeyCode, KeyModifiers),
    Draw,
}

fn action() -> impl Strategy<Value = Action> {
    // Every action a key can produce, from the one keymap table, so new actions are covered.
    let mut bound: Vec<Action> = keymap::BINDINGS.iter().map(|b| b.action).collect();
    bound.dedup();
    let plain = prop::sample::select(bound);
    prop_oneof![
        8 => plain,
        2 => prop::sample::select(vec!['a', 'ö', 'e', ' ', '!', 'x', '2', 'Å']).prop_map(Action::SearchInput),
        1 => (0u8..8).prop_map(Action::GoTab),
        1 => (0u16..260, 0u16..80).prop_map(|(w, h)| Action::Resize(w, h)),
        1 => prop::sample::select(vec![(0, 0), (1, 1), (80, 24), (250, 70), (3, 200)]).prop_map(|(w, h)| Action::Resize(w, h)),
    ]
}

fn key() -> impl Strategy<Value = (KeyCode, KeyModifiers)> {
    let code = prop_oneof![
        any::<char>()
            .prop_filter("not quit", |c| *c != 'q')
            .prop_map(KeyCode::Char),
        prop::sample::select(vec![
            KeyCode::Up,
            KeyCode::Down,
            KeyCode::Left,
            KeyCode::Right,
            KeyCode::Enter,
            KeyCode::Esc,
            KeyCode::Tab,
            KeyCode::BackTab,
            KeyCode::Home,
            KeyCode::End,
            KeyCode::PageUp,
            KeyCode::PageDown,
            KeyCode::Backspace,
            KeyCode::F(1),
            KeyCode::F(5),
        ]),
    ];
    let modifiers = prop::sample::select(vec![
        KeyModifiers::NONE,
        KeyModifiers::SHIFT,
        KeyModifiers::CONTROL,
    ]);
    (code, modifiers).prop_filter("not a quit chord", |(c, m)| {
        !(*m == KeyModifiers::CONTROL && *c == KeyCode::Char('c'))
    })
}

fn step() -> impl Strategy<Value = Step> {
    prop_oneof![
        6 => action().prop_map(Step::Act),
        3 => key().prop_map(|(c, m)| Step::Key(c, m)),
        2 => Just(Step::Draw),
    ]
}

fn check_invariants(app: &App, total: usize) {
    let data = app.data.as_ref().expect("the sample loads");
    assert!(
        app.view.rows.is_empty() || app.selected < app.view.rows.len(),
        "selection {} of {}",
        app.selected,
        app.view.rows.len()
    );
    let mut order = data.analysis.order.clone();
    order.sort_unstable();
    assert_eq!(
        order,
        (0..total).collect::<Vec<_>>(),
        "the ranking is a permutation of the loaded initiatives"
    );
    let mut rows = app.view.rows.clone();
    rows.sort_unstable();
    rows.dedup();
    assert_eq!(
        rows.len(),
        app.view.rows.len(),
        "no initiative twice in view"
    );
    assert!(rows.iter().all(|&i| i < total));
}

fn draw(app: &mut App, theme: &Theme) {
    let (w, h) = app.size;
    let mut terminal = Terminal::new(TestBackend::new(w, h)).expect("terminal");
    terminal
        .draw(|f| {
            views::render(app, theme, f);
        })
        .expect("draw");
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 128, ..ProptestConfig::default() })]

    /// 128 runs of up to 400 steps: about 25,000 steps, each followed by the invariants.
    #[test]
    fn random_actions_keep_the_invariants(steps in prop::collection::vec(step(), 1..400), lang in prop::bool::ANY) {
        let lang = if lang { Lang::Sv } else { Lang::En };
        let theme = Theme::load("default").expect("theme");
        let mut app = app_from(&sample(), lang, 80, 24);
        let total = app.data.as_ref().expect("loaded").len();
        for step in steps {
            match step {
                Step::Act(a) => { app.update(a); }
                Step::Key(c, m) => { press_with(&mut app, c, m); }
                Step::Draw => draw(&mut app, &theme),
            }
            check_invariants(&app, total);
        }
        // Back to the ranking with search, filters and sort cleared: the full list, in rank order.
        app.update(Action::SearchCancel);
        for _ in 0..6 {
            app.update(Action::Back);
        }
        app.update(Action::ClearAll);
        app.update(Action::RankOrder);
        prop_assert!(!app.search.is_active(), "the search is cleared");
        prop_assert!(app.filters.is_empty(), "the filters are cleared");
        let data = app.data.as_ref().expect("loaded");
        // Rank order: the pipeline first, or the one list when `a` left it so.
        let ranked = if app.sort.all {
            &data.analysis.order
        } else {
            &data.analysis.sectioned
        };
        prop_assert_eq!(&app.view.rows, ranked);
    }
}
