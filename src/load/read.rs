//! Files are files: a portfolio file is read only when it is a regular file inside the
//! portfolio folder, and never more than the size limit, whatever its metadata says.
//!
//! A shared git repository can hold a symlink to `/proc/self/environ`, `/etc/passwd` or
//! `/dev/zero`, or a FIFO named `x.yaml`. Such an entry is refused with a message that names the
//! entry and never shows what it points at; a FIFO never blocks, a device never fills memory.

use std::fs::{self, File, FileType};
use std::io::Read as _;
use std::os::unix::fs::{FileTypeExt as _, OpenOptionsExt as _};
use std::path::Path;

use super::MAX_FILE_BYTES;

/// Why a file was not read. The texts are English; `check` shows them in the user's language.
pub fn refusal_over_limit(len: u64) -> String {
    format!(
        "refused: {len} bytes is over the {} MiB limit for a portfolio file",
        MAX_FILE_BYTES / (1024 * 1024)
    )
}

/// What kind of non-file an entry is, in words.
pub fn kind(t: FileType) -> &'static str {
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
            return Err(format!(
                "{} (through a symbolic link)",
                kind(meta.file_type())
            ));
        }
    } else if !link.is_file() {
        return Err(kind(link.file_type()).into());
    }
    let file = open(path, 0).map_err(|e| format!("cannot read: {e}"))?;
    read_open(file)
}

/// Reads a file that a folder listing found to be a regular file or a symbolic link. Opened
/// without following a link, a regular file is read without first being looked at by name; a
/// link is refused by the open and goes through `read_capped`'s checks.
pub fn read_listed(root: Option<&Path>, path: &Path) -> Result<Vec<u8>, String> {
    match open(path, libc::O_NOFOLLOW) {
        Ok(file) => read_open(file),
        Err(e) if e.raw_os_error() == Some(libc::ELOOP) => read_capped(root, path),
        Err(e) => Err(format!("cannot read: {e}")),
    }
}

/// Opened non-blocking, so that a FIFO swapped in after a look at the entry still cannot hang
/// the read.
fn open(path: &Path, flags: i32) -> std::io::Result<File> {
    fs::OpenOptions::new()
        .read(true)
        .custom_flags(libc::O_NONBLOCK | libc::O_NOCTTY | flags)
        .open(path)
}

/// The bytes of an open file that is a regular file, at most the limit.
fn read_open(file: File) -> Result<Vec<u8>, String> {
    let meta = file.metadata().map_err(|e| format!("cannot read: {e}"))?;
    if !meta.is_file() {
        return Err(kind(meta.file_type()).into());
    }
    if meta.len() > MAX_FILE_BYTES {
        return Err(refusal_over_limit(meta.len()));
    }
    read_at_most(file, meta.len())
}

/// The file's bytes, refused when there are more than the limit (the metadata may lie).
/// `expected` is the size the metadata gives. One read asks for it and one byte more: a
/// regular file that gives exactly that size has ended, so the usual read is one system call.
/// Anything else (the file grew or shrank since) reads on to the end.
fn read_at_most(file: File, expected: u64) -> Result<Vec<u8>, String> {
    let expected = expected.min(MAX_FILE_BYTES) as usize;
    let mut bytes = vec![0; expected + 1];
    let mut file = file.take(MAX_FILE_BYTES + 1);
    let n = read_retrying(&mut file, &mut bytes)?;
    bytes.truncate(n);
    if n == expected {
        return Ok(bytes);
    }
    file.read_to_end(&mut bytes)
        .map_err(|e| format!("cannot read: {e}"))?;
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(format!(
            "refused: over the {} MiB limit for a portfolio file",
            MAX_FILE_BYTES / (1024 * 1024)
        ));
    }
    Ok(bytes)
}

fn read_retrying(file: &mut impl std::io::Read, into: &mut [u8]) -> Result<usize, String> {
    loop {
        match file.read(into) {
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
            done => return done.map_err(|e| format!("cannot read: {e}")),
        }
    }
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

    #[test]
    fn a_listed_file_is_read_whole_and_a_listed_link_is_checked_as_a_link() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().join("p");
        fs::create_dir(&root).unwrap();
        for len in [0, 1, 4095, 4096, 70_000] {
            let path = root.join(format!("f{len}.yaml"));
            let bytes: Vec<u8> = (0..len).map(|i| (i % 251) as u8).collect();
            fs::write(&path, &bytes).unwrap();
            assert_eq!(read_listed(Some(&root), &path).unwrap(), bytes, "{len}");
        }
        let inside = root.join("in.yaml");
        std::os::unix::fs::symlink(root.join("f1.yaml"), &inside).unwrap();
        assert_eq!(read_listed(Some(&root), &inside).unwrap(), [0]);
        let secret = dir.path().join("secret");
        fs::write(&secret, "x").unwrap();
        let out = root.join("out.yaml");
        std::os::unix::fs::symlink(&secret, &out).unwrap();
        let err = read_listed(Some(&root), &out).unwrap_err();
        assert_eq!(
            err,
            "refused: a symbolic link to a file outside the portfolio"
        );
    }

    #[test]
    fn a_size_that_is_no_longer_true_still_reads_the_whole_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("x.yaml");
        fs::write(&path, "0123456789").unwrap();
        // As if the file grew or shrank between the look at its size and the read.
        for expected in [0, 3, 9, 10, 11, 4096] {
            let got = read_at_most(File::open(&path).unwrap(), expected).unwrap();
            assert_eq!(got, b"0123456789", "{expected}");
        }
    }
}
