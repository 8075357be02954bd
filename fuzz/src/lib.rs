//! Inputs for the fuzz targets: text made from raw bytes, or structure-aware
//! text made of words of news articles, names, relation triggers, multi-byte
//! characters (Arabic, emoji, zero-width joiners, a BOM), punctuation and case
//! mutations, so short inputs reach the extractors, and long ones without
//! punctuation test that work per sentence stays bounded.

use newsgraph::resources::Resources;
use newsgraph::KnowledgeGraph;
use std::path::PathBuf;
use std::sync::LazyLock;

/// The built-in resources, loaded once per fuzzing process.
pub static RESOURCES: LazyLock<Resources> = LazyLock::new(|| Resources::builtin().expect("the built-in data loads"));

/// The graph of `examples/articles`, built once: names are looked up in it.
pub static EXAMPLES: LazyLock<KnowledgeGraph> = LazyLock::new(|| {
    let articles = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../examples/articles");
    let corpus = newsgraph::document::load::load_paths(&[articles], false).expect("the examples load");
    newsgraph::pipeline::build_graph(&RESOURCES, &corpus.documents, false)
});

/// What one byte of a structure-aware input picks (modulo the length).
pub const VOCABULARY: &[&str] = &[
    "the", "a", "of", "in", "to", "and", "with", "from", "by", "on", "for", "at", "its", "his", "her", "their", "which", "who",
    "that", "but", "while", "including", "along with", "as well as", "said", "met", "held talks with", "visited", "hosted",
    "spoke with", "signed", "a member of", "non-permanent member of", "permanent member on", "joined", "led by", "leads",
    "contributed", "troops to", "pledged $10 million to", "voted for", "voted against", "abstained", "authorized",
    "sponsored", "adopted", "opposed", "condemned", "based in", "located in", "the capital", "mission", "resolution",
    "Resolution 2699", "President", "Foreign Minister", "Defense Minister", "ambassador", "spokesman for", "Secretary-General",
    "Mr.", "Dr.", "Aug.", "U.S.", "U.N.", "N.", "William Ruto", "Ruto", "Kenya", "Kenyan", "Haiti", "Ghana", "Brazil",
    "Peru", "Moscow", "Nairobi", "United Nations", "UN", "Security Council", "African Union", "ECOWAS", "Norwegian Refugee Council (NRC)",
    "NRC", "Ama Mensah", "Adaeze Okonkwo", "O’Neill", "Kenya-led", "Kenya’s", "Ghana's", "Guterres’", "on Monday",
    "2025-01-02", "date 2025-01-02", "1,000", "8.7", ",", ".", "!", "?", ";", ":", "—", "-", "(", ")", "“", "”", "\"", "'",
    "’s", "…", "\n", "\n\n", "\t", "\r\n", "الأمم المتحدة", "كينيا", "وزير الخارجية", "😀", "👩\u{200d}👩\u{200d}👧", "\u{200d}",
    "\u{200b}", "\u{feff}", "é", "Généus", "İstanbul", "ß", "ﬁ", "Σ", "ǅ", "\u{301}", "日本", "Recommended Stories",
    "READ MORE: Kenya", "By John Smith", "Click to resize", "end of list", "he", "she", "it", "the court", "the ministry",
];

/// Text from raw bytes (lossy UTF-8) when the first byte is even, else
/// structure-aware text: each further byte picks a word of [`VOCABULARY`]
/// and, from its high values, a case mutation or gluing to the word before.
pub fn text_from(data: &[u8]) -> String {
    let Some((&mode, rest)) = data.split_first() else { return String::new() };
    if mode % 2 == 0 {
        return String::from_utf8_lossy(rest).into_owned();
    }
    let mut text = String::new();
    for &byte in rest {
        let word = VOCABULARY[byte as usize % VOCABULARY.len()];
        match byte as usize / VOCABULARY.len() {
            0 => {
                text.push(' ');
                text.push_str(word);
            }
            1 => {
                text.push(' ');
                text.push_str(&word.to_uppercase());
            }
            _ => text.push_str(&word.to_lowercase()),
        }
    }
    text
}
