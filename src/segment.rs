//! Sentences and tokens, as byte spans into the document text.
//!
//! Tokens: words (with inner apostrophes, "O’Neill"), dotted acronyms
//! ("U.S.", "U.N"), numbers ("1,000", "8.7"), possessive markers ("’s", and a
//! bare "’" after a plural), and single punctuation characters. A hyphen is a
//! token of its own, glued to its neighbours (`space_before == false`), so
//! "Kenya-led" is `Kenya` `-` `led`.
//!
//! Sentences never cross a line break (paragraphs, headlines) and end at
//! `.`, `!` or `?` unless the word before is an abbreviation or an initial
//! ("Mr.", "Aug.", "Alfred N. Mutua"). A sentence longer than
//! [`MAX_SENTENCE_TOKENS`] tokens (a transcript or a scraped page without end
//! punctuation) is cut into pieces of at most that many tokens, after a comma,
//! semicolon, colon or dash in the second half of each piece where there is
//! one. The pieces are token ranges, so every offset still points into the text.

use crate::document::Document;
use crate::resources::Lexicon;
use crate::span::Span;
use std::ops::Range;

/// What a token looks like.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TokenShape {
    /// Starts with a lowercase letter.
    Lower,
    /// Starts with an uppercase letter and is not all caps.
    Capitalized,
    /// Two or more letters, all uppercase, possibly dotted: "UN", "U.S.", "PNH".
    Upper,
    /// A single uppercase letter (an initial, when a "." follows).
    Initial,
    Number,
    /// "’s", "'s", or a bare apostrophe after a plural.
    Possessive,
    Punct,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Token {
    pub span: Span,
    pub shape: TokenShape,
    /// Whitespace stands between this token and the previous one.
    pub space_before: bool,
}

impl Token {
    pub fn is_word(self) -> bool {
        !matches!(self.shape, TokenShape::Punct | TokenShape::Possessive)
    }

    /// Starts with an uppercase letter (capitalised, all caps or an initial).
    pub fn is_capitalized(self) -> bool {
        matches!(self.shape, TokenShape::Capitalized | TokenShape::Upper | TokenShape::Initial)
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Sentence {
    pub span: Span,
    /// Index range into [`Segmentation::tokens`].
    pub tokens: Range<u32>,
    /// A title-case line without final punctuation: a headline or subheading.
    pub headline: bool,
}

#[derive(Clone, Debug, Default)]
pub struct Segmentation {
    pub tokens: Vec<Token>,
    pub sentences: Vec<Sentence>,
}

impl Segmentation {
    pub fn sentence_tokens(&self, sentence: &Sentence) -> &[Token] {
        &self.tokens[sentence.tokens.start as usize..sentence.tokens.end as usize]
    }

    /// The sentence containing byte offset `offset`.
    pub fn sentence_at(&self, offset: u32) -> Option<u32> {
        let idx = self.sentences.partition_point(|s| s.span.end <= offset);
        (idx < self.sentences.len() && self.sentences[idx].span.start <= offset).then_some(idx as u32)
    }

    /// Index of the first token starting at or after `offset`.
    pub fn token_at(&self, offset: u32) -> usize {
        self.tokens.partition_point(|t| t.span.start < offset)
    }
}

/// Abbreviations whose period does not end a sentence.
const ABBREVIATIONS: &[&str] = &[
    "Mr", "Ms", "Mrs", "Dr", "St", "Sr", "Jr", "Gen", "Lt", "Col", "Maj", "Capt", "Sgt", "Sen", "Rep", "Gov", "Rev", "Prof", "No", "Nos",
    "Vol", "vs", "etc", "Inc", "Corp", "Co", "Ltd", "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec",
    "Ft", "Mt", "approx", "est", "Adm", "Brig", "Cmdr", "Pres",
];

/// The most tokens of one sentence: a news sentence has fewer than 100, and
/// the relation extractors' work per sentence grows faster than its length.
pub const MAX_SENTENCE_TOKENS: usize = 200;

/// Where a sentence over [`MAX_SENTENCE_TOKENS`] is best cut: after one of these.
const SOFT_BREAKS: &[&str] = &[",", ";", ":", "—", "–"];

/// Splits the body of `document` into sentences and tokens.
pub fn segment(lexicon: &Lexicon, document: &Document) -> Segmentation {
    let text = document.text.as_str();
    let mut segmentation = Segmentation::default();
    for body in &document.body {
        let mut line_start = body.start as usize;
        for line in body.text(text).split_inclusive('\n') {
            let line_span = Span::new(line_start, line_start + line.len());
            line_start += line.len();
            let first_token = segmentation.tokens.len();
            tokenize(text, line_span, &mut segmentation.tokens);
            split_sentences(lexicon, text, first_token, &mut segmentation);
        }
    }
    segmentation
}

fn is_apostrophe(ch: char) -> bool {
    ch == '\'' || ch == '\u{2019}'
}

/// Appends the tokens of `text[within]` to `tokens`.
#[allow(clippy::string_slice)] // every offset comes from `char_indices` of the line
pub fn tokenize(text: &str, within: Span, tokens: &mut Vec<Token>) {
    let bytes_base = within.start as usize;
    let line = within.text(text);
    let chars: Vec<(usize, char)> = line.char_indices().collect();
    let mut i = 0;
    let mut space_before = true;
    while i < chars.len() {
        let (start, ch) = chars[i];
        if ch.is_whitespace() {
            space_before = true;
            i += 1;
            continue;
        }
        let end_of = |j: usize| if j < chars.len() { chars[j].0 } else { line.len() };
        let mut j = i + 1;
        let shape;
        if let Some(length) = web_address_at(&chars, i) {
            // "https://example.org/a", "www.example.org", "name@example.org": one token.
            j = i + length;
            shape = TokenShape::Lower;
        } else if let Some(length) = emoticon_at(&chars, i) {
            j = i + length;
            shape = TokenShape::Punct;
        } else if negation_at(&chars, i) && i > 0 && !space_before {
            // "n't" of "don't", "can't", "won't": UD's second word.
            j = i + 3;
            shape = TokenShape::Lower;
        } else if let Some(length) = clitic_at(&chars, i).filter(|_| !space_before) {
            j = i + length;
            shape = TokenShape::Lower;
        } else if ch.is_alphanumeric() {
            // Dotted acronym: U.S., U.N., U.N (an uppercase letter and a period, repeated).
            if ch.is_uppercase()
                && chars.get(i + 1).is_some_and(|c| c.1 == '.')
                && chars.get(i + 2).is_some_and(|c| c.1.is_uppercase())
                && !chars.get(i + 3).is_some_and(|c| c.1.is_alphabetic())
            {
                j = i;
                while chars.get(j).is_some_and(|c| c.1.is_uppercase()) && chars.get(j + 1).is_some_and(|c| c.1 == '.') {
                    j += 2;
                }
                if chars.get(j).is_some_and(|c| c.1.is_uppercase()) && !chars.get(j + 1).is_some_and(|c| c.1.is_alphanumeric()) {
                    j += 1;
                }
            } else {
                while j < chars.len() {
                    let c = chars[j].1;
                    let next = chars.get(j + 1).map(|c| c.1);
                    if c.is_alphanumeric() {
                        if negation_at(&chars, j) {
                            break;
                        }
                        j += 1;
                    } else if is_apostrophe(c) && next.is_some_and(char::is_alphabetic) {
                        // "’s" followed by a non-letter is a possessive token of its own; so are
                        // the clitics "’re", "’ll", "’ve", "’m", "’d".
                        let possessive = matches!(next, Some('s' | 'S')) && !chars.get(j + 2).is_some_and(|c| c.1.is_alphabetic());
                        if possessive || clitic_at(&chars, j).is_some() {
                            break;
                        }
                        j += 1;
                    } else if (c == ',' || c == '.') && ch.is_ascii_digit() && next.is_some_and(|n| n.is_ascii_digit()) {
                        j += 1;
                    } else if matches!(c, '-' | '/' | ':') && ch.is_ascii_digit() && next.is_some_and(char::is_alphanumeric) {
                        // Dates, times and numbers: "01/24/2001", "10:30", "713-853-5620", "01-Feb-02".
                        j += 1;
                    } else if c == '-' && j == i + 1 && ch.is_lowercase() && next.is_some_and(char::is_alphabetic) {
                        // A one-letter prefix: "e-mail", "x-ray".
                        j += 1;
                    } else {
                        break;
                    }
                }
            }
            let word = &line[start..end_of(j)];
            if SPLIT_WORDS.iter().any(|split| word.eq_ignore_ascii_case(split)) {
                j = i + 3; // "cannot" → "can" "not", "gonna" → "gon" "na"
            } else if chars.get(j).is_some_and(|c| c.1 == '.') && ABBREVIATIONS.contains(&word) {
                j += 1; // "Mr.", "Feb.", "Inc.": the period belongs to the abbreviation
            }
            shape = word_shape(&line[start..end_of(j)]);
        } else if is_apostrophe(ch)
            && chars.get(i + 1).is_some_and(|c| matches!(c.1, 's' | 'S'))
            && !chars.get(i + 2).is_some_and(|c| c.1.is_alphabetic())
            && !space_before
        {
            j = i + 2;
            shape = TokenShape::Possessive;
        } else if is_apostrophe(ch)
            && !space_before
            && i > 0
            && matches!(chars[i - 1].1, 's' | 'S')
            && !chars.get(i + 1).is_some_and(|c| c.1.is_alphanumeric())
        {
            shape = TokenShape::Possessive;
        } else {
            // A run of the same mark ("...", "!!!", "--", "**") or of sentence-final marks ("?!")
            // is one token.
            let final_mark = |c: char| matches!(c, '.' | '!' | '?');
            while chars.get(j).is_some_and(|c| c.1 == ch || (final_mark(ch) && final_mark(c.1))) && (ch != '\'' && ch != '"') {
                j += 1;
            }
            shape = TokenShape::Punct;
        }
        tokens.push(Token { span: Span::new(bytes_base + start, bytes_base + end_of(j)), shape, space_before });
        space_before = false;
        i = j;
    }
}

/// The length in chars of a web or mail address starting at `chars[at]`: "http://…",
/// "https://…", "www.…", or word characters around an "@"; up to the next space, without
/// closing punctuation.
fn web_address_at(chars: &[(usize, char)], at: usize) -> Option<usize> {
    let rest = &chars[at..];
    let length = rest.iter().take_while(|c| !c.1.is_whitespace()).count();
    let chunk: String = rest[..length].iter().map(|c| c.1.to_ascii_lowercase()).collect();
    let at_sign = chunk.find('@').filter(|&sign| sign > 0 && crate::span::suffix(&chunk, sign + 1).contains('.'));
    let is_address = chunk.starts_with("http://") || chunk.starts_with("https://") || chunk.starts_with("www.") || at_sign.is_some();
    if !is_address || !rest[0].1.is_alphanumeric() {
        return None;
    }
    let trailing =
        rest[..length].iter().rev().take_while(|c| matches!(c.1, '.' | ',' | ';' | ':' | '!' | '?' | ')' | '"' | '\'' | '”' | '’')).count();
    Some(length - trailing).filter(|&length| length > 4)
}

/// The length in chars of an emoticon (":)", ":-(", ";)", ":D") starting at `chars[at]` and
/// followed by a space or the end of the line.
fn emoticon_at(chars: &[(usize, char)], at: usize) -> Option<usize> {
    const EMOTICONS: &[&str] = &[":-)", ":-(", ":-D", ":-P", ":)", ":(", ":D", ":P", ";)", ";-)", ":/", "=)"];
    EMOTICONS.iter().find_map(|emoticon| {
        let length = emoticon.chars().count();
        let matches = emoticon.chars().enumerate().all(|(k, ch)| chars.get(at + k).is_some_and(|c| c.1 == ch));
        (matches && chars.get(at + length).is_none_or(|c| c.1.is_whitespace())).then_some(length)
    })
}

/// Words UD English writes as two: the first three letters are the first word.
const SPLIT_WORDS: &[&str] = &["cannot", "gonna", "wanna", "gotta"];

/// "n't" (either apostrophe, any case) starts at `chars[at]` and no letter follows it.
fn negation_at(chars: &[(usize, char)], at: usize) -> bool {
    chars.get(at).is_some_and(|c| matches!(c.1, 'n' | 'N'))
        && chars.get(at + 1).is_some_and(|c| is_apostrophe(c.1))
        && chars.get(at + 2).is_some_and(|c| matches!(c.1, 't' | 'T'))
        && !chars.get(at + 3).is_some_and(|c| c.1.is_alphabetic())
}

/// The length in chars of a clitic ("’re", "’ll", "’ve", "’m", "’d") starting at `chars[at]`
/// with no letter after it.
fn clitic_at(chars: &[(usize, char)], at: usize) -> Option<usize> {
    if !chars.get(at).is_some_and(|c| is_apostrophe(c.1)) {
        return None;
    }
    let letters = chars[at + 1..].iter().take_while(|c| c.1.is_alphabetic()).count();
    let word: String = chars[at + 1..at + 1 + letters].iter().map(|c| c.1.to_ascii_lowercase()).collect();
    matches!(word.as_str(), "re" | "ll" | "ve" | "m" | "d").then_some(letters + 1)
}

fn word_shape(word: &str) -> TokenShape {
    let first = word.chars().next().unwrap_or(' ');
    if first.is_numeric() {
        return TokenShape::Number;
    }
    if !first.is_uppercase() {
        return TokenShape::Lower;
    }
    let letters: Vec<char> = word.chars().filter(|c| c.is_alphabetic()).collect();
    if letters.len() == 1 {
        TokenShape::Initial
    } else if letters.iter().all(|c| c.is_uppercase()) {
        TokenShape::Upper
    } else {
        TokenShape::Capitalized
    }
}

/// Splits the tokens from `first_token` on (one line) into sentences.
fn split_sentences(lexicon: &Lexicon, text: &str, first_token: usize, segmentation: &mut Segmentation) {
    let tokens = &segmentation.tokens;
    let mut start = first_token;
    let mut idx = first_token;
    let mut sentences = Vec::new();
    while idx < tokens.len() {
        let token = tokens[idx];
        let token_text = token.span.text(text);
        let mut end = idx + 1;
        let ends_sentence = match token_text {
            "." | "!" | "?" | "…" => !(token_text == "." && is_abbreviation(text, tokens, idx)),
            run if token.shape == TokenShape::Punct && run.len() > 1 && run.chars().all(|c| matches!(c, '.' | '!' | '?')) => true,
            _ => token.shape == TokenShape::Upper && token_text.ends_with('.') && next_is_sentence_opener(lexicon, text, tokens, idx + 1),
        };
        if ends_sentence {
            // Closing quotes and brackets belong to the sentence they close.
            while end < tokens.len()
                && matches!(tokens[end].span.text(text), "”" | "\"" | "’" | "'" | ")" | "]")
                && !tokens[end].space_before
            {
                end += 1;
            }
            let next_starts = tokens.get(end).is_none_or(|next| {
                let first = next.span.text(text).chars().next().unwrap_or(' ');
                first.is_uppercase() || first.is_numeric() || matches!(first, '“' | '"' | '‘' | '(' | '[' | '¿' | '¡')
            });
            if next_starts {
                sentences.push(start..end);
                start = end;
            }
        }
        idx = end;
    }
    if start < tokens.len() {
        sentences.push(start..tokens.len());
    }
    for range in sentences.into_iter().flat_map(|range| cap_length(text, tokens, range)) {
        let span = tokens[range.start].span.cover(tokens[range.end - 1].span);
        let headline = is_headline(text, &tokens[range.clone()]);
        segmentation.sentences.push(Sentence { span, tokens: range.start as u32..range.end as u32, headline });
    }
}

/// `range` cut into pieces of at most [`MAX_SENTENCE_TOKENS`] tokens, each
/// ending after the last soft break of its second half, else at the limit.
fn cap_length(text: &str, tokens: &[Token], range: Range<usize>) -> Vec<Range<usize>> {
    let mut pieces = Vec::new();
    let mut start = range.start;
    while range.end - start > MAX_SENTENCE_TOKENS {
        let limit = start + MAX_SENTENCE_TOKENS;
        let soft_break = (start + MAX_SENTENCE_TOKENS / 2..limit).rev().find(|&idx| SOFT_BREAKS.contains(&tokens[idx].span.text(text)));
        let end = soft_break.map_or(limit, |idx| idx + 1);
        pieces.push(start..end);
        start = end;
    }
    pieces.push(start..range.end);
    pieces
}

fn is_abbreviation(text: &str, tokens: &[Token], period_idx: usize) -> bool {
    if period_idx == 0 || tokens[period_idx].space_before {
        return false;
    }
    let previous = tokens[period_idx - 1];
    let word = previous.span.text(text);
    previous.shape == TokenShape::Initial || ABBREVIATIONS.contains(&word)
}

fn next_is_sentence_opener(lexicon: &Lexicon, text: &str, tokens: &[Token], idx: usize) -> bool {
    tokens.get(idx).is_some_and(|next| next.shape == TokenShape::Capitalized && lexicon.stopwords.contains(next.span.text(text)))
}

/// A line without final punctuation whose words are mostly capitalised, or a
/// short line without final punctuation (a subheading).
fn is_headline(text: &str, tokens: &[Token]) -> bool {
    let Some(last) = tokens.last() else { return false };
    if matches!(last.span.text(text), "." | "!" | "?" | "”" | "\"" | ":" | ")" | "…") {
        return false;
    }
    let words: Vec<&Token> = tokens.iter().filter(|t| t.is_word() && t.shape != TokenShape::Number).collect();
    let long_words: Vec<&&Token> = words.iter().filter(|t| t.span.len() > 3).collect();
    let capitalized = long_words.iter().filter(|t| t.is_capitalized()).count();
    words.len() <= 6 || (!long_words.is_empty() && capitalized * 10 >= long_words.len() * 6)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::{DocId, Document};

    fn run(text: &str) -> (Document, Segmentation) {
        let resources = crate::resources::Resources::builtin().unwrap();
        let document = Document::new(DocId("t".into()), "t.txt".into(), text.to_string(), None);
        let segmentation = segment(&resources.lexicon, &document);
        (document, segmentation)
    }

    fn token_texts(text: &str) -> Vec<String> {
        let (document, segmentation) = run(text);
        segmentation.tokens.iter().map(|t| t.span.text(&document.text).to_string()).collect()
    }

    #[test]
    fn token_table() {
        for (text, expected) in [
            ("Kenya’s U.S. envoy", vec!["Kenya", "’s", "U.S.", "envoy"]),
            ("Guterres’ aide", vec!["Guterres", "’", "aide"]),
            ("William O’Neill and Saut-d’eau", vec!["William", "O’Neill", "and", "Saut", "-", "d’eau"]),
            ("Kenya-led $1,000.50 to the U.N, then", vec!["Kenya", "-", "led", "$", "1,000.50", "to", "the", "U.N", ",", "then"]),
            ("Alfred N. Mutua", vec!["Alfred", "N", ".", "Mutua"]),
            ("“Barbecue”", vec!["“", "Barbecue", "”"]),
            (
                "They don't, we can’t, I'm sure they'll",
                vec!["They", "do", "n't", ",", "we", "ca", "n’t", ",", "I", "'m", "sure", "they", "'ll"],
            ),
            ("Cannot, gonna; the mayor’d", vec!["Can", "not", ",", "gon", "na", ";", "the", "mayor", "’d"]),
            ("O'Neill's rock'n'roll", vec!["O'Neill", "'s", "rock'n'roll"]),
            (
                "Mr. Roe of Acme Inc. wrote... Really?! -- see",
                vec!["Mr.", "Roe", "of", "Acme", "Inc.", "wrote", "...", "Really", "?!", "--", "see"],
            ),
            (
                "e-mail on 01/24/2001 at 10:30, call 713-853-5620",
                vec!["e-mail", "on", "01/24/2001", "at", "10:30", ",", "call", "713-853-5620"],
            ),
            (
                "mail info@example.org or https://example.org/a?b=1. :) ok",
                vec!["mail", "info@example.org", "or", "https://example.org/a?b=1", ".", ":)", "ok"],
            ),
        ] {
            assert_eq!(token_texts(text), expected, "{text}");
        }
    }

    #[test]
    fn sentence_table() {
        for (text, expected) in [
            ("Mr. Henry met Ms. Roe on Aug. 15. They spoke.", vec!["Mr. Henry met Ms. Roe on Aug. 15.", "They spoke."]),
            (
                "Kenya Foreign Minister Alfred N. Mutua spoke. Then he left.",
                vec!["Kenya Foreign Minister Alfred N. Mutua spoke.", "Then he left."],
            ),
            ("He visited the U.S. The trip ended.", vec!["He visited the U.S.", "The trip ended."]),
            ("“We are ready.” He left.\nNew line here", vec!["“We are ready.”", "He left.", "New line here"]),
            ("The U.S. Senate voted.", vec!["The U.S. Senate voted."]),
        ] {
            let (document, segmentation) = run(text);
            let sentences: Vec<&str> = segmentation.sentences.iter().map(|s| s.span.text(&document.text)).collect();
            assert_eq!(sentences, expected, "{text}");
        }
    }

    #[test]
    fn long_sentences_are_cut_after_a_soft_break() {
        // 150 words, a comma, 150 words, no end punctuation: two pieces, cut after the comma.
        let words = |n: usize| vec!["word"; n].join(" ");
        let text = format!("{}, {}", words(150), words(150));
        let (document, segmentation) = run(&text);
        let lengths: Vec<usize> = segmentation.sentences.iter().map(|s| s.tokens.len()).collect();
        assert_eq!(lengths, [151, 150]);
        assert!(segmentation.sentences[0].span.text(&document.text).ends_with("word,"));
        // Without a soft break: pieces of exactly the limit, covering every token.
        let (_, segmentation) = run(&words(450));
        let lengths: Vec<usize> = segmentation.sentences.iter().map(|s| s.tokens.len()).collect();
        assert_eq!(lengths, [MAX_SENTENCE_TOKENS, MAX_SENTENCE_TOKENS, 50]);
        assert!(segmentation.sentences.windows(2).all(|pair| pair[0].tokens.end == pair[1].tokens.start));
    }

    #[test]
    fn headlines_are_flagged() {
        let (_, segmentation) = run("Kenya Considers Leading Force to Combat Gangs in Haiti\nKenya said it would help.");
        let flags: Vec<bool> = segmentation.sentences.iter().map(|s| s.headline).collect();
        assert_eq!(flags, [true, false]);
    }
}
