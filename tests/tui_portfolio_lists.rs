//! The Portfolio screen's lists, whole and drillable: the cursor moves over the initiatives they
//! name, Enter opens one and Esc comes back to the same place; the last line is reachable.

mod tui_support;

use std::path::{Path, PathBuf};

use bered::i18n::Lang;
use bered::tui::app::{App, Screen};
use crossterm::event::KeyCode;
use tui_support::{app_from, draw, mono, press};

fn sample() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("portfolio")
}

/// The app on the Portfolio screen, drawn once (as the runtime does before the first key).
fn on_portfolio(w: u16, h: u16) -> App {
    let mut app = app_from(&sample(), Lang::Sv, w, h);
    press(&mut app, KeyCode::Tab);
    press(&mut app, KeyCode::Tab);
    assert_eq!(app.screen, Screen::Portfolio);
    draw(&mut app, &mono());
    app
}

/// Presses a key and draws, as the runtime does after each event.
fn key(app: &mut App, code: KeyCode) -> String {
    press(app, code);
    draw(app, &mono())
}

fn selected_id(app: &App) -> Option<String> {
    let n = app.portfolio_selected?;
    app.portfolio_targets.0.get(n).map(|(_, id)| id.clone())
}

#[test]
fn tab_tab_end_shows_the_last_line_of_the_last_list_at_both_sizes() {
    for (w, h) in [(80, 24), (120, 40)] {
        let mut app = on_portfolio(w, h);
        let text = key(&mut app, KeyCode::End);
        let data = app.data.as_ref().unwrap();
        let last = data.summary.should_not_prioritise.last().expect("a list");
        let id = &data.initiative(last.index).id;
        // The document's end is in view: the last entry's line (its reasons may wrap below it),
        // then only the blank line and the footer.
        assert_eq!(app.portfolio_scroll, app.portfolio_max_scroll);
        let title: String = data
            .initiative(last.index)
            .title()
            .chars()
            .take(12)
            .collect();
        let tail: Vec<&str> = text.lines().rev().skip(2).take(3).collect();
        let entry = tail
            .iter()
            .find(|l| l.contains(&title))
            .unwrap_or_else(|| panic!("{w}×{h}: the last line names {id}:\n{text}"));
        // End selects the last entry, marked with a symbol and not colour alone.
        assert_eq!(selected_id(&app).as_deref(), Some(id.as_str()));
        assert!(entry.contains('▶'), "{w}×{h}:\n{text}");
    }
}

#[test]
fn every_should_not_prioritise_initiative_opens_from_the_portfolio_screen() {
    for (w, h) in [(80, 24), (120, 40)] {
        let mut app = on_portfolio(w, h);
        let data = app.data.as_ref().unwrap();
        let wanted: Vec<String> = data
            .summary
            .should_not_prioritise
            .iter()
            .map(|n| data.initiative(n.index).id.clone())
            .collect();
        assert!(wanted.len() >= 5, "the sample has a long list");
        // The list is the last one: from the end, walk up over its entries.
        key(&mut app, KeyCode::End);
        let mut opened = Vec::new();
        for _ in 0..wanted.len() {
            let id = selected_id(&app).expect("an entry selected");
            let place = (app.portfolio_scroll, app.portfolio_selected);
            let screen = key(&mut app, KeyCode::Enter);
            let detail = app.detail.as_ref().expect("Enter opens the detail");
            assert_eq!(detail.id, id, "{w}×{h}");
            assert!(screen.contains(&id), "{w}×{h}: the detail shows {id}");
            let back = key(&mut app, KeyCode::Esc);
            assert!(app.detail.is_none());
            assert_eq!(app.screen, Screen::Portfolio);
            assert_eq!((app.portfolio_scroll, app.portfolio_selected), place);
            assert!(back.contains('▶'), "{w}×{h}: the cursor shows:\n{back}");
            opened.push(id);
            key(&mut app, KeyCode::Char('k'));
        }
        opened.reverse();
        assert_eq!(opened, wanted, "{w}×{h}");
    }
}

#[test]
fn j_and_k_move_over_the_entries_and_the_view_follows() {
    let mut app = on_portfolio(80, 24);
    let count = app.portfolio_targets.0.len();
    assert!(count > 20, "every list names its initiatives: {count}");
    let height = app.portfolio_targets.1;
    for n in 0..count {
        key(&mut app, KeyCode::Char('j'));
        assert_eq!(app.portfolio_selected, Some(n));
        let row = app.portfolio_targets.0[n].0;
        let s = app.portfolio_scroll;
        assert!(row >= s && row < s + height, "entry {n} in view");
    }
    for n in (0..count - 1).rev() {
        key(&mut app, KeyCode::Char('k'));
        assert_eq!(app.portfolio_selected, Some(n));
        let row = app.portfolio_targets.0[n].0;
        let s = app.portfolio_scroll;
        assert!(row >= s && row < s + height, "entry {n} in view");
    }
}

// ── The benefits list (B) ──────────────────────────────────────────────────────────────────

use bered::realisation::BenefitStatus;
use bered::report::benefits::with_status;
use bered::tui::app::DetailTab;
use tui_support::app;

const LANGS: [Lang; 2] = [Lang::Sv, Lang::En];
const SIZES: [(u16, u16); 2] = [(80, 24), (120, 40)];

/// The fixture portfolio's benefits, as its files write them.
const FIXTURE_BENEFITS: [(&str, &str); 3] = [
    ("e-arkiv", "digital-arkivering"),
    ("e-tjanst-bygglov", "kortare-handlaggning"),
    ("oversikt-ekonomi", "snabbare-bokslut"),
];

#[test]
fn b_lists_every_benefit_of_the_fixture_portfolio() {
    let mut app = app(Lang::Sv, 120, 40);
    press(&mut app, KeyCode::Char('B'));
    assert!(app.benefits_view.is_some(), "B opens the benefits list");
    let text = draw(&mut app, &mono());
    let rows = app.benefit_rows();
    assert_eq!(rows.len(), FIXTURE_BENEFITS.len());
    for (initiative, _) in FIXTURE_BENEFITS {
        assert!(text.contains(initiative), "{initiative} listed:\n{text}");
    }
    assert!(text.contains("Nyttor: 3 av 3"), "{text}");
    // The same rows on the sample: one per benefit written in its files.
    let sample = app_from(&sample(), Lang::Sv, 120, 40);
    let data = sample.data.as_ref().unwrap();
    let written: usize = data
        .portfolio
        .initiatives
        .iter()
        .map(|i| i.file.benefits.len())
        .sum();
    assert!(written > 10);
    assert_eq!(sample.benefit_rows().len(), written);
    // B again, or Esc, closes it.
    press(&mut app, KeyCode::Char('B'));
    assert!(app.benefits_view.is_none());
}

#[test]
fn s_cycles_the_status_filter_over_every_status_and_back_to_all() {
    let mut app = app_from(&sample(), Lang::En, 120, 40);
    press(&mut app, KeyCode::Char('B'));
    let rows = app.benefit_rows();
    let mut seen = 0;
    for status in BenefitStatus::ALL {
        press(&mut app, KeyCode::Char('s'));
        let view = app.benefits_view.expect("the list stays open");
        assert_eq!(view.status, Some(status));
        let text = draw(&mut app, &mono());
        let shown = with_status(&rows, Some(status));
        assert!(shown.iter().all(|r| r.status == status));
        let title = format!("Benefits: {} of {}", shown.len(), rows.len());
        assert!(text.contains(&title), "{title}:\n{text}");
        seen += shown.len();
    }
    assert_eq!(seen, rows.len(), "every benefit has one status");
    assert!(
        !with_status(&rows, Some(BenefitStatus::AtRisk)).is_empty(),
        "the sample has benefits at risk"
    );
    press(&mut app, KeyCode::Char('s'));
    assert_eq!(app.benefits_view.unwrap().status, None);
}

#[test]
fn enter_opens_the_selected_benefits_initiative_on_its_benefits_tab() {
    let mut app = app_from(&sample(), Lang::Sv, 80, 24);
    press(&mut app, KeyCode::Char('B'));
    // Filter to "behind", go to the last such benefit and open it.
    while app.benefits_view.unwrap().status != Some(BenefitStatus::Behind) {
        press(&mut app, KeyCode::Char('s'));
    }
    press(&mut app, KeyCode::End);
    let rows = app.benefit_rows();
    let behind = with_status(&rows, Some(BenefitStatus::Behind));
    let last = behind.last().expect("a benefit behind");
    let data = app.data.as_ref().unwrap();
    let id = data.initiative(last.initiative).id.clone();
    draw(&mut app, &mono());
    press(&mut app, KeyCode::Enter);
    let detail = app.detail.as_ref().expect("Enter opens the detail");
    assert_eq!(detail.id, id);
    assert_eq!(detail.tab, DetailTab::Benefits);
    let text = draw(&mut app, &mono());
    assert!(text.contains(&last.title), "{text}");
    // Esc returns to the list where it was.
    press(&mut app, KeyCode::Esc);
    let view = app.benefits_view.expect("back on the list");
    assert_eq!(view.status, Some(BenefitStatus::Behind));
    assert_eq!(view.selected, behind.len() - 1);
}

#[test]
fn benefits_list_snapshots() {
    for lang in LANGS {
        for (w, h) in SIZES {
            let mut app = app(lang, w, h);
            press(&mut app, KeyCode::Char('B'));
            press(&mut app, KeyCode::Down);
            let text = draw(&mut app, &mono());
            insta::assert_snapshot!(format!("benefits_{}_{w}x{h}", lang.id()), text);
        }
    }
}

// ── bered summary: the same lists, whole ───────────────────────────────────────────────────

#[test]
fn summary_text_and_markdown_list_every_member_of_every_list() {
    let app = app_from(&sample(), Lang::Sv, 120, 40);
    let data = app.data.as_ref().unwrap();
    let s = &data.summary;
    let id = |i: usize| format!("({})", data.initiative(i).id);
    let mut members: Vec<String> = s.cost_of_delay.items.iter().map(|&(i, _)| id(i)).collect();
    members.extend(s.should_not_prioritise.iter().map(|n| id(n.index)));
    for p in &s.mirror {
        for m in &p.shares {
            members.extend(m.missing.iter().map(|&i| id(i)));
        }
    }
    let rows = app.benefit_rows();
    let overdue: Vec<String> = rows
        .iter()
        .filter(|r| r.overdue)
        .map(|r| id(r.initiative))
        .collect();
    let at_risk: Vec<String> = rows
        .iter()
        .filter(|r| matches!(r.status, BenefitStatus::AtRisk | BenefitStatus::Behind))
        .map(|r| id(r.initiative))
        .collect();
    assert!(
        !overdue.is_empty() && !at_risk.is_empty(),
        "the sample has both"
    );
    members.extend(overdue);
    members.extend(at_risk);
    assert!(s.cost_of_delay.items.len() > 3, "a long list");
    for lang in LANGS {
        let text = bered::report::summary_text(&data.portfolio, &data.analysis, lang);
        let md = bered::report::summary_markdown(&data.portfolio, &data.analysis, lang);
        for out in [&text, &md] {
            // No list is cut short ("… och N till", "… and N more").
            assert!(!out.contains("… och") && !out.contains("… and"), "{out}");
            for m in &members {
                assert!(out.contains(m.as_str()), "{m} listed:\n{out}");
            }
        }
    }
    // On the Portfolio screen every mention is an entry the cursor can select.
    let mut app = on_portfolio(120, 40);
    draw(&mut app, &mono());
    assert_eq!(app.portfolio_targets.0.len(), members.len());
}
