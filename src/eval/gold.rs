//! The gold file (`/work/shared/gold/FORMAT.md`): serde types, loading and
//! the checks that make a hand-edited file fail with a message naming the
//! entry at fault instead of scoring garbage.

use crate::error::{Error, Result};
use crate::graph::{EntityKind, RelationKind};
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

/// The only `format` version this crate reads.
pub const GOLD_FORMAT: u32 = 1;

/// A gold annotation of a set of documents.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Gold {
    pub format: u32,
    #[serde(default)]
    pub documents: Vec<GoldDocument>,
    pub entities: Vec<GoldEntity>,
    #[serde(default)]
    pub relations: Vec<GoldRelation>,
    /// Names in the files that are not part of the articles (page furniture).
    #[serde(default)]
    pub not_entities: Vec<String>,
}

/// A document the gold file annotates.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GoldDocument {
    pub id: String,
    #[serde(default)]
    pub path: Option<String>,
    #[serde(default)]
    pub date: Option<String>,
}

/// An entity a careful reader would put in the graph.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GoldEntity {
    pub id: String,
    #[serde(rename = "type")]
    pub kind: EntityKind,
    pub name: String,
    /// Surface forms that refer to it; the name always matches too.
    #[serde(default)]
    pub aliases: Vec<String>,
    #[serde(default)]
    pub documents: Vec<String>,
    /// `false`: predicting it is neither rewarded nor punished.
    #[serde(default = "default_required")]
    pub required: bool,
}

/// A relation between two gold entities (by id).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GoldRelation {
    pub source: String,
    #[serde(rename = "type")]
    pub kind: RelationKind,
    pub target: String,
    #[serde(default)]
    pub attributes: BTreeMap<String, String>,
    #[serde(default)]
    pub documents: Vec<String>,
    /// Verbatim quotes that state the relation.
    #[serde(default)]
    pub evidence: Vec<String>,
    /// `false`: implied rather than stated; neither rewarded nor punished.
    #[serde(default = "default_required")]
    pub required: bool,
}

fn default_required() -> bool {
    true
}

/// Reads and checks a gold file.
pub fn load_gold(path: &Path) -> Result<Gold> {
    if !path.exists() {
        return Err(Error::MissingPath { path: path.to_path_buf() });
    }
    let text = crate::document::load::read_text(path)?;
    parse_gold(&text).map_err(|message| Error::BadFile { path: path.to_path_buf(), message })
}

/// Parses and checks the text of a gold file; the error is a message
/// without the path.
pub fn parse_gold(text: &str) -> Result<Gold, String> {
    let gold: Gold = serde_json::from_str(crate::document::load::strip_bom(text)).map_err(|e| format!("not a gold file: {e}"))?;
    gold.check()?;
    Ok(gold)
}

impl Gold {
    /// The consistency rules serde cannot express: the format version,
    /// unique entity ids, non-empty names, relations between known entities,
    /// and no CO_OCCURS (it is never scored).
    pub fn check(&self) -> Result<(), String> {
        if self.format != GOLD_FORMAT {
            return Err(format!("unsupported gold \"format\" {}; this newsgraph reads format {GOLD_FORMAT}", self.format));
        }
        let mut ids = BTreeSet::new();
        for (entity_idx, entity) in self.entities.iter().enumerate() {
            if entity.id.trim().is_empty() {
                return Err(format!("entity {entity_idx} ('{}') has an empty \"id\"", entity.name));
            }
            if !ids.insert(entity.id.as_str()) {
                return Err(format!("entity id '{}' appears twice in \"entities\"", entity.id));
            }
            if crate::text::normalize_name(&entity.name).is_empty() {
                return Err(format!("entity '{}' has an empty \"name\"", entity.id));
            }
        }
        for (relation_idx, relation) in self.relations.iter().enumerate() {
            let label = format!("relation {relation_idx} ({} {} {})", relation.source, relation.kind, relation.target);
            if relation.kind == RelationKind::CoOccurs {
                return Err(format!("{label}: CO_OCCURS is not a gold relation type"));
            }
            for end in [&relation.source, &relation.target] {
                if !ids.contains(end.as_str()) {
                    return Err(format!("{label} names entity '{end}', which is not in \"entities\""));
                }
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const MINIMAL: &str = r#"{"format": 1, "entities": [
        {"id": "kenya", "type": "Country", "name": "Kenya"},
        {"id": "ruto", "type": "Person", "name": "William Ruto", "aliases": ["Ruto"], "required": false}],
      "relations": [{"source": "ruto", "type": "HOLDS_ROLE", "target": "kenya"}]}"#;

    #[test]
    fn defaults() {
        let gold = parse_gold(MINIMAL).unwrap();
        assert!(gold.entities[0].required);
        assert!(!gold.entities[1].required);
        assert!(gold.relations[0].required);
        assert!(gold.not_entities.is_empty() && gold.documents.is_empty());
    }

    #[test]
    fn bad_files_name_the_problem() {
        for (text, expected) in [
            ("[]", "not a gold file"),
            (r#"{"format": 2, "entities": []}"#, "unsupported gold \"format\" 2"),
            (r#"{"format": 1, "entities": [{"id": "x", "type": "Planet", "name": "X"}]}"#, "unknown variant `Planet`"),
            (
                r#"{"format": 1, "entities": [{"id": "x", "type": "Person", "name": "X"}, {"id": "x", "type": "Person", "name": "Y"}]}"#,
                "entity id 'x' appears twice",
            ),
            (r#"{"format": 1, "entities": [{"id": "x", "type": "Person", "name": " . "}]}"#, "entity 'x' has an empty \"name\""),
            (
                r#"{"format": 1, "entities": [{"id": "x", "type": "Person", "name": "X"}],
                   "relations": [{"source": "x", "type": "MET", "target": "y"}]}"#,
                "relation 0 (x MET y) names entity 'y', which is not in \"entities\"",
            ),
            (
                r#"{"format": 1, "entities": [{"id": "x", "type": "Person", "name": "X"}],
                   "relations": [{"source": "x", "type": "CO_OCCURS", "target": "x"}]}"#,
                "CO_OCCURS is not a gold relation type",
            ),
            (r#"{"format": 1, "entities": [], "entitys": []}"#, "unknown field `entitys`"),
        ] {
            let message = parse_gold(text).unwrap_err();
            assert!(message.contains(expected), "{text}\n-> {message}");
        }
    }
}
