//! Printing [`Scores`]: a compact table with the error lists a developer
//! works from, or everything as JSON.

use super::score::{Prf, Scores};
use std::fmt::Write;

/// How many items of each error list the table shows; `--json` shows all.
pub const LIST_LIMIT: usize = 20;

/// Quotes longer than this many characters are cut in the table.
const QUOTE_LIMIT: usize = 100;

/// Pretty JSON (keys in a fixed order) with a trailing newline.
pub fn to_json(scores: &Scores) -> String {
    let mut json = serde_json::to_string_pretty(scores).expect("scores serialise");
    json.push('\n');
    json
}

/// The human view: scores first, then the error lists, each cut at
/// [`LIST_LIMIT`] items with a count of the rest.
pub fn to_table(scores: &Scores) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "{:<26}{:>7}{:>7}{:>7}{:>6}{:>6}{:>7}{:>6}", "", "P", "R", "F1", "TP", "FP", "found", "FN");
    prf_row(&mut out, "entities typed", &scores.entities_typed);
    prf_row(&mut out, "entities untyped", &scores.entities_untyped);
    let _ = writeln!(out, "{:<26}{:>7}", "duplicate nodes", scores.duplicate_nodes);
    let _ = writeln!(out, "{:<26}{:>7}", "furniture nodes", scores.furniture_nodes);
    prf_row(&mut out, "relations", &scores.relations);
    for (kind, prf) in &scores.per_entity_type {
        prf_row(&mut out, &format!("  {kind}"), prf);
    }
    for (kind, prf) in &scores.per_relation_type {
        prf_row(&mut out, &format!("  {kind}"), prf);
    }
    let counts = &scores.counts;
    let _ = writeln!(
        out,
        "({} nodes, {} relations scored, {} CO_OCCURS skipped; {} nodes and {} relations match only optional gold)",
        counts.nodes, counts.relations, counts.co_occurs_skipped, counts.optional_nodes, counts.optional_relations
    );

    list(&mut out, "false-positive nodes", &scores.false_positive_nodes, |node| {
        let gold = if node.gold.is_empty() { String::new() } else { format!(" (gold: {})", node.gold.join(", ")) };
        format!("{}  \"{}\" ({}): {}{gold}", node.id, node.label, node.kind, node.reason.as_str())
    });
    list(&mut out, "missed entities", &scores.missed_entities, |entity| {
        let found_as = if entity.found_as.is_empty() {
            String::new()
        } else {
            format!(" (found with another type as {})", entity.found_as.join(", "))
        };
        format!("{}  \"{}\" ({}){found_as}", entity.id, entity.name, entity.kind)
    });
    list(&mut out, "duplicates", &scores.duplicates, |duplicate| format!("{}: {}", duplicate.gold, duplicate.nodes.join(", ")));
    list(&mut out, "furniture nodes", &scores.furniture, |node| format!("{}  \"{}\"", node.id, node.label));
    list(&mut out, "false-positive relations", &scores.false_positive_relations, |relation| {
        let gold = if relation.gold.is_empty() { String::new() } else { format!(" (gold: {})", relation.gold.join("; ")) };
        let rule = relation.rule.as_deref().map(|rule| format!(" [{rule}]")).unwrap_or_default();
        let quote = relation.quote.as_deref().map(|quote| format!(" \"{}\"", shorten(quote))).unwrap_or_default();
        format!("{} {} {}: {}{gold}{rule}{quote}", relation.source, relation.kind, relation.target, relation.reason.as_str())
    });
    list(&mut out, "missed relations", &scores.missed_relations, |relation| {
        let ends: Vec<&str> = [(relation.source_found, "source"), (relation.target_found, "target")]
            .into_iter()
            .filter(|(found, _)| !found)
            .map(|(_, end)| end)
            .collect();
        let ends = if ends.is_empty() { String::new() } else { format!(" ({} not found)", ends.join(" and ")) };
        let quote = relation.evidence.as_deref().map(|quote| format!(" \"{}\"", shorten(quote))).unwrap_or_default();
        format!("{} {} {}{ends}{quote}", relation.source, relation.kind, relation.target)
    });
    out
}

fn prf_row(out: &mut String, label: &str, prf: &Prf) {
    let _ = writeln!(
        out,
        "{label:<26}{:>7.3}{:>7.3}{:>7.3}{:>6}{:>6}{:>7}{:>6}",
        prf.precision, prf.recall, prf.f1, prf.tp, prf.fp, prf.found, prf.r#fn
    );
}

fn list<T>(out: &mut String, title: &str, items: &[T], line: impl Fn(&T) -> String) {
    if items.is_empty() {
        return;
    }
    let _ = writeln!(out, "\n{title} ({}):", items.len());
    for item in items.iter().take(LIST_LIMIT) {
        let _ = writeln!(out, "  {}", line(item));
    }
    if items.len() > LIST_LIMIT {
        let _ = writeln!(out, "  ... and {} more (--json lists all)", items.len() - LIST_LIMIT);
    }
}

fn shorten(quote: &str) -> String {
    if quote.chars().count() <= QUOTE_LIMIT {
        return quote.to_string();
    }
    let cut: String = quote.chars().take(QUOTE_LIMIT - 1).collect();
    format!("{}…", cut.trim_end())
}
