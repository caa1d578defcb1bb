//! Compares two dumped folders: same file list, same bytes; on a difference, a unified
//! diff of the first differing file.

use std::path::{Path, PathBuf};

/// Every file below `dir`, relative to it, sorted.
pub fn files(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    collect(dir, dir, &mut out);
    out.sort();
    out
}

fn collect(root: &Path, dir: &Path, out: &mut Vec<PathBuf>) {
    let entries = std::fs::read_dir(dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display()));
    for entry in entries {
        let path = entry.expect("readable folder entry").path();
        if path.is_dir() {
            collect(root, &path, out);
        } else {
            out.push(path.strip_prefix(root).expect("below root").to_path_buf());
        }
    }
}

/// `Ok` when both trees hold the same files with the same bytes.
pub fn trees(left: &Path, right: &Path) -> Result<(), String> {
    let (l, r) = (files(left), files(right));
    if l != r {
        let only = |a: &[PathBuf], b: &[PathBuf]| -> Vec<String> {
            a.iter()
                .filter(|p| !b.contains(p))
                .map(|p| p.display().to_string())
                .collect()
        };
        return Err(format!(
            "different file lists\n  only in {}: {:?}\n  only in {}: {:?}",
            left.display(),
            only(&l, &r),
            right.display(),
            only(&r, &l)
        ));
    }
    for rel in &l {
        let a = std::fs::read_to_string(left.join(rel)).expect("readable dump file");
        let b = std::fs::read_to_string(right.join(rel)).expect("readable dump file");
        if a != b {
            return Err(format!(
                "{} differs:\n{}",
                rel.display(),
                unified(
                    &a,
                    &b,
                    &format!("a/{}", rel.display()),
                    &format!("b/{}", rel.display())
                )
            ));
        }
    }
    Ok(())
}

/// A one-hunk unified diff: the lines between the common prefix and suffix, with three
/// lines of context (enough to read the difference of two dumps).
pub fn unified(a: &str, b: &str, a_name: &str, b_name: &str) -> String {
    let (a, b): (Vec<&str>, Vec<&str>) = (a.lines().collect(), b.lines().collect());
    let prefix = a.iter().zip(&b).take_while(|(x, y)| x == y).count();
    let max_suffix = a.len().min(b.len()) - prefix;
    let suffix = a
        .iter()
        .rev()
        .zip(b.iter().rev())
        .take(max_suffix)
        .take_while(|(x, y)| x == y)
        .count();
    let start = prefix.saturating_sub(3);
    let (a_end, b_end) = (a.len() - suffix, b.len() - suffix);
    let (a_ctx, b_ctx) = ((a_end + 3).min(a.len()), (b_end + 3).min(b.len()));
    let mut out = format!(
        "--- {a_name}\n+++ {b_name}\n@@ -{},{} +{},{} @@\n",
        start + 1,
        a_ctx - start,
        start + 1,
        b_ctx - start
    );
    for line in &a[start..prefix] {
        out.push_str(&format!(" {line}\n"));
    }
    for line in &a[prefix..a_end] {
        out.push_str(&format!("-{line}\n"));
    }
    for line in &b[prefix..b_end] {
        out.push_str(&format!("+{line}\n"));
    }
    for line in &a[a_end..a_ctx] {
        out.push_str(&format!(" {line}\n"));
    }
    out
}

#[test]
fn unified_diff_shows_the_changed_lines_with_context() {
    let a = "1\n2\n3\n4\n5\n6\n7\n8\n";
    let b = "1\n2\n3\n4\nfive\n6\n7\n8\n";
    let d = unified(a, b, "a/x", "b/x");
    assert_eq!(
        d,
        "--- a/x\n+++ b/x\n@@ -2,7 +2,7 @@\n 2\n 3\n 4\n-5\n+five\n 6\n 7\n 8\n"
    );
}
