//! Trigger words and example sentences of each relation extractor, from
//! `data/relations/<kind>.toml`.
//!
//! A file holds `triggers` (phrases grouped by sense), `words` (other word
//! lists the extractor documents), and any number of `[[example]]` tables:
//! `text`, a sentence or short passage written for this project, and
//! `relations`, the relations of this file's kinds that the pipeline must
//! find in it, as `"Source -> Target"` or `"Source -[KIND]-> Target"` (labels
//! or aliases). An empty list is a negative example. A test runs them all.
//!
//! Trigger phrase syntax: words match case-insensitively and whole; any run
//! of whitespace matches one space; `'` matches a straight or curly
//! apostrophe; a word ending in `*` matches any word with that prefix
//! (`authori*`); `…` stands for zero to four words in between
//! (`signed … agreement`). All phrases of a file compile once into one regex;
//! at one position the phrase with the most words wins.

use crate::error::{Error, Result};
use crate::kinds::RelationKind;
use crate::span::Span;
use regex::Regex;
use serde::Deserialize;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// The built-in trigger files, by file stem.
pub const RELATION_FILES: &[(&str, &str)] = &[
    ("holds_role", include_str!("../../data/relations/holds_role.toml")),
    ("met", include_str!("../../data/relations/met.toml")),
    ("leads", include_str!("../../data/relations/leads.toml")),
    ("member_of", include_str!("../../data/relations/member_of.toml")),
    ("contributes_to", include_str!("../../data/relations/contributes_to.toml")),
    ("sponsors", include_str!("../../data/relations/sponsors.toml")),
    ("adopted", include_str!("../../data/relations/adopted.toml")),
    ("vote", include_str!("../../data/relations/vote.toml")),
    ("authorizes", include_str!("../../data/relations/authorizes.toml")),
    ("located_in", include_str!("../../data/relations/located_in.toml")),
    ("opposes", include_str!("../../data/relations/opposes.toml")),
    ("references", include_str!("../../data/relations/references.toml")),
    ("guards", include_str!("../../data/relations/guards.toml")),
];

/// One example of a trigger file.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Example {
    pub text: String,
    pub relations: Vec<String>,
}

/// One trigger file.
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TriggerFile {
    /// The relation kinds this file's examples check (`["MET"]`, or the three votes).
    pub kinds: Vec<String>,
    /// Trigger phrases, grouped by the sense they signal (e.g. `met`, `spoke`,
    /// `abstained`); the group name becomes a `kind` attribute or selects a
    /// relation kind, as the extractor documents.
    #[serde(default)]
    pub triggers: BTreeMap<String, Vec<String>>,
    /// Other word lists of the extractor, by name (lowercase, whole words).
    #[serde(default)]
    pub words: BTreeMap<String, Vec<String>>,
    /// Other lookup tables of the extractor, by name (lowercase keys).
    #[serde(default)]
    pub tables: BTreeMap<String, BTreeMap<String, String>>,
    #[serde(default, rename = "example")]
    pub examples: Vec<Example>,
    /// Patterns over the dependency tree ([`super::pattern`]).
    #[serde(default, rename = "pattern")]
    pub pattern_specs: Vec<super::pattern::PatternSpec>,
    /// Every phrase of every group in one regex, one capture group per
    /// phrase (longest phrases first), and the trigger group of each capture.
    #[serde(skip)]
    compiled: Option<(Regex, Vec<String>)>,
}

/// One trigger occurrence: its group and where it stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct TriggerHit<'a> {
    pub group: &'a str,
    pub span: Span,
}

impl TriggerFile {
    pub fn relation_kinds(&self) -> Vec<RelationKind> {
        self.kinds.iter().filter_map(|k| RelationKind::parse(k)).collect()
    }

    /// The group a phrase belongs to, if any phrase of any group equals `phrase`.
    pub fn group_of(&self, phrase: &str) -> Option<&str> {
        self.triggers.iter().find(|(_, phrases)| phrases.iter().any(|p| p == phrase)).map(|(group, _)| group.as_str())
    }

    pub fn phrases(&self, group: &str) -> &[String] {
        self.triggers.get(group).map(Vec::as_slice).unwrap_or(&[])
    }

    /// A word list of `[words]` (empty when the file has none by that name).
    pub fn words(&self, name: &str) -> &[String] {
        self.words.get(name).map(Vec::as_slice).unwrap_or(&[])
    }

    /// Whether `word` (compared lowercase) is in the word list `name`.
    pub fn has_word(&self, name: &str, word: &str) -> bool {
        self.words(name).iter().any(|w| w.eq_ignore_ascii_case(word))
    }

    /// The value of `key` in table `name`, if any.
    pub fn table(&self, name: &str, key: &str) -> Option<&str> {
        self.tables.get(name)?.get(key).map(String::as_str)
    }

    /// Every trigger of every group in `text[within]`, as document spans, in
    /// text order; at one start the longest wins, and overlaps keep the first.
    pub fn find(&self, text: &str, within: Span) -> Vec<TriggerHit<'_>> {
        let Some((regex, groups)) = &self.compiled else { return Vec::new() };
        regex
            .captures_iter(within.text(text))
            .filter_map(|captures| {
                let (index, found) = captures.iter().enumerate().skip(1).find_map(|(index, found)| Some((index, found?)))?;
                Some(TriggerHit {
                    group: groups[index - 1].as_str(),
                    span: Span::new(within.start as usize + found.start(), within.start as usize + found.end()),
                })
            })
            .collect()
    }

    /// The triggers of one group only.
    pub fn find_group(&self, text: &str, within: Span, group: &str) -> Vec<Span> {
        self.find(text, within).into_iter().filter(|hit| hit.group == group).map(|hit| hit.span).collect()
    }

    fn compile(&mut self) -> std::result::Result<(), String> {
        // Longest phrases first: at one start the regex takes the first alternative that matches.
        let mut phrases: Vec<(&str, &str)> =
            self.triggers.iter().flat_map(|(group, phrases)| phrases.iter().map(move |phrase| (group.as_str(), phrase.as_str()))).collect();
        phrases.sort_by_key(|(group, phrase)| {
            (std::cmp::Reverse(phrase.split_whitespace().count()), std::cmp::Reverse(phrase.len()), *group, *phrase)
        });
        if phrases.is_empty() {
            self.compiled = None;
            return Ok(());
        }
        let mut alternatives = Vec::with_capacity(phrases.len());
        for (_, phrase) in &phrases {
            alternatives.push(format!("({})", phrase_pattern(phrase)?));
        }
        let pattern = format!(r"(?i){}", alternatives.join("|"));
        let regex = Regex::new(&pattern).map_err(|e| format!("the triggers do not compile: {e}"))?;
        self.compiled = Some((regex, phrases.iter().map(|(group, _)| group.to_string()).collect()));
        Ok(())
    }
}

/// The regex of one trigger phrase (see the module docs for the syntax).
fn phrase_pattern(phrase: &str) -> std::result::Result<String, String> {
    let words: Vec<&str> = phrase.split_whitespace().collect();
    if words.is_empty() || words.first() == Some(&"…") || words.last() == Some(&"…") {
        return Err(format!("trigger '{phrase}' is empty or starts or ends with '…'"));
    }
    // Whole words: a boundary wherever the phrase starts or ends with a word character.
    let is_word_char = |c: Option<char>| c.is_some_and(|c| c.is_alphanumeric() || c == '_' || c == '*');
    // ASCII word boundaries keep the whole search in the lazy DFA (trigger words are English).
    let mut pattern = String::from(if is_word_char(phrase.trim().chars().next()) { r"(?:(?-u:\b)" } else { "(?:" });
    for (idx, word) in words.iter().enumerate() {
        if *word == "…" {
            pattern.push_str(r"(?:\s+\S+){0,4}?");
            continue;
        }
        if idx > 0 {
            pattern.push_str(r"\s+");
        }
        let (stem, prefix) = match word.strip_suffix('*') {
            Some(stem) => (stem, true),
            None => (*word, false),
        };
        for ch in stem.chars() {
            match ch {
                '\'' | '’' => pattern.push_str("['’]"),
                _ => pattern.push_str(&regex::escape(ch.encode_utf8(&mut [0; 4]))),
            }
        }
        if prefix {
            pattern.push_str(r"\w*");
        }
    }
    pattern.push_str(if is_word_char(phrase.trim().chars().last()) { r"(?-u:\b))" } else { ")" });
    Ok(pattern)
}

/// The description patterns of `references.toml` ("the resolution", "the
/// Kenya-led mission"), compiled once from its word lists; `relation::coref`
/// reads them.
#[derive(Debug)]
pub struct ReferencePatterns {
    pub resolution: Regex,
    pub mission: Regex,
    /// Words that stand for a resolution only in a document that says "resolution".
    pub weak_resolution_nouns: Vec<String>,
}

impl ReferencePatterns {
    pub fn new(file: &TriggerFile) -> ReferencePatterns {
        let alternatives =
            |name: &str| file.words(name).iter().map(|w| regex::escape(w).replace(' ', r"\s+")).collect::<Vec<_>>().join("|");
        let resolution = format!(
            r"\b(?i:the|a|an|this|that|its)\s+(?:[A-Z][\w’'.-]*\s+)?(?i:(?:(?:{})\s+)*(?:{}))\b",
            alternatives("resolution_modifiers"),
            alternatives("resolution_nouns")
        );
        let mission = format!(
            r"\b(?:[Tt]he\s+(?:\S+-led\s+|[A-Z][\w’'.-]*\s+)?|[Aa]n?\s+\S+-led\s+)(?i:(?:(?:{})\s+)*(?:{}))\b",
            alternatives("mission_modifiers"),
            alternatives("mission_nouns")
        );
        ReferencePatterns {
            resolution: Regex::new(&resolution).expect("resolution pattern compiles"),
            mission: Regex::new(&mission).expect("mission pattern compiles"),
            weak_resolution_nouns: file.words("weak_resolution_nouns").to_vec(),
        }
    }
}

/// Every trigger file, by stem, and the description patterns compiled from
/// `references.toml` (once, not per document).
#[derive(Debug)]
pub struct RelationTriggers {
    pub files: BTreeMap<String, TriggerFile>,
    pub references: ReferencePatterns,
    /// The patterns of every file, compiled, in file order.
    pub patterns: Vec<super::pattern::Pattern>,
    /// The patterns each trigger lemma starts, as indices into `patterns`.
    pub patterns_by_trigger: std::collections::HashMap<String, Vec<u32>>,
    /// The patterns anchored on arguments of some type (`@Person`), as indices into `patterns`.
    pub anchored_patterns: Vec<u32>,
}

impl RelationTriggers {
    pub fn builtin() -> Result<RelationTriggers> {
        Self::parse_all(
            RELATION_FILES.iter().map(|(stem, text)| (*stem, PathBuf::from(format!("data/relations/{stem}.toml")), text.to_string())),
        )
    }

    pub fn from_dir(dir: &Path) -> Result<RelationTriggers> {
        let mut files = Vec::new();
        for (stem, _) in RELATION_FILES {
            let path = dir.join("relations").join(format!("{stem}.toml"));
            let text = crate::document::load::read_text(&path)?;
            files.push((*stem, path, crate::document::load::strip_bom(&text).to_string()));
        }
        Self::parse_all(files)
    }

    fn parse_all(files: impl IntoIterator<Item = (&'static str, PathBuf, String)>) -> Result<RelationTriggers> {
        let mut parsed = BTreeMap::new();
        let mut patterns = Vec::new();
        for (stem, path, text) in files {
            let mut file: TriggerFile = toml::from_str(&text).map_err(|e| {
                let line = e.span().map(|s| crate::span::prefix(&text, s.start).lines().count().max(1)).unwrap_or(1);
                Error::BadData { path: path.clone(), line, message: e.message().to_string() }
            })?;
            if let Some(bad) = file.kinds.iter().find(|k| RelationKind::parse(k).is_none()) {
                let names: Vec<&str> = RelationKind::ALL.iter().map(|k| k.as_str()).collect();
                return Err(Error::BadData {
                    path,
                    line: 1,
                    message: format!("unknown relation kind '{bad}'; expected one of {}", names.join(", ")),
                });
            }
            file.compile().map_err(|message| Error::BadData { path: path.clone(), line: 1, message })?;
            for spec in &file.pattern_specs {
                let pattern = super::pattern::Pattern::compile(stem, &file.kinds, spec).map_err(|message| {
                    let line =
                        text.find(&format!("name = \"{}\"", spec.name)).map_or(1, |at| crate::span::prefix(&text, at).lines().count());
                    Error::BadData { path: path.clone(), line, message }
                })?;
                patterns.push(pattern);
            }
            parsed.insert(stem.to_string(), file);
        }
        let references = ReferencePatterns::new(parsed.get("references").unwrap_or(&TriggerFile::default()));
        let mut patterns_by_trigger: std::collections::HashMap<String, Vec<u32>> = std::collections::HashMap::new();
        for (idx, pattern) in patterns.iter().enumerate() {
            for lemma in &pattern.triggers {
                for key in std::iter::once(lemma.clone()).chain(verb_misreadings(&pattern.pos, lemma)) {
                    let entry = patterns_by_trigger.entry(key).or_default();
                    if !entry.contains(&(idx as u32)) {
                        entry.push(idx as u32);
                    }
                }
            }
        }
        let anchored_patterns = (0..patterns.len() as u32).filter(|&idx| !patterns[idx as usize].anchors.is_empty()).collect();
        Ok(RelationTriggers { files: parsed, references, patterns, patterns_by_trigger, anchored_patterns })
    }

    /// The file of one extractor (an empty one if missing).
    pub fn file(&self, stem: &str) -> &TriggerFile {
        static EMPTY: std::sync::OnceLock<TriggerFile> = std::sync::OnceLock::new();
        self.files.get(stem).unwrap_or_else(|| EMPTY.get_or_init(TriggerFile::default))
    }
}

/// What the lemmatizer makes of an inflected verb trigger whose lemma it does not know: the form
/// itself ("hosting"), the form without "ed" or "ing" ("opposing", "assassinated" -> "oppos",
/// "assassinat"), or that stem with its last consonant doubled ("expelled", "plotting" ->
/// "expell", "plott"); a verb pattern listens for those too, so "opposing" triggers "oppose".
fn verb_misreadings(pos: &[String], lemma: &str) -> Vec<String> {
    if !(pos.is_empty() || pos.iter().any(|pos| pos == "VERB")) || lemma.contains(' ') {
        return Vec::new();
    }
    let mut forms = match lemma.strip_suffix('e').filter(|stem| !stem.ends_with('e')) {
        Some(stem) => vec![stem.to_string(), format!("{stem}ing")],
        None => vec![format!("{lemma}ing")],
    };
    // A short final syllable (vowel, consonant) doubles its consonant before "ed" and "ing".
    let mut tail = lemma.chars().rev();
    let (last, vowel, onset) = (tail.next(), tail.next(), tail.next());
    let is_vowel = |c: char| "aeiou".contains(c);
    if let (Some(last), Some(vowel), Some(onset)) = (last, vowel, onset) {
        if last.is_ascii_alphabetic() && !is_vowel(last) && !"wxy".contains(last) && is_vowel(vowel) && !is_vowel(onset) {
            forms.push(format!("{lemma}{last}"));
            forms.push(format!("{lemma}{last}ing"));
        }
    }
    forms
}

#[cfg(test)]
mod tests {
    use super::verb_misreadings;

    #[test]
    fn verb_misreadings_of_inflected_forms() {
        let verb = ["VERB".to_string()];
        let table: &[(&[String], &str, &[&str])] = &[
            (&verb, "oppose", &["oppos", "opposing"]),
            (&verb, "host", &["hosting"]),
            (&[], "meet", &["meeting"]),
            (&verb, "free", &["freeing"]),
            (&verb, "expel", &["expeling", "expell", "expelling"]),
            (&verb, "plot", &["ploting", "plott", "plotting"]),
            (&verb, "meet", &["meeting"]),
            (&verb, "follow", &["following"]),
            (&["NOUN".to_string()], "meeting", &[]),
        ];
        for (pos, lemma, forms) in table {
            assert_eq!(verb_misreadings(pos, lemma), forms.iter().map(|f| f.to_string()).collect::<Vec<_>>(), "{lemma}");
        }
    }
}
