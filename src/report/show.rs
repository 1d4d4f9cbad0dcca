//! `bered show ID`: everything about one initiative — the score explained criterion by
//! criterion, the business case year by year, the benefits with their status, flags, decisions.

use std::fmt;

use super::doc::{Doc, header};
use super::fmt::{Align, NONE, date, exact, score};
use super::show_case::{benefits, business_case};
use crate::eval::{Analysis, Evaluation};
use crate::i18n::{Lang, words};
use crate::model::{Group, Initiative, Portfolio};

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
    let resembles = |candidate: &&String| {
        let c = candidate.to_lowercase();
        !wanted.is_empty() && (c.contains(&wanted) || wanted.contains(&c))
    };
    let suggestions = portfolio
        .initiatives
        .iter()
        .map(|i| &i.id)
        .filter(resembles)
        .take(5)
        .cloned()
        .collect();
    Err(UnknownInitiative {
        id: id.to_string(),
        suggestions,
    })
}

pub fn show_text(portfolio: &Portfolio, analysis: &Analysis, index: usize, lang: Lang) -> String {
    show_doc(portfolio, analysis, index, lang).to_text(lang)
}

pub fn show_markdown(
    portfolio: &Portfolio,
    analysis: &Analysis,
    index: usize,
    lang: Lang,
) -> String {
    show_doc(portfolio, analysis, index, lang).to_markdown(lang)
}

fn show_doc(portfolio: &Portfolio, analysis: &Analysis, index: usize, lang: Lang) -> Doc {
    let (initiative, item) = (&portfolio.initiatives[index], &analysis.items[index]);
    let mut doc = Doc::default();
    about(&mut doc, portfolio, initiative, lang);
    doc.heading(2, lang.pick("Bedömning", "Evaluation"));
    let rank = format!(
        "{} / {} · {}",
        item.rank,
        analysis.items.len(),
        words::group(item.group, lang)
    );
    evaluation(&mut doc, portfolio, &item.eval, rank, lang);
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
    let goals = &portfolio.settings.strategic_goals;
    // Goals are shown by name where the portfolio names them.
    let goal_names: Vec<&str> = file
        .goals
        .iter()
        .map(|g| {
            goals
                .iter()
                .find(|s| s.id == g.value)
                .map_or(g.value.as_str(), |s| &s.name)
        })
        .collect();
    let stage = initiative.stage().map(|s| words::stage(s, lang));
    doc.field_list(lang)
        .add("Enhet", "Unit", file.unit.clone().unwrap_or_default())
        .add("Ansvarig", "Owner", file.owner.clone().unwrap_or_default())
        .add(
            "Inlämnad",
            "Submitted",
            date(file.submitted.as_ref().map(|d| d.value)),
        )
        .add("Steg", "Stage", stage.unwrap_or_default())
        .add("Taggar", "Tags", file.tags.join(", "))
        .add("Strategiska mål", "Strategic goals", goal_names.join(" · "))
        .add("Fil", "File", initiative.path.display().to_string())
        .end();
    if let Some(summary) = file.summary.as_deref().filter(|s| !s.trim().is_empty()) {
        doc.paragraph(summary.trim());
    }
    if !file.hypotheses.is_empty() {
        doc.heading(3, lang.pick("Hypoteser", "Hypotheses"));
        doc.list(file.hypotheses.clone());
    }
}

/// The score explained: the figures, the criteria table, then the written motivations.
fn evaluation(doc: &mut Doc, portfolio: &Portfolio, e: &Evaluation, rank: String, lang: Lang) {
    let name = |id: &str| criterion_name(portfolio, id, lang);
    let priority = format!(
        "{} = {} × {}",
        score(e.priority, lang),
        score(e.benefit_score, lang),
        score(e.feasibility_score, lang)
    );
    let gate_rule = portfolio.model.gate.as_ref().map_or(String::new(), |g| {
        format!(" ({} ≥ {})", name(&g.criterion), g.min)
    });
    let gate = format!(
        "{} {}",
        words::gate_symbol(e.gate),
        words::gate(e.gate, lang)
    );
    let missing: Vec<String> = e.missing.iter().map(|m| name(m)).collect();
    doc.field_list(lang)
        .add("Rang", "Rank", rank)
        .add(
            "Prioritet = nytta × genomförbarhet",
            "Priority = benefit × feasibility",
            priority,
        )
        .add("Grind", "Gate", gate + &gate_rule)
        .add(
            "Kvadrant",
            "Quadrant",
            e.quadrant.map_or("", |q| words::quadrant(q, lang)),
        )
        .add("Ej bedömda", "Unscored", missing.join(", "))
        .end();
    criteria_table(doc, portfolio, e, lang);
    let motivations: Vec<String> = e
        .criteria
        .iter()
        .filter_map(|c| Some(format!("{}: {}", name(&c.id), c.motivation.as_deref()?)))
        .collect();
    if !motivations.is_empty() {
        doc.heading(3, lang.pick("Motiveringar", "Motivations"));
        doc.list(motivations);
    }
}

/// Each criterion's score, weight and contribution; each group closed by its mean, which is
/// the sum of the contributions above it.
fn criteria_table(doc: &mut Doc, portfolio: &Portfolio, e: &Evaluation, lang: Lang) {
    let name = |id: &str| criterion_name(portfolio, id, lang);
    let mut rows = Vec::new();
    let groups = [
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
    ];
    for (group, label, mean) in groups {
        for c in e.criteria.iter().filter(|c| c.group == group) {
            let value = c.score.map_or(NONE.to_string(), |s| s.to_string());
            rows.push(vec![
                name(&c.id),
                value,
                exact(c.weight, lang),
                score(c.contribution, lang),
            ]);
        }
        rows.push(vec![
            format!("= {label}"),
            String::new(),
            String::new(),
            score(mean, lang),
        ]);
    }
    let head = header(
        lang,
        &[
            ("Kriterium", "Criterion"),
            ("Poäng", "Score"),
            ("Vikt", "Weight"),
            ("Bidrag", "Contribution"),
        ],
    );
    doc.table(
        &head,
        &[Align::Left, Align::Right, Align::Right, Align::Right],
        rows,
    );
}

fn criterion_name(portfolio: &Portfolio, id: &str, lang: Lang) -> String {
    portfolio
        .model
        .criterion(id)
        .map_or(id, |c| lang.pick(&c.name_sv, &c.name_en))
        .to_string()
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
    let head = header(
        lang,
        &[
            ("Datum", "Date"),
            ("Forum", "Forum"),
            ("Utfall", "Outcome"),
            ("Anteckning", "Note"),
        ],
    );
    doc.table(&head, &[Align::Left; 4], rows);
}
