//! The business case is one document: the TUI's business-case tab and `bered show` show the same
//! rows with the same figures, checked on the sample initiative that carries DOMAIN.md's worked
//! example (Nacka's template, 2023–2030; `tests/finance_worked_example.rs`).

mod tui_support;

use std::path::Path;

use bered::i18n::{Lang, ui};
use bered::report::show_text;
use crossterm::event::KeyCode;
use tui_support::{app_from, draw, mono, press};

const ID: &str = "digital-post";

/// A yearly row: its label and its figures, the tables of a surface joined in order.
type Rows = Vec<(String, Vec<String>)>;

/// The rows of the yearly tables in `text`: from each line starting with the year header to the
/// next blank line; the label ends at the first two spaces, the figures are split at spaces (a
/// Swedish figure groups its digits with no-break spaces, so it stays whole).
fn year_rows(text: &str, year_header: &str) -> Rows {
    let mut rows: Rows = Vec::new();
    let mut inside = false;
    for line in text.lines() {
        let line = line.trim();
        if line.starts_with(year_header) {
            inside = true;
        }
        if !inside || line.starts_with('─') {
            continue;
        }
        if line.is_empty() {
            inside = false;
            continue;
        }
        let (label, rest) = line.split_once("  ").unwrap_or((line, ""));
        let figures = rest.split(' ').filter(|f| !f.is_empty()).map(String::from);
        match rows.iter_mut().find(|(l, _)| l == label) {
            Some((_, known)) => known.extend(figures),
            None => rows.push((label.to_string(), figures.collect())),
        }
    }
    rows
}

/// The value of a totals field: after `label:` in `bered show`, after `label` and two spaces in
/// the TUI. The totals start at the period, below the yearly tables (in English the yearly
/// ratio row and the total ratio field are both "Benefit ratio").
fn field(text: &str, label: &str, tui: bool, lang: Lang) -> Option<String> {
    let period = ui::PERIOD.get(lang);
    let mut lines = text.lines().skip_while(|l| !l.trim().starts_with(period));
    lines.find_map(|line| {
        let rest = line.trim().strip_prefix(label)?;
        let rest = if tui {
            rest.strip_prefix("  ")?
        } else {
            rest.strip_prefix(':')?
        };
        Some(rest.trim().to_string())
    })
}

/// The TUI's business-case tab of the worked example, every year on screen and the template's
/// ×10 rows shown, and `bered show`'s business case section, from the same data.
fn both_surfaces(lang: Lang) -> (String, String) {
    let sample = Path::new(env!("CARGO_MANIFEST_DIR")).join("portfolio");
    let mut app = app_from(&sample, lang, 160, 60);
    let data = app.data.clone().expect("the sample loads");
    let index = data
        .portfolio
        .initiatives
        .iter()
        .position(|i| i.id == ID)
        .expect(ID);
    let row = app
        .view
        .rows
        .iter()
        .position(|&i| i == index)
        .expect("listed");
    for _ in 0..row {
        press(&mut app, KeyCode::Down);
    }
    for key in [KeyCode::Enter, KeyCode::Char('3'), KeyCode::Char('x')] {
        press(&mut app, key);
    }
    assert_eq!(app.detail.as_ref().map(|d| d.index), Some(index));
    let tui = draw(&mut app, &mono());
    let show = show_text(&data.portfolio, &data.analysis, index, lang);
    let (case, benefits) = (ui::TAB_CASE.get(lang), ui::TAB_BENEFITS.get(lang));
    let start = show.find(&format!("\n{case}\n")).expect("a business case");
    let end = show[start..]
        .find(&format!("\n{benefits}\n"))
        .map_or(show.len(), |n| start + n);
    (tui, show[start..end].to_string())
}

#[test]
fn the_tui_tab_and_bered_show_show_the_same_rows_and_figures() {
    for lang in [Lang::Sv, Lang::En] {
        let (tui, show) = both_surfaces(lang);
        let header = format!("{} (kr)", ui::YEAR.get(lang));
        let (on_screen, printed) = (year_rows(&tui, &header), year_rows(&show, &header));
        assert!(on_screen.len() > 12, "{lang:?}: no yearly table:\n{tui}");
        assert_eq!(
            on_screen, printed,
            "{lang:?}: the rows differ\nTUI:\n{tui}\nbered show:\n{show}"
        );
        let labels = [
            ui::PERIOD,
            ui::TOTAL_COSTS,
            ui::TOTAL_BENEFITS,
            ui::TOTAL_NET,
            ui::NPV_BAND,
            ui::RATIO_TOTAL,
            ui::PAYBACK,
        ];
        // The present value's label carries the discount rate: taken as `bered show` words it.
        let npv = show
            .lines()
            .map(str::trim)
            .find(|l| l.starts_with(&format!("{} (", ui::NPV.get(lang))))
            .and_then(|l| l.split_once(':'))
            .map(|(label, _)| label.to_string())
            .unwrap_or_else(|| panic!("{lang:?}: show lacks the present value:\n{show}"));
        let labels = labels.map(|l| l.get(lang).to_string());
        for label in labels.iter().chain([&npv]) {
            let label = label.as_str();
            let value = field(&show, label, false, lang);
            assert!(value.is_some(), "{lang:?}: show lacks {label}:\n{show}");
            assert_eq!(
                field(&tui, label, true, lang),
                value,
                "{lang:?}: {label}\n{tui}"
            );
        }
    }
}

#[test]
fn both_surfaces_reproduce_the_worked_example() {
    let (tui, show) = both_surfaces(Lang::Sv);
    for text in [&tui, &show] {
        let rows = year_rows(text, "År (kr)");
        let row = |label: ui::Text| {
            let label = label.get(Lang::Sv);
            let found = rows.iter().find(|(l, _)| l == label);
            found.map(|(_, f)| f.join(" · ")).unwrap_or_default()
        };
        let nbsp = |s: &str| s.replace(' ', "\u{a0}").replace('_', " · ");
        let years = rows
            .iter()
            .find(|(l, _)| l == "År (kr)")
            .map(|(_, y)| y.join(" "));
        assert_eq!(
            years.as_deref(),
            Some("2023 2024 2025 2026 2027 2028 2029 2030"),
            "{text}"
        );
        let expect = [
            (
                ui::ROW_COSTS,
                "-520 000_-160 000_-95 000_-85 000_-85 000_-85 000_-85 000_-85 000",
            ),
            (
                ui::ROW_COSTS_ACC,
                "-520 000_-680 000_-775 000_-860 000_-945 000_-1 030 000_-1 115 000_-1 200 000",
            ),
            (
                ui::ROW_FINANCIAL,
                "6 400_6 400_6 400_6 400_6 400_6 400_6 400_6 400",
            ),
            (
                ui::ROW_REALLOCATION,
                "80 000_80 000_80 000_80 000_80 000_80 000_80 000_80 000",
            ),
            (
                ui::ROW_BENEFITS_ACC,
                "86 400_172 800_259 200_345 600_432 000_518 400_604 800_691 200",
            ),
            (
                ui::ROW_NET,
                "-433 600_-73 600_-8 600_1 400_1 400_1 400_1 400_1 400",
            ),
            (
                ui::ROW_NET_NO_REALLOCATION,
                "-513 600_-153 600_-88 600_-78 600_-78 600_-78 600_-78 600_-78 600",
            ),
            (ui::ROW_RATIO, "0,17_0,54_0,91_1,02_1,02_1,02_1,02_1,02"),
            (
                ui::ROW_RATIO_TEMPLATE,
                "1,7_5,4_9,1_10,2_10,2_10,2_10,2_10,2",
            ),
            (
                ui::ROW_RATIO_TOTAL_TEMPLATE,
                "1,7_5,9_9,6_10,2_10,2_10,2_10,2_10,2",
            ),
        ];
        for (label, figures) in expect {
            assert_eq!(
                row(label),
                nbsp(figures),
                "{}:\n{text}",
                label.get(Lang::Sv)
            );
        }
        // It never pays back within its horizon, and says so plainly.
        assert!(
            text.contains("ingen återbetalning inom kalkylperioden (2023–2030)"),
            "{text}"
        );
    }
}

/// The years across the screen from the TUI's yearly table: its header row.
fn years_on_screen(screen: &str) -> Vec<String> {
    let rows = year_rows(screen, "År (kr)");
    rows.into_iter().next().map(|(_, y)| y).unwrap_or_default()
}

#[test]
fn the_tui_scrolls_the_years_and_keeps_every_figure_whole() {
    let sample = Path::new(env!("CARGO_MANIFEST_DIR")).join("portfolio");
    let mut app = app_from(&sample, Lang::Sv, 80, 30);
    let data = app.data.clone().expect("the sample loads");
    let index = data.portfolio.initiatives.iter().position(|i| i.id == ID);
    let row = app.view.rows.iter().position(|&i| Some(i) == index);
    for _ in 0..row.expect("listed") {
        press(&mut app, KeyCode::Down);
    }
    press(&mut app, KeyCode::Enter);
    press(&mut app, KeyCode::Char('3'));
    let first = years_on_screen(&draw(&mut app, &mono()));
    assert_eq!(first.first().map(String::as_str), Some("2023"), "{first:?}");
    assert!(
        first.len() < 8,
        "80 columns hold fewer than eight years: {first:?}"
    );
    press(&mut app, KeyCode::Char(']'));
    let later = years_on_screen(&draw(&mut app, &mono()));
    assert_eq!(later.first().map(String::as_str), Some("2024"), "{later:?}");
    for _ in 0..10 {
        press(&mut app, KeyCode::Char(']'));
    }
    let screen = draw(&mut app, &mono());
    let last = years_on_screen(&screen);
    assert_eq!(last.last().map(String::as_str), Some("2030"), "{last:?}");
    // Every figure is whole: the accumulated costs end at -1 200 000, with their sign.
    assert!(screen.contains("-1\u{a0}200\u{a0}000"), "{screen}");
    // Scrolling stops at the last year: as many presses back as the horizon has years after
    // the first bring the first year back.
    for _ in 0..7 {
        press(&mut app, KeyCode::Char('['));
    }
    let back = years_on_screen(&draw(&mut app, &mono()));
    assert_eq!(back.first().map(String::as_str), Some("2023"), "{back:?}");
    let figures = year_rows(&screen, "År (kr)");
    assert!(
        figures
            .iter()
            .all(|(_, f)| f.iter().all(|x| !x.contains('…'))),
        "{screen}"
    );
}
