//! One initiative, tab by tab — overview, scores, business case, benefits, decisions — built once
//! as documents for `bered show` (all tabs in a row) and the TUI's detail (one tab at a time).

use super::cell::{Cell, Form};
use super::doc::Doc;
use rust_decimal::Decimal;

use super::case::{CaseView, case_doc};
use super::show_case::benefits;
use crate::eval::{Analysis, Analyzed, CriterionScore, Evaluation, RankGroup, breakdown, unscored};
use crate::i18n::{Lang, ui, words};
use crate::model::{Group, Initiative, Portfolio, Shared, Stage};

/// The tabs of an initiative's detail, in order.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Tab {
    Overview,
    Scores,
    Case,
    Benefits,
    Decisions,
}

impl Tab {
    pub const ALL: [Tab; 5] = [
        Tab::Overview,
        Tab::Scores,
        Tab::Case,
        Tab::Benefits,
        Tab::Decisions,
    ];

    pub fn title(self) -> ui::Text {
        match self {
            Tab::Overview => ui::TAB_OVERVIEW,
            Tab::Scores => ui::TAB_SCORES,
            Tab::Case => ui::TAB_CASE,
            Tab::Benefits => ui::TAB_BENEFITS,
            Tab::Decisions => ui::TAB_DECISIONS,
        }
    }
}

/// One tab's document.
pub fn tab_doc(
    tab: Tab,
    portfolio: &Portfolio,
    analysis: &Analysis,
    index: usize,
    lang: Lang,
) -> Doc {
    let (initiative, item) = (&portfolio.initiatives[index], &analysis.items[index]);
    let mut doc = Doc::default();
    match tab {
        Tab::Overview => overview(&mut doc, portfolio, analysis, index, lang),
        Tab::Scores => evaluation(&mut doc, portfolio, index, &item.eval, lang),
        Tab::Case => {
            // Every year, with the template's ×10 rows to compare with Nacka's spreadsheet.
            let years = item.case.as_ref().map_or(0, |c| c.horizon);
            let view = CaseView::whole(years, true);
            doc = case_doc(portfolio, analysis, index, &view, lang);
        }
        Tab::Benefits => benefits(&mut doc, initiative, item, lang),
        Tab::Decisions => decisions(&mut doc, initiative, lang),
    }
    doc
}

/// What waiting a year forgoes (the portfolio summary's cost of delay, for this initiative):
/// the average yearly net where positive, for a ranked initiative not yet started.
pub fn cost_of_delay(initiative: &Initiative, item: &Analyzed) -> Option<Decimal> {
    let waiting = initiative.stage().is_none_or(Stage::is_open);
    let yearly = item.case.as_ref()?.average_yearly_net()?;
    (item.group == RankGroup::Ranked && waiting && yearly > Decimal::ZERO).then_some(yearly)
}

fn overview(doc: &mut Doc, portfolio: &Portfolio, analysis: &Analysis, index: usize, lang: Lang) {
    let (initiative, item) = (&portfolio.initiatives[index], &analysis.items[index]);
    let file = &initiative.file;
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
    let rank = format!(
        "{} / {} · {}",
        item.rank,
        analysis.items.len(),
        words::group(item.group, lang)
    );
    let none = Cell::Word(ui::NONE.get(lang));
    let text = |v: &Option<Shared>| v.as_deref().map_or(none.clone(), Cell::text);
    doc.field_list(lang)
        .typed(ui::OWNER, text(&file.owner))
        .typed(ui::UNIT, text(&file.unit))
        .typed(ui::STAGE, Cell::Stage(initiative.stage()))
        .typed(ui::COL_DECISION, decision_cell(item, lang))
        .typed(
            ui::SUBMITTED,
            Cell::Date(file.submitted.as_ref().map(|d| d.value)),
        )
        .typed(ui::TAGS, Cell::Text(file.tags.join(", ")))
        .typed(ui::GOALS, Cell::Text(goal_names.join(" · ")))
        .typed(ui::QUADRANT, Cell::Quadrant(item.eval.quadrant, Form::Full))
        .typed(ui::RANK, Cell::Text(rank))
        .typed(ui::GATE, Cell::Gate(item.eval.gate, Form::Full))
        .typed(ui::FILE, Cell::Muted(crate::load::shown(&initiative.path)))
        .end();
    if let Some(summary) = file.summary.as_deref().filter(|s| !s.trim().is_empty()) {
        doc.paragraph(summary.trim());
    }
    if !file.hypotheses.is_empty() {
        doc.heading(3, ui::HYPOTHESES.get(lang));
        doc.list(file.hypotheses.iter().map(|h| h.to_string()).collect());
    }
    doc.heading(3, ui::FLAGS.get(lang));
    if item.flags.is_empty() {
        doc.paragraph(ui::NO_FLAGS.get(lang));
    } else {
        let model = &portfolio.model;
        let reason = |f| Cell::Flag(words::flag_reason(f, model, lang));
        let flags = item.flags.iter().map(reason);
        doc.blocks.push(super::doc::Block::List(flags.collect()));
    }
}

/// The latest decision with its date, and "returned – awaiting completion" where it applies.
fn decision_cell(item: &Analyzed, lang: Lang) -> Cell {
    match item.decision {
        None => Cell::Decision(None),
        Some((date, outcome)) => {
            let mut text = format!("{} {date}", words::outcome(outcome, lang));
            if item.awaiting_completion {
                text.push_str(&format!(" – {}", ui::AGENDA_RETURNED.get(lang)));
            }
            Cell::Muted(text)
        }
    }
}

/// Each scored criterion's score in the model's words, and what the criterion asks, so the
/// group reads a score the same way.
fn score_meanings(doc: &mut Doc, portfolio: &Portfolio, criteria: &[CriterionScore], lang: Lang) {
    let sv = lang == Lang::Sv;
    let lines: Vec<String> = criteria
        .iter()
        .filter_map(|c| {
            let criterion = portfolio.model.criterion(&c.id)?;
            let wording = &criterion.wording;
            let score = c.score?;
            let meaning = wording.scale(score, sv).unwrap_or_default();
            let mut line = format!(
                "{} {score}: {meaning}",
                criterion_name(portfolio, &c.id, lang)
            );
            let description = wording.description(sv);
            if !description.is_empty() {
                line.push_str(&format!(" — {description}"));
            }
            Some(line)
        })
        .collect();
    if !lines.is_empty() {
        doc.heading(3, ui::SCORE_MEANINGS.get(lang));
        doc.list(lines);
    }
}

/// The score explained: the figures, the criteria table, then the written rationales.
fn evaluation(doc: &mut Doc, portfolio: &Portfolio, index: usize, e: &Evaluation, lang: Lang) {
    let initiative = &portfolio.initiatives[index];
    let criteria = breakdown(&portfolio.model, initiative);
    let name = |id: &str| criterion_name(portfolio, id, lang);
    let score = |v| Cell::Score(v).render(lang);
    let priority = format!(
        "{} = {} × {}",
        score(e.priority),
        score(e.benefit_score),
        score(e.feasibility_score)
    );
    let gate_rule = portfolio.model.gate.as_ref().map_or(String::new(), |g| {
        format!(" ({} ≥ {})", name(&g.criterion), g.min)
    });
    let gate = format!("{}{gate_rule}", Cell::Gate(e.gate, Form::Full).render(lang));
    let missing: Vec<String> = unscored(&portfolio.model, initiative)
        .iter()
        .map(|m| name(m))
        .collect();
    doc.field_list(lang)
        .typed(ui::PRIORITY, Cell::Text(priority))
        .typed(ui::GATE, Cell::Text(gate))
        .typed(ui::QUADRANT, Cell::Quadrant(e.quadrant, Form::Full))
        .typed(ui::NOT_SCORED_LIST, Cell::Text(missing.join(", ")))
        .end();
    criteria_table(doc, portfolio, e, &criteria, lang);
    let rationales: Vec<String> = criteria
        .iter()
        .filter_map(|c| Some(format!("{}: {}", name(&c.id), c.motivation.as_deref()?)))
        .collect();
    if !rationales.is_empty() {
        doc.heading(3, ui::MOTIVATIONS.get(lang));
        doc.list(rationales);
    }
    score_meanings(doc, portfolio, &criteria, lang);
}

/// Each criterion's score, weight and contribution; each group closed by its score, which is
/// the sum of the contributions above it.
fn criteria_table(
    doc: &mut Doc,
    portfolio: &Portfolio,
    e: &Evaluation,
    criteria: &[CriterionScore],
    lang: Lang,
) {
    let mut rows = Vec::new();
    let groups = [
        (Group::Benefit, ui::BENEFIT_SCORE, e.benefit_score),
        (
            Group::Feasibility,
            ui::FEASIBILITY_SCORE,
            e.feasibility_score,
        ),
    ];
    for (group, label, mean) in groups {
        for c in criteria.iter().filter(|c| c.group == group) {
            let value = c.score.map_or(Cell::Word(ui::NONE.get(lang)), |s| {
                Cell::Count(usize::from(s))
            });
            rows.push(vec![
                Cell::Text(criterion_name(portfolio, &c.id, lang)),
                value,
                Cell::Exact(c.weight),
                Cell::Score(c.contribution),
            ]);
        }
        rows.push(vec![
            Cell::Word(label.get(lang)),
            Cell::Empty,
            Cell::Empty,
            Cell::Score(mean),
        ]);
    }
    let header = [ui::CRITERION, ui::SCORE, ui::WEIGHT, ui::CONTRIBUTION];
    doc.typed_table(
        header.iter().map(|h| h.get(lang).to_string()).collect(),
        rows,
    );
}

/// A criterion's label in the language, never its id where the model names it.
pub fn criterion_name(portfolio: &Portfolio, id: &str, lang: Lang) -> String {
    portfolio
        .model
        .criterion(id)
        .map_or(id, |c| lang.pick(&c.name_sv, &c.name_en))
        .to_string()
}

fn decisions(doc: &mut Doc, initiative: &Initiative, lang: Lang) {
    let mut list: Vec<_> = initiative.file.decisions.iter().collect();
    if list.is_empty() {
        doc.paragraph(ui::NO_DECISIONS.get(lang));
        return;
    }
    list.sort_by_key(|d| d.date);
    let rows = list
        .iter()
        .map(|d| {
            vec![
                Cell::Date(Some(d.date)),
                Cell::opt(d.forum.as_deref()),
                Cell::Word(words::outcome(d.outcome, lang)),
                Cell::opt(d.note.as_deref()),
            ]
        })
        .collect();
    let header = [ui::DATE, ui::FORUM, ui::OUTCOME, ui::NOTE];
    doc.typed_table(
        header.iter().map(|h| h.get(lang).to_string()).collect(),
        rows,
    );
}
