//! Non-interactive output: table, CSV, JSON, Markdown.

pub mod check;
