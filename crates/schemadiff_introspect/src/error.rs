//! Typed introspection errors, each a `miette::Diagnostic` with a stable code and help line.

use schemadiff_model::Duplicate;

/// Everything that can go wrong while reading a live database.
#[derive(Debug, thiserror::Error, miette::Diagnostic)]
pub enum IntrospectError {
    /// The database URL could not be parsed.
    #[error("invalid database URL {url}: {source}")]
    #[diagnostic(
        code(schemadiff::introspect::invalid_url),
        help("write it as postgres://user[:password]@host[:port]/database (a socket directory host is percent-encoded)")
    )]
    InvalidUrl {
        /// The URL with any password replaced by `***`.
        url: String,
        #[source]
        source: tokio_postgres::Error,
    },

    /// The server could not be reached or refused the login.
    #[error("could not connect to {url}: {source}")]
    #[diagnostic(
        code(schemadiff::introspect::connect),
        help("check --database-url / that the server is running and accepts this user")
    )]
    Connect {
        /// The URL with any password replaced by `***`.
        url: String,
        #[source]
        source: tokio_postgres::Error,
    },

    /// `BEGIN` / `COMMIT` of the read-only snapshot failed.
    #[error("could not {action} the read-only introspection transaction: {source}")]
    #[diagnostic(
        code(schemadiff::introspect::transaction),
        help("introspection needs a connection that is not already inside a transaction")
    )]
    Transaction {
        action: &'static str,
        #[source]
        source: tokio_postgres::Error,
    },

    /// One of the catalog queries failed on the server.
    #[error("catalog query {query} failed: {}", describe(.source))]
    #[diagnostic(
        code(schemadiff::introspect::query),
        help("schemadiff reads pg_catalog of PostgreSQL 15 or later; an older server or a role without catalog access fails here")
    )]
    Query {
        /// The `.sql` file the query text comes from.
        query: &'static str,
        #[source]
        source: tokio_postgres::Error,
    },

    /// A result column did not have the expected type.
    #[error("catalog query {query}: column {column} could not be read: {source}")]
    #[diagnostic(
        code(schemadiff::introspect::decode),
        help("this is a bug in schemadiff's catalog queries; please report it with the server version")
    )]
    Decode {
        query: &'static str,
        column: &'static str,
        #[source]
        source: tokio_postgres::Error,
    },

    /// A catalog value schemadiff does not know how to map (say, a new `relkind`).
    #[error("catalog query {query}: unexpected {what} {value:?}")]
    #[diagnostic(
        code(schemadiff::introspect::unexpected_value),
        help("this server stores something schemadiff does not model yet; please report it with the server version")
    )]
    Unexpected {
        query: &'static str,
        what: &'static str,
        value: String,
    },

    /// Two catalog rows mapped to the same model identity.
    #[error("two objects in the database map to the same identity: {}", .duplicate.id)]
    #[diagnostic(
        code(schemadiff::introspect::duplicate),
        help("schemadiff compares types by their canonical text; rename one of the two objects (or report the case)")
    )]
    Duplicate { duplicate: Box<Duplicate> },
}

/// The server's message with its detail, not just "db error".
fn describe(e: &tokio_postgres::Error) -> String {
    match e.as_db_error() {
        Some(db) => match db.detail() {
            Some(detail) => format!("{} ({})", db.message(), detail),
            None => db.message().to_string(),
        },
        None => e.to_string(),
    }
}

/// `postgres://user:secret@host/db` -> `postgres://user:***@host/db`, for messages.
pub(crate) fn redact_url(url: &str) -> String {
    let Some(scheme_end) = url.find("://").map(|i| i + 3) else {
        return url.to_string();
    };
    let rest = &url[scheme_end..];
    let authority_end = rest.find(['/', '?']).unwrap_or(rest.len());
    let authority = &rest[..authority_end];
    match (authority.rfind('@'), authority.find(':')) {
        (Some(at), Some(colon)) if colon < at => format!(
            "{}{}:***{}",
            &url[..scheme_end],
            &authority[..colon],
            &rest[at..]
        ),
        _ => url.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::redact_url;

    #[test]
    fn passwords_never_reach_messages() {
        assert_eq!(
            redact_url("postgres://u:s3cr@t@h:5432/db?x=1"),
            "postgres://u:***@h:5432/db?x=1"
        );
        assert_eq!(redact_url("postgres://u@h/db"), "postgres://u@h/db");
        assert_eq!(
            redact_url("postgres://%2Fvar%2Frun:5432/db"),
            "postgres://%2Fvar%2Frun:5432/db"
        );
        assert_eq!(redact_url("host=/tmp"), "host=/tmp");
    }
}
