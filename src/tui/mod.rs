//! The interactive triage application: the only place that knows ratatui or crossterm.
//!
//! `run` owns the terminal and the event loop; `app` is the state and its update; `views` draw.

pub mod action;
pub mod app;
mod events;
pub mod keymap;
mod layout;
mod matrix;
pub mod serve;
mod terminal;
pub mod theme;
pub mod views;
pub mod writer;

use std::path::PathBuf;
use std::sync::mpsc;

use anyhow::Context as _;
use crossterm::event::{Event as TermEvent, KeyEventKind, MouseEventKind};

use crate::i18n::{Lang, ui};
use crate::model::Date;

use app::{App, Command};
use events::Event;
use theme::Theme;

pub use terminal::fatal_signal;

/// What `bered [PATH]` passes to the interactive application.
#[derive(Clone, Debug)]
pub struct TuiOptions {
    /// The portfolio folder or file; when `None`, `./portfolio` if it exists, else the sample.
    pub portfolio: Option<PathBuf>,
    pub lang: Lang,
    /// A built-in theme name or a theme file's path; `default` when `None`.
    pub theme: Option<String>,
    pub as_of: Date,
    /// The date edits default to: a decision's, a follow-up's, the meeting's.
    pub today: Date,
    /// Who attends the meeting (`--attendees "A, B"`); asked for at its end when `None`.
    pub attendees: Option<String>,
    /// `--since REV|DATE`: read the changes since then at the start.
    pub since: Option<String>,
    /// Chair, secretary, adjuster and place (`--chair` …) for the minutes.
    pub roles: crate::report::minutes::Roles,
}

/// Picks the theme, honouring `NO_COLOR`.
pub fn resolve_theme(name: Option<&str>, lang: Lang) -> anyhow::Result<Theme> {
    let name = name.unwrap_or("default");
    let theme = Theme::load(name).map_err(|e| {
        anyhow::anyhow!(ui::theme_error(e.line, &e.message, lang))
            .context(format!("--theme {name}"))
    })?;
    let no_colour = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
    Ok(if no_colour {
        theme.without_colour()
    } else {
        theme
    })
}

/// Runs the application until the user quits, the terminal goes away or a signal asks to stop.
pub fn run(options: TuiOptions) -> anyhow::Result<()> {
    if !terminal::is_interactive() {
        anyhow::bail!("{}", ui::not_a_terminal(options.lang));
    }
    let theme = resolve_theme(options.theme.as_deref(), options.lang)?;
    // `None`: the sample built into bered, which never changes on disk.
    let path = crate::load::resolve(options.portfolio.as_deref());
    let (tx, rx) = mpsc::channel();
    events::spawn_signals(tx.clone()).context("installing signal handlers")?;
    let mut guard = terminal::Guard::enter().context("setting up the terminal")?;
    events::spawn_input(tx.clone());
    // Kept alive for the session: dropping it ends the notifications.
    let _watch = path
        .as_ref()
        .map(|watched| events::spawn_watcher(tx.clone(), watched.clone()));
    events::spawn_load(tx.clone(), path.clone(), options.as_of);
    if let Some(since) = &options.since {
        app_changes_wanted(&tx, &path, since, options.as_of);
    }
    let mut app = App::new(options.lang, options.as_of);
    app.today = options.today;
    app.attendees = options.attendees.clone();
    app.changes_loading = options.since.is_some();
    app.roles = options.roles.clone();
    let size = guard.terminal.size()?;
    app.update(action::Action::Resize(size.width, size.height));
    let mut reload_wanted = false;
    // Fault injection for the end-to-end tests: panic once the portfolio is on screen, to prove
    // that a panic leaves the terminal restored. Nothing else reads it.
    let panic_on_purpose = std::env::var_os("BERED_FAULT_PANIC").is_some();
    loop {
        draw(&mut guard.terminal, &mut app, &theme)?;
        if panic_on_purpose && app.data.is_some() {
            panic!(
                "BERED_FAULT_PANIC is set: a panic on purpose, to test the terminal is restored"
            );
        }
        // Block until something happens, then take everything already waiting before drawing.
        let Ok(first) = rx.recv() else { break };
        let mut quit = false;
        for event in std::iter::once(first).chain(rx.try_iter()) {
            let command = handle(&mut app, event);
            // Writes happen here, one at a time, before the next key is looked at.
            match writer::perform(&mut app, command) {
                Command::Quit => quit = true,
                Command::Reload => reload_wanted = true,
                Command::LoadChanges(since) => {
                    app_changes_wanted(&tx, &path, &since, options.as_of);
                }
                _ => {}
            }
        }
        if quit {
            break;
        }
        if reload_wanted && app.loading.is_none() {
            reload_wanted = false;
            app.set_loading(crate::report::dataset::Phase::Reading);
            events::spawn_load(tx.clone(), path.clone(), options.as_of);
        }
    }
    drop(guard);
    Ok(())
}

/// Reads the changes since a revision or date off the UI thread. The sample built into bered
/// has no history: the message says there is no portfolio folder.
fn app_changes_wanted(tx: &mpsc::Sender<Event>, path: &Option<PathBuf>, since: &str, as_of: Date) {
    let point = crate::changes::Point::parse(since);
    match path {
        Some(path) => events::spawn_changes(tx.clone(), path.clone(), point, as_of),
        None => {
            let error = Err(crate::changes::ChangesError::NoPortfolio);
            let _ = tx.send(Event::ChangesLoaded(Box::new(error)));
        }
    }
}

/// Draws one frame of the app: the same for the local terminal, each `bered serve` client and
/// the screen tests.
pub fn draw<B: ratatui::backend::Backend>(
    terminal: &mut ratatui::Terminal<B>,
    app: &mut App,
    theme: &Theme,
) -> anyhow::Result<()>
where
    B::Error: Send + Sync + 'static,
{
    let mut info = views::RenderInfo::default();
    terminal.draw(|frame| info = views::render(app, theme, frame))?;
    if let Some(targets) = info.portfolio_targets.take() {
        app.portfolio_targets = targets;
    }
    if let Some(max) = info.portfolio_max_scroll {
        app.portfolio_max_scroll = max;
        if app.portfolio_scroll > max {
            // End before the first measure, or a narrower window: show the end at once.
            app.portfolio_scroll = max;
            terminal.draw(|frame| {
                views::render(app, theme, frame);
            })?;
        }
    }
    if let Some(max) = info.detail_max_scroll {
        app.detail_max_scroll = max;
        if let Some(detail) = app.detail.as_mut().filter(|d| d.scroll > max) {
            // Scrolled past the end (End, or a shorter tab): show the end at once.
            detail.scroll = max;
            terminal.draw(|frame| {
                views::render(app, theme, frame);
            })?;
        }
    }
    Ok(())
}

fn handle(app: &mut App, event: Event) -> Command {
    match event {
        Event::Input(input) => handle_input(app, input),
        Event::Progress(phase) => {
            app.set_loading(phase);
            Command::None
        }
        Event::Loaded(outcome) => {
            app.apply_load(*outcome);
            // The changes shown since a revision now end at the new work tree.
            match app.changes_to_refresh() {
                Some(since) => Command::LoadChanges(since),
                None => Command::None,
            }
        }
        Event::ChangesLoaded(result) => {
            app.apply_changes(*result);
            Command::None
        }
        // bered's own write was taken in already (`Dataset::apply_file`); only a change made
        // elsewhere reloads.
        Event::FilesChanged(paths) if events::only_own_writes(app.data.as_deref(), &paths) => {
            Command::None
        }
        Event::FilesChanged(_) => Command::Reload,
        Event::Terminate | Event::InputClosed => Command::Quit,
    }
}

/// One terminal event through the keymap into `App::update`: the local terminal's and each
/// `bered serve` client's keys take this same path.
pub(crate) fn handle_input(app: &mut App, input: TermEvent) -> Command {
    match input {
        TermEvent::Key(key) if key.kind != KeyEventKind::Release => {
            match keymap::action_for(&app.contexts(), &key) {
                Some(action) => app.update(action),
                None => Command::None,
            }
        }
        TermEvent::Resize(w, h) => app.update(action::Action::Resize(w, h)),
        TermEvent::Mouse(m) => match m.kind {
            MouseEventKind::ScrollUp => app.update(action::Action::Up),
            MouseEventKind::ScrollDown => app.update(action::Action::Down),
            _ => Command::None,
        },
        TermEvent::Paste(text) if app.mode() == app::Mode::Search => {
            for c in text.chars().filter(|c| !c.is_control()) {
                app.update(action::Action::SearchInput(c));
            }
            Command::None
        }
        TermEvent::Paste(text) if app.mode() == (app::Mode::Prompt { form: true }) => {
            for c in text.chars().filter(|c| !c.is_control()) {
                app.update(action::Action::TextInput(c));
            }
            Command::None
        }
        _ => Command::None,
    }
}
