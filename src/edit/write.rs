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
    // Write through a symlink to its target, never replacing the link with a file.
    let real: PathBuf = fs::canonicalize(path).map_err(io(path))?;
    // Another bered writing the same file waits here; whoever comes second then sees the
    // first one's bytes below and refuses instead of overwriting them.
    let held = fs::File::open(&real).map_err(io(&real))?;
    held.lock().map_err(io(&real))?;
    let current = fs::read(&real).map_err(io(&real))?;
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
    let again = fs::read(&real).map_err(io(&real))?;
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
