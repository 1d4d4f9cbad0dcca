//! Meeting mode: the preparation group steps through the agenda (the pipeline less what was
//! decided today and what awaits the council) in rank order, one screen each, records an outcome
//! in two keystrokes (its letter, then Enter or a note), changes scores on the way, skips or goes
//! back, and at the end the minutes are written with every change made in the meeting.

use std::collections::BTreeMap;
use std::path::PathBuf;

use crate::edit::Edit;
use crate::i18n::ui;
use crate::model::{Date, Outcome, Scores, Stage};
use crate::report::minutes::{self, Change, Handled, MeetingRecord};

use super::super::action::Action;
use super::prompt::DEFAULT_FORUM;
use super::{App, Command, Form, MinutesFile, Overlay, PendingEdit, Prompt, Status, Step};
use crate::load::Origin;

/// An initiative's scores and stage when the meeting began: the "old" of every change.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AtStart {
    pub scores: Scores,
    pub stage: Option<Stage>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Meeting {
    /// Which meeting of the session: its decisions and changes are the edits marked with it.
    pub number: u32,
    pub date: Date,
    /// The agenda when the meeting began, in rank order, by id.
    pub queue: Vec<String>,
    /// Index into `queue`; `queue.len()` is the page after the last.
    pub pos: usize,
    pub scroll: u16,
    /// Each agenda item as it stood when the meeting began, by id.
    pub at_start: BTreeMap<String, AtStart>,
}

impl App {
    /// `M`: the agenda, in rank order.
    pub(super) fn start_meeting(&mut self) {
        let Some(data) = &self.data else { return };
        if data.origin == Origin::Embedded {
            self.status = Status::error(ui::READ_ONLY.get(self.lang));
            return;
        }
        let agenda = data
            .analysis
            .agenda(&data.portfolio.initiatives, self.today);
        let mut queue = Vec::with_capacity(agenda.len());
        let mut at_start = BTreeMap::new();
        for i in agenda {
            let initiative = data.initiative(i);
            queue.push(initiative.id.clone());
            let start = AtStart {
                scores: initiative.scores.clone(),
                stage: initiative.stage(),
            };
            at_start.insert(initiative.id.clone(), start);
        }
        if queue.is_empty() {
            self.status = Status::info(ui::NO_PREPARATION.get(self.lang));
            return;
        }
        self.session.meetings += 1;
        self.meeting = Some(Meeting {
            number: self.session.meetings,
            date: self.today,
            queue,
            pos: 0,
            scroll: 0,
            at_start,
        });
    }

    /// The initiative the meeting is at, as an index into the data.
    pub fn meeting_current(&self) -> Option<usize> {
        let meeting = self.meeting.as_ref()?;
        let id = meeting.queue.get(meeting.pos)?;
        self.data.as_ref()?.index_of(id)
    }

    /// The decisions this meeting has written and not undone, the latest per initiative.
    pub fn meeting_decisions(&self) -> Vec<(&str, Outcome, Option<&str>)> {
        let Some(meeting) = &self.meeting else {
            return Vec::new();
        };
        let mut out: Vec<(&str, Outcome, Option<&str>)> = Vec::new();
        let ours = self
            .session
            .done
            .iter()
            .filter(|p| p.meeting == Some(meeting.number));
        for p in ours {
            if let Edit::Decision { outcome, note, .. } = &p.edit {
                out.retain(|(id, _, _)| *id != p.id);
                out.push((p.id.as_str(), *outcome, note.as_deref()));
            }
        }
        out
    }

    pub(super) fn update_meeting(&mut self, action: Action) -> Command {
        let Some(meeting) = self.meeting.as_mut() else {
            return Command::None;
        };
        let end = meeting.queue.len();
        match action {
            Action::Skip => {
                meeting.pos = (meeting.pos + 1).min(end);
                meeting.scroll = 0;
            }
            Action::Previous => {
                meeting.pos = meeting.pos.saturating_sub(1);
                meeting.scroll = 0;
            }
            Action::Up => meeting.scroll = meeting.scroll.saturating_sub(1),
            Action::Down => meeting.scroll = meeting.scroll.saturating_add(1),
            Action::Decide(outcome) if meeting.pos < end => {
                let id = meeting.queue[meeting.pos].clone();
                let form = Form::new(&[(ui::NOTE, "")], 0);
                self.prompt = Some(Prompt {
                    id,
                    step: Step::MeetingNote { outcome, form },
                    error: None,
                });
            }
            Action::EditScore => self.open_prompt(action),
            Action::Help => self.overlay = Overlay::Help { scroll: 0 },
            // Esc is EndMeeting here; Back, sent by other means, ends the meeting the same way.
            Action::EndMeeting | Action::Back => return self.end_meeting(),
            _ => {}
        }
        Command::None
    }

    /// After a decision: on to the next initiative. Returns the meeting's number.
    pub(super) fn meeting_advance(&mut self) -> Option<u32> {
        let meeting = self.meeting.as_mut()?;
        meeting.pos = (meeting.pos + 1).min(meeting.queue.len());
        meeting.scroll = 0;
        Some(meeting.number)
    }

    /// A decision that could not be written: back to its initiative to take it again.
    pub(super) fn meeting_return_to(&mut self, id: &str) {
        if let Some(meeting) = self.meeting.as_mut()
            && let Some(pos) = meeting.queue.iter().position(|q| q == id)
        {
            meeting.pos = pos;
        }
    }

    /// `q`: without decisions the meeting just ends; else who attended and the roles (when
    /// not given on the command line), then the minutes.
    fn end_meeting(&mut self) -> Command {
        if self.meeting_decisions().is_empty() {
            self.meeting = None;
            self.status = Status::info(ui::NO_MINUTES.get(self.lang));
            return Command::None;
        }
        if self.attendees.is_none() {
            let r = &self.roles;
            let text = |v: &Option<String>| v.clone().unwrap_or_default();
            let fields = [
                (ui::ATTENDEES, String::new()),
                (ui::MINUTES_CHAIR, text(&r.chair)),
                (ui::MINUTES_SECRETARY, text(&r.secretary)),
                (ui::MINUTES_ADJUSTER, text(&r.adjuster)),
                (ui::MINUTES_PLACE, text(&r.place)),
                (ui::MINUTES_TIME, text(&r.time)),
            ];
            let fields: Vec<(ui::Text, &str)> =
                fields.iter().map(|(l, v)| (*l, v.as_str())).collect();
            self.prompt = Some(Prompt {
                id: String::new(),
                step: Step::Attendees(Form::new(&fields, 0)),
                error: None,
            });
            return Command::None;
        }
        self.minutes_command()
    }

    /// The end-of-meeting form's answers, in its field order: attendees, chair, secretary,
    /// adjuster, place, time. A blank answer keeps what the command line gave.
    pub(super) fn take_roles(&mut self, answers: &[String]) {
        let attendees = answers.first().map_or("", String::as_str);
        // Nobody named: the minutes say so, and the next meeting asks again.
        self.attendees = (!attendees.trim().is_empty()).then(|| attendees.to_string());
        let r = &mut self.roles;
        let slots = [
            &mut r.chair,
            &mut r.secretary,
            &mut r.adjuster,
            &mut r.place,
            &mut r.time,
        ];
        for (slot, answer) in slots.into_iter().zip(answers.iter().skip(1)) {
            if let Some(value) = minutes::role(answer) {
                *slot = Some(value);
            }
        }
    }

    /// What the meeting did, initiative by initiative in the order handled.
    pub fn meeting_record(&self) -> Option<MeetingRecord> {
        let meeting = self.meeting.as_ref()?;
        let data = self.data.as_ref()?;
        let ours: Vec<&PendingEdit> = self
            .session
            .done
            .iter()
            .map(|w| &w.pending)
            .filter(|p| p.meeting == Some(meeting.number))
            .collect();
        let mut handled = handled_in(meeting, &ours);
        // The stage is compared once, start against now: a decision may have moved it too.
        for h in &mut handled {
            let old = meeting.at_start.get(&h.id).and_then(|s| s.stage);
            let now = data
                .index_of(&h.id)
                .and_then(|i| data.initiative(i).stage());
            if let Some(new) = now.filter(|&n| Some(n) != old) {
                h.changes.push(Change::Stage { old, new });
            }
        }
        let not_handled = meeting
            .queue
            .iter()
            .filter(|id| !handled.iter().any(|h| &h.id == *id))
            .cloned()
            .collect();
        let mut roles = self.roles.clone();
        roles.attendees = minutes::attendees(self.attendees.as_deref().unwrap_or_default());
        Some(MeetingRecord {
            date: meeting.date,
            forum: DEFAULT_FORUM.into(),
            roles,
            handled,
            not_handled,
        })
    }

    /// The minutes of the meeting, for the runtime to write.
    pub(super) fn minutes_command(&mut self) -> Command {
        let (Some(record), Some(data)) = (self.meeting_record(), &self.data) else {
            return Command::None;
        };
        let text = minutes::minutes_markdown(&data.portfolio, &data.analysis, &record, self.lang);
        Command::WriteMinutes(MinutesFile {
            date: record.date,
            text,
            lang: self.lang,
        })
    }

    /// The runtime's report on writing the minutes: where they went, or why not.
    pub fn apply_minutes(&mut self, result: Result<PathBuf, String>) {
        let lang = self.lang;
        match result {
            Ok(path) => {
                let shown = self
                    .data
                    .as_ref()
                    .map_or_else(|| path.display().to_string(), |d| d.shown_path(&path));
                self.meeting = None;
                self.status = Status::info(ui::minutes_written(&shown, lang));
            }
            Err(why) => self.status = Status::error(ui::minutes_failed(&why, lang)),
        }
    }
}

/// The meeting's edits gathered per initiative, in the order first handled: score changes with
/// the score before each (from the meeting's start, then the previous change), follow-ups, and
/// the latest decision.
fn handled_in(meeting: &Meeting, edits: &[&PendingEdit]) -> Vec<Handled> {
    let mut handled: Vec<Handled> = Vec::new();
    let mut scores: BTreeMap<&str, Scores> = BTreeMap::new();
    for p in edits {
        let at = handled
            .iter()
            .position(|h| h.id == p.id)
            .unwrap_or_else(|| {
                handled.push(Handled {
                    id: p.id.clone(),
                    changes: Vec::new(),
                    decision: None,
                });
                handled.len() - 1
            });
        let before = scores.entry(p.id.as_str()).or_insert_with(|| {
            meeting
                .at_start
                .get(&p.id)
                .map(|s| s.scores.clone())
                .unwrap_or_default()
        });
        let h = &mut handled[at];
        match &p.edit {
            Edit::Decision { outcome, note, .. } => h.decision = Some((*outcome, note.clone())),
            Edit::Score {
                criterion,
                value,
                motivation,
            } => h.changes.push(Change::Score {
                criterion: criterion.clone(),
                old: before.insert(criterion, *value),
                new: *value,
                rationale: motivation.clone(),
            }),
            Edit::FollowUp {
                benefit,
                date,
                value,
                note,
            } => h.changes.push(Change::FollowUp {
                benefit: benefit.clone(),
                date: *date,
                value: value.0,
                note: note.clone(),
            }),
            Edit::Stage(_) => {}
        }
    }
    handled
}
