//! The pattern language of the relation files: relations read off the dependency tree.
//!
//! A `[[pattern]]` table of `data/relations/<kind>.toml` says which words trigger it and how its
//! arguments are reached from the trigger:
//!
//! ```toml
//! [[pattern]]
//! name = "verb"                        # the rule is "<file>.<name>"
//! relation = "MET"                     # optional when the file has one kind
//! trigger = ["meet", "talk", "host"]   # lemmas, so "met", "meets", "will meet" need no entries
//! pos = ["VERB"]                       # optional: the trigger's UPOS
//! source = ["@subject"]                # paths from the trigger; every argument reached
//! target = ["@object", "obl[with]"]
//! attributes = { kind = "met" }
//! ```
//!
//! A trigger `@Person` (any entity type) anchors the pattern on every argument of that type
//! instead of on a word ("X of the Y Party": `trigger = ["@Person"]`, `target = ["nmod[of]"]`).
//! An attribute value `$path` is the text of the word the path reaches ("$." is the trigger
//! itself: `role = "$."` on "X is the president of Y" gives `role = president`); `$lemma path` is
//! its lemma (`kind = "$lemma ."` on "X met Y" gives `kind = meet`).
//!
//! A path is steps separated by spaces, read from the trigger: `obj` goes to its dependents of
//! that relation (or a subtype: `obl` takes `obl:tmod`), `obl[with|to]` only to those whose own
//! `case` or `mark` word is one of the lemmas (`appos[,]`: whose own punctuation is a comma, not a
//! bracket), `^appos` up to the head when the word hangs from it
//! by that relation, `.` stays on the trigger. A step may end in `{lemma|lemma}`: only words with
//! one of those lemmas are reached (`^obj{head|lead}` goes up from "the delegation" in "X, who
//! headed the delegation", not in "X, who sent the delegation"). `@subject` is the trigger's logical subject:
//! `nsubj`, the agent of a passive (`obl:agent`), else the subject it shares as `xcomp` (control:
//! "X agreed to meet Y"; the object when the governing verb has one, "urged X to meet Y"), as
//! `conj` ("X arrived and met Y") or as an adverbial clause ("After meeting Y, X left", "X flew
//! to Lima to meet Y"; the words that mark such clauses are `shared_subject_marks` of
//! `guards.toml`), the passive subject of a clause it shares it with ("X was formed to fight Y"),
//! the noun a relative or participial clause modifies ("X, who met Y", "officials meeting Y").
//! `@object` is `obj`, the subject of a passive (`nsubj:pass`), an oblique without a preposition
//! (a misread object), or the noun a passive participle modifies ("Y, led by X"). A pattern with `group` instead of `source` and `target` relates every
//! two of the arguments it reaches ("X and Y met", "talks between X and Y"); `reciprocal = true`
//! relates every two subjects both ways when the object is "each other" or "one another", and
//! the members of a `group` both ways (a directed relation: "the war between X and Y").
//! `place_as_country = true` lets a place reached as a target stand for the country the gazetteer
//! puts it in, when the document names that country ("a delegation arrived in Nairobi": Kenya).
//! `unless = ["xcomp"]` lists paths that must reach no word from the trigger for the pattern to
//! apply ("X called Y a liar" is no phone call: `unless = ["xcomp", "obj det{a}"]`).

use crate::kinds::{EntityKind, RelationKind};
use serde::Deserialize;
use std::collections::{BTreeMap, BTreeSet};
use std::sync::{Mutex, OnceLock};

/// One `[[pattern]]` table as written.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PatternSpec {
    pub name: String,
    #[serde(default)]
    pub relation: Option<String>,
    pub trigger: Vec<String>,
    #[serde(default)]
    pub pos: Vec<String>,
    #[serde(default)]
    pub source: Vec<String>,
    #[serde(default)]
    pub target: Vec<String>,
    #[serde(default)]
    pub group: Vec<String>,
    #[serde(default)]
    pub source_kinds: Vec<String>,
    #[serde(default)]
    pub target_kinds: Vec<String>,
    #[serde(default)]
    pub attributes: BTreeMap<String, String>,
    #[serde(default)]
    pub reciprocal: bool,
    #[serde(default)]
    pub place_as_country: bool,
    #[serde(default)]
    pub unless: Vec<String>,
}

/// One step of a path.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Step {
    /// To the dependents with this relation, optionally only those marked by one of `case`.
    Child {
        label: String,
        case: Vec<String>,
        /// Only dependents with one of these lemmas (any when empty).
        lemmas: Vec<String>,
    },
    /// Up to the head, when the word hangs from it by this relation (and the head has one of
    /// `lemmas`, when there are any).
    Parent {
        label: String,
        lemmas: Vec<String>,
    },
    Subject,
    Object,
    Itself,
}

pub type Path = Vec<Step>;

/// A compiled pattern.
#[derive(Clone, Debug)]
pub struct Pattern {
    /// `<file>.<name>`, interned for the life of the program.
    pub rule: &'static str,
    pub kind: RelationKind,
    /// Lowercase trigger lemmas.
    pub triggers: Vec<String>,
    /// The entity types that anchor it (`@Person` triggers).
    pub anchors: Vec<EntityKind>,
    pub pos: Vec<String>,
    pub source: Vec<Path>,
    pub target: Vec<Path>,
    pub group: Vec<Path>,
    pub source_kinds: Vec<EntityKind>,
    pub target_kinds: Vec<EntityKind>,
    pub attributes: Vec<(String, Attribute)>,
    pub reciprocal: bool,
    /// A place reached as a target stands for its country.
    pub place_as_country: bool,
    /// Paths that must reach nothing for the pattern to apply.
    pub unless: Vec<Path>,
}

/// The value of an attribute: fixed text, or the text of the word a path reaches.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Attribute {
    Text(String),
    /// `$path`: the word as written.
    Word(Path),
    /// `$lemma path`: the word's lemma ("met" -> meet).
    Lemma(Path),
}

impl Pattern {
    /// Compiles one table of file `stem`, whose relation kinds are `kinds`.
    pub fn compile(stem: &str, kinds: &[String], spec: &PatternSpec) -> Result<Pattern, String> {
        let at = |message: String| format!("pattern '{}': {message}", spec.name);
        let kind_name = match (&spec.relation, kinds) {
            (Some(kind), _) => kind.as_str(),
            (None, [only]) => only.as_str(),
            (None, _) => return Err(at("say which `relation` it finds (the file has several kinds)".into())),
        };
        let kind = RelationKind::parse(kind_name).ok_or_else(|| at(format!("unknown relation '{kind_name}'")))?;
        if spec.trigger.is_empty() {
            return Err(at("`trigger` lists no lemma".into()));
        }
        let has_pair = !spec.source.is_empty() && !spec.target.is_empty();
        if has_pair != spec.group.is_empty() {
            return Err(at("give either `source` and `target`, or `group`".into()));
        }
        let paths = |paths: &[String]| paths.iter().map(|p| parse_path(p).map_err(&at)).collect::<Result<Vec<Path>, String>>();
        let entity_kinds = |names: &[String]| -> Result<Vec<EntityKind>, String> {
            if names.is_empty() {
                return Ok(vec![EntityKind::Person, EntityKind::Country, EntityKind::Organization]);
            }
            names.iter().map(|name| EntityKind::parse(name).ok_or_else(|| at(format!("unknown entity type '{name}'")))).collect()
        };
        let mut anchors = Vec::new();
        let mut triggers = Vec::new();
        for trigger in &spec.trigger {
            match trigger.strip_prefix('@') {
                Some(kind) => anchors.push(EntityKind::parse(kind).ok_or_else(|| at(format!("unknown entity type '@{kind}'")))?),
                None => triggers.push(trigger.to_lowercase()),
            }
        }
        let mut attributes = Vec::new();
        for (key, value) in &spec.attributes {
            let value = match value.strip_prefix('$') {
                Some(path) => match path.strip_prefix("lemma ") {
                    Some(path) => Attribute::Lemma(parse_path(path).map_err(&at)?),
                    None => Attribute::Word(parse_path(path).map_err(&at)?),
                },
                None => Attribute::Text(value.clone()),
            };
            attributes.push((key.clone(), value));
        }
        Ok(Pattern {
            rule: intern(&format!("{stem}.{}", spec.name)),
            kind,
            triggers,
            anchors,
            pos: spec.pos.clone(),
            source: paths(&spec.source)?,
            target: paths(&spec.target)?,
            group: paths(&spec.group)?,
            source_kinds: entity_kinds(&spec.source_kinds)?,
            target_kinds: entity_kinds(if spec.group.is_empty() { &spec.target_kinds } else { &spec.source_kinds })?,
            attributes,
            reciprocal: spec.reciprocal,
            place_as_country: spec.place_as_country,
            unless: paths(&spec.unless)?,
        })
    }
}

/// Parses a path (see the module docs).
pub fn parse_path(path: &str) -> Result<Path, String> {
    let steps: Vec<&str> = path.split_whitespace().collect();
    if steps.is_empty() {
        return Err("an empty path".into());
    }
    steps.into_iter().map(parse_step).collect()
}

fn parse_step(step: &str) -> Result<Step, String> {
    let bad = || format!("bad step '{step}': write a relation (obj, obl[with|to], ^appos, ^obj{{lead}}), @subject, @object or .");
    let (step, lemmas) = match step.split_once('{') {
        Some((step, rest)) => {
            let lemmas: Vec<String> = rest.strip_suffix('}').ok_or_else(bad)?.split('|').map(str::to_lowercase).collect();
            if lemmas.iter().any(|l| l.is_empty()) {
                return Err(bad());
            }
            (step, lemmas)
        }
        None => (step, Vec::new()),
    };
    match step {
        "@subject" | "@object" | "." if !lemmas.is_empty() => return Err(bad()),
        "@subject" => return Ok(Step::Subject),
        "@object" => return Ok(Step::Object),
        "." => return Ok(Step::Itself),
        _ => {}
    }
    let is_label = |s: &str| !s.is_empty() && s.chars().all(|c| c.is_ascii_lowercase() || c == ':');
    if let Some(label) = step.strip_prefix('^') {
        return if is_label(label) { Ok(Step::Parent { label: label.to_string(), lemmas }) } else { Err(bad()) };
    }
    let (label, case) = match step.split_once('[') {
        Some((label, rest)) => {
            let cases = rest.strip_suffix(']').ok_or_else(bad)?;
            let cases: Vec<String> = cases.split('|').map(str::to_lowercase).collect();
            if cases.iter().any(|c| c.is_empty()) {
                return Err(bad());
            }
            (label, cases)
        }
        None => (step, Vec::new()),
    };
    if !is_label(label) {
        return Err(bad());
    }
    Ok(Step::Child { label: label.to_string(), case, lemmas })
}

/// A rule name that lives as long as the program (rules are `&'static str` in candidates); each
/// distinct name is allocated once however often the data is loaded.
fn intern(name: &str) -> &'static str {
    static NAMES: OnceLock<Mutex<BTreeSet<&'static str>>> = OnceLock::new();
    let mut names = NAMES.get_or_init(Default::default).lock().unwrap_or_else(|poisoned| poisoned.into_inner());
    if let Some(&known) = names.get(name) {
        return known;
    }
    let leaked: &'static str = Box::leak(name.to_string().into_boxed_str());
    names.insert(leaked);
    leaked
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths() {
        let strings = |words: &[&str]| words.iter().map(|w| w.to_string()).collect::<Vec<String>>();
        let child = |label: &str, case: &[&str]| Step::Child { label: label.into(), case: strings(case), lemmas: vec![] };
        let table: &[(&str, Path)] = &[
            ("@subject", vec![Step::Subject]),
            ("obl[with|to]", vec![child("obl", &["with", "to"])]),
            ("^appos nmod[of]", vec![Step::Parent { label: "appos".into(), lemmas: vec![] }, child("nmod", &["of"])]),
            ("^obj{Head|lead} @subject", vec![Step::Parent { label: "obj".into(), lemmas: strings(&["head", "lead"]) }, Step::Subject]),
            (
                "acl:relcl{visit} obl[in]",
                vec![Step::Child { label: "acl:relcl".into(), case: vec![], lemmas: strings(&["visit"]) }, child("obl", &["in"])],
            ),
            ("nmod:poss", vec![child("nmod:poss", &[])]),
            ("appos[,]", vec![child("appos", &[","])]),
            (". @object", vec![Step::Itself, Step::Object]),
        ];
        for (text, path) in table {
            assert_eq!(&parse_path(text).unwrap(), path, "{text}");
        }
        for bad in
            ["", "obl[with", "obl[]", "OBJ", "^", "@verb", "obl[with||to]", "obj{", "obj{}", "^obj{a||b}", "@subject{meet}", "{meet}"]
        {
            assert!(parse_path(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn compile_checks_the_table() {
        let spec = |source: &[&str], target: &[&str], group: &[&str]| PatternSpec {
            name: "verb".into(),
            relation: None,
            trigger: vec!["Meet".into()],
            pos: vec![],
            source: source.iter().map(|s| s.to_string()).collect(),
            target: target.iter().map(|s| s.to_string()).collect(),
            group: group.iter().map(|s| s.to_string()).collect(),
            source_kinds: vec![],
            target_kinds: vec!["Location".into()],
            attributes: BTreeMap::new(),
            reciprocal: false,
            place_as_country: false,
            unless: vec!["xcomp".into()],
        };
        let kinds = ["MET".to_string()];
        let pattern = Pattern::compile("met", &kinds, &spec(&["@subject"], &["obj"], &[])).unwrap();
        assert_eq!(
            (pattern.rule, pattern.kind, pattern.triggers.as_slice()),
            ("met.verb", RelationKind::Met, ["meet".to_string()].as_slice())
        );
        assert_eq!(pattern.target_kinds, [EntityKind::Location]);
        assert_eq!(pattern.unless, [parse_path("xcomp").unwrap()]);
        assert!(std::ptr::eq(pattern.rule, Pattern::compile("met", &kinds, &spec(&["@subject"], &["obj"], &[])).unwrap().rule));
        assert!(Pattern::compile("met", &kinds, &spec(&["@subject"], &[], &[])).is_err());
        assert!(Pattern::compile("met", &kinds, &spec(&["@subject"], &["obj"], &["nsubj"])).is_err());
        assert!(Pattern::compile("vote", &["VOTED_FOR".into(), "ABSTAINED".into()], &spec(&[], &[], &["nsubj"])).is_err());
    }
}
