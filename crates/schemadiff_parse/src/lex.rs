//! Tokenizes PostgreSQL source text with byte spans; tolerant of bad input.
//!
//! The lexer follows PostgreSQL's `scan.l` closely enough to find statement
//! boundaries and point at source locations. It never fails: every byte of
//! the input ends up in exactly one token, and unterminated constructs are
//! reported as [`LexError`]s while their token runs to the end of input.

/// What kind of text a [`Token`] covers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokenKind {
    /// Unquoted identifier or keyword (letters, digits, `_`, `$` after the
    /// first char; any non-ASCII char counts as a letter, as in PostgreSQL).
    Word,
    /// `"..."` with `""` escapes (also `U&"..."`).
    QuotedIdent,
    /// `` `...` `` (MySQL, not PostgreSQL; tokenized so it can be reported).
    BacktickIdent,
    /// `'...'` with `''` escapes; `E'...'` with backslash escapes;
    /// `B'..'`, `X'..'`, `N'..'`, `U&'..'`.
    String,
    /// `$tag$ ... $tag$` (the tag may be empty: `$$...$$`).
    DollarString,
    /// `1`, `1.5`, `.5`, `1e10`, `0x1F`, `1_000`.
    Number,
    /// Positional parameter such as `$1`.
    Param,
    /// Runs of `+ - * / < > = ~ ! @ # % ^ & | ?`; also `::` and `:=`.
    Operator,
    /// One of `( ) [ ] , . ; :` (a single char each).
    Punct,
    /// `-- ...` up to, not including, the line break.
    LineComment,
    /// `/* ... */`, nesting as PostgreSQL does.
    BlockComment,
    /// Spaces, tabs, line breaks, form feeds, vertical tabs (and a leading BOM).
    Whitespace,
    /// Any other char (one char per token).
    Unknown,
}

/// A classified span of the source, in byte offsets.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token {
    pub kind: TokenKind,
    pub start: usize,
    pub end: usize,
}

impl Token {
    /// The token's text; empty if the span does not fit `src` (a token from
    /// another source), so callers never panic on a mismatch.
    pub fn text<'a>(&self, src: &'a str) -> &'a str {
        src.get(self.start..self.end).unwrap_or("")
    }

    /// Whitespace or a comment: irrelevant to the statement's meaning.
    pub fn is_trivia(&self) -> bool {
        matches!(
            self.kind,
            TokenKind::Whitespace | TokenKind::LineComment | TokenKind::BlockComment
        )
    }
}

/// Which construct was left open at end of input.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LexErrorKind {
    UnterminatedString,
    UnterminatedQuotedIdent,
    UnterminatedBlockComment,
    UnterminatedDollarString,
    UnterminatedBacktick,
}

/// An unterminated construct; the span covers its opening delimiter.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LexError {
    pub kind: LexErrorKind,
    pub start: usize,
    pub end: usize,
}

/// True when the token is a Word equal to `kw` ignoring ASCII case.
#[inline]
pub fn is_keyword(src: &str, tok: &Token, kw: &str) -> bool {
    tok.kind == TokenKind::Word && tok.text(src).eq_ignore_ascii_case(kw)
}

/// Splits `src` into tokens that cover it contiguously, plus errors for
/// unterminated constructs.
pub fn lex(src: &str) -> (Vec<Token>, Vec<LexError>) {
    let mut lexer = Lexer {
        src,
        bytes: src.as_bytes(),
        pos: 0,
        single_op_until: 0,
        errors: Vec::new(),
    };
    // Realistic SQL averages several bytes per token; reserving avoids
    // repeated reallocation on large files.
    let mut tokens = Vec::with_capacity(src.len() / 4 + 1);
    while lexer.pos < src.len() {
        let start = lexer.pos;
        let mut kind = lexer.next_kind();
        if lexer.pos <= start {
            // Defensive: every rule must consume input; if one ever does not,
            // emit the char as Unknown rather than looping forever.
            debug_assert!(false, "lexer made no progress at byte {start}");
            lexer.pos = start + lexer.char_len(start);
            kind = TokenKind::Unknown;
        }
        tokens.push(Token {
            kind,
            start,
            end: lexer.pos,
        });
    }
    (tokens, lexer.errors)
}

// Byte classes, looked up in a table because classification runs for
// nearly every byte of the input.
const SPACE: u8 = 1;
const IDENT_START: u8 = 2;
const DIGIT: u8 = 4;
const DOLLAR: u8 = 8;
const OP: u8 = 16;
/// Chars allowed in a dollar-quote tag (`dolq_cont`): no `$`.
const TAG_CONT: u8 = IDENT_START | DIGIT;
const IDENT_CONT: u8 = IDENT_START | DIGIT | DOLLAR;

static CLASS: [u8; 256] = {
    let mut table = [0u8; 256];
    let mut i = 0;
    while i < 256 {
        let b = i as u8;
        table[i] = match b {
            b' ' | b'\t' | b'\n' | b'\r' | b'\x0b' | b'\x0c' => SPACE,
            // Bytes >= 0x80 are identifier chars in PostgreSQL (`ident_start`
            // includes `\200-\377`); as every delimiter is ASCII, token spans
            // still end on char boundaries.
            b'a'..=b'z' | b'A'..=b'Z' | b'_' | 0x80..=0xFF => IDENT_START,
            b'0'..=b'9' => DIGIT,
            b'$' => DOLLAR,
            // PostgreSQL's `op_chars` minus the backtick, which we lex as a
            // MySQL quoted identifier so it can be reported.
            b'+' | b'-' | b'*' | b'/' | b'<' | b'>' | b'=' | b'~' | b'!' | b'@' | b'#' | b'%'
            | b'^' | b'&' | b'|' | b'?' => OP,
            _ => 0,
        };
        i += 1;
    }
    table
};

fn has_class(b: u8, class: u8) -> bool {
    CLASS[usize::from(b)] & class != 0
}

fn is_space(b: u8) -> bool {
    has_class(b, SPACE)
}

fn is_ident_cont(b: u8) -> bool {
    has_class(b, IDENT_CONT)
}

struct Lexer<'a> {
    src: &'a str,
    bytes: &'a [u8],
    pos: usize,
    /// End of a run of `+`/`-` chars that were trimmed off a multi-char
    /// operator; each becomes a one-char operator. Remembering this avoids
    /// rescanning the run once per char (quadratic on `+++...`).
    single_op_until: usize,
    errors: Vec<LexError>,
}

impl Lexer<'_> {
    fn peek(&self, offset: usize) -> u8 {
        // 0 never matches any rule that looks ahead, so it doubles as "EOF".
        self.bytes.get(self.pos + offset).copied().unwrap_or(0)
    }

    fn char_len(&self, at: usize) -> usize {
        self.src
            .get(at..)
            .and_then(|rest| rest.chars().next())
            .map_or(1, char::len_utf8)
    }

    fn skip_while(&mut self, pred: impl Fn(u8) -> bool) {
        let rest = self.bytes.get(self.pos..).unwrap_or(&[]);
        self.pos += rest.iter().position(|&c| !pred(c)).unwrap_or(rest.len());
    }

    fn error(&mut self, kind: LexErrorKind, start: usize, opener_len: usize) {
        self.errors.push(LexError {
            kind,
            start,
            end: start + opener_len,
        });
    }

    /// Consumes one token starting at `self.pos` and returns its kind.
    fn next_kind(&mut self) -> TokenKind {
        let start = self.pos;
        if start < self.single_op_until {
            self.pos += 1;
            return TokenKind::Operator;
        }
        let (b, b1) = (self.peek(0), self.peek(1));
        // Whitespace and words dominate real input; test them first.
        if is_space(b) {
            self.skip_while(is_space);
            return TokenKind::Whitespace;
        }
        if has_class(b, IDENT_START) {
            return self.word_or_prefixed_string();
        }
        match b {
            b'0'..=b'9' => self.number(),
            b'.' if b1.is_ascii_digit() => self.number(),
            b'-' if b1 == b'-' => {
                // PostgreSQL's `non_newline` excludes both \n and \r.
                self.skip_while(|c| c != b'\n' && c != b'\r');
                TokenKind::LineComment
            }
            b'/' if b1 == b'*' => self.block_comment(),
            b'\'' => self.quoted(1, b'\'', false),
            b'"' => self.quoted(1, b'"', false),
            b'`' => self.quoted(1, b'`', false),
            b'$' => self.dollar(),
            b':' if b1 == b':' || b1 == b'=' => {
                self.pos += 2;
                TokenKind::Operator
            }
            b'(' | b')' | b'[' | b']' | b',' | b'.' | b';' | b':' => {
                self.pos += 1;
                TokenKind::Punct
            }
            _ if has_class(b, OP) => self.operator(),
            _ => {
                self.pos += self.char_len(start);
                TokenKind::Unknown
            }
        }
    }

    /// A word, unless its first letter is the prefix of a string or quoted
    /// identifier (`E'..'`, `B'..'`, `X'..'`, `N'..'`, `U&'..'`, `U&"..."`).
    fn word_or_prefixed_string(&mut self) -> TokenKind {
        let (b, b1, b2) = (self.peek(0), self.peek(1), self.peek(2));
        match (b.to_ascii_lowercase(), b1, b2) {
            (b'e', b'\'', _) => self.quoted(2, b'\'', true),
            (b'b' | b'x' | b'n', b'\'', _) => self.quoted(2, b'\'', false),
            (b'u', b'&', b'\'' | b'"') => self.quoted(3, b2, false),
            // Editors on Windows prepend a byte-order mark; it is not an identifier.
            (0xEF, _, _) if self.pos == 0 && self.src.starts_with('\u{FEFF}') => {
                self.pos += 3;
                TokenKind::Whitespace
            }
            _ => {
                self.skip_while(is_ident_cont);
                TokenKind::Word
            }
        }
    }

    /// A `'`, `"` or `` ` `` delimited token whose opener is `opener_len`
    /// bytes long (prefixes such as `E`, `U&` included). A doubled closing
    /// quote is an escaped quote; `backslash` enables E-string `\x` escapes.
    fn quoted(&mut self, opener_len: usize, quote: u8, backslash: bool) -> TokenKind {
        let start = self.pos;
        let mut i = start + opener_len;
        while let Some(&c) = self.bytes.get(i) {
            if backslash && c == b'\\' {
                // Skip the escaped byte; if it starts a multi-byte char its
                // continuation bytes are non-ASCII and never match a quote.
                i += 2;
            } else if c == quote {
                if self.bytes.get(i + 1) == Some(&quote) {
                    i += 2;
                } else {
                    self.pos = i + 1;
                    return Self::quoted_kind(quote);
                }
            } else {
                i += 1;
            }
        }
        let kind = match quote {
            b'\'' => LexErrorKind::UnterminatedString,
            b'"' => LexErrorKind::UnterminatedQuotedIdent,
            _ => LexErrorKind::UnterminatedBacktick,
        };
        self.error(kind, start, opener_len);
        self.pos = self.bytes.len();
        Self::quoted_kind(quote)
    }

    fn quoted_kind(quote: u8) -> TokenKind {
        match quote {
            b'\'' => TokenKind::String,
            b'"' => TokenKind::QuotedIdent,
            _ => TokenKind::BacktickIdent,
        }
    }

    fn block_comment(&mut self) -> TokenKind {
        let start = self.pos;
        let mut depth = 1usize;
        let mut i = start + 2;
        while i < self.bytes.len() {
            match (self.bytes[i], self.bytes.get(i + 1).copied()) {
                (b'/', Some(b'*')) => {
                    depth += 1;
                    i += 2;
                }
                (b'*', Some(b'/')) => {
                    depth -= 1;
                    i += 2;
                    if depth == 0 {
                        self.pos = i;
                        return TokenKind::BlockComment;
                    }
                }
                _ => i += 1,
            }
        }
        self.error(LexErrorKind::UnterminatedBlockComment, start, 2);
        self.pos = self.bytes.len();
        TokenKind::BlockComment
    }

    /// `$1` parameter, `$tag$...$tag$` string, or a lone `$`.
    fn dollar(&mut self) -> TokenKind {
        let start = self.pos;
        let b1 = self.peek(1);
        if b1.is_ascii_digit() {
            self.pos += 1;
            self.skip_while(|c| c.is_ascii_digit());
            return TokenKind::Param;
        }
        let mut tag_end = start + 1;
        if has_class(b1, IDENT_START) {
            while self
                .bytes
                .get(tag_end)
                .is_some_and(|&c| has_class(c, TAG_CONT))
            {
                tag_end += 1;
            }
        }
        if self.bytes.get(tag_end) != Some(&b'$') {
            // Not a delimiter (PostgreSQL's `dolqfailed`): the `$` stands alone
            // and whatever follows is lexed afresh.
            self.pos += 1;
            return TokenKind::Unknown;
        }
        let delim = &self.src[start..=tag_end];
        let body = tag_end + 1;
        match self.src[body..].find(delim) {
            Some(found) => self.pos = body + found + delim.len(),
            None => {
                self.error(LexErrorKind::UnterminatedDollarString, start, delim.len());
                self.pos = self.bytes.len();
            }
        }
        TokenKind::DollarString
    }

    /// Consumes digits of a radix with single `_` separators before or
    /// between them (PostgreSQL 16 syntax such as `1_000_000`); callers
    /// ensure a leading `_` is allowed where they call it.
    fn digits(&mut self, is_digit: impl Fn(u8) -> bool) {
        loop {
            self.skip_while(&is_digit);
            if self.peek(0) == b'_' && is_digit(self.peek(1)) {
                self.pos += 1;
            } else {
                return;
            }
        }
    }

    fn number(&mut self) -> TokenKind {
        let radix_digit: Option<fn(u8) -> bool> = match (self.peek(0), self.peek(1)) {
            (b'0', b'x' | b'X') => Some(|c: u8| c.is_ascii_hexdigit()),
            (b'0', b'o' | b'O') => Some(|c: u8| matches!(c, b'0'..=b'7')),
            (b'0', b'b' | b'B') => Some(|c: u8| matches!(c, b'0' | b'1')),
            _ => None,
        };
        if let Some(is_digit) = radix_digit {
            // PostgreSQL 16 also allows `0x_1F`.
            if is_digit(self.peek(2)) || (self.peek(2) == b'_' && is_digit(self.peek(3))) {
                self.pos += 2;
                self.digits(is_digit);
                return TokenKind::Number;
            }
        }
        let is_dec = |c: u8| c.is_ascii_digit();
        self.digits(is_dec);
        // `1..5` is an integer followed by `..`, as in PostgreSQL.
        if self.peek(0) == b'.' && self.peek(1) != b'.' {
            self.pos += 1;
            // The fraction may not start with `_`.
            if self.peek(0).is_ascii_digit() {
                self.digits(is_dec);
            }
        }
        // An exponent needs digits; otherwise `1e` is a number then a word.
        if matches!(self.peek(0), b'e' | b'E') {
            let sign = usize::from(matches!(self.peek(1), b'+' | b'-'));
            if self.peek(1 + sign).is_ascii_digit() {
                self.pos += 1 + sign;
                self.digits(is_dec);
            }
        }
        TokenKind::Number
    }

    /// A run of operator chars, cut short where a comment starts and trimmed
    /// of trailing `+`/`-` the way PostgreSQL does (so `=-1` is `=`, `-`, `1`).
    fn operator(&mut self) -> TokenKind {
        let start = self.pos;
        let mut end = start;
        while end < self.bytes.len() && has_class(self.bytes[end], OP) {
            let next = self.bytes.get(end + 1).copied();
            let comment = matches!(
                (self.bytes[end], next),
                (b'-', Some(b'-')) | (b'/', Some(b'*'))
            );
            if comment && end > start {
                break;
            }
            end += 1;
        }
        let run = &self.bytes[start..end];
        let mut len = run.len();
        if len > 1 && matches!(run[len - 1], b'+' | b'-') {
            let has_special = run.iter().any(|c| {
                matches!(
                    c,
                    b'~' | b'!' | b'@' | b'#' | b'^' | b'&' | b'|' | b'?' | b'%'
                )
            });
            if !has_special {
                while len > 1 && matches!(run[len - 1], b'+' | b'-') {
                    len -= 1;
                }
                self.single_op_until = end;
            }
        }
        self.pos = start + len;
        TokenKind::Operator
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(src: &str) -> Vec<(TokenKind, &str)> {
        let (tokens, errors) = lex(src);
        assert!(errors.is_empty(), "unexpected errors: {errors:?}");
        tokens
            .iter()
            .filter(|t| t.kind != TokenKind::Whitespace)
            .map(|t| (t.kind, t.text(src)))
            .collect()
    }

    fn single(src: &str) -> TokenKind {
        let (tokens, errors) = lex(src);
        assert!(errors.is_empty(), "unexpected errors: {errors:?}");
        assert_eq!(
            tokens.len(),
            1,
            "expected one token for {src:?}: {tokens:?}"
        );
        tokens[0].kind
    }

    use TokenKind::*;

    #[test]
    fn empty_input() {
        assert_eq!(lex(""), (vec![], vec![]));
    }

    #[test]
    fn words_and_keywords() {
        assert_eq!(
            kinds("CREATE table _x a1 a$b"),
            vec![
                (Word, "CREATE"),
                (Word, "table"),
                (Word, "_x"),
                (Word, "a1"),
                (Word, "a$b")
            ]
        );
        let src = "Create";
        let (tokens, _) = lex(src);
        assert!(is_keyword(src, &tokens[0], "CREATE"));
        assert!(is_keyword(src, &tokens[0], "create"));
        assert!(!is_keyword(src, &tokens[0], "creat"));
        let quoted = "\"create\"";
        let (tokens, _) = lex(quoted);
        assert!(!is_keyword(quoted, &tokens[0], "create"));
    }

    #[test]
    fn dollar_inside_word_belongs_to_word() {
        assert_eq!(single("a$b"), Word);
        assert_eq!(single("a$$b"), Word);
        assert_eq!(single("a$1$"), Word);
    }

    #[test]
    fn quoted_identifiers() {
        assert_eq!(single("\"Mixed Case\""), QuotedIdent);
        assert_eq!(single("\"a\"\"b\""), QuotedIdent);
        assert_eq!(single("U&\"d\\0061t\""), QuotedIdent);
        assert_eq!(single("u&\"x\""), QuotedIdent);
        assert_eq!(
            kinds("\"a\";\"b\""),
            vec![(QuotedIdent, "\"a\""), (Punct, ";"), (QuotedIdent, "\"b\"")]
        );
    }

    #[test]
    fn backtick_identifiers() {
        assert_eq!(single("`users`"), BacktickIdent);
        assert_eq!(single("`a``b`"), BacktickIdent);
    }

    #[test]
    fn standard_strings() {
        assert_eq!(single("'hello'"), String);
        assert_eq!(single("'it''s'"), String);
        assert_eq!(single("''"), String);
        // Standard strings treat backslash literally: `'a\'` is complete.
        assert_eq!(kinds("'a\\' 'b'"), vec![(String, "'a\\'"), (String, "'b'")]);
    }

    #[test]
    fn escape_strings() {
        assert_eq!(single("E'it\\'s'"), String);
        assert_eq!(single("e'a\\\\'"), String);
        assert_eq!(single("E'x''y'"), String);
        assert_eq!(kinds("E'\\'';"), vec![(String, "E'\\''"), (Punct, ";")]);
    }

    #[test]
    fn prefixed_strings() {
        for src in [
            "B'0101'",
            "b'1'",
            "X'1F'",
            "x'ff'",
            "N'abc'",
            "n'x'",
            "U&'\\0041'",
            "u&'a'",
        ] {
            assert_eq!(single(src), String, "{src}");
        }
        // A prefix letter in the middle of a word is not a prefix.
        assert_eq!(kinds("type'x'"), vec![(Word, "type"), (String, "'x'")]);
        // `U&` not followed by a quote is a word and an operator.
        assert_eq!(
            kinds("U&x"),
            vec![(Word, "U"), (Operator, "&"), (Word, "x")]
        );
    }

    #[test]
    fn dollar_strings() {
        assert_eq!(single("$$body; 'x'$$"), DollarString);
        assert_eq!(single("$fn$ select 1; $fn$"), DollarString);
        assert_eq!(single("$_a1$x$_a1$"), DollarString);
        // The closer must match the opener's tag exactly.
        assert_eq!(single("$a$ $b$ $A$ $a$"), DollarString);
    }

    #[test]
    fn nested_dollar_tags() {
        let src = "$a$ outer $b$ inner; 'q $b$ still outer $a$;";
        assert_eq!(
            kinds(src),
            vec![
                (DollarString, "$a$ outer $b$ inner; 'q $b$ still outer $a$"),
                (Punct, ";")
            ]
        );
    }

    #[test]
    fn dollar_tag_cannot_start_with_digit() {
        assert_eq!(kinds("$1a$"), vec![(Param, "$1"), (Word, "a$")]);
    }

    #[test]
    fn params() {
        assert_eq!(single("$1"), Param);
        assert_eq!(single("$42"), Param);
        assert_eq!(
            kinds("f($1,$2)"),
            vec![
                (Word, "f"),
                (Punct, "("),
                (Param, "$1"),
                (Punct, ","),
                (Param, "$2"),
                (Punct, ")")
            ]
        );
    }

    #[test]
    fn lone_dollar_is_unknown() {
        assert_eq!(kinds("$"), vec![(Unknown, "$")]);
        assert_eq!(kinds("$abc"), vec![(Unknown, "$"), (Word, "abc")]);
        assert_eq!(kinds("$ x"), vec![(Unknown, "$"), (Word, "x")]);
    }

    #[test]
    fn numbers() {
        for src in [
            "1",
            "1.5",
            ".5",
            "1.",
            "1e10",
            "1.5E-3",
            "2e+7",
            "0x1F",
            "0o17",
            "0b101",
            "1_000_000",
            "0x_ff",
            "1.5_5",
        ] {
            assert_eq!(single(src), Number, "{src}");
        }
        assert_eq!(kinds("1e"), vec![(Number, "1"), (Word, "e")]);
        assert_eq!(kinds("0x"), vec![(Number, "0"), (Word, "x")]);
        assert_eq!(kinds("1._5"), vec![(Number, "1."), (Word, "_5")]);
        assert_eq!(kinds("1__0"), vec![(Number, "1"), (Word, "__0")]);
        assert_eq!(
            kinds("1..5"),
            vec![(Number, "1"), (Punct, "."), (Number, ".5")]
        );
        assert_eq!(
            kinds("t.col"),
            vec![(Word, "t"), (Punct, "."), (Word, "col")]
        );
    }

    #[test]
    fn operators() {
        assert_eq!(
            kinds("a <> b >= c || d ->> 'k' @> e"),
            vec![
                (Word, "a"),
                (Operator, "<>"),
                (Word, "b"),
                (Operator, ">="),
                (Word, "c"),
                (Operator, "||"),
                (Word, "d"),
                (Operator, "->>"),
                (String, "'k'"),
                (Operator, "@>"),
                (Word, "e")
            ]
        );
        assert_eq!(
            kinds("x::int"),
            vec![(Word, "x"), (Operator, "::"), (Word, "int")]
        );
        assert_eq!(kinds("a := 1")[1], (Operator, ":="));
        assert_eq!(kinds("f(a => 1)")[3], (Operator, "=>"));
    }

    #[test]
    fn operator_trailing_sign_is_split_off() {
        assert_eq!(
            kinds("a=-1"),
            vec![(Word, "a"), (Operator, "="), (Operator, "-"), (Number, "1")]
        );
        // A run containing a "special" char keeps its trailing sign.
        assert_eq!(kinds("a@-b")[1], (Operator, "@-"));
        assert_eq!(
            kinds("+-+"),
            vec![(Operator, "+"), (Operator, "-"), (Operator, "+")]
        );
    }

    #[test]
    fn comment_inside_operator_run() {
        assert_eq!(
            kinds("a*-- c\nb"),
            vec![
                (Word, "a"),
                (Operator, "*"),
                (LineComment, "-- c"),
                (Word, "b")
            ]
        );
        assert_eq!(
            kinds("a+/* c */b"),
            vec![
                (Word, "a"),
                (Operator, "+"),
                (BlockComment, "/* c */"),
                (Word, "b")
            ]
        );
    }

    #[test]
    fn punctuation() {
        let got: Vec<_> = kinds("( ) [ ] , . ; :")
            .into_iter()
            .map(|(k, _)| k)
            .collect();
        assert_eq!(got, vec![Punct; 8]);
    }

    #[test]
    fn line_comments() {
        assert_eq!(
            kinds("-- hi ; there\nx"),
            vec![(LineComment, "-- hi ; there"), (Word, "x")]
        );
        // The \r of a CRLF is not part of the comment.
        let (tokens, _) = lex("-- c\r\nx");
        assert_eq!((tokens[0].kind, tokens[0].end), (LineComment, 4));
        assert_eq!(single("--"), LineComment);
    }

    #[test]
    fn nested_block_comments() {
        assert_eq!(
            kinds("/* a /* b */ c; */ x"),
            vec![(BlockComment, "/* a /* b */ c; */"), (Word, "x")]
        );
        assert_eq!(single("/**/"), BlockComment);
        // `/*/` does not close itself.
        let (_, errors) = lex("/*/");
        assert_eq!(errors.len(), 1);
    }

    #[test]
    fn whitespace_and_bom() {
        assert_eq!(single(" \t\r\n\x0b\x0c"), Whitespace);
        let src = "\u{FEFF}select";
        let (tokens, _) = lex(src);
        assert_eq!(
            tokens,
            vec![
                Token {
                    kind: Whitespace,
                    start: 0,
                    end: 3
                },
                Token {
                    kind: Word,
                    start: 3,
                    end: 9
                }
            ]
        );
    }

    #[test]
    fn unknown_chars() {
        assert_eq!(
            kinds("\\d {}"),
            vec![(Unknown, "\\"), (Word, "d"), (Unknown, "{"), (Unknown, "}")]
        );
    }

    #[test]
    fn trivia() {
        let (tokens, _) = lex("a -- c\n/* d */");
        let trivia: Vec<bool> = tokens.iter().map(Token::is_trivia).collect();
        assert_eq!(trivia, vec![false, true, true, true, true]);
    }

    #[test]
    fn text_out_of_range_is_empty() {
        let tok = Token {
            kind: Word,
            start: 5,
            end: 50,
        };
        assert_eq!(tok.text("abc"), "");
    }

    fn unterminated(src: &str) -> (Vec<Token>, LexError) {
        let (tokens, errors) = lex(src);
        assert_eq!(errors.len(), 1, "{src:?}: {errors:?}");
        let last = tokens.last().copied();
        assert_eq!(last.map(|t| t.end), Some(src.len()), "{src:?} runs to EOF");
        (tokens, errors[0].clone())
    }

    #[test]
    fn unterminated_string() {
        let (tokens, err) = unterminated("select 'abc; select 1;");
        assert_eq!(
            err,
            LexError {
                kind: LexErrorKind::UnterminatedString,
                start: 7,
                end: 8
            }
        );
        assert_eq!(tokens.last().map(|t| t.kind), Some(String));
        let (_, err) = unterminated("E'abc\\'");
        assert_eq!(
            err,
            LexError {
                kind: LexErrorKind::UnterminatedString,
                start: 0,
                end: 2
            }
        );
        let (_, err) = unterminated("x U&'abc");
        assert_eq!(
            err,
            LexError {
                kind: LexErrorKind::UnterminatedString,
                start: 2,
                end: 5
            }
        );
        // A trailing backslash in an E-string must not step past the end.
        let (_, err) = unterminated("E'\\");
        assert_eq!(err.kind, LexErrorKind::UnterminatedString);
    }

    #[test]
    fn unterminated_quoted_ident_and_backtick() {
        let (_, err) = unterminated("a \"b");
        assert_eq!(
            err,
            LexError {
                kind: LexErrorKind::UnterminatedQuotedIdent,
                start: 2,
                end: 3
            }
        );
        let (_, err) = unterminated("`b");
        assert_eq!(
            err,
            LexError {
                kind: LexErrorKind::UnterminatedBacktick,
                start: 0,
                end: 1
            }
        );
    }

    #[test]
    fn unterminated_block_comment() {
        let (tokens, err) = unterminated("x /* a /* b */ c");
        assert_eq!(
            err,
            LexError {
                kind: LexErrorKind::UnterminatedBlockComment,
                start: 2,
                end: 4
            }
        );
        assert_eq!(tokens.last().map(|t| t.kind), Some(BlockComment));
    }

    #[test]
    fn unterminated_dollar_string() {
        let (tokens, err) = unterminated("as $body$ begin; $bod$");
        assert_eq!(
            err,
            LexError {
                kind: LexErrorKind::UnterminatedDollarString,
                start: 3,
                end: 9
            }
        );
        assert_eq!(tokens.last().map(|t| t.kind), Some(DollarString));
        let (_, err) = unterminated("$$");
        assert_eq!(
            err,
            LexError {
                kind: LexErrorKind::UnterminatedDollarString,
                start: 0,
                end: 2
            }
        );
    }

    #[test]
    fn multibyte_text() {
        assert_eq!(
            kinds("café 漢字 'é漢🎉' \"🎉\" $é$ x $é$"),
            vec![
                (Word, "café"),
                (Word, "漢字"),
                (String, "'é漢🎉'"),
                (QuotedIdent, "\"🎉\""),
                (DollarString, "$é$ x $é$")
            ]
        );
        assert_eq!(single("🎉tbl"), Word);
        assert_eq!(single("E'\\é'"), String);
    }

    #[test]
    fn spans_cover_input() {
        let src = "CREATE TABLE t (id int); -- x\n/* y */ 'z'";
        let (tokens, _) = lex(src);
        assert_eq!(tokens.first().map(|t| t.start), Some(0));
        assert_eq!(tokens.last().map(|t| t.end), Some(src.len()));
        for pair in tokens.windows(2) {
            assert_eq!(pair[0].end, pair[1].start);
        }
    }
}
