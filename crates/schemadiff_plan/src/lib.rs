//! Turns catalogs into an ordered, dependency-aware migration plan.
//!
//! One petgraph graph of steps; edges come from the model (schemas, types,
//! foreign keys, owners) and from references found in SQL text; ties between
//! independent steps are broken by (phase, object) so plans are deterministic.

mod changes;
mod create;
mod edges;
mod graph;
mod hazard;
mod step;

pub use changes::{plan_changes, PlanInput};
pub use create::plan_create;
pub use graph::CycleError;
pub use hazard::{Hazard, HazardCode, Severity};
pub use step::{Action, Phase, Plan, Step};
