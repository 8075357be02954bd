//! Learned names: what the trained recognizer of [`crate::names`] adds where the rules are silent.
//!
//! The rules run first and keep everything they find (gazetteer hits, resolutions, people after
//! titles, acronym definitions, head words, places after cues, furniture is never text). The
//! recognizer then tags the whole document (two passes, so a name's other occurrences inform
//! it), and each name it finds is settled by one policy, **rules first**:
//!
//! 1. a learned name that overlaps any mention a rule found is dropped: the rule's span and type
//!    stand (so a disagreement on type or extent always goes to the rule);
//! 2. none is taken from a title-case stretch, in a sentence or a headline ("Grace Period Ends
//!    For Tenants, one headline said": capitalised function words show that every word is
//!    capitalised, so capitals are no evidence there), nor an acronym the document defined as
//!    ordinary words; a headline with a capitalised common word after its first word ("Navies
//!    Patrol Gulf of Guinea") is title case as a whole, while a line of names alone (a signature)
//!    is not; a sentence in capitals (a wire headline) has no title-case stretch: the recognizer
//!    reads it in its capitals mode, and its confidence decides;
//! 3. a name whose words are also words of a longer mention of the document (a surname, or a
//!    hyphenated surname in the other order: "Thomas-Greenfield" after "Linda Greenfield-Thomas")
//!    is left to the rules as a short form, which resolution attaches to the longer name (no second
//!    node);
//! 4. a one-word person ("Sampras", "Vince") is a short form marked `learned`: resolution
//!    attaches it to the fuller name it stands for, in the document or the corpus, and only when
//!    there is none is it a person of its own; a word the treebanks know as a common word, or the
//!    plural of one ("Man", "Muslims"), is no one-word person, nor a word opening its sentence
//!    that is no given name and that the document never writes capitalised inside one
//!    ("Shelling was heard");
//! 5. the type comes from the gazetteer when it knows the name (Country versus Location, or an
//!    organization), else from the recognizer: person, organization or location;
//! 6. short forms and unclassified capitalised names inside an added name give way to it.
//!
//! Added names are mentions like any other (`PatternRule::LearnedName`): the corpus-wide known
//! names, resolution and the relation extractors treat them as they treat the rules' names.

use super::{Detection, Mention, MentionSource, PatternRule, ShortForm};
use crate::document::Document;
use crate::kinds::EntityKind;
use crate::names::features::GazetteerHit;
use crate::names::model::SentenceInput;
use crate::names::{NameSpan, NameType, NamesModel, NamesScratch};

/// The least confidence (the recognizer's margin, in averaged-perceptron units) a learned name
/// needs to be added: chosen on the GUM dev documents through the whole pipeline (typed entity
/// F1 0.841 at 0 to 3, 0.843 at 4 with the same recall; 6 and above lose a true name).
pub const MIN_CONFIDENCE: f32 = 4.0;
use crate::resources::Resources;
use crate::segment::{Segmentation, TokenShape};
use crate::span::Span;
use std::cell::RefCell;

/// The recognizer's buffers and its names with their confidences.
type Buffers = (NamesScratch, Vec<Vec<(NameSpan, f32)>>);

thread_local! {
    /// The recognizer's buffers, one set per worker thread.
    static SCRATCH: RefCell<Buffers> = RefCell::new(Default::default());
}

/// Adds the recognizer's names to `detection` by the policy above; `hits` are the gazetteer
/// hits of each sentence and `titles` the title phrases (as the rules' units found them).
pub fn add_learned_names(
    resources: &Resources,
    document: &Document,
    segmentation: &Segmentation,
    hits: &[Vec<GazetteerHit>],
    titles: &[Span],
    detection: &mut Detection,
) {
    let text = document.text.as_str();
    let spans: Vec<Span> = segmentation.tokens.iter().map(|token| token.span).collect();
    let inputs: Vec<SentenceInput> = segmentation
        .sentences
        .iter()
        .zip(hits)
        .map(|(sentence, hits)| SentenceInput { tokens: &spans[sentence.tokens.start as usize..sentence.tokens.end as usize], hits })
        .collect();
    SCRATCH.with_borrow_mut(|(scratch, found)| {
        let model = NamesModel::builtin();
        model.tag_document(text, &inputs, scratch, found);
        let mut ruled: Vec<Span> = detection.mentions.iter().map(|mention| mention.span).collect();
        ruled.sort_unstable();
        let titled = |span: Span| titles.iter().any(|title| title.overlaps(span));
        let (mut added, mut stretches, mut people) = (Vec::new(), Vec::new(), Vec::new());
        for ((sentence_idx, sentence), names) in segmentation.sentences.iter().enumerate().zip(found.iter()) {
            let tokens = segmentation.sentence_tokens(sentence);
            if in_capitals(text, tokens) {
                stretches.clear();
            } else if sentence.headline && styled_headline(model, text, tokens) {
                stretches.clear();
                stretches.push((0, tokens.len()));
            } else {
                title_case_stretches(model, text, tokens, &mut stretches);
            }
            for (name, confidence) in names {
                let in_title_case = stretches.iter().any(|&(start, end)| (name.start as usize) < end && start < name.end as usize);
                if *confidence < MIN_CONFIDENCE || in_title_case {
                    continue;
                }
                let mut last = name.end as usize;
                while last > name.start as usize && matches!(tokens[last - 1].shape, TokenShape::Punct | TokenShape::Possessive) {
                    last -= 1;
                }
                let first = skip_titles(resources, text, tokens, name.start as usize, last);
                if first >= last {
                    continue;
                }
                let spaced_dash = tokens[first..last].iter().any(|token| token.span.text(text) == "-" && token.space_before);
                if spaced_dash {
                    continue;
                }
                let names_a_thing =
                    |idx: usize| tokens.get(idx).is_some_and(|token| resources.lexicon.other_heads.contains(token.span.text(text)));
                if names_a_thing(last - 1) || names_a_thing(name.end as usize) {
                    continue;
                }
                let span = Span { start: tokens[first].span.start, end: tokens[last - 1].span.end };
                let surface = span.text(text);
                let gazetteer_hit = hits[sentence_idx].iter().any(|hit| hit.span.overlaps(span));
                if detection.non_entities.contains(surface) || overlaps(&ruled, span) || titled(span) || gazetteer_hit {
                    continue;
                }
                let lexicon = &resources.lexicon;
                if last - first == 1 && (lexicon.org_heads.contains(surface) || lexicon.location_heads.contains(surface)) {
                    continue;
                }
                if first == 0 && last == 1 && model.is_common_word(surface) {
                    continue;
                }
                let kind = kind_of(resources, surface, name.kind);
                if kind == EntityKind::Person && last - first == 1 {
                    if !is_common_or_plural(model, surface) {
                        people.push((span, sentence_idx as u32, first == 0));
                    }
                    continue;
                }
                added.push(Mention { span, sentence: sentence_idx as u32, kind, source: MentionSource::Pattern(PatternRule::LearnedName) });
            }
        }
        let parts = PartsOfNames::new(text, detection.mentions.iter().chain(&added));
        added.retain(|mention| !parts.contains(mention.span.text(text)));
        detection.short_forms.retain(|short| !added.iter().any(|mention| mention.span.overlaps(short.span)));
        detection.unknown.retain(|(span, _)| !added.iter().any(|mention| mention.span.overlaps(*span)));
        detection.mentions.extend(added);
        add_one_word_people(resources, text, segmentation, &people, &parts, detection);
    });
}

/// One-word people ("Sampras", "Vince") become short forms marked `learned`: resolution attaches
/// each to the fuller name it stands for (in the document or the corpus), and only a word with
/// none is a person of its own, so a surname never makes a second node. A word inside a longer
/// name of the document (of an organization, say) is left unmarked, and so is a word that opens
/// its sentence (`people`' third field), where every word is capitalised, unless it is a given
/// name ("Vince, see the note") or the document also writes it capitalised inside a sentence
/// ("Shelling was heard" is no person).
fn add_one_word_people(
    resources: &Resources,
    text: &str,
    segmentation: &Segmentation,
    people: &[(Span, u32, bool)],
    parts: &PartsOfNames,
    detection: &mut Detection,
) {
    if people.is_empty() {
        return;
    }
    let given_names = &resources.lexicon.given_names;
    let mut ruled: Vec<Span> = detection.mentions.iter().map(|mention| mention.span).collect();
    ruled.sort_unstable();
    let inside: std::collections::HashSet<&str> = if people.iter().any(|&(_, _, initial)| initial) {
        segmentation
            .sentences
            .iter()
            .flat_map(|sentence| segmentation.sentence_tokens(sentence).iter().skip(1))
            .filter(|token| token.is_capitalized())
            .map(|token| token.span.text(text))
            .collect()
    } else {
        Default::default()
    };
    let shorts: std::collections::HashMap<Span, usize> =
        detection.short_forms.iter().enumerate().map(|(idx, short)| (short.span, idx)).collect();
    for &(span, sentence, initial) in people {
        let word = span.text(text);
        let learned = !parts.contains(word) && (!initial || inside.contains(word) || given_names.contains(word));
        if let Some(&idx) = shorts.get(&span) {
            let short = &mut detection.short_forms[idx];
            short.learned |= learned && !short.titled;
        } else if learned && !overlaps(&ruled, span) {
            detection.short_forms.push(ShortForm { span, sentence, titled: false, honorific: false, learned });
        }
    }
}

/// Whether a headline is written in title case: a capitalised word after its first is a word the
/// treebanks know as a common word ("Navies Patrol Gulf of Guinea"), so its capitals say nothing
/// about names. A line of names alone ("Vince J Kaminski", a signature) is no such headline.
fn styled_headline(model: &NamesModel, text: &str, tokens: &[crate::segment::Token]) -> bool {
    tokens.iter().skip(1).any(|token| {
        let word = token.span.text(text);
        token.is_capitalized() && word.chars().count() > 1 && model.is_common_word(word)
    })
}

/// Whether a one-word name is a word the treebanks know as a common word ("Man"), or the plural
/// of one ("Muslims", "Fans"): such a capitalised word is a person only as a short form.
fn is_common_or_plural(model: &NamesModel, word: &str) -> bool {
    model.is_common_word(word) || word.strip_suffix('s').is_some_and(|stem| stem.chars().count() > 2 && model.is_common_word(stem))
}

/// Whether a sentence is written in capitals (a wire headline): the recognizer reads it in its
/// capitals mode ([`crate::names::features::in_capitals`]), and capitalised function words there
/// say nothing about title case.
fn in_capitals(text: &str, tokens: &[crate::segment::Token]) -> bool {
    let (mut letters, mut lowercase) = (0, 0);
    for token in tokens {
        let (upper, lower) = crate::names::features::letter_cases(token.span.text(text));
        letters += usize::from(upper || lower);
        lowercase += usize::from(lower);
    }
    crate::names::features::in_capitals(letters, lowercase)
}

/// The fewest capitalised words a title-case stretch has.
const TITLE_CASE_MIN_WORDS: usize = 3;

/// The stretches of a sentence's `tokens` (word ranges) written in title case: runs of at least
/// [`TITLE_CASE_MIN_WORDS`] capitalised words in which a word after the first is a function word
/// ("Grace Period Ends For Tenants"), or, for a run inside the sentence, its first word is ("The
/// Animated Series"). Names keep their function words in lowercase ("Institute for
/// Security Studies"), so a capitalised one says the whole stretch is capitalised by style.
fn title_case_stretches(model: &NamesModel, text: &str, tokens: &[crate::segment::Token], out: &mut Vec<(usize, usize)>) {
    out.clear();
    let mut start = 0;
    while start < tokens.len() {
        if !tokens[start].is_capitalized() {
            start += 1;
            continue;
        }
        let end = start + tokens[start..].iter().take_while(|token| token.is_capitalized()).count();
        // The sentence's first word is capitalised by position ("In The Hague" is no title).
        let first = if start == 0 { 1 } else { start };
        // Inside a sentence, a capitalised function word opening the run counts too ("a panel on
        // Batman: The Animated Series"): names keep "the" in lowercase there.
        let from = if start == 0 { first + 1 } else { first };
        let function_word =
            tokens.get(from..end).is_some_and(|rest| rest.iter().any(|token| model.is_function_word(token.span.text(text))));
        if end.saturating_sub(first) >= TITLE_CASE_MIN_WORDS && function_word {
            out.push((first, end));
        }
        start = end;
    }
}

/// Honorifics a learned name may start with; the rules read them (they make short forms).
const HONORIFICS: &[&str] = &["Mr", "Mrs", "Ms", "Miss", "Dr", "Prof", "Sir", "Dame", "Mx"];

/// The first token of `tokens[first..last]` after any leading honorifics ("Mr."), title
/// modifiers ("Acting") and title phrases ("Prime Minister"): those are the rules' to read.
fn skip_titles(resources: &Resources, text: &str, tokens: &[crate::segment::Token], mut first: usize, last: usize) -> usize {
    loop {
        let word = tokens.get(first).map_or("", |token| token.span.text(text));
        if first < last && (HONORIFICS.contains(&word.trim_end_matches('.')) || resources.lexicon.title_modifiers.contains(word)) {
            first += 1;
            if first < last && tokens[first].span.text(text) == "." {
                first += 1;
            }
            continue;
        }
        if first >= last {
            return first;
        }
        let within = Span { start: tokens[first].span.start, end: tokens[last - 1].span.end };
        let Some((title, _)) = resources.lexicon.find_titles(text, within).into_iter().find(|(title, _)| title.start == within.start)
        else {
            return first;
        };
        first = tokens[first..last].iter().position(|token| token.span.start >= title.end).map_or(last, |at| first + at);
    }
}

/// Whether `span` overlaps one of the sorted, non-overlapping `spans`.
fn overlaps(spans: &[Span], span: Span) -> bool {
    let after = spans.partition_point(|other| other.end <= span.start);
    spans.get(after).is_some_and(|other| other.start < span.end)
}

/// The word sequences inside longer names: every run of one to [`PartsOfNames::MAX_WORDS`] words
/// of a mention that has more words ("Ngoma", "Yakite Ngoma" of "Edouard Yakite Ngoma"; words
/// split at spaces and hyphens), and the parts of a hyphenated word in the other order ("Ngoma
/// Yakite": a double surname is written either way round), so that a learned name can be checked
/// against all of them at once.
struct PartsOfNames {
    parts: std::collections::HashSet<String>,
}

impl PartsOfNames {
    const MAX_WORDS: usize = 4;

    fn new<'a>(text: &str, mentions: impl Iterator<Item = &'a Mention>) -> PartsOfNames {
        let mut parts = std::collections::HashSet::new();
        for mention in mentions {
            let words: Vec<&str> = words(mention.span.text(text)).collect();
            for length in 1..words.len().min(Self::MAX_WORDS + 1) {
                for run in words.windows(length) {
                    parts.insert(run.join(" "));
                }
            }
            if words.len() > 1 {
                for hyphenated in mention.span.text(text).split(' ').filter(|word| word.contains('-')) {
                    let mut halves: Vec<&str> = hyphenated.split('-').filter(|half| !half.is_empty()).collect();
                    halves.reverse();
                    parts.insert(halves.join(" "));
                }
            }
        }
        PartsOfNames { parts }
    }

    /// Whether `name` is part of a longer name.
    fn contains(&self, name: &str) -> bool {
        self.parts.contains(&words(name).collect::<Vec<_>>().join(" "))
    }
}

fn words(name: &str) -> impl Iterator<Item = &str> {
    name.split([' ', '-']).filter(|word| !word.is_empty())
}

/// The entity type of a learned name: the gazetteer's when it knows the name, else the
/// recognizer's.
fn kind_of(resources: &Resources, surface: &str, learned: NameType) -> EntityKind {
    if let Some(entry) = resources.gazetteer.lookup(surface) {
        return resources.gazetteer.entry(entry).kind;
    }
    match learned {
        NameType::Person => EntityKind::Person,
        NameType::Organization => EntityKind::Organization,
        NameType::Location => EntityKind::Location,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::mention::testing::assert_entities;

    #[test]
    fn overlap_is_checked_against_sorted_spans() {
        let spans = [Span::new(0, 5), Span::new(10, 20)];
        for (span, expected) in [(Span::new(5, 10), false), (Span::new(4, 6), true), (Span::new(19, 30), true), (Span::new(20, 25), false)]
        {
            assert_eq!(overlaps(&spans, span), expected, "{span:?}");
        }
    }

    #[test]
    fn honorifics_and_titles_are_skipped() {
        let resources = Resources::builtin().unwrap();
        let mut tokens = Vec::new();
        let text = "Mr. Kimani and Acting Prime Minister Mira Osei";
        crate::segment::tokenize(text, Span::new(0, text.len()), &mut tokens);
        let word = |idx: usize| tokens[idx].span.text(text);
        let at = |form: &str| (0..tokens.len()).find(|&idx| word(idx) == form).unwrap();
        let (and, deputy, mira, end) = (at("and"), at("Acting"), at("Mira"), tokens.len());
        assert_eq!(word(skip_titles(&resources, text, &tokens, 0, and)), "Kimani");
        assert_eq!(skip_titles(&resources, text, &tokens, deputy, end), mira);
        assert_eq!(skip_titles(&resources, text, &tokens, deputy, mira), mira, "a title alone leaves nothing");
        assert_eq!(skip_titles(&resources, text, &tokens, and, and + 1), and);
    }

    #[test]
    fn title_case_stretches_need_a_capitalised_function_word_after_their_first_word() {
        let model = NamesModel::builtin();
        let mut tokens = Vec::new();
        let mut stretches = Vec::new();
        // (sentence, the stretches as (first word, last word))
        let table: &[(&str, &[(&str, &str)])] = &[
            ("Grace Period Ends For Tenants, one headline said.", &[("Period", "Tenants")]),
            ("Readers saw Grace Period Ends For Tenants in print.", &[("Grace", "Tenants")]),
            ("Mira Osei joined the Institute for Security Studies in Pretoria.", &[]),
            ("In The Hague the court sat.", &[]),
            ("The Harbour Alliance Party won.", &[]),
            ("Aid came from Doctors Without Borders.", &[("Doctors", "Borders")]),
            ("A panel on Batman: The Animated Series drew fans.", &[("The", "Series")]),
            ("Delegates met in The Hague.", &[]),
        ];
        for (text, expected) in table {
            tokens.clear();
            crate::segment::tokenize(text, Span::new(0, text.len()), &mut tokens);
            title_case_stretches(model, text, &tokens, &mut stretches);
            let found: Vec<(&str, &str)> =
                stretches.iter().map(|&(start, end)| (tokens[start].span.text(text), tokens[end - 1].span.text(text))).collect();
            assert_eq!(&found, expected, "{text}");
        }
    }

    /// A headline quoted inside a sentence is no source of names.
    #[test]
    fn no_learned_names_from_a_title_case_stretch() {
        assert_entities(
            "Analysts at Morgan Stanley expect prices to rise. Grace Period Ends For Tenants, one headline said.",
            &[(EntityKind::Organization, "Morgan Stanley")],
        );
    }

    /// A one-word person with no fuller name is a person of its own; a surname of a person named
    /// in full joins that person (one node).
    #[test]
    fn one_word_people_stand_alone_or_join_their_full_name() {
        assert_entities(
            "The title went to Moravec in three sets on Sunday, and Moravec said she was tired. \
             Mira Osei met reporters in Tarnow on Monday. Osei said the Harbour Alliance would vote.",
            &[
                (EntityKind::Person, "Moravec"),
                (EntityKind::Person, "Mira Osei"),
                (EntityKind::Location, "Tarnow"),
                (EntityKind::Organization, "Harbour Alliance"),
            ],
        );
    }

    #[test]
    fn common_words_and_their_plurals_are_no_one_word_people() {
        let model = NamesModel::builtin();
        for (word, expected) in [("Man", true), ("Fans", true), ("Muslims", true), ("Moravec", false), ("Williams", false), ("Is", true)] {
            assert_eq!(is_common_or_plural(model, word), expected, "{word}");
        }
    }

    #[test]
    fn headlines_in_title_case_are_told_from_lines_of_names() {
        let model = NamesModel::builtin();
        let mut tokens = Vec::new();
        for (text, expected) in [
            ("Navies Patrol Gulf of Guinea", true),
            ("Kestrel Airlines Cuts Flights", true),
            ("Vince J Kaminski", false),
            ("Mira Osei", false),
        ] {
            tokens.clear();
            crate::segment::tokenize(text, Span::new(0, text.len()), &mut tokens);
            assert_eq!(styled_headline(model, text, &tokens), expected, "{text}");
        }
    }

    #[test]
    fn sentences_in_capitals_are_told_apart() {
        let mut tokens = Vec::new();
        for (text, expected) in [
            ("KESTREL AIRLINES CUTS FLIGHTS TO VELEN .", true),
            ("Kestrel Airlines Cuts Flights To Velen", false),
            ("The UN and NATO met .", false),
        ] {
            tokens.clear();
            crate::segment::tokenize(text, Span::new(0, text.len()), &mut tokens);
            assert_eq!(in_capitals(text, &tokens), expected, "{text}");
        }
    }

    #[test]
    fn the_gazetteer_types_a_learned_name() {
        let resources = Resources::builtin().unwrap();
        assert_eq!(kind_of(&resources, "Kenya", NameType::Organization), EntityKind::Country);
        assert_eq!(kind_of(&resources, "Varnholt Brewing", NameType::Organization), EntityKind::Organization);
        assert_eq!(kind_of(&resources, "Varnholt", NameType::Location), EntityKind::Location);
    }

    #[test]
    fn parts_of_longer_names_stay_short_forms() {
        let text = "Edouard Yakite-Ngoma spoke. Yakite Ngoma left.";
        let mentions = [Mention {
            span: Span::new(0, 20),
            sentence: 0,
            kind: EntityKind::Person,
            source: MentionSource::Pattern(PatternRule::KnownName),
        }];
        let parts = PartsOfNames::new(text, mentions.iter());
        for (name, expected) in [
            ("Ngoma", true),
            ("Yakite Ngoma", true),
            ("Yakite-Ngoma", true),
            ("Ngoma-Yakite", true),
            ("Edouard Yakite-Ngoma", false),
            ("Ngoma Edouard", false),
            ("Ngom", false),
        ] {
            assert_eq!(parts.contains(name), expected, "{name}");
        }
    }

    /// Names no list holds and no title or head word announces: the recognizer finds them, the
    /// rules keep theirs, and each name is one entity.
    #[test]
    fn learned_names_fill_in_where_the_rules_are_silent() {
        assert_entities(
            "Prime Minister Ariel Henry met Mira Osei of the Harbour Alliance in Port-au-Prince on Monday. \
             Osei told reporters in Kenya that the Harbour Alliance would vote.",
            &[
                (EntityKind::Person, "Ariel Henry"),
                (EntityKind::Person, "Mira Osei"),
                (EntityKind::Country, "Kenya"),
                (EntityKind::Organization, "Harbour Alliance"),
                (EntityKind::Location, "Port-au-Prince"),
            ],
        );
    }
}
