//! The server's own key: kept in a file outside the portfolio, created once (Ed25519, mode 0600)
//! and read on every later start, so clients that trusted its fingerprint keep trusting it.

use std::io::{Read as _, Write as _};
use std::os::unix::fs::OpenOptionsExt as _;
use std::path::{Path, PathBuf};

use anyhow::Context as _;
use russh::keys::ssh_key::LineEnding;
use russh::keys::ssh_key::private::Ed25519Keypair;
use russh::keys::{HashAlg, PrivateKey};

/// `$XDG_DATA_HOME/bered/ssh_host_ed25519_key`, else `~/.local/share/bered/…`.
pub fn default_path() -> Option<PathBuf> {
    let non_empty = |k: &str| std::env::var_os(k).filter(|v| !v.is_empty());
    let data = non_empty("XDG_DATA_HOME")
        .map(PathBuf::from)
        .or_else(|| non_empty("HOME").map(|h| PathBuf::from(h).join(".local/share")))?;
    Some(data.join("bered").join("ssh_host_ed25519_key"))
}

/// Reads the host key, or creates it when the file does not exist.
pub fn load_or_create(path: &Path, portfolio: Option<&Path>) -> anyhow::Result<PrivateKey> {
    if let Some(folder) = portfolio.and_then(|p| p.canonicalize().ok()) {
        let dir = path.parent().and_then(|d| d.canonicalize().ok());
        if dir.is_some_and(|d| d.starts_with(&folder)) {
            anyhow::bail!(
                "{}: the host key is private and must not be kept inside the portfolio",
                path.display()
            );
        }
    }
    match std::fs::read(path) {
        Ok(bytes) => PrivateKey::from_openssh(&bytes)
            .with_context(|| format!("reading the host key {}", path.display())),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => create(path),
        Err(e) => Err(e).with_context(|| format!("reading the host key {}", path.display())),
    }
}

fn create(path: &Path) -> anyhow::Result<PrivateKey> {
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir).with_context(|| format!("creating {}", dir.display()))?;
    }
    let mut seed = [0u8; 32];
    std::fs::File::open("/dev/urandom")
        .and_then(|mut f| f.read_exact(&mut seed))
        .context("reading random bytes for the host key")?;
    let mut key = PrivateKey::from(Ed25519Keypair::from_seed(&seed));
    seed.fill(0);
    key.set_comment("bered serve");
    let text = key
        .to_openssh(LineEnding::LF)
        .context("encoding the host key")?;
    // create_new: two servers starting at once never overwrite each other's key.
    let mut file = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .mode(0o600)
        .open(path)
        .with_context(|| format!("creating the host key {}", path.display()))?;
    file.write_all(text.as_bytes())?;
    file.sync_all()?;
    Ok(key)
}

/// `SHA256:…`, as `ssh` shows it when it first meets the server.
pub fn fingerprint(key: &PrivateKey) -> String {
    key.public_key().fingerprint(HashAlg::Sha256).to_string()
}

#[cfg(test)]
mod tests {
    use std::os::unix::fs::PermissionsExt as _;

    use super::*;

    #[test]
    fn created_once_private_and_the_same_on_every_start() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("bered/ssh_host_ed25519_key");
        let first = load_or_create(&path, None).expect("created");
        let mode = std::fs::metadata(&path).expect("file").permissions().mode();
        assert_eq!(mode & 0o777, 0o600);
        let again = load_or_create(&path, None).expect("read");
        assert_eq!(fingerprint(&first), fingerprint(&again));
        assert!(fingerprint(&first).starts_with("SHA256:"));
    }

    #[test]
    fn never_inside_the_portfolio() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("ssh_host_ed25519_key");
        assert!(load_or_create(&path, Some(dir.path())).is_err());
        assert!(!path.exists());
    }
}
