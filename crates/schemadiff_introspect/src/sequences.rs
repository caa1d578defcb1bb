//! Sequences (serial columns' included; identity columns' internal ones left out).
//!
//! Parameters equal to PostgreSQL's defaults for the sequence's type and direction
//! are `None`, as when a file does not write them; `data_type` is `None` for `bigint`.

use crate::ctx::{dup, live, Class, Ctx};
use crate::error::IntrospectError;
use crate::query::{Query, Rows};
use schemadiff_model::{Ident, ObjectId, QualifiedName, Sequence};

pub(crate) const QUERY: Query = Query {
    name: "sequences.sql",
    sql: include_str!("sequences.sql"),
    filtered: true,
};

/// A sequence's stored parameters.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct SeqParams {
    /// `int2`, `int4` or `int8` (by OID: 21, 23, 20).
    pub type_oid: u32,
    pub increment: i64,
    pub min: i64,
    pub max: i64,
    pub start: i64,
    pub cache: i64,
    pub cycle: bool,
}

impl SeqParams {
    /// The largest value of the sequence's integer type.
    fn type_max(&self) -> i64 {
        match self.type_oid {
            21 => i64::from(i16::MAX),
            23 => i64::from(i32::MAX),
            _ => i64::MAX,
        }
    }

    pub fn default_min(&self) -> i64 {
        if self.increment > 0 {
            1
        } else {
            -self.type_max() - 1
        }
    }

    pub fn default_max(&self) -> i64 {
        if self.increment > 0 {
            self.type_max()
        } else {
            -1
        }
    }

    pub fn default_start(&self) -> i64 {
        if self.increment > 0 {
            self.min
        } else {
            self.max
        }
    }

    /// `INCREMENT BY 5 START WITH 10 ...`: only the parameters that differ from the defaults.
    pub fn non_default_sql(&self) -> Option<String> {
        let mut parts = Vec::new();
        if self.increment != 1 {
            parts.push(format!("INCREMENT BY {}", self.increment));
        }
        if self.min != self.default_min() {
            parts.push(format!("MINVALUE {}", self.min));
        }
        if self.max != self.default_max() {
            parts.push(format!("MAXVALUE {}", self.max));
        }
        if self.start != self.default_start() {
            parts.push(format!("START WITH {}", self.start));
        }
        if self.cache != 1 {
            parts.push(format!("CACHE {}", self.cache));
        }
        if self.cycle {
            parts.push("CYCLE".to_string());
        }
        (!parts.is_empty()).then(|| parts.join(" "))
    }
}

pub(crate) fn load(ctx: &mut Ctx, rows: &Rows) -> Result<(), IntrospectError> {
    for row in rows.iter() {
        let oid: u32 = row.get("oid")?;
        let name = QualifiedName::new(row.get::<String>("nspname")?, row.get::<String>("relname")?);
        let p = SeqParams {
            type_oid: row.get("seqtypid")?,
            increment: row.get("seqincrement")?,
            min: row.get("seqmin")?,
            max: row.get("seqmax")?,
            start: row.get("seqstart")?,
            cache: row.get("seqcache")?,
            cycle: row.get("seqcycle")?,
        };
        let mut seq = Sequence::new(name.clone(), live(oid));
        if p.type_oid != 20 {
            let text: String = row.get("seq_type")?;
            seq.data_type = Some(ctx.types.resolve(p.type_oid, &text));
        }
        seq.increment = (p.increment != 1).then_some(p.increment);
        seq.min_value = (p.min != p.default_min()).then_some(p.min);
        seq.max_value = (p.max != p.default_max()).then_some(p.max);
        seq.start = (p.start != p.default_start()).then_some(p.start);
        seq.cache = (p.cache != 1).then_some(p.cache);
        seq.cycle = p.cycle;
        let owner: (Option<String>, Option<String>, Option<String>) = (
            row.get("owner_schema")?,
            row.get("owner_table")?,
            row.get("owner_column")?,
        );
        if let (Some(schema), Some(table), Some(column)) = owner {
            seq.owned_by = Some((QualifiedName::new(schema, table), Ident::new(column)));
        }
        ctx.remember(Class::Relation, oid, ObjectId::Sequence { name });
        ctx.catalog.add_sequence(seq).map_err(dup)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::SeqParams;

    #[test]
    fn only_non_default_parameters_are_rendered() {
        let mut p = SeqParams {
            type_oid: 23,
            increment: 1,
            min: 1,
            max: i64::from(i32::MAX),
            start: 1,
            cache: 1,
            cycle: false,
        };
        assert_eq!(p.non_default_sql(), None);
        p.start = 10;
        p.increment = 5;
        assert_eq!(
            p.non_default_sql().as_deref(),
            Some("INCREMENT BY 5 START WITH 10")
        );
        let desc = SeqParams {
            type_oid: 20,
            increment: -1,
            min: i64::MIN,
            max: -1,
            start: -1,
            cache: 1,
            cycle: false,
        };
        assert_eq!(desc.non_default_sql().as_deref(), Some("INCREMENT BY -1"));
    }
}
