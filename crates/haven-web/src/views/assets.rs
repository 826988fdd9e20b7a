//! The stylesheet and script, embedded in the binary and served under names that carry a hash
//! of their content, so browsers keep them for a year and never use a stale one.

use std::sync::LazyLock;

use axum::extract::Path;
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};

struct Asset {
    /// `haven.css`
    name: &'static str,
    content_type: &'static str,
    body: &'static str,
}

const ASSETS: [Asset; 2] = [
    Asset {
        name: "haven.css",
        content_type: "text/css; charset=utf-8",
        body: include_str!("../../static/haven.css"),
    },
    Asset {
        name: "haven.js",
        content_type: "text/javascript; charset=utf-8",
        body: include_str!("../../static/haven.js"),
    },
];

/// Each asset's served name, e.g. `haven.3f2a91c4d0e7b658.css`.
static SERVED: LazyLock<Vec<String>> = LazyLock::new(|| {
    ASSETS
        .iter()
        .map(|asset| {
            let (stem, extension) = asset.name.rsplit_once('.').unwrap_or((asset.name, ""));
            format!("{stem}.{:016x}.{extension}", fnv1a(asset.body.as_bytes()))
        })
        .collect()
});

/// The address of an asset, with its content hash.
pub fn asset_path(name: &str) -> String {
    ASSETS
        .iter()
        .zip(SERVED.iter())
        .find(|(asset, _)| asset.name == name)
        .map_or_else(
            || format!("/static/{name}"),
            |(_, served)| format!("/static/{served}"),
        )
}

pub async fn serve(Path(file): Path<String>) -> Response {
    let Some((asset, _)) = ASSETS
        .iter()
        .zip(SERVED.iter())
        .find(|(_, served)| **served == file)
    else {
        return StatusCode::NOT_FOUND.into_response();
    };
    let mut response = asset.body.into_response();
    let headers = response.headers_mut();
    headers.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static(asset.content_type),
    );
    headers.insert(
        header::CACHE_CONTROL,
        HeaderValue::from_static("public, max-age=31536000, immutable"),
    );
    response
}

/// FNV-1a, 64 bits: enough to tell versions of a file apart, with no dependency.
fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |hash, byte| {
        (hash ^ u64::from(*byte)).wrapping_mul(0x0000_0100_0000_01b3)
    })
}
