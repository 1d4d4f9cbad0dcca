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

/// A single-file portfolio (or a `portfolio.yaml`) from its text.
pub fn load_text(path: &Path, text: &str) -> Loaded {
    let mut diagnostics = Vec::new();
    let (file, settings, model) = portfolio_settings(path, text, &mut diagnostics);
    let starts: Vec<Loc> = file
        .initiatives
        .iter()
        .flatten()
        .map(|item| item.loc)
        .collect();
    let mut initiatives = Vec::new();
    let lines: Vec<&str> = text.split_inclusive('\n').collect();
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
