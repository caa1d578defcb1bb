//! Schemas and extensions.

use crate::ident::Ident;
use crate::meta::ObjectMeta;
use serde::Serialize;

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Schema {
    pub name: Ident,
    pub authorization: Option<Ident>,
    #[serde(skip)]
    pub meta: ObjectMeta,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Extension {
    pub name: Ident,
    /// The schema the extension's objects go into (`WITH SCHEMA`), if given.
    pub schema: Option<Ident>,
    pub version: Option<String>,
    #[serde(skip)]
    pub meta: ObjectMeta,
}
