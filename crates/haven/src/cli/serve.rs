//! `haven serve`: the server, until Ctrl-C or SIGTERM, then a graceful shutdown.

use std::net::SocketAddr;

use haven_web::{AppState, WebConfig};

use super::CliError;
use super::store_args::{StoreArgs, runtime};

#[derive(clap::Args)]
pub struct Args {
    #[command(flatten)]
    pub store: StoreArgs,
    /// Address to listen on.
    #[arg(long, env = "HAVEN_LISTEN", default_value = "127.0.0.1:8080")]
    pub listen: SocketAddr,
    /// Haven is behind an HTTPS proxy: secure cookies and HSTS.
    #[arg(long, env = "HAVEN_BEHIND_TLS")]
    pub behind_tls: bool,
    #[command(flatten)]
    pub limits: Limits,
}

/// Limits a deployment may tune.
#[derive(clap::Args, Clone, Copy)]
pub struct Limits {
    /// Sign-in attempts allowed per client address per minute.
    #[arg(long, env = "HAVEN_LOGIN_ATTEMPTS_PER_MINUTE", default_value_t = 20)]
    pub login_attempts_per_minute: u32,
}

pub fn run(args: Args) -> Result<(), CliError> {
    init_logging();
    runtime()?.block_on(async move {
        let store = args.store.open().await?;
        let listener = bind(args.listen).await?;
        println!(
            "Haven is listening on http://{} ({})",
            listener.local_addr().map_err(other)?,
            args.store.describe()
        );
        serve(listener, store, args.behind_tls, args.limits).await
    })
}

pub async fn bind(address: SocketAddr) -> Result<tokio::net::TcpListener, CliError> {
    tokio::net::TcpListener::bind(address)
        .await
        .map_err(|e| CliError::Input(format!("--listen {address}: cannot listen there: {e}")))
}

pub async fn serve(
    listener: tokio::net::TcpListener,
    store: haven_store::Store,
    behind_tls: bool,
    limits: Limits,
) -> Result<(), CliError> {
    let config = WebConfig {
        behind_tls,
        login_attempts_per_minute: limits.login_attempts_per_minute,
    };
    let state = AppState::new(store.clone(), config);
    haven_web::serve(listener, state, shutdown_signal())
        .await
        .map_err(other)?;
    store.close().await;
    tracing::info!("stopped");
    Ok(())
}

/// Structured logs on standard error: `HAVEN_LOG` sets the level (default info),
/// `HAVEN_LOG_FORMAT=json` one JSON object per line. Identifying data is never logged.
pub fn init_logging() {
    let filter = tracing_subscriber::EnvFilter::try_from_env("HAVEN_LOG")
        .unwrap_or_else(|_| "info,sqlx=warn".into());
    let builder = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_ansi(std::io::IsTerminal::is_terminal(&std::io::stderr()))
        .with_writer(std::io::stderr);
    let _ = if std::env::var("HAVEN_LOG_FORMAT").is_ok_and(|f| f == "json") {
        builder.json().try_init()
    } else {
        builder.try_init()
    };
}

async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    let terminate = async {
        if let Ok(mut signal) =
            tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate())
        {
            signal.recv().await;
        }
    };
    tokio::select! {
        () = ctrl_c => {},
        () = terminate => {},
    }
    tracing::info!("shutting down: finishing the requests in flight");
}

fn other(e: std::io::Error) -> CliError {
    CliError::Other(anyhow::Error::new(e))
}
