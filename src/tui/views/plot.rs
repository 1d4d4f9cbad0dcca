//! A small line/bar chart as a document piece: series of points, two labelled axes, a legend.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Rect};
use ratatui::style::Style;
use ratatui::symbols::Marker;
use ratatui::widgets::{Axis, Chart, Dataset, GraphType, Widget};

pub struct Series {
    /// Unnamed series (a zero line) stay out of the legend.
    pub name: Option<&'static str>,
    pub marker: Marker,
    pub kind: GraphType,
    pub style: Style,
    pub points: Vec<(f64, f64)>,
}

/// An axis: its bounds and the labels at either end.
pub struct Scale {
    pub bounds: [f64; 2],
    pub labels: [String; 2],
}

pub struct Plot {
    pub series: Vec<Series>,
    pub x: Scale,
    pub y: Scale,
    pub axis_style: Style,
}

impl Plot {
    /// Draws the chart into the rectangle it is given (owning its data, for `Doc::widget`).
    pub fn draw(self) -> impl FnOnce(Rect, &mut Buffer) {
        move |area, buf| {
            let datasets = self
                .series
                .iter()
                .map(|s| {
                    let d = Dataset::default()
                        .marker(s.marker)
                        .graph_type(s.kind)
                        .style(s.style)
                        .data(&s.points);
                    match s.name {
                        Some(name) => d.name(name),
                        None => d,
                    }
                })
                .collect();
            let axis = |scale: Scale| {
                Axis::default()
                    .bounds(scale.bounds)
                    .labels(scale.labels)
                    .style(self.axis_style)
            };
            Chart::new(datasets)
                .hidden_legend_constraints((Constraint::Ratio(1, 2), Constraint::Ratio(1, 1)))
                .x_axis(axis(self.x))
                .y_axis(axis(self.y))
                .render(area, buf);
        }
    }
}
