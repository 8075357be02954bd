//! The arc-hybrid transition system (Kuhlmann, Gómez-Rodríguez and Satta 2011) and its dynamic
//! oracle (Goldberg and Nivre 2013).
//!
//! Words are `0..n`; the root is word `n`, the last item of the buffer, so the buffer is always
//! the range `front..=n`. Three moves:
//! - `Shift`: push the buffer's front onto the stack;
//! - `Left(label)`: pop the stack's top `s0` and make the buffer's front its head;
//! - `Right(label)`: pop `s0` and make the item below it, `s1`, its head.
//!
//! The root takes exactly one dependent, labelled `root`, and only when the stack holds nothing
//! else, so every terminal state is a tree: one root, no cycles, every word attached, whatever
//! the scores. The oracle's cost of a move is the number of gold arcs it makes unreachable.

/// No word (a missing head, child or stack item).
pub const NONE: u32 = u32::MAX;

/// A parser move; labels are indices into the model's label list.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Move {
    Shift,
    Left(u16),
    Right(u16),
}

impl Move {
    /// The class index of a move among `1 + 2 × n_labels` classes.
    pub fn class(self, n_labels: usize) -> usize {
        match self {
            Move::Shift => 0,
            Move::Left(label) => 1 + label as usize,
            Move::Right(label) => 1 + n_labels + label as usize,
        }
    }

    pub fn from_class(class: usize, n_labels: usize) -> Move {
        match class {
            0 => Move::Shift,
            class if class <= n_labels => Move::Left((class - 1) as u16),
            class => Move::Right((class - 1 - n_labels) as u16),
        }
    }
}

/// A parser configuration, with the bookkeeping the features read (children and their labels).
#[derive(Clone, Debug, Default)]
pub struct State {
    /// Number of words; the root is word `n`.
    pub n: u32,
    pub stack: Vec<u32>,
    /// The buffer's front; the buffer is `front..=n`.
    pub front: u32,
    pub heads: Vec<u32>,
    pub labels: Vec<u16>,
    /// Leftmost and second-leftmost child, rightmost and second-rightmost child, of every word.
    pub left: Vec<[u32; 2]>,
    pub right: Vec<[u32; 2]>,
    pub n_left: Vec<u8>,
    pub n_right: Vec<u8>,
    /// The labels of the left and right children, as bit sets over label indices (mod 64).
    pub left_labels: Vec<u64>,
    pub right_labels: Vec<u64>,
}

impl State {
    /// Resets to the initial state for `n` words, reusing the buffers.
    pub fn reset(&mut self, n: usize) {
        let n = n as u32;
        self.n = n;
        self.stack.clear();
        self.front = 0;
        let slots = n as usize + 1;
        self.heads.clear();
        self.heads.resize(slots, NONE);
        self.labels.clear();
        self.labels.resize(slots, 0);
        for children in [&mut self.left, &mut self.right] {
            children.clear();
            children.resize(slots, [NONE, NONE]);
        }
        for count in [&mut self.n_left, &mut self.n_right] {
            count.clear();
            count.resize(slots, 0);
        }
        for set in [&mut self.left_labels, &mut self.right_labels] {
            set.clear();
            set.resize(slots, 0);
        }
    }

    pub fn is_terminal(&self) -> bool {
        self.stack.is_empty() && self.front == self.n
    }

    /// The `depth`-th item from the top of the stack.
    pub fn stack_item(&self, depth: usize) -> u32 {
        self.stack.len().checked_sub(depth + 1).map_or(NONE, |at| self.stack[at])
    }

    /// The `offset`-th item of the buffer (the root counts; past it, none).
    pub fn buffer_item(&self, offset: u32) -> u32 {
        let item = self.front + offset;
        if item <= self.n {
            item
        } else {
            NONE
        }
    }

    /// Whether `mv` may be applied; `root` is the index of the `root` label.
    pub fn is_valid(&self, mv: Move, root: u16) -> bool {
        match mv {
            Move::Shift => self.front < self.n,
            Move::Left(label) => {
                !self.stack.is_empty() && if self.front == self.n { self.stack.len() == 1 && label == root } else { label != root }
            }
            Move::Right(label) => self.stack.len() >= 2 && label != root,
        }
    }

    pub fn apply(&mut self, mv: Move) {
        match mv {
            Move::Shift => {
                self.stack.push(self.front);
                self.front += 1;
            }
            Move::Left(label) => {
                let child = self.stack.pop().expect("Left needs a stack item");
                self.attach(self.front, child, label);
            }
            Move::Right(label) => {
                let child = self.stack.pop().expect("Right needs two stack items");
                let head = *self.stack.last().expect("Right needs two stack items");
                self.attach(head, child, label);
            }
        }
    }

    fn attach(&mut self, head: u32, child: u32, label: u16) {
        let (h, c) = (head as usize, child as usize);
        self.heads[c] = head;
        self.labels[c] = label;
        let bit = 1u64 << (label % 64);
        if child < head {
            let slots = &mut self.left[h];
            if slots[0] == NONE || child < slots[0] {
                *slots = [child, slots[0]];
            } else if slots[1] == NONE || child < slots[1] {
                slots[1] = child;
            }
            self.n_left[h] = self.n_left[h].saturating_add(1);
            self.left_labels[h] |= bit;
        } else {
            let slots = &mut self.right[h];
            if slots[0] == NONE || child > slots[0] {
                *slots = [child, slots[0]];
            } else if slots[1] == NONE || child > slots[1] {
                slots[1] = child;
            }
            self.n_right[h] = self.n_right[h].saturating_add(1);
            self.right_labels[h] |= bit;
        }
    }
}

/// A gold tree for the oracle: heads (the root is `n`), labels, and each word's dependents.
pub struct GoldTree {
    pub heads: Vec<u32>,
    pub labels: Vec<u16>,
    dependents: Vec<Vec<u32>>,
}

impl GoldTree {
    pub fn new(heads: Vec<u32>, labels: Vec<u16>) -> GoldTree {
        let mut dependents = vec![Vec::new(); heads.len() + 1];
        for (word, &head) in heads.iter().enumerate() {
            dependents[head as usize].push(word as u32);
        }
        GoldTree { heads, labels, dependents }
    }

    /// The cost of `mv` in `state`: gold arcs (with their labels) it makes unreachable.
    /// `on_stack[w]` tells whether word `w` is on the stack.
    pub fn cost(&self, state: &State, on_stack: &[bool], mv: Move) -> u32 {
        let front = state.front;
        match mv {
            Move::Shift => {
                let head = self.heads[front as usize];
                let lost_head = u32::from(head != state.n && on_stack[head as usize] && head != state.stack_item(0));
                let lost_dependents = self.dependents[front as usize].iter().filter(|&&dep| on_stack[dep as usize]).count() as u32;
                lost_head + lost_dependents
            }
            Move::Left(label) => {
                let s0 = state.stack_item(0);
                let head = self.heads[s0 as usize];
                let head_cost = if head == front {
                    u32::from(self.labels[s0 as usize] != label)
                } else {
                    u32::from(head == state.stack_item(1) || head > front)
                };
                head_cost + self.dependents_in_buffer(s0, front)
            }
            Move::Right(label) => {
                let s0 = state.stack_item(0);
                let head = self.heads[s0 as usize];
                let head_cost =
                    if head == state.stack_item(1) { u32::from(self.labels[s0 as usize] != label) } else { u32::from(head >= front) };
                head_cost + self.dependents_in_buffer(s0, front)
            }
        }
    }

    fn dependents_in_buffer(&self, word: u32, front: u32) -> u32 {
        self.dependents[word as usize].iter().filter(|&&dep| dep >= front).count() as u32
    }
}

/// Makes a tree projective by lifting: while some arc crosses another, the shortest crossing
/// arc's dependent is re-attached to its head's head (Nivre and Nilsson 2005, without encoding).
/// `heads[i]` is the head of word `i`, the root being `heads.len()`.
pub fn projectivize(heads: &mut [u32]) {
    let n = heads.len() as u32;
    loop {
        let mut shortest: Option<(u32, usize)> = None;
        for (dep, &head) in heads.iter().enumerate() {
            if head != n && !is_projective_arc(heads, dep as u32, head) {
                let length = head.abs_diff(dep as u32);
                if shortest.is_none_or(|(best, _)| length < best) {
                    shortest = Some((length, dep));
                }
            }
        }
        match shortest {
            Some((_, dep)) => heads[dep] = heads[heads[dep] as usize],
            None => return,
        }
    }
}

/// An arc is projective when its head dominates every word between its ends.
fn is_projective_arc(heads: &[u32], dep: u32, head: u32) -> bool {
    let n = heads.len() as u32;
    let (low, high) = (dep.min(head), dep.max(head));
    (low + 1..high).all(|between| {
        let mut ancestor = between;
        let mut steps = 0;
        while ancestor != n && ancestor != head && steps <= n {
            ancestor = heads[ancestor as usize];
            steps += 1;
        }
        ancestor == head
    })
}

/// The moves that rebuild a projective gold tree, always taking a zero-cost move (the static
/// oracle read off the dynamic one); used by tests and to check training data.
pub fn oracle_moves(gold: &GoldTree, root: u16) -> Vec<Move> {
    let n = gold.heads.len();
    let mut state = State::default();
    state.reset(n);
    let mut on_stack = vec![false; n + 1];
    let mut moves = Vec::new();
    let n_labels = gold.labels.iter().copied().max().unwrap_or(0).max(root) as usize + 1;
    while !state.is_terminal() {
        let best = (0..1 + 2 * n_labels)
            .map(|class| Move::from_class(class, n_labels))
            .filter(|&mv| state.is_valid(mv, root))
            .min_by_key(|&mv| gold.cost(&state, &on_stack, mv))
            .expect("some move is always valid before the end");
        apply_tracking(&mut state, &mut on_stack, best);
        moves.push(best);
    }
    moves
}

/// Applies a move and keeps `on_stack` in step.
pub fn apply_tracking(state: &mut State, on_stack: &mut [bool], mv: Move) {
    match mv {
        Move::Shift => on_stack[state.front as usize] = true,
        Move::Left(_) | Move::Right(_) => on_stack[state.stack_item(0) as usize] = false,
    }
    state.apply(mv);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rebuild(heads: &[u32], labels: &[u16]) -> State {
        let gold = GoldTree::new(heads.to_vec(), labels.to_vec());
        let mut state = State::default();
        state.reset(heads.len());
        for mv in oracle_moves(&gold, 0) {
            state.apply(mv);
        }
        state
    }

    /// The oracle rebuilds projective trees exactly, labels included (label 0 is `root`).
    #[test]
    fn static_oracle_rebuilds_projective_trees() {
        let trees: &[(&[u32], &[u16])] = &[
            (&[1, 2, 5, 4, 2], &[1, 2, 0, 3, 4]), // "The cat sat on mats"; the root is word 5
            (&[1], &[0]),
            (&[2, 2, 3], &[1, 1, 0]),
            (&[2, 2, 6, 4, 2, 2], &[1, 2, 0, 3, 4, 5]),
        ];
        for &(heads, labels) in trees {
            let state = rebuild(heads, labels);
            assert_eq!(&state.heads[..heads.len()], heads, "{heads:?}");
            assert_eq!(&state.labels[..heads.len()], labels, "{heads:?}");
        }
    }

    #[test]
    fn lifting_removes_crossing_arcs() {
        // 0→2 crosses 1→3 (root 4 = word 3's head).
        let mut heads = vec![2, 3, 3, 4];
        assert!(!is_projective_arc(&heads, 1, 3) || !is_projective_arc(&heads, 0, 2));
        projectivize(&mut heads);
        for (dep, &head) in heads.iter().enumerate() {
            assert!(head == 4 || is_projective_arc(&heads, dep as u32, head), "{heads:?}");
        }
    }

    #[test]
    fn the_root_takes_one_dependent_labelled_root() {
        let mut state = State::default();
        state.reset(2);
        assert!(!state.is_valid(Move::Left(0), 0), "nothing on the stack");
        state.apply(Move::Shift);
        state.apply(Move::Shift);
        assert!(!state.is_valid(Move::Shift, 0), "the root never moves to the stack");
        assert!(!state.is_valid(Move::Left(0), 0), "two items on the stack: only Right");
        assert!(!state.is_valid(Move::Right(0), 0), "Right never uses the root label");
        state.apply(Move::Right(1));
        assert!(state.is_valid(Move::Left(0), 0) && !state.is_valid(Move::Left(1), 0));
        state.apply(Move::Left(0));
        assert!(state.is_terminal());
        assert_eq!(&state.heads[..2], &[2, 0]);
    }
}
