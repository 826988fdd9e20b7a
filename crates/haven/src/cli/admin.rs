//! `haven admin …`: organisations and users from the server's own command line (audited as
//! the command line), and rebuilding projections.

use std::path::PathBuf;

use clap::Subcommand;
use haven_domain::access::Role;
use haven_domain::htcds::OrgType;
use haven_store::{AuditActor, NewUser};

use super::CliError;
use super::store_args::{StoreArgs, runtime};

#[derive(clap::Args)]
pub struct Args {
    #[command(subcommand)]
    command: AdminCommand,
}

#[derive(Subcommand)]
enum AdminCommand {
    /// Create an organisation.
    CreateOrg {
        #[command(flatten)]
        store: StoreArgs,
        #[arg(long)]
        name: String,
        /// HTCDS org_Type: NGO, LawEnforcement, HealthServiceOrganisation, CentralGovernmentOrganisation, LocalGovernmentOrganisation, ImmigrationService, LegalService, CorporateBusiness, SchoolOrCollege.
        #[arg(long = "type")]
        org_type: String,
        /// Do not require a second factor from this organisation's users.
        #[arg(long)]
        no_totp: bool,
    },
    /// Require a second factor from an organisation's users who may see identity (or not).
    SecondFactor {
        #[command(flatten)]
        store: StoreArgs,
        /// The organisation's name or id.
        #[arg(long)]
        org: String,
        /// true or false.
        #[arg(long, action = clap::ArgAction::Set)]
        required: bool,
    },
    /// Create a user; prints a generated password unless --password-file is given.
    CreateUser {
        #[command(flatten)]
        store: StoreArgs,
        /// The organisation's name or id.
        #[arg(long)]
        org: String,
        #[arg(long)]
        username: String,
        /// The person's name as shown to colleagues.
        #[arg(long)]
        name: String,
        /// screener, caseworker, supervisor, decision_maker, provider, registrar, trainer, statistician or admin.
        #[arg(long)]
        role: String,
        /// A file holding the password (first line).
        #[arg(long)]
        password_file: Option<PathBuf>,
    },
    /// Set a new password (generated unless --password-file); unlocks the account and ends its sessions.
    ResetPassword {
        #[command(flatten)]
        store: StoreArgs,
        #[arg(long)]
        username: String,
        #[arg(long)]
        password_file: Option<PathBuf>,
    },
    /// Disable a user and end their sessions and API tokens.
    DisableUser {
        #[command(flatten)]
        store: StoreArgs,
        #[arg(long)]
        username: String,
    },
    /// Rebuild every projection from the action histories.
    RebuildProjections {
        #[command(flatten)]
        store: StoreArgs,
    },
}

const CLI: AuditActor<'static> = AuditActor::System("command line");

pub fn run(args: Args) -> Result<(), CliError> {
    runtime()?.block_on(async move {
        match args.command {
            AdminCommand::CreateOrg {
                store,
                name,
                org_type,
                no_totp,
            } => {
                let org_type = OrgType::parse(&org_type).ok_or_else(|| {
                    CliError::Input(format!(
                        "--type: {org_type:?} is not an HTCDS org_Type; allowed: {}",
                        OrgType::codes()
                    ))
                })?;
                let store = store.open().await?;
                let organisation = store
                    .create_organisation(CLI, &name, org_type, !no_totp)
                    .await?;
                println!(
                    "organisation {} created: {}",
                    organisation.name, organisation.id
                );
                store.close().await;
            }
            AdminCommand::SecondFactor {
                store,
                org,
                required,
            } => {
                let store = store.open().await?;
                let organisation = store.organisation(&org).await?;
                store
                    .set_organisation_totp(CLI, &organisation.id, required)
                    .await?;
                let state = if required {
                    "now required"
                } else {
                    "no longer required"
                };
                println!("second factor {state} at {}", organisation.name);
                store.close().await;
            }
            AdminCommand::CreateUser {
                store,
                org,
                username,
                name,
                role,
                password_file,
            } => {
                let role = Role::parse(&role).ok_or_else(|| {
                    let roles: Vec<&str> = Role::ALL.iter().map(|r| r.id()).collect();
                    CliError::Input(format!(
                        "--role: {role:?} is not a role; allowed: {}",
                        roles.join(", ")
                    ))
                })?;
                let (password, generated) = password(password_file)?;
                let store = store.open().await?;
                let organisation = store.organisation(&org).await?;
                let user = store
                    .create_user(
                        CLI,
                        NewUser {
                            organisation_id: organisation.id,
                            team_id: None,
                            username,
                            display_name: name,
                            role,
                            password: password.clone(),
                        },
                    )
                    .await?;
                println!(
                    "user {} ({}) created: {}",
                    user.username, user.role, user.id
                );
                if generated {
                    println!("password (shown once): {password}");
                }
                store.close().await;
            }
            AdminCommand::ResetPassword {
                store,
                username,
                password_file,
            } => {
                let (password, generated) = password(password_file)?;
                let store = store.open().await?;
                let user = store.user(&username).await?;
                store.set_password(CLI, &user.id, &password).await?;
                println!("password of {username} reset; their sessions ended");
                if generated {
                    println!("password (shown once): {password}");
                }
                store.close().await;
            }
            AdminCommand::DisableUser { store, username } => {
                let store = store.open().await?;
                let user = store.user(&username).await?;
                store.disable_user(CLI, &user.id).await?;
                println!("{username} disabled; their sessions and API tokens ended");
                store.close().await;
            }
            AdminCommand::RebuildProjections { store } => {
                let store = store.open().await?;
                let before = store.projection_fingerprint().await?;
                let report = store.rebuild_projections().await?;
                let after = store.projection_fingerprint().await?;
                println!(
                    "rebuilt {} screenings, {} persons, {} cases and {} services from their histories; state {}",
                    report.screenings,
                    report.persons,
                    report.cases,
                    report.services,
                    if before == after {
                        "unchanged"
                    } else {
                        "repaired"
                    }
                );
                store.close().await;
            }
        }
        Ok(())
    })
}

/// The password from a file, or a generated one (returned with `true`).
fn password(file: Option<PathBuf>) -> Result<(String, bool), CliError> {
    match file {
        Some(path) => {
            let text = std::fs::read_to_string(&path)
                .map_err(|e| CliError::Input(format!("{}: cannot read: {e}", path.display())))?;
            Ok((text.lines().next().unwrap_or_default().to_string(), false))
        }
        None => Ok((generate_password(), true)),
    }
}

/// A random passphrase-like password: 4 groups of 5 letters and digits.
pub fn generate_password() -> String {
    const ALPHABET: &[u8] = b"abcdefghijkmnpqrstuvwxyz23456789";
    let bytes: [u8; 20] = haven_crypto::random_bytes();
    let chars: Vec<char> = bytes
        .iter()
        .map(|b| ALPHABET[*b as usize % ALPHABET.len()] as char)
        .collect();
    chars
        .chunks(5)
        .map(|c| c.iter().collect::<String>())
        .collect::<Vec<_>>()
        .join("-")
}
