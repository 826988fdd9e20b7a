//! The service directory: the services providers offer, who each is for and how many places
//! are free. Each service is a history of actions in `record_actions` (record type `service`,
//! in clear: nothing in it identifies anyone) with the `services` projection beside it, written
//! in one transaction. Admins keep every organisation's entries and providers their own
//! organisation's (`access::decide_directory`); everyone signed in may read the directory.
//! Matching a case's needs against it is the domain's.

use std::collections::BTreeSet;

use haven_domain::access::{self, Decision};
use haven_domain::case::{
    Capacity, Eligibility, Needs, OrganisationId, Service, ServiceId, ServiceKind, ServiceMatch,
    match_services,
};
use haven_domain::htcds::Gender;
use haven_domain::identification::input::Sex;
use serde_json::{Value, json};

use crate::audit::{AuditActor, AuditEvent, AuditOutcome, append};
use crate::cases::CaseRecord;
use crate::db::{Tx, on_db, on_tx};
use crate::{Principal, Result, Store, StoreError, new_id, now_ms};

/// A service as a provider describes it; the directory gives it its id.
#[derive(Debug, Clone, PartialEq, Eq, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ServiceDescription {
    /// The organisation that provides it.
    pub provider: OrganisationId,
    pub name: String,
    pub kind: ServiceKind,
    pub eligibility: Eligibility,
    /// The genders of the caseworkers (the interpreters, for interpretation) it can assign.
    pub staff_genders: BTreeSet<Gender>,
    /// A region or place code.
    pub location: String,
    /// `None` where places do not apply (legal aid, interpretation).
    pub capacity: Option<Capacity>,
}

/// A service in the directory, with the version to give back with a change.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct ServiceEntry {
    #[serde(flatten)]
    pub service: Service,
    pub version: i64,
    pub updated_at: i64,
}

/// Which services to list.
#[derive(Debug, Clone, Default)]
pub struct ServiceFilter {
    pub kind: Option<ServiceKind>,
    /// The providing organisation.
    pub organisation_id: Option<String>,
    /// Only services with a place free; a service where places do not apply is never full.
    pub with_places_free: bool,
}

impl Store {
    /// Adds a service to the directory (an admin, or a provider for its own organisation).
    pub async fn add_service(
        &self,
        principal: &Principal,
        description: ServiceDescription,
    ) -> Result<ServiceEntry> {
        self.authorise_directory(principal, &description.provider, ("organisation", None))
            .await?;
        self.check_description(&description).await?;
        let service = description.into_service(ServiceId(new_id()));
        let payload = json!({ "service": service });
        self.commit_service(principal, "service.add", &payload, service, 1)
            .await
    }

    /// Replaces a service's description; its id stays. `expected_version` (the version the
    /// caller last saw) makes a concurrent change a conflict instead of a silent overwrite.
    /// Moving a service to another organisation needs the right to keep both.
    pub async fn update_service(
        &self,
        principal: &Principal,
        id: &str,
        expected_version: Option<i64>,
        description: ServiceDescription,
    ) -> Result<ServiceEntry> {
        let current = self.service(id).await?;
        check_version(&current, expected_version)?;
        self.authorise_directory(principal, &current.service.provider, ("service", Some(id)))
            .await?;
        if description.provider != current.service.provider {
            self.authorise_directory(principal, &description.provider, ("service", Some(id)))
                .await?;
        }
        self.check_description(&description).await?;
        let service = description.into_service(current.service.id);
        let payload = json!({ "service": service });
        self.commit_service(
            principal,
            "service.update",
            &payload,
            service,
            current.version + 1,
        )
        .await
    }

    /// Records how many of a service's places are free now (providers change it daily).
    pub async fn set_places_free(
        &self,
        principal: &Principal,
        id: &str,
        expected_version: Option<i64>,
        free: u32,
    ) -> Result<ServiceEntry> {
        let current = self.service(id).await?;
        check_version(&current, expected_version)?;
        self.authorise_directory(principal, &current.service.provider, ("service", Some(id)))
            .await?;
        let service = with_places_free(current.service, free)?;
        let payload = json!({ "free": free });
        self.commit_service(
            principal,
            "service.set_places_free",
            &payload,
            service,
            current.version + 1,
        )
        .await
    }

    /// One service of the directory.
    pub async fn service(&self, id: &str) -> Result<ServiceEntry> {
        let row: Option<(String, i64, i64)> = on_db!(&self.db, p => sqlx::query_as(
            "SELECT service, version, updated_at FROM services WHERE id = $1")
            .bind(id)
            .fetch_optional(p)
            .await?);
        let row = row.ok_or_else(|| StoreError::NotFound {
            what: "service",
            id: id.to_string(),
        })?;
        entry(row)
    }

    /// The directory, by kind, then name.
    pub async fn services(&self, filter: &ServiceFilter) -> Result<Vec<ServiceEntry>> {
        let rows: Vec<(String, i64, i64)> = on_db!(&self.db, p => sqlx::query_as(
            "SELECT service, version, updated_at FROM services \
             WHERE ($1 IS NULL OR kind = $1) AND ($2 IS NULL OR organisation_id = $2) \
             AND (NOT $3 OR places_free IS NULL OR places_free > 0) \
             ORDER BY kind, name, id")
            .bind(filter.kind.map(ServiceKind::id))
            .bind(filter.organisation_id.as_deref())
            .bind(filter.with_places_free)
            .fetch_all(p)
            .await?);
        rows.into_iter().map(entry).collect()
    }

    /// Every service of a kind the case's person needs, eligible or not with the reasons, and
    /// ranked — the domain's matching over the whole directory. Reading the case is an
    /// audited read.
    pub async fn matching_services(
        &self,
        principal: &Principal,
        case_id: &str,
    ) -> Result<Vec<ServiceMatch>> {
        let record = self.case(principal, case_id).await?;
        let gender = self.gender_on_case(&record).await?;
        let needs = Needs::of_case(&record.case, gender);
        let directory = self.services(&ServiceFilter::default()).await?;
        Ok(match_services(
            &needs,
            directory.iter().map(|entry| &entry.service),
        ))
    }

    /// The person's gender as the case knows it: the one its anonymous notification recorded,
    /// else the sex the screening that opened it recorded; unknown without either.
    async fn gender_on_case(&self, record: &CaseRecord) -> Result<Gender> {
        if let Some(notification) = &record.case.anonymous_notification {
            return Ok(notification.gender);
        }
        let Some(screening_id) = &record.screening_id else {
            return Ok(Gender::NonSpecifiedUnknown);
        };
        let sex: Option<(String,)> = on_db!(&self.db, p => sqlx::query_as(
            "SELECT sex FROM screenings WHERE id = $1")
            .bind(screening_id)
            .fetch_optional(p)
            .await?);
        Ok(sex
            .and_then(|(sex,)| Sex::parse(&sex))
            .map_or(Gender::NonSpecifiedUnknown, Sex::gender))
    }

    /// Asks the domain whether the principal keeps this provider's entries; a refusal is
    /// audited against the record concerned (the service, or the provider for a new one).
    async fn authorise_directory(
        &self,
        principal: &Principal,
        provider: &OrganisationId,
        record: (&str, Option<&str>),
    ) -> Result<()> {
        match access::decide_directory(principal.role, &principal.organisation_id, &provider.0) {
            Decision::Allow => Ok(()),
            Decision::Deny(reason) => {
                let (record_type, id) = record;
                let event = AuditEvent::new("access.denied", "service directory")
                    .record(record_type, id.unwrap_or(&provider.0))
                    .outcome(AuditOutcome::Denied);
                self.audit(AuditActor::User(principal), event).await?;
                Err(StoreError::Forbidden(reason.to_string()))
            }
        }
    }

    async fn check_description(&self, description: &ServiceDescription) -> Result<()> {
        if description.name.trim().is_empty() {
            return Err(StoreError::invalid("name", "give the service a name"));
        }
        if description.location.trim().is_empty() {
            return Err(StoreError::invalid(
                "location",
                "say where the service is (a region or place code)",
            ));
        }
        let known: Option<(String,)> = on_db!(&self.db, p => sqlx::query_as(
            "SELECT id FROM organisations WHERE id = $1")
            .bind(&description.provider.0)
            .fetch_optional(p)
            .await?);
        if known.is_none() {
            return Err(StoreError::invalid(
                "provider",
                format!("no organisation has the id {}", description.provider),
            ));
        }
        Ok(())
    }

    /// Appends the action to the service's history, writes the projection and the audit entry
    /// in one transaction.
    async fn commit_service(
        &self,
        principal: &Principal,
        action: &str,
        payload: &Value,
        service: Service,
        version: i64,
    ) -> Result<ServiceEntry> {
        let at = now_ms();
        let mut tx = self.db.begin_write().await?;
        crate::screenings::append_action(
            &mut tx,
            principal,
            "service",
            &service.id.0,
            version,
            action,
            payload,
            at,
        )
        .await?;
        project_service(&mut tx, &service, version, at).await?;
        append(
            &mut tx,
            AuditActor::User(principal),
            &AuditEvent::new(action, "service directory").record("service", &service.id.0),
        )
        .await?;
        tx.commit().await?;
        Ok(ServiceEntry {
            service,
            version,
            updated_at: at,
        })
    }

    /// Rebuilds the directory from the services' histories (part of `rebuild_projections`);
    /// returns how many services it replayed.
    pub(crate) async fn rebuild_service_projections(&self, tx: &mut Tx) -> Result<u64> {
        on_tx!(tx, c => sqlx::query("DELETE FROM services").execute(&mut **c).await?.rows_affected());
        let actions: Vec<(String, i64, String, i64, String)> = on_tx!(tx, c => sqlx::query_as(
            "SELECT record_id, seq, action, at, payload FROM record_actions WHERE record_type = 'service' ORDER BY record_id, seq")
            .fetch_all(&mut **c)
            .await?);
        let mut current: Option<Service> = None;
        let mut rebuilt = 0;
        for (id, seq, action, at, payload) in actions {
            let payload: Value = serde_json::from_str(&payload)
                .map_err(|e| StoreError::invalid("stored service action", e.to_string()))?;
            let service = match action.as_str() {
                "service.add" => {
                    rebuilt += 1;
                    stored_service(&payload)?
                }
                "service.update" => stored_service(&payload)?,
                "service.set_places_free" => {
                    let before = current
                        .take()
                        .filter(|s| s.id.0 == id)
                        .ok_or_else(|| {
                            StoreError::Conflict(format!(
                                "the history of service {id} changes its places before it adds the service"
                            ))
                        })?;
                    let free = payload["free"]
                        .as_u64()
                        .and_then(|n| u32::try_from(n).ok())
                        .ok_or_else(|| {
                            StoreError::invalid("stored service action", "free is not a count")
                        })?;
                    with_places_free(before, free)?
                }
                other => {
                    return Err(StoreError::Conflict(format!(
                        "cannot replay {other} on service {id}: unknown to this version of Haven"
                    )));
                }
            };
            project_service(tx, &service, seq, at).await?;
            current = Some(service);
        }
        Ok(rebuilt)
    }
}

impl ServiceDescription {
    fn into_service(self, id: ServiceId) -> Service {
        Service {
            id,
            provider: self.provider,
            name: self.name.trim().to_string(),
            kind: self.kind,
            eligibility: self.eligibility,
            staff_genders: self.staff_genders,
            location: self.location.trim().to_string(),
            capacity: self.capacity,
        }
    }
}

fn check_version(current: &ServiceEntry, expected: Option<i64>) -> Result<()> {
    match expected {
        Some(expected) if expected != current.version => Err(StoreError::Conflict(format!(
            "service {} changed while you were working on it (version {expected} is now {}); reload it and try again",
            current.service.id, current.version
        ))),
        _ => Ok(()),
    }
}

/// The service with this many places free, of the places it has.
fn with_places_free(mut service: Service, free: u32) -> Result<Service> {
    let places = service.capacity.ok_or_else(|| {
        StoreError::invalid(
            "free",
            format!(
                "{} has no places to count (its capacity does not apply); describe its places first",
                service.name
            ),
        )
    })?;
    service.capacity = Some(Capacity::new(places.total(), free).ok_or_else(|| {
        StoreError::invalid(
            "free",
            format!(
                "{free} places free is more than the {} {} has",
                places.total(),
                service.name
            ),
        )
    })?);
    Ok(service)
}

fn stored_service(payload: &Value) -> Result<Service> {
    serde_json::from_value(payload["service"].clone()).map_err(|e| {
        StoreError::invalid(
            "stored service",
            format!("written by a newer Haven or damaged: {e}"),
        )
    })
}

fn entry((service, version, updated_at): (String, i64, i64)) -> Result<ServiceEntry> {
    let service = serde_json::from_str(&service).map_err(|e| {
        StoreError::invalid(
            "stored service",
            format!("written by a newer Haven or damaged: {e}"),
        )
    })?;
    Ok(ServiceEntry {
        service,
        version,
        updated_at,
    })
}

/// Writes the service's row of the directory.
async fn project_service(tx: &mut Tx, service: &Service, version: i64, at: i64) -> Result<()> {
    let json = serde_json::to_string(service)
        .map_err(|e| StoreError::invalid("service", e.to_string()))?;
    on_tx!(tx, c => sqlx::query(
        "INSERT INTO services (id, organisation_id, kind, name, places_free, service, updated_at, version) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8) \
         ON CONFLICT (id) DO UPDATE SET organisation_id = excluded.organisation_id, kind = excluded.kind, name = excluded.name, \
         places_free = excluded.places_free, service = excluded.service, updated_at = excluded.updated_at, version = excluded.version")
        .bind(&service.id.0)
        .bind(&service.provider.0)
        .bind(service.kind.id())
        .bind(&service.name)
        .bind(service.capacity.map(|c| i64::from(c.free())))
        .bind(&json)
        .bind(at)
        .bind(version)
        .execute(&mut **c)
        .await?.rows_affected());
    Ok(())
}
