//! The edit prompt: a box over the screen with the step's list or fields, what the value is
//! now, a hint with the keys, and why the last Enter was not taken when it was not.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Padding, Paragraph, Wrap};

use crate::i18n::{Lang, format_decimal, safe, ui, words};
use crate::model::{Initiative, Outcome, Stage};

use super::super::app::{App, Form, Pick, Prompt, Step};
use super::super::keymap;
use super::super::theme::Theme;
use super::{centred, fit};
use crate::report::dataset::Dataset;

/// The body's lines and the line the cursor is on, to keep it in view.
struct Body<'a> {
    lines: Vec<Line<'a>>,
    cursor: usize,
}

pub fn render(app: &App, prompt: &Prompt, theme: &Theme, frame: &mut Frame, area: Rect) {
    let lang = app.lang;
    let initiative = app
        .data
        .as_ref()
        .and_then(|d| d.index_of(&prompt.id).map(|i| (d, d.initiative(i))));
    let width = area.width.min(76);
    let inner_width = usize::from(width.saturating_sub(4));
    let body = match initiative {
        Some((data, ini)) => body(app, data, ini, &prompt.step, theme, inner_width),
        None => form_body(prompt.step.form(), theme, lang, 0, inner_width),
    };
    let hint = hint(&prompt.step).get(lang);
    let hint_lines = hint.chars().count().div_ceil(inner_width.max(1)) as u16;
    let error_lines = u16::from(prompt.error.is_some()) * 2;
    // Body, error, a blank line, the hint, and the frame.
    let wanted = body.lines.len() as u16 + error_lines + 1 + hint_lines + 2;
    let popup = centred(area, width, wanted);
    let title = match initiative {
        Some((_, ini)) => format!(
            " {} – {} ",
            title(&prompt.step).get(lang),
            safe::line(ini.title())
        ),
        None => format!(" {} ", title(&prompt.step).get(lang)),
    };
    let block = Block::default()
        .borders(Borders::ALL)
        .padding(Padding::horizontal(1))
        .border_style(theme.border())
        .title(Span::styled(fit(&title, inner_width + 2), theme.title()));
    let inner = block.inner(popup);
    frame.render_widget(Clear, popup);
    frame.render_widget(block, popup);
    let [list, error, _, hint_area] = Layout::vertical([
        Constraint::Min(1),
        Constraint::Length(error_lines),
        Constraint::Length(1),
        Constraint::Length(hint_lines),
    ])
    .areas(inner);
    let height = usize::from(list.height).max(1);
    let skip = body.cursor.saturating_sub(height - 1);
    let visible: Vec<Line> = body.lines.into_iter().skip(skip).collect();
    frame.render_widget(Paragraph::new(visible), list);
    if let Some(why) = &prompt.error {
        let p = Paragraph::new(Line::styled(format!("⚠ {why}"), theme.error()))
            .wrap(Wrap { trim: true });
        frame.render_widget(p, error);
    }
    let p = Paragraph::new(Line::styled(hint, theme.muted())).wrap(Wrap { trim: true });
    frame.render_widget(p, hint_area);
}

/// The end of `text` in `width` characters, after a `…` when the start does not fit.
fn tail(text: &str, width: usize) -> String {
    let count = text.chars().count();
    if count <= width {
        return text.to_string();
    }
    let kept: String = text.chars().skip(count - width.saturating_sub(1)).collect();
    format!("…{kept}")
}

fn title(step: &Step) -> ui::Text {
    match step {
        Step::Criterion(_) | Step::Score { .. } | Step::Motivation { .. } => ui::PROMPT_SCORE,
        Step::Outcome(_) | Step::Decision { .. } => ui::PROMPT_DECISION,
        Step::Stage(_) => ui::PROMPT_STAGE,
        Step::Benefit(_) | Step::FollowUp { .. } => ui::PROMPT_FOLLOW_UP,
        Step::MeetingNote { .. } => ui::PROMPT_NOTE,
        Step::Attendees(_) => ui::PROMPT_ATTENDEES,
    }
}

fn hint(step: &Step) -> ui::Text {
    match step {
        Step::Criterion(_) => ui::HINT_CRITERION,
        Step::Score { .. } => ui::HINT_SCORE,
        Step::Motivation { .. } => ui::HINT_TEXT,
        Step::Outcome(_) => ui::HINT_OUTCOME,
        Step::Decision { .. } | Step::FollowUp { .. } => ui::HINT_FORM,
        Step::Stage(_) | Step::Benefit(_) => ui::HINT_LIST,
        Step::MeetingNote { .. } => ui::HINT_NOTE,
        Step::Attendees(_) => ui::HINT_ATTENDEES,
    }
}

fn body<'a>(
    app: &App,
    data: &'a Dataset,
    ini: &'a Initiative,
    step: &Step,
    theme: &Theme,
    width: usize,
) -> Body<'a> {
    let lang = app.lang;
    match step {
        Step::Criterion(pick) => criteria(data, ini, *pick, theme, lang, width),
        Step::Score { criterion, pick } => scale(data, ini, criterion, *pick, theme, lang),
        Step::Motivation {
            criterion,
            value,
            form,
        } => {
            let head = score_head(data, ini, criterion, Some(*value), theme, lang);
            with_form(head, form, theme, lang, width)
        }
        Step::Outcome(pick) => outcomes(*pick, theme, lang),
        Step::Decision { outcome, form } | Step::MeetingNote { outcome, form } => {
            let head = vec![outcome_line(*outcome, theme, lang)];
            with_form(head, form, theme, lang, width)
        }
        Step::Stage(pick) => stages(ini, *pick, theme, lang),
        Step::Benefit(pick) => benefits(ini, *pick, theme, lang, width),
        Step::FollowUp { benefit, form } => {
            let head = benefit_head(ini, benefit, theme, lang);
            with_form(head, form, theme, lang, width)
        }
        Step::Attendees(form) => form_body(Some(form), theme, lang, 0, width),
    }
}

/// A list row: a marker and style for the cursor.
fn row<'a>(selected: bool, key: &str, text: String, theme: &Theme) -> Line<'a> {
    let (mark, style) = if selected {
        ("▶", theme.selected())
    } else {
        (" ", theme.text())
    };
    Line::styled(format!("{mark} {key:>2}  {text}"), style)
}

fn criteria<'a>(
    data: &Dataset,
    ini: &Initiative,
    pick: Pick,
    theme: &Theme,
    lang: Lang,
    width: usize,
) -> Body<'a> {
    let mut lines = Vec::new();
    let mut cursor = 0;
    let mut group = None;
    let name_width = width.saturating_sub(10).max(8);
    for (n, c) in data.portfolio.model.criteria.iter().enumerate() {
        if group != Some(c.group) {
            group = Some(c.group);
            let heading = match c.group {
                crate::model::Group::Benefit => ui::BENEFIT_GROUP,
                crate::model::Group::Feasibility => ui::FEASIBILITY_GROUP,
            };
            lines.push(Line::styled(heading.get(lang), theme.title()));
        }
        if n == pick.cursor {
            cursor = lines.len();
        }
        let name = fit(lang.pick(&c.name_sv, &c.name_en), name_width);
        let value = ini.scores.get(&c.id).map_or("–".into(), |v| v.to_string());
        let text = format!("{name:<name_width$} {value}");
        lines.push(row(n == pick.cursor, &(n + 1).to_string(), text, theme));
    }
    // The highlighted criterion's meaning, below the list.
    if let Some(c) = data.portfolio.model.criteria.get(pick.cursor) {
        let text = c.wording.description(lang == Lang::Sv);
        if !text.is_empty() {
            lines.push(Line::raw(""));
            lines.push(Line::styled(
                crate::i18n::safe::line(text).into_owned(),
                theme.muted(),
            ));
        }
    }
    Body { lines, cursor }
}

/// The criterion's name, its value now (and the new one, once chosen) and its motivation.
fn score_head<'a>(
    data: &Dataset,
    ini: &Initiative,
    criterion: &str,
    new: Option<u8>,
    theme: &Theme,
    lang: Lang,
) -> Vec<Line<'a>> {
    let c = data.portfolio.model.criterion(criterion);
    let name = c.map_or(criterion, |c| lang.pick(&c.name_sv, &c.name_en));
    let now = ini
        .scores
        .get(criterion)
        .map_or("–".into(), |v| v.to_string());
    let value = match new {
        Some(v) => Line::styled(
            format!("{}: {now} → {v}", ui::SCORE.get(lang)),
            theme.title(),
        ),
        None => Line::styled(format!("{}: {now}", ui::CURRENT.get(lang)), theme.muted()),
    };
    let mut lines = vec![Line::styled(name.to_string(), theme.title())];
    // What the criterion asks, so the group calibrates alike.
    if let Some(text) = c
        .map(|c| c.wording.description(lang == Lang::Sv))
        .filter(|t| !t.is_empty())
    {
        lines.push(Line::styled(
            crate::i18n::safe::line(text).into_owned(),
            theme.muted(),
        ));
    }
    lines.push(value);
    if let Some(m) = ini.motivation(criterion) {
        let text = format!("{}: {m}", ui::MOTIVATION.get(lang));
        lines.push(Line::styled(text, theme.muted()));
    }
    lines
}

fn scale<'a>(
    data: &Dataset,
    ini: &Initiative,
    criterion: &str,
    pick: Pick,
    theme: &Theme,
    lang: Lang,
) -> Body<'a> {
    let mut lines = score_head(data, ini, criterion, None, theme, lang);
    let c = data.portfolio.model.criterion(criterion);
    // The scale in the model's own words: each score's wording, else the model's ends (which
    // are Swedish; in English the ends are named).
    let (low, high) = match (c, lang) {
        (Some(c), Lang::Sv) => (c.low.as_str(), c.high.as_str()),
        (Some(_), Lang::En) => (ui::SCALE_LOW.get(lang), ui::SCALE_HIGH.get(lang)),
        (None, _) => ("", ""),
    };
    let cursor = lines.len() + pick.cursor;
    for value in 1..=4u8 {
        let worded = c.and_then(|c| c.wording.scale(value, lang == Lang::Sv));
        let words = match (worded, value) {
            (Some(w), _) => crate::i18n::safe::line(w).into_owned(),
            (None, 1) => low.to_string(),
            (None, 4) => high.to_string(),
            _ => String::new(),
        };
        let at = usize::from(value - 1) == pick.cursor;
        lines.push(row(at, &value.to_string(), words, theme));
    }
    Body { lines, cursor }
}

fn outcomes<'a>(pick: Pick, theme: &Theme, lang: Lang) -> Body<'a> {
    let lines = Outcome::ALL
        .iter()
        .enumerate()
        .map(|(n, o)| {
            let key = keymap::outcome_key(*o).to_string();
            row(
                n == pick.cursor,
                &key,
                words::outcome(*o, lang).into(),
                theme,
            )
        })
        .collect();
    Body {
        lines,
        cursor: pick.cursor,
    }
}

fn outcome_line<'a>(outcome: Outcome, theme: &Theme, lang: Lang) -> Line<'a> {
    Line::from(vec![
        Span::styled(format!("{}: ", ui::OUTCOME.get(lang)), theme.muted()),
        Span::styled(words::outcome(outcome, lang), theme.title()),
    ])
}

fn stages<'a>(ini: &Initiative, pick: Pick, theme: &Theme, lang: Lang) -> Body<'a> {
    let now = ui::CURRENT.get(lang).to_lowercase();
    let lines = Stage::ALL
        .iter()
        .enumerate()
        .map(|(n, s)| {
            let mut text = words::stage(*s, lang).to_string();
            if ini.stage() == Some(*s) {
                text = format!("{text}  ({now})");
            }
            row(n == pick.cursor, &(n + 1).to_string(), text, theme)
        })
        .collect();
    Body {
        lines,
        cursor: pick.cursor,
    }
}

fn benefits<'a>(ini: &Initiative, pick: Pick, theme: &Theme, lang: Lang, width: usize) -> Body<'a> {
    let lines = ini
        .file
        .benefits
        .iter()
        .enumerate()
        .map(|(n, b)| {
            let b = &b.value;
            let latest = b
                .follow_up
                .iter()
                .max_by_key(|f| f.value.date.value)
                .map(|f| {
                    format!(
                        "  ({} {})",
                        ui::LATEST.get(lang).to_lowercase(),
                        number(f.value.value.0, lang)
                    )
                })
                .unwrap_or_default();
            let text = fit(&format!("{}{latest}", b.title), width.saturating_sub(7));
            row(n == pick.cursor, &(n + 1).to_string(), text, theme)
        })
        .collect();
    Body {
        lines,
        cursor: pick.cursor,
    }
}

fn number(value: rust_decimal::Decimal, lang: Lang) -> String {
    format_decimal(value, value.normalize().scale(), lang)
}

/// The benefit being followed up: its title, indicator, baseline → target and latest value.
fn benefit_head<'a>(ini: &Initiative, id: &str, theme: &Theme, lang: Lang) -> Vec<Line<'a>> {
    let Some(b) = ini
        .file
        .benefits
        .iter()
        .map(|b| &b.value)
        .find(|b| b.id.value == id)
    else {
        return vec![Line::raw(id.to_string())];
    };
    let mut lines = vec![Line::styled(b.title.to_string(), theme.title())];
    if let Some(indicator) = &b.indicator {
        let text = format!("{}: {indicator}", ui::INDICATOR.get(lang));
        lines.push(Line::styled(text, theme.muted()));
    }
    let figure = |v: Option<&crate::model::Located<crate::model::Dec, crate::model::NoLoc>>| {
        v.map_or("–".into(), |v| number(v.value.0, lang))
    };
    let mut plan = format!(
        "{}: {} → {}",
        ui::BASELINE_TARGET.get(lang),
        figure(b.baseline.as_ref()),
        figure(b.target.as_ref())
    );
    if let Some(f) = b.follow_up.iter().max_by_key(|f| f.value.date.value) {
        let latest = ui::LATEST.get(lang).to_lowercase();
        let value = number(f.value.value.0, lang);
        plan.push_str(&format!(" · {latest} {value} ({})", f.value.date.value));
    }
    lines.push(Line::styled(plan, theme.muted()));
    lines
}

fn with_form<'a>(
    mut head: Vec<Line<'a>>,
    form: &Form,
    theme: &Theme,
    lang: Lang,
    width: usize,
) -> Body<'a> {
    head.push(Line::default());
    let offset = head.len();
    let body = form_body(Some(form), theme, lang, offset, width);
    head.extend(body.lines);
    Body {
        lines: head,
        cursor: body.cursor,
    }
}

/// The fields, labels aligned; the focused one marked, with a cursor at the end of its text. A
/// value longer than the room scrolls with the cursor: its end shows, after a `…`; the other
/// fields show their start and end in `…`.
fn form_body<'a>(
    form: Option<&Form>,
    theme: &Theme,
    lang: Lang,
    offset: usize,
    width: usize,
) -> Body<'a> {
    let Some(form) = form else {
        return Body {
            lines: Vec::new(),
            cursor: 0,
        };
    };
    let label_width = form
        .fields
        .iter()
        .map(|f| f.label.get(lang).chars().count())
        .max()
        .unwrap_or(0);
    let lines = form
        .fields
        .iter()
        .enumerate()
        .map(|(n, f)| {
            let focused = n == form.focus;
            let label = format!("{:<label_width$}", f.label.get(lang));
            let (mark, cursor) = if focused { ("▶", "▏") } else { (" ", "") };
            // The mark, the label, two spaces and the cursor take this much of the line.
            let room = width.saturating_sub(label_width + 5).max(4);
            let value = safe::line(&f.value);
            let value = if focused {
                tail(&value, room)
            } else {
                fit(&value, room)
            };
            Line::from(vec![
                Span::styled(format!("{mark} {label}  "), theme.muted()),
                Span::styled(
                    format!("{value}{cursor}"),
                    if focused {
                        theme.status()
                    } else {
                        theme.text()
                    },
                ),
            ])
        })
        .collect();
    Body {
        lines,
        cursor: offset + form.focus,
    }
}
