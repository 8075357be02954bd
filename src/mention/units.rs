//! Units and runs: the building blocks of name detection.
//!
//! A *unit* is an atomic piece of a sentence: a gazetteer hit ("Trinidad and
//! Tobago"), a title phrase ("Senior Assistant Inspector General of Police"),
//! a resolution ("Resolution 2699 (2023)", "A/RES/80/214"), or one word (a hyphen chain such
//! as "Port-au-Prince" counts as one word; so does an initial with its period).
//! A *run* is a maximal sequence of name-like units: capitalised words,
//! gazetteer hits, titles, and the connectors an organization name may
//! contain ("Bureau of International Narcotics and Law Enforcement Affairs").

use crate::kinds::EntityKind;
use crate::resources::gazetteer::Surface;
use crate::resources::{EntryId, Resources};
use crate::segment::{Token, TokenShape};
use crate::span::Span;
use regex::Regex;
use std::sync::LazyLock;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum UnitKind {
    Gazetteer(Surface),
    /// A title phrase, with any leading modifiers ("Acting Deputy ...").
    Title,
    /// "Resolution 2699", with an optional "(2023)".
    Resolution,
    /// A capitalised word, hyphen chain or dotted acronym.
    Word,
    /// An initial with its period: "N."
    Initial,
    /// A lowercase word (a connector inside a run, or a break).
    Lower,
    /// A quoted nickname inside a person name: “Barbecue”.
    Nickname,
    Other,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Unit {
    pub span: Span,
    pub kind: UnitKind,
    /// Token index range `[first, last)` in the segmentation.
    pub first: usize,
    pub last: usize,
}

impl Unit {
    pub fn text(self, text: &str) -> &str {
        self.span.text(text)
    }

    pub fn is_name_like(self) -> bool {
        matches!(self.kind, UnitKind::Gazetteer(_) | UnitKind::Word | UnitKind::Initial | UnitKind::Nickname)
    }
}

/// Lowercase words an organization or place name may contain between
/// capitalised words.
pub const CONNECTORS: &[&str] = &["of", "for", "and", "the", "on", "de", "des", "du", "la", "le", "et", "d’", "y", "del", "in"];
/// Name particles inside person names ("Lula da Silva", "Ursula von der Leyen").
pub const PARTICLES: &[&str] = &["da", "de", "do", "dos", "van", "von", "der", "bin", "ben", "ibn", "al", "el", "di"];
/// Lowercase pieces that end a hyphen chain rather than continue a name ("Kenya-led").
const HYPHEN_SUFFIXES: &[&str] = &[
    "led",
    "based",
    "backed",
    "born",
    "owned",
    "run",
    "funded",
    "style",
    "era",
    "controlled",
    "appointed",
    "speaking",
    "aligned",
    "made",
    "type",
    "like",
    "wide",
    "linked",
    "sponsored",
    "brokered",
    "bound",
    "allied",
    "affiliated",
    "majority",
];

/// "Resolution 2699 (2023)", "resolution No. 2417", "Resolution 80/214" (a
/// General Assembly number: session and resolution).
static RESOLUTION: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\b[Rr]esolution\s+(?:No\.?\s*)?(\d{1,4}/\d{1,4}|\d{3,5})\b(?:\s*\((\d{4})\))?").unwrap());
/// A UN resolution symbol: "S/RES/2699 (2023)", "A/RES/80/214", "A/RES/ES-11/1".
static RESOLUTION_SYMBOL: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\b(?:[A-Z]{1,5}/)+RES/((?:ES-)?\d{1,4}(?:/\d{1,4})?)\b(?:\s*\((\d{4})\))?").unwrap());
/// Another body's document symbol with a year and a number ("GOV/2025/61",
/// an IAEA Board paper): a resolution only where the sentence speaks of one.
static DOCUMENT_SYMBOL: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"\b[A-Z]{2,8}(?:/[A-Z]{1,8})*/\d{4}/\d{1,4}\b").unwrap());
/// Another body's resolution symbol with a session number: "GC(68)/RES/10".
static SESSION_RESOLUTION_SYMBOL: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"\b[A-Z]{2,8}\(\d{1,3}\)/RES/\d{1,4}\b").unwrap());
/// Words that make a document symbol in their sentence a resolution.
static RESOLUTION_CONTEXT: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)\b(?:resolutions?|draft|text|motion|adopted|approved|passed)\b").unwrap());

/// The resolutions of `text[within]` (a sentence): each span and its
/// canonical name. A number or a UN symbol is `Resolution <number>`, so
/// "A/RES/80/214" and "Resolution 80/214" are one resolution; another body's
/// symbol ("GC(68)/RES/10", "GOV/2025/61" in a sentence about a text) is its
/// own name. Years ("2024/25") are never resolutions.
pub fn find_resolutions(text: &str, within: Span) -> Vec<(Span, String)> {
    let sentence = within.text(text);
    let base = within.start as usize;
    let mut found: Vec<(Span, String)> = Vec::new();
    let numbered = RESOLUTION.captures_iter(sentence).chain(RESOLUTION_SYMBOL.captures_iter(sentence));
    for captures in numbered {
        let whole = captures.get(0).expect("match");
        let span = Span::new(base + whole.start(), base + whole.end());
        if found.iter().any(|(other, _)| other.overlaps(span)) {
            continue;
        }
        found.push((span, format!("Resolution {}", &captures[1])));
    }
    let with_context = RESOLUTION_CONTEXT.is_match(sentence).then(|| DOCUMENT_SYMBOL.find_iter(sentence)).into_iter().flatten();
    for symbol in SESSION_RESOLUTION_SYMBOL.find_iter(sentence).chain(with_context) {
        let span = Span::new(base + symbol.start(), base + symbol.end());
        if !found.iter().any(|(other, _)| other.overlaps(span)) {
            found.push((span, symbol.as_str().to_string()));
        }
    }
    found.sort_by_key(|(span, _)| span.start);
    found
}

/// The canonical name of a resolution mention's text ("S/RES/2699 (2023)" ->
/// "Resolution 2699"); a document symbol names itself.
pub fn resolution_name(surface: &str) -> String {
    let numbered = RESOLUTION.captures(surface).or_else(|| RESOLUTION_SYMBOL.captures(surface));
    numbered.map_or_else(|| surface.to_string(), |captures| format!("Resolution {}", &captures[1]))
}

/// Cuts the tokens of one sentence into units.
pub fn units(resources: &Resources, text: &str, tokens: &[Token], token_offset: usize, sentence: Span) -> Vec<Unit> {
    let lexicon = &resources.lexicon;
    // Atomic multi-token pieces, by start byte: resolutions, then gazetteer, then titles.
    let mut atoms: Vec<(Span, UnitKind)> = Vec::new();
    for (span, _) in find_resolutions(text, sentence) {
        atoms.push((span, UnitKind::Resolution));
    }
    let mut language_end = None;
    let mut previous_place: Option<(Span, EntryId)> = None;
    let hits = resources.gazetteer.find(text, sentence);
    for (hit_idx, mut hit) in hits.iter().copied().enumerate() {
        // "Albuquerque-Paiva": a place glued by a hyphen to a capitalised word
        // that is no known name is a piece of a surname, not the place.
        if in_hyphenated_name(resources, text, &hits, hit_idx) {
            continue;
        }
        // "Atlanta, Georgia": after a place and a comma, a name shared with a
        // place of that place's country is that place.
        if let Some((place_span, place_entry)) = previous_place {
            let between = crate::span::slice(text, place_span.end as usize, hit.span.start as usize);
            let country = resources.gazetteer.entry(place_entry).country.as_deref();
            if between.trim() == "," && !hit.surface.demonym {
                if let Some(entry) = country.and_then(|country| resources.gazetteer.shadowed_place(hit.span.text(text), country)) {
                    hit.surface.entry = entry;
                }
            }
        }
        let entry = resources.gazetteer.entry(hit.surface.entry);
        previous_place = (entry.kind == EntityKind::Location && !hit.surface.demonym).then_some((hit.span, hit.surface.entry));
        // "Dutch-speaking", "French-language", "in French", "its French
        // acronym": a language, not the country.
        let after = crate::span::suffix(text, hit.span.end as usize);
        let next_word = after.trim_start().split(|c: char| !c.is_alphabetic()).next().unwrap_or("");
        if hit.surface.demonym
            && (after.starts_with("-speaking")
                || after.starts_with("-language")
                || LANGUAGE_NOUNS.contains(&next_word)
                || names_a_language(text, hit.span, language_end))
        {
            language_end = Some(hit.span.end);
            continue;
        }
        // "6 million Swiss francs": a currency, not the country.
        if hit.surface.demonym && CURRENCIES.contains(&next_word) {
            continue;
        }
        atoms.push((hit.span, UnitKind::Gazetteer(hit.surface)));
    }
    for (span, _) in lexicon.find_titles(text, sentence) {
        atoms.push((span, UnitKind::Title));
    }
    // Earlier start first; at the same start the longer wins; then by the order above.
    atoms.sort_by_key(|(span, _)| (span.start, std::cmp::Reverse(span.end)));

    let token_starting = |byte: u32| tokens.binary_search_by_key(&byte, |t| t.span.start).ok();
    let token_ending = |byte: u32| tokens.iter().position(|t| t.span.end == byte);
    let mut result: Vec<Unit> = Vec::new();
    let mut idx = 0;
    let mut atom_idx = 0;
    while idx < tokens.len() {
        let token = tokens[idx];
        while atom_idx < atoms.len() && atoms[atom_idx].0.start < token.span.start {
            atom_idx += 1;
        }
        let atom = atoms[atom_idx..].iter().find(|(span, _)| span.start == token.span.start).copied();
        if let Some((span, kind)) = atom {
            if let (Some(first), Some(end_token)) = (token_starting(span.start), token_ending(span.end)) {
                let unit = Unit { span, kind, first: token_offset + first, last: token_offset + end_token + 1 };
                result.push(unit);
                idx = end_token + 1;
                continue;
            }
        }
        let (unit, next) = word_unit(text, tokens, idx, token_offset);
        result.push(unit);
        idx = next;
    }
    extend_title_modifiers(resources, text, &mut result);
    result
}

/// True when gazetteer hit `hits[idx]`, a country or place by its name, is
/// one piece of a hyphen chain after a capitalised word, whose other piece
/// (a capitalised word) is no gazetteer name: "Senator Ana
/// Albuquerque-Paiva", "Lee Jordan-Smith". Two known names stay two
/// ("Kenya-Somalia border", "NATO-Ukraine"), and so does a route ("the Goma-Sake road").
fn in_hyphenated_name(resources: &Resources, text: &str, hits: &[crate::resources::gazetteer::GazetteerMatch], idx: usize) -> bool {
    let hit = hits[idx];
    let kind = resources.gazetteer.entry(hit.surface.entry).kind;
    if hit.surface.demonym || !matches!(kind, EntityKind::Country | EntityKind::Location) {
        return false;
    }
    let capitalised_piece = |piece: &str| piece.chars().next().is_some_and(char::is_uppercase) && piece.chars().count() >= 2;
    let after = crate::span::suffix(text, hit.span.end as usize);
    let next_piece = after.strip_prefix('-').map(|rest| rest.split(|c: char| !c.is_alphanumeric()).next().unwrap_or(""));
    let glued_after = next_piece.is_some_and(|piece| {
        let piece_start = hit.span.end + 1;
        capitalised_piece(piece) && !hits.iter().any(|other| other.span.start == piece_start)
    });
    let before = crate::span::prefix(text, hit.span.start as usize);
    let previous_piece = before.strip_suffix('-').map(|rest| rest.rsplit(|c: char| !c.is_alphanumeric()).next().unwrap_or(""));
    let glued_before = previous_piece.is_some_and(|piece| {
        let piece_end = hit.span.start - 1;
        capitalised_piece(piece) && !hits.iter().any(|other| other.span.end == piece_end)
    });
    // A surname follows a given name or a title: "Ana Lisboa-Moura", not "the Goma-Sake road".
    let chain_start = if glued_before { hit.span.start as usize - 1 - previous_piece.map_or(0, str::len) } else { hit.span.start as usize };
    let previous_word = crate::span::prefix(text, chain_start).trim_end().rsplit(char::is_whitespace).next().unwrap_or("");
    let after_name = previous_word.chars().next().is_some_and(char::is_uppercase) && previous_word.chars().all(char::is_alphabetic);
    (glued_after || glued_before) && after_name
}

/// Nouns after a demonym that make it a language: "its French acronym", "the Arabic name".
const LANGUAGE_NOUNS: &[&str] = &[
    "acronym",
    "acronyms",
    "abbreviation",
    "initials",
    "name",
    "names",
    "word",
    "words",
    "term",
    "translation",
    "version",
    "spelling",
    "original",
    "language",
    "dialect",
    "speakers",
    "speaker",
];
/// Currency words after a demonym: "Swiss francs", "Kenyan shillings".
const CURRENCIES: &[&str] = &[
    "franc",
    "francs",
    "dollar",
    "dollars",
    "pound",
    "pounds",
    "rupee",
    "rupees",
    "shilling",
    "shillings",
    "peso",
    "pesos",
    "rand",
    "naira",
    "cedi",
    "cedis",
    "dinar",
    "dinars",
    "dirham",
    "dirhams",
    "riyal",
    "riyals",
    "rial",
    "rials",
    "yuan",
    "yen",
    "won",
    "lira",
    "kwacha",
    "birr",
    "real",
    "reais",
    "krone",
    "kroner",
    "krona",
    "kronor",
    "ruble",
    "rubles",
    "rouble",
    "roubles",
    "hryvnia",
    "leone",
    "leones",
    "gourde",
    "gourdes",
    "taka",
    "ringgit",
    "rupiah",
    "baht",
    "dong",
    "kyat",
];
/// Words before a language name: "said in French", "translated into Spanish".
const LANGUAGE_CUES: &[&str] =
    &["in", "into", "speak", "speaks", "spoke", "speaking", "learn", "learned", "learning", "fluent", "teach", "taught"];

/// "in French." or "speaks Spanish and Portuguese": a demonym after a
/// language cue (or after another language and "and"), not followed by a noun
/// it modifies ("in French territory"), names a language, not the country.
fn names_a_language(text: &str, span: Span, previous_language_end: Option<u32>) -> bool {
    let before = crate::span::prefix(text, span.start as usize).trim_end();
    let previous_word = before.rsplit(char::is_whitespace).next().unwrap_or("");
    let after_language = previous_language_end.is_some_and(|end| {
        matches!(crate::span::slice(text, end as usize, span.start as usize).trim(), "and" | "or" | "," | ", and" | ", or")
    });
    let after = crate::span::suffix(text, span.end as usize).trim_start();
    let next_word = after.split(|c: char| c.is_whitespace() || c == ',').next().unwrap_or("");
    let ends_phrase = after.is_empty() || after.starts_with(|c: char| !c.is_alphanumeric()) || matches!(next_word, "and" | "or");
    (LANGUAGE_CUES.contains(&previous_word) || after_language) && ends_phrase
}

/// One word unit starting at token `idx`: a hyphen chain, an initial, a nickname or a single token.
fn word_unit(text: &str, tokens: &[Token], idx: usize, token_offset: usize) -> (Unit, usize) {
    let token = tokens[idx];
    let word = token.span.text(text);
    let make = |kind, last: usize| Unit {
        span: token.span.cover(tokens[last - 1].span),
        kind,
        first: token_offset + idx,
        last: token_offset + last,
    };
    match token.shape {
        TokenShape::Initial if tokens.get(idx + 1).is_some_and(|t| t.span.text(text) == "." && !t.space_before) => {
            (make(UnitKind::Initial, idx + 2), idx + 2)
        }
        TokenShape::Capitalized | TokenShape::Upper | TokenShape::Initial | TokenShape::Lower | TokenShape::Number => {
            // Glue "Port" "-" "au" "-" "Prince" into one word; stop before "-led".
            let mut end = idx + 1;
            while end + 1 < tokens.len()
                && tokens[end].span.text(text) == "-"
                && !tokens[end].space_before
                && !tokens[end + 1].space_before
                && tokens[end + 1].is_word()
                && !HYPHEN_SUFFIXES.contains(&tokens[end + 1].span.text(text))
            {
                end += 2;
            }
            let kind = if token.is_capitalized() || (end > idx + 1 && tokens[end - 1].is_capitalized()) {
                UnitKind::Word
            } else if token.shape == TokenShape::Lower {
                UnitKind::Lower
            } else {
                UnitKind::Other
            };
            let _ = word;
            (make(kind, end), end)
        }
        TokenShape::Punct
            if matches!(word, "“" | "\"")
                && tokens.get(idx + 1).is_some_and(|t| t.shape == TokenShape::Capitalized)
                && tokens.get(idx + 2).is_some_and(|t| matches!(t.span.text(text), "”" | "\""))
                && idx > 0
                && tokens[idx - 1].is_capitalized()
                && tokens.get(idx + 3).is_some_and(|t| t.is_capitalized()) =>
        {
            (make(UnitKind::Nickname, idx + 3), idx + 3)
        }
        _ => (make(UnitKind::Other, idx + 1), idx + 1),
    }
}

/// "Acting" + "Deputy" + title: modifiers right before a title join it.
fn extend_title_modifiers(resources: &Resources, text: &str, units: &mut Vec<Unit>) {
    let mut idx = units.len();
    while idx > 1 {
        idx -= 1;
        if units[idx].kind != UnitKind::Title {
            continue;
        }
        while idx > 0
            && matches!(units[idx - 1].kind, UnitKind::Word | UnitKind::Lower)
            && resources.lexicon.title_modifiers.contains(units[idx - 1].text(text))
        {
            let modifier = units.remove(idx - 1);
            idx -= 1;
            units[idx].span = modifier.span.cover(units[idx].span);
            units[idx].first = modifier.first;
        }
    }
}

/// Maximal runs of name-like units, as index ranges into `units`.
/// Connectors join only inside organization names (after a head word),
/// "of" inside place names after a place head ("Gulf of Guinea"), and
/// particles only inside person names; titles and nicknames join any run;
/// so do a glued hyphen ("NATO-Ukraine Council"; `classify` splits again
/// where no head word ends the run) and an "and" before words that end in a
/// head word ("the Resilience and Sustainability Trust").
/// No connector joins a month or weekday ("the Relief Fund on Monday").
pub fn runs(resources: &Resources, text: &str, units: &[Unit]) -> Vec<std::ops::Range<usize>> {
    let lexicon = &resources.lexicon;
    let is_org_head = |unit: &Unit| unit.kind == UnitKind::Word && lexicon.org_heads.contains(last_word(unit.text(text)));
    let is_place_head = |unit: &Unit| unit.kind == UnitKind::Word && is_place_head_word(resources, unit.text(text));
    // A name word that may follow a connector: not a month or weekday.
    let is_name_after_connector = |unit: Option<&Unit>| {
        unit.is_some_and(|u| u.is_name_like() && !(u.kind == UnitKind::Word && lexicon.calendar.contains(u.text(text))))
    };
    let mut runs = Vec::new();
    let mut idx = 0;
    while idx < units.len() {
        if !(units[idx].is_name_like() || units[idx].kind == UnitKind::Title) {
            idx += 1;
            continue;
        }
        let start = idx;
        let mut end = idx + 1;
        let mut has_org_head = is_org_head(&units[idx]);
        while let Some(next) = units.get(end) {
            if next.is_name_like() || next.kind == UnitKind::Title {
                if is_org_head(next) {
                    has_org_head = true;
                }
                end += 1;
                continue;
            }
            // "NATO-Ukraine Council": a hyphen glued between two names joins
            // them; `classify` splits the run again unless a head word ends it.
            if is_glued_hyphen(text, units, end) && units[end + 1].is_name_like() {
                end += 1;
                continue;
            }
            // A connector joins when a capitalised word follows and the run is an organization name.
            let word = next.text(text);
            let followed_by_name = is_name_after_connector(units.get(end + 1));
            let followed_by_the_name =
                word != "the" && units.get(end + 1).is_some_and(|u| u.text(text) == "the") && is_name_after_connector(units.get(end + 2));
            // "Gulf of Guinea", "Bay of Bengal": "of" right after a place head.
            if next.kind == UnitKind::Lower && word == "of" && !has_org_head && is_place_head(&units[end - 1]) && followed_by_name {
                end += 1;
                continue;
            }
            // "and" does not join two complete organization names ("X Network and the Y Movement").
            let previous_is_head = is_org_head(&units[end - 1]);
            let joins_two_names = word == "and" && previous_is_head;
            if next.kind == UnitKind::Lower
                && CONNECTORS.contains(&word)
                && has_org_head
                && word != "in"
                && !joins_two_names
                && (followed_by_name || followed_by_the_name)
            {
                end += if followed_by_the_name { 2 } else { 1 };
                continue;
            }
            // "the Resilience and Sustainability Trust": "and" between the
            // first word of a name and words that end in a head word.
            if word == "and" && !has_org_head && end - start <= 3 && joins_name_before_head(resources, text, units, start, end) {
                end += 1;
                continue;
            }
            if next.kind == UnitKind::Lower && PARTICLES.contains(&word) && followed_by_name && !has_org_head {
                end += 1;
                continue;
            }
            break;
        }
        runs.push(start..end);
        idx = end;
    }
    runs
}

/// True when `units[idx]` is a hyphen with no space on either side, between two units.
pub fn is_glued_hyphen(text: &str, units: &[Unit], idx: usize) -> bool {
    idx >= 1
        && idx + 1 < units.len()
        && units[idx].text(text) == "-"
        && units[idx - 1].span.end == units[idx].span.start
        && units[idx].span.end == units[idx + 1].span.start
}

/// "the Resilience and Sustainability Trust", "the IMF’s Peace and Justice
/// Fund": the run `units[start..and_idx]` (one or two plain words, after "the"
/// or a possessive) and the plain words after the "and" at `and_idx`, up to an
/// organization head word that ends them, are one name. Known names on either
/// side ("Kenya and Red Cross Society"), a head word before "and" ("Police and
/// Army Command") or a given name ("Ruto and National Assembly") keep two.
fn joins_name_before_head(resources: &Resources, text: &str, units: &[Unit], start: usize, and_idx: usize) -> bool {
    let lexicon = &resources.lexicon;
    let plain = |unit: &Unit| {
        let word = unit.text(text);
        unit.kind == UnitKind::Word && !lexicon.calendar.contains(word) && !lexicon.given_names.contains(word)
    };
    // A capital "The" opening the sentence is the determiner.
    let (start, after_determiner) = match units[start].text(text) {
        "The" => (start + 1, true),
        _ => (start, start >= 1 && matches!(units[start - 1].text(text), "the" | "’s" | "'s")),
    };
    let before_is_plain = start < and_idx
        && and_idx - start <= 2
        && units[start..and_idx].iter().all(|u| plain(u) && !lexicon.org_heads.contains(last_word(u.text(text))));
    if !(after_determiner && before_is_plain) {
        return false;
    }
    let mut idx = and_idx + 1;
    while idx < units.len() && plain(&units[idx]) && idx - and_idx <= 3 {
        idx += 1;
    }
    let ends_run = units.get(idx).is_none_or(|u| !(u.is_name_like() || u.kind == UnitKind::Title));
    idx > and_idx + 1 && ends_run && lexicon.org_heads.contains(last_word(units[idx - 1].text(text)))
}

/// A place head ("Gulf", "Valley") or prefix ("Lake", "Cape") that an "of" may follow.
pub fn is_place_head_word(resources: &Resources, word: &str) -> bool {
    let lexicon = &resources.lexicon;
    lexicon.location_heads.contains(word) || lexicon.location_prefixes.contains(word)
}

/// The last word of a hyphen chain or phrase ("Inter-Organisations" -> "Organisations").
pub fn last_word(text: &str) -> &str {
    text.rsplit([' ', '-']).next().unwrap_or(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn resolution_numbers_and_symbols() {
        for (sentence, expected) in [
            ("Resolution 2699 (2023) was adopted.", vec![("Resolution 2699 (2023)", "Resolution 2699")]),
            ("Members cited resolution No. 2417 again.", vec![("resolution No. 2417", "Resolution 2417")]),
            // A General Assembly number and its UN symbol are one resolution.
            ("Resolution 79/118 passed easily.", vec![("Resolution 79/118", "Resolution 79/118")]),
            ("The text was issued as A/RES/79/118 on Friday.", vec![("A/RES/79/118", "Resolution 79/118")]),
            ("The council renewed S/RES/2720 (2023) today.", vec![("S/RES/2720 (2023)", "Resolution 2720")]),
            ("Its emergency session adopted A/RES/ES-11/6.", vec![("A/RES/ES-11/6", "Resolution ES-11/6")]),
            // Another body's symbol names itself, where the sentence speaks of a resolution.
            ("The draft, filed as BOG/2024/17, was approved.", vec![("BOG/2024/17", "BOG/2024/17")]),
            ("A report, BOG/2024/18, described the sites.", vec![]),
            ("They cited GC(68)/RES/10 in full.", vec![("GC(68)/RES/10", "GC(68)/RES/10")]),
            // Years and seasons are not resolutions.
            ("The 2024/25 budget was approved by the board.", vec![]),
            ("The resolution covers the 2023/2024 season.", vec![]),
        ] {
            let found = find_resolutions(sentence, Span::new(0, sentence.len()));
            let found: Vec<(&str, &str)> = found.iter().map(|(span, name)| (span.text(sentence), name.as_str())).collect();
            assert_eq!(found, expected, "{sentence}");
            for (surface, name) in expected {
                assert_eq!(resolution_name(surface), name, "{surface}");
            }
        }
    }
}
