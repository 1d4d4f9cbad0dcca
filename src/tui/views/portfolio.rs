//! The portfolio screen: totals, counts per stage, quadrant and gate, the cost of delay, the
//! DiMiOS mirror with the shares behind it, and what the data says not to prioritise.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget};
use rust_decimal::Decimal;

use crate::i18n::{format_money, ui};

use super::super::app::App;
use super::super::data::Dataset;
use super::super::overview::Share;
use super::super::theme::Theme;
use super::doc::Doc;
use super::{fit, gate_symbol};

pub fn render(app: &App, data: &Dataset, theme: &Theme, frame: &mut Frame, area: Rect) {
    let lang = app.lang;
    let o = &data.overview;
    let mut doc = Doc::default();
    let area = Rect {
        x: area.x + 1,
        width: area.width.saturating_sub(2),
        ..area
    };
    doc.line(Line::styled(ui::TOTALS.get(lang), theme.title()));
    let money = |v: Decimal| Span::styled(format_money(v, lang), theme.money(v));
    let row = |doc: &mut Doc<'_>, label: &str, value: Span<'static>| {
        doc.line(Line::from(vec![
            Span::styled(format!("  {label:<40} "), theme.muted()),
            value,
        ]));
    };
    row(
        &mut doc,
        ui::INITIATIVES.get(lang),
        Span::raw(o.total.to_string()),
    );
    if let Some(budget) = o.budget {
        row(&mut doc, ui::BUDGET.get(lang), money(budget));
    }
    row(
        &mut doc,
        ui::PLANNING_YEAR_COST.get(lang),
        money(o.ranked_cost),
    );
    row(&mut doc, ui::NPV_SUM.get(lang), money(o.npv_sum));
    row(
        &mut doc,
        ui::COST_OF_DELAY.get(lang),
        money(o.cost_of_delay),
    );
    doc.line(Line::styled(
        format!("  {}", ui::COST_OF_DELAY_NOTE.get(lang)),
        theme.muted(),
    ));
    doc.blank();
    counts(&mut doc, app, data, theme);
    doc.blank();
    dimios(&mut doc, app, data, theme);
    doc.blank();
    should_not(&mut doc, app, data, theme, area.width);
    doc.render(frame, area, app.portfolio_scroll);
}

fn counts<'a>(doc: &mut Doc<'a>, app: &App, data: &Dataset, theme: &Theme) {
    let lang = app.lang;
    let o = &data.overview;
    let column = |title: ui::Text, rows: Vec<(Line<'static>, usize)>| {
        let mut lines = vec![Line::styled(title.get(lang), theme.title())];
        lines.extend(rows.into_iter().map(|(label, n)| {
            let mut spans = label.spans;
            spans.insert(0, Span::raw(format!("{n:>5}  ")));
            Line::from(spans)
        }));
        lines
    };
    let stages = column(
        ui::PER_STAGE,
        o.per_stage
            .iter()
            .filter(|(_, n)| *n > 0)
            .map(|(id, n)| (Line::raw(ui::stage(id, lang)), *n))
            .collect(),
    );
    let quadrants = column(
        ui::PER_QUADRANT,
        o.per_quadrant
            .iter()
            .map(|(id, n)| (Line::styled(ui::quadrant(id, lang), theme.quadrant(id)), *n))
            .collect(),
    );
    let gates = column(
        ui::PER_GATE,
        o.per_gate
            .iter()
            .map(|(id, n)| {
                let label = format!("{} {}", gate_symbol(id), ui::gate(id, lang));
                (Line::styled(label, theme.gate(id)), *n)
            })
            .collect(),
    );
    let height = stages.len().max(quadrants.len()).max(gates.len()) as u16;
    doc.widget(height, move |area, buf| {
        let cols: [Rect; 3] = Layout::horizontal([
            Constraint::Length(24),
            Constraint::Length(32),
            Constraint::Min(0),
        ])
        .areas(area);
        for (lines, col) in [stages, quadrants, gates].into_iter().zip(cols) {
            Paragraph::new(lines).render(col, buf);
        }
    });
}

fn share_bar(share: Share) -> String {
    let filled = share
        .percent()
        .map_or(0, |p| (p as usize).div_ceil(10))
        .min(10);
    format!("{}{}", "█".repeat(filled), "░".repeat(10 - filled))
}

fn dimios(doc: &mut Doc<'_>, app: &App, data: &Dataset, theme: &Theme) {
    let lang = app.lang;
    let d = &data.overview.dimios;
    doc.line(Line::styled(ui::DIMIOS.get(lang), theme.title()));
    for (share, label) in [
        (d.measurable, ui::SHARE_MEASURABLE),
        (d.owner, ui::SHARE_OWNER),
        (d.plan, ui::SHARE_PLAN),
        (d.follow_up, ui::SHARE_FOLLOW_UP),
        (d.case, ui::SHARE_CASE),
    ] {
        let pct = share
            .percent()
            .map_or_else(|| ui::NONE.get(lang).into(), |p| format!("{p} %"));
        doc.line(Line::from(vec![
            Span::styled(format!("  {} ", share_bar(share)), theme.bar()),
            Span::styled(format!("{pct:>5}  "), theme.text()),
            Span::styled(
                format!("{} ({}/{})", label.get(lang), share.count, share.of),
                theme.muted(),
            ),
        ]));
    }
    doc.line(Line::styled(
        format!("  {}", ui::dimios_data_level(d.level, lang)),
        theme.title(),
    ));
    for level in 1..=4u8 {
        let (mark, style) = if level == d.level {
            ("▶", theme.text())
        } else {
            (" ", theme.muted())
        };
        doc.line(Line::styled(
            format!("  {mark} {}", ui::dimios_level(level, lang)),
            style,
        ));
    }
}

fn should_not(doc: &mut Doc<'_>, app: &App, data: &Dataset, theme: &Theme, width: u16) {
    let lang = app.lang;
    let list = &data.overview.should_not;
    doc.line(Line::styled(
        format!("{} ({})", ui::SHOULD_NOT.get(lang), list.len()),
        theme.title(),
    ));
    for (i, reasons) in list {
        let initiative = data.initiative(*i);
        let reasons: Vec<&str> = reasons.iter().map(|r| ui::flag(r, lang)).collect();
        let title = fit(initiative.title(), usize::from(width / 2).max(20));
        doc.line(Line::from(vec![
            Span::styled(format!("  #{:<4} ", data.item(*i).rank), theme.muted()),
            Span::styled(title, theme.text()),
            Span::styled(format!("  ⚑ {}", reasons.join(", ")), theme.flag()),
        ]));
    }
}
