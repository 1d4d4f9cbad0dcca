//! Non-interactive output for scripts, meetings and CI: pure functions from the analysed
//! portfolio to text. JSON and CSV carry ids and exact figures; text and Markdown speak the
//! user's language.

pub mod benefits;
pub mod case;
pub mod cell;
pub mod check;
pub mod dataset;
pub mod detail;
pub mod doc;
pub mod filter;
pub(crate) mod fmt;
pub mod minutes;
mod rank;
pub mod ranking;
pub mod search;
mod show;
mod show_case;
mod show_json;
mod stream;
pub mod summary;

pub use filter::{Facet, FilterError, RankFilter};
pub use minutes::{MeetingRecord, minutes_markdown};
pub use rank::{
    TABLE_WIDTH, rank_csv, rank_csv_with, rank_json, rank_markdown, rank_table, write_rank_json,
};
pub use show::{UnknownInitiative, find_initiative, show_markdown, show_text};
pub use show_json::{show_json, show_value};
pub use summary::{summary_json, summary_markdown, summary_text};
