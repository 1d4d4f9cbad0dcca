//! Meeting mode's screen: one initiative with what the decision needs — rank, title, unit,
//! stage; the scores compactly with benefit, feasibility, priority and the gate in words; the
//! business case totals; the flags with their reasons; earlier decisions — and the outcome
//! keys, drawn from the keymap.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use crate::i18n::{Lang, format_money, safe, ui, words};
use crate::model::Group;

use super::super::action::Action;
use super::super::app::{App, Meeting};
use super::super::keymap::{self, Context};
use super::super::theme::Theme;
use super::doc::Doc;
use super::{fit, gate_label, score};
use crate::report::dataset::Dataset;

pub fn render(
    app: &App,
    data: &Dataset,
    meeting: &Meeting,
    theme: &Theme,
    frame: &mut Frame,
    area: Rect,
) {
    let [head, body, keys] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Min(0),
        Constraint::Length(1),
    ])
    .areas(area);
    let lang = app.lang;
    let decided = app.meeting_decisions();
    let progress = ui::meeting_progress(
        &meeting.date.to_string(),
        (meeting.pos + 1).min(meeting.queue.len()),
        meeting.queue.len(),
        decided.len(),
        lang,
    );
    frame.render_widget(
        Paragraph::new(format!(" {progress}")).style(theme.header()),
        head,
    );
    let body = Rect {
        x: body.x + 1,
        width: body.width.saturating_sub(2),
        ..body
    };
    let doc = match app.meeting_current() {
        Some(i) => initiative(app, data, i, theme, body.width),
        None => the_end(app, data, theme),
    };
    doc.render(frame, body, meeting.scroll);
    frame.render_widget(Paragraph::new(outcome_keys(lang, theme)), keys);
}

/// "Beslut: p prioriterad · d skjuts upp · …", from the meeting's bindings.
fn outcome_keys(lang: Lang, theme: &Theme) -> Line<'static> {
    let mut spans = vec![Span::styled(
        format!(" {}: ", ui::OUTCOME_KEYS.get(lang)),
        theme.title(),
    )];
    let bindings = keymap::BINDINGS
        .iter()
        .filter(|b| b.context == Context::Meeting && matches!(b.action, Action::Decide(_)));
    for (n, b) in bindings.enumerate() {
        if n > 0 {
            spans.push(Span::styled(" · ", theme.muted()));
        }
        spans.push(Span::styled(keymap::keys_label(b), theme.key()));
        spans.push(Span::styled(format!(" {}", b.help.get(lang)), theme.text()));
    }
    Line::from(spans)
}

fn initiative<'a>(app: &App, data: &'a Dataset, i: usize, theme: &Theme, width: u16) -> Doc<'a> {
    let lang = app.lang;
    let ini = data.initiative(i);
    let item = data.item(i);
    let mut doc = Doc::default();
    doc.line(Line::from(vec![
        Span::styled(format!("#{} ", item.rank), theme.muted()),
        Span::styled(safe::line(ini.title()).into_owned(), theme.title()),
        Span::styled(format!("  {}", safe::line(&ini.id)), theme.muted()),
    ]));
    let stage = ini.stage().map(|s| words::stage(s, lang));
    let facts: Vec<&str> = [ini.file.unit.as_deref(), stage, ini.file.owner.as_deref()]
        .into_iter()
        .flatten()
        .collect();
    doc.line(Line::styled(
        safe::line(&facts.join(" · ")).into_owned(),
        theme.muted(),
    ));
    scores(&mut doc, data, i, theme, lang, width);
    gate(&mut doc, data, i, theme, lang);
    case(&mut doc, data, i, theme, lang);
    for flag in &item.flags {
        doc.line(Line::styled(
            format!(
                "⚑ {}",
                words::flag_reason(flag, &data.portfolio.model, lang)
            ),
            theme.flag(),
        ));
    }
    decisions(&mut doc, app, data, i, theme);
    doc
}

/// The eleven scores in two columns, benefit and feasibility, then B, F and priority.
fn scores(doc: &mut Doc<'_>, data: &Dataset, i: usize, theme: &Theme, lang: Lang, width: u16) {
    let eval = &data.item(i).eval;
    let criteria = crate::eval::breakdown(&data.portfolio.model, data.initiative(i));
    let column = usize::from(width / 2).saturating_sub(1).max(10);
    let of = |group| -> Vec<String> {
        criteria
            .iter()
            .filter(|c| c.group == group)
            .map(|c| {
                let name = data
                    .portfolio
                    .model
                    .criterion(&c.id)
                    .map_or(c.id.as_str(), |m| lang.pick(&m.name_sv, &m.name_en));
                let value = c.score.map_or_else(|| "–".to_string(), |v| v.to_string());
                fit(&format!("{value} {name}"), column)
            })
            .collect()
    };
    let (benefit, feasibility) = (of(Group::Benefit), of(Group::Feasibility));
    let heading = format!(
        "{:<column$} {}",
        fit(ui::BENEFIT_GROUP.get(lang), column),
        ui::FEASIBILITY_GROUP.get(lang)
    );
    doc.line(Line::styled(heading, theme.title()));
    for n in 0..benefit.len().max(feasibility.len()) {
        let left = benefit.get(n).map_or("", String::as_str);
        let right = feasibility.get(n).map_or("", String::as_str);
        doc.line(Line::styled(
            format!("{left:<column$} {right}"),
            theme.text(),
        ));
    }
    let quadrant = eval.quadrant.map_or("", |q| words::quadrant(q, lang));
    doc.line(Line::from(vec![
        Span::styled(
            format!(
                "{} {} · {} {} · {} {}",
                ui::COL_BENEFIT.get(lang),
                score(eval.benefit_score, lang),
                ui::COL_FEASIBILITY.get(lang),
                score(eval.feasibility_score, lang),
                ui::COL_PRIORITY.get(lang),
                score(eval.priority, lang),
            ),
            theme.title(),
        ),
        Span::styled(
            format!("  {quadrant}"),
            theme.quadrant(eval.quadrant.map_or("", |q| q.id())),
        ),
    ]));
}

/// The gate as a symbol and words, and what it means for this initiative.
fn gate(doc: &mut Doc<'_>, data: &Dataset, i: usize, theme: &Theme, lang: Lang) {
    let status = data.item(i).eval.gate;
    let mut text = format!("{}: {}", ui::GATE.get(lang), gate_label(status, lang));
    if let Some(g) = &data.portfolio.model.gate {
        let value = data.initiative(i).scores.get(&g.criterion).copied();
        let name = data
            .portfolio
            .model
            .criterion(&g.criterion)
            .map_or(g.criterion.as_str(), |c| lang.pick(&c.name_sv, &c.name_en));
        let explained = ui::gate_explained(status.id(), value, g.min, name, lang);
        text = format!("{text} – {explained}");
    }
    doc.line(Line::styled(text, theme.gate(status.id())));
}

/// Costs, benefits, NPV and payback over the horizon.
fn case(doc: &mut Doc<'_>, data: &Dataset, i: usize, theme: &Theme, lang: Lang) {
    let Some(case) = &data.item(i).case else {
        doc.line(Line::styled(ui::NO_CASE.get(lang), theme.warning()));
        return;
    };
    let t = &case.totals;
    let payback = t
        .payback_year
        .map_or_else(|| ui::NO_PAYBACK.get(lang).to_string(), |y| y.to_string());
    let line = format!(
        "{}: {} · {}: {} · {}: {} · {}: {payback}",
        ui::TOTAL_COSTS.get(lang),
        format_money(t.costs, lang),
        ui::TOTAL_BENEFITS.get(lang),
        format_money(t.benefits, lang),
        ui::NPV.get(lang),
        format_money(t.npv, lang),
        ui::PAYBACK.get(lang),
    );
    doc.line(Line::styled(line, theme.text()));
}

/// Earlier decisions on the initiative, and what this meeting decided.
fn decisions(doc: &mut Doc<'_>, app: &App, data: &Dataset, i: usize, theme: &Theme) {
    let lang = app.lang;
    let ini = data.initiative(i);
    let today = app.meeting_decisions();
    let ours = today.iter().find(|(id, _, _)| *id == ini.id);
    let earlier: Vec<String> = ini
        .file
        .decisions
        .iter()
        .map(|d| &d.value)
        .map(|d| {
            let forum = d
                .forum
                .as_deref()
                .map(|f| format!(" {f}"))
                .unwrap_or_default();
            format!("{}{forum}: {}", d.date, words::outcome(d.outcome, lang))
        })
        .collect();
    if !earlier.is_empty() {
        let text = format!(
            "{}: {}",
            ui::EARLIER_DECISIONS.get(lang),
            earlier.join(" · ")
        );
        doc.line(Line::styled(text, theme.muted()));
    }
    if let Some((_, outcome, note)) = ours {
        let note = note.map(|n| format!(" – {n}")).unwrap_or_default();
        let text = format!(
            "{}: {}{note}",
            ui::DECIDED_TODAY.get(lang),
            words::outcome(*outcome, lang)
        );
        doc.line(Line::styled(text, theme.positive()));
    }
}

/// After the last initiative: what was decided, and how to end.
fn the_end<'a>(app: &App, data: &'a Dataset, theme: &Theme) -> Doc<'a> {
    let lang = app.lang;
    let mut doc = Doc::default();
    doc.line(Line::styled(ui::MEETING_DONE.get(lang), theme.title()));
    doc.blank();
    for (id, outcome, _) in app.meeting_decisions() {
        let title = data.index_of(id).map_or(id, |i| data.initiative(i).title());
        let title = safe::line(title);
        doc.line(Line::styled(
            format!("{title}: {}", words::outcome(outcome, lang)),
            theme.text(),
        ));
    }
    doc
}
