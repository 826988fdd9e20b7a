//! Aggregates for statistics, computed on the server so that no row leaves it: who was
//! identified by which kind of organisation, for multiple systems estimation.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use crate::audit::{AuditActor, AuditEvent};
use crate::db::on_db;
use crate::{Result, Store};

/// Capture patterns over lists: the list names, and the number of people per pattern (bit `i`
/// set = on list `i`). Only counts, never people.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CapturePatterns {
    pub lists: Vec<String>,
    pub counts: BTreeMap<u32, u64>,
}

impl Store {
    /// Each person's lists are the HTCDS organisation types whose organisations screened them —
    /// independent sources, unlike referrals. Records a caseworker linked as the same person
    /// count once. `year` keeps the people first identified in that (UTC) year.
    pub async fn capture_patterns_by_org_type(&self, year: Option<i32>) -> Result<CapturePatterns> {
        let screenings: Vec<(String, String, i64)> = on_db!(&self.db, p => sqlx::query_as(
            "SELECT s.person_id, o.org_type, s.created_at FROM screenings s JOIN organisations o ON o.id = s.organisation_id \
             WHERE s.person_id IS NOT NULL ORDER BY s.person_id")
            .fetch_all(p)
            .await?);
        let links: Vec<(String, String)> = on_db!(&self.db, p => sqlx::query_as("SELECT person_id, other_person_id FROM person_links").fetch_all(p).await?);

        let mut clusters = Clusters::default();
        for (a, b) in &links {
            clusters.union(a, b);
        }
        let mut seen: HashMap<String, (BTreeSet<String>, i64)> = HashMap::new();
        for (person, org_type, at) in screenings {
            let entry = seen
                .entry(clusters.find(&person))
                .or_insert_with(|| (BTreeSet::new(), i64::MAX));
            entry.0.insert(org_type);
            entry.1 = entry.1.min(at);
        }
        let people: Vec<(BTreeSet<String>, i64)> = seen
            .into_values()
            .filter(|(_, first)| year.is_none_or(|y| utc_year(*first) == y))
            .collect();
        let lists: Vec<String> = people
            .iter()
            .flat_map(|(types, _)| types.iter().cloned())
            .collect::<BTreeSet<_>>()
            .into_iter()
            .collect();
        let mut counts = BTreeMap::new();
        for (types, _) in &people {
            let bits = types
                .iter()
                .map(|t| 1u32 << lists.iter().position(|l| l == t).expect("a listed type"))
                .fold(0, |a, b| a | b);
            *counts.entry(bits).or_insert(0) += 1;
        }
        let event = AuditEvent::new("statistics.capture_patterns", "multiple systems estimation")
            .fields(["org_type"]);
        self.audit(AuditActor::System("statistics"), event).await?;
        Ok(CapturePatterns { lists, counts })
    }
}

/// Union-find over person ids.
#[derive(Default)]
struct Clusters(HashMap<String, String>);

impl Clusters {
    fn find(&mut self, id: &str) -> String {
        let mut root = id.to_string();
        while let Some(parent) = self.0.get(&root).filter(|p| **p != root) {
            root = parent.clone();
        }
        if root != id {
            self.0.insert(id.to_string(), root.clone());
        }
        root
    }

    fn union(&mut self, a: &str, b: &str) {
        let (ra, rb) = (self.find(a), self.find(b));
        if ra != rb {
            let (low, high) = if ra < rb { (ra, rb) } else { (rb, ra) };
            self.0.insert(high, low);
        }
    }
}

/// The calendar year (UTC) of a time in milliseconds.
fn utc_year(ms: i64) -> i32 {
    // Civil date from days since 1970-01-01 (Howard Hinnant's algorithm).
    let days = ms.div_euclid(86_400_000);
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    (yoe + era * 400 + i64::from(month <= 2)) as i32
}

#[cfg(test)]
mod tests {
    use super::utc_year;

    #[test]
    fn years_from_milliseconds() {
        assert_eq!(utc_year(0), 1970);
        assert_eq!(utc_year(951_782_400_000), 2000); // 2000-02-29
        assert_eq!(utc_year(1_798_761_599_999), 2026); // 2026-12-31T23:59:59.999Z
        assert_eq!(utc_year(1_798_761_600_000), 2027);
        assert_eq!(utc_year(-1), 1969);
    }
}
