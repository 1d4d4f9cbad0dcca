//! The application's state and `update(Action)`: no I/O, no drawing. What I/O to do (reload,
//! quit) comes back as a `Command` for the runtime to carry out.

use crate::i18n::Lang;
use crate::i18n::ui::{self, Text};
use crate::model::Date;

use super::action::Action;
use super::data::{Dataset, Facet, Phase};
use super::engine::load::Diagnostic;
use super::keymap::Context;
use super::layout;
use super::matrix::{self, Direction};
use super::search::Search;
use super::table::{Filters, Sort, View};

mod reload;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Screen {
    Ranking,
    Matrix,
    Portfolio,
    Diagnostics,
}

impl Screen {
    pub const ALL: [Screen; 4] = [
        Screen::Ranking,
        Screen::Matrix,
        Screen::Portfolio,
        Screen::Diagnostics,
    ];
    pub fn title(self) -> Text {
        match self {
            Screen::Ranking => ui::SCREEN_RANKING,
            Screen::Matrix => ui::SCREEN_MATRIX,
            Screen::Portfolio => ui::SCREEN_PORTFOLIO,
            Screen::Diagnostics => ui::SCREEN_DIAGNOSTICS,
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DetailTab {
    Overview,
    Scores,
    Case,
    Benefits,
    Decisions,
}

impl DetailTab {
    pub const ALL: [DetailTab; 5] = [
        DetailTab::Overview,
        DetailTab::Scores,
        DetailTab::Case,
        DetailTab::Benefits,
        DetailTab::Decisions,
    ];
    pub fn title(self) -> Text {
        match self {
            DetailTab::Overview => ui::TAB_OVERVIEW,
            DetailTab::Scores => ui::TAB_SCORES,
            DetailTab::Case => ui::TAB_CASE,
            DetailTab::Benefits => ui::TAB_BENEFITS,
            DetailTab::Decisions => ui::TAB_DECISIONS,
        }
    }
}

/// The drill-down into one initiative, over whichever screen opened it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Detail {
    pub index: usize,
    pub id: String,
    pub tab: DetailTab,
    pub scroll: u16,
    /// The first year shown in the business case table when not all fit.
    pub year_offset: usize,
    /// Show the benefit/cost ratio on the template's ×10 scale, to compare with the spreadsheet.
    pub template_scale: bool,
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct FilterMenu {
    pub facet: usize,
    pub cursor: usize,
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Overlay {
    #[default]
    None,
    Help {
        scroll: u16,
    },
    Filters(FilterMenu),
}

/// I/O the runtime should do after an update.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Command {
    None,
    Quit,
    Reload,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Status {
    pub text: String,
    pub error: bool,
}

pub struct App {
    pub lang: Lang,
    pub as_of: Date,
    pub screen: Screen,
    pub detail: Option<Detail>,
    pub overlay: Overlay,
    pub data: Option<Dataset>,
    pub diagnostics: Vec<Diagnostic>,
    pub loading: Option<Phase>,
    pub status: Option<Status>,
    pub search: Search,
    pub filters: Filters,
    pub sort: Sort,
    pub view: View,
    /// Index into `view.rows`.
    pub selected: usize,
    /// First display line of the ranking table.
    pub offset: usize,
    pub matrix_selected: Option<usize>,
    pub portfolio_scroll: u16,
    pub diagnostic_selected: usize,
    pub diagnostic_offset: usize,
    pub size: (u16, u16),
    /// The largest useful detail scroll, as the last frame measured it.
    pub detail_max_scroll: u16,
}

impl App {
    pub fn new(lang: Lang, as_of: Date) -> App {
        App {
            lang,
            as_of,
            screen: Screen::Ranking,
            detail: None,
            overlay: Overlay::None,
            data: None,
            diagnostics: Vec::new(),
            loading: Some(Phase::Reading),
            status: None,
            search: Search::default(),
            filters: Filters::default(),
            sort: Sort::default(),
            view: View::default(),
            selected: 0,
            offset: 0,
            matrix_selected: None,
            portfolio_scroll: 0,
            diagnostic_selected: 0,
            diagnostic_offset: 0,
            size: (80, 24),
            detail_max_scroll: u16::MAX,
        }
    }

    /// The contexts whose bindings apply now, most specific first.
    pub fn contexts(&self) -> Vec<Context> {
        use Context as C;
        match self.overlay {
            Overlay::Help { .. } => return vec![C::Help, C::Global],
            Overlay::Filters(_) => return vec![C::Filter, C::Global],
            Overlay::None => {}
        }
        if self.search.editing {
            return vec![C::Search];
        }
        if self.detail.is_some() {
            return vec![C::Detail, C::Global];
        }
        match self.screen {
            Screen::Ranking => vec![C::Ranking, C::List, C::Global],
            Screen::Matrix => vec![C::Matrix, C::Global],
            Screen::Portfolio | Screen::Diagnostics => vec![C::List, C::Global],
        }
    }

    pub fn update(&mut self, action: Action) -> Command {
        if let Action::Resize(w, h) = action {
            self.size = (w, h);
            self.sync();
            return Command::None;
        }
        self.status = None;
        let command = match action {
            Action::Quit => Command::Quit,
            Action::Reload => Command::Reload,
            _ => {
                self.dispatch(action);
                Command::None
            }
        };
        self.sync();
        command
    }

    fn dispatch(&mut self, action: Action) {
        if let Overlay::Help { scroll } = self.overlay {
            self.update_help(scroll, action);
        } else if let Overlay::Filters(menu) = self.overlay {
            self.update_filters(menu, action);
        } else if self.search.editing {
            self.update_search(action);
        } else if self.detail.is_some() {
            self.update_detail(action);
        } else {
            self.update_screen(action);
        }
    }

    fn update_help(&mut self, scroll: u16, action: Action) {
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

    fn update_search(&mut self, action: Action) {
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

    fn update_screen(&mut self, action: Action) {
        match action {
            Action::Help => self.overlay = Overlay::Help { scroll: 0 },
            Action::NextScreen | Action::PrevScreen => self.switch_screen(action),
            Action::Back => self.back(),
            _ => match self.screen {
                Screen::Ranking => self.update_ranking(action),
                Screen::Matrix => self.update_matrix(action),
                Screen::Portfolio => self.update_portfolio(action),
                Screen::Diagnostics => self.update_diagnostics(action),
            },
        }
    }

    fn switch_screen(&mut self, action: Action) {
        let n = Screen::ALL.len();
        let pos = Screen::ALL
            .iter()
            .position(|s| *s == self.screen)
            .unwrap_or(0);
        let next = if action == Action::NextScreen {
            (pos + 1) % n
        } else {
            (pos + n - 1) % n
        };
        self.screen = Screen::ALL[next];
        if self.screen == Screen::Matrix {
            self.matrix_from_ranking();
        }
    }

    /// Esc on a screen: first undo a search or filter, then go home.
    fn back(&mut self) {
        if self.screen == Screen::Ranking
            && (!self.search.query.is_empty() || !self.filters.is_empty())
        {
            self.clear_all();
        } else {
            self.screen = Screen::Ranking;
        }
    }

    fn clear_all(&mut self) {
        self.search.query.clear();
        self.filters = Filters::default();
        self.refresh_view();
    }

    fn update_ranking(&mut self, action: Action) {
        match action {
            Action::StartSearch => self.search.editing = true,
            Action::SortNext | Action::SortPrev => {
                self.sort = self.sort.step(action == Action::SortNext);
                self.refresh_view();
            }
            Action::SortReverse => {
                if self.sort.column.is_some() {
                    self.sort.descending = !self.sort.descending;
                    self.refresh_view();
                }
            }
            Action::RankOrder => {
                self.sort = Sort::default();
                self.refresh_view();
            }
            Action::OpenFilters => self.overlay = Overlay::Filters(FilterMenu::default()),
            Action::ClearAll => self.clear_all(),
            Action::Open => {
                if let Some(&i) = self.view.rows.get(self.selected) {
                    self.open_detail(i);
                }
            }
            _ => self.move_selection(action),
        }
    }

    fn move_selection(&mut self, action: Action) {
        let page = layout::ranking_rows(self.size.1);
        self.selected = moved(self.selected, self.view.rows.len(), page, action);
    }

    fn update_filters(&mut self, mut menu: FilterMenu, action: Action) {
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
                self.filters = Filters::default();
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

    fn update_matrix(&mut self, action: Action) {
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

    fn update_portfolio(&mut self, action: Action) {
        let s = self.portfolio_scroll;
        self.portfolio_scroll = match action {
            Action::Up => s.saturating_sub(1),
            Action::Down => s.saturating_add(1),
            Action::PageUp => s.saturating_sub(10),
            Action::PageDown => s.saturating_add(10),
            Action::First => 0,
            _ => s,
        };
    }

    fn update_diagnostics(&mut self, action: Action) {
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

    pub fn open_detail(&mut self, index: usize) {
        let Some(data) = &self.data else { return };
        if index >= data.len() {
            return;
        }
        self.detail = Some(Detail {
            index,
            id: data.initiative(index).id.clone(),
            tab: DetailTab::Overview,
            scroll: 0,
            year_offset: 0,
            template_scale: false,
        });
        self.detail_max_scroll = u16::MAX;
    }

    fn update_detail(&mut self, action: Action) {
        let max = self.detail_max_scroll;
        let Some(detail) = &mut self.detail else {
            return;
        };
        let tabs = DetailTab::ALL.len();
        let pos = DetailTab::ALL
            .iter()
            .position(|t| *t == detail.tab)
            .unwrap_or(0);
        let mut tab = |to: usize| {
            detail.tab = DetailTab::ALL[to % tabs];
            detail.scroll = 0;
        };
        match action {
            Action::NextTab => tab(pos + 1),
            Action::PrevTab => tab(pos + tabs - 1),
            Action::GoTab(n) => tab(usize::from(n)),
            Action::Up => detail.scroll = detail.scroll.saturating_sub(1),
            Action::Down => detail.scroll = detail.scroll.saturating_add(1).min(max),
            Action::PageUp => detail.scroll = detail.scroll.saturating_sub(10),
            Action::PageDown => detail.scroll = detail.scroll.saturating_add(10).min(max),
            Action::First => detail.scroll = 0,
            Action::Last => detail.scroll = max,
            Action::YearsEarlier => detail.year_offset = detail.year_offset.saturating_sub(1),
            Action::YearsLater => detail.year_offset += 1,
            Action::TemplateScale => detail.template_scale = !detail.template_scale,
            Action::Back => self.detail = None,
            Action::Help => self.overlay = Overlay::Help { scroll: 0 },
            _ => {}
        }
    }

    /// Rebuilds the rows in view after the search, filters, sort or data changed, keeping the
    /// selected initiative selected when it is still in view.
    pub fn refresh_view(&mut self) {
        let Some(data) = &self.data else {
            self.view = View::default();
            return;
        };
        let keep = self.view.rows.get(self.selected).copied();
        self.search.refresh(&data.search);
        self.view = View::build(data, &self.filters, self.search.matches(), self.sort);
        self.selected = keep
            .and_then(|i| self.view.rows.iter().position(|&r| r == i))
            .unwrap_or(0);
    }

    /// Keeps the selection inside its list and on screen, and highlights the visible matches.
    pub(crate) fn sync(&mut self) {
        self.selected = self.selected.min(self.view.rows.len().saturating_sub(1));
        let rows = layout::ranking_rows(self.size.1);
        self.offset = scrolled(&self.view, self.selected, self.offset, rows);
        let last = self.diagnostics.len().saturating_sub(1);
        self.diagnostic_selected = self.diagnostic_selected.min(last);
        let height = layout::diagnostics_rows(self.size.1);
        if self.diagnostic_selected < self.diagnostic_offset {
            self.diagnostic_offset = self.diagnostic_selected;
        } else if self.diagnostic_selected >= self.diagnostic_offset + height {
            self.diagnostic_offset = self.diagnostic_selected + 1 - height;
        }
        if let Some(data) = &self.data {
            let end = (self.offset + rows + 1).min(self.view.rows.len());
            let start = self
                .offset
                .saturating_sub(self.view.separators.len())
                .min(end);
            self.search
                .highlight(&data.search, &self.view.rows[start..end]);
        }
    }
}

/// A list position after a movement key.
fn moved(pos: usize, len: usize, page: usize, action: Action) -> usize {
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
fn scrolled(view: &View, selected: usize, offset: usize, height: usize) -> usize {
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
