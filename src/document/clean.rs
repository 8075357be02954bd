//! Page furniture: finding the byte ranges of a document that are article
//! body, without rewriting a single byte.

use crate::resources::lexicon::Furniture;
use crate::span::Span;

/// The body spans of `text`: every line except furniture lines, bylines, and
/// everything after a furniture block heading. Consecutive kept lines merge
/// into one span.
pub fn body_spans(furniture: &Furniture, text: &str) -> Vec<Span> {
    let mut body: Vec<Span> = Vec::new();
    let mut line_start = 0usize;
    for line in text.split_inclusive('\n') {
        let span = Span::new(line_start, line_start + line.len());
        line_start += line.len();
        let trimmed = line.trim();
        if trimmed.is_empty() {
            continue;
        }
        if matches_any(trimmed, &furniture.block_starts, |line, start| line.eq_ignore_ascii_case(start)) {
            break;
        }
        if is_furniture_line(furniture, trimmed) {
            continue;
        }
        match body.last_mut() {
            Some(last) if text[last.end as usize..span.start as usize].trim().is_empty() && last.end == span.start => last.end = span.end,
            _ => body.push(span),
        }
    }
    body
}

fn is_furniture_line(furniture: &Furniture, line: &str) -> bool {
    let is_byline = line.chars().count() <= furniture.byline_max_chars
        && furniture.byline_prefixes.iter().any(|prefix| line.starts_with(prefix.as_str()));
    is_byline
        || matches_any(line, &furniture.lines, |line, furniture_line| line.eq_ignore_ascii_case(furniture_line))
        || matches_any(line, &furniture.line_prefixes, starts_with_ignore_case)
        || is_reading_time(line)
}

/// "·7 min read", "5 minute read": a scraper's reading-time badge.
fn is_reading_time(line: &str) -> bool {
    let lowered = line.to_lowercase();
    line.len() < 30 && (lowered.ends_with("min read") || lowered.ends_with("minute read") || lowered.ends_with("minutes read"))
}

fn starts_with_ignore_case(line: &str, prefix: &str) -> bool {
    line.len() >= prefix.len() && line.is_char_boundary(prefix.len()) && line[..prefix.len()].eq_ignore_ascii_case(prefix)
}

fn matches_any(line: &str, patterns: &[String], matches: impl Fn(&str, &str) -> bool) -> bool {
    patterns.iter().any(|pattern| matches(line, pattern))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn furniture() -> Furniture {
        crate::resources::Resources::builtin().unwrap().lexicon.furniture
    }

    #[test]
    fn furniture_lines_and_blocks_are_left_out() {
        let text = "Ghana Hosts Talks\n\nby staff writer\n\nAccra welcomed envoys on Monday.\nClick to resize\nREAD MORE: Another story\nThe talks ended.\n\nYou may also like\n\nUnrelated teaser about Paris.\n";
        let kept: Vec<&str> = body_spans(&furniture(), text).iter().map(|s| s.text(text).trim()).collect();
        assert_eq!(kept, ["Ghana Hosts Talks", "Accra welcomed envoys on Monday.", "The talks ended."]);
    }

    #[test]
    fn spans_point_into_the_original_text() {
        let text = "Línea uno.\nClick to resize\nDos “tres”.\n";
        for span in body_spans(&furniture(), text) {
            assert!(text.is_char_boundary(span.start as usize) && text.is_char_boundary(span.end as usize));
        }
    }
}
