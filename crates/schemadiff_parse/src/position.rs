//! Converts positions inside one statement (sqlparser's line/column) to file byte offsets.

/// Byte offset within `text` of the 1-based `line` and character `column`
/// sqlparser reports. Out-of-range positions clamp to the end of the text.
pub fn offset_in(text: &str, line: u64, column: u64) -> usize {
    if line == 0 {
        return 0;
    }
    let mut current_line = 1u64;
    let mut line_start = 0usize;
    if line > 1 {
        let mut found = false;
        for (i, b) in text.bytes().enumerate() {
            if b == b'\n' {
                current_line += 1;
                if current_line == line {
                    line_start = i + 1;
                    found = true;
                    break;
                }
            }
        }
        if !found {
            return text.len();
        }
    }
    let rest = &text[line_start..];
    let col = column.saturating_sub(1) as usize;
    match rest.char_indices().nth(col) {
        Some((i, _)) => line_start + i,
        None => text.len(),
    }
}

/// Extracts `Line: L, Column: C` from a sqlparser error message.
pub fn error_position(message: &str) -> Option<(u64, u64)> {
    let at = message.rfind("Line: ")?;
    let rest = &message[at + 6..];
    let (line, rest) = rest.split_once(", Column: ")?;
    let column: String = rest.chars().take_while(|c| c.is_ascii_digit()).collect();
    Some((line.trim().parse().ok()?, column.parse().ok()?))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn maps_lines_and_char_columns() {
        let text = "ab\ncé d\nx";
        assert_eq!(offset_in(text, 1, 1), 0);
        assert_eq!(offset_in(text, 2, 3), 6); // 'c'=3, 'é'=4..6, ' '=6
        assert_eq!(offset_in(text, 3, 1), 9);
        assert_eq!(offset_in(text, 9, 1), text.len());
    }

    #[test]
    fn reads_sqlparser_error_positions() {
        let msg = "sql parser error: Expected: identifier, found: ` at Line: 1, Column: 14";
        assert_eq!(error_position(msg), Some((1, 14)));
        assert_eq!(error_position("no position"), None);
    }
}
