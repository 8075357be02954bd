//! Page furniture: finding the byte ranges of a document that are article
//! body, without rewriting a single byte. Teaser lists ("Recommended
//! Stories") may sit inside an article: they end at an end marker ("end of
//! list") or where two paragraphs of prose follow.

use crate::resources::lexicon::Furniture;
use crate::span::Span;

/// The UTF-8 byte-order mark some editors write at the start of a file.
pub const BOM: char = '\u{feff}';

/// The fewest words of a paragraph of article prose (see [`is_prose`]).
const MIN_PROSE_WORDS: usize = 15;

/// The body spans of `text`: every line except furniture lines, bylines,
/// teaser lists (from a teaser heading to an end marker or to where the
/// prose resumes) and everything after a block heading. Consecutive kept
/// lines merge into one span. A byte-order mark opening the text is no part
/// of the body (it stays in the text, so offsets still match the file).
pub fn body_spans(furniture: &Furniture, text: &str) -> Vec<Span> {
    let mut lines: Vec<(Span, &str)> = Vec::new();
    let mut line_start = if text.starts_with(BOM) { BOM.len_utf8() } else { 0 };
    for line in crate::span::suffix(text, line_start).split_inclusive('\n') {
        lines.push((Span::new(line_start, line_start + line.len()), line));
        line_start += line.len();
    }
    let equals_any = |line: &str, patterns: &[String]| matches_any(line, patterns, |line, pattern| line.eq_ignore_ascii_case(pattern));
    let mut body: Vec<Span> = Vec::new();
    let mut in_teasers = false;
    for (idx, &(span, line)) in lines.iter().enumerate() {
        let trimmed = line.trim();
        if trimmed.is_empty() {
            continue;
        }
        if equals_any(trimmed, &furniture.block_starts) {
            break;
        }
        if equals_any(trimmed, &furniture.teaser_starts) {
            in_teasers = true;
            continue;
        }
        if in_teasers {
            if equals_any(trimmed, &furniture.list_ends) {
                in_teasers = false;
                continue;
            }
            // Teasers are headlines, often with a short summary; two
            // paragraphs of prose in a row are the article again.
            let next = lines[idx + 1..].iter().map(|(_, l)| *l).find(|l| !l.trim().is_empty());
            if !(is_prose(line) && next.is_some_and(is_prose)) {
                continue;
            }
            in_teasers = false;
        }
        if is_furniture_line(furniture, trimmed) {
            continue;
        }
        match body.last_mut() {
            Some(last) if crate::span::slice(text, last.end as usize, span.start as usize).trim().is_empty() && last.end == span.start => {
                last.end = span.end
            }
            _ => body.push(span),
        }
    }
    body
}

/// A paragraph of article prose: not indented or bulleted, at least
/// [`MIN_PROSE_WORDS`] words, ending a sentence (perhaps inside a quote).
fn is_prose(line: &str) -> bool {
    let line = line.trim_end();
    let starts_flush = line.starts_with(|c: char| c.is_alphanumeric() || matches!(c, '"' | '“' | '‘' | '\'' | '('));
    let ends_sentence = line.trim_end_matches(['"', '”', '’', '\'', ')']).ends_with(['.', '!', '?']);
    starts_flush && ends_sentence && line.split_whitespace().count() >= MIN_PROSE_WORDS
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
    line.get(..prefix.len()).is_some_and(|head| head.eq_ignore_ascii_case(prefix))
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

    #[test]
    fn a_teaser_list_inside_the_article_ends_where_the_prose_resumes() {
        let lead = "The minister arrived in the capital on Monday for talks that officials said would last until the end of the week.";
        let next = "Negotiators from both sides met late into the night and agreed to publish a joint statement in the morning.";
        let last = "A spokesman for the ministry said the two delegations would meet again next month in a neutral venue abroad.";
        let marked = format!("{lead}\n\nRecommended Stories\n\nlist of 2 items\nlist 1 of 2\nFarmers protest over prices\nlist 2 of 2\nA new bridge opens\nend of list\n\nShort reply.\n");
        let kept: Vec<&str> = body_spans(&furniture(), &marked).iter().map(|s| s.text(&marked).trim()).collect();
        assert_eq!(kept, [lead, "Short reply."]);
        let plain = format!("{lead}\n\nRelated Stories\n\nFarmers protest over prices\nA new bridge opens\n\n{next}\n\n{last}\n");
        let kept: Vec<&str> = body_spans(&furniture(), &plain).iter().map(|s| s.text(&plain).trim()).collect();
        assert_eq!(kept, [lead, next, last]);
    }

    #[test]
    fn teaser_summaries_do_not_end_the_list() {
        let lead = "The minister arrived in the capital on Monday for talks that officials said would last until the end of the week.";
        let summary = "Analysts said the decision would weigh on exporters and on the currency for the rest of the year, at least.";
        // Each summary follows a headline, and indented summaries are never prose.
        let text = format!("{lead}\n\nRecommended Stories\n\nCurrency slides again\n{summary}\nBank holds rates\n{summary}\n  • Bond yields rise\n    {summary}\n    {summary}\n");
        let kept: Vec<&str> = body_spans(&furniture(), &text).iter().map(|s| s.text(&text).trim()).collect();
        assert_eq!(kept, [lead]);
        // A comment block runs to the end whatever follows.
        let comments = format!("{lead}\n\nLeave a Comment\n\n{summary}\n\n{summary}\n");
        let kept: Vec<&str> = body_spans(&furniture(), &comments).iter().map(|s| s.text(&comments).trim()).collect();
        assert_eq!(kept, [lead]);
    }
}
