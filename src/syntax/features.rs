//! Feature hashing: a word's strings are hashed once per sentence into [`WordKeys`], and a
//! feature is a template number mixed with a few such 64-bit atoms.
//!
//! The hash is fixed (FxHash's multiply-rotate with a final avalanche), so the same model file
//! gives the same keys on every machine and every run.

/// The atoms of one word that feature templates combine.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct WordKeys {
    /// The form lowercased.
    pub lower: u64,
    /// The form as written (case kept).
    pub form: u64,
    /// Lowercased suffixes of 1 to 4 characters (the whole word when shorter).
    pub suffix: [u64; 4],
    /// Lowercased prefixes of 1 to 3 characters.
    pub prefix: [u64; 3],
    /// The word's shape with runs collapsed: "Kenya" → "Xx", "U.S." → "X.X.", "2,000" → "d,d".
    pub shape: u64,
    /// Bit flags: see the `FLAG_` constants.
    pub flags: u32,
}

pub const FLAG_CAPITALIZED: u32 = 1;
pub const FLAG_ALL_CAPS: u32 = 2;
pub const FLAG_HAS_DIGIT: u32 = 4;
pub const FLAG_HAS_HYPHEN: u32 = 8;
pub const FLAG_ALL_PUNCT: u32 = 16;
pub const FLAG_HAS_LOWER: u32 = 32;

const SEED: u64 = 0x51_7c_c1_b7_27_22_0a_95;

/// One step of the mixing hash.
#[inline]
pub fn mix(state: u64, value: u64) -> u64 {
    (state.rotate_left(5) ^ value).wrapping_mul(SEED)
}

/// The final avalanche (from SplitMix64), so that keys differing in one atom spread over all bits.
#[inline]
pub fn finish(mut state: u64) -> u64 {
    state ^= state >> 30;
    state = state.wrapping_mul(0xbf58_476d_1ce4_e5b9);
    state ^= state >> 27;
    state = state.wrapping_mul(0x94d0_49bb_1331_11eb);
    state ^ (state >> 31)
}

/// A feature key: template number and up to three atoms (unused ones 0).
#[inline]
pub fn key(template: u32, a: u64, b: u64, c: u64) -> u64 {
    finish(mix(mix(mix(mix(0, u64::from(template)), a), b), c))
}

/// Hashes a string; `lowercase` folds case first (char by char, no allocation).
pub fn hash_str(text: &str, lowercase: bool) -> u64 {
    let mut state = mix(0, text.len() as u64);
    if lowercase {
        for ch in text.chars().flat_map(char::to_lowercase) {
            state = mix(state, u64::from(ch));
        }
    } else {
        for ch in text.chars() {
            state = mix(state, u64::from(ch));
        }
    }
    finish(state)
}

impl WordKeys {
    pub fn of(form: &str) -> WordKeys {
        let mut keys = WordKeys { lower: hash_str(form, true), form: hash_str(form, false), ..WordKeys::default() };
        let chars = form.chars().count();
        // Suffixes: hash the last k chars, k = 1..=4, lowercased.
        for (k, slot) in keys.suffix.iter_mut().enumerate() {
            let start = form.char_indices().nth(chars.saturating_sub(k + 1)).map_or(0, |(at, _)| at);
            *slot = mix(hash_str(crate::span::suffix(form, start), true), 0x5u64 + k as u64);
        }
        for (k, slot) in keys.prefix.iter_mut().enumerate() {
            let end = form.char_indices().nth(k + 1).map_or(form.len(), |(at, _)| at);
            *slot = mix(hash_str(crate::span::prefix(form, end), true), 0x9u64 + k as u64);
        }
        let mut shape = mix(0, 0x77);
        let mut last_class = '\0';
        let (mut upper, mut lower, mut digit, mut hyphen, mut punct) = (0, 0, 0, false, 0);
        for ch in form.chars() {
            let class = if ch.is_uppercase() {
                upper += 1;
                'X'
            } else if ch.is_lowercase() {
                lower += 1;
                'x'
            } else if ch.is_numeric() {
                digit += 1;
                'd'
            } else {
                hyphen |= ch == '-';
                if !ch.is_alphabetic() {
                    punct += 1;
                }
                ch
            };
            if class != last_class {
                shape = mix(shape, u64::from(class));
                last_class = class;
            }
        }
        keys.shape = finish(shape);
        let first_upper = form.chars().next().is_some_and(char::is_uppercase);
        let flags = [
            (first_upper, FLAG_CAPITALIZED),
            (upper > 1 && lower == 0, FLAG_ALL_CAPS),
            (digit > 0, FLAG_HAS_DIGIT),
            (hyphen, FLAG_HAS_HYPHEN),
            (punct == chars && chars > 0, FLAG_ALL_PUNCT),
            (lower > 0, FLAG_HAS_LOWER),
        ];
        keys.flags = flags.iter().filter(|(set, _)| *set).fold(0, |acc, (_, flag)| acc | flag);
        keys
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn case_folds_only_where_asked() {
        assert_eq!(WordKeys::of("Kenya").lower, WordKeys::of("KENYA").lower);
        assert_ne!(WordKeys::of("Kenya").form, WordKeys::of("KENYA").form);
        assert_eq!(WordKeys::of("running").suffix[2], WordKeys::of("Jumping").suffix[2]);
        assert_eq!(WordKeys::of("un").prefix[2], WordKeys::of("UN").prefix[2]);
    }

    #[test]
    fn shapes_collapse_runs() {
        assert_eq!(WordKeys::of("Kenya").shape, WordKeys::of("Ghana").shape);
        assert_eq!(WordKeys::of("2,000").shape, WordKeys::of("15,5").shape);
        assert_ne!(WordKeys::of("U.S.").shape, WordKeys::of("US").shape);
    }

    #[test]
    fn flags_describe_the_word() {
        assert_eq!(WordKeys::of("UN").flags, FLAG_CAPITALIZED | FLAG_ALL_CAPS);
        assert_eq!(WordKeys::of("Kenya-led").flags, FLAG_CAPITALIZED | FLAG_HAS_HYPHEN | FLAG_HAS_LOWER);
        assert_eq!(WordKeys::of(",").flags, FLAG_ALL_PUNCT);
        assert_eq!(WordKeys::of("").flags, 0);
    }

    #[test]
    fn keys_depend_on_template_and_every_atom() {
        let base = key(1, 2, 3, 4);
        assert_ne!(base, key(2, 2, 3, 4));
        assert_ne!(base, key(1, 3, 2, 4));
        assert_ne!(base, key(1, 2, 3, 5));
        assert_eq!(base, key(1, 2, 3, 4));
    }
}
