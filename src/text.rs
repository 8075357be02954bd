//! Small text helpers shared by every stage: name normalisation and slugs.

use unicode_normalization::UnicodeNormalization;

/// Folds a name for comparison as the gold format does: NFKD without marks,
/// lowercase, straight quotes, no periods, no possessive `'s`, no leading
/// `the`, single spaces.
pub fn normalize_name(name: &str) -> String {
    let folded: String = name
        .nfkd()
        .filter(|ch| !unicode_normalization::char::is_combining_mark(*ch))
        .map(|ch| match ch {
            '\u{2018}' | '\u{2019}' | '\u{02BC}' | '`' | '\u{00B4}' => '\'',
            '\u{201C}' | '\u{201D}' => '"',
            other => other,
        })
        .flat_map(char::to_lowercase)
        .filter(|&ch| ch != '.')
        .collect();
    let mut words: Vec<&str> = folded.split_whitespace().collect();
    if words.first() == Some(&"the") && words.len() > 1 {
        words.remove(0);
    }
    let mut joined = words.join(" ");
    if joined.ends_with("'s") && joined.len() > 3 {
        joined.truncate(joined.len() - 2);
    }
    joined
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalize_table() {
        for (input, expected) in [
            ("U.S.", "us"),
            ("Kenya’s", "kenya"),
            ("The Bahamas", "bahamas"),
            ("António  Guterres", "antonio guterres"),
            ("Jimmy “Barbecue” Chérizier", "jimmy \"barbecue\" cherizier"),
        ] {
            assert_eq!(normalize_name(input), expected, "{input}");
        }
    }

    #[test]
    fn slug_table() {
        for (input, expected) in
            [("António Guterres", "antonio-guterres"), ("William O’Neill", "william-oneill"), ("U.N. General Assembly", "un-general-assembly"), ("Saut-d’eau", "saut-deau")]
        {
            assert_eq!(slug(input), expected, "{input}");
        }
    }
}
