//! Entity mentions: where a document names a person, country, organization,
//! resolution or place, and why we think so.

use crate::graph::EntityKind;
use crate::resources::EntryId;
use crate::span::Span;

/// Why a span was taken as a mention.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MentionSource {
    /// A gazetteer entry (a name, alias or — when `demonym` — a demonym of it).
    Gazetteer { entry: EntryId, demonym: bool },
    /// A pattern rule; the name is the mention text itself.
    Pattern(PatternRule),
}

/// The pattern rules of [`detect`], named for provenance and tests.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum PatternRule {
    /// "Resolution 2699", "resolution 2699 (2023)".
    Resolution,
    /// A name after a title: "Prime Minister Ariel Henry".
    PersonAfterTitle,
    /// A name starting with a known given name: "Todd Robinson".
    PersonGivenName,
    /// A name before or after a speech verb, or with a role apposition.
    PersonContext,
    /// A surname or title+surname standing for a person named in full elsewhere.
    PersonShortForm,
    /// A capitalised run ending in an organization head word: "Haitian National Police".
    OrgHeadWord,
    /// A name defined with an acronym: "Médecins Sans Frontières (MSF)", or the acronym.
    OrgAcronym,
    /// A name followed by an organization noun: "the Canaan gang".
    OrgNoun,
    /// A capitalised run ending in a place head word: "Lower Artibonite Valley".
    LocationHeadWord,
    /// A name after a place cue: "the town of Liancourt".
    LocationCue,
    /// A name that another document (or another sentence) established.
    KnownName,
}

/// One mention in one document.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Mention {
    pub span: Span,
    pub sentence: u32,
    pub kind: EntityKind,
    pub source: MentionSource,
}
