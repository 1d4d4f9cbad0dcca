//! The frame around every screen: header with the portfolio's figures, screen tabs, the status
//! line and the footer with the keys that matter here.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};

use crate::i18n::ui;

use super::super::app::{App, Screen};
use super::super::keymap;
use super::super::layout;
use super::super::theme::Theme;
use super::fit_line;
use crate::eval::RankGroup;
use crate::load::Origin;
use crate::report::dataset::Phase;

/// Top chrome, content, bottom chrome.
pub fn split(area: Rect) -> [Rect; 3] {
    Layout::vertical([
        Constraint::Length(layout::TOP),
        Constraint::Min(0),
        Constraint::Length(layout::BOTTOM),
    ])
    .areas(area)
}

pub fn header(app: &App, theme: &Theme, frame: &mut Frame, area: Rect) {
    let [title_row, tabs_row] =
        Layout::vertical([Constraint::Length(1), Constraint::Length(1)]).areas(area);
    let lang = app.lang;
    // The built-in sample says so whole; that comes before a count of no diagnostics.
    let sample = match app.data.as_ref().map(|d| &d.origin) {
        Some(Origin::Embedded) => format!(" · {}", ui::SAMPLE_PORTFOLIO.get(lang)),
        _ => String::new(),
    };
    let mut right = format!("  {}", ui::as_of(&app.as_of.to_string(), lang));
    let tight = usize::from(title_row.width) < right.chars().count() + sample.chars().count() + 30;
    if !(tight && app.diagnostics.is_empty() && !sample.is_empty()) {
        right.push_str(" · ");
        if !app.diagnostics.is_empty() {
            right.push_str("⚠ ");
        }
        right.push_str(&ui::diagnostics_count(app.diagnostics.len(), lang));
    }
    right.push(' ');
    let room = usize::from(title_row.width).saturating_sub(right.chars().count());
    let left = match &app.data {
        Some(data) => {
            let n = |g| data.group_count(g);
            let (ranked, incomplete, blocked) = (
                n(RankGroup::Ranked),
                n(RankGroup::Incomplete),
                n(RankGroup::Blocked),
            );
            let full = ui::counts(data.len(), ranked, incomplete, blocked, lang);
            let short = ui::counts_short(data.len(), lang);
            let name = data.name(lang);
            let room = room.saturating_sub(sample.chars().count());
            // The counts matter more than the whole name; the name gives way first, then the
            // counts.
            let counts = if room >= full.chars().count() + 24 {
                full
            } else if room >= short.chars().count() + 12 {
                short
            } else {
                String::new()
            };
            let counts = if counts.is_empty() {
                counts
            } else {
                format!(" · {counts}")
            };
            let name_room = room.saturating_sub(counts.chars().count() + 1);
            format!(" {}{sample}{counts}", super::fit(&name, name_room.max(8)))
        }
        None => " bered".to_string(),
    };
    let right_width = (right.chars().count() as u16).min(title_row.width);
    let [l, r] =
        Layout::horizontal([Constraint::Min(0), Constraint::Length(right_width)]).areas(title_row);
    frame.render_widget(Paragraph::new(left).style(theme.header()), l);
    frame.render_widget(Paragraph::new(right).style(theme.header()), r);
    tabs(app, theme, frame, tabs_row);
}

fn tabs(app: &App, theme: &Theme, frame: &mut Frame, area: Rect) {
    let mut spans = vec![Span::raw(" ")];
    for screen in Screen::ALL {
        let mut title = screen.title().get(app.lang).to_string();
        if screen == Screen::Diagnostics && !app.diagnostics.is_empty() {
            title = format!("{title} ({})", app.diagnostics.len());
        }
        // Brackets mark the active screen without colour.
        if screen == app.screen {
            spans.push(Span::styled(format!("[{title}]"), theme.tab_active()));
        } else {
            spans.push(Span::styled(format!(" {title} "), theme.tab()));
        }
        spans.push(Span::styled("│", theme.border()));
    }
    spans.pop();
    frame.render_widget(
        Paragraph::new(fit_line(Line::from(spans), area.width)),
        area,
    );
}

pub fn footer(app: &App, theme: &Theme, frame: &mut Frame, area: Rect) {
    let [status_row, keys_row] =
        Layout::vertical([Constraint::Length(1), Constraint::Length(1)]).areas(area);
    let status = fit_line(status_line(app, theme), status_row.width);
    frame.render_widget(Paragraph::new(status), status_row);
    let mut spans = vec![Span::raw(" ")];
    for (key, binding) in keymap::footer(&app.contexts()) {
        spans.push(Span::styled(key.label(), theme.key()));
        spans.push(Span::styled(
            format!(" {}  ", binding.help.get(app.lang)),
            theme.muted(),
        ));
    }
    frame.render_widget(
        Paragraph::new(fit_line(Line::from(spans), keys_row.width)),
        keys_row,
    );
}

fn status_line<'a>(app: &'a App, theme: &Theme) -> Line<'a> {
    let lang = app.lang;
    if app.search.editing {
        return Line::from(vec![
            Span::styled(format!(" {}", ui::SEARCH_PROMPT.get(lang)), theme.key()),
            Span::styled(app.search.query.as_str(), theme.status()),
            // A visible cursor that needs no terminal cursor.
            Span::styled("▏", theme.status()),
            Span::styled(format!("  {}", shown(app)), theme.muted()),
        ]);
    }
    if let Some(status) = &app.status {
        let style = if status.error {
            theme.error()
        } else {
            theme.status()
        };
        return Line::styled(format!(" {}", status.text), style);
    }
    if let Some(phase) = app.loading {
        let phase = match phase {
            Phase::Reading => ui::PHASE_READING,
            Phase::Evaluating => ui::PHASE_EVALUATING,
            Phase::Indexing => ui::PHASE_INDEXING,
        };
        return Line::styled(
            format!(" ⏳ {}", ui::loading_progress(phase, 0, 0, lang)),
            theme.status(),
        );
    }
    let elsewhere = app.detail.is_some() || app.meeting.is_some() || app.benefits_view.is_some();
    if app.screen != Screen::Ranking || elsewhere || app.data.is_none() {
        return Line::default();
    }
    Line::styled(format!(" {}", ranking_summary(app)), theme.muted())
}

/// What the ranking shows: the search, filters, order and how many rows.
fn ranking_summary(app: &App) -> String {
    let lang = app.lang;
    let mut parts = Vec::new();
    if !app.search.query.is_empty() {
        parts.push(format!(
            "{}{}",
            ui::SEARCH_PROMPT.get(lang),
            app.search.query
        ));
    }
    if !app.filters.is_empty() {
        parts.push(format!(
            "{} {}",
            app.filters.count(),
            ui::FILTERED.get(lang)
        ));
    }
    parts.push(match app.sort.column {
        Some(c) => {
            let arrow = if app.sort.descending { "↓" } else { "↑" };
            format!(
                "{} {} {arrow}",
                ui::SORTED_BY.get(lang),
                c.title().get(lang)
            )
        }
        None => ui::RANK_ORDER.get(lang).to_string(),
    });
    parts.push(shown(app));
    parts.join(" · ")
}

fn shown(app: &App) -> String {
    let total = app.data.as_ref().map_or(0, |d| d.len());
    ui::matches(app.view.rows.len(), total, app.lang)
}

pub fn too_small(app: &App, theme: &Theme, frame: &mut Frame, area: Rect) {
    let text = format!(
        "{} ({}×{})",
        ui::TOO_SMALL.get(app.lang),
        layout::MIN_WIDTH,
        layout::MIN_HEIGHT
    );
    let p = Paragraph::new(text)
        .style(theme.warning())
        .wrap(Wrap { trim: true });
    frame.render_widget(p, area);
}

pub fn no_data(app: &App, theme: &Theme, frame: &mut Frame, area: Rect) {
    let text = if app.loading.is_some() {
        ui::LOADING.get(app.lang)
    } else {
        ui::NOTHING_LOADED.get(app.lang)
    };
    let p = Paragraph::new(format!("\n  {text}…"))
        .style(theme.muted())
        .wrap(Wrap { trim: false });
    frame.render_widget(p, area);
}
