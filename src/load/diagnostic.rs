//! A finding about the portfolio's files: where, what, and what was expected.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use serde::Serialize;

use crate::i18n::Lang;
use crate::i18n::msg::{Msg, translate};
use crate::i18n::safe;
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
    /// as compilers print them, in English.
    pub fn render(&self) -> String {
        self.render_in(Lang::En)
    }

    /// `render` in `lang`. Everything taken from the files (the path, the source line, names
    /// inside the message) is made visible: no control character reaches the terminal raw.
    pub fn render_in(&self, lang: Lang) -> String {
        let mut out = safe::line(&self.path.display().to_string()).into_owned();
        if self.line > 0 {
            let _ = write!(out, ":{}:{}", self.line, self.column.max(1));
        }
        let label = match self.severity {
            Severity::Error => Msg::Error,
            Severity::Warning => Msg::Warning,
        };
        let message = translate(&self.message, lang);
        let _ = write!(out, ": {}: {}", label.template(lang), safe::line(&message));
        if let Some(src) = &self.source_line {
            let number = self.line.to_string();
            let pad = " ".repeat(number.len());
            let src = src.replace('\t', " ");
            let before: String = src
                .chars()
                .take(self.column.saturating_sub(1) as usize)
                .collect();
            let caret_at = " ".repeat(safe::line(&before).chars().count());
            let shown = safe::line(&src);
            let _ = write!(out, "\n{pad} |\n{number} | {shown}\n{pad} | {caret_at}^");
        }
        if let Some(hint) = &self.hint {
            let hint = translate(hint, lang);
            let _ = write!(
                out,
                "\n  = {}: {}",
                Msg::Hint.template(lang),
                safe::line(&hint)
            );
        }
        out
    }

    /// The diagnostic with every text taken from the files made visible, for JSON output
    /// (escaping alone would let a bidi override or a zero-width character through).
    pub fn visible(&self) -> Diagnostic {
        let text = |t: &str| safe::line(t).into_owned();
        Diagnostic {
            severity: self.severity,
            path: PathBuf::from(text(&self.path.display().to_string())),
            line: self.line,
            column: self.column,
            message: text(&self.message),
            hint: self.hint.as_deref().map(text),
            source_line: self.source_line.as_deref().map(text),
        }
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
