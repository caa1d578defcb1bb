//! What a plan changes, as far as the sanity check needs it: which generated tables its
//! steps (schemadiff's JSON plan) or statements (migra's SQL) touch, and what else.
//!
//! Generated tables are named `t` + 5 digits (`d03.t00042`); their indexes and
//! constraints start with the table's name (`t00042_name_idx`), so every step or
//! statement about a table mentions its number.

use super::BenchError;
use crate::generate::GeneratedFile;
use std::collections::{BTreeMap, BTreeSet};

/// The changes of one plan.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Changes {
    /// Steps (schemadiff) or statements (migra).
    pub items: usize,
    /// Numbers of the generated tables the items mention.
    pub tables: BTreeSet<usize>,
    /// Items that mention no generated table (their object or first line).
    pub other: Vec<String>,
    /// Steps per `kind operation` (`column alter`); schemadiff plans only.
    pub kinds: BTreeMap<String, usize>,
}

/// How a plan's changes compare with the tables that were edited.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Check {
    /// Edited tables the plan does not touch.
    pub missing: Vec<usize>,
    /// Tables the plan touches that were not edited.
    pub extra: Vec<usize>,
    /// Items about no generated table.
    pub other: usize,
}

impl Check {
    /// The plan touches exactly the edited tables and nothing else.
    pub fn is_exact(&self) -> bool {
        self.missing.is_empty() && self.extra.is_empty() && self.other == 0
    }
}

impl Changes {
    /// Reads `schemadiff plan --format json`; returns the plan's mode (`static` or
    /// `canonical`) and its changes.
    pub fn from_plan_json(stdout: &str) -> Result<(String, Changes), BenchError> {
        let plan: serde_json::Value = serde_json::from_str(stdout)
            .map_err(|e| format!("the plan is not JSON ({e}); it begins {:?}", head(stdout)))?;
        let mode = plan["mode"].as_str().unwrap_or("unknown").to_string();
        let steps = plan["steps"]
            .as_array()
            .ok_or_else(|| "the JSON plan has no \"steps\" array".to_string())?;
        let mut changes = Changes::default();
        for step in steps {
            changes.add(step["object"].as_str().unwrap_or_default());
            let kind = format!(
                "{} {}",
                step["kind"].as_str().unwrap_or("?"),
                step["operation"].as_str().unwrap_or("?")
            );
            *changes.kinds.entry(kind).or_default() += 1;
        }
        Ok((mode, changes))
    }

    /// Reads migra's output: SQL statements, each ending with `;` at the end of a line.
    pub fn from_migra_sql(stdout: &str) -> Changes {
        let mut changes = Changes::default();
        let mut statement = String::new();
        for line in stdout.lines() {
            statement.push_str(line);
            statement.push('\n');
            if line.trim_end().ends_with(';') {
                changes.add(statement.trim());
                statement.clear();
            }
        }
        if !statement.trim().is_empty() {
            changes.add(statement.trim());
        }
        changes
    }

    fn add(&mut self, item: &str) {
        self.items += 1;
        let numbers = table_numbers(item);
        if numbers.is_empty() {
            self.other.push(head(item));
        }
        self.tables.extend(numbers);
    }

    pub fn check(&self, edited: &BTreeSet<usize>) -> Check {
        Check {
            missing: edited.difference(&self.tables).copied().collect(),
            extra: self.tables.difference(edited).copied().collect(),
            other: self.other.len(),
        }
    }
}

/// The generated tables whose file differs between `original` and `edited` (both as
/// `generate` returns them, in the same order).
pub fn edited_tables(original: &[GeneratedFile], edited: &[GeneratedFile]) -> BTreeSet<usize> {
    original
        .iter()
        .zip(edited)
        .filter(|(a, b)| a.text != b.text)
        .flat_map(|(_, b)| table_numbers(&b.path))
        .collect()
}

/// `t00042` → 42 for every `t` + exactly 5 digits that starts a word (after a
/// non-identifier character) in `text`.
pub fn table_numbers(text: &str) -> Vec<usize> {
    let bytes = text.as_bytes();
    let is_word = |b: u8| b.is_ascii_alphanumeric() || b == b'_';
    let mut out = Vec::new();
    for (at, _) in text.match_indices('t') {
        let starts_word = at == 0 || !is_word(bytes[at - 1]);
        let digits = &bytes[at + 1..(at + 6).min(bytes.len())];
        let ends = bytes.get(at + 6).is_none_or(|b| !b.is_ascii_digit());
        if starts_word && digits.len() == 5 && digits.iter().all(u8::is_ascii_digit) && ends {
            if let Ok(n) = text[at + 1..at + 6].parse() {
                out.push(n);
            }
        }
    }
    out
}

/// The first line of `text`, shortened, for messages.
fn head(text: &str) -> String {
    let line = text.lines().next().unwrap_or_default();
    line.chars().take(80).collect()
}

/// `t00042, t00050, ...` (the first `limit`).
pub fn list(tables: &[usize], limit: usize) -> String {
    let mut shown: Vec<String> = tables
        .iter()
        .take(limit)
        .map(|n| format!("t{n:05}"))
        .collect();
    if tables.len() > limit {
        shown.push(format!("… ({} in all)", tables.len()));
    }
    shown.join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_table_numbers_in_names_and_sql() {
        assert_eq!(table_numbers("index d03.t00042_name_idx"), vec![42]);
        assert_eq!(table_numbers("column d00.t00000.note_added"), vec![0]);
        assert_eq!(
            table_numbers(
                "alter table \"d01\".\"t00021\" add constraint t00021_fk references d00.t00001"
            ),
            vec![21, 21, 1]
        );
        assert!(table_numbers("view d00.report_0001, xt00001, t000012, t0001").is_empty());
        assert_eq!(table_numbers("d03/t00042.sql"), vec![42]);
    }

    #[test]
    fn reads_a_json_plan() {
        let json = r#"{"mode": "canonical", "steps": [
            {"object": "column d00.t00000.note_added", "kind": "column", "operation": "create"},
            {"object": "index d00.t00010_name_idx", "kind": "index", "operation": "create"},
            {"object": "view d00.report_0000", "kind": "view", "operation": "create"}]}"#;
        let (mode, changes) = Changes::from_plan_json(json).expect("parses");
        assert_eq!(mode, "canonical");
        assert_eq!(changes.items, 3);
        assert_eq!(changes.tables, BTreeSet::from([0, 10]));
        assert_eq!(changes.other, vec!["view d00.report_0000".to_string()]);
        assert_eq!(changes.kinds.get("index create"), Some(&1));
        assert_eq!(changes.kinds.len(), 3);
        let check = changes.check(&BTreeSet::from([0, 10, 20]));
        assert_eq!(check.missing, vec![20]);
        assert!(check.extra.is_empty());
        assert!(!check.is_exact());
        assert!(Changes::from_plan_json("error: no").is_err());
    }

    #[test]
    fn reads_migra_statements() {
        let sql = "alter table \"d00\".\"t00000\" add column \"note_added\" text;\n\n\
                   drop index if exists \"d00\".\"t00010_created_at_idx\";\n\n\
                   create or replace view \"d00\".\"report_0000\" as  SELECT a\n   FROM b;\n";
        let changes = Changes::from_migra_sql(sql);
        assert_eq!(changes.items, 3);
        assert_eq!(changes.tables, BTreeSet::from([0, 10]));
        assert_eq!(changes.other.len(), 1);
        assert_eq!(Changes::from_migra_sql(""), Changes::default());
    }
}
