//! Maps byte offsets to 1-based line and column numbers.

/// Byte offsets at which each line starts, for binary search.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LineIndex {
    /// Always starts with 0; one entry after every `\n` (which also covers
    /// `\r\n`, since the `\r` then ends the previous line's text).
    line_starts: Vec<usize>,
}

impl LineIndex {
    pub fn new(src: &str) -> LineIndex {
        let mut line_starts = vec![0];
        // `match_indices` with a char pattern searches with memchr.
        line_starts.extend(src.match_indices('\n').map(|(i, _)| i + 1));
        LineIndex { line_starts }
    }

    /// 1-based line and 1-based column counted in characters (not bytes);
    /// offsets past the end clamp to the end.
    ///
    /// An offset inside a multi-byte char is treated as that char's start.
    /// `src` must be the text the index was built from; with any other text
    /// the result is meaningless but this still does not panic.
    pub fn line_col(&self, src: &str, offset: usize) -> (usize, usize) {
        let mut offset = offset.min(src.len());
        while !src.is_char_boundary(offset) {
            offset -= 1;
        }
        // line_starts[0] == 0 <= offset, so the line is at least 1.
        let line = self.line_starts.partition_point(|&start| start <= offset);
        let line_start = self
            .line_starts
            .get(line.saturating_sub(1))
            .copied()
            .unwrap_or(0);
        let column = src
            .get(line_start..offset)
            .map_or(0, |text| text.chars().count());
        (line.max(1), column + 1)
    }

    /// The byte offset of a 1-based line and character column (the inverse of
    /// `line_col`); positions past a line's end clamp to it, past the text to its end.
    pub fn offset(&self, src: &str, line: usize, column: usize) -> usize {
        let Some(&start) = self.line_starts.get(line.saturating_sub(1)) else {
            return src.len();
        };
        let end = self
            .line_starts
            .get(line)
            .copied()
            .unwrap_or(src.len())
            .min(src.len());
        let text = src.get(start..end).unwrap_or("");
        // Columns are bytes in ASCII text (almost every line of SQL): no char walk.
        if text.is_ascii() {
            return start + column.saturating_sub(1).min(text.len());
        }
        match text.char_indices().nth(column.saturating_sub(1)) {
            Some((i, _)) => start + i,
            None => end,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn single_line() {
        let src = "select 1";
        let index = LineIndex::new(src);
        assert_eq!(index.line_col(src, 0), (1, 1));
        assert_eq!(index.line_col(src, 7), (1, 8));
        assert_eq!(index.line_col(src, 8), (1, 9));
    }

    #[test]
    fn empty_source() {
        let index = LineIndex::new("");
        assert_eq!(index.line_col("", 0), (1, 1));
        assert_eq!(index.line_col("", 10), (1, 1));
    }

    #[test]
    fn multiple_lines() {
        let src = "a\nbc\n\nd";
        let index = LineIndex::new(src);
        assert_eq!(index.line_col(src, 0), (1, 1));
        assert_eq!(index.line_col(src, 1), (1, 2)); // the \n itself
        assert_eq!(index.line_col(src, 2), (2, 1));
        assert_eq!(index.line_col(src, 3), (2, 2));
        assert_eq!(index.line_col(src, 5), (3, 1));
        assert_eq!(index.line_col(src, 6), (4, 1));
        assert_eq!(index.line_col(src, 7), (4, 2));
    }

    #[test]
    fn trailing_newline_starts_a_line() {
        let src = "a\n";
        let index = LineIndex::new(src);
        assert_eq!(index.line_col(src, 2), (2, 1));
    }

    #[test]
    fn crlf() {
        let src = "ab\r\ncd\r\n";
        let index = LineIndex::new(src);
        assert_eq!(index.line_col(src, 2), (1, 3)); // the \r
        assert_eq!(index.line_col(src, 4), (2, 1));
        assert_eq!(index.line_col(src, 5), (2, 2));
        assert_eq!(index.line_col(src, 8), (3, 1));
    }

    #[test]
    fn columns_count_chars_not_bytes() {
        let src = "é漢字🎉x\n'é' 🎉y";
        let index = LineIndex::new(src);
        let x = src.find('x').unwrap_or(0);
        assert_eq!(index.line_col(src, x), (1, 5));
        let y = src.find('y').unwrap_or(0);
        assert_eq!(index.line_col(src, y), (2, 6));
    }

    #[test]
    fn token_positions_with_multibyte_and_crlf() {
        let src = "-- 漢字\r\nCREATE TABLE \"tbl🎉\" (\r\n  naïve text DEFAULT 'é'\r\n);";
        let index = LineIndex::new(src);
        let (tokens, _) = crate::lex::lex(src);
        let find = |text: &str| {
            tokens
                .iter()
                .find(|t| t.text(src) == text)
                .map(|t| index.line_col(src, t.start))
        };
        assert_eq!(find("CREATE"), Some((2, 1)));
        assert_eq!(find("\"tbl🎉\""), Some((2, 14)));
        assert_eq!(find("("), Some((2, 21)));
        assert_eq!(find("naïve"), Some((3, 3)));
        assert_eq!(find("text"), Some((3, 9)));
        assert_eq!(find("'é'"), Some((3, 22)));
        assert_eq!(find(";"), Some((4, 2)));
    }

    #[test]
    fn offsets_clamp_and_snap_to_char_start() {
        let src = "a\né";
        let index = LineIndex::new(src);
        assert_eq!(index.line_col(src, 3), (2, 1)); // inside é
        assert_eq!(index.line_col(src, 100), (2, 2));
        assert_eq!(index.line_col(src, usize::MAX), (2, 2));
    }

    #[test]
    fn offset_inverts_line_col_in_ascii_and_multibyte_lines() {
        for src in ["CREATE TABLE t (\n  a int\n);\n", "a\né漢字 x\r\nyz", ""] {
            let index = LineIndex::new(src);
            for o in (0..=src.len()).filter(|&o| src.is_char_boundary(o)) {
                let (line, column) = index.line_col(src, o);
                assert_eq!(index.offset(src, line, column), o, "{src:?} at {o}");
            }
        }
        // Past a line's end: where the next line starts; past the text: its end.
        let src = "ab\ncd";
        let index = LineIndex::new(src);
        assert_eq!(index.offset(src, 1, 10), 3);
        assert_eq!(index.offset(src, 2, 10), 5);
        assert_eq!(index.offset(src, 9, 1), 5);
    }

    #[test]
    fn mismatched_source_does_not_panic() {
        let index = LineIndex::new("a\nb\nc\nd");
        for offset in 0..10 {
            let (line, column) = index.line_col("ab", offset);
            assert!(line >= 1 && column >= 1);
        }
    }
}
