//! The "desired" side of the diff benchmark: a generated schema with a share of its
//! tables edited the ways schemas usually change (a column added, dropped or widened,
//! an index added or dropped).

use super::GeneratedFile;

/// The edits, applied round-robin to every affected table.
const EDITS: usize = 5;

/// Edits one table in `every` (table 0, `every`, `2 * every`, ...), cycling through the
/// edits, and returns how many tables were edited. Other files are left untouched.
pub fn mutate(files: &mut [GeneratedFile], every: usize) -> usize {
    let every = every.max(1);
    let mut edited = 0;
    for file in files.iter_mut() {
        let Some(i) = table_number(&file.path) else {
            continue;
        };
        if i % every != 0 {
            continue;
        }
        let before = file.text.clone();
        file.text = edit(&file.text, i, (i / every) % EDITS);
        if file.text != before {
            edited += 1;
        }
    }
    edited
}

/// `d03/t00042.sql` → 42.
fn table_number(path: &str) -> Option<usize> {
    let name = path.rsplit('/').next()?;
    name.strip_prefix('t')?.strip_suffix(".sql")?.parse().ok()
}

fn edit(text: &str, i: usize, which: usize) -> String {
    let table = format!("t{i:05}");
    match which {
        0 => text.replacen(
            "    name text NOT NULL,\n",
            "    name text NOT NULL,\n    note_added text,\n",
            1,
        ),
        1 => drop_unused_column(text),
        2 => widen_code(text),
        3 => match text.rfind("CREATE INDEX") {
            // The table's second index is the last statement of its file.
            Some(at) if text[..at].contains("CREATE INDEX") => text[..at].to_string(),
            _ => text.to_string(),
        },
        _ => {
            let schema = text
                .lines()
                .find_map(|l| l.strip_prefix("CREATE TABLE "))
                .and_then(|rest| rest.split('.').next())
                .unwrap_or("public");
            format!("{text}CREATE INDEX {table}_name_idx ON {schema}.{table} (name);\n")
        }
    }
}

/// Drops a column nothing else in the file (check, index) mentions.
fn drop_unused_column(text: &str) -> String {
    for line in [
        "    quantity integer NOT NULL DEFAULT 1,\n",
        "    attributes jsonb NOT NULL DEFAULT '{}'::jsonb,\n",
    ] {
        let column = line.split_whitespace().next().unwrap_or_default();
        if text.contains(line) && text.matches(column).count() == 1 {
            return text.replacen(line, "", 1);
        }
    }
    text.to_string()
}

/// `code varchar(32)` → `code varchar(200)`: a type change under a reporting view.
fn widen_code(text: &str) -> String {
    let Some(at) = text.find("code varchar(") else {
        return text.to_string();
    };
    let digits = at + "code varchar(".len();
    let Some(close) = text[digits..].find(')') else {
        return text.to_string();
    };
    format!("{}200{}", &text[..digits], &text[digits + close..])
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::generate::{generate, GenerateOptions};

    #[test]
    fn edits_one_table_in_ten_with_every_kind_of_edit() {
        let options = GenerateOptions {
            tables: 100,
            schemas: 4,
            hub_fanin: false,
        };
        let original = generate(&options);
        let mut files = original.clone();
        assert_eq!(mutate(&mut files, 10), 10);
        let changed: Vec<_> = original
            .iter()
            .zip(&files)
            .filter(|(a, b)| a.text != b.text)
            .map(|(_, b)| b.text.clone())
            .collect();
        assert_eq!(changed.len(), 10);
        assert!(changed.iter().any(|t| t.contains("note_added text")));
        assert!(changed.iter().any(|t| t.contains("varchar(200)")));
        assert!(changed.iter().any(|t| t.contains("_name_idx ON")));
        assert!(changed
            .iter()
            .any(|t| t.matches("CREATE INDEX").count() == 1));
        let dropped =
            |t: &&String| !t.contains("quantity integer") || !t.contains("attributes jsonb");
        assert!(changed.iter().any(|t| dropped(&t)));
    }
}
