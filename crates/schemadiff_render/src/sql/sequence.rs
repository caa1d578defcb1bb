//! CREATE SEQUENCE and ALTER SEQUENCE ... OWNED BY.

use super::names::{id, qn, type_sql};
use schemadiff_model::Sequence;

pub fn create_sequence(s: &Sequence) -> String {
    let mut out = format!("CREATE SEQUENCE {}", qn(&s.name));
    if let Some(t) = &s.data_type {
        out.push_str(&format!(" AS {}", type_sql(t)));
    }
    for (word, value) in [
        ("INCREMENT BY", s.increment),
        ("MINVALUE", s.min_value),
        ("MAXVALUE", s.max_value),
        ("START WITH", s.start),
        ("CACHE", s.cache),
    ] {
        if let Some(v) = value {
            out.push_str(&format!(" {word} {v}"));
        }
    }
    if s.cycle {
        out.push_str(" CYCLE");
    }
    out
}

pub fn set_owner(s: &Sequence) -> String {
    match &s.owned_by {
        Some((table, column)) => format!(
            "ALTER SEQUENCE {} OWNED BY {}.{}",
            qn(&s.name),
            qn(table),
            id(column)
        ),
        None => format!("ALTER SEQUENCE {} OWNED BY NONE", qn(&s.name)),
    }
}

/// The options of `to` that differ from `from`, in one `ALTER SEQUENCE`.
pub fn alter_sequence(from: &Sequence, to: &Sequence) -> String {
    let mut out = format!("ALTER SEQUENCE {}", qn(&to.name));
    if from.data_type != to.data_type {
        match &to.data_type {
            Some(t) => out.push_str(&format!(" AS {}", type_sql(t))),
            None => out.push_str(" AS bigint"),
        }
    }
    let pairs = [
        ("INCREMENT BY", from.increment, to.increment, Some(1)),
        ("MINVALUE", from.min_value, to.min_value, None),
        ("MAXVALUE", from.max_value, to.max_value, None),
        ("START WITH", from.start, to.start, None),
        ("CACHE", from.cache, to.cache, Some(1)),
    ];
    for (word, a, b, reset) in pairs {
        if a == b {
            continue;
        }
        match (b, reset) {
            (Some(v), _) => out.push_str(&format!(" {word} {v}")),
            // Back to the default.
            (None, Some(d)) => out.push_str(&format!(" {word} {d}")),
            (None, None) => out.push_str(&format!(" NO {}", word)),
        }
    }
    if from.cycle != to.cycle {
        out.push_str(if to.cycle { " CYCLE" } else { " NO CYCLE" });
    }
    out
}
