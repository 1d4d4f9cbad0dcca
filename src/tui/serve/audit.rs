//! The audit log: one JSON line per edit written through the server — when, by which key and
//! name, to which file and initiative, and the lines that changed, old → new.

use std::io::Write as _;
use std::path::{Path, PathBuf};

use serde::Serialize;

use super::keys::Identity;

#[derive(Debug, Serialize, PartialEq, Eq)]
pub struct Entry<'a> {
    /// UTC, `2026-12-01T14:03:07Z`.
    pub time: String,
    pub key: &'a str,
    pub name: &'a str,
    pub role: &'a str,
    /// `edit`, `undo`, `redo` or `minutes`.
    pub action: &'a str,
    pub initiative: &'a str,
    pub file: &'a str,
    /// The edit's label, as the editor saw it.
    pub label: &'a str,
    pub old: Vec<&'a str>,
    pub new: Vec<&'a str>,
}

#[derive(Debug)]
pub struct Audit {
    path: PathBuf,
}

impl Audit {
    pub fn new(path: PathBuf) -> Audit {
        Audit { path }
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Appends one line. An audit log that cannot be written is reported, never silently lost.
    pub fn record(&self, who: &Identity, what: Change<'_>) -> std::io::Result<()> {
        let (old, new) = changed_lines(what.before, what.after);
        let entry = Entry {
            time: utc_now(),
            key: &who.fingerprint,
            name: &who.name,
            role: match who.role {
                super::keys::Role::Viewer => "viewer",
                super::keys::Role::Editor => "editor",
                super::keys::Role::Chair => "chair",
            },
            action: what.action,
            initiative: what.initiative,
            file: what.file,
            label: what.label,
            old,
            new,
        };
        let mut line = serde_json::to_string(&entry).map_err(std::io::Error::other)?;
        line.push('\n');
        let mut file = std::fs::OpenOptions::new()
            .create(true)
            .append(true)
            .open(&self.path)?;
        // One write per line: lines from one process never interleave.
        file.write_all(line.as_bytes())?;
        file.sync_data()
    }
}

/// What one write changed.
pub struct Change<'a> {
    pub action: &'a str,
    pub initiative: &'a str,
    pub file: &'a str,
    pub label: &'a str,
    pub before: &'a str,
    pub after: &'a str,
}

/// The lines an edit removed and the lines it added, in file order. Between the common
/// beginning and end, a longest common subsequence keeps untouched lines out (a decision that
/// also moves the stage changes the stage line and adds the decision, nothing in between); a
/// middle too large for that is reported whole.
pub fn changed_lines<'a>(before: &'a str, after: &'a str) -> (Vec<&'a str>, Vec<&'a str>) {
    let old: Vec<&str> = before.lines().collect();
    let new: Vec<&str> = after.lines().collect();
    let head = old.iter().zip(&new).take_while(|(a, b)| a == b).count();
    let tail = old[head..]
        .iter()
        .rev()
        .zip(new[head..].iter().rev())
        .take_while(|(a, b)| a == b)
        .count();
    let (old, new) = (&old[head..old.len() - tail], &new[head..new.len() - tail]);
    if old.len().saturating_mul(new.len()) > 1_000_000 {
        return (old.to_vec(), new.to_vec());
    }
    lcs_difference(old, new)
}

fn lcs_difference<'a>(old: &[&'a str], new: &[&'a str]) -> (Vec<&'a str>, Vec<&'a str>) {
    // common[i][j]: the longest common subsequence of old[i..] and new[j..].
    let width = new.len() + 1;
    let mut common = vec![0u32; (old.len() + 1) * width];
    for i in (0..old.len()).rev() {
        for j in (0..new.len()).rev() {
            common[i * width + j] = if old[i] == new[j] {
                common[(i + 1) * width + j + 1] + 1
            } else {
                common[(i + 1) * width + j].max(common[i * width + j + 1])
            };
        }
    }
    let (mut removed, mut added) = (Vec::new(), Vec::new());
    let (mut i, mut j) = (0, 0);
    while i < old.len() && j < new.len() {
        if old[i] == new[j] {
            (i, j) = (i + 1, j + 1);
        } else if common[(i + 1) * width + j] >= common[i * width + j + 1] {
            removed.push(old[i]);
            i += 1;
        } else {
            added.push(new[j]);
            j += 1;
        }
    }
    removed.extend_from_slice(&old[i..]);
    added.extend_from_slice(&new[j..]);
    (removed, added)
}

/// Now, as `YYYY-MM-DDTHH:MM:SSZ`.
pub fn utc_now() -> String {
    utc(jiff::Timestamp::now())
}

fn utc(time: jiff::Timestamp) -> String {
    time.strftime("%Y-%m-%dT%H:%M:%SZ").to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utc_times() {
        let at = |secs| utc(jiff::Timestamp::from_second(secs).expect("in range"));
        assert_eq!(at(0), "1970-01-01T00:00:00Z");
        assert_eq!(at(1_795_963_387), "2026-11-29T14:43:07Z");
        assert_eq!(at(951_782_400), "2000-02-29T00:00:00Z");
    }

    #[test]
    fn only_the_replaced_lines() {
        let before = "a\nb\nc\nd\n";
        let after = "a\nb\nX\nY\nd\n";
        assert_eq!(changed_lines(before, after), (vec!["c"], vec!["X", "Y"]));
        assert_eq!(changed_lines("a\n", "a\nb\n"), (vec![], vec!["b"]));
        // Two changes apart: the lines between them are not reported as changed.
        let before = "stage: idea\ntags: [a]\nscores: {}\n";
        let after = "stage: rejected\ntags: [a]\nscores: {}\ndecisions:\n  - {outcome: rejected}\n";
        assert_eq!(
            changed_lines(before, after),
            (
                vec!["stage: idea"],
                vec!["stage: rejected", "decisions:", "  - {outcome: rejected}"]
            )
        );
    }
}
