//! The person's residence status, tracked per case: applied, granted with the permit's type and
//! expiry, or refused. Like assistance and the recovery period it never depends on cooperation
//! with law enforcement (HRC resolution 32/3, §2(e)): nothing here reads cooperation, and the
//! property tests check that changing or removing cooperation records changes no status.

use super::Timestamp;
use super::clock::CivilDate;
use super::lifecycle::CaseError;

#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum ResidenceStatus {
    Applied,
    Granted {
        /// The permit as the immigration authority names it (e.g. "temporary permission to stay
        /// for victims of trafficking").
        permit_type: String,
        /// The last day the permit is valid.
        expires: CivilDate,
    },
    Refused {
        reason: String,
    },
}

/// One status in the case's residence history.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct ResidenceRecord {
    pub status: ResidenceStatus,
    pub recorded_at: Timestamp,
}

impl ResidenceStatus {
    pub fn id(&self) -> &'static str {
        match self {
            ResidenceStatus::Applied => "applied",
            ResidenceStatus::Granted { .. } => "granted",
            ResidenceStatus::Refused { .. } => "refused",
        }
    }

    /// Whether the status may follow the latest one: a permit is granted or refused on an
    /// application, and one application is decided before the next (a renewal, or a new
    /// application after a refusal) is made.
    pub(super) fn check(
        &self,
        latest: Option<&ResidenceStatus>,
        on: CivilDate,
    ) -> Result<(), CaseError> {
        let in_order = match self {
            ResidenceStatus::Applied => !matches!(latest, Some(ResidenceStatus::Applied)),
            _ => matches!(latest, Some(ResidenceStatus::Applied)),
        };
        if !in_order {
            return Err(CaseError::ResidenceOutOfOrder {
                status: self.id(),
                latest: latest.map_or("none", ResidenceStatus::id),
            });
        }
        match self {
            ResidenceStatus::Applied => {}
            ResidenceStatus::Granted {
                permit_type,
                expires,
            } => {
                if permit_type.trim().is_empty() {
                    return Err(CaseError::Empty("the type of permit"));
                }
                if *expires <= on {
                    return Err(CaseError::PermitExpiresBeforeGranted(*expires));
                }
            }
            ResidenceStatus::Refused { reason } => {
                if reason.trim().is_empty() {
                    return Err(CaseError::Empty("the reason for the refusal"));
                }
            }
        }
        Ok(())
    }
}
