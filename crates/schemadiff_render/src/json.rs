//! The plan as JSON: one object per step with its SQL, phase, operation, hazards,
//! transactional flag, dependencies and source.

use crate::sql::step_sql;
use schemadiff_plan::Plan;
use serde_json::{json, Value};

pub fn plan_json(plan: &Plan, mode: &str) -> Value {
    let steps: Vec<Value> = plan
        .steps
        .iter()
        .map(|s| {
            json!({
                "id": s.id,
                "phase": s.phase,
                "domain": s.domain,
                "object": s.object.to_string(),
                "kind": s.object.kind().label(),
                "operation": s.action.operation().as_str(),
                "sql": step_sql(&s.action),
                "depends_on": s.depends_on,
                "transactional": s.transactional,
                "hazards": s.hazards,
                "source": s.source.as_ref().map(|src| json!({"file": &*src.file, "line": src.line, "column": src.column})),
            })
        })
        .collect();
    json!({
        "format": "schemadiff-plan",
        "version": 1,
        "tool": concat!("schemadiff ", env!("CARGO_PKG_VERSION")),
        "mode": mode,
        "steps": steps,
    })
}
