//! Safety gates: hazards that need an explicit `--allow CODE` before a plan may run.

use schemadiff_plan::{HazardCode, Plan, Step};
use std::collections::BTreeSet;

/// Hazards a step may only carry when the user allowed them.
pub const GATED: &[HazardCode] = &[HazardCode::DataLoss];

/// The hazard codes given with `--allow`.
#[derive(Debug, Clone, Default)]
pub struct Allowed(BTreeSet<HazardCode>);

impl Allowed {
    /// Parses `--allow` values; an unknown code is an error naming the known ones.
    pub fn parse(codes: &[String]) -> Result<Allowed, String> {
        let mut set = BTreeSet::new();
        for code in codes {
            match HazardCode::parse(code) {
                Some(c) => {
                    set.insert(c);
                }
                None => {
                    let known: Vec<&str> = HazardCode::all().iter().map(|c| c.as_str()).collect();
                    return Err(format!(
                        "unknown hazard code `{code}` in --allow (known: {})",
                        known.join(", ")
                    ));
                }
            }
        }
        Ok(Allowed(set))
    }
}

/// A step held back by a gated hazard that was not allowed.
#[derive(Debug)]
pub struct Blocked<'p> {
    pub step: &'p Step,
    pub code: HazardCode,
}

/// The steps carrying a gated hazard not in `allowed`.
pub fn blocked<'p>(plan: &'p Plan, allowed: &Allowed) -> Vec<Blocked<'p>> {
    plan.steps
        .iter()
        .flat_map(|step| {
            step.hazards
                .iter()
                .map(|h| h.code)
                .filter(|c| GATED.contains(c) && !allowed.0.contains(c))
                .collect::<BTreeSet<_>>()
                .into_iter()
                .map(move |code| Blocked { step, code })
        })
        .collect()
}

/// Names the blocked steps on stderr.
pub fn report(blocked: &[Blocked<'_>]) {
    let codes: BTreeSet<&str> = blocked.iter().map(|b| b.code.as_str()).collect();
    eprintln!(
        "error: {} step(s) need an explicit allow before this plan may run:",
        blocked.len()
    );
    for b in blocked {
        eprintln!("  step {}: {} [{}]", b.step.id, b.step.object, b.code);
    }
    let flags: Vec<String> = codes.iter().map(|c| format!("--allow {c}")).collect();
    eprintln!("  help: review them and pass {} to accept", flags.join(" "));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_known_codes_and_rejects_others() {
        assert!(Allowed::parse(&["data-loss".to_string()]).is_ok());
        let err = Allowed::parse(&["dataloss".to_string()]).unwrap_err();
        assert!(err.contains("data-loss"), "{err}");
    }
}
