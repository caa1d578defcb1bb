//! The parity report: the static catalog (parsed from the files) against the canonical
//! one (PostgreSQL's rendering of the same files), per object kind: how many objects
//! each side has and how many agree. Equality is the model's minus what is never
//! compared across sources (see `catalog_json::normalize`).

use super::catalog_json::{normalize, values};
use schemadiff_model::{Catalog, Table};
use serde_json::Value;
use std::collections::{BTreeMap, BTreeSet};

/// One kind's figures.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct KindParity {
    pub kind: &'static str,
    /// Objects of this kind in the static catalog.
    pub static_count: usize,
    /// Objects of this kind in the canonical catalog.
    pub canonical: usize,
    /// Objects present on both sides with equal definitions.
    pub agree: usize,
}

/// An object the two catalogs disagree on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Disagreement {
    pub kind: &'static str,
    pub object: String,
    /// `only static`, `only canonical` or `differs`.
    pub why: &'static str,
    /// The static object's normal form (absent when only canonical has it).
    pub static_form: Option<Value>,
    pub canonical_form: Option<Value>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Parity {
    pub kinds: Vec<KindParity>,
    pub disagreements: Vec<Disagreement>,
}

/// Compares `stat` (static) with `canon` (canonical), kind by kind. Objects the dev
/// database had before the files were loaded (`before`: the `public` schema and its
/// default grant) count only when the files declare them: they are not the files'
/// objects, and the static catalog never invents them.
pub fn parity(stat: &Catalog, canon: &Catalog, before: &Catalog) -> Parity {
    let mut out = Parity::default();
    let sides = keyed(stat).into_iter().zip(keyed(canon)).zip(keyed(before));
    for (((kind, a), (_, mut b)), (_, pre)) in sides {
        b.retain(|key, v| a.contains_key(key) || pre.get(key) != Some(v));
        let mut row = KindParity {
            kind,
            static_count: a.len(),
            canonical: b.len(),
            agree: 0,
        };
        let keys: BTreeSet<&String> = a.keys().chain(b.keys()).collect();
        for key in keys {
            let (sa, sb) = (a.get(key), b.get(key));
            let why = match (sa, sb) {
                (Some(x), Some(y)) if x == y => {
                    row.agree += 1;
                    continue;
                }
                (Some(_), Some(_)) => "differs",
                (Some(_), None) => "only static",
                _ => "only canonical",
            };
            out.disagreements.push(Disagreement {
                kind,
                object: key.clone(),
                why,
                static_form: sa.cloned(),
                canonical_form: sb.cloned(),
            });
        }
        out.kinds.push(row);
    }
    out
}

type Keyed = BTreeMap<String, Value>;

/// Keys and objects → keys and normal forms (a macro for the same reason as `values!`).
macro_rules! by {
    ($items:expr) => {{
        let (keys, objects): (Vec<String>, Vec<_>) = $items.unzip();
        keys.into_iter()
            .zip(values!(objects.into_iter()))
            .map(|(k, mut v)| {
                normalize(&mut v);
                (k, v)
            })
            .collect::<Keyed>()
    }};
}

/// Every object of `c` in its normal form, by kind and identity. Columns and
/// constraints also count on their own: a table agrees only when all of it does, and
/// the finer figures say where the differences are.
fn keyed(c: &Catalog) -> Vec<(&'static str, Keyed)> {
    let tables: Vec<&Table> = c.tables.values().collect();
    vec![
        (
            "schemas",
            by!(c.schemas.iter().map(|(k, v)| (k.to_string(), v))),
        ),
        (
            "extensions",
            by!(c.extensions.iter().map(|(k, v)| (k.to_string(), v))),
        ),
        (
            "collations",
            by!(c.collations.iter().map(|(k, v)| (k.to_string(), v))),
        ),
        (
            "types",
            by!(c.types.iter().map(|(k, v)| (k.to_string(), v))),
        ),
        (
            "sequences",
            by!(c.sequences.iter().map(|(k, v)| (k.to_string(), v))),
        ),
        (
            "tables",
            by!(c.tables.iter().map(|(k, v)| (k.to_string(), v))),
        ),
        (
            "columns",
            by!(tables.iter().flat_map(|t| {
                t.columns
                    .iter()
                    .map(move |col| (format!("{}.{}", t.name, col.name), col))
            })),
        ),
        (
            "constraints",
            by!(tables.iter().flat_map(|t| {
                t.constraints
                    .iter()
                    .map(move |(n, con)| (format!("{}.{n}", t.name), con))
            })),
        ),
        (
            "indexes",
            by!(c.indexes.iter().map(|(k, v)| (k.to_string(), v))),
        ),
        (
            "views",
            by!(c.views.iter().map(|(k, v)| (k.to_string(), v))),
        ),
        (
            "functions",
            by!(c.functions.iter().map(|(k, v)| (k.to_string(), v))),
        ),
        (
            "triggers",
            by!(c
                .triggers
                .iter()
                .map(|((t, n), v)| (format!("{n} on {t}"), v))),
        ),
        (
            "policies",
            by!(c
                .policies
                .iter()
                .map(|((t, n), v)| (format!("{n} on {t}"), v))),
        ),
        (
            "grants",
            by!(c
                .grants
                .iter()
                .map(|((on, to), v)| (format!("{on} to {to}"), v))),
        ),
        (
            "comments",
            by!(c.comments.iter().map(|(on, v)| (on.to_string(), v))),
        ),
    ]
}

/// The table as Markdown (it goes into docs/parity.md as it is).
pub fn render(p: &Parity, verbose: bool) -> String {
    let mut out = String::from(
        "| kind | static | canonical | agree | agree % |\n|---|---:|---:|---:|---:|\n",
    );
    let mut totals = KindParity {
        kind: "total",
        ..KindParity::default()
    };
    for row in &p.kinds {
        out.push_str(&row_line(row));
        totals.static_count += row.static_count;
        totals.canonical += row.canonical;
        totals.agree += row.agree;
    }
    out.push_str(&row_line(&totals));
    if verbose && !p.disagreements.is_empty() {
        out.push_str("\nDisagreeing objects:\n");
        for d in &p.disagreements {
            out.push_str(&format!("- {} {}: {}\n", d.kind, d.object, d.why));
            for (side, form) in [("static", &d.static_form), ("canonical", &d.canonical_form)] {
                if let Some(v) = form {
                    out.push_str(&format!("    {side:9} {v}\n"));
                }
            }
        }
    }
    out
}

/// Agreement relative to the larger side, so missing objects count against it.
fn row_line(r: &KindParity) -> String {
    let base = r.static_count.max(r.canonical);
    let pct = if base == 0 {
        "-".to_string()
    } else {
        format!("{:.1}", 100.0 * r.agree as f64 / base as f64)
    };
    format!(
        "| {} | {} | {} | {} | {pct} |\n",
        r.kind, r.static_count, r.canonical, r.agree
    )
}

impl Parity {
    /// `{"kinds": [{"kind", "static", "canonical", "agree"}...], "disagreements": [...]}`.
    pub fn to_json(&self) -> Value {
        let kinds: Vec<Value> = self
            .kinds
            .iter()
            .map(|r| {
                serde_json::json!({"kind": r.kind, "static": r.static_count,
                    "canonical": r.canonical, "agree": r.agree})
            })
            .collect();
        let disagreements: Vec<Value> = self
            .disagreements
            .iter()
            .map(|d| {
                serde_json::json!({"kind": d.kind, "object": d.object, "why": d.why,
                    "static": d.static_form, "canonical": d.canonical_form})
            })
            .collect();
        serde_json::json!({"kinds": kinds, "disagreements": disagreements})
    }
}
