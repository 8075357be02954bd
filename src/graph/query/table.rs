//! Plain-text tables for the query answers: columns aligned by display
//! width (so accents, CJK and emoji line up), quotes cut at a fixed width
//! with `…`, and every cell on one line.
//!
//! Widths are those of `unicode-width` over whole cells, which counts an
//! emoji presentation sequence (🕊️) as the two columns a terminal draws;
//! `tabwriter` sums single characters and misaligns such rows.

use unicode_width::UnicodeWidthStr;

/// The display width a quote is cut to, `…` included.
pub const QUOTE_WIDTH: usize = 72;
/// Spaces between columns.
const COLUMN_GAP: usize = 2;

/// An aligned table: a header row and rows of cells.
#[derive(Debug)]
pub struct Table {
    /// Empty for a table without a header line.
    header: Vec<&'static str>,
    n_columns: usize,
    rows: Vec<Vec<String>>,
}

impl Table {
    pub fn new(header: &[&'static str]) -> Table {
        Table { header: header.to_vec(), n_columns: header.len(), rows: Vec::new() }
    }

    /// A table without a header line (`name  value` facts).
    pub fn headless(n_columns: usize) -> Table {
        Table { header: Vec::new(), n_columns, rows: Vec::new() }
    }

    /// Adds a row; cells are put on one line, and an empty cell shows as `-`
    /// (so no line ends in padding and every column has a value to grep).
    pub fn push(&mut self, cells: Vec<String>) {
        debug_assert_eq!(cells.len(), self.n_columns, "a row has one cell per column");
        self.rows.push(cells.iter().map(|cell| one_line(cell)).collect());
    }

    pub fn is_empty(&self) -> bool {
        self.rows.is_empty()
    }

    /// The number of rows, header excluded.
    pub fn len(&self) -> usize {
        self.rows.len()
    }

    /// The table, each line starting with `indent`, columns two spaces apart;
    /// the last column is not padded, so no line ends in spaces.
    pub fn render(&self, indent: &str) -> String {
        let header: Vec<String> = self.header.iter().map(|name| name.to_string()).collect();
        let header = (!header.is_empty()).then_some(&header);
        let lines: Vec<&Vec<String>> = header.into_iter().chain(&self.rows).collect();
        let mut widths = vec![0; self.n_columns];
        for cells in &lines {
            for (width, cell) in widths.iter_mut().zip(cells.iter()) {
                *width = (*width).max(cell.width());
            }
        }
        let mut out = String::new();
        for cells in lines {
            out.push_str(indent);
            for (column, cell) in cells.iter().enumerate() {
                out.push_str(cell);
                if column + 1 < cells.len() {
                    out.push_str(&" ".repeat(widths[column] - cell.width() + COLUMN_GAP));
                }
            }
            out.push('\n');
        }
        out
    }
}

/// `text` on one line: control characters (tabs and newlines included, which
/// would break the columns) become spaces, runs of spaces one; empty is `-`.
pub fn one_line(text: &str) -> String {
    let cleaned: String = text.chars().map(|ch| if ch.is_control() { ' ' } else { ch }).collect();
    let words: Vec<&str> = cleaned.split_whitespace().collect();
    if words.is_empty() {
        "-".to_string()
    } else {
        words.join(" ")
    }
}

/// `text` on one line, cut to at most `width` display columns with `…`,
/// between words where possible.
pub fn truncate(text: &str, width: usize) -> String {
    let text = one_line(text);
    if text.width() <= width {
        return text;
    }
    let mut kept = String::new();
    let mut next = None;
    for ch in text.chars() {
        kept.push(ch);
        // Leave one column for the ellipsis.
        if kept.width() + 1 > width {
            kept.pop();
            next = Some(ch);
            break;
        }
    }
    // Cut between words when that keeps at least half the width.
    let mid_word = next.is_some_and(|ch| !ch.is_whitespace()) && !kept.ends_with(char::is_whitespace);
    if mid_word {
        if let Some(space) = kept.rfind(char::is_whitespace).filter(|&space| crate::span::prefix(&kept, space).width() * 2 >= width) {
            kept.truncate(space);
        }
    }
    format!("{}…", kept.trim_end())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_align_by_display_width() {
        let mut table = Table::new(&["NAME", "TYPE"]);
        table.push(vec!["Quíspe".into(), "Person".into()]);
        table.push(vec!["東京".into(), "Location".into()]);
        table.push(vec!["Peace 🕊️".into(), "Organization".into()]);
        table.push(vec!["Ama Mensah".into(), String::new()]);
        assert_eq!(
            table.render("  "),
            "  NAME        TYPE\n  Quíspe      Person\n  東京        Location\n  Peace 🕊️    Organization\n  Ama Mensah  -\n"
        );
    }

    #[test]
    fn cells_are_single_lines() {
        for (input, expected) in
            [("Line\nBreak\tCouncil", "Line Break Council"), ("  padded  ", "padded"), ("", "-"), ("\n", "-"), ("a\r\nb", "a b")]
        {
            assert_eq!(one_line(input), expected, "{input:?}");
        }
    }

    #[test]
    fn truncate_table() {
        for (input, width, expected) in [
            ("short", 10, "short"),
            ("exactly ten", 11, "exactly ten"),
            ("one two three four", 10, "one two…"),
            ("abcdefghijkl", 6, "abcde…"),
            ("東京東京東京", 7, "東京東…"),
            ("Línea\nnueva de texto", 12, "Línea nueva…"),
        ] {
            let cut = truncate(input, width);
            assert_eq!(cut, expected, "{input:?}");
            assert!(cut.width() <= width, "{cut:?} is wider than {width}");
        }
    }
}
