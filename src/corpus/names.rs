//! The names the second pass of every document reads from the first pass of
//! all of them: names some document established ([`KnownNames`]), and
//! people's full names by surname ([`CorpusPeople`]).

use crate::entity::CorpusPeople;
use crate::kinds::EntityKind;
use crate::mention::known::KnownNames;
use crate::mention::Mention;

/// Whether `collect` reads `mention`: the mentions a document keeps for it when the rest of
/// its first pass is dropped (see [`crate::pipeline::BuildOptions::first_pass_budget`]).
pub fn is_read(mention: &Mention) -> bool {
    mention.kind == EntityKind::Person || KnownNames::reads(mention)
}

/// Collects both from every document's text and first-pass mentions.
pub fn collect<'a>(documents: impl Iterator<Item = (&'a str, &'a [Mention])> + Clone) -> (KnownNames, CorpusPeople) {
    let known = KnownNames::collect(documents.clone());
    let mut people = CorpusPeople::default();
    for (text, mentions) in documents {
        for mention in mentions.iter().filter(|m| m.kind == EntityKind::Person) {
            people.add(mention.span.text(text));
        }
    }
    (known, people)
}
