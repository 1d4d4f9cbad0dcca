//! Drawing: one file per screen or pane. Views read the app's state and never change it.

mod benefits;
mod case;
mod changes;
mod chrome;
mod detail;
mod diagnostics;
mod doc;
mod filters;
mod help;
mod matrix;
mod meeting;
mod plot;
mod portfolio;
mod prompt;
mod ranking;

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use rust_decimal::Decimal;

use crate::i18n::{Lang, format_decimal, ui, words};

use super::app::{App, Overlay, Screen};
use super::layout;
use super::theme::Theme;
use crate::eval::GateStatus;

/// What a frame measured that the app needs for the next update.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct RenderInfo {
    /// The largest scroll of the detail that still shows content.
    pub detail_max_scroll: Option<u16>,
    /// The largest scroll of the Portfolio screen that still shows content.
    pub portfolio_max_scroll: Option<u16>,
    /// The Portfolio screen's selectable initiatives and the height of its window.
    pub portfolio_targets: Option<(Vec<(u16, String)>, u16)>,
}

/// Draws the whole screen for the current state.
pub fn render(app: &App, theme: &Theme, frame: &mut Frame) -> RenderInfo {
    let area = frame.area();
    if layout::too_small(area.width, area.height) {
        chrome::too_small(app, theme, frame, area);
        return RenderInfo::default();
    }
    let [top, content, bottom] = chrome::split(area);
    chrome::header(app, theme, frame, top);
    chrome::footer(app, theme, frame, bottom);
    let mut info = RenderInfo::default();
    match (&app.data, &app.meeting, &app.detail) {
        (Some(data), Some(m), _) => meeting::render(app, data, m, theme, frame, content),
        (Some(data), None, Some(detail)) => {
            info.detail_max_scroll = Some(detail::render(app, data, detail, theme, frame, content));
        }
        (Some(data), None, None) if app.benefits_view.is_some() => {
            if let Some(view) = app.benefits_view {
                benefits::render(app, data, view, theme, frame, content);
            }
        }
        _ => match (&app.changes, app.changes_view) {
            (Some(set), Some(view)) => changes::render(app, set, view, theme, frame, content),
            _ => {
                if let Some((max, targets)) = screen(app, theme, frame, content) {
                    info.portfolio_max_scroll = Some(max);
                    info.portfolio_targets = Some((targets, content.height));
                }
            }
        },
    }
    match app.overlay {
        Overlay::Help { scroll } => help::render(app, theme, frame, content, scroll),
        Overlay::Filters(menu) => filters::render(app, theme, frame, content, menu),
        Overlay::None => {}
    }
    if let Some(p) = &app.prompt {
        prompt::render(app, p, theme, frame, content);
    }
    if let Some(p) = &app.since_prompt {
        changes::render_prompt(app, p, theme, frame, content);
    }
    info
}

/// Draws the current screen; for the Portfolio screen, returns its largest useful scroll.
fn screen(
    app: &App,
    theme: &Theme,
    frame: &mut Frame,
    area: Rect,
) -> Option<(u16, Vec<doc::Target>)> {
    if app.screen == Screen::Diagnostics {
        diagnostics::render(app, theme, frame, area);
        return None;
    }
    let Some(data) = &app.data else {
        chrome::no_data(app, theme, frame, area);
        return None;
    };
    match app.screen {
        Screen::Ranking => ranking::render(app, data, theme, frame, area),
        Screen::Matrix => matrix::render(app, data, theme, frame, area),
        Screen::Portfolio => return Some(portfolio::render(app, data, theme, frame, area)),
        Screen::Diagnostics => {}
    }
    None
}

/// A 1–4 score with two decimals, or a dash when it cannot be computed.
fn score(value: Option<Decimal>, lang: Lang) -> String {
    value.map_or_else(|| ui::NONE.get(lang).into(), |v| format_decimal(v, 2, lang))
}

/// The gate as a symbol and words ("✓ Godkänd"), so that it reads without colour.
fn gate_label(gate: GateStatus, lang: Lang) -> String {
    format!("{} {}", words::gate_symbol(gate), words::gate(gate, lang))
}

/// Cuts text to `width` characters with an ellipsis.
pub(super) fn fit(text: &str, width: usize) -> String {
    if text.chars().count() <= width {
        return text.to_string();
    }
    if width == 0 {
        return String::new();
    }
    let mut out: String = text.chars().take(width - 1).collect();
    out.push('…');
    out
}

/// A line of styled spans cut to `width` characters, ending in `…` when it had to be cut, so
/// that nothing is cut bare at the screen's edge.
pub(super) fn fit_line(line: Line<'_>, width: u16) -> Line<'static> {
    let width = usize::from(width);
    let total: usize = line.spans.iter().map(|s| s.content.chars().count()).sum();
    let mut spans = Vec::with_capacity(line.spans.len());
    let mut room = if total > width {
        width.saturating_sub(1)
    } else {
        width
    };
    for span in line.spans {
        if room == 0 {
            break;
        }
        let text: String = span.content.chars().take(room).collect();
        room -= text.chars().count();
        spans.push(Span::styled(text, span.style));
    }
    if total > width && width > 0 {
        let style = spans.last().map(|s| s.style).unwrap_or_default();
        spans.push(Span::styled("…", style));
    }
    Line::from(spans).style(line.style)
}

/// A rectangle centred in `area`, at most `width` × `height`.
fn centred(area: Rect, width: u16, height: u16) -> Rect {
    let w = width.min(area.width);
    let h = height.min(area.height);
    Rect::new(
        area.x + (area.width - w) / 2,
        area.y + (area.height - h) / 2,
        w,
        h,
    )
}
