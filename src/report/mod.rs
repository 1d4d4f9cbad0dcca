//! Non-interactive output.
