//! Robustness: the loader (and the planner on error-free results) never panics, on
//! empty, garbage, huge, deeply nested, unterminated and non-UTF-8 input, and every
//! diagnostic it emits has a consistent location and renders.

use schemadiff_parse::{load_path, load_sources, Code, Loaded, SourceFile};
use std::path::{Path, PathBuf};
use std::sync::Arc;

fn source(text: &str) -> SourceFile {
    SourceFile {
        path: Arc::from("input.sql"),
        domain: "fuzz".to_string(),
        text: Arc::from(text),
    }
}

/// 1-based (line, column in characters) of a byte offset, computed independently.
fn line_col(text: &str, offset: usize) -> (usize, usize) {
    let before = &text[..offset];
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    (
        before.matches('\n').count() + 1,
        before[line_start..].chars().count() + 1,
    )
}

/// Loads one text, checks every diagnostic's span and rendering, and plans it when clean.
fn load_checked(text: &str) -> Loaded {
    let loaded = load_sources(vec![source(text)]);
    let handler =
        miette::GraphicalReportHandler::new_themed(miette::GraphicalTheme::unicode_nocolor())
            .with_width(100);
    for d in &loaded.diagnostics {
        if let Some(l) = &d.location {
            let ok = l.start <= l.end
                && l.end <= text.len()
                && text.is_char_boundary(l.start)
                && text.is_char_boundary(l.end);
            assert!(
                ok,
                "bad span {}..{} for {:?}: {}",
                l.start,
                l.end,
                text,
                d.short()
            );
            assert_eq!((l.line, l.column), line_col(text, l.start), "{}", d.short());
        }
        let mut out = String::new();
        handler.render_report(&mut out, d).expect("renders");
        assert!(!d.short().is_empty());
    }
    if !loaded.has_errors() {
        // A dependency cycle is a legitimate answer; a panic is not.
        let _ = schemadiff_plan::plan_create(&loaded.catalog);
    }
    loaded
}

/// xorshift64: a fixed-seed generator, so every run checks the same inputs.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

#[test]
fn empty_and_comment_only_files_load_clean() {
    for text in [
        "",
        "\n\n",
        "   \t",
        "-- nothing here\n",
        "/* just a comment */",
        "-- a\n/* b */\n-- c",
    ] {
        let loaded = load_checked(text);
        assert!(
            loaded.diagnostics.is_empty(),
            "{text:?}: {:?}",
            loaded.diagnostics
        );
        assert!(loaded.catalog.tables.is_empty());
    }
}

#[test]
fn random_bytes_never_panic() {
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    const SQLISH: &[u8] = b"abcdeCREATtblIN(),;'\"`$-/*\n \t\\0123456789.=_:[]{}ENUMKY";
    for i in 0..4000 {
        let len = rng.below(if i % 10 == 0 { 2048 } else { 160 });
        let bytes: Vec<u8> = (0..len)
            .map(|_| match i % 2 {
                0 => rng.next() as u8,
                _ => SQLISH[rng.below(SQLISH.len())],
            })
            .collect();
        load_checked(&String::from_utf8_lossy(&bytes));
    }
}

/// Keywords, names and punctuation, `|`-separated, for random statement shuffles.
const VOCABULARY: &str = concat!(
    "CREATE|TABLE|INDEX|KEY|UNIQUE|VIEW|MATERIALIZED|FUNCTION|TRIGGER|SCHEMA|TYPE|AS|",
    "ENUM|ALTER|ADD|CONSTRAINT|PRIMARY|FOREIGN|REFERENCES|CHECK|NOT|NULL|DEFAULT|",
    "AUTO_INCREMENT|UNSIGNED|ENGINE|=|InnoDB|WITH|NO|DATA|ON|USING|gin|SET|",
    "search_path|TO|COMMENT|IS|SEQUENCE|OWNED|BY|DROP|INSERT|INTO|VALUES|BEGIN|",
    "ATOMIC|END|RETURNS|LANGUAGE|sql|plpgsql|PARTITION|OF|FOR|IF|EXISTS|t|u|s.t|id|",
    "bigint|text|int(10)|tinyint|geography|(|)|(|)|,|,|;|;|.|'a'|'|\"|\"Q\"|`b`|`|$$|",
    "$f$|$|/*|*/|--|\n|1|-1|::|[]|*|-- schemadiff:renamed-from old\n",
);

#[test]
fn keyword_shuffles_never_panic() {
    let vocabulary: Vec<&str> = VOCABULARY.split('|').collect();
    assert!(vocabulary.len() > 90);
    let mut rng = Rng(0x2545_F491_4F6C_DD1D);
    for _ in 0..3000 {
        let n = 1 + rng.below(60);
        let words: Vec<&str> = (0..n)
            .map(|_| vocabulary[rng.below(vocabulary.len())])
            .collect();
        let sep = if rng.below(3) == 0 { "" } else { " " };
        load_checked(&words.join(sep));
    }
}

fn big_table(i: usize) -> String {
    let parent = match i {
        0 => String::new(),
        _ => format!("\n    parent_id bigint REFERENCES app.t{} (id),", i - 1),
    };
    format!(
        "CREATE TABLE app.t{i} (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    tenant_id uuid NOT NULL,
    name text NOT NULL,
    email text NOT NULL UNIQUE,
    status text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'disabled')),{parent}
    payload jsonb NOT NULL DEFAULT '{{}}',
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz
);
CREATE INDEX t{i}_tenant_created_idx ON app.t{i} (tenant_id, created_at);

"
    )
}

#[test]
fn ten_megabyte_file_loads_without_errors() {
    let mut text = String::from("CREATE SCHEMA app;\n\n");
    let mut tables = 0;
    while text.len() < 10 * 1024 * 1024 {
        text.push_str(&big_table(tables));
        tables += 1;
    }
    let loaded = load_sources(vec![source(&text)]);
    let errors: Vec<String> = loaded
        .diagnostics
        .iter()
        .take(5)
        .map(|d| d.short())
        .collect();
    assert!(errors.is_empty(), "{errors:?}");
    assert_eq!(loaded.catalog.tables.len(), tables);
    assert_eq!(loaded.catalog.indexes.len(), tables);
    let last = loaded
        .catalog
        .tables
        .values()
        .find(|t| t.name.name.as_str() == format!("t{}", tables - 1));
    assert!(last.is_some_and(|t| t.columns.len() == 9));
}

#[test]
fn deeply_nested_parentheses_do_not_overflow() {
    let depth = 10_000;
    let check = format!("{}a > 0{}", "(".repeat(depth), ")".repeat(depth));
    let text =
        format!("CREATE TABLE deep (a int CHECK ({check}));\nCREATE TABLE after (id int);\n");
    let loaded = load_checked(&text);
    assert!(loaded
        .catalog
        .tables
        .keys()
        .any(|t| t.name.as_str() == "after"));
    load_checked(&format!(
        "CREATE TABLE open (a int CHECK {}",
        "(".repeat(depth)
    ));
    load_checked(&format!(
        "CREATE VIEW v AS SELECT {}1{};",
        "(".repeat(depth),
        ")".repeat(depth)
    ));
}

#[test]
fn unterminated_constructs_at_eof_are_errors() {
    let cases = [
        "CREATE TABLE t (a text DEFAULT 'abc",
        "CREATE TABLE \"t (a int);",
        "CREATE TABLE t (a int); /* never closed",
        "CREATE TABLE t (a int); /* nested /* once */",
        "CREATE FUNCTION f() RETURNS int LANGUAGE sql AS $$ SELECT 1",
        "CREATE FUNCTION f() RETURNS int LANGUAGE sql AS $body$ SELECT 1 $$;",
        "CREATE TABLE `t (a int);",
        "CREATE TABLE t (a text DEFAULT E'abc\\",
        "CREATE TABLE t (",
        "CREATE TABLE t (a int CHECK (a > 0",
    ];
    for text in cases {
        let loaded = load_checked(text);
        assert!(loaded.has_errors(), "{text:?} loads without an error");
    }
    for text in [
        "CREATE TABLE t (a int) -- trailing comment",
        "CREATE TABLE t (a int)\n$",
        "--",
    ] {
        load_checked(text);
    }
}

#[test]
fn nul_bytes_and_replacement_characters_never_panic() {
    let lossy = String::from_utf8_lossy(
        b"CREATE TABLE t (\xED\xA0\x80 int, b text DEFAULT '\xED\xBF\xBF');",
    );
    assert!(lossy.contains('\u{FFFD}'));
    for text in [
        "CREATE TABLE t\0 (id int);",
        "CREATE TABLE t (id int DEFAULT '\0');",
        "\0",
        "CREATE TABLE \u{FFFD} (id int);",
        "CREATE TABLE \"\u{FFFD}\u{FFFD}\" (\"\0\" int);",
        "\u{FFFD}\u{FFFD}\u{FFFD};\u{FFFD}",
        &lossy,
    ] {
        load_checked(text);
    }
}

fn temp_dir(name: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR"))
        .join(format!("robustness-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("temp dir");
    dir
}

#[test]
fn non_utf8_file_is_an_io_error() {
    let dir = temp_dir("latin1");
    let file = dir.join("latin1.sql");
    std::fs::write(&file, b"CREATE TABLE caf\xE9 (id int);\n").expect("write");
    let loaded = load_path(&file);
    assert!(loaded.has_errors());
    assert_eq!(loaded.diagnostics.len(), 1, "{:?}", loaded.diagnostics);
    let d = &loaded.diagnostics[0];
    assert_eq!(d.code, Code::Io);
    assert!(
        d.short().contains("io-error") && d.message.contains("UTF-8"),
        "{}",
        d.short()
    );
    assert!(d.help.is_some());
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn non_utf8_file_in_a_folder_does_not_stop_the_others() {
    let dir = temp_dir("folder");
    std::fs::create_dir_all(dir.join("app")).expect("domain folder");
    std::fs::write(dir.join("app/a.sql"), b"CREATE TABLE a (id int);\n").expect("write");
    std::fs::write(dir.join("app/b.sql"), b"\xFF\xFE C\x00R\x00").expect("write");
    let loaded = load_path(&dir);
    let codes: Vec<Code> = loaded.diagnostics.iter().map(|d| d.code).collect();
    assert_eq!(codes, vec![Code::Io]);
    assert!(loaded.has_errors());
    assert_eq!(loaded.catalog.tables.len(), 1);
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn missing_path_is_an_io_error() {
    let missing = Path::new(env!("CARGO_TARGET_TMPDIR")).join("no/such/schemas");
    let loaded = load_path(&missing);
    assert!(loaded.has_errors());
    assert_eq!(loaded.diagnostics.len(), 1);
    assert_eq!(loaded.diagnostics[0].code, Code::Io);
    assert!(
        loaded.diagnostics[0].message.contains("no such file"),
        "{}",
        loaded.diagnostics[0].short()
    );
    assert!(loaded.sources.is_empty() && loaded.catalog.tables.is_empty());
}
