//! A scrollable document of text and widgets (tables, charts) stacked vertically. Only the
//! pieces that reach into the visible window are drawn.

use ratatui::Frame;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget, Wrap};

use super::super::theme::Theme;
use super::fit;
use crate::i18n::Lang;
use crate::i18n::safe::{self, Layout};
use crate::report::cell::{Align, Cell, fit as fit_cell};
use crate::report::doc::{Block, Doc as Report};

type Draw<'a> = Box<dyn FnOnce(Rect, &mut Buffer) + 'a>;

enum Piece<'a> {
    Text(Vec<Line<'a>>),
    Widget(u16, Draw<'a>),
}

#[derive(Default)]
pub struct Doc<'a> {
    pieces: Vec<Piece<'a>>,
    /// Selectable initiatives: the piece each one starts, and its id.
    targets: Vec<(usize, String)>,
}

/// An initiative the cursor can select: its first line in the document, and its id.
pub type Target = (u16, String);

impl<'a> Doc<'a> {
    pub fn line(&mut self, line: impl Into<Line<'a>>) {
        match self.pieces.last_mut() {
            Some(Piece::Text(lines)) => lines.push(line.into()),
            _ => self.pieces.push(Piece::Text(vec![line.into()])),
        }
    }

    /// Another document's pieces, below this one's.
    pub fn append(&mut self, other: Doc<'a>) {
        let offset = self.pieces.len();
        self.targets
            .extend(other.targets.into_iter().map(|(p, id)| (p + offset, id)));
        self.pieces.extend(other.pieces);
    }

    /// A line naming a selectable initiative: it starts a piece of its own, so its top is known.
    pub fn target(&mut self, id: &str, line: impl Into<Line<'a>>) {
        self.targets.push((self.pieces.len(), id.to_string()));
        self.pieces.push(Piece::Text(vec![line.into()]));
    }

    /// How many selectable initiatives the document holds so far.
    fn target_count(&self) -> usize {
        self.targets.len()
    }

    pub fn blank(&mut self) {
        self.line(Line::default());
    }

    /// A widget of a fixed height, drawn into the rectangle it is given.
    pub fn widget(&mut self, height: u16, draw: impl FnOnce(Rect, &mut Buffer) + 'a) {
        self.pieces.push(Piece::Widget(height, Box::new(draw)));
    }

    /// Draws the window of the document from line `scroll`; returns the largest useful scroll.
    pub fn render(self, frame: &mut Frame, area: Rect, scroll: u16) -> u16 {
        self.render_targets(frame, area, scroll).0
    }

    /// As `render`, and where each selectable initiative starts, in document order.
    pub fn render_targets(self, frame: &mut Frame, area: Rect, scroll: u16) -> (u16, Vec<Target>) {
        let width = area.width;
        let mut top: u32 = 0;
        let window = u32::from(scroll)..u32::from(scroll) + u32::from(area.height);
        let mut targets = self.targets.into_iter().peekable();
        let mut found = Vec::new();
        for (n, piece) in self.pieces.into_iter().enumerate() {
            while let Some((_, id)) = targets.next_if(|(p, _)| *p == n) {
                found.push((u16::try_from(top).unwrap_or(u16::MAX), id));
            }
            let (height, draw): (u32, Draw<'a>) = match piece {
                Piece::Text(lines) => {
                    let p = Paragraph::new(lines).wrap(Wrap { trim: false });
                    let h = p.line_count(width) as u32;
                    (h, Box::new(move |r, b| p.render(r, b)))
                }
                Piece::Widget(h, draw) => (u32::from(h), draw),
            };
            let bottom = top + height;
            if bottom > window.start && top < window.end && height > 0 {
                blit(frame, area, top, height, window.start, draw);
            }
            top = bottom;
        }
        let max = top.saturating_sub(u32::from(area.height));
        (u16::try_from(max).unwrap_or(u16::MAX), found)
    }
}

/// Draws a piece into its own buffer and copies the rows inside the window onto the frame.
fn blit(frame: &mut Frame, area: Rect, top: u32, height: u32, scroll: u32, draw: Draw<'_>) {
    // A piece taller than this is cut; no screen is that tall.
    let height = height.min(4096) as u16;
    let local = Rect::new(0, 0, area.width, height);
    let mut buffer = Buffer::empty(local);
    draw(local, &mut buffer);
    let target = frame.buffer_mut();
    for row in 0..height {
        let doc_line = top + u32::from(row);
        if doc_line < scroll {
            continue;
        }
        let y = doc_line - scroll;
        if y >= u32::from(area.height) {
            break;
        }
        for x in 0..area.width {
            target[(area.x + x, area.y + y as u16)] = buffer[(x, row)].clone();
        }
    }
}

/// The shared document model (`report::doc`) drawn with the theme: every cell styled by its kind,
/// text that does not fit ends in `…`. The level-1 heading is left to the header line.
pub fn from_report(report: &Report, theme: &Theme, lang: Lang, width: u16) -> Doc<'static> {
    from_report_selected(report, theme, lang, width, None)
}

/// As `from_report`; the `selected`-th initiative named in a list or table is marked `▶`.
pub fn from_report_selected(
    report: &Report,
    theme: &Theme,
    lang: Lang,
    width: u16,
    selected: Option<usize>,
) -> Doc<'static> {
    let mut doc = Doc::default();
    let look = Look {
        theme,
        lang,
        width: usize::from(width),
        selected,
    };
    let width = usize::from(width);
    let blocks = &report.blocks;
    let mut n = 0;
    while n < blocks.len() {
        // Short tables under their headings, one after another, go side by side when they fit.
        if let Some((columns, used)) = side_by_side(&blocks[n..], theme, lang, width) {
            doc.blank();
            let height = columns.iter().map(|(l, _)| l.len()).max().unwrap_or(0) as u16;
            doc.widget(height, move |area, buf| {
                let mut x = area.x;
                for (lines, w) in columns {
                    let w = (w as u16).min(area.right().saturating_sub(x));
                    Paragraph::new(lines).render(
                        Rect {
                            x,
                            width: w,
                            ..area
                        },
                        buf,
                    );
                    x = x.saturating_add(w + 2);
                }
            });
            n += used;
            continue;
        }
        block(&mut doc, &blocks[n], n > 0, &look);
        n += 1;
    }
    doc
}

/// How a report is drawn: theme, language, width and the selected initiative entry.
struct Look<'t> {
    theme: &'t Theme,
    lang: Lang,
    width: usize,
    selected: Option<usize>,
}

impl Look<'_> {
    /// A line naming an initiative: a target, marked `▶` and highlighted when selected.
    fn entry(&self, doc: &mut Doc<'static>, id: &str, mut spans: Vec<Span<'static>>) {
        if self.selected == Some(doc.target_count()) {
            if let Some(first) = spans.first_mut() {
                *first = Span::styled("▶ ", self.theme.selected());
            }
            for span in spans.iter_mut().skip(1) {
                span.style = span.style.patch(self.theme.selected());
            }
        }
        doc.target(id, Line::from(spans));
    }
}

fn block(doc: &mut Doc<'static>, block: &Block, after: bool, look: &Look) {
    let (theme, lang, width) = (look.theme, look.lang, look.width);
    match block {
        Block::Heading(1, _) => {}
        Block::Heading(level, text) => {
            if after && *level == 2 {
                doc.blank();
            }
            doc.line(Line::styled(fit(&safe::line(text), width), theme.title()));
        }
        Block::Fields(fields) => {
            let label_width = fields
                .iter()
                .map(|(k, _)| k.chars().count())
                .max()
                .unwrap_or(0)
                .min(width / 2);
            for (label, value) in fields {
                let label = fit_cell(label, label_width, Align::Left);
                doc.line(Line::from(vec![
                    Span::styled(format!("  {label}  "), theme.muted()),
                    Span::styled(value.render(lang), theme.cell(value.kind())),
                ]));
            }
        }
        Block::Paragraph(text) => {
            doc.line(Line::styled(
                format!("  {}", safe::visible(text, Layout::Text)),
                theme.muted(),
            ));
        }
        Block::List(items) => {
            for item in items {
                let text = fit(&item.render(lang), width.saturating_sub(4));
                let style = theme.cell(item.kind());
                match item.initiative_id() {
                    Some(id) => {
                        look.entry(doc, id, vec![Span::raw("  "), Span::styled(text, style)])
                    }
                    None => doc.line(Line::styled(format!("  {text}"), style)),
                }
            }
        }
        Block::Table {
            header,
            align,
            rows,
        } => {
            let lines = table(header, align, rows, theme, lang, width);
            let mut lines = lines.into_iter();
            if let Some(head) = lines.next() {
                doc.line(head);
            }
            for (row, line) in rows.iter().zip(lines) {
                match row.iter().find_map(Cell::initiative_id) {
                    Some(id) => look.entry(doc, id, line.spans),
                    None => doc.line(line),
                }
            }
        }
    }
}

/// Two or three (heading, table) pairs at the start of `blocks` laid out as columns, with their
/// widths, and how many blocks they take; `None` when there are fewer or they do not fit.
type Columns = Vec<(Vec<Line<'static>>, usize)>;

fn side_by_side(
    blocks: &[Block],
    theme: &Theme,
    lang: Lang,
    width: usize,
) -> Option<(Columns, usize)> {
    let mut columns: Columns = Vec::new();
    for pair in blocks.chunks(2).take(3) {
        let [
            Block::Heading(2, title),
            Block::Table {
                header,
                align,
                rows,
            },
        ] = pair
        else {
            break;
        };
        if rows.iter().flatten().any(|c| c.initiative_id().is_some()) {
            break;
        }
        let mut lines = vec![Line::styled(safe::line(title).into_owned(), theme.title())];
        lines.extend(table(header, align, rows, theme, lang, width));
        let w = lines.iter().map(Line::width).max().unwrap_or(0);
        columns.push((lines, w));
    }
    let total: usize = columns.iter().map(|(_, w)| w + 2).sum();
    (columns.len() >= 2 && total <= width).then(|| {
        let used = 2 * columns.len();
        (columns, used)
    })
}

/// A table of typed cells: columns as wide as their widest cell, the last one cut to the width.
fn table(
    header: &[String],
    align: &[Align],
    rows: &[Vec<Cell>],
    theme: &Theme,
    lang: Lang,
    width: usize,
) -> Vec<Line<'static>> {
    let shown = |c: &Cell| match c {
        Cell::Share(n, total) => format!("{} {}", share_bar(*n, *total), c.render(lang)),
        _ => c.render(lang),
    };
    let texts: Vec<Vec<String>> = rows.iter().map(|r| r.iter().map(shown).collect()).collect();
    let mut widths: Vec<usize> = header.iter().map(|h| h.chars().count()).collect();
    for r in &texts {
        for (w, t) in widths.iter_mut().zip(r) {
            *w = (*w).max(t.chars().count());
        }
    }
    // A first column naming initiatives gives way (down to two fifths) before the last is cut,
    // so that a row stays one line.
    let total = 2 + widths.iter().map(|w| w + 2).sum::<usize>() - 2;
    let names = rows
        .iter()
        .any(|r| r.first().is_some_and(|c| c.initiative_id().is_some()));
    if names && widths.len() >= 2 && total > width {
        let floor = (width * 2 / 5).max(12);
        widths[0] = widths[0]
            .saturating_sub(total - width)
            .max(floor)
            .min(widths[0]);
    }
    // What is left for the last column; the figures before it are never cut.
    if let Some((last, others)) = widths.split_last_mut() {
        let taken = 2 + others.iter().map(|w| w + 2).sum::<usize>();
        *last = (*last).min(width.saturating_sub(taken).max(8));
    }
    let line = |cells: Vec<(String, ratatui::style::Style)>| {
        let mut spans = vec![Span::raw("  ")];
        for (k, ((text, style), &w)) in cells.into_iter().zip(&widths).enumerate() {
            let a = align.get(k).copied().unwrap_or(Align::Left);
            if k > 0 {
                spans.push(Span::raw("  "));
            }
            spans.push(Span::styled(fit_cell(&text, w, a), style));
        }
        Line::from(spans)
    };
    let mut out = vec![line(
        header.iter().map(|h| (h.clone(), theme.title())).collect(),
    )];
    for (row, text) in rows.iter().zip(texts) {
        let styled = row
            .iter()
            .zip(text)
            .map(|(c, t)| (t, theme.cell(c.kind())))
            .collect();
        out.push(line(styled));
    }
    out
}

fn share_bar(count: usize, total: usize) -> String {
    let filled = if total == 0 {
        0
    } else {
        (count * 10).div_ceil(total).min(10)
    };
    format!("{}{}", "█".repeat(filled), "░".repeat(10 - filled))
}
