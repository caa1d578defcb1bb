//! CREATE SEQUENCE -> a model sequence.

use super::types::plain_type;
use crate::ctx::Ctx;
use crate::pending::Expect;
use schemadiff_model::{QualifiedName, Sequence};
use sqlparser::ast::{self, DataType, ObjectName, SequenceOptions, Spanned};

pub fn create_sequence(
    ctx: &mut Ctx,
    name: &ObjectName,
    data_type: Option<&DataType>,
    options: &[SequenceOptions],
    owned_by: Option<&ObjectName>,
) {
    let qname = ctx.qualify(name);
    ctx.expect(
        Expect::Schema,
        QualifiedName::new(qname.schema.clone(), qname.schema.clone()),
        name.span(),
        format!("sequence {qname}"),
    );
    let mut seq = Sequence::new(qname, ctx.meta());
    seq.data_type = data_type.map(|d| plain_type(ctx, d));
    for opt in options {
        match opt {
            SequenceOptions::IncrementBy(e, _) => seq.increment = int(e),
            SequenceOptions::MinValue(e) => seq.min_value = e.as_ref().and_then(int),
            SequenceOptions::MaxValue(e) => seq.max_value = e.as_ref().and_then(int),
            SequenceOptions::StartWith(e, _) => seq.start = int(e),
            SequenceOptions::Cache(e) => seq.cache = int(e),
            SequenceOptions::Cycle(no) => seq.cycle = !no,
        }
    }
    if let Some(owner) = owned_by {
        // OWNED BY table.column (or schema.table.column).
        let parts = &owner.0;
        if parts.len() >= 2 {
            let table = ObjectName(parts[..parts.len() - 1].to_vec());
            let column = ObjectName(parts[parts.len() - 1..].to_vec());
            let table = ctx.qualify(&table);
            let column = ctx.qualify(&column).name;
            ctx.expect(
                Expect::Table,
                table.clone(),
                owner.span(),
                format!("sequence {} (OWNED BY)", seq.name),
            );
            seq.owned_by = Some((table, column));
        }
    }
    if let Err(dup) = ctx.catalog.add_sequence(seq) {
        ctx.duplicate(*dup);
    }
}

fn int(e: &ast::Expr) -> Option<i64> {
    match e {
        ast::Expr::Value(v) => match &v.value {
            ast::Value::Number(n, _) => n.parse().ok(),
            _ => None,
        },
        ast::Expr::UnaryOp {
            op: ast::UnaryOperator::Minus,
            expr,
        } => int(expr).map(|n| -n),
        _ => None,
    }
}
