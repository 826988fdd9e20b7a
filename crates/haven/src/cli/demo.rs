//! `haven demo`: a realistic synthetic world — a fictional country with organisations of every
//! HTCDS type, users of every role and N screenings with plausible distributions of sex, age and
//! forms of exploitation — generated from a fixed seed, never real people; then the server.

use std::io::IsTerminal;
use std::net::SocketAddr;
use std::path::PathBuf;

use haven_domain::access::Role;
use haven_domain::htcds::OrgType;
use haven_store::{AuditActor, IdentityField, IdentityRecord, NewUser, Principal, Store};
use rand::seq::SliceRandom;
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;
use serde_json::{Value, json};

use super::serve::{bind, init_logging, serve};
use super::store_args::runtime;
use super::{CliError, demo_cases};

#[derive(clap::Args)]
pub struct Args {
    /// The demo's data directory: created and filled on first run, reused after.
    #[arg(long, env = "HAVEN_DATA_DIR", default_value = "haven-demo-data")]
    pub data_dir: PathBuf,
    #[arg(long, env = "HAVEN_LISTEN", default_value = "127.0.0.1:8080")]
    pub listen: SocketAddr,
    /// How many people to screen on first run (about a tenth are screened again by another
    /// agency, so there are somewhat more screenings).
    #[arg(long, default_value_t = 300)]
    pub cases: usize,
    /// Fill the data directory and exit without serving.
    #[arg(long)]
    pub prepare_only: bool,
    #[command(flatten)]
    pub limits: super::serve::Limits,
    /// Build the demo world in a PostgreSQL database instead (for load tests on PostgreSQL).
    #[arg(long, env = "HAVEN_DATABASE_URL", requires = "key_file")]
    pub database_url: Option<String>,
    /// The master key file, with --database-url; the logins are written beside it.
    #[arg(long, env = "HAVEN_MASTER_KEY_FILE")]
    pub key_file: Option<PathBuf>,
}

/// The seed of the synthetic world: the same world every time.
const SEED: u64 = 2016_0032;
const LOGINS_FILE: &str = "demo-logins.txt";
const DEMO: AuditActor<'static> = AuditActor::System("demo");

pub fn run(args: Args) -> Result<(), CliError> {
    init_logging();
    runtime()?.block_on(async move {
        let (location, logins_path, place) = match (&args.database_url, &args.key_file) {
            (Some(url), Some(key_file)) => (
                haven_store::Location::Postgres { url: url.clone() },
                key_file.with_file_name(LOGINS_FILE),
                "the PostgreSQL database".to_string(),
            ),
            _ => (haven_store::Location::DataDir(args.data_dir.clone()), args.data_dir.join(LOGINS_FILE), args.data_dir.display().to_string()),
        };
        let config = haven_store::StoreConfig { location, key_file: args.key_file.clone() };
        let store = Store::open(&config).await?;
        let logins = if logins_path.exists() {
            std::fs::read_to_string(&logins_path).map_err(|e| CliError::Input(format!("{}: {e}", logins_path.display())))?
        } else if !store.organisations().await?.is_empty() {
            return Err(CliError::Input(format!("{place} holds data that is not a Haven demo; give the demo its own --data-dir")));
        } else {
            let password = std::env::var("HAVEN_DEMO_PASSWORD").unwrap_or_else(|_| super::admin::generate_password());
            haven_store::validate_password(&password).map_err(|e| CliError::Input(format!("HAVEN_DEMO_PASSWORD: {e}")))?;
            let logins = build_world(&store, args.cases, &password).await?;
            super::write_private_file(&logins_path, logins.as_bytes())?;
            logins
        };
        let (screenings, persons) = store.counts().await?;
        let stages: Vec<String> = store.case_counts_by_stage().await?.into_iter().map(|(stage, n)| format!("{stage} {n}")).collect();
        if args.prepare_only {
            println!("demo data ready in {place}: {screenings} screenings, {persons} registered persons; cases by stage: {}", stages.join(", "));
            store.close().await;
            return Ok(());
        }
        let listener = bind(args.listen).await?;
        let address = listener.local_addr().map_err(|e| CliError::Other(anyhow::Error::new(e)))?;
        println!("Haven demo: {screenings} screenings, {persons} registered persons, synthetic data only.");
        println!("Cases by stage: {}", stages.join(", "));
        println!("Open http://{address}/  (API: http://{address}/api/openapi.json)");
        println!("Sign in with any of these (also in {}):", logins_path.display());
        print!("{logins}");
        println!("Stop with Ctrl-C.");
        serve(listener, store, false, args.limits).await
    })
}

struct DemoOrganisation {
    name: &'static str,
    org_type: OrgType,
    users: &'static [(&'static str, &'static str, Role)],
}

/// The fictional Republic of Eastmere.
const ORGANISATIONS: &[DemoOrganisation] = &[
    DemoOrganisation {
        name: "Eastmere National Referral Mechanism",
        org_type: OrgType::CentralGovernmentOrganisation,
        users: &[
            ("admin", "Nadia Admin", Role::Admin),
            ("decision", "Omar Decider", Role::DecisionMaker),
        ],
    },
    DemoOrganisation {
        name: "Eastmere Police Anti-Trafficking Unit",
        org_type: OrgType::LawEnforcement,
        users: &[("police-screener", "Petra Police", Role::Screener)],
    },
    DemoOrganisation {
        name: "Safe Harbour Shelter",
        org_type: OrgType::Ngo,
        users: &[
            ("supervisor", "Sara Supervisor", Role::Supervisor),
            ("caseworker", "Carlos Caseworker", Role::Caseworker),
            ("caseworker2", "Chen Caseworker", Role::Caseworker),
            ("shelter-provider", "Paul Provider", Role::Provider),
        ],
    },
    DemoOrganisation {
        name: "Border and Immigration Service",
        org_type: OrgType::ImmigrationService,
        users: &[("border-screener", "Boris Border", Role::Screener)],
    },
    DemoOrganisation {
        name: "St Luke Clinic",
        org_type: OrgType::HealthServiceOrganisation,
        users: &[("clinic-provider", "Hana Health", Role::Provider)],
    },
    DemoOrganisation {
        name: "Port City Council",
        org_type: OrgType::LocalGovernmentOrganisation,
        users: &[
            ("registrar", "Rita Registrar", Role::Registrar),
            ("council-screener", "Leo Local", Role::Screener),
        ],
    },
    DemoOrganisation {
        name: "Port City Child Protection Service",
        org_type: OrgType::LocalGovernmentOrganisation,
        users: &[("child-provider", "Chiara Child Protection", Role::Provider)],
    },
    DemoOrganisation {
        name: "Legal Aid Centre",
        org_type: OrgType::LegalService,
        users: &[("legal-provider", "Lena Lawyer", Role::Provider)],
    },
    DemoOrganisation {
        name: "Eastmere Garment Exporters",
        org_type: OrgType::CorporateBusiness,
        users: &[("company-screener", "Cora Compliance", Role::Screener)],
    },
    DemoOrganisation {
        name: "Northbridge College",
        org_type: OrgType::SchoolOrCollege,
        users: &[
            ("trainer", "Tariq Trainer", Role::Trainer),
            ("statistician", "Stella Statistician", Role::Statistician),
            ("school-provider", "Sam School", Role::Provider),
        ],
    },
];

async fn build_world(store: &Store, cases: usize, password: &str) -> Result<String, CliError> {
    let mut logins = String::new();
    let mut frontline: Vec<Principal> = Vec::new();
    for org in ORGANISATIONS {
        // Demo logins work with a password alone; real organisations require a second factor.
        let organisation = store
            .create_organisation(DEMO, org.name, org.org_type, false)
            .await?;
        let team = store
            .create_team(DEMO, &organisation.id, "Frontline")
            .await?;
        for (username, name, role) in org.users {
            let user = store
                .create_user(
                    DEMO,
                    NewUser {
                        organisation_id: organisation.id.clone(),
                        team_id: Some(team.id.clone()),
                        username: username.to_string(),
                        display_name: name.to_string(),
                        role: *role,
                        password: password.to_string(),
                    },
                )
                .await?;
            if *role == Role::Supervisor {
                store.add_team_supervisor(DEMO, &team.id, &user.id).await?;
            }
            logins.push_str(&format!(
                "  {username:<18} {:<15} password: {password}\n",
                role.id()
            ));
            if matches!(role, Role::Screener | Role::Caseworker) {
                frontline.push(store.principal(&user.id).await?);
            }
        }
    }

    let mut rng = ChaCha8Rng::seed_from_u64(SEED);
    let caseworker = frontline
        .iter()
        .find(|p| p.role == Role::Caseworker)
        .expect("the demo has a caseworker")
        .clone();
    let progress = progress_bar(cases as u64);
    for i in 0..cases {
        let by = &frontline[rng.gen_range(0..frontline.len())];
        let input = synthetic_input(&mut rng);
        // A caseworker registers every person they screen; screeners register one in four.
        let registers = by.role == Role::Caseworker || i % 4 == 0;
        let identity = registers.then(|| synthetic_identity(&mut rng));
        let person = match &identity {
            Some(identity) => Some(
                store
                    .create_person(by, identity, "demo registration")
                    .await?
                    .id,
            ),
            None => None,
        };
        store
            .record_screening(by, person.as_deref(), &input)
            .await?;
        // Some people are identified again by an agency of another kind, which registers them
        // anew; most such pairs are then linked by the caseworker, the rest await a decision.
        if let (Some(identity), Some(first)) = (&identity, &person)
            && rng.gen_bool(0.3)
        {
            let others: Vec<&Principal> = frontline
                .iter()
                .filter(|p| p.organisation_id != by.organisation_id)
                .collect();
            let other = others[rng.gen_range(0..others.len())];
            let second = store
                .create_person(other, identity, "demo registration")
                .await?
                .id;
            store.record_screening(other, Some(&second), &input).await?;
            if rng.gen_bool(0.75) {
                for (owner, record) in [(by, first), (other, &second)] {
                    if owner.user_id != caseworker.user_id {
                        store
                            .assign_person(owner, record, &caseworker.user_id)
                            .await?;
                    }
                }
                store
                    .link_persons(&caseworker, first, &second, true)
                    .await?;
            }
        }
        if let Some(bar) = &progress {
            bar.inc(1);
        }
    }
    if let Some(bar) = progress {
        bar.finish_and_clear();
    }
    let team = demo_cases::CaseTeam {
        caseworker,
        supervisor: demo_user(store, "supervisor").await?,
        decision_maker: demo_user(store, "decision").await?,
        shelter: demo_user(store, "shelter-provider").await?,
        clinic: demo_user(store, "clinic-provider").await?,
        legal_aid: demo_user(store, "legal-provider").await?,
        child_protection: demo_user(store, "child-provider").await?,
        school: demo_user(store, "school-provider").await?,
        police: demo_user(store, "police-screener").await?,
    };
    demo_cases::build_cases(store, &team, &mut rng).await?;
    Ok(logins)
}

async fn demo_user(store: &Store, username: &str) -> Result<Principal, CliError> {
    let user = store.user(username).await?;
    Ok(store.principal(&user.id).await?)
}

fn progress_bar(total: u64) -> Option<indicatif::ProgressBar> {
    if !std::io::stderr().is_terminal() || total < 1000 {
        return None;
    }
    let bar = indicatif::ProgressBar::new(total);
    bar.set_style(
        indicatif::ProgressStyle::with_template(
            "generating screenings {bar:40} {pos}/{len} ({eta})",
        )
        .expect("a valid template"),
    );
    Some(bar)
}

/// One synthetic screening input. The mix follows the shape of detected-victim statistics
/// (forced labour and sexual exploitation dominate; about a quarter are children; women and
/// girls are the majority in sexual exploitation, men in forced labour), plus people at risk,
/// unclear situations and exploitation short of trafficking.
pub fn synthetic_input(rng: &mut ChaCha8Rng) -> Value {
    let scenario = rng.gen_range(0..100);
    let (exploitation, purposes, female_share): (&str, &[&str], f64) = match scenario {
        0..40 => ("labour", &["forced_labour_or_services"], 0.35),
        40..72 => ("sexual", &["sexual_exploitation"], 0.85),
        72..76 => (
            "labour",
            &["forced_begging", "forced_labour_or_services"],
            0.5,
        ),
        76..80 => (
            "labour",
            &["forced_criminality", "forced_labour_or_services"],
            0.3,
        ),
        80..83 => (
            "sexual",
            &["forced_marriage", "practices_similar_to_slavery"],
            0.95,
        ),
        83..85 => ("other", &["removal_of_organs"], 0.3),
        _ => ("labour", &[], 0.4),
    };
    let sex = if rng.gen_bool(female_share) {
        "female"
    } else {
        "male"
    };
    let child = rng.gen_bool(0.25);
    let age = if child {
        if rng.gen_bool(0.3) {
            json!({"years": null, "claimed_years": rng.gen_range(10..18), "basis": "claimed", "reasons_to_believe_minor": true})
        } else {
            json!({"years": rng.gen_range(9..18), "basis": "document"})
        }
    } else {
        json!({"years": rng.gen_range(18..60), "basis": if rng.gen_bool(0.7) { "document" } else { "claimed" }})
    };
    let acts = pick(
        rng,
        &[
            "recruitment",
            "transportation",
            "transfer",
            "harbouring",
            "receipt",
        ],
        1,
        4,
    );
    let means = pick(
        rng,
        &[
            "deception",
            "other_coercion",
            "abuse_of_position_of_vulnerability",
            "threat_of_force",
            "use_of_force",
            "fraud",
        ],
        1,
        3,
    );
    let palermo = match scenario {
        // Recruitment under way, the rest not known: at risk.
        85..93 => json!({"acts": ["recruitment"], "unknown": ["means", "purposes"]}),
        // Almost nothing known yet.
        93..97 => {
            json!({"acts": [], "means": [], "purposes": [], "unknown": ["acts", "means", "purposes"]})
        }
        // Exploitative work, no coercion: not trafficking.
        97..100 => json!({"acts": ["recruitment"], "means": [], "purposes": []}),
        _ => json!({"acts": acts, "means": means, "purposes": purposes}),
    };
    let mut indicators = serde_json::Map::new();
    let pools: [&[&str]; 4] = [
        &[
            "DR.deceived_nature_of_job",
            "DR.deceived_wages",
            "DR.deceived_conditions_of_work",
            "DR.deceived_housing_living_conditions",
        ],
        &[
            "EX.excessive_hours",
            "EX.low_or_no_salary",
            "EX.bad_living_conditions",
            "EX.hazardous_work",
        ],
        &[
            "CD.confiscation_of_documents",
            "CD.debt_bondage",
            "CD.threat_of_denunciation",
            "CD.isolation_confinement_surveillance",
        ],
        &[
            "AVD.dependency_on_exploiters",
            "AVD.relationship_with_authorities_legal_status",
            "AVD.difficulty_living_in_unknown_area",
        ],
    ];
    for pool in pools {
        for id in pick(rng, pool, 0, pool.len()) {
            indicators.insert(
                id.to_string(),
                json!(if rng.gen_bool(0.85) { "yes" } else { "unknown" }),
            );
        }
    }
    let mut input = json!({
        "age": age,
        "sex": sex,
        "palermo": palermo,
        "indicators": indicators,
        "exploitation_type": exploitation,
        "offences_as_consequence": if rng.gen_bool(0.2) { json!(["immigration"]) } else { json!([]) },
        "unaccompanied": child && rng.gen_bool(0.4),
        "seeks_international_protection": rng.gen_bool(0.15),
    });
    if (85..93).contains(&scenario) {
        input["risk_indicators"] = json!(pick(
            rng,
            &[
                "unrealistic_offer",
                "no_written_contract",
                "recruiter_requests_documents",
                "rushed_departure"
            ],
            1,
            3
        ));
    }
    input
}

fn pick(rng: &mut ChaCha8Rng, pool: &[&'static str], min: usize, max: usize) -> Vec<&'static str> {
    let n = rng.gen_range(min..=max.min(pool.len()));
    let mut chosen: Vec<&str> = pool.choose_multiple(rng, n).copied().collect();
    chosen.sort_unstable();
    chosen
}

pub fn synthetic_identity(rng: &mut ChaCha8Rng) -> IdentityRecord {
    const GIVEN: [&str; 20] = [
        "Amina", "Fatima", "Olena", "Thi Lan", "Maria", "Blessing", "Priya", "Sofia", "Mariam",
        "Ana", "Ivan", "Kofi", "Ahmed", "Tomas", "Daniel", "Leila", "Yusuf", "Grace", "Elena",
        "Samuel",
    ];
    const FAMILY: [&str; 16] = [
        "Haddad",
        "Kovalenko",
        "Okafor",
        "Tran",
        "Garcia",
        "Mensah",
        "Rahman",
        "Popescu",
        "Silva",
        "Nowak",
        "Hussein",
        "Petrov",
        "Diallo",
        "Santos",
        "Ali",
        "Chen",
    ];
    IdentityRecord::from([
        (
            IdentityField::GivenName,
            GIVEN[rng.gen_range(0..GIVEN.len())].to_string(),
        ),
        (
            IdentityField::FamilyName,
            FAMILY[rng.gen_range(0..FAMILY.len())].to_string(),
        ),
        (
            IdentityField::Phone,
            format!(
                "+999 {} {:04}",
                rng.gen_range(100..999),
                rng.gen_range(0..10_000)
            ),
        ),
    ])
}
