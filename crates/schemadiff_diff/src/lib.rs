//! Compares two catalogs into a [`ChangeSet`] of typed changes.
//!
//! Sees only `schemadiff_model`: no SQL text is produced and no connection is opened
//! here. One module per object kind. Objects are compared by identity (the catalog's
//! map keys) and by definition (`ObjectMeta` never takes part in equality); renames
//! only on explicit intent (`-- schemadiff:renamed-from`, see `rename.rs`).
//!
//! Verbatim statements (`catalog.statements`, SQL the parser could not read) are not
//! diffed: in canonical mode their effects are introspected like any other object, and
//! in static mode there is nothing reliable to compare them by.

mod change;
mod collation;
mod column;
mod comment;
mod constraint;
mod ctx;
mod extension;
mod function;
mod grant;
mod index;
mod join;
mod policy;
mod recreated;
mod rename;
mod schema;
mod sequence;
mod table;
mod trigger;
mod types;
mod view;
mod words;

#[cfg(test)]
mod test_util;

pub use change::{Change, ChangeSet, EnumPosition};

use ctx::Ctx;
use rename::Renames;
use schemadiff_model::Catalog;

/// What to compare.
#[derive(Debug, Clone, Copy)]
pub struct DiffInput<'a> {
    /// The live database (or the `--from` side).
    pub current: &'a Catalog,
    /// The desired state as PostgreSQL renders it (canonical), or the static catalog
    /// when no server is available.
    pub desired: &'a Catalog,
    /// The files' static catalog, when `desired` is canonical: objects to create are
    /// taken from it so their SQL is written as the files have it.
    pub source: Option<&'a Catalog>,
}

/// The changes that turn `input.current` into `input.desired`.
///
/// Kinds are compared in dependency order, so each sees what the earlier ones drop
/// (a dropped table takes its indexes, a retyped column its views), and the result is
/// laid out by kind, then identity.
pub fn diff(input: DiffInput<'_>) -> ChangeSet {
    let mut ctx = Ctx::new(input.current, input.desired, input.source);
    ctx.renames = Renames::find(input.current, input.desired, input.source);
    ctx.recreated = recreated::Recreated::find(input.current, input.desired);
    let schemas = schema::diff(&mut ctx);
    let extensions = extension::diff(&mut ctx);
    let collations = collation::diff(&mut ctx);
    let tables = table::diff(&mut ctx);
    let types = types::diff(&mut ctx);
    let sequences = sequence::diff(&mut ctx);
    let functions = function::diff(&mut ctx);
    let views = view::diff(&mut ctx);
    let indexes = index::diff(&mut ctx);
    let triggers = trigger::diff(&mut ctx);
    let policies = policy::diff(&mut ctx);
    let grants = grant::diff(&mut ctx);
    let comments = comment::diff(&mut ctx);
    let changes = [
        schemas, extensions, collations, types, sequences, tables, indexes, views, functions,
        triggers, policies, grants, comments,
    ]
    .into_iter()
    .flatten()
    .collect();
    ChangeSet { changes }
}
