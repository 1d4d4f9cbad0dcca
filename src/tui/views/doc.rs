//! A scrollable document of text and widgets (tables, charts) stacked vertically. Only the
//! pieces that reach into the visible window are drawn.

use ratatui::Frame;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Paragraph, Widget, Wrap};

type Draw<'a> = Box<dyn FnOnce(Rect, &mut Buffer) + 'a>;

enum Piece<'a> {
    Text(Vec<Line<'a>>),
    Widget(u16, Draw<'a>),
}

#[derive(Default)]
pub struct Doc<'a> {
    pieces: Vec<Piece<'a>>,
}

impl<'a> Doc<'a> {
    pub fn line(&mut self, line: impl Into<Line<'a>>) {
        match self.pieces.last_mut() {
            Some(Piece::Text(lines)) => lines.push(line.into()),
            _ => self.pieces.push(Piece::Text(vec![line.into()])),
        }
    }

    pub fn blank(&mut self) {
        self.line(Line::default());
    }

    /// A widget of a fixed height, drawn into the rectangle it is given.
    pub fn widget(&mut self, height: u16, draw: impl FnOnce(Rect, &mut Buffer) + 'a) {
        self.pieces.push(Piece::Widget(height, Box::new(draw)));
    }

    /// Draws the window of the document from line `scroll`; returns the largest useful scroll.
    pub fn render(self, frame: &mut Frame, area: Rect, scroll: u16) -> u16 {
        let width = area.width;
        let mut top: u32 = 0;
        let window = u32::from(scroll)..u32::from(scroll) + u32::from(area.height);
        for piece in self.pieces {
            let (height, draw): (u32, Draw<'a>) = match piece {
                Piece::Text(lines) => {
                    let p = Paragraph::new(lines).wrap(Wrap { trim: false });
                    let h = p.line_count(width) as u32;
                    (h, Box::new(move |r, b| p.render(r, b)))
                }
                Piece::Widget(h, draw) => (u32::from(h), draw),
            };
            let bottom = top + height;
            if bottom > window.start && top < window.end && height > 0 {
                blit(frame, area, top, height, window.start, draw);
            }
            top = bottom;
        }
        let max = top.saturating_sub(u32::from(area.height));
        u16::try_from(max).unwrap_or(u16::MAX)
    }
}

/// Draws a piece into its own buffer and copies the rows inside the window onto the frame.
fn blit(frame: &mut Frame, area: Rect, top: u32, height: u32, scroll: u32, draw: Draw<'_>) {
    // A piece taller than this is cut; no screen is that tall.
    let height = height.min(4096) as u16;
    let local = Rect::new(0, 0, area.width, height);
    let mut buffer = Buffer::empty(local);
    draw(local, &mut buffer);
    let target = frame.buffer_mut();
    for row in 0..height {
        let doc_line = top + u32::from(row);
        if doc_line < scroll {
            continue;
        }
        let y = doc_line - scroll;
        if y >= u32::from(area.height) {
            break;
        }
        for x in 0..area.width {
            target[(area.x + x, area.y + y as u16)] = buffer[(x, row)].clone();
        }
    }
}
