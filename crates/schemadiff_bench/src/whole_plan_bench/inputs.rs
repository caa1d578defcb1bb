//! The two states the whole-plan benchmark compares, on disk and in databases: the
//! generated schema (current: files and `schemadiff_bench_<N>`, built by the introspect
//! benchmark's [`prepare`](crate::introspect_bench::prepare)) and the same schema with
//! one table in `every` edited (desired: files, and a database of its own for migra).

use super::changes::edited_tables;
use super::server::Server;
use super::BenchError;
use crate::generate::{generate, mutate, write_to_dir, GenerateOptions, GeneratedFile};
use crate::introspect_bench::{database_name, load_files, psql, Preparation};
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

/// Both states as schema files, and which tables differ.
#[derive(Debug, Clone)]
pub struct SchemaFiles {
    /// The generated schema as written (what the current database was built from).
    pub current_dir: PathBuf,
    /// The generated schema with one table in `every` edited.
    pub desired_dir: PathBuf,
    pub desired: Vec<GeneratedFile>,
    /// Numbers of the edited tables (`t00042` → 42).
    pub edited: BTreeSet<usize>,
}

/// Generates both states and writes them to `root/current` and `root/desired` (each
/// emptied first).
pub fn write_schema_files(
    shape: &GenerateOptions,
    every: usize,
    root: &Path,
) -> Result<SchemaFiles, BenchError> {
    let current = generate(shape);
    let mut desired = current.clone();
    mutate(&mut desired, every);
    let edited = edited_tables(&current, &desired);
    let (current_dir, desired_dir) = (root.join("current"), root.join("desired"));
    for (dir, files) in [(&current_dir, &current), (&desired_dir, &desired)] {
        if dir.exists() {
            std::fs::remove_dir_all(dir).map_err(|e| format!("emptying {}: {e}", dir.display()))?;
        }
        write_to_dir(files, dir).map_err(|e| format!("writing {}: {e}", dir.display()))?;
    }
    Ok(SchemaFiles {
        current_dir,
        desired_dir,
        desired,
        edited,
    })
}

/// `schemadiff_bench_<N>…_desired_e<every>`: next to the current database's name.
pub fn desired_database_name(shape: &GenerateOptions, every: usize) -> String {
    format!("{}_desired_e{}", database_name(shape), every.max(1))
}

/// Makes sure the desired database exists on `server` holding `files`: reused when its
/// marker (a fingerprint of the files) matches, unless `rebuild`. Returns its URL.
pub fn prepare_desired(
    server: &Server,
    name: &str,
    shape: &GenerateOptions,
    files: &[GeneratedFile],
    rebuild: bool,
) -> Result<(String, Preparation), BenchError> {
    let maintenance = server.maintenance_url();
    let url = server.url(name);
    let marker = format!(
        "schemadiff-bench whole-plan desired state: fnv1a={:016x}",
        fingerprint(files)
    );
    let comment = psql(
        &maintenance,
        &[
            "-tA",
            "-c",
            &format!(
                "SELECT shobj_description(oid, 'pg_database') FROM pg_database \
                 WHERE datname = '{name}'"
            ),
        ],
    )?;
    if !rebuild && comment.trim() == marker {
        return Ok((url, Preparation::Reused));
    }
    let drop = format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)");
    psql(&maintenance, &["-c", &drop])?;
    let create = format!(
        "CREATE DATABASE {name} TEMPLATE template0 ENCODING 'UTF8' LC_COLLATE 'C' LC_CTYPE 'C'"
    );
    psql(&maintenance, &["-c", &create])?;
    let summary = load_files(&url, shape, files)?;
    psql(
        &url,
        &["-c", &format!("COMMENT ON DATABASE {name} IS '{marker}'")],
    )?;
    Ok((url, Preparation::Built(summary)))
}

/// Drops database `name` (if it exists).
pub fn drop_database(server: &Server, name: &str) -> Result<(), BenchError> {
    let drop = format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)");
    psql(&server.maintenance_url(), &["-c", &drop]).map(|_| ())
}

/// FNV-1a over every file's path and text: stable across runs and Rust versions, so a
/// changed generator or edit set rebuilds the desired database.
fn fingerprint(files: &[GeneratedFile]) -> u64 {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for file in files {
        for byte in file.path.bytes().chain([0]).chain(file.text.bytes()) {
            hash ^= u64::from(byte);
            hash = hash.wrapping_mul(0x0100_0000_01b3);
        }
    }
    hash
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn writes_both_states_and_knows_the_edited_tables() {
        let shape = GenerateOptions {
            tables: 40,
            schemas: 3,
            hub_fanin: false,
        };
        let root = std::env::temp_dir().join(format!(
            "schemadiff_bench_whole_plan_inputs_{}",
            std::process::id()
        ));
        let files = write_schema_files(&shape, 10, &root).expect("writes");
        assert_eq!(files.edited, BTreeSet::from([0, 10, 20, 30]));
        let edited = std::fs::read_to_string(files.desired_dir.join("d00/t00000.sql"))
            .expect("desired file");
        let original = std::fs::read_to_string(files.current_dir.join("d00/t00000.sql"))
            .expect("current file");
        assert_ne!(edited, original);
        assert!(files.current_dir.join("core/users.sql").is_file());
        // Writing again replaces the folders (a file left from a bigger N would linger).
        std::fs::write(files.desired_dir.join("d00/stale.sql"), "x").expect("writes");
        write_schema_files(&shape, 10, &root).expect("writes again");
        assert!(!files.desired_dir.join("d00/stale.sql").exists());
        std::fs::remove_dir_all(&root).expect("cleans up");
        assert_eq!(
            desired_database_name(&shape, 10),
            "schemadiff_bench_40_s3_desired_e10"
        );
        let mut changed = files.desired.clone();
        assert_eq!(fingerprint(&changed), fingerprint(&files.desired));
        changed[0].text.push(' ');
        assert_ne!(fingerprint(&changed), fingerprint(&files.desired));
    }
}
