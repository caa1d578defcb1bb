//! Names PostgreSQL generates for unnamed constraints, indexes and serial sequences.
//!
//! A port of `makeObjectName`, `ChooseRelationName`, `ChooseConstraintName` and
//! `ChooseIndexNameAddition` from PostgreSQL's backend, so the static model names
//! objects exactly as the server would.

use crate::ident::{truncate_to_bytes, Ident, MAX_IDENT_BYTES};
use smol_str::SmolStr;
use std::collections::HashSet;

/// `name1[_name2][_label]`, shortening the longer of name1/name2 first so the
/// whole fits in 63 bytes (PostgreSQL's `makeObjectName`).
pub fn make_object_name(name1: &str, name2: Option<&str>, label: &str) -> String {
    let mut overhead = 0;
    let mut name2_len = 0;
    if let Some(n2) = name2 {
        name2_len = n2.len();
        overhead += 1;
    }
    if !label.is_empty() {
        overhead += label.len() + 1;
    }
    let avail = MAX_IDENT_BYTES.saturating_sub(overhead);
    let mut name1_len = name1.len();
    while name1_len + name2_len > avail {
        if name1_len > name2_len {
            name1_len -= 1;
        } else {
            name2_len -= 1;
        }
    }
    let mut out = truncate_to_bytes(name1, name1_len).to_string();
    if let Some(n2) = name2 {
        out.push('_');
        out.push_str(truncate_to_bytes(n2, name2_len));
    }
    if !label.is_empty() {
        out.push('_');
        out.push_str(label);
    }
    out
}

/// Column names joined with `_`, stopping once the result reaches 64 bytes
/// (PostgreSQL's `ChooseIndexNameAddition` / `ChooseForeignKeyConstraintNameAddition`).
pub fn name_addition<'a>(columns: impl IntoIterator<Item = &'a str>) -> String {
    let mut buf = String::new();
    for name in columns {
        if !buf.is_empty() {
            buf.push('_');
        }
        buf.push_str(truncate_to_bytes(name, MAX_IDENT_BYTES));
        if buf.len() > MAX_IDENT_BYTES {
            break;
        }
    }
    buf
}

/// Column names for an index's generated name: expressions are `expr`, and
/// repeated names get a numeric suffix (`ChooseIndexColumnNames`).
pub fn index_column_names<'a>(keys: impl IntoIterator<Item = Option<&'a str>>) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for key in keys {
        let orig = key.unwrap_or("expr");
        let mut candidate = orig.to_string();
        let mut i = 0;
        while out.contains(&candidate) {
            i += 1;
            let suffix = i.to_string();
            let base = truncate_to_bytes(orig, MAX_IDENT_BYTES - suffix.len());
            candidate = format!("{base}{suffix}");
        }
        out.push(candidate);
    }
    out
}

/// Names already taken in one schema: `pg_class` (relations, indexes, sequences,
/// views, composite types) and `pg_constraint` are separate namespaces.
#[derive(Debug, Default, Clone)]
pub struct SchemaNames {
    // Hashed (foldhash, not SipHash: the names are our own, not an attacker's): a big
    // schema reserves tens of thousands of names, looked up by text only.
    relations: HashSet<SmolStr, foldhash::fast::RandomState>,
    constraints: HashSet<SmolStr, foldhash::fast::RandomState>,
}

/// What kind of generated name is being chosen; decides which namespaces must be free.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NameSpace {
    /// A plain index or a sequence: must be free among relations.
    Relation,
    /// An index backing a constraint (pkey, unique, exclusion): free among relations and constraints.
    IndexConstraint,
    /// A check or foreign-key constraint: free among constraints.
    Constraint,
}

impl SchemaNames {
    pub fn reserve_relation(&mut self, name: &Ident) {
        self.relations.insert(name.as_smol_str().clone());
    }

    pub fn reserve_constraint(&mut self, name: &Ident) {
        self.constraints.insert(name.as_smol_str().clone());
    }

    fn taken(&self, name: &str, space: NameSpace) -> bool {
        match space {
            NameSpace::Relation => self.relations.contains(name),
            NameSpace::IndexConstraint => {
                self.relations.contains(name) || self.constraints.contains(name)
            }
            NameSpace::Constraint => self.constraints.contains(name),
        }
    }

    /// Picks `name1_name2_label`, then `..._label1`, `..._label2`, ... until free,
    /// and reserves it.
    pub fn choose(
        &mut self,
        name1: &str,
        name2: Option<&str>,
        label: &str,
        space: NameSpace,
    ) -> Ident {
        let mut pass = 0;
        let mut modlabel = label.to_string();
        loop {
            let candidate = make_object_name(name1, name2, &modlabel);
            if !self.taken(&candidate, space) {
                let ident = Ident::new(candidate);
                match space {
                    NameSpace::Relation => self.reserve_relation(&ident),
                    NameSpace::IndexConstraint => {
                        self.reserve_relation(&ident);
                        self.reserve_constraint(&ident);
                    }
                    NameSpace::Constraint => self.reserve_constraint(&ident),
                }
                return ident;
            }
            pass += 1;
            modlabel = format!("{label}{pass}");
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_names_are_joined() {
        assert_eq!(make_object_name("users", None, "pkey"), "users_pkey");
        assert_eq!(
            make_object_name("courses", Some("pillar_id"), "fkey"),
            "courses_pillar_id_fkey"
        );
    }

    #[test]
    fn long_names_shorten_the_longer_part_first() {
        let table = "a".repeat(40);
        let column = "b".repeat(40);
        let name = make_object_name(&table, Some(&column), "key");
        assert_eq!(name.len(), 63);
        // 63 - 4 ("_key") - 1 ("_") = 58 chars shared equally.
        assert_eq!(name, format!("{}_{}_key", "a".repeat(29), "b".repeat(29)));
    }

    #[test]
    fn clashes_get_numeric_suffixes_on_the_label() {
        let mut names = SchemaNames::default();
        names.reserve_relation(&Ident::new("t_a_key"));
        let chosen = names.choose("t", Some("a"), "key", NameSpace::IndexConstraint);
        assert_eq!(chosen.as_str(), "t_a_key1");
        let next = names.choose("t", Some("a"), "key", NameSpace::IndexConstraint);
        assert_eq!(next.as_str(), "t_a_key2");
        // A check constraint does not clash with a relation of the same name.
        names.reserve_relation(&Ident::new("t_check"));
        assert_eq!(
            names
                .choose("t", None, "check", NameSpace::Constraint)
                .as_str(),
            "t_check"
        );
    }

    #[test]
    fn index_column_names_use_expr_and_dedupe() {
        assert_eq!(
            index_column_names([Some("a"), None, Some("a"), None]),
            vec!["a", "expr", "a1", "expr1"]
        );
        assert_eq!(name_addition(["a", "b"]), "a_b");
    }
}
