//! The portfolio screen: the shared summary document (`report::summary::summary_doc`, the same
//! as `bered summary`, built once per data and language) drawn with the theme.

use ratatui::Frame;
use ratatui::layout::Rect;

use super::super::app::App;
use super::super::theme::Theme;
use super::doc::from_report;
use crate::report::dataset::Dataset;

/// Returns the largest scroll that still shows content, so that End reaches the true end.
pub fn render(app: &App, data: &Dataset, theme: &Theme, frame: &mut Frame, area: Rect) -> u16 {
    let area = Rect {
        x: area.x + 1,
        width: area.width.saturating_sub(2),
        ..area
    };
    let report = data.summary_doc(app.lang);
    from_report(report, theme, app.lang, area.width).render(frame, area, app.portfolio_scroll)
}
