//! A union-find over the local entities of the corpus that grows as
//! documents are folded in.
//!
//! Union by rank with the tie rule of petgraph's `UnionFind` (on equal ranks
//! the first argument's set represents both), so the representative of a
//! set depends only on the sequence of unions, and a fold gives the groups
//! (and their order) that one pass over the whole corpus gives.

/// Disjoint sets of `0..len()`.
#[derive(Debug, Default)]
pub struct UnionFind {
    parent: Vec<u32>,
    rank: Vec<u8>,
}

impl UnionFind {
    /// Adds one element in a set of its own; returns its index.
    pub fn push(&mut self) -> usize {
        let index = self.parent.len();
        self.parent.push(u32::try_from(index).expect("fewer than 2^32 local entities"));
        self.rank.push(0);
        index
    }

    pub fn len(&self) -> usize {
        self.parent.len()
    }

    pub fn is_empty(&self) -> bool {
        self.parent.is_empty()
    }

    /// The representative of `x`'s set (halving the path on the way).
    pub fn find(&mut self, x: usize) -> usize {
        let mut x = x;
        while self.parent[x] as usize != x {
            let grandparent = self.parent[self.parent[x] as usize];
            self.parent[x] = grandparent;
            x = grandparent as usize;
        }
        x
    }

    /// Unites the sets of `x` and `y`; false when they were one already.
    pub fn union(&mut self, x: usize, y: usize) -> bool {
        let (x, y) = (self.find(x), self.find(y));
        if x == y {
            return false;
        }
        match self.rank[x].cmp(&self.rank[y]) {
            std::cmp::Ordering::Less => self.parent[x] = y as u32,
            std::cmp::Ordering::Greater => self.parent[y] = x as u32,
            std::cmp::Ordering::Equal => {
                self.parent[y] = x as u32;
                self.rank[x] += 1;
            }
        }
        true
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The same representatives as petgraph's `UnionFind` for the same unions.
    #[test]
    fn matches_petgraph() {
        let unions = [(0, 1), (2, 3), (1, 3), (4, 5), (5, 0), (6, 6), (7, 2), (8, 9), (9, 7)];
        let mut ours = UnionFind::default();
        for _ in 0..10 {
            ours.push();
        }
        let mut theirs = petgraph::unionfind::UnionFind::<usize>::new(10);
        for (x, y) in unions {
            assert_eq!(ours.union(x, y), theirs.union(x, y), "union({x}, {y})");
            for element in 0..10 {
                assert_eq!(ours.find(element), theirs.find(element), "find({element}) after union({x}, {y})");
            }
        }
        assert_eq!(ours.len(), 10);
        assert!(!ours.union(3, 8));
    }
}
