//! The screen's fixed proportions, shared by the views (which draw into them) and the app
//! (which scrolls so that the selection stays inside them).

/// Header line and screen tabs.
pub const TOP: u16 = 2;
/// Status line and key footer.
pub const BOTTOM: u16 = 2;
/// Below this the app draws only a "window too small" note.
pub const MIN_WIDTH: u16 = 40;
pub const MIN_HEIGHT: u16 = 10;
/// Lines of the diagnostics screen's pane with the selected message.
pub const DIAGNOSTIC_PANE: u16 = 5;

pub fn too_small(width: u16, height: u16) -> bool {
    width < MIN_WIDTH || height < MIN_HEIGHT
}

/// Lines between the chrome.
pub fn content_height(height: u16) -> u16 {
    height.saturating_sub(TOP + BOTTOM)
}

/// Table body lines on the ranking screen (one line is the column header).
pub fn ranking_rows(height: u16) -> usize {
    usize::from(content_height(height).saturating_sub(1)).max(1)
}

/// List lines on the diagnostics screen.
pub fn diagnostics_rows(height: u16) -> usize {
    usize::from(content_height(height).saturating_sub(DIAGNOSTIC_PANE + 1)).max(1)
}

/// The side panel beside the matrix plot.
pub fn matrix_panel_width(width: u16) -> u16 {
    (width / 3).clamp(20, 48)
}

/// The plot's inner size in cells (inside its frame).
pub fn matrix_plot(width: u16, height: u16) -> (u16, u16) {
    let w = width.saturating_sub(matrix_panel_width(width) + 2);
    let h = content_height(height).saturating_sub(2);
    (w.max(1), h.max(1))
}
