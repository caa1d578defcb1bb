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
