//! A finding about the portfolio's files: where, what, and what was expected.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use serde::Serialize;

use crate::model::Loc;

/// A path as people read it: relative to the working directory when it lies below it, as
/// compilers print them; else as it is.
pub fn shown(path: &Path) -> String {
    let relative = std::env::current_dir()
        .ok()
        .and_then(|cwd| path.strip_prefix(cwd).ok().map(Path::to_path_buf));
    relative.as_deref().unwrap_or(path).display().to_string()
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    Error,
    Warning,
}

impl Severity {
    pub fn id(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Diagnostic {
    pub severity: Severity,
    pub path: PathBuf,
    pub line: u32,
    pub column: u32,
    pub message: String,
    pub hint: Option<String>,
    /// The offending line as written, for the caret display.
    pub source_line: Option<String>,
}

impl Diagnostic {
    pub fn error(path: &Path, loc: Loc, message: impl Into<String>) -> Diagnostic {
        Diagnostic::new(Severity::Error, path, loc, message.into())
    }

    pub fn warning(path: &Path, loc: Loc, message: impl Into<String>) -> Diagnostic {
        Diagnostic::new(Severity::Warning, path, loc, message.into())
    }

    fn new(severity: Severity, path: &Path, loc: Loc, message: String) -> Diagnostic {
        Diagnostic {
            severity,
            path: path.to_path_buf(),
            line: loc.line,
            column: loc.col,
            message,
            hint: None,
            source_line: None,
        }
    }

    pub fn with_hint(mut self, hint: Option<String>) -> Diagnostic {
        self.hint = hint;
        self
    }

    /// Attaches the source line the location points at.
    pub fn with_source(mut self, text: &str) -> Diagnostic {
        if self.line > 0 {
            self.source_line = text
                .lines()
                .nth(self.line as usize - 1)
                .map(|l| l.trim_end_matches('\r').to_string());
        }
        self
    }

    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }

    /// `path:line:col: error: message`, then the source line with a caret and the hint,
    /// as compilers print them.
    pub fn render(&self) -> String {
        let mut out = format!("{}", self.path.display());
        if self.line > 0 {
            let _ = write!(out, ":{}:{}", self.line, self.column.max(1));
        }
        let _ = write!(out, ": {}: {}", self.severity.id(), self.message);
        if let Some(src) = &self.source_line {
            let number = self.line.to_string();
            let pad = " ".repeat(number.len());
            let shown = src.replace('\t', " ");
            let caret_at: String = shown
                .chars()
                .take(self.column.saturating_sub(1) as usize)
                .map(|_| ' ')
                .collect();
            let _ = write!(out, "\n{pad} |\n{number} | {shown}\n{pad} | {caret_at}^");
        }
        if let Some(hint) = &self.hint {
            let _ = write!(out, "\n  = hint: {hint}");
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn renders_like_a_compiler() {
        let text = "title: x\nscores:\n  complexty: 3\n";
        let d = Diagnostic::error(
            Path::new("initiatives/a.yaml"),
            Loc { line: 3, col: 3 },
            "unknown criterion `complexty`",
        )
        .with_hint(Some("did you mean `complexity`?".into()))
        .with_source(text);
        assert_eq!(
            d.render(),
            "initiatives/a.yaml:3:3: error: unknown criterion `complexty`\n  |\n3 |   complexty: 3\n  |   ^\n  = hint: did you mean `complexity`?"
        );
    }
}
