//! Schema folders on disk: the files in load order, and copies with renamed files.

use std::path::{Path, PathBuf};

/// The sorted entries of a folder.
pub fn sorted_entries(dir: &Path) -> Vec<PathBuf> {
    let mut entries: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.expect("readable folder entry").path())
        .collect();
    entries.sort();
    entries
}

/// The domain folders of a schemas folder, sorted by name.
pub fn domains(schemas: &Path) -> Vec<PathBuf> {
    sorted_entries(schemas)
        .into_iter()
        .filter(|p| p.is_dir())
        .collect()
}

/// Every `.sql` file below `dir`, sorted by path (domain folder, then file name).
pub fn sql_files(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for entry in sorted_entries(dir) {
        if entry.is_dir() {
            out.extend(sql_files(&entry));
        } else if entry.extension().is_some_and(|e| e == "sql") {
            out.push(entry);
        }
    }
    out
}

/// The files' text concatenated in load order: what `psql` would run "as written".
pub fn concatenated(schemas: &Path) -> String {
    sql_files(schemas)
        .iter()
        .map(|f| std::fs::read_to_string(f).unwrap_or_else(|e| panic!("{}: {e}", f.display())))
        .collect::<Vec<_>>()
        .join("\n")
}

/// Copies `schemas` to `dest`, keeping domain folder names and renaming each domain's
/// files: `rename(index, count, name)` gets the file's position in sorted order.
pub fn copy_renamed(schemas: &Path, dest: &Path, rename: &dyn Fn(usize, usize, &str) -> String) {
    for domain in domains(schemas) {
        let target = dest.join(domain.file_name().expect("domain folder name"));
        std::fs::create_dir_all(&target).expect("domain folder creatable");
        let files = sql_files(&domain);
        for (i, file) in files.iter().enumerate() {
            let name = file
                .file_name()
                .and_then(|n| n.to_str())
                .expect("UTF-8 file name");
            std::fs::copy(file, target.join(rename(i, files.len(), name))).expect("file copyable");
        }
    }
}
