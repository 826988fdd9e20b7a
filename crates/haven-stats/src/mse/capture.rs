//! Capture histories and the tables of their counts, read from CSV.
//!
//! Two CSV shapes are accepted. A table of capture patterns has one 0/1 column per list and a
//! `count` column; a file of persons has one row per person, an optional first `id` column and
//! one 0/1 column per list. Either may carry a stratum column (`stratum`, or a name the caller
//! gives) whose values split the data into separate tables.

use std::collections::BTreeMap;
use std::fmt;
use std::io::Read;

/// The most lists an analysis may have: the table has 2^k − 1 observable cells.
pub const MAX_LISTS: usize = 16;

/// The set of lists a case was found on, one bit per list (bit `i` is list `i`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct CaptureHistory(u32);

impl CaptureHistory {
    pub fn from_bits(bits: u32) -> Self {
        CaptureHistory(bits)
    }

    pub fn bits(self) -> u32 {
        self.0
    }

    /// Whether the case was found on every list in `lists` (a bit set of the same kind).
    pub fn contains_all(self, lists: u32) -> bool {
        self.0 & lists == lists
    }
}

/// Counts of cases for every observable capture history of `k` lists.
#[derive(Debug, Clone, PartialEq)]
pub struct CaptureTable {
    lists: Vec<String>,
    /// Indexed by the history's bits; index 0 (found on no list) is never observed and stays 0.
    counts: Vec<u64>,
}

impl CaptureTable {
    /// A table over `lists` with the given counts; histories not given have count 0.
    /// Repeated histories are added together.
    pub fn new(
        lists: Vec<String>,
        patterns: impl IntoIterator<Item = (CaptureHistory, u64)>,
    ) -> Result<Self, InputError> {
        check_list_names(&lists)?;
        let mut counts = vec![0; 1 << lists.len()];
        for (history, count) in patterns {
            let index = history.bits() as usize;
            if index == 0 || index >= counts.len() {
                return Err(InputError::Invalid {
                    line: None,
                    column: None,
                    message: format!(
                        "capture history {index:#b} is not observable with {} lists",
                        lists.len()
                    ),
                });
            }
            counts[index] += count;
        }
        Ok(CaptureTable { lists, counts })
    }

    pub fn lists(&self) -> &[String] {
        &self.lists
    }

    pub fn list_count(&self) -> usize {
        self.lists.len()
    }

    /// Number of distinct cases seen on at least one list.
    pub fn observed(&self) -> u64 {
        self.counts.iter().sum()
    }

    pub fn count(&self, history: CaptureHistory) -> u64 {
        self.counts[history.bits() as usize]
    }

    /// Every observable capture history, in increasing order of its bits.
    pub fn histories(&self) -> impl Iterator<Item = CaptureHistory> + '_ {
        (1..self.counts.len() as u32).map(CaptureHistory)
    }

    /// N*: cases seen on all of `lists`, whatever other lists they are also on.
    pub fn seen_on_all(&self, lists: u32) -> u64 {
        self.histories()
            .filter(|h| h.contains_all(lists))
            .map(|h| self.count(h))
            .sum()
    }

    /// The same lists with other counts (for resampling); `counts` is indexed like `histories()`.
    pub fn with_counts(&self, counts: impl IntoIterator<Item = u64>) -> Self {
        let mut all = vec![0];
        all.extend(counts);
        assert_eq!(
            all.len(),
            self.counts.len(),
            "one count per observable history"
        );
        CaptureTable {
            lists: self.lists.clone(),
            counts: all,
        }
    }

    /// Short list name combination such as `A:B` for a set of lists.
    pub fn term_name(&self, lists: u32) -> String {
        (0..self.lists.len())
            .filter(|i| lists & (1 << i) != 0)
            .map(|i| self.lists[i].as_str())
            .collect::<Vec<_>>()
            .join(":")
    }
}

/// Data read from one CSV file: the pooled table and, when there is a stratum column, one table
/// per stratum value (in order of the values).
#[derive(Debug, Clone)]
pub struct CaptureData {
    pub pooled: CaptureTable,
    pub strata: Vec<(String, CaptureTable)>,
}

/// Which column splits the data into strata.
#[derive(Debug, Clone, Copy, Default)]
pub enum StratumColumn<'a> {
    /// A column named `stratum` if there is one.
    #[default]
    IfPresent,
    /// This column, which must be there.
    Named(&'a str),
}

/// Wrong input, naming the line (1 is the header) and the column where possible.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum InputError {
    #[error("{}{message}", Location(*.line, .column.as_deref()))]
    Invalid {
        line: Option<u64>,
        column: Option<String>,
        message: String,
    },
    #[error("cannot read the CSV: {0}")]
    Unreadable(String),
}

/// Reads a capture table or a file of persons (see the module documentation).
pub fn read_capture_csv(
    input: impl Read,
    stratum: StratumColumn<'_>,
) -> Result<CaptureData, InputError> {
    let mut reader = csv::ReaderBuilder::new()
        .trim(csv::Trim::All)
        .from_reader(input);
    let header: Vec<String> = reader
        .headers()
        .map_err(|e| csv_error(&e))?
        .iter()
        .map(str::to_owned)
        .collect();
    let layout = Layout::from_header(&header, stratum)?;
    let mut patterns: BTreeMap<String, Vec<(CaptureHistory, u64)>> = BTreeMap::new();
    for record in reader.records() {
        let record = record.map_err(|e| csv_error(&e))?;
        let line = record.position().map_or(0, |p| p.line());
        let (stratum, history, count) = layout.parse_row(&header, &record, line)?;
        if count == 0 {
            continue;
        }
        patterns.entry(stratum).or_default().push((history, count));
    }
    let pooled = CaptureTable::new(layout.lists.clone(), patterns.values().flatten().copied())?;
    if pooled.observed() == 0 {
        return Err(InputError::Invalid {
            line: None,
            column: None,
            message: "no case is on any list".into(),
        });
    }
    let strata = if layout.stratum.is_some() {
        patterns
            .into_iter()
            .map(|(name, rows)| Ok((name, CaptureTable::new(layout.lists.clone(), rows)?)))
            .collect::<Result<_, InputError>>()?
    } else {
        Vec::new()
    };
    Ok(CaptureData { pooled, strata })
}

struct Location<'a>(Option<u64>, Option<&'a str>);

impl fmt::Display for Location<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (self.0, self.1) {
            (Some(line), Some(column)) => write!(f, "line {line}, column `{column}`: "),
            (Some(line), None) => write!(f, "line {line}: "),
            (None, Some(column)) => write!(f, "column `{column}`: "),
            (None, None) => Ok(()),
        }
    }
}

fn invalid(line: u64, column: Option<&str>, message: String) -> InputError {
    InputError::Invalid {
        line: Some(line),
        column: column.map(str::to_owned),
        message,
    }
}

fn csv_error(error: &csv::Error) -> InputError {
    match error.kind() {
        csv::ErrorKind::UnequalLengths {
            pos,
            expected_len,
            len,
        } => invalid(
            pos.as_ref().map_or(0, |p| p.line()),
            None,
            format!("the row has {len} fields but the header has {expected_len}"),
        ),
        _ => InputError::Unreadable(error.to_string()),
    }
}

fn check_list_names(lists: &[String]) -> Result<(), InputError> {
    let header_error = |message: String| InputError::Invalid {
        line: Some(1),
        column: None,
        message,
    };
    if lists.len() < 2 {
        return Err(header_error(format!(
            "multiple systems estimation needs at least 2 lists, found {}",
            lists.len()
        )));
    }
    if lists.len() > MAX_LISTS {
        return Err(header_error(format!(
            "at most {MAX_LISTS} lists are supported, found {}",
            lists.len()
        )));
    }
    for (i, name) in lists.iter().enumerate() {
        if name.is_empty() {
            return Err(header_error(format!("list column {} has no name", i + 1)));
        }
        if lists[..i].contains(name) {
            return Err(InputError::Invalid {
                line: Some(1),
                column: Some(name.clone()),
                message: "the list name appears twice".into(),
            });
        }
    }
    Ok(())
}

/// Where the columns are in a file.
struct Layout {
    lists: Vec<String>,
    list_columns: Vec<usize>,
    count: Option<usize>,
    stratum: Option<usize>,
}

impl Layout {
    fn from_header(header: &[String], stratum: StratumColumn<'_>) -> Result<Self, InputError> {
        let stratum = match stratum {
            StratumColumn::IfPresent => header.iter().position(|h| h == "stratum"),
            StratumColumn::Named(name) => Some(header.iter().position(|h| h == name).ok_or_else(
                || InputError::Invalid {
                    line: Some(1),
                    column: Some(name.to_owned()),
                    message: "there is no such stratum column".into(),
                },
            )?),
        };
        let count = header.iter().position(|h| h == "count");
        if count.is_some_and(|c| c + 1 != header.len()) {
            return Err(InputError::Invalid {
                line: Some(1),
                column: Some("count".into()),
                message: "`count` must be the last column".into(),
            });
        }
        let id = (count.is_none() && header.first().is_some_and(|h| h == "id")).then_some(0);
        let list_columns: Vec<usize> = (0..header.len())
            .filter(|&i| Some(i) != count && Some(i) != stratum && Some(i) != id)
            .collect();
        let lists: Vec<String> = list_columns.iter().map(|&i| header[i].clone()).collect();
        check_list_names(&lists)?;
        Ok(Layout {
            lists,
            list_columns,
            count,
            stratum,
        })
    }

    fn parse_row(
        &self,
        header: &[String],
        record: &csv::StringRecord,
        line: u64,
    ) -> Result<(String, CaptureHistory, u64), InputError> {
        let mut bits = 0u32;
        for (bit, &column) in self.list_columns.iter().enumerate() {
            match &record[column] {
                "1" => bits |= 1 << bit,
                "0" => {}
                other => {
                    return Err(invalid(
                        line,
                        Some(&header[column]),
                        format!("`{other}` is not 0 or 1 (on the list or not)"),
                    ));
                }
            }
        }
        let count = match self.count {
            Some(column) => {
                let text = &record[column];
                text.parse::<u64>().map_err(|_| {
                    let why = if text.parse::<i64>().is_ok_and(|n| n < 0) {
                        "is negative"
                    } else {
                        "is not a whole number"
                    };
                    invalid(line, Some("count"), format!("the count `{text}` {why}"))
                })?
            }
            None => 1,
        };
        if bits == 0 && count > 0 {
            return Err(invalid(
                line,
                None,
                "a case on no list cannot have been observed (every list column is 0)".into(),
            ));
        }
        let stratum = self
            .stratum
            .map_or_else(String::new, |column| record[column].to_owned());
        Ok((stratum, CaptureHistory(bits), count))
    }
}
