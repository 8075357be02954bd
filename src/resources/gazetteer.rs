//! The gazetteer: every known name of every country, organization and place,
//! compiled into one leftmost-longest Aho-Corasick automaton.

use super::DataFile;
use crate::error::Result;
use crate::kinds::EntityKind;
use crate::span::Span;
use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};
use std::collections::HashMap;

/// Index of an entry in [`Gazetteer::entries`].
pub type EntryId = u32;

/// One known entity.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct GazetteerEntry {
    pub kind: EntityKind,
    /// The canonical name (first column of the data file).
    pub name: String,
    /// For a place, the country it is in (canonical name), when the data says.
    pub country: Option<String>,
    /// The seat of `country`'s government ("Moscow"), which may stand for it.
    pub capital: bool,
}

/// What one surface form means.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Surface {
    pub entry: EntryId,
    /// A demonym ("Kenyan") rather than a name ("Kenya").
    pub demonym: bool,
}

/// A gazetteer hit in a text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct GazetteerMatch {
    pub span: Span,
    pub surface: Surface,
}

pub struct Gazetteer {
    pub entries: Vec<GazetteerEntry>,
    surfaces: Vec<Surface>,
    automaton: AhoCorasick,
    /// Normalised name -> entry, for looking names up outside a text.
    by_name: HashMap<String, EntryId>,
    /// Places whose name an earlier entry claimed ("Georgia" the US state,
    /// behind the country), by surface form: chosen only by context.
    shadowed_places: HashMap<String, Vec<EntryId>>,
}

impl Gazetteer {
    pub fn build(countries: &DataFile, organizations: &DataFile, locations: &DataFile) -> Result<Gazetteer> {
        let mut builder = Builder::default();
        for (line_no, line) in countries.lines() {
            let columns = columns(countries, line_no, line, 1, 3)?;
            let entry = builder.entry(EntityKind::Country, columns[0], None);
            builder.names(entry, columns.iter().take(2).copied(), false);
            if let Some(demonyms) = columns.get(2) {
                builder.names(entry, [*demonyms], true);
            }
        }
        for (line_no, line) in organizations.lines() {
            let columns = columns(organizations, line_no, line, 1, 2)?;
            let entry = builder.entry(EntityKind::Organization, columns[0], None);
            builder.names(entry, columns.iter().copied(), false);
        }
        let country_names: std::collections::HashSet<String> =
            builder.entries.iter().filter(|e| e.kind == EntityKind::Country).map(|e| e.name.clone()).collect();
        for (line_no, line) in locations.lines() {
            let columns = columns(locations, line_no, line, 1, 4)?;
            let country = columns.get(2).filter(|c| !c.is_empty()).map(|c| c.to_string());
            if let Some(country) = country.as_deref().filter(|c| !country_names.contains(*c)) {
                return Err(locations.error(line_no, format!("unknown country '{country}': use a canonical name from countries.tsv")));
            }
            let capital = match columns.get(3).copied() {
                None | Some("") => false,
                Some("capital") if country.is_some() => true,
                Some(other) => {
                    return Err(locations.error(line_no, format!("the fourth column is 'capital' after a country, or empty, not '{other}'")))
                }
            };
            let entry = builder.entry(EntityKind::Location, columns[0], country);
            builder.entries[entry as usize].capital = capital;
            builder.names(entry, columns.iter().take(2).copied(), false);
        }
        let automaton =
            AhoCorasickBuilder::new().match_kind(MatchKind::LeftmostLongest).build(&builder.patterns).expect("gazetteer automaton builds");
        Ok(Gazetteer {
            entries: builder.entries,
            surfaces: builder.surfaces,
            automaton,
            by_name: builder.by_name,
            shadowed_places: builder.shadowed_places,
        })
    }

    /// Every whole-word hit in `text[within]`, leftmost-longest, case-sensitive.
    /// A hit must not touch a letter or digit on either side (hyphens and
    /// apostrophes are boundaries, so "Kenya-led" and "Kenya’s" hit "Kenya").
    pub fn find(&self, text: &str, within: Span) -> Vec<GazetteerMatch> {
        let haystack = within.text(text);
        let base = within.start as usize;
        self.automaton
            .find_iter(haystack)
            .filter(|hit| is_word_boundary(haystack, hit.start(), hit.end()))
            .map(|hit| GazetteerMatch {
                span: Span::new(base + hit.start(), base + hit.end()),
                surface: self.surfaces[hit.pattern().as_usize()],
            })
            .collect()
    }

    pub fn entry(&self, id: EntryId) -> &GazetteerEntry {
        &self.entries[id as usize]
    }

    /// The place in `country` called `surface` whose name an earlier entry
    /// claimed: "Georgia" in "Atlanta, Georgia" is the US state.
    pub fn shadowed_place(&self, surface: &str, country: &str) -> Option<EntryId> {
        self.shadowed_places.get(surface)?.iter().copied().find(|&id| self.entry(id).country.as_deref() == Some(country))
    }

    /// The entry whose name or alias normalises to `name`.
    pub fn lookup(&self, name: &str) -> Option<EntryId> {
        self.by_name.get(&crate::text::normalize_name(name)).copied()
    }
}

/// True when `text[start..end]` is not glued to a letter or digit on either side.
pub fn is_word_boundary(text: &str, start: usize, end: usize) -> bool {
    let before = crate::span::prefix(text, start).chars().next_back();
    let after = crate::span::suffix(text, end).chars().next();
    !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
}

fn columns<'a>(file: &DataFile, line_no: usize, line: &'a str, min: usize, max: usize) -> Result<Vec<&'a str>> {
    let columns: Vec<&str> = line.split('\t').map(str::trim).collect();
    if columns.len() < min || columns.len() > max || columns[0].is_empty() {
        return Err(file.error(
            line_no,
            format!("expected {min} to {max} tab-separated columns (name, then '|'-separated alternatives), found {}", columns.len()),
        ));
    }
    Ok(columns)
}

#[derive(Default)]
struct Builder {
    entries: Vec<GazetteerEntry>,
    surfaces: Vec<Surface>,
    patterns: Vec<String>,
    seen: HashMap<String, usize>,
    by_name: HashMap<String, EntryId>,
    shadowed_places: HashMap<String, Vec<EntryId>>,
}

impl Builder {
    fn entry(&mut self, kind: EntityKind, name: &str, country: Option<String>) -> EntryId {
        self.entries.push(GazetteerEntry { kind, name: name.to_string(), country, capital: false });
        (self.entries.len() - 1) as EntryId
    }

    /// Adds every `|`-separated form of `cells`; the first entry to claim a
    /// form keeps it. A form starting with "The " also matches with "the ".
    fn names<'a>(&mut self, entry: EntryId, cells: impl IntoIterator<Item = &'a str>, demonym: bool) {
        for cell in cells {
            for form in cell.split('|').map(str::trim).filter(|f| !f.is_empty()) {
                let lowered_article = form.strip_prefix("The ").map(|rest| format!("the {rest}"));
                for variant in std::iter::once(form.to_string()).chain(lowered_article) {
                    if self.seen.contains_key(&variant) {
                        if self.entries[entry as usize].kind == EntityKind::Location {
                            self.shadowed_places.entry(variant).or_default().push(entry);
                        }
                        continue;
                    }
                    self.seen.insert(variant.clone(), self.patterns.len());
                    if !demonym {
                        self.by_name.entry(crate::text::normalize_name(&variant)).or_insert(entry);
                    }
                    self.patterns.push(variant);
                    self.surfaces.push(Surface { entry, demonym });
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::PathBuf;

    fn file(name: &str, text: &'static str) -> DataFile<'static> {
        DataFile { path: PathBuf::from(name), text }
    }

    #[test]
    fn a_place_must_name_a_known_country() {
        let countries = file("countries.tsv", "Kenya\t\tKenyan\n");
        let organizations = file("organizations.tsv", "");
        let good = file("locations.tsv", "# header\nNairobi\t\tKenya\nSahel\t\t\n");
        assert!(Gazetteer::build(&countries, &organizations, &good).is_ok());
        let bad = file("locations.tsv", "# header\nNairobi\t\tKenia\n");
        let message = Gazetteer::build(&countries, &organizations, &bad).err().expect("unknown country is an error").to_string();
        assert!(message.contains("locations.tsv") && message.contains('2') && message.contains("Kenia"), "{message}");
    }

    #[test]
    fn a_capital_is_marked_in_the_fourth_column() {
        let countries = file("countries.tsv", "Kenya\t\tKenyan\n");
        let organizations = file("organizations.tsv", "");
        let places = file("locations.tsv", "Nairobi\t\tKenya\tcapital\nMombasa\t\tKenya\n");
        let gazetteer = Gazetteer::build(&countries, &organizations, &places).unwrap();
        let capital = |name: &str| gazetteer.entry(gazetteer.lookup(name).expect("known place")).capital;
        assert!(capital("Nairobi") && !capital("Mombasa"));
        let bad = file("locations.tsv", "Nairobi\t\tKenya\tcapitol\n");
        let message = Gazetteer::build(&countries, &organizations, &bad).err().expect("a bad flag is an error").to_string();
        assert!(message.contains("locations.tsv") && message.contains("capitol"), "{message}");
    }

    #[test]
    fn a_shadowed_place_is_kept_for_context() {
        let countries = file("countries.tsv", "Georgia\t\tGeorgian\nUnited States\tUS\tAmerican\n");
        let organizations = file("organizations.tsv", "");
        let places = file("locations.tsv", "Atlanta\t\tUnited States\nGeorgia\t\tUnited States\n");
        let gazetteer = Gazetteer::build(&countries, &organizations, &places).unwrap();
        let state = gazetteer.shadowed_place("Georgia", "United States").expect("the state is kept");
        assert_eq!(gazetteer.entry(state).kind, EntityKind::Location);
        assert_eq!(gazetteer.shadowed_place("Georgia", "Canada"), None);
    }
}
