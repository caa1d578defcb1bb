//! Integration tests: objects created with psql in a fresh database, introspected, and
//! checked field by field against the model.

mod collations;
mod columns;
mod comments;
mod common;
mod constraints;
mod deps;
mod example_schemas;
mod extensions;
mod functions;
mod indexes;
mod security;
mod stability;
mod tables;
mod types;
mod views;
