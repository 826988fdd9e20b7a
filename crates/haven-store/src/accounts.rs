//! Organisations, teams, users, sign-in, sessions and API tokens.

use haven_crypto::{
    Aad, PasswordCheck, TotpSecret, hash_password, hash_token, new_token, open, seal,
    verify_password,
};
use haven_domain::access::{AdminAction, Role, decide_admin};
use haven_domain::auth;
pub use haven_domain::htcds::OrgType;

use crate::audit::{AuditActor, AuditEvent, AuditOutcome, append};
use crate::db::{on_db, on_tx};
use crate::{Principal, Result, Store, StoreError, new_id, now_ms};

#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Organisation {
    pub id: String,
    pub name: String,
    pub org_type: String,
    pub require_totp: bool,
    pub created_at: i64,
}

#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Team {
    pub id: String,
    pub organisation_id: String,
    pub name: String,
}

#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct User {
    pub id: String,
    pub organisation_id: String,
    pub team_id: Option<String>,
    pub username: String,
    pub display_name: String,
    pub role: Role,
    pub disabled: bool,
    pub totp_enabled: bool,
    pub created_at: i64,
}

#[derive(Debug, Clone)]
pub struct NewUser {
    pub organisation_id: String,
    pub team_id: Option<String>,
    pub username: String,
    pub display_name: String,
    pub role: Role,
    pub password: String,
}

/// A signed-in session, as the server sees it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Session {
    pub principal: Principal,
    pub expires_at: i64,
    /// False while a required second factor is still to be enrolled: only enrolment is allowed.
    pub second_factor_done: bool,
}

/// What an API token may be used for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, serde::Serialize)]
pub enum Scope {
    /// Read case fields (screenings, persons' pseudonymous records).
    Read,
    /// Record screenings and other actions.
    Write,
    /// Read identity fields (audited like any read).
    Identity,
}

impl Scope {
    pub const ALL: [Scope; 3] = [Scope::Read, Scope::Write, Scope::Identity];

    pub fn id(self) -> &'static str {
        match self {
            Scope::Read => "read",
            Scope::Write => "write",
            Scope::Identity => "identity",
        }
    }

    pub fn parse(id: &str) -> Option<Scope> {
        Scope::ALL.into_iter().find(|s| s.id() == id)
    }
}

#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct ApiToken {
    pub id: String,
    pub user_id: String,
    pub name: String,
    pub scopes: Vec<Scope>,
    pub created_at: i64,
    pub expires_at: i64,
}

/// Why a sign-in failed. The server shows one message for the first three, so that nobody can
/// learn which usernames exist.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum LoginError {
    #[error("wrong username or password")]
    InvalidCredentials,
    #[error(
        "this account is locked after too many failed sign-ins; try again later or ask an admin"
    )]
    Locked,
    #[error("this account is disabled")]
    Disabled,
    #[error("a code from your authenticator app is required")]
    SecondFactorRequired,
    #[error("the code from your authenticator app is not valid")]
    SecondFactorInvalid,
}

/// The password rule of the domain, as a store error.
pub fn validate_password(password: &str) -> Result<()> {
    match auth::password_problem(password) {
        Some(problem) => Err(StoreError::invalid("password", problem)),
        None => Ok(()),
    }
}

type UserRow = (
    String,
    String,
    Option<String>,
    String,
    String,
    String,
    bool,
    Option<Vec<u8>>,
    i64,
);

fn user_from_row(row: UserRow) -> Result<User> {
    let role = Role::parse(&row.5).ok_or_else(|| {
        StoreError::invalid("role", format!("unknown role {:?} in the database", row.5))
    })?;
    Ok(User {
        id: row.0,
        organisation_id: row.1,
        team_id: row.2,
        username: row.3,
        display_name: row.4,
        role,
        disabled: row.6,
        totp_enabled: row.7.is_some(),
        created_at: row.8,
    })
}

impl Store {
    pub async fn create_organisation(
        &self,
        actor: AuditActor<'_>,
        name: &str,
        org_type: OrgType,
        require_totp: bool,
    ) -> Result<Organisation> {
        require_admin(actor, AdminAction::ManageOrganisations)?;
        let name = name.trim();
        if name.is_empty() || name.len() > 200 {
            return Err(StoreError::invalid(
                "name",
                "give the organisation a name of 1 to 200 characters",
            ));
        }
        let organisation = Organisation {
            id: new_id(),
            name: name.to_string(),
            org_type: org_type.code().to_string(),
            require_totp,
            created_at: now_ms(),
        };
        let mut tx = self.db.begin_write().await?;
        on_tx!(&mut tx, c => sqlx::query("INSERT INTO organisations (id, name, org_type, require_totp, created_at) VALUES ($1, $2, $3, $4, $5)")
            .bind(&organisation.id)
            .bind(&organisation.name)
            .bind(&organisation.org_type)
            .bind(organisation.require_totp)
            .bind(organisation.created_at)
            .execute(&mut **c)
            .await
            .map_err(|e| StoreError::unique(e, format!("an organisation named {name:?} already exists")))?.rows_affected());
        let event = AuditEvent::new("organisation.create", "administration")
            .record("organisation", &organisation.id);
        append(&mut tx, actor, &event).await?;
        tx.commit().await?;
        Ok(organisation)
    }

    pub async fn organisations(&self) -> Result<Vec<Organisation>> {
        let rows: Vec<(String, String, String, bool, i64)> = on_db!(&self.db, p => sqlx::query_as(
            "SELECT id, name, org_type, require_totp, created_at FROM organisations ORDER BY name")
            .fetch_all(p)
            .await?);
        Ok(rows
            .into_iter()
            .map(
                |(id, name, org_type, require_totp, created_at)| Organisation {
                    id,
                    name,
                    org_type,
                    require_totp,
                    created_at,
                },
            )
            .collect())
    }

    pub async fn organisation(&self, id_or_name: &str) -> Result<Organisation> {
        let row: Option<(String, String, String, bool, i64)> = on_db!(&self.db, p => sqlx::query_as(
            "SELECT id, name, org_type, require_totp, created_at FROM organisations WHERE id = $1 OR name = $1")
            .bind(id_or_name)
            .fetch_optional(p)
            .await?);
        let (id, name, org_type, require_totp, created_at) =
            row.ok_or_else(|| StoreError::NotFound {
                what: "organisation",
                id: id_or_name.to_string(),
            })?;
        Ok(Organisation {
            id,
            name,
            org_type,
            require_totp,
            created_at,
        })
    }

    pub async fn set_organisation_totp(
        &self,
        actor: AuditActor<'_>,
        organisation_id: &str,
        required: bool,
    ) -> Result<()> {
        require_admin(actor, AdminAction::ManageOrganisations)?;
        let mut tx = self.db.begin_write().await?;
        let done = on_tx!(&mut tx, c => sqlx::query("UPDATE organisations SET require_totp = $1 WHERE id = $2")
            .bind(required)
            .bind(organisation_id)
            .execute(&mut **c)
            .await?.rows_affected());
        if done == 0 {
            return Err(StoreError::NotFound {
                what: "organisation",
                id: organisation_id.to_string(),
            });
        }
        let purpose = if required {
            "second factor required"
        } else {
            "second factor turned off"
        };
        append(
            &mut tx,
            actor,
            &AuditEvent::new("organisation.totp", purpose).record("organisation", organisation_id),
        )
        .await?;
        tx.commit().await
    }

    pub async fn create_team(
        &self,
        actor: AuditActor<'_>,
        organisation_id: &str,
        name: &str,
    ) -> Result<Team> {
        require_admin(actor, AdminAction::ManageUsers)?;
        let team = Team {
            id: new_id(),
            organisation_id: organisation_id.to_string(),
            name: name.trim().to_string(),
        };
        let mut tx = self.db.begin_write().await?;
        on_tx!(&mut tx, c => sqlx::query("INSERT INTO teams (id, organisation_id, name) VALUES ($1, $2, $3)")
            .bind(&team.id)
            .bind(&team.organisation_id)
            .bind(&team.name)
            .execute(&mut **c)
            .await
            .map_err(|e| StoreError::unique(e, format!("a team named {name:?} already exists in this organisation")))?.rows_affected());
        append(
            &mut tx,
            actor,
            &AuditEvent::new("team.create", "administration").record("team", &team.id),
        )
        .await?;
        tx.commit().await?;
        Ok(team)
    }

    pub async fn add_team_supervisor(
        &self,
        actor: AuditActor<'_>,
        team_id: &str,
        user_id: &str,
    ) -> Result<()> {
        require_admin(actor, AdminAction::ManageUsers)?;
        let mut tx = self.db.begin_write().await?;
        on_tx!(&mut tx, c => sqlx::query("INSERT INTO team_supervisors (team_id, user_id) VALUES ($1, $2) ON CONFLICT DO NOTHING")
            .bind(team_id)
            .bind(user_id)
            .execute(&mut **c)
            .await?.rows_affected());
        append(
            &mut tx,
            actor,
            &AuditEvent::new("team.supervisor", "administration")
                .record("team", team_id)
                .fields([user_id]),
        )
        .await?;
        tx.commit().await
    }

    pub async fn create_user(&self, actor: AuditActor<'_>, new: NewUser) -> Result<User> {
        require_admin(actor, AdminAction::ManageUsers)?;
        if let Some(problem) = auth::username_problem(&new.username) {
            return Err(StoreError::invalid("username", problem));
        }
        validate_password(&new.password)?;
        let organisation = self.organisation(&new.organisation_id).await?;
        let password_hash = hash_password(&new.password)?;
        let user = User {
            id: new_id(),
            organisation_id: organisation.id,
            team_id: new.team_id,
            username: new.username,
            display_name: new.display_name.trim().to_string(),
            role: new.role,
            disabled: false,
            totp_enabled: false,
            created_at: now_ms(),
        };
        let mut tx = self.db.begin_write().await?;
        on_tx!(&mut tx, c => sqlx::query(
            "INSERT INTO users (id, organisation_id, team_id, username, display_name, role, password_hash, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)")
            .bind(&user.id)
            .bind(&user.organisation_id)
            .bind(&user.team_id)
            .bind(&user.username)
            .bind(&user.display_name)
            .bind(user.role.id())
            .bind(&password_hash)
            .bind(user.created_at)
            .execute(&mut **c)
            .await
            .map_err(|e| StoreError::unique(e, format!("the username {:?} is taken", user.username)))?.rows_affected());
        let event = AuditEvent::new("user.create", "administration")
            .record("user", &user.id)
            .fields([user.role.id()]);
        append(&mut tx, actor, &event).await?;
        tx.commit().await?;
        Ok(user)
    }

    pub async fn user(&self, id_or_username: &str) -> Result<User> {
        let row: Option<UserRow> = on_db!(&self.db, p => sqlx::query_as(
            "SELECT id, organisation_id, team_id, username, display_name, role, disabled, totp_secret, created_at FROM users WHERE id = $1 OR username = $1")
            .bind(id_or_username)
            .fetch_optional(p)
            .await?);
        user_from_row(row.ok_or_else(|| StoreError::NotFound {
            what: "user",
            id: id_or_username.to_string(),
        })?)
    }

    pub async fn users(&self, organisation_id: Option<&str>) -> Result<Vec<User>> {
        let rows: Vec<UserRow> = on_db!(&self.db, p => sqlx::query_as(
            "SELECT id, organisation_id, team_id, username, display_name, role, disabled, totp_secret, created_at FROM users \
             WHERE $1 IS NULL OR organisation_id = $1 ORDER BY username")
            .bind(organisation_id)
            .fetch_all(p)
            .await?);
        rows.into_iter().map(user_from_row).collect()
    }

    /// The principal a user acts as: role, organisation, team and the teams they supervise.
    pub async fn principal(&self, user_id: &str) -> Result<Principal> {
        let user = self.user(user_id).await?;
        let teams: Vec<(String,)> = on_db!(&self.db, p => sqlx::query_as("SELECT team_id FROM team_supervisors WHERE user_id = $1")
            .bind(&user.id)
            .fetch_all(p)
            .await?);
        Ok(Principal {
            user_id: user.id,
            username: user.username,
            organisation_id: user.organisation_id,
            team_id: user.team_id,
            role: user.role,
            supervises_teams: teams.into_iter().map(|(t,)| t).collect(),
        })
    }

    /// The language the user chose for the web application, if any.
    pub async fn user_language(&self, user_id: &str) -> Result<Option<String>> {
        let row: Option<(Option<String>,)> = on_db!(&self.db, p => sqlx::query_as(
            "SELECT language FROM users WHERE id = $1")
            .bind(user_id)
            .fetch_optional(p)
            .await?);
        Ok(row.and_then(|(language,)| language))
    }

    /// Remembers the user's language (the caller checks it is one Haven has).
    pub async fn set_user_language(&self, principal: &Principal, language: &str) -> Result<()> {
        on_db!(&self.db, p => sqlx::query("UPDATE users SET language = $1 WHERE id = $2")
            .bind(language)
            .bind(&principal.user_id)
            .execute(p)
            .await?
            .rows_affected());
        Ok(())
    }

    /// Checks a username, password and (when required) a TOTP code. Failures are counted,
    /// lock the account after `MAX_FAILED_LOGINS`, and are audited; a correct password hashed
    /// with old parameters is rehashed.
    pub async fn authenticate(
        &self,
        username: &str,
        password: &str,
        totp_code: Option<&str>,
    ) -> Result<std::result::Result<Authenticated, LoginError>> {
        let now = now_ms();
        let row: Option<LoginRow> = on_db!(&self.db, p => sqlx::query_as(
            "SELECT u.id, u.password_hash, u.disabled, u.failed_logins, u.locked_until, u.totp_secret, u.role, o.require_totp \
             FROM users u JOIN organisations o ON o.id = u.organisation_id WHERE u.username = $1")
            .bind(username)
            .fetch_optional(p)
            .await?);
        let Some(LoginRow {
            id: user_id,
            password_hash: stored_hash,
            disabled,
            failed_logins,
            locked_until,
            totp_secret: totp_sealed,
            role,
            require_totp: org_requires,
        }) = row
        else {
            // Spend the time of a real check so response times do not reveal unknown usernames.
            let _ = verify_password(
                password,
                DUMMY_HASH.get_or_init(|| hash_password("not a real password").unwrap_or_default()),
            );
            self.audit_login_failure(username, "unknown username")
                .await?;
            return Ok(Err(LoginError::InvalidCredentials));
        };
        if auth::is_locked(locked_until, now) {
            self.audit_login_failure(username, "account locked").await?;
            return Ok(Err(LoginError::Locked));
        }
        let check = verify_password(password, &stored_hash);
        if check == PasswordCheck::Wrong {
            self.record_failed_login(&user_id, username, failed_logins, "wrong password")
                .await?;
            return Ok(Err(LoginError::InvalidCredentials));
        }
        if disabled {
            self.audit_login_failure(username, "account disabled")
                .await?;
            return Ok(Err(LoginError::Disabled));
        }
        let role = Role::parse(&role)
            .ok_or_else(|| StoreError::invalid("role", "unknown role in the database"))?;
        let required = auth::second_factor_required(role, org_requires);
        let second_factor_done = match (&totp_sealed, totp_code) {
            (Some(sealed), Some(code)) => {
                let secret = self.open_totp_secret(&user_id, sealed)?;
                if !secret.verify(code, now / 1000) {
                    self.record_failed_login(
                        &user_id,
                        username,
                        failed_logins,
                        "wrong second-factor code",
                    )
                    .await?;
                    return Ok(Err(LoginError::SecondFactorInvalid));
                }
                true
            }
            (Some(_), None) => return Ok(Err(LoginError::SecondFactorRequired)),
            // Not enrolled: allowed in, but only to enrol, when the role requires a factor.
            (None, _) => !required,
        };
        let mut tx = self.db.begin_write().await?;
        on_tx!(&mut tx, c => sqlx::query("UPDATE users SET failed_logins = 0, locked_until = NULL WHERE id = $1")
            .bind(&user_id)
            .execute(&mut **c)
            .await?.rows_affected());
        if check == PasswordCheck::CorrectNeedsRehash {
            let rehashed = hash_password(password)?;
            on_tx!(&mut tx, c => sqlx::query("UPDATE users SET password_hash = $1 WHERE id = $2")
                .bind(&rehashed)
                .bind(&user_id)
                .execute(&mut **c)
                .await?.rows_affected());
        }
        let principal = self.principal(&user_id).await?;
        append(
            &mut tx,
            AuditActor::User(&principal),
            &AuditEvent::new("login", "sign in").record("user", &user_id),
        )
        .await?;
        tx.commit().await?;
        Ok(Ok(Authenticated {
            principal,
            second_factor_done,
        }))
    }

    async fn record_failed_login(
        &self,
        user_id: &str,
        username: &str,
        failed_logins: i64,
        why: &str,
    ) -> Result<()> {
        let (failures, locked_until) = auth::after_failed_login(failed_logins, now_ms());
        let mut tx = self.db.begin_write().await?;
        on_tx!(&mut tx, c => sqlx::query("UPDATE users SET failed_logins = $1, locked_until = $2 WHERE id = $3")
            .bind(failures)
            .bind(locked_until)
            .bind(user_id)
            .execute(&mut **c)
            .await?.rows_affected());
        let purpose = if locked_until.is_some() {
            format!("{why}; account locked")
        } else {
            why.to_string()
        };
        let event = AuditEvent::new("login", purpose)
            .record("user", user_id)
            .outcome(AuditOutcome::Failed);
        append(&mut tx, AuditActor::System(username), &event).await?;
        tx.commit().await
    }

    async fn audit_login_failure(&self, username: &str, why: &str) -> Result<()> {
        self.audit(
            AuditActor::System(username),
            AuditEvent::new("login", why).outcome(AuditOutcome::Failed),
        )
        .await?;
        Ok(())
    }

    pub async fn set_password(
        &self,
        actor: AuditActor<'_>,
        user_id: &str,
        password: &str,
    ) -> Result<()> {
        let own = matches!(actor, AuditActor::User(p) if p.user_id == user_id);
        if !own {
            require_admin(actor, AdminAction::ManageUsers)?;
        }
        validate_password(password)?;
        let hash = hash_password(password)?;
        let user = self.user(user_id).await?;
        let mut tx = self.db.begin_write().await?;
        on_tx!(&mut tx, c => sqlx::query("UPDATE users SET password_hash = $1, failed_logins = 0, locked_until = NULL WHERE id = $2")
            .bind(&hash)
            .bind(&user.id)
            .execute(&mut **c)
            .await?.rows_affected());
        // A new password ends every other session.
        on_tx!(&mut tx, c => sqlx::query("UPDATE sessions SET revoked = TRUE WHERE user_id = $1").bind(&user.id).execute(&mut **c).await?.rows_affected());
        append(
            &mut tx,
            actor,
            &AuditEvent::new("user.password", "password set").record("user", &user.id),
        )
        .await?;
        tx.commit().await
    }

    /// Disables a user and ends their sessions and tokens at once.
    pub async fn disable_user(&self, actor: AuditActor<'_>, user_id: &str) -> Result<()> {
        require_admin(actor, AdminAction::ManageUsers)?;
        let user = self.user(user_id).await?;
        let mut tx = self.db.begin_write().await?;
        on_tx!(&mut tx, c => sqlx::query("UPDATE users SET disabled = TRUE WHERE id = $1").bind(&user.id).execute(&mut **c).await?.rows_affected());
        on_tx!(&mut tx, c => sqlx::query("UPDATE sessions SET revoked = TRUE WHERE user_id = $1").bind(&user.id).execute(&mut **c).await?.rows_affected());
        on_tx!(&mut tx, c => sqlx::query("UPDATE api_tokens SET revoked = TRUE WHERE user_id = $1").bind(&user.id).execute(&mut **c).await?.rows_affected());
        append(
            &mut tx,
            actor,
            &AuditEvent::new("user.disable", "administration").record("user", &user.id),
        )
        .await?;
        tx.commit().await
    }

    /// Starts TOTP enrolment: stores a new secret (sealed) and returns it to show once. Until
    /// a first code is confirmed the secret is not used at sign-in.
    pub async fn begin_totp_enrolment(&self, principal: &Principal) -> Result<TotpSecret> {
        let secret = TotpSecret::generate();
        let sealed = seal(
            &self.secrets_key,
            0,
            secret.as_bytes(),
            &totp_aad(&principal.user_id),
        );
        let mut tx = self.db.begin_write().await?;
        on_tx!(&mut tx, c => sqlx::query("UPDATE users SET totp_pending = $1 WHERE id = $2")
            .bind(&sealed)
            .bind(&principal.user_id)
            .execute(&mut **c)
            .await?.rows_affected());
        append(
            &mut tx,
            AuditActor::User(principal),
            &AuditEvent::new("totp.enrol", "second factor").record("user", &principal.user_id),
        )
        .await?;
        tx.commit().await?;
        Ok(secret)
    }

    /// Confirms enrolment with a first code; from then on sign-in needs a code.
    pub async fn confirm_totp_enrolment(&self, principal: &Principal, code: &str) -> Result<bool> {
        let pending: Option<(Option<Vec<u8>>,)> = on_db!(&self.db, p => sqlx::query_as("SELECT totp_pending FROM users WHERE id = $1")
            .bind(&principal.user_id)
            .fetch_optional(p)
            .await?);
        let Some((Some(sealed),)) = pending else {
            return Err(StoreError::Conflict(
                "start enrolment first: no authenticator secret is pending".into(),
            ));
        };
        let secret = self.open_totp_secret(&principal.user_id, &sealed)?;
        if !secret.verify(code, now_ms() / 1000) {
            return Ok(false);
        }
        let mut tx = self.db.begin_write().await?;
        on_tx!(&mut tx, c => sqlx::query("UPDATE users SET totp_secret = totp_pending, totp_pending = NULL WHERE id = $1")
            .bind(&principal.user_id)
            .execute(&mut **c)
            .await?.rows_affected());
        on_tx!(&mut tx, c => sqlx::query("UPDATE sessions SET second_factor_done = TRUE WHERE user_id = $1 AND revoked = FALSE")
            .bind(&principal.user_id)
            .execute(&mut **c)
            .await?.rows_affected());
        append(
            &mut tx,
            AuditActor::User(principal),
            &AuditEvent::new("totp.confirm", "second factor").record("user", &principal.user_id),
        )
        .await?;
        tx.commit().await?;
        Ok(true)
    }

    fn open_totp_secret(&self, user_id: &str, sealed: &[u8]) -> Result<TotpSecret> {
        Ok(TotpSecret::from_bytes(open(
            &self.secrets_key,
            sealed,
            &totp_aad(user_id),
        )?))
    }

    /// Creates a server-side session and returns its secret token (shown once, stored hashed).
    pub async fn create_session(
        &self,
        principal: &Principal,
        second_factor_done: bool,
    ) -> Result<(String, Session)> {
        let token = new_token("hvs_");
        let now = now_ms();
        let expires_at = now + auth::SESSION_TTL_MS;
        on_db!(&self.db, p => sqlx::query(
            "INSERT INTO sessions (token_hash, user_id, created_at, expires_at, second_factor_done) VALUES ($1, $2, $3, $4, $5)")
            .bind(hash_token(&token))
            .bind(&principal.user_id)
            .bind(now)
            .bind(expires_at)
            .bind(second_factor_done)
            .execute(p)
            .await?.rows_affected());
        Ok((
            token,
            Session {
                principal: principal.clone(),
                expires_at,
                second_factor_done,
            },
        ))
    }

    /// The live session for a token: not expired, not revoked, its user not disabled.
    pub async fn session(&self, token: &str) -> Result<Option<Session>> {
        let row: Option<(String, i64, bool)> = on_db!(&self.db, p => sqlx::query_as(
            "SELECT s.user_id, s.expires_at, s.second_factor_done FROM sessions s JOIN users u ON u.id = s.user_id \
             WHERE s.token_hash = $1 AND s.revoked = FALSE AND s.expires_at > $2 AND u.disabled = FALSE")
            .bind(hash_token(token))
            .bind(now_ms())
            .fetch_optional(p)
            .await?);
        let Some((user_id, expires_at, second_factor_done)) = row else {
            return Ok(None);
        };
        Ok(Some(Session {
            principal: self.principal(&user_id).await?,
            expires_at,
            second_factor_done,
        }))
    }

    pub async fn revoke_session(&self, token: &str) -> Result<()> {
        on_db!(&self.db, p => sqlx::query("UPDATE sessions SET revoked = TRUE WHERE token_hash = $1").bind(hash_token(token)).execute(p).await?.rows_affected());
        Ok(())
    }

    /// Signs a user out everywhere; returns how many sessions ended.
    pub async fn revoke_all_sessions(&self, principal: &Principal) -> Result<u64> {
        let mut tx = self.db.begin_write().await?;
        let ended = on_tx!(&mut tx, c => sqlx::query("UPDATE sessions SET revoked = TRUE WHERE user_id = $1 AND revoked = FALSE")
            .bind(&principal.user_id)
            .execute(&mut **c)
            .await?.rows_affected());
        append(
            &mut tx,
            AuditActor::User(principal),
            &AuditEvent::new("logout.everywhere", "sign out").record("user", &principal.user_id),
        )
        .await?;
        tx.commit().await?;
        Ok(ended)
    }

    /// The user's live sessions: when each started and ends.
    pub async fn sessions_of(&self, principal: &Principal) -> Result<Vec<(i64, i64)>> {
        Ok(on_db!(&self.db, p => sqlx::query_as(
            "SELECT created_at, expires_at FROM sessions WHERE user_id = $1 AND revoked = FALSE AND expires_at > $2 ORDER BY created_at DESC")
            .bind(&principal.user_id)
            .bind(now_ms())
            .fetch_all(p)
            .await?))
    }

    /// Creates a personal API token; the secret is returned once and stored hashed.
    pub async fn create_api_token(
        &self,
        principal: &Principal,
        name: &str,
        scopes: &[Scope],
        days: i64,
    ) -> Result<(String, ApiToken)> {
        if !(1..=auth::MAX_TOKEN_DAYS).contains(&days) {
            return Err(StoreError::invalid(
                "days",
                format!("a token lives 1 to {} days", auth::MAX_TOKEN_DAYS),
            ));
        }
        if scopes.is_empty() {
            return Err(StoreError::invalid(
                "scopes",
                "give at least one of read, write, identity",
            ));
        }
        let secret = new_token("hvn_");
        let now = now_ms();
        let mut scopes = scopes.to_vec();
        scopes.sort();
        scopes.dedup();
        let token = ApiToken {
            id: new_id(),
            user_id: principal.user_id.clone(),
            name: name.trim().to_string(),
            scopes,
            created_at: now,
            expires_at: now + days * 24 * 60 * 60 * 1000,
        };
        let scope_text = token
            .scopes
            .iter()
            .map(|s| s.id())
            .collect::<Vec<_>>()
            .join(" ");
        let mut tx = self.db.begin_write().await?;
        on_tx!(&mut tx, c => sqlx::query(
            "INSERT INTO api_tokens (id, user_id, name, token_hash, scopes, created_at, expires_at) VALUES ($1, $2, $3, $4, $5, $6, $7)")
            .bind(&token.id)
            .bind(&token.user_id)
            .bind(&token.name)
            .bind(hash_token(&secret))
            .bind(&scope_text)
            .bind(token.created_at)
            .bind(token.expires_at)
            .execute(&mut **c)
            .await?.rows_affected());
        let event = AuditEvent::new("token.create", "API access")
            .record("api_token", &token.id)
            .fields(token.scopes.iter().map(|s| s.id()));
        append(&mut tx, AuditActor::User(principal), &event).await?;
        tx.commit().await?;
        Ok((secret, token))
    }

    /// The principal and scopes of a live API token.
    pub async fn api_token(&self, secret: &str) -> Result<Option<(Principal, ApiToken)>> {
        let row: Option<(String, String, String, String, i64, i64)> = on_db!(&self.db, p => sqlx::query_as(
            "SELECT t.id, t.user_id, t.name, t.scopes, t.created_at, t.expires_at FROM api_tokens t JOIN users u ON u.id = t.user_id \
             WHERE t.token_hash = $1 AND t.revoked = FALSE AND t.expires_at > $2 AND u.disabled = FALSE")
            .bind(hash_token(secret))
            .bind(now_ms())
            .fetch_optional(p)
            .await?);
        let Some((id, user_id, name, scopes, created_at, expires_at)) = row else {
            return Ok(None);
        };
        let token = ApiToken {
            id,
            user_id: user_id.clone(),
            name,
            scopes: scopes.split_whitespace().filter_map(Scope::parse).collect(),
            created_at,
            expires_at,
        };
        Ok(Some((self.principal(&user_id).await?, token)))
    }

    pub async fn revoke_api_token(&self, principal: &Principal, token_id: &str) -> Result<()> {
        let mut tx = self.db.begin_write().await?;
        let done = on_tx!(&mut tx, c => sqlx::query("UPDATE api_tokens SET revoked = TRUE WHERE id = $1 AND user_id = $2")
            .bind(token_id)
            .bind(&principal.user_id)
            .execute(&mut **c)
            .await?.rows_affected());
        if done == 0 {
            return Err(StoreError::NotFound {
                what: "API token",
                id: token_id.to_string(),
            });
        }
        append(
            &mut tx,
            AuditActor::User(principal),
            &AuditEvent::new("token.revoke", "API access").record("api_token", token_id),
        )
        .await?;
        tx.commit().await
    }
}

#[derive(sqlx::FromRow)]
struct LoginRow {
    id: String,
    password_hash: String,
    disabled: bool,
    failed_logins: i64,
    locked_until: Option<i64>,
    totp_secret: Option<Vec<u8>>,
    role: String,
    require_totp: bool,
}

/// The outcome of a correct sign-in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Authenticated {
    pub principal: Principal,
    pub second_factor_done: bool,
}

static DUMMY_HASH: std::sync::OnceLock<String> = std::sync::OnceLock::new();

fn totp_aad(user_id: &str) -> Aad {
    Aad::new("users", "totp_secret", user_id)
}

/// Administration through the store: the command line acts as the system; a user must hold a
/// role the domain allows.
fn require_admin(actor: AuditActor<'_>, action: AdminAction) -> Result<()> {
    match actor {
        AuditActor::System(_) => Ok(()),
        AuditActor::User(p) => {
            if decide_admin(p.role, action).is_allowed() {
                Ok(())
            } else {
                Err(StoreError::Forbidden(format!(
                    "{} may not {action:?}",
                    p.role
                )))
            }
        }
    }
}
