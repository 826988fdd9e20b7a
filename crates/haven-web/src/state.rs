//! What every handler shares.

use std::sync::Arc;
use std::time::Duration;

use haven_store::Store;

use crate::middleware::rate_limit::LoginLimiter;

#[derive(Clone)]
pub struct AppState {
    pub store: Store,
    pub config: Arc<WebConfig>,
    pub login_limiter: Arc<LoginLimiter>,
}

#[derive(Debug, Clone)]
pub struct WebConfig {
    /// Haven is served over HTTPS by a proxy in front of it: cookies get `Secure` and responses
    /// get HSTS.
    pub behind_tls: bool,
    /// Sign-in attempts allowed per client address per minute.
    pub login_attempts_per_minute: u32,
}

impl Default for WebConfig {
    fn default() -> WebConfig {
        WebConfig {
            behind_tls: false,
            login_attempts_per_minute: 20,
        }
    }
}

impl AppState {
    pub fn new(store: Store, config: WebConfig) -> AppState {
        let login_limiter =
            LoginLimiter::new(config.login_attempts_per_minute, Duration::from_secs(60));
        AppState {
            store,
            config: Arc::new(config),
            login_limiter: Arc::new(login_limiter),
        }
    }
}
