//! The portfolio screen: the shared summary document (`report::summary::summary_doc`, the same
//! as `bered summary`, built once per data and language) drawn with the theme.

use ratatui::Frame;
use ratatui::layout::Rect;

use super::super::app::App;
use super::super::theme::Theme;
use super::doc::{Target, from_report_selected};
use crate::report::dataset::Dataset;

/// Returns the largest scroll that still shows content, so that End reaches the true end, and
/// where each initiative named in a list starts (the cursor moves over them; Enter opens one).
pub fn render(
    app: &App,
    data: &Dataset,
    theme: &Theme,
    frame: &mut Frame,
    area: Rect,
) -> (u16, Vec<Target>) {
    let area = Rect {
        x: area.x + 1,
        width: area.width.saturating_sub(2),
        ..area
    };
    let report = data.summary_doc(app.lang);
    let selected = app.portfolio_selected;
    from_report_selected(report, theme, app.lang, area.width, selected).render_targets(
        frame,
        area,
        app.portfolio_scroll,
    )
}
