//! Tables (ordinary, partitioned, partitions, unlogged) and their columns.

use crate::constraint::Constraint;
use crate::expr::Expr;
use crate::ident::{Ident, QualifiedName};
use crate::meta::ObjectMeta;
use crate::types::TypeName;
use crate::vec_map::VecMap;
use serde::Serialize;

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Table {
    pub name: QualifiedName,
    /// Declaration order; comparisons ignore it, creation keeps it.
    pub columns: Vec<Column>,
    pub constraints: VecMap<Ident, Constraint>,
    pub partition_by: Option<PartitionBy>,
    pub partition_of: Option<PartitionOf>,
    pub inherits: Vec<QualifiedName>,
    pub unlogged: bool,
    pub rls_enabled: bool,
    pub rls_forced: bool,
    /// Storage parameters from `WITH (...)`, as `name=value`.
    pub options: Vec<String>,
    #[serde(skip)]
    pub meta: ObjectMeta,
}

impl Table {
    pub fn new(name: QualifiedName, meta: ObjectMeta) -> Table {
        Table {
            name,
            columns: Vec::new(),
            constraints: VecMap::new(),
            partition_by: None,
            partition_of: None,
            inherits: Vec::new(),
            unlogged: false,
            rls_enabled: false,
            rls_forced: false,
            options: Vec::new(),
            meta,
        }
    }

    pub fn column(&self, name: &Ident) -> Option<&Column> {
        self.columns.iter().find(|c| &c.name == name)
    }

    pub fn column_mut(&mut self, name: &Ident) -> Option<&mut Column> {
        self.columns.iter_mut().find(|c| &c.name == name)
    }

    pub fn primary_key(&self) -> Option<&Constraint> {
        self.constraints
            .values()
            .find(|c| matches!(c.kind, crate::constraint::ConstraintKind::PrimaryKey { .. }))
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Column {
    pub name: Ident,
    pub ty: TypeName,
    pub not_null: bool,
    pub default: Option<Expr>,
    // The rare attributes are boxed: an empty one costs 8 bytes instead of 32-48, and a
    // big catalog holds a hundred thousand columns.
    pub identity: Option<Box<Identity>>,
    /// `GENERATED ALWAYS AS (expr) STORED`.
    pub generated: Option<Box<Expr>>,
    pub collation: Option<Box<QualifiedName>>,
    #[serde(skip)]
    pub meta: ObjectMeta,
}

impl Column {
    pub fn new(name: Ident, ty: TypeName) -> Column {
        Column {
            name,
            ty,
            not_null: false,
            default: None,
            identity: None,
            generated: None,
            collation: None,
            meta: ObjectMeta::default(),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Identity {
    /// `ALWAYS` (true) or `BY DEFAULT` (false).
    pub always: bool,
    /// Sequence options as written (`START WITH 10 INCREMENT BY 5`), if any.
    pub options: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum PartitionStrategy {
    Range,
    List,
    Hash,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PartitionBy {
    pub strategy: PartitionStrategy,
    /// Key columns or expressions as SQL text.
    pub keys: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PartitionOf {
    pub parent: QualifiedName,
    /// `FOR VALUES ...` or `DEFAULT`, as SQL text.
    pub bound: String,
}
