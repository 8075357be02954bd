//! Just enough English clause structure to pick a trigger's arguments
//! without a parser: clause boundaries, prepositional phrases,
//! coordination ("A, B and C"), co-subjects ("along with B"), inclusion
//! lists ("including A and B"), and possessive modifiers ("Kenya’s offer").
//!
//! The subject of a trigger is the nearest argument before it in its clause
//! that is not the object of a preposition ("to Haiti") nor a possessor of
//! a plain noun ("Kenya’s offer"); a relative clause ("X, who met Y") leads
//! back to its antecedent that way. The object is the first argument after
//! the trigger in its clause. Known misses: passives without "by", pronouns,
//! subjects separated from their verb by a long parenthetical.
//!
//! Every look-back has a window ([`LOOK_BACK_BYTES`] for the words before an
//! argument, [`SUBJECT_WINDOW_BYTES`] from a trigger to its subject), and
//! `segment` caps a sentence's length, so the work per trigger stays bounded
//! however long a text without end punctuation runs.

use super::view::{Argument, SentenceView};
use crate::kinds::EntityKind;
use crate::span::Span;
use regex::Regex;
use std::sync::LazyLock;

/// Words whose object is not a subject.
const PREPOSITIONS: &[&str] = &[
    "to",
    "in",
    "into",
    "of",
    "from",
    "for",
    "at",
    "on",
    "with",
    "by",
    "about",
    "against",
    "over",
    "under",
    "between",
    "among",
    "toward",
    "towards",
    "through",
    "across",
    "after",
    "before",
    "during",
    "without",
    "within",
    "near",
    "like",
    "than",
    "via",
    "per",
    "including",
    "besides",
    "despite",
    "beyond",
    "around",
    "behind",
    "inside",
    "outside",
    "upon",
];
/// Nouns after which "of" introduces a name, not a complement ("the nation of Belize").
const NAME_OF_NOUNS: &[&str] = &[
    "nation",
    "country",
    "state",
    "republic",
    "kingdom",
    "island",
    "islands",
    "city",
    "town",
    "village",
    "province",
    "region",
    "government",
];
/// Determiners skipped when looking at the word before an argument.
const DETERMINERS: &[&str] = &["the", "a", "an", "its", "their", "his", "her", "our", "some", "all", "both", "other", "several", "many"];
/// Nouns after a possessive that make the possessor act ("Kenya’s delegation met ...").
const AGENT_NOUNS: &[&str] = &[
    "representative",
    "representatives",
    "envoy",
    "envoys",
    "delegation",
    "delegations",
    "officials",
    "government",
    "authorities",
    "forces",
    "ministry",
    "leaders",
    "leader",
    "diplomats",
    "team",
    "troops",
    "police",
];
/// Places where a clause ends: semicolons, colons, dashes, and contrastive
/// or circumstantial clause openers after a comma.
static CLAUSE_BOUNDARY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i);|:\s|\s[—–]\s|,\s+(?:while|but|although|though|whereas|because|so|yet|with|adding|saying|according)\b|\s(?:but|while|whereas|that)\s")
        .unwrap()
});
/// Auxiliaries and adverbs between a subject and its verb.
const VERB_PARTS: &[&str] = &[
    "has",
    "have",
    "had",
    "been",
    "was",
    "were",
    "is",
    "are",
    "will",
    "would",
    "could",
    "should",
    "may",
    "might",
    "also",
    "previously",
    "earlier",
    "later",
    "then",
    "not",
    "never",
    "already",
    "recently",
    "reportedly",
    "to",
    "started",
    "began",
    "first",
    "once",
    "again",
];
/// Words that open a common noun phrase.
const NOUN_PHRASE_OPENERS: &[&str] =
    &["a", "an", "the", "some", "several", "many", "other", "its", "their", "his", "her", "our", "two", "three"];
/// What may stand between two coordinated arguments (determiners removed).
const COORDINATORS: &[&str] = &[",", "and", ", and", "or", ", or", "&", "as well as", ", as well as", "nor", "and also", "plus"];
/// What introduces a co-subject ("X, which along with Y has ...").
static CO_SUBJECT: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"(?i)\b(?:along|together|jointly)\s+with\s+(?:the\s+)?$").unwrap());
/// Plural agents whose "from X" names who acts: "delegations from X and Y".
static SENDERS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)\b(?:delegations?|representatives|envoys|negotiators|officials|ministers|leaders|diplomats|teams?)\s+from\s+(?:the\s+)?$",
    )
    .unwrap()
});
/// A relative clause between an antecedent and its verb (", which had previously").
static RELATIVE: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"(?i)^[)\s]*,\s+(?:which|who)\b[^,]*$").unwrap());
/// A relative clause closed by a comma: ", which joined the mission,".
static CLOSED_RELATIVE: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"(?i),\s+(?:which|who|whose)\b[^,]*,").unwrap());
/// The most words between a subject and its trigger.
const MAX_SUBJECT_DISTANCE: usize = 12;
/// How far before a trigger its subject may start, in bytes: twelve words
/// and a closed relative clause fit well inside it.
pub const SUBJECT_WINDOW_BYTES: u32 = 600;
/// How much text before an argument `SentenceView::words_before` reads:
/// enough for the two words before it after a few determiners.
pub const LOOK_BACK_BYTES: usize = 160;
/// What introduces an inclusion list after an argument or a plural noun.
static INCLUSION: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)^,?\s*(?:including|such\s+as|among\s+them|namely)\s+(?:the\s+)?$").unwrap());
/// The most words between a trigger (or its object) and an inclusion list
/// ("with more than 20 countries since 2021, including ...").
const MAX_INCLUSION_GAP: usize = 9;
/// The most words between a trigger and its object.
const MAX_OBJECT_DISTANCE: usize = 6;

impl SentenceView<'_> {
    /// Where the clause holding byte `offset` starts.
    pub fn clause_start(&self, offset: u32) -> u32 {
        let before = self.before(offset);
        CLAUSE_BOUNDARY.find_iter(before).last().map_or(self.span.start, |found| self.span.start + found.end() as u32)
    }

    /// Where the clause holding byte `offset` ends.
    pub fn clause_end(&self, offset: u32) -> u32 {
        let after = self.after(offset);
        CLAUSE_BOUNDARY.find(after).map_or(self.span.end, |found| offset.max(self.span.start) + found.start() as u32)
    }

    /// The word before `offset`, lowercase, skipping determiners; with the word before it.
    fn words_before(&self, offset: u32) -> (String, String) {
        let window = self.before_within(offset, LOOK_BACK_BYTES);
        let cut = window.len() < self.before(offset).len();
        let words: Vec<String> = window
            .split(|c: char| c.is_whitespace() || matches!(c, ',' | '(' | ')'))
            // A window that cut into the text may start inside a word.
            .skip(usize::from(cut))
            .filter(|w| !w.is_empty())
            .map(str::to_lowercase)
            .collect();
        let mut rest = words.iter().rev().skip_while(|w| DETERMINERS.contains(&w.as_str()));
        (rest.next().cloned().unwrap_or_default(), rest.next().cloned().unwrap_or_default())
    }

    /// Whether argument `idx` is the object of a preposition ("to Haiti"),
    /// except "of" after a naming noun ("the nation of Belize").
    pub fn is_prepositional(&self, idx: usize) -> bool {
        let (word, before) = self.words_before(self.arguments[idx].span.start);
        PREPOSITIONS.contains(&word.as_str()) && !(word == "of" && NAME_OF_NOUNS.contains(&before.as_str()))
    }

    /// The preposition right before argument `idx`, if any.
    pub fn preposition_before(&self, idx: usize) -> Option<String> {
        let (word, _) = self.words_before(self.arguments[idx].span.start);
        PREPOSITIONS.contains(&word.as_str()).then_some(word)
    }

    /// Whether argument `idx` follows a verb directly ("left ECOWAS"): a
    /// lowercase word that is no determiner, preposition or conjunction.
    fn is_verb_object(&self, idx: usize) -> bool {
        let before = self.before_within(self.arguments[idx].span.start, LOOK_BACK_BYTES);
        let Some(word) = before.split_whitespace().last() else { return false };
        let lower = word.to_lowercase();
        word.chars().all(|c| c.is_lowercase())
            && !DETERMINERS.contains(&lower.as_str())
            && !PREPOSITIONS.contains(&lower.as_str())
            && !matches!(lower.as_str(), "and" | "or" | "but" | "that" | "which" | "who" | "as" | "while" | "also" | "then")
    }

    /// Whether argument `idx` only modifies a following noun: a possessive
    /// ("Kenya’s offer") unless the noun acts ("Kenya’s delegation").
    pub fn is_possessive_modifier(&self, idx: usize) -> bool {
        let after = self.after(self.arguments[idx].span.end);
        let Some(rest) = after.strip_prefix("’s").or_else(|| after.strip_prefix("'s")).or_else(|| after.strip_prefix('’')) else {
            return false;
        };
        // "Kenya's delegation", "Niger's military government": the agent noun may follow one modifier.
        let is_agent = |word: &str| AGENT_NOUNS.contains(&word.trim_matches(|c: char| !c.is_alphanumeric()).to_lowercase().as_str());
        !rest.split_whitespace().take(2).any(is_agent)
    }

    /// The arguments coordinated with `idx` ("A, B and C"), itself included,
    /// in text order. A list needs a conjunction ("A, B" alone is no list),
    /// and its members share the preposition before them ("in A, B met C"
    /// does not join A and B).
    pub fn coordinated(&self, idx: usize) -> Vec<usize> {
        let joined = |left: usize, right: usize| -> String {
            let between = self.between(self.arguments[left].span, self.arguments[right].span).to_lowercase();
            let words: Vec<&str> = between.split_whitespace().filter(|w| !DETERMINERS.contains(w)).collect();
            words.join(" ").replace(" ,", ",")
        };
        let link = |left: usize, right: usize| -> Option<bool> {
            let joined = joined(left, right);
            COORDINATORS.contains(&joined.as_str()).then_some(joined != ",")
        };
        let preposition = self.preposition_before(idx);
        let mut first = idx;
        let mut conjunction = false;
        while first > 0 {
            // "with A and B": a preposition may govern the whole list; "in A, B met" and
            // "member of A, and B is" (two clauses) join nothing.
            let same_preposition = self.preposition_before(first - 1) == preposition;
            match link(first - 1, first) {
                Some(is_conjunction) if same_preposition || is_conjunction && !joined(first - 1, first).starts_with(',') => {
                    conjunction |= is_conjunction;
                    first -= 1;
                }
                _ => break,
            }
        }
        // To the right, the list runs to its last conjunction ("A, B and C, D said": up to C).
        let mut last = idx;
        let mut probe = idx;
        while probe + 1 < self.arguments.len() {
            let Some(is_conjunction) = link(probe, probe + 1) else { break };
            probe += 1;
            if is_conjunction {
                conjunction = true;
                last = probe;
            }
        }
        // "Ghana met Peru, and Chile left": two names joined by ", and" are two
        // clauses (unless the comma closes an apposition: "X, the minister, and Y").
        let plain_first = self.arguments[first].head == self.arguments[first].span;
        let two_with_comma = last == first + 1 && plain_first && joined(first, last).starts_with(',');
        if !conjunction || two_with_comma {
            return vec![idx];
        }
        (first..=last).collect()
    }

    /// The subject of the trigger at `trigger`: the nearest acceptable argument
    /// before it in its clause, with its coordinated arguments and
    /// co-subjects ("along with Y"). The antecedent of a relative clause
    /// ("Besides X, which had ...") counts even after a preposition.
    pub fn subject(&self, trigger: Span, accept: impl Fn(EntityKind) -> bool) -> Vec<usize> {
        self.find_subject(trigger, &accept, false)
    }

    /// Like [`Self::subject`], but a possessor counts ("Russia’s abstention",
    /// "Kenya’s tenure as a member"): for triggers that are nouns.
    pub fn possessor_or_subject(&self, trigger: Span, accept: impl Fn(EntityKind) -> bool) -> Vec<usize> {
        self.find_subject(trigger, &accept, true)
    }

    /// Where the subject of the verb at `offset` may stand: its clause, or
    /// the clause before when the verb opens a verb phrase joined by "but"
    /// ("X rejected the criticism but held talks with Y").
    fn subject_clause_start(&self, offset: u32) -> u32 {
        let start = self.clause_start(offset);
        let opens_clause = self.slice(Span { start, end: offset.max(start) }).trim().is_empty();
        let joined_by_but = self.before(start).trim_end().trim_end_matches(',').ends_with(" but");
        if opens_clause && joined_by_but && start > self.span.start {
            self.clause_start(start - " but ".len() as u32)
        } else {
            start
        }
    }

    fn find_subject(&self, trigger: Span, accept: &dyn Fn(EntityKind) -> bool, possessor: bool) -> Vec<usize> {
        let clause_start = self.subject_clause_start(trigger.start);
        // A closed relative clause between a subject and its verb is skipped
        // ("the nation, which joined the U.N. mission, has sent ...").
        let window = self.before_within(trigger.start, SUBJECT_WINDOW_BYTES as usize);
        let window_start = trigger.start.clamp(self.span.start, self.span.end) as usize - window.len();
        let inserted: Vec<Span> =
            CLOSED_RELATIVE.find_iter(window).map(|found| Span::new(window_start + found.start(), window_start + found.end())).collect();
        let found = (0..self.arguments.len()).rev().find(|&idx| {
            let argument = self.arguments[idx];
            // Cheap tests first: an argument outside the window costs no look-back.
            if argument.span.end > trigger.start || argument.span.start < clause_start || (argument.span.start as usize) < window_start {
                return false;
            }
            let relative = RELATIVE.is_match(self.between(argument.span, trigger));
            // "with the United States abstaining": the subject of an absolute clause.
            let absolute = self.between(argument.span, trigger).trim().is_empty()
                && self.slice(trigger).ends_with("ing")
                && self.preposition_before(idx).as_deref() == Some("with");
            // "Delegations from Chile and Bolivia agreed": the senders act.
            let sent = self.preposition_before(idx).as_deref() == Some("from") && SENDERS.is_match(self.before(argument.span.start));
            // Words of an inserted clause do not count towards the distance.
            let gap = Span { start: argument.span.end.min(trigger.start), end: trigger.start };
            let inserted_words: usize =
                inserted.iter().filter(|clause| gap.contains(**clause)).map(|clause| self.slice(*clause).split_whitespace().count()).sum();
            let words_away = self.slice(gap).split_whitespace().count().saturating_sub(inserted_words);
            // "an Italian member of": a nationality before the trigger noun only describes it.
            let adjective = self.between(argument.span, trigger).trim().is_empty() && self.is_demonym(idx);
            // "X left ECOWAS and formed Y": the object of an earlier verb of the same subject.
            let joined = self.between(argument.span, trigger);
            let earlier_object = self.is_verb_object(idx) && (joined.contains(" and ") || joined.contains(" but "));
            argument.span.end <= trigger.start
                && !adjective
                && !earlier_object
                && words_away <= MAX_SUBJECT_DISTANCE
                && !inserted.iter().any(|clause| clause.contains(argument.span))
                && argument.span.start >= clause_start
                && accept(argument.kind)
                && (relative || absolute || sent || !self.is_prepositional(idx))
                && (possessor || !self.is_possessive_modifier(idx))
                && !self.in_parentheses(argument.span)
        });
        let Some(found) = found else { return Vec::new() };
        if self.noun_phrase_between(self.arguments[found].span.end, trigger.start) {
            return Vec::new();
        }
        let mut subjects: Vec<usize> = self.coordinated(found).into_iter().filter(|&i| accept(self.arguments[i].kind)).collect();
        // "Burkina Faso, together with Mali and Niger, left ...": the list is a co-subject of the name before it.
        if let Some(&first) = subjects.first() {
            let head = first.checked_sub(1).filter(|&h| {
                CO_SUBJECT.is_match(self.before(self.arguments[first].span.start))
                    && accept(self.arguments[h].kind)
                    && !self.is_prepositional(h)
            });
            subjects.extend(head);
        }
        for idx in found + 1..self.arguments.len() {
            let argument = self.arguments[idx];
            if argument.span.end > trigger.start {
                break;
            }
            if CO_SUBJECT.is_match(self.before(argument.span.start)) && accept(argument.kind) {
                subjects.extend(self.coordinated(idx).into_iter().filter(|&i| accept(self.arguments[i].kind)));
            }
        }
        subjects.sort_unstable();
        subjects.dedup();
        subjects
    }

    /// Whether a common noun phrase stands right before the verb at `end`,
    /// after `start` ("Ghana, and a smaller team met with ..."): then that
    /// phrase, not the argument before it, is the subject.
    fn noun_phrase_between(&self, start: u32, end: u32) -> bool {
        let between = self.slice(Span { start, end: end.max(start) }).to_lowercase();
        let mut words: Vec<&str> = between.split_whitespace().collect();
        while words.last().is_some_and(|w| VERB_PARTS.contains(w) || DETERMINERS.contains(w)) {
            words.pop();
        }
        let Some(det) = words.iter().rposition(|w| NOUN_PHRASE_OPENERS.contains(w)) else { return false };
        let tail = &words[det + 1..];
        // Only a phrase that opens a clause ("..., and a smaller team met") is
        // a subject; "wrote to the administration opposing" is an object.
        let opens_clause =
            det == 0 || words[det - 1].ends_with(',') || matches!(words[det - 1], "and" | "but" | "while" | "that" | "whereas");
        opens_clause
            && !tail.is_empty()
            && tail.len() <= 3
            && tail.iter().all(|w| w.chars().all(|c| c.is_alphabetic() || c == '-') && !PREPOSITIONS.contains(w))
    }

    /// The object of the trigger at `trigger`: the first acceptable argument
    /// after it in its clause (within a few words), with its coordinated
    /// arguments and any inclusion list ("leaders, including X").
    pub fn object(&self, trigger: Span, accept: impl Fn(EntityKind) -> bool) -> Vec<usize> {
        self.object_within(trigger, accept, MAX_OBJECT_DISTANCE)
    }

    /// Like [`Self::object`], with at most `max_words` words before the object.
    pub fn object_within(&self, trigger: Span, accept: impl Fn(EntityKind) -> bool, max_words: usize) -> Vec<usize> {
        let clause_end = self.clause_end(trigger.end);
        let near = |argument: &Argument| {
            let gap = self.slice(Span { start: trigger.end, end: argument.span.start.max(trigger.end) });
            gap.split_whitespace().count() <= max_words
        };
        // Not a possessor ("by Ghana's allies") nor the object of a further
        // preposition ("met officials in Kenya"); the trigger's own
        // preposition ("met with X") stands right before its object.
        let right_after = |argument: &Argument| {
            let gap = self.slice(Span { start: trigger.end, end: argument.span.start.max(trigger.end) }).to_lowercase();
            gap.split_whitespace().all(|w| DETERMINERS.contains(&w))
        };
        // An inclusion list ("..., including A and B") is taken whole below.
        let first = (0..self.arguments.len())
            .filter(|&idx| self.arguments[idx].span.start >= trigger.end && self.arguments[idx].span.end <= clause_end)
            .take_while(|&idx| self.preposition_before(idx).as_deref() != Some("including"))
            .find(|&idx| {
                let argument = self.arguments[idx];
                near(&argument) && !self.is_possessive_modifier(idx) && (right_after(&argument) || !self.is_prepositional(idx))
            });
        // The head of "the Kenyan deployment" is its last word: an argument right
        // after another one in the same noun phrase replaces it.
        let first = first.map(|mut idx| {
            while idx + 1 < self.arguments.len() && self.arguments[idx + 1].span.end <= clause_end {
                let gap = self.between(self.arguments[idx].span, self.arguments[idx + 1].span);
                if !(gap.trim().is_empty() || gap == "-led ") || self.arguments[idx + 1].head != self.arguments[idx + 1].span {
                    break;
                }
                idx += 1;
            }
            idx
        });
        let mut objects: Vec<usize> = Vec::new();
        if let Some(first) = first.filter(|&i| accept(self.arguments[i].kind)) {
            objects.extend(self.coordinated(first).into_iter().filter(|&i| i >= first && accept(self.arguments[i].kind)));
        }
        // "to meet with African leaders, including Kenya’s president": the list after a plural noun.
        let list_from = objects.last().map_or(trigger.end, |&i| self.arguments[i].span.end);
        if let Some(listed) = self.inclusion_list(list_from, clause_end) {
            objects.extend(self.coordinated(listed).into_iter().filter(|&i| i >= listed && accept(self.arguments[i].kind)));
        }
        objects.sort_unstable();
        objects.dedup();
        objects
    }

    /// The first argument of an inclusion list ("including X") that starts
    /// after `from` (with at most a plural noun phrase in between), before `end`.
    pub fn inclusion_list(&self, from: u32, end: u32) -> Option<usize> {
        let idx = self.arguments.iter().position(|a| a.span.start >= from && a.span.end <= end)?;
        let gap = self.slice(Span { start: from, end: self.arguments[idx].span.start });
        let words = gap.split_whitespace().count();
        let cut = gap.rfind(',').unwrap_or(0);
        (words <= MAX_INCLUSION_GAP && INCLUSION.is_match(crate::span::suffix(gap, cut))).then_some(idx)
    }

    /// Whether `span` stands inside parentheses or square brackets.
    pub fn in_parentheses(&self, span: Span) -> bool {
        let before = self.before(span.start);
        let opens = before.rfind(['(', '[']);
        let closes = before.rfind([')', ']']);
        opens.is_some_and(|open| closes.is_none_or(|close| close < open))
    }
}

/// Accepts the kinds that can meet, lead, join, contribute or oppose.
pub fn is_actor(kind: EntityKind) -> bool {
    matches!(kind, EntityKind::Person | EntityKind::Country | EntityKind::Organization)
}

/// Accepts countries and organizations.
pub fn is_state_or_organization(kind: EntityKind) -> bool {
    matches!(kind, EntityKind::Country | EntityKind::Organization)
}

#[cfg(test)]
mod tests {
    use crate::relation::view::DocView;
    use crate::relation::with_view;

    /// The names of the arguments `pick` returns for the first occurrence of `trigger`.
    fn names(text: &str, trigger: &str, pick: fn(&super::SentenceView, crate::span::Span) -> Vec<usize>) -> Vec<String> {
        with_view(text, |doc: &DocView| {
            let view = doc.sentences.iter().find(|v| v.sentence_text().contains(trigger)).expect("the trigger's sentence");
            let at = view.span.start as usize + view.sentence_text().find(trigger).expect("trigger");
            let span = crate::span::Span::new(at, at + trigger.len());
            pick(view, span).into_iter().map(|idx| doc.ctx.entities[view.arguments[idx].entity].name.clone()).collect()
        })
    }

    fn subject(view: &super::SentenceView, trigger: crate::span::Span) -> Vec<usize> {
        view.subject(trigger, super::is_actor)
    }

    fn object(view: &super::SentenceView, trigger: crate::span::Span) -> Vec<usize> {
        view.object(trigger, super::is_actor)
    }

    #[test]
    fn subject_table() {
        for (text, trigger, expected) in [
            ("Ghana, Togo and Benin signed the pact.", "signed", vec!["Benin", "Ghana", "Togo"]),
            ("Aid reached Peru as Chile pledged more.", "pledged", vec!["Chile"]),
            ("Chile, which along with Peru drafted the text, asked for a vote.", "drafted", vec!["Chile", "Peru"]),
            ("In Lima, Chile pledged more.", "pledged", vec!["Chile"]),
            ("Ghana met Peru, and a smaller team met Chile.", "met Chile", vec![]),
            ("Peru's offer was welcomed by Chile.", "was welcomed", vec![]),
            ("The vote passed, with India abstaining.", "abstaining", vec!["India"]),
            ("Delegations from Chile and Bolivia agreed to talk.", "agreed", vec!["Bolivia", "Chile"]),
            ("Ghana criticised Togo but signed a deal with Benin.", "signed", vec!["Ghana"]),
            ("Ghana criticised Togo, but Benin signed a deal with Peru.", "signed", vec!["Benin"]),
        ] {
            let mut found = names(text, trigger, subject);
            found.sort();
            assert_eq!(found, expected, "{text}");
        }
    }

    #[test]
    fn object_table() {
        for (text, trigger, expected) in [
            ("Ghana met Peru and Chile on Monday.", "met", vec!["Peru", "Chile"]),
            ("Ghana met officials in Peru.", "met", vec![]),
            ("Ghana met several leaders, including Peru and Chile.", "met", vec!["Peru", "Chile"]),
            ("Ghana met Peru, and Chile left.", "met", vec!["Peru"]),
        ] {
            assert_eq!(names(text, trigger, object), expected, "{text}");
        }
    }
}
