//! A catalog query (its `.sql` file name and text) and typed access to its rows.

use crate::error::IntrospectError;
use tokio_postgres::types::FromSql;
use tokio_postgres::Row;

/// One catalog query: the text of a `.sql` file beside the module that reads its rows.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Query {
    pub name: &'static str,
    pub sql: &'static str,
    /// Whether the text takes the schema filter as `$1::text[]` (empty = all non-system schemas).
    pub filtered: bool,
}

/// The rows of one query, remembering which query they came from for error messages.
#[derive(Debug)]
pub(crate) struct Rows {
    pub query: &'static str,
    pub rows: Vec<Row>,
}

impl Rows {
    pub fn iter(&self) -> impl Iterator<Item = RowRef<'_>> {
        self.rows.iter().map(move |row| RowRef {
            query: self.query,
            row,
        })
    }
}

/// One row, with column access that turns type mismatches into [`IntrospectError::Decode`].
#[derive(Debug, Clone, Copy)]
pub(crate) struct RowRef<'a> {
    pub query: &'static str,
    pub row: &'a Row,
}

impl<'a> RowRef<'a> {
    pub fn get<T: FromSql<'a>>(&self, column: &'static str) -> Result<T, IntrospectError> {
        self.row
            .try_get(column)
            .map_err(|source| IntrospectError::Decode {
                query: self.query,
                column,
                source,
            })
    }

    /// A text array column; SQL `NULL` (an empty `array_agg`) reads as empty.
    pub fn strings(&self, column: &'static str) -> Result<Vec<String>, IntrospectError> {
        Ok(self.get::<Option<Vec<String>>>(column)?.unwrap_or_default())
    }

    /// A text array column whose elements may be `NULL`.
    pub fn opt_strings(
        &self,
        column: &'static str,
    ) -> Result<Vec<Option<String>>, IntrospectError> {
        Ok(self
            .get::<Option<Vec<Option<String>>>>(column)?
            .unwrap_or_default())
    }

    /// A `"char"` column (`relkind`, `contype`, ...) as a Rust `char`.
    pub fn char(&self, column: &'static str) -> Result<char, IntrospectError> {
        let byte: i8 = self.get(column)?;
        Ok(char::from(byte.to_ne_bytes()[0]))
    }

    /// An error for a catalog value this crate does not map.
    pub fn unexpected(&self, what: &'static str, value: impl ToString) -> IntrospectError {
        IntrospectError::Unexpected {
            query: self.query,
            what,
            value: value.to_string(),
        }
    }
}
