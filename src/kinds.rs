//! The kinds of entity and relation: the vocabulary every layer speaks, from
//! the gazetteer's entries to the graph's nodes and edges (re-exported by
//! [`crate::graph`]).

use serde::{Deserialize, Serialize};

/// The five kinds of entity of the gold format.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum EntityKind {
    Person,
    Country,
    Organization,
    Resolution,
    Location,
}

impl EntityKind {
    pub const ALL: [EntityKind; 5] =
        [EntityKind::Person, EntityKind::Country, EntityKind::Organization, EntityKind::Resolution, EntityKind::Location];

    /// The name used in JSON and in every export (`Person`, `Country`, ...).
    pub fn as_str(self) -> &'static str {
        match self {
            EntityKind::Person => "Person",
            EntityKind::Country => "Country",
            EntityKind::Organization => "Organization",
            EntityKind::Resolution => "Resolution",
            EntityKind::Location => "Location",
        }
    }

    pub fn parse(name: &str) -> Option<EntityKind> {
        EntityKind::ALL.into_iter().find(|kind| kind.as_str().eq_ignore_ascii_case(name))
    }
}

impl std::fmt::Display for EntityKind {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The typed relations of the gold format, plus sentence co-occurrence
/// (only produced behind `--cooccurrence`, never mixed with the typed ones).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum RelationKind {
    HoldsRole,
    Met,
    Leads,
    MemberOf,
    ContributesTo,
    Sponsors,
    Adopted,
    VotedFor,
    VotedAgainst,
    Abstained,
    Authorizes,
    LocatedIn,
    Opposes,
    CoOccurs,
}

impl RelationKind {
    pub const ALL: [RelationKind; 14] = [
        RelationKind::HoldsRole,
        RelationKind::Met,
        RelationKind::Leads,
        RelationKind::MemberOf,
        RelationKind::ContributesTo,
        RelationKind::Sponsors,
        RelationKind::Adopted,
        RelationKind::VotedFor,
        RelationKind::VotedAgainst,
        RelationKind::Abstained,
        RelationKind::Authorizes,
        RelationKind::LocatedIn,
        RelationKind::Opposes,
        RelationKind::CoOccurs,
    ];

    /// The name used in JSON, Cypher relationship types and DOT labels (`HOLDS_ROLE`).
    pub fn as_str(self) -> &'static str {
        match self {
            RelationKind::HoldsRole => "HOLDS_ROLE",
            RelationKind::Met => "MET",
            RelationKind::Leads => "LEADS",
            RelationKind::MemberOf => "MEMBER_OF",
            RelationKind::ContributesTo => "CONTRIBUTES_TO",
            RelationKind::Sponsors => "SPONSORS",
            RelationKind::Adopted => "ADOPTED",
            RelationKind::VotedFor => "VOTED_FOR",
            RelationKind::VotedAgainst => "VOTED_AGAINST",
            RelationKind::Abstained => "ABSTAINED",
            RelationKind::Authorizes => "AUTHORIZES",
            RelationKind::LocatedIn => "LOCATED_IN",
            RelationKind::Opposes => "OPPOSES",
            RelationKind::CoOccurs => "CO_OCCURS",
        }
    }

    pub fn parse(name: &str) -> Option<RelationKind> {
        let wanted = name.trim().replace(['-', ' '], "_");
        RelationKind::ALL.into_iter().find(|kind| kind.as_str().eq_ignore_ascii_case(&wanted))
    }

    /// The attribute that tells two relations of this kind between the same
    /// entities apart (a person's two roles in one country); the other
    /// attributes of one edge are joined.
    pub fn distinguishing_attribute(self) -> Option<&'static str> {
        match self {
            RelationKind::HoldsRole => Some("role"),
            _ => None,
        }
    }

    /// MET is symmetric: its evidence is merged whichever way round it was stated.
    pub fn is_symmetric(self) -> bool {
        matches!(self, RelationKind::Met | RelationKind::CoOccurs)
    }
}

impl std::fmt::Display for RelationKind {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}
