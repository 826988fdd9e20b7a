//! The audit of a suppressed table: can any withheld count be worked out from what is
//! published?
//!
//! The audit knows only the published table. Its unknowns are the withheld cells, non-negative
//! reals; every published margin is an equation over the cells it adds up (with rounding, an
//! interval of half the base either side, and the published cells become unknowns within their
//! own intervals). For each withheld cell or margin a linear programme finds the least and the
//! greatest value it can take; if they coincide, the count is recoverable exactly and the
//! release fails. Unknowns that share no equation are solved apart, which keeps the programmes
//! small.

use microlp::{ComparisonOp, LinearExpr, OptimizationDirection, Problem, Variable};
use serde::{Deserialize, Serialize};
use thiserror::Error;

use super::{PublishedTable, ReleasedCount};

/// Two bounds closer than this, relative to their size, pin a count down.
const TOLERANCE: f64 = 1e-6;

/// What the audit found: the range each withheld count could take given what is published.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct AuditOutcome {
    pub ranges: Vec<SuppressedRange>,
}

/// The least and greatest values a withheld count can take given what is published.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SuppressedRange {
    pub position: Vec<Option<usize>>,
    pub lower: f64,
    /// `None` when nothing published bounds it from above.
    pub upper: Option<f64>,
}

/// An audit that could not be carried out.
#[derive(Clone, Debug, Error, PartialEq)]
pub enum AuditError {
    #[error("the published counts contradict each other, so the table cannot be audited")]
    Inconsistent,
    #[error("the linear programme failed: {0}")]
    Solver(String),
}

impl AuditOutcome {
    /// Whether no withheld count can be recovered exactly.
    pub fn passed(&self) -> bool {
        self.recoverable().next().is_none()
    }

    /// The withheld counts that can be recovered exactly.
    pub fn recoverable(&self) -> impl Iterator<Item = &SuppressedRange> {
        self.ranges.iter().filter(|r| r.is_recoverable())
    }
}

impl SuppressedRange {
    /// Whether the published numbers pin this count down to one value.
    pub fn is_recoverable(&self) -> bool {
        self.upper
            .is_some_and(|upper| upper - self.lower <= TOLERANCE * upper.abs().max(1.0))
    }
}

/// Computes, for every withheld count of a published table, the range of values consistent with
/// everything published (over non-negative reals), and so which withheld counts are recoverable.
pub fn audit_suppression(table: &PublishedTable) -> Result<AuditOutcome, AuditError> {
    let system = System::new(table)?;
    let layout = table.layout();
    let mut ranges = Vec::new();
    for (index, entry) in table.raw_entries().iter().enumerate() {
        if *entry != ReleasedCount::Suppressed {
            continue;
        }
        let (lower, upper) = system.range(&layout.cells_under(index))?;
        ranges.push(SuppressedRange {
            position: layout.position(index),
            lower,
            upper,
        });
    }
    Ok(AuditOutcome { ranges })
}

/// The linear system the published table imposes on its cells.
struct System {
    /// For each cell (in table order), its unknown or its published value.
    cells: Vec<Cell>,
    /// For each entry index of the table, the number of the cell there (margins get none).
    cell_of_entry: Vec<usize>,
    /// The bounds of each unknown.
    bounds: Vec<(f64, f64)>,
    /// Each published margin: its unknowns, and the bounds on their sum.
    constraints: Vec<Constraint>,
    /// The component (unknowns linked through constraints) of each unknown.
    component_of: Vec<usize>,
    component_count: usize,
}

#[derive(Clone, Copy)]
enum Cell {
    Unknown(usize),
    Known(f64),
}

struct Constraint {
    unknowns: Vec<usize>,
    lower: f64,
    upper: f64,
}

impl System {
    fn new(table: &PublishedTable) -> Result<Self, AuditError> {
        let layout = table.layout();
        let entries = table.raw_entries();
        // With rounding to base b, a published r stands for a true value in [r − b/2, r + b/2].
        let half = table.rounding().map_or(0.0, |b| f64::from(b) / 2.0);
        let interval = |r: u64| ((r as f64 - half).max(0.0), r as f64 + half);
        let mut cells = Vec::with_capacity(layout.cell_count());
        let mut bounds = Vec::new();
        for cell in 0..layout.cell_count() {
            match entries[layout.cell_to_entry(cell)] {
                ReleasedCount::Suppressed => {
                    cells.push(Cell::Unknown(bounds.len()));
                    bounds.push((0.0, f64::INFINITY));
                }
                ReleasedCount::Published(r) if half > 0.0 => {
                    cells.push(Cell::Unknown(bounds.len()));
                    bounds.push(interval(r));
                }
                ReleasedCount::Published(r) => cells.push(Cell::Known(r as f64)),
            }
        }
        let cell_of_entry = cell_numbering(table);
        let mut constraints = Vec::new();
        for (index, entry) in entries.iter().enumerate() {
            let ReleasedCount::Published(r) = *entry else {
                continue;
            };
            if layout.is_cell(index) {
                continue;
            }
            let (mut lower, mut upper) = interval(r);
            let mut unknowns = Vec::new();
            for cell in layout.cells_under(index) {
                match cells[cell_of_entry[cell]] {
                    Cell::Unknown(u) => unknowns.push(u),
                    Cell::Known(v) => {
                        lower -= v;
                        upper -= v;
                    }
                }
            }
            if unknowns.is_empty() {
                if lower > TOLERANCE || upper < -TOLERANCE {
                    return Err(AuditError::Inconsistent);
                }
                continue;
            }
            constraints.push(Constraint {
                unknowns,
                lower,
                upper,
            });
        }
        if half == 0.0 {
            constraints = independent(constraints, bounds.len());
        }
        // Each unknown is at most the least published total it is part of; finite bounds keep
        // the programmes bounded and well conditioned.
        for constraint in &constraints {
            for &u in &constraint.unknowns {
                bounds[u].1 = bounds[u].1.min(constraint.upper.max(bounds[u].0));
            }
        }
        let (component_of, component_count) = components(bounds.len(), &constraints);
        Ok(Self {
            cells,
            cell_of_entry,
            bounds,
            constraints,
            component_of,
            component_count,
        })
    }

    /// The least and greatest value of the sum of some cells (given by their entry indices).
    fn range(&self, cells: &[usize]) -> Result<(f64, Option<f64>), AuditError> {
        let mut known = 0.0;
        let mut by_component: Vec<Vec<usize>> = vec![Vec::new(); self.component_count];
        for &cell in cells {
            match self.cells[self.cell_of_entry[cell]] {
                Cell::Known(v) => known += v,
                Cell::Unknown(u) => by_component[self.component_of[u]].push(u),
            }
        }
        let (mut lower, mut upper) = (known, Some(known));
        for (component, objective) in by_component.iter().enumerate() {
            if objective.is_empty() {
                continue;
            }
            lower += self
                .optimise(component, objective, OptimizationDirection::Minimize)?
                .unwrap_or(0.0);
            let greatest = self.optimise(component, objective, OptimizationDirection::Maximize)?;
            upper = upper.zip(greatest).map(|(a, b)| a + b);
        }
        Ok((lower, upper))
    }

    /// The optimum of the sum of some unknowns of one component, `None` if unbounded.
    fn optimise(
        &self,
        component: usize,
        objective: &[usize],
        direction: OptimizationDirection,
    ) -> Result<Option<f64>, AuditError> {
        let mut weight = vec![0.0; self.bounds.len()];
        for &u in objective {
            weight[u] = 1.0;
        }
        let mut problem = Problem::new(direction);
        let mut variables: Vec<Option<Variable>> = vec![None; self.bounds.len()];
        for (u, &bounds) in self.bounds.iter().enumerate() {
            if self.component_of[u] == component {
                variables[u] = Some(problem.add_var(weight[u], bounds));
            }
        }
        for constraint in &self.constraints {
            if self.component_of[constraint.unknowns[0]] != component {
                continue;
            }
            let expression = || -> LinearExpr {
                constraint
                    .unknowns
                    .iter()
                    .filter_map(|&u| variables[u].map(|v| (v, 1.0)))
                    .collect()
            };
            if constraint.upper - constraint.lower <= TOLERANCE {
                problem.add_constraint(expression(), ComparisonOp::Eq, constraint.lower);
            } else {
                problem.add_constraint(expression(), ComparisonOp::Ge, constraint.lower);
                problem.add_constraint(expression(), ComparisonOp::Le, constraint.upper);
            }
        }
        match problem.solve() {
            Ok(solution) => Ok(Some(solution.objective())),
            Err(microlp::Error::Unbounded) => Ok(None),
            Err(microlp::Error::Infeasible) => Err(AuditError::Inconsistent),
            Err(microlp::Error::InternalError(e)) => Err(AuditError::Solver(e)),
        }
    }
}

/// For each entry index of the table, the number of the cell there (margins get `usize::MAX`,
/// never looked up: only cells are summed).
fn cell_numbering(table: &PublishedTable) -> Vec<usize> {
    let layout = table.layout();
    let mut numbers = vec![usize::MAX; layout.entry_count()];
    for cell in 0..layout.cell_count() {
        numbers[layout.cell_to_entry(cell)] = cell;
    }
    numbers
}

/// The equalities that are not linear combinations of earlier ones. Margins of margins make
/// most of them redundant, and the simplex solver is fragile on rank-deficient equalities.
fn independent(constraints: Vec<Constraint>, unknowns: usize) -> Vec<Constraint> {
    let mut space = RowSpace::new(unknowns);
    constraints
        .into_iter()
        .filter(|c| space.insert(&c.unknowns))
        .collect()
}

/// The span of some 0/1 rows over the unknowns, kept in echelon form by Gaussian elimination
/// modulo the prime 2^61 − 1. A dependence over the rationals is one modulo any prime; a
/// spurious one (the prime dividing a minor of a 0/1 matrix) has a probability of the order of
/// 2^-61.
pub(super) struct RowSpace {
    basis: Vec<Vec<u64>>,
    pivot_row: Vec<Option<usize>>,
}

const PRIME: u64 = (1 << 61) - 1;

impl RowSpace {
    pub(super) fn new(unknowns: usize) -> Self {
        Self {
            basis: Vec::new(),
            pivot_row: vec![None; unknowns],
        }
    }

    /// Adds the row with ones at these unknowns; `false` if it was already in the span.
    pub(super) fn insert(&mut self, ones: &[usize]) -> bool {
        let mut row = self.reduce(ones);
        let Some(column) = row.iter().position(|&x| x != 0) else {
            return false;
        };
        let scale = inverse(row[column]);
        for x in &mut row[column..] {
            *x = mul(*x, scale);
        }
        self.pivot_row[column] = Some(self.basis.len());
        self.basis.push(row);
        true
    }

    /// Whether the row with ones at these unknowns is in the span.
    pub(super) fn contains(&self, ones: &[usize]) -> bool {
        self.reduce(ones).iter().all(|&x| x == 0)
    }

    fn reduce(&self, ones: &[usize]) -> Vec<u64> {
        let mut row = vec![0u64; self.pivot_row.len()];
        for &u in ones {
            row[u] = 1;
        }
        for column in 0..row.len() {
            if row[column] == 0 {
                continue;
            }
            if let Some(b) = self.pivot_row[column] {
                let factor = row[column];
                for (x, &y) in row[column..].iter_mut().zip(&self.basis[b][column..]) {
                    *x = (*x + PRIME - mul(factor, y)) % PRIME;
                }
            }
        }
        row
    }
}

fn mul(a: u64, b: u64) -> u64 {
    ((u128::from(a) * u128::from(b)) % u128::from(PRIME)) as u64
}

/// The inverse modulo the prime, by Fermat: `a^(p−2)`.
fn inverse(a: u64) -> u64 {
    let (mut base, mut exponent, mut result) = (a, PRIME - 2, 1u64);
    while exponent > 0 {
        if exponent & 1 == 1 {
            result = mul(result, base);
        }
        base = mul(base, base);
        exponent >>= 1;
    }
    result
}

/// Groups the unknowns that some constraint links, directly or through others (union–find).
fn components(unknowns: usize, constraints: &[Constraint]) -> (Vec<usize>, usize) {
    let mut parent: Vec<usize> = (0..unknowns).collect();
    fn root(parent: &mut [usize], mut u: usize) -> usize {
        while parent[u] != u {
            parent[u] = parent[parent[u]];
            u = parent[u];
        }
        u
    }
    for constraint in constraints {
        let first = root(&mut parent, constraint.unknowns[0]);
        for &u in &constraint.unknowns[1..] {
            let r = root(&mut parent, u);
            parent[r] = first;
        }
    }
    let mut number = vec![usize::MAX; unknowns];
    let mut count = 0;
    let component_of = (0..unknowns)
        .map(|u| {
            let r = root(&mut parent, u);
            if number[r] == usize::MAX {
                number[r] = count;
                count += 1;
            }
            number[r]
        })
        .collect();
    (component_of, count)
}
