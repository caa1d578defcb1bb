//! The acceptance corpus (`tests/corpus/<peer>/<case>/`): listing its cases, creating
//! their roles, loading a side into a [`TestDb`] exactly as `tests/corpus/README.md`
//! says, sampling for CI, and the independent fingerprint comparison.

mod case_json;
mod fingerprint;
mod known;
mod roles;
mod runner;
mod sample;

pub use fingerprint::{fingerprint_compare, Comparison};
pub use known::{KnownFailures, Outcome};
pub use roles::ensure_roles;
pub use runner::{run_cases, DEFAULT_JOBS, JOBS_ENV};
pub use sample::{sample, Selection, CORPUS_ENV, DEFAULT_EVERY, EVERY_ENV};

use crate::{psql, TestDb};
use std::path::{Path, PathBuf};

/// The corpus checked into this repository (`<repo>/tests/corpus`).
pub fn corpus_root() -> PathBuf {
    repo_root().join("tests").join("corpus")
}

/// The repository root (two levels above this crate).
pub fn repo_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..").join("..")
}

/// Which side of a case.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Side {
    /// `from.sql`: the current state.
    From,
    /// `to.sql`: the desired state.
    To,
}

impl Side {
    fn stem(self) -> &'static str {
        match self {
            Side::From => "from",
            Side::To => "to",
        }
    }
}

/// Which file of a side to load.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Variant {
    /// `from.sql` / `to.sql` as the peer's test wrote them (what schemadiff must cope with).
    AsWritten,
    /// The `.loadable.sql` copy when the case has one (psql loads it as it is), else the
    /// file as written: how a *reference* database is built.
    Loadable,
}

/// One case folder and what its `case.json` says.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Case {
    /// `migra` or `sqldef` (the folder above the case).
    pub peer: String,
    /// The case folder's name (`constraints`, `indices__RenameIndex...`).
    pub name: String,
    pub dir: PathBuf,
    /// case.json `topic` (sqldef's test file), if any.
    pub topic: Option<String>,
    /// Roles to create cluster-wide before anything.
    pub roles: Vec<String>,
    /// The subset of roles that get LOGIN.
    pub login_roles: Vec<String>,
    /// Load the sides after `SET ROLE run_as`.
    pub run_as: Option<String>,
    /// Load the sides after `SET search_path TO <this>` (a list as SQL text: `foo, public`).
    pub search_path: Option<String>,
    pub min_version: Option<String>,
    /// `setup.sql` exists: run first on every database of the case.
    pub has_setup: bool,
    pub has_from_loadable: bool,
    pub has_to_loadable: bool,
}

impl Case {
    /// `peer/name`: the case's stable identifier (known-failure files use it).
    pub fn id(&self) -> String {
        format!("{}/{}", self.peer, self.name)
    }

    /// Whether `side` has a `.loadable.sql` copy.
    pub fn has_loadable(&self, side: Side) -> bool {
        match side {
            Side::From => self.has_from_loadable,
            Side::To => self.has_to_loadable,
        }
    }

    /// The file a side is read from for `variant`.
    pub fn path(&self, side: Side, variant: Variant) -> PathBuf {
        let loadable = variant == Variant::Loadable && self.has_loadable(side);
        let suffix = if loadable { ".loadable.sql" } else { ".sql" };
        self.dir.join(format!("{}{suffix}", side.stem()))
    }

    /// `setup.sql`, when the case has one.
    pub fn setup_path(&self) -> Option<PathBuf> {
        self.has_setup.then(|| self.dir.join("setup.sql"))
    }

    /// Creates the case's roles, runs `setup.sql`, then (after `SET ROLE run_as` and
    /// `SET search_path`) the side's file, all in one psql session that stops at the
    /// first error. psql's errors name the file and line.
    pub fn load(&self, db: &TestDb, side: Side, variant: Variant) -> Result<(), String> {
        ensure_roles(&self.roles, &self.login_roles)?;
        self.load_setup_and(db, Some(&self.path(side, variant)))
    }

    /// Creates the roles and runs only `setup.sql` (what every database of the case
    /// starts with, e.g. one schemadiff will load `to.sql` into itself).
    pub fn prepare(&self, db: &TestDb) -> Result<(), String> {
        ensure_roles(&self.roles, &self.login_roles)?;
        self.load_setup_and(db, None)
    }

    /// The statements that put a session in the case's loading context
    /// (`SET ROLE ...; SET search_path TO ...;`), empty when the case has none.
    pub fn session_prelude(&self) -> String {
        let mut out = String::new();
        if let Some(role) = &self.run_as {
            out.push_str(&format!("SET ROLE {};\n", quote_ident(role)));
        }
        if let Some(path) = &self.search_path {
            out.push_str(&format!("SET search_path TO {path};\n"));
        }
        out
    }

    fn load_setup_and(&self, db: &TestDb, side: Option<&Path>) -> Result<(), String> {
        let mut args: Vec<String> = Vec::new();
        if let Some(setup) = self.setup_path() {
            args.extend(["-f".to_string(), utf8(&setup)?]);
        }
        if let Some(side) = side {
            let prelude = self.session_prelude();
            if !prelude.is_empty() {
                args.extend(["-c".to_string(), prelude]);
            }
            args.extend(["-f".to_string(), utf8(side)?]);
        }
        if args.is_empty() {
            return Ok(());
        }
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        psql::run(&db.conninfo(), &args, None)
            .map(|_| ())
            .map_err(|e| format!("loading {} into {}: {e}", self.id(), db.name()))
    }
}

/// Every case below `root` (`root/<peer>/<case>/case.json`), sorted by id.
pub fn cases(root: &Path) -> Result<Vec<Case>, String> {
    let mut out = Vec::new();
    for peer_dir in sorted_dirs(root)? {
        for dir in sorted_dirs(&peer_dir)? {
            if dir.join("case.json").is_file() {
                out.push(case_json::read(&dir)?);
            }
        }
    }
    out.sort_by_key(Case::id);
    Ok(out)
}

fn sorted_dirs(dir: &Path) -> Result<Vec<PathBuf>, String> {
    let entries =
        std::fs::read_dir(dir).map_err(|e| format!("cannot read {}: {e}", dir.display()))?;
    let mut dirs: Vec<PathBuf> = entries
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.is_dir())
        .collect();
    dirs.sort();
    Ok(dirs)
}

fn utf8(path: &Path) -> Result<String, String> {
    path.to_str()
        .map(str::to_owned)
        .ok_or_else(|| format!("path is not valid UTF-8: {}", path.display()))
}

/// A double-quoted identifier (role names like `user with spaces` or `My User`).
pub(crate) fn quote_ident(name: &str) -> String {
    format!("\"{}\"", name.replace('"', "\"\""))
}

/// A single-quoted literal.
pub(crate) fn quote_literal(text: &str) -> String {
    format!("'{}'", text.replace('\'', "''"))
}
