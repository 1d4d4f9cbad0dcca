//! Reading a portfolio folder or file, validation, errors with file:line:col.

pub mod yaml;
