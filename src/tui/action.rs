//! Everything a user can do. Keys map to these through the keymap; `App::update` applies them.

use crate::model::Outcome;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Action {
    Quit,
    Help,
    NextScreen,
    PrevScreen,
    Back,
    Reload,
    Up,
    Down,
    PageUp,
    PageDown,
    First,
    Last,
    Left,
    Right,
    Open,
    StartSearch,
    SearchInput(char),
    SearchBackspace,
    SearchAccept,
    SearchCancel,
    SortNext,
    SortPrev,
    SortReverse,
    RankOrder,
    /// The whole portfolio ranked as one list, or the pipeline first (the default).
    ToggleOneList,
    /// While searching: best matches first, or rank order.
    ToggleMatchOrder,
    OpenFilters,
    ToggleFilter,
    ClearFilters,
    ClearAll,
    NextFacet,
    PrevFacet,
    NextNearby,
    NextTab,
    PrevTab,
    GoTab(u8),
    YearsEarlier,
    YearsLater,
    TemplateScale,
    // Editing: each opens a prompt; what it saves is written back at once.
    EditScore,
    RecordDecision,
    ChangeStage,
    AddFollowUp,
    Undo,
    Redo,
    // Inside a prompt.
    Confirm,
    Cancel,
    /// A digit key: picks by number in a list.
    Digit(u8),
    /// An outcome's letter: in the decision prompt and in meeting mode.
    Decide(Outcome),
    TextInput(char),
    TextBackspace,
    NextField,
    PrevField,
    // Meeting mode.
    StartMeeting,
    Skip,
    Previous,
    EndMeeting,
    /// The changes since a revision or date: shown, or asked for.
    ShowChanges,
    /// The benefits list: shown or closed.
    ShowBenefits,
    /// The benefits list's status filter: the next status, or all.
    CycleStatus,
    Resize(u16, u16),
}
