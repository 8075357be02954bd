//! Word lists: given names, titles, head words, stopwords, calendar words,
//! speech, person and role verbs, site nouns, and page furniture, each from its own data file.

use super::DataFile;
use crate::error::Result;
use crate::span::Span;
use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};
use serde::Deserialize;
use std::collections::HashSet;

/// A set of words or phrases, compared case-insensitively unless built exact.
#[derive(Default)]
pub struct WordList {
    words: HashSet<String>,
    exact: bool,
}

impl WordList {
    /// Reads one word or phrase per line. A case-insensitive list stores each
    /// entry lowercase, Capitalised and in CAPITALS.
    fn from_file(file: &DataFile, exact: bool) -> WordList {
        WordList::from_words(file.lines().map(|(_, line)| line), exact)
    }

    fn from_words<'a>(lines: impl IntoIterator<Item = &'a str>, exact: bool) -> WordList {
        let mut words = HashSet::new();
        for line in lines {
            let word = line.trim();
            if exact {
                words.insert(word.to_string());
                continue;
            }
            let lower = word.to_lowercase();
            let mut chars = lower.chars();
            let capitalised: String = chars.next().into_iter().flat_map(char::to_uppercase).chain(chars).collect();
            words.insert(lower.to_uppercase());
            words.insert(capitalised);
            words.insert(lower);
        }
        WordList { words, exact }
    }

    pub fn contains(&self, word: &str) -> bool {
        if self.words.contains(word) {
            return true;
        }
        if self.exact {
            return false;
        }
        // Lowercase, Capitalised and ALL-CAPS forms are stored (see
        // `from_file`), so only other shapes ("McDONALD") need folding: no
        // allocation for the common ones.
        let mut chars = word.chars();
        let first_is_upper = chars.next().is_some_and(char::is_uppercase);
        let rest_has_upper = chars.clone().any(char::is_uppercase);
        let rest_has_lower = chars.any(char::is_lowercase);
        let stored_shape = !rest_has_upper || (first_is_upper && !rest_has_lower);
        !stored_shape && self.words.contains(&word.to_lowercase())
    }

    pub fn len(&self) -> usize {
        self.words.len()
    }

    pub fn is_empty(&self) -> bool {
        self.words.is_empty()
    }
}

/// Page furniture rules, from `data/furniture.toml`.
#[derive(Debug, Default, Deserialize)]
pub struct Furniture {
    /// A line equal to one of these (case-insensitive) starts a block that
    /// runs to the end of the document (comments, share bars).
    pub block_starts: Vec<String>,
    /// A line equal to one of these (case-insensitive) starts a list of
    /// teasers for other stories, which may sit inside the article: it ends
    /// at a line equal to one of `list_ends`, or where the article's prose
    /// resumes (see `document::clean`), else at the end of the document.
    #[serde(default)]
    pub teaser_starts: Vec<String>,
    /// A line equal to one of these (case-insensitive) closes a teaser list
    /// ("end of list"); the line itself is furniture.
    #[serde(default)]
    pub list_ends: Vec<String>,
    /// A line equal to one of these (case-insensitive) is dropped.
    pub lines: Vec<String>,
    /// A line starting with one of these (case-insensitive) is dropped.
    pub line_prefixes: Vec<String>,
    /// A line starting with one of these and shorter than `byline_max_chars` is a byline.
    pub byline_prefixes: Vec<String>,
    pub byline_max_chars: usize,
}

pub struct Lexicon {
    pub given_names: WordList,
    pub title_modifiers: WordList,
    /// Capitalised head words that end an organization name ("Council", "Police").
    pub org_heads: WordList,
    /// Lowercase nouns that, after a capitalised name, make it an organization ("gang").
    pub org_nouns: WordList,
    /// Head words that end a place name ("Valley", "Hotel").
    pub location_heads: WordList,
    /// Words that begin a place name ("Lake", "Mount").
    pub location_prefixes: WordList,
    /// Head words of names that are neither people nor places nor organizations ("Prize", "Act").
    pub other_heads: WordList,
    /// Lowercase nouns that introduce a place ("town of", "neighbourhood of").
    pub location_cues: WordList,
    /// Lowercase nouns that, after a capitalised name, make it a place ("Jajarkot district").
    pub location_nouns: WordList,
    pub stopwords: WordList,
    pub calendar: WordList,
    /// Calendar words that shorten a longer one ("Jun", "Mon"); without a
    /// period inside a name they are names ("Darren Teo Jun Hao").
    pub calendar_abbreviations: WordList,
    pub speech_verbs: WordList,
    /// Verbs whose object is a person ("replaced by X", "appointed X").
    pub person_verbs: WordList,
    /// Verbs that give the name before them a role ("X was sworn in as president").
    pub role_verbs: WordList,
    /// Nouns for sites whose place follows "at" or "near" ("an army base at X").
    pub site_nouns: WordList,
    /// Verbs of a journey, before "to reach X" ("walked for days to reach X").
    pub journey_verbs: WordList,
    pub furniture: Furniture,
    /// Titles and roles ("prime minister", "secretary of state"), matched
    /// case-insensitively, leftmost-longest.
    titles: AhoCorasick,
    title_names: Vec<String>,
}

impl Lexicon {
    pub fn build<'a>(file: &impl Fn(&str) -> DataFile<'a>) -> Result<Lexicon> {
        let titles_file = file("titles.txt");
        let title_names: Vec<String> = titles_file.lines().map(|(_, line)| line.trim().to_lowercase()).collect();
        let titles = AhoCorasickBuilder::new()
            .match_kind(MatchKind::LeftmostLongest)
            .ascii_case_insensitive(true)
            .build(&title_names)
            .expect("title automaton builds");
        let furniture_file = file("furniture.toml");
        let furniture: Furniture =
            toml::from_str(furniture_file.text).map_err(|e| furniture_file.error(line_of(furniture_file.text, e.span()), e.message()))?;
        let calendar_file = file("calendar.txt");
        let calendar_words: Vec<&str> = calendar_file.lines().map(|(_, line)| line.trim()).collect();
        let abbreviations = calendar_words
            .iter()
            .copied()
            .filter(|short| calendar_words.iter().any(|long| long.len() > short.len() && long.starts_with(short)));
        let calendar_abbreviations = WordList::from_words(abbreviations, false);
        Ok(Lexicon {
            given_names: WordList::from_file(&file("given_names.txt"), true),
            title_modifiers: WordList::from_file(&file("title_modifiers.txt"), false),
            org_heads: WordList::from_file(&file("org_heads.txt"), true),
            org_nouns: WordList::from_file(&file("org_nouns.txt"), false),
            location_heads: WordList::from_file(&file("location_heads.txt"), true),
            location_prefixes: WordList::from_file(&file("location_prefixes.txt"), true),
            other_heads: WordList::from_file(&file("other_heads.txt"), true),
            location_cues: WordList::from_file(&file("location_cues.txt"), false),
            location_nouns: WordList::from_file(&file("location_nouns.txt"), false),
            stopwords: WordList::from_file(&file("stopwords.txt"), false),
            calendar: WordList::from_file(&calendar_file, false),
            calendar_abbreviations,
            speech_verbs: WordList::from_file(&file("speech_verbs.txt"), false),
            person_verbs: WordList::from_file(&file("person_verbs.txt"), false),
            role_verbs: WordList::from_file(&file("role_verbs.txt"), false),
            site_nouns: WordList::from_file(&file("site_nouns.txt"), false),
            journey_verbs: WordList::from_file(&file("journey_verbs.txt"), true),
            furniture,
            titles,
            title_names,
        })
    }

    /// Title phrases in `text[within]`, whole words only, as (span, canonical title).
    pub fn find_titles(&self, text: &str, within: Span) -> Vec<(Span, &str)> {
        let haystack = within.text(text);
        let base = within.start as usize;
        self.titles
            .find_iter(haystack)
            .filter(|hit| super::gazetteer::is_word_boundary(haystack, hit.start(), hit.end()))
            .map(|hit| (Span::new(base + hit.start(), base + hit.end()), self.title_names[hit.pattern().as_usize()].as_str()))
            .collect()
    }
}

fn line_of(text: &str, span: Option<std::ops::Range<usize>>) -> usize {
    span.map(|range| crate::span::prefix(text, range.start).lines().count().max(1)).unwrap_or(1)
}
