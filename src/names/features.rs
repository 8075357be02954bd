//! The features of the name recognizer.
//!
//! A word's atoms ([`NameWord`]) are computed once per sentence: the tagger's hashed strings
//! ([`WordKeys`]: word, lowercase, 1–4 suffixes, 1–3 prefixes, shape, flags), its part of speech
//! from the model's lexicon (the UPOS the treebanks give the form most often: a lookup, not a
//! tagger run, so that names cost little per word), the word lists of `data/` it belongs to (as
//! bits), the gazetteer hit it is part of (entry type, demonym, BILOU position), and, in the
//! second pass, how the first pass labelled the same word elsewhere in the document.
//!
//! Only words that may be part of a name are classified: words with a capital letter, and the
//! words after an open name (connectors such as "of", numbers, hyphens). Everything else is
//! outside a name without a look at the weights, which keeps the cost to the capitalised words.
//!
//! A sentence in capitals (a wire headline) has no case information: its words are described by
//! their lowercase forms and a capitals marker instead of their written form and shape, and the
//! training shows the model some sentences in capitals so that the marker means something.

use crate::kinds::EntityKind;
use crate::mention::units::{CONNECTORS, PARTICLES};
use crate::span::Span;
use crate::syntax::features::{finish, hash_str, key, mix, WordKeys};
use rustc_hash::FxHashMap;
use std::sync::OnceLock;

/// Atoms standing for a missing neighbour, an unknown part of speech, no document evidence.
const BEFORE_START: u64 = 1;
const AFTER_END: u64 = 2;
pub const UNKNOWN_POS: u64 = 3;
/// The document atom of a word the first pass has seen nowhere else (and of every word in the
/// first pass).
pub const NO_DOCUMENT: u64 = 4;
/// Class atoms start here, so they never equal the sentinels.
const CLASS_ATOM: u64 = 16;
/// Shape and flags of every word of a sentence in capitals.
const CAPS_SHAPE: u64 = 0xca95;

/// A gazetteer hit in the text, as the recognizer sees it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct GazetteerHit {
    pub span: Span,
    pub kind: EntityKind,
    pub demonym: bool,
}

/// The atoms of one word.
#[derive(Clone, Copy, Debug, Default)]
pub struct NameWord {
    pub keys: WordKeys,
    pub pos: u64,
    pub lists: u64,
    pub gazetteer: u64,
    pub document: u64,
    /// The capitalised run the word is in (see `SentenceWords::runs`): its position and length
    /// in the run, the list bits of the run's first and last words, the run's last word, and the
    /// word before the run. All [`NO_RUN`] outside a run.
    pub run: RunAtoms,
    /// Has a capital letter: the recognizer classifies it.
    pub candidate: bool,
    /// May continue an open name ("of", "de", "-", "2").
    pub connector: bool,
    /// `keys`, `pos` and `lists` are computed.
    pub ready: bool,
}

/// The atoms of the capitalised run a word is in.
#[derive(Clone, Copy, Debug, Default)]
pub struct RunAtoms {
    pub position: u64,
    pub first_lists: u64,
    pub last_lists: u64,
    pub last_lower: u64,
    pub before: u64,
}

/// The run atoms of a word outside any run (and of every word of a sentence in capitals).
pub const NO_RUN: RunAtoms = RunAtoms { position: 5, first_lists: 5, last_lists: 5, last_lower: 5, before: 5 };

/// One sentence's words and whether it is written in capitals.
#[derive(Clone, Debug, Default)]
pub struct SentenceWords {
    pub words: Vec<NameWord>,
    pub caps: bool,
}

/// The word lists of `data/` as bits, keyed by the lowercase hash of a word (for a phrase, of
/// each of its words).
pub struct WordLists {
    bits: FxHashMap<u64, u64>,
}

/// The lists, in bit order.
const LIST_FILES: &[&str] = &[
    "given_names.txt",
    "titles.txt",
    "title_modifiers.txt",
    "org_heads.txt",
    "org_nouns.txt",
    "location_heads.txt",
    "location_prefixes.txt",
    "other_heads.txt",
    "location_cues.txt",
    "location_nouns.txt",
    "stopwords.txt",
    "calendar.txt",
    "speech_verbs.txt",
    "person_verbs.txt",
    "role_verbs.txt",
    "site_nouns.txt",
    "journey_verbs.txt",
    "org_words.txt",
    "venue_heads.txt",
];

/// Word lists only the recognizer reads (as features): not in [`crate::resources::DATA_FILES`],
/// since no rule uses them.
pub const NAME_FILES: &[(&str, &str)] =
    &[("org_words.txt", include_str!("../../data/org_words.txt")), ("venue_heads.txt", include_str!("../../data/venue_heads.txt"))];

impl WordLists {
    /// The lists compiled into the binary (the model was trained with them).
    pub fn builtin() -> &'static WordLists {
        static LISTS: OnceLock<WordLists> = OnceLock::new();
        LISTS.get_or_init(|| WordLists::from_files(&[crate::resources::DATA_FILES, NAME_FILES].concat()))
    }

    /// Reads `(file name, text)` pairs; files other than the word lists (given names, titles, head
    /// words, cues, stopwords, calendar, verbs, and the recognizer's own [`NAME_FILES`]) are
    /// ignored.
    pub fn from_files(files: &[(&str, &str)]) -> WordLists {
        let mut bits: FxHashMap<u64, u64> = FxHashMap::default();
        for (bit, name) in LIST_FILES.iter().enumerate() {
            let Some((_, text)) = files.iter().find(|(file, _)| file == name) else { continue };
            let lines = text.lines().map(str::trim).filter(|line| !line.is_empty() && !line.starts_with('#'));
            for word in lines.flat_map(|line| line.split_whitespace()) {
                *bits.entry(hash_str(word, true)).or_default() |= 1 << bit;
            }
        }
        WordLists { bits }
    }

    /// The list bits of a word by its lowercase hash (0: in no list).
    pub fn bits(&self, lower: u64) -> u64 {
        self.bits.get(&lower).copied().unwrap_or(0)
    }
}

/// The part-of-speech lexicon: the most frequent UPOS of a form (as written, then lowercased).
pub trait PosLookup {
    fn pos(&self, keys: &WordKeys) -> u64;
}

/// Whether a word may continue an open name.
fn is_connector(form: &str) -> bool {
    if form.chars().any(|ch| ch.is_ascii_digit()) || matches!(form, "-" | "." | "&" | "/" | "'" | "'s" | "’s" | "’") {
        return true;
    }
    let mut lower = [0u8; 8];
    if form.len() > lower.len() || !form.is_ascii() {
        return false;
    }
    for (slot, byte) in lower.iter_mut().zip(form.bytes()) {
        *slot = byte.to_ascii_lowercase();
    }
    let lower = std::str::from_utf8(&lower[..form.len()]).unwrap_or_default();
    CONNECTORS.contains(&lower) || PARTICLES.contains(&lower)
}

impl SentenceWords {
    /// Prepares the words of `tokens` (spans into `text`): the cheap flags of every word, the
    /// gazetteer atoms, and the other atoms of the words a classification will read (two either
    /// side of every capitalised word); [`SentenceWords::fill`] computes any other on demand.
    pub fn prepare(&mut self, text: &str, tokens: &[Span], hits: &[GazetteerHit], pos: &dyn PosLookup, lists: &WordLists) {
        self.words.clear();
        let (mut letters, mut lowercase) = (0usize, 0usize);
        for token in tokens {
            let form = token.text(text);
            let (upper, lower) = letter_cases(form);
            letters += usize::from(upper || lower);
            lowercase += usize::from(lower);
            self.words.push(NameWord {
                candidate: upper,
                connector: is_connector(form),
                document: NO_DOCUMENT,
                gazetteer: BEFORE_START,
                run: NO_RUN,
                ..NameWord::default()
            });
        }
        self.caps = in_capitals(letters, lowercase);
        for hit in hits {
            let first = tokens.partition_point(|token| token.start < hit.span.start);
            let last = tokens.partition_point(|token| token.end <= hit.span.end);
            if first >= last {
                continue;
            }
            let entry = mix(mix(0x6a, hit.kind as u64), u64::from(hit.demonym));
            for idx in first..last {
                self.words[idx].gazetteer = finish(mix(entry, bilou(idx, first, last)));
            }
        }
        for idx in 0..self.words.len() {
            if self.words[idx].candidate {
                for near in idx.saturating_sub(2)..(idx + 3).min(self.words.len()) {
                    self.fill(near, text, tokens, pos, lists);
                }
            }
        }
        if !self.caps {
            self.runs(text, tokens, lists);
        }
    }

    /// Gives the words of every capitalised run their [`RunAtoms`]. A run is a maximal stretch of
    /// capitalised words, also across a hyphen or ampersand between two of them ("Procter &
    /// Gamble"); "of" ends it, so "Ministry of Defence" is two runs whose head words are features
    /// of each other's words through the neighbours. The run's first and last words, and the word
    /// before it, are within two words of a capitalised word, so their atoms are ready.
    fn runs(&mut self, text: &str, tokens: &[Span], lists: &WordLists) {
        let n = self.words.len();
        let joins = |idx: usize| matches!(tokens[idx].text(text), "-" | "&");
        let mut start = 0;
        while start < n {
            if !self.words[start].candidate {
                start += 1;
                continue;
            }
            let mut end = start + 1;
            while end < n && (self.words[end].candidate || (joins(end) && end + 1 < n && self.words[end + 1].candidate)) {
                end += 1;
            }
            let (first, last) = (&self.words[start], &self.words[end - 1]);
            let before = if start == 0 { BEFORE_START } else { self.words[start - 1].keys.lower };
            let first_lists = word_list_atom(lists.bits(first.keys.lower));
            let last_lists = word_list_atom(lists.bits(last.keys.lower));
            let last_lower = last.keys.lower;
            let length = (end - start).min(4) as u64;
            for idx in start..end {
                let position = mix(0x7a5 + bilou(idx, start, end), length);
                self.words[idx].run = RunAtoms { position, first_lists, last_lists, last_lower, before };
            }
            start = end;
        }
    }

    /// Computes the atoms of word `idx` if they are not yet.
    pub fn fill(&mut self, idx: usize, text: &str, tokens: &[Span], pos: &dyn PosLookup, lists: &WordLists) {
        let Some(word) = self.words.get_mut(idx) else { return };
        if word.ready {
            return;
        }
        word.keys = WordKeys::of(tokens[idx].text(text));
        word.pos = pos.pos(&word.keys);
        word.lists = word_list_atom(lists.bits(word.keys.lower));
        word.ready = true;
    }
}

/// Whether a word has an uppercase letter, and whether it has a lowercase one.
pub fn letter_cases(word: &str) -> (bool, bool) {
    let (mut upper, mut lower) = (false, false);
    for ch in word.chars() {
        upper |= ch.is_uppercase();
        lower |= ch.is_lowercase();
    }
    (upper, lower)
}

/// Whether a sentence whose words have `letters` words with letters, `lowercase` of them with a
/// lowercase letter, is written in capitals: at least three such words, under one in five with a
/// lowercase letter.
pub fn in_capitals(letters: usize, lowercase: usize) -> bool {
    letters >= 3 && lowercase * 5 < letters
}

/// Where word `idx` sits in the stretch `start..end`: 0 first, 1 inside, 2 last, 3 alone.
fn bilou(idx: usize, start: usize, end: usize) -> u64 {
    if end - start == 1 {
        3
    } else if idx == start {
        0
    } else if idx + 1 == end {
        2
    } else {
        1
    }
}

fn word_list_atom(bits: u64) -> u64 {
    mix(0x115, bits)
}

/// The features of word `idx` given the classes of the words before it (`previous`).
pub fn features(sentence: &SentenceWords, idx: usize, previous: &[u16], out: &mut Vec<u64>) {
    out.clear();
    let words = &sentence.words;
    let caps = sentence.caps;
    let word = &words[idx];
    let at = |offset: isize| idx.checked_add_signed(offset).and_then(|at| words.get(at));
    let edge = |offset: isize| if offset < 0 { BEFORE_START } else { AFTER_END };
    let lower = |offset: isize| at(offset).map_or(edge(offset), |w| w.keys.lower);
    let shape = |offset: isize| at(offset).map_or(edge(offset), |w| if caps { CAPS_SHAPE } else { w.keys.shape });
    let pos = |offset: isize| at(offset).map_or(edge(offset), |w| w.pos);
    let lists = |offset: isize| at(offset).map_or(edge(offset), |w| w.lists);
    let gazetteer = |offset: isize| at(offset).map_or(edge(offset), |w| w.gazetteer);
    let class = |back: usize| -> u64 { idx.checked_sub(back).map_or(BEFORE_START, |at| CLASS_ATOM + u64::from(previous[at])) };
    let (p1, p2) = (class(1), class(2));
    let form = if caps { mix(word.keys.lower, CAPS_SHAPE) } else { word.keys.form };
    let flags = if caps { CAPS_SHAPE } else { u64::from(word.keys.flags) };
    let position = idx.min(2) as u64;
    let document = word.document;
    out.extend_from_slice(&[
        key(0, 0, 0, 0),
        key(1, word.keys.lower, 0, 0),
        key(2, form, 0, 0),
        key(3, word.keys.suffix[0], 0, 0),
        key(4, word.keys.suffix[1], 0, 0),
        key(5, word.keys.suffix[2], 0, 0),
        key(6, word.keys.suffix[3], 0, 0),
        key(7, word.keys.prefix[0], 0, 0),
        key(8, word.keys.prefix[1], 0, 0),
        key(9, word.keys.prefix[2], 0, 0),
        key(10, shape(0), 0, 0),
        key(11, flags, 0, 0),
        key(12, pos(0), 0, 0),
        key(13, lists(0), 0, 0),
        key(14, gazetteer(0), 0, 0),
        key(15, p1, 0, 0),
        key(16, p2, 0, 0),
        key(17, p1, p2, 0),
        key(18, p1, word.keys.lower, 0),
        key(19, p1, shape(0), 0),
        key(20, lower(-1), 0, 0),
        key(21, lower(-2), 0, 0),
        key(22, lower(1), 0, 0),
        key(23, lower(2), 0, 0),
        key(24, lower(-1), word.keys.lower, 0),
        key(25, word.keys.lower, lower(1), 0),
        key(26, shape(-1), shape(0), shape(1)),
        key(27, pos(-1), 0, 0),
        key(28, pos(1), 0, 0),
        key(29, pos(-1), pos(0), pos(1)),
        key(30, gazetteer(-1), 0, 0),
        key(31, gazetteer(1), 0, 0),
        key(32, lists(-1), 0, 0),
        key(33, lists(1), 0, 0),
        key(34, position, shape(0), 0),
        key(35, position, pos(0), 0),
        key(36, u64::from(caps), word.keys.lower, 0),
        key(37, document, 0, 0),
        key(38, document, shape(0), 0),
        key(39, document, p1, 0),
        key(40, shape(0), pos(0), 0),
        key(41, p1, pos(0), 0),
        key(42, shape(1), lower(1), 0),
        key(43, lists(-1), shape(0), 0),
        key(44, p1, lower(1), 0),
        key(45, word.run.position, 0, 0),
        key(46, word.run.position, word.run.last_lists, 0),
        key(47, word.run.position, word.run.first_lists, 0),
        key(48, word.run.last_lower, 0, 0),
        key(49, word.run.position, word.run.before, 0),
        key(50, word.run.last_lists, word.run.first_lists, 0),
        key(51, lists(-2), 0, 0),
        key(52, lists(2), 0, 0),
        key(53, pos(-2), pos(-1), 0),
        key(54, pos(1), pos(2), 0),
    ]);
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A part-of-speech lexicon that knows one word.
    struct OneNoun;

    impl PosLookup for OneNoun {
        fn pos(&self, keys: &WordKeys) -> u64 {
            if keys.lower == hash_str("troops", true) {
                100
            } else {
                UNKNOWN_POS
            }
        }
    }

    fn sentence(text: &str, hits: &[GazetteerHit]) -> SentenceWords {
        let mut tokens = Vec::new();
        let mut start = 0;
        for word in text.split(' ') {
            tokens.push(Span::new(start, start + word.len()));
            start += word.len() + 1;
        }
        let lists = WordLists::from_files(&[("speech_verbs.txt", "# verbs\nsaid\n"), ("titles.txt", "Prime Minister\n")]);
        let mut words = SentenceWords::default();
        words.prepare(text, &tokens, hits, &OneNoun, &lists);
        for idx in 0..tokens.len() {
            words.fill(idx, text, &tokens, &OneNoun, &lists);
        }
        words
    }

    #[test]
    fn atoms_describe_each_word() {
        let kenya = GazetteerHit { span: Span::new(0, 5), kind: EntityKind::Country, demonym: false };
        let words = sentence("Kenya sent troops , Minister Ruto of Kenya said", &[kenya]).words;
        // (word, candidate, connector)
        let table = [(0, true, false), (1, false, false), (2, false, false), (5, true, false), (6, false, true), (8, false, false)];
        for (idx, candidate, connector) in table {
            assert_eq!((words[idx].candidate, words[idx].connector), (candidate, connector), "word {idx}");
        }
        assert_ne!(words[0].gazetteer, words[7].gazetteer, "only the first Kenya is a hit here");
        assert_eq!(words[2].pos, 100);
        assert_eq!(words[1].pos, UNKNOWN_POS);
        assert_eq!(words[8].lists, word_list_atom(1 << 12), "said is a speech verb");
        assert_eq!(words[4].lists, word_list_atom(1 << 1), "each word of a title is in the title list");
        assert_eq!(words[3].lists, word_list_atom(0));
    }

    #[test]
    fn capitals_are_detected_and_change_the_case_features() {
        assert!(sentence("KENYA SENDS TROOPS TO HAITI", &[]).caps);
        assert!(!sentence("Kenya sends troops to Haiti", &[]).caps);
        assert!(!sentence("UN OK", &[]).caps, "too short to tell");
        let (mut caps, mut plain) = (Vec::new(), Vec::new());
        features(&sentence("KENYA SENDS TROOPS TO HAITI", &[]), 4, &[0, 0, 0, 0], &mut caps);
        features(&sentence("Kenya sends troops to HAITI", &[]), 4, &[0, 0, 0, 0], &mut plain);
        assert_eq!(caps[1], plain[1], "the lowercase word is the same feature");
        assert_ne!(caps[2], plain[2], "the written form is not used in capitals");
        assert_ne!(caps[10], plain[10], "nor the shape");
    }

    #[test]
    fn features_depend_on_context_classes_and_document() {
        let mut words = sentence("troops of Kenya", &[]);
        let (mut first, mut second) = (Vec::new(), Vec::new());
        features(&words, 2, &[0, 0], &mut first);
        features(&words, 2, &[0, 0], &mut second);
        assert_eq!(first, second);
        features(&words, 2, &[0, 5], &mut second);
        assert_ne!(first, second, "the previous class is a feature");
        words.words[2].document = 77;
        features(&words, 2, &[0, 0], &mut second);
        assert_ne!(first[37], second[37], "the document atom is a feature");
        assert_eq!(first.len(), 55);
    }

    #[test]
    fn capitalised_runs_give_their_words_position_head_and_context() {
        let words = sentence("troops of the Harbour Alliance - Front met Procter & Gamble in Kenya", &[]).words;
        // (word, run position: 0 first, 1 inside, 2 last, 3 alone; run length)
        let table = [(3, 0, 4), (4, 1, 4), (5, 1, 4), (6, 2, 4), (8, 0, 3), (9, 1, 3), (10, 2, 3), (12, 3, 1)];
        for (idx, position, length) in table {
            assert_eq!(words[idx].run.position, mix(0x7a5 + position, length), "word {idx}");
        }
        for idx in [0, 1, 2, 7, 11] {
            assert_eq!(words[idx].run.position, NO_RUN.position, "word {idx} is in no run");
        }
        assert_eq!(words[3].run.last_lower, hash_str("front", true), "the run's last word");
        assert_eq!(words[6].run.before, hash_str("the", true), "the word before the run");
        assert_eq!(words[12].run.before, hash_str("in", true));
        assert!(
            sentence("KENYA SENDS TROOPS TO HAITI", &[]).words.iter().all(|word| word.run.position == NO_RUN.position),
            "no runs in capitals"
        );
    }

    #[test]
    fn capitals_need_three_words_and_few_lowercase_ones() {
        // (words with letters, of them with a lowercase letter, in capitals)
        for (letters, lowercase, expected) in [(5, 0, true), (10, 1, true), (5, 1, false), (2, 0, false), (0, 0, false)] {
            assert_eq!(in_capitals(letters, lowercase), expected, "{letters} {lowercase}");
        }
        assert_eq!(letter_cases("Kenya"), (true, true));
        assert_eq!(letter_cases("UN"), (true, false));
        assert_eq!(letter_cases("2024"), (false, false));
    }

    #[test]
    fn the_recognizers_own_lists_are_features() {
        let lists = WordLists::builtin();
        let bit = |file: &str| 1u64 << LIST_FILES.iter().position(|name| *name == file).expect("a list");
        // (word, list it is in)
        for (word, file) in
            [("Airlines", "org_words.txt"), ("Ltd", "org_words.txt"), ("Hall", "venue_heads.txt"), ("Party", "org_heads.txt")]
        {
            assert_ne!(lists.bits(hash_str(word, true)) & bit(file), 0, "{word}");
        }
        assert_eq!(lists.bits(hash_str("Airlines", true)) & bit("venue_heads.txt"), 0);
        assert!(NAME_FILES.iter().all(|(name, _)| LIST_FILES.contains(name)), "every list of the recognizer has a bit");
    }

    #[test]
    fn connectors_include_numbers_and_particles() {
        for (form, expected) in [("of", true), ("OF", true), ("von", true), ("2", true), ("-", true), ("said", false), ("Öf", false)] {
            assert_eq!(is_connector(form), expected, "{form}");
        }
    }
}
