//! The application's state and `update(Action)`: no I/O, no drawing. What I/O to do (reload,
//! quit) comes back as a `Command` for the runtime to carry out.

use crate::i18n::Lang;
use crate::i18n::ui::{self, Text};
use crate::model::Date;

use super::action::Action;
use super::keymap::Context;
use super::layout;
use crate::load::Diagnostic;
use crate::report::dataset::{Dataset, Phase};
use crate::report::search::Search;
use std::sync::Arc;

use crate::report::RankFilter;
use crate::report::ranking::{Sort, View};

mod benefits;
mod changes;
mod lists;
mod meeting;
mod prompt;
mod reload;
mod written;

pub use changes::{ChangesView, Entry as ChangesEntry, SincePrompt, entries as changes_entries};
pub use meeting::{AtStart, Meeting};
pub use prompt::{Field, Form, Pick, Prompt, Step};
pub use written::{
    Done, MinutesFile, PendingEdit, Request, Session, WriteError, Written, WrittenEdit,
};

pub use benefits::BenefitsView;
use lists::{moved, scrolled};

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

/// The detail's tabs are the shared document's: `report::detail::Tab`.
pub use crate::report::detail::Tab as DetailTab;

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

/// What has the keys: a prompt, an overlay, the search line, the meeting, the detail or a
/// screen, most specific first. `App::mode` is the one place that decides it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mode {
    Prompt {
        form: bool,
    },
    /// The prompt for a revision or date to show the changes since.
    Since,
    Help {
        scroll: u16,
    },
    Filters(FilterMenu),
    Search,
    Meeting,
    Detail,
    /// The Changes view (ändringar sedan …), over the screens.
    Changes,
    /// The benefits list, over the screens.
    Benefits,
    Screen(Screen),
}

/// I/O the runtime should do after an update.
#[derive(Clone, Debug, PartialEq)]
pub enum Command {
    None,
    Quit,
    Reload,
    /// Write one edit into its file, and keep it for undo.
    Write(PendingEdit),
    Undo,
    Redo,
    /// Write the meeting's minutes into the portfolio's folder.
    WriteMinutes(MinutesFile),
    /// Read the changes since a revision or date (as typed) off the UI thread.
    LoadChanges(String),
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Status {
    pub text: String,
    pub error: bool,
}

impl Status {
    pub fn info(text: impl Into<String>) -> Option<Status> {
        Some(Status {
            text: text.into(),
            error: false,
        })
    }

    pub fn error(text: impl Into<String>) -> Option<Status> {
        Some(Status {
            text: text.into(),
            error: true,
        })
    }
}

/// One client's view of the shared data: everything here is per client (selection, scroll,
/// search, filters, sort, tab, language, prompt, meeting); the data itself is the shared
/// `Arc<Dataset>`, and nothing here assumes one process-wide terminal. Fields tests read are
/// public; the rest is the crate's.
pub struct App {
    pub(crate) lang: Lang,
    pub(crate) as_of: Date,
    /// The date edits default to (a decision's, a follow-up's, the meeting's).
    pub today: Date,
    /// Who attends the meeting, from `--attendees`; asked for at its end when not given.
    pub attendees: Option<String>,
    /// Chair, secretary, adjuster, place and time for the minutes (`--chair` …); asked for at
    /// the end of the meeting with the attendees.
    pub roles: crate::report::minutes::Roles,
    pub screen: Screen,
    pub detail: Option<Detail>,
    pub overlay: Overlay,
    /// An edit being entered: over everything else, and takes every key.
    pub prompt: Option<Prompt>,
    pub meeting: Option<Meeting>,
    /// The session's written edits, in step with the runtime's undo history.
    pub session: Session,
    /// The shared, immutable snapshot; a write replaces it (copy on write when shared).
    pub data: Option<Arc<Dataset>>,
    pub diagnostics: Vec<Diagnostic>,
    pub(crate) loading: Option<Phase>,
    pub status: Option<Status>,
    /// Said with the next reload's result: why it was needed.
    pub(crate) reload_notice: Option<String>,
    /// The user asked for the reload under way (a silent one follows bered's own writes).
    pub(crate) reload_asked: bool,
    pub search: Search,
    pub filters: RankFilter,
    pub sort: Sort,
    pub view: View,
    /// Index into `view.rows`.
    pub selected: usize,
    /// First display line of the ranking table.
    pub(crate) offset: usize,
    pub matrix_selected: Option<usize>,
    pub portfolio_scroll: u16,
    /// The largest useful Portfolio-screen scroll, as the last frame measured it.
    pub portfolio_max_scroll: u16,
    /// The selected initiative entry of the Portfolio screen (an index into its targets).
    pub portfolio_selected: Option<usize>,
    /// The Portfolio screen's initiative entries (first line, id) and its window's height, as
    /// the last frame measured them.
    pub portfolio_targets: (Vec<(u16, String)>, u16),
    pub diagnostic_selected: usize,
    pub(crate) diagnostic_offset: usize,
    pub size: (u16, u16),
    /// The largest useful detail scroll, as the last frame measured it.
    pub detail_max_scroll: u16,
    /// The changes shown: the ranking's marker column, the Changes view, the detail's.
    pub changes: Option<Arc<crate::changes::ChangeSet>>,
    /// The Changes view, when open.
    pub changes_view: Option<ChangesView>,
    /// The benefits list, when open.
    pub benefits_view: Option<BenefitsView>,
    /// The prompt for a revision or date, when open.
    pub since_prompt: Option<SincePrompt>,
    /// What the last reload from disk changed, offered on the status line until `C` shows it.
    pub reload_changes: Option<Arc<crate::changes::ChangeSet>>,
    /// A change set is being read off the UI thread.
    pub changes_loading: bool,
    /// The prompt asked for the change set being read: show it when it comes.
    pub(crate) changes_asked: bool,
}

impl App {
    /// A new app; `today` starts as the as-of date (the runtime sets the real one).
    pub fn new(lang: Lang, as_of: Date) -> App {
        App {
            lang,
            as_of,
            today: as_of,
            attendees: None,
            roles: Default::default(),
            screen: Screen::Ranking,
            detail: None,
            overlay: Overlay::None,
            prompt: None,
            meeting: None,
            session: Session::default(),
            data: None,
            diagnostics: Vec::new(),
            loading: Some(Phase::Reading),
            status: None,
            reload_notice: None,
            reload_asked: false,
            search: Search::default(),
            filters: RankFilter::default(),
            sort: Sort::default(),
            view: View::default(),
            selected: 0,
            offset: 0,
            matrix_selected: None,
            portfolio_scroll: 0,
            portfolio_max_scroll: u16::MAX,
            portfolio_selected: None,
            portfolio_targets: (Vec::new(), 0),
            diagnostic_selected: 0,
            diagnostic_offset: 0,
            size: (80, 24),
            detail_max_scroll: u16::MAX,
            changes: None,
            changes_view: None,
            benefits_view: None,
            since_prompt: None,
            reload_changes: None,
            changes_loading: false,
            changes_asked: false,
        }
    }

    /// What has the keys now — decided here, once, for the keymap, the update and the runtime.
    pub fn mode(&self) -> Mode {
        if let Some(prompt) = &self.prompt {
            return Mode::Prompt {
                form: prompt.step.is_form(),
            };
        }
        if self.since_prompt.is_some() {
            return Mode::Since;
        }
        match self.overlay {
            Overlay::Help { scroll } => return Mode::Help { scroll },
            Overlay::Filters(menu) => return Mode::Filters(menu),
            Overlay::None => {}
        }
        if self.search.editing {
            Mode::Search
        } else if self.meeting.is_some() {
            Mode::Meeting
        } else if self.detail.is_some() {
            Mode::Detail
        } else if self.benefits_view.is_some() {
            Mode::Benefits
        } else if self.changes_view.is_some() {
            Mode::Changes
        } else {
            Mode::Screen(self.screen)
        }
    }

    /// The contexts whose bindings apply now, most specific first.
    pub fn contexts(&self) -> Vec<Context> {
        use Context as C;
        match self.mode() {
            Mode::Prompt { form: true } => vec![C::Form],
            Mode::Prompt { form: false } => vec![C::Choice],
            Mode::Since => vec![C::Form],
            Mode::Help { .. } => vec![C::Help, C::Global],
            Mode::Filters(_) => vec![C::Filter, C::Global],
            Mode::Search => vec![C::Search],
            Mode::Meeting => vec![C::Meeting],
            Mode::Detail => vec![C::Detail, C::Global],
            Mode::Changes => vec![C::List, C::Global],
            Mode::Benefits => vec![C::Benefits, C::List, C::Global],
            Mode::Screen(Screen::Ranking) => vec![C::Ranking, C::List, C::Global],
            Mode::Screen(Screen::Matrix) => vec![C::Matrix, C::Global],
            Mode::Screen(Screen::Portfolio | Screen::Diagnostics) => vec![C::List, C::Global],
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
            Action::Reload => {
                self.reload_asked = true;
                Command::Reload
            }
            Action::Undo | Action::Redo if self.prompt.is_none() => self.undo_or_redo(action),
            _ => self.dispatch(action),
        };
        self.sync();
        command
    }

    fn dispatch(&mut self, action: Action) -> Command {
        let mode = self.mode();
        match mode {
            Mode::Prompt { .. } => return self.update_prompt(action),
            Mode::Since => return self.update_since_prompt(action),
            Mode::Help { scroll } => self.update_help(scroll, action),
            Mode::Filters(menu) => self.update_filters(menu, action),
            Mode::Search => self.update_search(action),
            Mode::Meeting => return self.update_meeting(action),
            Mode::Benefits if action == Action::StartMeeting => self.start_meeting(),
            Mode::Benefits => return self.update_benefits_view(action),
            Mode::Detail | Mode::Changes | Mode::Screen(_) => match action {
                Action::EditScore
                | Action::RecordDecision
                | Action::ChangeStage
                | Action::AddFollowUp => self.open_prompt(action),
                Action::StartMeeting => self.start_meeting(),
                Action::ShowChanges if mode != Mode::Changes => self.changes_key(),
                Action::ShowBenefits if mode != Mode::Detail => {
                    self.changes_view = None;
                    self.show_benefits();
                }
                _ if mode == Mode::Changes => return self.update_changes_view(action),
                _ if mode == Mode::Detail => self.update_detail(action),
                _ => self.update_screen(action),
            },
        }
        Command::None
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
        self.filters = RankFilter::default();
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
                self.sort = Sort {
                    all: self.sort.all,
                    ..Sort::default()
                };
                self.refresh_view();
            }
            Action::ToggleOneList => {
                self.sort.all = !self.sort.all;
                self.refresh_view();
            }
            Action::ToggleMatchOrder => {
                self.sort.by_match = !self.sort.by_match;
                if self.sort.by_match {
                    self.sort.column = None;
                }
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
        // The business case scrolls its years no further than its last year.
        let last_year = self
            .detail
            .as_ref()
            .zip(self.data.as_ref())
            .map_or(0, |(d, data)| {
                let case = data
                    .analysis
                    .items
                    .get(d.index)
                    .and_then(|i| i.case.as_ref());
                case.map_or(0, |c| c.horizon.saturating_sub(1))
            });
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
            Action::YearsLater => detail.year_offset = (detail.year_offset + 1).min(last_year),
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
        let best_first = self.search.best_first().filter(|_| self.sort.by_match);
        let matches = best_first.as_deref().or(self.search.matches());
        self.view = View::build(data, &self.filters, matches, self.sort);
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
