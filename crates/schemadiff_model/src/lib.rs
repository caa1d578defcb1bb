//! The schemadiff catalog: pure data describing a PostgreSQL schema, one module per object kind.
//!
//! Nothing here does I/O or produces SQL text; parsers and introspection fill a
//! [`Catalog`], the differ compares two of them.

pub mod catalog;
pub mod collation;
pub mod comment;
pub mod constraint;
pub mod expr;
pub mod function;
pub mod grant;
pub mod ident;
pub mod index;
pub mod meta;
pub mod names;
pub mod object_id;
pub mod policy;
pub mod quote;
pub mod schema;
pub mod sequence;
pub mod statement;
pub mod table;
pub mod trigger;
pub mod types;
pub mod user_type;
pub mod vec_map;
pub mod view;

pub use catalog::{Catalog, Duplicate};
pub use collation::Collation;
pub use comment::Comment;
pub use constraint::{Constraint, ConstraintKind, Deferrable, FkAction, ForeignKey};
pub use expr::Expr;
pub use function::{ArgMode, Function, FunctionArg};
pub use grant::Grant;
pub use ident::{Ident, QualifiedName};
pub use index::{Index, IndexKey, IndexTarget};
pub use meta::{ObjectMeta, Origin, SourceSpan};
pub use object_id::{ObjectId, ObjectKind, ObjectRef, RefKind};
pub use policy::Policy;
pub use schema::{Extension, Schema};
pub use sequence::Sequence;
pub use smol_str::SmolStr;
pub use statement::VerbatimStatement;
pub use table::{Column, Identity, PartitionBy, PartitionOf, PartitionStrategy, Table};
pub use trigger::Trigger;
pub use types::{Canonical, SerialKind, TypeName};
pub use user_type::{CompositeAttribute, TypeDef, UserType};
pub use vec_map::VecMap;
pub use view::View;
