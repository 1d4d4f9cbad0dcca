//! The help screen, drawn from the keymap table so it always says what the keys do.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph};

use crate::i18n::ui;

use super::super::app::App;
use super::super::keymap::{self, BINDINGS, Context};
use super::super::theme::Theme;
use super::centred;

pub fn render(app: &App, theme: &Theme, frame: &mut Frame, area: Rect, scroll: u16) {
    let lang = app.lang;
    let mut lines = Vec::new();
    for context in Context::ALL {
        lines.push(Line::styled(context.title().get(lang), theme.title()));
        for binding in BINDINGS.iter().filter(|b| b.context == context) {
            lines.push(Line::from(vec![
                Span::styled(
                    format!("  {:<22}", keymap::keys_label(binding)),
                    theme.key(),
                ),
                Span::styled(binding.help.get(lang), theme.text()),
            ]));
        }
        if context == Context::Search {
            lines.push(Line::from(vec![
                Span::styled(format!("  {:<22}", "a–ö"), theme.key()),
                Span::styled(ui::TYPE_TO_SEARCH.get(lang), theme.text()),
            ]));
        }
        lines.push(Line::default());
    }
    let width = area.width.saturating_sub(4).min(72);
    let popup = centred(area, width, area.height);
    let title = format!(" {} – ? ", ui::SCREEN_HELP.get(lang));
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(theme.border())
        .title(Span::styled(title, theme.title()));
    let max = (lines.len() as u16).saturating_sub(popup.height.saturating_sub(2));
    frame.render_widget(Clear, popup);
    frame.render_widget(
        Paragraph::new(lines)
            .block(block)
            .scroll((scroll.min(max), 0)),
        popup,
    );
}
