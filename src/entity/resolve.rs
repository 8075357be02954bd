//! Resolving one document's mentions into entities.
//!
//! Mentions with the same merge key ([`super::keys`]) are one entity, and so
//! are linked mentions (an acronym and its expansion). Then each short form
//! finds its entity: an acronym or alias already seen, a person's surname
//! (in this document first, then anywhere in the corpus when unambiguous),
//! or an organization's head word ("the Council"). Short forms that find
//! nothing are dropped: a lone capitalised word is no evidence of a name.

use super::keys::{org_key, person_key};
use super::LocalEntity;
use crate::document::Document;
use crate::kinds::EntityKind;
use crate::mention::units::last_word;
use crate::mention::{Detection, Mention, MentionSource, PatternRule, ShortForm};
use crate::resources::Resources;
use crate::span::Span;
use crate::text::normalize_name;
use crate::text::{person_name, surname_key, surname_of};
use std::collections::{BTreeMap, BTreeSet, HashMap};

/// People named in full anywhere in the corpus, by surname key.
#[derive(Debug, Default)]
pub struct CorpusPeople {
    /// surname key -> full names (as written, the longest form per person key).
    by_surname: BTreeMap<String, BTreeMap<String, String>>,
}

impl CorpusPeople {
    pub fn add(&mut self, full_name: &str) {
        let name = person_name(full_name);
        if let Some(surname) = surname_of(&name) {
            let forms = self.by_surname.entry(surname).or_default();
            let current = forms.entry(person_key(&name)).or_insert_with(|| name.clone());
            if name.len() > current.len() {
                *current = name;
            }
        }
    }

    /// The one person with this surname, if exactly one.
    pub fn unique(&self, surname: &str) -> Option<&str> {
        let forms = self.by_surname.get(&surname_key(surname))?;
        (forms.len() == 1).then(|| forms.values().next().expect("one").as_str())
    }
}

/// One document's mentions, entities, and the mention -> entity map.
#[derive(Debug, Default)]
pub struct Resolved {
    pub mentions: Vec<Mention>,
    pub entities: Vec<LocalEntity>,
    pub mention_entity: Vec<usize>,
}

/// The canonical name and merge key of one mention.
fn name_and_key(resources: &Resources, text: &str, mention: &Mention) -> (String, String) {
    let surface = mention.span.text(text);
    let name = match mention.source {
        MentionSource::Gazetteer { entry, .. } => resources.gazetteer.entry(entry).name.clone(),
        MentionSource::Pattern(PatternRule::Resolution) => crate::mention::units::resolution_name(surface),
        _ if mention.kind == EntityKind::Person => person_name(surface),
        _ => surface.strip_prefix("the ").unwrap_or(surface).to_string(),
    };
    (name.clone(), entity_key(resources, mention.kind, &name))
}

/// The merge key of an entity of `kind` called `name`, shared by the
/// in-document and the cross-document merge.
pub fn entity_key(resources: &Resources, kind: EntityKind, name: &str) -> String {
    let key = match kind {
        EntityKind::Person => person_key(name),
        _ => org_key(resources, kind, name),
    };
    format!("{}:{key}", kind.as_str())
}

struct UnionFind(Vec<usize>);

impl UnionFind {
    fn find(&mut self, x: usize) -> usize {
        let mut root = x;
        while self.0[root] != root {
            root = self.0[root];
        }
        self.0[x] = root;
        root
    }

    fn union(&mut self, a: usize, b: usize) {
        let (ra, rb) = (self.find(a), self.find(b));
        if ra != rb {
            self.0[ra.max(rb)] = ra.min(rb);
        }
    }
}

/// Resolves the mentions of one document into entities.
pub fn resolve(resources: &Resources, document: &Document, detection: Detection, people: &CorpusPeople) -> Resolved {
    let text = document.text.as_str();
    let mut detection = detection;
    places_as_surnames(text, &mut detection);
    let mut mentions: Vec<Mention> =
        detection.mentions.into_iter().filter(|m| !detection.non_entities.contains(m.span.text(text))).collect();
    let mut names: Vec<(String, String)> = mentions.iter().map(|m| name_and_key(resources, text, m)).collect();

    // Short forms: surnames, acronyms and aliases seen before, head words.
    let mut alias_owner: BTreeMap<String, usize> = BTreeMap::new();
    for (idx, mention) in mentions.iter().enumerate() {
        alias_owner.entry(normalize_name(mention.span.text(text))).or_insert(idx);
    }
    // Surname key -> the first person with it, and whether every person with it is one person.
    let doc_people: BTreeMap<String, (usize, bool)> = {
        let mut by_surname: BTreeMap<String, (usize, bool)> = BTreeMap::new();
        for (idx, mention) in mentions.iter().enumerate() {
            if mention.kind == EntityKind::Person {
                if let Some(surname) = surname_of(&names[idx].0) {
                    let (first, one_person) = by_surname.entry(surname).or_insert((idx, true));
                    *one_person &= names[*first].1 == names[idx].1;
                }
            }
        }
        by_surname
    };
    let mut heads = HeadWords::default();
    for idx in 0..mentions.len() {
        heads.add(text, &mentions, &names, idx);
    }
    for short in &detection.short_forms {
        let word = short.span.text(text);
        if detection.non_entities.contains(word) {
            continue;
        }
        let short_mention = |kind| Mention {
            span: short.span,
            sentence: short.sentence,
            kind,
            source: MentionSource::Pattern(PatternRule::PersonShortForm),
        };
        let surname = surname_key(word);
        let resolved: Option<(Mention, (String, String))> = if let Some(&(owner, true)) = doc_people.get(&surname) {
            Some((short_mention(EntityKind::Person), names[owner].clone()))
        } else if let Some(&owner) = alias_owner.get(&normalize_name(word)).filter(|_| !short.titled) {
            let mut mention = short_mention(mentions[owner].kind);
            mention.source = MentionSource::Pattern(PatternRule::KnownName);
            Some((mention, names[owner].clone()))
        } else if let Some(full) = people.unique(word).filter(|_| !doc_people.contains_key(&surname)) {
            Some((short_mention(EntityKind::Person), (full.to_string(), entity_key(resources, EntityKind::Person, full))))
        } else if resources.lexicon.org_heads.contains(word) && !short.titled {
            heads.owner(word, short.span.start).map(|owner| {
                let mut mention = short_mention(EntityKind::Organization);
                mention.source = MentionSource::Pattern(PatternRule::KnownName);
                (mention, names[owner].clone())
            })
        } else if short.learned {
            // No fuller name to stand for: the recognizer's person stands on its own.
            let mut mention = short_mention(EntityKind::Person);
            mention.source = MentionSource::Pattern(PatternRule::LearnedName);
            Some((mention, name_and_key(resources, text, &mention)))
        } else {
            None
        };
        if let Some((mention, name_key)) = resolved {
            mentions.push(mention);
            names.push(name_key);
            heads.add(text, &mentions, &names, mentions.len() - 1);
        }
    }

    // Union by key and by links.
    let mut union = UnionFind((0..mentions.len()).collect());
    let mut first_with_key: BTreeMap<&str, usize> = BTreeMap::new();
    for (idx, (_, key)) in names.iter().enumerate() {
        match first_with_key.get(key.as_str()) {
            Some(&first) => union.union(first, idx),
            None => {
                first_with_key.insert(key, idx);
            }
        }
    }
    // "Silva Chau" after "Marisela Silva Chau": a multi-word tail of a fuller name.
    let person_words: Vec<Option<Vec<String>>> = mentions
        .iter()
        .zip(&names)
        .map(|(m, (name, _))| {
            (m.kind == EntityKind::Person)
                .then(|| name.split_whitespace().filter(|w| w.trim_end_matches('.').chars().count() > 1).map(normalize_name).collect())
        })
        .collect();
    // Every tail of two or more words of a fuller name: the first name with it, and the keys of all.
    let mut tails: HashMap<&[String], (usize, BTreeSet<&str>)> = HashMap::new();
    for (idx, words) in person_words.iter().enumerate() {
        let Some(words) = words else { continue };
        for skip in 1..words.len().saturating_sub(1) {
            tails.entry(&words[skip..]).or_insert_with(|| (idx, BTreeSet::new())).1.insert(names[idx].1.as_str());
        }
    }
    for (short_idx, short) in person_words.iter().enumerate() {
        let Some(short) = short.as_ref().filter(|w| w.len() >= 2) else { continue };
        if let Some((owner, fuller)) = tails.get(short.as_slice()) {
            if fuller.len() == 1 {
                union.union(*owner, short_idx);
            }
        }
    }
    let mut first_at: HashMap<Span, usize> = HashMap::new();
    for (idx, mention) in mentions.iter().enumerate() {
        first_at.entry(mention.span).or_insert(idx);
    }
    for (a, b) in &detection.links {
        if let (Some(&a), Some(&b)) = (first_at.get(a), first_at.get(b)) {
            union.union(a, b);
        }
    }

    // Groups in order of first mention.
    let mut order: Vec<usize> = (0..mentions.len()).collect();
    order.sort_by_key(|&i| (mentions[i].span.start, mentions[i].span.end));
    let mut group_entity: BTreeMap<usize, usize> = BTreeMap::new();
    let mut resolved = Resolved::default();
    let mut mention_entity_by_idx = vec![0; mentions.len()];
    for &idx in &order {
        let root = union.find(idx);
        let entity_idx = *group_entity.entry(root).or_insert_with(|| {
            resolved.entities.push(LocalEntity {
                kind: mentions[idx].kind,
                name: String::new(),
                aliases: BTreeSet::new(),
                mentions: Vec::new(),
                reference: None,
            });
            resolved.entities.len() - 1
        });
        mention_entity_by_idx[idx] = entity_idx;
    }
    for (new_idx, &idx) in order.iter().enumerate() {
        let entity = &mut resolved.entities[mention_entity_by_idx[idx]];
        entity.mentions.push(new_idx);
        entity.aliases.insert(mentions[idx].span.text(text).to_string());
    }
    let mut members_of: Vec<Vec<usize>> = vec![Vec::new(); resolved.entities.len()];
    for &idx in &order {
        members_of[mention_entity_by_idx[idx]].push(idx);
    }
    for (entity_idx, members) in members_of.into_iter().enumerate() {
        let entity = &mut resolved.entities[entity_idx];
        entity.kind = group_kind(&members.iter().map(|&i| mentions[i]).collect::<Vec<_>>());
        entity.name = canonical_name(entity.kind, &members.iter().map(|&i| (&mentions[i], names[i].0.as_str())).collect::<Vec<_>>());
        entity.aliases.insert(entity.name.clone());
    }
    resolved.mention_entity = order.iter().map(|&i| mention_entity_by_idx[i]).collect();
    resolved.mentions = order.iter().map(|&i| mentions[i]).collect();
    resolved
}

/// "Salvador said" after "María Isabel Salvador": a one-word place that is
/// the surname of a person named in this document is that person (a short
/// form), not the place.
fn places_as_surnames(text: &str, detection: &mut Detection) {
    let surnames: BTreeSet<String> =
        detection.mentions.iter().filter(|m| m.kind == EntityKind::Person).filter_map(|m| surname_of(m.span.text(text))).collect();
    let is_surname = |m: &Mention| {
        matches!(m.source, MentionSource::Gazetteer { demonym: false, .. })
            && m.kind == EntityKind::Location
            && !m.span.text(text).contains(char::is_whitespace)
            && surnames.contains(&surname_key(m.span.text(text)))
    };
    let (surnames_found, kept): (Vec<Mention>, Vec<Mention>) = detection.mentions.iter().partition(|m| is_surname(m));
    detection.mentions = kept;
    detection.short_forms.extend(surnames_found.into_iter().map(|m| ShortForm {
        span: m.span,
        sentence: m.sentence,
        titled: false,
        honorific: false,
        learned: false,
    }));
}

/// The organizations of a document by the last word of their name or of
/// their mention, so that a head word ("Council", "Herald") finds the one it
/// refers to: the last one before it whose name ends in that word, else the
/// first one.
#[derive(Default)]
struct HeadWords {
    /// Last word -> the first organization with it, and all of them by (start, index).
    by_word: HashMap<String, (usize, BTreeSet<(u32, usize)>)>,
}

impl HeadWords {
    fn add(&mut self, text: &str, mentions: &[Mention], names: &[(String, String)], idx: usize) {
        let mention = &mentions[idx];
        if mention.kind != EntityKind::Organization {
            return;
        }
        let name_word = last_word(&names[idx].0);
        let surface_word = last_word(mention.span.text(text));
        let words = if name_word == surface_word { vec![name_word] } else { vec![name_word, surface_word] };
        for word in words {
            let (_, by_start) = self.by_word.entry(word.to_string()).or_insert_with(|| (idx, BTreeSet::new()));
            by_start.insert((mention.span.start, idx));
        }
    }

    fn owner(&self, word: &str, position: u32) -> Option<usize> {
        let (first, by_start) = self.by_word.get(word)?;
        by_start.range(..(position, 0)).next_back().map(|&(_, idx)| idx).or(Some(*first))
    }
}

/// The kind of an entity: a gazetteer's word beats a pattern's; otherwise the most frequent.
fn group_kind(members: &[Mention]) -> EntityKind {
    if let Some(m) = members.iter().find(|m| matches!(m.source, MentionSource::Gazetteer { .. })) {
        return m.kind;
    }
    let mut counts: BTreeMap<EntityKind, usize> = BTreeMap::new();
    for m in members {
        *counts.entry(m.kind).or_default() += 1;
    }
    counts.into_iter().max_by_key(|(kind, count)| (*count, std::cmp::Reverse(*kind))).map(|(k, _)| k).expect("non-empty group")
}

/// The canonical name: the gazetteer's name; else the fullest written form
/// (most words, not an acronym), ties to the most frequent, then the first.
pub fn canonical_name(kind: EntityKind, members: &[(&Mention, &str)]) -> String {
    if let Some((_, name)) = members.iter().find(|(m, _)| matches!(m.source, MentionSource::Gazetteer { demonym: false, .. })) {
        return name.to_string();
    }
    if let Some((_, name)) = members.iter().find(|(m, _)| matches!(m.source, MentionSource::Gazetteer { .. })) {
        return name.to_string();
    }
    let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
    for (_, name) in members {
        *counts.entry(name).or_default() += 1;
    }
    let is_acronym = |name: &str| !name.chars().any(char::is_lowercase);
    let mut best: Option<(&str, (bool, usize, usize))> = None;
    for (_, name) in members {
        let score = (!is_acronym(name) || kind == EntityKind::Resolution, name.split_whitespace().count(), counts[name]);
        if best.is_none_or(|(_, best_score)| score > best_score) {
            best = Some((name, score));
        }
    }
    best.map(|(name, _)| name.to_string()).unwrap_or_default()
}
