//! Moving through lists and screens: help, search, filters, the matrix, the portfolio and
//! diagnostics screens, and the scroll arithmetic they share.

use super::super::action::Action;
use super::super::layout;
use super::super::matrix::{self, Direction};
use super::{App, FilterMenu, Overlay};
use crate::report::RankFilter;
use crate::report::dataset::Facet;
use crate::report::ranking::View;

impl App {
    pub(super) fn update_help(&mut self, scroll: u16, action: Action) {
        let scroll = match action {
            Action::Up => scroll.saturating_sub(1),
            Action::Down => scroll.saturating_add(1),
            Action::PageUp => scroll.saturating_sub(10),
            Action::PageDown => scroll.saturating_add(10),
            Action::Back | Action::Help => {
                self.overlay = Overlay::None;
                return;
            }
            _ => scroll,
        };
        self.overlay = Overlay::Help { scroll };
    }

    pub(super) fn update_search(&mut self, action: Action) {
        match action {
            Action::SearchInput(c) => self.search.query.push(c),
            Action::SearchBackspace => {
                self.search.query.pop();
            }
            Action::SearchAccept => self.search.editing = false,
            Action::SearchCancel => {
                self.search.editing = false;
                self.search.query.clear();
            }
            Action::Up | Action::Down => self.move_selection(action),
            _ => {}
        }
        self.refresh_view();
        // While typing, the selection follows the best match; the rows stay in rank order.
        if matches!(action, Action::SearchInput(_) | Action::SearchBackspace)
            && let Some(best) = self.search.best()
            && let Some(row) = self.view.rows.iter().position(|&r| r == best)
        {
            self.selected = row;
        }
    }

    pub(super) fn update_filters(&mut self, mut menu: FilterMenu, action: Action) {
        let facets = Facet::ALL.len();
        let values = self.facet_values(Facet::ALL[menu.facet]);
        match action {
            Action::Up => menu.cursor = menu.cursor.saturating_sub(1),
            Action::Down => menu.cursor = (menu.cursor + 1).min(values.len().saturating_sub(1)),
            Action::NextFacet => {
                menu = FilterMenu {
                    facet: (menu.facet + 1) % facets,
                    cursor: 0,
                }
            }
            Action::PrevFacet => {
                menu = FilterMenu {
                    facet: (menu.facet + facets - 1) % facets,
                    cursor: 0,
                }
            }
            Action::ToggleFilter => {
                if let Some(value) = values.get(menu.cursor) {
                    self.filters.toggle(Facet::ALL[menu.facet], value);
                    self.refresh_view();
                }
            }
            Action::ClearFilters => {
                self.filters = RankFilter::default();
                self.refresh_view();
            }
            Action::Back | Action::OpenFilters => {
                self.overlay = Overlay::None;
                return;
            }
            Action::Help => {
                self.overlay = Overlay::Help { scroll: 0 };
                return;
            }
            _ => {}
        }
        self.overlay = Overlay::Filters(menu);
    }

    /// The values a facet offers in the filter menu.
    pub fn facet_values(&self, facet: Facet) -> Vec<String> {
        self.data
            .as_ref()
            .and_then(|d| d.facets.get(&facet))
            .map(|v| v.iter().map(|(value, _)| value.clone()).collect())
            .unwrap_or_default()
    }

    pub(super) fn update_matrix(&mut self, action: Action) {
        let Some(data) = &self.data else { return };
        let Some(current) = self.matrix_selected else {
            self.matrix_selected = matrix::first(data, &self.view.rows);
            return;
        };
        let dir = match action {
            Action::Up => Direction::Up,
            Action::Down => Direction::Down,
            Action::Left => Direction::Left,
            Action::Right => Direction::Right,
            Action::NextNearby => {
                let plot = layout::matrix_plot(self.size.0, self.size.1);
                let near = matrix::nearby(data, &self.view.rows, current, plot);
                let pos = near.iter().position(|&i| i == current).unwrap_or(0);
                self.matrix_selected = near.get((pos + 1) % near.len().max(1)).copied();
                return;
            }
            Action::Open => {
                self.open_detail(current);
                return;
            }
            _ => return,
        };
        if let Some(next) = matrix::step(data, &self.view.rows, current, dir) {
            self.matrix_selected = Some(next);
        }
    }

    /// The matrix starts on the initiative selected in the ranking, when it has a point.
    pub(crate) fn matrix_from_ranking(&mut self) {
        let Some(data) = &self.data else { return };
        let from_table = self
            .view
            .rows
            .get(self.selected)
            .copied()
            .filter(|&i| matrix::point(data, i).is_some());
        let still_there = self.matrix_selected.filter(|i| self.view.rows.contains(i));
        self.matrix_selected = from_table
            .or(still_there)
            .or_else(|| matrix::first(data, &self.view.rows));
    }

    /// The Portfolio screen: ↑/↓ move the cursor over the initiatives its lists name (the view
    /// follows it), and past the first or last one scroll a line; the page keys, Home and End
    /// scroll (never past the end, as the last frame measured it) and the cursor stays in view;
    /// Enter opens the selected initiative.
    pub(super) fn update_portfolio(&mut self, action: Action) {
        let (targets, height) = &self.portfolio_targets;
        let rows: Vec<u16> = targets.iter().map(|(row, _)| *row).collect();
        let height = (*height).max(1);
        if action == Action::Open {
            return self.open_portfolio_entry();
        }
        let s = self.portfolio_scroll;
        let max = self.portfolio_max_scroll;
        let page = height.saturating_sub(1).max(1);
        let visible = |s: u16, row: u16| row >= s && row < s.saturating_add(height);
        let step = match action {
            Action::Down => self.portfolio_selected.map_or_else(
                || rows.iter().position(|&r| r >= s),
                |n| (n + 1 < rows.len()).then_some(n + 1),
            ),
            Action::Up => self.portfolio_selected.map_or_else(
                || rows.iter().rposition(|&r| r < s.saturating_add(height)),
                |n| n.checked_sub(1),
            ),
            _ => None,
        };
        if let Some(n) = step {
            self.portfolio_selected = Some(n);
            let row = rows[n];
            self.portfolio_scroll = if row < s {
                row
            } else if row >= s.saturating_add(height) {
                row + 1 - height
            } else {
                s
            }
            .min(max);
            return;
        }
        let s = match action {
            Action::Up => s.saturating_sub(1),
            Action::Down => s.saturating_add(1),
            Action::PageUp => s.saturating_sub(page),
            Action::PageDown => s.saturating_add(page),
            Action::First => 0,
            Action::Last => max,
            _ => s,
        }
        .min(max);
        self.portfolio_scroll = s;
        // The cursor stays in view: else the nearest entry in view in the direction moved.
        let keep = self
            .portfolio_selected
            .filter(|&n| rows.get(n).is_some_and(|&r| visible(s, r)));
        self.portfolio_selected = keep.or_else(|| match action {
            Action::PageDown | Action::Last => rows.iter().rposition(|&r| visible(s, r)),
            Action::PageUp | Action::First => rows.iter().position(|&r| visible(s, r)),
            _ => None,
        });
    }

    /// Enter on the Portfolio screen: the selected entry's initiative, when it is still there.
    fn open_portfolio_entry(&mut self) {
        let id = self
            .portfolio_selected
            .and_then(|n| self.portfolio_targets.0.get(n))
            .map(|(_, id)| id.clone());
        let index = id.and_then(|id| self.data.as_ref()?.index_of(&id));
        if let Some(i) = index {
            self.open_detail(i);
        }
    }

    pub(super) fn update_diagnostics(&mut self, action: Action) {
        if action == Action::Open {
            let target = self
                .diagnostics
                .get(self.diagnostic_selected)
                .and_then(|d| {
                    let data = self.data.as_ref()?;
                    data.portfolio
                        .initiatives
                        .iter()
                        .position(|i| i.path == d.path)
                });
            if let Some(i) = target {
                self.open_detail(i);
            }
            return;
        }
        let page = layout::diagnostics_rows(self.size.1);
        self.diagnostic_selected = moved(
            self.diagnostic_selected,
            self.diagnostics.len(),
            page,
            action,
        );
    }
}

/// A list position after a movement key.
pub(super) fn moved(pos: usize, len: usize, page: usize, action: Action) -> usize {
    let last = len.saturating_sub(1);
    match action {
        Action::Up => pos.saturating_sub(1),
        Action::Down => (pos + 1).min(last),
        Action::PageUp => pos.saturating_sub(page),
        Action::PageDown => (pos + page).min(last),
        Action::First => 0,
        Action::Last => last,
        _ => pos,
    }
    .min(last)
}

/// The first display line so that row `selected` (and the separators just above it) show.
pub(super) fn scrolled(view: &View, selected: usize, offset: usize, height: usize) -> usize {
    if view.rows.is_empty() {
        return 0;
    }
    let line = view.line_of(selected);
    let above = view
        .separators
        .iter()
        .filter(|(before, _)| *before == selected)
        .count();
    let max_offset = view.line_count().saturating_sub(height);
    let offset = if line < offset + above {
        line - above
    } else if line >= offset + height {
        line + 1 - height
    } else {
        offset
    };
    offset.min(max_offset)
}
