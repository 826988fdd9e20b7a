//! Organisations, users, sign-in with lockout and a second factor, sessions and API tokens.
//! On SQLite and PostgreSQL.

use haven_crypto::{TotpSecret, totp_code};
use haven_domain::access::Role;
use haven_domain::auth::MAX_FAILED_LOGINS;
use haven_domain::htcds::OrgType;
use haven_store::{AuditActor, LoginError, NewUser, Scope, StoreError};
use haven_testkit::{PASSWORD, on_each_backend, seed_world};

fn now_seconds() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_secs() as i64
}

#[tokio::test]
async fn names_are_unique_and_bad_values_are_refused_with_the_field() {
    on_each_backend(|backend| async move {
        let store = backend.open().await;
        let world = seed_world(&store).await;
        let system = AuditActor::System("test");
        let duplicate = store
            .create_organisation(system, "Test NGO", OrgType::Ngo, true)
            .await
            .unwrap_err();
        assert!(
            matches!(duplicate, StoreError::Conflict(ref m) if m.contains("already exists")),
            "{duplicate}"
        );
        let user = |username: &str, password: &str| NewUser {
            organisation_id: world.ngo.clone(),
            team_id: None,
            username: username.into(),
            display_name: "X".into(),
            role: Role::Caseworker,
            password: password.into(),
        };
        let taken = store
            .create_user(system, user("test-caseworker", PASSWORD))
            .await
            .unwrap_err();
        assert!(
            matches!(taken, StoreError::Conflict(ref m) if m.contains("taken")),
            "{taken}"
        );
        let short = store
            .create_user(system, user("new-user", "short"))
            .await
            .unwrap_err();
        assert!(
            matches!(short, StoreError::Invalid { ref field, .. } if field == "password"),
            "{short}"
        );
        let bad_name = store
            .create_user(system, user("Bad Name", PASSWORD))
            .await
            .unwrap_err();
        assert!(
            matches!(bad_name, StoreError::Invalid { ref field, .. } if field == "username"),
            "{bad_name}"
        );
        let caseworker = world.user(Role::Caseworker);
        let forbidden = store
            .create_user(AuditActor::User(caseworker), user("sneaky", PASSWORD))
            .await
            .unwrap_err();
        assert!(
            matches!(forbidden, StoreError::Forbidden(_)),
            "only admins manage users"
        );
        let admin = world.user(Role::Admin);
        store
            .create_user(AuditActor::User(admin), user("by-admin", PASSWORD))
            .await
            .unwrap();
        backend
    })
    .await;
}

#[tokio::test]
async fn sign_in_counts_failures_locks_the_account_and_audits_everything() {
    on_each_backend(|backend| async move {
        let store = backend.open().await;
        seed_world(&store).await;
        let ok = store
            .authenticate("test-caseworker", PASSWORD, None)
            .await
            .unwrap()
            .unwrap();
        assert_eq!(ok.principal.role, Role::Caseworker);
        assert!(
            ok.second_factor_done,
            "the test organisations do not require a second factor"
        );
        assert_eq!(
            store.authenticate("nobody", PASSWORD, None).await.unwrap(),
            Err(LoginError::InvalidCredentials)
        );
        for _ in 0..MAX_FAILED_LOGINS {
            assert_eq!(
                store
                    .authenticate("test-caseworker", "wrong password!", None)
                    .await
                    .unwrap(),
                Err(LoginError::InvalidCredentials)
            );
        }
        assert_eq!(
            store
                .authenticate("test-caseworker", PASSWORD, None)
                .await
                .unwrap(),
            Err(LoginError::Locked),
            "locked even with the right password"
        );
        let failures = store
            .recent_audit_entries(100, None)
            .await
            .unwrap()
            .into_iter()
            .filter(|e| e.action == "login" && e.outcome == "failed")
            .count();
        assert!(failures >= MAX_FAILED_LOGINS as usize + 2, "{failures}");
        // An admin's password reset unlocks the account.
        let user = store.user("test-caseworker").await.unwrap();
        store
            .set_password(
                AuditActor::System("test"),
                &user.id,
                "a brand new long password",
            )
            .await
            .unwrap();
        assert!(
            store
                .authenticate("test-caseworker", "a brand new long password", None)
                .await
                .unwrap()
                .is_ok()
        );
        backend
    })
    .await;
}

#[tokio::test]
async fn a_disabled_user_cannot_sign_in_and_loses_sessions_and_tokens() {
    on_each_backend(|backend| async move {
        let store = backend.open().await;
        let world = seed_world(&store).await;
        let caseworker = world.user(Role::Caseworker);
        let (session, _) = store.create_session(caseworker, true).await.unwrap();
        let (token, _) = store
            .create_api_token(caseworker, "integration", &[Scope::Read], 30)
            .await
            .unwrap();
        assert!(store.session(&session).await.unwrap().is_some());
        assert!(store.api_token(&token).await.unwrap().is_some());
        store
            .disable_user(AuditActor::System("test"), &caseworker.user_id)
            .await
            .unwrap();
        assert_eq!(
            store
                .authenticate("test-caseworker", PASSWORD, None)
                .await
                .unwrap(),
            Err(LoginError::Disabled)
        );
        assert!(store.session(&session).await.unwrap().is_none());
        assert!(store.api_token(&token).await.unwrap().is_none());
        backend
    })
    .await;
}

#[tokio::test]
async fn sessions_are_server_side_and_revocable_one_by_one_or_everywhere() {
    on_each_backend(|backend| async move {
        let store = backend.open().await;
        let world = seed_world(&store).await;
        let caseworker = world.user(Role::Caseworker);
        let (a, _) = store.create_session(caseworker, true).await.unwrap();
        let (b, _) = store.create_session(caseworker, true).await.unwrap();
        assert_eq!(
            store.session(&a).await.unwrap().unwrap().principal,
            *caseworker
        );
        store.revoke_session(&a).await.unwrap();
        assert!(store.session(&a).await.unwrap().is_none());
        assert!(store.session(&b).await.unwrap().is_some());
        let (c, _) = store.create_session(caseworker, true).await.unwrap();
        assert_eq!(store.sessions_of(caseworker).await.unwrap().len(), 2);
        assert_eq!(store.revoke_all_sessions(caseworker).await.unwrap(), 2);
        assert!(
            store.session(&b).await.unwrap().is_none()
                && store.session(&c).await.unwrap().is_none()
        );
        assert!(store.session("hvs_not-a-token").await.unwrap().is_none());
        // Tokens are stored only as digests.
        let stored = backend
            .raw_count(&format!(
                "SELECT COUNT(*) FROM sessions WHERE token_hash = '{c}'"
            ))
            .await;
        assert_eq!(stored, 0);
        backend
    })
    .await;
}

#[tokio::test]
async fn api_tokens_are_scoped_expiring_and_revocable() {
    on_each_backend(|backend| async move {
        let store = backend.open().await;
        let world = seed_world(&store).await;
        let caseworker = world.user(Role::Caseworker);
        let (secret, token) = store
            .create_api_token(
                caseworker,
                "reporting",
                &[Scope::Write, Scope::Read, Scope::Read],
                7,
            )
            .await
            .unwrap();
        assert!(secret.starts_with("hvn_"));
        assert_eq!(token.scopes, vec![Scope::Read, Scope::Write]);
        let (principal, found) = store.api_token(&secret).await.unwrap().unwrap();
        assert_eq!(principal.user_id, caseworker.user_id);
        assert_eq!(found.id, token.id);
        assert!(matches!(
            store
                .create_api_token(caseworker, "x", &[Scope::Read], 0)
                .await,
            Err(StoreError::Invalid { .. })
        ));
        assert!(matches!(
            store.create_api_token(caseworker, "x", &[], 5).await,
            Err(StoreError::Invalid { .. })
        ));
        let other = world.user(Role::Screener);
        assert!(
            matches!(
                store.revoke_api_token(other, &token.id).await,
                Err(StoreError::NotFound { .. })
            ),
            "only its owner revokes it"
        );
        store.revoke_api_token(caseworker, &token.id).await.unwrap();
        assert!(store.api_token(&secret).await.unwrap().is_none());
        backend
    })
    .await;
}

#[tokio::test]
async fn a_second_factor_is_required_where_the_organisation_asks_for_it() {
    on_each_backend(|backend| async move {
        let store = backend.open().await;
        let world = seed_world(&store).await;
        let system = AuditActor::System("test");
        store
            .set_organisation_totp(system, &world.ngo, true)
            .await
            .unwrap();

        // Not enrolled yet: signed in, but only to enrol.
        let first = store
            .authenticate("test-caseworker", PASSWORD, None)
            .await
            .unwrap()
            .unwrap();
        assert!(!first.second_factor_done);
        // A statistician never sees identity: no second factor needed.
        assert!(
            store
                .authenticate("test-statistician", PASSWORD, None)
                .await
                .unwrap()
                .unwrap()
                .second_factor_done
        );

        let caseworker = world.user(Role::Caseworker);
        let (session, _) = store.create_session(caseworker, false).await.unwrap();
        let secret = store.begin_totp_enrolment(caseworker).await.unwrap();
        let wrong = |secret: &TotpSecret| {
            if totp_code(secret, now_seconds()) == "123456" {
                "654321"
            } else {
                "123456"
            }
        };
        assert!(
            !store
                .confirm_totp_enrolment(caseworker, wrong(&secret))
                .await
                .unwrap()
        );
        assert!(
            store
                .confirm_totp_enrolment(caseworker, &totp_code(&secret, now_seconds()))
                .await
                .unwrap()
        );
        assert!(
            store
                .session(&session)
                .await
                .unwrap()
                .unwrap()
                .second_factor_done,
            "enrolment completes the session"
        );

        assert_eq!(
            store
                .authenticate("test-caseworker", PASSWORD, None)
                .await
                .unwrap(),
            Err(LoginError::SecondFactorRequired)
        );
        assert_eq!(
            store
                .authenticate("test-caseworker", PASSWORD, Some(wrong(&secret)))
                .await
                .unwrap(),
            Err(LoginError::SecondFactorInvalid)
        );
        let ok = store
            .authenticate(
                "test-caseworker",
                PASSWORD,
                Some(&totp_code(&secret, now_seconds())),
            )
            .await
            .unwrap()
            .unwrap();
        assert!(ok.second_factor_done);
        backend
    })
    .await;
}
