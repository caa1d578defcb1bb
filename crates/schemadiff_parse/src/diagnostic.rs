//! Diagnostics for schema files: stable codes, severities, spans, help lines.

use miette::{LabeledSpan, NamedSource, SourceCode};
use std::fmt;
use std::sync::Arc;

/// Every diagnostic the loader can emit. The kebab-case code is stable: users
/// suppress, grep and document by it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Code {
    Io,
    SyntaxError,
    UnsupportedStatement,
    IgnoredStatement,
    NotDeclarative,
    DuplicateObject,
    UndefinedReference,
    MysqlEnumColumn,
    MysqlInlineIndex,
    MysqlAutoIncrement,
    MysqlUnsigned,
    MysqlIntegerWidth,
    MysqlBacktick,
    MysqlTableOption,
    /// A `-- schemadiff:` marker comment without a usable value, or attached to nothing.
    MalformedMarker,
    /// PostgreSQL rejected a statement while loading the dev database.
    ServerError,
}

impl Code {
    pub fn as_str(self) -> &'static str {
        match self {
            Code::Io => "io-error",
            Code::SyntaxError => "syntax-error",
            Code::UnsupportedStatement => "unsupported-statement",
            Code::IgnoredStatement => "ignored-statement",
            Code::NotDeclarative => "not-declarative",
            Code::DuplicateObject => "duplicate-object",
            Code::UndefinedReference => "undefined-reference",
            Code::MysqlEnumColumn => "mysql-enum-column",
            Code::MysqlInlineIndex => "mysql-inline-index",
            Code::MysqlAutoIncrement => "mysql-auto-increment",
            Code::MysqlUnsigned => "mysql-unsigned",
            Code::MysqlIntegerWidth => "mysql-integer-width",
            Code::MysqlBacktick => "mysql-backtick",
            Code::MysqlTableOption => "mysql-table-option",
            Code::MalformedMarker => "malformed-marker",
            Code::ServerError => "server-error",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    Error,
    Warning,
}

/// One loaded file: its display path, owning domain and text.
#[derive(Debug)]
pub struct SourceFile {
    pub path: Arc<str>,
    pub domain: String,
    pub text: Arc<str>,
}

/// Where a diagnostic points: a byte span in a file plus its 1-based line/column.
#[derive(Debug, Clone)]
pub struct Location {
    pub source: Arc<SourceFile>,
    pub start: usize,
    pub end: usize,
    pub line: usize,
    pub column: usize,
}

#[derive(Debug, Clone)]
pub struct Diagnostic {
    pub code: Code,
    pub severity: Severity,
    pub message: String,
    pub help: Option<String>,
    pub location: Option<Location>,
    /// Text under the primary span.
    pub label: String,
    /// Other places involved (e.g. the first definition of a duplicate).
    pub related: Vec<Diagnostic>,
    named: Option<NamedSource<Arc<str>>>,
}

impl Diagnostic {
    pub fn new(code: Code, severity: Severity, message: impl Into<String>) -> Diagnostic {
        Diagnostic {
            code,
            severity,
            message: message.into(),
            help: None,
            location: None,
            label: String::new(),
            related: Vec::new(),
            named: None,
        }
    }

    pub fn error(code: Code, message: impl Into<String>) -> Diagnostic {
        Diagnostic::new(code, Severity::Error, message)
    }

    pub fn warning(code: Code, message: impl Into<String>) -> Diagnostic {
        Diagnostic::new(code, Severity::Warning, message)
    }

    pub fn at(mut self, location: Location, label: impl Into<String>) -> Diagnostic {
        self.named = Some(
            NamedSource::new(&location.source.path, location.source.text.clone())
                .with_language("SQL"),
        );
        self.location = Some(location);
        self.label = label.into();
        self
    }

    pub fn with_help(mut self, help: impl Into<String>) -> Diagnostic {
        self.help = Some(help.into());
        self
    }

    pub fn with_related(mut self, related: Diagnostic) -> Diagnostic {
        self.related.push(related);
        self
    }

    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }

    /// `file:line:column: severity[code]: message` — for logs, CI annotations and tests.
    pub fn short(&self) -> String {
        let sev = match self.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        let place = match &self.location {
            Some(l) => format!("{}:{}:{}: ", l.source.path, l.line, l.column),
            None => String::new(),
        };
        format!("{place}{sev}[{}]: {}", self.code.as_str(), self.message)
    }

    /// Sort key: file, position, then code, so output order never depends on discovery order.
    pub fn sort_key(&self) -> (String, usize, Code, String) {
        match &self.location {
            Some(l) => (
                l.source.path.to_string(),
                l.start,
                self.code,
                self.message.clone(),
            ),
            None => (String::new(), 0, self.code, self.message.clone()),
        }
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for Diagnostic {}

impl miette::Diagnostic for Diagnostic {
    fn code<'a>(&'a self) -> Option<Box<dyn fmt::Display + 'a>> {
        Some(Box::new(format!("schemadiff::{}", self.code.as_str())))
    }

    fn severity(&self) -> Option<miette::Severity> {
        Some(match self.severity {
            Severity::Error => miette::Severity::Error,
            Severity::Warning => miette::Severity::Warning,
        })
    }

    fn help<'a>(&'a self) -> Option<Box<dyn fmt::Display + 'a>> {
        self.help
            .as_ref()
            .map(|h| Box::new(h) as Box<dyn fmt::Display>)
    }

    fn source_code(&self) -> Option<&dyn SourceCode> {
        self.named.as_ref().map(|n| n as &dyn SourceCode)
    }

    fn labels(&self) -> Option<Box<dyn Iterator<Item = LabeledSpan> + '_>> {
        let l = self.location.as_ref()?;
        let label = (!self.label.is_empty()).then(|| self.label.clone());
        let span = LabeledSpan::new_primary_with_span(label, (l.start, l.end - l.start));
        Some(Box::new(std::iter::once(span)))
    }

    fn related<'a>(&'a self) -> Option<Box<dyn Iterator<Item = &'a dyn miette::Diagnostic> + 'a>> {
        if self.related.is_empty() {
            return None;
        }
        Some(Box::new(
            self.related.iter().map(|d| d as &dyn miette::Diagnostic),
        ))
    }
}
