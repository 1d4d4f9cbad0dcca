//! The ranking (home): one line per initiative in rank order, the budget line where the money
//! runs out, and the incomplete and blocked groups below. Only the visible lines are built.

use ratatui::Frame;
use ratatui::layout::{Constraint, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Cell, Paragraph, Row, Table};

use crate::i18n::ui;
use crate::report::cell::{Form, fit as fit_cell};
use crate::report::ranking::separator_text;

use super::super::app::App;
use super::super::theme::Theme;
use super::fit;
use crate::report::dataset::Dataset;
use crate::report::ranking::{Column, LineItem, Separator};

/// Columns dropped first when the terminal is narrow. Below 100 columns the figures stay longest
/// (NPV before the stage); from 100 the meeting's words do (stage and latest decision before NPV).
const DROP_ORDER_NARROW: [Column; 11] = [
    Column::Owner,
    Column::Payback,
    Column::Unit,
    Column::Cost,
    Column::Decision,
    Column::Stage,
    Column::Budget,
    Column::Flags,
    Column::Npv,
    Column::Feasibility,
    Column::Benefit,
];
const DROP_ORDER_WIDE: [Column; 11] = [
    Column::Owner,
    Column::Payback,
    Column::Unit,
    Column::Cost,
    Column::Npv,
    Column::Flags,
    Column::Decision,
    Column::Stage,
    Column::Budget,
    Column::Feasibility,
    Column::Benefit,
];

/// The title's least width: it is what people read, so on a roomy screen it keeps more.
fn title_min(width: u16) -> u16 {
    if width >= 100 { 30 } else { 22 }
}

fn width_of(column: Column, wide: bool, rank: u16) -> u16 {
    match column {
        Column::Rank => rank,
        Column::Title => 0,
        Column::Unit if wide => 26,
        Column::Owner => 22,
        Column::Unit => 14,
        Column::Stage if wide => 17,
        Column::Stage => 11,
        Column::Benefit => 7,
        Column::Feasibility => 7,
        Column::Priority => 5,
        Column::Gate if wide => 22,
        Column::Gate => 5,
        Column::Npv => 13,
        Column::Payback => 8,
        Column::Flags => 7,
        Column::Id => 18,
        Column::Quadrant if wide => 22,
        Column::Quadrant => 11,
        Column::Budget => 9,
        Column::Changed => 5,
        Column::Decision => 14,
        Column::Cost => 11,
    }
}

/// The columns that fit, in table order, and whether the wide layout is used. With changes
/// shown, their marker follows the rank and is never dropped.
fn visible_columns(width: u16, rank: u16, changed: bool) -> (Vec<Column>, bool) {
    let wide = width >= 160;
    let mut columns = Column::ALL.to_vec();
    if changed {
        columns.insert(1, Column::Changed);
    }
    let total = |cols: &[Column]| -> u16 {
        // The selection marker, then each column with one space between.
        2 + title_min(width)
            + cols
                .iter()
                .map(|c| width_of(*c, wide, rank) + 1)
                .sum::<u16>()
    };
    let order = if width >= 100 {
        DROP_ORDER_WIDE
    } else {
        DROP_ORDER_NARROW
    };
    for drop in order {
        if total(&columns) <= width {
            break;
        }
        columns.retain(|c| *c != drop);
    }
    (columns, wide)
}

pub fn render(app: &App, data: &Dataset, theme: &Theme, frame: &mut Frame, area: Rect) {
    if app.view.rows.is_empty() {
        let p = Paragraph::new(format!("\n  {}", ui::NO_ROWS.get(app.lang))).style(theme.muted());
        frame.render_widget(p, area);
        return;
    }
    // Ranks as wide as the largest one: 100 000 initiatives need six digits.
    let rank = (data.len().max(1).ilog10() as u16 + 1).max(4);
    let (columns, wide) = visible_columns(area.width, rank, app.changes.is_some());
    let mut widths = vec![Constraint::Length(1)];
    widths.extend(columns.iter().map(|c| match c {
        Column::Title => Constraint::Min(title_min(area.width)),
        c => Constraint::Length(width_of(*c, wide, rank)),
    }));
    let others: u16 = columns
        .iter()
        .filter(|c| **c != Column::Title)
        .map(|c| width_of(*c, wide, rank))
        .sum();
    let gaps = columns.len() as u16;
    let title_width = usize::from(
        area.width
            .saturating_sub(1 + gaps + others)
            .max(title_min(area.width)),
    );
    let layout = RowLayout {
        columns: &columns,
        wide,
        rank,
        title_width,
    };
    let height = usize::from(area.height.saturating_sub(1));
    let mut rows = Vec::with_capacity(height);
    let mut separators = Vec::new();
    for n in 0..height {
        match app.view.at_line(app.offset + n) {
            Some(LineItem::Row(k)) => rows.push(row(app, data, theme, &layout, k)),
            Some(LineItem::Separator(s)) => {
                rows.push(Row::new(Vec::<Cell>::new()).height(1));
                separators.push((n as u16, s));
            }
            None => break,
        }
    }
    let table = Table::new(rows, widths)
        .header(header(app, theme, &columns))
        .column_spacing(1);
    frame.render_widget(table, area);
    for (n, separator) in separators {
        let line_area = Rect::new(area.x, area.y + 1 + n, area.width, 1);
        frame.render_widget(
            separator_line(app, data, theme, separator, area.width),
            line_area,
        );
    }
}

fn header<'a>(app: &App, theme: &Theme, columns: &[Column]) -> Row<'a> {
    let mut cells = vec![Cell::from(" ")];
    for &column in columns {
        let mut title = column.title().get(app.lang).to_string();
        if app.sort.column == Some(column) {
            title.push(if app.sort.descending { '↓' } else { '↑' });
        }
        cells.push(aligned(column, Line::from(title)));
    }
    Row::new(cells).style(theme.title())
}

fn aligned(column: Column, line: Line<'_>) -> Cell<'_> {
    let right = matches!(
        column,
        Column::Rank
            | Column::Benefit
            | Column::Feasibility
            | Column::Priority
            | Column::Npv
            | Column::Payback
    );
    Cell::from(if right { line.right_aligned() } else { line })
}

/// What a row needs to know of the table's layout.
struct RowLayout<'c> {
    columns: &'c [Column],
    wide: bool,
    rank: u16,
    /// Characters the title gets; a longer title is cut with an ellipsis.
    title_width: usize,
}

fn row<'a>(
    app: &'a App,
    data: &'a Dataset,
    theme: &Theme,
    layout: &RowLayout,
    k: usize,
) -> Row<'a> {
    let i = app.view.rows[k];
    let selected = k == app.selected;
    let marker = if selected { "▶" } else { " " };
    let mut cells = vec![Cell::from(marker)];
    for &column in layout.columns {
        cells.push(aligned(column, cell(app, data, theme, column, layout, i)));
    }
    let style = if selected {
        theme.selected()
    } else {
        Style::default()
    };
    Row::new(cells).style(style)
}

/// A column's typed cell, laid out in `width` characters and styled by its kind. Text that does
/// not fit ends in `…`; a figure never loses its sign (it is cut, if ever, at its end).
fn cell<'a>(
    app: &'a App,
    data: &'a Dataset,
    theme: &Theme,
    column: Column,
    layout: &RowLayout,
    i: usize,
) -> Line<'a> {
    let form = if layout.wide {
        Form::Full
    } else {
        Form::Symbol
    };
    if column == Column::Title {
        return title(
            app,
            theme,
            data.initiative(i).title(),
            layout.title_width,
            i,
        );
    }
    if column == Column::Changed {
        let marker = app
            .changes
            .as_ref()
            .and_then(|set| set.marker(&data.initiative(i).id));
        return Line::styled(marker.unwrap_or_default(), theme.title());
    }
    let typed = column.cell(data.initiative(i), data.item(i), form);
    let width = usize::from(width_of(column, layout.wide, layout.rank));
    let text = fit_cell(&typed.render(app.lang), width, typed.align());
    Line::styled(text, theme.cell(typed.kind()))
}

/// The title, cut to `width` with an ellipsis, with the characters that matched the search
/// highlighted.
fn title<'a>(app: &'a App, theme: &Theme, title: &'a str, width: usize, i: usize) -> Line<'a> {
    let shown = crate::i18n::safe::line(title);
    // The search marks count the title's own characters; a title that had to be made safe
    // shows without them.
    let marks: &[u32] = match shown {
        std::borrow::Cow::Borrowed(_) => app.search.title_highlights(i),
        std::borrow::Cow::Owned(_) => &[],
    };
    let title = fit(&shown, width);
    if marks.is_empty() {
        return Line::styled(title, theme.text());
    }
    let mut spans = Vec::new();
    let mut run = String::new();
    let mut run_marked = false;
    for (pos, ch) in title.chars().enumerate() {
        let marked = marks.binary_search(&(pos as u32)).is_ok();
        if marked != run_marked && !run.is_empty() {
            let style = if run_marked {
                theme.search_match()
            } else {
                theme.text()
            };
            spans.push(Span::styled(std::mem::take(&mut run), style));
        }
        run_marked = marked;
        run.push(ch);
    }
    let style = if run_marked {
        theme.search_match()
    } else {
        theme.text()
    };
    spans.push(Span::styled(run, style));
    Line::from(spans)
}

fn separator_line<'a>(
    app: &App,
    data: &Dataset,
    theme: &Theme,
    separator: Separator,
    width: u16,
) -> Paragraph<'a> {
    let text = format!(
        " {} ",
        separator_text(separator, &data.portfolio, &data.analysis, app.lang)
    );
    let style = match separator {
        Separator::BudgetLine => theme.budget_line(),
        Separator::Group(..) | Separator::Section(..) => theme.group_header(),
    };
    let used = text.chars().count() + 3;
    let fill = "─".repeat(usize::from(width).saturating_sub(used));
    Paragraph::new(fit_cell(
        &format!("───{text}{fill}"),
        usize::from(width),
        crate::report::cell::Align::Left,
    ))
    .style(style)
}
