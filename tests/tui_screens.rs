//! Screen tests: every screen drawn with ratatui's TestBackend at 80×24 and 120×40, in Swedish
//! and English, compared with insta snapshots; and no panic at any size down to 1×1.

mod tui_support;

use bered::i18n::Lang;
use bered::tui::app::App;
use crossterm::event::KeyCode;
use tui_support::{app, app_from, draw, fixture, mono, press, type_text};

const SIZES: [(u16, u16); 2] = [(80, 24), (120, 40)];
const LANGS: [Lang; 2] = [Lang::Sv, Lang::En];

/// Each screen: a name and the keys that lead there from the start.
fn screens() -> Vec<(&'static str, Vec<KeyCode>)> {
    use KeyCode::*;
    let mut search = vec![Char('/')];
    search.extend("ovrs".chars().map(Char));
    vec![
        ("ranking", vec![]),
        ("ranking_search", search),
        (
            "ranking_sorted",
            vec![Char('s'), Char('s'), Char('s'), Char('s')],
        ),
        ("filters", vec![Char('f'), Down, Char(' ')]),
        ("matrix", vec![Tab]),
        ("detail_overview", vec![Down, Enter]),
        ("detail_scores", vec![Down, Enter, Char('2')]),
        ("detail_case", vec![Down, Enter, Char('3')]),
        ("detail_benefits", vec![Down, Enter, Char('4')]),
        ("detail_decisions", vec![Down, Enter, Char('5')]),
        ("portfolio", vec![Tab, Tab]),
        ("help", vec![Char('?')]),
        ("prompt_criterion", vec![Down, Char('e')]),
        ("prompt_score", vec![Down, Char('e'), Char('2')]),
        (
            "prompt_motivation",
            vec![Down, Char('e'), Char('7'), Char('3'), Char('K'), Char('a')],
        ),
        ("prompt_outcome", vec![Down, Char('d')]),
        ("prompt_decision", vec![Down, Enter, Char('d'), Char('p')]),
        ("prompt_stage", vec![Down, Char('S')]),
        ("prompt_follow_up", vec![Down, Enter, Char('m'), Char('3')]),
        ("meeting", vec![Char('M')]),
        ("meeting_note", vec![Char('M'), Char('r')]),
        ("meeting_blocked", vec![Char('M'), Char('n')]),
    ]
}

fn at(lang: Lang, size: (u16, u16), keys: &[KeyCode]) -> App {
    let mut app = app(lang, size.0, size.1);
    for key in keys {
        press(&mut app, *key);
    }
    app
}

#[test]
fn every_screen_at_both_sizes_in_both_languages() {
    let theme = mono();
    for (name, keys) in screens() {
        for lang in LANGS {
            for size in SIZES {
                let mut app = at(lang, size, &keys);
                let text = draw(&mut app, &theme);
                let snapshot = format!("{name}_{}_{}x{}", lang.id(), size.0, size.1);
                insta::assert_snapshot!(snapshot, text);
            }
        }
    }
}

#[test]
fn diagnostics_screen_lists_errors_with_file_and_line() {
    let theme = mono();
    let broken = fixture().with_file_name("broken");
    for lang in LANGS {
        for size in SIZES {
            let mut app = app_from(&broken, lang, size.0, size.1);
            for _ in 0..3 {
                press(&mut app, KeyCode::Tab);
            }
            press(&mut app, KeyCode::Down);
            let text = draw(&mut app, &theme);
            assert!(text.contains("trasig.yaml:2:8"), "{text}");
            insta::assert_snapshot!(
                format!("diagnostics_{}_{}x{}", lang.id(), size.0, size.1),
                text
            );
        }
    }
}

#[test]
fn the_header_counts_diagnostics_and_the_detail_opens_from_one() {
    let broken = fixture().with_file_name("broken");
    let mut app = app_from(&broken, Lang::En, 80, 24);
    let text = draw(&mut app, &mono());
    assert!(
        text.lines().next().unwrap().contains("⚠ 3 diagnostics"),
        "{text}"
    );
    assert!(text.contains("Diagnostics (3)"));
}

#[test]
fn no_panic_at_any_size_and_a_note_when_too_small() {
    let theme = mono();
    let sizes = [
        (1, 1),
        (2, 1),
        (1, 2),
        (5, 3),
        (39, 9),
        (39, 30),
        (100, 9),
        (40, 10),
        (41, 11),
        (60, 15),
        (250, 70),
    ];
    for (name, keys) in screens() {
        for (w, h) in sizes {
            let mut app = at(Lang::Sv, (w, h), &keys);
            let text = draw(&mut app, &theme);
            if w < 40 || h < 10 {
                let flat: String = text.split_whitespace().collect::<Vec<_>>().join(" ");
                if w >= 20 && h >= 3 {
                    assert!(
                        flat.contains("Fönstret är för litet"),
                        "{name} {w}×{h}: {text}"
                    );
                }
            } else {
                assert!(!text.contains("Fönstret är för litet"), "{name} {w}×{h}");
            }
        }
    }
}

#[test]
fn a_wide_terminal_shows_every_column_and_the_gate_in_words() {
    let mut app = app(Lang::En, 250, 70);
    let text = draw(&mut app, &mono());
    for column in ["Unit", "Stage", "Payback", "Flags", "NPV"] {
        assert!(text.contains(column), "{column} missing:\n{text}");
    }
    assert!(text.contains("✓ Pass"));
    let mut narrow = tui_support::app(Lang::En, 80, 24);
    let text = draw(&mut narrow, &mono());
    assert!(!text.contains("Payback") && !text.contains("✓ Pass"));
}

#[test]
fn search_highlights_are_drawn_in_their_own_style() {
    let theme = bered::tui::theme::Theme::load("default").unwrap();
    let mut app = app(Lang::Sv, 80, 24);
    press(&mut app, KeyCode::Char('/'));
    type_text(&mut app, "oversikt");
    let mut terminal = ratatui::Terminal::new(ratatui::backend::TestBackend::new(80, 24)).unwrap();
    terminal
        .draw(|f| {
            bered::tui::views::render(&app, &theme, f);
        })
        .unwrap();
    let buffer = terminal.backend().buffer();
    let marked: String = (0..80u16)
        .flat_map(|x| (0..24u16).map(move |y| (x, y)))
        .filter(|&(x, y)| {
            let cell = &buffer[(x, y)];
            cell.modifier.contains(theme.search_match().add_modifier)
                && Some(cell.fg) == theme.search_match().fg
        })
        .map(|(x, y)| buffer[(x, y)].symbol().to_string())
        .collect();
    assert!(marked.contains('Ö') && marked.contains('r'), "{marked}");
}

#[test]
fn the_help_is_the_keymap() {
    let mut app = app(Lang::En, 120, 40);
    press(&mut app, KeyCode::Char('?'));
    // Scroll through the help and collect everything it says.
    let mut seen = String::new();
    for _ in 0..12 {
        seen.push_str(&draw(&mut app, &mono()));
        press(&mut app, KeyCode::PageDown);
    }
    for binding in bered::tui::keymap::BINDINGS {
        let label = bered::tui::keymap::keys_label(binding);
        assert!(seen.contains(&label), "help lacks {label}");
        assert!(
            seen.contains(binding.help.get(Lang::En)),
            "help lacks {}",
            binding.help.1
        );
    }
}

#[test]
fn the_business_case_reproduces_nackas_template_on_request() {
    // Digital ansökan om bygglov carries the seed's worked example (first of the pipeline).
    let mut app = at(Lang::Sv, (140, 40), &[KeyCode::Enter, KeyCode::Char('3')]);
    let text = draw(&mut app, &mono());
    assert!(text.contains("-1\u{a0}200\u{a0}000\u{a0}kr"), "{text}");
    assert!(text.contains("ingen återbetalning inom kalkylperioden"));
    assert!(!text.contains("(mallen)"));
    press(&mut app, KeyCode::Char('x'));
    let text = draw(&mut app, &mono());
    let row = |label: &str| {
        text.lines()
            .find(|l| l.contains(label))
            .unwrap_or_else(|| panic!("no {label} row:\n{text}"))
            .split_whitespace()
            .map(str::to_string)
            .collect::<Vec<_>>()
    };
    let ratio = row("Nyttokvot ×10 (mallen)");
    assert_eq!(
        ratio[ratio.len() - 8..],
        ["1,7", "5,4", "9,1", "10,2", "10,2", "10,2", "10,2", "10,2"]
    );
    let total = row("Nyttokvot totalt (mallen)");
    assert_eq!(
        total[total.len() - 8..],
        ["1,7", "5,9", "9,6", "10,2", "10,2", "10,2", "10,2", "10,2"]
    );
}

#[test]
fn the_attendees_prompt_and_the_end_of_the_meeting() {
    let theme = mono();
    for lang in LANGS {
        for size in SIZES {
            let mut rig = tui_support::Rig::new(lang, size.0, size.1);
            rig.keys("Mp");
            rig.press(KeyCode::Enter);
            rig.keys("n");
            let end = draw(&mut rig.app, &theme);
            insta::assert_snapshot!(
                format!("meeting_end_{}_{}x{}", lang.id(), size.0, size.1),
                end
            );
            rig.keys("q");
            let text = draw(&mut rig.app, &theme);
            insta::assert_snapshot!(
                format!("prompt_attendees_{}_{}x{}", lang.id(), size.0, size.1),
                text
            );
        }
    }
}
