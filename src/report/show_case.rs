//! The business case's totals and lines (its yearly tables are in `report::case`), and the
//! benefits of `bered show`.

use rust_decimal::Decimal;

use super::cell::Cell;
use super::doc::Doc;
use super::fmt::{Align, NONE, exact, money, percent};
use crate::eval::Analyzed;
use crate::finance::CaseResult;
use crate::i18n::{Lang, ui, words};
use crate::model::{BenefitFile, BusinessCaseFile, Date, Initiative, Portfolio};
use crate::realisation::BenefitProgress;

/// The case's totals: the same fields under `bered show` and beside the TUI's template table.
pub fn case_totals(
    portfolio: &Portfolio,
    case: &CaseResult,
    cost_of_delay: Option<Decimal>,
    lang: Lang,
) -> Vec<(String, Cell)> {
    let t = &case.totals;
    let rate = exact(
        portfolio.settings.discount_rate.0 * Decimal::ONE_HUNDRED,
        lang,
    );
    let span = match (case.years.first(), case.years.last()) {
        (Some(a), Some(b)) => format!("{}–{}", a.year, b.year),
        _ => NONE.to_string(),
    };
    let payback = t.payback_year.map_or_else(
        || Cell::Text(format!("{} ({span})", ui::NO_PAYBACK.get(lang))),
        |y| Cell::Text(y.to_string()),
    );
    let band = format!(
        "{} – {}",
        money(Some(case.npv_low), lang),
        money(Some(case.npv_high), lang)
    );
    let mut fields = vec![
        (ui::PERIOD.get(lang).to_string(), Cell::Text(span)),
        (
            ui::TOTAL_COSTS.get(lang).to_string(),
            Cell::Money(Some(t.costs)),
        ),
        (
            ui::TOTAL_BENEFITS.get(lang).to_string(),
            Cell::Money(Some(t.benefits)),
        ),
        (
            ui::TOTAL_NET.get(lang).to_string(),
            Cell::Money(Some(t.net)),
        ),
        (
            format!(
                "{} ({} {rate} %)",
                ui::NPV.get(lang),
                ui::DISCOUNT_RATE.get(lang).to_lowercase()
            ),
            Cell::Money(Some(t.npv)),
        ),
        (ui::NPV_BAND.get(lang).to_string(), Cell::Text(band)),
        (ui::RATIO_TOTAL.get(lang).to_string(), Cell::Score(t.ratio)),
        (ui::PAYBACK.get(lang).to_string(), payback),
    ];
    if let Some(yearly) = cost_of_delay {
        fields.push((
            ui::COST_OF_DELAY.get(lang).to_string(),
            Cell::Money(Some(yearly)),
        ));
    }
    fields
}

/// Each line of the case with its kind and, where given, its low–high range.
pub(super) fn line_names(file: &BusinessCaseFile, lang: Lang) -> Vec<String> {
    let lines = file.costs.iter().chain(&file.benefits);
    lines
        .map(|l| {
            let range = l.range.as_ref().map_or(String::new(), |r| {
                let factors: Vec<String> = r.value.iter().map(|f| exact(f.0, lang)).collect();
                format!(" [{}]", factors.join(" – "))
            });
            let kind = words::line_kind(l.kind.value, lang);
            format!("{} ({kind}){range}", l.name)
        })
        .collect()
}

pub fn benefits(doc: &mut Doc, initiative: &Initiative, item: &Analyzed, lang: Lang) {
    if initiative.file.benefits.is_empty() {
        doc.paragraph(ui::NO_BENEFITS.get(lang));
    }
    for (benefit, progress) in initiative.file.benefits.iter().zip(&item.benefits) {
        one_benefit(doc, benefit, progress, lang);
    }
}

fn one_benefit(doc: &mut Doc, b: &BenefitFile, p: &BenefitProgress, lang: Lang) {
    let status = words::benefit_status(p.status, lang);
    doc.heading(3, format!("{} ({}) — {status}", b.title, b.id.value));
    let text = |t: Option<&str>| t.unwrap_or_default().to_string();
    let kind = b.kind.as_ref().map(|k| words::line_kind(k.value, lang));
    let latest = p.latest.map(|(d, v)| format!("{d}: {}", exact(v, lang)));
    let words = |v: &Option<crate::model::Shared>| Cell::Text(text(v.as_deref()));
    doc.field_list(lang)
        .typed(ui::KIND, Cell::Text(kind.unwrap_or_default().to_string()))
        .typed(ui::BENEFIT_OWNER, words(&b.owner))
        .typed(ui::INDICATOR, words(&b.indicator))
        .typed(ui::BASELINE_TARGET, Cell::Text(goal(b, lang)))
        .typed(ui::PERIOD, Cell::Text(period(b)))
        .typed(
            ui::LATEST_MEASUREMENT,
            Cell::Text(latest.unwrap_or_default()),
        )
        .typed(ui::ACHIEVED_PLANNED, Cell::Text(progress(p, lang)))
        .typed(ui::FREED_TIME_USE, words(&b.freed_time_use))
        .typed(ui::CHAIN, words(&b.chain))
        .end();
    follow_ups(doc, b, lang);
}

/// Baseline → target, with a dash for the one missing; empty when both are.
fn goal(b: &BenefitFile, lang: Lang) -> String {
    let figure = |v: Option<Decimal>| v.map_or(NONE.to_string(), |v| exact(v, lang));
    match (&b.baseline, &b.target) {
        (None, None) => String::new(),
        (from, to) => format!(
            "{} → {}",
            figure(from.as_ref().map(|v| v.value.0)),
            figure(to.as_ref().map(|v| v.value.0))
        ),
    }
}

fn period(b: &BenefitFile) -> String {
    let day = |d: Option<Date>| d.map_or(NONE.to_string(), |d| d.to_string());
    let (start, due) = (
        b.start.as_ref().map(|d| d.value),
        b.due.as_ref().map(|d| d.value),
    );
    match (start, due) {
        (None, None) => String::new(),
        _ => format!("{} – {}", day(start), day(due)),
    }
}

fn progress(p: &BenefitProgress, lang: Lang) -> String {
    match (p.achieved, p.planned) {
        (Some(a), Some(pl)) => format!("{} / {}", percent(Some(a), lang), percent(Some(pl), lang)),
        (Some(a), None) => percent(Some(a), lang),
        _ => String::new(),
    }
}

fn follow_ups(doc: &mut Doc, b: &BenefitFile, lang: Lang) {
    if b.follow_up.is_empty() {
        return;
    }
    let rows = b
        .follow_up
        .iter()
        .map(|f| {
            let note = f.note.as_deref().unwrap_or_default().to_string();
            vec![f.date.value.to_string(), exact(f.value.value.0, lang), note]
        })
        .collect();
    let header = [ui::DATE, ui::VALUE, ui::NOTE];
    doc.table(
        &header.map(|h| h.get(lang)),
        &[Align::Left, Align::Right, Align::Left],
        rows,
    );
}
