//! The edit prompts: a score (criterion, value, motivation), a decision (outcome, then forum,
//! date and note), a stage, a benefit follow-up (benefit, then value, date and note), and the
//! meeting's note and attendees. Each step is a list to pick from or a form of text fields;
//! Enter on the last step asks the runtime to write the edit.

use crate::edit::Edit;
use crate::i18n::ui::{self, Text};
use crate::model::{Date, Dec, Initiative, Outcome, Stage};

use super::super::action::Action;
use super::{App, Command, DetailTab, Status};
use crate::load::Origin;

/// The forum a decision is recorded for unless the user writes another.
pub const DEFAULT_FORUM: &str = "beredningsgruppen";

/// An edit being entered for one initiative (`id`; empty for the meeting's attendees).
#[derive(Clone, Debug, PartialEq)]
pub struct Prompt {
    pub id: String,
    pub step: Step,
    /// Why the last Enter was not accepted (a date that does not parse, say).
    pub error: Option<String>,
}

#[derive(Clone, Debug, PartialEq)]
pub enum Step {
    Criterion(Pick),
    Score {
        criterion: String,
        pick: Pick,
    },
    Motivation {
        criterion: String,
        value: u8,
        form: Form,
    },
    Outcome(Pick),
    Decision {
        outcome: Outcome,
        form: Form,
    },
    Stage(Pick),
    Benefit(Pick),
    FollowUp {
        benefit: String,
        form: Form,
    },
    MeetingNote {
        outcome: Outcome,
        form: Form,
    },
    Attendees(Form),
}

impl Step {
    /// Whether the step takes text (its keys are the form's) rather than a pick from a list.
    pub fn is_form(&self) -> bool {
        self.form().is_some()
    }

    /// The list cursor of a step that picks from a list.
    fn pick(&self) -> Option<Pick> {
        match self {
            Step::Criterion(p) | Step::Outcome(p) | Step::Stage(p) | Step::Benefit(p) => Some(*p),
            Step::Score { pick, .. } => Some(*pick),
            _ => None,
        }
    }

    pub fn form(&self) -> Option<&Form> {
        match self {
            Step::Motivation { form, .. }
            | Step::Decision { form, .. }
            | Step::FollowUp { form, .. }
            | Step::MeetingNote { form, .. }
            | Step::Attendees(form) => Some(form),
            _ => None,
        }
    }
}

/// A cursor in a list, and the digits typed so far to pick by number (`1`, `1` picks 11).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Pick {
    pub cursor: usize,
    typed: usize,
}

impl Pick {
    pub fn at(cursor: usize) -> Pick {
        Pick { cursor, typed: 0 }
    }

    /// Moves, or returns the index picked: Enter picks the cursor; a number picks as soon as
    /// no longer number in the list starts with it.
    pub fn update(&mut self, action: Action, len: usize) -> Option<usize> {
        let last = len.saturating_sub(1);
        match action {
            Action::Up => self.cursor = self.cursor.saturating_sub(1).min(last),
            Action::Down => self.cursor = (self.cursor + 1).min(last),
            Action::Confirm if len > 0 => return Some(self.cursor.min(last)),
            Action::Digit(d) => return self.digit(usize::from(d), len),
            _ => return None,
        }
        self.typed = 0;
        None
    }

    /// Whether digit `d` cannot extend the number typed so far: then that number stands.
    fn completed_by(&self, d: u8, len: usize) -> bool {
        self.typed > 0 && self.typed * 10 + usize::from(d) > len
    }

    fn digit(&mut self, d: usize, len: usize) -> Option<usize> {
        let mut n = self.typed * 10 + d;
        if n == 0 || n > len {
            n = d;
        }
        if n == 0 || n > len {
            self.typed = 0;
            return None;
        }
        self.cursor = n - 1;
        if n * 10 > len {
            self.typed = 0;
            Some(n - 1)
        } else {
            self.typed = n;
            None
        }
    }
}

/// Text fields, one of them focused; typing goes to the end of the focused one.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Form {
    pub fields: Vec<Field>,
    pub focus: usize,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Field {
    pub label: Text,
    pub value: String,
}

impl Form {
    pub fn new(fields: &[(Text, &str)], focus: usize) -> Form {
        let fields = fields
            .iter()
            .map(|(label, value)| Field {
                label: *label,
                value: (*value).to_string(),
            })
            .collect();
        Form { fields, focus }
    }

    /// Takes a key; returns whether it was Enter.
    fn update(&mut self, action: Action) -> bool {
        let n = self.fields.len().max(1);
        match action {
            Action::TextInput(c) if !c.is_control() => {
                if let Some(f) = self.fields.get_mut(self.focus) {
                    f.value.push(c);
                }
            }
            Action::TextBackspace => {
                if let Some(f) = self.fields.get_mut(self.focus) {
                    f.value.pop();
                }
            }
            Action::NextField => self.focus = (self.focus + 1) % n,
            Action::PrevField => self.focus = (self.focus + n - 1) % n,
            Action::Confirm => return true,
            _ => {}
        }
        false
    }

    /// A field's text, trimmed; `None` when empty.
    pub fn text(&self, n: usize) -> Option<String> {
        let t = self.fields.get(n)?.value.trim();
        (!t.is_empty()).then(|| t.to_string())
    }

    fn raw(&self, n: usize) -> &str {
        self.fields.get(n).map_or("", |f| f.value.trim())
    }
}

/// What a key in a prompt leads to.
enum Flow {
    Next(Step),
    Invalid(Step, String),
    Write(Edit),
    /// Nothing to write; the text says why.
    Close(Option<Text>),
    /// The end-of-meeting form's answers, in field order.
    Minutes(Vec<String>),
}

impl App {
    /// The initiative an edit key applies to: the meeting's, the detail's or the ranking's row.
    fn target(&self) -> Option<usize> {
        if self.meeting.is_some() {
            return self.meeting_current();
        }
        if let Some(detail) = &self.detail {
            return Some(detail.index);
        }
        match self.screen {
            super::Screen::Ranking => self.view.rows.get(self.selected).copied(),
            _ => None,
        }
    }

    /// `e`, `d`, `S` or `m`: opens the prompt for the initiative in view. The detail turns to
    /// the tab where the change will show.
    pub(super) fn open_prompt(&mut self, action: Action) {
        let (Some(index), Some(data)) = (self.target(), &self.data) else {
            return;
        };
        if data.origin == Origin::Embedded {
            self.status = Status::error(ui::READ_ONLY.get(self.lang));
            return;
        }
        let initiative = data.initiative(index);
        let (step, tab) = match action {
            Action::EditScore => {
                let model = &data.portfolio.model;
                let unscored = model
                    .criteria
                    .iter()
                    .position(|c| !initiative.scores.contains_key(&c.id));
                (
                    Step::Criterion(Pick::at(unscored.unwrap_or(0))),
                    DetailTab::Scores,
                )
            }
            Action::RecordDecision => (Step::Outcome(Pick::at(0)), DetailTab::Decisions),
            Action::ChangeStage => {
                let at = initiative
                    .stage()
                    .and_then(|s| Stage::ALL.iter().position(|x| *x == s));
                (Step::Stage(Pick::at(at.unwrap_or(0))), DetailTab::Overview)
            }
            Action::AddFollowUp => match self.follow_up_start(initiative) {
                Some(step) => (step, DetailTab::Benefits),
                None => {
                    self.status = Status::error(ui::NO_BENEFITS_TO_FOLLOW.get(self.lang));
                    return;
                }
            },
            _ => return,
        };
        let id = initiative.id.clone();
        if let Some(detail) = self.detail.as_mut().filter(|d| d.tab != tab) {
            detail.tab = tab;
            detail.scroll = 0;
        }
        self.prompt = Some(Prompt {
            id,
            step,
            error: None,
        });
    }

    /// The follow-up's first step: the benefit, unless there is only one (none without any).
    fn follow_up_start(&self, initiative: &Initiative) -> Option<Step> {
        match initiative.file.benefits.as_slice() {
            [] => None,
            [only] => Some(self.follow_up_form(only.value.id.value.clone())),
            _ => Some(Step::Benefit(Pick::at(0))),
        }
    }

    fn follow_up_form(&self, benefit: String) -> Step {
        let today = self.today.to_string();
        let fields = [(ui::VALUE, ""), (ui::DATE, &today), (ui::NOTE, "")];
        Step::FollowUp {
            benefit,
            form: Form::new(&fields, 0),
        }
    }

    pub(super) fn update_prompt(&mut self, action: Action) -> Command {
        let Some(mut prompt) = self.prompt.take() else {
            return Command::None;
        };
        match action {
            // Esc is Cancel here; Back, sent by other means, leaves the prompt the same way.
            Action::Cancel | Action::Back => return Command::None,
            Action::Quit => return Command::Quit,
            // `1` then `4` among eleven criteria: there is no 14, so criterion 1 stands and
            // the `4` is the score.
            Action::Digit(d)
                if prompt
                    .step
                    .pick()
                    .is_some_and(|p| p.completed_by(d, self.pick_len(&prompt))) =>
            {
                self.prompt = Some(prompt);
                let command = self.update_prompt(Action::Confirm);
                if command != Command::None || self.prompt.is_none() {
                    return command;
                }
                return self.update_prompt(action);
            }
            _ => {}
        }
        let initiative = self.data.as_ref().and_then(|d| {
            let i = d.index_of(&prompt.id)?;
            Some(d.initiative(i))
        });
        if initiative.is_none() && !matches!(prompt.step, Step::Attendees(_)) {
            self.status = Status::error(ui::NOT_FOUND.get(self.lang));
            return Command::None;
        }
        let flow = match initiative {
            Some(ini) => self.step(prompt.step.clone(), action, ini),
            None => self.attendees_step(prompt.step.clone(), action),
        };
        prompt.error = None;
        match flow {
            Flow::Next(step) => prompt.step = step,
            Flow::Invalid(step, why) => {
                prompt.step = step;
                prompt.error = Some(why);
            }
            Flow::Write(edit) => return self.write_from_prompt(&prompt, edit),
            Flow::Close(why) => {
                self.status = why.and_then(|t| Status::info(t.get(self.lang)));
                return Command::None;
            }
            Flow::Minutes(answers) => {
                self.take_roles(&answers);
                return self.minutes_command();
            }
        }
        self.prompt = Some(prompt);
        Command::None
    }

    /// How many entries the prompt's list has.
    fn pick_len(&self, prompt: &Prompt) -> usize {
        let data = self.data.as_ref();
        let ini = data.and_then(|d| d.index_of(&prompt.id).map(|i| d.initiative(i)));
        match &prompt.step {
            Step::Criterion(_) => data.map_or(0, |d| d.portfolio.model.criteria.len()),
            Step::Score { .. } => 4,
            Step::Outcome(_) => Outcome::ALL.len(),
            Step::Stage(_) => Stage::ALL.len(),
            Step::Benefit(_) => ini.map_or(0, |i| i.file.benefits.len()),
            _ => 0,
        }
    }

    fn write_from_prompt(&mut self, prompt: &Prompt, edit: Edit) -> Command {
        // Every edit made while a meeting runs is the meeting's: its minutes record it.
        let meeting = match prompt.step {
            Step::MeetingNote { .. } => self.meeting_advance(),
            _ => self.meeting.as_ref().map(|m| m.number),
        };
        self.pending(&prompt.id, edit, meeting)
    }

    fn attendees_step(&self, step: Step, action: Action) -> Flow {
        match step {
            Step::Attendees(mut form) => match form.update(action) {
                true => Flow::Minutes(
                    (0..form.fields.len())
                        .map(|n| form.raw(n).to_string())
                        .collect(),
                ),
                false => Flow::Next(Step::Attendees(form)),
            },
            other => Flow::Next(other),
        }
    }

    fn step(&self, step: Step, action: Action, ini: &Initiative) -> Flow {
        match step {
            Step::Criterion(pick) => self.pick_criterion(pick, action, ini),
            Step::Score {
                criterion,
                mut pick,
            } => match pick.update(action, 4) {
                Some(n) => Flow::Next(Step::Motivation {
                    criterion,
                    value: n as u8 + 1,
                    form: Form::new(&[(ui::MOTIVATION, "")], 0),
                }),
                None => Flow::Next(Step::Score { criterion, pick }),
            },
            Step::Motivation {
                criterion,
                value,
                mut form,
            } => match form.update(action) {
                true => Flow::Write(Edit::Score {
                    motivation: form.text(0),
                    criterion,
                    value,
                }),
                false => Flow::Next(Step::Motivation {
                    criterion,
                    value,
                    form,
                }),
            },
            Step::Outcome(pick) => self.pick_outcome(pick, action),
            Step::Decision { outcome, form } => self.decision(outcome, form, action),
            Step::Stage(pick) => pick_stage(pick, action, ini),
            Step::Benefit(mut pick) => match pick.update(action, ini.file.benefits.len()) {
                Some(n) => {
                    Flow::Next(self.follow_up_form(ini.file.benefits[n].value.id.value.clone()))
                }
                None => Flow::Next(Step::Benefit(pick)),
            },
            Step::FollowUp { benefit, form } => self.follow_up(benefit, form, action, ini),
            Step::MeetingNote { outcome, mut form } => match form.update(action) {
                true => Flow::Write(Edit::Decision {
                    date: self.meeting.as_ref().map_or(self.today, |m| m.date),
                    forum: Some(DEFAULT_FORUM.into()),
                    outcome,
                    note: form.text(0),
                }),
                false => Flow::Next(Step::MeetingNote { outcome, form }),
            },
            Step::Attendees(form) => self.attendees_step(Step::Attendees(form), action),
        }
    }

    fn pick_criterion(&self, mut pick: Pick, action: Action, ini: &Initiative) -> Flow {
        let Some(data) = &self.data else {
            return Flow::Close(None);
        };
        let criteria = &data.portfolio.model.criteria;
        let Some(n) = pick.update(action, criteria.len()) else {
            return Flow::Next(Step::Criterion(pick));
        };
        let id = criteria[n].id.clone();
        let current = ini.scores.get(&id).copied();
        Flow::Next(Step::Score {
            criterion: id,
            pick: Pick::at(current.map_or(0, |v| usize::from(v.clamp(1, 4)) - 1)),
        })
    }

    fn pick_outcome(&self, mut pick: Pick, action: Action) -> Flow {
        let chosen = match action {
            Action::Decide(outcome) => Outcome::ALL.iter().position(|o| *o == outcome),
            _ => pick.update(action, Outcome::ALL.len()),
        };
        let Some(n) = chosen else {
            return Flow::Next(Step::Outcome(pick));
        };
        let today = self.today.to_string();
        let fields = [
            (ui::FORUM, DEFAULT_FORUM),
            (ui::DATE, today.as_str()),
            (ui::NOTE, ""),
        ];
        Flow::Next(Step::Decision {
            outcome: Outcome::ALL[n],
            form: Form::new(&fields, 2),
        })
    }

    fn decision(&self, outcome: Outcome, mut form: Form, action: Action) -> Flow {
        if !form.update(action) {
            return Flow::Next(Step::Decision { outcome, form });
        }
        match Date::parse(form.raw(1)) {
            Ok(date) => Flow::Write(Edit::Decision {
                date,
                forum: form.text(0),
                outcome,
                note: form.text(2),
            }),
            Err(_) => {
                let why = ui::bad_date(form.raw(1), self.lang);
                Flow::Invalid(Step::Decision { outcome, form }, why)
            }
        }
    }

    fn follow_up(&self, benefit: String, mut form: Form, action: Action, ini: &Initiative) -> Flow {
        if !form.update(action) {
            return Flow::Next(Step::FollowUp { benefit, form });
        }
        let lang = self.lang;
        let value = parse_number(form.raw(0));
        let date = Date::parse(form.raw(1));
        let start = ini
            .file
            .benefits
            .iter()
            .find(|b| b.value.id.value == benefit)
            .and_then(|b| b.value.start.as_ref().map(|s| s.value));
        let why = match (value, date) {
            (None, _) => ui::BAD_NUMBER.get(lang).to_string(),
            (_, Err(_)) => ui::bad_date(form.raw(1), lang),
            (Some(_), Ok(d)) if start.is_some_and(|s| d < s) => {
                let start = start.map(|s| s.to_string()).unwrap_or_default();
                ui::before_start(&d.to_string(), &start, lang)
            }
            (Some(value), Ok(date)) => {
                return Flow::Write(Edit::FollowUp {
                    note: form.text(2),
                    benefit,
                    date,
                    value,
                });
            }
        };
        Flow::Invalid(Step::FollowUp { benefit, form }, why)
    }
}

fn pick_stage(mut pick: Pick, action: Action, ini: &Initiative) -> Flow {
    let Some(n) = pick.update(action, Stage::ALL.len()) else {
        return Flow::Next(Step::Stage(pick));
    };
    let stage = Stage::ALL[n];
    if ini.stage() == Some(stage) {
        return Flow::Close(Some(ui::UNCHANGED));
    }
    Flow::Write(Edit::Stage(stage))
}

/// A measured value as people type it: `35`, `0,75`, `1 234,5`, `-3`.
pub fn parse_number(text: &str) -> Option<Dec> {
    let plain: String = text
        .chars()
        .filter(|c| !matches!(c, ' ' | '\u{a0}' | '\u{202f}'))
        .map(|c| if c == ',' { '.' } else { c })
        .collect();
    Dec::parse(&plain)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_pick_at_once_unless_a_longer_one_starts_the_same() {
        let mut pick = Pick::at(0);
        assert_eq!(pick.update(Action::Digit(2), 11), Some(1));
        assert_eq!(pick.update(Action::Digit(1), 11), None, "1, 10 or 11");
        assert_eq!(pick.cursor, 0);
        assert_eq!(pick.update(Action::Digit(1), 11), Some(10));
        assert_eq!(pick.update(Action::Digit(1), 11), None);
        assert_eq!(pick.update(Action::Confirm, 11), Some(0));
        assert_eq!(pick.update(Action::Digit(9), 4), None, "out of range");
        let mut pick = Pick::at(0);
        pick.update(Action::Digit(1), 11);
        assert!(pick.completed_by(4, 11), "no 14: the 1 stands");
        assert!(!pick.completed_by(0, 11));
        assert_eq!(pick.update(Action::Digit(4), 4), Some(3));
    }

    #[test]
    fn numbers_are_read_the_swedish_way_too() {
        assert_eq!(parse_number("0,75"), Dec::parse("0.75"));
        assert_eq!(parse_number("1 234,5"), Dec::parse("1234.5"));
        assert_eq!(parse_number("-3"), Dec::parse("-3"));
        assert_eq!(parse_number("tre"), None);
        assert_eq!(parse_number(""), None);
    }
}
