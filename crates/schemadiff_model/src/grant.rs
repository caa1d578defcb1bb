//! Privileges granted on objects.

use crate::ident::Ident;
use crate::meta::ObjectMeta;
use crate::object_id::ObjectId;
use serde::Serialize;
use std::collections::BTreeSet;

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Grant {
    pub on: ObjectId,
    /// Role name, or `public`.
    pub grantee: Ident,
    /// Upper-case privilege names (`SELECT`, `USAGE`, ...); column grants as `SELECT (a, b)`.
    pub privileges: BTreeSet<String>,
    pub with_grant_option: bool,
    #[serde(skip)]
    pub meta: ObjectMeta,
}
