//! Building a portfolio folder from parts held in memory, such as the blobs of a git tree, with
//! the same checks and diagnostics as a load from disk. The caller reads the bytes and may parse
//! the initiatives itself (with `initiative_from_bytes`), for instance reusing earlier results.

use std::path::{Path, PathBuf};

use super::files::{self, Disk, Source};
use super::{Diagnostic, Loaded, Origin, finish, portfolio_settings};
use crate::eval::Model;
use crate::model::{Initiative, Loc, Settings};

/// The settings and model of a folder's `portfolio.yaml` from its bytes (`None`: no such file),
/// and the diagnostics found on the way.
pub fn settings_from_bytes(
    path: &Path,
    bytes: Option<Vec<u8>>,
) -> (Settings, Model, Vec<Diagnostic>) {
    let mut diagnostics = Vec::new();
    let text = match bytes {
        Some(bytes) => files::decode(path, bytes).unwrap_or_else(|d| {
            diagnostics.push(d);
            String::new()
        }),
        None => {
            diagnostics.push(Diagnostic::warning(
                path,
                Loc::default(),
                "no portfolio.yaml: using the default settings and Nacka's model",
            ));
            String::new()
        }
    };
    let (_, settings, model) = portfolio_settings(path, &text, &mut diagnostics);
    (settings, model, diagnostics)
}

/// A folder portfolio from its settings and its initiatives, checked for ids used twice.
pub fn assemble(
    dir: &Path,
    settings: Settings,
    model: Model,
    initiatives: Vec<Initiative>,
    diagnostics: Vec<Diagnostic>,
) -> Loaded {
    finish(
        settings,
        model,
        initiatives,
        diagnostics,
        Origin::Folder(dir.to_path_buf()),
    )
}

/// A single-file portfolio from its bytes.
pub fn file_from_bytes(path: &Path, bytes: Vec<u8>) -> Loaded {
    match files::decode(path, bytes) {
        Ok(text) => super::load_text(path, &text),
        Err(d) => {
            let mut loaded = super::load_text(path, "");
            loaded.diagnostics.insert(0, d);
            loaded
        }
    }
}

/// The initiative files of a folder on disk, and a diagnostic for each entry skipped.
pub fn disk_initiative_paths(dir: &Path) -> (Vec<PathBuf>, Vec<Diagnostic>) {
    Disk::inside(dir).initiative_paths(dir)
}

/// A file's bytes from disk, refused as a load refuses it (too large, not a regular file, a
/// link out of the portfolio folder `root`; `None` for a single-file portfolio).
pub fn disk_read(root: Option<&Path>, path: &Path) -> Result<Vec<u8>, String> {
    let disk = Disk {
        root: root.map(Path::to_path_buf),
    };
    disk.read(path)
}

/// The bytes of a file that `disk_initiative_paths` listed, read as a load reads it (a regular
/// file without a look by name first; a link checked as `disk_read` checks it).
pub fn disk_read_listed(root: &Path, path: &Path) -> Result<Vec<u8>, String> {
    Disk::inside(root).read_listed(path)
}

/// Whether a folder entry's name is an initiative file's (`*.yaml`, `*.yml`, not hidden).
pub fn is_initiative_name(name: &str) -> bool {
    files::is_yaml_name(name)
}
