//! Title chains for training. News names people with a demonym and a title in front ("Kenyan
//! President William Ruto", "Haitian Prime Minister Ariel Henry"), a chain the treebanks hold
//! only a few hundred times; without more of them the tagger reads the demonym as a name and the
//! parser makes it an argument of the verb. [`augment`] adds copies of training sentences in
//! which such a chain stands before a person's name, attached as the treebanks attach the chains
//! they have: the title `nmod:desc` of the name, the title's own words inside it as the treebank
//! analysed them, a demonym `amod` of the title.
//!
//! The titles are the chains harvested from the training sentences themselves ([`harvest`]) and
//! the one-word titles of `data/titles.txt`; the demonyms come from `data/countries.tsv`; a
//! person is a `flat` name whose first word is a given name of `data/given_names.txt`.

use super::conllu::{TreebankSentence, Word};
use super::score::universal;
use crate::resources::{DataFile, DATA_FILES};
use std::collections::HashSet;

/// The word lists a chain is made from.
#[derive(Clone, Debug, Default)]
pub struct ChainLists {
    /// "Kenyan", "Haitian", …
    pub demonyms: Vec<String>,
    /// One-word titles as written before a name: "President", "Senator", …
    pub titles: Vec<String>,
    /// First names that make a `flat` name a person's.
    pub given_names: HashSet<String>,
}

impl ChainLists {
    /// The lists of the data files compiled into the binary: the demonyms of `countries.tsv`,
    /// the one-word titles of `titles.txt` (capitalized), the names of `given_names.txt`.
    pub fn builtin() -> ChainLists {
        let file = |name: &str| {
            let (_, text) = DATA_FILES.iter().find(|(file, _)| *file == name).expect("known data file");
            DataFile { path: name.into(), text }
        };
        let demonyms = file("countries.tsv")
            .lines()
            .filter_map(|(_, line)| line.split('\t').nth(2))
            .flat_map(|cell| {
                let forms: Vec<&str> = cell.split('|').map(str::trim).collect();
                // The adjectives: one word, not a plural of another form, not a person noun.
                let adjectives = forms.iter().filter(|&&form| {
                    !form.is_empty()
                        && !form.contains(' ')
                        && !form.strip_suffix('s').is_some_and(|singular| forms.contains(&singular))
                        && !["man", "men", "woman", "women", "er", "ers"].iter().any(|ending| form.ends_with(ending))
                });
                adjectives.map(|&form| form.to_owned()).collect::<Vec<_>>()
            })
            .collect();
        let titles = file("titles.txt")
            .lines()
            .map(|(_, line)| line.trim())
            .filter(|title| !title.is_empty() && title.chars().all(char::is_alphabetic))
            .map(|title| {
                let mut chars = title.chars();
                chars.next().map(|first| first.to_uppercase().chain(chars).collect()).unwrap_or_default()
            })
            .collect();
        let given_names = file("given_names.txt").lines().map(|(_, line)| line.trim().to_owned()).collect();
        ChainLists { demonyms, titles, given_names }
    }
}

/// A title phrase as a treebank analysed it: its words in order, each word's head as an index
/// into the phrase (`None` for the phrase's head, which attaches to the name).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Chain {
    words: Vec<Word>,
    heads: Vec<Option<usize>>,
}

/// The relations whose dependent can be a person's name that a chain may precede.
const ARGUMENTS: &[&str] = &["nsubj", "obj", "iobj", "obl", "nmod", "conj", "appos", "root"];

/// The title phrases of `sentences`: every `nmod:desc` dependent of a proper noun that ends just
/// before it, its subtree contiguous, ending in the title and without punctuation; a leading
/// demonym is left out (the copies choose their own). Each distinct phrase once, in the order
/// first seen.
pub fn harvest(sentences: &[TreebankSentence], lists: &ChainLists) -> Vec<Chain> {
    let demonyms: HashSet<&str> = lists.demonyms.iter().map(String::as_str).collect();
    let mut chains: Vec<Chain> = Vec::new();
    for sentence in sentences {
        let words = &sentence.words;
        for (title, word) in words.iter().enumerate() {
            let Some(head) = word.head.filter(|&head| head > 0).map(|head| head as usize - 1) else { continue };
            if word.deprel != "nmod:desc" || head <= title || words[head].upos != "PROPN" {
                continue;
            }
            let Some((first, last)) = subtree_span(words, title) else { continue };
            if last != title || last + 1 != head || words[first..=last].iter().any(|word| word.upos == "PUNCT") {
                continue;
            }
            let first = if first < title && demonyms.contains(words[first].form.as_str()) && words[first].head == Some(title as u32 + 1) {
                first + 1
            } else {
                first
            };
            let chain = Chain {
                words: words[first..=last].to_vec(),
                heads: (first..=last).map(|at| (at != title).then(|| words[at].head.map_or(0, |head| head as usize - 1 - first))).collect(),
            };
            if !chains.contains(&chain) {
                chains.push(chain);
            }
        }
    }
    chains
}

/// The first and last index of the subtree of `root`, if its words are contiguous and every
/// one of them has a head.
fn subtree_span(words: &[Word], root: usize) -> Option<(usize, usize)> {
    let in_subtree = |mut at: usize| {
        for _ in 0..words.len() {
            if at == root {
                return true;
            }
            match words[at].head {
                Some(head) if head > 0 => at = head as usize - 1,
                _ => return false,
            }
        }
        false
    };
    let members: Vec<usize> = (0..words.len()).filter(|&at| in_subtree(at)).collect();
    let (first, last) = (*members.first()?, *members.last()?);
    (last - first + 1 == members.len()).then_some((first, last))
}

/// Copies made of each sentence that qualifies.
const COPIES: usize = 2;

/// `COPIES` copies of every sentence that names a person with nothing in front of the name, a
/// title chain (and, one time in two, a demonym) inserted before each such name; `seed` fixes
/// the choices, so the same sentences give the same copies.
pub fn augment(sentences: &[TreebankSentence], lists: &ChainLists, seed: u64) -> Vec<TreebankSentence> {
    let mut chains = harvest(sentences, lists);
    chains.extend(lists.titles.iter().map(|title| Chain {
        words: vec![Word { form: title.clone(), lemma: title.clone(), upos: "PROPN".into(), xpos: "NNP".into(), ..chain_word() }],
        heads: vec![None],
    }));
    if chains.is_empty() {
        return Vec::new();
    }
    let mut rng = fastrand::Rng::with_seed(seed);
    sentences
        .iter()
        .flat_map(|sentence| {
            let names = person_names(sentence, lists);
            std::iter::repeat_n(sentence, if names.is_empty() { 0 } else { COPIES }).map(move |sentence| (sentence, names.clone()))
        })
        .map(|(sentence, names)| {
            let inserts: Vec<(usize, Chain)> = names
                .into_iter()
                .map(|name| {
                    let chain = &chains[rng.usize(..chains.len())];
                    let (mut words, mut heads) = (chain.words.clone(), chain.heads.clone());
                    if !lists.demonyms.is_empty() && rng.bool() {
                        let title = heads.iter().position(Option::is_none).unwrap_or(0);
                        let demonym = &lists.demonyms[rng.usize(..lists.demonyms.len())];
                        words.insert(
                            0,
                            Word {
                                form: demonym.clone(),
                                lemma: demonym.clone(),
                                upos: "ADJ".into(),
                                xpos: "JJ".into(),
                                deprel: "amod".into(),
                                ..chain_word()
                            },
                        );
                        heads = std::iter::once(Some(title + 1)).chain(heads.into_iter().map(|head| head.map(|at| at + 1))).collect();
                    }
                    (name, Chain { words, heads })
                })
                .collect();
            insert_chains(sentence, &inserts)
        })
        .collect()
}

/// A word of an inserted chain before its columns are set.
fn chain_word() -> Word {
    Word { feats: "_".into(), deprel: "nmod:desc".into(), deps: "_".into(), misc: "_".into(), ..Word::default() }
}

/// The heads (indices) of the person names of `sentence` that a chain may precede: a proper
/// noun in an argument relation, with `flat` words after it and no dependent before it,
/// whose first word is a given name and is not already preceded by a capitalized word.
fn person_names(sentence: &TreebankSentence, lists: &ChainLists) -> Vec<usize> {
    let words = &sentence.words;
    let mut has_left_child = vec![false; words.len()];
    let mut has_flat = vec![false; words.len()];
    for (at, word) in words.iter().enumerate() {
        if let Some(head) = word.head.filter(|&head| head > 0).map(|head| head as usize - 1) {
            has_left_child[head] |= at < head;
            has_flat[head] |= word.deprel == "flat" && at > head;
        }
    }
    (0..words.len())
        .filter(|&at| {
            let word = &words[at];
            word.upos == "PROPN"
                && has_flat[at]
                && !has_left_child[at]
                && ARGUMENTS.contains(&universal(&word.deprel))
                && lists.given_names.contains(&word.form)
                && (at == 0 || !words[at - 1].form.starts_with(char::is_uppercase))
        })
        .collect()
}

/// `sentence` with each chain inserted before its name (`(name, chain)`, names in
/// increasing order), every head renumbered; comments and multiword tokens are dropped (only
/// the words are learnt from).
fn insert_chains(sentence: &TreebankSentence, inserts: &[(usize, Chain)]) -> TreebankSentence {
    // new_index[i]: where old word i goes (0-based).
    let mut new_index = Vec::with_capacity(sentence.words.len());
    let mut shift = 0;
    let mut pending = inserts.iter().peekable();
    for at in 0..sentence.words.len() {
        if let Some((_, chain)) = pending.next_if(|(name, _)| *name == at) {
            shift += chain.words.len();
        }
        new_index.push(at + shift);
    }
    let mut words = Vec::with_capacity(sentence.words.len() + shift);
    let mut pending = inserts.iter().peekable();
    for (at, word) in sentence.words.iter().enumerate() {
        if let Some((name, chain)) = pending.next_if(|(name, _)| *name == at) {
            let start = words.len();
            for (word, head) in chain.words.iter().zip(&chain.heads) {
                let head = head.map_or(new_index[*name], |inside| start + inside);
                words.push(Word { head: Some(head as u32 + 1), ..word.clone() });
            }
        }
        let head = word.head.map(|head| if head == 0 { 0 } else { new_index[head as usize - 1] as u32 + 1 });
        words.push(Word { head, ..word.clone() });
    }
    TreebankSentence { comments: Vec::new(), words, multiword: Vec::new(), line: sentence.line }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A sentence from `(form, upos, head, deprel)` rows.
    fn sentence(rows: &[(&str, &str, u32, &str)]) -> TreebankSentence {
        TreebankSentence {
            words: rows
                .iter()
                .map(|&(form, upos, head, deprel)| Word {
                    form: form.into(),
                    lemma: form.into(),
                    upos: upos.into(),
                    xpos: "_".into(),
                    head: Some(head),
                    deprel: deprel.into(),
                    ..Word::default()
                })
                .collect(),
            ..TreebankSentence::default()
        }
    }

    fn lists() -> ChainLists {
        ChainLists {
            demonyms: vec!["Ruritanian".into()],
            titles: vec!["Senator".into()],
            given_names: ["Mira", "Tomas"].iter().map(|name| name.to_string()).collect(),
        }
    }

    fn rendered(sentence: &TreebankSentence) -> Vec<String> {
        sentence.words.iter().map(|word| format!("{}>{}:{}", word.form, word.head.unwrap_or(99), word.deprel)).collect()
    }

    #[test]
    fn harvests_title_phrases_without_their_demonym() {
        // "the Ruritanian Prime Minister Mira Vale spoke"
        let source = sentence(&[
            ("the", "DET", 4, "det"),
            ("Ruritanian", "ADJ", 4, "amod"),
            ("Prime", "ADJ", 4, "amod"),
            ("Minister", "PROPN", 5, "nmod:desc"),
            ("Mira", "PROPN", 7, "nsubj"),
            ("Vale", "PROPN", 5, "flat"),
            ("spoke", "VERB", 0, "root"),
        ]);
        // The determiner makes the subtree start earlier: "the … Minister" is still contiguous.
        let chains = harvest(std::slice::from_ref(&source), &lists());
        assert_eq!(chains.len(), 1);
        let forms: Vec<&str> = chains[0].words.iter().map(|word| word.form.as_str()).collect();
        assert_eq!(forms, ["the", "Ruritanian", "Prime", "Minister"], "a demonym is dropped only when it leads");
        let plain = sentence(&[
            ("Ruritanian", "ADJ", 3, "amod"),
            ("Prime", "ADJ", 3, "amod"),
            ("Minister", "PROPN", 4, "nmod:desc"),
            ("Mira", "PROPN", 6, "nsubj"),
            ("Vale", "PROPN", 4, "flat"),
            ("spoke", "VERB", 0, "root"),
        ]);
        let chains = harvest(std::slice::from_ref(&plain), &lists());
        assert_eq!(chains, vec![Chain { words: plain.words[1..3].to_vec(), heads: vec![Some(1), None] }]);
        // "former minister , Mira Vale spoke": the comma belongs to the title's subtree.
        let comma = sentence(&[
            ("former", "ADJ", 2, "amod"),
            ("minister", "NOUN", 4, "nmod:desc"),
            (",", "PUNCT", 2, "punct"),
            ("Mira", "PROPN", 6, "nsubj"),
            ("Vale", "PROPN", 4, "flat"),
            ("spoke", "VERB", 0, "root"),
        ]);
        assert!(harvest(&[comma], &lists()).is_empty());
    }

    #[test]
    fn builtin_lists_hold_adjectives_titles_and_names() {
        let lists = ChainLists::builtin();
        for demonym in ["Kenyan", "Haitian", "French"] {
            assert!(lists.demonyms.iter().any(|known| known == demonym), "{demonym}");
        }
        for noun in ["Kenyans", "Frenchman", "New Zealander"] {
            assert!(!lists.demonyms.iter().any(|known| known == noun), "{noun}");
        }
        assert!(lists.titles.iter().any(|title| title == "President"));
        assert!(lists.titles.iter().all(|title| title.starts_with(char::is_uppercase)));
        assert!(lists.given_names.contains("William"));
    }

    #[test]
    fn inserts_a_chain_before_each_person_and_keeps_a_tree() {
        // "Mira Vale met Tomas Brek ."
        let source = sentence(&[
            ("Mira", "PROPN", 3, "nsubj"),
            ("Vale", "PROPN", 1, "flat"),
            ("met", "VERB", 0, "root"),
            ("Tomas", "PROPN", 3, "obj"),
            ("Brek", "PROPN", 4, "flat"),
            (".", "PUNCT", 3, "punct"),
        ]);
        let copies = augment(std::slice::from_ref(&source), &lists(), 5);
        assert_eq!(copies.len(), COPIES);
        let copy = &copies[0];
        let words = rendered(copy);
        let met = copy.words.iter().position(|word| word.form == "met").unwrap() as u32 + 1;
        let mira = copy.words.iter().position(|word| word.form == "Mira").unwrap() as u32 + 1;
        assert!(words.contains(&format!("Mira>{met}:nsubj")), "{words:?}");
        assert!(words.contains(&format!("Vale>{mira}:flat")), "{words:?}");
        assert!(words.contains(&format!("Senator>{mira}:nmod:desc")), "{words:?}");
        assert_eq!(copy.words.iter().filter(|word| word.form == "Senator").count(), 2, "{words:?}");
        for (at, word) in copy.words.iter().enumerate() {
            match word.form.as_str() {
                "Senator" => assert_eq!(word.head, Some(at as u32 + 2), "the title attaches to the name after it: {words:?}"),
                "Ruritanian" => assert_eq!((word.head, word.deprel.as_str()), (Some(at as u32 + 2), "amod"), "{words:?}"),
                _ => {}
            }
        }
        // A tree: one root, every head in range, no cycle.
        let n = copy.words.len();
        assert_eq!(copy.words.iter().filter(|word| word.head == Some(0)).count(), 1);
        for start in 0..n {
            let (mut at, mut steps) = (start, 0);
            while let Some(head) = copy.words[at].head.filter(|&head| head > 0) {
                at = head as usize - 1;
                steps += 1;
                assert!(steps <= n, "a cycle through word {start}");
            }
        }
        assert_eq!(augment(std::slice::from_ref(&source), &lists(), 5), copies, "the same seed gives the same copies");
    }

    #[test]
    fn leaves_names_that_already_have_something_in_front() {
        // "Senator Mira Vale spoke" (a title already), "Mira spoke" (no flat name),
        // "Vale Mira spoke" (not a given name first).
        for rows in [
            vec![
                ("Senator", "PROPN", 2, "nmod:desc"),
                ("Mira", "PROPN", 4, "nsubj"),
                ("Vale", "PROPN", 2, "flat"),
                ("spoke", "VERB", 0, "root"),
            ],
            vec![("Mira", "PROPN", 2, "nsubj"), ("spoke", "VERB", 0, "root")],
            vec![("Vale", "PROPN", 3, "nsubj"), ("Mira", "PROPN", 1, "flat"), ("spoke", "VERB", 0, "root")],
        ] {
            let only = ChainLists { titles: vec!["Senator".into()], ..lists() };
            assert!(augment(&[sentence(&rows)], &only, 1).is_empty(), "{rows:?}");
        }
    }
}
