//! The single-file form: `portfolio.yaml`-style settings plus an `initiatives:` list. Each list
//! item is parsed on its own, from its own lines of the file, so one broken initiative does not
//! stop the rest and every location stays a location in the whole file.

use std::path::Path;

use super::files::{Disk, Source, decode};
use super::{Diagnostic, Loaded, Origin, finish, initiative, portfolio_settings};
use crate::model::Loc;

pub fn load_file(path: &Path) -> Loaded {
    let read = Disk { root: None }
        .read(path)
        .map_err(|m| Diagnostic::error(path, Loc::default(), m))
        .and_then(|bytes| {
            let digest = super::digest(&bytes);
            decode(path, bytes).map(|text| (text, digest))
        });
    match read {
        Ok((text, digest)) => {
            let mut loaded = load_text(path, &text);
            loaded.digests.insert(path.to_path_buf(), digest);
            loaded
        }
        Err(d) => {
            let mut loaded = load_text(path, "");
            loaded.diagnostics.insert(0, d);
            loaded
        }
    }
}

/// A single-file portfolio (or a `portfolio.yaml`) from its text. The settings are parsed
/// without the `initiatives:` block (its lines blanked, so that locations stay), and each item
/// of the block on its own: one bad item, even one the YAML parser refuses (`1e400`, a
/// duplicate key), costs only that item.
pub fn load_text(path: &Path, text: &str) -> Loaded {
    let mut diagnostics = Vec::new();
    let lines: Vec<&str> = text.split_inclusive('\n').collect();
    let block = initiatives_block(&lines);
    let settings_text = match block {
        Some((from, to)) => blank_lines(&lines, from + 1, to),
        None => text.to_string(),
    };
    let (file, settings, model) = portfolio_settings(path, &settings_text, &mut diagnostics);
    let starts: Vec<Loc> = match block {
        Some((from, to)) => item_starts(&lines, from + 1, to),
        None => file
            .initiatives
            .iter()
            .flatten()
            .map(|item| item.loc)
            .collect(),
    };
    let mut initiatives = Vec::new();
    for (i, start) in starts.iter().enumerate() {
        let next = starts.get(i + 1).map(|l| l.line);
        if next == Some(start.line) {
            let d = Diagnostic::error(
                path,
                *start,
                "write `initiatives:` as a block list, one `- ` item per initiative",
            );
            diagnostics.push(d.with_source(text));
            break;
        }
        let slice = item_text(&lines, *start, next);
        let (ini, mut found) = initiative(path, &slice, start.line, None, (&model, &settings));
        initiatives.extend(ini);
        diagnostics.append(&mut found);
    }
    finish(
        settings,
        model,
        initiatives,
        diagnostics,
        Origin::File(path.to_path_buf()),
    )
}

/// The line index of a top-level `initiatives:` written as a block (nothing after the colon
/// but a comment), and the index just past its last line.
fn initiatives_block(lines: &[&str]) -> Option<(usize, usize)> {
    let from = lines.iter().position(|l| {
        l.strip_prefix("initiatives:").is_some_and(|rest| {
            let rest = rest.trim();
            rest.is_empty() || rest.starts_with('#')
        })
    })?;
    let to = lines
        .iter()
        .enumerate()
        .skip(from + 1)
        .find(|(_, l)| {
            let t = l.trim();
            !t.is_empty() && !t.starts_with('#') && !l.starts_with([' ', '-'])
        })
        .map_or(lines.len(), |(i, _)| i);
    Some((from, to))
}

/// The text with lines `from..to` emptied.
fn blank_lines(lines: &[&str], from: usize, to: usize) -> String {
    lines
        .iter()
        .enumerate()
        .map(|(i, l)| {
            if (from..to).contains(&i) {
                if l.ends_with("\r\n") {
                    "\r\n"
                } else if l.ends_with('\n') {
                    "\n"
                } else {
                    ""
                }
            } else {
                l
            }
        })
        .collect()
}

/// Where each item of the block starts: the line of its `- ` at the block's least indentation,
/// and the column of its first key.
fn item_starts(lines: &[&str], from: usize, to: usize) -> Vec<Loc> {
    let dash = |l: &str| {
        let indent = l.len() - l.trim_start_matches(' ').len();
        let rest = &l[indent..];
        (rest.starts_with("- ") || rest.trim_end() == "-").then_some(indent)
    };
    let Some(column) = lines[from..to].iter().filter_map(|l| dash(l)).min() else {
        return Vec::new();
    };
    let mut starts = Vec::new();
    for (i, line) in lines.iter().enumerate().take(to).skip(from) {
        if dash(line) != Some(column) {
            continue;
        }
        let after = &line[column + 1..];
        let key_at = column + 1 + (after.len() - after.trim_start_matches(' ').len());
        starts.push(Loc {
            line: i as u32 + 1,
            col: line[..key_at].chars().count() as u32 + 1,
        });
    }
    starts
}

/// The lines of one list item, with the `- ` before its first key blanked so that the columns
/// stay as in the file. The item ends at the next item or at the first line indented no deeper
/// than its dash.
fn item_text(lines: &[&str], start: Loc, next_line: Option<u32>) -> String {
    let first = start.line.saturating_sub(1) as usize;
    let dash_col = start.col.saturating_sub(3) as usize;
    let end = next_line
        .map_or(lines.len(), |n| (n as usize).saturating_sub(1))
        .min(lines.len());
    let mut out = String::new();
    for (i, line) in lines.iter().enumerate().take(end).skip(first) {
        if i == first {
            let keep = start.col.saturating_sub(1) as usize;
            let prefix_chars = line.chars().take(keep).count();
            out.push_str(&" ".repeat(prefix_chars));
            out.extend(line.chars().skip(keep));
            continue;
        }
        let indent = line.len() - line.trim_start_matches(' ').len();
        let content = line.trim();
        if !content.is_empty() && !content.starts_with('#') && indent <= dash_col {
            break;
        }
        out.push_str(line);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_item_keeps_its_columns_and_stops_at_a_dedent() {
        let text = "initiatives:\n  - title: A\n    stage: idea\nmodel: {}\n";
        let lines: Vec<&str> = text.split_inclusive('\n').collect();
        let item = item_text(&lines, Loc { line: 2, col: 5 }, None);
        assert_eq!(item, "    title: A\n    stage: idea\n");
    }
}
