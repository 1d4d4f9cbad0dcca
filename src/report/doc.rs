//! A small document model, so that `show` and `summary` are written once and rendered as
//! terminal text or as Markdown.

use super::fmt::{Align, cell, md};
use crate::i18n::Lang;

#[derive(Clone, Debug, PartialEq)]
pub enum Block {
    /// Level 1–3.
    Heading(u8, String),
    /// Label and value pairs.
    Fields(Vec<(String, String)>),
    Paragraph(String),
    List(Vec<String>),
    Table {
        header: Vec<String>,
        align: Vec<Align>,
        rows: Vec<Vec<String>>,
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

    /// Fields whose value is empty are left out.
    pub fn fields(&mut self, fields: Vec<(&str, String)>) {
        let kept: Vec<(String, String)> = fields
            .into_iter()
            .filter(|(_, v)| !v.is_empty())
            .map(|(k, v)| (k.to_string(), v))
            .collect();
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
            self.blocks.push(Block::List(items));
        }
    }

    pub fn table(&mut self, header: &[&str], align: &[Align], rows: Vec<Vec<String>>) {
        self.blocks.push(Block::Table {
            header: header.iter().map(|h| h.to_string()).collect(),
            align: align.to_vec(),
            rows,
        });
    }

    pub fn to_text(&self) -> String {
        let parts: Vec<String> = self.blocks.iter().map(text_block).collect();
        parts.join("\n\n") + "\n"
    }

    pub fn to_markdown(&self) -> String {
        let parts: Vec<String> = self.blocks.iter().map(markdown_block).collect();
        parts.join("\n\n") + "\n"
    }
}

/// Collects label/value pairs; `end` adds them to the document as one block.
pub struct Fields<'a> {
    doc: &'a mut Doc,
    lang: Lang,
    fields: Vec<(String, String)>,
}

impl Fields<'_> {
    /// A field labelled `sv` or `en`; left out when the value is empty.
    pub fn add(&mut self, sv: &str, en: &str, value: impl Into<String>) -> &mut Self {
        let value = value.into();
        if !value.is_empty() {
            self.fields
                .push((self.lang.pick(sv, en).to_string(), value));
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

fn text_block(block: &Block) -> String {
    match block {
        Block::Heading(level, text) => {
            let mark = if *level <= 1 { '═' } else { '─' };
            if *level >= 3 {
                return text.clone();
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
                .map(|(k, v)| format!("  {} {v}", cell(&format!("{k}:"), width + 1, Align::Left)))
                .collect();
            lines.join("\n")
        }
        Block::Paragraph(text) => text.clone(),
        Block::List(items) => {
            let lines: Vec<String> = items.iter().map(|i| format!("  • {i}")).collect();
            lines.join("\n")
        }
        Block::Table {
            header,
            align,
            rows,
        } => text_table(header, align, rows),
    }
}

fn text_table(header: &[String], align: &[Align], rows: &[Vec<String>]) -> String {
    let mut widths: Vec<usize> = header.iter().map(|h| h.chars().count()).collect();
    for r in rows {
        for (w, c) in widths.iter_mut().zip(r) {
            *w = (*w).max(c.chars().count());
        }
    }
    let line = |cells: &[String]| {
        let parts: Vec<String> = cells
            .iter()
            .zip(&widths)
            .enumerate()
            .map(|(i, (c, &w))| cell(c, w, align.get(i).copied().unwrap_or(Align::Left)))
            .collect();
        format!("  {}", parts.join("  ").trim_end())
    };
    let mut out = vec![line(header)];
    let total: usize = widths.iter().sum::<usize>() + 2 * widths.len().saturating_sub(1);
    out.push(format!("  {}", "─".repeat(total)));
    out.extend(rows.iter().map(|r| line(r)));
    out.join("\n")
}

fn markdown_block(block: &Block) -> String {
    match block {
        Block::Heading(level, text) => {
            format!("{} {}", "#".repeat(usize::from(*level).clamp(1, 6)), text)
        }
        Block::Fields(fields) => {
            let lines: Vec<String> = fields
                .iter()
                .map(|(k, v)| format!("- **{}:** {}", md(k), md(v)))
                .collect();
            lines.join("\n")
        }
        Block::Paragraph(text) => md(text),
        Block::List(items) => {
            let lines: Vec<String> = items.iter().map(|i| format!("- {}", md(i))).collect();
            lines.join("\n")
        }
        Block::Table {
            header,
            align,
            rows,
        } => {
            let cells = |r: &[String]| {
                let escaped: Vec<String> = r.iter().map(|c| md(c)).collect();
                format!("| {} |", escaped.join(" | "))
            };
            let rule: Vec<&str> = (0..header.len())
                .map(|i| match align.get(i) {
                    Some(Align::Right) => "---:",
                    _ => "---",
                })
                .collect();
            let mut out = vec![cells(header), format!("|{}|", rule.join("|"))];
            out.extend(rows.iter().map(|r| cells(r)));
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
        d.fields(vec![("Enhet", "Bygglov".into()), ("Tom", String::new())]);
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
        let text = sample().to_text();
        assert!(text.starts_with("Titel\n═════\n"), "{text}");
        assert!(text.contains("  Enhet: Bygglov"));
        assert!(!text.contains("Tom"));
        assert!(text.contains("  2026  -1 400\n  2027     a|b"), "{text}");
    }

    #[test]
    fn markdown_escapes_cells_and_aligns_numbers() {
        let md = sample().to_markdown();
        assert!(md.contains("# Titel"));
        assert!(md.contains("- **Enhet:** Bygglov"));
        assert!(md.contains("|---|---:|"));
        assert!(md.contains("| 2027 | a\\|b |"), "{md}");
    }
}
