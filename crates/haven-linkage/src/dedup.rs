//! De-duplication within one list: records joined by a chain of pairs above the threshold form
//! one cluster (connected components, by union–find).

use crate::blocking::Blocking;
use crate::clk::ClkBatch;
use crate::matching::{Threshold, self_candidate_pairs};

/// Records of one list that are taken to be the same person, in increasing order (at least two).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cluster(Vec<usize>);

impl Cluster {
    pub fn records(&self) -> &[usize] {
        &self.0
    }
}

/// Clusters of records (0-based positions) with Dice ≥ `threshold` to another member, ordered
/// by their first record. Records without any match belong to no cluster.
pub fn deduplicate(
    list: &ClkBatch,
    threshold: Threshold,
    blocking: Blocking,
    progress: &(dyn Fn(usize) + Sync),
) -> Vec<Cluster> {
    let mut sets = DisjointSets::new(list.len());
    for pair in self_candidate_pairs(list, threshold, blocking, progress) {
        sets.union(pair.a, pair.b);
    }
    let mut members: Vec<Vec<usize>> = vec![Vec::new(); list.len()];
    for record in 0..list.len() {
        members[sets.find(record)].push(record);
    }
    let mut clusters: Vec<Cluster> = members
        .into_iter()
        .filter(|m| m.len() > 1)
        .map(Cluster)
        .collect();
    clusters.sort_by_key(|c| c.0[0]);
    clusters
}

/// Union–find with path halving and union by size.
struct DisjointSets {
    parent: Vec<usize>,
    size: Vec<usize>,
}

impl DisjointSets {
    fn new(len: usize) -> Self {
        DisjointSets {
            parent: (0..len).collect(),
            size: vec![1; len],
        }
    }

    fn find(&mut self, mut x: usize) -> usize {
        while self.parent[x] != x {
            self.parent[x] = self.parent[self.parent[x]];
            x = self.parent[x];
        }
        x
    }

    fn union(&mut self, x: usize, y: usize) {
        let (mut x, mut y) = (self.find(x), self.find(y));
        if x == y {
            return;
        }
        if self.size[x] < self.size[y] {
            std::mem::swap(&mut x, &mut y);
        }
        self.parent[y] = x;
        self.size[x] += self.size[y];
    }
}
