//! The benefits list (`B`): every benefit of every initiative with its status, benefit owner
//! and next due date, filtered by status (`s` cycles it); Enter opens the initiative on its
//! Benefits tab. The rows are `report::benefits`, the same as the summary's lists.

use crate::realisation::BenefitStatus;
use crate::report::benefits::{BenefitRow, benefit_rows, with_status};

use super::super::action::Action;
use super::{App, Command, DetailTab, Overlay};

/// The benefits list: the status filter and the selected row.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct BenefitsView {
    /// Only benefits with this status; `None` all.
    pub status: Option<BenefitStatus>,
    /// Index into the filtered rows.
    pub selected: usize,
}

impl BenefitsView {
    /// The next status filter: all, then each status in the glossary's order, then all again.
    pub fn next_status(self) -> Option<BenefitStatus> {
        let all = BenefitStatus::ALL;
        match self.status {
            None => all.first().copied(),
            Some(s) => all
                .iter()
                .position(|x| *x == s)
                .and_then(|n| all.get(n + 1).copied()),
        }
    }
}

impl App {
    /// Every benefit of the loaded portfolio, in portfolio order.
    pub fn benefit_rows(&self) -> Vec<BenefitRow> {
        self.data
            .as_ref()
            .map(|d| benefit_rows(&d.portfolio, d.summary.as_of))
            .unwrap_or_default()
    }

    pub(super) fn show_benefits(&mut self) {
        if self.data.is_some() {
            self.benefits_view = Some(BenefitsView::default());
        }
    }

    pub(super) fn update_benefits_view(&mut self, action: Action) -> Command {
        let Some(mut view) = self.benefits_view else {
            return Command::None;
        };
        let rows = self.benefit_rows();
        let shown = with_status(&rows, view.status);
        let page = usize::from(self.size.1.saturating_sub(6)).max(1);
        match action {
            Action::CycleStatus => {
                view.status = view.next_status();
                view.selected = 0;
            }
            Action::Open => {
                let index = shown.get(view.selected).map(|r| r.initiative);
                if let Some(i) = index {
                    self.open_detail(i);
                    if let Some(d) = self.detail.as_mut() {
                        d.tab = DetailTab::Benefits;
                    }
                }
            }
            Action::Back | Action::ShowBenefits => {
                self.benefits_view = None;
                return Command::None;
            }
            Action::Help => self.overlay = Overlay::Help { scroll: 0 },
            Action::NextScreen | Action::PrevScreen => {
                self.benefits_view = None;
                self.update_screen(action);
                return Command::None;
            }
            _ => view.selected = super::moved(view.selected, shown.len(), page, action),
        }
        self.benefits_view = Some(view);
        Command::None
    }
}
