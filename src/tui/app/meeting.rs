//! Meeting mode: the preparation group steps through the initiatives in preparation in rank
//! order, one screen each, records an outcome in two keystrokes (its letter, then Enter or a
//! note), skips or goes back, and at the end the minutes are written.

use std::path::PathBuf;

use crate::edit::Edit;
use crate::i18n::ui;
use crate::model::{Date, Outcome, Stage};
use crate::report::minutes::{self, MeetingRecord};

use super::super::action::Action;
use super::prompt::DEFAULT_FORUM;
use super::{App, Command, Form, MinutesFile, Overlay, Prompt, Status, Step};
use crate::load::Origin;

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Meeting {
    /// Which meeting of the session: its decisions are the edits marked with it.
    pub number: u32,
    pub date: Date,
    /// The initiatives in preparation when the meeting began, in rank order, by id.
    pub queue: Vec<String>,
    /// Index into `queue`; `queue.len()` is the page after the last.
    pub pos: usize,
    pub scroll: u16,
}

impl App {
    /// `M`: the initiatives in preparation, in rank order.
    pub(super) fn start_meeting(&mut self) {
        let Some(data) = &self.data else { return };
        if data.origin == Origin::Embedded {
            self.status = Status::error(ui::READ_ONLY.get(self.lang));
            return;
        }
        let queue: Vec<String> = data
            .analysis
            .order
            .iter()
            .map(|&i| data.initiative(i))
            .filter(|i| i.stage() == Some(Stage::Preparation))
            .map(|i| i.id.clone())
            .collect();
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

    /// `q`: without decisions the meeting just ends; else the attendees, then the minutes.
    fn end_meeting(&mut self) -> Command {
        if self.meeting_decisions().is_empty() {
            self.meeting = None;
            self.status = Status::info(ui::NO_MINUTES.get(self.lang));
            return Command::None;
        }
        if self.attendees.is_none() {
            self.prompt = Some(Prompt {
                id: String::new(),
                step: Step::Attendees(Form::new(&[(ui::ATTENDEES, "")], 0)),
                error: None,
            });
            return Command::None;
        }
        self.minutes_command()
    }

    /// The minutes of the meeting, for the runtime to write.
    pub(super) fn minutes_command(&mut self) -> Command {
        let (Some(meeting), Some(data)) = (&self.meeting, &self.data) else {
            return Command::None;
        };
        let decided = self.meeting_decisions();
        let mut decisions = Vec::new();
        let mut skipped = Vec::new();
        for id in &meeting.queue {
            match decided.iter().find(|(d, _, _)| d == id) {
                Some((_, outcome, note)) => {
                    decisions.push((id.clone(), *outcome, note.map(String::from)));
                }
                None => skipped.push(id.clone()),
            }
        }
        let record = MeetingRecord {
            date: meeting.date,
            forum: DEFAULT_FORUM.into(),
            attendees: minutes::attendees(self.attendees.as_deref().unwrap_or_default()),
            decisions,
            skipped,
        };
        let text = minutes::minutes_markdown(&data.portfolio, &data.analysis, &record, self.lang);
        Command::WriteMinutes(MinutesFile {
            date: meeting.date,
            text,
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
