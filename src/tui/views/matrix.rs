//! The matrix: benefit (up) against feasibility (right), quadrants at the model's threshold,
//! every initiative in view a point, the selected one marked, and a panel about it.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::symbols::Marker;
use ratatui::text::{Line, Span};
use ratatui::widgets::canvas::{Canvas, Line as CanvasLine, Points};
use ratatui::widgets::{Block, Borders, Paragraph, Wrap};
use rust_decimal::prelude::ToPrimitive;

use crate::i18n::{format_decimal, ui, words};

use super::super::app::App;
use super::super::data::Dataset;
use super::super::engine::eval::Quadrant;
use super::super::layout;
use super::super::matrix::{nearby, point};
use super::super::theme::Theme;
use super::{fit, gate_label, score};

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
    let mut by_quadrant: [Vec<(f64, f64)>; 4] = Default::default();
    for &i in &app.view.rows {
        let (Some(p), Some(q)) = (point(data, i), data.item(i).eval.quadrant) else {
            continue;
        };
        let slot = QUADRANTS.iter().position(|id| *id == q.id()).unwrap_or(3);
        by_quadrant[slot].push(p);
    }
    let selected = app.matrix_selected.and_then(|i| point(data, i));
    let title = format!(
        " {} ↑ × {} → ",
        ui::AXIS_BENEFIT.get(lang),
        ui::AXIS_FEASIBILITY.get(lang)
    );
    let border = theme.border();
    let canvas = Canvas::default()
        .block(
            Block::default()
                .borders(Borders::ALL)
                .border_style(border)
                .title(title),
        )
        .marker(Marker::Braille)
        .x_bounds([1.0, 4.0])
        .y_bounds([1.0, 4.0])
        .paint(|ctx| {
            let line_colour = Theme::colour_of(border);
            ctx.draw(&CanvasLine::new(
                threshold,
                1.0,
                threshold,
                4.0,
                line_colour,
            ));
            ctx.draw(&CanvasLine::new(
                1.0,
                threshold,
                4.0,
                threshold,
                line_colour,
            ));
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
            ctx.layer();
            let label = |q: Quadrant| {
                Line::styled(words::quadrant(q, lang).to_string(), theme.quadrant(q.id()))
            };
            let right = threshold + 0.05;
            ctx.print(1.02, 4.0, label(Quadrant::StrengthenFeasibility));
            ctx.print(right, 4.0, label(Quadrant::DoNow));
            ctx.print(1.02, 1.0, label(Quadrant::Abstain));
            ctx.print(right, 1.0, label(Quadrant::QuickWin));
            if let Some((x, y)) = selected {
                ctx.print(x, y, Line::styled("◉", theme.selected()));
            }
        });
    frame.render_widget(canvas, area);
}

fn side_panel(app: &App, data: &Dataset, theme: &Theme, frame: &mut Frame, area: Rect) {
    let lang = app.lang;
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(theme.border());
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let mut lines: Vec<Line> = Vec::new();
    let width = usize::from(inner.width);
    if let Some(i) = app.matrix_selected {
        let initiative = data.initiative(i);
        let eval = &data.item(i).eval;
        lines.push(Line::styled(initiative.title().to_string(), theme.title()));
        lines.push(Line::styled(initiative.id.clone(), theme.muted()));
        let q = eval.quadrant.map_or("", |q| q.id());
        lines.push(Line::styled(
            eval.quadrant
                .map_or("", |q| words::quadrant(q, lang))
                .to_string(),
            theme.quadrant(q),
        ));
        let kv = |k: &str, v: String| {
            Line::from(vec![
                Span::styled(format!("{k}: "), theme.muted()),
                Span::raw(v),
            ])
        };
        lines.push(kv(
            ui::COL_BENEFIT.get(lang),
            score(eval.benefit_score, lang),
        ));
        lines.push(kv(
            ui::COL_FEASIBILITY.get(lang),
            score(eval.feasibility_score, lang),
        ));
        lines.push(kv(
            ui::COL_PRIORITY.get(lang),
            eval.priority
                .map_or_else(String::new, |p| format_decimal(p, 2, lang)),
        ));
        let gate = eval.gate.id();
        lines.push(Line::styled(gate_label(eval.gate, lang), theme.gate(gate)));
        lines.push(Line::default());
        let plot = layout::matrix_plot(app.size.0, app.size.1);
        let near = nearby(data, &app.view.rows, i, plot);
        lines.push(Line::styled(
            ui::at_this_point(near.len(), lang),
            theme.muted(),
        ));
        let room = usize::from(inner.height).saturating_sub(lines.len());
        let pos = near.iter().position(|&n| n == i).unwrap_or(0);
        let start = pos.saturating_sub(room.saturating_sub(1));
        for &n in near.iter().skip(start).take(room) {
            let mark = if n == i { "▶ " } else { "  " };
            let text = fit(&format!("{mark}{}", data.initiative(n).title()), width);
            let style = if n == i {
                theme.selected()
            } else {
                theme.text()
            };
            lines.push(Line::styled(text, style));
        }
    }
    let unplotted = app
        .view
        .rows
        .iter()
        .filter(|&&i| point(data, i).is_none())
        .count();
    if unplotted > 0 && lines.len() < usize::from(inner.height) {
        lines.push(Line::styled(
            format!("{unplotted} {}", ui::NOT_PLOTTED.get(lang)),
            theme.muted(),
        ));
    }
    frame.render_widget(Paragraph::new(lines).wrap(Wrap { trim: true }), inner);
}
