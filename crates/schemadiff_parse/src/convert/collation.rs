//! CREATE COLLATION, and which collation an unqualified `COLLATE name` means.

use crate::ctx::Ctx;
use crate::pending::Expect;
use schemadiff_model::{Catalog, Collation, Ident, QualifiedName};
use sqlparser::ast::{self, CreateCollation, CreateCollationDefinition, Spanned, SqlOption};

/// Returns false when an option is not understood (the caller keeps the statement
/// verbatim, so PostgreSQL still sees it as written).
pub fn create_collation(ctx: &mut Ctx, c: &CreateCollation) -> bool {
    let name = ctx.qualify(&c.name);
    let mut collation = Collation {
        name: name.clone(),
        provider: "libc".to_string(),
        locale: None,
        lc_collate: None,
        lc_ctype: None,
        deterministic: true,
        rules: None,
        from: None,
        meta: ctx.meta(),
    };
    match &c.definition {
        CreateCollationDefinition::From(existing) => {
            collation.from = Some(super::table::collation(ctx, existing));
        }
        CreateCollationDefinition::Options(options) => {
            let mut locale = None;
            for option in options {
                let SqlOption::KeyValue { key, value } = option else {
                    return false;
                };
                let Some(value) = option_value(value) else {
                    return false;
                };
                match key.value.to_ascii_lowercase().as_str() {
                    "provider" => collation.provider = value.to_ascii_lowercase(),
                    "locale" => locale = Some(value),
                    "lc_collate" => collation.lc_collate = Some(value),
                    "lc_ctype" => collation.lc_ctype = Some(value),
                    "deterministic" => collation.deterministic = is_true(&value),
                    "rules" => collation.rules = Some(value),
                    // The provider's version is recorded by the server, never compared.
                    "version" => {}
                    _ => return false,
                }
            }
            // LOCALE sets LC_COLLATE and LC_CTYPE for libc, the ICU locale for icu.
            if let Some(locale) = locale {
                if collation.provider == "libc" {
                    collation.lc_collate.get_or_insert_with(|| locale.clone());
                    collation.lc_ctype.get_or_insert(locale);
                } else {
                    collation.locale = Some(locale);
                }
            }
        }
    }
    ctx.expect(
        Expect::Schema,
        QualifiedName::new(name.schema.clone(), name.schema.clone()),
        c.name.span(),
        format!("collation {name}"),
    );
    if c.if_not_exists && ctx.catalog.collations.contains_key(&name) {
        return true;
    }
    if let Err(dup) = ctx.catalog.add_collation(collation) {
        ctx.duplicate(*dup);
    }
    true
}

/// A string literal, an identifier (`provider = icu`) or a boolean, as text.
fn option_value(e: &ast::Expr) -> Option<String> {
    match e {
        ast::Expr::Value(v) => match &v.value {
            ast::Value::SingleQuotedString(s) => Some(s.clone()),
            ast::Value::Boolean(b) => Some(b.to_string()),
            ast::Value::Number(n, _) => Some(n.to_string()),
            _ => None,
        },
        ast::Expr::Identifier(id) => Some(id.value.clone()),
        _ => None,
    }
}

/// PostgreSQL's boolean spellings for an option.
fn is_true(v: &str) -> bool {
    matches!(
        v.to_ascii_lowercase().as_str(),
        "true" | "on" | "yes" | "1" | "t" | "y"
    )
}

/// Collations every PostgreSQL has in pg_catalog whatever the operating system's
/// locales: a file's collation of one of these names never hides the built-in one.
const ALWAYS_BUILT_IN: [&str; 6] = ["default", "C", "POSIX", "ucs_basic", "unicode", "pg_c_utf8"];

/// An unqualified `COLLATE numeric` was read as pg_catalog.numeric; when the files
/// create a collation of that name (in exactly one schema) and pg_catalog cannot have
/// one, it is that collation: PostgreSQL finds it on the search_path after pg_catalog.
pub fn resolve_unqualified(catalog: &mut Catalog) {
    if catalog.collations.is_empty() {
        return;
    }
    let mut by_name: std::collections::BTreeMap<Ident, Vec<QualifiedName>> = Default::default();
    for name in catalog.collations.keys() {
        by_name
            .entry(name.name.clone())
            .or_default()
            .push(name.clone());
    }
    let resolve = |c: Option<&mut QualifiedName>| {
        let Some(q) = c else { return };
        if q.schema.as_str() != "pg_catalog" || ALWAYS_BUILT_IN.contains(&q.name.as_str()) {
            return;
        }
        if let Some([only]) = by_name.get(&q.name).map(Vec::as_slice) {
            *q = only.clone();
        }
    };
    for t in catalog.tables.values_mut() {
        for column in &mut t.columns {
            resolve(column.collation.as_deref_mut());
        }
    }
    for ix in catalog.indexes.values_mut() {
        for key in &mut ix.keys {
            resolve(key.collation.as_mut());
        }
    }
    for t in catalog.types.values_mut() {
        match &mut t.def {
            schemadiff_model::TypeDef::Composite { attributes } => {
                attributes
                    .iter_mut()
                    .for_each(|a| resolve(a.collation.as_mut()));
            }
            schemadiff_model::TypeDef::Domain { collation, .. } => resolve(collation.as_mut()),
            schemadiff_model::TypeDef::Enum { .. } => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::{load_sources, SourceFile};
    use schemadiff_model::{Ident, QualifiedName};

    fn load(sql: &str) -> crate::Loaded {
        load_sources(vec![SourceFile {
            path: "t.sql".into(),
            domain: "d".to_string(),
            text: sql.into(),
        }])
    }

    #[test]
    fn collations_are_modelled_and_unqualified_uses_find_them() {
        let loaded = load(
            "CREATE TABLE t (a text COLLATE numeric, b text COLLATE \"C\", c text COLLATE \"en_US\");
             CREATE COLLATION numeric (provider = icu, locale = 'en-u-kn-true');
             CREATE COLLATION lib (locale = 'C.UTF-8', deterministic = false);
             CREATE COLLATION copy FROM \"POSIX\";",
        );
        assert!(loaded.diagnostics.is_empty(), "{:?}", loaded.diagnostics);
        let c = &loaded.catalog;
        assert!(c.statements.is_empty());
        let numeric = &c.collations[&QualifiedName::new("public", "numeric")];
        assert_eq!(
            (numeric.provider.as_str(), numeric.locale.as_deref()),
            ("icu", Some("en-u-kn-true"))
        );
        let lib = &c.collations[&QualifiedName::new("public", "lib")];
        assert_eq!(lib.provider, "libc");
        assert_eq!(lib.lc_collate.as_deref(), Some("C.UTF-8"));
        assert_eq!(lib.lc_ctype.as_deref(), Some("C.UTF-8"));
        assert!(!lib.deterministic);
        let copy = &c.collations[&QualifiedName::new("public", "copy")];
        assert_eq!(copy.from, Some(QualifiedName::new("pg_catalog", "POSIX")));
        let t = &c.tables[&QualifiedName::new("public", "t")];
        let collation = |name: &str| {
            t.column(&Ident::new(name))
                .and_then(|col| col.collation.as_deref().cloned())
        };
        assert_eq!(
            collation("a"),
            Some(QualifiedName::new("public", "numeric"))
        );
        assert_eq!(collation("b"), Some(QualifiedName::new("pg_catalog", "C")));
        assert_eq!(
            collation("c"),
            Some(QualifiedName::new("pg_catalog", "en_US"))
        );
    }

    #[test]
    fn a_collation_in_a_schema_the_files_never_create_is_reported() {
        let loaded = load("CREATE COLLATION nowhere.x (locale = 'C');");
        assert!(
            loaded
                .diagnostics
                .iter()
                .any(|d| d.is_error() && d.message.contains("nowhere")),
            "{:?}",
            loaded.diagnostics
        );
    }
}
