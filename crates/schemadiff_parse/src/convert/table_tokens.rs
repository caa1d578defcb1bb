//! The common CREATE TABLE read straight from sqlparser tokens into sqlparser's own AST.
//!
//! Tables are most of a schema's text, and sqlparser's generic parser spends much of its
//! time on alternatives it tries and discards (formatting an error message each time).
//! This reader accepts only a plain shape: `CREATE TABLE [IF NOT EXISTS] name (...)`
//! with columns of common types and options (NOT NULL, NULL, DEFAULT, COLLATE, PRIMARY
//! KEY, UNIQUE, REFERENCES, CHECK, identity) and PRIMARY KEY / UNIQUE / FOREIGN KEY / CHECK
//! table constraints. Expressions and unusual types are handed to sqlparser's own
//! `parse_expr`/`parse_data_type` on exactly their tokens. Anything else returns `None`
//! and the statement goes through sqlparser's parser, so the AST (spans included) is
//! always the one sqlparser would build; tests check that on every golden case.

use sqlparser::ast::helpers::stmt_create_table::CreateTableBuilder;
use sqlparser::ast::{
    CastKind, CharacterLength, CheckConstraint, ColumnDef, ColumnOption, ColumnOptionDef, DataType,
    ExactNumberInfo, Expr, ForeignKeyConstraint, GeneratedAs, Ident, IndexColumn,
    NullsDistinctOption, ObjectName, ObjectNamePart, OrderByExpr, OrderByOptions,
    PrimaryKeyConstraint, ReferentialAction, Statement, TableConstraint, TimezoneInfo,
    UniqueConstraint, Value, ValueWithSpan,
};
use sqlparser::ast::{Function, FunctionArgumentList, FunctionArguments};
use sqlparser::dialect::PostgreSqlDialect;
use sqlparser::keywords::Keyword;
use sqlparser::parser::Parser;
use sqlparser::tokenizer::{Token, TokenWithSpan};

use crate::sql_tokens::Lazy;

static DIALECT: PostgreSqlDialect = PostgreSqlDialect {};

/// The statement sqlparser would parse from the tokens, when it is a plain CREATE TABLE.
/// `lazy` holds the statement `text`'s tokens with their texts left in `text`.
pub fn read(text: &str, lazy: &Lazy) -> Option<Statement> {
    let toks = &lazy.tokens[..];
    let mut r = Reader {
        toks,
        at: 0,
        text,
        lazy,
    };
    if !(r.eat_kw(Keyword::CREATE) && r.eat_kw(Keyword::TABLE)) {
        return None;
    }
    let if_not_exists = r.eat_kw(Keyword::IF);
    if if_not_exists && !(r.eat_kw(Keyword::NOT) && r.eat_kw(Keyword::EXISTS)) {
        return None;
    }
    let name = r.object_name()?;
    if !r.eat(&Token::LParen) || r.peek_is(&Token::RParen) {
        return None;
    }
    let mut columns = Vec::new();
    let mut constraints = Vec::new();
    loop {
        match r.table_constraint()? {
            Some(c) => constraints.push(c),
            None => columns.push(r.column()?),
        }
        if r.eat(&Token::RParen) {
            break;
        }
        if !r.eat(&Token::Comma) || r.peek_is(&Token::RParen) {
            return None;
        }
    }
    // Anything after the column list (INHERITS, PARTITION BY, WITH, ...) goes to sqlparser.
    if r.at != toks.len() {
        return None;
    }
    let table = CreateTableBuilder::new(name)
        .if_not_exists(if_not_exists)
        .columns(columns)
        .constraints(constraints)
        .build();
    Some(Statement::CreateTable(table))
}

struct Reader<'a> {
    /// Structure only: words, strings and numbers have empty texts (see [`Lazy`]).
    toks: &'a [TokenWithSpan],
    at: usize,
    text: &'a str,
    lazy: &'a Lazy,
}

/// Words that end a column's type or DEFAULT expression (sqlparser's column options).
const OPTION_WORDS: [Keyword; 10] = [
    Keyword::NOT,
    Keyword::NULL,
    Keyword::DEFAULT,
    Keyword::CONSTRAINT,
    Keyword::PRIMARY,
    Keyword::UNIQUE,
    Keyword::REFERENCES,
    Keyword::CHECK,
    Keyword::GENERATED,
    Keyword::COLLATE,
];

/// Keywords sqlparser's expression parser gives a meaning of their own (literals,
/// special functions, ...): as a key column they are left to sqlparser.
pub(crate) const SPECIAL_IN_EXPR: [Keyword; 44] = [
    Keyword::ARRAY,
    Keyword::BOX,
    Keyword::CASE,
    Keyword::CAST,
    Keyword::CEIL,
    Keyword::CIRCLE,
    Keyword::CONVERT,
    Keyword::CURRENT_CATALOG,
    Keyword::CURRENT_DATE,
    Keyword::CURRENT_TIME,
    Keyword::CURRENT_TIMESTAMP,
    Keyword::CURRENT_USER,
    Keyword::EXISTS,
    Keyword::EXTRACT,
    Keyword::FALSE,
    Keyword::FLOOR,
    Keyword::INTERVAL,
    Keyword::LAMBDA,
    Keyword::LINE,
    Keyword::LOCALTIME,
    Keyword::LOCALTIMESTAMP,
    Keyword::LSEG,
    Keyword::MAP,
    Keyword::MATCH,
    Keyword::NOT,
    Keyword::NULL,
    Keyword::OVERLAY,
    Keyword::PATH,
    Keyword::POINT,
    Keyword::POLYGON,
    Keyword::POSITION,
    Keyword::PRIOR,
    Keyword::SAFE_CAST,
    Keyword::SELECT,
    Keyword::SESSION_USER,
    Keyword::STRUCT,
    Keyword::SUBSTR,
    Keyword::SUBSTRING,
    Keyword::TRIM,
    Keyword::TRUE,
    Keyword::TRY_CAST,
    Keyword::TRY_CONVERT,
    Keyword::USER,
    Keyword::WITH,
];

impl<'a> Reader<'a> {
    fn peek(&self) -> Option<&'a Token> {
        self.toks.get(self.at).map(|t| &t.token)
    }

    fn peek_is(&self, t: &Token) -> bool {
        self.peek() == Some(t)
    }

    fn kw_at(&self, at: usize) -> Option<Keyword> {
        match self.toks.get(at).map(|t| &t.token) {
            Some(Token::Word(w)) => Some(w.keyword),
            _ => None,
        }
    }

    fn peek_kw(&self, k: Keyword) -> bool {
        self.kw_at(self.at) == Some(k)
    }

    fn eat_kw(&mut self, k: Keyword) -> bool {
        let yes = self.peek_kw(k);
        self.at += usize::from(yes);
        yes
    }

    fn eat(&mut self, t: &Token) -> bool {
        let yes = self.peek_is(t);
        self.at += usize::from(yes);
        yes
    }

    /// Any word, as sqlparser's `parse_identifier` takes it.
    fn ident(&mut self) -> Option<Ident> {
        if !matches!(self.peek(), Some(Token::Word(_))) {
            return None;
        }
        let t = self.lazy.token(self.text, self.at)?;
        let Token::Word(w) = t.token else {
            return None;
        };
        self.at += 1;
        Some(Ident {
            value: w.value,
            quote_style: w.quote_style,
            span: t.span,
        })
    }

    /// Tokens `from..to` with their texts, as sqlparser's own parse functions need them.
    fn run(&self, from: usize, to: usize) -> Option<Vec<TokenWithSpan>> {
        (from..to).map(|i| self.lazy.token(self.text, i)).collect()
    }

    /// `a` or `a.b` (or longer), as `parse_object_name(false)`.
    fn object_name(&mut self) -> Option<ObjectName> {
        let mut parts = vec![ObjectNamePart::Identifier(self.ident()?)];
        while self.eat(&Token::Period) {
            parts.push(ObjectNamePart::Identifier(self.ident()?));
        }
        Some(ObjectName(parts))
    }

    /// `( a, b )` of plain identifiers.
    fn ident_list(&mut self) -> Option<Vec<Ident>> {
        if !self.eat(&Token::LParen) {
            return None;
        }
        let mut out = vec![self.ident()?];
        while self.eat(&Token::Comma) {
            out.push(self.ident()?);
        }
        self.eat(&Token::RParen).then_some(out)
    }

    /// `( a, b )` as PRIMARY KEY / UNIQUE read it: each an expression with an optional
    /// operator class; only plain column names followed by `,` or `)` are taken here.
    fn key_list(&mut self) -> Option<Vec<IndexColumn>> {
        let start = self.at;
        let names = self.ident_list()?;
        // Words the expression parser gives a meaning of their own are left to it.
        let special = self.toks[start..self.at].iter().any(|t| {
            matches!(&t.token, Token::Word(w) if w.quote_style.is_none() && SPECIAL_IN_EXPR.contains(&w.keyword))
        });
        if special {
            return None;
        }
        Some(
            names
                .into_iter()
                .map(|id| IndexColumn {
                    column: OrderByExpr {
                        expr: Expr::Identifier(id),
                        options: OrderByOptions {
                            sort: None,
                            nulls_first: None,
                        },
                        with_fill: None,
                    },
                    operator_class: None,
                })
                .collect(),
        )
    }

    /// Where the run of tokens starting here ends: at a `,` or unmatched `)` outside
    /// brackets, or (when `options_end` is set) at a column option word outside them.
    fn run_end(&self, options_end: bool) -> usize {
        let mut depth = 0usize;
        let mut i = self.at;
        while let Some(t) = self.toks.get(i) {
            // The first token belongs to the run (`DEFAULT NULL`).
            let first = i == self.at;
            match &t.token {
                Token::LParen | Token::LBracket => depth += 1,
                Token::RParen | Token::RBracket if depth == 0 => break,
                Token::RParen | Token::RBracket => depth -= 1,
                Token::Comma if depth == 0 => break,
                Token::Word(w)
                    if depth == 0 && options_end && !first && OPTION_WORDS.contains(&w.keyword) =>
                {
                    break
                }
                _ => {}
            }
            i += 1;
        }
        i
    }

    /// Nothing sqlparser would read as constraint characteristics follows.
    fn no_characteristics(&self) -> bool {
        let k = self.kw_at(self.at);
        let next = self.kw_at(self.at + 1);
        let characteristic = matches!(
            k,
            Some(Keyword::DEFERRABLE | Keyword::INITIALLY | Keyword::ENFORCED)
        ) || (k == Some(Keyword::NOT)
            && matches!(next, Some(Keyword::DEFERRABLE | Keyword::ENFORCED)));
        !characteristic
    }

    /// At an element's end: `,` or `)`.
    fn at_element_end(&self) -> bool {
        matches!(self.peek(), Some(Token::Comma | Token::RParen))
    }

    fn table_constraint(&mut self) -> Option<Option<TableConstraint>> {
        let name = if self.eat_kw(Keyword::CONSTRAINT) {
            Some(self.ident()?)
        } else {
            None
        };
        let c: TableConstraint = match self.kw_at(self.at) {
            Some(Keyword::PRIMARY) if self.kw_at(self.at + 1) == Some(Keyword::KEY) => {
                self.at += 2;
                let columns = self.key_list()?;
                PrimaryKeyConstraint {
                    name,
                    index_name: None,
                    index_type: None,
                    columns,
                    include: vec![],
                    index_options: vec![],
                    characteristics: None,
                }
                .into()
            }
            Some(Keyword::UNIQUE) => {
                self.at += 1;
                let columns = self.key_list()?;
                UniqueConstraint {
                    name,
                    index_name: None,
                    index_type_display: sqlparser::ast::KeyOrIndexDisplay::None,
                    index_type: None,
                    columns,
                    include: vec![],
                    index_options: vec![],
                    characteristics: None,
                    nulls_distinct: NullsDistinctOption::None,
                }
                .into()
            }
            Some(Keyword::FOREIGN) if self.kw_at(self.at + 1) == Some(Keyword::KEY) => {
                self.at += 2;
                let columns = self.ident_list()?;
                if !self.eat_kw(Keyword::REFERENCES) {
                    return None;
                }
                let mut fk = self.references()?;
                fk.name = name;
                fk.columns = columns;
                fk.into()
            }
            Some(Keyword::CHECK) => {
                self.at += 1;
                let expr = self.parenthesized_expr()?;
                CheckConstraint {
                    name,
                    expr: Box::new(expr),
                    no_inherit: false,
                    enforced: None,
                }
                .into()
            }
            // A column (quoted, or any word sqlparser does not start a constraint with).
            Some(
                Keyword::EXCLUDE
                | Keyword::LIKE
                | Keyword::INDEX
                | Keyword::KEY
                | Keyword::FULLTEXT
                | Keyword::SPATIAL
                | Keyword::PRIMARY
                | Keyword::FOREIGN,
            ) => return None,
            _ if name.is_some() => return None,
            _ => return Some(None),
        };
        (self.no_characteristics() && self.at_element_end()).then_some(Some(c))
    }

    /// After REFERENCES: `table [(cols)] [ON DELETE action] [ON UPDATE action]`.
    fn references(&mut self) -> Option<ForeignKeyConstraint> {
        let foreign_table = self.object_name()?;
        let referred_columns = if self.peek_is(&Token::LParen) {
            self.ident_list()?
        } else {
            vec![]
        };
        let (mut on_delete, mut on_update) = (None, None);
        while self.peek_kw(Keyword::ON) {
            let which = self.kw_at(self.at + 1);
            self.at += 2;
            let action = self.referential_action()?;
            match which {
                Some(Keyword::DELETE) if on_delete.is_none() => on_delete = Some(action),
                Some(Keyword::UPDATE) if on_update.is_none() => on_update = Some(action),
                _ => return None,
            }
        }
        if self.peek_kw(Keyword::MATCH) || !self.no_characteristics() {
            return None;
        }
        Some(ForeignKeyConstraint {
            name: None,
            index_name: None,
            columns: vec![],
            foreign_table,
            referred_columns,
            on_delete,
            on_update,
            match_kind: None,
            characteristics: None,
        })
    }

    fn referential_action(&mut self) -> Option<ReferentialAction> {
        let (k, next) = (self.kw_at(self.at)?, self.kw_at(self.at + 1));
        let (action, len) = match (k, next) {
            (Keyword::RESTRICT, _) => (ReferentialAction::Restrict, 1),
            (Keyword::CASCADE, _) => (ReferentialAction::Cascade, 1),
            (Keyword::SET, Some(Keyword::NULL)) => (ReferentialAction::SetNull, 2),
            (Keyword::NO, Some(Keyword::ACTION)) => (ReferentialAction::NoAction, 2),
            (Keyword::SET, Some(Keyword::DEFAULT)) => (ReferentialAction::SetDefault, 2),
            _ => return None,
        };
        self.at += len;
        Some(action)
    }

    /// `( expr )`: the expression parsed by sqlparser from exactly its tokens.
    fn parenthesized_expr(&mut self) -> Option<Expr> {
        if !self.eat(&Token::LParen) {
            return None;
        }
        let end = self.run_end(false);
        let run = self.run(self.at, end)?;
        let expr = match super::condition_tokens::condition(&run) {
            Some(e) => e,
            None => sub_parse(&run, |p| p.parse_expr())?,
        };
        self.at = end;
        self.eat(&Token::RParen).then_some(expr)
    }

    fn column(&mut self) -> Option<ColumnDef> {
        let name = self.ident()?;
        let data_type = self.data_type()?;
        let mut options = Vec::new();
        while !self.at_element_end() {
            let name = if self.eat_kw(Keyword::CONSTRAINT) {
                Some(self.ident()?)
            } else {
                None
            };
            let option = self.column_option()?;
            options.push(ColumnOptionDef { name, option });
        }
        Some(ColumnDef {
            name,
            data_type,
            options,
        })
    }

    fn column_option(&mut self) -> Option<ColumnOption> {
        let k = self.kw_at(self.at)?;
        let next = self.kw_at(self.at + 1);
        Some(match (k, next) {
            (Keyword::NOT, Some(Keyword::NULL)) => {
                self.at += 2;
                ColumnOption::NotNull
            }
            (Keyword::NULL, _) => {
                self.at += 1;
                ColumnOption::Null
            }
            (Keyword::COLLATE, _) => {
                self.at += 1;
                ColumnOption::Collation(self.object_name()?)
            }
            (Keyword::DEFAULT, _) => {
                self.at += 1;
                ColumnOption::Default(self.default_expr()?)
            }
            (Keyword::PRIMARY, Some(Keyword::KEY)) => {
                self.at += 2;
                if !self.no_characteristics() {
                    return None;
                }
                PrimaryKeyConstraint {
                    name: None,
                    index_name: None,
                    index_type: None,
                    columns: vec![],
                    include: vec![],
                    index_options: vec![],
                    characteristics: None,
                }
                .into()
            }
            (Keyword::UNIQUE, _) => {
                self.at += 1;
                // `UNIQUE KEY`, `UNIQUE NULLS ...` and characteristics: sqlparser's.
                if matches!(
                    self.kw_at(self.at),
                    Some(Keyword::KEY | Keyword::INDEX | Keyword::NULLS)
                ) || !self.no_characteristics()
                {
                    return None;
                }
                UniqueConstraint {
                    name: None,
                    index_name: None,
                    index_type_display: sqlparser::ast::KeyOrIndexDisplay::None,
                    index_type: None,
                    columns: vec![],
                    include: vec![],
                    index_options: vec![],
                    characteristics: None,
                    nulls_distinct: NullsDistinctOption::None,
                }
                .into()
            }
            (Keyword::REFERENCES, _) => {
                self.at += 1;
                self.references()?.into()
            }
            (Keyword::CHECK, _) => {
                self.at += 1;
                let expr = self.parenthesized_expr()?;
                if matches!(self.kw_at(self.at), Some(Keyword::NO | Keyword::ENFORCED))
                    || !self.no_characteristics()
                {
                    return None;
                }
                CheckConstraint {
                    name: None,
                    expr: Box::new(expr),
                    no_inherit: false,
                    enforced: None,
                }
                .into()
            }
            (Keyword::GENERATED, _) => {
                let always = match (next, self.kw_at(self.at + 2)) {
                    (Some(Keyword::ALWAYS), Some(Keyword::AS)) => {
                        self.at += 3;
                        true
                    }
                    (Some(Keyword::BY), Some(Keyword::DEFAULT))
                        if self.kw_at(self.at + 3) == Some(Keyword::AS) =>
                    {
                        self.at += 4;
                        false
                    }
                    _ => return None,
                };
                // Identity only (its options were lifted out by `prepare`).
                if !self.eat_kw(Keyword::IDENTITY) || self.peek_is(&Token::LParen) {
                    return None;
                }
                ColumnOption::Generated {
                    generated_as: if always {
                        GeneratedAs::Always
                    } else {
                        GeneratedAs::ByDefault
                    },
                    sequence_options: Some(vec![]),
                    generation_expr: None,
                    generation_expr_mode: None,
                    generated_keyword: true,
                }
            }
            _ => return None,
        })
    }

    /// A DEFAULT expression: its tokens run to the next column option word or the
    /// element's end. sqlparser parses DEFAULT in a state where COLLATE and `NOT NULL` /
    /// `NULL` after an expression are not operators; expressions using those words are
    /// left to sqlparser (a lone `NULL` reads the same either way).
    fn default_expr(&mut self) -> Option<Expr> {
        let end = self.run_end(true);
        let structure = &self.toks[self.at..end];
        let touchy = |t: &TokenWithSpan| matches!(&t.token, Token::Word(w) if matches!(w.keyword, Keyword::COLLATE | Keyword::NOT | Keyword::NULL | Keyword::NOTNULL));
        if structure.len() > 1 && structure.iter().any(touchy) {
            return None;
        }
        let run = &self.run(self.at, end)?;
        // `NOT` starts a column option only as `NOT NULL`; otherwise it is an operator.
        if self.kw_at(end) == Some(Keyword::NOT) && self.kw_at(end + 1) != Some(Keyword::NULL) {
            return None;
        }
        let expr = match simple_expr(run) {
            Some(e) => e,
            None => sub_parse(run, |p| p.parse_expr())?,
        };
        self.at = end;
        Some(expr)
    }

    fn data_type(&mut self) -> Option<DataType> {
        let end = self.run_end(true);
        let run = &self.run(self.at, end)?;
        let ty = match common_type(run) {
            Some(ty) => ty,
            None => {
                // `NOT` ends a type only as `NOT NULL`.
                if self.kw_at(end) == Some(Keyword::NOT)
                    && self.kw_at(end + 1) != Some(Keyword::NULL)
                {
                    return None;
                }
                sub_parse(run, |p| p.parse_data_type())?
            }
        };
        self.at = end;
        Some(ty)
    }
}

/// The most common types, as `parse_data_type` reads them when a column option or the
/// element's end follows: one word, or `varchar(n)` / `numeric(p[,s])`.
fn common_type(run: &[TokenWithSpan]) -> Option<DataType> {
    let word = |i: usize| match run.get(i).map(|t| &t.token) {
        Some(Token::Word(w)) if w.quote_style.is_none() => Some(w.keyword),
        _ => None,
    };
    let number = |i: usize| match run.get(i).map(|t| &t.token) {
        Some(Token::Number(n, false)) if n.bytes().all(|b| b.is_ascii_digit()) => {
            n.parse::<u64>().ok()
        }
        _ => None,
    };
    let punct = |i: usize, p: Token| run.get(i).is_some_and(|t| t.token == p);
    match run.len() {
        1 => Some(match word(0)? {
            Keyword::BOOLEAN => DataType::Boolean,
            Keyword::BOOL => DataType::Bool,
            Keyword::TEXT => DataType::Text,
            Keyword::UUID => DataType::Uuid,
            Keyword::DATE => DataType::Date,
            Keyword::JSON => DataType::JSON,
            Keyword::JSONB => DataType::JSONB,
            Keyword::BYTEA => DataType::Bytea,
            Keyword::BIGINT => DataType::BigInt(None),
            Keyword::INTEGER => DataType::Integer(None),
            Keyword::INT => DataType::Int(None),
            Keyword::SMALLINT => DataType::SmallInt(None),
            Keyword::INT2 => DataType::Int2(None),
            Keyword::INT4 => DataType::Int4(None),
            Keyword::INT8 => DataType::Int8(None),
            Keyword::TIMESTAMPTZ => DataType::Timestamp(None, TimezoneInfo::Tz),
            Keyword::TIMESTAMP => DataType::Timestamp(None, TimezoneInfo::None),
            Keyword::NUMERIC => DataType::Numeric(ExactNumberInfo::None),
            Keyword::VARCHAR => DataType::Varchar(None),
            _ => return None,
        }),
        4 if punct(1, Token::LParen) && punct(3, Token::RParen) => {
            let n = number(2)?;
            match word(0)? {
                Keyword::VARCHAR => Some(DataType::Varchar(Some(CharacterLength::IntegerLength {
                    length: n,
                    unit: None,
                }))),
                Keyword::NUMERIC => Some(DataType::Numeric(ExactNumberInfo::Precision(n))),
                _ => None,
            }
        }
        6 if punct(1, Token::LParen) && punct(3, Token::Comma) && punct(5, Token::RParen) => {
            let (p, s) = (number(2)?, number(4)?);
            match word(0)? {
                Keyword::NUMERIC => Some(DataType::Numeric(ExactNumberInfo::PrecisionAndScale(
                    p,
                    i64::try_from(s).ok()?,
                ))),
                _ => None,
            }
        }
        _ => None,
    }
}

/// The most common DEFAULT expressions, built as `parse_expr` builds them: a number,
/// string, boolean or NULL literal, optionally cast to a common type (`'{}'::jsonb`),
/// or a call without arguments (`now()`).
fn simple_expr(run: &[TokenWithSpan]) -> Option<Expr> {
    let literal = |t: &TokenWithSpan| {
        let value = match &t.token {
            Token::Number(n, false) => Value::Number(n.clone(), false),
            Token::SingleQuotedString(s) => Value::SingleQuotedString(s.clone()),
            Token::Word(w) if w.quote_style.is_none() => match w.keyword {
                Keyword::TRUE => Value::Boolean(true),
                Keyword::FALSE => Value::Boolean(false),
                Keyword::NULL => Value::Null,
                _ => return None,
            },
            _ => return None,
        };
        Some(Expr::Value(ValueWithSpan {
            value,
            span: t.span,
        }))
    };
    match run {
        [lit] => literal(lit),
        [lit, cast, ty] if cast.token == Token::DoubleColon => Some(Expr::Cast {
            kind: CastKind::DoubleColon,
            expr: Box::new(literal(lit)?),
            data_type: common_type(std::slice::from_ref(ty))?,
            format: None,
        }),
        [name, open, close] if open.token == Token::LParen && close.token == Token::RParen => {
            let Token::Word(w) = &name.token else {
                return None;
            };
            // Words with a meaning of their own (CAST, EXTRACT, ...) are sqlparser's.
            if w.quote_style.is_none() && SPECIAL_IN_EXPR.contains(&w.keyword) {
                return None;
            }
            let ident = Ident {
                value: w.value.clone(),
                quote_style: w.quote_style,
                span: name.span,
            };
            Some(Expr::Function(Function {
                name: ObjectName(vec![ObjectNamePart::Identifier(ident)]),
                uses_odbc_syntax: false,
                parameters: FunctionArguments::None,
                args: FunctionArguments::List(FunctionArgumentList {
                    duplicate_treatment: None,
                    args: vec![],
                    clauses: vec![],
                }),
                within_group: vec![],
                filter: None,
                null_treatment: None,
                over: None,
            }))
        }
        _ => None,
    }
}

/// Runs one of sqlparser's own parse functions over exactly `run` (with its spans);
/// `None` unless it succeeds and reads every token.
fn sub_parse<T>(
    run: &[TokenWithSpan],
    f: impl FnOnce(&mut Parser) -> Result<T, sqlparser::parser::ParserError>,
) -> Option<T> {
    if run.is_empty() {
        return None;
    }
    let mut parser = Parser::new(&DIALECT).with_tokens_with_locations(run.to_vec());
    let out = f(&mut parser).ok()?;
    (parser.peek_token_ref().token == Token::EOF).then_some(out)
}

#[cfg(test)]
#[path = "table_tokens_tests.rs"]
mod tests;
