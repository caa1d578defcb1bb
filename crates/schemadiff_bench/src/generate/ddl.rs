//! SQL text for the generated objects. Variation between tables (types, defaults,
//! checks, index shapes) comes from a fixed-seed LCG keyed by the table index, so a
//! table's text depends only on its index, its parent and `hub_fanin`.

use std::fmt::Write;

/// `schema.name`; generated names are plain lowercase and never need quoting.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct QualifiedName {
    pub(super) schema: String,
    pub(super) name: String,
}

impl std::fmt::Display for QualifiedName {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}.{}", self.schema, self.name)
    }
}

/// The table a generated table's `parent_id` references.
#[derive(Debug, Clone)]
pub(super) struct Parent {
    pub(super) table: QualifiedName,
    pub(super) key_is_uuid: bool,
}

/// Whether table `i` has a uuid key (otherwise a bigint identity); a pure function
/// of `i` so children can type their FK column without seeing the parent.
pub(super) fn key_is_uuid(i: usize) -> bool {
    i % 3 != 0
}

pub(super) fn create_schema(name: &str) -> String {
    format!("-- Domain {name}.\nCREATE SCHEMA {name};\n")
}

pub(super) fn users_table() -> String {
    "-- Hub table: every domain references it.
CREATE TABLE core.users (
    id uuid NOT NULL DEFAULT gen_random_uuid(),
    email varchar(320) NOT NULL,
    display_name text,
    is_admin boolean NOT NULL DEFAULT false,
    preferences jsonb NOT NULL DEFAULT '{}'::jsonb,
    created_at timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT users_pkey PRIMARY KEY (id),
    CONSTRAINT users_email_key UNIQUE (email),
    CONSTRAINT users_email_check CHECK (position('@' in email) > 1)
);

CREATE INDEX users_created_at_idx ON core.users (created_at);
CREATE INDEX users_lower_email_idx ON core.users (lower(email));
"
    .to_owned()
}

/// Table `i` with ~10 columns, PK, FK(s), one UNIQUE, one CHECK and two indexes.
pub(super) fn table(i: usize, t: &QualifiedName, parent: &Parent, hub_fanin: bool) -> String {
    let mut rng = Lcg::new(i as u64);
    let n = &t.name;
    let mut cols: Vec<String> = Vec::new();
    cols.push(if key_is_uuid(i) {
        "id uuid NOT NULL DEFAULT gen_random_uuid()".into()
    } else {
        "id bigint GENERATED ALWAYS AS IDENTITY".into()
    });
    let parent_type = if parent.key_is_uuid { "uuid" } else { "bigint" };
    cols.push(format!("parent_id {parent_type} NOT NULL"));
    if hub_fanin {
        cols.push("user_id uuid NOT NULL".into());
    }
    cols.push(format!(
        "code varchar({}) NOT NULL",
        rng.pick(&[16, 32, 64, 100])
    ));
    cols.push("name text NOT NULL".into());
    let (p, s) = rng.pick(&[(10, 2), (12, 4), (18, 6)]);
    cols.push(format!("amount numeric({p},{s}) NOT NULL DEFAULT 0"));
    cols.push("quantity integer NOT NULL DEFAULT 1".into());
    cols.push("is_active boolean NOT NULL DEFAULT true".into());
    cols.push("attributes jsonb NOT NULL DEFAULT '{}'::jsonb".into());
    cols.push("created_at timestamptz NOT NULL DEFAULT now()".into());
    cols.push("updated_at timestamptz".into());
    if !hub_fanin || rng.below(2) == 0 {
        // Keeps the column count near 10 with or without user_id.
        cols.push(rng.pick(&["external_ref bigint", "notes text"]).to_string());
    }

    let on_delete = rng.pick(&["CASCADE", "RESTRICT", "NO ACTION"]);
    let mut cons = vec![
        format!("CONSTRAINT {n}_pkey PRIMARY KEY (id)"),
        format!(
            "CONSTRAINT {n}_parent_id_fkey FOREIGN KEY (parent_id) REFERENCES {} (id) ON DELETE {on_delete}",
            parent.table
        ),
    ];
    if hub_fanin {
        cons.push(format!(
            "CONSTRAINT {n}_user_id_fkey FOREIGN KEY (user_id) REFERENCES core.users (id)"
        ));
    }
    cons.push(format!(
        "CONSTRAINT {n}_parent_id_code_key UNIQUE (parent_id, code)"
    ));
    let check = rng.pick(&[
        "amount >= 0",
        "quantity > 0",
        "char_length(code) > 0",
        "updated_at IS NULL OR updated_at >= created_at",
    ]);
    cons.push(format!("CONSTRAINT {n}_check CHECK ({check})"));

    let mut sql = format!("-- Table {t}.\nCREATE TABLE {t} (\n");
    let body: Vec<String> = cols
        .iter()
        .chain(&cons)
        .map(|l| format!("    {l}"))
        .collect();
    sql.push_str(&body.join(",\n"));
    sql.push_str("\n);\n\n");
    // Writing to a String cannot fail.
    let _ = writeln!(sql, "CREATE INDEX {n}_parent_id_idx ON {t} (parent_id);");
    let second = match rng.below(4) {
        0 => format!("CREATE INDEX {n}_created_at_idx ON {t} (created_at DESC) WHERE is_active;"),
        1 => format!("CREATE INDEX {n}_attributes_idx ON {t} USING gin (attributes);"),
        2 => format!("CREATE INDEX {n}_lower_name_idx ON {t} (lower(name));"),
        _ if hub_fanin => format!("CREATE INDEX {n}_user_id_idx ON {t} (user_id, created_at);"),
        _ => format!("CREATE INDEX {n}_code_idx ON {t} (code text_pattern_ops);"),
    };
    let _ = writeln!(sql, "{second}");
    sql
}

/// A reporting view joining `child` to the table its `parent_id` references.
pub(super) fn view(v: &QualifiedName, child: &QualifiedName, parent: &Parent) -> String {
    format!(
        "-- Report view over {child} and its parent {parent}.
CREATE VIEW {v} AS
SELECT c.id,
       c.code,
       c.name,
       c.amount,
       c.created_at,
       p.code AS parent_code,
       p.name AS parent_name
FROM {child} AS c
JOIN {parent} AS p ON p.id = c.parent_id
WHERE c.is_active;
",
        parent = parent.table
    )
}

/// Knuth's MMIX LCG: tiny, dependency-free and fully deterministic.
#[derive(Debug)]
struct Lcg(u64);

impl Lcg {
    fn new(seed: u64) -> Lcg {
        let mut rng = Lcg(seed ^ 0x5DEE_CE66_D1CE_5EED);
        rng.next();
        rng
    }

    fn next(&mut self) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        // The high bits of an LCG are the well-mixed ones.
        self.0 >> 33
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    fn pick<T: Copy>(&mut self, items: &[T]) -> T {
        items[self.below(items.len())]
    }
}
