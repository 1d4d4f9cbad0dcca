//! A new list written as the file's author would: the file's own indentation of `- ` under a
//! key and its own choice of flow (`- {date: …}`) or block entries, placed after the last value
//! and before the comments and blank lines that end the file.

use yaml_edit::ScalarValue;

use super::apply::{Field, text_scalar};

/// How the file writes the entries of its lists.
#[derive(Debug, PartialEq)]
struct Style {
    /// Spaces before `- ` under a top-level key.
    indent: usize,
    /// `- {a: 1, b: 2}` rather than one key per line.
    flow: bool,
}

/// The style of the first block list under a top-level key; two spaces and flow entries, as in
/// the sample portfolio, when the file has none.
fn style(text: &str) -> Style {
    let mut after_key = false;
    for line in text.lines() {
        let trimmed = line.trim_start();
        if trimmed.is_empty() || trimmed.starts_with('#') {
            continue;
        }
        let indent = line.len() - trimmed.len();
        if after_key && let Some(item) = trimmed.strip_prefix("- ") {
            return Style {
                indent,
                flow: item.trim_start().starts_with('{'),
            };
        }
        let value = trimmed.split_once(':').map(|(_, v)| v.trim());
        after_key = indent == 0 && value.is_some_and(|v| v.is_empty() || v.starts_with('#'));
    }
    Style {
        indent: 2,
        flow: true,
    }
}

/// A value as written in a flow entry, or in a block entry (where a comma needs no quotes).
fn value(field: &Field, flow: bool) -> String {
    match field {
        Field::Date(t) | Field::Number(t) => t.clone(),
        Field::Text(t) if flow => text_scalar(t).to_yaml_string(),
        Field::Text(t) => {
            let plain = ScalarValue::string(t.as_str()).to_yaml_string();
            if plain.starts_with('"') && !t.chars().any(char::is_control) {
                ScalarValue::single_quoted(t.as_str()).to_yaml_string()
            } else {
                plain
            }
        }
    }
}

/// `key:` with one entry of `fields`, in the file's style, before its trailing comments.
pub fn append_list(text: &str, key: &str, fields: &[(&'static str, Field)]) -> String {
    let style = style(text);
    let pad = " ".repeat(style.indent);
    let mut list = format!("{key}:\n");
    if style.flow {
        let pairs: Vec<String> = fields
            .iter()
            .map(|(k, f)| format!("{k}: {}", value(f, true)))
            .collect();
        list.push_str(&format!("{pad}- {{{}}}\n", pairs.join(", ")));
    } else {
        for (i, (k, f)) in fields.iter().enumerate() {
            let lead = if i == 0 { "- " } else { "  " };
            list.push_str(&format!("{pad}{lead}{k}: {}\n", value(f, false)));
        }
    }
    let lines: Vec<&str> = text.split_inclusive('\n').collect();
    let tail = lines
        .iter()
        .rev()
        .take_while(|l| {
            let t = l.trim();
            t.is_empty() || t.starts_with('#')
        })
        .count();
    let (body, trailing) = lines.split_at(lines.len() - tail);
    let mut out: String = body.concat();
    if !out.is_empty() && !out.ends_with('\n') {
        out.push('\n');
    }
    out.push_str(&list);
    out.push_str(&trailing.concat());
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fields() -> Vec<(&'static str, Field)> {
        vec![
            ("date", Field::Date("2026-11-23".into())),
            ("outcome", Field::Text("deferred".into())),
            ("note", Field::Text("Beviljas, förutsatt att".into())),
        ]
    }

    #[test]
    fn follows_the_files_indentation_and_flow_style() {
        let text = "title: X\nbenefits:\n    - {id: a}\n# slut\n\n";
        assert_eq!(
            append_list(text, "decisions", &fields()),
            "title: X\nbenefits:\n    - {id: a}\ndecisions:\n    - {date: 2026-11-23, outcome: deferred, note: 'Beviljas, förutsatt att'}\n# slut\n\n"
        );
    }

    #[test]
    fn follows_block_style() {
        let text = "title: X\nbenefits:\n- id: a\n  title: A\n";
        assert_eq!(
            append_list(text, "decisions", &fields()),
            "title: X\nbenefits:\n- id: a\n  title: A\ndecisions:\n- date: 2026-11-23\n  outcome: deferred\n  note: Beviljas, förutsatt att\n"
        );
    }
}
