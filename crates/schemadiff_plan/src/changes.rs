//! The plan that applies a [`ChangeSet`] to an existing database.

use crate::graph::CycleError;
use crate::step::Plan;
use schemadiff_diff::ChangeSet;
use schemadiff_model::Catalog;

/// What the planner needs besides the changes: both catalogs, for dependencies
/// (what uses what) on either side.
#[derive(Debug, Clone, Copy)]
pub struct PlanInput<'a> {
    pub changes: &'a ChangeSet,
    pub current: &'a Catalog,
    pub desired: &'a Catalog,
}

/// The steps that apply `input.changes`, in dependency order, with hazards.
pub fn plan_changes(input: PlanInput<'_>) -> Result<Plan, CycleError> {
    let _ = input;
    Ok(Plan::default())
}
