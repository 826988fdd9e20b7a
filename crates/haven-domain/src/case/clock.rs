//! Time as the profile counts it: calendar dates, working days and public holidays, and the
//! deadlines of a case computed from its history — what is due, what is overdue, and what has
//! been overdue long enough to go to the supervisor.

use std::collections::BTreeSet;
use std::fmt;

use super::profile::{DeadlineKind, NrmProfile};
use super::{Case, CaseId, ReferralId, Timestamp};
use crate::access::Role;

/// A day of the proleptic Gregorian calendar, in UTC.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct CivilDate {
    /// Days since 1970-01-01.
    days: i64,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Weekday {
    Mon,
    Tue,
    Wed,
    Thu,
    Fri,
    Sat,
    Sun,
}

impl Weekday {
    pub const ALL: [Weekday; 7] = [
        Weekday::Mon,
        Weekday::Tue,
        Weekday::Wed,
        Weekday::Thu,
        Weekday::Fri,
        Weekday::Sat,
        Weekday::Sun,
    ];

    pub fn id(self) -> &'static str {
        match self {
            Weekday::Mon => "mon",
            Weekday::Tue => "tue",
            Weekday::Wed => "wed",
            Weekday::Thu => "thu",
            Weekday::Fri => "fri",
            Weekday::Sat => "sat",
            Weekday::Sun => "sun",
        }
    }

    pub fn parse(id: &str) -> Option<Weekday> {
        Weekday::ALL.into_iter().find(|d| d.id() == id)
    }
}

impl CivilDate {
    pub fn from_days(days: i64) -> CivilDate {
        CivilDate { days }
    }

    /// The date, or `None` when the day does not exist in that month.
    pub fn from_ymd(year: i64, month: u32, day: u32) -> Option<CivilDate> {
        if !(1..=12).contains(&month) || day == 0 || day > days_in_month(year, month) {
            return None;
        }
        // Count from 1 March of year 0, so that the leap day falls at the end of a year.
        let (y, m) = if month <= 2 {
            (year - 1, i64::from(month) + 9)
        } else {
            (year, i64::from(month) - 3)
        };
        let era = y.div_euclid(400);
        let year_of_era = y - era * 400;
        let day_of_year = (153 * m + 2) / 5 + i64::from(day) - 1;
        let day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
        // 719 468 days separate 0000-03-01 from 1970-01-01.
        Some(CivilDate::from_days(era * 146_097 + day_of_era - 719_468))
    }

    /// Parses `YYYY-MM-DD`.
    pub fn parse(text: &str) -> Option<CivilDate> {
        let mut parts = text.split('-');
        let (Some(y), Some(m), Some(d), None) =
            (parts.next(), parts.next(), parts.next(), parts.next())
        else {
            return None;
        };
        if y.len() != 4 || m.len() != 2 || d.len() != 2 {
            return None;
        }
        CivilDate::from_ymd(y.parse().ok()?, m.parse().ok()?, d.parse().ok()?)
    }

    pub fn ymd(self) -> (i64, u32, u32) {
        let shifted = self.days + 719_468;
        let era = shifted.div_euclid(146_097);
        let day_of_era = shifted - era * 146_097;
        let year_of_era =
            (day_of_era - day_of_era / 1460 + day_of_era / 36_524 - day_of_era / 146_096) / 365;
        let day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
        let m = (5 * day_of_year + 2) / 153;
        let day = (day_of_year - (153 * m + 2) / 5 + 1) as u32;
        let month = if m < 10 { m + 3 } else { m - 9 } as u32;
        let year = year_of_era + era * 400 + i64::from(month <= 2);
        (year, month, day)
    }

    pub fn weekday(self) -> Weekday {
        // 1970-01-01 was a Thursday.
        Weekday::ALL[(self.days + 3).rem_euclid(7) as usize]
    }

    pub fn plus_days(self, days: i64) -> CivilDate {
        CivilDate::from_days(self.days + days)
    }

    /// The first moment of the day, UTC.
    pub fn midnight(self) -> Timestamp {
        Timestamp(self.days * 86_400_000)
    }
}

fn days_in_month(year: i64, month: u32) -> u32 {
    match month {
        2 if year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

impl fmt::Debug for CivilDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(self, f)
    }
}

serde_as_code!(
    CivilDate,
    |d: &CivilDate| d.to_string(),
    CivilDate::parse,
    "a date written YYYY-MM-DD"
);

impl fmt::Display for CivilDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (y, m, d) = self.ymd();
        write!(f, "{y:04}-{m:02}-{d:02}")
    }
}

/// The working week and public holidays of a jurisdiction.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Calendar {
    pub working_days: BTreeSet<Weekday>,
    pub holidays: BTreeSet<CivilDate>,
}

impl Calendar {
    pub fn is_working_day(&self, date: CivilDate) -> bool {
        self.working_days.contains(&date.weekday()) && !self.holidays.contains(&date)
    }

    /// The `n`th working day after `date` (the day itself does not count, whatever it is).
    pub fn add_working_days(&self, date: CivilDate, n: u16) -> CivilDate {
        let mut day = date;
        let mut left = n;
        while left > 0 {
            day = day.plus_days(1);
            if self.is_working_day(day) {
                left -= 1;
            }
        }
        day
    }
}

/// A length of time as the profile states it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Period {
    WorkingDays(u16),
    CalendarDays(u16),
}

impl Period {
    /// The last day on which something that started on `start` is on time.
    pub fn due(self, start: CivilDate, calendar: &Calendar) -> CivilDate {
        match self {
            Period::WorkingDays(n) => calendar.add_working_days(start, n),
            Period::CalendarDays(n) => start.plus_days(i64::from(n)),
        }
    }
}

/// Something the case is waiting for, with the day it is due.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct DueItem {
    pub kind: DeadlineKind,
    /// The referral it concerns, for referral responses.
    pub referral: Option<ReferralId>,
    pub started: CivilDate,
    pub due: CivilDate,
    pub state: DueState,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(tag = "state", rename_all = "snake_case")]
pub enum DueState {
    /// Due today or later.
    Pending,
    /// Past its due day, within the profile's grace period.
    Overdue,
    /// Past the grace period: the item is on the supervisor's queue.
    Escalated { to: Role },
}

/// What the case is waiting for on `now`'s day, computed from its history alone.
pub fn due_items(case: &Case, profile: &NrmProfile, now: Timestamp) -> Vec<DueItem> {
    if case.is_closed() {
        return Vec::new();
    }
    let today = now.date();
    let mut items = Vec::new();
    for Awaiting { kind, referral } in case.awaiting() {
        let deadline = profile.deadline(kind);
        let Some(started) = case.event_date(deadline.from, referral.as_ref(), profile) else {
            continue;
        };
        let due = deadline.length.due(started, &profile.calendar);
        let escalate_after = profile
            .calendar
            .add_working_days(due, profile.escalation_grace_working_days);
        let state = if today <= due {
            DueState::Pending
        } else if today <= escalate_after {
            DueState::Overdue
        } else {
            DueState::Escalated {
                to: Role::Supervisor,
            }
        };
        items.push(DueItem {
            kind,
            referral,
            started,
            due,
            state,
        });
    }
    items.sort_by(|a, b| a.due.cmp(&b.due).then(a.kind.cmp(&b.kind)));
    items
}

/// The overdue items of many cases, the longest overdue first: the queue the team works from.
/// Escalated items carry the role they went to.
pub fn overdue_queue<'a>(
    cases: impl IntoIterator<Item = &'a Case>,
    profile: &NrmProfile,
    now: Timestamp,
) -> Vec<(&'a CaseId, DueItem)> {
    let mut queue: Vec<(&CaseId, DueItem)> = cases
        .into_iter()
        .flat_map(|case| {
            due_items(case, profile, now)
                .into_iter()
                .filter(|item| item.state != DueState::Pending)
                .map(move |item| (&case.id, item))
        })
        .collect();
    queue.sort_by(|a, b| a.1.due.cmp(&b.1.due).then(a.0.cmp(b.0)));
    queue
}

/// A deadline the case is waiting on, before the profile gives it a date.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Awaiting {
    pub kind: DeadlineKind,
    pub referral: Option<ReferralId>,
}
