//! The lemmatizer: the training data's (form, tag) → lemma pairs, and suffix rules for the rest.
//!
//! A rule rewrites a word's end: strip `k` characters, append a string, optionally lowercase
//! first ("studies"/NNS → strip 3, add "y"). Rules are learned per tag class from the last three,
//! two, one or no characters of the word, the most frequent rewrite winning; a word the training
//! data saw with a lemma its rule would get wrong is stored as an exception.

use rustc_hash::FxHashMap;
use serde::{Deserialize, Serialize};
use std::borrow::Cow;

/// How a lemma is made from its form.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
struct Rewrite {
    lowercase: bool,
    strip: u8,
    append: String,
}

/// The trained lemmatizer.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
pub struct Lemmatizer {
    /// (tag, lowercased suffix of 0–3 chars) → rewrite, sorted.
    rules: Vec<((u16, String), Rewrite)>,
    /// (form, tag) → lemma where the rules would be wrong, sorted.
    exceptions: Vec<((String, u16), String)>,
    #[serde(skip)]
    rule_index: FxHashMap<(u16, String), u32>,
    #[serde(skip)]
    exception_index: FxHashMap<(String, u16), u32>,
}

const LONGEST_SUFFIX: usize = 3;

impl Lemmatizer {
    /// Learns from `(form, tag, lemma)` triples.
    pub fn train<'a>(examples: impl Iterator<Item = (&'a str, u16, &'a str)> + Clone) -> Lemmatizer {
        let mut counts: FxHashMap<(u16, String), FxHashMap<Rewrite, u32>> = FxHashMap::default();
        for (form, tag, lemma) in examples.clone() {
            let rewrite = rewrite_between(form, lemma);
            for suffix in suffixes(form) {
                *counts.entry((tag, suffix)).or_default().entry(rewrite.clone()).or_default() += 1;
            }
        }
        let mut rules: Vec<((u16, String), Rewrite)> = counts
            .into_iter()
            .filter_map(|(key, rewrites)| {
                let (rewrite, count) = rewrites.into_iter().max_by(|a, b| a.1.cmp(&b.1).then_with(|| b.0.cmp(&a.0)))?;
                (count >= 2 || key.1.is_empty()).then_some((key, rewrite))
            })
            .collect();
        rules.sort_unstable();
        let mut lemmatizer = Lemmatizer { rules, ..Lemmatizer::default() };
        lemmatizer.build_index();
        let mut seen: FxHashMap<(String, u16), FxHashMap<&str, u32>> = FxHashMap::default();
        for (form, tag, lemma) in examples {
            *seen.entry((form.to_owned(), tag)).or_default().entry(lemma).or_default() += 1;
        }
        let mut exceptions: Vec<((String, u16), String)> = seen
            .into_iter()
            .filter_map(|(key, lemmas)| {
                let (lemma, _) = lemmas.into_iter().max_by(|a, b| a.1.cmp(&b.1).then_with(|| b.0.cmp(a.0)))?;
                (lemmatizer.by_rule(&key.0, key.1) != lemma).then(|| (key, lemma.to_owned()))
            })
            .collect();
        exceptions.sort_unstable();
        lemmatizer.exceptions = exceptions;
        lemmatizer.build_index();
        lemmatizer
    }

    /// Rebuilds the lookup tables after loading.
    pub fn build_index(&mut self) {
        self.rule_index = self.rules.iter().enumerate().map(|(at, (key, _))| (key.clone(), at as u32)).collect();
        self.exception_index = self.exceptions.iter().enumerate().map(|(at, (key, _))| (key.clone(), at as u32)).collect();
    }

    /// The lemma of `form` tagged `tag`.
    pub fn lemma<'a>(&'a self, form: &'a str, tag: u16) -> Cow<'a, str> {
        // The key owns its form; a lookup per word is cheap next to parsing.
        if let Some(&at) = self.exception_index.get(&(form.to_owned(), tag)) {
            return Cow::Borrowed(&self.exceptions[at as usize].1);
        }
        Cow::Owned(self.by_rule(form, tag))
    }

    fn by_rule(&self, form: &str, tag: u16) -> String {
        for suffix in suffixes(form) {
            if let Some(&at) = self.rule_index.get(&(tag, suffix)) {
                if let Some(lemma) = apply(form, &self.rules[at as usize].1) {
                    return lemma;
                }
            }
        }
        form.to_owned()
    }
}

/// The lowercased suffixes of `form`, longest first, down to the empty one.
fn suffixes(form: &str) -> impl Iterator<Item = String> + '_ {
    let lower = form.to_lowercase();
    let chars: Vec<char> = lower.chars().collect();
    (0..=LONGEST_SUFFIX.min(chars.len())).rev().map(move |k| chars[chars.len() - k..].iter().collect())
}

fn rewrite_between(form: &str, lemma: &str) -> Rewrite {
    let lowercase = !lemma.starts_with(form.chars().next().unwrap_or(' ')) && lemma.chars().next().is_some_and(|c| !c.is_uppercase());
    let source: Cow<str> = if lowercase { Cow::Owned(form.to_lowercase()) } else { Cow::Borrowed(form) };
    let common = source.chars().zip(lemma.chars()).take_while(|(a, b)| a == b).count();
    let strip = (source.chars().count() - common).min(u8::MAX as usize) as u8;
    Rewrite { lowercase, strip, append: lemma.chars().skip(common).collect() }
}

fn apply(form: &str, rewrite: &Rewrite) -> Option<String> {
    let source: Cow<str> = if rewrite.lowercase { Cow::Owned(form.to_lowercase()) } else { Cow::Borrowed(form) };
    let keep = source.chars().count().checked_sub(rewrite.strip as usize)?;
    let mut lemma: String = source.chars().take(keep).collect();
    lemma.push_str(&rewrite.append);
    (!lemma.is_empty()).then_some(lemma)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn learns_rules_and_exceptions() {
        const NNS: u16 = 1;
        const VBD: u16 = 2;
        const NNP: u16 = 3;
        let data = [
            ("studies", NNS, "study"),
            ("bodies", NNS, "body"),
            ("cities", NNS, "city"),
            ("troops", NNS, "troop"),
            ("talks", NNS, "talk"),
            ("members", NNS, "member"),
            ("leaders", NNS, "leader"),
            ("met", VBD, "meet"),
            ("voted", VBD, "vote"),
            ("adopted", VBD, "adopt"),
            ("handed", VBD, "hand"),
            ("Kenya", NNP, "Kenya"),
            ("The", 4, "the"),
        ];
        let lemmatizer = Lemmatizer::train(data.iter().map(|&(form, tag, lemma)| (form, tag, lemma)));
        for (form, tag, lemma) in data {
            assert_eq!(lemmatizer.lemma(form, tag), lemma, "{form}");
        }
        assert_eq!(lemmatizer.lemma("parties", NNS), "party", "a rule on an unseen word");
        assert_eq!(lemmatizer.lemma("ministers", NNS), "minister");
        assert_eq!(lemmatizer.lemma("Ghana", NNP), "Ghana");
    }
}
