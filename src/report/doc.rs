//! The one document model: a screen or report is built once, from (data, language), as blocks
//! and tables of typed cells, and each surface only renders it — plain text for the CLI and
//! Markdown here, ratatui in `tui::views::doc`. Text from data is made safe when rendered.

use super::cell::{Align, Cell, fit};
use crate::i18n::safe::{self, Layout};
use crate::i18n::{Lang, ui::Text};

#[derive(Clone, Debug, PartialEq)]
pub enum Block {
    /// Level 1–3.
    Heading(u8, String),
    /// Label and value pairs.
    Fields(Vec<(String, Cell)>),
    /// Running text (it may hold text from data).
    Paragraph(String),
    List(Vec<Cell>),
    Table {
        header: Vec<String>,
        align: Vec<Align>,
        rows: Vec<Vec<Cell>>,
    },
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Doc {
    pub blocks: Vec<Block>,
}

impl Doc {
    pub fn heading(&mut self, level: u8, text: impl Into<String>) {
        self.blocks.push(Block::Heading(level, text.into()));
    }

    /// Typed fields; empty ones are left out.
    pub fn cells(&mut self, fields: Vec<(String, Cell)>) {
        let kept: Vec<(String, Cell)> = fields.into_iter().filter(|(_, v)| !empty(v)).collect();
        if !kept.is_empty() {
            self.blocks.push(Block::Fields(kept));
        }
    }

    /// Fields labelled in the document's language, added one per line of code.
    pub fn field_list(&mut self, lang: Lang) -> Fields<'_> {
        Fields {
            doc: self,
            lang,
            fields: Vec::new(),
        }
    }

    pub fn paragraph(&mut self, text: impl Into<String>) {
        self.blocks.push(Block::Paragraph(text.into()));
    }

    pub fn list(&mut self, items: Vec<String>) {
        if !items.is_empty() {
            self.blocks
                .push(Block::List(items.into_iter().map(Cell::Text).collect()));
        }
    }

    pub fn table(&mut self, header: &[&str], align: &[Align], rows: Vec<Vec<String>>) {
        self.blocks.push(Block::Table {
            header: header.iter().map(|h| h.to_string()).collect(),
            align: align.to_vec(),
            rows: rows
                .into_iter()
                .map(|r| r.into_iter().map(Cell::Text).collect())
                .collect(),
        });
    }

    /// A table of typed cells: each column aligned as its first cell asks (figures right).
    pub fn typed_table(&mut self, header: Vec<String>, rows: Vec<Vec<Cell>>) {
        let align = (0..header.len())
            .map(|n| {
                rows.iter()
                    .filter_map(|r| r.get(n))
                    .find(|c| **c != Cell::Empty)
                    .map_or(Align::Left, Cell::align)
            })
            .collect();
        self.blocks.push(Block::Table {
            header,
            align,
            rows,
        });
    }

    pub fn to_text(&self, lang: Lang) -> String {
        let parts: Vec<String> = self.blocks.iter().map(|b| text_block(b, lang)).collect();
        parts.join("\n\n") + "\n"
    }

    pub fn to_markdown(&self, lang: Lang) -> String {
        let parts: Vec<String> = self
            .blocks
            .iter()
            .map(|b| markdown_block(b, lang))
            .collect();
        parts.join("\n\n") + "\n"
    }
}

fn empty(cell: &Cell) -> bool {
    match cell {
        Cell::Empty => true,
        Cell::Text(s) | Cell::Muted(s) => s.is_empty(),
        _ => false,
    }
}

/// Collects label/value pairs; `end` adds them to the document as one block.
pub struct Fields<'a> {
    doc: &'a mut Doc,
    lang: Lang,
    fields: Vec<(String, Cell)>,
}

impl Fields<'_> {
    /// A field labelled `sv` or `en`; left out when the value is empty.
    pub fn add(&mut self, sv: &str, en: &str, value: impl Into<String>) -> &mut Self {
        let label = self.lang.pick(sv, en).to_string();
        self.cell(label, Cell::Text(value.into()))
    }

    /// A field of the interface's words and a typed value; left out when the value is empty.
    pub fn typed(&mut self, label: Text, value: Cell) -> &mut Self {
        let label = label.get(self.lang).to_string();
        self.cell(label, value)
    }

    fn cell(&mut self, label: String, value: Cell) -> &mut Self {
        if !empty(&value) {
            self.fields.push((label, value));
        }
        self
    }

    pub fn end(&mut self) {
        let fields = std::mem::take(&mut self.fields);
        if !fields.is_empty() {
            self.doc.blocks.push(Block::Fields(fields));
        }
    }
}

/// Table headers from Swedish and English pairs.
pub fn header<'a>(lang: Lang, pairs: &[(&'a str, &'a str)]) -> Vec<&'a str> {
    pairs.iter().map(|&(sv, en)| lang.pick(sv, en)).collect()
}

fn text_block(block: &Block, lang: Lang) -> String {
    match block {
        Block::Heading(level, text) => {
            let text = safe::line(text);
            let mark = if *level <= 1 { '═' } else { '─' };
            if *level >= 3 {
                return text.into_owned();
            }
            format!("{text}\n{}", mark.to_string().repeat(text.chars().count()))
        }
        Block::Fields(fields) => {
            let width = fields
                .iter()
                .map(|(k, _)| k.chars().count())
                .max()
                .unwrap_or(0);
            let lines: Vec<String> = fields
                .iter()
                .map(|(k, v)| {
                    let label = fit(&format!("{k}:"), width + 1, Align::Left);
                    format!("  {label} {}", v.render(lang))
                })
                .collect();
            lines.join("\n")
        }
        Block::Paragraph(text) => safe::visible(text, Layout::Text).into_owned(),
        Block::List(items) => {
            let lines: Vec<String> = items
                .iter()
                .map(|i| format!("  • {}", i.render(lang)))
                .collect();
            lines.join("\n")
        }
        Block::Table {
            header,
            align,
            rows,
        } => text_table(header, align, rows, lang),
    }
}

fn text_table(header: &[String], align: &[Align], rows: &[Vec<Cell>], lang: Lang) -> String {
    let rendered: Vec<Vec<String>> = rows
        .iter()
        .map(|r| r.iter().map(|c| c.render(lang)).collect())
        .collect();
    let mut widths: Vec<usize> = header.iter().map(|h| h.chars().count()).collect();
    for r in &rendered {
        for (w, c) in widths.iter_mut().zip(r) {
            *w = (*w).max(c.chars().count());
        }
    }
    let line = |cells: &[String]| {
        let parts: Vec<String> = cells
            .iter()
            .zip(&widths)
            .enumerate()
            .map(|(i, (c, &w))| fit(c, w, align.get(i).copied().unwrap_or(Align::Left)))
            .collect();
        format!("  {}", parts.join("  ").trim_end())
    };
    let mut out = vec![line(header)];
    let total: usize = widths.iter().sum::<usize>() + 2 * widths.len().saturating_sub(1);
    out.push(format!("  {}", "─".repeat(total)));
    out.extend(rendered.iter().map(|r| line(r)));
    out.join("\n")
}

/// A typed cell in Markdown: text from data escaped, words and figures as they read.
pub fn markdown_cell(cell: &Cell, lang: Lang) -> String {
    match cell {
        Cell::Text(s) | Cell::Muted(s) => safe::markdown_text(s),
        Cell::Initiative { id, title } => format!(
            "{} ({})",
            safe::markdown_text(title),
            safe::markdown_text(id)
        ),
        other => md(&other.render(lang)),
    }
}

/// Words of the interface inside Markdown: only table syntax and line breaks escaped.
pub fn md(text: &str) -> String {
    safe::line(text).replace('\\', "\\\\").replace('|', "\\|")
}

fn markdown_block(block: &Block, lang: Lang) -> String {
    match block {
        Block::Heading(level, text) => format!(
            "{} {}",
            "#".repeat(usize::from(*level).clamp(1, 6)),
            safe::markdown_text(text)
        ),
        Block::Fields(fields) => {
            let lines: Vec<String> = fields
                .iter()
                .map(|(k, v)| format!("- **{}:** {}", md(k), markdown_cell(v, lang)))
                .collect();
            lines.join("\n")
        }
        Block::Paragraph(text) => {
            let lines: Vec<String> = text.lines().map(safe::markdown_text).collect();
            lines.join("\n")
        }
        Block::List(items) => {
            let lines: Vec<String> = items
                .iter()
                .map(|i| format!("- {}", markdown_cell(i, lang)))
                .collect();
            lines.join("\n")
        }
        Block::Table {
            header,
            align,
            rows,
        } => {
            let head: Vec<String> = header.iter().map(|h| md(h)).collect();
            let rule: Vec<&str> = (0..header.len())
                .map(|i| match align.get(i) {
                    Some(Align::Right) => "---:",
                    _ => "---",
                })
                .collect();
            let mut out = vec![
                format!("| {} |", head.join(" | ")),
                format!("|{}|", rule.join("|")),
            ];
            out.extend(rows.iter().map(|r| {
                let cells: Vec<String> = r.iter().map(|c| markdown_cell(c, lang)).collect();
                format!("| {} |", cells.join(" | "))
            }));
            out.join("\n")
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> Doc {
        let mut d = Doc::default();
        d.heading(1, "Titel");
        d.cells(vec![
            ("Enhet".into(), Cell::text("Bygglov")),
            ("Tom".into(), Cell::Empty),
        ]);
        d.table(
            &["År", "Netto"],
            &[Align::Left, Align::Right],
            vec![
                vec!["2026".into(), "-1 400".into()],
                vec!["2027".into(), "a|b".into()],
            ],
        );
        d
    }

    #[test]
    fn text_aligns_columns_and_skips_empty_fields() {
        let text = sample().to_text(Lang::Sv);
        assert!(text.starts_with("Titel\n═════\n"), "{text}");
        assert!(text.contains("  Enhet: Bygglov"));
        assert!(!text.contains("Tom"));
        assert!(text.contains("  2026  -1 400\n  2027     a|b"), "{text}");
    }

    #[test]
    fn markdown_escapes_cells_and_aligns_numbers() {
        let md = sample().to_markdown(Lang::Sv);
        assert!(md.contains("# Titel"));
        assert!(md.contains("- **Enhet:** Bygglov"));
        assert!(md.contains("|---|---:|"));
        assert!(md.contains("| 2027 | a\\|b |"), "{md}");
    }

    #[test]
    fn typed_cells_keep_their_sign_and_align_right() {
        let mut d = Doc::default();
        d.typed_table(
            vec!["Initiativ".into(), "Per år".into()],
            vec![vec![
                Cell::text("x\u{1b}[2J"),
                Cell::Money(Some("-12345678".parse().unwrap())),
            ]],
        );
        let text = d.to_text(Lang::Sv);
        assert!(text.contains("-12\u{a0}345\u{a0}678\u{a0}kr"), "{text}");
        assert!(!text.contains('\u{1b}'), "{text}");
    }
}
