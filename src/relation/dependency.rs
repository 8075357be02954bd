//! Relations read off the dependency tree: every `[[pattern]]` of every relation file
//! ([`crate::resources::pattern`]) run over the parsed sentences of a document.
//!
//! What it extracts: whatever the patterns say, with arguments taken from the tree. An argument
//! is found at the word a path ends on: the head word of an argument phrase (a name, a role phrase,
//! a description), any word of a name, a relative pronoun standing for the noun its clause
//! modifies ("X, who met Y"), or a word that stands for an entity it names (`stand_ins` of
//! `data/relations/guards.toml`: "the Kenyan government", "Peru's delegation"). Coordination
//! distributes: "A, B and C met D" is three meetings; an apposition names its head ("the group's
//! leader, X"), and so does an inclusion list ("leaders, including A and B").
//!
//! Guards, from the tree, one policy for every relation: a negated trigger ("did not meet"), one in
//! a conditional clause ("if they meet", "should they meet") and any trigger of a question give no edge, whichever
//! extractor found it ([`drop_denied`]); a modal or future one ("will meet", "could meet") or one
//! under a verb of planning ("plans to meet", "is expected to meet") gives an edge with
//! `status = planned`. The words are in `guards.toml`.
//!
//! Example: "Ghana’s president and Peru’s foreign minister did not meet" -> nothing;
//! "X and Y, who met Z, left" -> X MET Z, Y MET Z.
//! A personal pronoun ("he", "her") is an argument when [`super::antecedent::Topics`] found its
//! person before the patterns run (the one place pronouns are resolved).
//! Known misses: whatever the parse gets wrong; "they" and pronouns left ambiguous; triggers that
//! are multi-word expressions the tree splits ("took part in").

use super::view::{Argument, DocView, SentenceView};
use super::RelationCandidate;
use crate::kinds::EntityKind;
use crate::resources::pattern::{Attribute, Path, Pattern, Step};
use crate::syntax::tree::{label_matches, DependencyTree};

/// The most words a path may reach through coordination or chains of clauses (bounds the work).
const MAX_REACH: usize = 16;

/// Runs every pattern over every parsed sentence of the document.
pub fn extract(doc: &DocView, out: &mut Vec<RelationCandidate>) {
    let relations = &doc.ctx.resources.relations;
    if relations.patterns.is_empty() {
        return;
    }
    let guards = relations.file("guards");
    // Trigger lemmas are lowercase; a capitalised lemma is lowered into this one buffer.
    let mut lowered = String::new();
    for view in &doc.sentences {
        let Some(tree) = &view.tree else { continue };
        if is_question(view) {
            continue;
        }
        let sentence = ParsedSentence::new(doc, view, tree, guards);
        for word in 0..tree.len() as u32 {
            let mut lemma = tree.lemma(word);
            if lemma.chars().any(char::is_uppercase) {
                lowered.clear();
                lowered.extend(lemma.chars().flat_map(char::to_lowercase));
                lemma = &lowered;
            }
            let by_lemma = relations.patterns_by_trigger.get(lemma).map_or(&[][..], Vec::as_slice);
            // An argument whose phrase this word heads anchors the patterns of its type.
            let anchor = sentence.anchor_at[word as usize].map(|argument| doc.kind_of(view.arguments[argument].entity));
            let anchored = relations
                .anchored_patterns
                .iter()
                .filter(|&&idx| anchor.is_some_and(|kind| relations.patterns[idx as usize].anchors.contains(&kind)));
            let mut candidates = by_lemma.iter().chain(anchored).peekable();
            if candidates.peek().is_none() {
                continue;
            }
            let stated = modality(tree, guards, word);
            if stated == Modality::Denied {
                continue;
            }
            for &idx in candidates {
                let pattern = &relations.patterns[idx as usize];
                if pattern.pos.is_empty() || pattern.pos.iter().any(|pos| pos == tree.upos(word)) {
                    sentence.apply(pattern, word, stated, out);
                }
            }
        }
    }
}

/// The argument each word of `tree` stands for, if any: the head word of an argument's whole
/// phrase first, then every word of the name itself.
pub fn argument_words(tree: &DependencyTree, arguments: &[Argument]) -> Vec<Option<usize>> {
    let mut argument_at = vec![None; tree.len()];
    for (idx, argument) in arguments.iter().enumerate() {
        if let Some(head) = tree.head_within(argument.span) {
            argument_at[head as usize].get_or_insert(idx);
        }
    }
    for (idx, argument) in arguments.iter().enumerate() {
        for slot in &mut argument_at[tree.words_within(argument.head)] {
            slot.get_or_insert(idx);
        }
    }
    argument_at
}

/// Whether the sentence asks rather than states.
fn is_question(view: &SentenceView) -> bool {
    view.sentence_text().trim_end().ends_with('?')
}

/// One parsed sentence with its arguments placed on its words.
struct ParsedSentence<'v, 'a> {
    doc: &'v DocView<'a>,
    view: &'v SentenceView<'a>,
    tree: &'v DependencyTree<'a>,
    guards: &'a super::triggers::TriggerFile,
    /// The argument each word stands for, if any.
    argument_at: Vec<Option<usize>>,
    /// The argument whose phrase or name each word heads, if any (where `@Type` patterns anchor).
    anchor_at: Vec<Option<usize>>,
}

impl<'v, 'a> ParsedSentence<'v, 'a> {
    fn new(
        doc: &'v DocView<'a>,
        view: &'v SentenceView<'a>,
        tree: &'v DependencyTree<'a>,
        guards: &'a super::triggers::TriggerFile,
    ) -> Self {
        let argument_at = argument_words(tree, &view.arguments);
        let mut anchor_at = vec![None; tree.len()];
        for (idx, argument) in view.arguments.iter().enumerate() {
            for head in [tree.head_within(argument.span), tree.head_within(argument.head)].into_iter().flatten() {
                anchor_at[head as usize].get_or_insert(idx);
            }
        }
        ParsedSentence { doc, view, tree, guards, argument_at, anchor_at }
    }

    /// The candidates of `pattern` triggered by `trigger`.
    fn apply(&self, pattern: &Pattern, trigger: u32, modality: Modality, out: &mut Vec<RelationCandidate>) {
        if pattern.unless.iter().any(|path| !self.walk(trigger, path).is_empty()) {
            return;
        }
        let accepts = |kinds: &[EntityKind], argument: usize| kinds.contains(&self.doc.kind_of(self.view.arguments[argument].entity));
        let reached = |paths: &[Path], kinds: &[EntityKind]| {
            let mut found: Vec<usize> = Vec::new();
            for path in paths {
                for word in self.walk(trigger, path) {
                    for argument in self.arguments_at(word) {
                        if accepts(kinds, argument) && !found.contains(&argument) {
                            found.push(argument);
                        }
                    }
                }
            }
            found
        };
        let mut pairs: Vec<(usize, usize)> = Vec::new();
        if pattern.group.is_empty() {
            let sources = reached(&pattern.source, &pattern.source_kinds);
            if pattern.reciprocal && self.object_is_each_other(trigger) {
                for &a in &sources {
                    pairs.extend(sources.iter().filter(|&&b| b != a).map(|&b| (a, b)));
                }
            } else {
                let targets = reached(&pattern.target, &pattern.target_kinds);
                pairs.extend(sources.iter().flat_map(|&s| targets.iter().map(move |&t| (s, t))));
            }
        } else {
            let members = reached(&pattern.group, &pattern.source_kinds);
            for (i, &a) in members.iter().enumerate() {
                pairs.extend(members[i + 1..].iter().map(|&b| (a, b)));
                if pattern.reciprocal {
                    pairs.extend(members[i + 1..].iter().map(|&b| (b, a)));
                }
            }
        }
        if pairs.is_empty() {
            return;
        }
        let mut attributes = Vec::with_capacity(pattern.attributes.len());
        for (key, value) in &pattern.attributes {
            let value = match value {
                Attribute::Word(path) => match self.walk(trigger, path).first() {
                    Some(&word) => self.view.slice(self.tree.spans[word as usize]).to_string(),
                    None => return,
                },
                Attribute::Lemma(path) => match self.walk(trigger, path).first() {
                    Some(&word) => self.tree.lemma(word).to_lowercase(),
                    None => return,
                },
                Attribute::Text(text) => text.clone(),
            };
            attributes.push((key.as_str(), value));
        }
        if modality == Modality::Planned {
            attributes.push(("status", "planned".to_string()));
        }
        let span = self.tree.spans[trigger as usize];
        for (source, target) in pairs {
            let (source, mut target) = (self.view.arguments[source].entity, self.view.arguments[target].entity);
            if pattern.place_as_country && self.doc.kind_of(target) == EntityKind::Location {
                match super::located_in::country_of_place(self.doc, target) {
                    Some(country) => target = country,
                    None => continue,
                }
            }
            let mut candidate = RelationCandidate::new(pattern.kind, source, target, self.view, span, pattern.rule, 0.7);
            for (key, value) in &attributes {
                candidate = candidate.with(key, value.clone());
            }
            out.push(candidate);
        }
    }

    /// The words a path reaches from `start`.
    fn walk(&self, start: u32, path: &Path) -> Vec<u32> {
        let tree = self.tree;
        let mut words = vec![start];
        for step in path {
            let mut next = Vec::new();
            for &word in &words {
                match step {
                    Step::Itself => next.push(word),
                    Step::Subject => next.extend(self.subject(word)),
                    Step::Object => next.extend(self.object(word)),
                    Step::Parent { label, lemmas } => {
                        if label_matches(tree.label(word), label) {
                            next.extend(tree.head(word).filter(|&head| lemmas.is_empty() || tree.lemma_in(head, lemmas)));
                        }
                    }
                    Step::Child { label, case, lemmas } => next.extend(tree.children_labelled(word, label).filter(|&child| {
                        (case.is_empty() || self.marked_by(child, case)) && (lemmas.is_empty() || tree.lemma_in(child, lemmas))
                    })),
                }
            }
            next.truncate(MAX_REACH);
            words = next;
        }
        words
    }

    /// Whether `word` has a `case`, `mark` or punctuation dependent with one of the lemmas.
    fn marked_by<S: AsRef<str>>(&self, word: u32, lemmas: &[S]) -> bool {
        let tree = self.tree;
        tree.children(word).iter().any(|&c| matches!(tree.label(c), "case" | "mark" | "punct") && tree.lemma_in(c, lemmas))
    }

    /// The logical subject of a predicate (see [`crate::resources::pattern`]).
    fn subject(&self, predicate: u32) -> Vec<u32> {
        let tree = self.tree;
        let mut word = predicate;
        for _ in 0..MAX_REACH {
            let direct: Vec<u32> = tree.children_labelled(word, "nsubj").filter(|&c| tree.label(c) != "nsubj:pass").collect();
            if !direct.is_empty() {
                return direct;
            }
            let agents: Vec<u32> = tree.children_labelled(word, "obl:agent").collect();
            if !agents.is_empty() {
                return agents;
            }
            if self.is_passive(word) {
                // The predicate's own passive has no subject but its agent; a clause that shares
                // a passive's subject takes it: "X was formed to fight Y", "X was attacked and fled".
                return if word == predicate { agents } else { tree.children_labelled(word, "nsubj:pass").collect() };
            }
            let Some(head) = tree.head(word) else { return Vec::new() };
            match tree.label(word) {
                "xcomp" => {
                    let objects: Vec<u32> = tree.children_labelled(head, "obj").collect();
                    if !objects.is_empty() {
                        return objects;
                    }
                }
                "conj" => {}
                // "After meeting Y, X left"; "X flew to Lima to meet Y"; "after talks with Y, X".
                "advcl" if tree.xpos[word as usize] == "VBG" || self.marked_by(word, self.guards.words("shared_subject_marks")) => {}
                "acl:relcl" | "acl" => return vec![head],
                _ => return Vec::new(),
            }
            word = head;
        }
        Vec::new()
    }

    /// The logical object of a predicate (see [`crate::resources::pattern`]).
    fn object(&self, predicate: u32) -> Vec<u32> {
        let tree = self.tree;
        let mut found: Vec<u32> = tree.children_labelled(predicate, "obj").collect();
        found.extend(tree.children_labelled(predicate, "nsubj:pass"));
        // An oblique without a preposition is an object the parse misread ("leading the force"
        // as `obl`); bare times and measures carry subtypes (`obl:tmod`, `obl:npmod`).
        if found.is_empty() {
            found.extend(
                tree.children(predicate)
                    .iter()
                    .copied()
                    .filter(|&c| tree.label(c) == "obl" && !tree.children(c).iter().any(|&m| matches!(tree.label(m), "case" | "mark"))),
            );
        }
        if found.is_empty() && tree.label(predicate) == "acl" && tree.xpos[predicate as usize] == "VBN" {
            found.extend(tree.head(predicate));
        }
        found
    }

    fn is_passive(&self, word: u32) -> bool {
        let tree = self.tree;
        tree.children(word).iter().any(|&c| matches!(tree.label(c), "nsubj:pass" | "aux:pass"))
    }

    /// "each other", "one another" as the object.
    fn object_is_each_other(&self, predicate: u32) -> bool {
        let tree = self.tree;
        let other = ["other", "another"];
        tree.children(predicate).iter().any(|&c| {
            matches!(tree.label(c), "obj" | "obl")
                && (tree.lemma_in(c, &other) || tree.children_labelled(c, "fixed").any(|f| tree.lemma_in(f, &other)))
        })
    }

    /// The arguments a word stands for, coordination and inclusion lists distributed: "A, B and
    /// C", "leaders, including A and B", a conjunct the parse hangs from a word inside an
    /// argument's phrase ("Secretary of State A and B" with B under "A"), and the word a phrase
    /// hangs from as its conjunct.
    fn arguments_at(&self, word: u32) -> Vec<usize> {
        let tree = self.tree;
        let word = self.antecedent_of_relative(word);
        let mut words = vec![word];
        let mut found = Vec::new();
        let mut idx = 0;
        while idx < words.len() {
            let current = words[idx];
            idx += 1;
            let mut members: Vec<u32> = self.members(current).collect();
            let argument = match self.argument_at[current as usize] {
                Some(argument) => Some(argument),
                None => match self.named_by(current) {
                    // "the Kenyan and Haitian governments": the modifiers, distributed.
                    Some(Named::Modifier(modifier)) => {
                        members.push(modifier);
                        None
                    }
                    Some(Named::Apposition(argument)) => Some(argument),
                    None => None,
                },
            };
            if let Some(argument) = argument.filter(|a| !found.contains(a)) {
                found.push(argument);
            }
            // Only within a phrase the word belongs to, not one it stands for ("the force, the U.S.").
            if let Some(argument) = self.argument_at[current as usize] {
                let span = self.view.arguments[argument].span;
                let outside = |w: &u32| !span.contains(tree.spans[*w as usize]);
                for inside in tree.words_within(span) {
                    let inside = inside as u32;
                    members.extend(self.members(inside).filter(outside));
                    // Coordination runs both ways: a phrase the parse hangs as a later conjunct of
                    // a word outside it is listed with that word ("A and Kenya's minister B").
                    if tree.label(inside) == "conj" {
                        members.extend(tree.head(inside).filter(outside));
                    }
                }
            }
            for member in members {
                if words.len() < MAX_REACH && !words.contains(&member) {
                    words.push(member);
                }
            }
        }
        found
    }

    /// The words listed with `word`: its conjuncts, and what an inclusion introduces ("leaders,
    /// including A").
    fn members(&self, word: u32) -> impl Iterator<Item = u32> + '_ {
        let tree = self.tree;
        tree.children(word).iter().copied().filter(move |&c| {
            let label = tree.label(c);
            label == "conj" || label_matches(label, "nmod") && self.marked_by(c, self.guards.words("inclusions"))
        })
    }

    /// The noun a relative pronoun stands for ("X, who met Y": "who" is X). A relative clause the
    /// parse hangs from a verb ("X read the magazine Y, which attacked Z" under "read") stands
    /// for the noun right before it (past a comma), when there is one.
    fn antecedent_of_relative(&self, word: u32) -> u32 {
        let tree = self.tree;
        let relative = tree.upos(word) == "PRON" && self.guards.has_word("relative_pronouns", tree.lemma(word));
        let Some(clause) = tree.head(word).filter(|&clause| relative && tree.label(clause) == "acl:relcl") else { return word };
        let Some(noun) = tree.head(clause) else { return word };
        if matches!(tree.upos(noun), "NOUN" | "PROPN" | "PRON" | "NUM") {
            return noun;
        }
        let before = (0..word).rev().find(|&w| tree.upos(w) != "PUNCT");
        before.filter(|&w| matches!(tree.upos(w), "NOUN" | "PROPN")).unwrap_or(noun)
    }

    /// What names a word without an argument: the apposition of a description ("its leader, X";
    /// of a plural, a list: "two groups, A and B"), the name a participle of naming gives a noun
    /// for a group ("the team, known as the Gliders", "a group called the Sea Org": `naming_verbs`
    /// and `nameable_nouns` of `guards.toml`; not "a show called X"), or the modifier of a stand-in noun ("the Kenyan government", "Peru's
    /// delegation", "delegations from Chile").
    fn named_by(&self, word: u32) -> Option<Named> {
        let tree = self.tree;
        let appositive = tree.children_labelled(word, "appos").find(|&c| self.argument_at[c as usize].is_some());
        if let Some(appositive) = appositive {
            let plural = matches!(tree.xpos[word as usize], "NNS" | "NNPS");
            return Some(if plural { Named::Modifier(appositive) } else { Named::Apposition(self.argument_at[appositive as usize]?) });
        }
        let given_name = self
            .guards
            .has_word("nameable_nouns", tree.lemma(word))
            .then(|| tree.children_labelled(word, "acl"))
            .into_iter()
            .flatten()
            .filter(|&participle| self.guards.has_word("naming_verbs", tree.lemma(participle)))
            .flat_map(|participle| tree.children(participle).iter().copied())
            .find(|&name| matches!(tree.label(name), "obl" | "xcomp" | "obj") && self.argument_at[name as usize].is_some());
        if let Some(name) = given_name {
            return Some(Named::Apposition(self.argument_at[name as usize]?));
        }
        if !self.guards.has_word("stand_ins", tree.lemma(word)) {
            return None;
        }
        tree.children(word)
            .iter()
            .copied()
            .filter(|&c| matches!(tree.label(c), "amod" | "compound" | "nmod:poss") || self.marked_by(c, &["of", "from"]))
            .find(|&c| self.argument_at[c as usize].is_some())
            .map(Named::Modifier)
    }
}

/// How a word without an argument of its own names one.
enum Named {
    /// The apposition of a singular noun names this argument (taken alone: "the force, the U.S.
    /// and the U.N. have called ..." is a misread clause more often than a list).
    Apposition(usize),
    /// The word with an argument that names it (a stand-in noun's modifier, a plural's
    /// apposition), whose conjuncts count too.
    Modifier(u32),
}

/// What the text says of the trigger's event: denied (negated or conditional) or only planned
/// (modal, or under a verb of planning), on the trigger or up the chain of clauses it shares a
/// subject with.
fn modality(tree: &DependencyTree, guards: &super::triggers::TriggerFile, trigger: u32) -> Modality {
    let lemma_in_list = |word: u32, list: &str| guards.has_word(list, tree.lemma(word));
    let mut word = trigger;
    let mut modality = Modality::Stated;
    for _ in 0..MAX_REACH {
        for &c in tree.children(word) {
            match tree.label(c) {
                "advmod" if lemma_in_list(c, "negations") => return Modality::Denied,
                "aux" if lemma_in_list(c, "negations") => return Modality::Denied,
                "mark" if lemma_in_list(c, "conditions") => return Modality::Denied,
                // "Should X attack Y, ...": an auxiliary before its clause's subject in a sentence
                // that does not ask (questions give nothing anyway) makes the clause a condition.
                "aux" | "aux:pass"
                    if lemma_in_list(c, "inverted_conditions") && tree.children_labelled(word, "nsubj").any(|subject| c < subject) =>
                {
                    return Modality::Denied
                }
                "aux" if lemma_in_list(c, "modals") => modality = Modality::Planned,
                _ => {}
            }
        }
        match (tree.label(word), tree.head(word)) {
            ("xcomp", Some(head)) => {
                if lemma_in_list(head, "plans") {
                    modality = Modality::Planned;
                }
                word = head;
            }
            ("conj", Some(head)) => word = head,
            _ => break,
        }
    }
    modality
}

/// Whether a sentence says an event happened.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Modality {
    Stated,
    /// Will, may or is planned to happen: the edge says `status = planned`.
    Planned,
    /// Did not happen, or only under a condition, or asked about: no edge.
    Denied,
}

/// Drops the candidates of the other extractors whose trigger the tree shows denied ("did not
/// meet", "if they meet", a question), so that one policy holds for every relation.
pub fn drop_denied(doc: &DocView, found: &mut Vec<RelationCandidate>) {
    let guards = doc.ctx.resources.relations.file("guards");
    found.retain(|candidate| {
        let Ok(at) = doc.sentences.binary_search_by_key(&candidate.sentence, |view| view.index) else { return true };
        let view = &doc.sentences[at];
        let Some(tree) = &view.tree else { return true };
        if is_question(view) {
            return false;
        }
        tree.word_at(candidate.trigger.start).is_none_or(|word| modality(tree, guards, word) != Modality::Denied)
    });
}

#[cfg(test)]
mod tests {
    use crate::kinds::RelationKind;

    /// The MET, OPPOSES and LEADS relations the tree patterns read off `text`, as "source KIND target" with names.
    fn found(text: &str) -> Vec<String> {
        super::super::with_view(text, |doc| {
            let mut out = Vec::new();
            super::extract(doc, &mut out);
            let name = |entity: usize| doc.ctx.entities.get(entity).map_or("?", |e| e.name.as_str()).to_string();
            let mine = [RelationKind::Met, RelationKind::Opposes, RelationKind::Leads];
            let mut found: Vec<String> = out
                .iter()
                .filter(|r| mine.contains(&r.kind))
                .map(|r| format!("{} {} {}", name(r.source), r.kind, name(r.target)))
                .collect();
            found.sort();
            found.dedup();
            found
        })
    }

    #[test]
    fn arguments_from_the_tree() {
        let table: &[(&str, &[&str])] = &[
            // An inclusion list distributes.
            (
                "The Lima Workers Network denounced several groups, including the Andean Farmers Union.",
                &["Lima Workers Network OPPOSES Andean Farmers Union"],
            ),
            // A plural's apposition is a list.
            (
                "Two groups, the Andean Farmers Union and the Lima Workers Network, opposed the Peru plan for the border.",
                &["Andean Farmers Union OPPOSES Peru", "Lima Workers Network OPPOSES Peru"],
            ),
            // A purpose clause of a passive shares its subject.
            (
                "The Patriotic Defence Movement was formed in 2019 to fight the Liptako Brigade.",
                &["Patriotic Defence Movement OPPOSES Liptako Brigade"],
            ),
            // "each other", however the parse reads it, gives both directions.
            ("Chile and Bolivia fought each other for years.", &["Bolivia OPPOSES Chile", "Chile OPPOSES Bolivia"]),
            // A participle of naming gives its noun a name.
            ("Rosa Fuentes criticised a small union known as the Lima Workers Network.", &["Rosa Fuentes OPPOSES Lima Workers Network"]),
            ("Rosa Fuentes criticised a small union in Lima.", &[]),
            // A relative clause the parse hangs from the verb stands for the noun before it.
            (
                "Rosa Fuentes had read a column in the weekly Andean Times, which attacked several unions, including the Lima Workers Network.",
                &["Andean Times OPPOSES Lima Workers Network"],
            ),
            // A "she" in an embedded clause is the governing clause's subject (resolved by Topics).
            ("Rosa Fuentes taught law at the University of Lima, where she met Luis Quispe.", &["Rosa Fuentes MET Luis Quispe"]),
            // An inverted condition gives nothing.
            ("Should Chile attack Bolivia, Peru would send troops.", &[]),
            ("Chile attacked Bolivia, and Peru sent troops.", &["Chile OPPOSES Bolivia"]),
            // A delegation's place stands for its country only when the document names the country.
            ("A Chilean delegation arrived in Accra on Monday to discuss Ghana's debt.", &["Chile MET Ghana"]),
            ("A Chilean delegation arrived in Accra on Monday.", &[]),
        ];
        for (text, expected) in table {
            assert_eq!(found(text), *expected, "{text}");
        }
    }
}
