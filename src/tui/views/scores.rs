//! The scores tab: every criterion with its label, its value as a bar, weight, contribution and
//! motivation, the group scores, and the compliance gate in words.

use ratatui::text::{Line, Span};

use crate::i18n::{Lang, format_decimal, ui};
use crate::model::Group;

use super::super::app::App;
use super::super::theme::Theme;
use super::doc::Doc;
use super::{fit, gate_label, score};
use crate::eval::CriterionScore;
use crate::report::dataset::Dataset;

pub fn doc<'a>(app: &App, data: &'a Dataset, i: usize, theme: &Theme, width: u16) -> Doc<'a> {
    let lang = app.lang;
    // The label column grows with the screen, up to the longest Swedish label.
    let name_width = usize::from(width).saturating_sub(26).clamp(24, 48);
    let eval = &data.item(i).eval;
    let mut doc = Doc::default();
    doc.line(Line::styled(
        format!(
            "{:<name_width$} {:<9} {:>5} {:>7}",
            ui::CRITERION.get(lang),
            ui::VALUE.get(lang),
            ui::WEIGHT.get(lang),
            ui::CONTRIBUTION.get(lang)
        ),
        theme.muted(),
    ));
    for (group, heading, total_label, total) in [
        (
            Group::Benefit,
            ui::BENEFIT_GROUP,
            ui::BENEFIT_SCORE,
            eval.benefit_score,
        ),
        (
            Group::Feasibility,
            ui::FEASIBILITY_GROUP,
            ui::FEASIBILITY_SCORE,
            eval.feasibility_score,
        ),
    ] {
        doc.line(Line::styled(heading.get(lang), theme.title()));
        for c in eval.criteria.iter().filter(|c| c.group == group) {
            criterion(&mut doc, data, c, theme, lang, name_width);
        }
        doc.line(Line::from(vec![
            Span::styled(
                format!("{:<name_width$} ", total_label.get(lang)),
                theme.title(),
            ),
            Span::styled(score(total, lang), theme.title()),
        ]));
        doc.blank();
    }
    priority(&mut doc, data, i, lang, theme);
    doc.blank();
    gate(&mut doc, app, data, i, theme);
    doc
}

/// Priority (benefit × feasibility), and what is missing when it cannot be computed.
fn priority(doc: &mut Doc<'_>, data: &Dataset, i: usize, lang: Lang, theme: &Theme) {
    let eval = &data.item(i).eval;
    let value = eval
        .priority
        .map_or_else(|| ui::NONE.get(lang).into(), |p| format_decimal(p, 2, lang));
    doc.line(Line::styled(
        format!("{}: {value}", ui::PRIORITY.get(lang)),
        theme.title(),
    ));
    if !eval.missing.is_empty() {
        let names: Vec<String> = eval
            .missing
            .iter()
            .map(|id| label(data, id, lang))
            .collect();
        doc.line(Line::styled(
            ui::missing_criteria(&names.join(", "), lang),
            theme.warning(),
        ));
    }
}

fn label(data: &Dataset, id: &str, lang: Lang) -> String {
    data.portfolio.model.criterion(id).map_or_else(
        || id.to_string(),
        |c| lang.pick(&c.name_sv, &c.name_en).to_string(),
    )
}

fn bar(value: Option<u8>) -> String {
    match value {
        Some(v) => {
            let v = usize::from(v.min(4));
            format!("{}{} {v}", "█".repeat(v), "░".repeat(4 - v))
        }
        None => "····  –".into(),
    }
}

fn criterion(
    doc: &mut Doc<'_>,
    data: &Dataset,
    c: &CriterionScore,
    theme: &Theme,
    lang: Lang,
    name_width: usize,
) {
    let model = data.portfolio.model.criterion(&c.id);
    let name = fit(&label(data, &c.id, lang), name_width - 2);
    let value_style = if c.score.is_some() {
        theme.bar()
    } else {
        theme.warning()
    };
    let contribution = c
        .contribution
        .map_or_else(|| ui::NONE.get(lang).into(), |v| format_decimal(v, 2, lang));
    doc.line(Line::from(vec![
        Span::styled(format!("  {name:<w$} ", w = name_width - 2), theme.text()),
        Span::styled(format!("{:<9}", bar(c.score)), value_style),
        Span::styled(
            format!(" {:>5}", format_decimal(c.weight, 1, lang)),
            theme.text(),
        ),
        Span::styled(format!(" {contribution:>7}"), theme.text()),
    ]));
    // The scale in the model's own (Swedish) words: complexity runs the other way.
    if let Some(m) = model {
        let mut scale = format!("1 = {}, 4 = {}", m.low, m.high);
        if lang == Lang::En {
            scale = format!("{} · {scale}", m.name_sv);
        }
        doc.line(Line::styled(format!("    {scale}"), theme.muted()));
    }
    match &c.motivation {
        Some(text) => doc.line(Line::styled(
            format!("    {}: {text}", ui::MOTIVATION.get(lang)),
            theme.text(),
        )),
        None if c.score.is_none() => doc.line(Line::styled(
            format!("    {}", ui::NOT_SCORED.get(lang)),
            theme.warning(),
        )),
        None => {}
    }
}

fn gate<'a>(doc: &mut Doc<'a>, app: &App, data: &Dataset, i: usize, theme: &Theme) {
    let lang = app.lang;
    let gate = data.item(i).eval.gate;
    let status = gate.id();
    doc.line(Line::styled(
        format!("{} – {}", ui::GATE.get(lang), gate_label(gate, lang)),
        theme.gate(status),
    ));
    let Some(g) = &data.portfolio.model.gate else {
        doc.line(ui::no_gate(lang));
        return;
    };
    let value = data.initiative(i).scores.get(&g.criterion).copied();
    let name = label(data, &g.criterion, lang);
    doc.line(Line::styled(
        ui::gate_explained(status, value, g.min, &name, lang),
        theme.text(),
    ));
}
