//! The business case tab: the yearly table laid out as Nacka's template (years across), the
//! totals with NPV, payback and the low/high band, and a chart of yearly and accumulated net.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Rect};
use ratatui::style::Style;
use ratatui::symbols::Marker;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Cell, GraphType, Row, Table, Widget};
use rust_decimal::Decimal;
use rust_decimal::prelude::ToPrimitive;

use crate::i18n::{Lang, format_decimal, format_number, ui};

use super::super::app::{App, Detail};
use super::super::theme::Theme;
use super::doc::{Doc, from_report};
use super::plot::{Plot, Scale, Series};
use crate::finance::{CaseResult, YearRow};
use crate::report::cell::{Align, fit as fit_cell};
use crate::report::dataset::Dataset;
use crate::report::detail::case_totals_doc;

const LABEL_WIDTH: u16 = 30;
const YEAR_WIDTH: u16 = 11;
const CHART_HEIGHT: u16 = 12;

type Field = fn(&YearRow) -> Option<Decimal>;

/// The template's rows: label, value per year, whether it is a sum row.
const ROWS: [(ui::Text, Field, bool); 12] = [
    (ui::ROW_INVESTMENT, |r| Some(r.investment), false),
    (ui::ROW_OPERATIONS, |r| Some(r.operations), false),
    (ui::ROW_COSTS, |r| Some(r.costs), true),
    (ui::ROW_COSTS_ACC, |r| Some(r.costs_accumulated), false),
    (ui::ROW_FINANCIAL, |r| Some(r.financial), false),
    (ui::ROW_REALLOCATION, |r| Some(r.reallocation), false),
    (ui::ROW_BENEFITS, |r| Some(r.benefits), true),
    (
        ui::ROW_BENEFITS_ACC,
        |r| Some(r.benefits_accumulated),
        false,
    ),
    (ui::ROW_NET, |r| Some(r.net), true),
    (ui::ROW_NET_ACC, |r| Some(r.net_accumulated), false),
    (ui::ROW_RATIO, |r| r.ratio, false),
    (ui::ROW_QUALITY, |r| Some(r.quality_shift), false),
];

pub fn doc<'a>(
    app: &App,
    data: &'a Dataset,
    i: usize,
    detail: &Detail,
    theme: &Theme,
    width: u16,
) -> Doc<'a> {
    let lang = app.lang;
    let mut doc = Doc::default();
    let Some(case) = &data.item(i).case else {
        doc.line(Line::styled(ui::NO_CASE.get(lang), theme.muted()));
        return doc;
    };
    let fits = usize::from(width.saturating_sub(LABEL_WIDTH) / (YEAR_WIDTH + 1)).max(1);
    let first = detail
        .year_offset
        .min(case.years.len().saturating_sub(fits));
    let shown: Vec<YearRow> = case.years.iter().skip(first).take(fits).cloned().collect();
    if shown.len() < case.years.len() {
        let note = format!(
            "{}–{} ({} {})",
            shown.first().map_or(0, |r| r.year),
            shown.last().map_or(0, |r| r.year),
            ui::MORE_YEARS.get(lang),
            "◀ ▶"
        );
        doc.line(Line::styled(note, theme.muted()));
    }
    let has_other = case.years.iter().any(|r| !r.other.is_zero());
    let template = detail.template_scale;
    let height = ROWS.len() as u16 + 1 + u16::from(has_other) + 2 * u16::from(template);
    let table = year_table(&shown, (has_other, template), lang, theme);
    doc.widget(height, move |area, buf| table.render(area, buf));
    doc.blank();
    let totals = case_totals_doc(&data.portfolio, &data.analysis, i, lang);
    doc.append(from_report(&totals, theme, lang, width));
    doc.blank();
    doc.widget(CHART_HEIGHT, chart(case, lang, theme));
    doc
}

/// The yearly table; `extra` adds the other-benefits row and the template's ×10 ratio rows.
fn year_table<'a>(years: &[YearRow], extra: (bool, bool), lang: Lang, theme: &Theme) -> Table<'a> {
    let (has_other, template) = extra;
    let mut header = vec![Cell::from(format!("{} (kr)", ui::YEAR.get(lang)))];
    header.extend(
        years
            .iter()
            .map(|r| Cell::from(Line::from(r.year.to_string()).right_aligned())),
    );
    let mut rows: Vec<Row> = ROWS
        .iter()
        .map(|(label, field, sum)| {
            let style = if *sum { theme.title() } else { theme.text() };
            let is_ratio = *label == ui::ROW_RATIO || *label == ui::ROW_QUALITY;
            let mut cells = vec![Cell::from(Span::styled(label.get(lang), style))];
            cells.extend(years.iter().map(|r| {
                let text = match field(r) {
                    None => ui::NONE.get(lang).to_string(),
                    Some(v) if is_ratio => format_decimal(v, 2, lang),
                    Some(v) => format_number(v, lang),
                };
                // A figure wider than its column ends in `…`; it never loses its sign.
                let text = fit_cell(&text, usize::from(YEAR_WIDTH), Align::Right);
                let value_style = match field(r) {
                    Some(v) if !is_ratio => theme.money(v).patch(if *sum {
                        theme.title()
                    } else {
                        Style::default()
                    }),
                    _ => style,
                };
                Cell::from(Line::styled(text, value_style).right_aligned())
            }));
            Row::new(cells)
        })
        .collect();
    if has_other {
        let mut cells = vec![Cell::from(ui::ROW_OTHER.get(lang))];
        cells.extend(
            years
                .iter()
                .map(|r| Cell::from(Line::from(format_number(r.other, lang)).right_aligned())),
        );
        rows.push(Row::new(cells).style(theme.muted()));
    }
    if template {
        rows.extend(template_rows(years, lang, theme));
    }
    let mut widths = vec![Constraint::Length(LABEL_WIDTH - 1)];
    widths.extend(years.iter().map(|_| Constraint::Length(YEAR_WIDTH)));
    Table::new(rows, widths)
        .header(Row::new(header).style(theme.muted()))
        .column_spacing(1)
}

/// Nacka's spreadsheet shows benefits/costs × 10, and a total that adds the quality shift.
fn template_rows<'a>(years: &[YearRow], lang: Lang, theme: &Theme) -> [Row<'a>; 2] {
    let ten = Decimal::TEN;
    let row = |label: ui::Text, value: &dyn Fn(&YearRow) -> Option<Decimal>| {
        let mut cells = vec![Cell::from(label.get(lang))];
        cells.extend(years.iter().map(|r| {
            let text =
                value(r).map_or_else(|| ui::NONE.get(lang).into(), |v| format_decimal(v, 1, lang));
            Cell::from(Line::from(text).right_aligned())
        }));
        Row::new(cells).style(theme.muted())
    };
    [
        row(ui::ROW_RATIO_TEMPLATE, &|r| r.ratio.map(|x| x * ten)),
        row(ui::ROW_RATIO_TOTAL_TEMPLATE, &|r| {
            r.ratio.map(|x| x * ten + r.quality_shift)
        }),
    ]
}

/// The chart of yearly net (bars) and accumulated net (line), drawn when its piece is visible.
fn chart(case: &CaseResult, lang: Lang, theme: &Theme) -> impl FnOnce(Rect, &mut Buffer) + use<> {
    let f = |d: Decimal| d.to_f64().unwrap_or(0.0);
    let points = |value: fn(&YearRow) -> Decimal| -> Vec<(f64, f64)> {
        case.years
            .iter()
            .map(|r| (f64::from(r.year), f(value(r))))
            .collect()
    };
    let values = case.years.iter().flat_map(|r| [r.net, r.net_accumulated]);
    let lo = values.clone().min().unwrap_or_default().min(Decimal::ZERO);
    let hi = values.max().unwrap_or_default().max(Decimal::ZERO);
    let (first, last) = (
        case.years.first().map_or(0, |r| r.year),
        case.years.last().map_or(0, |r| r.year),
    );
    let x = [f64::from(first) - 0.5, f64::from(last) + 0.5];
    let series = |name, marker, kind, style, points| Series {
        name,
        marker,
        kind,
        style,
        points,
    };
    Plot {
        series: vec![
            // The zero line, unnamed so the legend leaves it out.
            series(
                None,
                Marker::Braille,
                GraphType::Line,
                theme.muted(),
                vec![(x[0], 0.0), (x[1], 0.0)],
            ),
            series(
                Some(ui::CHART_NET.get(lang)),
                Marker::HalfBlock,
                GraphType::Bar,
                theme.chart_net(),
                points(|r| r.net),
            ),
            series(
                Some(ui::CHART_NET_ACC.get(lang)),
                Marker::Braille,
                GraphType::Line,
                theme.chart_accumulated(),
                points(|r| r.net_accumulated),
            ),
        ],
        x: Scale {
            bounds: x,
            labels: [first.to_string(), last.to_string()],
        },
        y: Scale {
            bounds: [f(lo), f(hi).max(f(lo) + 1.0)],
            labels: [format_number(lo, lang), format_number(hi, lang)],
        },
        axis_style: theme.muted(),
    }
    .draw()
}
