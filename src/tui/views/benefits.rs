//! The benefits tab: each benefit's effect chain, owner, indicator, baseline → target, status,
//! and its follow-ups against the planned line as a small chart.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::symbols::Marker;
use ratatui::text::{Line, Span};
use ratatui::widgets::GraphType;
use rust_decimal::Decimal;
use rust_decimal::prelude::ToPrimitive;

use crate::i18n::{Lang, format_decimal, ui, words};
use crate::model::{BenefitFile, Date, Dec, Located};

use super::super::app::App;
use super::super::theme::Theme;
use super::doc::Doc;
use super::plot::{Plot, Scale, Series};
use crate::realisation::BenefitStatus;
use crate::report::dataset::Dataset;

const CHART_HEIGHT: u16 = 8;

pub fn doc<'a>(app: &App, data: &'a Dataset, i: usize, theme: &Theme) -> Doc<'a> {
    let lang = app.lang;
    let mut doc = Doc::default();
    let benefits = &data.initiative(i).file.benefits;
    if benefits.is_empty() {
        doc.line(Line::styled(ui::NO_BENEFITS.get(lang), theme.muted()));
        return doc;
    }
    let progress = &data.item(i).benefits;
    for (n, benefit) in benefits.iter().enumerate() {
        let status = progress
            .iter()
            .find(|p| p.id == benefit.id.value)
            .or(progress.get(n))
            .map_or(BenefitStatus::NotFollowedUp, |p| p.status);
        one(&mut doc, benefit, status, lang, theme);
        doc.blank();
    }
    doc
}

fn one(doc: &mut Doc<'_>, b: &BenefitFile, status: BenefitStatus, lang: Lang, theme: &Theme) {
    heading(doc, b, status, lang, theme);
    fields(doc, b, lang, theme);
    follow_ups(doc, b, lang, theme);
    let plan = (
        b.start.as_ref().map(|d| d.value),
        b.due.as_ref().map(|d| d.value),
        b.baseline.as_ref().map(|v| v.value.0),
        b.target.as_ref().map(|v| v.value.0),
    );
    if let (Some(start), Some(due), Some(baseline), Some(target)) = plan {
        let measured: Vec<(Date, Decimal)> = b
            .follow_up
            .iter()
            .map(|f| (f.date.value, f.value.value.0))
            .collect();
        let plan = Plan {
            start,
            due,
            baseline,
            target,
        };
        doc.widget(CHART_HEIGHT, chart(plan, measured, lang, theme));
    }
}

fn heading(doc: &mut Doc<'_>, b: &BenefitFile, status: BenefitStatus, lang: Lang, theme: &Theme) {
    let kind = b
        .kind
        .as_ref()
        .map_or("", |k| words::line_kind(k.value, lang));
    let status_style = match status {
        BenefitStatus::Realised | BenefitStatus::OnTrack => theme.positive(),
        BenefitStatus::AtRisk => theme.warning(),
        BenefitStatus::Behind | BenefitStatus::NotFollowedUp => theme.negative(),
        BenefitStatus::NotStarted => theme.muted(),
    };
    doc.line(Line::from(vec![
        Span::styled(format!("{} ", b.title), theme.title()),
        Span::styled(format!("({}) ", b.id.value), theme.muted()),
        Span::styled(kind.to_string(), theme.muted()),
        Span::styled(
            format!("  ● {}", words::benefit_status(status, lang)),
            status_style,
        ),
    ]));
}

/// Chain, owner, indicator, baseline → target, period and the use of freed time.
fn fields(doc: &mut Doc<'_>, b: &BenefitFile, lang: Lang, theme: &Theme) {
    let none = || ui::NONE.get(lang).to_string();
    let field = |doc: &mut Doc<'_>, label: ui::Text, value: String| {
        doc.line(Line::from(vec![
            Span::styled(format!("  {}: ", label.get(lang)), theme.muted()),
            Span::styled(value, theme.text()),
        ]));
    };
    field(doc, ui::CHAIN, b.chain.clone().unwrap_or_else(none));
    field(doc, ui::BENEFIT_OWNER, b.owner.clone().unwrap_or_else(none));
    field(doc, ui::INDICATOR, b.indicator.clone().unwrap_or_else(none));
    let num = |v: Option<&Located<Dec>>| v.map_or_else(none, |v| trimmed(v.value.0, lang));
    let values = format!("{} → {}", num(b.baseline.as_ref()), num(b.target.as_ref()));
    field(doc, ui::BASELINE_TARGET, values);
    let date = |d: Option<&Located<Date>>| d.map_or_else(none, |d| d.value.to_string());
    let period = format!("{} – {}", date(b.start.as_ref()), date(b.due.as_ref()));
    field(doc, ui::PERIOD, period);
    if let Some(use_) = &b.freed_time_use {
        field(doc, ui::FREED_TIME_USE, use_.clone());
    }
}

fn follow_ups(doc: &mut Doc<'_>, b: &BenefitFile, lang: Lang, theme: &Theme) {
    doc.line(Line::styled(
        format!("  {}:", ui::FOLLOW_UPS.get(lang)),
        theme.muted(),
    ));
    if b.follow_up.is_empty() {
        doc.line(Line::styled(
            format!("    {}", ui::NO_FOLLOW_UPS.get(lang)),
            theme.muted(),
        ));
    }
    for f in &b.follow_up {
        let note = f
            .note
            .as_deref()
            .map(|n| format!("  {n}"))
            .unwrap_or_default();
        let value = trimmed(f.value.value.0, lang);
        doc.line(format!("    {}  {value}{note}", f.date.value));
    }
}

/// A decimal with as many places as it needs (42, 3,5).
fn trimmed(v: Decimal, lang: Lang) -> String {
    let places = v.normalize().scale().min(4);
    format_decimal(v, places, lang)
}

struct Plan {
    start: Date,
    due: Date,
    baseline: Decimal,
    target: Decimal,
}

fn chart(
    plan: Plan,
    measured: Vec<(Date, Decimal)>,
    lang: Lang,
    theme: &Theme,
) -> impl FnOnce(Rect, &mut Buffer) + use<> {
    let x = |d: Date| d.days() as f64;
    let y = |v: Decimal| v.to_f64().unwrap_or(0.0);
    let planned = vec![
        (x(plan.start), y(plan.baseline)),
        (x(plan.due), y(plan.target)),
    ];
    let points: Vec<(f64, f64)> = measured.iter().map(|(d, v)| (x(*d), y(*v))).collect();
    let values = measured
        .iter()
        .map(|m| m.1)
        .chain([plan.baseline, plan.target]);
    let lo = values.clone().min().unwrap_or_default();
    let hi = values.max().unwrap_or_default();
    let x_end = measured
        .iter()
        .map(|m| m.0)
        .chain([plan.due])
        .max()
        .unwrap_or(plan.due);
    let bounds_x = [x(plan.start), x(x_end).max(x(plan.start) + 1.0)];
    let bounds_y = [y(lo), y(hi).max(y(lo) + 1.0)];
    let draw = Plot {
        series: vec![
            Series {
                name: Some(ui::PLANNED.get(lang)),
                marker: Marker::Braille,
                kind: GraphType::Line,
                style: theme.chart_net(),
                points: planned,
            },
            Series {
                name: Some(ui::MEASURED.get(lang)),
                marker: Marker::Dot,
                kind: GraphType::Scatter,
                style: theme.chart_accumulated(),
                points,
            },
        ],
        x: Scale {
            bounds: bounds_x,
            labels: [plan.start.to_string(), x_end.to_string()],
        },
        y: Scale {
            bounds: bounds_y,
            labels: [trimmed(lo, lang), trimmed(hi, lang)],
        },
        axis_style: theme.muted(),
    }
    .draw();
    // Indented under its benefit, and no wider than a timeline needs to be.
    move |area, buf| {
        let inset = Rect {
            x: area.x + 2,
            width: area.width.saturating_sub(2).min(72),
            ..area
        };
        draw(inset, buf);
    }
}
