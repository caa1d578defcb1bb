//! Finds the schema files under `--schemas`: a folder of domain folders, or one `.sql` file.

use crate::diagnostic::{Code, Diagnostic, SourceFile};
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// Reads every `.sql` file below `root`, sorted by path. Files directly under a
/// domain folder `root/<domain>/**` belong to that domain; files directly in `root`
/// belong to a domain named after `root` itself; a single file is its own domain.
pub fn discover(root: &Path) -> (Vec<SourceFile>, Vec<Diagnostic>) {
    let mut files = Vec::new();
    let mut diags = Vec::new();
    if root.is_file() {
        let domain = stem(root);
        read_into(root, &domain, &mut files, &mut diags);
        return (files, diags);
    }
    if !root.is_dir() {
        diags.push(
            Diagnostic::error(
                Code::Io,
                format!("{}: no such file or folder", root.display()),
            )
            .with_help("pass --schemas a folder of domain folders or a .sql file"),
        );
        return (files, diags);
    }
    let mut paths = Vec::new();
    collect_sql(root, &mut paths, &mut diags);
    paths.sort();
    let root_domain = stem(root);
    for path in paths {
        let rel = path.strip_prefix(root).unwrap_or(&path);
        let mut parts = rel.components();
        let first = parts
            .next()
            .map(|c| c.as_os_str().to_string_lossy().into_owned());
        let domain = match (first, parts.next()) {
            (Some(dir), Some(_)) => dir,
            _ => root_domain.clone(),
        };
        read_into(&path, &domain, &mut files, &mut diags);
    }
    if files.is_empty() && diags.is_empty() {
        diags.push(
            Diagnostic::warning(Code::Io, format!("{}: no .sql files found", root.display()))
                .with_help("schema files are `<folder>/<domain>/*.sql`"),
        );
    }
    (files, diags)
}

fn stem(path: &Path) -> String {
    path.file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .filter(|s| !s.is_empty() && s != ".")
        .unwrap_or_else(|| "default".to_string())
}

fn collect_sql(dir: &Path, out: &mut Vec<PathBuf>, diags: &mut Vec<Diagnostic>) {
    let entries = match std::fs::read_dir(dir) {
        Ok(e) => e,
        Err(e) => {
            diags.push(Diagnostic::error(
                Code::Io,
                format!("{}: {e}", dir.display()),
            ));
            return;
        }
    };
    for entry in entries.flatten() {
        let path = entry.path();
        // Hidden folders (.git, editor state) are never schema.
        if entry.file_name().to_string_lossy().starts_with('.') {
            continue;
        }
        if path.is_dir() {
            collect_sql(&path, out, diags);
        } else if path
            .extension()
            .is_some_and(|e| e.eq_ignore_ascii_case("sql"))
        {
            out.push(path);
        }
    }
}

fn read_into(path: &Path, domain: &str, files: &mut Vec<SourceFile>, diags: &mut Vec<Diagnostic>) {
    let display: Arc<str> = Arc::from(path.display().to_string());
    match std::fs::read(path) {
        Ok(bytes) => match String::from_utf8(bytes) {
            Ok(text) => files.push(SourceFile {
                path: display,
                domain: domain.to_string(),
                text: Arc::from(text),
            }),
            Err(e) => diags.push(
                Diagnostic::error(
                    Code::Io,
                    format!(
                        "{display}: not valid UTF-8 (byte {})",
                        e.utf8_error().valid_up_to()
                    ),
                )
                .with_help(
                    "schema files must be UTF-8 text; re-encode the file (e.g. `iconv -t UTF-8`)",
                ),
            ),
        },
        Err(e) => diags.push(Diagnostic::error(Code::Io, format!("{display}: {e}"))),
    }
}
