//! The filter menu: facets on the left, their values with check marks and counts on the right.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph, Wrap};

use crate::i18n::{Lang, safe, ui, words};
use crate::model::Stage;

use super::super::app::{App, FilterMenu};
use super::super::theme::Theme;
use super::{centred, fit};
use crate::eval::GateStatus;
use crate::realisation::FlagKind;
use crate::report::dataset::{Dataset, Facet};

fn facet_title(facet: Facet) -> ui::Text {
    match facet {
        Facet::Stage => ui::FACET_STAGE,
        Facet::Unit => ui::FACET_UNIT,
        Facet::Tag => ui::FACET_TAG,
        Facet::Goal => ui::FACET_GOAL,
        Facet::Gate => ui::FACET_GATE,
        Facet::Flag => ui::FACET_FLAG,
    }
}

fn value_label(data: &Dataset, facet: Facet, value: &str, lang: Lang) -> String {
    match facet {
        Facet::Stage => Stage::from_id(value)
            .map_or(value, |s| words::stage(s, lang))
            .into(),
        Facet::Gate => GateStatus::from_id(value)
            .map_or(value, |g| words::gate(g, lang))
            .into(),
        Facet::Flag => FlagKind::from_id(value)
            .map_or(value, |f| words::flag(f, lang))
            .into(),
        // Units, tags and goals are the portfolio's own text.
        Facet::Goal => safe::line(data.goal_name(value)).into_owned(),
        Facet::Unit | Facet::Tag => safe::line(value).into_owned(),
    }
}

pub fn render(app: &App, theme: &Theme, frame: &mut Frame, area: Rect, menu: FilterMenu) {
    let Some(data) = &app.data else { return };
    let lang = app.lang;
    let popup = centred(area, 76, 20);
    let title = format!(" {} ", ui::FILTER_TITLE.get(lang));
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(theme.border())
        .title(Span::styled(title, theme.title()));
    let inner = block.inner(popup);
    frame.render_widget(Clear, popup);
    frame.render_widget(block, popup);
    let [body, hint] = Layout::vertical([Constraint::Min(0), Constraint::Length(2)]).areas(inner);
    let [left, right] =
        Layout::horizontal([Constraint::Length(22), Constraint::Min(0)]).areas(body);
    frame.render_widget(Paragraph::new(facets(app, theme, menu)), left);
    frame.render_widget(Paragraph::new(values(app, data, theme, menu, right)), right);
    let hint_text = Paragraph::new(ui::FILTER_HINT.get(lang))
        .style(theme.muted())
        .wrap(Wrap { trim: true });
    frame.render_widget(hint_text, hint);
}

/// The facets, each with how many of its values are chosen.
fn facets(app: &App, theme: &Theme, menu: FilterMenu) -> Vec<Line<'static>> {
    Facet::ALL
        .iter()
        .enumerate()
        .map(|(n, facet)| {
            let count = app.filters.values(*facet).len();
            let title = facet_title(*facet).get(app.lang);
            let text = match count {
                0 => title.to_string(),
                n => format!("{title} ({n})"),
            };
            if n == menu.facet {
                Line::styled(format!("▶ {text}"), theme.selected())
            } else {
                Line::styled(format!("  {text}"), theme.text())
            }
        })
        .collect()
}

/// The values of the active facet around the cursor, checked when chosen.
fn values(
    app: &App,
    data: &Dataset,
    theme: &Theme,
    menu: FilterMenu,
    area: Rect,
) -> Vec<Line<'static>> {
    let facet = Facet::ALL[menu.facet.min(Facet::ALL.len() - 1)];
    let values = data.facets.get(&facet).map(Vec::as_slice).unwrap_or(&[]);
    let height = usize::from(area.height).max(1);
    let start = menu.cursor.saturating_sub(height - 1);
    let mut lines: Vec<Line> = values
        .iter()
        .enumerate()
        .skip(start)
        .take(height)
        .map(|(n, (value, count))| {
            let check = if app.filters.is_selected(facet, value) {
                "[x]"
            } else {
                "[ ]"
            };
            let label = value_label(data, facet, value, app.lang);
            let text = fit(
                &format!("{check} {label} ({count})"),
                usize::from(area.width),
            );
            let style = if n == menu.cursor {
                theme.selected()
            } else {
                theme.text()
            };
            Line::styled(text, style)
        })
        .collect();
    if lines.is_empty() {
        lines.push(Line::styled(ui::FILTER_EMPTY.get(app.lang), theme.muted()));
    }
    lines
}
