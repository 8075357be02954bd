//! The names the second pass of every document reads from the first pass of
//! all of them: names some document established ([`KnownNames`]), and
//! people's full names by surname ([`CorpusPeople`]).

use crate::entity::CorpusPeople;
use crate::kinds::EntityKind;
use crate::mention::known::{KnownNames, NameVotes};
use crate::mention::Mention;

/// Whether `collect` reads `mention`: the mentions a document keeps for it when the rest of
/// its first pass is dropped (see [`crate::pipeline::BuildOptions::first_pass_budget`]).
pub fn is_read(mention: &Mention) -> bool {
    mention.kind == EntityKind::Person || KnownNames::reads(mention)
}

/// Collects both from every document's text and first-pass mentions.
pub fn collect<'a>(documents: impl Iterator<Item = (&'a str, &'a [Mention])>) -> (KnownNames, CorpusPeople) {
    let mut names = CorpusNames::default();
    for (text, mentions) in documents {
        names.add(text, mentions);
    }
    names.finish()
}

/// Both, collected document after document (in document order: the result depends on it).
#[derive(Default)]
pub struct CorpusNames {
    known: NameVotes,
    people: CorpusPeople,
}

impl CorpusNames {
    pub fn add(&mut self, text: &str, mentions: &[Mention]) {
        self.known.add(text, mentions);
        for mention in mentions.iter().filter(|m| m.kind == EntityKind::Person) {
            self.people.add(mention.span.text(text));
        }
    }

    pub fn finish(self) -> (KnownNames, CorpusPeople) {
        (KnownNames::from_votes(self.known), self.people)
    }
}
