//! Learned names: what the trained recognizer of [`crate::names`] adds where the rules are silent.
//!
//! The rules run first and keep everything they find (gazetteer hits, resolutions, people after
//! titles, acronym definitions, head words, places after cues, furniture is never text). The
//! recognizer then tags the whole document (two passes, so a name's other occurrences inform
//! it), and each name it finds is settled by one policy, **rules first**:
//!
//! 1. a learned name that overlaps any mention a rule found is dropped: the rule's span and type
//!    stand (so a disagreement on type or extent always goes to the rule);
//! 2. none is taken from a headline (rules there take only gazetteer hits; a title-case line says
//!    nothing about names), nor from a title-case stretch inside a sentence ("Grace Period Ends
//!    For Tenants, one headline said": capitalised function words show that every word is
//!    capitalised, so capitals are no evidence there), nor an acronym the document defined as
//!    ordinary words;
//! 3. a name whose words are also words of a longer mention of the document (a surname, or a
//!    hyphenated surname in the other order: "Thomas-Greenfield" after "Linda Greenfield-Thomas")
//!    is left to the rules as a short form, which resolution attaches to the longer name (no second
//!    node);
//! 4. the type comes from the gazetteer when it knows the name (Country versus Location, or an
//!    organization), else from the recognizer: person, organization or location;
//! 5. short forms and unclassified capitalised names inside an added name give way to it.
//!
//! Added names are mentions like any other (`PatternRule::LearnedName`): the corpus-wide known
//! names, resolution and the relation extractors treat them as they treat the rules' names.

use super::{Detection, Mention, MentionSource, PatternRule};
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
        let (mut added, mut stretches) = (Vec::new(), Vec::new());
        for ((sentence_idx, sentence), names) in segmentation.sentences.iter().enumerate().zip(found.iter()) {
            if sentence.headline {
                continue;
            }
            let tokens = segmentation.sentence_tokens(sentence);
            title_case_stretches(model, text, tokens, &mut stretches);
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
                if first >= last || (name.kind == NameType::Person && last - first == 1) {
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
                added.push(Mention { span, sentence: sentence_idx as u32, kind, source: MentionSource::Pattern(PatternRule::LearnedName) });
            }
        }
        let parts = PartsOfNames::new(text, detection.mentions.iter().chain(&added));
        added.retain(|mention| !parts.contains(mention.span.text(text)));
        detection.short_forms.retain(|short| !added.iter().any(|mention| mention.span.overlaps(short.span)));
        detection.unknown.retain(|(span, _)| !added.iter().any(|mention| mention.span.overlaps(*span)));
        detection.mentions.extend(added);
    });
}

/// The fewest capitalised words a title-case stretch has.
const TITLE_CASE_MIN_WORDS: usize = 3;

/// The stretches of a sentence's `tokens` (word ranges) written in title case: runs of at least
/// [`TITLE_CASE_MIN_WORDS`] capitalised words in which a word after the first is a function word
/// ("Grace Period Ends For Tenants"). Names keep their function words in lowercase ("Institute for
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
        let function_word =
            tokens.get(first + 1..end).is_some_and(|rest| rest.iter().any(|token| model.is_function_word(token.span.text(text))));
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
