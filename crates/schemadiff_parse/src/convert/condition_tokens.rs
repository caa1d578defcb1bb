//! The common CHECK condition built from tokens as sqlparser's `parse_expr` builds it:
//! columns and literals compared with `= <> < > <= >=`, `IS [NOT] NULL`, joined by
//! AND/OR, in parentheses or not (`updated_at IS NULL OR updated_at >= created_at`).
//! sqlparser's expression parser tries and discards alternatives, formatting an error
//! message for each; this reads the usual shape directly and returns `None` for
//! anything else, which then goes to sqlparser. Tests compare the two on each shape.

use sqlparser::ast::{BinaryOperator, Expr, Ident, Value, ValueWithSpan};
use sqlparser::keywords::Keyword;
use sqlparser::tokenizer::{Token, TokenWithSpan};

use super::table_tokens::SPECIAL_IN_EXPR;

/// The expression of exactly `run` (texts filled in), when it has the common shape.
pub fn condition(run: &[TokenWithSpan]) -> Option<Expr> {
    let mut r = Reader {
        run,
        at: 0,
        depth: 0,
    };
    let e = r.or()?;
    (r.at == run.len()).then_some(e)
}

struct Reader<'a> {
    run: &'a [TokenWithSpan],
    at: usize,
    /// Parentheses open; deep nesting is left to sqlparser (and its recursion limit).
    depth: usize,
}

/// Nesting this reader follows before leaving the expression to sqlparser.
const MAX_DEPTH: usize = 16;

impl Reader<'_> {
    fn peek(&self) -> Option<&Token> {
        self.run.get(self.at).map(|t| &t.token)
    }

    fn keyword(&self, at: usize) -> Option<Keyword> {
        match self.run.get(at).map(|t| &t.token) {
            Some(Token::Word(w)) if w.quote_style.is_none() => Some(w.keyword),
            _ => None,
        }
    }

    fn eat_keyword(&mut self, k: Keyword) -> bool {
        let yes = self.keyword(self.at) == Some(k);
        self.at += usize::from(yes);
        yes
    }

    /// `and (OR and)*`.
    fn or(&mut self) -> Option<Expr> {
        self.joined(Keyword::OR, BinaryOperator::Or, Self::and)
    }

    /// `is (AND is)*`.
    fn and(&mut self) -> Option<Expr> {
        self.joined(Keyword::AND, BinaryOperator::And, Self::is)
    }

    /// Operands joined by `word`, left-associative as sqlparser builds them.
    fn joined(
        &mut self,
        word: Keyword,
        op: BinaryOperator,
        operand: fn(&mut Self) -> Option<Expr>,
    ) -> Option<Expr> {
        let mut left = operand(self)?;
        while self.eat_keyword(word) {
            let right = operand(self)?;
            left = binary(left, op.clone(), right);
        }
        Some(left)
    }

    /// `comparison [IS [NOT] NULL]`.
    fn is(&mut self) -> Option<Expr> {
        let e = self.comparison()?;
        if !self.eat_keyword(Keyword::IS) {
            return Some(e);
        }
        let not = self.eat_keyword(Keyword::NOT);
        if !self.eat_keyword(Keyword::NULL) {
            return None;
        }
        Some(if not {
            Expr::IsNotNull(Box::new(e))
        } else {
            Expr::IsNull(Box::new(e))
        })
    }

    /// `operand [op operand]`; chains (`a = b = c`) are left to sqlparser.
    fn comparison(&mut self) -> Option<Expr> {
        let left = self.operand()?;
        let op = match self.peek() {
            Some(Token::Eq) => BinaryOperator::Eq,
            Some(Token::Neq) => BinaryOperator::NotEq,
            Some(Token::Lt) => BinaryOperator::Lt,
            Some(Token::Gt) => BinaryOperator::Gt,
            Some(Token::LtEq) => BinaryOperator::LtEq,
            Some(Token::GtEq) => BinaryOperator::GtEq,
            _ => return Some(left),
        };
        self.at += 1;
        // `= ANY (...)`, `= ALL (...)`: sqlparser's.
        if matches!(
            self.keyword(self.at),
            Some(Keyword::ANY | Keyword::ALL | Keyword::SOME)
        ) {
            return None;
        }
        let right = self.operand()?;
        Some(binary(left, op, right))
    }

    /// A column (`a`, `t.a`), a literal, or a parenthesized condition.
    fn operand(&mut self) -> Option<Expr> {
        let t = self.run.get(self.at)?;
        self.at += 1;
        let value = |value: Value| {
            Some(Expr::Value(ValueWithSpan {
                value,
                span: t.span,
            }))
        };
        match &t.token {
            Token::LParen => {
                self.depth += 1;
                if self.depth > MAX_DEPTH {
                    return None;
                }
                let inner = self.or()?;
                self.depth -= 1;
                (self.peek() == Some(&Token::RParen)).then_some(())?;
                self.at += 1;
                Some(Expr::Nested(Box::new(inner)))
            }
            Token::Number(n, false) => value(Value::Number(n.clone(), false)),
            Token::SingleQuotedString(s) => value(Value::SingleQuotedString(s.clone())),
            Token::Word(w) if w.quote_style.is_none() && w.keyword == Keyword::TRUE => {
                value(Value::Boolean(true))
            }
            Token::Word(w) if w.quote_style.is_none() && w.keyword == Keyword::FALSE => {
                value(Value::Boolean(false))
            }
            Token::Word(w) if w.quote_style.is_none() && w.keyword == Keyword::NULL => {
                value(Value::Null)
            }
            Token::Word(_) => {
                let mut parts = vec![self.ident(t)?];
                while self.peek() == Some(&Token::Period) {
                    let next = self.run.get(self.at + 1)?;
                    parts.push(self.ident(next)?);
                    self.at += 2;
                }
                // A call, a typed literal (`DATE '...'`) and the like: sqlparser's.
                if matches!(
                    self.peek(),
                    Some(Token::LParen | Token::SingleQuotedString(_) | Token::LBracket)
                ) {
                    return None;
                }
                Some(match parts.len() {
                    1 => Expr::Identifier(parts.remove(0)),
                    _ => Expr::CompoundIdentifier(parts),
                })
            }
            _ => None,
        }
    }

    /// A word as a column name part; words with a meaning of their own are sqlparser's.
    fn ident(&self, t: &TokenWithSpan) -> Option<Ident> {
        let Token::Word(w) = &t.token else {
            return None;
        };
        if w.quote_style.is_none()
            && (SPECIAL_IN_EXPR.contains(&w.keyword)
                || matches!(
                    w.keyword,
                    Keyword::AND
                        | Keyword::OR
                        | Keyword::IS
                        | Keyword::ANY
                        | Keyword::ALL
                        | Keyword::SOME
                ))
        {
            return None;
        }
        Some(Ident {
            value: w.value.clone(),
            quote_style: w.quote_style,
            span: t.span,
        })
    }
}

fn binary(left: Expr, op: BinaryOperator, right: Expr) -> Expr {
    Expr::BinaryOp {
        left: Box::new(left),
        op,
        right: Box::new(right),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use sqlparser::dialect::PostgreSqlDialect;
    use sqlparser::parser::Parser;
    use sqlparser::tokenizer::Tokenizer;

    fn tokens(sql: &str) -> Vec<TokenWithSpan> {
        Tokenizer::new(&PostgreSqlDialect {}, sql)
            .tokenize_with_location()
            .unwrap()
            .into_iter()
            .filter(|t| !matches!(t.token, Token::Whitespace(_)))
            .collect()
    }

    fn sqlparser(sql: &str) -> Option<Expr> {
        let mut p = Parser::new(&PostgreSqlDialect {}).with_tokens_with_locations(tokens(sql));
        let e = p.parse_expr().ok()?;
        (p.peek_token_ref().token == Token::EOF).then_some(e)
    }

    #[test]
    fn common_conditions_are_built_as_sqlparser_builds_them() {
        for sql in [
            "amount > 0",
            "updated_at IS NULL OR updated_at >= created_at",
            "a = 1 AND b <> 'x' OR c IS NOT NULL",
            "(a < b) AND (b <= c OR c IS NULL)",
            "t.a >= t.\"B\"",
            "a != 2",
            "flag = true AND other = FALSE",
            "x = NULL",
            "a = b IS NULL",
            "((a > 1.5))",
            "\"Mixed Case\" = 'it''s'",
            "key > 0 AND name <> '' AND value IS NOT NULL",
        ] {
            let ours = condition(&tokens(sql));
            assert!(ours.is_some(), "not read: {sql}");
            assert_eq!(ours, sqlparser(sql), "{sql}");
        }
    }

    #[test]
    fn every_keyword_as_a_column_reads_as_sqlparser_reads_it() {
        // Either the reader leaves the word to sqlparser, or both build the same AST.
        for kw in sqlparser::keywords::ALL_KEYWORDS {
            for sql in [
                format!("{kw} > 0"),
                format!("a = {kw}"),
                format!("t.{kw} IS NULL"),
                format!("a > 0 AND {kw} IS NOT NULL"),
            ] {
                if let Some(ours) = condition(&tokens(&sql)) {
                    assert_eq!(Some(ours), sqlparser(&sql), "{sql}");
                }
            }
        }
    }

    #[test]
    fn other_shapes_are_left_to_sqlparser() {
        for sql in [
            "a = b = c",
            "lower(a) = 'x'",
            "a IN (1, 2)",
            "NOT a",
            "a + 1 > 0",
            "a = ANY (b)",
            "d > DATE '2020-01-01'",
            "a BETWEEN 1 AND 2",
            "CURRENT_DATE > a",
            "a IS NULL IS NULL",
            "a ~ 'x'",
            "-a > 0",
            "a::int > 0",
            "a[1] > 0",
            "a > 0 AND",
            &format!("{}a{}", "(".repeat(100), ")".repeat(100)),
        ] {
            assert_eq!(condition(&tokens(sql)), None, "{sql}");
        }
    }
}
