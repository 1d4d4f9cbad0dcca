//! The business case and the benefits of `bered show`, laid out as Nacka's template: costs,
//! economic benefits and net, each year a row.

use rust_decimal::Decimal;

use super::doc::{Doc, header};
use super::fmt::{Align, NONE, exact, money, percent, score};
use crate::eval::Analyzed;
use crate::finance::{CaseResult, YearRow};
use crate::i18n::{Lang, format_decimal, format_number, words};
use crate::model::{BenefitFile, BusinessCaseFile, Date, Initiative, Portfolio};
use crate::realisation::BenefitProgress;

pub fn business_case(
    doc: &mut Doc,
    portfolio: &Portfolio,
    file: &BusinessCaseFile,
    case: &CaseResult,
    lang: Lang,
) {
    let t = &case.totals;
    let rate = exact(
        portfolio.settings.discount_rate.0 * Decimal::ONE_HUNDRED,
        lang,
    );
    let span = match (case.years.first(), case.years.last()) {
        (Some(a), Some(b)) => format!("{}–{}", a.year, b.year),
        _ => NONE.to_string(),
    };
    let never = lang.pick("inte inom kalkylperioden", "not within the horizon");
    let payback = t
        .payback_year
        .map_or_else(|| format!("{never} ({span})"), |y| y.to_string());
    let band = format!(
        "{} – {}",
        money(Some(t.npv_low), lang),
        money(Some(t.npv_high), lang)
    );
    doc.field_list(lang)
        .add("Period", "Horizon", span.clone())
        .add(
            "Kostnader totalt",
            "Total costs",
            money(Some(t.costs), lang),
        )
        .add(
            "Ekonomiska nyttor totalt",
            "Total economic benefits",
            money(Some(t.benefits), lang),
        )
        .add("Nettonytta", "Net benefit", money(Some(t.net), lang))
        .add(
            &format!("Nuvärde ({rate} %)"),
            &format!("Net present value ({rate} %)"),
            money(Some(t.npv), lang),
        )
        .add("Nuvärde lågt – högt", "NPV low – high", band)
        .add("Nyttokvot", "Benefit/cost ratio", score(t.ratio, lang))
        .add("Återbetald", "Payback", payback)
        .end();
    doc.list(line_names(file, lang));
    costs_table(doc, &case.years, lang);
    benefits_table(doc, &case.years, lang);
    net_table(doc, &case.years, lang);
}

/// Each line of the case with its kind and, where given, its low–high range.
fn line_names(file: &BusinessCaseFile, lang: Lang) -> Vec<String> {
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

const RIGHT: [Align; 6] = [
    Align::Left,
    Align::Right,
    Align::Right,
    Align::Right,
    Align::Right,
    Align::Right,
];

fn costs_table(doc: &mut Doc, years: &[YearRow], lang: Lang) {
    let n = |v| format_number(v, lang);
    doc.heading(3, lang.pick("Kostnader (kr)", "Costs (kr)"));
    let rows = years
        .iter()
        .map(|r| {
            let values = [r.investment, r.operations, r.costs, r.costs_accumulated];
            std::iter::once(r.year.to_string())
                .chain(values.map(n))
                .collect()
        })
        .collect();
    let head = header(
        lang,
        &[
            ("År", "Year"),
            ("Investering", "Investment"),
            ("Förvaltning", "Operations"),
            ("Totalt", "Total"),
            ("Ackumulerat", "Accumulated"),
        ],
    );
    doc.table(&head, &RIGHT, rows);
}

fn benefits_table(doc: &mut Doc, years: &[YearRow], lang: Lang) {
    let n = |v| format_number(v, lang);
    doc.heading(
        3,
        lang.pick("Ekonomiska nyttor (kr)", "Economic benefits (kr)"),
    );
    let rows = years
        .iter()
        .map(|r| {
            let values = [
                r.financial,
                r.reallocation,
                r.benefits,
                r.benefits_accumulated,
                r.other,
            ];
            std::iter::once(r.year.to_string())
                .chain(values.map(n))
                .collect()
        })
        .collect();
    let head = header(
        lang,
        &[
            ("År", "Year"),
            ("Finansiella", "Financial"),
            ("Omfördelning", "Reallocation"),
            ("Totalt", "Total"),
            ("Ackumulerat", "Accumulated"),
            ("Övriga (ej i netto)", "Other (not in net)"),
        ],
    );
    doc.table(&head, &RIGHT, rows);
}

/// Net, its accumulation, the true ratio, the template's ×10 ratio (to compare with Nacka's
/// spreadsheet) and the quality shift.
fn net_table(doc: &mut Doc, years: &[YearRow], lang: Lang) {
    doc.heading(3, lang.pick("Nettonytta", "Net benefit"));
    let rows = years
        .iter()
        .map(|r| {
            let template = r.ratio.map(|q| format_decimal(q * Decimal::TEN, 1, lang));
            vec![
                r.year.to_string(),
                format_number(r.net, lang),
                format_number(r.net_accumulated, lang),
                score(r.ratio, lang),
                template.unwrap_or_else(|| NONE.to_string()),
                format_decimal(r.quality_shift, 2, lang),
            ]
        })
        .collect();
    let head = header(
        lang,
        &[
            ("År", "Year"),
            ("Netto (kr)", "Net (kr)"),
            ("Ackumulerat", "Accumulated"),
            ("Nyttokvot", "Ratio"),
            ("Kvot ×10 (mallen)", "Ratio ×10 (template)"),
            ("Förflyttning", "Quality shift"),
        ],
    );
    doc.table(&head, &RIGHT, rows);
}

pub fn benefits(doc: &mut Doc, initiative: &Initiative, item: &Analyzed, lang: Lang) {
    doc.heading(
        2,
        lang.pick("Nyttor och effektmål", "Benefits and effect goals"),
    );
    if initiative.file.benefits.is_empty() {
        doc.paragraph(lang.pick("Inga nyttor beskrivna.", "No benefits described."));
    }
    for (benefit, progress) in initiative.file.benefits.iter().zip(&item.benefits) {
        one_benefit(doc, benefit, progress, lang);
    }
}

fn one_benefit(doc: &mut Doc, b: &BenefitFile, p: &BenefitProgress, lang: Lang) {
    let status = words::benefit_status(p.status, lang);
    doc.heading(3, format!("{} ({}) — {status}", b.title, b.id.value));
    let text = |t: &Option<String>| t.clone().unwrap_or_default();
    let kind = b.kind.as_ref().map(|k| words::line_kind(k.value, lang));
    let latest = p.latest.map(|(d, v)| format!("{d}: {}", exact(v, lang)));
    doc.field_list(lang)
        .add("Typ", "Kind", kind.unwrap_or_default())
        .add("Nyttoägare", "Benefit owner", text(&b.owner))
        .add("Mått", "Indicator", text(&b.indicator))
        .add("Nollvärde → mål", "Baseline → target", goal(b, lang))
        .add("Period", "Period", period(b))
        .add(
            "Senaste mätning",
            "Latest measurement",
            latest.unwrap_or_default(),
        )
        .add(
            "Uppnått / planerat",
            "Achieved / planned",
            progress(p, lang),
        )
        .add(
            "Frigjord tid används till",
            "Freed time used for",
            text(&b.freed_time_use),
        )
        .add("Effektkedja", "Effect chain", text(&b.chain))
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
            let note = f.note.clone().unwrap_or_default();
            vec![f.date.value.to_string(), exact(f.value.value.0, lang), note]
        })
        .collect();
    let head = header(
        lang,
        &[
            ("Datum", "Date"),
            ("Värde", "Value"),
            ("Anteckning", "Note"),
        ],
    );
    doc.table(&head, &[Align::Left, Align::Right, Align::Left], rows);
}
