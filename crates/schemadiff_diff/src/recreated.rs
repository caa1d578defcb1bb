//! Types and functions that the change set drops and creates again, decided before any
//! kind is diffed: columns and constraints are compared before types and functions, and
//! must already make way for them (PostgreSQL refuses to drop a type a column uses, or
//! a function a default, check, index or policy calls).

use crate::function;
use crate::types;
use schemadiff_model::{Catalog, Expr, QualifiedName, RefKind, TypeDef, TypeName};
use std::collections::{BTreeMap, BTreeSet};

/// How a column of a recreated type gets out of its way while the type is dropped and
/// created again.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Detour {
    /// Altered to this type (a domain's base: binary coercible, no rewrite; `text`
    /// otherwise) and back with a cast once the new type exists.
    Through(TypeName),
    /// Dropped and added again: a composite's values cannot be carried over by
    /// position when its attributes move, and a wrong mapping would be silent. The
    /// drop carries the planner's data-loss hazard, so it is never silent.
    Readd,
}

/// Types and functions of the current catalog dropped and created again by name.
#[derive(Debug, Default)]
pub(crate) struct Recreated {
    /// Non-enum types (enums have `RecreateEnum`, which converts their columns itself).
    pub types: BTreeMap<QualifiedName, Detour>,
    /// Names of functions dropped and created again.
    pub functions: BTreeSet<QualifiedName>,
}

impl Recreated {
    pub fn find(cur: &Catalog, des: &Catalog) -> Recreated {
        let mut out = Recreated::default();
        for (name, c) in &cur.types {
            let Some(d) = des.types.get(name) else {
                continue;
            };
            if !types::recreated(c, d) {
                continue;
            }
            let detour = match (&c.def, &d.def) {
                (TypeDef::Composite { .. }, _) | (_, TypeDef::Composite { .. }) => Detour::Readd,
                (TypeDef::Domain { base, .. }, TypeDef::Domain { .. }) => {
                    Detour::Through(base.clone())
                }
                _ => Detour::Through(TypeName::builtin("text")),
            };
            out.types.insert(name.clone(), detour);
        }
        for (id, c) in &cur.functions {
            if des
                .functions
                .get(id)
                .is_some_and(|d| function::recreated(c, d))
            {
                out.functions.insert(c.name.clone());
            }
        }
        out
    }

    pub fn is_empty(&self) -> bool {
        self.types.is_empty() && self.functions.is_empty()
    }

    /// Whether the expression calls a recreated function or casts to a recreated type.
    pub fn used_by(&self, e: &Expr) -> bool {
        e.refs.iter().any(|r| match r.kind {
            RefKind::Function => self.functions.contains(&r.name),
            RefKind::Type => self.types.contains_key(&r.name),
            RefKind::Any => self.functions.contains(&r.name) || self.types.contains_key(&r.name),
            _ => false,
        })
    }

    /// The detour of a column of type `ty`, when its type (or element type) is recreated.
    pub fn detour(&self, ty: &TypeName) -> Option<&Detour> {
        self.types.get(&ty.qualified()?)
    }
}
