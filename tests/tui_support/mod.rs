//! Shared by the TUI tests: the fixture portfolio loaded into an app, keys, and drawing to text.
#![allow(dead_code)]

use std::path::{Path, PathBuf};

#[path = "../fixture_support/mod.rs"]
mod fixture_support;

use bered::i18n::Lang;
use bered::model::Date;
use bered::report::dataset;
use bered::tui::action::Action;
use bered::tui::app::{App, Command};
use bered::tui::keymap;
use bered::tui::theme::Theme;
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

pub fn as_of() -> Date {
    Date::new(2026, 11, 23).expect("a calendar date")
}

pub fn fixture() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/tui/portfolio")
}

/// An app with the fixture portfolio loaded, at the given size.
pub fn app(lang: Lang, width: u16, height: u16) -> App {
    app_from(&fixture(), lang, width, height)
}

pub fn app_from(path: &Path, lang: Lang, width: u16, height: u16) -> App {
    let mut app = App::new(lang, as_of());
    app.apply_load(dataset::load(Some(path), as_of(), &|_| {}));
    app.update(Action::Resize(width, height));
    app
}

/// Presses a key through the keymap, as the terminal would deliver it.
pub fn press(app: &mut App, code: KeyCode) -> Command {
    press_with(app, code, KeyModifiers::NONE)
}

pub fn press_with(app: &mut App, code: KeyCode, modifiers: KeyModifiers) -> Command {
    let event = KeyEvent::new(code, modifiers);
    match keymap::action_for(&app.contexts(), &event) {
        Some(action) => app.update(action),
        None => Command::None,
    }
}

pub fn type_text(app: &mut App, text: &str) {
    for c in text.chars() {
        press(app, KeyCode::Char(c));
    }
}

/// The title of the selected initiative in the ranking.
pub fn selected_title(app: &App) -> String {
    let data = app.data.as_ref().expect("data loaded");
    let i = app.view.rows[app.selected];
    data.initiative(i).title().to_string()
}

pub fn visible_titles(app: &App) -> Vec<String> {
    let data = app.data.as_ref().expect("data loaded");
    app.view
        .rows
        .iter()
        .map(|&i| data.initiative(i).title().to_string())
        .collect()
}

/// Draws the app and returns the screen as text, one line per row, trailing spaces trimmed.
pub fn draw(app: &mut App, theme: &Theme) -> String {
    let (w, h) = app.size;
    let mut terminal = Terminal::new(TestBackend::new(w, h)).expect("test terminal");
    // The runtime's own drawing, with what a frame measures taken back into the app.
    bered::tui::draw(&mut terminal, app, theme).expect("draw");
    let buffer = terminal.backend().buffer();
    let mut out = String::new();
    for y in 0..buffer.area.height {
        let mut line = String::new();
        for x in 0..buffer.area.width {
            line.push_str(buffer[(x, y)].symbol());
        }
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out
}

pub fn mono() -> Theme {
    Theme::load("mono").expect("built-in theme")
}

/// A copy of the fixture portfolio in a temporary folder, to edit.
pub fn fixture_copy() -> tempfile::TempDir {
    fixture_support::copy_of("tui/portfolio")
}

/// An app on a portfolio that may be written, with the runtime's writer beside it: keys go
/// through the keymap and what they ask for is carried out as the real runtime does, a reload
/// included (synchronously here).
pub struct Rig {
    pub app: App,
    pub path: PathBuf,
    /// Keeps the temporary copy alive.
    pub _dir: Option<tempfile::TempDir>,
}

impl Rig {
    /// The fixture portfolio, copied.
    pub fn new(lang: Lang, width: u16, height: u16) -> Rig {
        let dir = fixture_copy();
        let path = dir.path().to_path_buf();
        let app = app_from(&path, lang, width, height);
        Rig {
            app,
            path,
            _dir: Some(dir),
        }
    }

    /// Any portfolio path (the caller keeps its folder alive).
    pub fn at(path: &Path, lang: Lang) -> Rig {
        Rig {
            app: app_from(path, lang, 100, 30),
            path: path.to_path_buf(),
            _dir: None,
        }
    }

    pub fn file(&self, rel: &str) -> PathBuf {
        self.path.join(rel)
    }

    /// Carries out a command; returns what is left for the loop (quit, or nothing).
    pub fn carry_out(&mut self, command: Command) -> Command {
        let next = bered::tui::writer::perform(&mut self.app, command);
        if next == Command::Reload {
            self.app
                .apply_load(dataset::load(Some(&self.path), as_of(), &|_| {}));
        }
        next
    }

    /// Presses a key and carries out what it asks for; returns the command it gave.
    pub fn press(&mut self, code: KeyCode) -> Command {
        self.press_with(code, KeyModifiers::NONE)
    }

    pub fn press_with(&mut self, code: KeyCode, modifiers: KeyModifiers) -> Command {
        let command = press_with(&mut self.app, code, modifiers);
        self.carry_out(command.clone());
        command
    }

    pub fn keys(&mut self, keys: &str) {
        for c in keys.chars() {
            self.press(KeyCode::Char(c));
        }
    }

    /// Selects the ranking row with this title.
    pub fn select(&mut self, title: &str) {
        let data = self.app.data.as_ref().expect("data loaded");
        let row = self
            .app
            .view
            .rows
            .iter()
            .position(|&i| data.initiative(i).title() == title)
            .unwrap_or_else(|| panic!("no row {title}"));
        self.app.selected = row;
    }

    pub fn status(&self) -> String {
        self.app
            .status
            .as_ref()
            .map(|s| s.text.clone())
            .unwrap_or_default()
    }
}
