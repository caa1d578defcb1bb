//! Collations (`CREATE COLLATION`): a named sort order columns, domains and indexes use.

use crate::ident::QualifiedName;
use crate::meta::ObjectMeta;
use serde::Serialize;

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Collation {
    pub name: QualifiedName,
    /// `libc`, `icu` (or `builtin` from PostgreSQL 17 on), lower case.
    pub provider: String,
    /// The provider's locale for `icu` (and `builtin`): `en-u-kn-true`.
    pub locale: Option<String>,
    /// `LC_COLLATE` and `LC_CTYPE` of a `libc` collation (both set, possibly equal).
    pub lc_collate: Option<String>,
    pub lc_ctype: Option<String>,
    /// False for a nondeterministic collation (strings compare equal when they sort
    /// equal, e.g. case-insensitively).
    pub deterministic: bool,
    /// ICU tailoring rules (`RULES`, PostgreSQL 16 on).
    pub rules: Option<String>,
    /// `CREATE COLLATION x FROM y` as written in a file: the settings are `y`'s, which
    /// only the server knows, so the other fields stay at their defaults. Never set on
    /// a collation read from a database.
    pub from: Option<QualifiedName>,
    #[serde(skip)]
    pub meta: ObjectMeta,
}

impl Collation {
    /// Whether the two define the same sort order. A `FROM` copy's settings are
    /// unknown, so it matches anything (only its name is compared).
    pub fn same_definition(&self, other: &Collation) -> bool {
        if self.from.is_some() || other.from.is_some() {
            return true;
        }
        self.provider == other.provider
            && self.locale == other.locale
            && self.lc_collate == other.lc_collate
            && self.lc_ctype == other.lc_ctype
            && self.deterministic == other.deterministic
            && self.rules == other.rules
    }
}
