//! The business case tab: the shared business-case document (`report::case`: the yearly table
//! laid out as Nacka's template, years across, the totals with NPV, payback and the low/high band,
//! the lines) for the years that fit from the scroll offset, and a chart of yearly and accumulated
//! net, which only the TUI draws.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::symbols::Marker;
use ratatui::text::Line;
use ratatui::widgets::GraphType;
use rust_decimal::Decimal;
use rust_decimal::prelude::ToPrimitive;

use crate::i18n::{Lang, format_number, ui};

use super::super::app::{App, Detail};
use super::super::theme::Theme;
use super::doc::{Doc, from_report};
use super::plot::{Plot, Scale, Series};
use crate::finance::{CaseResult, YearRow};
use crate::report::case::{CaseView, case_doc};
use crate::report::dataset::Dataset;
use crate::report::doc::{Block, Doc as Report};

const CHART_HEIGHT: u16 = 12;

pub fn doc<'a>(
    app: &App,
    data: &'a Dataset,
    i: usize,
    detail: &Detail,
    theme: &Theme,
    width: u16,
) -> Doc<'a> {
    let lang = app.lang;
    let (portfolio, analysis) = (&data.portfolio, &data.analysis);
    let years = data.item(i).case.as_ref().map_or(0, |c| c.horizon);
    let template = detail.template_scale;
    let view = CaseView::window(years, 0, years, template);
    let mut report = case_doc(portfolio, analysis, i, &view, lang);
    let (first, count) = years_that_fit(&report, detail.year_offset, lang, width);
    let mut doc = Doc::default();
    if count < years {
        let view = CaseView::window(years, first, count, template);
        report = case_doc(portfolio, analysis, i, &view, lang);
        if let Some(case) = &data.item(i).case {
            let year = |n: usize| case.year_at(n).unwrap_or(0);
            let note = format!(
                "{}–{} ({} ◀ ▶)",
                year(first),
                year(first + count - 1),
                ui::MORE_YEARS.get(lang),
            );
            doc.line(Line::styled(note, theme.muted()));
        }
    }
    // Each block of the document on its own, a blank line after the yearly table.
    for block in report.blocks {
        let table = matches!(block, Block::Table { .. });
        let one = Report {
            blocks: vec![block],
        };
        doc.append(from_report(&one, theme, lang, width));
        if table {
            doc.blank();
        }
    }
    if let Some(file) = &portfolio.initiatives[i].file.business_case {
        let case = crate::finance::compute(file, &portfolio.settings);
        doc.blank();
        doc.widget(CHART_HEIGHT, chart(&case, lang, theme));
    }
    doc
}

/// The first year and how many years of the document's first table (all the years) fit across
/// `width` from `offset`, as `from_report` lays a table out: two spaces before and between
/// columns, each as wide as its widest cell. When the last years leave room, earlier ones fill it.
fn years_that_fit(report: &Report, offset: usize, lang: Lang, width: u16) -> (usize, usize) {
    let Some(Block::Table { header, rows, .. }) = report
        .blocks
        .iter()
        .find(|b| matches!(b, Block::Table { .. }))
    else {
        return (0, 0);
    };
    let column = |n: usize| {
        let cells = rows.iter().filter_map(|r| r.get(n));
        let widest = cells.map(|c| c.render(lang).chars().count()).max();
        let head = header.get(n).map_or(0, |h| h.chars().count());
        widest.unwrap_or(0).max(head) + 2
    };
    let years: Vec<usize> = (1..header.len()).map(column).collect();
    let room = usize::from(width).saturating_sub(column(0));
    let mut first = offset.min(years.len().saturating_sub(1));
    let (mut end, mut used) = (first, 0);
    while end < years.len() && used + years[end] <= room {
        used += years[end];
        end += 1;
    }
    while end == years.len() && first > 0 && used + years[first - 1] <= room {
        first -= 1;
        used += years[first];
    }
    // At least one year, cut with `…` if it must be.
    (first, (end - first).max(1).min(years.len()))
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
