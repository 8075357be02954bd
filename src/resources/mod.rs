//! World knowledge, loaded once from `data/` and compiled into lookups:
//! the gazetteer automaton, word lists, and relation trigger files.
//!
//! The files are plain text anyone can read and extend (see `data/README.md`).
//! They are compiled into the binary; `--data DIR` reads another copy instead.

pub mod gazetteer;
pub mod lexicon;
pub mod pattern;
pub mod triggers;

use crate::error::{Error, Result};
use std::path::{Path, PathBuf};

pub use gazetteer::{EntryId, Gazetteer, GazetteerEntry};
pub use lexicon::{Lexicon, WordList};

/// Every data file, by name, with its built-in contents.
pub const DATA_FILES: &[(&str, &str)] = &[
    ("countries.tsv", include_str!("../../data/countries.tsv")),
    ("organizations.tsv", include_str!("../../data/organizations.tsv")),
    ("locations.tsv", include_str!("../../data/locations.tsv")),
    ("given_names.txt", include_str!("../../data/given_names.txt")),
    ("titles.txt", include_str!("../../data/titles.txt")),
    ("title_modifiers.txt", include_str!("../../data/title_modifiers.txt")),
    ("org_heads.txt", include_str!("../../data/org_heads.txt")),
    ("org_nouns.txt", include_str!("../../data/org_nouns.txt")),
    ("location_heads.txt", include_str!("../../data/location_heads.txt")),
    ("location_prefixes.txt", include_str!("../../data/location_prefixes.txt")),
    ("other_heads.txt", include_str!("../../data/other_heads.txt")),
    ("location_cues.txt", include_str!("../../data/location_cues.txt")),
    ("location_nouns.txt", include_str!("../../data/location_nouns.txt")),
    ("stopwords.txt", include_str!("../../data/stopwords.txt")),
    ("calendar.txt", include_str!("../../data/calendar.txt")),
    ("speech_verbs.txt", include_str!("../../data/speech_verbs.txt")),
    ("person_verbs.txt", include_str!("../../data/person_verbs.txt")),
    ("role_verbs.txt", include_str!("../../data/role_verbs.txt")),
    ("site_nouns.txt", include_str!("../../data/site_nouns.txt")),
    ("journey_verbs.txt", include_str!("../../data/journey_verbs.txt")),
    ("furniture.toml", include_str!("../../data/furniture.toml")),
];

/// A data file's name and text, for parsing with good error messages.
pub struct DataFile<'a> {
    pub path: PathBuf,
    pub text: &'a str,
}

impl DataFile<'_> {
    /// Non-empty, non-comment lines with their 1-based line numbers.
    pub fn lines(&self) -> impl Iterator<Item = (usize, &str)> {
        self.text
            .lines()
            .enumerate()
            .map(|(idx, line)| (idx + 1, line.trim_end_matches('\r')))
            .filter(|(_, line)| !line.trim().is_empty() && !line.trim_start().starts_with('#'))
    }

    pub fn error(&self, line: usize, message: impl Into<String>) -> Error {
        Error::BadData { path: self.path.clone(), line, message: message.into() }
    }
}

/// Everything the analysis stages look up, built once per run and shared
/// (read-only) by all threads.
pub struct Resources {
    pub gazetteer: Gazetteer,
    pub lexicon: Lexicon,
    /// Trigger words and examples of the relation extractors.
    pub relations: triggers::RelationTriggers,
}

impl Resources {
    /// The data compiled into the binary.
    pub fn builtin() -> Result<Resources> {
        let relations = triggers::RelationTriggers::builtin()?;
        Resources::from_files(relations, |name| {
            let (_, text) = DATA_FILES.iter().find(|(file, _)| *file == name).expect("known data file");
            Ok((PathBuf::from("data").join(name), std::borrow::Cow::Borrowed(*text)))
        })
    }

    /// The data files of folder `dir` (every file of [`DATA_FILES`] must be there).
    pub fn from_dir(dir: &Path) -> Result<Resources> {
        let relations = triggers::RelationTriggers::from_dir(dir)?;
        Resources::from_files(relations, |name| {
            let path = dir.join(name);
            let text = crate::document::load::read_text(&path)?;
            Ok((path, std::borrow::Cow::Owned(crate::document::load::strip_bom(&text).to_string())))
        })
    }

    fn from_files(
        relations: triggers::RelationTriggers,
        mut open: impl FnMut(&str) -> Result<(PathBuf, std::borrow::Cow<'static, str>)>,
    ) -> Result<Resources> {
        let mut files = std::collections::BTreeMap::new();
        for (name, _) in DATA_FILES {
            files.insert(*name, open(name)?);
        }
        let file = |name: &str| {
            let (path, text) = &files[name];
            DataFile { path: path.clone(), text: text.as_ref() }
        };
        let gazetteer = Gazetteer::build(&file("countries.tsv"), &file("organizations.tsv"), &file("locations.tsv"))?;
        let lexicon = Lexicon::build(&file)?;
        Ok(Resources { gazetteer, lexicon, relations })
    }
}
