//! The benefits list and the summary's benefit lists, in the glossary's words.

use super::Text;
use crate::i18n::Lang;

pub const OVERDUE_FOLLOW_UPS: Text = Text("Försenade uppföljningar", "Overdue follow-ups");
pub const NOTHING_OVERDUE: Text = Text(
    "Ingen nytta väntar på en försenad uppföljning.",
    "No benefit awaits an overdue follow-up.",
);
pub const BENEFITS_AT_RISK: Text = Text(
    "Nyttor med risk för försening eller försenade",
    "Benefits at risk or behind",
);
pub const NOTHING_AT_RISK: Text = Text(
    "Ingen nytta har risk för försening eller är försenad.",
    "No benefit is at risk or behind.",
);
pub const COL_NEXT_DUE: Text = Text("Nästa datum", "Next due");
pub const ALL_STATUSES: Text = Text("alla statusar", "all statuses");
pub const NO_BENEFITS_WITH_STATUS: Text = Text(
    "Inga nyttor med den statusen.",
    "No benefits with that status.",
);
pub const CTX_BENEFITS: Text = Text("Nyttor", "Benefits");
pub const ACT_BENEFITS: Text = Text("nyttor", "benefits");
pub const ACT_STATUS_FILTER: Text = Text("filtrera status", "filter status");

/// The benefits list's title: how many are shown and the status filter.
pub fn benefits_title(shown: usize, total: usize, status: Option<&str>, lang: Lang) -> String {
    let filter = status.unwrap_or(ALL_STATUSES.get(lang));
    match lang {
        Lang::Sv => format!("Nyttor: {shown} av {total} · {filter}"),
        Lang::En => format!("Benefits: {shown} of {total} · {filter}"),
    }
}
