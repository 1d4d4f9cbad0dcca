//! The drill-down into one initiative: a title line, tabs, and the active tab's document.
//! Every tab but the business case is the shared document of `report::detail`.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use crate::i18n::{Lang, safe};
use crate::report::detail::tab_doc;

use super::super::app::{App, Detail, DetailTab};
use super::super::theme::Theme;
use super::doc::from_report;
use super::{case, fit_line, gate_label};
use crate::report::dataset::Dataset;

/// Draws the detail; returns the largest useful scroll of its document.
pub fn render(
    app: &App,
    data: &Dataset,
    detail: &Detail,
    theme: &Theme,
    frame: &mut Frame,
    area: Rect,
) -> u16 {
    let [title_row, tabs_row, body] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Min(0),
    ])
    .areas(area);
    let i = detail.index.min(data.len().saturating_sub(1));
    let initiative = data.initiative(i);
    let item = data.item(i);
    let gate = item.eval.gate.id();
    let title = Line::from(vec![
        Span::styled(format!(" #{} ", item.rank), theme.muted()),
        Span::styled(safe::line(initiative.title()).into_owned(), theme.title()),
        Span::styled(format!("  {}  ", safe::line(&initiative.id)), theme.muted()),
        Span::styled(gate_label(item.eval.gate, app.lang), theme.gate(gate)),
    ]);
    frame.render_widget(Paragraph::new(fit_line(title, title_row.width)), title_row);
    let tabs = fit_line(tabs(app.lang, detail.tab, theme), tabs_row.width);
    frame.render_widget(Paragraph::new(tabs), tabs_row);
    let body = Rect {
        x: body.x + 1,
        width: body.width.saturating_sub(2),
        ..body
    };
    // The business case keeps its template layout (years across) and its chart, which only a
    // screen can draw; every other tab is the shared document `bered show` prints too.
    let doc = match detail.tab {
        DetailTab::Case => case::doc(app, data, i, detail, theme, body.width),
        tab => {
            let report = tab_doc(tab, &data.portfolio, &data.analysis, i, app.lang);
            from_report(&report, theme, app.lang, body.width)
        }
    };
    doc.render(frame, body, detail.scroll)
}

fn tabs(lang: Lang, active: DetailTab, theme: &Theme) -> Line<'static> {
    let mut spans = vec![Span::raw(" ")];
    for (n, tab) in DetailTab::ALL.iter().enumerate() {
        let label = format!("{} {}", n + 1, tab.title().get(lang));
        if *tab == active {
            spans.push(Span::styled(format!("[{label}]"), theme.tab_active()));
        } else {
            spans.push(Span::styled(format!(" {label} "), theme.tab()));
        }
    }
    Line::from(spans)
}
