//! Database URLs in the one form all three clients of this benchmark accept: the
//! `schemadiff` CLI (tokio-postgres), `psql` (libpq) and migra (SQLAlchemy + psycopg2).
//!
//! A Unix socket goes in the query (`postgresql://root@/db?host=/var/run/postgresql`):
//! SQLAlchemy neither takes the `postgres://` scheme nor decodes a percent-encoded
//! socket path in the host part, which the other two accept.

use super::BenchError;
use std::fmt::Write as _;
use tokio_postgres::config::Host;
use tokio_postgres::Config;

/// A server, parsed from a libpq conninfo or a `postgres://` URL.
#[derive(Debug, Clone)]
pub struct Server {
    config: Config,
}

impl Server {
    pub fn parse(conninfo_or_url: &str) -> Result<Server, BenchError> {
        let config: Config = conninfo_or_url
            .parse()
            .map_err(|e| format!("cannot read the server {conninfo_or_url:?}: {e}"))?;
        if config.get_hosts().len() > 1 {
            return Err("give one server host, not a list".to_string());
        }
        Ok(Server { config })
    }

    /// The URL of the database the server was given with (`postgres` if none), where
    /// benchmark databases are created from.
    pub fn maintenance_url(&self) -> String {
        self.url(self.config.get_dbname().unwrap_or("postgres"))
    }

    /// The URL of database `dbname` on this server.
    pub fn url(&self, dbname: &str) -> String {
        let c = &self.config;
        let mut url = String::from("postgresql://");
        if let Some(user) = c.get_user() {
            url.push_str(&encode(user));
            if let Some(password) = c.get_password() {
                url.push(':');
                url.push_str(&encode(&String::from_utf8_lossy(password)));
            }
            url.push('@');
        }
        let port = c.get_ports().first().copied();
        let mut query = Vec::new();
        match c.get_hosts().first() {
            Some(Host::Tcp(host)) => {
                url.push_str(&encode(host));
                if let Some(port) = port {
                    let _ = write!(url, ":{port}");
                }
            }
            Some(Host::Unix(path)) => {
                query.push(format!("host={}", encode_path(&path.to_string_lossy())));
                query.extend(port.map(|p| format!("port={p}")));
            }
            None => query.extend(port.map(|p| format!("port={p}"))),
        }
        url.push('/');
        url.push_str(&encode(dbname));
        if !query.is_empty() {
            url.push('?');
            url.push_str(&query.join("&"));
        }
        url
    }
}

/// Percent-encodes everything but RFC 3986's unreserved characters.
fn encode(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || b"-._~".contains(&b) {
            out.push(char::from(b));
        } else {
            let _ = write!(out, "%{b:02X}");
        }
    }
    out
}

/// Like [`encode`], keeping `/` readable (a query value may hold it).
fn encode_path(s: &str) -> String {
    s.split('/').map(encode).collect::<Vec<_>>().join("/")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn socket_servers_keep_the_socket_in_the_query() {
        let server = Server::parse("host=/var/run/postgresql user=root dbname=postgres")
            .expect("conninfo parses");
        assert_eq!(
            server.url("schemadiff_bench_5000"),
            "postgresql://root@/schemadiff_bench_5000?host=/var/run/postgresql"
        );
        let url = Server::parse("postgres://root@%2Ftmp%2Fpg:5433/postgres").expect("URL parses");
        assert_eq!(url.url("x"), "postgresql://root@/x?host=/tmp/pg&port=5433");
    }

    #[test]
    fn tcp_servers_and_credentials_are_encoded() {
        let server = Server::parse("postgresql://a%20b:p%40ss@db.example:5432/postgres")
            .expect("URL parses");
        assert_eq!(
            server.url("d"),
            "postgresql://a%20b:p%40ss@db.example:5432/d"
        );
        assert!(Server::parse("host=a,b").is_err());
    }

    #[test]
    fn the_url_is_what_tokio_postgres_reads_back() {
        let server = Server::parse("host=/var/run/postgresql port=5432 user=root").expect("parses");
        let back: Config = server.url("db").parse().expect("tokio-postgres reads it");
        assert_eq!(back.get_dbname(), Some("db"));
        assert_eq!(back.get_user(), Some("root"));
        assert_eq!(back.get_ports(), &[5432]);
        assert!(
            matches!(back.get_hosts(), [Host::Unix(p)] if p.to_str() == Some("/var/run/postgresql"))
        );
    }
}
