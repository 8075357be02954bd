//! Role phrases: a person with a title and, usually, the country or
//! organization the title belongs to. They are what HOLDS_ROLE reports, and
//! they group a person's words into one relation argument for every other
//! extractor.
//!
//! Shapes found (title words come from `data/titles.txt`, with modifiers
//! from `data/title_modifiers.txt`):
//! - title before the name: "Kenya’s Defense Minister Aden Duale", "U.N.
//!   Secretary-General António Guterres", "Rwandan President Paul Kagame",
//!   "President of Ghana Ama Mensah";
//! - title, comma, name: "Haiti's foreign minister, Jean Victor Généus", "the
//!   U.S. assistant secretary of state for the Western Hemisphere, Brian Nichols";
//! - name, comma, apposition: "Todd Robinson, the assistant secretary of
//!   state for the Bureau of ...", "Monica Juma, Kenya’s former foreign
//!   minister who ...", "Laurent Uwumuremyi, the organisation’s country
//!   director" (the organization named last before the sentence).
//!
//! The organization is the possessor or modifier before the title ("Kenya’s
//! U.N. ambassador" -> Kenya), else the head of the title's complement
//! ("coordinator of the Haitian police union SYNAPOHA" -> SYNAPOHA; places
//! are skipped: "vice president for Latin America at the X Institute" -> the
//! institute). A title with neither has no organization.
//! Known misses: roles stated by verbs ("was appointed prime minister"),
//! titles not in the list, and a bare title whose country only the
//! context gives ("President Jovenel Moïse").

use super::antecedent;
use super::view::{EntityMention, SentenceView};
use crate::kinds::EntityKind;
use crate::relation::DocContext;
use crate::resources::Resources;
use crate::span::Span;
use regex::Regex;
use std::sync::LazyLock;

/// A person, a title, and the organization or country it is held in.
#[derive(Clone, Debug, PartialEq)]
pub struct RolePhrase {
    pub person: EntityMention,
    /// The entity the title belongs to, and where it is named (for "the
    /// organisation’s", the mention it refers back to).
    pub organization: Option<(usize, Span)>,
    /// The title words, with modifiers ("Acting Deputy Secretary of State").
    pub title: Span,
    /// The role as reported: title (and complement), in title case.
    pub role: String,
    /// The title from `titles.txt` without modifiers, lowercase ("president").
    pub base_title: String,
    /// Everything the phrase covers: organization, title, name, apposition.
    pub span: Span,
    pub rule: &'static str,
}

/// The text between an organization mention and the title it owns: a
/// possessive, a hyphenated participle ("UN-appointed"), or nothing.
/// After a possessive, up to two lowercase words may stand before the
/// title ("Egypt’s trade minister").
static OWNER_GAP: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(?:['’]s?\s+(?:[a-z][a-z-]*\s+){0,2}|['’]s?|(?:-[a-z]+)?\s*)$").unwrap());
/// "the organisation’s ", "its " right before a title (see [`super::antecedent`]).
static BACK_REFERENCE: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"(?i)\b(?:the\s+([a-z]+)['’]s|(its|whose))\s+$").unwrap());
/// A complement that is a back-reference: "a spokesman for the ministry".
static COMPLEMENT_BACK_REFERENCE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)^\s*(?:of|for|at|with|in)\s+the\s+([a-z]+)\s*$").unwrap());
/// Between a person and the title of its apposition, with `@` for each
/// country or organization mention.
static APPOSITION_GAP: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)^,\s+(?:who\s+(?:now\s+|also\s+|currently\s+)?(?:serves|served|is|was|has\s+been|had\s+been|became|works)\s+(?:as\s+)?)?(?:(?:the|a|an)\s+)?(?:(?:former|acting|deputy|senior|interim|then|current|outgoing|new)\s+)*(?:(?:@|the\s+[a-z]+['’]s|its|whose)(?:['’]s?|-[a-z]+)?\s+)*(?:(?:former|acting|deputy|senior|interim|then|current|outgoing|new)\s+)*(?:[a-z][a-z-]*\s+)?$",
    )
    .unwrap()
});
/// The lowercase rest of a portfolio list before the name: "[minister of
/// economy,] planning and cooperation, ", "[commissioner for political
/// affairs,] peace and security, ".
static PORTFOLIO_REST: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(?:[a-z]+(?: [a-z]+)?, )*[a-z]+(?: [a-z]+)? and [a-z]+(?: [a-z]+)?,\s*$").unwrap());
/// "of Ghana " between a title and a name.
static OF_OWNER_GAP: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"(?i)^\s+(?:of|for)\s+(?:the\s+)?@\s+$").unwrap());
/// Prepositions that open a title's complement.
const COMPLEMENT_PREPOSITIONS: &[&str] = &["of", "for", "at", "to", "with", "in", "on"];
/// Words that end a title's complement.
const COMPLEMENT_ENDS: &[&str] = &["who", "which", "that", "said", "says", "told", "and", "–", "—"];
/// The most words a complement may have.
const MAX_COMPLEMENT_WORDS: usize = 12;

/// Title phrases of one sentence, outside mentions, each extended over the
/// modifiers right before it ("Senior Assistant Inspector General of Police").
pub fn find_titles(resources: &Resources, view: &SentenceView) -> Vec<Span> {
    let text = view.text;
    let mut titles = Vec::new();
    for (span, _) in resources.lexicon.find_titles(text, view.span) {
        if view.mentions.iter().any(|m| m.span.overlaps(span)) {
            continue;
        }
        let mut start = span.start as usize;
        loop {
            let before = crate::span::slice(text, view.span.start as usize, start).trim_end();
            let last_space = before.char_indices().rev().find(|(_, c)| c.is_whitespace()).map(|(i, c)| i + c.len_utf8());
            let Some(word_start) = last_space.or((!before.is_empty()).then_some(0)) else {
                break;
            };
            let word_start = view.span.start as usize + word_start;
            let word = crate::span::slice(text, word_start, view.span.start as usize + before.len());
            if resources.lexicon.title_modifiers.contains(word) {
                start = word_start;
            } else {
                break;
            }
        }
        titles.push(Span::new(start, span.end as usize));
    }
    titles
}

/// The role phrases of one sentence.
pub fn find(ctx: &DocContext, view: &SentenceView) -> Vec<RolePhrase> {
    let mut found: Vec<RolePhrase> = Vec::new();
    for &title in &view.titles {
        let owner = owner_before(ctx, view, title);
        let phrase = title_before_name(view, title, owner)
            .or_else(|| title_comma_name(ctx, view, title, owner))
            .or_else(|| apposition(ctx, view, title));
        if let Some(mut phrase) = phrase {
            phrase.base_title = base_title_of(ctx.resources, view.text, title);
            found.push(phrase);
        }
    }
    // "X met her Vietnamese counterpart, Y": Y holds X's title in Vietnam.
    for idx in 0..found.len() {
        if found[idx].base_title == COUNTERPART {
            if let Some(other) =
                found.iter().find(|other| other.base_title != COUNTERPART && other.person.entity != found[idx].person.entity)
            {
                let (role, base_title) = (other.role.clone(), other.base_title.clone());
                found[idx].role = role;
                found[idx].base_title = base_title;
            }
        }
    }
    found
}

/// The title that stands for another person's title ("her counterpart").
const COUNTERPART: &str = "counterpart";

/// "Kenya President William Ruto", "President of Ghana Ama Mensah".
fn title_before_name(view: &SentenceView, title: Span, owner: Option<(usize, Span, u32)>) -> Option<RolePhrase> {
    let person = view.mention_after(title.end).filter(|m| m.kind == EntityKind::Person)?;
    let gap = view.between(title, person.span);
    let of_owner = view
        .mentions
        .iter()
        .find(|m| title.end < m.span.start && m.span.end < person.span.start && is_owner_kind(m.kind))
        .filter(|m| OF_OWNER_GAP.is_match(&masked(view, Span { start: title.end, end: person.span.start }, &[**m])));
    if !gap.trim().is_empty() && of_owner.is_none() {
        return None;
    }
    // "Ambassador Fatmata Kamara of Sierra Leone": the owner after the name.
    let owner_after = view
        .mention_after(person.span.end)
        .filter(|m| is_owner_kind(m.kind) && matches!(view.between(person.span, m.span), " of " | " of the "))
        .filter(|_| owner.is_none() && of_owner.is_none());
    Some(RolePhrase {
        person: *person,
        organization: owner
            .map(|(entity, span, _)| (entity, span))
            .or(of_owner.map(|m| (m.entity, m.span)))
            .or(owner_after.map(|m| (m.entity, m.span))),
        title,
        role: role_text(view, owner.map(|(_, _, start)| start), title, None),
        base_title: String::new(),
        span: Span { start: owner.map_or(title.start, |(_, _, start)| start), end: owner_after.map_or(person.span.end, |m| m.span.end) },
        rule: "holds_role.title_before_name",
    })
}

/// "Haiti's foreign minister, Jean Victor Généus", "UNICEF’s representative
/// in Haiti, Bruno Maes", "the U.S. assistant secretary of state for the
/// Western Hemisphere, Brian Nichols": an owner or an article before the title.
fn title_comma_name(ctx: &DocContext, view: &SentenceView, title: Span, owner: Option<(usize, Span, u32)>) -> Option<RolePhrase> {
    if owner.is_none() && !ends_with_article(view.before(title.start)) {
        return None;
    }
    let complement = complement_span(view, title);
    let comma = view.after(complement.end);
    let rest = comma.strip_prefix(',')?;
    let after_comma = complement.end + 1 + (rest.len() - rest.trim_start().len()) as u32;
    // The name may follow the rest of a portfolio ("for Investments, Trade and
    // Industry, X") or its own title ("her Emirati counterpart, Minister of
    // State Y", "the bloc’s envoy, Thai diplomat Z").
    let person = view.mentions.iter().find(|m| m.span.start >= after_comma && m.kind == EntityKind::Person)?;
    let gap = Span { start: after_comma, end: person.span.start };
    let rest_of_portfolio = !complement.is_empty() && PORTFOLIO_REST.is_match(view.slice(gap));
    if !rest_of_portfolio && !names_only_title_words(view, gap) {
        return None;
    }
    let head = complement_head(view, complement);
    let organization = owner
        .map(|(entity, span, _)| (entity, span))
        .or(head.map(|m| (m.entity, m.span)))
        .or_else(|| complement_back_reference(ctx, view, complement));
    let role_complement = (owner.is_some() || head.is_none()).then_some(complement).filter(|c| !c.is_empty());
    Some(RolePhrase {
        person: *person,
        organization,
        title,
        role: role_text(view, owner.map(|(_, _, start)| start), title, role_complement),
        base_title: String::new(),
        span: Span { start: owner.map_or(title.start, |(_, _, start)| start), end: person.span.end },
        rule: "holds_role.title_comma_name",
    })
}

/// "Todd Robinson, the assistant secretary of state for the Bureau of ...",
/// "Monica Juma, Kenya’s former foreign minister", "Laurent Uwumuremyi, the
/// organisation’s country director".
fn apposition(ctx: &DocContext, view: &SentenceView, title: Span) -> Option<RolePhrase> {
    // The person is the nearest one before the title with only owners between.
    let before: Vec<&EntityMention> = view.mentions.iter().filter(|m| m.span.end <= title.start).collect();
    let person_at = before.iter().rposition(|m| !is_owner_kind(m.kind))?;
    let person = *before[person_at];
    if person.kind != EntityKind::Person {
        return None;
    }
    let gap_span = Span { start: person.span.end, end: title.start };
    let inside: Vec<EntityMention> = before[person_at + 1..].iter().map(|m| **m).collect();
    if !APPOSITION_GAP.is_match(&masked(view, gap_span, &inside)) {
        return None;
    }
    let complement = complement_span(view, title);
    let head = complement_head(view, complement);
    let back_reference = back_reference_before(ctx, view, title).map(|(entity, span, _)| (entity, span));
    let organization = inside
        .first()
        .map(|m| (m.entity, m.span))
        .or(back_reference)
        .or(head.map(|m| (m.entity, m.span)))
        .or_else(|| complement_back_reference(ctx, view, complement));
    let owner_start = inside.first().map(|m| m.span.start);
    let role_complement = complement_without(complement, head.filter(|_| inside.is_empty()));
    Some(RolePhrase {
        person,
        organization,
        title,
        role: role_text(view, owner_start, title, role_complement),
        base_title: String::new(),
        span: Span { start: person.span.start, end: complement.end.max(title.end) },
        rule: "holds_role.apposition",
    })
}

/// Whether `span` holds only capitalised words, countries and
/// organizations, title words and connectors (at most [`MAX_COMPLEMENT_WORDS`]).
fn names_only_title_words(view: &SentenceView, span: Span) -> bool {
    let mut position = span.start;
    let mut words = 0;
    while position < span.end {
        let rest = view.slice(Span { start: position, end: span.end });
        let trimmed = rest.trim_start_matches(|c: char| c.is_whitespace() || c == ',');
        if trimmed.is_empty() {
            return true;
        }
        let start = position + (rest.len() - trimmed.len()) as u32;
        let covered = view.mentions.iter().map(|m| m.span).chain(view.titles.iter().copied()).find(|s| s.start <= start && start < s.end);
        if let Some(covered) = covered {
            if covered.end > span.end
                || !matches!(
                    view.mentions.iter().find(|m| m.span == covered).map(|m| m.kind),
                    None | Some(EntityKind::Country | EntityKind::Organization)
                )
            {
                return false;
            }
            position = covered.end;
        } else {
            let word = trimmed.split(|c: char| c.is_whitespace() || c == ',').next().unwrap_or_default();
            if !(word.starts_with(char::is_uppercase) || matches!(word, "of" | "for" | "and" | "the" | "on")) {
                return false;
            }
            position = start + word.len() as u32;
        }
        words += 1;
        if words > MAX_COMPLEMENT_WORDS {
            return false;
        }
    }
    true
}

/// The complement as part of the role, unless it is empty or holds the owner.
fn complement_without(complement: Span, owner: Option<EntityMention>) -> Option<Span> {
    (!complement.is_empty() && owner.is_none_or(|owner| !complement.contains(owner.span))).then_some(complement)
}

/// Whether `gap` may stand between an owner and its title ("’s trade ", " ").
pub fn owns_title_across(gap: &str) -> bool {
    OWNER_GAP.is_match(gap)
}

fn is_owner_kind(kind: EntityKind) -> bool {
    matches!(kind, EntityKind::Country | EntityKind::Organization)
}

/// The organization or country that owns `title` from before it: the
/// possessor of a chain ("Kenya’s U.N. ambassador" -> Kenya), with where
/// the phrase starts; or what "the organisation’s" or "its" refers back to.
fn owner_before(ctx: &DocContext, view: &SentenceView, title: Span) -> Option<(usize, Span, u32)> {
    let mut owner: Option<&EntityMention> = None;
    let mut next_start = title.start;
    for mention in view.mentions.iter().rev().filter(|m| m.span.end <= title.start) {
        let gap = view.slice(Span { start: mention.span.end, end: next_start });
        let possessive_or_adjacent =
            if owner.is_none() { OWNER_GAP.is_match(gap) } else { gap.starts_with(['\'', '’']) && OWNER_GAP.is_match(gap) };
        if !is_owner_kind(mention.kind) || !possessive_or_adjacent {
            break;
        }
        owner = Some(mention);
        next_start = mention.span.start;
    }
    if let Some(owner) = owner {
        return Some((owner.entity, owner.span, owner.span.start));
    }
    back_reference_before(ctx, view, title)
}

/// "the ministry’s spokesman", "its ambassador": the entity referred back
/// to, where it is named, and where the phrase starts.
fn back_reference_before(ctx: &DocContext, view: &SentenceView, title: Span) -> Option<(usize, Span, u32)> {
    let before = view.before(title.start);
    let captures = BACK_REFERENCE.captures(before)?;
    let word = captures.get(1).or(captures.get(2))?.as_str().to_lowercase();
    let start = view.span.start + captures.get(0)?.start() as u32;
    let (entity, span) = antecedent::resolve(ctx, &word, start, view.index)?;
    Some((entity, span, start))
}

/// "a spokesman for the ministry": the organization the complement refers back to.
fn complement_back_reference(ctx: &DocContext, view: &SentenceView, complement: Span) -> Option<(usize, Span)> {
    let noun = COMPLEMENT_BACK_REFERENCE.captures(view.slice(complement))?.get(1)?.as_str().to_lowercase();
    antecedent::resolve(ctx, &noun, complement.start, view.index)
}

/// The title's complement: a preposition and the words up to a comma, a
/// clause word or the sentence end (at most [`MAX_COMPLEMENT_WORDS`]
/// words); a mention counts as one word and never ends it.
fn complement_span(view: &SentenceView, title: Span) -> Span {
    let empty = Span { start: title.end, end: title.end };
    let after = view.after(title.end);
    let first = after.split_whitespace().next().unwrap_or("").to_lowercase();
    if !COMPLEMENT_PREPOSITIONS.contains(&first.as_str()) {
        return empty;
    }
    let mut position = title.end;
    let mut end = title.end;
    let mut words = 0;
    while words < MAX_COMPLEMENT_WORDS {
        let rest = view.after(position);
        let skipped = rest.len() - rest.trim_start().len();
        let start = position + skipped as u32;
        if let Some(mention) = view.mentions.iter().find(|m| m.span.start == start) {
            // "(MSF)" right after a name belongs to it.
            let tail = view.after(mention.span.end);
            let acronym = view.mentions.iter().find(|m| tail.starts_with(" (") && m.span.start == mention.span.end + 2);
            position = acronym.map_or(mention.span.end, |a| a.span.end + view.after(a.span.end).starts_with(')') as u32);
            end = position;
            words += 1;
            continue;
        }
        let (word, after_word) = rest.trim_start().split_once(char::is_whitespace).unwrap_or((rest.trim_start(), ""));
        // "for West and Central Africa" goes on; "for Africa and said" ends.
        let next_capitalised = after_word.trim_start().starts_with(char::is_uppercase);
        if word.is_empty() || words > 0 && COMPLEMENT_ENDS.contains(&word.to_lowercase().as_str()) && !(word == "and" && next_capitalised) {
            break;
        }
        if let Some(stop) = word.find([',', ';', '(', ')', '.', '“', '"', ':', '–', '—']) {
            end = start + stop as u32;
            break;
        }
        position = start + word.len() as u32;
        end = position;
        words += 1;
    }
    if end <= title.end {
        return empty;
    }
    Span { start: title.end, end }
}

/// The country or organization a complement names: the last mention of its
/// first noun phrase that has one, skipping places ("for Latin America at
/// the X" -> X; "of the Haitian police union SYNAPOHA" -> SYNAPOHA).
fn complement_head(view: &SentenceView, complement: Span) -> Option<EntityMention> {
    if complement.is_empty() {
        return None;
    }
    let mentions: Vec<EntityMention> = view.mentions.iter().filter(|m| complement.contains(m.span)).copied().collect();
    let mut phrase_head: Option<EntityMention> = None;
    let mut position = complement.start;
    for mention in &mentions {
        let gap = view.slice(Span { start: position, end: mention.span.start });
        let breaks =
            position > complement.start && gap.split_whitespace().any(|w| COMPLEMENT_PREPOSITIONS.contains(&w.to_lowercase().as_str()));
        if breaks && phrase_head.is_some() {
            break;
        }
        if is_owner_kind(mention.kind) {
            phrase_head = Some(*mention);
        }
        position = mention.span.end;
    }
    phrase_head
}

/// `text[span]` with each of `mentions` replaced by `@`.
fn masked(view: &SentenceView, span: Span, mentions: &[EntityMention]) -> String {
    let mut out = String::new();
    let mut position = span.start;
    for mention in mentions.iter().filter(|m| span.contains(m.span)) {
        out.push_str(view.slice(Span { start: position, end: mention.span.start }));
        out.push('@');
        position = mention.span.end;
    }
    out.push_str(view.slice(Span { start: position, end: span.end }));
    out
}

fn ends_with_article(text: &str) -> bool {
    let last = text.split_whitespace().last().unwrap_or("");
    text.trim().is_empty() || matches!(last.to_lowercase().as_str(), "the" | "a" | "an")
}

/// The lexicon title inside `title`, without modifiers, lowercase.
pub fn base_title_of(resources: &Resources, text: &str, title: Span) -> String {
    resources.lexicon.find_titles(text, title).last().map(|(_, name)| name.to_string()).unwrap_or_else(|| title.text(text).to_lowercase())
}

/// The role as reported: any mentions between the owner and the title
/// ("U.N. ambassador"), the title, and a complement that is not the owner,
/// in title case ("Assistant Secretary of State for the Western Hemisphere").
fn role_text(view: &SentenceView, owner_start: Option<u32>, title: Span, complement: Option<Span>) -> String {
    let mut start = title.start;
    if let Some(owner_start) = owner_start {
        // Include modifier mentions after the possessor: "Kenya's U.N. ambassador" -> "U.N. ambassador".
        let possessor_end = view.mentions.iter().find(|m| m.span.start == owner_start).map_or(title.start, |m| m.span.end);
        let modifiers =
            view.mentions.iter().filter(|m| m.span.start > possessor_end && m.span.end <= title.start).map(|m| m.span.start).min();
        start = modifiers.unwrap_or(title.start);
    }
    let end = complement.map_or(title.end, |c| c.end.max(title.end));
    title_case(view.slice(Span { start, end }).trim())
}

/// Title case for a role: every word capitalised (each part of a
/// hyphenated one too) except short function words after the first;
/// acronyms and mixed-case words ("U.N.", "DeLaurentis") are kept.
pub fn title_case(role: &str) -> String {
    const SMALL: &[&str] = &["of", "for", "the", "and", "to", "at", "in", "on", "with", "a", "an"];
    let words: Vec<String> = role
        .split_whitespace()
        .enumerate()
        .map(|(idx, word)| {
            let lower = word.to_lowercase();
            if idx > 0 && SMALL.contains(&lower.as_str()) {
                lower
            } else if word.chars().skip(1).any(char::is_uppercase) {
                word.to_string()
            } else {
                lower.split('-').map(capitalize).collect::<Vec<_>>().join("-")
            }
        })
        .collect();
    words.join(" ")
}

fn capitalize(word: &str) -> String {
    let mut chars = word.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn title_case_table() {
        for (input, expected) in [
            ("foreign minister", "Foreign Minister"),
            ("U.N. ambassador", "U.N. Ambassador"),
            ("assistant secretary of state for the Western Hemisphere", "Assistant Secretary of State for the Western Hemisphere"),
            ("secretary-general", "Secretary-General"),
            ("Acting Deputy Secretary of State", "Acting Deputy Secretary of State"),
        ] {
            assert_eq!(title_case(input), expected, "{input}");
        }
    }

    #[test]
    fn gap_shapes() {
        assert!(OWNER_GAP.is_match("’s "));
        assert!(OWNER_GAP.is_match(" "));
        assert!(OWNER_GAP.is_match("-appointed "));
        assert!(!OWNER_GAP.is_match(" and "));
        assert!(APPOSITION_GAP.is_match(", the "));
        assert!(APPOSITION_GAP.is_match(", @’s "));
        assert!(APPOSITION_GAP.is_match(", a "));
        assert!(APPOSITION_GAP.is_match(", the @-appointed "));
        assert!(APPOSITION_GAP.is_match(", who now serves as "));
        assert!(APPOSITION_GAP.is_match(", the organisation’s "));
        assert!(APPOSITION_GAP.is_match(", "));
        assert!(!APPOSITION_GAP.is_match(", who met the "));
        assert!(!APPOSITION_GAP.is_match(" and the "));
        assert!(BACK_REFERENCE.is_match("said Ana Ruiz, the organisation’s "));
    }
}
