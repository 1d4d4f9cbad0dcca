//! The keys file: who may connect, as whom, with which role. OpenSSH's authorized_keys format
//! with a `role="viewer|editor|chair"` option and the person's name as the key's comment:
//!
//! ```text
//! role="editor" ssh-ed25519 AAAAC3Nz… Anna Berg
//! ```
//!
//! Only public keys, so the file may live in git beside the portfolio. A line that cannot be
//! read is an error with its line number: the server never starts (or reloads) on a file it
//! only partly understood.

use std::path::Path;

use russh::keys::ssh_key::authorized_keys::ConfigOpts;
use russh::keys::{HashAlg, PublicKey};

use crate::i18n::{Lang, safe, ui};

/// What a key may do. Enforced by the writer task, not only by the screens.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Role {
    /// Reads only.
    Viewer,
    /// Scores, decisions, stages and follow-ups.
    Editor,
    /// An editor who also starts and ends the shared meeting.
    Chair,
}

impl Role {
    pub fn parse(id: &str) -> Option<Role> {
        match id {
            "viewer" => Some(Role::Viewer),
            "editor" => Some(Role::Editor),
            "chair" => Some(Role::Chair),
            _ => None,
        }
    }

    pub fn can_edit(self) -> bool {
        self >= Role::Editor
    }

    pub fn word(self, lang: Lang) -> &'static str {
        match self {
            Role::Viewer => ui::ROLE_VIEWER.get(lang),
            Role::Editor => ui::ROLE_EDITOR.get(lang),
            Role::Chair => ui::ROLE_CHAIR.get(lang),
        }
    }
}

/// One listed key.
#[derive(Clone, Debug)]
pub struct KeyEntry {
    pub key: PublicKey,
    pub role: Role,
    /// The key's comment, made safe for a terminal.
    pub name: String,
}

/// Who a connected client is: from its key, or an anonymous viewer.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Identity {
    pub name: String,
    pub role: Role,
    /// `SHA256:…` of the key.
    pub fingerprint: String,
    /// Let in by `--anonymous-viewers`, not by the keys file: not named in the minutes.
    pub anonymous: bool,
}

#[derive(Clone, Debug, Default)]
pub struct Keys {
    pub entries: Vec<KeyEntry>,
}

/// A keys file that cannot be used, with where and why.
#[derive(Debug, thiserror::Error)]
#[error("{0}")]
pub struct KeysError(pub String);

impl Keys {
    /// Reads the keys file; a missing file is an error unless `missing_ok`.
    pub fn read(path: &Path, missing_ok: bool, lang: Lang) -> Result<Keys, KeysError> {
        match std::fs::read(path) {
            Ok(bytes) => Keys::decode(&bytes, path, lang),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound && missing_ok => Ok(Keys::default()),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Err(KeysError(format!(
                "{}: {}",
                path.display(),
                ui::KEYS_MISSING.get(lang)
            ))),
            Err(e) => Err(KeysError(format!("{}: {e}", path.display()))),
        }
    }

    /// The keys in the bytes read from the keys file at `path`.
    pub fn decode(bytes: &[u8], path: &Path, lang: Lang) -> Result<Keys, KeysError> {
        let text = std::str::from_utf8(bytes)
            .map_err(|e| KeysError(format!("{}: {e}", path.display())))?;
        Keys::parse(text, &path.display().to_string(), lang)
    }

    pub fn parse(text: &str, shown: &str, lang: Lang) -> Result<Keys, KeysError> {
        let mut entries = Vec::new();
        for (n, line) in text.lines().enumerate() {
            let line = line.trim();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let entry = parse_line(line, lang)
                .map_err(|problem| KeysError(ui::keys_error(shown, n + 1, &problem)))?;
            entries.push(entry);
        }
        Ok(Keys { entries })
    }

    /// The listed key with the same key material, if any.
    pub fn find(&self, key: &PublicKey) -> Option<&KeyEntry> {
        self.entries
            .iter()
            .find(|e| e.key.key_data() == key.key_data())
    }

    /// Who a verified key is; `None` when it is not listed (and anonymous viewers are not let in).
    pub fn identify(&self, key: &PublicKey, anonymous: bool, lang: Lang) -> Option<Identity> {
        let fingerprint = key.fingerprint(HashAlg::Sha256).to_string();
        match self.find(key) {
            Some(entry) => Some(Identity {
                name: entry.name.clone(),
                role: entry.role,
                fingerprint,
                anonymous: false,
            }),
            None if anonymous => Some(Identity {
                name: ui::ANONYMOUS.get(lang).to_string(),
                role: Role::Viewer,
                fingerprint,
                anonymous: true,
            }),
            None => None,
        }
    }
}

fn parse_line(line: &str, lang: Lang) -> Result<KeyEntry, String> {
    let (options, key_text) = split_options(line);
    let bad_key = || ui::KEYS_BAD_KEY.get(lang).to_string();
    let options = ConfigOpts::new(options).map_err(|_| bad_key())?;
    let key = PublicKey::from_openssh(key_text).map_err(|_| bad_key())?;
    let role = options
        .iter()
        .find_map(|o| o.strip_prefix("role="))
        .ok_or_else(|| ui::KEYS_NO_ROLE.get(lang).to_string())?;
    let role = Role::parse(role.trim_matches('"'))
        .ok_or_else(|| ui::KEYS_BAD_ROLE.get(lang).to_string())?;
    let comment: &str = key.comment().as_ref();
    let name = safe::line(comment.trim()).into_owned();
    let name = if name.is_empty() {
        key.fingerprint(HashAlg::Sha256).to_string()
    } else {
        name
    };
    Ok(KeyEntry { key, role, name })
}

/// Splits `role="editor" ssh-ed25519 AAAA… Name` at the first space outside quotes; a line
/// that starts with the key itself has no options.
fn split_options(line: &str) -> (&str, &str) {
    if PublicKey::from_openssh(line).is_ok() {
        return ("", line);
    }
    let mut quoted = false;
    for (i, c) in line.char_indices() {
        match c {
            '"' => quoted = !quoted,
            c if c.is_whitespace() && !quoted => return (&line[..i], line[i..].trim_start()),
            _ => {}
        }
    }
    ("", line)
}

#[cfg(test)]
mod tests {
    use super::*;

    const ANNA: &str =
        "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAILM+rvN+ot98qgEN796jTiQfZfG1KaT0PtFDJ/XFSqti";

    #[test]
    fn a_role_and_a_name_per_key() {
        let text = format!("# styrgruppen\n\nrole=\"editor\" {ANNA} Anna Berg\n");
        let keys = Keys::parse(&text, "bered-keys", Lang::En).expect("keys");
        assert_eq!(keys.entries.len(), 1);
        assert_eq!(keys.entries[0].role, Role::Editor);
        assert_eq!(keys.entries[0].name, "Anna Berg");
    }

    #[test]
    fn a_key_without_a_role_refuses_the_whole_file() {
        let text = format!("role=\"chair\" {ANNA} Anna\n{ANNA} Bo\n");
        let e = Keys::parse(&text, "bered-keys", Lang::En).expect_err("no role");
        assert_eq!(
            e.to_string(),
            "bered-keys:2: the key has no role=\"viewer|editor|chair\""
        );
    }

    #[test]
    fn an_unknown_role_or_a_broken_key_is_an_error_with_its_line() {
        let text = format!("role=\"admin\" {ANNA} Anna\n");
        let e = Keys::parse(&text, "k", Lang::Sv).expect_err("bad role");
        assert!(e.to_string().starts_with("k:1: okänd roll"), "{e}");
        let e = Keys::parse("role=\"viewer\" ssh-ed25519 AAAAnope Bo\n", "k", Lang::En)
            .expect_err("bad key");
        assert!(
            e.to_string().starts_with("k:1: no readable public key"),
            "{e}"
        );
    }

    #[test]
    fn an_unlisted_key_is_nobody_unless_anonymous_viewers_are_let_in() {
        let keys = Keys::default();
        let key = PublicKey::from_openssh(ANNA).expect("key");
        assert_eq!(keys.identify(&key, false, Lang::En), None);
        let anonymous = keys.identify(&key, true, Lang::En).expect("anonymous");
        assert_eq!(anonymous.role, Role::Viewer);
    }
}
