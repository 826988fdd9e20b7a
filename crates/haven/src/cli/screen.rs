//! `haven screen FILE.json|DIR|-`: the identification engine on the command line.

use std::io::Read;
use std::path::{Path, PathBuf};

use clap::ValueEnum;
use haven_domain::i18n::Localizer;
use haven_domain::identification::{Catalogue, ScreeningInput, ScreeningReport, screen};
use serde_json::Value;

use super::CliError;

#[derive(clap::Args)]
pub struct Args {
    /// A screening file (the input object, or an object with an `input` key), a directory of
    /// them (every *.json file, one JSON line each), or `-` for standard input.
    path: PathBuf,
    /// `json` for tools, `text` for a person to read.
    #[arg(long, value_enum, default_value_t = Format::Json)]
    format: Format,
    /// Language of the explanations.
    #[arg(long, default_value = "en")]
    lang: String,
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum Format {
    Json,
    Text,
}

pub fn run(args: Args) -> Result<(), CliError> {
    let localizer =
        Localizer::new(&args.lang).map_err(|e| CliError::Input(format!("--lang: {e}")))?;
    let catalogue = Catalogue::embedded();
    if args.path.as_os_str() == "-" {
        let mut text = String::new();
        std::io::stdin()
            .read_to_string(&mut text)
            .map_err(|e| CliError::Input(format!("-: cannot read standard input: {e}")))?;
        let report = screen_text("-", &text, catalogue, &localizer)?;
        return print(&report, None, args.format, &localizer);
    }
    if args.path.is_dir() {
        return screen_directory(&args.path, args.format, catalogue, &localizer);
    }
    let report = screen_file(&args.path, catalogue, &localizer)?;
    print(&report, None, args.format, &localizer)
}

/// Screens every *.json file of a directory in name order. Files with bad input are reported on
/// standard error, one line each, and the others are still screened.
fn screen_directory(
    dir: &Path,
    format: Format,
    catalogue: &Catalogue,
    localizer: &Localizer,
) -> Result<(), CliError> {
    let entries = std::fs::read_dir(dir)
        .map_err(|e| CliError::Input(format!("{}: cannot read directory: {e}", dir.display())))?;
    let mut files: Vec<PathBuf> = entries
        .filter_map(|entry| entry.ok().map(|e| e.path()))
        .filter(|path| path.is_file() && path.extension().is_some_and(|ext| ext == "json"))
        .collect();
    files.sort();
    if files.is_empty() {
        return Err(CliError::Input(format!(
            "{}: no *.json screening files in this directory",
            dir.display()
        )));
    }
    let mut errors = Vec::new();
    for file in &files {
        match screen_file(file, catalogue, localizer) {
            Ok(report) => print(&report, Some(file), format, localizer)?,
            Err(error) => errors.push(error),
        }
    }
    let last = errors.pop();
    for error in errors {
        eprintln!("error: {error}");
    }
    last.map_or(Ok(()), Err)
}

fn screen_file(
    path: &Path,
    catalogue: &Catalogue,
    localizer: &Localizer,
) -> Result<ScreeningReport, CliError> {
    let label = path.display().to_string();
    let text = std::fs::read_to_string(path)
        .map_err(|e| CliError::Input(format!("{label}: cannot read: {e}")))?;
    screen_text(&label, &text, catalogue, localizer)
}

fn screen_text(
    label: &str,
    text: &str,
    catalogue: &Catalogue,
    localizer: &Localizer,
) -> Result<ScreeningReport, CliError> {
    let input = ScreeningInput::from_json_text(text, catalogue)
        .map_err(|e| CliError::Input(format!("{label}: {e}")))?;
    Ok(ScreeningReport::new(
        &screen(catalogue, &input.facts),
        localizer,
    ))
}

fn print(
    report: &ScreeningReport,
    file: Option<&Path>,
    format: Format,
    localizer: &Localizer,
) -> Result<(), CliError> {
    match format {
        Format::Json => {
            let mut value = serde_json::to_value(report).map_err(anyhow::Error::from)?;
            if let (Some(file), Value::Object(object)) = (file, &mut value) {
                object.insert("file".into(), Value::from(file.display().to_string()));
                println!("{value}");
            } else {
                println!(
                    "{}",
                    serde_json::to_string_pretty(&value).map_err(anyhow::Error::from)?
                );
            }
        }
        Format::Text => {
            if let Some(file) = file {
                println!("== {} ==", file.display());
            }
            println!("{}", report.to_text(localizer));
        }
    }
    Ok(())
}
