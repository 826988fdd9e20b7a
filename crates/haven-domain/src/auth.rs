//! Rules of signing in: password policy, lockout after repeated failures, when a second factor
//! is required, and how long sessions and tokens live.

use crate::access::Role;

/// Failed sign-ins in a row before the account locks.
pub const MAX_FAILED_LOGINS: i64 = 5;
/// How long a locked account stays locked, in milliseconds.
pub const LOCKOUT_MS: i64 = 15 * 60 * 1000;
/// Sessions end after this long, in milliseconds, however active.
pub const SESSION_TTL_MS: i64 = 12 * 60 * 60 * 1000;
/// The longest an API token may live, in days.
pub const MAX_TOKEN_DAYS: i64 = 366;
pub const MIN_PASSWORD_CHARS: usize = 12;
pub const MAX_PASSWORD_CHARS: usize = 1024;

/// Why a password is refused.
pub fn password_problem(password: &str) -> Option<String> {
    let chars = password.chars().count();
    if chars < MIN_PASSWORD_CHARS {
        Some(format!(
            "must be at least {MIN_PASSWORD_CHARS} characters long (a short sentence works well)"
        ))
    } else if chars > MAX_PASSWORD_CHARS {
        Some(format!(
            "must be at most {MAX_PASSWORD_CHARS} characters long"
        ))
    } else {
        None
    }
}

/// Why a username is refused: lower-case letters, digits, dot, dash and underscore, 3 to 64.
pub fn username_problem(username: &str) -> Option<String> {
    let ok = (3..=64).contains(&username.len())
        && username
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || ".-_".contains(c));
    (!ok).then(|| "use 3 to 64 lower-case letters, digits, '.', '-' or '_'".to_string())
}

/// The account state after a failed sign-in: the new failure count and, when it reaches the
/// limit, the time until which the account is locked.
pub fn after_failed_login(failed_logins: i64, now_ms: i64) -> (i64, Option<i64>) {
    let failures = failed_logins + 1;
    if failures >= MAX_FAILED_LOGINS {
        (0, Some(now_ms + LOCKOUT_MS))
    } else {
        (failures, None)
    }
}

pub fn is_locked(locked_until: Option<i64>, now_ms: i64) -> bool {
    locked_until.is_some_and(|until| until > now_ms)
}

/// A second factor is required for every role that may see identity fields, unless the
/// organisation's admin turned the requirement off.
pub fn second_factor_required(role: Role, organisation_requires: bool) -> bool {
    organisation_requires && role.may_see_identity()
}
