//! Files are files: a portfolio file is read only when it is a regular file inside the
//! portfolio folder, and never more than the size limit, whatever its metadata says.
//!
//! A shared git repository can hold a symlink to `/proc/self/environ`, `/etc/passwd` or
//! `/dev/zero`, or a FIFO named `x.yaml`. Such an entry is refused with a message that names the
//! entry and never shows what it points at; a FIFO never blocks, a device never fills memory.

use std::fs::{self, File, Metadata};
use std::io::Read as _;
use std::os::unix::fs::{FileTypeExt as _, OpenOptionsExt as _};
use std::path::Path;

use super::MAX_FILE_BYTES;

/// `O_NONBLOCK` on Linux and the BSDs/macOS alike: opening a FIFO for reading returns at once.
#[cfg(any(target_os = "linux", target_os = "android"))]
const O_NONBLOCK: i32 = 0o4000;
#[cfg(not(any(target_os = "linux", target_os = "android")))]
const O_NONBLOCK: i32 = 0x0004;

/// Why a file was not read. The texts are English; `check` shows them in the user's language.
pub fn refusal_over_limit(len: u64) -> String {
    format!(
        "refused: {len} bytes is over the {} MiB limit for a portfolio file",
        MAX_FILE_BYTES / (1024 * 1024)
    )
}

/// What kind of non-file an entry is, in words.
fn kind(meta: &Metadata) -> &'static str {
    let t = meta.file_type();
    if t.is_dir() {
        "is a folder, expected a file"
    } else if t.is_fifo() {
        "refused: a named pipe (FIFO), not a file"
    } else if t.is_char_device() || t.is_block_device() {
        "refused: a device, not a file"
    } else if t.is_socket() {
        "refused: a socket, not a file"
    } else {
        "refused: not a regular file"
    }
}

/// Reads `path` when it is a regular file (a symlink only when its target is a regular file
/// inside `root`, when a root is given), at most `MAX_FILE_BYTES`.
pub fn read_capped(root: Option<&Path>, path: &Path) -> Result<Vec<u8>, String> {
    let link = fs::symlink_metadata(path).map_err(|e| format!("cannot read: {e}"))?;
    if link.file_type().is_symlink() {
        let target = fs::canonicalize(path).map_err(|e| format!("cannot read: {e}"))?;
        if let Some(root) = root {
            let root = fs::canonicalize(root).map_err(|e| format!("cannot read: {e}"))?;
            if !target.starts_with(&root) {
                return Err("refused: a symbolic link to a file outside the portfolio".into());
            }
        }
        let meta = fs::metadata(&target).map_err(|e| format!("cannot read: {e}"))?;
        if !meta.is_file() {
            return Err(format!("{} (through a symbolic link)", kind(&meta)));
        }
    } else if !link.is_file() {
        return Err(kind(&link).into());
    }
    // Non-blocking, so that a FIFO swapped in after the look above still cannot hang the read.
    let file = fs::OpenOptions::new()
        .read(true)
        .custom_flags(O_NONBLOCK)
        .open(path)
        .map_err(|e| format!("cannot read: {e}"))?;
    let meta = file.metadata().map_err(|e| format!("cannot read: {e}"))?;
    if !meta.is_file() {
        return Err(kind(&meta).into());
    }
    if meta.len() > MAX_FILE_BYTES {
        return Err(refusal_over_limit(meta.len()));
    }
    read_at_most(file, meta.len())
}

/// The file's bytes, refused when there are more than the limit (the metadata may lie).
/// `expected` is the size the metadata gives: room for it and one byte more makes the usual
/// read two system calls (the bytes, then the end), not one per doubling of the buffer.
fn read_at_most(file: File, expected: u64) -> Result<Vec<u8>, String> {
    let mut bytes = Vec::with_capacity(expected.min(MAX_FILE_BYTES) as usize + 1);
    file.take(MAX_FILE_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| format!("cannot read: {e}"))?;
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(format!(
            "refused: over the {} MiB limit for a portfolio file",
            MAX_FILE_BYTES / (1024 * 1024)
        ));
    }
    Ok(bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_fifo_is_refused_without_opening_it() {
        let dir = tempfile::tempdir().unwrap();
        let fifo = dir.path().join("x.yaml");
        let status = std::process::Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .unwrap();
        assert!(status.success());
        let err = read_capped(Some(dir.path()), &fifo).unwrap_err();
        assert_eq!(err, "refused: a named pipe (FIFO), not a file");
    }
}
