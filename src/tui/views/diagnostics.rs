//! Every load error and warning with file:line:col, selectable; the selected one in full below.
//! Enter opens the initiative the diagnostic is about, when it loaded.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph, Wrap};

use crate::i18n::ui;

use super::super::app::App;
use super::super::layout;
use super::super::theme::Theme;
use crate::load::{Diagnostic, Severity};

pub fn render(app: &App, theme: &Theme, frame: &mut Frame, area: Rect) {
    let lang = app.lang;
    if app.diagnostics.is_empty() {
        let p = Paragraph::new(format!("\n  ✓ {}", ui::NO_DIAGNOSTICS.get(lang)))
            .style(theme.positive());
        frame.render_widget(p, area);
        return;
    }
    let [list_area, pane] = Layout::vertical([
        Constraint::Min(0),
        Constraint::Length(layout::DIAGNOSTIC_PANE + 1),
    ])
    .areas(area);
    let height = usize::from(list_area.height);
    let lines: Vec<Line> = app
        .diagnostics
        .iter()
        .enumerate()
        .skip(app.diagnostic_offset)
        .take(height)
        .map(|(n, d)| line(app, theme, d, n == app.diagnostic_selected))
        .collect();
    frame.render_widget(Paragraph::new(lines), list_area);
    if let Some(d) = app.diagnostics.get(app.diagnostic_selected) {
        let block = Block::default()
            .borders(Borders::TOP)
            .border_style(theme.border());
        let mut text = format!("{}\n{}", location(d), d.message);
        if let Some(source) = &d.source_line {
            text.push_str(&format!("\n  {source}"));
        }
        if let Some(hint) = &d.hint {
            text.push_str(&format!("\n{hint}"));
        }
        let p = Paragraph::new(text).block(block).wrap(Wrap { trim: false });
        frame.render_widget(p, pane);
    }
}

fn location(d: &Diagnostic) -> String {
    format!("{}:{}:{}", crate::load::shown(&d.path), d.line, d.column)
}

fn line<'a>(app: &App, theme: &Theme, d: &'a Diagnostic, selected: bool) -> Line<'a> {
    let (word, style) = match d.severity {
        Severity::Error => (ui::ERROR.get(app.lang), theme.error()),
        _ => (ui::WARNING.get(app.lang), theme.warning()),
    };
    let marker = if selected { "▶ " } else { "  " };
    let line = Line::from(vec![
        Span::raw(marker),
        Span::styled(format!("{word:<8} "), style),
        Span::styled(format!("{}  ", location(d)), theme.muted()),
        Span::styled(d.message.as_str(), theme.text()),
    ]);
    if selected {
        line.style(theme.selected())
    } else {
        line.style(Style::default())
    }
}
