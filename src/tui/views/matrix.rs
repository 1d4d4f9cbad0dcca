//! The matrix: benefit (up) against feasibility (right), quadrants at the model's threshold,
//! every initiative in view a point, the selected one marked, and a panel about it.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::symbols::Marker;
use ratatui::text::{Line, Span};
use ratatui::widgets::canvas::{Canvas, Context, Line as CanvasLine, Points};
use ratatui::widgets::{Block, Borders, Paragraph, Wrap};
use rust_decimal::prelude::ToPrimitive;

use crate::i18n::{Lang, format_decimal, safe, ui, words};

use super::super::app::App;
use super::super::layout;
use super::super::matrix::{nearby, point};
use super::super::theme::Theme;
use super::{fit, gate_label, score};
use crate::eval::Quadrant;
use crate::report::dataset::Dataset;

/// Up to this many points each is a bullet; beyond, braille dots.
const BULLETS_UP_TO: usize = 2_000;
const QUADRANTS: [&str; 4] = ["do_now", "strengthen_feasibility", "quick_win", "abstain"];

pub fn render(app: &App, data: &Dataset, theme: &Theme, frame: &mut Frame, area: Rect) {
    let panel = layout::matrix_panel_width(area.width);
    let [plot_area, panel_area] =
        Layout::horizontal([Constraint::Min(0), Constraint::Length(panel)]).areas(area);
    plot(app, data, theme, frame, plot_area);
    side_panel(app, data, theme, frame, panel_area);
}

fn plot(app: &App, data: &Dataset, theme: &Theme, frame: &mut Frame, area: Rect) {
    let lang = app.lang;
    let threshold = data
        .portfolio
        .model
        .quadrant_threshold
        .to_f64()
        .unwrap_or(2.5);
    let by_quadrant = quadrant_points(app, data);
    let selected = app.matrix_selected.and_then(|i| point(data, i));
    // One text row in plot units: the ticks sit a row inside the quadrant labels.
    let row = 3.0 / f64::from(area.height.saturating_sub(2).max(1));
    // The selected point's label: its title, shortened to a quarter of the plot.
    let label = app.matrix_selected.map_or_else(String::new, |i| {
        let title = crate::i18n::safe::line(data.initiative(i).title()).into_owned();
        fit(&title, usize::from(area.width / 4).max(8))
    });
    let title = format!(
        " {} ↑ × {} → ",
        ui::AXIS_BENEFIT.get(lang),
        ui::AXIS_FEASIBILITY.get(lang)
    );
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(theme.border())
        .title(title);
    let canvas = Canvas::default()
        .block(block)
        .marker(Marker::Braille)
        .x_bounds([1.0, 4.0])
        .y_bounds([1.0, 4.0])
        .paint(|ctx| {
            let colour = Theme::colour_of(theme.border());
            ctx.draw(&CanvasLine::new(threshold, 1.0, threshold, 4.0, colour));
            ctx.draw(&CanvasLine::new(1.0, threshold, 4.0, threshold, colour));
            paint_points(ctx, &by_quadrant, theme);
            ctx.layer();
            paint_labels(ctx, threshold, lang, theme);
            paint_ticks(ctx, row, theme);
            if let Some((x, y)) = selected {
                ctx.print(x, y, Line::styled(format!("◉ {label}"), theme.selected()));
            }
        });
    frame.render_widget(canvas, area);
}

/// The scale's ticks 1–4 along both axes: feasibility a row above the bottom edge, benefit at
/// the left edge, clear of the quadrant labels in the corners.
fn paint_ticks(ctx: &mut Context<'_>, row: f64, theme: &Theme) {
    let tick = |n: u8| Line::styled(n.to_string(), theme.muted());
    for n in 1..=4u8 {
        let at = f64::from(n);
        // The last column would be cut: 4 sits just inside it.
        ctx.print(at.min(3.97), 1.0 + row, tick(n));
    }
    for n in 2..=3u8 {
        ctx.print(1.0, f64::from(n), tick(n));
    }
    ctx.print(1.0, 4.0 - 1.5 * row, tick(4));
}

/// The points in view, grouped by quadrant (in `QUADRANTS` order) for their colours.
fn quadrant_points(app: &App, data: &Dataset) -> [Vec<(f64, f64)>; 4] {
    let mut by_quadrant: [Vec<(f64, f64)>; 4] = Default::default();
    for &i in &app.view.rows {
        let (Some(p), Some(q)) = (point(data, i), data.item(i).eval.quadrant) else {
            continue;
        };
        let slot = QUADRANTS.iter().position(|id| *id == q.id()).unwrap_or(3);
        by_quadrant[slot].push(p);
    }
    by_quadrant
}

fn paint_points(ctx: &mut Context<'_>, by_quadrant: &[Vec<(f64, f64)>; 4], theme: &Theme) {
    let total: usize = by_quadrant.iter().map(Vec::len).sum();
    for (slot, points) in by_quadrant.iter().enumerate() {
        let style = theme.quadrant(QUADRANTS[slot]);
        if total <= BULLETS_UP_TO {
            // A bullet per initiative reads better than a braille dot while they are few.
            for &(x, y) in points {
                ctx.print(x, y, Line::styled("•", style));
            }
        } else {
            ctx.draw(&Points::new(points, Theme::colour_of(style)));
        }
    }
}

/// The quadrant names in their corners.
fn paint_labels(ctx: &mut Context<'_>, threshold: f64, lang: Lang, theme: &Theme) {
    let label =
        |q: Quadrant| Line::styled(words::quadrant(q, lang).to_string(), theme.quadrant(q.id()));
    let right = threshold + 0.05;
    ctx.print(1.02, 4.0, label(Quadrant::StrengthenFeasibility));
    ctx.print(right, 4.0, label(Quadrant::DoNow));
    ctx.print(1.02, 1.0, label(Quadrant::Abstain));
    ctx.print(right, 1.0, label(Quadrant::QuickWin));
}

fn side_panel(app: &App, data: &Dataset, theme: &Theme, frame: &mut Frame, area: Rect) {
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(theme.border());
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let mut lines: Vec<Line> = Vec::new();
    if let Some(i) = app.matrix_selected {
        lines = about(app, data, i, theme);
        let room = usize::from(inner.height).saturating_sub(lines.len());
        lines.extend(cluster(app, data, i, theme, room, usize::from(inner.width)));
    }
    let unplotted = app
        .view
        .rows
        .iter()
        .filter(|&&i| point(data, i).is_none())
        .count();
    if unplotted > 0 && lines.len() < usize::from(inner.height) {
        let text = format!("{unplotted} {}", ui::NOT_PLOTTED.get(app.lang));
        lines.push(Line::styled(text, theme.muted()));
    }
    frame.render_widget(Paragraph::new(lines).wrap(Wrap { trim: true }), inner);
}

/// The selected initiative: title, id, quadrant, scores and gate.
fn about(app: &App, data: &Dataset, i: usize, theme: &Theme) -> Vec<Line<'static>> {
    let lang = app.lang;
    let initiative = data.initiative(i);
    let eval = &data.item(i).eval;
    let q = eval.quadrant.map_or("", |q| q.id());
    let quadrant = eval.quadrant.map_or("", |q| words::quadrant(q, lang));
    let kv = |k: ui::Text, v: String| {
        Line::from(vec![
            Span::styled(format!("{}: ", k.get(lang)), theme.muted()),
            Span::raw(v),
        ])
    };
    let priority = eval
        .priority
        .map_or_else(String::new, |p| format_decimal(p, 2, lang));
    vec![
        Line::styled(safe::line(initiative.title()).into_owned(), theme.title()),
        Line::styled(safe::line(&initiative.id).into_owned(), theme.muted()),
        Line::styled(quadrant.to_string(), theme.quadrant(q)),
        kv(ui::COL_BENEFIT, score(eval.benefit_score, lang)),
        kv(ui::COL_FEASIBILITY, score(eval.feasibility_score, lang)),
        kv(ui::COL_PRIORITY, priority),
        Line::styled(gate_label(eval.gate, lang), theme.gate(eval.gate.id())),
        Line::default(),
    ]
}

/// The initiatives drawn in the same cell as the selected one, which `n` cycles through.
fn cluster(
    app: &App,
    data: &Dataset,
    i: usize,
    theme: &Theme,
    room: usize,
    width: usize,
) -> Vec<Line<'static>> {
    let plot = layout::matrix_plot(app.size.0, app.size.1);
    let near = nearby(data, &app.view.rows, i, plot);
    let mut lines = vec![Line::styled(
        ui::at_this_point(near.len(), app.lang),
        theme.muted(),
    )];
    let room = room.saturating_sub(1);
    let pos = near.iter().position(|&n| n == i).unwrap_or(0);
    let start = pos.saturating_sub(room.saturating_sub(1));
    for &n in near.iter().skip(start).take(room) {
        let (mark, style) = if n == i {
            ("▶ ", theme.selected())
        } else {
            ("  ", theme.text())
        };
        let text = fit(
            &format!("{mark}{}", safe::line(data.initiative(n).title())),
            width,
        );
        lines.push(Line::styled(text, style));
    }
    lines
}
