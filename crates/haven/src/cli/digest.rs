//! `haven digest --user USERNAME`: a user's daily digest as plain text — escalated and overdue
//! items, what is due today, referrals waiting for their organisation's answer — for a daily
//! cron job to send on, in the language the user chose in the web application (English until
//! they choose). It only reads, and is safe while the server runs.

use haven_domain::i18n::Localizer;

use super::CliError;
use super::store_args::{StoreArgs, runtime};

#[derive(clap::Args)]
pub struct Args {
    #[command(flatten)]
    store: StoreArgs,
    /// The user whose digest it is: a username or a user id.
    #[arg(long)]
    user: String,
}

pub fn run(args: Args) -> Result<(), CliError> {
    runtime()?.block_on(async move {
        let store = args.store.open().await?;
        let user = store.user(&args.user).await?;
        if user.disabled {
            store.close().await;
            return Err(CliError::Input(format!(
                "--user: {} is disabled and has no digest",
                user.username
            )));
        }
        let principal = store.principal(&user.id).await?;
        let now = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.as_millis() as i64)
            .unwrap_or_default();
        let digest = store.digest(&principal, now).await;
        let language = store.user_language(&user.id).await;
        store.close().await;
        // A language Haven no longer has falls back to English.
        let words = Localizer::new(language?.as_deref().unwrap_or("en"))
            .unwrap_or_else(|_| Localizer::english());
        println!("{}", digest?.text(&words));
        Ok(())
    })
}
