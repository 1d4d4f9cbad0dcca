//! Non-interactive output for scripts, meetings and CI: pure functions from the analysed
//! portfolio to text. JSON and CSV carry ids and exact figures; text and Markdown speak the
//! user's language.

pub mod check;
mod doc;
mod filter;
mod fmt;
pub mod minutes;
mod rank;
mod show;
mod show_case;
mod show_json;
mod summary;

pub use filter::{FilterError, RankFilter};
pub use minutes::{MeetingRecord, minutes_markdown};
pub use rank::{TABLE_WIDTH, rank_csv, rank_json, rank_markdown, rank_table};
pub use show::{UnknownInitiative, find_initiative, show_markdown, show_text};
pub use show_json::{show_json, show_value};
pub use summary::{summary_json, summary_markdown, summary_text};
