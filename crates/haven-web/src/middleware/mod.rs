//! Middleware: security headers on every response, same-origin checks for cookie-authenticated
//! writes, sign-in rate limiting, and request logs that never carry identifying data.

pub mod csrf;
pub mod log;
pub mod rate_limit;
pub mod security_headers;
