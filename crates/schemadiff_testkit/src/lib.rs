//! schemadiff_testkit owns per-test PostgreSQL databases for the other crates' tests:
//! [`TestDb`] creates a uniquely named database on the test server and drops it again.
//!
//! The server is named by `SCHEMADIFF_TEST_PG` (a libpq keyword/value conninfo for a
//! maintenance database); `scripts/test.sh` installs, starts and configures it.
//! Everything goes through the `psql` binary. [`corpus`] runs the acceptance corpus
//! (`tests/corpus`) on such databases.

mod conninfo;
pub mod corpus;
mod psql;

use std::path::Path;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{SystemTime, UNIX_EPOCH};

use conninfo::ConnInfo;
pub use psql::PsqlError;

/// Conninfo used when `SCHEMADIFF_TEST_PG` is unset.
pub const DEFAULT_SERVER_CONNINFO: &str = "host=/var/run/postgresql user=root dbname=postgres";

/// PostgreSQL's identifier length limit (NAMEDATALEN - 1).
const MAX_IDENT_BYTES: usize = 63;

/// The maintenance-database conninfo: `SCHEMADIFF_TEST_PG`, or [`DEFAULT_SERVER_CONNINFO`].
pub fn server_conninfo() -> String {
    match std::env::var("SCHEMADIFF_TEST_PG") {
        Ok(s) if !s.trim().is_empty() => s,
        _ => DEFAULT_SERVER_CONNINFO.to_owned(),
    }
}

/// A fresh, uniquely named database on the test server; dropped (WITH (FORCE)) when this value is dropped.
#[derive(Debug)]
pub struct TestDb {
    name: String,
    conninfo: ConnInfo,
    server: String,
}

impl TestDb {
    /// Creates `sdt_<prefix>_<pid>_<counter>_<nanos>` (UTF8, C collation, from
    /// template0 so it is identical on every machine). Panics with instructions
    /// when the server is unreachable: tests must fail, never silently skip.
    pub fn create(prefix: &str) -> TestDb {
        let server = server_conninfo();
        let base = ConnInfo::parse(&server).unwrap_or_else(|e| {
            panic!("SCHEMADIFF_TEST_PG is not a libpq keyword/value conninfo: {e}")
        });
        let name = unique_name(prefix);
        // TEMPLATE template0 avoids "source database is being accessed by other users"
        // and lets us pin encoding/locale even when the cluster default is SQL_ASCII.
        let sql = format!(
            "CREATE DATABASE \"{name}\" TEMPLATE template0 ENCODING 'UTF8' LC_COLLATE 'C' LC_CTYPE 'C'"
        );
        if let Err(e) = psql::run(&server, &["-c", &sql], None) {
            panic!(
                "schemadiff_testkit: creating test database {name} on {server:?} failed.\n\
                 Is the test server running? `scripts/test.sh` installs PostgreSQL 15, starts \
                 cluster 15/main and creates the superuser role; or point SCHEMADIFF_TEST_PG \
                 at a server where you are a superuser.\n{e}"
            );
        }
        let conninfo = base.with("dbname", &name);
        TestDb {
            name,
            conninfo,
            server,
        }
    }

    /// The database name (only `[a-z0-9_]`, so it never needs quoting).
    pub fn name(&self) -> &str {
        &self.name
    }

    /// libpq keyword/value conninfo for this database.
    pub fn conninfo(&self) -> String {
        self.conninfo.to_keyword_value()
    }

    /// `postgres://` URL for this database; the socket host is percent-encoded,
    /// which tokio-postgres and psql both accept.
    pub fn url(&self) -> String {
        self.conninfo.to_url()
    }

    /// Runs `sql` through psql's stdin (`-X -q -v ON_ERROR_STOP=1`): stops at the
    /// first error. Returns stdout, or the error with psql's stderr.
    pub fn psql(&self, sql: &str) -> Result<String, PsqlError> {
        psql::run(&self.conninfo(), &[], Some(sql))
    }

    /// Runs a SQL file with `psql -f` (error messages then carry file and line).
    pub fn psql_file(&self, path: &Path) -> Result<String, PsqlError> {
        let path = path.to_str().ok_or_else(|| PsqlError {
            status: None,
            stderr: format!("path is not valid UTF-8: {}", path.display()),
        })?;
        psql::run(&self.conninfo(), &["-f", path], None)
    }

    /// Runs one statement with `psql -tAc` and returns its trimmed output
    /// (the single value for a one-row, one-column query). Panics on error.
    pub fn query_scalar(&self, sql: &str) -> String {
        match psql::run(&self.conninfo(), &["-t", "-A", "-c", sql], None) {
            Ok(out) => out.trim().to_owned(),
            Err(e) => panic!("query_scalar({sql:?}) on {} failed: {e}", self.name),
        }
    }
}

impl Drop for TestDb {
    fn drop(&mut self) {
        // FORCE terminates connections a test may have leaked (PostgreSQL 13+).
        let sql = format!("DROP DATABASE IF EXISTS \"{}\" WITH (FORCE)", self.name);
        if let Err(e) = psql::run(&self.server, &["-c", &sql], None) {
            eprintln!(
                "schemadiff_testkit: could not drop test database {}: {e}",
                self.name
            );
        }
    }
}

/// `sdt_<prefix>_<pid>_<counter>_<nanos>`: the pid separates processes, the counter
/// separates threads of one process, the clock separates runs that reuse a pid.
fn unique_name(prefix: &str) -> String {
    static COUNTER: AtomicU64 = AtomicU64::new(0);
    let counter = COUNTER.fetch_add(1, Ordering::Relaxed);
    let nanos = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_nanos())
        .unwrap_or(0);
    let suffix = format!("_{}_{counter}_{nanos}", std::process::id());
    let budget = MAX_IDENT_BYTES - "sdt_".len() - suffix.len();
    let prefix: String = prefix
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() {
                c.to_ascii_lowercase()
            } else {
                '_'
            }
        })
        .take(budget)
        .collect();
    format!("sdt_{prefix}{suffix}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_sanitized_bounded_and_distinct() {
        let a = unique_name("Weird Prefix-Ünïcode/that is far too long for any identifier at all");
        let b = unique_name("Weird Prefix-Ünïcode/that is far too long for any identifier at all");
        assert_ne!(a, b);
        assert!(a.len() <= MAX_IDENT_BYTES, "{a} is {} bytes", a.len());
        assert!(a.starts_with("sdt_weird_prefix__n_code_"), "{a}");
        assert!(a
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_'));
    }
}
