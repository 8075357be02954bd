//! OPPOSES: anyone opposes, criticizes, fights or sues to block anyone or
//! anything (a person, country, organization, resolution or place).
//!
//! What it extracts: "X opposed / criticized / condemned Y", "X wrote to
//! Z opposing the Y plan", "X tried to block the Y deployment", "X joined
//! forces to overthrow Y", "X attacked the town of Y": the subject of the
//! trigger and an argument right after it (at most two words away). A
//! passive ("X was criticized") is skipped rather than turned round.
//! Triggers: `data/relations/opposes.toml`.
//! Known misses: opposition told by nouns ("critics of X"), and objects
//! further than two words from the verb.

use super::grammar::is_actor;
use super::view::DocView;
use super::RelationCandidate;
use crate::kinds::RelationKind;

/// The most words between the trigger and what is opposed.
const MAX_OBJECT_WORDS: usize = 2;

pub fn extract(doc: &DocView, out: &mut Vec<RelationCandidate>) {
    let file = doc.triggers("opposes");
    for view in &doc.sentences {
        for hit in file.find(view.text, view.span) {
            let before = view.before(hit.span.start).trim_end().to_lowercase();
            if ["been", "was", "were", "is", "are", "be", "being"].iter().any(|aux| before.ends_with(&format!(" {aux}"))) {
                continue;
            }
            let opponents = view.subject(hit.span, is_actor);
            let opposed = view.object_within(hit.span, |_| true, MAX_OBJECT_WORDS);
            for (opponent, target) in view.entity_pairs(&opponents, &opposed) {
                out.push(
                    RelationCandidate::new(RelationKind::Opposes, opponent, target, view, hit.span, "opposes.verb", 0.7)
                        .with("kind", hit.group),
                );
            }
        }
    }
}
