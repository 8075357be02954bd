//! Name span scores: a predicted name counts when its words are exactly a gold name's (untyped),
//! and also its type (typed); precision, recall and F1 overall and per type.

use super::{NameSpan, NameType};
use serde::Serialize;

/// Counts of one comparison.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
pub struct SpanCounts {
    pub gold: usize,
    pub predicted: usize,
    pub correct: usize,
}

impl SpanCounts {
    pub fn precision(&self) -> f64 {
        self.correct as f64 / self.predicted.max(1) as f64
    }

    pub fn recall(&self) -> f64 {
        self.correct as f64 / self.gold.max(1) as f64
    }

    pub fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }
}

/// Typed, untyped and per-type counts.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct NameScores {
    pub sentences: usize,
    pub typed: SpanCounts,
    pub untyped: SpanCounts,
    /// In [`NameType::ALL`] order; a name counts under its gold type (recall) and its predicted
    /// type (precision).
    pub per_type: [SpanCounts; 3],
}

impl NameScores {
    /// Adds one sentence's gold and predicted names (each sorted, or not: order does not matter).
    pub fn add(&mut self, gold: &[NameSpan], predicted: &[NameSpan]) {
        self.sentences += 1;
        let same_words = |a: &NameSpan, b: &NameSpan| a.start == b.start && a.end == b.end;
        for counts in [&mut self.typed, &mut self.untyped] {
            counts.gold += gold.len();
            counts.predicted += predicted.len();
        }
        self.untyped.correct += predicted.iter().filter(|p| gold.iter().any(|g| same_words(g, p))).count();
        self.typed.correct += predicted.iter().filter(|p| gold.contains(p)).count();
        for (kind, counts) in NameType::ALL.iter().zip(&mut self.per_type) {
            counts.gold += gold.iter().filter(|g| g.kind == *kind).count();
            counts.predicted += predicted.iter().filter(|p| p.kind == *kind).count();
            counts.correct += predicted.iter().filter(|p| p.kind == *kind && gold.contains(p)).count();
        }
    }

    /// The scores as a table: one row per line, P/R/F1 with four decimals.
    pub fn to_table(&self) -> String {
        let mut out = format!("{:<14} {:>6} {:>6} {:>6} {:>7} {:>7} {:>7}\n", "names", "gold", "found", "right", "P", "R", "F1");
        let mut row = |name: &str, counts: &SpanCounts| {
            out.push_str(&format!(
                "{name:<14} {:>6} {:>6} {:>6} {:>7.4} {:>7.4} {:>7.4}\n",
                counts.gold,
                counts.predicted,
                counts.correct,
                counts.precision(),
                counts.recall(),
                counts.f1()
            ));
        };
        row("typed", &self.typed);
        row("untyped", &self.untyped);
        for (kind, counts) in NameType::ALL.iter().zip(&self.per_type) {
            row(kind.code(), counts);
        }
        out
    }

    /// The scores as JSON: counts and ratios rounded to four decimals.
    pub fn to_json(&self) -> serde_json::Value {
        let ratios = |counts: &SpanCounts| {
            let round = |value: f64| (value * 10_000.0).round() / 10_000.0;
            serde_json::json!({
                "gold": counts.gold, "predicted": counts.predicted, "correct": counts.correct,
                "precision": round(counts.precision()), "recall": round(counts.recall()), "f1": round(counts.f1()),
            })
        };
        let mut per_type = serde_json::Map::new();
        for (kind, counts) in NameType::ALL.iter().zip(&self.per_type) {
            per_type.insert(kind.code().to_owned(), ratios(counts));
        }
        serde_json::json!({
            "sentences": self.sentences,
            "typed": ratios(&self.typed),
            "untyped": ratios(&self.untyped),
            "per_type": per_type,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spans_count_exactly_and_by_type() {
        let name = |start, end, kind| NameSpan { start, end, kind };
        let gold = [name(0, 2, NameType::Person), name(4, 5, NameType::Location), name(7, 9, NameType::Organization)];
        let predicted = [name(0, 2, NameType::Person), name(4, 5, NameType::Organization), name(7, 8, NameType::Organization)];
        let mut scores = NameScores::default();
        scores.add(&gold, &predicted);
        assert_eq!(scores.typed, SpanCounts { gold: 3, predicted: 3, correct: 1 });
        assert_eq!(scores.untyped, SpanCounts { gold: 3, predicted: 3, correct: 2 });
        assert_eq!(scores.per_type[0], SpanCounts { gold: 1, predicted: 1, correct: 1 });
        assert_eq!(scores.per_type[1], SpanCounts { gold: 1, predicted: 2, correct: 0 });
        assert_eq!(scores.per_type[2], SpanCounts { gold: 1, predicted: 0, correct: 0 });
        assert!((scores.untyped.f1() - 2.0 / 3.0).abs() < 1e-9);
        assert_eq!(SpanCounts::default().f1(), 0.0);
        assert!(scores.to_table().contains("untyped"));
        assert_eq!(scores.to_json()["per_type"]["PER"]["f1"], 1.0);
    }
}
