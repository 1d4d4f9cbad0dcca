//! The shared meeting from one client's side: the chair's meeting mode is published to the hub;
//! everyone else's screen follows the initiative the chair is at. A participant may look
//! elsewhere (Esc) and follow again (M); when the chair ends the meeting, the minutes name
//! everyone who was connected, and the chair may type in more.

use crate::i18n::ui;
use crate::tui::action::Action;
use crate::tui::app::{Meeting, Status, Step};

use super::hub::Request;
use super::keys::Role;
use super::session::Session;

impl Session {
    fn chairs_shared_meeting(&self) -> bool {
        let shared = self.hub.meeting.borrow();
        shared.meeting.is_some() && shared.chair_session == self.client.caller.session
    }

    fn shared_meeting_on(&self) -> bool {
        self.hub.meeting.borrow().meeting.is_some()
    }

    /// `M` and Esc during a shared meeting; `true` when handled here.
    pub(super) fn intercept_meeting(&mut self, action: Action) -> bool {
        let lang = self.client.lang;
        let chair = self.chairs_shared_meeting();
        match action {
            Action::StartMeeting if self.shared_meeting_on() && !chair => {
                self.following = true;
                self.follow();
                true
            }
            Action::StartMeeting if self.client.caller.who.role < Role::Chair => {
                self.app.status = Status::error(ui::CHAIR_ONLY.get(lang));
                true
            }
            Action::EndMeeting | Action::Back
                if self.app.meeting.is_some() && self.shared_meeting_on() && !chair =>
            {
                self.app.meeting = None;
                self.following = false;
                self.app.status = Status::info(ui::MEETING_LEFT.get(lang));
                true
            }
            _ => false,
        }
    }

    /// The shared meeting as it now stands, onto this client's screen.
    pub(super) fn follow(&mut self) {
        let shared = self.hub.meeting.borrow_and_update().clone();
        if shared.chair_session == self.client.caller.session {
            return;
        }
        match shared.meeting {
            Some(meeting) if self.following => {
                let started = self.app.meeting.is_none();
                let scroll = match &self.app.meeting {
                    Some(m) if m.pos == meeting.pos => m.scroll,
                    _ => 0,
                };
                self.app.meeting = Some(Meeting { scroll, ..meeting });
                if started {
                    let chair = crate::i18n::safe::line(&shared.chair).into_owned();
                    self.app.status = Status::info(ui::meeting_following(&chair, self.client.lang));
                }
            }
            Some(_) => {}
            None => {
                if self.app.meeting.take().is_some() {
                    self.app.status = Status::info(ui::MEETING_ENDED.get(self.client.lang));
                }
                self.following = true;
            }
        }
    }

    /// After a key: the chair's meeting goes to the hub when it changed; the attendees prompt
    /// starts with the names of everyone connected during the meeting.
    pub(super) async fn after_step(&mut self, before: Option<Meeting>) {
        if self.client.caller.who.role < Role::Chair {
            return;
        }
        let others = self.shared_meeting_on() && !self.chairs_shared_meeting();
        if self.app.meeting != before && !others {
            let request = Request::Meeting(self.client.caller.clone(), self.app.meeting.clone());
            let _ = self.hub.requests.send(request).await;
        }
        if self.app.meeting.is_none() {
            self.prefilled = false;
            return;
        }
        let names: Vec<String> = self
            .hub
            .meeting
            .borrow()
            .attendees
            .iter()
            .cloned()
            .collect();
        if let Some(prompt) = self.app.prompt.as_mut()
            && let Step::Attendees(form) = &mut prompt.step
            && !self.prefilled
            && let Some(field) = form.fields.first_mut()
            && field.value.is_empty()
        {
            field.value = names.join(", ");
            self.prefilled = true;
        }
    }
}
