//! The audit log: one JSON line per edit written through the server — when, by which key and
//! name, to which file and initiative, and the lines that changed, old → new.

use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::time::{SystemTime, UNIX_EPOCH};

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

/// The lines between the common beginning and the common end: what an edit replaced.
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
    (
        old[head..old.len() - tail].to_vec(),
        new[head..new.len() - tail].to_vec(),
    )
}

/// Now, as `YYYY-MM-DDTHH:MM:SSZ`.
pub fn utc_now() -> String {
    let secs = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    utc(secs)
}

fn utc(secs: u64) -> String {
    let days = i64::try_from(secs / 86_400).unwrap_or(0);
    let rem = secs % 86_400;
    let (y, m, d) = civil_from_days(days);
    format!(
        "{y:04}-{m:02}-{d:02}T{:02}:{:02}:{:02}Z",
        rem / 3600,
        rem % 3600 / 60,
        rem % 60
    )
}

/// Howard Hinnant's days-to-civil: the proleptic Gregorian date of a day count since 1970.
fn civil_from_days(z: i64) -> (i64, u32, u32) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = u32::try_from(doy - (153 * mp + 2) / 5 + 1).unwrap_or(1);
    let m = u32::try_from(if mp < 10 { mp + 3 } else { mp - 9 }).unwrap_or(1);
    let y = yoe + era * 400 + i64::from(m <= 2);
    (y, m, d)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utc_times() {
        assert_eq!(utc(0), "1970-01-01T00:00:00Z");
        assert_eq!(utc(1_795_963_387), "2026-11-29T14:43:07Z");
        assert_eq!(utc(951_782_400), "2000-02-29T00:00:00Z");
    }

    #[test]
    fn only_the_replaced_lines() {
        let before = "a\nb\nc\nd\n";
        let after = "a\nb\nX\nY\nd\n";
        assert_eq!(changed_lines(before, after), (vec!["c"], vec!["X", "Y"]));
        assert_eq!(changed_lines("a\n", "a\nb\n"), (vec![], vec!["b"]));
    }
}
