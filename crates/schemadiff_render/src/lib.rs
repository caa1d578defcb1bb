//! Renders plans as SQL scripts, human summaries and JSON; one module per format.

pub mod dump;
pub mod dump_expr;
pub mod json;
pub mod sql;
pub mod text;
