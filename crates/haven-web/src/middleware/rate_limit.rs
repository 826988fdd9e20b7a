//! Sign-in rate limiting: a fixed window of attempts per client address, in memory. It slows
//! down guessing across many accounts; the per-account lockout in the store stops guessing one.

use std::collections::HashMap;
use std::net::IpAddr;
use std::sync::Mutex;
use std::time::{Duration, Instant};

pub struct LoginLimiter {
    attempts: Mutex<HashMap<IpAddr, (Instant, u32)>>,
    per_window: u32,
    window: Duration,
}

impl LoginLimiter {
    pub fn new(per_window: u32, window: Duration) -> LoginLimiter {
        LoginLimiter {
            attempts: Mutex::new(HashMap::new()),
            per_window,
            window,
        }
    }

    /// Counts an attempt; `Err(seconds)` when the address must wait that long.
    pub fn attempt(&self, address: IpAddr) -> Result<(), u64> {
        let now = Instant::now();
        let mut attempts = self.attempts.lock().expect("limiter lock");
        if attempts.len() > 10_000 {
            attempts.retain(|_, (start, _)| now.duration_since(*start) < self.window);
        }
        let entry = attempts.entry(address).or_insert((now, 0));
        if now.duration_since(entry.0) >= self.window {
            *entry = (now, 0);
        }
        entry.1 += 1;
        if entry.1 > self.per_window {
            Err((self.window - now.duration_since(entry.0)).as_secs().max(1))
        } else {
            Ok(())
        }
    }
}
