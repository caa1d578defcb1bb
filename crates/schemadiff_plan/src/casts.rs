//! What a column type change costs: whether PostgreSQL rewrites the table, and whether
//! values can be lost (narrowing) or rejected by the cast.

use schemadiff_model::TypeName;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub(crate) struct Conversion {
    /// The table and its indexes are rewritten under ACCESS EXCLUSIVE.
    pub rewrite: bool,
    /// Values may be truncated, rounded or no longer fit (`USING c::t` truncates
    /// varchar silently).
    pub narrowing: bool,
    /// The cast can reject existing values.
    pub may_fail: bool,
}

fn modifier_numbers(t: &TypeName) -> Vec<i64> {
    t.modifiers
        .as_deref()
        .map(|m| m.split(',').filter_map(|p| p.trim().parse().ok()).collect())
        .unwrap_or_default()
}

fn int_width(name: &str) -> Option<u8> {
    match name {
        "smallint" => Some(2),
        "integer" => Some(4),
        "bigint" => Some(8),
        _ => None,
    }
}

fn float_width(name: &str) -> Option<u8> {
    match name {
        "real" => Some(4),
        "double precision" => Some(8),
        _ => None,
    }
}

const VARLEN: [&str; 2] = ["character varying", "bit varying"];

pub(crate) fn classify(from: &TypeName, to: &TypeName) -> Conversion {
    if from == to {
        return Conversion::default();
    }
    let rewrite_fail = Conversion {
        rewrite: true,
        narrowing: false,
        may_fail: true,
    };
    if from.array_dims != to.array_dims || from.schema != to.schema {
        return rewrite_fail;
    }
    let (f, t) = (from.name.as_str(), to.name.as_str());
    let (fm, tm) = (modifier_numbers(from), modifier_numbers(to));
    // Binary-coercible changes PostgreSQL does without a rewrite.
    if (VARLEN.contains(&f) && f == t) || (f == "character varying" && t == "text") {
        return match (fm.first(), tm.first()) {
            (_, None) => Conversion::default(),
            (Some(a), Some(b)) if b >= a => Conversion::default(),
            _ => Conversion {
                rewrite: false,
                narrowing: true,
                may_fail: true,
            },
        };
    }
    if f == "text" && t == "character varying" {
        return Conversion {
            rewrite: false,
            narrowing: !tm.is_empty(),
            may_fail: !tm.is_empty(),
        };
    }
    if f == "numeric" && t == "numeric" {
        return match (fm.as_slice(), tm.as_slice()) {
            (_, []) => Conversion::default(),
            ([p1], [p2]) | ([p1, 0], [p2]) | ([p1], [p2, 0]) if p2 >= p1 => Conversion::default(),
            ([p1, s1], [p2, s2]) if s1 == s2 && p2 >= p1 => Conversion::default(),
            _ => Conversion {
                rewrite: true,
                narrowing: true,
                may_fail: true,
            },
        };
    }
    if f == "cidr" && t == "inet" {
        return Conversion::default();
    }
    if let (Some(a), Some(b)) = (int_width(f), int_width(t)) {
        return Conversion {
            rewrite: true,
            narrowing: b < a,
            may_fail: b < a,
        };
    }
    if let (Some(a), Some(b)) = (float_width(f), float_width(t)) {
        return Conversion {
            rewrite: true,
            narrowing: b < a,
            may_fail: false,
        };
    }
    if float_width(f).is_some() && (int_width(t).is_some() || t == "numeric") {
        return Conversion {
            rewrite: true,
            narrowing: true,
            may_fail: true,
        };
    }
    if f == t {
        // Same type, other modifiers (char(n), timestamp(p), time(p), interval...).
        let smaller = matches!((fm.first(), tm.first()), (None, Some(_)))
            || matches!((fm.first(), tm.first()), (Some(a), Some(b)) if b < a);
        return Conversion {
            rewrite: true,
            narrowing: smaller,
            may_fail: smaller,
        };
    }
    rewrite_fail
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ty(name: &str, m: Option<&str>) -> TypeName {
        let mut t = TypeName::builtin(name);
        t.modifiers = m.map(str::to_string);
        t
    }

    #[test]
    fn widening_varchar_and_numeric_does_not_rewrite() {
        let c = classify(
            &ty("character varying", Some("10")),
            &ty("character varying", Some("20")),
        );
        assert_eq!(c, Conversion::default());
        assert_eq!(
            classify(&ty("character varying", Some("10")), &ty("text", None)),
            Conversion::default()
        );
        assert!(!classify(&ty("numeric", Some("5,2")), &ty("numeric", Some("7,2"))).rewrite);
    }

    #[test]
    fn narrowing_is_flagged() {
        let c = classify(
            &ty("character varying", Some("20")),
            &ty("character varying", Some("10")),
        );
        assert!(c.narrowing && !c.rewrite);
        let c = classify(&ty("bigint", None), &ty("integer", None));
        assert!(c.narrowing && c.rewrite && c.may_fail);
        let c = classify(&ty("integer", None), &ty("bigint", None));
        assert!(!c.narrowing && c.rewrite && !c.may_fail);
        let c = classify(&ty("numeric", Some("7,2")), &ty("numeric", Some("7,1")));
        assert!(c.narrowing);
    }

    #[test]
    fn unrelated_types_rewrite_and_may_fail() {
        let c = classify(&ty("text", None), &ty("integer", None));
        assert!(c.rewrite && c.may_fail && !c.narrowing);
    }
}
