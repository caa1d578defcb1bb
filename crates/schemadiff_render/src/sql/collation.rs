//! CREATE and DROP COLLATION.

use super::names::{literal, qn};
use schemadiff_model::{Collation, QualifiedName};

/// `CREATE COLLATION s.n (provider = icu, locale = '...')`, or `FROM x` as the files
/// wrote it. Every setting is spelled out, so the result does not depend on defaults.
pub fn create_collation(c: &Collation) -> String {
    if let Some(from) = &c.from {
        return format!("CREATE COLLATION {} FROM {}", qn(&c.name), qn(from));
    }
    let mut options = vec![format!("provider = {}", c.provider)];
    if let Some(locale) = &c.locale {
        options.push(format!("locale = {}", literal(locale)));
    }
    if let Some(v) = &c.lc_collate {
        options.push(format!("lc_collate = {}", literal(v)));
    }
    if let Some(v) = &c.lc_ctype {
        options.push(format!("lc_ctype = {}", literal(v)));
    }
    if !c.deterministic {
        options.push("deterministic = false".to_string());
    }
    if let Some(rules) = &c.rules {
        options.push(format!("rules = {}", literal(rules)));
    }
    format!("CREATE COLLATION {} ({})", qn(&c.name), options.join(", "))
}

pub fn drop_collation(name: &QualifiedName) -> String {
    format!("DROP COLLATION {}", qn(name))
}

#[cfg(test)]
mod tests {
    use super::*;
    use schemadiff_model::ObjectMeta;

    fn collation(provider: &str) -> Collation {
        Collation {
            name: QualifiedName::new("public", "numeric"),
            provider: provider.to_string(),
            locale: None,
            lc_collate: None,
            lc_ctype: None,
            deterministic: true,
            rules: None,
            from: None,
            meta: ObjectMeta::default(),
        }
    }

    #[test]
    fn writes_every_setting_and_the_from_form() {
        let mut icu = collation("icu");
        icu.locale = Some("en-u-kn-true".to_string());
        icu.deterministic = false;
        assert_eq!(
            create_collation(&icu),
            "CREATE COLLATION public.\"numeric\" (provider = icu, locale = 'en-u-kn-true', deterministic = false)"
        );
        let mut libc = collation("libc");
        libc.lc_collate = Some("C".to_string());
        libc.lc_ctype = Some("C.UTF-8".to_string());
        assert_eq!(
            create_collation(&libc),
            "CREATE COLLATION public.\"numeric\" (provider = libc, lc_collate = 'C', lc_ctype = 'C.UTF-8')"
        );
        let mut copy = collation("libc");
        copy.from = Some(QualifiedName::new("pg_catalog", "POSIX"));
        assert_eq!(
            create_collation(&copy),
            "CREATE COLLATION public.\"numeric\" FROM pg_catalog.\"POSIX\""
        );
    }
}
