//! The shared presentation layer: figures keep their sign at any width and without colour, the
//! header says which portfolio is open, the CLI and the TUI use the same words, and text from
//! data never reaches any output raw.

mod tui_support;

use std::sync::Arc;

use bered::eval::analyse;
use bered::i18n::Lang;
use bered::load::{self, Origin};
use bered::report::dataset::{Dataset, LoadOutcome};
use bered::report::{
    rank_csv, rank_json, rank_markdown, rank_table, show_json, show_markdown, show_text,
    summary_json, summary_markdown, summary_text,
};
use bered::tui::action::Action;
use bered::tui::app::App;
use bered::tui::theme::Theme;
use crossterm::event::KeyCode;
use tui_support::{app, as_of, draw, fixture, press};

fn themes() -> [(&'static str, Theme); 2] {
    let colour = Theme::load("default").expect("built-in theme");
    // What NO_COLOR gives (tui::resolve_theme): the same theme without any colour.
    let no_colour = colour.clone().without_colour();
    [("colour", colour), ("NO_COLOR", no_colour)]
}

/// The fixture with one initiative's net present value set to -12 345 678 kr.
fn app_with_npv(lang: Lang, width: u16) -> (App, String) {
    let mut app = app(lang, width, 24);
    let data = Arc::make_mut(app.data.as_mut().expect("loaded"));
    let i = data.analysis.order[0];
    let title = data.initiative(i).title().to_string();
    let case = data.analysis.items[i]
        .case
        .as_mut()
        .expect("a business case");
    case.totals.npv = "-12345678".parse().expect("a decimal");
    app.refresh_view();
    (app, title)
}

#[test]
fn a_negative_npv_keeps_its_minus_sign_at_80_and_160_columns_with_and_without_colour() {
    for (lang, figure) in [
        (Lang::Sv, "-12\u{a0}345\u{a0}678"),
        (Lang::En, "-12,345,678"),
    ] {
        for width in [80, 160] {
            for (name, theme) in themes() {
                let (mut app, title) = app_with_npv(lang, width);
                let screen = draw(&mut app, &theme);
                let row = screen
                    .lines()
                    .find(|l| l.contains(&title[..12]))
                    .unwrap_or_else(|| panic!("no row for {title} in\n{screen}"));
                assert!(
                    row.contains(figure),
                    "{width} columns, {name}, {lang:?}: the figure lost its sign or digits\n{row}"
                );
                let digits = figure.trim_start_matches('-');
                assert_eq!(
                    row.matches(digits).count(),
                    row.matches(figure).count(),
                    "{width} columns, {name}: a figure without its sign\n{row}"
                );
            }
        }
    }
}

#[test]
fn the_header_names_the_portfolio_and_says_when_it_is_the_built_in_sample() {
    let mut app = app(Lang::Sv, 80, 24);
    let screen = draw(&mut app, &tui_support::mono());
    let header = screen.lines().next().unwrap_or_default();
    assert!(header.contains("Nacka kommun"), "{header}");
    assert!(!header.contains("exempelportfölj"), "{header}");
    for (lang, words) in [
        (Lang::Sv, "exempelportfölj (inbyggd, skrivskyddad)"),
        (Lang::En, "sample portfolio (built in, read-only)"),
    ] {
        for width in [80, 120] {
            let loaded = load::load_embedded();
            let mut dataset = Dataset::build(loaded.portfolio, as_of(), &|_| {});
            dataset.origin = Origin::Embedded;
            let mut app = App::new(lang, as_of());
            app.apply_load(LoadOutcome {
                dataset: Some(dataset),
                diagnostics: Vec::new(),
            });
            app.update(Action::Resize(width, 24));
            let screen = draw(&mut app, &tui_support::mono());
            let header = screen.lines().next().unwrap_or_default();
            assert!(header.contains(words), "{width}: {header}");
        }
    }
}

/// Every surface's words for the same facts, one line per surface, pinned by a snapshot: the
/// stage, the gate and the cost of delay must read the same in `bered rank`, `show`, `summary`,
/// the Markdown annex and the TUI.
#[test]
fn the_cli_and_the_tui_use_the_same_words() {
    let loaded = load::load(Some(&fixture())).expect("the fixture loads");
    let p = loaded.portfolio;
    let a = analyse(&p, as_of());
    let id = "e-tjanst-bygglov";
    let index = p.initiatives.iter().position(|i| i.id == id).expect(id);
    let mut report = String::new();
    for lang in [Lang::Sv, Lang::En] {
        let stage = bered::i18n::words::stage(bered::model::Stage::Preparation, lang);
        let gate = bered::i18n::words::gate(bered::eval::GateStatus::Pass, lang);
        let blocked = bered::i18n::words::gate(bered::eval::GateStatus::Blocked, lang);
        let delay = bered::i18n::ui::COST_OF_DELAY.get(lang);
        let mut tui_app = app(lang, 160, 40);
        let ranking = draw(&mut tui_app, &tui_support::mono());
        press(&mut tui_app, KeyCode::Tab);
        press(&mut tui_app, KeyCode::Tab);
        let portfolio = draw(&mut tui_app, &tui_support::mono());
        let surfaces = [
            ("bered rank", rank_table(&p, &a, &a.order, lang)),
            (
                "bered rank --format markdown",
                rank_markdown(&p, &a, &a.order, lang),
            ),
            ("bered show", show_text(&p, &a, index, lang)),
            (
                "bered show --format markdown",
                show_markdown(&p, &a, index, lang),
            ),
            ("bered summary", summary_text(&p, &a, lang)),
            (
                "bered summary --format markdown",
                summary_markdown(&p, &a, lang),
            ),
            ("TUI ranking", ranking),
            ("TUI portfolio", portfolio),
        ];
        report.push_str(&format!(
            "{lang:?}: stage {stage:?}, gate {gate:?}, {blocked:?}, cost of delay {delay:?}\n"
        ));
        for (surface, text) in &surfaces {
            let lower = text.to_lowercase();
            let has = |w: &str| {
                if lower.contains(&w.to_lowercase()) {
                    "yes"
                } else {
                    "no"
                }
            };
            report.push_str(&format!(
                "  {surface:<32} stage {:<3} gate {:<3} blocked {:<3} cost of delay {}\n",
                has(stage),
                has(gate),
                has(blocked),
                has(delay)
            ));
        }
        // The words the glossary forbids appear nowhere.
        let forbidden: &[&str] = match lang {
            Lang::Sv => &[
                "Steg",
                "Grind",
                "Förseningskostnad",
                "Kostnad för att vänta",
                "Ansvarig",
                "Inlämnad",
                "Nollvärde",
                "Efter plan",
                "genf.",
            ],
            Lang::En => &["Abstain", "Pass with"],
        };
        for (surface, text) in &surfaces {
            for word in forbidden {
                assert!(!text.contains(word), "{surface} says {word:?}:\n{text}");
            }
        }
    }
    insta::assert_snapshot!(report);
}

const HOSTILE: &str = "\u{1b}]0;PWN\u{7}\u{1b}[2J\u{202E}\u{0}";

/// A raw control character, DEL, C1 control or bidi override: what must never be written out.
fn raw(c: char) -> bool {
    (c.is_control() && c != '\n' && c != '\t' && c != '\u{feff}') || c == '\u{202E}'
}

/// Every text field the outputs show, and the portfolio's name, with hostile text in them.
fn make_hostile(p: &mut bered::model::Portfolio) {
    p.settings.name = format!("Portfölj{HOSTILE}");
    for initiative in &mut p.initiatives {
        let f = &mut initiative.file;
        f.title.value = format!("Titel{HOSTILE}");
        f.unit = Some(format!("Enhet{HOSTILE}").into());
        f.owner = Some(format!("Ägare{HOSTILE}").into());
        f.summary = Some(format!("Sammanfattning{HOSTILE}"));
        f.tags = vec![format!("tagg{HOSTILE}").into()];
        f.hypotheses = vec![format!("hypotes{HOSTILE}").into()];
    }
}

#[test]
fn hostile_text_fields_reach_no_output_raw() {
    let loaded = load::load(Some(&fixture())).expect("the fixture loads");
    let mut p = loaded.portfolio;
    make_hostile(&mut p);
    let a = analyse(&p, as_of());
    for lang in [Lang::Sv, Lang::En] {
        let mut outputs = vec![
            ("rank", rank_table(&p, &a, &a.order, lang)),
            ("rank csv", rank_csv(&p, &a, &a.order, lang)),
            ("rank json", rank_json(&p, &a, &a.order, lang)),
            ("rank markdown", rank_markdown(&p, &a, &a.order, lang)),
            ("summary", summary_text(&p, &a, lang)),
            ("summary json", summary_json(&p, &a, lang)),
            ("summary markdown", summary_markdown(&p, &a, lang)),
        ];
        for index in 0..p.initiatives.len() {
            outputs.push(("show", show_text(&p, &a, index, lang)));
            outputs.push(("show json", show_json(&p, &a, index, lang)));
            outputs.push(("show markdown", show_markdown(&p, &a, index, lang)));
        }
        for (format, text) in outputs {
            if let Some(c) = text.chars().find(|&c| raw(c)) {
                panic!("{format} ({lang:?}) writes {c:?} raw:\n{text:?}");
            }
        }
    }
    // JSON still carries the data as it is: the escapes decode to the original text.
    let json: serde_json::Value =
        serde_json::from_str(&rank_json(&p, &a, &a.order, Lang::Sv)).expect("valid JSON");
    assert_eq!(json[0]["title"], format!("Titel{HOSTILE}"));
}

#[test]
fn a_long_text_in_a_prompt_scrolls_with_the_cursor() {
    let mut app = app(Lang::Sv, 80, 24);
    for key in [
        KeyCode::Down,
        KeyCode::Enter,
        KeyCode::Char('d'),
        KeyCode::Char('p'),
    ] {
        press(&mut app, key);
    }
    let text = format!(
        "{}SLUT",
        "beslutet gäller under förutsättning att ".repeat(3)
    );
    tui_support::type_text(&mut app, &text);
    let screen = draw(&mut app, &tui_support::mono());
    let line = screen
        .lines()
        .find(|l| l.contains('▏'))
        .unwrap_or_else(|| panic!("no cursor in\n{screen}"));
    assert!(line.contains("SLUT▏"), "the end being typed shows:\n{line}");
    assert!(
        line.contains('…'),
        "the start that does not fit is marked:\n{line}"
    );
    assert!(line.chars().count() <= 80, "{line}");
}

#[test]
fn hostile_text_reaches_no_screen_raw() {
    for lang in [Lang::Sv, Lang::En] {
        // The data is analysed and indexed as loaded, facets and all.
        let mut portfolio = load::load(Some(&fixture()))
            .expect("the fixture loads")
            .portfolio;
        make_hostile(&mut portfolio);
        let mut app = App::new(lang, as_of());
        app.apply_load(LoadOutcome {
            dataset: Some(Dataset::build(portfolio, as_of(), &|_| {})),
            diagnostics: Vec::new(),
        });
        app.update(Action::Resize(120, 40));
        // The screens, the detail tabs, the filter facets of units, tags and goals, a prompt and
        // the meeting.
        let keys: [&[KeyCode]; 12] = [
            &[],
            &[KeyCode::Enter],
            &[KeyCode::Char('2')],
            &[KeyCode::Char('4')],
            &[KeyCode::Esc, KeyCode::Char('f'), KeyCode::Right],
            &[KeyCode::Right],
            &[KeyCode::Right],
            &[KeyCode::Esc, KeyCode::Tab],
            &[KeyCode::Tab],
            &[KeyCode::Tab],
            &[KeyCode::Tab, KeyCode::Char('e')],
            &[KeyCode::Esc, KeyCode::Char('M')],
        ];
        for step in keys {
            for key in step {
                press(&mut app, *key);
            }
            let screen = draw(&mut app, &tui_support::mono());
            if let Some(c) = screen.chars().find(|&c| raw(c)) {
                panic!("{lang:?} after {step:?}: {c:?} on screen:\n{screen}");
            }
            // The terminal drops what it cannot draw; the sequence must show as `\e]0;…`, never
            // as a silently shortened `]0;…`.
            assert_eq!(
                screen.matches("]0;PWN").count(),
                screen.matches("\\e]0;PWN").count(),
                "{lang:?} after {step:?}: text from data not made visible:\n{screen}"
            );
        }
    }
}
