//! The one table from keys to actions. Lookup, the footer and the help screen all read it,
//! so what the help says is what the keys do.

use crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

use crate::i18n::ui::{self, Text};

use super::action::Action;
use crate::model::Outcome;

/// Where a binding applies. The app says which contexts are active, most specific first.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Context {
    Global,
    List,
    Ranking,
    Search,
    Filter,
    Matrix,
    Detail,
    Help,
    /// A prompt's list: a criterion, a score, an outcome, a stage, a benefit.
    Choice,
    /// A prompt's text fields.
    Form,
    Meeting,
    /// The benefits list.
    Benefits,
}

impl Context {
    /// The order in which the help screen lists the contexts.
    pub const ALL: [Context; 12] = [
        Context::Global,
        Context::List,
        Context::Ranking,
        Context::Search,
        Context::Filter,
        Context::Matrix,
        Context::Detail,
        Context::Benefits,
        Context::Meeting,
        Context::Choice,
        Context::Form,
        Context::Help,
    ];

    pub fn title(self) -> Text {
        match self {
            Context::Global => ui::CTX_GLOBAL,
            Context::List => ui::CTX_LIST,
            Context::Ranking => ui::CTX_RANKING,
            Context::Search => ui::CTX_SEARCH,
            Context::Filter => ui::CTX_FILTER,
            Context::Matrix => ui::CTX_MATRIX,
            Context::Detail => ui::CTX_DETAIL,
            Context::Help => ui::CTX_HELP,
            Context::Choice => ui::CTX_CHOICE,
            Context::Form => ui::CTX_FORM,
            Context::Meeting => ui::CTX_MEETING,
            Context::Benefits => ui::CTX_BENEFITS,
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Key {
    pub code: KeyCode,
    pub ctrl: bool,
}

const fn k(code: KeyCode) -> Key {
    Key { code, ctrl: false }
}
const fn c(ch: char) -> Key {
    Key {
        code: KeyCode::Char(ch),
        ctrl: false,
    }
}
const fn ctrl(ch: char) -> Key {
    Key {
        code: KeyCode::Char(ch),
        ctrl: true,
    }
}

pub struct Binding {
    pub context: Context,
    pub keys: &'static [Key],
    pub action: Action,
    pub help: Text,
    /// Shown in the footer when the context is active.
    pub footer: bool,
}

const fn b(
    context: Context,
    keys: &'static [Key],
    action: Action,
    help: Text,
    footer: bool,
) -> Binding {
    Binding {
        context,
        keys,
        action,
        help,
        footer,
    }
}

use Context as X;
use KeyCode as K;
use Outcome as O;

/// The digit keys in order: one binding row picks by number, its position says which.
const DIGITS: &[Key] = &[
    c('0'),
    c('1'),
    c('2'),
    c('3'),
    c('4'),
    c('5'),
    c('6'),
    c('7'),
    c('8'),
    c('9'),
];

/// The outcome letters: the same in the decision prompt and in meeting mode.
pub const OUTCOME_KEYS: [(char, Outcome, Text); 5] = [
    ('p', O::Prioritised, ui::ACT_PRIORITISED),
    ('d', O::Deferred, ui::ACT_DEFERRED),
    ('r', O::Returned, ui::ACT_RETURNED),
    ('x', O::Rejected, ui::ACT_REJECTED),
    ('g', O::Approved, ui::ACT_APPROVED),
];

/// The letter that records an outcome.
pub fn outcome_key(outcome: Outcome) -> char {
    OUTCOME_KEYS
        .iter()
        .find(|(_, o, _)| *o == outcome)
        .map_or('?', |(k, _, _)| *k)
}

#[rustfmt::skip]
pub const BINDINGS: &[Binding] = &[
    b(X::Global, &[c('q'), ctrl('c')], Action::Quit, ui::ACT_QUIT, true),
    b(X::Global, &[c('?'), k(K::F(1))], Action::Help, ui::ACT_HELP, true),
    b(X::Global, &[k(K::Tab)], Action::NextScreen, ui::ACT_NEXT_SCREEN, true),
    b(X::Global, &[k(K::BackTab)], Action::PrevScreen, ui::ACT_PREV_SCREEN, false),
    b(X::Global, &[k(K::Esc)], Action::Back, ui::ACT_BACK, false),
    b(X::Global, &[k(K::F(5)), c('R')], Action::Reload, ui::ACT_RELOAD, false),
    b(X::Global, &[c('u')], Action::Undo, ui::ACT_UNDO, false),
    b(X::Global, &[ctrl('r')], Action::Redo, ui::ACT_REDO, false),
    b(X::Global, &[c('M')], Action::StartMeeting, ui::ACT_MEETING, false),
    b(X::Global, &[c('C')], Action::ShowChanges, ui::changes::ACT_CHANGES, false),
    b(X::Global, &[c('B')], Action::ShowBenefits, ui::ACT_BENEFITS, false),
    b(X::Benefits, &[c('s')], Action::CycleStatus, ui::ACT_STATUS_FILTER, true),
    b(X::List, &[k(K::Up), c('k')], Action::Up, ui::ACT_UP, false),
    b(X::List, &[k(K::Down), c('j')], Action::Down, ui::ACT_DOWN, false),
    b(X::List, &[k(K::PageUp), ctrl('b')], Action::PageUp, ui::ACT_PAGE_UP, false),
    b(X::List, &[k(K::PageDown), ctrl('f')], Action::PageDown, ui::ACT_PAGE_DOWN, false),
    b(X::List, &[k(K::Home), c('g')], Action::First, ui::ACT_FIRST, false),
    b(X::List, &[k(K::End), c('G')], Action::Last, ui::ACT_LAST, false),
    b(X::List, &[k(K::Enter), c('l')], Action::Open, ui::ACT_OPEN, true),
    b(X::Ranking, &[c('/')], Action::StartSearch, ui::ACT_SEARCH, true),
    b(X::Ranking, &[c('s'), c('>')], Action::SortNext, ui::ACT_SORT, true),
    b(X::Ranking, &[c('<')], Action::SortPrev, ui::ACT_SORT_PREV, false),
    b(X::Ranking, &[c('r')], Action::SortReverse, ui::ACT_REVERSE, false),
    b(X::Ranking, &[c('o')], Action::RankOrder, ui::ACT_RANK_ORDER, false),
    b(X::Ranking, &[c('a')], Action::ToggleOneList, ui::ACT_ONE_LIST, false),
    b(X::Ranking, &[c('O')], Action::ToggleMatchOrder, ui::ACT_MATCH_ORDER, false),
    b(X::Ranking, &[c('f')], Action::OpenFilters, ui::ACT_FILTER, true),
    b(X::Ranking, &[c('c')], Action::ClearAll, ui::ACT_CLEAR, false),
    b(X::Ranking, &[c('e')], Action::EditScore, ui::ACT_EDIT_SCORE, false),
    b(X::Ranking, &[c('d')], Action::RecordDecision, ui::ACT_DECIDE, false),
    b(X::Ranking, &[c('S')], Action::ChangeStage, ui::ACT_STAGE, false),
    b(X::Search, &[k(K::Enter)], Action::SearchAccept, ui::ACT_SEARCH_DONE, true),
    b(X::Search, &[k(K::Esc)], Action::SearchCancel, ui::ACT_SEARCH_CANCEL, true),
    b(X::Search, &[k(K::Backspace)], Action::SearchBackspace, ui::ACT_DELETE, false),
    b(X::Search, &[k(K::Up)], Action::Up, ui::ACT_UP, false),
    b(X::Search, &[k(K::Down)], Action::Down, ui::ACT_DOWN, false),
    b(X::Search, &[ctrl('c')], Action::Quit, ui::ACT_QUIT, false),
    b(X::Filter, &[k(K::Up), c('k')], Action::Up, ui::ACT_UP, false),
    b(X::Filter, &[k(K::Down), c('j')], Action::Down, ui::ACT_DOWN, false),
    b(X::Filter, &[k(K::Right), c('l'), k(K::Tab)], Action::NextFacet, ui::ACT_NEXT_FACET, true),
    b(X::Filter, &[k(K::Left), c('h'), k(K::BackTab)], Action::PrevFacet, ui::ACT_PREV_FACET, false),
    b(X::Filter, &[c(' '), k(K::Enter)], Action::ToggleFilter, ui::ACT_TOGGLE, true),
    b(X::Filter, &[c('c')], Action::ClearFilters, ui::ACT_CLEAR_FILTERS, true),
    b(X::Filter, &[k(K::Esc), c('f')], Action::Back, ui::ACT_BACK, true),
    b(X::Matrix, &[k(K::Up), c('k')], Action::Up, ui::ACT_UP, false),
    b(X::Matrix, &[k(K::Down), c('j')], Action::Down, ui::ACT_DOWN, false),
    b(X::Matrix, &[k(K::Left), c('h')], Action::Left, ui::ACT_LEFT, false),
    b(X::Matrix, &[k(K::Right), c('l')], Action::Right, ui::ACT_RIGHT, false),
    b(X::Matrix, &[c('n'), c(' ')], Action::NextNearby, ui::ACT_NEARBY, true),
    b(X::Matrix, &[k(K::Enter)], Action::Open, ui::ACT_OPEN, true),
    b(X::Detail, &[k(K::Right), c('l'), k(K::Tab)], Action::NextTab, ui::ACT_NEXT_TAB, true),
    b(X::Detail, &[k(K::Left), c('h'), k(K::BackTab)], Action::PrevTab, ui::ACT_PREV_TAB, false),
    b(X::Detail, &[c('1'), c('2'), c('3'), c('4'), c('5')], Action::GoTab(0), ui::ACT_TAB_N, false),
    b(X::Detail, &[k(K::Up), c('k')], Action::Up, ui::ACT_SCROLL, false),
    b(X::Detail, &[k(K::Down), c('j')], Action::Down, ui::ACT_SCROLL, false),
    b(X::Detail, &[k(K::PageUp)], Action::PageUp, ui::ACT_PAGE_UP, false),
    b(X::Detail, &[k(K::PageDown), c(' ')], Action::PageDown, ui::ACT_PAGE_DOWN, false),
    b(X::Detail, &[k(K::Home), c('g')], Action::First, ui::ACT_FIRST, false),
    b(X::Detail, &[k(K::End), c('G')], Action::Last, ui::ACT_LAST, false),
    b(X::Detail, &[c('[')], Action::YearsEarlier, ui::ACT_YEARS, false),
    b(X::Detail, &[c(']')], Action::YearsLater, ui::ACT_YEARS, false),
    b(X::Detail, &[c('x')], Action::TemplateScale, ui::ACT_TEMPLATE_SCALE, false),
    b(X::Detail, &[c('e')], Action::EditScore, ui::ACT_EDIT_SCORE, true),
    b(X::Detail, &[c('d')], Action::RecordDecision, ui::ACT_DECIDE, true),
    b(X::Detail, &[c('S')], Action::ChangeStage, ui::ACT_STAGE, false),
    b(X::Detail, &[c('m')], Action::AddFollowUp, ui::ACT_FOLLOW_UP, false),
    b(X::Detail, &[k(K::Esc), k(K::Backspace)], Action::Back, ui::ACT_BACK, true),
    b(X::Meeting, &[c('p')], Action::Decide(O::Prioritised), ui::ACT_PRIORITISED, false),
    b(X::Meeting, &[c('d')], Action::Decide(O::Deferred), ui::ACT_DEFERRED, false),
    b(X::Meeting, &[c('r')], Action::Decide(O::Returned), ui::ACT_RETURNED, false),
    b(X::Meeting, &[c('x')], Action::Decide(O::Rejected), ui::ACT_REJECTED, false),
    b(X::Meeting, &[c('g')], Action::Decide(O::Approved), ui::ACT_APPROVED, false),
    b(X::Meeting, &[c('n'), k(K::Right)], Action::Skip, ui::ACT_SKIP, true),
    b(X::Meeting, &[c('b'), k(K::Left)], Action::Previous, ui::ACT_PREVIOUS, true),
    b(X::Meeting, &[c('e')], Action::EditScore, ui::ACT_EDIT_SCORE, true),
    b(X::Meeting, &[k(K::Up), c('k')], Action::Up, ui::ACT_SCROLL, false),
    b(X::Meeting, &[k(K::Down), c('j')], Action::Down, ui::ACT_SCROLL, false),
    b(X::Meeting, &[c('u')], Action::Undo, ui::ACT_UNDO, true),
    b(X::Meeting, &[ctrl('r')], Action::Redo, ui::ACT_REDO, false),
    b(X::Meeting, &[c('?'), k(K::F(1))], Action::Help, ui::ACT_HELP, true),
    b(X::Meeting, &[c('q'), k(K::Esc)], Action::EndMeeting, ui::ACT_END_MEETING, true),
    b(X::Meeting, &[ctrl('c')], Action::Quit, ui::ACT_QUIT, false),
    b(X::Choice, &[k(K::Up), c('k')], Action::Up, ui::ACT_UP, false),
    b(X::Choice, &[k(K::Down), c('j')], Action::Down, ui::ACT_DOWN, false),
    b(X::Choice, DIGITS, Action::Digit(0), ui::ACT_BY_NUMBER, false),
    b(X::Choice, &[c('p')], Action::Decide(O::Prioritised), ui::ACT_PRIORITISED, false),
    b(X::Choice, &[c('d')], Action::Decide(O::Deferred), ui::ACT_DEFERRED, false),
    b(X::Choice, &[c('r')], Action::Decide(O::Returned), ui::ACT_RETURNED, false),
    b(X::Choice, &[c('x')], Action::Decide(O::Rejected), ui::ACT_REJECTED, false),
    b(X::Choice, &[c('g')], Action::Decide(O::Approved), ui::ACT_APPROVED, false),
    b(X::Choice, &[k(K::Enter)], Action::Confirm, ui::ACT_CHOOSE, true),
    b(X::Choice, &[k(K::Esc)], Action::Cancel, ui::ACT_CANCEL, true),
    b(X::Choice, &[ctrl('c')], Action::Quit, ui::ACT_QUIT, false),
    b(X::Form, &[k(K::Enter)], Action::Confirm, ui::ACT_SAVE, true),
    b(X::Form, &[k(K::Esc)], Action::Cancel, ui::ACT_CANCEL, true),
    b(X::Form, &[k(K::Tab), k(K::Down)], Action::NextField, ui::ACT_NEXT_FIELD, true),
    b(X::Form, &[k(K::BackTab), k(K::Up)], Action::PrevField, ui::ACT_PREV_FIELD, false),
    b(X::Form, &[k(K::Backspace)], Action::TextBackspace, ui::ACT_DELETE, false),
    b(X::Form, &[ctrl('c')], Action::Quit, ui::ACT_QUIT, false),
    b(X::Help, &[k(K::Up), c('k')], Action::Up, ui::ACT_SCROLL, false),
    b(X::Help, &[k(K::Down), c('j')], Action::Down, ui::ACT_SCROLL, false),
    b(X::Help, &[k(K::PageUp)], Action::PageUp, ui::ACT_PAGE_UP, false),
    b(X::Help, &[k(K::PageDown), c(' ')], Action::PageDown, ui::ACT_PAGE_DOWN, false),
    b(X::Help, &[k(K::Esc), c('?'), c('q')], Action::Back, ui::ACT_BACK, true),
];

impl Key {
    pub fn from_event(event: &KeyEvent) -> Option<Key> {
        if event.kind == KeyEventKind::Release {
            return None;
        }
        Some(Key {
            code: event.code,
            ctrl: event.modifiers.contains(KeyModifiers::CONTROL),
        })
    }

    /// The key as the footer and help show it.
    pub fn label(self) -> String {
        let name = match self.code {
            K::Up => "↑".into(),
            K::Down => "↓".into(),
            K::Left => "←".into(),
            K::Right => "→".into(),
            K::PageUp => "PgUp".into(),
            K::PageDown => "PgDn".into(),
            K::Home => "Home".into(),
            K::End => "End".into(),
            K::Enter => "Enter".into(),
            K::Esc => "Esc".into(),
            K::Tab => "Tab".into(),
            K::BackTab => "S-Tab".into(),
            K::Backspace => "Backspace".into(),
            K::F(n) => format!("F{n}"),
            K::Char(' ') => "Space".into(),
            K::Char(ch) => ch.to_string(),
            _ => "?".into(),
        };
        if self.ctrl { format!("C-{name}") } else { name }
    }
}

/// The action for a key in the first active context that binds it.
pub fn lookup(contexts: &[Context], key: Key) -> Option<Action> {
    contexts.iter().find_map(|&context| {
        BINDINGS
            .iter()
            .filter(|b| b.context == context)
            .find_map(|b| {
                let pos = b.keys.iter().position(|&bk| bk == key)?;
                Some(match b.action {
                    // One row binds the digit keys; the digit says which tab or number.
                    Action::GoTab(_) => Action::GoTab(pos as u8),
                    Action::Digit(_) => Action::Digit(pos as u8),
                    a => a,
                })
            })
    })
}

/// Translates a key event: in the search line and in a prompt's fields unbound printable
/// characters are text.
pub fn action_for(contexts: &[Context], event: &KeyEvent) -> Option<Action> {
    let key = Key::from_event(event)?;
    if let Some(action) = lookup(contexts, key) {
        return Some(action);
    }
    let Key {
        code: K::Char(ch),
        ctrl: false,
    } = key
    else {
        return None;
    };
    match contexts.first() {
        Some(Context::Search) => Some(Action::SearchInput(ch)),
        Some(Context::Form) => Some(Action::TextInput(ch)),
        _ => None,
    }
}

/// The footer's keys: those marked for it in the active contexts, each with the first of its
/// keys that really does that here (a more specific context may take a key over).
pub fn footer(contexts: &[Context]) -> Vec<(Key, &'static Binding)> {
    let mut out: Vec<(Key, &'static Binding)> = Vec::new();
    // Global keys first so quitting and help always show, then the most specific context's.
    let order = contexts
        .iter()
        .filter(|c| **c == Context::Global)
        .chain(contexts.iter().filter(|c| **c != Context::Global));
    for &context in order {
        for binding in BINDINGS.iter().filter(|b| b.context == context && b.footer) {
            let key = binding
                .keys
                .iter()
                .copied()
                .find(|k| lookup(contexts, *k) == Some(binding.action));
            if let Some(key) = key
                && !out.iter().any(|(_, o)| o.action == binding.action)
            {
                out.push((key, binding));
            }
        }
    }
    out
}

/// The keys of a binding as one label: "↑/k".
pub fn keys_label(binding: &Binding) -> String {
    binding
        .keys
        .iter()
        .map(|k| k.label())
        .collect::<Vec<_>>()
        .join("/")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_key_is_bound_twice_in_one_context() {
        for context in Context::ALL {
            let keys: Vec<Key> = BINDINGS
                .iter()
                .filter(|b| b.context == context)
                .flat_map(|b| b.keys.iter().copied())
                .collect();
            for (i, key) in keys.iter().enumerate() {
                assert!(
                    !keys[i + 1..].contains(key),
                    "{context:?} binds {} twice",
                    key.label()
                );
            }
        }
    }

    #[test]
    fn digits_pick_tabs_and_search_takes_text() {
        assert_eq!(lookup(&[Context::Detail], c('3')), Some(Action::GoTab(2)));
        let event = KeyEvent::new(K::Char('j'), KeyModifiers::NONE);
        assert_eq!(
            action_for(&[Context::Search], &event),
            Some(Action::SearchInput('j'))
        );
        assert_eq!(
            action_for(&[Context::List, Context::Global], &event),
            Some(Action::Down)
        );
        assert_eq!(
            action_for(&[Context::Form], &event),
            Some(Action::TextInput('j'))
        );
        assert_eq!(lookup(&[Context::Choice], c('7')), Some(Action::Digit(7)));
    }

    #[test]
    fn outcome_letters_are_the_same_in_the_prompt_and_the_meeting() {
        for (key, outcome, _) in OUTCOME_KEYS {
            for context in [Context::Choice, Context::Meeting] {
                assert_eq!(lookup(&[context], c(key)), Some(Action::Decide(outcome)));
            }
        }
    }
}
