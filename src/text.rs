//! Small text helpers shared by every stage: name normalisation (of any
//! name, and of people's names and surnames), slugs and the FNV-1a checksum.

use unicode_normalization::UnicodeNormalization;

/// The most characters of a value a message echoes back (a name, a URL):
/// the rest is left out, so a 120 KB argument makes a one-line error.
pub const MAX_ECHO_CHARS: usize = 200;

/// `value` cut to at most `max_chars` characters, with an ellipsis and the
/// full length when it was cut.
pub fn shorten(value: &str, max_chars: usize) -> std::borrow::Cow<'_, str> {
    match value.char_indices().nth(max_chars) {
        None => std::borrow::Cow::Borrowed(value),
        Some((cut, _)) => {
            let kept = value.get(..cut).unwrap_or_default();
            std::borrow::Cow::Owned(format!("{kept}… ({} characters in all)", value.chars().count()))
        }
    }
}

/// Folds a name for comparison as the gold format does: NFKD without marks,
/// casefolded, straight quotes, no periods, no possessive `'s` (at the end of
/// any word, so "Kenya's President" and "Kenya President" agree), no leading
/// `the`, single spaces.
pub fn normalize_name(name: &str) -> String {
    let mut folded = String::with_capacity(name.len());
    for ch in name.nfkd().filter(|ch| !unicode_normalization::char::is_combining_mark(*ch)) {
        let ch = match ch {
            '\u{2018}' | '\u{2019}' | '\u{201A}' | '\u{201B}' | '\u{02BC}' | '`' | '\u{00B4}' => '\'',
            '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{201F}' => '"',
            '.' => continue,
            other => other,
        };
        // Full case folding where it differs from lowercasing (Python's `str.casefold`).
        match ch {
            '\u{00DF}' | '\u{1E9E}' => folded.push_str("ss"),
            '\u{03C2}' => folded.push('\u{03C3}'),
            other => folded.extend(other.to_lowercase()),
        }
    }
    let mut words: Vec<&str> = folded
        .split_whitespace()
        .map(|word| match word.strip_suffix("'s") {
            Some(stem) if !stem.is_empty() => stem,
            _ => word,
        })
        .collect();
    if words.first() == Some(&"the") && words.len() > 1 {
        words.remove(0);
    }
    words.join(" ")
}

/// A lowercase ASCII slug: `"António Guterres"` -> `"antonio-guterres"`.
pub fn slug(name: &str) -> String {
    let mut slug = String::with_capacity(name.len());
    for ch in name.nfkd().filter(|ch| !unicode_normalization::char::is_combining_mark(*ch)) {
        if ch.is_ascii_alphanumeric() {
            slug.push(ch.to_ascii_lowercase());
        } else if ch == '\'' || ch == '\u{2019}' || ch == '.' {
            continue;
        } else if !slug.is_empty() && !slug.ends_with('-') {
            slug.push('-');
        }
    }
    while slug.ends_with('-') {
        slug.pop();
    }
    if slug.is_empty() {
        // Names in scripts without an ASCII fold keep a stable, readable id.
        slug = name.chars().filter(|ch| ch.is_alphanumeric()).flat_map(char::to_lowercase).collect();
    }
    slug
}

/// FNV-1a (64 bits): a stable checksum that says which bytes a record describes.
pub fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325u64, |hash, &byte| (hash ^ u64::from(byte)).wrapping_mul(0x0100_0000_01b3))
}

/// A person's name without a quoted nickname and with spaces collapsed:
/// `Jimmy “Barbecue” Chérizier` -> `Jimmy Chérizier`.
pub fn person_name(surface: &str) -> String {
    let mut words = Vec::new();
    let mut in_quote = false;
    for word in surface.split_whitespace() {
        let opens = word.starts_with(['“', '"']);
        let closes = word.ends_with(['”', '"']);
        if opens || in_quote {
            in_quote = !closes;
            continue;
        }
        words.push(word);
    }
    words.join(" ")
}

/// The surname part of a person key ("thomas-greenfield" -> "greenfield-thomas").
pub fn surname_key(word: &str) -> String {
    let mut parts: Vec<String> = normalize_name(word).split('-').map(str::to_string).collect();
    parts.sort();
    parts.join("-")
}

/// The surname key of a full person name.
pub fn surname_of(name: &str) -> Option<String> {
    let clean = person_name(name);
    let words: Vec<&str> = clean.split_whitespace().collect();
    (words.len() >= 2).then(|| surname_key(words[words.len() - 1]))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn checksum_is_fnv1a() {
        assert_eq!(fnv1a(b""), 0xcbf2_9ce4_8422_2325);
        assert_eq!(fnv1a(b"a"), 0xaf63_dc4c_8601_ec8c);
    }

    #[test]
    fn normalize_table() {
        for (input, expected) in [
            ("U.S.", "us"),
            ("Kenya’s", "kenya"),
            ("The Bahamas", "bahamas"),
            ("António  Guterres", "antonio guterres"),
            ("Jimmy “Barbecue” Chérizier", "jimmy \"barbecue\" cherizier"),
            ("US", "us"),
            ("Kenya's", "kenya"),
            ("Kenya", "kenya"),
            ("Bahamas", "bahamas"),
            ("the  Bahamas ", "bahamas"),
            ("The", "the"),
            ("Kenya’s foreign ministry", "kenya foreign ministry"),
            ("U.N. Secretary-General", "un secretary-general"),
            ("Stanley Jérôme", "stanley jerome"),
            ("Straße", "strasse"),
            ("ΟΔΟΣ", "οδοσ"),
            ("'s", "'s"),
            ("\u{201E}Quoted\u{201C}", "\"quoted\""),
            ("Ruto\u{2018}s", "ruto"),
        ] {
            assert_eq!(normalize_name(input), expected, "{input}");
        }
    }

    #[test]
    fn slug_table() {
        for (input, expected) in [
            ("António Guterres", "antonio-guterres"),
            ("William O’Neill", "william-oneill"),
            ("U.N. General Assembly", "un-general-assembly"),
            ("Saut-d’eau", "saut-deau"),
        ] {
            assert_eq!(slug(input), expected, "{input}");
        }
    }
}
