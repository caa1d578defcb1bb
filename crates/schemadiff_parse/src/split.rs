//! Splits a token stream into statements (semicolons outside quotes, dollar bodies and BEGIN ATOMIC blocks).
//!
//! Splitting mirrors psql: quotes, comments and dollar strings are already
//! single tokens, so only a top-level `;` token ends a statement, except
//! inside the `BEGIN ATOMIC ... END` body of `CREATE [OR REPLACE]
//! FUNCTION|PROCEDURE`, whose inner `;` belong to the body.

use crate::lex::{is_keyword, Token, TokenKind};
use std::ops::Range;

/// One statement's location in the source and token stream.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RawStatement {
    /// Byte span from the first to the end of the last non-trivia token
    /// before the `;` (the `;` itself is excluded).
    pub start: usize,
    pub end: usize,
    /// Token indices from the first to the last non-trivia token, inclusive
    /// of the trivia between them.
    pub tokens: Range<usize>,
    /// Byte spans of the comments between the previous statement and this
    /// one, in order. A comment on the same line as the previous `;` is that
    /// statement's trailing comment and is not included.
    pub leading_comments: Vec<(usize, usize)>,
    /// A `;` ended the statement (false for a final statement without one).
    pub terminated: bool,
}

/// Non-trivia tokens of `tokens[range]` with their indices; an out-of-bounds
/// range yields nothing instead of panicking.
pub fn significant(tokens: &[Token], range: Range<usize>) -> impl Iterator<Item = (usize, &Token)> {
    let offset = range.start;
    tokens
        .get(range)
        .unwrap_or(&[])
        .iter()
        .enumerate()
        .map(move |(i, tok)| (offset + i, tok))
        .filter(|(_, tok)| !tok.is_trivia())
}

/// Splits `tokens` (from [`crate::lex::lex`] over `src`) into statements.
pub fn split(src: &str, tokens: &[Token]) -> Vec<RawStatement> {
    let mut statements = Vec::new();
    let mut current = Current::default();
    // Whether a line break separates the previous `;` from the current
    // position; the start of input counts as a fresh line.
    let mut fresh_line = true;
    for (i, tok) in tokens.iter().enumerate() {
        match tok.kind {
            TokenKind::Whitespace | TokenKind::LineComment | TokenKind::BlockComment => {
                // Trivia matters only for the comments before a statement.
                if current.first.is_none() {
                    if tok.kind != TokenKind::Whitespace && fresh_line {
                        current.comments.push((tok.start, tok.end));
                    }
                    if tok.text(src).contains('\n') {
                        fresh_line = true;
                    }
                }
                continue;
            }
            TokenKind::Punct if byte_at(src, tok) == b';' && current.atomic_depth == 0 => {
                statements.extend(current.finish(tokens, true));
                current = Current::default();
                fresh_line = false;
                continue;
            }
            _ => {}
        }
        current.first.get_or_insert(i);
        current.last = i;
        // Most statements are not routines; skip block tracking for them.
        if current.prefix != Prefix::Other {
            current.track(src, tokens, i);
        }
    }
    statements.extend(current.finish(tokens, false));
    statements
}

/// First byte of the token, which identifies a one-char Punct; 0 if the
/// span does not fit `src`.
fn byte_at(src: &str, tok: &Token) -> u8 {
    src.as_bytes().get(tok.start).copied().unwrap_or(0)
}

/// How far the statement's leading words match
/// `CREATE [OR REPLACE] FUNCTION|PROCEDURE`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
enum Prefix {
    #[default]
    Start,
    Create,
    CreateOr,
    CreateOrReplace,
    /// The statement defines a routine, so it may have a BEGIN ATOMIC body.
    Routine,
    /// Anything else: no special handling.
    Other,
}

impl Prefix {
    fn advance(self, src: &str, tok: &Token) -> Prefix {
        let kw = |k: &str| is_keyword(src, tok, k);
        match self {
            Prefix::Start if kw("CREATE") => Prefix::Create,
            Prefix::Create if kw("OR") => Prefix::CreateOr,
            Prefix::CreateOr if kw("REPLACE") => Prefix::CreateOrReplace,
            Prefix::Create | Prefix::CreateOrReplace if kw("FUNCTION") || kw("PROCEDURE") => {
                Prefix::Routine
            }
            Prefix::Routine => Prefix::Routine,
            _ => Prefix::Other,
        }
    }
}

/// State of the statement being accumulated.
#[derive(Debug, Default)]
struct Current {
    first: Option<usize>,
    last: usize,
    comments: Vec<(usize, usize)>,
    prefix: Prefix,
    paren_depth: usize,
    /// Open BEGIN ATOMIC / nested BEGIN / CASE blocks; `;` splits only at 0.
    atomic_depth: usize,
    prev_was_begin: bool,
    /// Index of a `CASE` word that belongs to a preceding `END` (`END CASE`)
    /// and so must not open a new block.
    skip: Option<usize>,
}

impl Current {
    fn finish(self, tokens: &[Token], terminated: bool) -> Option<RawStatement> {
        let first = self.first?;
        Some(RawStatement {
            start: tokens.get(first)?.start,
            end: tokens.get(self.last)?.end,
            tokens: first..self.last + 1,
            leading_comments: self.comments,
            terminated,
        })
    }

    /// Updates block tracking for significant token `i`. Like psql, BEGIN,
    /// CASE and END count only outside parentheses, so a parameter named
    /// `begin` in the routine's signature is harmless.
    fn track(&mut self, src: &str, tokens: &[Token], i: usize) {
        let Some(tok) = tokens.get(i) else { return };
        self.prefix = self.prefix.advance(src, tok);
        let was_begin = std::mem::take(&mut self.prev_was_begin);
        if tok.kind == TokenKind::Punct {
            match byte_at(src, tok) {
                b'(' => self.paren_depth += 1,
                b')' => self.paren_depth = self.paren_depth.saturating_sub(1),
                _ => {}
            }
        }
        if tok.kind != TokenKind::Word || self.prefix != Prefix::Routine || self.paren_depth > 0 {
            return;
        }
        if self.skip.take() == Some(i) {
            return;
        }
        let kw = |k: &str| is_keyword(src, tok, k);
        if self.atomic_depth == 0 {
            // Only `BEGIN ATOMIC` opens a body; a bare BEGIN elsewhere in
            // the routine header is some identifier.
            if was_begin && kw("ATOMIC") {
                self.atomic_depth = 1;
            }
            self.prev_was_begin = kw("BEGIN");
        } else if kw("BEGIN") || kw("CASE") {
            self.atomic_depth += 1;
        } else if kw("END") {
            let next = significant(tokens, i + 1..tokens.len()).next();
            let next_is = |k: &str| next.is_some_and(|(_, t)| is_keyword(src, t, k));
            if next_is("IF") || next_is("LOOP") {
                // PL/pgSQL-style `END IF` / `END LOOP` close no BEGIN or CASE.
                return;
            }
            if next_is("CASE") {
                // `END CASE` closes a CASE statement; its CASE opens nothing.
                self.skip = next.map(|(j, _)| j);
            }
            self.atomic_depth -= 1;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lex::lex;

    fn stmts(src: &str) -> Vec<RawStatement> {
        let (tokens, _) = lex(src);
        split(src, &tokens)
    }

    fn texts(src: &str) -> Vec<&str> {
        stmts(src).iter().map(|s| &src[s.start..s.end]).collect()
    }

    #[test]
    fn simple_statements() {
        assert_eq!(
            texts("CREATE TABLE a (id int);\nCREATE TABLE b (id int);\n"),
            vec!["CREATE TABLE a (id int)", "CREATE TABLE b (id int)"]
        );
    }

    #[test]
    fn empty_input_and_empty_statements() {
        assert!(stmts("").is_empty());
        assert!(stmts("  \n ").is_empty());
        assert!(stmts(";;; ; -- only a comment\n/* and another */").is_empty());
        assert_eq!(texts(";;select 1;;"), vec!["select 1"]);
    }

    #[test]
    fn statement_fields() {
        let src = "-- lead\nselect 1 /* mid */ + 2 /* tail */ ;";
        let (tokens, _) = lex(src);
        let got = split(src, &tokens);
        assert_eq!(got.len(), 1);
        let s = &got[0];
        assert_eq!(&src[s.start..s.end], "select 1 /* mid */ + 2");
        assert_eq!(tokens[s.tokens.start].text(src), "select");
        assert_eq!(tokens[s.tokens.end - 1].text(src), "2");
        assert_eq!(s.leading_comments, vec![(0, 7)]);
        assert!(s.terminated);
    }

    #[test]
    fn trailing_statement_without_semicolon() {
        let got = stmts("select 1; select 2 -- done\n");
        assert_eq!(got.len(), 2);
        assert!(got[0].terminated);
        assert!(!got[1].terminated);
        assert_eq!(got[1].end, "select 1; select 2".len());
    }

    #[test]
    fn semicolons_in_strings_comments_dollars_and_idents() {
        let src = "select 'a;b', E'c\\';d';\n\
                   -- x; y\n\
                   select /* ; */ 1;\n\
                   select \"we;ird\" from t;\n\
                   create function f() returns int as $fn$ select 1; $fn$ language sql;\n\
                   select $$;$$";
        assert_eq!(
            texts(src),
            vec![
                "select 'a;b', E'c\\';d'",
                "select /* ; */ 1",
                "select \"we;ird\" from t",
                "create function f() returns int as $fn$ select 1; $fn$ language sql",
                "select $$;$$"
            ]
        );
    }

    #[test]
    fn semicolon_inside_parentheses_still_splits() {
        assert_eq!(
            texts("select (1; select 2)"),
            vec!["select (1", "select 2)"]
        );
    }

    #[test]
    fn begin_commit_are_plain_statements() {
        assert_eq!(texts("BEGIN; COMMIT;"), vec!["BEGIN", "COMMIT"]);
        assert_eq!(
            texts("begin;\ncreate table t (x int);\ncommit;"),
            vec!["begin", "create table t (x int)", "commit"]
        );
    }

    #[test]
    fn begin_atomic_body() {
        let f = "CREATE FUNCTION f(a int) RETURNS int LANGUAGE sql\n\
                 BEGIN ATOMIC\n  SELECT 1;\n  SELECT a + 1;\nEND";
        let src = format!("{f};\nSELECT 2;");
        assert_eq!(texts(&src), vec![f, "SELECT 2"]);
    }

    #[test]
    fn begin_atomic_with_case() {
        let f = "create or replace procedure p(x int) language sql begin atomic \
                 insert into t values (case when x > 0 then 1 else 2 end); \
                 select case x when 1 then 'a' end; \
                 select case when x = 2 then 3 end + 1; \
                 end";
        let src = format!("{f}; select 3;");
        assert_eq!(texts(&src), vec![f, "select 3"]);
    }

    #[test]
    fn begin_atomic_with_nested_begin_and_end_keywords() {
        let f = "CREATE FUNCTION f() RETURNS int BEGIN ATOMIC \
                 BEGIN SELECT 1; END; \
                 IF true THEN SELECT 2; END IF; \
                 LOOP SELECT 3; END LOOP; \
                 CASE WHEN true THEN SELECT 4; END CASE; \
                 SELECT 5; END";
        let src = format!("{f}; SELECT 6");
        assert_eq!(texts(&src), vec![f, "SELECT 6"]);
    }

    #[test]
    fn begin_as_parameter_name_does_not_open_a_block() {
        let src = "create function f(begin int, atomic int) returns int return 1; select 2;";
        assert_eq!(texts(src).len(), 2);
        let src = "create function begin() returns int return 1; select 2;";
        assert_eq!(texts(src).len(), 2);
    }

    #[test]
    fn begin_atomic_outside_routine_is_ordinary() {
        assert_eq!(
            texts("begin atomic; select 1;"),
            vec!["begin atomic", "select 1"]
        );
        assert_eq!(
            texts("create table t (x int); begin atomic; end;"),
            vec!["create table t (x int)", "begin atomic", "end"]
        );
    }

    #[test]
    fn unterminated_atomic_body_runs_to_eof() {
        let got = stmts("create function f() begin atomic select 1; select 2;");
        assert_eq!(got.len(), 1);
        assert!(!got[0].terminated);
    }

    #[test]
    fn leading_comments_are_attached() {
        let src = "create table a (x int); -- about a\n\
                   \n\
                   -- section header\n\
                   -- schemadiff:renamed-from x\n\
                   /* block */\n\
                   create table b (y int);";
        let got = stmts(src);
        assert_eq!(got.len(), 2);
        let comments: Vec<&str> = got[1]
            .leading_comments
            .iter()
            .map(|&(s, e)| &src[s..e])
            .collect();
        assert_eq!(
            comments,
            vec![
                "-- section header",
                "-- schemadiff:renamed-from x",
                "/* block */"
            ]
        );
        assert!(got[0].leading_comments.is_empty());
    }

    #[test]
    fn first_statement_comments_and_same_line_comment() {
        let src = "/* header */ select 1; /* trailing */ select 2;";
        let got = stmts(src);
        assert_eq!(got[0].leading_comments, vec![(0, 12)]);
        assert!(got[1].leading_comments.is_empty());
        // A multi-line comment starting on the `;` line still trails, but
        // what follows its line break leads.
        let src = "select 1; /* a\nb */ -- c\nselect 2;";
        let got = stmts(src);
        let comments: Vec<&str> = got[1]
            .leading_comments
            .iter()
            .map(|&(s, e)| &src[s..e])
            .collect();
        assert_eq!(comments, vec!["-- c"]);
    }

    #[test]
    fn comments_of_empty_statements_are_dropped() {
        let got = stmts("-- gone\n;\n-- kept\nselect 1");
        assert_eq!(got.len(), 1);
        assert_eq!(got[0].leading_comments.len(), 1);
    }

    #[test]
    fn unterminated_string_swallows_rest() {
        let got = stmts("select 1; select 'oops; select 3;");
        assert_eq!(got.len(), 2);
        assert!(!got[1].terminated);
    }

    #[test]
    fn significant_skips_trivia() {
        let src = "select /* c */ 1 -- d\n, 2";
        let (tokens, _) = lex(src);
        let got: Vec<(usize, &str)> = significant(&tokens, 0..tokens.len())
            .map(|(i, t)| (i, t.text(src)))
            .collect();
        assert_eq!(got, vec![(0, "select"), (4, "1"), (8, ","), (10, "2")]);
        assert_eq!(
            significant(&tokens, 3..6)
                .map(|(i, _)| i)
                .collect::<Vec<_>>(),
            vec![4]
        );
        assert_eq!(significant(&tokens, 5..500).count(), 0);
    }

    #[test]
    fn multibyte_and_crlf() {
        let src = "-- 漢字\r\ninsert into \"tbl🎉\" values ('é');\r\nselect 1;\r\n";
        let got = stmts(src);
        assert_eq!(got.len(), 2);
        assert_eq!(
            &src[got[0].start..got[0].end],
            "insert into \"tbl🎉\" values ('é')"
        );
        assert_eq!(got[0].leading_comments.len(), 1);
        assert_eq!(&src[got[1].start..got[1].end], "select 1");
    }

    /// xorshift64*: a tiny deterministic generator, so failures reproduce.
    struct Rng(u64);

    impl Rng {
        fn next(&mut self) -> u64 {
            self.0 ^= self.0 >> 12;
            self.0 ^= self.0 << 25;
            self.0 ^= self.0 >> 27;
            self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
        }
    }

    #[test]
    fn random_inputs_never_panic_and_tokens_cover_input() {
        // Bias towards bytes that matter to the lexer so constructs actually
        // open, nest and close; raw bytes supply invalid UTF-8 for lossy
        // conversion into multi-byte replacement chars.
        const INTERESTING: &[u8] = b"'\"`$-/*;:()\\eEuU&xb_1 \n\r.+=abc";
        let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
        for round in 0..3000 {
            let len = (rng.next() % 64) as usize;
            let bytes: Vec<u8> = (0..len)
                .map(|_| {
                    let r = rng.next();
                    if r.is_multiple_of(3) {
                        (r >> 8) as u8
                    } else {
                        INTERESTING[(r >> 8) as usize % INTERESTING.len()]
                    }
                })
                .collect();
            let src = String::from_utf8_lossy(&bytes).into_owned();
            let (tokens, errors) = lex(&src);
            if src.is_empty() {
                assert!(tokens.is_empty());
                continue;
            }
            assert_eq!(
                tokens.first().map(|t| t.start),
                Some(0),
                "round {round}: {src:?}"
            );
            assert_eq!(
                tokens.last().map(|t| t.end),
                Some(src.len()),
                "round {round}: {src:?}"
            );
            for pair in tokens.windows(2) {
                assert_eq!(pair[0].end, pair[1].start, "round {round}: {src:?}");
            }
            for t in &tokens {
                assert!(t.start < t.end, "round {round}: empty token in {src:?}");
                assert!(src.is_char_boundary(t.start) && src.is_char_boundary(t.end));
            }
            for e in &errors {
                assert!(
                    e.start < e.end && e.end <= src.len(),
                    "round {round}: {e:?}"
                );
                assert!(src.is_char_boundary(e.start) && src.is_char_boundary(e.end));
            }
            assert!(errors.len() <= 1, "only the last token can be unterminated");
            for s in split(&src, &tokens) {
                assert!(s.start < s.end && s.end <= src.len());
                assert!(src.is_char_boundary(s.start) && src.is_char_boundary(s.end));
                assert_eq!(tokens[s.tokens.start].start, s.start);
                assert_eq!(tokens[s.tokens.end - 1].end, s.end);
            }
        }
    }

    #[test]
    fn random_sql_fragments_split_consistently() {
        // Shuffled keywords exercise the BEGIN ATOMIC state machine.
        const FRAGMENTS: &[&str] = &[
            "CREATE ",
            "OR ",
            "REPLACE ",
            "FUNCTION ",
            "PROCEDURE ",
            "BEGIN ",
            "ATOMIC ",
            "CASE ",
            "END ",
            "IF ",
            "LOOP ",
            "; ",
            "( ",
            ") ",
            "f ",
            "'x' ",
            "$$ ",
            "-- c\n",
            "/* ",
            "*/ ",
            "\n",
            "é ",
        ];
        let mut rng = Rng(0x2545_F491_4F6C_DD1D);
        for round in 0..3000 {
            let count = (rng.next() % 24) as usize;
            let src: std::string::String = (0..count)
                .map(|_| FRAGMENTS[rng.next() as usize % FRAGMENTS.len()])
                .collect();
            let (tokens, _) = lex(&src);
            let got = split(&src, &tokens);
            let mut prev_end = 0;
            for s in &got {
                assert!(
                    s.tokens.start >= prev_end,
                    "round {round}: overlap in {src:?}"
                );
                assert!(
                    !tokens[s.tokens.start].is_trivia() && !tokens[s.tokens.end - 1].is_trivia()
                );
                for &(start, end) in &s.leading_comments {
                    assert!(
                        end <= s.start,
                        "round {round}: comment after start in {src:?}"
                    );
                    assert!(src[start..end].starts_with("--") || src[start..end].starts_with("/*"));
                }
                let next = significant(&tokens, s.tokens.end..tokens.len()).next();
                let semicolon_next = next.is_some_and(|(_, t)| t.text(&src) == ";");
                assert_eq!(s.terminated, semicolon_next, "round {round}: {src:?}");
                prev_end = s.tokens.end;
            }
        }
    }

    #[test]
    fn ten_megabyte_input() {
        let stmt = "-- users table\nCREATE TABLE public.users (\n    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,\n    email text NOT NULL CHECK (email <> ''),\n    name varchar(200) DEFAULT 'anon'::text,\n    created_at timestamptz NOT NULL DEFAULT now()\n);\n";
        let src = stmt.repeat(10 * 1024 * 1024 / stmt.len() + 1);
        let (tokens, errors) = lex(&src);
        assert!(errors.is_empty());
        let got = split(&src, &tokens);
        assert_eq!(got.len(), src.len() / stmt.len());
        assert_eq!(tokens.last().map(|t| t.end), Some(src.len()));
    }

    #[test]
    fn pathological_inputs_are_linear() {
        // Each of these would be quadratic with naive rescanning.
        let n = 1 << 20;
        for src in [
            "+".repeat(n),
            "$a".repeat(n / 2),
            "$".repeat(n),
            "/*".repeat(n / 2),
            "'".repeat(n),
        ] {
            let (tokens, _) = lex(&src);
            assert_eq!(tokens.last().map(|t| t.end), Some(src.len()));
            split(&src, &tokens);
        }
        let src = format!("create function f() begin atomic {}", "end ".repeat(n / 4));
        let (tokens, _) = lex(&src);
        split(&src, &tokens);
    }
}
