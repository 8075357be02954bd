//! The name recognizer: a greedy averaged-perceptron sequence labeller for person, organization
//! and place names (BILOU), in the style of Ratinov and Roth (2009), trained by this crate.
//!
//! - [`convert`]: GUM's entity annotation and UNER's IOB2 as sentences with name spans.
//! - [`features`]: the atoms of a word (shared hashing with the tagger, word lists, gazetteer
//!   hits, a part-of-speech lexicon) and the feature templates.
//! - [`model`]: the model file (`NGNAMES`), carried by the binary, and the two-pass tagging of
//!   a document (the second pass sees how the first labelled the same word elsewhere).
//! - [`train`]: `newsgraph train --names`, deterministic training from `../shared/corpora`.
//! - [`score`]: span precision, recall and F1, typed, untyped and per type (`eval --names`).
//!
//! The rules of [`crate::mention`] stay in front: learned names only fill the places where no
//! rule found anything (the policy is written down in [`crate::mention::learned`]).

pub mod convert;
pub mod features;
pub mod model;
pub mod score;
pub mod train;

pub use model::{NamesModel, NamesScratch};

use serde::{Deserialize, Serialize};

/// The three kinds of name the recognizer labels.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum NameType {
    Person,
    Organization,
    Location,
}

impl NameType {
    pub const ALL: [NameType; 3] = [NameType::Person, NameType::Organization, NameType::Location];

    /// The CoNLL/UNER code: `PER`, `ORG`, `LOC`.
    pub fn code(self) -> &'static str {
        match self {
            NameType::Person => "PER",
            NameType::Organization => "ORG",
            NameType::Location => "LOC",
        }
    }

    pub fn from_code(code: &str) -> Option<NameType> {
        NameType::ALL.into_iter().find(|kind| kind.code() == code)
    }

    fn index(self) -> u16 {
        self as u16
    }
}

/// A name over the words `start..end` of a sentence.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct NameSpan {
    pub start: u32,
    pub end: u32,
    pub kind: NameType,
}

/// A sentence's words and its gold names (sorted, never overlapping).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct NamedSentence {
    pub forms: Vec<String>,
    pub names: Vec<NameSpan>,
}

/// A document: the unit of the document-level features.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct NamedDocument {
    pub id: String,
    pub sentences: Vec<NamedSentence>,
}

/// Where a word sits in a name (BILOU).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Position {
    Begin,
    Inside,
    Last,
    Unit,
}

/// The label classes: 0 is outside any name, then four positions for each type.
pub const OUTSIDE: u16 = 0;
pub const N_LABELS: usize = 1 + 4 * NameType::ALL.len();

/// The class of a word at `position` in a name of type `kind`.
pub fn label(kind: NameType, position: Position) -> u16 {
    1 + kind.index() * 4 + position as u16
}

/// The type and position a class stands for (`None` for [`OUTSIDE`]).
pub fn unlabel(class: u16) -> Option<(NameType, Position)> {
    let class = class.checked_sub(1)?;
    let kind = *NameType::ALL.get(usize::from(class / 4))?;
    let position = [Position::Begin, Position::Inside, Position::Last, Position::Unit][usize::from(class % 4)];
    Some((kind, position))
}

/// True when a name is open after `class` (it must continue with Inside or Last).
pub fn is_open(class: u16) -> bool {
    matches!(unlabel(class), Some((_, Position::Begin | Position::Inside)))
}

/// Whether `next` may follow `previous` in a well-formed BILOU sequence.
pub fn may_follow(previous: u16, next: u16) -> bool {
    match (unlabel(previous), unlabel(next)) {
        (Some((open, Position::Begin | Position::Inside)), Some((kind, Position::Inside | Position::Last))) => open == kind,
        (Some((_, Position::Begin | Position::Inside)), _) => false,
        (_, Some((_, Position::Inside | Position::Last))) => false,
        _ => true,
    }
}

/// The BILOU classes of a sentence of `n` words with `names`.
pub fn encode(names: &[NameSpan], n: usize, out: &mut Vec<u16>) {
    out.clear();
    out.resize(n, OUTSIDE);
    for name in names {
        let (start, end) = (name.start as usize, (name.end as usize).min(n));
        if end <= start {
            continue;
        }
        if end - start == 1 {
            out[start] = label(name.kind, Position::Unit);
            continue;
        }
        out[start] = label(name.kind, Position::Begin);
        for class in &mut out[start + 1..end - 1] {
            *class = label(name.kind, Position::Inside);
        }
        out[end - 1] = label(name.kind, Position::Last);
    }
}

/// The names a sequence of classes spells; a name left open at the end of the sentence (which
/// the decoder never produces) is closed there.
pub fn decode(classes: &[u16], out: &mut Vec<NameSpan>) {
    out.clear();
    let mut open: Option<(usize, NameType)> = None;
    for (idx, &class) in classes.iter().enumerate() {
        match unlabel(class) {
            Some((kind, Position::Begin)) => open = Some((idx, kind)),
            Some((kind, Position::Inside)) if open.is_none() => open = Some((idx, kind)),
            Some((_, Position::Inside)) => {}
            Some((kind, Position::Last)) => {
                let start = open.take().map_or(idx, |(start, _)| start);
                out.push(NameSpan { start: start as u32, end: idx as u32 + 1, kind });
            }
            Some((kind, Position::Unit)) => {
                open = None;
                out.push(NameSpan { start: idx as u32, end: idx as u32 + 1, kind });
            }
            None => {
                if let Some((start, kind)) = open.take() {
                    out.push(NameSpan { start: start as u32, end: idx as u32, kind });
                }
            }
        }
    }
    if let Some((start, kind)) = open {
        out.push(NameSpan { start: start as u32, end: classes.len() as u32, kind });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bilou_round_trips() {
        let names = [
            NameSpan { start: 0, end: 2, kind: NameType::Person },
            NameSpan { start: 3, end: 4, kind: NameType::Location },
            NameSpan { start: 5, end: 8, kind: NameType::Organization },
        ];
        let mut classes = Vec::new();
        encode(&names, 9, &mut classes);
        let per = |position| label(NameType::Person, position);
        let org = |position| label(NameType::Organization, position);
        assert_eq!(
            classes,
            vec![
                per(Position::Begin),
                per(Position::Last),
                OUTSIDE,
                label(NameType::Location, Position::Unit),
                OUTSIDE,
                org(Position::Begin),
                org(Position::Inside),
                org(Position::Last),
                OUTSIDE
            ]
        );
        let mut back = Vec::new();
        decode(&classes, &mut back);
        assert_eq!(back, names);
    }

    #[test]
    fn transitions_keep_names_well_formed() {
        let (begin, last) = (label(NameType::Person, Position::Begin), label(NameType::Person, Position::Last));
        assert!(may_follow(begin, last));
        assert!(!may_follow(begin, label(NameType::Location, Position::Last)), "a name keeps its type");
        assert!(!may_follow(begin, OUTSIDE), "an open name must close");
        assert!(!may_follow(OUTSIDE, last), "a name must open first");
        assert!(may_follow(last, label(NameType::Location, Position::Unit)));
        assert!(is_open(begin) && !is_open(last) && !is_open(OUTSIDE));
        assert_eq!(unlabel(OUTSIDE), None);
        assert_eq!(N_LABELS, 13);
    }

    #[test]
    fn a_name_left_open_is_closed() {
        let mut out = Vec::new();
        decode(&[OUTSIDE, label(NameType::Organization, Position::Begin), label(NameType::Organization, Position::Inside)], &mut out);
        assert_eq!(out, vec![NameSpan { start: 1, end: 3, kind: NameType::Organization }]);
        assert_eq!(NameType::from_code("LOC"), Some(NameType::Location));
        assert_eq!(NameType::from_code("MISC"), None);
    }
}
