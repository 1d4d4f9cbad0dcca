//! `bered show ID`: everything about one initiative — the score explained criterion by
//! criterion, the business case year by year, the benefits with their status, flags, decisions.

use std::fmt;

use rust_decimal::Decimal;

use super::doc::Doc;
use super::fmt::{Align, NONE, money, percent, score};
use crate::eval::{Analysis, Analyzed};
use crate::finance::CaseResult;
use crate::i18n::{Lang, format_decimal, format_number, words};
use crate::model::{BenefitFile, BusinessCaseFile, Group, Initiative, Portfolio};
use crate::realisation::BenefitProgress;

/// No initiative has the id asked for; `suggestions` holds ids that resemble it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UnknownInitiative {
    pub id: String,
    pub suggestions: Vec<String>,
}

impl fmt::Display for UnknownInitiative {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "no initiative with id `{}`", self.id)?;
        match self.suggestions.as_slice() {
            [] => Ok(()),
            [one] => write!(f, "; did you mean `{one}`?"),
            many => write!(f, "; did you mean one of: {}?", many.join(", ")),
        }
    }
}

impl std::error::Error for UnknownInitiative {}

/// The index of the initiative with this id. Otherwise the ids that contain it, or that it
/// contains, are offered (at most five).
pub fn find_initiative(portfolio: &Portfolio, id: &str) -> Result<usize, UnknownInitiative> {
    if let Some(i) = portfolio.initiatives.iter().position(|i| i.id == id) {
        return Ok(i);
    }
    let wanted = id.to_lowercase();
    let suggestions = portfolio
        .initiatives
        .iter()
        .map(|i| &i.id)
        .filter(|candidate| {
            let c = candidate.to_lowercase();
            !wanted.is_empty() && (c.contains(&wanted) || wanted.contains(&c))
        })
        .take(5)
        .cloned()
        .collect();
    Err(UnknownInitiative {
        id: id.to_string(),
        suggestions,
    })
}

pub fn show_text(portfolio: &Portfolio, analysis: &Analysis, index: usize, lang: Lang) -> String {
    show_doc(portfolio, analysis, index, lang).to_text()
}

pub fn show_markdown(
    portfolio: &Portfolio,
    analysis: &Analysis,
    index: usize,
    lang: Lang,
) -> String {
    show_doc(portfolio, analysis, index, lang).to_markdown()
}

fn show_doc(portfolio: &Portfolio, analysis: &Analysis, index: usize, lang: Lang) -> Doc {
    let (initiative, item) = (&portfolio.initiatives[index], &analysis.items[index]);
    let mut doc = Doc::default();
    about(&mut doc, portfolio, initiative, lang);
    evaluation(&mut doc, portfolio, analysis, index, lang);
    doc.heading(2, lang.pick("Nyttokalkyl", "Business case"));
    match (&initiative.file.business_case, &item.case) {
        (Some(file), Some(case)) => business_case(&mut doc, portfolio, file, case, lang),
        _ => doc.paragraph(lang.pick("Ingen nyttokalkyl.", "No business case.")),
    }
    benefits(&mut doc, initiative, item, lang);
    doc.heading(2, lang.pick("Flaggor", "Flags"));
    if item.flags.is_empty() {
        doc.paragraph(lang.pick("Inga flaggor.", "No flags."));
    } else {
        doc.list(item.flags.iter().map(|f| f.reason(lang)).collect());
    }
    decisions(&mut doc, initiative, lang);
    doc
}

fn about(doc: &mut Doc, portfolio: &Portfolio, initiative: &Initiative, lang: Lang) {
    let file = &initiative.file;
    doc.heading(1, format!("{} ({})", initiative.title(), initiative.id));
    let goal_name = |id: &str| {
        let goals = &portfolio.settings.strategic_goals;
        goals
            .iter()
            .find(|g| g.id == id)
            .map_or(id.to_string(), |g| g.name.clone())
    };
    let goals: Vec<String> = file.goals.iter().map(|g| goal_name(&g.value)).collect();
    doc.fields(vec![
        (
            lang.pick("Enhet", "Unit"),
            file.unit.clone().unwrap_or_default(),
        ),
        (
            lang.pick("Ansvarig", "Owner"),
            file.owner.clone().unwrap_or_default(),
        ),
        (
            lang.pick("Inlämnad", "Submitted"),
            file.submitted
                .as_ref()
                .map(|d| d.value.to_string())
                .unwrap_or_default(),
        ),
        (
            lang.pick("Steg", "Stage"),
            initiative
                .stage()
                .map(|s| words::stage(s, lang).to_string())
                .unwrap_or_default(),
        ),
        (lang.pick("Taggar", "Tags"), file.tags.join(", ")),
        (
            lang.pick("Strategiska mål", "Strategic goals"),
            goals.join(" · "),
        ),
        (
            lang.pick("Fil", "File"),
            initiative.path.display().to_string(),
        ),
    ]);
    if let Some(summary) = file.summary.as_deref().filter(|s| !s.trim().is_empty()) {
        doc.paragraph(summary.trim());
    }
    if !file.hypotheses.is_empty() {
        doc.heading(3, lang.pick("Hypoteser", "Hypotheses"));
        doc.list(file.hypotheses.clone());
    }
}

fn evaluation(doc: &mut Doc, portfolio: &Portfolio, analysis: &Analysis, index: usize, lang: Lang) {
    let item = &analysis.items[index];
    let e = &item.eval;
    doc.heading(2, lang.pick("Bedömning", "Evaluation"));
    let rank = format!(
        "{} / {} · {}",
        item.rank,
        analysis.items.len(),
        words::group(item.group, lang)
    );
    let priority = format!(
        "{} = {} × {}",
        score(e.priority, lang),
        score(e.benefit_score, lang),
        score(e.feasibility_score, lang)
    );
    let gate = format!(
        "{} {}",
        words::gate_symbol(e.gate),
        words::gate(e.gate, lang)
    );
    let gate_rule = portfolio.model.gate.as_ref().map(|g| {
        let name = criterion_name(portfolio, &g.criterion, lang);
        format!(" ({name} ≥ {})", g.min)
    });
    doc.fields(vec![
        (lang.pick("Rang", "Rank"), rank),
        (
            lang.pick(
                "Prioritet = nytta × genomförbarhet",
                "Priority = benefit × feasibility",
            ),
            priority,
        ),
        (
            lang.pick("Grind", "Gate"),
            gate + gate_rule.as_deref().unwrap_or(""),
        ),
        (
            lang.pick("Kvadrant", "Quadrant"),
            e.quadrant
                .map(|q| words::quadrant(q, lang).to_string())
                .unwrap_or_default(),
        ),
        (
            lang.pick("Ej bedömda", "Unscored"),
            e.missing
                .iter()
                .map(|m| criterion_name(portfolio, m, lang))
                .collect::<Vec<_>>()
                .join(", "),
        ),
    ]);
    let mut rows = Vec::new();
    for (group, label, total) in [
        (
            Group::Benefit,
            lang.pick("Nytta", "Benefit"),
            e.benefit_score,
        ),
        (
            Group::Feasibility,
            lang.pick("Genomförbarhet", "Feasibility"),
            e.feasibility_score,
        ),
    ] {
        for c in e.criteria.iter().filter(|c| c.group == group) {
            rows.push(vec![
                criterion_name(portfolio, &c.id, lang),
                c.score.map_or(NONE.to_string(), |s| s.to_string()),
                format_decimal(c.weight, c.weight.normalize().scale(), lang),
                score(c.contribution, lang),
            ]);
        }
        rows.push(vec![
            format!("= {label}"),
            String::new(),
            String::new(),
            score(total, lang),
        ]);
    }
    let header = [
        lang.pick("Kriterium", "Criterion"),
        lang.pick("Poäng", "Score"),
        lang.pick("Vikt", "Weight"),
        lang.pick("Bidrag", "Contribution"),
    ];
    doc.table(
        &header,
        &[Align::Left, Align::Right, Align::Right, Align::Right],
        rows,
    );
    let motivations: Vec<String> = e
        .criteria
        .iter()
        .filter_map(|c| {
            Some(format!(
                "{}: {}",
                criterion_name(portfolio, &c.id, lang),
                c.motivation.as_deref()?
            ))
        })
        .collect();
    if !motivations.is_empty() {
        doc.heading(3, lang.pick("Motiveringar", "Motivations"));
        doc.list(motivations);
    }
}

fn criterion_name(portfolio: &Portfolio, id: &str, lang: Lang) -> String {
    portfolio.model.criterion(id).map_or(id.to_string(), |c| {
        lang.pick(&c.name_sv, &c.name_en).to_string()
    })
}

fn business_case(
    doc: &mut Doc,
    portfolio: &Portfolio,
    file: &BusinessCaseFile,
    case: &CaseResult,
    lang: Lang,
) {
    let t = &case.totals;
    let rate = portfolio.settings.discount_rate.0 * Decimal::ONE_HUNDRED;
    let span = match (case.years.first(), case.years.last()) {
        (Some(a), Some(b)) => format!("{}–{}", a.year, b.year),
        _ => NONE.to_string(),
    };
    let payback = t.payback_year.map_or_else(
        || {
            format!(
                "{} ({span})",
                lang.pick("inte inom kalkylperioden", "not within the horizon")
            )
        },
        |y| y.to_string(),
    );
    doc.fields(vec![
        (lang.pick("Period", "Horizon"), span.clone()),
        (
            lang.pick("Kostnader totalt", "Total costs"),
            money(Some(t.costs), lang),
        ),
        (
            lang.pick("Ekonomiska nyttor totalt", "Total economic benefits"),
            money(Some(t.benefits), lang),
        ),
        (
            lang.pick("Nettonytta", "Net benefit"),
            money(Some(t.net), lang),
        ),
        (
            &format!(
                "{} ({} %)",
                lang.pick("Nuvärde", "Net present value"),
                format_decimal(rate, rate.normalize().scale(), lang)
            ),
            money(Some(t.npv), lang),
        ),
        (
            lang.pick("Nuvärde lågt – högt", "NPV low – high"),
            format!(
                "{} – {}",
                money(Some(t.npv_low), lang),
                money(Some(t.npv_high), lang)
            ),
        ),
        (
            lang.pick("Nyttokvot", "Benefit/cost ratio"),
            score(t.ratio, lang),
        ),
        (lang.pick("Återbetald", "Payback"), payback),
    ]);
    let lines: Vec<String> = file
        .costs
        .iter()
        .chain(&file.benefits)
        .map(|l| {
            let range = l.range.as_ref().map(|r| {
                let parts: Vec<String> = r
                    .value
                    .iter()
                    .map(|f| format_decimal(f.0, f.0.normalize().scale(), lang))
                    .collect();
                format!(" [{}]", parts.join(" – "))
            });
            format!(
                "{} ({}){}",
                l.name,
                words::line_kind(l.kind.value, lang),
                range.unwrap_or_default()
            )
        })
        .collect();
    doc.list(lines);
    case_tables(doc, case, lang);
}

fn case_tables(doc: &mut Doc, case: &CaseResult, lang: Lang) {
    let n = |v: Decimal| format_number(v, lang);
    let right = [
        Align::Left,
        Align::Right,
        Align::Right,
        Align::Right,
        Align::Right,
        Align::Right,
    ];
    let year = lang.pick("År", "Year");
    doc.heading(3, lang.pick("Kostnader (kr)", "Costs (kr)"));
    let rows = case
        .years
        .iter()
        .map(|r| {
            vec![
                r.year.to_string(),
                n(r.investment),
                n(r.operations),
                n(r.costs),
                n(r.costs_accumulated),
            ]
        })
        .collect();
    doc.table(
        &[
            year,
            lang.pick("Investering", "Investment"),
            lang.pick("Förvaltning", "Operations"),
            lang.pick("Totalt", "Total"),
            lang.pick("Ackumulerat", "Accumulated"),
        ],
        &right,
        rows,
    );
    doc.heading(
        3,
        lang.pick("Ekonomiska nyttor (kr)", "Economic benefits (kr)"),
    );
    let rows = case
        .years
        .iter()
        .map(|r| {
            vec![
                r.year.to_string(),
                n(r.financial),
                n(r.reallocation),
                n(r.benefits),
                n(r.benefits_accumulated),
                n(r.other),
            ]
        })
        .collect();
    doc.table(
        &[
            year,
            lang.pick("Finansiella", "Financial"),
            lang.pick("Omfördelning", "Reallocation"),
            lang.pick("Totalt", "Total"),
            lang.pick("Ackumulerat", "Accumulated"),
            lang.pick("Övriga (ej i netto)", "Other (not in net)"),
        ],
        &right,
        rows,
    );
    doc.heading(3, lang.pick("Nettonytta", "Net benefit"));
    let rows = case
        .years
        .iter()
        .map(|r| {
            let template = r.ratio.map(|q| q * Decimal::TEN);
            vec![
                r.year.to_string(),
                n(r.net),
                n(r.net_accumulated),
                score(r.ratio, lang),
                template.map_or(NONE.to_string(), |q| format_decimal(q, 1, lang)),
                format_decimal(r.quality_shift, 2, lang),
            ]
        })
        .collect();
    doc.table(
        &[
            year,
            lang.pick("Netto (kr)", "Net (kr)"),
            lang.pick("Ackumulerat", "Accumulated"),
            lang.pick("Nyttokvot", "Ratio"),
            lang.pick("Kvot ×10 (mallen)", "Ratio ×10 (template)"),
            lang.pick("Förflyttning", "Quality shift"),
        ],
        &right,
        rows,
    );
}

fn benefits(doc: &mut Doc, initiative: &Initiative, item: &Analyzed, lang: Lang) {
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
    let value = |v: Decimal| format_decimal(v, v.normalize().scale(), lang);
    let goal = match (&b.baseline, &b.target) {
        (None, None) => String::new(),
        (baseline, target) => format!(
            "{} → {}",
            baseline
                .as_ref()
                .map_or(NONE.to_string(), |v| value(v.value.0)),
            target
                .as_ref()
                .map_or(NONE.to_string(), |v| value(v.value.0))
        ),
    };
    let dates = match (&b.start, &b.due) {
        (None, None) => String::new(),
        (s, u) => format!(
            "{} – {}",
            s.as_ref().map_or(NONE.to_string(), |d| d.value.to_string()),
            u.as_ref().map_or(NONE.to_string(), |d| d.value.to_string())
        ),
    };
    let latest = p
        .latest
        .map(|(d, v)| format!("{d}: {}", value(v)))
        .unwrap_or_default();
    let progress = match (p.achieved, p.planned) {
        (Some(a), Some(pl)) => format!("{} / {}", percent(Some(a), lang), percent(Some(pl), lang)),
        (Some(a), None) => percent(Some(a), lang),
        _ => String::new(),
    };
    doc.fields(vec![
        (
            lang.pick("Typ", "Kind"),
            b.kind
                .as_ref()
                .map(|k| words::line_kind(k.value, lang).to_string())
                .unwrap_or_default(),
        ),
        (
            lang.pick("Nyttoägare", "Benefit owner"),
            b.owner.clone().unwrap_or_default(),
        ),
        (
            lang.pick("Mått", "Indicator"),
            b.indicator.clone().unwrap_or_default(),
        ),
        (lang.pick("Nollvärde → mål", "Baseline → target"), goal),
        (lang.pick("Period", "Period"), dates),
        (lang.pick("Senaste mätning", "Latest measurement"), latest),
        (
            lang.pick("Uppnått / planerat", "Achieved / planned"),
            progress,
        ),
        (
            lang.pick("Frigjord tid används till", "Freed time used for"),
            b.freed_time_use.clone().unwrap_or_default(),
        ),
        (
            lang.pick("Effektkedja", "Effect chain"),
            b.chain.clone().unwrap_or_default(),
        ),
    ]);
    if !b.follow_up.is_empty() {
        let rows = b
            .follow_up
            .iter()
            .map(|f| {
                vec![
                    f.date.value.to_string(),
                    value(f.value.value.0),
                    f.note.clone().unwrap_or_default(),
                ]
            })
            .collect();
        let header = [
            lang.pick("Datum", "Date"),
            lang.pick("Värde", "Value"),
            lang.pick("Anteckning", "Note"),
        ];
        doc.table(&header, &[Align::Left, Align::Right, Align::Left], rows);
    }
}

fn decisions(doc: &mut Doc, initiative: &Initiative, lang: Lang) {
    let list = &initiative.file.decisions;
    if list.is_empty() {
        return;
    }
    doc.heading(2, lang.pick("Beslut", "Decisions"));
    let rows = list
        .iter()
        .map(|d| {
            vec![
                d.date.to_string(),
                d.forum.clone().unwrap_or_default(),
                words::outcome(d.outcome, lang).to_string(),
                d.note.clone().unwrap_or_default(),
            ]
        })
        .collect();
    let header = [
        lang.pick("Datum", "Date"),
        "Forum",
        lang.pick("Utfall", "Outcome"),
        lang.pick("Anteckning", "Note"),
    ];
    doc.table(&header, &[Align::Left; 4], rows);
}
