//! A client's keystrokes arrive as raw bytes, in packets of any size: several keys in one, or an
//! escape sequence split across two. `terminput` parses them (crossterm's own parser, adapted),
//! and `terminput-crossterm` turns them into the crossterm events the keymap knows.
//!
//! A lone Esc cannot be told from the start of a sequence until the next byte comes or a short
//! time passes: the session calls `flush` when `ESC_TIMEOUT` has passed without more bytes.

use std::time::Duration;

use crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};

/// How long a lone Esc waits for the rest of a sequence (ssh and tmux use about as long).
pub const ESC_TIMEOUT: Duration = Duration::from_millis(50);

/// The longest paste or sequence kept while waiting for its end; beyond it the bytes are dropped.
const MAX_PENDING: usize = 64 * 1024;

const ESC: u8 = 0x1b;

#[derive(Debug, Default)]
pub struct Decoder {
    pending: Vec<u8>,
}

impl Decoder {
    pub fn new() -> Decoder {
        Decoder::default()
    }

    /// Bytes that may end in the middle of a sequence: a lone Esc is then waiting for `flush`.
    pub fn waiting(&self) -> bool {
        !self.pending.is_empty()
    }

    /// Takes one packet of bytes; returns every event it completes.
    pub fn feed(&mut self, bytes: &[u8]) -> Vec<Event> {
        let mut events = Vec::new();
        for &byte in bytes {
            self.pending.push(byte);
            self.parse(&mut events);
        }
        events
    }

    /// The timeout passed with bytes still waiting: a lone Esc is Esc; anything else is dropped.
    pub fn flush(&mut self) -> Vec<Event> {
        let pending = std::mem::take(&mut self.pending);
        match pending.as_slice() {
            [ESC] => vec![Event::Key(KeyEvent::new(KeyCode::Esc, KeyModifiers::NONE))],
            _ => Vec::new(),
        }
    }

    fn parse(&mut self, events: &mut Vec<Event>) {
        // An Esc alone waits: the next byte (in this packet or the next) or the timeout decides.
        if self.pending == [ESC] {
            return;
        }
        match terminput::Event::parse_from(&self.pending) {
            Ok(Some(event)) => {
                self.pending.clear();
                if let Some(event) = convert(event) {
                    events.push(event);
                }
            }
            Ok(None) if self.pending.len() > MAX_PENDING => self.pending.clear(),
            Ok(None) => {}
            Err(_) => {
                // Not a sequence after all: Esc, then what followed it parsed again; any other
                // unreadable bytes are dropped.
                let pending = std::mem::take(&mut self.pending);
                if let [ESC, rest @ ..] = pending.as_slice() {
                    events.push(Event::Key(KeyEvent::new(KeyCode::Esc, KeyModifiers::NONE)));
                    for &b in rest {
                        self.pending.push(b);
                        self.parse(events);
                    }
                }
            }
        }
    }
}

fn convert(event: terminput::Event) -> Option<Event> {
    let event = terminput_crossterm::to_crossterm(event).ok()?;
    Some(match event {
        // 0x08 is Backspace on many terminals (and Ctrl-H on the rest, where it means the same).
        Event::Key(key)
            if key.code == KeyCode::Char('h') && key.modifiers == KeyModifiers::CONTROL =>
        {
            Event::Key(KeyEvent::new(KeyCode::Backspace, KeyModifiers::NONE))
        }
        other => other,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn keys(events: &[Event]) -> Vec<KeyCode> {
        events
            .iter()
            .filter_map(|e| match e {
                Event::Key(k) => Some(k.code),
                _ => None,
            })
            .collect()
    }

    #[test]
    fn several_keys_in_one_packet_and_utf8_letters() {
        let mut d = Decoder::new();
        let got = keys(&d.feed("jå\x1b[B\r".as_bytes()));
        assert_eq!(
            got,
            vec![
                KeyCode::Char('j'),
                KeyCode::Char('å'),
                KeyCode::Down,
                KeyCode::Enter
            ]
        );
    }

    #[test]
    fn byte_by_byte_and_a_sequence_split_across_packets() {
        let mut d = Decoder::new();
        let mut got = Vec::new();
        for b in "ö\x1b[A".as_bytes() {
            got.extend(d.feed(&[*b]));
        }
        assert_eq!(keys(&got), vec![KeyCode::Char('ö'), KeyCode::Up]);
        assert!(!d.waiting());
    }

    #[test]
    fn a_lone_esc_waits_for_the_timeout() {
        let mut d = Decoder::new();
        assert!(d.feed(b"\x1b").is_empty());
        assert!(d.waiting());
        assert_eq!(keys(&d.flush()), vec![KeyCode::Esc]);
        // Esc then a letter in the next packet is Alt+letter, as in a local terminal.
        assert!(d.feed(b"\x1b").is_empty());
        let alt = d.feed(b"x");
        assert!(matches!(&alt[..], [Event::Key(k)] if k.modifiers == KeyModifiers::ALT));
    }

    #[test]
    fn backspace_as_del_or_ctrl_h() {
        let mut d = Decoder::new();
        let got = keys(&d.feed(b"\x7f\x08"));
        assert_eq!(got, vec![KeyCode::Backspace, KeyCode::Backspace]);
    }

    #[test]
    fn bracketed_paste_across_packets() {
        let mut d = Decoder::new();
        assert!(d.feed(b"\x1b[200~Anna ").is_empty());
        let got = d.feed("Åberg\x1b[201~".as_bytes());
        assert_eq!(got, vec![Event::Paste("Anna Åberg".into())]);
    }
}
