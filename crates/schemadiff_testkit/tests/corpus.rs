//! The corpus helpers against the real test server: listing, roles, loading (with
//! setup, `.loadable` copies, run_as and search_path) and the fingerprint oracle.

use schemadiff_testkit::corpus::{
    cases, corpus_root, ensure_roles, fingerprint_compare, Case, Comparison, Side, Variant,
};
use schemadiff_testkit::TestDb;

fn all() -> Vec<Case> {
    cases(&corpus_root()).unwrap_or_else(|e| panic!("{e}"))
}

fn find(id: &str) -> Case {
    all()
        .into_iter()
        .find(|c| c.id() == id)
        .unwrap_or_else(|| panic!("no corpus case {id}"))
}

#[test]
fn lists_every_case_of_both_peers_sorted() {
    let cases = all();
    let count = |peer: &str| cases.iter().filter(|c| c.peer == peer).count();
    assert_eq!((count("migra"), count("sqldef")), (26, 797));
    let ids: Vec<String> = cases.iter().map(Case::id).collect();
    let mut sorted = ids.clone();
    sorted.sort();
    assert_eq!(ids, sorted);
    assert_eq!(cases.iter().filter(|c| c.has_setup).count(), 20);
    assert_eq!(cases.iter().filter(|c| c.has_to_loadable).count(), 17);
    assert!(cases.iter().all(|c| c.dir.join("to.sql").is_file()));
    let sqldef_topics = cases.iter().filter(|c| c.topic.is_some()).count();
    assert_eq!(sqldef_topics, 797);
}

#[test]
fn the_loadable_copy_is_used_only_when_asked_and_present() {
    let case = find("sqldef/types__AddEnumTypeColumn");
    assert!(case.has_to_loadable && !case.has_from_loadable);
    let name = |side, variant| {
        case.path(side, variant)
            .file_name()
            .and_then(|n| n.to_str().map(str::to_owned))
    };
    assert_eq!(
        name(Side::To, Variant::Loadable).as_deref(),
        Some("to.loadable.sql")
    );
    assert_eq!(
        name(Side::To, Variant::AsWritten).as_deref(),
        Some("to.sql")
    );
    assert_eq!(
        name(Side::From, Variant::Loadable).as_deref(),
        Some("from.sql")
    );
}

#[test]
fn run_as_and_search_path_decide_owner_and_schema() {
    let case = find("sqldef/datatypes__AddIntegerColumnOnNonStandardDefaultSchema");
    assert_eq!(case.run_as.as_deref(), Some("psqldef_user"));
    let db = TestDb::create("corpus_run_as");
    case.load(&db, Side::To, Variant::Loadable)
        .unwrap_or_else(|e| panic!("{e}"));
    // The unqualified CREATE TABLE items went to the first search_path schema, as run_as.
    let owner = db.query_scalar(
        "select pg_get_userbyid(relowner) from pg_class c join pg_namespace n \
         on n.oid = relnamespace where nspname = 'foo' and relname = 'items'",
    );
    assert_eq!(owner, "psqldef_user");
}

#[test]
fn the_same_side_twice_is_identical_and_the_other_side_is_not() {
    let case = find("migra/constraints");
    let (a, b, c) = (
        TestDb::create("corpus_fp_a"),
        TestDb::create("corpus_fp_b"),
        TestDb::create("corpus_fp_c"),
    );
    for (db, side) in [(&a, Side::To), (&b, Side::To), (&c, Side::From)] {
        case.load(db, side, Variant::Loadable)
            .unwrap_or_else(|e| panic!("{e}"));
    }
    assert_eq!(
        fingerprint_compare(&a.conninfo(), &b.conninfo()),
        Ok(Comparison::Equal)
    );
    match fingerprint_compare(&c.conninfo(), &a.conninfo()) {
        Ok(Comparison::Differ(diff)) => assert!(diff.contains("\n+"), "{diff}"),
        other => panic!("from and to of migra/constraints compared as {other:?}"),
    }
}

#[test]
fn a_failing_load_names_the_file() {
    let case = find("migra/constraints");
    let db = TestDb::create("corpus_fail");
    // Loading the same side twice fails on the second CREATE of the same object.
    case.load(&db, Side::To, Variant::AsWritten)
        .unwrap_or_else(|e| panic!("{e}"));
    let err = case.load(&db, Side::To, Variant::AsWritten).unwrap_err();
    assert!(
        err.contains("to.sql") && err.contains("already exists"),
        "{err}"
    );
}

#[test]
fn existing_roles_are_accepted_and_login_roles_get_login() {
    let role = format!("sdt corpus role {}", std::process::id());
    let server = TestDb::create("corpus_roles");
    let quoted = format!("\"{role}\"");
    // Created behind ensure_roles' back, without LOGIN: as another process would have.
    server
        .psql(&format!("CREATE ROLE {quoted} NOLOGIN"))
        .unwrap_or_else(|e| panic!("{e}"));
    let result = ensure_roles(std::slice::from_ref(&role), std::slice::from_ref(&role));
    let can_login = server.query_scalar(&format!(
        "select rolcanlogin from pg_roles where rolname = '{role}'"
    ));
    server
        .psql(&format!("DROP ROLE {quoted}"))
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(result, Ok(()));
    assert_eq!(can_login, "t");
}
