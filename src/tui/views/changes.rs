//! The Changes view (ändringar sedan …): the heading and summary, then the changed initiatives
//! grouped by kind, one line each with its marker and what changed; and the prompt that asks
//! since when. Every text from the portfolio is made safe by the change set's renderer or here.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Padding, Paragraph, Wrap};

use crate::changes::{self, Change, ChangeSet, InitiativeChanges};
use crate::i18n::ui::changes as words;
use crate::i18n::{Lang, safe};

use super::super::app::{App, ChangesView, DetailTab, SincePrompt, changes_entries};
use super::super::theme::Theme;
use super::{centred, fit, fit_line};
use crate::report::cell::Cell;
use crate::report::doc::{Block as DocBlock, Doc};

pub fn render(
    app: &App,
    set: &ChangeSet,
    view: ChangesView,
    theme: &Theme,
    frame: &mut Frame,
    area: Rect,
) {
    let lang = app.lang;
    let width = usize::from(area.width.saturating_sub(2));
    let mut lines = vec![Line::styled(
        format!(" {}", changes::heading(set, lang)),
        theme.title(),
    )];
    for summary in changes::summary_lines(set, lang) {
        lines.push(Line::styled(format!(" {summary}"), theme.muted()));
    }
    let mut selected_line = 0;
    let mut kind = "";
    for (n, entry) in changes_entries(set).iter().enumerate() {
        if entry.kind != kind {
            kind = entry.kind;
            let count = set.initiatives.iter().filter(|i| i.has(kind)).count();
            let heading = format!(" ── {} ({count}) ", words::kind(kind, lang));
            let fill = "─".repeat(width.saturating_sub(heading.chars().count()));
            lines.push(Line::from(""));
            lines.push(Line::styled(
                format!("{heading}{fill}"),
                theme.group_header(),
            ));
        }
        let Some(ini) = set.initiatives.get(entry.initiative) else {
            continue;
        };
        let selected = n == view.selected;
        if selected {
            selected_line = lines.len();
        }
        lines.push(entry_line(set, ini, kind, selected, theme, lang));
    }
    let height = usize::from(area.height);
    let offset = (selected_line + 1).saturating_sub(height);
    let shown: Vec<Line> = lines
        .into_iter()
        .skip(offset)
        .take(height)
        .map(|l| fit_line(l, area.width))
        .collect();
    frame.render_widget(Paragraph::new(shown), area);
}

/// `▶ ↑3   id  Title: what changed`.
fn entry_line<'a>(
    set: &ChangeSet,
    ini: &InitiativeChanges,
    kind: &str,
    selected: bool,
    theme: &Theme,
    lang: Lang,
) -> Line<'a> {
    let marker = set.marker(&ini.id).unwrap_or_else(|| "-".into());
    let what: Vec<String> = ini
        .changes
        .iter()
        .filter(|c| c.kind() == kind)
        .map(|c| changes::describe(c, set, lang).1)
        .collect();
    let line = Line::from(vec![
        Span::raw(if selected { "▶ " } else { "  " }),
        Span::styled(format!("{marker:<5} "), theme.title()),
        Span::styled(format!("{}  ", safe::line(&ini.id)), theme.muted()),
        Span::styled(safe::line(&ini.title).into_owned(), theme.text()),
        Span::styled(format!(": {}", what.join("; ")), theme.text()),
    ]);
    if selected {
        line.style(theme.selected())
    } else {
        line
    }
}

/// The prompt for a revision or date, over the screen.
pub fn render_prompt(
    app: &App,
    prompt: &SincePrompt,
    theme: &Theme,
    frame: &mut Frame,
    area: Rect,
) {
    let width = area.width.min(76);
    let inner_width = usize::from(width.saturating_sub(4));
    let hint = words::SINCE_PROMPT.get(app.lang);
    let hint_lines = hint.chars().count().div_ceil(inner_width.max(1)) as u16;
    let error_lines = u16::from(prompt.error.is_some());
    let popup = centred(area, width, 1 + error_lines + 1 + hint_lines + 2);
    let title = format!(" {} ", words::ACT_CHANGES.get(app.lang));
    let block = Block::default()
        .borders(Borders::ALL)
        .padding(Padding::horizontal(1))
        .border_style(theme.border())
        .title(Span::styled(fit(&title, inner_width + 2), theme.title()));
    let mut lines = vec![Line::from(vec![
        Span::styled("> ", theme.muted()),
        Span::styled(safe::line(&prompt.text).into_owned(), theme.text()),
        Span::styled("█", theme.muted()),
    ])];
    if let Some(error) = &prompt.error {
        lines.push(Line::styled(error.clone(), theme.error()));
    }
    lines.push(Line::from(""));
    lines.push(Line::styled(hint, theme.muted()));
    frame.render_widget(Clear, popup);
    frame.render_widget(
        Paragraph::new(lines)
            .wrap(Wrap { trim: false })
            .block(block),
        popup,
    );
}

/// Over an initiative's tabs when changes are shown: `≠ Ändrat sedan …: poäng Nytta 2 → 4;
/// fas …` — the marker and the words carry it, the colour only repeats it.
pub fn changed_line(app: &App, id: &str, theme: &Theme) -> Option<Line<'static>> {
    let set = app.changes.as_ref()?;
    let ini = set.get(id)?;
    let what: Vec<String> = ini
        .changes
        .iter()
        .map(|c| {
            let (label, detail) = changes::describe(c, set, app.lang);
            format!("{label} {detail}")
        })
        .collect();
    let marker = set.marker(id).unwrap_or_default();
    Some(Line::from(vec![
        Span::styled(format!(" ≠ {marker} "), theme.title()),
        Span::styled(
            format!("{}: {}", words::CHANGED.get(app.lang), what.join(" · ")),
            theme.search_match(),
        ),
    ]))
}

/// The kinds of change a detail tab shows.
fn kinds_of(tab: DetailTab) -> &'static [&'static str] {
    match tab {
        DetailTab::Overview => &["added", "title", "stage", "rank", "gate", "budget"],
        DetailTab::Scores => &["score", "benefit", "feasibility", "priority", "gate"],
        DetailTab::Case => &["npv", "payback", "budget"],
        DetailTab::Benefits => &["follow_up"],
        DetailTab::Decisions => &["decision"],
    }
}

/// Marks a tab's document with what changed: a list at its top (`≠ Ändrat: …`) of the changes
/// this tab shows, and `≠` before each changed criterion in the scores table.
pub fn mark_tab(app: &App, id: &str, tab: DetailTab, doc: &mut Doc) {
    let Some((set, ini)) = app.changes.as_ref().and_then(|s| Some((s, s.get(id)?))) else {
        return;
    };
    let kinds = kinds_of(tab);
    let shown: Vec<Cell> = ini
        .changes
        .iter()
        .filter(|c| kinds.contains(&c.kind()))
        .map(|c| {
            let (label, detail) = changes::describe(c, set, app.lang);
            Cell::Text(format!("{label}: {detail}"))
        })
        .collect();
    if shown.is_empty() {
        return;
    }
    let criteria: Vec<&str> = ini
        .changes
        .iter()
        .filter_map(|c| match c {
            Change::Score { criterion, .. } => Some(set.criterion_name(criterion, app.lang)),
            _ => None,
        })
        .collect();
    if tab == DetailTab::Scores {
        for block in &mut doc.blocks {
            let DocBlock::Table { rows, .. } = block else {
                continue;
            };
            for cell in rows.iter_mut().filter_map(|r| r.first_mut()) {
                if let Cell::Text(name) = cell
                    && criteria.contains(&name.as_str())
                {
                    *name = format!("≠ {name}");
                }
            }
        }
    }
    let heading = format!("≠ {}", words::CHANGED.get(app.lang));
    doc.blocks
        .splice(0..0, [DocBlock::Heading(3, heading), DocBlock::List(shown)]);
}
