//! Primary and complementary suppression.
//!
//! Every published margin is a line: the categories of one dimension and their total. A line
//! with exactly one withheld number gives it away by subtraction, so each such line gets a
//! second one withheld — its smallest positive published category, or its total when no
//! category is left — until no line has exactly one (a fixed point: each step withholds one
//! more number, so it ends). Lines alone do not catch everything: a withheld cell can be pinned
//! down by a combination of several lines. Here the true counts are known, and every withheld
//! cell is positive, so the true table lies strictly inside the non-negative solutions of the
//! published margins; a withheld number is then pinned down exactly when it is a linear
//! combination of published margins, which linear algebra decides at once. Each one pinned
//! gets a partner withheld on one of its lines, the lines are completed again, and so on until
//! none is pinned. That ends too: with everything positive withheld, nothing is. Last, the
//! independent audit (linear programmes over what is published, knowing nothing else) must
//! agree; should it find a number pinned, that one is treated the same way.

use crate::table::{Layout, Table};

use super::audit::RowSpace;
use super::{
    AuditError, AuditOutcome, PublishedTable, ReleasedCount, Suppression, SuppressionReason,
    audit_suppression,
};

/// A table with its suppressions, and the audit of the exact (unrounded) counts.
pub(super) struct Protected {
    pub(super) published: PublishedTable,
    pub(super) suppressions: Vec<Suppression>,
    pub(super) audit: AuditOutcome,
}

pub(super) fn protect(table: &Table, min_cell: u64) -> Result<Protected, AuditError> {
    let layout = table.layout();
    let values = table.raw_entries();
    let mut status: Vec<Option<SuppressionReason>> = values
        .iter()
        .map(|&v| (v > 0 && v < min_cell).then_some(SuppressionReason::Primary))
        .collect();
    loop {
        complete_lines(layout, values, &mut status);
        let combinations = pinned_by_combination(layout, &status);
        let (pinned, audit) = if combinations.is_empty() {
            let published = publish(table, &status);
            let audit = audit_suppression(&published)?;
            let pinned = audit
                .recoverable()
                .filter_map(|r| layout.index(&r.position))
                .collect();
            (pinned, Some((published, audit)))
        } else {
            (combinations, None)
        };
        let mut changed = false;
        for &entry in &pinned {
            let partner = (0..layout.extents.len())
                .filter_map(|j| smallest_published(values, &status, layout.line(entry, j)))
                .min_by_key(|&i| (values[i], i))
                .or_else(|| smallest_published(values, &status, 0..values.len()));
            if let Some(partner) = partner {
                status[partner] = Some(SuppressionReason::Complementary);
                changed = true;
            }
        }
        // Nothing pinned, or nothing left to withhold (which, with everything positive withheld,
        // only a misjudged range could bring about): the audit's verdict stands, and the release
        // carries it.
        if !changed {
            let (published, audit) = match audit {
                Some(done) => done,
                None => {
                    let published = publish(table, &status);
                    let audit = audit_suppression(&published)?;
                    (published, audit)
                }
            };
            let suppressions = [SuppressionReason::Primary, SuppressionReason::Complementary]
                .into_iter()
                .flat_map(|reason| {
                    status
                        .iter()
                        .enumerate()
                        .filter(move |(_, s)| **s == Some(reason))
                        .map(move |(i, _)| Suppression {
                            position: layout.position(i),
                            reason,
                        })
                })
                .collect();
            return Ok(Protected {
                published,
                suppressions,
                audit,
            });
        }
    }
}

/// The withheld entries that are linear combinations of the published margins, given that the
/// true counts of all withheld cells are positive.
fn pinned_by_combination(layout: &Layout, status: &[Option<SuppressionReason>]) -> Vec<usize> {
    let mut unknown = vec![usize::MAX; status.len()];
    let mut unknowns = 0;
    for cell in 0..layout.cell_count() {
        let entry = layout.cell_to_entry(cell);
        if status[entry].is_some() {
            unknown[entry] = unknowns;
            unknowns += 1;
        }
    }
    let withheld_under = |entry: usize| -> Vec<usize> {
        layout
            .cells_under(entry)
            .into_iter()
            .filter(|&c| status[c].is_some())
            .map(|c| unknown[c])
            .collect()
    };
    let mut margins = RowSpace::new(unknowns);
    for (entry, s) in status.iter().enumerate() {
        if s.is_none() && !layout.is_cell(entry) {
            margins.insert(&withheld_under(entry));
        }
    }
    (0..status.len())
        .filter(|&entry| status[entry].is_some() && margins.contains(&withheld_under(entry)))
        .collect()
}

/// Withholds a second number on every line that has exactly one withheld, until none has.
fn complete_lines(layout: &Layout, values: &[u64], status: &mut [Option<SuppressionReason>]) {
    loop {
        let mut changed = false;
        for j in 0..layout.extents.len() {
            let total = layout.extents[j] - 1;
            for index in 0..values.len() {
                if (index / layout.strides[j]) % layout.extents[j] != total {
                    continue;
                }
                let withheld = layout
                    .line(index, j)
                    .filter(|&i| status[i].is_some())
                    .count();
                if withheld != 1 {
                    continue;
                }
                // The categories first: withholding a total hides more from the readers.
                let categories = layout.line(index, j).filter(|&i| i != index);
                let partner = smallest_published(values, status, categories)
                    .or_else(|| smallest_published(values, status, [index]));
                if let Some(partner) = partner {
                    status[partner] = Some(SuppressionReason::Complementary);
                    changed = true;
                }
            }
        }
        if !changed {
            return;
        }
    }
}

/// The published entry with the smallest positive count among some (the first on ties). Zeros
/// are not withheld to protect others: a withheld zero can only move up, so it leaves its
/// partner free in one direction at most, and readers would learn little from seeing it.
fn smallest_published(
    values: &[u64],
    status: &[Option<SuppressionReason>],
    among: impl IntoIterator<Item = usize>,
) -> Option<usize> {
    among
        .into_iter()
        .filter(|&i| status[i].is_none() && values[i] > 0)
        .min_by_key(|&i| (values[i], i))
}

fn publish(table: &Table, status: &[Option<SuppressionReason>]) -> PublishedTable {
    let mut published = PublishedTable::from_table(table);
    for (entry, s) in published.entries.iter_mut().zip(status) {
        if s.is_some() {
            *entry = ReleasedCount::Suppressed;
        }
    }
    published
}
