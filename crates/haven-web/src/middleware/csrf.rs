//! Cross-site request forgery protection for cookie-authenticated writes, by the browser's own
//! `Sec-Fetch-Site` and `Origin` headers (no token to carry in every form). Requests with an API
//! token are not exposed to CSRF and are not checked.

use axum::http::{HeaderMap, StatusCode, header};

use crate::problem::Problem;

pub fn check_same_origin(headers: &HeaderMap) -> Result<(), Problem> {
    let refuse = || {
        Problem::new(
            StatusCode::FORBIDDEN,
            "csrf",
            "cross-site request refused: send it from Haven's own pages",
        )
    };
    if let Some(site) = headers.get("sec-fetch-site").and_then(|v| v.to_str().ok()) {
        return if matches!(site, "same-origin" | "none") {
            Ok(())
        } else {
            Err(refuse())
        };
    }
    if let Some(origin) = headers.get(header::ORIGIN).and_then(|v| v.to_str().ok()) {
        let host = headers
            .get(header::HOST)
            .and_then(|v| v.to_str().ok())
            .unwrap_or_default();
        let origin_host = origin.split_once("://").map_or(origin, |(_, rest)| rest);
        return if !host.is_empty() && origin_host == host {
            Ok(())
        } else {
            Err(refuse())
        };
    }
    // Neither header: not a browser (browsers send Origin on every cross-origin write).
    Ok(())
}
