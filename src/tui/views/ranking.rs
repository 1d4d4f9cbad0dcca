//! The ranking (home): one line per initiative in rank order, the budget line where the money
//! runs out, and the incomplete and blocked groups below. Only the visible lines are built.

use ratatui::Frame;
use ratatui::layout::{Constraint, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Cell, Paragraph, Row, Table};

use crate::i18n::{Lang, format_decimal, format_money, ui, words};

use super::super::app::App;
use super::super::data::Dataset;
use super::super::engine::eval::RankGroup;
use super::super::table::{Column, LineItem, Separator};
use super::super::theme::Theme;
use super::fit;
use super::{gate_label, score};

/// Columns dropped first when the terminal is narrow.
const DROP_ORDER: [Column; 8] = [
    Column::Owner,
    Column::Payback,
    Column::Unit,
    Column::Stage,
    Column::Flags,
    Column::Npv,
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
    }
}

/// The columns that fit, in table order, and whether the wide layout is used.
fn visible_columns(width: u16, rank: u16) -> (Vec<Column>, bool) {
    let wide = width >= 160;
    let mut columns = Column::ALL.to_vec();
    let total = |cols: &[Column]| -> u16 {
        // The selection marker, then each column with one space between.
        2 + title_min(width)
            + cols
                .iter()
                .map(|c| width_of(*c, wide, rank) + 1)
                .sum::<u16>()
    };
    for drop in DROP_ORDER {
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
    let (columns, wide) = visible_columns(area.width, rank);
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

fn cell<'a>(
    app: &'a App,
    data: &'a Dataset,
    theme: &Theme,
    column: Column,
    layout: &RowLayout,
    i: usize,
) -> Line<'a> {
    let (lang, wide) = (app.lang, layout.wide);
    let clipped = |s: &Option<String>| {
        fit(
            s.as_deref().unwrap_or_default(),
            usize::from(width_of(column, wide, 0)),
        )
    };
    let initiative = data.initiative(i);
    let item = data.item(i);
    let eval = &item.eval;
    let text = |s: String| Line::styled(s, theme.text());
    match column {
        Column::Rank => text(item.rank.to_string()),
        Column::Title => title(app, theme, initiative.title(), layout.title_width, i),
        Column::Unit => Line::styled(clipped(&initiative.file.unit), theme.muted()),
        Column::Owner => Line::styled(clipped(&initiative.file.owner), theme.muted()),
        Column::Stage => text(
            initiative
                .stage()
                .map_or("", |s| words::stage(s, lang))
                .into(),
        ),
        Column::Benefit => text(score(eval.benefit_score, lang)),
        Column::Feasibility => text(score(eval.feasibility_score, lang)),
        Column::Priority => text(
            eval.priority
                .map_or_else(|| ui::NONE.get(lang).into(), |p| format_decimal(p, 1, lang)),
        ),
        Column::Gate => {
            let id = eval.gate.id();
            let label = if wide {
                format!(" {}", gate_label(eval.gate, lang))
            } else {
                format!("  {}", words::gate_symbol(eval.gate))
            };
            Line::styled(label, theme.gate(id))
        }
        Column::Npv => match &item.case {
            Some(c) => Line::styled(format_money(c.totals.npv, lang), theme.money(c.totals.npv)),
            None => Line::styled(ui::NONE.get(lang), theme.muted()),
        },
        Column::Payback => payback(item, theme, lang),
        Column::Flags => match item.flags.len() {
            0 => Line::default(),
            n => Line::styled(format!("⚑{n}"), theme.flag()),
        },
    }
}

fn payback<'a>(item: &super::super::engine::eval::Analyzed, theme: &Theme, lang: Lang) -> Line<'a> {
    match &item.case {
        None => Line::styled(ui::NONE.get(lang), theme.muted()),
        Some(c) => match c.totals.payback_year {
            Some(y) => Line::styled(y.to_string(), theme.text()),
            None => Line::styled(lang.pick("ingen", "none"), theme.negative()),
        },
    }
}

/// The title, cut to `width` with an ellipsis, with the characters that matched the search
/// highlighted.
fn title<'a>(app: &'a App, theme: &Theme, title: &'a str, width: usize, i: usize) -> Line<'a> {
    let marks = app.search.title_highlights(i);
    let title = fit(title, width);
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
    let lang = app.lang;
    let (text, style) = match separator {
        Separator::BudgetLine => {
            let budget = data
                .portfolio
                .settings
                .budget
                .map(|b| {
                    format!(
                        " ({} {})",
                        ui::BUDGET.get(lang).to_lowercase(),
                        format_money(b.0, lang)
                    )
                })
                .unwrap_or_default();
            (
                format!(" ✂ {}{budget} ", ui::BUDGET_RUNS_OUT.get(lang)),
                theme.budget_line(),
            )
        }
        Separator::Group(group, count) => {
            let label = match group {
                RankGroup::Blocked => ui::GROUP_BLOCKED,
                _ => ui::GROUP_INCOMPLETE,
            };
            (
                format!(" {} ({count}) ", label.get(lang)),
                theme.group_header(),
            )
        }
    };
    let used = text.chars().count() + 3;
    let fill = "─".repeat(usize::from(width).saturating_sub(used));
    Paragraph::new(format!("───{text}{fill}")).style(style)
}
