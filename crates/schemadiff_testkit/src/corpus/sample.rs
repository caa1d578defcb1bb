//! Which corpus cases a test run covers: a fixed, deterministic sample by default (so CI
//! stays fast), every case with `SCHEMADIFF_CORPUS=all`.

use super::Case;
use std::collections::BTreeSet;

/// `all`: every case; any other non-empty value: the cases whose id (`peer/name`)
/// contains it (to rerun one case while fixing it); unset: the sample.
pub const CORPUS_ENV: &str = "SCHEMADIFF_CORPUS";
/// The sample takes every Nth case by sorted id; N from this variable.
pub const EVERY_ENV: &str = "SCHEMADIFF_CORPUS_EVERY";
/// N when `SCHEMADIFF_CORPUS_EVERY` is unset: ~40 of the 823 cases, a couple of
/// minutes of CI at most for the heaviest corpus test.
pub const DEFAULT_EVERY: usize = 20;

/// What was selected, and how (for the test's report line).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Selection {
    pub cases: Vec<Case>,
    /// `all`, `every 20th (+ 3 listed)`, `matching "x"`.
    pub how: String,
    /// Whether every case of the corpus is in `cases` (only then can a test require
    /// that each listed known failure was seen).
    pub complete: bool,
}

/// Selects from `cases` (sorted by id) according to the environment. `always` (ids,
/// e.g. a known-failures list) joins the sample so a stale entry is caught in CI too.
pub fn sample(cases: Vec<Case>, always: &BTreeSet<String>) -> Selection {
    let env = std::env::var(CORPUS_ENV).unwrap_or_default();
    let every = std::env::var(EVERY_ENV)
        .ok()
        .and_then(|v| v.trim().parse::<usize>().ok())
        .filter(|n| *n > 0)
        .unwrap_or(DEFAULT_EVERY);
    select(cases, always, env.trim(), every)
}

fn select(cases: Vec<Case>, always: &BTreeSet<String>, env: &str, every: usize) -> Selection {
    let total = cases.len();
    match env {
        "all" => Selection {
            cases,
            how: "all".to_owned(),
            complete: true,
        },
        "" => {
            let picked: Vec<Case> = cases
                .into_iter()
                .enumerate()
                .filter(|(i, c)| i % every == 0 || always.contains(&c.id()))
                .map(|(_, c)| c)
                .collect();
            let complete = picked.len() == total;
            Selection {
                how: format!(
                    "every {every}th case by id plus the listed ones ({CORPUS_ENV}=all for all)"
                ),
                cases: picked,
                complete,
            }
        }
        filter => Selection {
            cases: cases
                .into_iter()
                .filter(|c| c.id().contains(filter))
                .collect(),
            how: format!("matching {filter:?}"),
            complete: false,
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::PathBuf;

    fn case(name: &str) -> Case {
        Case {
            peer: "p".into(),
            name: name.into(),
            dir: PathBuf::new(),
            topic: None,
            roles: vec![],
            login_roles: vec![],
            run_as: None,
            search_path: None,
            min_version: None,
            has_setup: false,
            has_from_loadable: false,
            has_to_loadable: false,
        }
    }

    fn ids(s: &Selection) -> Vec<String> {
        s.cases.iter().map(Case::id).collect()
    }

    #[test]
    fn samples_every_nth_plus_the_listed_ones() {
        let cases: Vec<Case> = (0..10).map(|i| case(&format!("c{i}"))).collect();
        let always = BTreeSet::from(["p/c5".to_owned()]);
        let s = select(cases.clone(), &always, "", 4);
        assert_eq!(ids(&s), ["p/c0", "p/c4", "p/c5", "p/c8"]);
        assert!(!s.complete);
        assert_eq!(select(cases.clone(), &always, "all", 4).cases.len(), 10);
        assert!(select(cases.clone(), &always, "", 1).complete);
        assert_eq!(ids(&select(cases, &always, "c7", 4)), ["p/c7"]);
    }
}
