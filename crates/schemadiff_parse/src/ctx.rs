//! The state one statement's conversion works with: where it is, what schema
//! unqualified names mean, and where diagnostics and pending work go.

use crate::diagnostic::{Code, Diagnostic, Location, SourceFile};
use crate::line_index::LineIndex;
use crate::pending::Pending;
use schemadiff_model::{Catalog, Duplicate, Ident, ObjectMeta, QualifiedName, SourceSpan};
use sqlparser::ast::{ObjectName, ObjectNamePart};
use sqlparser::tokenizer::Span;
use std::sync::Arc;

pub struct Ctx<'a> {
    pub catalog: &'a mut Catalog,
    pub diags: &'a mut Vec<Diagnostic>,
    pub pending: &'a mut Pending,
    pub file: &'a FileCtx,
    /// Byte span of the statement in its file.
    pub stmt_start: usize,
    pub stmt_end: usize,
    /// Schema for unqualified names (`public`, or the file's `SET search_path`).
    pub default_schema: Ident,
    /// From a `-- schemadiff:renamed-from` comment before the statement.
    pub renamed_from: Option<Ident>,
    /// Markers inside a CREATE TABLE body: an element's file byte span and its old name.
    pub element_renames: Vec<(usize, usize, Ident)>,
    /// Line and column of the statement's first character.
    pub stmt_line_col: (usize, usize),
    /// Identity options lifted out of the text before parsing, in order.
    pub identity_options: std::collections::VecDeque<String>,
}

/// One source file with its line index, shared by all its statements.
pub struct FileCtx {
    pub source: Arc<SourceFile>,
    pub lines: LineIndex,
}

impl FileCtx {
    pub fn location(&self, start: usize, end: usize) -> Location {
        let (line, column) = self.lines.line_col(&self.source.text, start);
        Location {
            source: self.source.clone(),
            start,
            end: end.max(start),
            line,
            column,
        }
    }
}

impl Ctx<'_> {
    pub fn text(&self) -> &str {
        &self.file.source.text[self.stmt_start..self.stmt_end]
    }

    pub fn stmt_location(&self) -> Location {
        self.file.location(self.stmt_start, self.stmt_end)
    }

    /// The file location of a sqlparser span (relative to the statement), or the
    /// whole statement when the parser gave none.
    pub fn location_of(&self, span: Span) -> Location {
        if span.start.line == 0 {
            return self.stmt_location();
        }
        // sqlparser counts lines and columns from the statement's start; shift them to
        // the file and let the file's line index find the bytes (no rescans per span).
        let (stmt_line, stmt_col) = self.stmt_line_col;
        let absolute = |line: u64, column: u64| {
            let line = stmt_line + line as usize - 1;
            let column = if line == stmt_line {
                stmt_col + column as usize - 1
            } else {
                column as usize
            };
            self.file
                .lines
                .offset(&self.file.source.text, line, column)
                .clamp(self.stmt_start, self.stmt_end)
        };
        let start = absolute(span.start.line, span.start.column);
        let end = absolute(span.end.line, span.end.column).max(start);
        self.file.location(start, end)
    }

    pub fn source_span(&self, loc: &Location) -> SourceSpan {
        SourceSpan {
            file: loc.source.path.clone(),
            start: loc.start,
            end: loc.end,
            line: loc.line,
            column: loc.column,
        }
    }

    /// Metadata for an object declared by this statement.
    pub fn meta(&self) -> ObjectMeta {
        let mut meta = ObjectMeta::in_file(
            &self.file.source.domain,
            self.source_span(&self.stmt_location()),
        );
        meta.renamed_from = self.renamed_from.clone().map(Box::new);
        meta
    }

    /// The old name a marker gives the body element (column or table constraint) at
    /// file offset `at`.
    pub fn element_renamed_from(&self, at: usize) -> Option<Ident> {
        self.element_renames
            .iter()
            .find(|(start, end, _)| *start <= at && at < *end)
            .map(|(_, _, name)| name.clone())
    }

    /// Metadata for a part of the statement (a column, an inline constraint).
    pub fn meta_at(&self, span: Span) -> ObjectMeta {
        let loc = self.location_of(span);
        ObjectMeta::in_file(&self.file.source.domain, self.source_span(&loc))
    }

    pub fn ident(&self, id: &sqlparser::ast::Ident) -> Ident {
        Ident::from_sql(&id.value, id.quote_style.is_some())
    }

    /// `schema.name` or `name` (in the default schema). Longer names (`db.schema.name`)
    /// keep their last two parts.
    pub fn qualify(&self, name: &ObjectName) -> QualifiedName {
        let parts: Vec<Ident> = name
            .0
            .iter()
            .filter_map(|p| match p {
                ObjectNamePart::Identifier(id) => Some(self.ident(id)),
                _ => None,
            })
            .collect();
        self.qualify_parts(&parts)
    }

    /// The parts of a dotted name: the last two, or the default schema for one.
    pub fn qualify_parts(&self, parts: &[Ident]) -> QualifiedName {
        match parts {
            [.., schema, name] => QualifiedName::new(schema.clone(), name.clone()),
            [name] => QualifiedName::new(self.default_schema.clone(), name.clone()),
            [] => QualifiedName::new(self.default_schema.clone(), Ident::new("")),
        }
    }

    pub fn error(&mut self, diag: Diagnostic) {
        self.diags.push(diag);
    }

    /// Reports a second definition of an object, pointing at both places.
    pub fn duplicate(&mut self, dup: Duplicate) {
        let diag = duplicate_diagnostic(&dup, self.stmt_location(), self.pending);
        self.diags.push(diag);
    }
}

impl Ctx<'_> {
    /// Records that `name` must resolve to an object of kind `expect` once all files are read.
    pub fn expect(
        &mut self,
        expect: crate::pending::Expect,
        name: QualifiedName,
        span: Span,
        context: String,
    ) {
        let location = self.location_of(span);
        self.pending.references.push(crate::pending::Reference {
            expect,
            name,
            location,
            context,
        });
    }

    /// Records that a column's type must exist: built-ins pass, extension types
    /// (`geography`, unqualified) need their extension, user types need a definition.
    pub fn resolve_type(&mut self, ty: &schemadiff_model::TypeName, span: Span, context: String) {
        if ty.is_builtin() {
            return;
        }
        let name = match &ty.schema {
            Some(schema) => QualifiedName::new(schema.clone(), Ident::new(ty.name.clone())),
            None if crate::resolve::extension_providing(&ty.name).is_some() => {
                QualifiedName::new(Ident::new(""), Ident::new(ty.name.clone()))
            }
            None => {
                let location = self.location_of(span);
                self.error(
                    crate::diagnostic::Diagnostic::error(crate::diagnostic::Code::UndefinedReference, format!("type `{ty}` is not a PostgreSQL type ({context})"))
                        .at(location, "unknown type")
                        .with_help("use a PostgreSQL type (integer, bigint, text, varchar(n), numeric(p,s), timestamptz, boolean, jsonb, uuid, ...)"),
                );
                return;
            }
        };
        self.expect(crate::pending::Expect::Type, name, span, context);
    }
}

/// "X is defined twice", at the second definition, with the first one attached.
pub fn duplicate_diagnostic(dup: &Duplicate, second: Location, pending: &Pending) -> Diagnostic {
    let mut diag = Diagnostic::error(
        Code::DuplicateObject,
        format!("{} is defined twice", dup.id),
    )
    .at(second, "defined again here")
    .with_help("keep one definition; schema files declare each object exactly once");
    if let Some(first) = dup
        .existing
        .origin
        .span()
        .and_then(|span| pending.location_of(span))
    {
        diag = diag.with_related(
            Diagnostic::new(
                Code::DuplicateObject,
                crate::diagnostic::Severity::Warning,
                format!("first definition of {}", dup.id),
            )
            .at(first, "first defined here"),
        );
    }
    diag
}

/// The identifier a Word or quoted-identifier token spells (`"a""b"` is `a"b`, case kept);
/// `None` for any other token.
pub fn token_ident(src: &str, t: &crate::lex::Token) -> Option<Ident> {
    let raw = t.text(src);
    match t.kind {
        crate::lex::TokenKind::Word => Some(Ident::from_sql(raw, false)),
        crate::lex::TokenKind::QuotedIdent if raw.len() >= 2 && raw.starts_with('"') => Some(
            Ident::from_sql(&raw[1..raw.len() - 1].replace("\"\"", "\""), true),
        ),
        _ => None,
    }
}
