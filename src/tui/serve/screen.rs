//! A client's screen: ratatui drawing into bytes instead of a terminal, at the size the client
//! said (pty-request, window-change), never the server's own terminal size. The bytes go to
//! the client through an `Outbox`: a bounded queue where, when the client falls behind, the
//! queued frames are dropped and the next frame is drawn whole — the latest frame wins.

use std::sync::{Arc, Mutex};

use ratatui::backend::CrosstermBackend;
use ratatui::layout::Rect;
use ratatui::{Terminal, TerminalOptions, Viewport};
use tokio::sync::Notify;

use crate::tui::app::App;
use crate::tui::theme::Theme;

/// Sizes outside these are clamped: a client cannot make the server draw a huge buffer.
const MIN_SIZE: (u16, u16) = (20, 5);
const MAX_SIZE: (u16, u16) = (500, 200);

/// Alternate screen, hidden cursor, bracketed paste: what the local terminal guard sets up.
pub const ENTER: &[u8] = b"\x1b[?1049h\x1b[?25l\x1b[?2004h";
/// And back as it was.
pub const LEAVE: &[u8] = b"\x1b[?2004l\x1b[0m\x1b[?25h\x1b[?1049l";

/// The client's size, clamped; a zero size (some clients send it) is 80×24.
pub fn clamp_size(width: u32, height: u32) -> (u16, u16) {
    if width == 0 || height == 0 {
        return (80, 24);
    }
    let fit =
        |v: u32, min: u16, max: u16| u16::try_from(v.min(u32::from(max))).unwrap_or(max).max(min);
    (
        fit(width, MIN_SIZE.0, MAX_SIZE.0),
        fit(height, MIN_SIZE.1, MAX_SIZE.1),
    )
}

pub struct Screen {
    terminal: Terminal<CrosstermBackend<Sink>>,
    frame: Arc<Mutex<Vec<u8>>>,
}

/// Where the backend writes: the bytes of the frame being drawn.
pub struct Sink(Arc<Mutex<Vec<u8>>>);

impl std::io::Write for Sink {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        let mut bytes = self
            .0
            .lock()
            .map_err(|_| std::io::Error::other("poisoned"))?;
        bytes.extend_from_slice(buf);
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

impl Screen {
    pub fn new(size: (u16, u16)) -> anyhow::Result<Screen> {
        let viewport = Viewport::Fixed(Rect::new(0, 0, size.0, size.1));
        let frame = Arc::new(Mutex::new(Vec::new()));
        let backend = CrosstermBackend::new(Sink(frame.clone()));
        let terminal = Terminal::with_options(backend, TerminalOptions { viewport })?;
        Ok(Screen { terminal, frame })
    }

    /// A new size: the next frame is drawn whole.
    pub fn resize(&mut self, size: (u16, u16)) -> anyhow::Result<()> {
        self.terminal.resize(Rect::new(0, 0, size.0, size.1))?;
        self.terminal.clear()?;
        Ok(())
    }

    /// Forgets what the client shows: the next frame is drawn whole.
    pub fn invalidate(&mut self) -> anyhow::Result<()> {
        self.terminal.clear()?;
        Ok(())
    }

    /// Draws a frame and returns the bytes that bring the client's screen up to it.
    pub fn draw(&mut self, app: &mut App, theme: &Theme) -> anyhow::Result<Vec<u8>> {
        crate::tui::draw(&mut self.terminal, app, theme)?;
        let mut frame = self
            .frame
            .lock()
            .map_err(|_| anyhow::anyhow!("the frame buffer is poisoned"))?;
        Ok(std::mem::take(&mut *frame))
    }
}

/// Bytes on their way to one client. The session pushes, the sender task takes; neither waits
/// for the other, so a client that stops reading only ever holds up itself.
#[derive(Debug, Default)]
pub struct Outbox {
    queue: Mutex<Queue>,
    ready: Notify,
}

#[derive(Debug, Default)]
struct Queue {
    bytes: Vec<u8>,
    closed: bool,
}

/// Above this many unsent bytes the client is behind: its queue is dropped for a whole frame.
pub const MAX_QUEUED: usize = 256 * 1024;

impl Outbox {
    /// Queues bytes; `false` when the queue is over its bound (nothing was queued): the caller
    /// then draws a whole frame and `replace`s the queue with it.
    pub fn push(&self, bytes: &[u8]) -> bool {
        if bytes.is_empty() {
            return true;
        }
        let Ok(mut queue) = self.queue.lock() else {
            return false;
        };
        if queue.bytes.len() + bytes.len() > MAX_QUEUED {
            return false;
        }
        queue.bytes.extend_from_slice(bytes);
        drop(queue);
        self.ready.notify_one();
        true
    }

    /// Drops whatever is queued for `bytes`: a whole frame that needs nothing before it.
    pub fn replace(&self, bytes: Vec<u8>) {
        if let Ok(mut queue) = self.queue.lock() {
            queue.bytes = bytes;
        }
        self.ready.notify_one();
    }

    /// No more bytes will come; the sender sends what is queued and stops.
    pub fn close(&self) {
        if let Ok(mut queue) = self.queue.lock() {
            queue.closed = true;
        }
        self.ready.notify_one();
    }

    /// Waits for bytes; `None` once closed and empty.
    pub async fn take(&self) -> Option<Vec<u8>> {
        loop {
            let notified = self.ready.notified();
            {
                let mut queue = self.queue.lock().ok()?;
                if !queue.bytes.is_empty() {
                    return Some(std::mem::take(&mut queue.bytes));
                }
                if queue.closed {
                    return None;
                }
            }
            notified.await;
        }
    }

    /// How many bytes wait to be sent.
    pub fn queued(&self) -> usize {
        self.queue.lock().map_or(0, |q| q.bytes.len())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_are_clamped() {
        assert_eq!(clamp_size(0, 0), (80, 24));
        assert_eq!(clamp_size(5, 2), MIN_SIZE);
        assert_eq!(clamp_size(100_000, 100_000), MAX_SIZE);
        assert_eq!(clamp_size(120, 40), (120, 40));
    }

    #[test]
    fn a_full_queue_refuses_more_and_a_whole_frame_replaces_it() {
        let outbox = Outbox::default();
        assert!(outbox.push(&vec![b'x'; MAX_QUEUED]));
        assert!(!outbox.push(b"more"));
        assert_eq!(outbox.queued(), MAX_QUEUED);
        outbox.replace(b"frame".to_vec());
        assert_eq!(outbox.queued(), 5);
    }
}
