//! Turns catalogs into an ordered, dependency-aware migration plan.
//!
//! One petgraph graph of steps; edges come from the model (schemas, types,
//! foreign keys, owners) and from references found in SQL text; ties between
//! independent steps are broken by (phase, object) so plans are deterministic.
//! `plan_create` plans from an empty database; `plan_changes` applies a diff's
//! `ChangeSet`, with online rewrites on existing tables and hazards on every step.

mod action;
mod builder;
mod casts;
mod changes;
mod create;
mod ctx;
mod fxhash;
mod graph;
mod hazard;
mod keys;
mod lower_column;
mod lower_misc;
mod lower_online;
mod lower_table;
mod lower_types;
mod renames;
mod step;

pub use action::{Action, ColumnChange, DomainChange, Operation, UsingCast};
pub use changes::{plan_changes, PlanInput};
pub use create::plan_create;
pub use graph::CycleError;
pub use hazard::{Hazard, HazardCode, Severity};
pub use schemadiff_diff::EnumPosition;
pub use step::{Phase, Plan, Step};

#[cfg(test)]
mod changes_tests;
