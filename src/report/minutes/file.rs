//! Writing the minutes (or an agenda) beside the portfolio: never over an existing file, and with
//! the same permissions as the portfolio's own files (not the 0600 of a temporary file).

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};

use crate::model::Date;

/// `protokoll-2026-11-23.md`, then `protokoll-2026-11-23-2.md`; `prefix` names the kind.
pub fn minutes_name(prefix: &str, date: Date, n: usize) -> String {
    match n {
        1 => format!("{prefix}-{date}.md"),
        n => format!("{prefix}-{date}-{n}.md"),
    }
}

/// The permissions the portfolio's files have: `portfolio.yaml`'s, else another YAML file's in
/// the folder (a single-file portfolio), else an initiative file's; None without any.
fn portfolio_permissions(dir: &Path) -> Option<fs::Permissions> {
    let settings = dir.join("portfolio.yaml");
    if let Ok(meta) = fs::metadata(&settings) {
        return Some(meta.permissions());
    }
    // A single-file portfolio beside the minutes, else an initiative file.
    let yaml = |folder: &Path| {
        fs::read_dir(folder)
            .ok()?
            .flatten()
            .filter(|e| e.file_type().is_ok_and(|t| t.is_file()))
            .find(|e| {
                e.path()
                    .extension()
                    .is_some_and(|x| x == "yaml" || x == "yml")
            })
            .and_then(|e| e.metadata().ok())
            .map(|m| m.permissions())
    };
    yaml(dir).or_else(|| yaml(&dir.join("initiatives")))
}

/// Writes `text` into `dir` as `<prefix>-<date>[-n].md`, the first name not taken, atomically.
pub fn write_beside_portfolio(
    dir: &Path,
    prefix: &str,
    date: Date,
    text: &str,
) -> std::io::Result<PathBuf> {
    let mut builder = tempfile::Builder::new();
    builder.prefix(".bered-").suffix(".tmp");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        // What a new file gets under the umask, as an editor would create it.
        builder.permissions(fs::Permissions::from_mode(0o666));
    }
    let mut temp = builder.tempfile_in(dir)?;
    if let Some(permissions) = portfolio_permissions(dir) {
        fs::set_permissions(temp.path(), permissions)?;
    }
    temp.write_all(text.as_bytes())?;
    temp.as_file().sync_all()?;
    for n in 1..1000 {
        let path = dir.join(minutes_name(prefix, date, n));
        match temp.persist_noclobber(&path) {
            Ok(_) => return Ok(path),
            Err(e) if e.error.kind() == std::io::ErrorKind::AlreadyExists => temp = e.file,
            Err(e) => return Err(e.error),
        }
    }
    Err(std::io::Error::other(
        "too many files of one kind for one day",
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn never_overwrites_and_takes_the_next_number() {
        let dir = tempfile::tempdir().expect("temp dir");
        let date = Date::new(2026, 11, 23).expect("a date");
        let first = write_beside_portfolio(dir.path(), "protokoll", date, "# ett\n").unwrap();
        let second = write_beside_portfolio(dir.path(), "protokoll", date, "# två\n").unwrap();
        assert!(first.ends_with("protokoll-2026-11-23.md"));
        assert!(second.ends_with("protokoll-2026-11-23-2.md"));
        assert_eq!(fs::read_to_string(first).unwrap(), "# ett\n");
        assert_eq!(fs::read_to_string(second).unwrap(), "# två\n");
    }

    #[cfg(unix)]
    #[test]
    fn takes_the_portfolio_files_permissions() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().expect("temp dir");
        let date = Date::new(2026, 11, 23).expect("a date");
        let settings = dir.path().join("portfolio.yaml");
        fs::write(&settings, "name: T\n").unwrap();
        fs::set_permissions(&settings, fs::Permissions::from_mode(0o640)).unwrap();
        let path = write_beside_portfolio(dir.path(), "protokoll", date, "# x\n").unwrap();
        let mode = fs::metadata(path).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o640);
    }
}
