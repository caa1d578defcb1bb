//! The dev database: a scratch database where the files' objects are created so
//! PostgreSQL itself normalises them; introspected like a live database.

pub mod lifecycle;
pub mod load;
