//! Creates a temporary database on a server and guarantees it is dropped:
//! on success, on error, on panic (Drop) and on ctrl-c (the caller's signal handler).

use anyhow::{Context, Result};
use tokio_postgres::NoTls;

/// A database created for one command. `drop_now` removes it; if that never runs
/// (early return, panic), `Drop` removes it on a helper thread.
#[derive(Debug)]
pub struct TempDatabase {
    server_url: String,
    pub name: String,
    pub url: String,
    dropped: bool,
}

impl TempDatabase {
    /// `server_url` is any database URL on the server (the target's or `--dev-url`);
    /// the temporary database is created next to it.
    pub async fn create(server_url: &str) -> Result<TempDatabase> {
        let (client, conn) = tokio_postgres::connect(server_url, NoTls)
            .await
            .with_context(|| {
                format!(
                    "cannot connect to {} to create the dev database",
                    redact(server_url)
                )
            })?;
        let task = tokio::spawn(conn);
        let nanos = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.subsec_nanos())
            .unwrap_or(0);
        let name = format!("schemadiff_dev_{}_{nanos}", std::process::id());
        client
            .batch_execute(&format!("CREATE DATABASE {name} TEMPLATE template0"))
            .await
            .with_context(|| {
                format!("cannot create the dev database {name} (the role needs CREATEDB)")
            })?;
        drop(client);
        let _ = task.await;
        let url = with_database(server_url, &name);
        Ok(TempDatabase {
            server_url: server_url.to_string(),
            name,
            url,
            dropped: false,
        })
    }

    pub async fn drop_now(mut self) -> Result<()> {
        self.dropped = true;
        drop_database(&self.server_url, &self.name).await
    }
}

impl Drop for TempDatabase {
    fn drop(&mut self) {
        if self.dropped {
            return;
        }
        let (server, name) = (self.server_url.clone(), self.name.clone());
        // A fresh runtime on its own thread: Drop may run inside the caller's runtime.
        let handle = std::thread::spawn(move || {
            let rt = tokio::runtime::Builder::new_current_thread()
                .enable_all()
                .build();
            match rt {
                Ok(rt) => rt.block_on(drop_database(&server, &name)),
                Err(e) => Err(e.into()),
            }
        });
        if let Ok(Err(e)) = handle.join() {
            eprintln!(
                "warning: could not drop the dev database {}: {e:#}",
                self.name
            );
        }
    }
}

async fn drop_database(server_url: &str, name: &str) -> Result<()> {
    let (client, conn) = tokio_postgres::connect(server_url, NoTls).await?;
    let task = tokio::spawn(conn);
    client
        .batch_execute(&format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)"))
        .await?;
    drop(client);
    let _ = task.await;
    Ok(())
}

/// The same URL pointing at another database (the path component, or `dbname=` in a
/// keyword/value string).
pub fn with_database(url: &str, db: &str) -> String {
    if url.starts_with("postgres://") || url.starts_with("postgresql://") {
        let (scheme, rest) = url.split_once("://").unwrap_or(("postgres", url));
        let (authority, query) = match rest.split_once('/') {
            Some((auth, path)) => (auth, path.split_once('?').map(|(_, q)| q)),
            None => match rest.split_once('?') {
                Some((auth, q)) => (auth, Some(q)),
                None => (rest, None),
            },
        };
        match query {
            Some(q) => format!("{scheme}://{authority}/{db}?{q}"),
            None => format!("{scheme}://{authority}/{db}"),
        }
    } else {
        let kept: Vec<&str> = url
            .split_whitespace()
            .filter(|kv| !kv.starts_with("dbname="))
            .collect();
        format!("{} dbname={db}", kept.join(" "))
    }
}

/// A URL without its password, for messages.
pub fn redact(url: &str) -> String {
    match (url.find("://"), url.find('@')) {
        (Some(s), Some(at)) if at > s => {
            let creds = &url[s + 3..at];
            match creds.split_once(':') {
                Some((user, _)) => format!("{}{user}:***{}", &url[..s + 3], &url[at..]),
                None => url.to_string(),
            }
        }
        _ => url.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn swaps_the_database_in_urls_and_conninfo() {
        assert_eq!(
            with_database("postgres://u@h:5432/app?sslmode=disable", "x"),
            "postgres://u@h:5432/x?sslmode=disable"
        );
        assert_eq!(with_database("postgres://u@h", "x"), "postgres://u@h/x");
        assert_eq!(
            with_database("host=/tmp user=u dbname=app", "x"),
            "host=/tmp user=u dbname=x"
        );
    }

    #[test]
    fn hides_passwords() {
        assert_eq!(redact("postgres://u:secret@h/db"), "postgres://u:***@h/db");
        assert_eq!(redact("postgres://u@h/db"), "postgres://u@h/db");
    }
}
