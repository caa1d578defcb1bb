//! Checked-in known-failures files (`<case id> — <reason>` per line) and the verdict of
//! a corpus run against one, enforced both ways: an unlisted failure fails the run, and
//! so does a listed case that passes (the list must stay true).

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// The separator between a case id and its reason.
pub const SEPARATOR: &str = " — ";

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KnownFailures {
    pub path: PathBuf,
    /// Case id → reason.
    pub entries: BTreeMap<String, String>,
}

/// How one case went.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Outcome {
    pub id: String,
    /// `Err` carries what went wrong (a difference, an error message).
    pub result: Result<(), String>,
}

impl KnownFailures {
    /// Reads `path`; blank lines and `#` comments are skipped. A missing file is an
    /// empty list (a corpus check with no known failures need not have one).
    pub fn read(path: &Path) -> Result<KnownFailures, String> {
        let text = match std::fs::read_to_string(path) {
            Ok(t) => t,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => String::new(),
            Err(e) => return Err(format!("cannot read {}: {e}", path.display())),
        };
        let mut entries = BTreeMap::new();
        for (n, line) in text.lines().enumerate() {
            let line = line.trim();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let Some((id, reason)) = line.split_once(SEPARATOR) else {
                return Err(format!(
                    "{}:{}: expected `<case id>{SEPARATOR}<reason>`, got {line:?}",
                    path.display(),
                    n + 1
                ));
            };
            if entries
                .insert(id.trim().to_owned(), reason.trim().to_owned())
                .is_some()
            {
                return Err(format!(
                    "{}:{}: {id} is listed twice",
                    path.display(),
                    n + 1
                ));
            }
        }
        Ok(KnownFailures {
            path: path.to_path_buf(),
            entries,
        })
    }

    pub fn ids(&self) -> BTreeSet<String> {
        self.entries.keys().cloned().collect()
    }

    /// Checks a run: `Ok(summary line)` when every failure is listed and every listed
    /// case that ran failed; `Err(report)` otherwise. `corpus` is every case id (a listed
    /// id that is no case is stale too).
    pub fn verdict(
        &self,
        outcomes: &[Outcome],
        corpus: &BTreeSet<String>,
    ) -> Result<String, String> {
        let mut problems = Vec::new();
        for id in self.entries.keys().filter(|id| !corpus.contains(*id)) {
            problems.push(format!(
                "{id}: listed in {} but not a corpus case",
                self.path.display()
            ));
        }
        let (mut failed, mut listed) = (0, 0);
        for o in outcomes {
            match (&o.result, self.entries.get(&o.id)) {
                (Ok(()), None) => {}
                (Err(_), Some(_)) => {
                    failed += 1;
                    listed += 1;
                }
                (Err(why), None) => {
                    failed += 1;
                    problems.push(format!("{}: {why}", o.id));
                }
                (Ok(()), Some(reason)) => problems.push(format!(
                    "{}: passes now but {} lists it ({reason}): remove the line",
                    o.id,
                    self.path.display()
                )),
            }
        }
        let summary = format!(
            "{} of {} case(s) pass, {listed} listed as known failures in {}",
            outcomes.len() - failed,
            outcomes.len(),
            self.path.display()
        );
        if problems.is_empty() {
            Ok(summary)
        } else {
            Err(format!(
                "{summary}; {} problem(s):\n\n{}",
                problems.len(),
                problems.join("\n\n")
            ))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn outcome(id: &str, ok: bool) -> Outcome {
        Outcome {
            id: id.into(),
            result: if ok { Ok(()) } else { Err("boom".into()) },
        }
    }

    #[test]
    fn enforces_the_list_both_ways() {
        let known = KnownFailures {
            path: "k.txt".into(),
            entries: BTreeMap::from([("p/a".into(), "why".into())]),
        };
        let corpus: BTreeSet<String> = ["p/a", "p/b"].map(String::from).into();
        assert!(known
            .verdict(&[outcome("p/a", false), outcome("p/b", true)], &corpus)
            .is_ok());
        let stale = known.verdict(&[outcome("p/a", true)], &corpus).unwrap_err();
        assert!(stale.contains("passes now"), "{stale}");
        let new = known
            .verdict(&[outcome("p/b", false)], &corpus)
            .unwrap_err();
        assert!(new.contains("p/b: boom"), "{new}");
        let gone = known.verdict(&[], &BTreeSet::new()).unwrap_err();
        assert!(gone.contains("not a corpus case"), "{gone}");
    }

    #[test]
    fn reads_lines_and_rejects_garbage() {
        let dir = std::env::temp_dir().join(format!("sdt_known_{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join("k.txt");
        std::fs::write(&path, "# comment\n\np/a — a reason\n").unwrap();
        let known = KnownFailures::read(&path).unwrap();
        assert_eq!(
            known.entries.get("p/a").map(String::as_str),
            Some("a reason")
        );
        std::fs::write(&path, "p/a without reason\n").unwrap();
        assert!(KnownFailures::read(&path).is_err());
        assert!(KnownFailures::read(&dir.join("missing.txt"))
            .unwrap()
            .entries
            .is_empty());
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
