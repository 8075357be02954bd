//! The crate's modules form layers that import only downward.
//!
//! [`LAYERS`] is the one place the order lives: every module of `src/` belongs
//! to exactly one layer (the longest module path in the table that names it or
//! one of its parents), and a module may use modules of its own layer or of
//! lower ones. The check reads every `src/**/*.rs` outside `#[cfg(test)]`
//! items, collects each `crate::…` and `super::…` path (in `use` statements and
//! in code; comments are skipped) and fails naming the file and line of every
//! path that reaches up. ARCHITECTURE.md shows the same table (see
//! [`architecture_shows_the_layers`]).

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// The layers, lowest first: a name and the module paths it holds.
const LAYERS: &[(&str, &[&str])] = &[
    ("document", &["error", "span", "text", "kinds", "document", "resources"]),
    ("tokens", &["segment"]),
    ("syntax", &["syntax"]),
    ("mentions", &["mention", "names"]),
    ("entities", &["entity"]),
    ("relations", &["relation"]),
    ("corpus", &["corpus"]),
    ("graph", &["graph"]),
    ("use", &["export", "graph::query", "graph::lookup", "graph::combine", "eval", "cli"]),
    ("commands", &["pipeline", "commands", ""]),
];

/// The layer of a module path (`graph::query::met` → `use`), by the longest
/// path of [`LAYERS`] that is the module or one of its parents. `""` is the
/// crate root, which holds only itself and its items (`crate::Error`, one
/// capitalised segment): a module must be named in the table.
fn layer_of(module: &[String]) -> Option<usize> {
    let mut best: Option<(usize, usize)> = None;
    for (layer, (_, modules)) in LAYERS.iter().enumerate() {
        for entry in *modules {
            let parts: Vec<&str> = entry.split("::").filter(|part| !part.is_empty()).collect();
            let fits = if parts.is_empty() {
                module.is_empty() || (module.len() == 1 && module[0].starts_with(|c: char| c.is_uppercase()))
            } else {
                parts.len() <= module.len() && parts.iter().zip(module).all(|(a, b)| a == b)
            };
            if fits && best.is_none_or(|(len, _)| parts.len() > len) {
                best = Some((parts.len(), layer));
            }
        }
    }
    best.map(|(_, layer)| layer)
}

/// One path of a source file into another module of the crate.
#[derive(Debug)]
struct Reference {
    line: usize,
    /// The path's segments after `crate`, with `super` resolved.
    path: Vec<String>,
}

/// The module path of a file under `src/`: `graph/merge.rs` → `graph::merge`,
/// `graph/mod.rs` → `graph`, `lib.rs` → the root.
fn module_of(relative: &Path) -> Vec<String> {
    let mut parts: Vec<String> = relative.iter().map(|part| part.to_string_lossy().into_owned()).collect();
    let file = parts.pop().unwrap_or_default();
    let stem = file.trim_end_matches(".rs");
    if stem != "mod" && stem != "lib" {
        parts.push(stem.to_string());
    }
    parts
}

/// The source without comments, `#[cfg(test)]` items and string literals,
/// line breaks kept so that positions still give line numbers.
fn code_of(source: &str) -> String {
    let mut code = String::with_capacity(source.len());
    let mut chars = source.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '/' if chars.peek() == Some(&'/') => {
                for next in chars.by_ref() {
                    if next == '\n' {
                        code.push('\n');
                        break;
                    }
                }
            }
            '/' if chars.peek() == Some(&'*') => {
                while let Some(next) = chars.next() {
                    if next == '\n' {
                        code.push('\n');
                    } else if next == '*' && chars.peek() == Some(&'/') {
                        chars.next();
                        break;
                    }
                }
            }
            '"' => {
                code.push(' ');
                while let Some(next) = chars.next() {
                    match next {
                        '\\' => {
                            chars.next();
                        }
                        '"' => break,
                        '\n' => code.push('\n'),
                        _ => {}
                    }
                }
            }
            _ => code.push(c),
        }
    }
    without_test_items(&code)
}

/// `code` with every item after a `#[cfg(test)]` attribute blanked out (up to
/// its closing brace, or its `;`), line breaks kept.
fn without_test_items(code: &str) -> String {
    const ATTRIBUTE: &str = "#[cfg(test)]";
    let mut out = String::with_capacity(code.len());
    let mut rest = code;
    while let Some(at) = rest.find(ATTRIBUTE) {
        out.push_str(&rest[..at]);
        let item = &rest[at..];
        let mut depth = 0usize;
        let mut end = item.len();
        for (offset, c) in item.char_indices().skip(ATTRIBUTE.len()) {
            match c {
                '{' => depth += 1,
                '}' => {
                    depth = depth.saturating_sub(1);
                    if depth == 0 {
                        end = offset + 1;
                        break;
                    }
                }
                ';' if depth == 0 => {
                    end = offset + 1;
                    break;
                }
                _ => {}
            }
        }
        out.extend(item[..end].chars().filter(|&c| c == '\n'));
        rest = &item[end..];
    }
    out.push_str(rest);
    out
}

/// Every `crate::…` and `super::…` path of `code`, including each member of
/// a `use crate::{a::b, c}` group, resolved against the file's `module`
/// (`super` of `graph::merge`, written in `graph/merge.rs`, is `graph`).
fn references(code: &str, module: &[String]) -> Vec<Reference> {
    let bytes = code.as_bytes();
    let mut found = Vec::new();
    let mut at = 0;
    while at < bytes.len() {
        let starts_word = at == 0 || !(bytes[at - 1].is_ascii_alphanumeric() || bytes[at - 1] == b'_' || bytes[at - 1] == b':');
        let head = ["crate::", "super::"].into_iter().find(|head| bytes[at..].starts_with(head.as_bytes()));
        let Some(head) = head.filter(|_| starts_word) else {
            at += 1;
            continue;
        };
        // The module the path starts from: the root, or one level up per `super::`.
        let mut base: Vec<String> = Vec::new();
        let mut cursor = at;
        if head == "super::" {
            base = module.to_vec();
            while code[cursor..].starts_with("super::") {
                base.pop();
                cursor += "super::".len();
            }
        } else {
            cursor += head.len();
        }
        let line = code[..at].matches('\n').count() + 1;
        for tail in path_tails(&code[cursor..]) {
            let mut path = base.clone();
            path.extend(tail);
            found.push(Reference { line, path });
        }
        at = cursor.max(at + 1);
    }
    found
}

/// The module-like segments that follow `crate::` or `super::`: one path, or
/// one per member of a `{…}` group (nested groups flattened).
fn path_tails(rest: &str) -> Vec<Vec<String>> {
    let mut segments = Vec::new();
    let mut chars = rest.char_indices().peekable();
    let mut word = String::new();
    while let Some(&(offset, c)) = chars.peek() {
        if c.is_alphanumeric() || c == '_' {
            word.push(c);
            chars.next();
        } else if rest[offset..].starts_with("::") {
            segments.push(std::mem::take(&mut word));
            chars.next();
            chars.next();
        } else if c == '{' && word.is_empty() {
            let close = matching_brace(&rest[offset..]);
            let inner = &rest[offset + 1..offset + close];
            return split_top_level(inner)
                .into_iter()
                .flat_map(|member| {
                    let member = member.trim();
                    if member == "self" {
                        return vec![segments.clone()];
                    }
                    path_tails(member).into_iter().map(|tail| segments.iter().cloned().chain(tail).collect()).collect::<Vec<Vec<String>>>()
                })
                .collect();
        } else {
            break;
        }
    }
    if !word.is_empty() {
        segments.push(word);
    }
    vec![segments]
}

/// The offset of the `}` that closes the `{` at the start of `text`.
fn matching_brace(text: &str) -> usize {
    let mut depth = 0usize;
    for (offset, c) in text.char_indices() {
        match c {
            '{' => depth += 1,
            '}' => {
                depth -= 1;
                if depth == 0 {
                    return offset;
                }
            }
            _ => {}
        }
    }
    text.len()
}

/// The members of a `use` group, split at commas outside nested braces.
fn split_top_level(group: &str) -> Vec<&str> {
    let mut members = Vec::new();
    let (mut depth, mut start) = (0usize, 0);
    for (offset, c) in group.char_indices() {
        match c {
            '{' => depth += 1,
            '}' => depth -= 1,
            ',' if depth == 0 => {
                members.push(&group[start..offset]);
                start = offset + 1;
            }
            _ => {}
        }
    }
    members.push(&group[start..]);
    members.into_iter().filter(|member| !member.trim().is_empty()).collect()
}

fn rust_files(dir: &Path, into: &mut Vec<PathBuf>) {
    let mut entries: Vec<PathBuf> = std::fs::read_dir(dir).unwrap().map(|entry| entry.unwrap().path()).collect();
    entries.sort();
    for path in entries {
        if path.is_dir() {
            rust_files(&path, into);
        } else if path.extension().is_some_and(|ext| ext == "rs") {
            into.push(path);
        }
    }
}

/// Every path of the library that reaches a higher layer, or a module that no
/// layer holds, as `file:line: message`.
fn violations() -> Vec<String> {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    let mut found = Vec::new();
    for file in files {
        let relative = file.strip_prefix(&src).unwrap();
        if relative == Path::new("main.rs") {
            continue; // The binary uses the library by its name, from above every layer.
        }
        let module = module_of(relative);
        let shown = format!("src/{}", relative.display());
        let Some(own) = layer_of(&module) else {
            found.push(format!("{shown}:1: module `{}` is in no layer of tests/it/layers.rs", module.join("::")));
            continue;
        };
        let code = code_of(&std::fs::read_to_string(&file).unwrap());
        for reference in references(&code, &module) {
            let Some(target) = layer_of(&reference.path) else {
                found.push(format!("{shown}:{}: `{}` is in no layer", reference.line, reference.path.join("::")));
                continue;
            };
            if target > own {
                found.push(format!(
                    "{shown}:{}: `{}` ({} layer) uses `{}` ({} layer, higher)",
                    reference.line,
                    module.join("::"),
                    LAYERS[own].0,
                    reference.path.join("::"),
                    LAYERS[target].0
                ));
            }
        }
    }
    found
}

#[test]
fn modules_import_only_downward() {
    let found = violations();
    assert!(found.is_empty(), "modules that import a higher layer (order in tests/it/layers.rs):\n{}", found.join("\n"));
}

/// The table as ARCHITECTURE.md draws it, highest layer first.
fn picture() -> String {
    let mut lines = Vec::new();
    for (layer, (name, modules)) in LAYERS.iter().enumerate().rev() {
        let shown: Vec<&str> = modules.iter().map(|module| if module.is_empty() { "(crate root)" } else { module }).collect();
        lines.push(format!(" {layer}  {name:<10} {}", shown.join(", ")));
    }
    lines.join("\n")
}

#[test]
fn architecture_shows_the_layers() {
    let architecture = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("ARCHITECTURE.md")).unwrap();
    let picture = picture();
    assert!(architecture.contains(&picture), "ARCHITECTURE.md must show the layers of tests/it/layers.rs as:\n{picture}");
}

#[test]
fn reads_paths_the_way_rust_resolves_them() {
    let module = |path: &str| path.split("::").map(str::to_string).collect::<Vec<_>>();
    let paths = |code: &str, of: &str| -> Vec<String> {
        references(&code_of(code), &module(of)).into_iter().map(|r| format!("{}:{}", r.line, r.path.join("::"))).collect()
    };
    let cases: &[(&str, &str, &[&str])] = &[
        ("use crate::graph::merge::Limits;", "pipeline", &["1:graph::merge::Limits"]),
        ("use crate::{entity::{self, X}, graph};", "pipeline", &["1:entity", "1:entity::X", "1:graph"]),
        ("use super::merge::DocSummary;", "graph::references", &["1:graph::merge::DocSummary"]),
        ("use super::Thing;", "graph", &["1:Thing"]),
        ("use super::super::merge::Limits;", "graph::query::met", &["1:graph::merge::Limits"]),
        ("// crate::pipeline in a comment\nlet x = crate::text::slug(a);", "mention", &["2:text::slug"]),
        ("let s = \"crate::pipeline\";", "mention", &[]),
        ("#[cfg(test)]\nmod tests {\n    use crate::pipeline::build;\n}\nfn f() { crate::span::slice(); }", "segment", &["5:span::slice"]),
    ];
    for (code, of, expected) in cases {
        assert_eq!(paths(code, of), *expected, "{code}");
    }
    let mut by_layer: BTreeMap<&str, Option<usize>> = BTreeMap::new();
    for path in ["graph::query::met", "graph::merge", "pipeline", "", "Error", "nowhere", "nowhere::Thing"] {
        by_layer.insert(path, layer_of(&module(path).into_iter().filter(|p| !p.is_empty()).collect::<Vec<_>>()));
    }
    assert_eq!(by_layer["graph::query::met"], Some(8));
    assert_eq!(by_layer["graph::merge"], Some(7));
    assert_eq!(by_layer["pipeline"], Some(9));
    assert_eq!(by_layer[""], Some(9));
    assert_eq!(by_layer["Error"], Some(9));
    assert_eq!(by_layer["nowhere"], None);
    assert_eq!(by_layer["nowhere::Thing"], None);
}
