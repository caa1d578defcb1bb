//! `COMMENT ON` text attached to any object.

use crate::meta::ObjectMeta;
use crate::object_id::ObjectId;
use serde::Serialize;

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Comment {
    pub on: ObjectId,
    pub text: String,
    #[serde(skip)]
    pub meta: ObjectMeta,
}
