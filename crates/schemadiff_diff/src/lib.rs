//! Compares two catalogs into a [`ChangeSet`] of typed changes.
//!
//! Sees only `schemadiff_model`: no SQL text is produced and no connection is opened
//! here. One module per object kind.

mod change;

pub use change::{Change, ChangeSet, EnumPosition};

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
pub fn diff(input: DiffInput<'_>) -> ChangeSet {
    let _ = input;
    ChangeSet::default()
}
