//! Reading a live database: its identity (for the plan file), the schemas it has, and
//! its catalog within a scope.

use crate::devdb::lifecycle::redact;
use crate::scope::{introspect_scope, live_schemas};
use anyhow::{Context, Result};
use schemadiff_model::Catalog;
use serde::{Deserialize, Serialize};

/// Which database a plan was made against (never the password).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TargetIdentity {
    pub host: String,
    pub port: u16,
    pub database: String,
    pub user: String,
}

impl TargetIdentity {
    /// From a URL or conninfo string, as libpq would read it (defaults filled in).
    pub fn from_url(url: &str) -> Result<TargetIdentity> {
        let config: tokio_postgres::Config = url
            .parse()
            .with_context(|| format!("invalid database URL {}", redact(url)))?;
        let host = match config.get_hosts().first() {
            Some(tokio_postgres::config::Host::Tcp(h)) => h.clone(),
            #[cfg(unix)]
            Some(tokio_postgres::config::Host::Unix(p)) => p.display().to_string(),
            None => "localhost".to_string(),
        };
        let user = config.get_user().unwrap_or_default().to_string();
        Ok(TargetIdentity {
            host,
            port: config.get_ports().first().copied().unwrap_or(5432),
            database: config.get_dbname().unwrap_or(&user).to_string(),
            user,
        })
    }

    pub fn label(&self) -> String {
        format!("{}:{}/{}", self.host, self.port, self.database)
    }
}

/// The database's schema names; the caller works out the scope from them.
pub async fn schemas_of(url: &str) -> Result<Vec<String>> {
    let (client, task) = schemadiff_introspect::connect(url).await?;
    let names = live_schemas(&client)
        .await
        .with_context(|| format!("cannot list the schemas of {}", redact(url)))?;
    drop(client);
    let _ = task.await;
    Ok(names)
}

/// Introspects `url` within `scope`: two connections sharing one read-only snapshot
/// (`schemadiff_introspect::introspect_url`), the path the benchmark times.
pub async fn read(url: &str, scope: &[String]) -> Result<Catalog> {
    let introspected = schemadiff_introspect::introspect_url(url, &introspect_scope(scope))
        .await
        .with_context(|| format!("cannot read the catalog of {}", redact(url)))?;
    Ok(introspected.catalog)
}

/// Whether a command-line side names a database rather than files.
pub fn is_database_url(s: &str) -> bool {
    s.starts_with("postgres://") || s.starts_with("postgresql://")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn identity_has_no_password() {
        let id = TargetIdentity::from_url("postgres://app:secret@db.example:6543/prod").unwrap();
        assert_eq!(id.host, "db.example");
        assert_eq!(id.port, 6543);
        assert_eq!(id.database, "prod");
        assert_eq!(id.user, "app");
        assert!(!format!("{id:?}").contains("secret"));
    }

    #[test]
    fn urls_are_databases_paths_are_not() {
        assert!(is_database_url("postgresql://h/db"));
        assert!(!is_database_url("schemas/core"));
    }
}
