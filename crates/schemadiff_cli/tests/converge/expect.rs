//! A case's `expect.txt`: what its first plan must contain, one line each —
//! `hazard: <code>` (some step carries that hazard) or `sql: <text>` (the script
//! contains that text). It pins the online rewrites and hazard codes each case exists
//! to show, so a case cannot silently stop exercising them while still converging.

use std::path::Path;

#[derive(Debug, PartialEq, Eq)]
pub enum Expectation {
    Hazard(String),
    Sql(String),
}

/// The expectations of the case in `dir`; none when it has no `expect.txt`.
pub fn read(dir: &Path) -> Result<Vec<Expectation>, String> {
    let path = dir.join("expect.txt");
    let Ok(text) = std::fs::read_to_string(&path) else {
        return Ok(Vec::new());
    };
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(|line| match line.split_once(':') {
            Some(("hazard", code)) => Ok(Expectation::Hazard(code.trim().to_string())),
            Some(("sql", sql)) => Ok(Expectation::Sql(sql.trim().to_string())),
            _ => Err(format!(
                "{}: `{line}` is neither `hazard: <code>` nor `sql: <text>`",
                path.display()
            )),
        })
        .collect()
}

/// The expectations the plan (its SQL script and its JSON) does not meet.
pub fn unmet(expected: &[Expectation], script: &str, json: &str) -> Vec<String> {
    let codes = hazard_codes(json);
    expected
        .iter()
        .filter_map(|e| match e {
            Expectation::Hazard(code) if !codes.iter().any(|c| c == code) => Some(format!(
                "no step carries the hazard `{code}` (plan has: {})",
                codes.join(", ")
            )),
            Expectation::Sql(text) if !script.contains(text.as_str()) => {
                Some(format!("the script does not contain `{text}`"))
            }
            _ => None,
        })
        .collect()
}

/// Every hazard code of every step of a `--format json` plan.
fn hazard_codes(json: &str) -> Vec<String> {
    let Ok(value) = serde_json::from_str::<serde_json::Value>(json) else {
        return Vec::new();
    };
    let mut codes: Vec<String> = value["steps"]
        .as_array()
        .into_iter()
        .flatten()
        .flat_map(|step| step["hazards"].as_array().into_iter().flatten())
        .filter_map(|h| h["code"].as_str().map(str::to_string))
        .collect();
    codes.sort();
    codes.dedup();
    codes
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reports_what_the_plan_lacks() {
        let expected = vec![
            Expectation::Hazard("data-loss".into()),
            Expectation::Hazard("table-rewrite".into()),
            Expectation::Sql("DROP TABLE".into()),
            Expectation::Sql("CONCURRENTLY".into()),
        ];
        let json = r#"{"steps":[{"hazards":[{"code":"data-loss"}]},{"hazards":[]}]}"#;
        let unmet = unmet(&expected, "DROP TABLE t;", json);
        assert_eq!(unmet.len(), 2, "{unmet:?}");
        assert!(unmet[0].contains("table-rewrite"));
        assert!(unmet[1].contains("CONCURRENTLY"));
    }
}

#[cfg(test)]
mod coverage {
    use super::*;
    use schemadiff_plan::HazardCode;

    /// Issue 4: every hazard code has its own case (and the harness checks the case's
    /// plan really carries it).
    #[test]
    fn every_hazard_code_is_expected_by_some_case() {
        let root = schemadiff_testkit::corpus::repo_root().join("tests/cases/diff");
        let mut seen = Vec::new();
        for entry in std::fs::read_dir(&root).expect("tests/cases/diff") {
            let dir = entry.expect("entry").path();
            for e in read(&dir).expect("expect.txt parses") {
                if let Expectation::Hazard(code) = e {
                    seen.push(code);
                }
            }
        }
        let missing: Vec<&str> = HazardCode::all()
            .iter()
            .map(|c| c.as_str())
            .filter(|c| !seen.iter().any(|s| s == c))
            .collect();
        assert!(
            missing.is_empty(),
            "hazard codes without a case: {missing:?}"
        );
    }
}
