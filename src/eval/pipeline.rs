//! The pipeline and its titled groups (DOMAIN.md "Decisions, the pipeline and the budget"):
//! what is still to be decided comes first, in rank order; then what is already committed,
//! running and done, declined; then the incompletely scored and the blocked. The meeting's
//! agenda and the budget line are drawn from the pipeline.

use super::rank::{Analysis, Analyzed, RankGroup};
use crate::model::{Date, Decision, Initiative, Outcome, Stage};

/// Where an initiative stands in the default ranking, in display order.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Section {
    /// `idea` or `preparation` (or no stage), complete and through the gate: ranked.
    Pipeline,
    /// `approved`, `project`: their planning-year costs come off the frame first.
    Committed,
    /// `operations`, `realisation`, `closed`.
    Running,
    /// `rejected`, `parked`.
    Declined,
    /// Still to be decided, some criterion unscored.
    Incomplete,
    /// Still to be decided, below the gate's minimum.
    Blocked,
}

impl Section {
    pub const ALL: [Section; 6] = [
        Section::Pipeline,
        Section::Committed,
        Section::Running,
        Section::Declined,
        Section::Incomplete,
        Section::Blocked,
    ];

    pub fn id(self) -> &'static str {
        match self {
            Section::Pipeline => "pipeline",
            Section::Committed => "committed",
            Section::Running => "running",
            Section::Declined => "declined",
            Section::Incomplete => "incomplete",
            Section::Blocked => "blocked",
        }
    }

    /// The stage decides for what has left the pipeline; the scores decide within it. An
    /// initiative without a stage counts as an idea.
    pub fn of(stage: Option<Stage>, group: RankGroup) -> Section {
        match stage {
            Some(Stage::Approved | Stage::Project) => Section::Committed,
            Some(Stage::Operations | Stage::Realisation | Stage::Closed) => Section::Running,
            Some(Stage::Rejected | Stage::Parked) => Section::Declined,
            Some(Stage::Idea | Stage::Preparation) | None => match group {
                RankGroup::Ranked => Section::Pipeline,
                RankGroup::Incomplete => Section::Incomplete,
                RankGroup::Blocked => Section::Blocked,
            },
        }
    }

    /// Still to be decided by the preparation group: on the agenda unless decided today or
    /// awaiting the council.
    pub fn is_undecided(self) -> bool {
        matches!(
            self,
            Section::Pipeline | Section::Incomplete | Section::Blocked
        )
    }
}

/// The latest decision: the latest date, and of equal dates the one written last.
pub fn latest_decision(initiative: &Initiative) -> Option<&Decision> {
    initiative
        .file
        .decisions
        .iter()
        .map(|d| &d.value)
        .enumerate()
        .max_by_key(|(n, d)| (d.date, *n))
        .map(|(_, d)| d)
}

/// *Returned — awaiting completion*: the latest decision sent the initiative back, and nothing in
/// its file is dated after that decision. Scores and rationales carry no date, so the file shows
/// completion by a later `submitted` date (the initiative handed in again) or a follow-up
/// measurement dated after the decision; a later decision replaces the return itself.
pub fn awaiting_completion(initiative: &Initiative) -> bool {
    let Some(decision) = latest_decision(initiative) else {
        return false;
    };
    if decision.outcome != Outcome::Returned {
        return false;
    }
    let after = |date: Date| date > decision.date;
    let file = &initiative.file;
    let resubmitted = file.submitted.as_ref().is_some_and(|s| after(s.value));
    let measured = file
        .benefits
        .iter()
        .flat_map(|b| b.value.follow_up.iter())
        .any(|f| after(f.value.date.value));
    !(resubmitted || measured)
}

/// The default ranking: every initiative once, section by section, in rank order within each.
pub fn sectioned_order(items: &[Analyzed], order: &[usize]) -> Vec<usize> {
    let mut out = order.to_vec();
    // Stable: rank order holds within a section.
    out.sort_by_key(|&i| items[i].section);
    out
}

impl Analysis {
    /// Indices of a section's initiatives, in rank order.
    pub fn section(&self, section: Section) -> impl Iterator<Item = usize> + '_ {
        self.sectioned
            .iter()
            .copied()
            .filter(move |&i| self.items[i].section == section)
    }

    /// The meeting's agenda on `today`: what is still to be decided, in the default order, less
    /// what was decided today and what awaits the council (latest decision `prioritised`).
    pub fn agenda(&self, initiatives: &[Initiative], today: Date) -> Vec<usize> {
        self.sectioned
            .iter()
            .copied()
            .filter(|&i| self.items[i].section.is_undecided())
            .filter(|&i| {
                let initiative = &initiatives[i];
                let decided_today = initiative
                    .file
                    .decisions
                    .iter()
                    .any(|d| d.value.date == today);
                let with_council =
                    latest_decision(initiative).is_some_and(|d| d.outcome == Outcome::Prioritised);
                !decided_today && !with_council
            })
            .collect()
    }
}
