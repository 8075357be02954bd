//! Finding a document's date: a `date YYYY-MM-DD` header, "originally
//! published August 03, 2023", or a dateline near the top ("Oct. 2, 2023").

use regex::Regex;
use std::sync::LazyLock;

const MONTHS: [(&str, u32); 12] = [
    ("jan", 1),
    ("feb", 2),
    ("mar", 3),
    ("apr", 4),
    ("may", 5),
    ("jun", 6),
    ("jul", 7),
    ("aug", 8),
    ("sep", 9),
    ("oct", 10),
    ("nov", 11),
    ("dec", 12),
];

static ISO_HEADER: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"(?im)^\s*date:?\s+(\d{4}-\d{2}-\d{2})\b").unwrap());
static PUBLISHED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:originally\s+)?(?:published|posted|updated)(?:\s+on)?:?\s+([A-Z][a-z]{2,8}\.?\s+\d{1,2},?\s+\d{4}|\d{1,2}\s+[A-Z][a-z]{2,8}\.?\s+\d{4})").unwrap()
});
static MONTH_DAY_YEAR: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"\b([A-Z][a-z]{2,8})\.?\s+(\d{1,2}),?\s+(\d{4})\b").unwrap());
static DAY_MONTH_YEAR: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"\b(\d{1,2})\s+([A-Z][a-z]{2,8})\.?\s+(\d{4})\b").unwrap());

/// How many lines from the top a dateline may stand on.
const DATELINE_LINES: usize = 12;
/// A dateline is a short line (a byline or a date on its own), not prose.
const DATELINE_MAX_CHARS: usize = 120;

/// The document's date as `YYYY-MM-DD`, when the text states one.
pub fn find(text: &str) -> Option<String> {
    if let Some(found) = ISO_HEADER.captures(text).and_then(|c| parse_iso(&c[1])) {
        return Some(found);
    }
    if let Some(found) = PUBLISHED.captures(text).and_then(|c| parse_written(&c[1])) {
        return Some(found);
    }
    text.lines()
        .filter(|line| !line.trim().is_empty())
        .take(DATELINE_LINES)
        .filter(|line| line.chars().count() <= DATELINE_MAX_CHARS)
        .find_map(parse_written)
}

/// Validates an ISO date and returns it unchanged.
pub fn parse_iso(date: &str) -> Option<String> {
    let mut parts = date.split('-');
    let (year, month, day) = (parts.next()?, parts.next()?, parts.next()?);
    if parts.next().is_some() || year.len() != 4 || month.len() != 2 || day.len() != 2 {
        return None;
    }
    let (year, month, day): (u32, u32, u32) = (year.parse().ok()?, month.parse().ok()?, day.parse().ok()?);
    format_date(year, month, day)
}

/// The first "Month D, YYYY" or "D Month YYYY" date in `text`.
pub fn parse_written(text: &str) -> Option<String> {
    if let Some(c) = MONTH_DAY_YEAR.captures(text) {
        if let Some(date) = format_date(c[3].parse().ok()?, month_number(&c[1])?, c[2].parse().ok()?) {
            return Some(date);
        }
    }
    let c = DAY_MONTH_YEAR.captures(text)?;
    format_date(c[3].parse().ok()?, month_number(&c[2])?, c[1].parse().ok()?)
}

fn month_number(name: &str) -> Option<u32> {
    let lowered = name.to_ascii_lowercase();
    MONTHS.iter().find(|(prefix, _)| lowered.starts_with(prefix)).map(|&(_, number)| number).filter(|_| {
        // "Mayor" starts with "may": accept only real month spellings.
        let full =
            ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"];
        full.iter().any(|month| month.starts_with(&lowered)) || lowered == "sept"
    })
}

fn format_date(year: u32, month: u32, day: u32) -> Option<String> {
    ((1900..=2100).contains(&year) && (1..=12).contains(&month) && (1..=31).contains(&day))
        .then(|| format!("{year:04}-{month:02}-{day:02}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn date_table() {
        for (text, expected) in [
            (" date 2023-09-26 Countries pledge help", Some("2023-09-26")),
            ("Body.\nThis story was originally published August 03, 2023 6:15 PM.", Some("2023-08-03")),
            ("Headline\n\nBy Jane Roe and John Doe Oct. 2, 2023\n\nText.", Some("2023-10-02")),
            ("Talks\n12 March 2024\nBody text.", Some("2024-03-12")),
            ("The Mayor 3, 2020 plan.", None),
            ("No date here at all.", None),
        ] {
            assert_eq!(find(text).as_deref(), expected, "{text}");
        }
    }
}
