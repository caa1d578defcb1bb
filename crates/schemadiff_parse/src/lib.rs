//! Loads schema files into the catalog, with precise diagnostics.
//!
//! Files are lexed and split into statements here (so one bad statement costs one
//! diagnostic), each statement is parsed on its own by sqlparser, converted into
//! catalog objects, and a final pass resolves names and references.

mod columns;
mod convert;
mod ctx;
pub mod diagnostic;
mod fallback;
pub mod lex;
pub mod line_index;
mod markers;
mod merge;
mod mysql;
mod parallel;
mod pending;
mod position;
mod prepare;
mod refs;
mod resolve;
mod source;
pub mod split;
mod sql_tokens;

pub use diagnostic::{Code, Diagnostic, Location, Severity, SourceFile};

use ctx::{Ctx, FileCtx};
use lex::{is_keyword, lex, LexErrorKind, TokenKind};
use line_index::LineIndex;
use pending::Pending;
use schemadiff_model::{Catalog, Ident};
use split::{significant, split, RawStatement};
use std::path::Path;
use std::sync::Arc;

/// The result of loading: the static catalog, every diagnostic (sorted by file and
/// position), and the sources they point into.
#[derive(Debug)]
pub struct Loaded {
    pub catalog: Catalog,
    pub diagnostics: Vec<Diagnostic>,
    pub sources: Vec<Arc<SourceFile>>,
}

impl Loaded {
    pub fn has_errors(&self) -> bool {
        self.diagnostics.iter().any(Diagnostic::is_error)
    }
}

/// How unqualified names are read.
#[derive(Debug, Clone, Default)]
pub struct LoadOptions {
    /// The schema unqualified names belong to at the start of every file (the first
    /// schema of the `search_path` the files are written for); `public` when `None`.
    /// A `SET search_path` in a file still overrides it for the rest of that file.
    pub default_schema: Option<Ident>,
    /// Schemas the target database already has: files may put objects in them without
    /// creating them (the desired state then holds them as implied schemas, which are
    /// never created on the target nor dropped from it).
    pub existing_schemas: Vec<Ident>,
    /// Threads to read files on; `None`: one per core, at most eight. The result does not
    /// depend on it (tests compare), only the time does.
    pub threads: Option<usize>,
}

/// Loads `--schemas PATH`: a folder of domain folders, or one `.sql` file.
pub fn load_path(path: &Path) -> Loaded {
    load_path_with(path, &LoadOptions::default())
}

/// [`load_path`] with options.
pub fn load_path_with(path: &Path, options: &LoadOptions) -> Loaded {
    let (files, mut diags) = source::discover(path);
    let mut loaded = load_sources_with(files, options);
    diags.append(&mut loaded.diagnostics);
    diags.sort_by_key(Diagnostic::sort_key);
    loaded.diagnostics = diags;
    loaded
}

/// Loads in-memory sources (tests, benchmarks, stdin). Files are read on up to
/// `available_parallelism` threads, each a contiguous run of files, and merged in order.
pub fn load_sources(files: Vec<SourceFile>) -> Loaded {
    load_sources_with(files, &LoadOptions::default())
}

/// [`load_sources`] with options.
pub fn load_sources_with(files: Vec<SourceFile>, options: &LoadOptions) -> Loaded {
    let default_schema = options
        .default_schema
        .clone()
        .unwrap_or_else(|| Ident::new("public"));
    let sources: Vec<Arc<SourceFile>> = files.into_iter().map(Arc::new).collect();
    let sorted = sorted_by_path(&sources);
    let total: usize = sources.iter().map(|s| s.text.len()).sum();
    // Threads pay off only on big inputs; small schemas stay on one thread.
    let threads = options.threads.unwrap_or_else(parallel::threads).max(1);
    let threads = if total < 256 * 1024 { 1 } else { threads };
    let runs = split_by_size(&sources, threads);
    let load_run = |run: &[Arc<SourceFile>]| {
        let mut part = merge::Part {
            pending: Pending {
                sources: sorted.clone(),
                ..Pending::default()
            },
            ..merge::Part::default()
        };
        for source in run {
            load_file(
                source,
                &default_schema,
                &mut part.catalog,
                &mut part.diags,
                &mut part.pending,
            );
        }
        part
    };
    let mut parts: Vec<merge::Part> = if runs.len() <= 1 {
        vec![load_run(&sources)]
    } else {
        parallel::one_thread_each(&runs, |run| load_run(run))
    };
    let mut acc = parts.remove(0);
    for part in parts {
        merge::merge(&mut acc, part);
    }
    let merge::Part {
        mut catalog,
        mut diags,
        mut pending,
    } = acc;
    imply_existing_schemas(&mut catalog, &pending, &options.existing_schemas);
    resolve::run(&mut catalog, &mut diags, &mut pending);
    catalog.shrink_to_fit();
    diags.sort_by_key(Diagnostic::sort_key);
    Loaded {
        catalog,
        diagnostics: diags,
        sources,
    }
}

/// Schemas the files use without creating them but the target has: held as implied.
fn imply_existing_schemas(catalog: &mut Catalog, pending: &Pending, existing: &[Ident]) {
    for r in &pending.references {
        let schema = &r.name.schema;
        if r.expect == pending::Expect::Schema
            && !catalog.schemas.contains_key(schema)
            && existing.contains(schema)
        {
            let implied = schemadiff_model::Schema {
                name: schema.clone(),
                authorization: None,
                meta: schemadiff_model::ObjectMeta::default(),
            };
            // Absent from the map (checked above), so this cannot be a duplicate.
            let _ = catalog.add_schema(implied);
        }
    }
}

/// Contiguous runs of files with roughly equal bytes (order is preserved).
fn split_by_size(sources: &[Arc<SourceFile>], parts: usize) -> Vec<&[Arc<SourceFile>]> {
    let total: usize = sources.iter().map(|s| s.text.len()).sum();
    let target = total / parts.max(1) + 1;
    let mut runs = Vec::new();
    let (mut start, mut acc) = (0, 0);
    for (i, s) in sources.iter().enumerate() {
        acc += s.text.len();
        if acc >= target && runs.len() + 1 < parts {
            runs.push(&sources[start..=i]);
            start = i + 1;
            acc = 0;
        }
    }
    if start < sources.len() {
        runs.push(&sources[start..]);
    }
    runs
}

fn sorted_by_path(sources: &[Arc<SourceFile>]) -> Vec<Arc<SourceFile>> {
    let mut sorted = sources.to_vec();
    sorted.sort_by(|a, b| a.path.cmp(&b.path));
    sorted
}

fn load_file(
    source: &Arc<SourceFile>,
    default_schema: &Ident,
    catalog: &mut Catalog,
    diags: &mut Vec<Diagnostic>,
    pending: &mut Pending,
) {
    let file = FileCtx {
        source: source.clone(),
        lines: LineIndex::new(&source.text),
    };
    let text: &str = &source.text;
    let (tokens, lex_errors) = lex(text);
    for e in &lex_errors {
        diags.push(lex_error(&file, e.kind.clone(), e.start, e.end));
    }
    let mut default_schema = default_schema.clone();
    for raw in split(text, &tokens) {
        let stmt_text = &text[raw.start..raw.end];
        // The statement's significant tokens, collected once for every reader below.
        let sig: Vec<lex::Token> = significant(&tokens, raw.tokens.clone())
            .map(|(_, t)| *t)
            .collect();
        if let Some(schema) = search_path(text, &sig) {
            default_schema = schema;
            continue;
        }
        let broken_lexically = lex_errors
            .iter()
            .any(|e| e.start >= raw.start && e.start <= raw.end);
        let mysql = mysql::check(&file, &sig);
        let has_mysql = !mysql.diags.is_empty();
        diags.extend(mysql.diags);
        let (mut parse_text, hints) = prepare::prepare(text, &sig, &raw);
        // MySQL constructs (already reported) are rewritten so the rest still loads.
        for (start, end, with) in mysql.blanks {
            let (s, e) = (start - raw.start, end - raw.start);
            if e <= parse_text.len()
                && parse_text.is_char_boundary(s)
                && parse_text.is_char_boundary(e)
            {
                parse_text
                    .to_mut()
                    .replace_range(s..e, &format!("{with:<width$}", width = e - s));
            }
        }
        let renamed_from = renamed_from(&file, &raw, diags);
        let element_renames = element_renames(&file, &tokens, &raw, &sig, diags);
        let mut ctx = Ctx {
            catalog,
            diags,
            pending,
            file: &file,
            stmt_start: raw.start,
            stmt_end: raw.end,
            default_schema: default_schema.clone(),
            renamed_from,
            element_renames,
            identity_options: hints.identity_options.clone().into(),
            stmt_line_col: file.lines.line_col(text, raw.start),
        };
        if is_create_sequence(text, &sig) && convert::sequence_tokens::create_sequence(&mut ctx) {
            continue;
        }
        if !has_mysql && convert::index_tokens::create_index(&mut ctx, text, &sig) {
            continue;
        }
        // The file's tokens serve when the text reaching sqlparser is the file's own.
        let lexed = match &parse_text {
            std::borrow::Cow::Borrowed(_) if !broken_lexically => {
                tokens.get(raw.tokens.clone()).map(|t| (t, raw.start))
            }
            _ => None,
        };
        match sql_tokens::parse_statements(&parse_text, lexed) {
            Ok(statements) => {
                for stmt in &statements {
                    if let convert::Outcome::Verbatim = convert::statement(&mut ctx, stmt, &hints) {
                        let summary = fallback::statement_summary(stmt_text);
                        let loc = ctx.stmt_location();
                        ctx.error(
                            Diagnostic::warning(Code::UnsupportedStatement, format!("{summary} statement is not modelled by schemadiff; kept verbatim"))
                                .at(loc, "executed as written, after the objects it names")
                                .with_help("the objects it touches are not compared in static mode; a dev database (`--dev-url`) checks it for real"),
                        );
                        fallback::keep_verbatim(&mut ctx, summary);
                    }
                }
            }
            // Already reported precisely; sqlparser's message would only repeat it.
            Err(e) => {
                // Already reported precisely when MySQL syntax or a lexical error broke it.
                if !has_mysql && !broken_lexically {
                    fallback::parse_failed(&mut ctx, &e.to_string());
                }
                // What it meant to create is not "defined nowhere", just broken.
                if let Some(name) = fallback::created_name(stmt_text, &ctx.default_schema) {
                    ctx.pending.broken.insert(name);
                }
            }
        }
    }
}

fn lex_error(file: &FileCtx, kind: LexErrorKind, start: usize, end: usize) -> Diagnostic {
    let (what, help) = match kind {
        LexErrorKind::UnterminatedString => (
            "unterminated string literal",
            "close the string with `'` (write `''` for a quote inside it)",
        ),
        LexErrorKind::UnterminatedQuotedIdent => (
            "unterminated quoted identifier",
            "close the identifier with `\"`",
        ),
        LexErrorKind::UnterminatedBlockComment => (
            "unterminated block comment",
            "close the comment with `*/` (block comments nest in PostgreSQL)",
        ),
        LexErrorKind::UnterminatedDollarString => (
            "unterminated dollar-quoted string",
            "close the body with the same `$tag$` that opened it",
        ),
        LexErrorKind::UnterminatedBacktick => (
            "unterminated backtick identifier (MySQL syntax)",
            "PostgreSQL quotes identifiers with `\"`",
        ),
    };
    Diagnostic::error(Code::SyntaxError, format!("syntax error: {what}"))
        .at(file.location(start, end), "opened here, never closed")
        .with_help(help)
}

fn is_create_sequence(src: &str, sig: &[lex::Token]) -> bool {
    sig.first().is_some_and(|t| is_keyword(src, t, "create"))
        && sig
            .iter()
            .take(3)
            .skip(1)
            .any(|t| is_keyword(src, t, "sequence"))
}

/// `SET [LOCAL|SESSION] search_path TO|= a, b`: the first schema becomes the default for
/// unqualified names in the rest of the file.
fn search_path(src: &str, sig: &[lex::Token]) -> Option<Ident> {
    let mut i = 0;
    if !sig.first().is_some_and(|t| is_keyword(src, t, "set")) {
        return None;
    }
    i += 1;
    if sig
        .get(i)
        .is_some_and(|t| is_keyword(src, t, "local") || is_keyword(src, t, "session"))
    {
        i += 1;
    }
    if !sig
        .get(i)
        .is_some_and(|t| is_keyword(src, t, "search_path"))
    {
        return None;
    }
    let value = sig.get(i + 2)?;
    let raw_text = value.text(src);
    match value.kind {
        TokenKind::Word => Some(Ident::from_sql(raw_text, false)),
        TokenKind::QuotedIdent => Some(Ident::from_sql(raw_text.trim_matches('"'), true)),
        // `SET search_path = ''` (pg_dump) means "qualify everything": keep the default.
        TokenKind::String if raw_text.len() > 2 => {
            Some(Ident::from_sql(raw_text.trim_matches('\''), false))
        }
        _ => None,
    }
}

/// `-- schemadiff:renamed-from old_name` in the comments right before a statement.
fn renamed_from(file: &FileCtx, raw: &RawStatement, diags: &mut Vec<Diagnostic>) -> Option<Ident> {
    let src: &str = &file.source.text;
    let mut found = None;
    for &(s, e) in &raw.leading_comments {
        match markers::parse(&src[s..e]) {
            Some(Some(name)) => {
                found.get_or_insert(name);
            }
            Some(None) => diags.push(markers::malformed(file, s, e)),
            None => {}
        }
    }
    found
}

/// Markers inside a CREATE TABLE body, for its columns and table constraints.
fn element_renames(
    file: &FileCtx,
    tokens: &[lex::Token],
    raw: &RawStatement,
    sig: &[lex::Token],
    diags: &mut Vec<Diagnostic>,
) -> Vec<(usize, usize, Ident)> {
    let src: &str = &file.source.text;
    let Some(stmt_tokens) = tokens.get(raw.tokens.clone()) else {
        return Vec::new();
    };
    // Most statements have no marker inside: one scan of their comments decides.
    let has_marker = stmt_tokens
        .iter()
        .any(|t| t.kind == TokenKind::LineComment && t.text(src).contains("schemadiff:"));
    let is_table = sig.first().is_some_and(|t| is_keyword(src, t, "create"))
        && sig.iter().take(4).any(|t| is_keyword(src, t, "table"));
    if !has_marker || !is_table {
        return Vec::new();
    }
    let Some(open) = stmt_tokens
        .iter()
        .position(|t| t.kind == TokenKind::Punct && t.text(src) == "(")
    else {
        return Vec::new();
    };
    markers::table_body(file, stmt_tokens, open, diags)
}
