//! Small helpers for the CSV files authors keep under `content/data/`: which delimiter a file
//! uses (Sotkanet exports use `;`, spreadsheets often `,`), and at which column a field starts,
//! so an error can point at it.

/// `;` when the header line has one, else `,`.
pub(crate) fn delimiter(text: &str) -> u8 {
    if text.lines().next().unwrap_or_default().contains(';') {
        b';'
    } else {
        b','
    }
}

/// 1-based column (in characters) where field `index` (0-based) starts on 1-based `line`.
pub(crate) fn column_of(text: &str, line: usize, index: usize, delimiter: u8) -> usize {
    let l = text.lines().nth(line.saturating_sub(1)).unwrap_or_default();
    column_in_line(l, index, delimiter)
}

/// 1-based column (in characters) where field `index` (0-based) starts in the line `l`.
pub(crate) fn column_in_line(l: &str, index: usize, delimiter: u8) -> usize {
    let mut col = 1;
    let mut seen = 0;
    let mut quoted = false;
    for c in l.chars() {
        if seen == index {
            break;
        }
        if c == '"' {
            quoted = !quoted;
        } else if !quoted && c as u32 == u32::from(delimiter) {
            seen += 1;
        }
        col += 1;
    }
    col
}

#[cfg(test)]
mod tests {
    #[test]
    fn columns() {
        let t = "a;b;c\n5527;974;2024\n";
        assert_eq!(super::delimiter(t), b';');
        assert_eq!(super::column_of(t, 2, 0, b';'), 1);
        assert_eq!(super::column_of(t, 2, 2, b';'), 10);
        assert_eq!(super::column_of("\"x,y\",z\n", 1, 1, b','), 7);
    }
}
