//! When an event happened, from the words near its trigger and the
//! document's date: "on 2 October 2023", "on Oct. 2", "on Monday".

use crate::document::date::parse_written;
use jiff::civil::{Date, Weekday};
use regex::Regex;
use std::sync::LazyLock;

static ON_WEEKDAY: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\b(?:on\s+)?(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b").unwrap());
static MONTH_DAY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\b(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+(\d{1,2})\b|\b(\d{1,2})\s+(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\b")
        .unwrap()
});

/// The date (`YYYY-MM-DD`) that `text` gives an event of a document dated
/// `document_date`: a full written date; a month and day in the document's
/// year; a weekday, as the last such day on or before the document's date.
pub fn event_date(text: &str, document_date: Option<&str>) -> Option<String> {
    if let Some(date) = parse_written(text) {
        return Some(date);
    }
    let document_date: Date = document_date?.parse().ok()?;
    if let Some(c) = MONTH_DAY.captures(text) {
        let (month, day) = match (c.get(1), c.get(2)) {
            (Some(month), Some(day)) => (month.as_str(), day.as_str()),
            _ => (&c[4], &c[3]),
        };
        let month = month_number(month)?;
        let date = Date::new(document_date.year(), month, day.parse().ok()?).ok()?;
        return Some(date.to_string());
    }
    let weekday = weekday(&ON_WEEKDAY.captures(text)?[1])?;
    let back = (document_date.weekday().to_monday_zero_offset() - weekday.to_monday_zero_offset()).rem_euclid(7);
    Some(document_date.checked_sub(jiff::Span::new().days(back)).ok()?.to_string())
}

/// Days from `from` to `to` (negative when `to` is earlier), for ISO dates.
pub fn days_between(from: &str, to: &str) -> Option<i32> {
    let (from, to): (Date, Date) = (from.parse().ok()?, to.parse().ok()?);
    let span = from.until(to).ok()?;
    Some(span.get_days())
}

fn month_number(name: &str) -> Option<i8> {
    const MONTHS: [&str; 12] = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];
    let lower = name.to_ascii_lowercase();
    MONTHS.iter().position(|m| lower.starts_with(m)).map(|i| i as i8 + 1)
}

fn weekday(name: &str) -> Option<Weekday> {
    Some(match name {
        "Monday" => Weekday::Monday,
        "Tuesday" => Weekday::Tuesday,
        "Wednesday" => Weekday::Wednesday,
        "Thursday" => Weekday::Thursday,
        "Friday" => Weekday::Friday,
        "Saturday" => Weekday::Saturday,
        "Sunday" => Weekday::Sunday,
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn event_date_table() {
        // 2024-05-08 is a Wednesday.
        for (text, document_date, expected) in [
            ("adopted on 14 March 2024 by", Some("2024-05-08"), Some("2024-03-14")),
            ("on Monday approved", Some("2024-05-08"), Some("2024-05-06")),
            ("voted on Wednesday", Some("2024-05-08"), Some("2024-05-08")),
            ("signed on Aug. 19", Some("2024-05-08"), Some("2024-08-19")),
            ("signed on 3 June", Some("2024-05-08"), Some("2024-06-03")),
            ("on Monday", None, None),
            ("no date here", Some("2024-05-08"), None),
        ] {
            assert_eq!(event_date(text, document_date).as_deref(), expected, "{text}");
        }
    }

    #[test]
    fn days_between_dates() {
        assert_eq!(days_between("2024-02-27", "2024-03-02"), Some(4));
        assert_eq!(days_between("2024-03-02", "2024-02-27"), Some(-4));
    }
}
