//! The averaged perceptron shared by the tagger and the parser.
//!
//! Features are 64-bit hashes (see [`super::features`]); each feature has a sparse row of
//! `(class, weight)` pairs, so a feature that only ever told two classes apart costs two entries.
//! Training keeps, per weight, the running total and the step of its last change, and averages
//! lazily (Collins 2002; Daumé's timestamp trick), so an update touches only the weights it
//! changes. [`Trainer::average`] turns the training rows into a [`Perceptron`]: keys sorted, rows
//! packed in one array, near-zero weights pruned. The packed model is what ships.

use multiversion::multiversion;
use rustc_hash::FxHashMap;
use serde::{Deserialize, Serialize};

/// One weight while training.
#[derive(Clone, Copy, Debug)]
struct TrainingWeight {
    class: u16,
    weight: f32,
    /// Sum of the weight over all steps up to `stamp`.
    total: f64,
    stamp: u32,
}

impl TrainingWeight {
    /// The weight averaged over the `step` instances seen so far.
    fn averaged(&self, step: u32) -> f64 {
        (self.total + f64::from(step - self.stamp) * f64::from(self.weight)) / f64::from(step)
    }
}

/// Weights being learned: a sparse row per feature.
pub struct Trainer {
    n_classes: usize,
    rows: FxHashMap<u64, Vec<TrainingWeight>>,
    /// Training instances seen so far (the clock for averaging).
    step: u32,
}

impl Trainer {
    pub fn new(n_classes: usize) -> Trainer {
        Trainer { n_classes, rows: FxHashMap::default(), step: 0 }
    }

    pub fn n_classes(&self) -> usize {
        self.n_classes
    }

    /// Adds the current weights of `features` to `scores` (one slot per class, zeroed here).
    pub fn score(&self, features: &[u64], scores: &mut [f32]) {
        scores.fill(0.0);
        for key in features {
            if let Some(row) = self.rows.get(key) {
                for entry in row {
                    scores[entry.class as usize] += entry.weight;
                }
            }
        }
    }

    /// Advances the clock by one training instance; call once per decision, updated or not.
    pub fn tick(&mut self) {
        self.step += 1;
    }

    /// The standard perceptron update: `truth` up and `guess` down on every feature.
    pub fn update(&mut self, truth: usize, guess: usize, features: &[u64]) {
        if truth == guess {
            return;
        }
        let step = self.step;
        for &key in features {
            let row = self.rows.entry(key).or_default();
            for (class, delta) in [(truth, 1.0f32), (guess, -1.0f32)] {
                let class = class as u16;
                let entry = match row.iter().position(|entry| entry.class == class) {
                    Some(at) => &mut row[at],
                    None => {
                        row.push(TrainingWeight { class, weight: 0.0, total: 0.0, stamp: step });
                        row.last_mut().expect("just pushed")
                    }
                };
                entry.total += f64::from(step - entry.stamp) * f64::from(entry.weight);
                entry.stamp = step;
                entry.weight += delta;
            }
        }
    }

    /// The averaged weights, packed; weights whose magnitude is below `prune` are dropped.
    pub fn average(&self, prune: f32) -> Perceptron {
        assert!(self.n_classes <= 256, "the packed model stores classes as bytes");
        let step = self.step.max(1);
        let mut rows: Vec<(u64, Vec<(u16, f32)>)> = self
            .rows
            .iter()
            .map(|(&key, row)| (key, row.iter().map(|entry| (entry.class, entry.averaged(step) as f32)).collect::<Vec<_>>()))
            .collect();
        rows.sort_unstable_by_key(|(key, _)| *key);
        Perceptron::pack(self.n_classes, rows, prune)
    }

    /// The mean of the averaged weights of `trainers` (parameter mixing: members trained on
    /// different orders of the same data vote as one linear model), packed and pruned as
    /// [`Trainer::average`] does. All must have the same number of classes.
    pub fn mix(trainers: &[Trainer], prune: f32) -> Perceptron {
        let n_classes = trainers.first().map_or(0, |trainer| trainer.n_classes);
        assert!(n_classes <= 256, "the packed model stores classes as bytes");
        assert!(trainers.iter().all(|trainer| trainer.n_classes == n_classes), "mixed trainers have the same classes");
        let members = trainers.len().max(1) as f64;
        let mut sums: FxHashMap<u64, Vec<(u16, f64)>> = FxHashMap::default();
        for trainer in trainers {
            let step = trainer.step.max(1);
            for (&key, row) in &trainer.rows {
                let sum = sums.entry(key).or_default();
                for entry in row {
                    let mean = entry.averaged(step) / members;
                    match sum.iter_mut().find(|(class, _)| *class == entry.class) {
                        Some((_, weight)) => *weight += mean,
                        None => sum.push((entry.class, mean)),
                    }
                }
            }
        }
        let mut rows: Vec<(u64, Vec<(u16, f32)>)> = sums
            .into_iter()
            .map(|(key, mut row)| {
                row.sort_unstable_by_key(|&(class, _)| class);
                (key, row.into_iter().map(|(class, weight)| (class, weight as f32)).collect())
            })
            .collect();
        rows.sort_unstable_by_key(|(key, _)| *key);
        Perceptron::pack(n_classes, rows, prune)
    }
}

/// Trained, averaged weights: 32-bit feature keys and their rows of `(class, weight)`.
///
/// In the file the weights are 16-bit integers times one scale, classes are bytes and keys are
/// folded to 32 bits (a handful of collisions among millions of features costs nothing
/// measurable). In memory, an open-addressing table maps a key straight to its row, and a row's
/// classes and weights sit side by side, so a feature costs two memory reads; [`Perceptron::score`]
/// prefetches both for a whole batch of features before it adds anything up.
#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(into = "PackedWeights", try_from = "PackedWeights")]
pub struct Perceptron {
    n_classes: u16,
    /// Keys in increasing order, and the rows in the same order in `entries`.
    keys: Vec<u32>,
    lengths: Vec<u8>,
    entries: Vec<Entry>,
    /// What one unit of an entry's weight is worth.
    scale: f32,
    /// Rows with more than `DENSE_FROM` weights, again as one `n_classes`-long array each, so
    /// that adding them up is a vector loop.
    dense: Vec<i16>,
    /// Open addressing with linear probing; a power of two long, at most half full. A key's first
    /// slot is its top bits, so the keys, stored in increasing order, fill the table front to back.
    table: Vec<Slot>,
    /// `32 - log2(table.len())`: the shift that leaves a key's top bits.
    shift: u32,
}

/// One weight of a row, as the integer the file stores: every weight of a model shares one
/// scale, so sums of the integers rank classes as sums of the weights do.
#[derive(Clone, Copy, Debug)]
struct Entry {
    class: u8,
    weight: i16,
}

/// A table slot: a key and its row, the row's start in the low 24 bits of `row` and its length
/// in the high 8; length 0 means a dense row, whose index is the low 24 bits (rows are never
/// empty, so `EMPTY` is no row).
#[derive(Clone, Copy, Debug)]
struct Slot {
    key: u32,
    row: u32,
}

const EMPTY: Slot = Slot { key: 0, row: u32::MAX };

/// The most weights a model may hold (a row starts at a 24-bit offset).
const MAX_ENTRIES: usize = 1 << 24;
/// Features looked up together, so that their memory reads overlap.
const BATCH: usize = 32;
/// Rows longer than this are also kept dense.
const DENSE_FROM: u8 = 16;

/// The file form of [`Perceptron`]: little-endian byte arrays (read as byte strings, which is
/// the same encoding as a sequence of bytes, and copied whole rather than byte by byte).
#[derive(Serialize, Deserialize)]
struct PackedWeights {
    n_classes: u16,
    scale: f32,
    /// `u32` keys, ascending.
    #[serde(with = "serde_bytes")]
    keys: Vec<u8>,
    /// The number of weights of each row.
    #[serde(with = "serde_bytes")]
    lengths: Vec<u8>,
    #[serde(with = "serde_bytes")]
    classes: Vec<u8>,
    /// `i16` weights; the weight is the integer times `scale`.
    #[serde(with = "serde_bytes")]
    weights: Vec<u8>,
}

/// Folds a 64-bit feature key to the 32 bits the model stores.
#[inline]
fn fold(key: u64) -> u32 {
    (key >> 32) as u32 ^ key as u32
}

impl From<Perceptron> for PackedWeights {
    fn from(model: Perceptron) -> PackedWeights {
        PackedWeights {
            n_classes: model.n_classes,
            scale: model.scale,
            keys: model.keys.iter().flat_map(|key| key.to_le_bytes()).collect(),
            lengths: model.lengths,
            classes: model.entries.iter().map(|entry| entry.class).collect(),
            weights: model.entries.iter().flat_map(|entry| entry.weight.to_le_bytes()).collect(),
        }
    }
}

impl TryFrom<PackedWeights> for Perceptron {
    type Error = String;

    fn try_from(packed: PackedWeights) -> Result<Perceptron, String> {
        if packed.n_classes > 256 {
            return Err("more than 256 classes".into());
        }
        if packed.keys.len() != packed.lengths.len() * 4 || packed.weights.len() != packed.classes.len() * 2 {
            return Err("weight table sizes disagree".into());
        }
        if packed.lengths.iter().map(|&length| length as usize).sum::<usize>() != packed.classes.len()
            || packed.classes.len() >= MAX_ENTRIES
        {
            return Err("weight table row lengths do not add up".into());
        }
        if packed.classes.iter().any(|&class| u16::from(class) >= packed.n_classes) {
            return Err("a weight names a class beyond the model's classes".into());
        }
        let keys: Vec<u32> =
            packed.keys.chunks_exact(4).map(|chunk| u32::from_le_bytes([chunk[0], chunk[1], chunk[2], chunk[3]])).collect();
        if keys.windows(2).any(|pair| pair[0] >= pair[1]) {
            return Err("weight table keys are not increasing".into());
        }
        let entries = packed
            .classes
            .iter()
            .zip(packed.weights.chunks_exact(2))
            .map(|(&class, weight)| Entry { class, weight: i16::from_le_bytes([weight[0], weight[1]]) })
            .collect();
        Ok(Perceptron::new(packed.n_classes, keys, packed.lengths, entries, packed.scale))
    }
}

impl Perceptron {
    fn new(n_classes: u16, keys: Vec<u32>, lengths: Vec<u8>, entries: Vec<Entry>, scale: f32) -> Perceptron {
        let capacity = (keys.len() * 2).next_power_of_two().max(2);
        let shift = 32 - capacity.trailing_zeros();
        let mut table = vec![EMPTY; capacity];
        let mut dense: Vec<i16> = Vec::new();
        let mut start = 0u32;
        for (&key, &length) in keys.iter().zip(&lengths) {
            let mut at = (key >> shift) as usize;
            while table[at].row != EMPTY.row {
                at = (at + 1) & (capacity - 1);
            }
            let row = &entries[start as usize..(start + u32::from(length)) as usize];
            table[at] = if length > DENSE_FROM {
                let index = (dense.len() / n_classes as usize) as u32;
                dense.resize(dense.len() + n_classes as usize, 0);
                let offset = dense.len() - n_classes as usize;
                for entry in row {
                    dense[offset + entry.class as usize] = entry.weight;
                }
                Slot { key, row: index }
            } else {
                Slot { key, row: start | u32::from(length) << 24 }
            };
            start += u32::from(length);
        }
        Perceptron { n_classes, keys, lengths, entries, scale, dense, table, shift }
    }

    /// Packs averaged rows, folding the keys to 32 bits (summing rows whose folded keys collide)
    /// and rounding the weights to 16-bit multiples of one scale; weights that round to zero or
    /// weigh less than `prune` are dropped, and so are rows left empty.
    fn pack(n_classes: usize, rows: Vec<(u64, Vec<(u16, f32)>)>, prune: f32) -> Perceptron {
        let mut folded: Vec<(u32, Vec<(u16, f32)>)> = rows.into_iter().map(|(key, row)| (fold(key), row)).collect();
        folded.sort_by_key(|(key, _)| *key);
        let max = folded.iter().flat_map(|(_, row)| row.iter()).fold(0.0f32, |max, &(_, weight)| max.max(weight.abs()));
        let scale = if max > 0.0 { max / f32::from(i16::MAX) } else { 1.0 };
        let (mut keys, mut lengths, mut entries) = (Vec::new(), Vec::new(), Vec::new());
        let mut merged: Vec<(u16, f32)> = Vec::new();
        let mut idx = 0;
        while idx < folded.len() {
            let key = folded[idx].0;
            merged.clear();
            while idx < folded.len() && folded[idx].0 == key {
                for &(class, weight) in &folded[idx].1 {
                    match merged.iter_mut().find(|(known, _)| *known == class) {
                        Some(entry) => entry.1 += weight,
                        None => merged.push((class, weight)),
                    }
                }
                idx += 1;
            }
            merged.sort_unstable_by_key(|&(class, _)| class);
            let before = entries.len();
            entries.extend(
                merged
                    .iter()
                    .filter(|&&(_, weight)| weight.abs() >= prune)
                    .map(|&(class, weight)| Entry { class: class as u8, weight: (weight / scale).round().clamp(-32767.0, 32767.0) as i16 })
                    .filter(|entry| entry.weight != 0),
            );
            if entries.len() > before {
                keys.push(key);
                lengths.push((entries.len() - before) as u8);
            }
        }
        assert!(entries.len() < MAX_ENTRIES, "{} weights: more than a model holds", entries.len());
        Perceptron::new(n_classes as u16, keys, lengths, entries, scale)
    }

    /// The same model without the weights smaller than `prune` (in weight units).
    pub fn pruned(&self, prune: f32) -> Perceptron {
        let mut rows = Vec::with_capacity(self.keys.len());
        let mut start = 0;
        for (&key, &length) in self.keys.iter().zip(&self.lengths) {
            let row = &self.entries[start..start + length as usize];
            rows.push((u64::from(key), row.iter().map(|entry| (u16::from(entry.class), f32::from(entry.weight) * self.scale)).collect()));
            start += length as usize;
        }
        // The keys are folded already, and folding a key whose high half is zero gives it back.
        Perceptron::pack(self.n_classes(), rows, prune)
    }

    pub fn n_classes(&self) -> usize {
        self.n_classes as usize
    }

    /// What one unit of the sums [`Perceptron::score`] gives is worth in averaged-perceptron units.
    pub fn scale(&self) -> f32 {
        self.scale
    }

    /// How many features have a row.
    pub fn n_features(&self) -> usize {
        self.keys.len()
    }

    /// How many weights are stored.
    pub fn n_weights(&self) -> usize {
        self.entries.len()
    }

    /// The row of `key`: its start in `entries` and its length.
    #[inline]
    fn find(&self, key: u32) -> Option<(usize, usize)> {
        let mask = self.table.len() - 1;
        let mut at = (key >> self.shift) as usize;
        loop {
            let slot = self.table[at];
            if slot.row == EMPTY.row {
                return None;
            }
            if slot.key == key {
                return Some(((slot.row & 0x00ff_ffff) as usize, (slot.row >> 24) as usize));
            }
            at = (at + 1) & mask;
        }
    }

    /// Sums the weights of `features` into `scores` (zeroed here; one slot per class).
    ///
    /// The sums are of the stored integers, in `i32`; they are below 2^24, so the `f32` scores
    /// are exact and do not depend on the order of the additions.
    pub fn score(&self, features: &[u64], scores: &mut [f32]) {
        let mut sums = [0i32; 256];
        sum_rows(self, features, &mut sums);
        for (score, &sum) in scores.iter_mut().zip(&sums[..self.n_classes()]) {
            *score = sum as f32;
        }
    }
}

/// The body of [`Perceptron::score`], compiled also for wider vector units and picked at run
/// time, since adding up dense rows is most of the work of tagging and parsing.
#[multiversion(targets("x86_64+avx512f+avx512bw", "x86_64+avx2"))]
fn sum_rows(model: &Perceptron, features: &[u64], sums: &mut [i32; 256]) {
    let n_classes = model.n_classes();
    for batch in features.chunks(BATCH) {
        let mut keys = [0u32; BATCH];
        for (key, &feature) in keys.iter_mut().zip(batch) {
            *key = fold(feature);
            prefetch(&model.table[(*key >> model.shift) as usize]);
        }
        let mut rows = [(0usize, 0usize); BATCH];
        let mut n_rows = 0;
        for &key in &keys[..batch.len()] {
            if let Some((start, length)) = model.find(key) {
                let start = if length == 0 { start * n_classes } else { start };
                match length {
                    0 => prefetch(&model.dense[start]),
                    _ => prefetch(&model.entries[start]),
                }
                rows[n_rows] = (start, length);
                n_rows += 1;
            }
        }
        for &(start, length) in &rows[..n_rows] {
            if length == 0 {
                for (sum, &weight) in sums[..n_classes].iter_mut().zip(&model.dense[start..start + n_classes]) {
                    *sum += i32::from(weight);
                }
            } else {
                for entry in &model.entries[start..start + length] {
                    sums[entry.class as usize] += i32::from(entry.weight);
                }
            }
        }
    }
}

/// Asks the processor to start loading `item` into the cache; a hint that changes no result.
#[inline(always)]
fn prefetch<T>(item: &T) {
    #[cfg(target_arch = "x86_64")]
    // SAFETY: a prefetch reads nothing the program sees and never faults; the pointer comes from
    // a reference, so it is valid anyway.
    unsafe {
        core::arch::x86_64::_mm_prefetch::<{ core::arch::x86_64::_MM_HINT_T0 }>((item as *const T).cast::<i8>());
    }
    #[cfg(not(target_arch = "x86_64"))]
    let _ = item;
}

/// The index of the highest score among the classes `allowed` accepts (ties: the lowest index).
pub fn best_class(scores: &[f32], allowed: impl Fn(usize) -> bool) -> Option<usize> {
    let mut best: Option<(usize, f32)> = None;
    for (class, &score) in scores.iter().enumerate() {
        if allowed(class) && best.is_none_or(|(_, top)| score > top) {
            best = Some((class, score));
        }
    }
    best.map(|(class, _)| class)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Two features that each point to one class: the perceptron learns them and the packed,
    /// averaged model agrees with the training weights.
    #[test]
    fn learns_separable_classes_and_packs_them() {
        let mut trainer = Trainer::new(3);
        let data = [(vec![11u64, 99], 0usize), (vec![22, 99], 1), (vec![33, 99], 2)];
        let mut scores = vec![0.0; 3];
        for _ in 0..5 {
            for (features, truth) in &data {
                trainer.score(features, &mut scores);
                let guess = best_class(&scores, |_| true).unwrap();
                trainer.update(*truth, guess, features);
                trainer.tick();
            }
        }
        let model = trainer.average(0.0);
        for (features, truth) in &data {
            model.score(features, &mut scores);
            assert_eq!(best_class(&scores, |_| true), Some(*truth), "{features:?}");
        }
        let bytes = postcard::to_allocvec(&model).unwrap();
        let back: Perceptron = postcard::from_bytes(&bytes).unwrap();
        back.score(&data[1].0, &mut scores);
        assert_eq!(best_class(&scores, |_| true), Some(1));
    }

    /// Mixing one trainer is its average; mixing two is the mean of their weights.
    #[test]
    fn mixing_is_the_mean_of_the_members() {
        let (mut first, mut second) = (Trainer::new(2), Trainer::new(2));
        first.update(0, 1, &[7]);
        first.tick();
        second.update(1, 0, &[7]);
        second.update(1, 0, &[8]);
        second.tick();
        let mut scores = vec![0.0; 2];
        let alone = Trainer::mix(std::slice::from_ref(&first), 0.0);
        let averaged = first.average(0.0);
        let (mut expected, mut got) = (vec![0.0; 2], vec![0.0; 2]);
        averaged.score(&[7], &mut expected);
        alone.score(&[7], &mut got);
        assert_eq!(got, expected);
        let mixed = Trainer::mix(&[first, second], 0.0);
        let real = |feature: u64, scores: &mut Vec<f32>| {
            mixed.score(&[feature], scores);
            scores.iter_mut().for_each(|score| *score *= mixed.scale());
        };
        real(7, &mut scores);
        assert!(scores.iter().all(|score| score.abs() < 1e-3), "the members cancel on feature 7: {scores:?}");
        real(8, &mut scores);
        assert!((scores[1] - 0.5).abs() < 1e-2 && (scores[0] + 0.5).abs() < 1e-2, "half of the second member: {scores:?}");
    }

    /// Rows short and long, dense and sparse, keys crowding the end of the table so that their
    /// run wraps to the front: every key finds its row, and keys never stored find none.
    #[test]
    fn every_row_is_found_and_no_other() {
        let n_classes = 40u16;
        let mut rng = fastrand::Rng::with_seed(3);
        let mut keys: Vec<u32> = (0..300).map(|_| rng.u32(..)).chain((0..40).map(|at| u32::MAX - at)).collect();
        keys.sort_unstable();
        keys.dedup();
        let (mut lengths, mut entries) = (Vec::new(), Vec::new());
        for (at, _) in keys.iter().enumerate() {
            let length = [1usize, 2, 4, 5, 16, 17, 40][at % 7];
            lengths.push(length as u8);
            entries.extend((0..length).map(|class| Entry { class: class as u8, weight: (at * 7 + class) as i16 + 1 }));
        }
        let model = Perceptron::new(n_classes, keys.clone(), lengths.clone(), entries, 1.0);
        let mut scores = vec![0.0; n_classes as usize];
        for (at, &key) in keys.iter().enumerate() {
            model.score(&[u64::from(key)], &mut scores);
            let expected: Vec<f32> = (0..n_classes as usize)
                .map(|class| if class < lengths[at] as usize { (at * 7 + class) as f32 + 1.0 } else { 0.0 })
                .collect();
            assert_eq!(scores, expected, "key {key:#x}");
        }
        let stored: std::collections::HashSet<u32> = keys.iter().copied().collect();
        for key in (0..2000).map(|_| rng.u32(..)).chain((0..60).map(|at| u32::MAX - at)).filter(|key| !stored.contains(key)) {
            model.score(&[u64::from(key)], &mut scores);
            assert!(scores.iter().all(|&score| score == 0.0), "key {key:#x} has no row");
        }
    }

    #[test]
    fn best_class_respects_what_is_allowed() {
        let scores = [3.0, 9.0, 1.0];
        assert_eq!(best_class(&scores, |class| class != 1), Some(0));
        assert_eq!(best_class(&scores, |_| false), None);
    }
}
