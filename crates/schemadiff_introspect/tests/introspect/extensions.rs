//! Extensions are kept; the objects they bring (PostGIS tables, functions, types) are not.

use crate::common::{catalog, ident, load, qn, read, table};
use schemadiff_introspect::Scope;

#[tokio::test]
async fn postgis_objects_are_excluded_but_the_extension_and_its_types_are_usable() {
    let c = catalog(
        "isp_postgis",
        r#"
        CREATE EXTENSION postgis;
        CREATE SCHEMA field;
        CREATE TABLE field.sites (
            id int PRIMARY KEY,
            location geography(Point, 4326) NOT NULL,
            area geometry(MultiPolygon, 4326),
            path geography[]
        );
        CREATE INDEX sites_location_idx ON field.sites USING gist (location);
        CREATE FUNCTION field.near(g geography) RETURNS boolean LANGUAGE sql
            AS 'SELECT true';
        "#,
    )
    .await;
    let postgis = &c.extensions[&ident("postgis")];
    assert_eq!(postgis.schema, Some(ident("public")));
    assert!(postgis
        .version
        .as_deref()
        .is_some_and(|v| v.starts_with('3')));

    // spatial_ref_sys, geometry_columns (a view), PostGIS functions and types: all out.
    let tables: Vec<_> = c.tables.keys().map(|k| k.to_string()).collect();
    assert_eq!(tables, ["field.sites"]);
    assert!(
        c.views.is_empty(),
        "{:?}",
        c.views.keys().collect::<Vec<_>>()
    );
    let functions: Vec<_> = c.functions.keys().map(|k| k.to_string()).collect();
    assert_eq!(functions, ["function field.near(geography)"]);
    assert!(
        c.types.is_empty(),
        "{:?}",
        c.types.keys().collect::<Vec<_>>()
    );
    assert!(c.sequences.is_empty());
    assert!(
        c.comments.is_empty(),
        "{:?}",
        c.comments.keys().collect::<Vec<_>>()
    );

    let sites = table(&c, "field", "sites");
    let ty = |n: &str| sites.column(&ident(n)).map(|c| c.ty.clone()).expect(n);
    let location = ty("location");
    assert_eq!(
        (
            location.schema.clone(),
            location.name.as_str(),
            location.modifiers.as_deref()
        ),
        (None, "geography", Some("Point,4326"))
    );
    assert_eq!(ty("area").to_string(), "geometry(MultiPolygon,4326)");
    assert_eq!(ty("path").to_string(), "geography[]");
    let gist = &c.indexes[&qn("field", "sites_location_idx")];
    assert_eq!(
        (gist.method.as_str(), gist.keys[0].opclass.clone()),
        ("gist", None)
    );
}

#[tokio::test]
async fn scope_limits_the_schemas_read() {
    let (db, all) = load(
        "isp_scope",
        r#"
        CREATE SCHEMA a; CREATE SCHEMA b;
        CREATE TABLE a.t (id int); CREATE TABLE b.t (id int);
        CREATE VIEW b.v AS SELECT id FROM a.t;
        "#,
    )
    .await;
    let schemas: Vec<_> = all.catalog.schemas.keys().map(|s| s.as_str()).collect();
    assert_eq!(schemas, ["a", "b", "public"]);
    let only_a = read(
        &db,
        &Scope {
            schemas: vec!["a".into()],
        },
    )
    .await;
    let schemas: Vec<_> = only_a.catalog.schemas.keys().map(|s| s.as_str()).collect();
    assert_eq!(schemas, ["a"]);
    assert_eq!(
        only_a.catalog.tables.keys().cloned().collect::<Vec<_>>(),
        [qn("a", "t")]
    );
    assert!(only_a.catalog.views.is_empty() && only_a.catalog.grants.is_empty());
    assert_eq!(only_a.queries, all.queries);
}
