//! Moving between points on the benefit × feasibility matrix, without drawing.

use rust_decimal::prelude::ToPrimitive;

use crate::report::dataset::Dataset;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Direction {
    Up,
    Down,
    Left,
    Right,
}

/// The point of initiative `i`: (feasibility, benefit), both 1–4; none when either is unscored.
pub fn point(data: &Dataset, i: usize) -> Option<(f64, f64)> {
    let e = &data.item(i).eval;
    Some((e.feasibility_score?.to_f64()?, e.benefit_score?.to_f64()?))
}

/// The character cell a point falls in, for a plot `cols` × `rows` cells wide and high.
pub fn cell(p: (f64, f64), cols: u16, rows: u16) -> (i64, i64) {
    let scale = |v: f64, n: u16| (((v - 1.0) / 3.0) * f64::from(n)).floor() as i64;
    (scale(p.0, cols), scale(p.1, rows))
}

/// The nearest point in a direction, favouring points straight ahead.
pub fn step(data: &Dataset, rows: &[usize], from: usize, dir: Direction) -> Option<usize> {
    let (fx, fy) = point(data, from)?;
    let mut best: Option<(f64, usize)> = None;
    for &i in rows {
        let Some((x, y)) = point(data, i) else {
            continue;
        };
        let (ahead, across) = match dir {
            Direction::Right => (x - fx, y - fy),
            Direction::Left => (fx - x, y - fy),
            Direction::Up => (y - fy, x - fx),
            Direction::Down => (fy - y, x - fx),
        };
        if ahead <= 1e-9 {
            continue;
        }
        let cost = ahead + 2.0 * across.abs();
        if best.is_none_or(|(c, _)| cost < c) {
            best = Some((cost, i));
        }
    }
    best.map(|(_, i)| i)
}

/// The points drawn in the same cell as `from` (including it), in view order.
pub fn nearby(data: &Dataset, rows: &[usize], from: usize, plot: (u16, u16)) -> Vec<usize> {
    let Some(p) = point(data, from) else {
        return vec![from];
    };
    let here = cell(p, plot.0, plot.1);
    rows.iter()
        .copied()
        .filter(|&i| point(data, i).is_some_and(|q| cell(q, plot.0, plot.1) == here))
        .collect()
}

/// The first initiative in view that has a point.
pub fn first(data: &Dataset, rows: &[usize]) -> Option<usize> {
    rows.iter().copied().find(|&i| point(data, i).is_some())
}
