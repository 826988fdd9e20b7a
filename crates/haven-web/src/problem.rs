//! Errors as RFC 9457 problem details (`application/problem+json`): a stable `code` that tools
//! can rely on, and a `detail` a person can act on; validation errors name the `field`.

use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use haven_domain::case::DocumentError;
use haven_store::StoreError;
use serde::Serialize;
use utoipa::ToSchema;

/// Serialised with `type` (`urn:haven:problem:<code>`) and `title` (the status's reason phrase)
/// derived from `code` and `status`.
#[derive(Debug, Clone, ToSchema)]
pub struct Problem {
    pub status: u16,
    /// Stable machine-readable code, e.g. `invalid_input`, `forbidden`, `not_found`.
    pub code: &'static str,
    pub detail: String,
    /// The input field at fault, for validation errors.
    pub field: Option<String>,
    /// Every error found, when there are many (an import file's, by row and column).
    #[schema(value_type = Option<Vec<Object>>)]
    pub errors: Option<Box<serde_json::Value>>,
    #[schema(ignore)]
    retry_after: Option<u64>,
}

impl Serialize for Problem {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let status = StatusCode::from_u16(self.status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
        let mut map = serializer.serialize_map(None)?;
        map.serialize_entry("type", &format!("urn:haven:problem:{}", self.code))?;
        map.serialize_entry("title", status.canonical_reason().unwrap_or("Error"))?;
        map.serialize_entry("status", &self.status)?;
        map.serialize_entry("code", self.code)?;
        map.serialize_entry("detail", &self.detail)?;
        if let Some(field) = &self.field {
            map.serialize_entry("field", field)?;
        }
        if let Some(errors) = &self.errors {
            map.serialize_entry("errors", errors)?;
        }
        map.end()
    }
}

impl Problem {
    pub fn new(status: StatusCode, code: &'static str, detail: impl Into<String>) -> Problem {
        Problem {
            status: status.as_u16(),
            code,
            detail: detail.into(),
            field: None,
            errors: None,
            retry_after: None,
        }
    }

    pub fn errors(mut self, errors: serde_json::Value) -> Problem {
        self.errors = Some(Box::new(errors));
        self
    }

    pub fn field(mut self, field: impl Into<String>) -> Problem {
        self.field = Some(field.into());
        self
    }

    pub fn retry_after(mut self, seconds: u64) -> Problem {
        self.retry_after = Some(seconds);
        self
    }

    /// A request body that could not be read: over the route's limit (`too_large` says the
    /// limit in the route's words), else malformed.
    pub fn unreadable_body(
        status: StatusCode,
        body_text: String,
        too_large: impl FnOnce() -> String,
    ) -> Problem {
        if status == StatusCode::PAYLOAD_TOO_LARGE {
            Problem::new(status, "payload_too_large", too_large())
        } else {
            Problem::new(StatusCode::BAD_REQUEST, "bad_request", body_text)
        }
    }

    pub fn invalid(field: impl Into<String>, detail: impl Into<String>) -> Problem {
        Problem::new(StatusCode::UNPROCESSABLE_ENTITY, "invalid_input", detail).field(field)
    }

    pub fn unauthenticated() -> Problem {
        Problem::new(
            StatusCode::UNAUTHORIZED,
            "unauthenticated",
            "sign in first, or send a valid API token",
        )
    }

    pub fn forbidden(detail: impl Into<String>) -> Problem {
        Problem::new(StatusCode::FORBIDDEN, "forbidden", detail)
    }

    pub fn not_found(detail: impl Into<String>) -> Problem {
        Problem::new(StatusCode::NOT_FOUND, "not_found", detail)
    }
}

impl IntoResponse for Problem {
    fn into_response(self) -> Response {
        let status = StatusCode::from_u16(self.status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
        let body = serde_json::to_vec(&self).unwrap_or_default();
        let mut response = (status, body).into_response();
        let headers = response.headers_mut();
        headers.insert(
            header::CONTENT_TYPE,
            HeaderValue::from_static("application/problem+json"),
        );
        if let Some(seconds) = self.retry_after {
            headers.insert(header::RETRY_AFTER, HeaderValue::from(seconds));
        }
        response
    }
}

impl From<StoreError> for Problem {
    fn from(error: StoreError) -> Problem {
        match error {
            StoreError::NotFound { what, id } => {
                Problem::not_found(format!("{what} {id} was not found"))
            }
            StoreError::Forbidden(reason) => Problem::forbidden(format!("access denied: {reason}")),
            StoreError::Conflict(detail) => Problem::new(StatusCode::CONFLICT, "conflict", detail),
            StoreError::Refused(reason) => {
                Problem::new(StatusCode::UNPROCESSABLE_ENTITY, "refused", reason)
            }
            StoreError::Invalid { field, problem } => {
                Problem::invalid(field.clone(), format!("{field}: {problem}"))
            }
            StoreError::Gone(detail) => Problem::new(StatusCode::GONE, "gone", detail),
            StoreError::Document(refusal) => {
                let detail = refusal.to_string();
                match refusal {
                    DocumentError::TooLarge { .. } => {
                        Problem::new(StatusCode::PAYLOAD_TOO_LARGE, "payload_too_large", detail)
                    }
                    DocumentError::UnsupportedType(_) => Problem::new(
                        StatusCode::UNSUPPORTED_MEDIA_TYPE,
                        "unsupported_media_type",
                        detail,
                    ),
                    DocumentError::Empty | DocumentError::ContentMismatch { .. } => {
                        Problem::invalid("content", detail)
                    }
                }
            }
            other => {
                // The detail of an internal error may name tables or files: log it, show an id.
                tracing::error!(error = %other, "request failed");
                Problem::new(
                    StatusCode::INTERNAL_SERVER_ERROR,
                    "internal",
                    "something went wrong on the server; nothing was changed unless you are told otherwise. The error is in the server log.",
                )
            }
        }
    }
}
