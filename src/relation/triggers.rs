//! Trigger words and example sentences of each relation extractor, from
//! `data/relations/<kind>.toml`.
//!
//! A file holds `triggers` (phrases, lowercase, matched on whole words) and
//! any number of `[[example]]` tables: `text`, a sentence or short passage
//! written for this project, and `relations`, the relations of this file's
//! kind that the pipeline must find in it, as `"Source -> Target"` (labels or
//! aliases). An empty list is a negative example. A test runs them all.

use crate::error::{Error, Result};
use crate::graph::RelationKind;
use serde::Deserialize;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// The built-in trigger files, by file stem.
pub const RELATION_FILES: &[(&str, &str)] = &[
    ("holds_role", include_str!("../../data/relations/holds_role.toml")),
    ("met", include_str!("../../data/relations/met.toml")),
    ("leads", include_str!("../../data/relations/leads.toml")),
    ("member_of", include_str!("../../data/relations/member_of.toml")),
    ("contributes_to", include_str!("../../data/relations/contributes_to.toml")),
    ("sponsors", include_str!("../../data/relations/sponsors.toml")),
    ("adopted", include_str!("../../data/relations/adopted.toml")),
    ("vote", include_str!("../../data/relations/vote.toml")),
    ("authorizes", include_str!("../../data/relations/authorizes.toml")),
    ("located_in", include_str!("../../data/relations/located_in.toml")),
    ("opposes", include_str!("../../data/relations/opposes.toml")),
];

/// One example of a trigger file.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Example {
    pub text: String,
    pub relations: Vec<String>,
}

/// One trigger file.
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TriggerFile {
    /// The relation kinds this file's examples check (`["MET"]`, or the three votes).
    pub kinds: Vec<String>,
    /// Trigger phrases, grouped by the sense they signal (e.g. `met`, `spoke`,
    /// `abstained`); the group name becomes a `kind` attribute or selects a
    /// relation kind, as the extractor documents.
    #[serde(default)]
    pub triggers: BTreeMap<String, Vec<String>>,
    #[serde(default, rename = "example")]
    pub examples: Vec<Example>,
}

impl TriggerFile {
    pub fn relation_kinds(&self) -> Vec<RelationKind> {
        self.kinds.iter().filter_map(|k| RelationKind::parse(k)).collect()
    }

    /// The group a phrase belongs to, if any phrase of any group equals `phrase`.
    pub fn group_of(&self, phrase: &str) -> Option<&str> {
        self.triggers.iter().find(|(_, phrases)| phrases.iter().any(|p| p == phrase)).map(|(group, _)| group.as_str())
    }

    pub fn phrases(&self, group: &str) -> &[String] {
        self.triggers.get(group).map(Vec::as_slice).unwrap_or(&[])
    }
}

/// Every trigger file, by stem.
#[derive(Debug, Default)]
pub struct RelationTriggers {
    pub files: BTreeMap<String, TriggerFile>,
}

impl RelationTriggers {
    pub fn builtin() -> Result<RelationTriggers> {
        Self::parse_all(
            RELATION_FILES.iter().map(|(stem, text)| (*stem, PathBuf::from(format!("data/relations/{stem}.toml")), text.to_string())),
        )
    }

    pub fn from_dir(dir: &Path) -> Result<RelationTriggers> {
        let mut files = Vec::new();
        for (stem, _) in RELATION_FILES {
            let path = dir.join("relations").join(format!("{stem}.toml"));
            let text = crate::document::load::read_text(&path)?;
            files.push((*stem, path, text));
        }
        Self::parse_all(files)
    }

    fn parse_all(files: impl IntoIterator<Item = (&'static str, PathBuf, String)>) -> Result<RelationTriggers> {
        let mut triggers = RelationTriggers::default();
        for (stem, path, text) in files {
            let file: TriggerFile = toml::from_str(&text).map_err(|e| {
                let line = e.span().map(|s| text[..s.start.min(text.len())].lines().count().max(1)).unwrap_or(1);
                Error::BadData { path: path.clone(), line, message: e.message().to_string() }
            })?;
            if let Some(bad) = file.kinds.iter().find(|k| RelationKind::parse(k).is_none()) {
                let names: Vec<&str> = RelationKind::ALL.iter().map(|k| k.as_str()).collect();
                return Err(Error::BadData {
                    path,
                    line: 1,
                    message: format!("unknown relation kind '{bad}'; expected one of {}", names.join(", ")),
                });
            }
            triggers.files.insert(stem.to_string(), file);
        }
        Ok(triggers)
    }

    /// The file of one extractor (an empty one if missing).
    pub fn file(&self, stem: &str) -> &TriggerFile {
        static EMPTY: std::sync::OnceLock<TriggerFile> = std::sync::OnceLock::new();
        self.files.get(stem).unwrap_or_else(|| EMPTY.get_or_init(TriggerFile::default))
    }
}
