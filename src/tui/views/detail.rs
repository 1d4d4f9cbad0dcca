//! The drill-down into one initiative: a title line, tabs, and the active tab's document.
//! Overview and decisions live here; scores, business case and benefits have their own files.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use crate::i18n::{Lang, ui, words};
use crate::model::Initiative;

use super::super::app::{App, Detail, DetailTab};
use super::super::theme::Theme;
use super::doc::Doc;
use super::{benefits, case, gate_label, scores};
use crate::report::dataset::Dataset;

/// Draws the detail; returns the largest useful scroll of its document.
pub fn render(
    app: &App,
    data: &Dataset,
    detail: &Detail,
    theme: &Theme,
    frame: &mut Frame,
    area: Rect,
) -> u16 {
    let [title_row, tabs_row, body] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Min(0),
    ])
    .areas(area);
    let i = detail.index.min(data.len().saturating_sub(1));
    let initiative = data.initiative(i);
    let item = data.item(i);
    let gate = item.eval.gate.id();
    let title = Line::from(vec![
        Span::styled(format!(" #{} ", item.rank), theme.muted()),
        Span::styled(initiative.title().to_string(), theme.title()),
        Span::styled(format!("  {}  ", initiative.id), theme.muted()),
        Span::styled(gate_label(item.eval.gate, app.lang), theme.gate(gate)),
    ]);
    frame.render_widget(Paragraph::new(title), title_row);
    frame.render_widget(Paragraph::new(tabs(app.lang, detail.tab, theme)), tabs_row);
    let body = Rect {
        x: body.x + 1,
        width: body.width.saturating_sub(2),
        ..body
    };
    let doc = match detail.tab {
        DetailTab::Overview => overview(app, data, i, theme),
        DetailTab::Scores => scores::doc(app, data, i, theme, body.width),
        DetailTab::Case => case::doc(app, data, i, detail, theme, body.width),
        DetailTab::Benefits => benefits::doc(app, data, i, theme),
        DetailTab::Decisions => decisions(app.lang, initiative, theme),
    };
    doc.render(frame, body, detail.scroll)
}

fn tabs(lang: Lang, active: DetailTab, theme: &Theme) -> Line<'static> {
    let mut spans = vec![Span::raw(" ")];
    for (n, tab) in DetailTab::ALL.iter().enumerate() {
        let label = format!("{} {}", n + 1, tab.title().get(lang));
        if *tab == active {
            spans.push(Span::styled(format!("[{label}]"), theme.tab_active()));
        } else {
            spans.push(Span::styled(format!(" {label} "), theme.tab()));
        }
    }
    Line::from(spans)
}

fn field<'a>(doc: &mut Doc<'a>, theme: &Theme, label: &str, value: String) {
    doc.line(Line::from(vec![
        Span::styled(format!("{label}: "), theme.muted()),
        Span::styled(value, theme.text()),
    ]));
}

fn overview<'a>(app: &App, data: &'a Dataset, i: usize, theme: &Theme) -> Doc<'a> {
    let lang = app.lang;
    let initiative = data.initiative(i);
    let item = data.item(i);
    let f = &initiative.file;
    let mut doc = Doc::default();
    if let Some(summary) = &f.summary {
        doc.line(Line::styled(summary.clone(), theme.text()));
        doc.blank();
    }
    facts(&mut doc, app, data, i, theme);
    doc.blank();
    let goals = f.goals.iter().map(|g| data.goal_name(&g.value).to_string());
    bullets(&mut doc, ui::GOALS, goals.collect(), "•", lang, theme);
    bullets(
        &mut doc,
        ui::HYPOTHESES,
        f.hypotheses.clone(),
        "•",
        lang,
        theme,
    );
    let flags = item.flags.iter().map(|fl| fl.reason(lang)).collect();
    bullets(&mut doc, ui::FLAGS, flags, "⚑", lang, theme);
    let path = crate::load::shown(&initiative.path);
    doc.line(Line::styled(
        format!("{}: {path}", ui::FILE.get(lang)),
        theme.muted(),
    ));
    doc
}

/// Owner, unit, stage, submitted, tags, quadrant and rank.
fn facts(doc: &mut Doc<'_>, app: &App, data: &Dataset, i: usize, theme: &Theme) {
    let lang = app.lang;
    let initiative = data.initiative(i);
    let item = data.item(i);
    let f = &initiative.file;
    let none = || ui::NONE.get(lang).to_string();
    let owner = f.owner.clone().unwrap_or_else(none);
    field(doc, theme, ui::OWNER.get(lang), owner);
    field(
        doc,
        theme,
        ui::UNIT.get(lang),
        f.unit.clone().unwrap_or_else(none),
    );
    let stage = initiative
        .stage()
        .map(|s| words::stage(s, lang).to_string());
    field(doc, theme, ui::STAGE.get(lang), stage.unwrap_or_else(none));
    let submitted = f.submitted.as_ref().map(|d| d.value.to_string());
    field(
        doc,
        theme,
        ui::SUBMITTED.get(lang),
        submitted.unwrap_or_else(none),
    );
    if !f.tags.is_empty() {
        field(doc, theme, ui::TAGS.get(lang), f.tags.join(", "));
    }
    let quadrant = item.eval.quadrant.map_or("", |q| q.id());
    let quadrant_label = item.eval.quadrant.map_or("", |q| words::quadrant(q, lang));
    doc.line(Line::from(vec![
        Span::styled(format!("{}: ", ui::QUADRANT.get(lang)), theme.muted()),
        Span::styled(quadrant_label, theme.quadrant(quadrant)),
        Span::styled(format!("   {}: ", ui::RANK.get(lang)), theme.muted()),
        Span::raw(item.rank.to_string()),
    ]));
}

/// A heading and its items, or a dash when there are none; flags in their own style.
fn bullets(
    doc: &mut Doc<'_>,
    title: ui::Text,
    items: Vec<String>,
    mark: &str,
    lang: Lang,
    theme: &Theme,
) {
    doc.line(Line::styled(title.get(lang), theme.title()));
    let style = if mark == "⚑" {
        theme.flag()
    } else {
        theme.text()
    };
    if items.is_empty() {
        let empty = if mark == "⚑" {
            ui::NO_FLAGS
        } else {
            ui::NONE
        };
        doc.line(Line::styled(
            format!("  {}", empty.get(lang)),
            theme.muted(),
        ));
    }
    for item in items {
        doc.line(Line::styled(format!("  {mark} {item}"), style));
    }
    doc.blank();
}

fn decisions<'a>(lang: Lang, initiative: &'a Initiative, theme: &Theme) -> Doc<'a> {
    let mut doc = Doc::default();
    let list = &initiative.file.decisions;
    if list.is_empty() {
        doc.line(Line::styled(ui::NO_DECISIONS.get(lang), theme.muted()));
        return doc;
    }
    doc.line(Line::styled(
        format!(
            "{:<10}  {:<20}  {:<12}  {}",
            ui::DATE.get(lang),
            ui::FORUM.get(lang),
            ui::OUTCOME.get(lang),
            ui::NOTE.get(lang)
        ),
        theme.title(),
    ));
    let mut sorted: Vec<_> = list.iter().collect();
    sorted.sort_by_key(|d| d.value.date);
    for d in sorted {
        let d = &d.value;
        doc.line(Line::from(vec![
            Span::raw(format!("{}  ", d.date)),
            Span::raw(format!("{:<20}  ", d.forum.clone().unwrap_or_default())),
            Span::styled(
                format!("{:<12}  ", words::outcome(d.outcome, lang)),
                theme.title(),
            ),
            Span::raw(d.note.clone().unwrap_or_default()),
        ]));
    }
    doc
}
