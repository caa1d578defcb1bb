//! The versioned plan file (`plan --out plan.json`, DESIGN §4): what `apply` and PR
//! bots read. Plain strings and numbers only, so it round-trips through serde.

pub mod fingerprint;
mod time;

use crate::live::TargetIdentity;
use schemadiff_model::{Catalog, ObjectId};
use schemadiff_plan::{HazardCode, Plan, Step};
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};

/// Bumped on any incompatible change of the layout below.
pub const FORMAT_VERSION: u32 = 1;
pub const FORMAT: &str = "schemadiff-plan-file";

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PlanFile {
    pub format: String,
    pub format_version: u32,
    pub tool_version: String,
    /// UTC, RFC 3339.
    pub created_at: String,
    /// The database the plan was made against (none when planned from an empty one).
    pub target: Option<TargetIdentity>,
    /// How the desired state was obtained (canonical / static).
    pub mode: String,
    /// Fingerprint of the whole current catalog within the managed schemas.
    pub current_fingerprint: String,
    /// The managed schemas the fingerprints cover.
    pub schemas: Vec<String>,
    /// Fingerprint of the whole desired catalog.
    pub desired_hash: String,
    /// Per object the plan touches or depends on: its fingerprint in the current
    /// catalog (`null` when it does not exist there yet).
    pub objects: BTreeMap<String, Option<String>>,
    pub steps: Vec<FileStep>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FileStep {
    pub id: usize,
    pub domain: String,
    pub object: String,
    pub kind: String,
    /// The action, e.g. `create_table`, `drop_column`.
    pub operation: String,
    pub phase: String,
    pub sql: String,
    pub hazards: Vec<FileHazard>,
    /// The strongest table lock the step is known to take, if any.
    pub lock: Option<String>,
    pub transactional: bool,
    pub depends_on: Vec<usize>,
    pub source: Option<FileSource>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FileHazard {
    pub code: String,
    pub severity: String,
    pub message: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FileSource {
    pub file: String,
    pub line: usize,
    pub column: usize,
}

/// What the plan file is made from.
#[derive(Debug, Clone, Copy)]
pub struct PlanFileInput<'a> {
    pub plan: &'a Plan,
    pub current: &'a Catalog,
    pub desired: &'a Catalog,
    pub target: Option<&'a TargetIdentity>,
    pub mode: &'a str,
    pub schemas: &'a [String],
}

pub fn build(input: PlanFileInput<'_>) -> PlanFile {
    let by_id: BTreeMap<usize, &Step> = input.plan.steps.iter().map(|s| (s.id, s)).collect();
    let mut touched: BTreeSet<ObjectId> = BTreeSet::new();
    for step in &input.plan.steps {
        touched.insert(step.object.clone());
        if let Some(p) = fingerprint::parent(input.current, &step.object) {
            touched.insert(p);
        }
        for dep in &step.depends_on {
            if let Some(d) = by_id.get(dep) {
                touched.insert(d.object.clone());
            }
        }
    }
    let objects = touched
        .iter()
        .filter(|id| !matches!(id, ObjectId::Statement { .. }))
        .map(|id| {
            let fp = fingerprint::lookup(input.current, id).map(|v| fingerprint::of_value(&v));
            (id.to_string(), fp)
        })
        .collect();
    PlanFile {
        format: FORMAT.to_string(),
        format_version: FORMAT_VERSION,
        tool_version: env!("CARGO_PKG_VERSION").to_string(),
        created_at: time::now_rfc3339(),
        target: input.target.cloned(),
        mode: input.mode.to_string(),
        current_fingerprint: fingerprint::of_catalog(input.current),
        schemas: input.schemas.to_vec(),
        desired_hash: fingerprint::of_catalog(input.desired),
        objects,
        steps: input.plan.steps.iter().map(file_step).collect(),
    }
}

fn file_step(s: &Step) -> FileStep {
    let action = serde_json::to_value(&s.action).unwrap_or_default();
    let operation = action["action"].as_str().unwrap_or("unknown").to_string();
    let phase = serde_json::to_value(s.phase)
        .ok()
        .and_then(|v| v.as_str().map(str::to_string))
        .unwrap_or_default();
    let has = |c: HazardCode| s.hazards.iter().any(|h| h.code == c);
    let lock = if has(HazardCode::AccessExclusiveLock) {
        Some("ACCESS EXCLUSIVE".to_string())
    } else if has(HazardCode::BlocksWrites) {
        Some("SHARE".to_string())
    } else {
        None
    };
    FileStep {
        id: s.id,
        domain: s.domain.clone(),
        object: s.object.to_string(),
        kind: s.object.kind().label().to_string(),
        operation,
        phase,
        sql: schemadiff_render::sql::step_sql(&s.action),
        hazards: s
            .hazards
            .iter()
            .map(|h| FileHazard {
                code: h.code.as_str().to_string(),
                severity: serde_json::to_value(h.severity)
                    .ok()
                    .and_then(|v| v.as_str().map(str::to_string))
                    .unwrap_or_default(),
                message: h.message.clone(),
            })
            .collect(),
        lock,
        transactional: s.transactional,
        depends_on: s.depends_on.clone(),
        source: s.source.as_ref().map(|src| FileSource {
            file: src.file.to_string(),
            line: src.line,
            column: src.column,
        }),
    }
}

/// Writes the plan file as pretty JSON.
pub fn write(path: &std::path::Path, file: &PlanFile) -> std::io::Result<()> {
    let mut text = serde_json::to_string_pretty(file).map_err(std::io::Error::other)?;
    text.push('\n');
    std::fs::write(path, text)
}

#[cfg(test)]
mod tests;
