//! User types: enums (label order), composites, domains; and sequences.

use crate::common::{catalog, ident, qn};
use schemadiff_model::{Expr, TypeDef, TypeName};

#[tokio::test]
async fn enums_composites_and_domains() {
    let c = catalog(
        "isp_types",
        r#"
        CREATE SCHEMA app;
        CREATE TYPE app.status AS ENUM ('new', 'done');
        ALTER TYPE app.status ADD VALUE 'started' BEFORE 'done';
        CREATE DOMAIN app.short_name AS varchar(20) COLLATE "C" DEFAULT 'x' NOT NULL
            CONSTRAINT short_name_not_blank CHECK (VALUE <> '')
            CONSTRAINT short_name_ascii CHECK (VALUE ~ '^[ -~]*$');
        CREATE DOMAIN app.positive AS numeric(10, 2) CHECK (VALUE > 0);
        CREATE TYPE app.pair AS (label app.short_name, amount numeric(10, 2), note text COLLATE "C", tags text[]);
        "#,
    )
    .await;
    let labels = match &c.types[&qn("app", "status")].def {
        TypeDef::Enum { labels } => labels.clone(),
        other => panic!("{other:?}"),
    };
    assert_eq!(labels, ["new", "started", "done"]);

    let TypeDef::Domain {
        base,
        default,
        not_null,
        collation,
        checks,
    } = &c.types[&qn("app", "short_name")].def
    else {
        panic!("not a domain")
    };
    assert_eq!(
        (base.name.as_str(), base.modifiers.as_deref()),
        ("character varying", Some("20"))
    );
    assert_eq!(
        default.as_ref().map(|d| d.sql.as_str()),
        Some("'x'::character varying")
    );
    assert!(*not_null);
    assert_eq!(collation, &Some(qn("pg_catalog", "C")));
    let names: Vec<_> = checks.iter().map(|(n, _)| n.as_str()).collect();
    assert_eq!(names, ["short_name_ascii", "short_name_not_blank"]);
    assert_eq!(checks[1].1, Expr::new("VALUE::text <> ''::text"));

    let TypeDef::Domain {
        checks,
        not_null,
        collation,
        ..
    } = &c.types[&qn("app", "positive")].def
    else {
        panic!("not a domain")
    };
    assert_eq!(checks[0].0, ident("positive_check"));
    assert!(!*not_null && collation.is_none());

    let TypeDef::Composite { attributes } = &c.types[&qn("app", "pair")].def else {
        panic!("not a composite")
    };
    let names: Vec<_> = attributes.iter().map(|a| a.name.as_str()).collect();
    assert_eq!(names, ["label", "amount", "note", "tags"]);
    assert_eq!(attributes[0].ty, TypeName::user(qn("app", "short_name")));
    assert_eq!(attributes[1].ty.to_string(), "numeric(10,2)");
    assert_eq!(attributes[2].collation, Some(qn("pg_catalog", "C")));
    assert_eq!(
        attributes[0].collation, None,
        "the domain's own collation is the default"
    );
    assert_eq!(attributes[3].ty.array_dims, 1);
    // Table row types and array types are not user types.
    assert_eq!(c.types.len(), 4);
}

#[tokio::test]
async fn standalone_sequences() {
    let c = catalog(
        "isp_sequences",
        r#"
        CREATE SCHEMA app;
        CREATE SEQUENCE app.plain;
        CREATE SEQUENCE app.custom AS integer INCREMENT BY 10 MINVALUE 5 MAXVALUE 1000 START WITH 50 CACHE 20 CYCLE;
        CREATE SEQUENCE app.down INCREMENT BY -1;
        CREATE TABLE app.t (n int);
        ALTER SEQUENCE app.plain OWNED BY app.t.n;
        "#,
    )
    .await;
    let plain = &c.sequences[&qn("app", "plain")];
    assert_eq!(plain.data_type, None);
    assert_eq!(plain.owned_by, Some((qn("app", "t"), ident("n"))));
    let custom = &c.sequences[&qn("app", "custom")];
    assert_eq!(custom.data_type, Some(TypeName::builtin("integer")));
    assert_eq!(
        (
            custom.increment,
            custom.min_value,
            custom.max_value,
            custom.start,
            custom.cache,
            custom.cycle
        ),
        (Some(10), Some(5), Some(1000), Some(50), Some(20), true)
    );
    assert_eq!(custom.owned_by, None);
    let down = &c.sequences[&qn("app", "down")];
    assert_eq!(
        (down.increment, down.min_value, down.max_value, down.start),
        (Some(-1), None, None, None)
    );
}
