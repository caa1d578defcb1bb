//! Hazards: what can go wrong when a step runs, with stable codes (docs/hazards.md).

use serde::Serialize;
use std::fmt;

/// A stable, kebab-case hazard code. Never renamed once released: policies, `--allow`
/// and PR bots match on it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum HazardCode {
    /// Rows, columns or whole objects holding data are removed.
    DataLoss,
    /// PostgreSQL rewrites the whole table (and its indexes) under an exclusive lock.
    TableRewrite,
    /// Takes an ACCESS EXCLUSIVE lock: blocks reads and writes while it runs.
    AccessExclusiveLock,
    /// Takes a lock that blocks writes (SHARE / SHARE ROW EXCLUSIVE) while it runs.
    BlocksWrites,
    /// Reads the whole table (validation, NOT NULL check) while holding a lock.
    FullTableScan,
    /// Can fail on rows already in the table (new NOT NULL, CHECK, UNIQUE, FK, cast).
    MayFailOnExistingData,
    /// Cannot run inside a transaction block (CONCURRENTLY, enum ADD VALUE before use).
    NonTransactional,
    /// Clients using the old shape break (dropped/renamed columns, changed signatures).
    BreaksClients,
    /// Changes who may do what (grants, policies, row-level security).
    AuthzChange,
    /// The object's dependencies cannot be seen (verbatim SQL, procedural bodies).
    UntrackedDependencies,
    /// A drop plus a create of the same shape: maybe a rename that would lose data.
    PossibleRename,
}

impl HazardCode {
    pub fn as_str(self) -> &'static str {
        match self {
            HazardCode::DataLoss => "data-loss",
            HazardCode::TableRewrite => "table-rewrite",
            HazardCode::AccessExclusiveLock => "access-exclusive-lock",
            HazardCode::BlocksWrites => "blocks-writes",
            HazardCode::FullTableScan => "full-table-scan",
            HazardCode::MayFailOnExistingData => "may-fail-on-existing-data",
            HazardCode::NonTransactional => "non-transactional",
            HazardCode::BreaksClients => "breaks-clients",
            HazardCode::AuthzChange => "authz-change",
            HazardCode::UntrackedDependencies => "untracked-dependencies",
            HazardCode::PossibleRename => "possible-rename",
        }
    }

    pub fn all() -> &'static [HazardCode] {
        &[
            HazardCode::DataLoss,
            HazardCode::TableRewrite,
            HazardCode::AccessExclusiveLock,
            HazardCode::BlocksWrites,
            HazardCode::FullTableScan,
            HazardCode::MayFailOnExistingData,
            HazardCode::NonTransactional,
            HazardCode::BreaksClients,
            HazardCode::AuthzChange,
            HazardCode::UntrackedDependencies,
            HazardCode::PossibleRename,
        ]
    }

    /// Parses a code as users write it (`--allow data-loss`).
    pub fn parse(code: &str) -> Option<HazardCode> {
        HazardCode::all()
            .iter()
            .copied()
            .find(|c| c.as_str() == code)
    }
}

impl fmt::Display for HazardCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Info,
    Warning,
    Danger,
}

/// One hazard on one step: the code, how bad, and a message naming the object.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Hazard {
    pub code: HazardCode,
    pub severity: Severity,
    pub message: String,
}

impl HazardCode {
    /// How bad the code usually is; a step may raise or lower it.
    pub fn default_severity(self) -> Severity {
        match self {
            HazardCode::DataLoss => Severity::Danger,
            HazardCode::TableRewrite
            | HazardCode::AccessExclusiveLock
            | HazardCode::BlocksWrites
            | HazardCode::MayFailOnExistingData
            | HazardCode::BreaksClients
            | HazardCode::PossibleRename => Severity::Warning,
            HazardCode::FullTableScan
            | HazardCode::NonTransactional
            | HazardCode::AuthzChange
            | HazardCode::UntrackedDependencies => Severity::Info,
        }
    }
}

impl Hazard {
    pub fn new(code: HazardCode, message: impl Into<String>) -> Hazard {
        Hazard {
            code,
            severity: code.default_severity(),
            message: message.into(),
        }
    }

    pub fn with_severity(mut self, severity: Severity) -> Hazard {
        self.severity = severity;
        self
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_code_has_a_section_in_docs_hazards_md() {
        let doc = include_str!("../../../docs/hazards.md");
        for code in HazardCode::all() {
            let heading = format!("\n## {}\n", code.as_str());
            assert!(doc.contains(&heading), "docs/hazards.md lacks `## {code}`");
            assert_eq!(HazardCode::parse(code.as_str()), Some(*code));
        }
    }
}
