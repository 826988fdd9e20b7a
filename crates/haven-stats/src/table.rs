//! Tables of counts: named dimensions with labelled categories (sex × age group × form of
//! exploitation, say), with every margin.
//!
//! A [`Table`] holds its cells and all its margins — the sub-totals over every subset of its
//! dimensions and the grand total — because the release policy must decide about every number
//! that is published, not only the cells. A position in a table is one `Option<usize>` per
//! dimension: `Some(i)` is the `i`-th category, `None` the total over that dimension. So
//! `[Some(0), None, None]` is the first category's sub-total and `[None, None, None]` the grand
//! total.

use std::collections::HashMap;

use serde::{Deserialize, Serialize};
use thiserror::Error;

/// At most this many dimensions: a table keeps `2^d` kinds of margin.
pub const MAX_DIMENSIONS: usize = 8;

/// At most this many numbers (cells and margins together) in one table.
pub const MAX_ENTRIES: usize = 1 << 24;

/// One dimension of a table: its name and the labels of its categories, in order.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Dimension {
    name: String,
    categories: Vec<String>,
}

/// A table of counts with its margins.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Table {
    layout: Layout,
    entries: Vec<u64>,
}

/// A table that cannot be built as asked.
#[derive(Debug, Error, PartialEq, Eq)]
pub enum TableError {
    #[error("dimension `{0}` has no categories")]
    NoCategories(String),
    #[error("dimension `{dimension}` lists the category `{category}` twice")]
    DuplicateCategory { dimension: String, category: String },
    #[error("two dimensions are named `{0}`")]
    DuplicateDimension(String),
    #[error("a table has at most {MAX_DIMENSIONS} dimensions, not {0}")]
    TooManyDimensions(usize),
    #[error("the table would hold more than {MAX_ENTRIES} cells and margins")]
    TooLarge,
    #[error("record {record} has {found} values for {expected} dimensions")]
    WrongArity {
        record: usize,
        expected: usize,
        found: usize,
    },
    #[error("record {record}: dimension `{dimension}` has no category number {index}")]
    NoSuchIndex {
        record: usize,
        dimension: String,
        index: usize,
    },
    #[error("record {record}: dimension `{dimension}` has no category `{label}`")]
    NoSuchLabel {
        record: usize,
        dimension: String,
        label: String,
    },
    #[error("{found} counts given for a table of {expected} cells")]
    WrongCellCount { expected: usize, found: usize },
    #[error("the dimension numbers to keep must be distinct and below {0}")]
    BadMarginDimensions(usize),
    #[error("a count overflowed")]
    Overflow,
}

impl Dimension {
    /// A dimension with at least one category, each label once.
    pub fn new<S: Into<String>>(
        name: impl Into<String>,
        categories: impl IntoIterator<Item = S>,
    ) -> Result<Self, TableError> {
        let name = name.into();
        let categories: Vec<String> = categories.into_iter().map(Into::into).collect();
        if categories.is_empty() {
            return Err(TableError::NoCategories(name));
        }
        for (i, category) in categories.iter().enumerate() {
            if categories[..i].contains(category) {
                return Err(TableError::DuplicateCategory {
                    dimension: name,
                    category: category.clone(),
                });
            }
        }
        Ok(Self { name, categories })
    }

    pub fn name(&self) -> &str {
        &self.name
    }

    pub fn categories(&self) -> &[String] {
        &self.categories
    }

    /// How many categories; never zero.
    pub fn category_count(&self) -> usize {
        self.categories.len()
    }

    /// The number of the category with this label.
    pub fn position(&self, label: &str) -> Option<usize> {
        self.categories.iter().position(|c| c == label)
    }
}

impl Table {
    /// Counts records given as category numbers, one per dimension, in the dimensions' order.
    pub fn from_records<I, R>(dimensions: Vec<Dimension>, records: I) -> Result<Self, TableError>
    where
        I: IntoIterator<Item = R>,
        R: AsRef<[usize]>,
    {
        let layout = Layout::new(dimensions)?;
        let mut cells = vec![0u64; layout.cell_count()];
        for (number, record) in records.into_iter().enumerate() {
            let index = layout.cell_index(number + 1, record.as_ref())?;
            cells[index] += 1;
        }
        Ok(Self::with_margins(layout, &cells))
    }

    /// Counts records given as category labels, one per dimension, in the dimensions' order.
    pub fn from_labelled_records<I, R, S>(
        dimensions: Vec<Dimension>,
        records: I,
    ) -> Result<Self, TableError>
    where
        I: IntoIterator<Item = R>,
        R: AsRef<[S]>,
        S: AsRef<str>,
    {
        let layout = Layout::new(dimensions)?;
        let lookups: Vec<HashMap<&str, usize>> = layout
            .dimensions
            .iter()
            .map(|d| {
                d.categories
                    .iter()
                    .enumerate()
                    .map(|(i, c)| (c.as_str(), i))
                    .collect()
            })
            .collect();
        let mut cells = vec![0u64; layout.cell_count()];
        let mut indices = vec![0usize; layout.dimensions.len()];
        for (number, record) in records.into_iter().enumerate() {
            let record = record.as_ref();
            if record.len() != indices.len() {
                return Err(TableError::WrongArity {
                    record: number + 1,
                    expected: indices.len(),
                    found: record.len(),
                });
            }
            for (d, label) in record.iter().enumerate() {
                let label = label.as_ref();
                indices[d] = *lookups[d]
                    .get(label)
                    .ok_or_else(|| TableError::NoSuchLabel {
                        record: number + 1,
                        dimension: layout.dimensions[d].name.clone(),
                        label: label.to_owned(),
                    })?;
            }
            let index = layout.cell_index(number + 1, &indices)?;
            cells[index] += 1;
        }
        Ok(Self::with_margins(layout, &cells))
    }

    /// A table from its cell counts, in row-major order (the last dimension varies fastest).
    pub fn from_counts(dimensions: Vec<Dimension>, counts: Vec<u64>) -> Result<Self, TableError> {
        let layout = Layout::new(dimensions)?;
        if counts.len() != layout.cell_count() {
            return Err(TableError::WrongCellCount {
                expected: layout.cell_count(),
                found: counts.len(),
            });
        }
        // A sum of cells that overflows u64 cannot be a count of people; refuse it rather than
        // publish a wrapped total.
        counts
            .iter()
            .try_fold(0u64, |sum, &c| sum.checked_add(c))
            .ok_or(TableError::Overflow)?;
        Ok(Self::with_margins(layout, &counts))
    }

    pub fn dimensions(&self) -> &[Dimension] {
        &self.layout.dimensions
    }

    /// The count at a position (a cell, a margin or the grand total); `None` if the position does
    /// not fit the table.
    pub fn get(&self, position: &[Option<usize>]) -> Option<u64> {
        self.layout.index(position).map(|i| self.entries[i])
    }

    pub fn grand_total(&self) -> u64 {
        self.entries[self.entries.len() - 1]
    }

    /// Every position with its count: the cells, the margins and the grand total, in row-major
    /// order with each dimension's total after its categories.
    pub fn entries(&self) -> impl Iterator<Item = (Vec<Option<usize>>, u64)> + '_ {
        self.entries
            .iter()
            .enumerate()
            .map(|(i, &count)| (self.layout.position(i), count))
    }

    /// The table of sub-totals over the dimensions kept (given by their numbers, in the order
    /// wanted), summed over all the others. Keeping none gives a table of no dimension whose one
    /// entry is the grand total.
    pub fn margin(&self, kept: &[usize]) -> Result<Table, TableError> {
        let d = self.layout.dimensions.len();
        let mut seen = vec![false; d];
        for &k in kept {
            if k >= d || std::mem::replace(&mut seen[k], true) {
                return Err(TableError::BadMarginDimensions(d));
            }
        }
        let layout = Layout::new(
            kept.iter()
                .map(|&k| self.layout.dimensions[k].clone())
                .collect(),
        )?;
        let mut position = vec![None; d];
        let cells = (0..layout.cell_count())
            .map(|cell| {
                let within = layout.position(layout.cell_to_entry(cell));
                for (&k, &p) in kept.iter().zip(&within) {
                    position[k] = p;
                }
                self.get(&position).unwrap_or(0)
            })
            .collect::<Vec<_>>();
        Ok(Self::with_margins(layout, &cells))
    }

    pub(crate) fn layout(&self) -> &Layout {
        &self.layout
    }

    pub(crate) fn raw_entries(&self) -> &[u64] {
        &self.entries
    }

    /// Fills the margins by summing along one dimension after another: after dimension `j`,
    /// every position whose `j`-th coordinate is the total holds the sum over that dimension of
    /// positions already complete in the earlier dimensions.
    fn with_margins(layout: Layout, cells: &[u64]) -> Self {
        let mut entries = vec![0u64; layout.entry_count()];
        for (cell, &count) in cells.iter().enumerate() {
            entries[layout.cell_to_entry(cell)] = count;
        }
        for j in 0..layout.extents.len() {
            let total = layout.extents[j] - 1;
            let stride = layout.strides[j];
            for i in 0..entries.len() {
                if (i / stride) % layout.extents[j] == total {
                    entries[i] = (1..=total).map(|k| entries[i - k * stride]).sum();
                }
            }
        }
        Self { layout, entries }
    }
}

/// Where each cell and margin of a table lives in one flat array whose extent along each
/// dimension is its category count plus one, the last position standing for the total.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Layout {
    pub(crate) dimensions: Vec<Dimension>,
    pub(crate) extents: Vec<usize>,
    pub(crate) strides: Vec<usize>,
}

impl Layout {
    pub(crate) fn new(dimensions: Vec<Dimension>) -> Result<Self, TableError> {
        if dimensions.len() > MAX_DIMENSIONS {
            return Err(TableError::TooManyDimensions(dimensions.len()));
        }
        for (i, d) in dimensions.iter().enumerate() {
            if dimensions[..i].iter().any(|e| e.name == d.name) {
                return Err(TableError::DuplicateDimension(d.name.clone()));
            }
        }
        let extents: Vec<usize> = dimensions.iter().map(|d| d.categories.len() + 1).collect();
        let mut strides = vec![1usize; extents.len()];
        let mut size = 1usize;
        for j in (0..extents.len()).rev() {
            strides[j] = size;
            size = size
                .checked_mul(extents[j])
                .filter(|&s| s <= MAX_ENTRIES)
                .ok_or(TableError::TooLarge)?;
        }
        Ok(Self {
            dimensions,
            extents,
            strides,
        })
    }

    pub(crate) fn entry_count(&self) -> usize {
        self.extents.iter().product()
    }

    pub(crate) fn cell_count(&self) -> usize {
        self.extents.iter().map(|e| e - 1).product()
    }

    /// The flat index of a position, if it fits.
    pub(crate) fn index(&self, position: &[Option<usize>]) -> Option<usize> {
        if position.len() != self.extents.len() {
            return None;
        }
        let mut index = 0;
        for ((p, &extent), &stride) in position.iter().zip(&self.extents).zip(&self.strides) {
            let coordinate = match *p {
                Some(c) if c < extent - 1 => c,
                Some(_) => return None,
                None => extent - 1,
            };
            index += coordinate * stride;
        }
        Some(index)
    }

    pub(crate) fn position(&self, index: usize) -> Vec<Option<usize>> {
        self.coordinates(index)
            .zip(&self.extents)
            .map(|(c, &e)| (c < e - 1).then_some(c))
            .collect()
    }

    /// The coordinate of a flat index along each dimension, the total being `extent - 1`.
    pub(crate) fn coordinates(&self, index: usize) -> impl Iterator<Item = usize> + '_ {
        self.strides
            .iter()
            .zip(&self.extents)
            .map(move |(&s, &e)| (index / s) % e)
    }

    /// The flat index of the `cell`-th cell in row-major order over the categories alone.
    pub(crate) fn cell_to_entry(&self, mut cell: usize) -> usize {
        let mut index = 0;
        for j in (0..self.extents.len()).rev() {
            let n = self.extents[j] - 1;
            index += (cell % n) * self.strides[j];
            cell /= n;
        }
        index
    }

    pub(crate) fn is_cell(&self, index: usize) -> bool {
        self.coordinates(index)
            .zip(&self.extents)
            .all(|(c, &e)| c < e - 1)
    }

    /// The cells that add up to the entry at `index`: itself if it is a cell, otherwise every
    /// cell agreeing with it on the dimensions where it names a category.
    pub(crate) fn cells_under(&self, index: usize) -> Vec<usize> {
        let mut cells = vec![0usize];
        for (j, c) in self.coordinates(index).enumerate() {
            let n = self.extents[j] - 1;
            let stride = self.strides[j];
            if c < n {
                for cell in &mut cells {
                    *cell += c * stride;
                }
            } else {
                cells = cells
                    .iter()
                    .flat_map(|&cell| (0..n).map(move |k| cell + k * stride))
                    .collect();
            }
        }
        cells
    }

    /// The entries of the line through `index` along dimension `j`: the categories first, then
    /// the total they add up to.
    pub(crate) fn line(&self, index: usize, j: usize) -> impl Iterator<Item = usize> + '_ {
        let stride = self.strides[j];
        let base = index - ((index / stride) % self.extents[j]) * stride;
        (0..self.extents[j]).map(move |k| base + k * stride)
    }

    /// Checks a record's category numbers and gives its cell's flat index among the cells alone.
    fn cell_index(&self, record: usize, indices: &[usize]) -> Result<usize, TableError> {
        if indices.len() != self.extents.len() {
            return Err(TableError::WrongArity {
                record,
                expected: self.extents.len(),
                found: indices.len(),
            });
        }
        let mut cell = 0;
        for (j, &i) in indices.iter().enumerate() {
            let n = self.extents[j] - 1;
            if i >= n {
                return Err(TableError::NoSuchIndex {
                    record,
                    dimension: self.dimensions[j].name.clone(),
                    index: i,
                });
            }
            cell = cell * n + i;
        }
        Ok(cell)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sex_by_age() -> Vec<Dimension> {
        vec![
            Dimension::new("sex", ["female", "male"]).unwrap(),
            Dimension::new("age_group", ["child", "adult", "unknown"]).unwrap(),
        ]
    }

    #[test]
    fn margins_of_a_two_way_table() {
        let t = Table::from_counts(sex_by_age(), vec![1, 2, 3, 4, 5, 6]).unwrap();
        assert_eq!(t.get(&[Some(1), Some(2)]), Some(6));
        assert_eq!(t.get(&[Some(0), None]), Some(6));
        assert_eq!(t.get(&[None, Some(1)]), Some(7));
        assert_eq!(t.get(&[None, None]), Some(21));
        assert_eq!(t.grand_total(), 21);
        assert_eq!(t.get(&[Some(2), None]), None);
        assert_eq!(t.get(&[None]), None);
    }

    #[test]
    fn layout_lines_and_cells_under() {
        let t = Table::from_counts(sex_by_age(), vec![1, 2, 3, 4, 5, 6]).unwrap();
        let l = t.layout();
        let female_total = l.index(&[Some(0), None]).unwrap();
        let under: Vec<u64> = l
            .cells_under(female_total)
            .iter()
            .map(|&i| t.raw_entries()[i])
            .collect();
        assert_eq!(under, vec![1, 2, 3]);
        let line: Vec<u64> = l
            .line(female_total, 1)
            .map(|i| t.raw_entries()[i])
            .collect();
        assert_eq!(line, vec![1, 2, 3, 6]);
        assert_eq!(l.cell_to_entry(4), l.index(&[Some(1), Some(1)]).unwrap());
    }
}
