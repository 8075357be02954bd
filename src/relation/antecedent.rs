//! Back-references to a country or organization named earlier in the
//! document: "its foreign minister", "the ministry", "the court’s
//! registrar", "the bloc’s envoy".
//!
//! - "its" is the country or organization that opens its own sentence
//!   ("Chile, whose economy ..., and its foreign minister"), else the one that
//!   opens the sentence before ("Chile ... . Its foreign minister ..."); a
//!   sentence opened by anything else ("The mission, authorized by the
//!   Council, ...") leaves "its" unresolved.
//! - "whose" is the country or organization named right before it.
//! - A noun of `named_nouns` ("court", "ministry", "commission") is the last
//!   organization before it whose name has that word ("the International
//!   Criminal Court" ... "the court").
//! - A noun of `generic_nouns` ("bloc", "organisation", "group") is the last
//!   organization named before it.
//!
//! The words are in `data/relations/references.toml`. Known misses: "their",
//! "the country" (which country is rarely the last one named), and nouns
//! for an organization never named.
//!
//! Personal pronouns ([`Topics`]): "he", "she", "him", "her" and "his" (the list
//! `person_pronouns` of `data/relations/guards.toml`) stand for a person, by one rule over the
//! dependency tree, read left to right through the document:
//! - the subject of a clause that is the complement of a verb is that verb's subject
//!   ("Ruto said he would meet Macron", "Paris claims she was kept ...": reported speech, where
//!   the speaker is the pronoun and never a participant of what is reported otherwise);
//! - any other pronoun is the nearest person named before it as a subject (`nsubj`,
//!   `nsubj:pass`), in its own sentence or in the [`PRONOUN_WINDOW`] sentences before; an
//!   object ("met him") skips the subject of its own clause. A pronoun that found its person is
//!   a subject for the pronouns after it.
//! - A pronoun is ambiguous and left alone when its sentence names, before it, another person
//!   who is not a subject ("X met Y during his visit") or a name that no mention holds, or when
//!   the nearest subject is several people ("A and B spoke. She ..."), unless it is the subject
//!   of a clause embedded in one whose subject is a person: then it is that person ("X taught at
//!   Pisa, where he met Y"), as the tree says.
//!
//! Gender and number are not known to the program: of two people who are both subjects, the
//! nearer wins, so "Ruto met Ann Lee. She ..." reads "she" as Ann Lee only when she was the
//! subject last. Plural "they", first and second person, and pronouns inside quotations are
//! left alone.

use super::view::{Argument, SentenceView};
use crate::kinds::EntityKind;
use crate::relation::DocContext;
use crate::span::Span;
use crate::syntax::tree::{label_matches, DependencyTree};
use std::collections::HashMap;

/// The organizations of one document in mention order, built once so that
/// each back-reference finds its antecedent by binary search instead of a
/// scan over everything named before it.
pub struct Antecedents {
    /// Mention indices of organizations.
    organizations: Vec<usize>,
    /// Lowercase word of an organization's entity name -> its mention indices.
    by_word: HashMap<String, Vec<usize>>,
}

impl Antecedents {
    pub fn new(ctx: &DocContext) -> Antecedents {
        let mut organizations = Vec::new();
        let mut by_word: HashMap<String, Vec<usize>> = HashMap::new();
        for (idx, _) in ctx.mentions.iter().enumerate().filter(|(_, m)| m.kind == EntityKind::Organization) {
            organizations.push(idx);
            let name = &ctx.entities[ctx.mention_entity[idx]].name;
            let mut words: Vec<String> = name.split([' ', '-']).map(str::to_ascii_lowercase).collect();
            words.sort();
            words.dedup();
            for word in words {
                by_word.entry(word).or_default().push(idx);
            }
        }
        Antecedents { organizations, by_word }
    }
}

/// The last of `mentions` (sorted indices) before mention index `before`.
fn last_before(mentions: &[usize], before: usize) -> Option<usize> {
    mentions[..mentions.partition_point(|&idx| idx < before)].last().copied()
}

/// The entity `word` (lowercase) at byte `at` of sentence `sentence` refers
/// back to, with the span of the mention it resolves to.
pub fn resolve(ctx: &DocContext, word: &str, at: u32, sentence: u32) -> Option<(usize, Span)> {
    let antecedents = ctx.antecedents.get_or_init(|| Antecedents::new(ctx));
    let file = ctx.resources.relations.file("references");
    let before = ctx.mentions.partition_point(|m| m.span.start < at);
    let entity_of = |idx: usize| (ctx.mention_entity[idx], ctx.mentions[idx].span);
    if word == "whose" {
        // "the Lake Chad Basin Commission, whose executive secretary": the name right before.
        let in_sentence = ctx.mentions[..before].iter().enumerate().rev().take_while(|(_, m)| m.sentence >= sentence);
        return in_sentence.filter(|(_, m)| m.sentence == sentence && is_owner(m.kind)).map(|(idx, _)| entity_of(idx)).next();
    }
    if word == "its" || word == "it" {
        return opening_owner(ctx, at, sentence);
    }
    let singular = word.strip_suffix('s').filter(|_| !file.has_word("named_nouns", word)).unwrap_or(word);
    if file.has_word("named_nouns", singular) {
        let named = antecedents.by_word.get(&singular.to_ascii_lowercase())?;
        return last_before(named, before).map(entity_of);
    }
    if file.has_word("generic_nouns", singular) {
        return last_before(&antecedents.organizations, before).map(entity_of);
    }
    None
}

/// "its" or "it" at byte `at` of sentence `sentence`: only a subject, the
/// first country or organization, opening its sentence ("The Dakar-based
/// Central Bank ..." opens with it too), else the one opening the sentence before.
pub fn opening_owner(ctx: &DocContext, at: u32, sentence: u32) -> Option<(usize, Span)> {
    let before = ctx.mentions.partition_point(|m| m.span.start < at);
    let opens = |m: &crate::mention::Mention| {
        let start = ctx.segmentation.sentences[m.sentence as usize].span.start;
        let lead = crate::span::slice(&ctx.document.text, start as usize, m.span.start as usize);
        m.span.start >= start
            && lead
                .split_whitespace()
                .all(|w| w.eq_ignore_ascii_case("the") || w.contains('-') && w.chars().all(|c| c.is_alphabetic() || c == '-'))
    };
    let first_of = |wanted: u32| {
        let from = ctx.mentions[..before].partition_point(|m| m.sentence < wanted);
        let in_sentence = ctx.mentions[from..before].iter().enumerate().take_while(|(_, m)| m.sentence == wanted);
        in_sentence.map(|(offset, m)| (from + offset, m)).find(|(_, m)| is_owner(m.kind)).filter(|(_, m)| opens(m))
    };
    first_of(sentence).or_else(|| first_of(sentence.checked_sub(1)?)).map(|(idx, _)| (ctx.mention_entity[idx], ctx.mentions[idx].span))
}

fn is_owner(kind: EntityKind) -> bool {
    matches!(kind, EntityKind::Country | EntityKind::Organization)
}

/// How many sentences before its own a personal pronoun looks back for its antecedent.
pub const PRONOUN_WINDOW: u32 = 2;

/// The people named as subjects so far in a document, for the personal pronouns after them.
#[derive(Debug, Default)]
pub struct Topics {
    /// (sentence index, person entity) of each subject, in text order; only those still within
    /// [`PRONOUN_WINDOW`] are kept.
    subjects: Vec<(u32, usize)>,
}

/// Stands for a subject of several people, or a name of unknown type.
const AMBIGUOUS: usize = usize::MAX;

/// What a pronoun is in its clause.
#[derive(Clone, Copy, PartialEq, Eq)]
enum PronounRole {
    Subject,
    Possessor,
    Object,
}

impl Topics {
    /// Whether sentence `view` holds a word of `person_pronouns` (so that it is worth parsing).
    pub fn has_pronoun(pronouns: &super::triggers::TriggerFile, view: &SentenceView, tokens: &[crate::segment::Token]) -> bool {
        tokens.iter().any(|token| pronouns.has_word("person_pronouns", view.slice(token.span)))
    }

    /// Whether a person named as a subject is within reach of a pronoun in sentence `index`.
    pub fn is_live(&self, index: u32) -> bool {
        self.subjects.last().is_some_and(|&(sentence, _)| index.saturating_sub(sentence) <= PRONOUN_WINDOW)
    }

    /// Adds to `arguments` the personal pronouns of `view` (parsed as `tree`) with the person each
    /// stands for, then remembers the sentence's person subjects for the sentences after it.
    pub fn resolve(
        &mut self,
        pronouns: &super::triggers::TriggerFile,
        view: &SentenceView,
        tree: &DependencyTree,
        arguments: &mut Vec<Argument>,
    ) {
        let index = view.index;
        self.subjects.retain(|&(sentence, _)| index.saturating_sub(sentence) <= PRONOUN_WINDOW);
        let argument_at = super::dependency::argument_words(tree, arguments);
        // (word, entity) of the person subjects of this sentence so far.
        let mut local: Vec<(u32, usize)> = Vec::new();
        let mut added: Vec<Argument> = Vec::new();
        // People named before the current word other than as subjects.
        let mut others: Vec<usize> = Vec::new();
        for word in 0..tree.len() as u32 {
            let is_subject = label_matches(tree.label(word), "nsubj");
            if let Some(argument) = argument_at[word as usize] {
                let argument = arguments[argument];
                if argument.kind == EntityKind::Person && tree.head_within(argument.span) == Some(word) {
                    if is_subject {
                        // "A and B spoke. She ...": either of them.
                        let coordinated = tree
                            .children_labelled(word, "conj")
                            .filter_map(|c| argument_at[c as usize])
                            .any(|other| arguments[other].kind == EntityKind::Person && arguments[other].entity != argument.entity);
                        local.push((word, if coordinated { AMBIGUOUS } else { argument.entity }));
                    } else {
                        others.push(argument.entity);
                    }
                }
                continue;
            }
            // A name no mention holds ("met with Mohamed") may be a person too, unless it describes
            // a person named ("X, a former Scientologist").
            if tree.upos(word) == "PROPN"
                && tree.head(word).is_some_and(|head| tree.upos(head) != "PROPN")
                && !is_subject
                && !describes_person(tree, &argument_at, arguments, word)
            {
                others.push(AMBIGUOUS);
            }
            let span = tree.spans[word as usize];
            if tree.upos(word) != "PRON" || !pronouns.has_word("person_pronouns", view.slice(span)) || view.in_quotes(span) {
                continue;
            }
            let role = match tree.label(word) {
                _ if is_subject => PronounRole::Subject,
                "nmod:poss" => PronounRole::Possessor,
                _ => PronounRole::Object,
            };
            // "X met Y during his visit": another person named before it in the sentence, not as
            // a subject, makes the pronoun ambiguous; the tree still decides a subject in a
            // clause embedded in one with a person subject.
            let nearest = self.antecedent(tree, &local, word, role).filter(|&entity| entity != AMBIGUOUS);
            let nearest = nearest.filter(|&entity| others.iter().all(|&other| other == entity));
            let governing = || (role == PronounRole::Subject).then(|| governing_subject(tree, &local, word)).flatten();
            let Some(entity) = nearest.or_else(governing) else { continue };
            // "her Vietnamese counterpart, X": the possessor of an argument's own phrase is part of it.
            let owned = role == PronounRole::Possessor
                && tree.head(word).is_some_and(|head| arguments.iter().any(|a| a.span.contains(tree.spans[head as usize])));
            if owned || arguments.iter().any(|a| a.span.overlaps(span)) {
                continue;
            }
            added.push(Argument { entity, kind: EntityKind::Person, head: span, span });
            if role == PronounRole::Subject {
                local.push((word, entity));
            }
        }
        self.subjects.extend(local.iter().map(|&(_, entity)| (index, entity)));
        if !added.is_empty() {
            arguments.extend(added);
            arguments.sort_by_key(|a| (a.span.start, a.span.end));
        }
    }

    /// The person pronoun `word` stands for (see the module docs), given the person subjects
    /// `local` before it in its sentence.
    fn antecedent(&self, tree: &DependencyTree, local: &[(u32, usize)], word: u32, role: PronounRole) -> Option<usize> {
        let clause = tree.head(word);
        // "X said he would ...": the subject of the verb whose complement the clause is.
        if role == PronounRole::Subject {
            let governor = clause.filter(|&c| tree.label(c) == "ccomp").and_then(|c| tree.head(c));
            if let Some(governor) = governor {
                return local.iter().rev().find(|&&(subject, _)| tree.head(subject) == Some(governor)).map(|&(_, entity)| entity);
            }
        }
        // "Moxon told him": not Moxon.
        let own_subject = local
            .iter()
            .rev()
            .find(|&&(subject, _)| role == PronounRole::Object && tree.head(subject) == clause)
            .map(|&(_, entity)| entity);
        let earlier = self.subjects.iter().map(|&(_, entity)| entity);
        earlier.chain(local.iter().map(|&(_, entity)| entity)).rev().find(|&entity| Some(entity) != own_subject)
    }
}

/// Whether `word` hangs, through appositions and their conjuncts, from a person argument's
/// head ("Valeska Paris, an Australian woman and former Scientologist": "Scientologist").
fn describes_person(tree: &DependencyTree, argument_at: &[Option<usize>], arguments: &[Argument], word: u32) -> bool {
    // "X and Mohamed": a conjunct of the person is another person; only an apposition describes.
    let mut current = word;
    let mut through_apposition = false;
    for _ in 0..tree.len() {
        through_apposition |= tree.label(current) == "appos";
        if !matches!(tree.label(current), "appos" | "conj") {
            return false;
        }
        let Some(head) = tree.head(current) else { return false };
        if argument_at[head as usize].is_some_and(|argument| arguments[argument].kind == EntityKind::Person) {
            return through_apposition;
        }
        current = head;
    }
    false
}

/// The person subject of the clause that governs a subject pronoun's own, found by the tree:
/// "X taught at Pisa, where he met Y" (he = X, whoever else the sentence names before "he");
/// nothing when the nearest governing clause's subject is not one person (`local` holds the
/// sentence's person subjects so far, several people as [`AMBIGUOUS`]).
fn governing_subject(tree: &DependencyTree, local: &[(u32, usize)], pronoun: u32) -> Option<usize> {
    let mut clause = tree.head(pronoun)?;
    for _ in 0..tree.len() {
        clause = tree.head(clause)?;
        if let Some(subject) = tree.children_labelled(clause, "nsubj").next() {
            return local.iter().find(|&&(word, _)| word == subject).map(|&(_, entity)| entity).filter(|&entity| entity != AMBIGUOUS);
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use crate::relation::view::DocView;
    use crate::relation::with_view;

    /// The entity each personal pronoun of the sentence containing `marker` stands for, as
    /// (pronoun, entity name).
    fn pronouns(text: &str, marker: &str) -> Vec<(String, String)> {
        with_view(text, |doc: &DocView| {
            let guards = doc.ctx.resources.relations.file("guards");
            let view = doc.sentences.iter().find(|v| v.sentence_text().contains(marker)).expect("the marked sentence");
            view.arguments
                .iter()
                .filter(|a| guards.has_word("person_pronouns", view.slice(a.span)))
                .map(|a| (view.slice(a.span).to_string(), doc.ctx.entities[a.entity].name.clone()))
                .collect()
        })
    }

    /// A text, a word of the sentence to look at, and the pronoun there with the name it stands for.
    type Case<'a> = (&'a str, &'a str, Option<(&'a str, &'a str)>);

    #[test]
    fn personal_pronouns_stand_for_the_nearest_subject() {
        let table: &[Case] = &[
            // The subject of the sentence before.
            ("Gabriel Boric flew to Lima on Monday. He met Lula there.", "met Lula", Some(("He", "Gabriel Boric"))),
            // Reported speech: the one who says it.
            ("Ana Ruiz said she would meet Lula in Quito.", "would meet", Some(("she", "Ana Ruiz"))),
            // A chain: a resolved pronoun is a subject for the next one.
            (
                "Tomas Berg landed in Lima on Monday. He met Lula in Quito. He later joined the Andean Farmers Union.",
                "later joined",
                Some(("He", "Tomas Berg")),
            ),
            // Another person named before it, not as a subject: ambiguous.
            ("Ana Ruiz met Tomas Berg during his visit to Quito.", "his visit", None),
            // The possessor of a role phrase is part of it.
            ("Ana Ruiz met her Peruvian counterpart, Tomas Berg, in Lima.", "counterpart", None),
            // The nearest subject is two people.
            ("Ana Ruiz and Rosa Fuentes landed in Lima. She met Lula in Quito.", "She met", None),
            // Too far back.
            ("Tomas Berg landed in Lima. Rain fell in Quito. Floods hit Cusco. Roads closed in Puno. He left for Quito.", "He left", None),
            // A speaker that is not a person leaves the reported pronoun alone.
            ("Rosa Fuentes arrived in Lima. The Andean Farmers Union said she would speak in Quito.", "would speak", None),
            // An object is never the subject of its own clause.
            ("Ana Ruiz landed in Lima. Ruiz thanked him in Quito.", "thanked", None),
            // A subject in an embedded clause is the governing clause's person subject, whoever
            // else is named before it ...
            ("Rosa Fuentes taught law with Tomas Berg at Pisa, where she met Luis Quispe.", "where she", Some(("she", "Rosa Fuentes"))),
            // A name in an apposition of the subject describes the subject.
            (
                "Rosa Fuentes, a lawyer and former Rotarian, said the Andean Farmers Union had followed her for years.",
                "followed her",
                Some(("her", "Rosa Fuentes")),
            ),
            // ... but not when that subject is two people.
            ("Rosa Fuentes and Ana Ruiz taught law at Pisa, where she met Luis Quispe.", "where she", None),
        ];
        for (text, marker, expected) in table {
            let expected: Vec<(String, String)> = expected.iter().map(|(p, n)| (p.to_string(), n.to_string())).collect();
            assert_eq!(pronouns(text, marker), expected, "{text}");
        }
    }
}
