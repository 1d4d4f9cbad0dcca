//! The output sanitiser: every byte taken from a portfolio passes through here before it reaches
//! a terminal or a text file. A portfolio comes from many hands through git, so a title may hold
//! an escape sequence, a bidi override or a spreadsheet formula; none of them may act.

use std::borrow::Cow;

/// Which layout characters the target format allows through as they are.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Layout {
    /// A line of its own or a table cell: newline and tab are shown as `\n` and `\t` too.
    Line,
    /// Running text: newline and tab stay.
    Text,
}

/// The text with every control character, DEL, C1 control, bidi control and zero-width
/// character shown visibly (`\e`, `\r`, `\u{202E}`, …). Borrowed when nothing needed changing.
pub fn visible(text: &str, layout: Layout) -> Cow<'_, str> {
    if !text.chars().any(|c| needs_escape(c, layout)) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        if needs_escape(c, layout) {
            push_escape(&mut out, c);
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// A one-line rendering: `visible(text, Layout::Line)`.
pub fn line(text: &str) -> Cow<'_, str> {
    visible(text, Layout::Line)
}

/// A CSV cell of text taken from data: made visible, and neutralised with a leading `'` where a
/// spreadsheet would evaluate it (`=`, `+`, `-`, `@`, tab, carriage return).
pub fn csv_text(text: &str) -> Cow<'_, str> {
    let shown = line(text);
    if text.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        Cow::Owned(format!("'{shown}"))
    } else {
        shown
    }
}

/// Text taken from data for a Markdown document: made visible, and HTML, emphasis, code, table
/// and link syntax escaped so that it reads as the letters it is and never becomes a tag or link.
pub fn markdown_text(text: &str) -> String {
    let shown = line(text);
    let mut out = String::with_capacity(shown.len() + 8);
    for c in shown.chars() {
        match c {
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' => out.push_str("&amp;"),
            '\\' | '`' | '*' | '_' | '[' | ']' | '|' | '#' | '~' | '!' => {
                out.push('\\');
                out.push(c);
            }
            _ => out.push(c),
        }
    }
    out
}

/// Serialised JSON with every character `visible` would show (DEL, C1 controls, bidi controls,
/// zero-width characters) written as a `\uXXXX` escape: the same string to a JSON reader, but
/// nothing that acts on a terminal that prints the file. serde_json already escapes C0 controls.
pub fn json(serialised: &str) -> String {
    let mut out = String::with_capacity(serialised.len());
    json_runs(serialised, |run| out.push_str(run));
    out
}

/// `json` a run at a time: the text between the characters to escape as it is, each such
/// character as its escape. Only DEL and non-ASCII can need one, so the search skips by byte.
fn json_runs(serialised: &str, mut emit: impl FnMut(&str)) {
    let bytes = serialised.as_bytes();
    let (mut copied, mut at) = (0, 0);
    // `at` only ever moves by whole characters, so the first byte ≥ 0x7f from it begins one.
    while let Some(offset) = bytes[at..].iter().position(|&b| b >= 0x7f) {
        let start = at + offset;
        let Some(c) = serialised[start..].chars().next() else {
            break;
        };
        at = start + c.len_utf8();
        if needs_escape(c, Layout::Text) {
            emit(&serialised[copied..start]);
            let mut units = [0u16; 2];
            for unit in c.encode_utf16(&mut units) {
                emit(&format!("\\u{unit:04x}"));
            }
            copied = at;
        }
    }
    emit(&serialised[copied..]);
}

/// `json` as a writer: serialised JSON written through it comes out escaped as `json` would
/// escape the whole text, whatever pieces the serialiser writes it in (a character split
/// between two writes waits for its other bytes). Bytes that are not UTF-8 (no serialiser of
/// this program writes them) come out as U+FFFD.
pub struct JsonWriter<W: std::io::Write> {
    inner: W,
    /// The first bytes of a character whose last ones have not come yet.
    pending: Vec<u8>,
}

impl<W: std::io::Write> JsonWriter<W> {
    pub fn new(inner: W) -> JsonWriter<W> {
        JsonWriter {
            inner,
            pending: Vec::new(),
        }
    }

    fn escaped(&mut self, bytes: &[u8]) -> std::io::Result<()> {
        let mut rest = bytes;
        while !rest.is_empty() {
            match std::str::from_utf8(rest) {
                Ok(text) => return self.runs(text),
                Err(e) => {
                    let (valid, after) = rest.split_at(e.valid_up_to());
                    // Checked just above: the prefix is UTF-8.
                    self.runs(std::str::from_utf8(valid).unwrap_or_default())?;
                    match e.error_len() {
                        Some(bad) => {
                            self.inner.write_all("\u{FFFD}".as_bytes())?;
                            rest = &after[bad..];
                        }
                        None => {
                            self.pending.extend_from_slice(after);
                            return Ok(());
                        }
                    }
                }
            }
        }
        Ok(())
    }
}

impl<W: std::io::Write> JsonWriter<W> {
    fn runs(&mut self, text: &str) -> std::io::Result<()> {
        let mut result = Ok(());
        json_runs(text, |run| {
            if result.is_ok() {
                result = self.inner.write_all(run.as_bytes());
            }
        });
        result
    }
}

impl<W: std::io::Write> std::io::Write for JsonWriter<W> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.write_all(buf)?;
        Ok(buf.len())
    }

    fn write_all(&mut self, buf: &[u8]) -> std::io::Result<()> {
        // The common case, plain ASCII: nothing to look at more closely.
        if self.pending.is_empty() && !buf.iter().any(|&b| b >= 0x7f) {
            return self.inner.write_all(buf);
        }
        let mut joined = std::mem::take(&mut self.pending);
        joined.extend_from_slice(buf);
        self.escaped(&joined)
    }

    fn flush(&mut self) -> std::io::Result<()> {
        if !self.pending.is_empty() {
            self.pending.clear();
            self.inner.write_all("\u{FFFD}".as_bytes())?;
        }
        self.inner.flush()
    }
}

fn needs_escape(c: char, layout: Layout) -> bool {
    match c {
        '\n' | '\t' => layout == Layout::Line,
        '\u{0}'..='\u{1F}' | '\u{7F}'..='\u{9F}' => true,
        _ => is_bidi(c) || is_invisible(c),
    }
}

fn is_bidi(c: char) -> bool {
    matches!(c, '\u{061C}' | '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{00AD}' | '\u{200B}'..='\u{200D}' | '\u{2028}' | '\u{2029}' | '\u{2060}'..='\u{2064}' | '\u{FEFF}'
    )
}

fn push_escape(out: &mut String, c: char) {
    match c {
        '\u{1B}' => out.push_str("\\e"),
        '\n' => out.push_str("\\n"),
        '\r' => out.push_str("\\r"),
        '\t' => out.push_str("\\t"),
        '\u{0}' => out.push_str("\\0"),
        _ => out.push_str(&format!("\\u{{{:X}}}", c as u32)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const HOSTILE: &str = "a\u{1b}]0;PWN\u{7}\u{1b}[2J\u{202E}\u{0}b\r\u{9b}\u{200B}";

    fn is_raw_control(c: char) -> bool {
        needs_escape(c, Layout::Text)
    }

    #[test]
    fn hostile_text_comes_out_visible_and_without_a_raw_control() {
        let shown = visible(HOSTILE, Layout::Line);
        assert_eq!(
            shown,
            "a\\e]0;PWN\\u{7}\\e[2J\\u{202E}\\0b\\r\\u{9B}\\u{200B}"
        );
        assert!(!shown.chars().any(is_raw_control));
    }

    #[test]
    fn the_json_writer_escapes_as_json_does_whatever_the_pieces() {
        use std::io::Write as _;
        let text = serde_json::to_string(&format!("ö{HOSTILE}\u{7f}å\u{1F600}")).unwrap();
        let whole = json(&text);
        // Every way of cutting the bytes in two, a character split in the middle included.
        for cut in 0..=text.len() {
            let mut out = Vec::new();
            let mut w = JsonWriter::new(&mut out);
            w.write_all(&text.as_bytes()[..cut]).unwrap();
            w.write_all(&text.as_bytes()[cut..]).unwrap();
            w.flush().unwrap();
            assert_eq!(String::from_utf8(out).unwrap(), whole, "cut at {cut}");
        }
        let mut out = Vec::new();
        let mut w = JsonWriter::new(&mut out);
        w.write_all(b"a\xffb\xc3").unwrap();
        w.flush().unwrap();
        assert_eq!(out, "a\u{FFFD}b\u{FFFD}".as_bytes());
    }

    #[test]
    fn plain_swedish_text_is_borrowed_unchanged() {
        assert!(matches!(
            visible("Översikt – åäö €", Layout::Line),
            Cow::Borrowed(_)
        ));
    }

    #[test]
    fn newline_and_tab_stay_in_running_text_only() {
        assert_eq!(visible("a\n\tb", Layout::Text), "a\n\tb");
        assert_eq!(visible("a\n\tb", Layout::Line), "a\\n\\tb");
    }

    #[test]
    fn csv_cells_that_a_spreadsheet_would_evaluate_are_neutralised() {
        assert_eq!(csv_text("=HYPERLINK(\"x\")"), "'=HYPERLINK(\"x\")");
        for lead in ["+1", "-1", "@SUM(A1)", "\tx", "\rx"] {
            assert!(csv_text(lead).starts_with('\''), "{lead:?}");
        }
        assert_eq!(csv_text("Bygglov"), "Bygglov");
    }

    #[test]
    fn markdown_escapes_html_and_links() {
        assert_eq!(
            markdown_text("<script>[x](javascript:alert(1))"),
            "&lt;script&gt;\\[x\\](javascript:alert(1))"
        );
        assert_eq!(markdown_text("a|b *c*"), "a\\|b \\*c\\*");
    }
}
