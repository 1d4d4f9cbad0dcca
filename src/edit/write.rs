//! Atomic writes: a temporary file in the same folder, synced, given the original's permissions,
//! and renamed over the original — but only if the original is still what was loaded.

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};

use super::EditError;
use crate::load::digest;

/// Replaces `path` with `text`, provided the file's current bytes still have `expected` digest.
pub fn write_atomic(path: &Path, text: &str, expected: u64) -> Result<(), EditError> {
    write_atomic_with(path, text, expected, |file, bytes| file.write_all(bytes))
}

/// `write_atomic` with the writing step given, so tests can make it fail half-way.
pub fn write_atomic_with(
    path: &Path,
    text: &str,
    expected: u64,
    write: impl FnOnce(&mut fs::File, &[u8]) -> std::io::Result<()>,
) -> Result<(), EditError> {
    let io = |path: &Path| {
        let path = path.to_path_buf();
        move |source| EditError::Io { path, source }
    };
    // Write through a symlink to its target, never replacing the link with a file; but only
    // to a regular file inside the portfolio, as loading reads (see `load::read`).
    let real: PathBuf = writable_target(path)?;
    // Another bered writing the same file waits here; whoever comes second then sees the
    // first one's bytes below and refuses instead of overwriting them. Opening it for writing
    // (without changing it) is also how a file the user may not write is noticed.
    let held = fs::OpenOptions::new()
        .read(true)
        .write(true)
        .open(&real)
        .map_err(|e| match e.kind() {
            std::io::ErrorKind::PermissionDenied => EditError::ReadOnly(path.to_path_buf()),
            _ => io(&real)(e),
        })?;
    held.lock().map_err(io(&real))?;
    let current = crate::load::read::read_capped(None, &real).map_err(EditError::NotEditable)?;
    if digest(&current) != expected {
        return Err(EditError::ChangedOnDisk(path.to_path_buf()));
    }
    let dir = real.parent().unwrap_or(Path::new("."));
    let permissions = fs::metadata(&real).map_err(io(&real))?.permissions();
    let mut temp = tempfile::Builder::new()
        .prefix(".bered-")
        .suffix(".tmp")
        .tempfile_in(dir)
        .map_err(io(dir))?;
    write(temp.as_file_mut(), text.as_bytes()).map_err(io(temp.path()))?;
    temp.as_file().sync_all().map_err(io(temp.path()))?;
    fs::set_permissions(temp.path(), permissions).map_err(io(temp.path()))?;
    // Last look: a writer that does not take the lock (an editor) may have written meanwhile.
    let again = crate::load::read::read_capped(None, &real).map_err(EditError::NotEditable)?;
    if digest(&again) != expected {
        return Err(EditError::ChangedOnDisk(path.to_path_buf()));
    }
    temp.persist(&real).map_err(|e| EditError::Io {
        path: real.clone(),
        source: e.error,
    })?;
    if let Ok(d) = fs::File::open(dir) {
        let _ = d.sync_all();
    }
    drop(held);
    Ok(())
}

/// The file a write of `path` changes: `path` itself when it is a regular file; a symlink's
/// target when that is a regular file inside the portfolio (the folder that holds
/// `initiatives/`, or the single file's folder); anything else is refused.
fn writable_target(path: &Path) -> Result<PathBuf, EditError> {
    let io = |source| EditError::Io {
        path: path.to_path_buf(),
        source,
    };
    let link = fs::symlink_metadata(path).map_err(io)?;
    let real = fs::canonicalize(path).map_err(io)?;
    if link.file_type().is_symlink() {
        let parent = path.parent().unwrap_or(Path::new("."));
        let root = match parent.file_name() {
            Some(name) if name == "initiatives" => parent.parent().unwrap_or(parent),
            _ => parent,
        };
        let root = fs::canonicalize(root).map_err(io)?;
        if !real.starts_with(&root) {
            return Err(EditError::OutsidePortfolio(path.to_path_buf()));
        }
    }
    let meta = fs::metadata(&real).map_err(io)?;
    if !meta.is_file() {
        return Err(EditError::NotAFile(path.to_path_buf()));
    }
    // Marked read-only (no write permission for anyone, `chmod a-w`): not changed, even by
    // root, who may open it for writing anyway.
    if meta.permissions().readonly() {
        return Err(EditError::ReadOnly(path.to_path_buf()));
    }
    Ok(real)
}
