//! The benefits list (`B`): every benefit of every initiative, one line each, the selected one
//! marked `▶`; its title says how many are shown and the status filter. The rows and cells are
//! `report::benefits`; text from the portfolio is made safe by the cells.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use crate::i18n::{ui, words};
use crate::report::benefits::{benefit_table, with_status};
use crate::report::cell::{Align, Cell, fit};
use crate::report::dataset::Dataset;

use super::super::app::{App, BenefitsView};
use super::super::theme::Theme;

pub fn render(
    app: &App,
    data: &Dataset,
    view: BenefitsView,
    theme: &Theme,
    frame: &mut Frame,
    area: Rect,
) {
    let lang = app.lang;
    let rows = app.benefit_rows();
    let shown = with_status(&rows, view.status);
    let status = view.status.map(|s| words::benefit_status(s, lang));
    let mut lines = vec![Line::styled(
        format!(
            " {}",
            ui::benefits_title(shown.len(), rows.len(), status, lang)
        ),
        theme.title(),
    )];
    let (header, cells) = benefit_table(&shown, &data.portfolio, lang);
    let widths = widths(usize::from(area.width));
    let head: Vec<Cell> = header.into_iter().map(Cell::Text).collect();
    lines.push(line(&head, &widths, "  ", theme, lang, true));
    if cells.is_empty() {
        lines.push(Line::styled(
            format!("  {}", ui::NO_BENEFITS_WITH_STATUS.get(lang)),
            theme.muted(),
        ));
    }
    let height = usize::from(area.height).saturating_sub(2).max(1);
    let offset = (view.selected + 1).saturating_sub(height);
    for (n, row) in cells.iter().enumerate().skip(offset).take(height) {
        let selected = n == view.selected;
        let mark = if selected { "▶ " } else { "  " };
        let mut l = line(row, &widths, mark, theme, lang, false);
        if selected {
            l = l.patch_style(theme.selected());
        }
        lines.push(l);
    }
    frame.render_widget(Paragraph::new(lines), area);
}

/// Initiative, benefit, status, owner, next due date: status and date whole, the rest shared.
fn widths(width: usize) -> [usize; 5] {
    let fixed = 18 + 11 + 2 + 4 * 2;
    let rest = width.saturating_sub(fixed).max(15);
    let initiative = rest * 3 / 10;
    let owner = rest * 3 / 10;
    [initiative, rest - initiative - owner, 18, owner, 11]
}

fn line(
    cells: &[Cell],
    widths: &[usize; 5],
    mark: &str,
    theme: &Theme,
    lang: crate::i18n::Lang,
    header: bool,
) -> Line<'static> {
    let mut spans = vec![Span::raw(mark.to_string())];
    for (k, (cell, &w)) in cells.iter().zip(widths).enumerate() {
        if k > 0 {
            spans.push(Span::raw("  "));
        }
        let style = if header {
            theme.title()
        } else {
            theme.cell(cell.kind())
        };
        spans.push(Span::styled(fit(&cell.render(lang), w, Align::Left), style));
    }
    Line::from(spans)
}
