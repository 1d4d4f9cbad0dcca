//! Format-preserving, atomic write-back of a changed value.
//!
//! An edit is applied to the file's lossless syntax tree (yaml-edit), so comments, key order,
//! quoting, blank lines, flow or block style and line endings stay as written. The new text is
//! then parsed again and compared with the old text changed by hand in the intended way; if
//! anything else differs, nothing is written.

mod apply;
mod history;
mod layout;
mod template;
mod write;

pub use crate::load::digest;
pub use apply::apply;
pub use history::{Applied, History};
pub use template::new_initiative;
pub use write::{write_atomic, write_atomic_with};

use std::path::PathBuf;

use crate::model::{Date, Dec, Stage};

/// One change a user can make to an initiative.
#[derive(Clone, Debug, PartialEq)]
pub enum Edit {
    /// Set a criterion's score (1–4), with an optional written motivation.
    Score {
        criterion: String,
        value: u8,
        motivation: Option<String>,
    },
    /// Record a decision at the end of `decisions`.
    Decision {
        date: Date,
        forum: Option<String>,
        outcome: crate::model::Outcome,
        note: Option<String>,
    },
    Stage(Stage),
    /// Add a follow-up measurement to a benefit.
    FollowUp {
        benefit: String,
        date: Date,
        value: Dec,
        note: Option<String>,
    },
}

#[derive(Debug, thiserror::Error)]
pub enum EditError {
    #[error("cannot edit: {0}")]
    NotEditable(String),
    #[error("nothing was written: the edit would also have changed {0}")]
    Unintended(String),
    #[error(
        "{0} changed on disk since it was loaded; nothing was written. Reload and apply the edit again"
    )]
    ChangedOnDisk(PathBuf),
    #[error("{0}: read-only: not changed")]
    ReadOnly(PathBuf),
    #[error("{0}: a symbolic link to a file outside the portfolio: not changed")]
    OutsidePortfolio(PathBuf),
    #[error("{0}: not a regular file: not changed")]
    NotAFile(PathBuf),
    #[error("{path}: {source}")]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
}

impl EditError {
    /// The error in `lang`, paths relative to the working directory and made visible.
    pub fn text(&self, lang: crate::i18n::Lang) -> String {
        use crate::i18n::msg::{Msg, translate};
        let path = |p: &PathBuf| crate::load::shown(p);
        match self {
            EditError::NotEditable(d) => Msg::EditNotEditable.say(lang, &[&translate(d, lang)]),
            EditError::Unintended(d) => Msg::EditUnintended.say(lang, &[&translate(d, lang)]),
            EditError::ChangedOnDisk(p) => Msg::EditChangedOnDisk.say(lang, &[&path(p)]),
            EditError::ReadOnly(p) => Msg::EditReadOnly.say(lang, &[&path(p)]),
            EditError::OutsidePortfolio(p) => Msg::EditOutside.say(lang, &[&path(p)]),
            EditError::NotAFile(p) => Msg::EditNotAFile.say(lang, &[&path(p)]),
            EditError::Io { path: p, source } => Msg::EditIo.say(lang, &[&path(p), source]),
        }
    }
}
