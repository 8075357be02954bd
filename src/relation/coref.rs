//! Arguments of one sentence, with the descriptions that stand for an
//! entity resolved:
//! - a title owned by a country or organization and no name ("Kenya’s
//!   president") is the person who holds that title there in a role phrase
//!   of the same document;
//! - "the resolution", "a draft resolution", "the proposal" is the one
//!   resolution the document names; when it names none, a [`Placeholder`]
//!   that the corpus merge ties to a resolution named elsewhere (by the
//!   adopting body and the date);
//! - "the mission", "the force", "the Kenya-led mission" is the one mission
//!   or force the document names; when it names none, a placeholder that
//!   the merge ties to the mission its leader leads.
//!
//! The words are in `data/relations/references.toml`.
//! Personal pronouns are resolved over the parse by [`super::antecedent::Topics`].
//! Known misses: "they", descriptions of people without a title ("the
//! lawyer"), and a document about two resolutions.

use super::roles::{self, RolePhrase};
use super::view::{Argument, EntityMention, SentenceView};
use crate::entity::Reference;
use crate::kinds::EntityKind;
use crate::mention::MentionSource;
use crate::relation::DocContext;
use crate::resources::triggers::ReferencePatterns;
use crate::span::Span;
use regex::Regex;
use std::collections::HashMap;
use std::sync::LazyLock;

/// An entity a document only describes; resolved at merge.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Placeholder {
    pub kind: EntityKind,
    /// The first description, for messages ("the resolution").
    pub description: String,
    pub reference: Reference,
}

/// What the whole document says that the descriptions of one sentence need.
pub struct DocReferences<'a> {
    patterns: &'a ReferencePatterns,
    /// The document's resolution: the one it names, or the one of several it reports adopted.
    pub named_resolution: Option<usize>,
    names_several_resolutions: bool,
    says_resolution: bool,
    /// The document's mission: the one it names, or the first of several.
    pub named_mission: Option<usize>,
    /// The leader of "the X-led mission" anywhere in the document.
    mission_leader: Option<usize>,
    /// The people of the document's role phrases by (organization, base
    /// title), for "Kenya’s president".
    role_holders: HashMap<(usize, String), Vec<usize>>,
    /// The people of the document's role phrases by base title, for "the president".
    title_holders: HashMap<String, Vec<usize>>,
    /// The document's countries by name, for a capital that acts.
    countries: HashMap<&'a str, usize>,
}

impl<'a> DocReferences<'a> {
    pub fn new(ctx: &DocContext<'a>, sentences: &[SentenceView]) -> DocReferences<'a> {
        let file = ctx.resources.relations.file("references");
        let patterns = &ctx.resources.relations.references;
        let resolutions: Vec<usize> = (0..ctx.entities.len()).filter(|&e| ctx.entities[e].kind == EntityKind::Resolution).collect();
        let missions: Vec<usize> = (0..ctx.entities.len()).filter(|&e| is_mission_like(ctx, file, e)).collect();
        let text = ctx.document.text.as_str();
        let mission_leader = sentences.iter().find_map(|view| {
            patterns.mission.find_iter(view.sentence_text()).find_map(|found| {
                let start = view.span.start + found.start() as u32;
                leader_before(view, start).or_else(|| led_by_after(view, start + found.len() as u32))
            })
        });
        let main = if resolutions.len() > 1 { adopted_here(sentences, &resolutions) } else { resolutions.first().copied() };
        DocReferences {
            named_resolution: main,
            names_several_resolutions: main.is_none() && resolutions.len() > 1,
            says_resolution: text.to_lowercase().contains("resolution"),
            // Of several, the one named first: the story's own ("X takes over from Y").
            named_mission: missions.iter().copied().min_by_key(|&e| ctx.entities[e].mentions.first().map(|&m| ctx.mentions[m].span.start)),
            mission_leader,
            role_holders: role_holders(sentences.iter().flat_map(|view| &view.roles)),
            title_holders: title_holders(sentences.iter().flat_map(|view| &view.roles)),
            countries: countries(ctx),
            patterns,
        }
    }
}

/// The people holding each (organization, base title) in `roles`, sorted and without repeats.
fn role_holders<'r>(roles: impl Iterator<Item = &'r RolePhrase>) -> HashMap<(usize, String), Vec<usize>> {
    let mut holders: HashMap<(usize, String), Vec<usize>> = HashMap::new();
    for role in roles {
        if let Some((organization, _)) = role.organization {
            holders.entry((organization, role.base_title.clone())).or_default().push(role.person.entity);
        }
    }
    for people in holders.values_mut() {
        people.sort_unstable();
        people.dedup();
    }
    holders
}

/// The people holding each base title in `roles`, whatever the organization, sorted and without repeats.
fn title_holders<'r>(roles: impl Iterator<Item = &'r RolePhrase>) -> HashMap<String, Vec<usize>> {
    let mut holders: HashMap<String, Vec<usize>> = HashMap::new();
    for role in roles {
        holders.entry(role.base_title.clone()).or_default().push(role.person.entity);
    }
    for people in holders.values_mut() {
        people.sort_unstable();
        people.dedup();
    }
    holders
}

/// The first country entity of each name.
fn countries<'a>(ctx: &DocContext<'a>) -> HashMap<&'a str, usize> {
    let mut countries = HashMap::new();
    for (idx, entity) in ctx.entities.iter().enumerate().filter(|(_, e)| e.kind == EntityKind::Country) {
        countries.entry(entity.name.as_str()).or_insert(idx);
    }
    countries
}

/// Of several resolutions a document names, the one it reports adopted
/// ("Resolution 2767 was adopted by 14 votes", "approved Resolution 2767"),
/// if only one is.
fn adopted_here(sentences: &[SentenceView], resolutions: &[usize]) -> Option<usize> {
    let mut adopted: Vec<usize> = Vec::new();
    for view in sentences {
        for mention in view.mentions.iter().filter(|m| resolutions.binary_search(&m.entity).is_ok()) {
            let after = view.after(mention.span.end).to_lowercase();
            let before = view.before(mention.span.start).to_lowercase();
            let passive = ADOPTED_AFTER.is_match(&after);
            let active = ADOPTED_BEFORE.is_match(&before);
            if (passive || active) && !adopted.contains(&mention.entity) {
                adopted.push(mention.entity);
            }
        }
    }
    match adopted.as_slice() {
        [one] => Some(*one),
        _ => None,
    }
}

/// "Resolution N was adopted", "... , adopted on".
static ADOPTED_AFTER: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^,?\s+(?:was\s+|is\s+|were\s+)?(?:unanimously\s+)?(?:adopted|approved|passed)\b").unwrap());
/// "adopted Resolution N".
static ADOPTED_BEFORE: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"\b(?:adopted|approved|passed)\s+$").unwrap());

/// Whether an organization of the document is a mission or force: its name
/// ends in a mission noun ("... Support Mission"), or a mention of it is
/// followed by one ("the MSS mission").
fn is_mission_like(ctx: &DocContext, file: &super::triggers::TriggerFile, entity: usize) -> bool {
    let local = &ctx.entities[entity];
    if local.kind != EntityKind::Organization {
        return false;
    }
    let nouns = file.words("mission_nouns");
    // "the CSM mission" names a mission; "a U.N. mission" (a known name) does not.
    let noun_after = |mention: usize| {
        if matches!(ctx.mentions[mention].source, crate::mention::MentionSource::Gazetteer { .. }) {
            return false;
        }
        let end = ctx.mentions[mention].span.end as usize;
        let after = crate::span::suffix(&ctx.document.text, end).trim_start_matches([')', ' ']);
        let word = after.split(|c: char| !c.is_alphabetic()).next().unwrap_or("");
        nouns.iter().any(|noun| word.eq_ignore_ascii_case(noun))
    };
    local.aliases.iter().chain([&local.name]).any(|name| names_a_mission(file, name)) || local.mentions.iter().any(|&m| noun_after(m))
}

/// Whether an organization's name is a mission's or a force's: it has a word
/// of `mission_name_words` ("... Support Mission in Somalia", "Operation
/// ..."), or "Force" after a word of `force_name_modifiers` ("Multinational
/// Force"; not "National Disaster Response Force" nor "Air Force").
pub fn names_a_mission(file: &super::triggers::TriggerFile, name: &str) -> bool {
    let words: Vec<&str> = name.split_whitespace().collect();
    words.iter().enumerate().any(|(idx, word)| {
        file.has_word("mission_name_words", word)
            || word.eq_ignore_ascii_case("force") && idx > 0 && file.has_word("force_name_modifiers", words[idx - 1])
    })
}

/// "Kenya" in "the Kenya-led mission", "the Kenyan-led force", "the Kenyan deployment".
fn leader_before(view: &SentenceView, start: u32) -> Option<usize> {
    let first_word_end = start + view.after(start).find(char::is_whitespace).unwrap_or(0) as u32;
    view.mentions
        .iter()
        .find(|m| {
            let right_after = view.slice(Span { start: first_word_end, end: m.span.start.max(first_word_end) }).trim().is_empty();
            m.span.start >= start && (view.after(m.span.end).starts_with("-led") || right_after && m.kind == EntityKind::Country)
        })
        .map(|m| m.entity)
}

/// "X" in "the mission, led by X" / "a force led by X".
fn led_by_after(view: &SentenceView, end: u32) -> Option<usize> {
    let after = view.after(end);
    let rest = after.trim_start_matches([',', ' ']).strip_prefix("led by ")?;
    let offset = end + (after.len() - rest.len()) as u32;
    view.mentions.iter().find(|m| m.span.start >= offset && m.span.start <= offset + 20 && m.kind == EntityKind::Country).map(|m| m.entity)
}

/// The arguments of sentence `view`: role phrases, descriptions, references
/// and the other mentions, in text order. New placeholders are appended to
/// `placeholders` (their entity index is `entities.len()` + position).
pub fn arguments(ctx: &DocContext, refs: &DocReferences, view: &SentenceView, placeholders: &mut Vec<Placeholder>) -> Vec<Argument> {
    let mut arguments: Vec<Argument> = Vec::new();
    for role in &view.roles {
        let argument = Argument { entity: role.person.entity, kind: EntityKind::Person, head: role.person.span, span: role.span };
        match arguments.iter_mut().find(|a| a.entity == argument.entity && a.span.overlaps(argument.span)) {
            Some(existing) => existing.span = existing.span.cover(argument.span),
            None => arguments.push(argument),
        }
    }
    let covered = |arguments: &[Argument], span: Span| arguments.iter().any(|a| a.span.overlaps(span));
    for &title in &view.titles {
        if covered(&arguments, title) {
            continue;
        }
        if let Some(argument) = described_person(ctx, refs, view, title).or_else(|| title_holder(ctx, refs, view, title)) {
            arguments.push(argument);
        }
    }
    for found in refs.patterns.resolution.find_iter(view.sentence_text()) {
        let span = Span::new(view.span.start as usize + found.start(), view.span.start as usize + found.end());
        let noun = found.as_str().rsplit(char::is_whitespace).next().unwrap_or("").to_lowercase();
        let weak = refs.patterns.weak_resolution_nouns.contains(&noun);
        if covered(&arguments, span)
            || view.mentions.iter().any(|m| m.span.overlaps(span))
            || refs.names_several_resolutions
            || (weak && !refs.says_resolution)
        {
            continue;
        }
        let entity = match refs.named_resolution {
            Some(entity) => entity,
            None => {
                let body = body_before(view, span);
                placeholder(ctx, placeholders, EntityKind::Resolution, found.as_str(), Reference::Resolution { body, date: None })
            }
        };
        arguments.push(Argument { entity, kind: EntityKind::Resolution, head: span, span });
    }
    for found in refs.patterns.mission.find_iter(view.sentence_text()) {
        let span = Span::new(view.span.start as usize + found.start(), view.span.start as usize + found.end());
        if covered(&arguments, span) {
            continue;
        }
        let leader = leader_before(view, span.start).or(refs.mission_leader);
        let entity = match (refs.named_mission, leader) {
            (Some(entity), _) => entity,
            (None, Some(leader)) => placeholder(ctx, placeholders, EntityKind::Organization, found.as_str(), Reference::Mission { leader }),
            (None, None) => continue,
        };
        // "the Kenya-led mission": the leader stays an argument of its own.
        let head_start = view.mentions.iter().find(|m| span.contains(m.span)).map_or(span.start, |m| {
            let after = view.after(m.span.end);
            m.span.end + (after.len() - after.trim_start_matches(|c: char| c == '-' || c.is_alphabetic()).len()) as u32
        });
        let head = Span { start: head_start.min(span.end), end: span.end };
        arguments.push(Argument { entity, kind: EntityKind::Organization, head, span: head });
    }
    // "the court", "the council": the organization named before with that word.
    for found in BACK_REFERENCE_NOUN.captures_iter(view.sentence_text()) {
        let whole = found.get(0).expect("match");
        let span = Span::new(view.span.start as usize + whole.start(), view.span.start as usize + whole.end());
        let noun = found[1].to_lowercase();
        let file = ctx.resources.relations.file("references");
        let named_after = view.after(span.end).trim_start().starts_with(|c: char| c.is_uppercase());
        if covered(&arguments, span)
            || view.mentions.iter().any(|m| m.span.overlaps(span))
            || named_after
            || !(file.has_word("named_nouns", &noun) || file.has_word("argument_generic_nouns", &noun))
        {
            continue;
        }
        if let Some((entity, _)) = super::antecedent::resolve(ctx, &noun, span.start, view.index) {
            arguments.push(Argument { entity, kind: EntityKind::Organization, head: span, span });
        }
    }
    let institutions = ctx.resources.relations.file("references");
    for mention in &view.mentions {
        // "the Kenyan police" is an institution of the country, not the country.
        let next_word = view.after(mention.span.end).split_whitespace().next().unwrap_or("").trim_matches(|c: char| !c.is_alphabetic());
        if mention.demonym && institutions.has_word("institution_nouns", next_word) {
            continue;
        }
        if covered(&arguments, mention.span) {
            continue;
        }
        if let Some(country) = capital_acting_for(ctx, refs, view, mention) {
            arguments.push(Argument { entity: country, kind: EntityKind::Country, head: mention.span, span: mention.span });
            continue;
        }
        // "the International Federation of ... (IFRC)": the acronym after its name is the same argument.
        if let Some(last) = arguments.last_mut().filter(|a| a.entity == mention.entity && view.between(a.span, mention.span) == " (") {
            last.span = last.span.cover(mention.span);
            if view.after(mention.span.end).starts_with(')') {
                last.span.end += 1;
            }
            continue;
        }
        arguments.push(Argument { entity: mention.entity, kind: mention.kind, head: mention.span, span: mention.span });
    }
    arguments.sort_by_key(|a| (a.span.start, a.span.end));
    arguments
}

/// The country a capital stands for when it acts ("Moscow abstained",
/// "Beijing has said", "criticised Ankara"), if the document names that
/// country too; words in `data/relations/references.toml`.
fn capital_acting_for(ctx: &DocContext, refs: &DocReferences, view: &SentenceView, mention: &EntityMention) -> Option<usize> {
    let MentionSource::Gazetteer { entry, demonym: false } = ctx.mentions[mention.mention].source else { return None };
    let place = ctx.resources.gazetteer.entry(entry);
    let country = place.country.as_deref().filter(|_| place.capital)?;
    let file = ctx.resources.relations.file("references");
    let word = |w: &str| w.trim_matches(|c: char| !c.is_alphabetic() && c != '-').to_lowercase();
    let mut after = view.after(mention.span.end).split_whitespace().map(word);
    let verb = match after.next() {
        Some(first) if file.has_word("capital_auxiliaries", &first) => after.next(),
        first => first,
    };
    // "Moscow and Beijing abstained": a capital listed before another acting one acts too.
    let listed_with_acting = || {
        let next = view.mentions.iter().find(|m| m.span.start > mention.span.end)?;
        matches!(view.between(mention.span, next.span), " and " | ", " | ", and ")
            .then(|| capital_acting_for(ctx, refs, view, next))
            .flatten()
    };
    let subject = !view.after(mention.span.end).starts_with([',', '\'', '’']) && verb.is_some_and(|v| file.has_word("capital_verbs", &v))
        || listed_with_acting().is_some();
    let object =
        view.before(mention.span.start).split_whitespace().next_back().is_some_and(|w| file.has_word("capital_object_verbs", &word(w)));
    if !(subject || object) {
        return None;
    }
    refs.countries.get(country).copied()
}

/// "it" as a subject: "Britain said it would give ..." is the country or organization that said
/// it, else the one opening the sentence (personal pronouns are [`super::antecedent::Topics`]).
pub fn add_it_subjects(ctx: &DocContext, view: &SentenceView, arguments: &mut Vec<Argument>) {
    let text = view.sentence_text();
    let mut added: Vec<Argument> = Vec::new();
    for found in IT_SUBJECT.captures_iter(text) {
        let pronoun = found.get(1).expect("pronoun group");
        let span = Span::new(view.span.start as usize + pronoun.start(), view.span.start as usize + pronoun.end());
        let found = found.get(0).expect("match");
        if view.in_quotes(span) || arguments.iter().chain(&added).any(|a| a.span.overlaps(span)) {
            continue;
        }
        let sayer = is_reported(found.as_str())
            .then(|| {
                arguments
                    .iter()
                    .rev()
                    .find(|a| a.span.end <= span.start && matches!(a.kind, EntityKind::Country | EntityKind::Organization))
                    .map(|a| a.entity)
            })
            .flatten();
        let entity = sayer.or_else(|| super::antecedent::opening_owner(ctx, span.start, view.index).map(|(entity, _)| entity));
        if let Some(entity) = entity {
            added.push(Argument { entity, kind: ctx.entities[entity].kind, head: span, span });
        }
    }
    arguments.extend(added);
    arguments.sort_by_key(|a| (a.span.start, a.span.end));
}

/// Whether a pronoun match opens reported speech ("said he", "saying it", "that she").
fn is_reported(found: &str) -> bool {
    found.split_whitespace().next().is_some_and(|w| matches!(w, "said" | "saying" | "that"))
}

/// "the court", "the commission": a lowercase organization noun after "the".
static BACK_REFERENCE_NOUN: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\b[Tt]he\s+(?:[\d]+-[a-z]+\s+|[a-z]+-[a-z]+\s+)?([a-z]+)\b").unwrap());

/// "it would", "it has" after "said" or at a clause start: a country or organization as subject.
static IT_SUBJECT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:^|[;,]\s+(?:and\s+|but\s+)?|\bsaid\s+|\bsaying\s+|\bthat\s+)([Ii]t)\s+(?:would|will|had|has|was|is|could|plans|planned|intends|wants|also)\b").unwrap()
});

/// "Kenya’s president": the person holding that title there, named in a
/// role phrase of this document; when the document names nobody for it,
/// the country or organization itself ("Congo's foreign minister and her
/// Rwandan counterpart signed ..." is Congo and Rwanda).
fn described_person(ctx: &DocContext, refs: &DocReferences, view: &SentenceView, title: Span) -> Option<Argument> {
    let owner = view.mentions.iter().rev().find(|m| m.span.end <= title.start)?;
    let gap = view.between(owner.span, title);
    if !matches!(owner.kind, EntityKind::Country | EntityKind::Organization) || !roles::owns_title_across(gap) {
        return None;
    }
    // A capitalised word right after the title is a name we did not recognise: not a description.
    if view.after(title.end).trim_start().starts_with(char::is_uppercase) {
        return None;
    }
    let base = roles::base_title_of(ctx.resources, view.text, title);
    let people = refs.role_holders.get(&(owner.entity, base)).map_or(&[][..], Vec::as_slice);
    let span = owner.span.cover(title);
    Some(match people {
        [person] => Argument { entity: *person, kind: EntityKind::Person, head: span, span },
        _ => Argument { entity: owner.entity, kind: owner.kind, head: owner.span, span },
    })
}

/// "the president", "the minister" with no owner and no name: the one person the document's role
/// phrases give that title, if exactly one ("President Ama Mensah ... the president said").
fn title_holder(ctx: &DocContext, refs: &DocReferences, view: &SentenceView, title: Span) -> Option<Argument> {
    let before = view.before(title.start).trim_end();
    let article = before.rsplit(char::is_whitespace).next().is_some_and(|w| w.eq_ignore_ascii_case("the"));
    let next = view.after(title.end).split_whitespace().next().unwrap_or("");
    // A name, an owner ("of Peru") or a noun ("the president's office") after it: not a bare description.
    if !article
        || next.starts_with(char::is_uppercase)
        || matches!(next, "of" | "for" | "at" | "to" | "in")
        || view.after(title.end).starts_with(['\'', '’'])
    {
        return None;
    }
    // "the new president", "the former minister": another holder than the one the document names.
    let guards = ctx.resources.relations.file("guards");
    if title.text(view.text).split_whitespace().any(|word| guards.has_word("other_holders", word)) {
        return None;
    }
    let base = roles::base_title_of(ctx.resources, view.text, title);
    match refs.title_holders.get(&base).map(Vec::as_slice) {
        Some(&[person]) => {
            let span = Span { start: view.span.start + (before.len() - "the".len()) as u32, end: title.end };
            Some(Argument { entity: person, kind: EntityKind::Person, head: span, span })
        }
        _ => None,
    }
}

/// The organization named right before "resolution" ("a Security Council
/// resolution") or right after it ("a draft resolution for the Security Council").
fn body_before(view: &SentenceView, span: Span) -> Option<usize> {
    let inside = view.mentions.iter().find(|m| span.contains(m.span) && m.kind == EntityKind::Organization);
    let after = view.mentions.iter().find(|m| {
        m.kind == EntityKind::Organization
            && m.span.start > span.end
            && matches!(view.between(span, m.span), " for the " | " of the " | " by the ")
    });
    inside.or(after).map(|m| m.entity)
}

/// The document's placeholder for `reference`, created on first use. All
/// resolution descriptions of a document share one placeholder, and so do
/// all mission descriptions with the same leader.
fn placeholder(ctx: &DocContext, placeholders: &mut Vec<Placeholder>, kind: EntityKind, description: &str, reference: Reference) -> usize {
    let same = |existing: &Placeholder| match (&existing.reference, &reference) {
        (Reference::Resolution { .. }, Reference::Resolution { .. }) => true,
        (Reference::Mission { leader: a }, Reference::Mission { leader: b }) => a == b,
        _ => false,
    };
    let idx = match placeholders.iter().position(same) {
        Some(idx) => {
            // A later description may name the body the first one did not.
            if let (Reference::Resolution { body: body @ None, .. }, Reference::Resolution { body: Some(new), .. }) =
                (&mut placeholders[idx].reference, &reference)
            {
                *body = Some(*new);
            }
            idx
        }
        None => {
            placeholders.push(Placeholder { kind, description: description.to_string(), reference });
            placeholders.len() - 1
        }
    };
    ctx.entities.len() + idx
}

#[cfg(test)]
mod tests {
    use crate::relation::view::DocView;
    use crate::relation::with_view;

    /// Every argument of the sentence containing `marker`, as (quoted text, entity name).
    fn arguments(text: &str, marker: &str) -> Vec<(String, String)> {
        with_view(text, |doc: &DocView| {
            let view = doc.sentences.iter().find(|v| v.sentence_text().contains(marker)).expect("the marked sentence");
            view.arguments.iter().map(|a| (view.slice(a.span).to_string(), doc.ctx.entities[a.entity].name.clone())).collect()
        })
    }

    #[test]
    fn pronouns_and_back_references_stand_for_their_antecedent() {
        for (text, marker, quote, expected) in [
            ("Gabriel Boric said that he would meet Lula.", "would meet", "he", "Gabriel Boric"),
            ("Gabriel Boric flew to Lima. He met Lula there.", "met Lula", "He", "Gabriel Boric"),
            ("Ghana said it would send troops.", "send troops", "it", "Ghana"),
            ("The African Union met in Addis Ababa. The 55-member bloc backed the plan.", "backed", "The 55-member bloc", "African Union"),
            ("Russia and China objected. Moscow and Beijing abstained.", "abstained", "Moscow", "Russia"),
            ("Russia and China objected. Moscow and Beijing abstained.", "abstained", "Beijing", "China"),
            ("Greece criticised Ankara, and Turkey replied.", "criticised", "Ankara", "Turkey"),
            ("Turkey thanked Ruto, who visited Ankara on Monday.", "visited", "Ankara", "Ankara"),
            ("Moscow abstained.", "abstained", "Moscow", "Moscow"),
            ("President Ama Mensah arrived in Lima. The president met Tomas Berg there.", "met Tomas", "The president", "Ama Mensah"),
        ] {
            let found = arguments(text, marker);
            assert!(found.iter().any(|(q, name)| q == quote && name == expected), "{text}: {found:?}");
        }
        // "The new president" may be another than the president the document names.
        let new = "President Ama Mensah arrived in Lima. The new president met Tomas Berg there.";
        assert!(!arguments(new, "met Tomas").iter().any(|(q, _)| q.ends_with("president")), "{:?}", arguments(new, "met Tomas"));
        // Two presidents named: "the president" is left alone.
        let two = "President Ama Mensah met President Tomas Berg. The president thanked Rosa Fuentes.";
        assert!(!arguments(two, "thanked").iter().any(|(q, _)| q == "The president"));
    }
}
