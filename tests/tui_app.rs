//! Key-to-state tests: keys go through the keymap into the app; the state is checked.

mod tui_support;

use bered::eval::{RankGroup, Section};
use bered::i18n::Lang;
use bered::report::dataset::{self, Facet};
use bered::report::ranking::{Column, Separator};
use bered::tui::app::{Command, DetailTab, Overlay, Screen};
use crossterm::event::{KeyCode, KeyModifiers};
use tui_support::{
    app, app_from, as_of, fixture, press, press_with, selected_title, type_text, visible_titles,
};

#[test]
fn starts_with_the_pipeline_then_the_titled_groups_and_one_key_shows_one_list() {
    let mut app = app(Lang::Sv, 80, 24);
    let data = app.data.as_ref().unwrap();
    assert_eq!(app.view.rows, data.analysis.sectioned);
    let sections: Vec<Section> = app
        .view
        .separators
        .iter()
        .filter_map(|(_, s)| match s {
            Separator::Section(section, _) => Some(*section),
            _ => None,
        })
        .collect();
    assert_eq!(
        sections,
        [Section::Committed, Section::Incomplete, Section::Blocked]
    );
    press(&mut app, KeyCode::Char('a'));
    let data = app.data.as_ref().unwrap();
    let ranks: Vec<usize> = app.view.rows.iter().map(|&i| data.item(i).rank).collect();
    assert_eq!(ranks, (1..=data.len()).collect::<Vec<_>>());
    let groups: Vec<RankGroup> = app
        .view
        .separators
        .iter()
        .filter_map(|(_, s)| match s {
            Separator::Group(g, _) => Some(*g),
            _ => None,
        })
        .collect();
    assert_eq!(groups, [RankGroup::Incomplete, RankGroup::Blocked]);
    press(&mut app, KeyCode::Char('a'));
    assert_eq!(app.view.rows, app.data.as_ref().unwrap().analysis.sectioned);
    assert_eq!(app.screen, Screen::Ranking);
}

#[test]
fn arrows_vim_keys_and_paging_move_the_selection() {
    let mut app = app(Lang::Sv, 80, 24);
    let last = app.view.rows.len() - 1;
    press(&mut app, KeyCode::Char('j'));
    press(&mut app, KeyCode::Down);
    assert_eq!(app.selected, 2);
    press(&mut app, KeyCode::Char('k'));
    assert_eq!(app.selected, 1);
    press(&mut app, KeyCode::Char('G'));
    assert_eq!(app.selected, last);
    press(&mut app, KeyCode::Home);
    assert_eq!(app.selected, 0);
    press(&mut app, KeyCode::PageDown);
    assert_eq!(app.selected, last, "a page is longer than the fixture");
    press(&mut app, KeyCode::Up);
    press(&mut app, KeyCode::Char('g'));
    assert_eq!(app.selected, 0);
    press(&mut app, KeyCode::Up);
    assert_eq!(app.selected, 0, "never above the first row");
}

#[test]
fn search_is_live_smart_case_and_normalised() {
    let mut app = app(Lang::Sv, 80, 24);
    press(&mut app, KeyCode::Char('/'));
    assert!(app.search.editing);
    // Without its accent, `oversikt` still finds `Översikt`; letters scattered over a title
    // (`ovrs`) no longer do.
    type_text(&mut app, "ovrs");
    assert!(
        visible_titles(&app).is_empty(),
        "{:?}",
        visible_titles(&app)
    );
    for _ in 0..4 {
        press(&mut app, KeyCode::Backspace);
    }
    type_text(&mut app, "oversikt");
    let titles = visible_titles(&app);
    assert!(titles.len() < 6, "{titles:?}");
    let k = titles
        .iter()
        .position(|t| t == "Översikt över ekonomin för chefer")
        .unwrap();
    let i = app.view.rows[k];
    assert_eq!(
        app.search.title_highlights(i),
        &[0, 1, 2, 3, 4, 5, 6, 7],
        "Översikt, whole"
    );
    for _ in 0..8 {
        press(&mut app, KeyCode::Backspace);
    }
    type_text(&mut app, "översikt");
    assert_eq!(visible_titles(&app), ["Översikt över ekonomin för chefer"]);
    press(&mut app, KeyCode::Backspace);
    type_text(&mut app, "T");
    assert!(
        visible_titles(&app).is_empty(),
        "an upper-case letter makes the case count"
    );
    press(&mut app, KeyCode::Backspace);
    type_text(&mut app, "t");
    press(&mut app, KeyCode::Enter);
    assert!(!app.search.editing);
    assert_eq!(app.view.rows.len(), 1, "Enter keeps the search");
    press(&mut app, KeyCode::Esc);
    assert!(app.search.query.is_empty(), "Esc on the ranking clears it");
    assert_eq!(app.view.rows.len(), app.data.as_ref().unwrap().len());
}

#[test]
fn search_finds_ids_owners_units_and_tags() {
    let mut app = app(Lang::Sv, 80, 24);
    press(&mut app, KeyCode::Char('/'));
    type_text(&mut app, "'Kontaktcenter");
    assert_eq!(visible_titles(&app), ["Chattbot i kontaktcenter"]);
    press(&mut app, KeyCode::Esc);
    press(&mut app, KeyCode::Char('/'));
    type_text(&mut app, "'e-arkiv");
    assert_eq!(visible_titles(&app), ["E-arkiv för kommunen"], "by id");
    press(&mut app, KeyCode::Esc);
    press(&mut app, KeyCode::Char('/'));
    type_text(&mut app, "'beslutsstöd");
    assert_eq!(
        visible_titles(&app),
        ["Översikt över ekonomin för chefer"],
        "by tag"
    );
}

#[test]
fn refining_a_query_gives_what_a_fresh_search_gives() {
    let mut typed = app(Lang::Sv, 80, 24);
    press(&mut typed, KeyCode::Char('/'));
    let mut results = Vec::new();
    for (n, c) in "e tjä".chars().enumerate() {
        press(&mut typed, KeyCode::Char(c));
        let mut fresh = app(Lang::Sv, 80, 24);
        press(&mut fresh, KeyCode::Char('/'));
        type_text(&mut fresh, &"e tjä".chars().take(n + 1).collect::<String>());
        assert_eq!(
            visible_titles(&typed),
            visible_titles(&fresh),
            "after {n} keys"
        );
        results.push(typed.view.rows.len());
    }
    assert!(results.windows(2).all(|w| w[1] <= w[0]), "{results:?}");
}

#[test]
fn sort_by_any_column_and_back_to_rank_order() {
    let mut app = app(Lang::En, 80, 24);
    press(&mut app, KeyCode::Char('s'));
    assert_eq!(app.sort.column, Some(Column::Title));
    let titles = visible_titles(&app);
    let ranked: Vec<&String> = titles.iter().take(4).collect();
    let mut sorted = ranked.clone();
    sorted.sort_by_key(|t| t.to_lowercase());
    assert_eq!(ranked, sorted, "sorted within the ranked group");
    press(&mut app, KeyCode::Char('r'));
    assert!(app.sort.descending);
    assert!(
        !app.view
            .separators
            .iter()
            .any(|(_, s)| *s == Separator::BudgetLine)
    );
    press(&mut app, KeyCode::Char('<'));
    press(&mut app, KeyCode::Char('<'));
    assert_eq!(
        app.sort.column,
        Some(Column::Flags),
        "< goes back, past rank order"
    );
    press(&mut app, KeyCode::Char('o'));
    assert_eq!(app.sort.column, None);
    assert!(
        app.view
            .separators
            .iter()
            .any(|(_, s)| *s == Separator::BudgetLine)
    );
}

#[test]
fn the_selection_follows_its_initiative_through_a_sort() {
    let mut app = app(Lang::Sv, 80, 24);
    press(&mut app, KeyCode::Down);
    let before = selected_title(&app);
    press(&mut app, KeyCode::Char('s'));
    assert_eq!(selected_title(&app), before);
}

#[test]
fn filters_by_facet_within_any_across_all() {
    let mut app = app(Lang::Sv, 80, 24);
    press(&mut app, KeyCode::Char('f'));
    assert!(matches!(app.overlay, Overlay::Filters(_)));
    // Gate is the fifth facet.
    for _ in 0..4 {
        press(&mut app, KeyCode::Right);
    }
    let values = app.facet_values(Facet::Gate);
    let blocked = values.iter().position(|v| v == "blocked").unwrap();
    for _ in 0..blocked {
        press(&mut app, KeyCode::Down);
    }
    press(&mut app, KeyCode::Char(' '));
    assert_eq!(visible_titles(&app), ["Ny skolplattform"]);
    press(&mut app, KeyCode::Char('c'));
    assert_eq!(visible_titles(&app).len(), 6);
    press(&mut app, KeyCode::Left);
    press(&mut app, KeyCode::Left);
    // Tag: any of the chosen values.
    let tags = app.facet_values(Facet::Tag);
    let medborgare = tags.iter().position(|v| v == "medborgare").unwrap();
    for _ in 0..medborgare {
        press(&mut app, KeyCode::Down);
    }
    press(&mut app, KeyCode::Enter);
    assert_eq!(visible_titles(&app).len(), 3);
    press(&mut app, KeyCode::Esc);
    assert_eq!(app.overlay, Overlay::None);
    assert_eq!(app.filters.count(), 1);
}

#[test]
fn tab_moves_between_screens_and_esc_goes_home() {
    let mut app = app(Lang::Sv, 80, 24);
    let mut seen = vec![app.screen];
    for _ in 0..4 {
        press(&mut app, KeyCode::Tab);
        seen.push(app.screen);
    }
    assert_eq!(
        seen,
        [
            Screen::Ranking,
            Screen::Matrix,
            Screen::Portfolio,
            Screen::Diagnostics,
            Screen::Ranking
        ]
    );
    press_with(&mut app, KeyCode::BackTab, KeyModifiers::SHIFT);
    assert_eq!(app.screen, Screen::Diagnostics);
    press(&mut app, KeyCode::Esc);
    assert_eq!(app.screen, Screen::Ranking);
}

#[test]
fn enter_opens_the_detail_with_tabs_and_esc_closes_it() {
    let mut app = app(Lang::Sv, 80, 24);
    press(&mut app, KeyCode::Down);
    let title = selected_title(&app);
    press(&mut app, KeyCode::Enter);
    let detail = app.detail.as_ref().expect("detail open");
    assert_eq!(
        app.data.as_ref().unwrap().initiative(detail.index).title(),
        title
    );
    assert_eq!(detail.tab, DetailTab::Overview);
    press(&mut app, KeyCode::Tab);
    assert_eq!(app.detail.as_ref().unwrap().tab, DetailTab::Scores);
    press(&mut app, KeyCode::Char('3'));
    assert_eq!(app.detail.as_ref().unwrap().tab, DetailTab::Case);
    press(&mut app, KeyCode::Char(']'));
    assert_eq!(app.detail.as_ref().unwrap().year_offset, 1);
    press(&mut app, KeyCode::Left);
    assert_eq!(app.detail.as_ref().unwrap().tab, DetailTab::Scores);
    press(&mut app, KeyCode::Char('h'));
    press(&mut app, KeyCode::Char('h'));
    assert_eq!(
        app.detail.as_ref().unwrap().tab,
        DetailTab::Decisions,
        "wraps round"
    );
    press(&mut app, KeyCode::Esc);
    assert!(app.detail.is_none());
    assert_eq!(app.screen, Screen::Ranking);
}

#[test]
fn the_matrix_moves_between_points_and_opens_one() {
    let mut app = app(Lang::Sv, 80, 24);
    press(&mut app, KeyCode::Tab);
    assert_eq!(app.screen, Screen::Matrix);
    let data = app.data.as_ref().unwrap();
    let start = app
        .matrix_selected
        .expect("starts on the ranking's selection");
    assert_eq!(start, app.view.rows[0], "the first of the pipeline");
    assert_eq!(data.item(start).section, Section::Pipeline);
    let feasibility = |app: &bered::tui::app::App, i: usize| {
        app.data
            .as_ref()
            .unwrap()
            .item(i)
            .eval
            .feasibility_score
            .unwrap()
    };
    press(&mut app, KeyCode::Left);
    let left = app.matrix_selected.unwrap();
    assert!(feasibility(&app, left) < feasibility(&app, start));
    press(&mut app, KeyCode::Char('l'));
    assert!(feasibility(&app, app.matrix_selected.unwrap()) > feasibility(&app, left));
    press(&mut app, KeyCode::Char('n'));
    assert!(
        app.matrix_selected.is_some(),
        "cycling a lone point stays on it"
    );
    press(&mut app, KeyCode::Enter);
    assert_eq!(app.detail.as_ref().map(|d| d.index), app.matrix_selected);
}

#[test]
fn q_quits_help_opens_and_closes() {
    let mut app = app(Lang::Sv, 80, 24);
    press(&mut app, KeyCode::Char('?'));
    assert!(matches!(app.overlay, Overlay::Help { .. }));
    assert_eq!(
        press(&mut app, KeyCode::Char('q')),
        Command::None,
        "q closes help first"
    );
    assert_eq!(app.overlay, Overlay::None);
    assert_eq!(press(&mut app, KeyCode::Char('q')), Command::Quit);
    press(&mut app, KeyCode::Char('/'));
    assert_eq!(
        press(&mut app, KeyCode::Char('q')),
        Command::None,
        "q is text in the search"
    );
    assert_eq!(app.search.query, "q");
    assert_eq!(
        press_with(&mut app, KeyCode::Char('c'), KeyModifiers::CONTROL),
        Command::Quit
    );
    assert_eq!(
        press_with(&mut app, KeyCode::Char('r'), KeyModifiers::CONTROL),
        Command::None
    );
}

fn copy_fixture() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("initiatives")).unwrap();
    for entry in walk(&fixture()) {
        let rel = entry.strip_prefix(fixture()).unwrap();
        std::fs::copy(&entry, dir.path().join(rel)).unwrap();
    }
    dir
}

fn walk(root: &std::path::Path) -> Vec<std::path::PathBuf> {
    let mut out = vec![root.join("portfolio.yaml")];
    for e in std::fs::read_dir(root.join("initiatives")).unwrap() {
        out.push(e.unwrap().path());
    }
    out
}

#[test]
fn a_reload_keeps_the_selection_and_says_what_changed() {
    let dir = copy_fixture();
    let mut app = app_from(dir.path(), Lang::Sv, 80, 24);
    press(&mut app, KeyCode::Down);
    press(&mut app, KeyCode::Down);
    let before = selected_title(&app);
    let files = dir.path().join("initiatives");
    let text = std::fs::read_to_string(files.join("chattbot-kontaktcenter.yaml")).unwrap();
    std::fs::write(
        files.join("chattbot-kontaktcenter.yaml"),
        text.replace("quality: 3", "quality: 4"),
    )
    .unwrap();
    std::fs::write(
        files.join("ny-ide.yaml"),
        "title: Alldeles ny idé\nstage: idea\n",
    )
    .unwrap();
    std::fs::remove_file(files.join("parkeringsapp.yaml")).unwrap();
    app.apply_load(dataset::load(Some(dir.path()), as_of(), &|_| {}));
    assert_eq!(selected_title(&app), before);
    let status = app.status.as_ref().expect("a reload says what changed");
    assert!(!status.error);
    assert_eq!(
        status.text,
        "Omläst från disk: 1 nya, 1 ändrade, 1 borttagna – tryck C för att se ändringarna"
    );
}

#[test]
fn a_failed_reload_keeps_the_last_good_data_and_shows_the_diagnostics() {
    let dir = copy_fixture();
    let mut app = app_from(dir.path(), Lang::En, 80, 24);
    assert!(app.diagnostics.is_empty());
    let count = app.data.as_ref().unwrap().len();
    let broken = dir.path().join("initiatives/e-arkiv.yaml");
    std::fs::write(&broken, "title: [unclosed\n").unwrap();
    app.apply_load(dataset::load(Some(dir.path()), as_of(), &|_| {}));
    assert_eq!(
        app.data.as_ref().unwrap().len(),
        count,
        "last good data kept"
    );
    assert!(!app.diagnostics.is_empty());
    assert_eq!(app.diagnostics[0].path, broken);
    let status = app.status.as_ref().unwrap();
    assert!(status.error);
    assert!(status.text.starts_with("Reload failed"), "{}", status.text);
    press(&mut app, KeyCode::Tab);
    press(&mut app, KeyCode::Tab);
    press(&mut app, KeyCode::Tab);
    assert_eq!(app.screen, Screen::Diagnostics);
    assert_eq!(app.diagnostic_selected, 0);
}

#[test]
fn a_missing_portfolio_shows_a_diagnostic_not_a_crash() {
    let app = app_from(
        std::path::Path::new("/nonexistent/portfolio"),
        Lang::Sv,
        80,
        24,
    );
    assert!(app.data.is_none());
    assert_eq!(app.diagnostics.len(), 1);
    assert!(app.view.rows.is_empty());
}

#[test]
fn while_typing_the_selection_follows_the_best_match_in_rank_order() {
    let sample = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("portfolio");
    let mut app = app_from(&sample, Lang::Sv, 100, 30);
    press(&mut app, KeyCode::Char('/'));
    type_text(&mut app, "vatten");
    assert_eq!(app.view.rows.len(), 2, "only the two about water");
    assert_eq!(Some(app.view.rows[app.selected]), app.search.best());
    let data = app.data.as_ref().unwrap();
    let ranks: Vec<usize> = app.view.rows.iter().map(|&i| data.item(i).rank).collect();
    assert!(
        ranks.windows(2).all(|w| w[0] < w[1]),
        "rows stay in rank order: {ranks:?}"
    );
    assert!(app.selected > 0, "the best match is not the first row here");
}

#[test]
fn tab_tab_end_shows_the_last_line_of_the_portfolio_screen_at_every_size() {
    let sample = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("portfolio");
    for (w, h) in [(80, 24), (120, 40)] {
        let mut app = app_from(&sample, Lang::Sv, w, h);
        press(&mut app, KeyCode::Tab);
        press(&mut app, KeyCode::Tab);
        assert_eq!(app.screen, Screen::Portfolio);
        press(&mut app, KeyCode::End);
        let text = tui_support::draw(&mut app, &tui_support::mono());
        let data = app.data.as_ref().unwrap();
        let last = data.summary.should_not_prioritise.last().expect("a list");
        let title: String = data
            .initiative(last.index)
            .title()
            .chars()
            .take(12)
            .collect();
        assert!(
            text.contains(&title),
            "{w}×{h}: the last list's last line:\n{text}"
        );
        assert!(app.portfolio_scroll > 0 && app.portfolio_scroll < u16::MAX);
        // PgDn and j past the end stay at the end.
        let end = app.portfolio_scroll;
        press(&mut app, KeyCode::PageDown);
        press(&mut app, KeyCode::Char('j'));
        assert_eq!(app.portfolio_scroll, end, "{w}×{h}");
        press(&mut app, KeyCode::Home);
        assert_eq!(app.portfolio_scroll, 0);
    }
}
