//! The session's edits, for undo and redo. Each step restores exact bytes, itself a safe write.

use std::path::PathBuf;

use super::{EditError, digest, write_atomic};

/// One edit as written: the file's text before and after.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Applied {
    pub path: PathBuf,
    pub before: String,
    pub after: String,
    /// What the user did, for messages ("score quality 3 → 4").
    pub label: String,
}

#[derive(Clone, Debug, Default)]
pub struct History {
    done: Vec<Applied>,
    undone: Vec<Applied>,
}

impl History {
    /// Records a written edit; a new edit clears what could be redone.
    pub fn record(&mut self, applied: Applied) {
        self.done.push(applied);
        self.undone.clear();
    }

    pub fn can_undo(&self) -> bool {
        !self.done.is_empty()
    }

    pub fn can_redo(&self) -> bool {
        !self.undone.is_empty()
    }

    /// Writes back the text before the last edit, if the file is still as that edit left it.
    pub fn undo(&mut self) -> Result<Option<Applied>, EditError> {
        let Some(last) = self.done.last() else {
            return Ok(None);
        };
        write_atomic(&last.path, &last.before, digest(last.after.as_bytes()))?;
        let step = self.done.pop().expect("checked above");
        self.undone.push(step.clone());
        Ok(Some(step))
    }

    /// Writes the undone edit again, if the file is still as the undo left it.
    pub fn redo(&mut self) -> Result<Option<Applied>, EditError> {
        let Some(next) = self.undone.last() else {
            return Ok(None);
        };
        write_atomic(&next.path, &next.after, digest(next.before.as_bytes()))?;
        let step = self.undone.pop().expect("checked above");
        self.done.push(step.clone());
        Ok(Some(step))
    }
}
