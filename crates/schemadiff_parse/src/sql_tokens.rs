//! Parses a statement with sqlparser from our own tokens instead of sqlparser's tokenizer.
//!
//! sqlparser's tokenizer re-reads every statement char by char, allocating a `String`
//! per word and binary-searching keywords; our lexer ([`crate::lex`]) has already done
//! the splitting. Here its tokens are converted to sqlparser [`Token`]s with the spans
//! sqlparser's own tokenizer would give them (1-based line and column, columns in chars,
//! end = the position after the token), and handed to the parser.
//!
//! Only tokens whose conversion is certain are converted: whenever one is not (escape,
//! Unicode, bit and hex strings, backticks, stray chars, operators outside an exact
//! table or next to other operator chars, lexer errors, ...), or when the parser rejects
//! the converted tokens, the statement goes through sqlparser's own path, so errors and
//! exotic syntax behave exactly as before. The equivalence with sqlparser's own
//! tokenizer, spans included, is checked by the tests below.
//!
//! Whitespace and comments are left out: the parser skips them anyway, except in three
//! places, handled here: a `:name` or `@name` placeholder must not have whitespace
//! after its `:`/`@` (a whitespace token is kept there), a comment like `/*+ ... */`
//! after SELECT, INSERT, UPDATE or DELETE is an optimizer hint (such comments are left
//! to sqlparser's path), and `COPY ... FROM STDIN;` reads the rest as data (COPY
//! statements too).

use crate::lex::{lex, Token as LexToken, TokenKind};
use sqlparser::ast::{DollarQuotedString, Statement};
use sqlparser::dialect::PostgreSqlDialect;
use sqlparser::keywords::{Keyword, ALL_KEYWORDS, ALL_KEYWORDS_INDEX};
use sqlparser::parser::{Parser, ParserError};
use sqlparser::tokenizer::{Location, Span, Token, TokenWithSpan, Tokenizer, Whitespace, Word};
use std::collections::HashMap;
use std::sync::OnceLock;

/// Parses `text` like `Parser::new(&PostgreSqlDialect {}).try_with_sql(text)?.parse_statements()`
/// (same statements, same spans, same errors), from our lexer's tokens when possible.
/// `lexed` is the statement's tokens from the file's lexer (offsets in the file, `text`
/// starting at the given file offset), when `text` is the file's text unchanged and had no
/// lexical errors; otherwise `text` is lexed again.
pub fn parse_statements(
    text: &str,
    lexed: Option<(&[LexToken], usize)>,
) -> Result<Vec<Statement>, ParserError> {
    let dialect = PostgreSqlDialect {};
    let relexed;
    let (tokens, base) = match lexed {
        Some(lexed) => lexed,
        None => {
            let (tokens, errors) = lex(text);
            if !errors.is_empty() {
                return Parser::new(&dialect)
                    .try_with_sql(text)
                    .and_then(|mut p| p.parse_statements());
            }
            relexed = tokens;
            (&relexed[..], 0)
        }
    };
    // A plain CREATE TABLE is read from tokens whose texts stay in `text` (no allocation
    // per word); only what the reader keeps is copied out.
    if starts_create_table(text, tokens, base) {
        if let Some(lazy) = convert_range(text, tokens, base, true) {
            if let Some(statement) = crate::convert::table_tokens::read(text, &lazy) {
                return Ok(vec![statement]);
            }
        }
    }
    if let Some(tokens) = convert_tokens(text, tokens, base) {
        if let Ok(statements) = Parser::new(&dialect)
            .with_tokens_with_locations(tokens)
            .parse_statements()
        {
            return Ok(statements);
        }
    }
    Parser::new(&dialect)
        .try_with_sql(text)
        .and_then(|mut p| p.parse_statements())
}

/// `CREATE TABLE` as the first two significant tokens.
fn starts_create_table(text: &str, tokens: &[LexToken], base: usize) -> bool {
    let mut words = tokens.iter().filter(|t| !t.is_trivia()).take(2).map(|t| {
        text.get(t.start.wrapping_sub(base)..t.end.wrapping_sub(base))
            .unwrap_or("")
    });
    words
        .next()
        .is_some_and(|w| w.eq_ignore_ascii_case("create"))
        && words
            .next()
            .is_some_and(|w| w.eq_ignore_ascii_case("table"))
}

/// Tokens converted lazily: words, single-quoted strings and numbers carry empty texts,
/// and `raws` gives each token's byte range in the statement text to fill them from
/// ([`Lazy::token`]).
pub(crate) struct Lazy {
    pub tokens: Vec<TokenWithSpan>,
    pub raws: Vec<(usize, usize)>,
}

impl Lazy {
    /// Token `i` with its text filled in, as the eager conversion gives it; `None` for
    /// kinds the lazy conversion does not leave empty-handed (dollar strings,
    /// placeholders) or the whitespace after a `:`/`@`.
    pub fn token(&self, text: &str, i: usize) -> Option<TokenWithSpan> {
        let t = self.tokens.get(i)?;
        let raw = text.get(self.raws[i].0..self.raws[i].1)?;
        let token = match &t.token {
            Token::Word(w) => Token::Word(Word {
                value: match w.quote_style {
                    Some(_) => unquote(raw, "\"\"", "\""),
                    None => raw.to_string(),
                },
                quote_style: w.quote_style,
                keyword: w.keyword,
            }),
            Token::SingleQuotedString(_) => Token::SingleQuotedString(unquote(raw, "''", "'")),
            Token::Number(_, long) => Token::Number(raw.to_string(), *long),
            Token::DollarQuotedString(_) | Token::Placeholder(_) | Token::Whitespace(_) => {
                return None
            }
            other => other.clone(),
        };
        Some(TokenWithSpan::new(token, t.span))
    }
}

/// sqlparser's tokens for `text` (whitespace and comments left out, except where the
/// parser looks at them), or `None` when a token cannot be converted with certainty.
#[cfg(test)]
pub(crate) fn convert(text: &str) -> Option<Vec<TokenWithSpan>> {
    let (tokens, errors) = lex(text);
    if !errors.is_empty() {
        return None;
    }
    convert_tokens(text, &tokens, 0)
}

/// [`convert`] from tokens already lexed: `tokens` cover `text` exactly, their offsets
/// counted from `base` bytes before `text`.
fn convert_tokens(text: &str, tokens: &[LexToken], base: usize) -> Option<Vec<TokenWithSpan>> {
    convert_range(text, tokens, base, false).map(|c| c.tokens)
}

/// The conversion; `lazy` leaves the texts of words, strings and numbers empty.
pub(crate) fn convert_range(
    text: &str,
    tokens: &[LexToken],
    base: usize,
    lazy: bool,
) -> Option<Lazy> {
    let owned = |raw: &str| if lazy { String::new() } else { raw.to_string() };
    let mut raws = Vec::new();
    let mut pos = Position { line: 1, column: 1 };
    // The first significant token of each statement in `text` (`COPY ... FROM STDIN;`
    // reads the rest as tab-separated data, whitespace included).
    let mut statement_start = true;
    let bytes = text.as_bytes();
    // Exactly sized (the parser keeps the vector; growing it would copy every token),
    // plus room for a whitespace token after a `:` or `@`.
    let significant = tokens.iter().filter(|t| !t.is_trivia()).count();
    let mut out: Vec<TokenWithSpan> = Vec::with_capacity(significant + 1);
    for (i, tok) in tokens.iter().enumerate() {
        let tok = &LexToken {
            kind: tok.kind,
            start: tok.start.checked_sub(base)?,
            end: tok.end.checked_sub(base)?,
        };
        let raw = text.get(tok.start..tok.end)?;
        let start = pos.location();
        let next = bytes.get(tok.end).copied();
        let token = match tok.kind {
            TokenKind::Whitespace => {
                // A byte-order mark is whitespace to us, an identifier to sqlparser.
                if bytes[tok.start] >= 0x80 {
                    return None;
                }
                pos.advance(raw);
                continue;
            }
            TokenKind::LineComment | TokenKind::BlockComment => {
                // `/*+ ... */` or `--+ ...` right after SELECT, INSERT, UPDATE or DELETE is
                // an optimizer hint that sqlparser keeps in the AST.
                let content = match tok.kind {
                    TokenKind::LineComment => &raw[2..],
                    _ => &raw[2..raw.len() - 2],
                };
                if content
                    .split_once('+')
                    .is_some_and(|(before, _)| before.bytes().all(|b| b.is_ascii_alphanumeric()))
                {
                    return None;
                }
                pos.advance(raw);
                continue;
            }
            TokenKind::Word => {
                pos.advance_line(raw);
                // `B"..."` is a byte string to sqlparser.
                if matches!(raw, "b" | "B") && next == Some(b'"') {
                    return None;
                }
                if statement_start && raw.eq_ignore_ascii_case("copy") {
                    return None;
                }
                Token::Word(Word {
                    value: owned(raw),
                    quote_style: None,
                    keyword: keyword_fast(raw),
                })
            }
            TokenKind::QuotedIdent => {
                // `U&"..."` has escapes sqlparser reads differently.
                if bytes[tok.start] != b'"' {
                    return None;
                }
                pos.advance(raw);
                Token::Word(Word {
                    value: if lazy {
                        String::new()
                    } else {
                        unquote(raw, "\"\"", "\"")
                    },
                    quote_style: Some('"'),
                    keyword: Keyword::NoKeyword,
                })
            }
            TokenKind::String => {
                // E'', B'', X'', N'', U&'' strings.
                if bytes[tok.start] != b'\'' {
                    return None;
                }
                pos.advance(raw);
                Token::SingleQuotedString(if lazy {
                    String::new()
                } else {
                    unquote(raw, "''", "'")
                })
            }
            TokenKind::DollarString => {
                let tag_end = raw[1..].find('$')? + 1;
                let tag = &raw[1..tag_end];
                // sqlparser's tag chars are alphanumeric or `_`; ours also any non-ASCII.
                if !tag.is_ascii() {
                    return None;
                }
                pos.advance(raw);
                Token::DollarQuotedString(DollarQuotedString {
                    value: raw[tag_end + 1..raw.len() - tag_end - 1].to_string(),
                    tag: (!tag.is_empty()).then(|| tag.to_string()),
                })
            }
            TokenKind::Number => {
                // Only plain decimals; sqlparser reads `0x1F` as a hex string, `0o17` as
                // `0` and a word, and has its own rules for `_` separators.
                if !raw
                    .bytes()
                    .all(|b| matches!(b, b'0'..=b'9' | b'.' | b'e' | b'E' | b'+' | b'-'))
                {
                    return None;
                }
                // `1L`, `1..2`, `1_000`, `1e_5`, ...: where the two lexers may disagree.
                if next.is_some_and(|b| b.is_ascii_alphanumeric() || b >= 0x80)
                    || matches!(next, Some(b'.' | b'_' | b'$'))
                {
                    return None;
                }
                pos.advance_line(raw);
                Token::Number(owned(raw), false)
            }
            TokenKind::Param => {
                // sqlparser's placeholder runs on over letters, digits, `_` and `$`.
                if next.is_some_and(|b| b.is_ascii_alphanumeric() || b >= 0x80)
                    || matches!(next, Some(b'_' | b'$'))
                {
                    return None;
                }
                pos.advance_line(raw);
                Token::Placeholder(raw.to_string())
            }
            TokenKind::Operator => {
                // sqlparser extends some operators over the operator chars that follow
                // (and splits runs its own way): only a whole run is converted, or an
                // operator before a sign that sqlparser is known to leave alone.
                let op = operators().get(raw)?;
                match next {
                    Some(b'+' | b'-') if op.before_sign => {}
                    Some(b) if is_operator_char(b) => return None,
                    _ => {}
                }
                pos.advance_line(raw);
                op.token.clone()
            }
            TokenKind::Punct => {
                pos.advance_line(raw);
                match bytes[tok.start] {
                    b'(' => Token::LParen,
                    b')' => Token::RParen,
                    b'[' => Token::LBracket,
                    b']' => Token::RBracket,
                    b',' => Token::Comma,
                    b';' => Token::SemiColon,
                    b':' => Token::Colon,
                    b'.' => {
                        // `._` is a period only right after a word.
                        if next == Some(b'_')
                            && !matches!(out.last(), Some(TokenWithSpan { token: Token::Word(_), span }) if span.end == start)
                        {
                            return None;
                        }
                        Token::Period
                    }
                    _ => return None,
                }
            }
            TokenKind::BacktickIdent | TokenKind::Unknown => return None,
        };
        statement_start = matches!(token, Token::SemiColon);
        // `:name` and `@name` placeholders must not have whitespace after the `:` or `@`;
        // the parser checks by looking at the raw next token.
        let placeholder_prefix = matches!(token, Token::Colon | Token::AtSign);
        out.push(TokenWithSpan::new(token, Span::new(start, pos.location())));
        if lazy {
            raws.push((tok.start, tok.end));
        }
        if placeholder_prefix && tokens.get(i + 1).is_some_and(LexToken::is_trivia) {
            let here = pos.location();
            out.push(TokenWithSpan::new(
                Token::Whitespace(Whitespace::Space),
                Span::new(here, here),
            ));
            if lazy {
                raws.push((tok.end, tok.end));
            }
        }
    }
    Some(Lazy { tokens: out, raws })
}

/// Where sqlparser's tokenizer would be: it counts chars, and a `\n` starts a new line.
#[derive(Clone, Copy)]
struct Position {
    line: u64,
    column: u64,
}

impl Position {
    fn location(&self) -> Location {
        Location::new(self.line, self.column)
    }

    /// Past a token that cannot contain a line break.
    fn advance_line(&mut self, raw: &str) {
        self.column += if raw.is_ascii() {
            raw.len()
        } else {
            raw.chars().count()
        } as u64;
    }

    /// Past any text.
    fn advance(&mut self, raw: &str) {
        let bytes = raw.as_bytes();
        match bytes.iter().rposition(|&b| b == b'\n') {
            None => self.advance_line(raw),
            Some(last) => {
                self.line += bytes.iter().filter(|&&b| b == b'\n').count() as u64;
                self.column = 1;
                self.advance_line(&raw[last + 1..]);
            }
        }
    }
}

/// The chars sqlparser's PostgreSQL dialect continues an operator with
/// (`is_custom_operator_part`).
fn is_operator_char(b: u8) -> bool {
    matches!(
        b,
        b'+' | b'-'
            | b'*'
            | b'/'
            | b'<'
            | b'>'
            | b'='
            | b'~'
            | b'!'
            | b'@'
            | b'#'
            | b'%'
            | b'^'
            | b'&'
            | b'|'
            | b'`'
            | b'?'
    )
}

/// The text between the quotes, with doubled quotes undoubled.
fn unquote(raw: &str, doubled: &str, single: &str) -> String {
    let inner = &raw[1..raw.len() - 1];
    if inner.contains(doubled) {
        inner.replace(doubled, single)
    } else {
        inner.to_string()
    }
}

/// An entry of the operator table.
struct Operator {
    token: Token,
    /// sqlparser ends the operator before a following `+` or `-` (`=-1` is `=`, `-`, `1`).
    before_sign: bool,
}

/// Operator text -> token, for every operator token sqlparser's PostgreSQL tokenizer
/// produces from exactly that text: the texts come from sqlparser's own `Display` of
/// its operator tokens, and each is kept only if tokenizing it gives that token back.
fn operators() -> &'static HashMap<String, Operator> {
    static TABLE: OnceLock<HashMap<String, Operator>> = OnceLock::new();
    TABLE.get_or_init(|| {
        let candidates = [
            Token::DoubleEq,
            Token::Eq,
            Token::Neq,
            Token::Lt,
            Token::Gt,
            Token::LtEq,
            Token::GtEq,
            Token::Spaceship,
            Token::Plus,
            Token::Minus,
            Token::Mul,
            Token::Div,
            Token::DuckIntDiv,
            Token::Mod,
            Token::StringConcat,
            Token::DoubleColon,
            Token::Assignment,
            Token::Ampersand,
            Token::Pipe,
            Token::Caret,
            Token::RArrow,
            Token::Sharp,
            Token::DoubleSharp,
            Token::Tilde,
            Token::TildeAsterisk,
            Token::ExclamationMarkTilde,
            Token::ExclamationMarkTildeAsterisk,
            Token::DoubleTilde,
            Token::DoubleTildeAsterisk,
            Token::ExclamationMarkDoubleTilde,
            Token::ExclamationMarkDoubleTildeAsterisk,
            Token::ShiftLeft,
            Token::ShiftRight,
            Token::Overlap,
            Token::ExclamationMark,
            Token::DoubleExclamationMark,
            Token::AtSign,
            Token::CaretAt,
            Token::PGSquareRoot,
            Token::PGCubeRoot,
            Token::Arrow,
            Token::LongArrow,
            Token::HashArrow,
            Token::HashLongArrow,
            Token::AtDashAt,
            Token::QuestionMarkDash,
            Token::AmpersandLeftAngleBracket,
            Token::AmpersandRightAngleBracket,
            Token::AmpersandLeftAngleBracketVerticalBar,
            Token::VerticalBarAmpersandRightAngleBracket,
            Token::VerticalBarRightAngleBracket,
            Token::TwoWayArrow,
            Token::LeftAngleBracketCaret,
            Token::RightAngleBracketCaret,
            Token::QuestionMarkSharp,
            Token::QuestionMarkDashVerticalBar,
            Token::QuestionMarkDoubleVerticalBar,
            Token::TildeEqual,
            Token::ShiftLeftVerticalBar,
            Token::VerticalBarShiftRight,
            Token::AtArrow,
            Token::ArrowAt,
            Token::HashMinus,
            Token::AtQuestion,
            Token::AtAt,
            Token::Question,
            Token::QuestionAnd,
            Token::QuestionPipe,
        ];
        let mut texts: Vec<(String, Token)> =
            candidates.into_iter().map(|t| (t.to_string(), t)).collect();
        // Not a Display form, but sqlparser's tokenizer reads `!=` as `<>`.
        texts.push(("!=".to_string(), Token::Neq));
        texts
            .into_iter()
            .filter(|(text, token)| tokenizes_alone(text, token, &["", " x", "x", "1", "(", "'x'"]))
            .map(|(text, token)| {
                let before_sign =
                    tokenizes_alone(&text, &token, &["-1", "+1", "-x", "+(", "--x", "-+1"]);
                (text, Operator { token, before_sign })
            })
            .collect()
    })
}

/// Whether sqlparser's tokenizer reads `text` as exactly `token`, spanning just `text`,
/// whichever of `afters` follows it.
fn tokenizes_alone(text: &str, token: &Token, afters: &[&str]) -> bool {
    let width = text.chars().count() as u64;
    afters.iter().all(|after| {
        let sql = format!("{text}{after}");
        Tokenizer::new(&PostgreSqlDialect {}, &sql)
            .tokenize_with_location()
            .is_ok_and(|got| {
                got.first().is_some_and(|first| {
                    first.token == *token
                        && first.span == Span::new(Location::new(1, 1), Location::new(1, 1 + width))
                })
            })
    })
}

#[cfg(test)]
thread_local! {
    /// Extra slots `keyword_fast` looked at (collisions), for the test of the hash.
    static PROBES: std::cell::Cell<usize> = const { std::cell::Cell::new(0) };
}

/// sqlparser's keyword for an unquoted word, as `Token::make_word(word, None)` finds it,
/// but through a hash table instead of its binary search: every word is looked up
/// (identifiers too), and the binary search costs ~10 string comparisons each.
/// Open addressing over the keywords' indices; the hash folds ASCII case as sqlparser's
/// comparison does.
pub(crate) fn keyword_fast(word: &str) -> Keyword {
    const SLOTS: usize = 4096;
    const MAX_LEN: usize = 64;
    static TABLE: OnceLock<Box<[u16; SLOTS]>> = OnceLock::new();
    // From the length and the first and last (up to) eight bytes, no loop; `| 0x20` folds
    // ASCII upper case to lower case (and maps a few other bytes onto each other, which
    // only costs a comparison).
    fn hash(word: &[u8]) -> usize {
        const FOLD: u64 = 0x2020_2020_2020_2020;
        let n = word.len();
        let load = |bytes: &[u8]| {
            let mut buf = [0u8; 8];
            buf[..bytes.len()].copy_from_slice(bytes);
            u64::from_le_bytes(buf) | FOLD
        };
        let (head, tail) = if n >= 8 {
            (load(&word[..8]), load(&word[n - 8..]))
        } else {
            (load(word), 0)
        };
        let h = head.wrapping_mul(0x9E37_79B9_7F4A_7C15)
            ^ tail.wrapping_mul(0xC2B2_AE3D_27D4_EB4F)
            ^ (n as u64).wrapping_mul(0x1656_67B1_9E37_79F9);
        (h ^ (h >> 29)) as usize >> 20
    }
    let table = TABLE.get_or_init(|| {
        let mut table = Box::new([0u16; SLOTS]);
        assert!(ALL_KEYWORDS.len() < SLOTS / 2 && ALL_KEYWORDS.len() < usize::from(u16::MAX));
        for (i, kw) in ALL_KEYWORDS.iter().enumerate() {
            assert!(kw.len() <= MAX_LEN, "{kw}");
            let mut slot = hash(kw.as_bytes()) % SLOTS;
            while table[slot] != 0 {
                slot = (slot + 1) % SLOTS;
            }
            table[slot] = (i + 1) as u16;
        }
        table
    });
    let bytes = word.as_bytes();
    if bytes.len() > MAX_LEN {
        return Keyword::NoKeyword;
    }
    let mut slot = hash(bytes) % SLOTS;
    loop {
        match table[slot] {
            0 => return Keyword::NoKeyword,
            i => {
                let i = usize::from(i - 1);
                if ALL_KEYWORDS[i].as_bytes().eq_ignore_ascii_case(bytes) {
                    return ALL_KEYWORDS_INDEX[i];
                }
            }
        }
        #[cfg(test)]
        PROBES.with(|p| p.set(p.get() + 1));
        slot = (slot + 1) % SLOTS;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::fmt::Write;
    use std::path::{Path, PathBuf};

    fn sqlparser_path(text: &str) -> Result<Vec<Statement>, ParserError> {
        Parser::parse_sql(&PostgreSqlDialect {}, text)
    }

    /// sqlparser's own tokens for `text`, whitespace and comments left out.
    fn sqlparser_tokens(text: &str) -> Option<Vec<TokenWithSpan>> {
        let tokens = Tokenizer::new(&PostgreSqlDialect {}, text)
            .tokenize_with_location()
            .ok()?;
        Some(
            tokens
                .into_iter()
                .filter(|t| !matches!(t.token, Token::Whitespace(_)))
                .collect(),
        )
    }

    #[derive(Default, Debug)]
    struct Tally {
        statements: usize,
        /// Converted and parsed from our tokens.
        fast: usize,
        /// Not converted (a token we leave to sqlparser).
        not_converted: Vec<String>,
        /// Converted, but the parser rejected the tokens (so did sqlparser's path).
        rejected: Vec<String>,
    }

    /// Checks one statement text: `parse_statements` must equal sqlparser's own path
    /// (statements with spans, or the error), and whenever our tokens are used they
    /// must be exactly sqlparser's (spans included).
    fn check(text: &str, tally: &mut Tally) {
        tally.statements += 1;
        let ours = parse_statements(text, None);
        let theirs = sqlparser_path(text);
        assert_eq!(
            format!("{ours:?}"),
            format!("{theirs:?}"),
            "parse_statements differs from sqlparser for {text:?}"
        );
        let Some(converted) = convert(text) else {
            tally.not_converted.push(text.to_string());
            return;
        };
        let without_inserted: Vec<TokenWithSpan> = converted
            .iter()
            .filter(|t| !matches!(t.token, Token::Whitespace(_)))
            .cloned()
            .collect();
        assert_eq!(
            Some(without_inserted),
            sqlparser_tokens(text),
            "converted tokens differ from sqlparser's for {text:?}"
        );
        match Parser::new(&PostgreSqlDialect {})
            .with_tokens_with_locations(converted)
            .parse_statements()
        {
            Ok(statements) => {
                tally.fast += 1;
                assert_eq!(
                    format!("{:?}", Ok::<_, ParserError>(statements)),
                    format!("{theirs:?}"),
                    "{text:?}"
                );
            }
            Err(e) => {
                tally.rejected.push(format!("{text}: {e}"));
                assert!(
                    theirs.is_err(),
                    "our tokens were rejected, sqlparser's accepted: {text:?}"
                );
            }
        }
    }

    /// Every statement of a file, as lib.rs feeds them: split, then as written and as
    /// `prepare` rewrites them.
    fn check_file(src: &str, tally: &mut Tally) {
        let (tokens, errors) = lex(src);
        for raw in crate::split::split(src, &tokens) {
            let text = &src[raw.start..raw.end];
            check(text, tally);
            // The file's own tokens convert exactly as the statement lexed alone.
            if errors.is_empty() {
                let run = &tokens[raw.tokens.clone()];
                assert_eq!(
                    format!("{:?}", convert_tokens(text, run, raw.start)),
                    format!("{:?}", convert(text)),
                    "{text:?}"
                );
                assert_eq!(
                    format!("{:?}", parse_statements(text, Some((run, raw.start)))),
                    format!("{:?}", sqlparser_path(text)),
                    "{text:?}"
                );
            }
            let sig: Vec<_> = crate::split::significant(&tokens, raw.tokens.clone())
                .map(|(_, t)| *t)
                .collect();
            let (prepared, _) = crate::prepare::prepare(src, &sig, &raw);
            if prepared != text {
                check(&prepared, tally);
            }
        }
    }

    fn sql_files(dir: &Path, out: &mut Vec<PathBuf>) {
        let Ok(entries) = std::fs::read_dir(dir) else {
            return;
        };
        for entry in entries.flatten() {
            let path = entry.path();
            if path.is_dir() {
                sql_files(&path, out);
            } else if path.extension().is_some_and(|e| e == "sql") {
                out.push(path);
            }
        }
    }

    #[test]
    fn repository_sql_files_parse_the_same() {
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
        let mut files = Vec::new();
        sql_files(&root.join("schemas"), &mut files);
        sql_files(&root.join("tests/cases"), &mut files);
        files.sort();
        assert!(files.len() > 50, "found only {} files", files.len());
        let mut tally = Tally::default();
        for f in &files {
            // Some cases are deliberately not UTF-8; they never reach the parser.
            if let Ok(src) = std::fs::read_to_string(f) {
                check_file(&src, &mut tally);
            }
        }
        eprintln!(
            "{} files, {} statements: {} from our tokens, {} not converted, {} rejected",
            files.len(),
            tally.statements,
            tally.fast,
            tally.not_converted.len(),
            tally.rejected.len()
        );
        eprintln!("not converted: {:#?}", tally.not_converted);
        assert!(tally.fast * 10 > tally.statements * 8, "{tally:#?}");
    }

    /// A varied schema in the shape of the benchmark's (tables with identity and uuid
    /// keys, defaults, casts, FKs, checks, partial and expression indexes, views).
    fn generated(tables: usize) -> String {
        let mut sql = String::new();
        let types = [
            "text",
            "varchar(64)",
            "numeric(12,4)",
            "integer",
            "bigint",
            "boolean",
            "timestamptz",
            "jsonb",
            "uuid",
            "int[]",
            "double precision",
            "character varying(10)",
            "timestamp(3) without time zone",
        ];
        let defaults = [
            "0",
            "1.5",
            "-1",
            "'{}'::jsonb",
            "now()",
            "gen_random_uuid()",
            "true",
            "'x'",
            "''",
            "'it''s'",
            "'{}'::int[]",
            "current_timestamp",
            "nextval('s.seq'::regclass)",
            "(1e10)",
            ".5",
            "ARRAY[1, 2]",
        ];
        let checks = [
            "amount >= 0",
            "quantity > 0",
            "char_length(code) > 0",
            "updated_at IS NULL OR updated_at >= created_at",
            "code <> ''",
            "code != 'x'",
            "amount <= 100 AND amount >= -5",
            "attributes ? 'k'",
            "attributes @> '{}'",
            "(attributes ->> 'k') IS NOT NULL",
            "code ~ '^[a-z]+$'",
            "code || name <> ''",
            "quantity % 2 = 0",
            "quantity BETWEEN 1 AND 10",
            "code IN ('a', 'b')",
        ];
        writeln!(sql, "-- generated\nCREATE SCHEMA gen;").unwrap();
        for i in 0..tables {
            let t = format!("gen.t{i:05}");
            writeln!(sql, "-- Table {t}.\nCREATE TABLE {t} (").unwrap();
            if i % 3 == 0 {
                writeln!(sql, "    id bigint GENERATED ALWAYS AS IDENTITY,").unwrap();
            } else {
                writeln!(sql, "    id uuid NOT NULL DEFAULT gen_random_uuid(),").unwrap();
            }
            for c in 0..(4 + i % 7) {
                let ty = types[(i * 7 + c * 3) % types.len()];
                let default = defaults[(i * 5 + c) % defaults.len()];
                let name = if (i + c) % 11 == 0 {
                    format!("\"Col \"\"{c}\"\"\"")
                } else {
                    format!("c{c}")
                };
                let not_null = if (i + c) % 2 == 0 { " NOT NULL" } else { "" };
                writeln!(sql, "    {name} {ty}{not_null} DEFAULT {default}, -- c{c}").unwrap();
            }
            writeln!(
                sql,
                "    code varchar(16) NOT NULL,\n    name text,\n    amount numeric(10,2),\n    quantity integer,\n    attributes jsonb,\n    created_at timestamptz,\n    updated_at timestamptz,"
            )
            .unwrap();
            writeln!(
                sql,
                "    CONSTRAINT t{i:05}_pkey PRIMARY KEY (id),\n    CONSTRAINT t{i:05}_code_key UNIQUE (code, name),"
            )
            .unwrap();
            if i > 0 {
                writeln!(
                    sql,
                    "    parent_id bigint REFERENCES gen.t{:05} (id) ON DELETE CASCADE,",
                    i - 1
                )
                .unwrap();
            }
            writeln!(
                sql,
                "    CONSTRAINT t{i:05}_check CHECK ({})\n);\n",
                checks[i % checks.len()]
            )
            .unwrap();
            let index = match i % 6 {
                0 => format!("CREATE INDEX t{i}_a ON {t} (created_at DESC) WHERE quantity > 0;"),
                1 => format!("CREATE INDEX t{i}_b ON {t} USING gin (attributes);"),
                2 => format!("CREATE UNIQUE INDEX t{i}_c ON {t} (lower(name)) NULLS NOT DISTINCT;"),
                3 => format!("CREATE INDEX t{i}_d ON {t} (code text_pattern_ops, (amount::int));"),
                4 => format!("CREATE INDEX t{i}_e ON {t} ((attributes->>'k'));"),
                _ => format!("CREATE INDEX IF NOT EXISTS t{i}_f ON {t} (code) INCLUDE (name);"),
            };
            writeln!(sql, "{index}").unwrap();
            if i % 10 == 9 {
                writeln!(
                    sql,
                    "CREATE VIEW gen.v{i} AS\nSELECT c.id, c.code AS \"Code\", c.amount * 2 AS twice,\n       COALESCE(c.name, '-') AS name, count(*) OVER (PARTITION BY c.code) AS n\nFROM {t} AS c\nJOIN gen.t{:05} p ON p.id = c.parent_id\nWHERE c.quantity >= 1 AND c.attributes #> '{{a,b}}' IS NOT NULL\nORDER BY c.code NULLS LAST;",
                    i - 1
                )
                .unwrap();
                writeln!(
                    sql,
                    "COMMENT ON TABLE {t} IS 'table {i}';\nALTER TABLE {t} ADD COLUMN extra_{i} text[] DEFAULT ARRAY[]::text[];"
                )
                .unwrap();
            }
            if i % 25 == 0 {
                writeln!(
                    sql,
                    "CREATE FUNCTION gen.f{i}(a integer, b text DEFAULT 'x') RETURNS integer\nLANGUAGE sql IMMUTABLE AS $$ SELECT a + 1; $$;\nCREATE OR REPLACE FUNCTION gen.g{i}() RETURNS trigger LANGUAGE plpgsql AS $body$\nBEGIN\n  NEW.updated_at := now(); -- touch\n  RETURN NEW;\nEND;\n$body$;\nCREATE TRIGGER tr{i} BEFORE UPDATE ON {t} FOR EACH ROW EXECUTE FUNCTION gen.g{i}();\nCREATE TYPE gen.e{i} AS ENUM ('a', 'b', 'c');\nCREATE SEQUENCE gen.s{i} INCREMENT BY 1 START WITH 1;\nGRANT SELECT ON {t} TO reader;"
                )
                .unwrap();
            }
        }
        sql
    }

    #[test]
    fn generated_schema_parses_the_same_from_our_tokens() {
        let mut tally = Tally::default();
        check_file(&generated(300), &mut tally);
        eprintln!("{tally:#?}");
        assert!(
            tally.not_converted.is_empty(),
            "not converted: {:#?}",
            tally.not_converted
        );
        assert!(tally.rejected.is_empty(), "{:#?}", tally.rejected);
    }

    const TRICKY: &[&str] = &[
        "SELECT 1",
        "SELECT a>=-1, a<>b, a!=b, a<=>b, a @> b, a <@ b, a->'k', a->>'k', a#>'{x}', a#>>'{x}'",
        "SELECT a>=-1",
        "SELECT a=-1, a= -1, a =- 1, -1, - 1, +1, a*-1, a/-2",
        "SELECT a ? 'k', a ?| ARRAY['x'], a ?& ARRAY['y'], a @? '$.x', a @@ 'x'",
        "SELECT a || b, a ||/ b, |/ a, ||/ a, a # b, a ## b, a #- '{a}'",
        "SELECT a ~ 'x', a ~* 'x', a !~ 'x', a !~* 'x', a ~~ 'x', a ~~* 'x', a !~~ 'x', a !~~* 'x'",
        "SELECT a << 1, a >> 1, a & 1, a | 1, a ^ 2, ~a, a && b, @ -1, !! 5",
        "SELECT a<<=b, a>>=b, a &< b, a &> b, a <-> b, a <^ b, a >^ b, a ?# b, a ?- b, a ?-| b, a ?|| b, a ~= b",
        "SELECT a +++ b, a *** b, a @-@ b, a <% b, a %> b, a ^@ b",
        "SELECT x::int, x::int[], x :: text, '{}'::int[], x::\"MyType\", x::varchar(10)[]",
        "SELECT ARRAY[1,2][1], a[1:2], a[:2], a[1:], a[ 1 : 2 ]",
        "SELECT :name, : name, :1, @x, @ x",
        "SELECT $$body; 'x'$$, $fn$ select 1; $fn$, $_a1$x$_a1$, $a$ $b$ $a$, $$a$b$$, $$$x$$",
        "SELECT $1, $2::int, $1a",
        "SELECT \"a\"\"b\", \"\", \"Mixed Case\", \"select\", \"😀\"",
        "SELECT 'it''s', '', 'a\\b', 'multi\nline'",
        "SELECT 1e10, .5, 1., 1.5e-3, 2E+7, 1..2, 1e, 0x1F, 0o17, 0b101, 1_000, 1L, 1.e5",
        "SELECT café, 漢字, \"é\" FROM tablé",
        "SELECT E'it\\'s', e'x', B'0101', X'1F', N'abc', U&'\\0041', U&\"d\\0061t\"",
        "SELECT b\"x\", B'1', b'1'",
        "SELECT `x` FROM t",
        "SELECT 1 -- comment\n, 2 /* block /* nested */ */, 3",
        "SELECT /*+ hint */ 1",
        "SELECT --+ hint\n 1",
        "SELECT 1 /* + */",
        "CREATE UNIQUE INDEX i ON t (a) NULLS NOT DISTINCT",
        "CREATE TABLE t (a int NOT NULL DEFAULT -1, b text[] DEFAULT '{}'::text[], c jsonb DEFAULT '{}')",
        "CREATE TABLE \"Tbl\"\"x\" (\"col\"\"1\" int, CHECK (\"col\"\"1\" > 0))",
        "CREATE TABLE t (\r\n  a int,\r\n  b text\r\n)",
        "CREATE TABLE t (\ta int,\x0b b int\x0c)",
        "CREATE FUNCTION f() RETURNS int AS $$\nBEGIN\n  RETURN 1;\nEND;\n$$ LANGUAGE plpgsql",
        "CREATE FUNCTION f(a int) RETURNS int LANGUAGE sql RETURN a + 1",
        "CREATE VIEW v AS SELECT a.*, b.x FROM a JOIN b USING (id) WHERE a.x IN (SELECT 1)",
        "SELECT t._x, t. _x, t ._x, (._x)",
        "SELECT t.*, t. *, count(*) FROM t",
        "ALTER TABLE t ADD CONSTRAINT c CHECK (a>0 AND b<10 OR c<>d)",
        "COPY t FROM STDIN",
        "copy t (a, b) FROM '/tmp/x' WITH (FORMAT csv)",
        "SELECT 1; COPY t FROM STDIN",
        "SELECT 1; SELECT 2",
        "SELECT 'unterminated",
        "SELECT \"unterminated",
        "SELECT /* unterminated",
        "SELECT $$ unterminated",
        "SELECT \\d {x}",
        "SELECT $ 1, $x",
        "CREATE TABLE (",
        "CREATE TABLE t (a int,)",
        "SELEC 1",
        "",
        "   ",
        "-- only a comment",
        "\u{FEFF}SELECT 1",
        "SELECT a@-b, a@b, a@'x', a@\"x\"",
        "SELECT a#b, a# b, a%b, a% b, a%'x'",
        "SELECT a<+b, a<-b, a<=-b, a<=+b, a>-b",
        "SELECT a*--c\n b, a+/* c */b",
        "SELECT x FROM t WHERE y = ANY('{1,2}'::int[]) AND z = ALL(ARRAY[1])",
        "SELECT f(a => 1, b := 2)",
        "SELECT CAST(x AS int), x IS DISTINCT FROM y, x NOTNULL, x ISNULL",
        "SELECT CASE WHEN a THEN 1 ELSE 2 END, COALESCE(a, b), NULLIF(a, b)",
        "SELECT 1 FROM t WHERE a LIKE 'x%' ESCAPE '\\'",
        "SELECT INTERVAL '1 day', TIMESTAMP '2020-01-01', DATE '2020-01-01'",
        "SELECT 'a' 'b'",
        "SELECT 'a'\n'b'",
        "SELECT U&x, u&y",
        "SELECT 1🎉, x🎉",
        "SELECT 1\u{a0}",
        "CREATE POLICY p ON t USING (tenant_id = current_setting('app.tenant')::uuid)",
        "CREATE TRIGGER tr AFTER INSERT ON t FOR EACH ROW EXECUTE FUNCTION f()",
        "COMMENT ON COLUMN t.a IS 'x'",
        "GRANT SELECT, INSERT ON ALL TABLES IN SCHEMA s TO r",
        "CREATE TYPE mood AS ENUM ('sad', 'ok')",
        "CREATE DOMAIN d AS int CHECK (VALUE > 0)",
        "CREATE EXTENSION IF NOT EXISTS \"uuid-ossp\" WITH SCHEMA public",
        "CREATE SEQUENCE s START WITH 1 INCREMENT BY -1 MINVALUE -100",
        "CREATE MATERIALIZED VIEW mv AS SELECT 1",
        "ALTER TABLE ONLY t ALTER COLUMN a SET DEFAULT nextval('s'::regclass)",
        "SELECT 1 FROM t WHERE a = 1e-3 AND b = 1.5E+3 AND c = 3.",
        "SELECT ((a)), (a, b), ROW(1, 2)",
        "SELECT x FROM t ORDER BY x USING <, y USING >",
        "CREATE OPERATOR === (LEFTARG = int, RIGHTARG = int, FUNCTION = f)",
    ];

    #[test]
    fn tricky_statements_parse_the_same() {
        let mut tally = Tally::default();
        for text in TRICKY {
            check(text, &mut tally);
            // Also preceded by other lines, so spans land on later lines and columns.
            check(&format!("\n  /* x */\n\t{text}"), &mut tally);
        }
        eprintln!(
            "{} statements: {} from our tokens, rejected: {:#?}, not converted: {:#?}",
            tally.statements, tally.fast, tally.rejected, tally.not_converted
        );
    }

    /// The common constructs must take the fast path, not only parse the same.
    #[test]
    fn common_constructs_are_converted() {
        for text in [
            "CREATE TABLE \"Tbl\"\"x\" (\"col\"\"1\" int, a int[] DEFAULT '{}'::int[], b jsonb DEFAULT '{}')",
            "CREATE UNIQUE INDEX i ON t (a) NULLS NOT DISTINCT",
            "SELECT a->'k', a->>'k', a#>'{x}', a#>>'{x}', a @> b, a <@ b, a ? 'k', a ?| b, a ?& b",
            "SELECT x::int, x::int[], a <> b, a != b, a >= 1, a <= 1, a || b, a = -1, a=-1, -1",
            "SELECT 1e10, .5, 1., 1.5e-3, 2E+7, 'it''s', café, \"😀\", $1",
            "CREATE FUNCTION f() RETURNS int AS $$\nBEGIN\n  RETURN 1; -- one\nEND;\n$$ LANGUAGE plpgsql",
            "CREATE FUNCTION f() RETURNS int AS $body$ SELECT 1 $body$ LANGUAGE sql",
            "SELECT 1 /* block /* nested */ */, 2 -- line\n, 3",
            "CREATE TABLE t (\r\n  a int CHECK (a > 0 AND a < 10)\r\n)",
        ] {
            let converted = convert(text).unwrap_or_else(|| panic!("not converted: {text:?}"));
            assert!(
                Parser::new(&PostgreSqlDialect {})
                    .with_tokens_with_locations(converted)
                    .parse_statements()
                    .is_ok(),
                "{text:?}"
            );
            let mut tally = Tally::default();
            check(text, &mut tally);
            assert_eq!(tally.fast, 1, "{text:?}");
        }
    }

    #[test]
    fn operator_table_matches_sqlparser_in_context() {
        let table = operators();
        for op in [
            "::", ":=", "=", "<>", "!=", "<", ">", "<=", ">=", "+", "-", "*", "/", "%", "||", "->",
            "->>", "#>", "#>>", "@>", "<@", "?", "?|", "?&", "~", "~*", "!~", "!~*", "~~", "&&",
            "=>", "#-", "@?", "@@",
        ] {
            assert!(table.contains_key(op), "{op} missing from the table");
        }
        // sqlparser's `&>` swallows the char after it: not convertible.
        assert!(!table.contains_key("&>"));
        for text in table.keys() {
            for after in [
                "-1", "+1", "-+1", "--c\nb", "- 1", "+b", " b", "b", "1", "(b)", "'x'", "\"x\"",
                "\nb", "\tb", ")", "é", "$1", "$$x$$", ".5", "[1]", ";", ":b", "::int", ",", "",
            ] {
                let sql = format!("a{text}{after}");
                let theirs = sqlparser_tokens(&sql);
                let ours = convert(&sql);
                if let Some(mut ours) = ours {
                    ours.retain(|t| !matches!(t.token, Token::Whitespace(_)));
                    assert_eq!(Some(ours.clone()), theirs, "{sql:?}");
                }
            }
        }
    }

    #[test]
    fn keyword_lookup_matches_sqlparser() {
        for kw in ALL_KEYWORDS {
            for w in [kw.to_string(), kw.to_ascii_lowercase()] {
                let Token::Word(expected) = Token::make_word(&w, None) else {
                    unreachable!()
                };
                assert_eq!(keyword_fast(&w), expected.keyword, "{w}");
            }
        }
        // The hash spreads the keywords: few collisions on keywords and on other words.
        PROBES.with(|p| p.set(0));
        for kw in ALL_KEYWORDS {
            keyword_fast(kw);
        }
        let on_keywords = PROBES.with(|p| p.replace(0));
        for i in 0..10_000 {
            keyword_fast(&format!("t{i:05}_parent_id"));
            keyword_fast(&format!("c{i}"));
        }
        let on_others = PROBES.with(|p| p.replace(0));
        eprintln!(
            "collisions: {on_keywords} over {} keywords, {on_others} over 20000 names",
            ALL_KEYWORDS.len()
        );
        assert!(on_keywords < ALL_KEYWORDS.len() / 2, "{on_keywords}");
        assert!(on_others < 20_000 / 2, "{on_others}");
        for w in [
            "", "x", "users", "tablé", "créate", "SELECTX", "SELEC", "_", "a$b",
        ] {
            let Token::Word(expected) = Token::make_word(w, None) else {
                unreachable!()
            };
            assert_eq!(keyword_fast(w), expected.keyword, "{w}");
        }
    }
}
