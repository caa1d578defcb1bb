//! Process exit codes (documented in the README).

/// 0 clean / nothing to do; 1 findings (changes pending with `--check`, lint errors);
/// 2 failure (bad input, connection, refused or failed apply).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExitCode {
    Clean = 0,
    Findings = 1,
    Failure = 2,
}
