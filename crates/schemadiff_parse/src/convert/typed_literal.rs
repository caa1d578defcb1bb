//! `money '1.00'`: a string typed by a name sqlparser does not know as a type.
//!
//! PostgreSQL reads `type 'string'` as a literal of that type for any type name; sqlparser
//! only for its built-in type words. `prepare` blanks the type word and records where
//! the string starts; here the string becomes a typed string again, so the expression
//! text is the file's.

use crate::prepare::TypedLiteral;
use sqlparser::ast::{
    DataType, Expr, Ident, ObjectName, ObjectNamePart, Statement, TypedString, Value, VisitMut,
    VisitorMut,
};
use std::ops::ControlFlow;

/// A copy of `stmt` with each recorded string literal typed again.
pub fn restore(stmt: &Statement, literals: &[TypedLiteral]) -> Statement {
    let mut out = stmt.clone();
    let _ = out.visit(&mut Restore { literals });
    out
}

struct Restore<'a> {
    literals: &'a [TypedLiteral],
}

impl VisitorMut for Restore<'_> {
    type Break = ();

    fn post_visit_expr(&mut self, e: &mut Expr) -> ControlFlow<()> {
        let Expr::Value(v) = e else {
            return ControlFlow::Continue(());
        };
        if !matches!(v.value, Value::SingleQuotedString(_)) {
            return ControlFlow::Continue(());
        }
        let at = (v.span.start.line, v.span.start.column);
        if let Some(lit) = self.literals.iter().find(|l| (l.line, l.column) == at) {
            let name = Ident {
                value: lit.type_name.clone(),
                quote_style: lit.quoted.then_some('"'),
                span: v.span,
            };
            *e = Expr::TypedString(TypedString {
                data_type: DataType::Custom(
                    ObjectName(vec![ObjectNamePart::Identifier(name)]),
                    Vec::new(),
                ),
                value: v.clone(),
                uses_odbc_syntax: false,
            });
        }
        ControlFlow::Continue(())
    }
}
