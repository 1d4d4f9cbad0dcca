//! The portfolio screen, from the engine's summary: totals, counts per stage, quadrant and gate,
//! the cost of delay, the DiMiOS mirror with the shares behind it, and what the data says not
//! to prioritise.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget};
use rust_decimal::Decimal;

use crate::i18n::{format_money, ui, words};

use super::super::app::App;
use super::super::theme::Theme;
use super::doc::Doc;
use super::{fit, gate_label};
use crate::realisation::Share;
use crate::report::dataset::Dataset;

pub fn render(app: &App, data: &Dataset, theme: &Theme, frame: &mut Frame, area: Rect) {
    let area = Rect {
        x: area.x + 1,
        width: area.width.saturating_sub(2),
        ..area
    };
    let mut doc = Doc::default();
    totals(&mut doc, app, data, theme);
    doc.blank();
    counts(&mut doc, app, data, theme);
    doc.blank();
    dimios(&mut doc, app, data, theme);
    doc.blank();
    should_not(&mut doc, app, data, theme, area.width);
    doc.render(frame, area, app.portfolio_scroll);
}

fn totals(doc: &mut Doc<'_>, app: &App, data: &Dataset, theme: &Theme) {
    let lang = app.lang;
    let s = &data.summary;
    let r = &s.ranked;
    let money = |v: Decimal| Span::styled(format_money(v, lang), theme.money(v));
    let row = |doc: &mut Doc<'_>, label: &str, value: Span<'static>| {
        doc.line(Line::from(vec![
            Span::styled(format!("  {label:<40} "), theme.muted()),
            value,
        ]));
    };
    doc.line(Line::styled(ui::TOTALS.get(lang), theme.title()));
    row(
        doc,
        ui::INITIATIVES.get(lang),
        Span::raw(s.initiatives.to_string()),
    );
    if let Some(budget) = r.budget {
        row(doc, ui::BUDGET.get(lang), money(budget));
    }
    let year = ui::planning_year_cost(r.planning_year, lang);
    row(doc, &year, money(r.planning_year_cost));
    if r.budget.is_some() {
        let split = ui::budget_split(r.within_budget, r.beyond_budget, lang);
        doc.line(Line::styled(format!("  {:<40} {split}", ""), theme.muted()));
    }
    doc.line(Line::styled(
        format!(
            "  {} ({})",
            ui::RANKED_TOTALS.get(lang),
            ui::with_case(r.with_case, r.count, lang)
        ),
        theme.muted(),
    ));
    row(doc, ui::TOTAL_COSTS.get(lang), money(r.costs));
    row(doc, ui::TOTAL_BENEFITS.get(lang), money(r.benefits));
    row(doc, ui::TOTAL_NET.get(lang), money(r.net));
    row(doc, ui::NPV_SUM.get(lang), money(r.npv));
    row(
        doc,
        ui::COST_OF_DELAY.get(lang),
        money(s.cost_of_delay.yearly),
    );
    doc.line(Line::styled(
        format!("  {}", ui::COST_OF_DELAY_NOTE.get(lang)),
        theme.muted(),
    ));
    for (i, yearly) in s.cost_of_delay.items.iter().take(3) {
        doc.line(Line::from(vec![
            Span::styled(
                format!("    {} ", fit(data.initiative(*i).title(), 38)),
                theme.text(),
            ),
            money(*yearly),
        ]));
    }
}

fn counts(doc: &mut Doc<'_>, app: &App, data: &Dataset, theme: &Theme) {
    let lang = app.lang;
    let s = &data.summary;
    let column = |title: ui::Text, rows: Vec<(Line<'static>, usize)>| {
        let mut lines = vec![Line::styled(title.get(lang), theme.title())];
        lines.extend(rows.into_iter().map(|(label, n)| {
            let mut spans = label.spans;
            spans.insert(0, Span::raw(format!("{n:>5}  ")));
            Line::from(spans)
        }));
        lines
    };
    let stages = s
        .by_stage
        .iter()
        .filter(|(_, n)| *n > 0)
        .map(|(stage, n)| {
            let label = stage.map_or(ui::NO_STAGE.get(lang), |st| words::stage(st, lang));
            (Line::raw(label), *n)
        })
        .collect();
    let quadrants = s
        .by_quadrant
        .iter()
        .map(|(q, n)| {
            let id = q.map_or("", |q| q.id());
            let label = q.map_or(ui::NOT_PLACED.get(lang), |q| words::quadrant(q, lang));
            (Line::styled(label, theme.quadrant(id)), *n)
        })
        .collect();
    let gates = s
        .by_gate
        .iter()
        .map(|(g, n)| (Line::styled(gate_label(*g, lang), theme.gate(g.id())), *n))
        .collect();
    let columns = [
        column(ui::PER_STAGE, stages),
        column(ui::PER_QUADRANT, quadrants),
        column(ui::PER_GATE, gates),
    ];
    let height = columns.iter().map(Vec::len).max().unwrap_or(0) as u16;
    doc.widget(height, move |area, buf| {
        let cols: [Rect; 3] = Layout::horizontal([
            Constraint::Length(24),
            Constraint::Length(32),
            Constraint::Min(0),
        ])
        .areas(area);
        for (lines, col) in columns.into_iter().zip(cols) {
            Paragraph::new(lines).render(col, buf);
        }
    });
}

fn share_bar(share: Share) -> String {
    let filled = if share.total == 0 {
        0
    } else {
        (share.count * 10).div_ceil(share.total).min(10)
    };
    format!("{}{}", "█".repeat(filled), "░".repeat(10 - filled))
}

fn dimios(doc: &mut Doc<'_>, app: &App, data: &Dataset, theme: &Theme) {
    let lang = app.lang;
    let m = &data.summary.maturity;
    doc.line(Line::styled(ui::DIMIOS.get(lang), theme.title()));
    doc.line(Line::styled(
        format!("  {}", ui::dimios_population(m.population, lang)),
        theme.muted(),
    ));
    for (share, label) in [
        (m.measurable_goals, ui::SHARE_MEASURABLE),
        (m.benefit_owners, ui::SHARE_OWNER),
        (m.plans, ui::SHARE_PLAN),
        (m.current_follow_up, ui::SHARE_FOLLOW_UP),
        (m.business_case, ui::SHARE_CASE),
    ] {
        let pct = match share.total {
            0 => ui::NONE.get(lang).to_string(),
            t => format!("{} %", share.count * 100 / t),
        };
        doc.line(Line::from(vec![
            Span::styled(format!("  {} ", share_bar(share)), theme.bar()),
            Span::styled(format!("{pct:>5}  "), theme.text()),
            Span::styled(
                format!("{} ({}/{})", label.get(lang), share.count, share.total),
                theme.muted(),
            ),
        ]));
    }
    let levels = ui::dimios_levels(m.benefit_realisation, m.benefit_control, lang);
    doc.line(Line::styled(format!("  {levels}"), theme.title()));
    for level in 1..=4u8 {
        let (mark, style) = if Some(level) == m.benefit_realisation {
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
    let list = &data.summary.should_not_prioritise;
    doc.line(Line::styled(
        format!("{} ({})", ui::SHOULD_NOT.get(lang), list.len()),
        theme.title(),
    ));
    for entry in list {
        let i = entry.index;
        let reasons: Vec<&str> = entry
            .reasons
            .iter()
            .map(|r| words::not_prioritise(*r, lang))
            .collect();
        let title = fit(data.initiative(i).title(), usize::from(width / 2).max(20));
        doc.line(Line::from(vec![
            Span::styled(format!("  #{:<4} ", data.item(i).rank), theme.muted()),
            Span::styled(title, theme.text()),
            Span::styled(format!("  ⚑ {}", reasons.join(", ")), theme.flag()),
        ]));
    }
}
