//! `haven estimate`: multiple systems estimation of the total number of victims from the overlap
//! of several agencies' lists. The contract is documented in docs/estimate.md.

use std::fs::File;
use std::path::PathBuf;

use clap::ValueEnum;
use haven_stats::mse::{
    BootstrapConfig, CaptureData, CaptureHistory, CaptureTable, ConfidenceInterval,
    ConfidenceLevel, Estimation, FitOutcome, InteractionOrder, JointOutcome, ModelSelection,
    PThreshold, Strata, StratumColumn, StratumTerms, bca_interval, estimate, fit_joint,
    profile_interval, read_capture_csv,
};
use serde_json::{Value, json};

use super::CliError;

#[derive(clap::Args)]
pub struct Args {
    /// CSV of capture patterns (0/1 per list, then `count`) or of persons (optional `id`, then 0/1 per list).
    #[arg(required_unless_present = "from_cases", conflicts_with = "from_cases")]
    file: Option<PathBuf>,
    /// Estimate from Haven's own cases instead of a file: only the estimate leaves the server.
    #[arg(long)]
    from_cases: bool,
    /// With --from-cases: what makes a list (the organisation types that identified each person).
    #[arg(long, value_enum, default_value_t = CaseLists::OrgType, requires = "from_cases")]
    lists: CaseLists,
    /// With --from-cases: only people first identified in this year.
    #[arg(long, requires = "from_cases")]
    year: Option<i32>,
    #[command(flatten)]
    store: super::store_args::StoreArgs,
    /// How the log-linear model is chosen.
    #[arg(long, value_enum, default_value_t = Method::StepwiseP)]
    method: Method,
    /// Threshold of the stepwise-p method.
    #[arg(long, default_value_t = 0.02)]
    p_threshold: f64,
    /// Highest interaction order best-bic searches (2 or 3).
    #[arg(long, default_value_t = 2, value_parser = clap::value_parser!(u8).range(2..=3))]
    max_order: u8,
    /// Confidence interval (95 %).
    #[arg(long, value_enum, default_value_t = IntervalMethod::Profile)]
    ci: IntervalMethod,
    /// Bootstrap replicates for `--ci bca`.
    #[arg(long, default_value_t = 1000)]
    bootstrap: usize,
    /// Seed of the bootstrap.
    #[arg(long, default_value_t = 1)]
    seed: u64,
    /// Column that splits the data into strata (default: a column named `stratum`, if any).
    #[arg(long)]
    stratum: Option<String>,
    /// With strata: estimate each separately, or all by one model with stratum terms.
    #[arg(long, value_enum, default_value_t = StrataModel::Separate)]
    strata_model: StrataModel,
    /// Terms each stratum has for itself in the joint model (the others are shared).
    #[arg(long, value_enum, default_value_t = StratumTermsArg::Lists)]
    stratum_terms: StratumTermsArg,
    #[arg(long, value_enum, default_value_t = Format::Json)]
    format: Format,
}

#[derive(Clone, Copy, ValueEnum)]
enum CaseLists {
    /// One list per HTCDS organisation type: independent sources of identification.
    OrgType,
}

#[derive(Clone, Copy, ValueEnum)]
enum Method {
    Main,
    StepwiseAic,
    StepwiseP,
    BestBic,
}

#[derive(Clone, Copy, PartialEq, ValueEnum)]
enum IntervalMethod {
    Profile,
    Bca,
    None,
}

#[derive(Clone, Copy, PartialEq, ValueEnum)]
enum StrataModel {
    Separate,
    Joint,
}

#[derive(Clone, Copy, ValueEnum)]
enum StratumTermsArg {
    /// A stratum main effect only: strata differ in size.
    Size,
    /// Stratum × list main effects: each stratum has its own capture probabilities.
    Lists,
    /// Stratum × every term: the same as separate fits.
    All,
}

impl StratumTermsArg {
    fn terms(self) -> StratumTerms {
        match self {
            StratumTermsArg::Size => StratumTerms::Size,
            StratumTermsArg::Lists => StratumTerms::ListMainEffects,
            StratumTermsArg::All => StratumTerms::AllTerms,
        }
    }

    fn name(self) -> &'static str {
        match self {
            StratumTermsArg::Size => "size",
            StratumTermsArg::Lists => "lists",
            StratumTermsArg::All => "all",
        }
    }
}

#[derive(Clone, Copy, ValueEnum)]
enum Format {
    Json,
    Text,
}

pub fn run(args: Args) -> Result<(), CliError> {
    let selection = selection(&args)?;
    let data = match &args.file {
        Some(path) => {
            let file = File::open(path)
                .map_err(|e| CliError::Input(format!("{}: {e}", path.display())))?;
            let stratum = args
                .stratum
                .as_deref()
                .map_or(StratumColumn::IfPresent, StratumColumn::Named);
            read_capture_csv(file, stratum)
                .map_err(|e| CliError::Input(format!("{}: {e}", path.display())))?
        }
        None => from_cases(&args)?,
    };

    let report = match args.strata_model {
        StrataModel::Separate => analyse_separately(&data, selection, &args)?,
        StrataModel::Joint => analyse_jointly(data, selection, &args)?,
    };
    match args.format {
        Format::Json => println!("{}", report.to_json()),
        Format::Text => print!("{}", report.to_text()),
    }
    Ok(())
}

/// The capture patterns of Haven's own cases, aggregated in the store.
fn from_cases(args: &Args) -> Result<CaptureData, CliError> {
    let CaseLists::OrgType = args.lists;
    let patterns = super::store_args::runtime()?.block_on(async {
        let store = args.store.open().await?;
        let patterns = store.capture_patterns_by_org_type(args.year).await?;
        store.close().await;
        Ok::<_, CliError>(patterns)
    })?;
    let period = args
        .year
        .map_or(String::new(), |y| format!(" first identified in {y}"));
    if patterns.lists.len() < 2 {
        return Err(CliError::Input(format!(
            "--from-cases: the people{period} were identified by {} kind(s) of organisation; estimation needs at least 2 lists",
            patterns.lists.len()
        )));
    }
    let histories = patterns
        .counts
        .iter()
        .map(|(bits, count)| (CaptureHistory::from_bits(*bits), *count));
    let pooled =
        CaptureTable::new(patterns.lists, histories).map_err(|e| CliError::Input(e.to_string()))?;
    Ok(CaptureData {
        pooled,
        strata: Vec::new(),
    })
}

fn analyse_separately(
    data: &CaptureData,
    selection: ModelSelection,
    args: &Args,
) -> Result<Report, CliError> {
    let mut report = analyse(&data.pooled, selection, args)?;
    let strata = data
        .strata
        .iter()
        .map(|(name, table)| {
            let mut stratum = analyse(table, selection, args)?;
            stratum.name = Some(name.clone());
            Ok(stratum)
        })
        .collect::<Result<Vec<_>, CliError>>()?;
    if !strata.is_empty() {
        report.strata = StrataReport::Separate(strata);
    }
    Ok(report)
}

/// The list model is chosen on the pooled table by `selection`; the joint model adds the
/// stratum terms to it and is fitted to all strata at once.
fn analyse_jointly(
    data: CaptureData,
    selection: ModelSelection,
    args: &Args,
) -> Result<Report, CliError> {
    if args.ci == IntervalMethod::Bca {
        return Err(CliError::Input(
            "--ci bca is available with --strata-model separate only; use --ci profile".into(),
        ));
    }
    let strata = Strata::new(data.strata).map_err(|_| {
        CliError::Input(
            "--strata-model joint needs a stratum column (`stratum`, or --stratum COLUMN)".into(),
        )
    })?;
    let pooled = &data.pooled;
    let model = estimate(pooled, selection)
        .map_err(|e| CliError::Input(e.to_string()))?
        .model;
    let outcome = fit_joint(&strata, &model, args.stratum_terms.terms());
    let level = ConfidenceLevel::NINETY_FIVE;
    let profile = args.ci == IntervalMethod::Profile;
    let name = |lists: u32| pooled.term_name(lists);
    let (result, empty_terms, by_stratum) = match &outcome {
        JointOutcome::Fitted(fit) => {
            let empty_terms = fit
                .empty_terms()
                .iter()
                .map(|e| match e.stratum {
                    Some(s) => format!(
                        "stratum {}: {}",
                        strata.name(s),
                        name(e.interaction.lists())
                    ),
                    None => name(e.interaction.lists()),
                })
                .collect();
            let by_stratum = (0..strata.count())
                .map(|s| JointStratum {
                    name: strata.name(s).to_owned(),
                    observed: fit.stratum_observed(s),
                    estimate: Some(fit.stratum_estimate(s)),
                    interval: profile.then(|| fit.stratum_profile_interval(s, level)),
                })
                .collect();
            let fitted = Fitted {
                estimate: fit.population_estimate(),
                interval: profile.then(|| (fit.profile_interval(level), "profile")),
                deviance: fit.deviance(),
                aic: fit.aic(),
                bic: fit.bic(),
            };
            (Ok(fitted), empty_terms, by_stratum)
        }
        JointOutcome::MleDoesNotExist | JointOutcome::NotIdentifiable => {
            let status = if matches!(outcome, JointOutcome::NotIdentifiable) {
                "not_identifiable"
            } else {
                "mle_does_not_exist"
            };
            let by_stratum = (0..strata.count())
                .map(|s| JointStratum {
                    name: strata.name(s).to_owned(),
                    observed: strata.table(s).observed(),
                    estimate: None,
                    interval: None,
                })
                .collect();
            (Err(status), Vec::new(), by_stratum)
        }
    };
    Ok(Report {
        name: None,
        lists: pooled.lists().to_vec(),
        observed: pooled.observed(),
        model: model.interactions().map(|t| name(t.lists())).collect(),
        empty_terms,
        result,
        strata: StrataReport::Joint {
            terms: args.stratum_terms.name(),
            strata: by_stratum,
        },
    })
}

fn selection(args: &Args) -> Result<ModelSelection, CliError> {
    Ok(match args.method {
        Method::Main => ModelSelection::MainEffects,
        Method::StepwiseAic => ModelSelection::StepwiseAic,
        Method::StepwiseP => {
            ModelSelection::StepwiseP(PThreshold::new(args.p_threshold).ok_or_else(|| {
                CliError::Input(format!(
                    "--p-threshold {} must be between 0 and 1",
                    args.p_threshold
                ))
            })?)
        }
        Method::BestBic => ModelSelection::BestBic(if args.max_order == 3 {
            InteractionOrder::Three
        } else {
            InteractionOrder::Two
        }),
    })
}

/// One estimate, for the whole data or one stratum.
struct Report {
    name: Option<String>,
    lists: Vec<String>,
    observed: u64,
    model: Vec<String>,
    empty_terms: Vec<String>,
    result: Result<Fitted, &'static str>,
    strata: StrataReport,
}

enum StrataReport {
    None,
    Separate(Vec<Report>),
    /// The strata's shares of one joint model, whose total the report itself holds.
    Joint {
        terms: &'static str,
        strata: Vec<JointStratum>,
    },
}

struct JointStratum {
    name: String,
    observed: u64,
    /// `None` when the joint model could not be fitted.
    estimate: Option<f64>,
    interval: Option<ConfidenceInterval>,
}

struct Fitted {
    estimate: f64,
    interval: Option<(ConfidenceInterval, &'static str)>,
    deviance: f64,
    aic: f64,
    bic: f64,
}

fn analyse(
    table: &CaptureTable,
    selection: ModelSelection,
    args: &Args,
) -> Result<Report, CliError> {
    let Estimation { model, outcome, .. } =
        estimate(table, selection).map_err(|e| CliError::Input(e.to_string()))?;
    let name = |lists: u32| table.term_name(lists);
    let result = match &outcome {
        FitOutcome::Fitted(fit) => {
            let estimate = fit.population_estimate();
            let interval = match args.ci {
                IntervalMethod::None => None,
                IntervalMethod::Profile => Some((
                    profile_interval(fit, ConfidenceLevel::NINETY_FIVE),
                    "profile",
                )),
                IntervalMethod::Bca => {
                    let config = BootstrapConfig {
                        replicates: args.bootstrap,
                        seed: args.seed,
                        level: ConfidenceLevel::NINETY_FIVE,
                        show_progress: true,
                    };
                    let bca = bca_interval(table, selection, estimate, config)
                        .map_err(|e| CliError::Input(format!("--ci bca: {e}")))?;
                    Some((bca.interval, "bca"))
                }
            };
            Ok(Fitted {
                estimate,
                interval,
                deviance: fit.deviance(),
                aic: fit.aic(),
                bic: fit.bic(),
            })
        }
        FitOutcome::MleDoesNotExist => Err("mle_does_not_exist"),
        FitOutcome::NotIdentifiable => Err("not_identifiable"),
    };
    Ok(Report {
        name: None,
        lists: table.lists().to_vec(),
        observed: table.observed(),
        model: model.interactions().map(|t| name(t.lists())).collect(),
        empty_terms: outcome.fitted().map_or_else(Vec::new, |f| {
            f.empty_terms().iter().map(|t| name(t.lists())).collect()
        }),
        result,
        strata: StrataReport::None,
    })
}

impl Report {
    fn to_json(&self) -> Value {
        let (estimate, ci, ci_method, status, fit) = match &self.result {
            Ok(fitted) => (
                json!(fitted.estimate),
                fitted.interval.map_or(Value::Null, |(ci, _)| {
                    json!([ci.lower, finite_or_null(ci.upper)])
                }),
                fitted
                    .interval
                    .map_or(json!("none"), |(_, method)| json!(method)),
                "ok",
                json!({"deviance": fitted.deviance, "aic": fitted.aic, "bic": fitted.bic}),
            ),
            Err(status) => (
                Value::Null,
                Value::Null,
                json!("none"),
                *status,
                Value::Null,
            ),
        };
        let mut object = json!({
            "observed": self.observed,
            "estimate": estimate,
            "ci": ci,
            "ci_method": ci_method,
            "model": self.model,
            "empty_terms": self.empty_terms,
            "lists": self.lists,
            "status": status,
            "fit": fit,
        });
        if let Some(name) = &self.name {
            object["stratum"] = json!(name);
        }
        match &self.strata {
            StrataReport::None => {}
            StrataReport::Separate(strata) => {
                object["strata_model"] = json!("separate");
                object["strata"] = strata.iter().map(Report::to_json).collect();
            }
            StrataReport::Joint { terms, strata } => {
                object["strata_model"] = json!("joint");
                object["stratum_terms"] = json!(terms);
                object["strata"] = strata.iter().map(JointStratum::to_json).collect();
            }
        }
        object
    }

    fn to_text(&self) -> String {
        let mut text = String::new();
        let heading = self
            .name
            .as_ref()
            .map_or("Multiple systems estimate".to_owned(), |n| {
                format!("Stratum {n}")
            });
        text.push_str(&format!("{heading}\n"));
        text.push_str(&format!(
            "Lists: {} ({} cases found on at least one)\n",
            self.lists.join(", "),
            self.observed
        ));
        let model = if self.model.is_empty() {
            "main effects only".to_owned()
        } else {
            self.model.join(", ")
        };
        text.push_str(&format!("Model: {model}\n"));
        if !self.empty_terms.is_empty() {
            text.push_str(&format!(
                "Lists sharing no case (their cells are fixed at zero): {}\n",
                self.empty_terms.join(", ")
            ));
        }
        match &self.result {
            Ok(fitted) => {
                text.push_str(&format!("Estimated total: {:.0}\n", fitted.estimate));
                if let Some((ci, method)) = fitted.interval {
                    let upper = if ci.upper.is_finite() {
                        format!("{:.0}", ci.upper)
                    } else {
                        "no upper limit".into()
                    };
                    let how = if method == "bca" {
                        "BCa bootstrap, which also allows for the choice of model"
                    } else {
                        "profile likelihood, given the chosen model"
                    };
                    text.push_str(&format!(
                        "95% interval: {:.0} to {upper} ({how})\n",
                        ci.lower
                    ));
                    text.push_str(
                        "The interval is the range of totals consistent with the data: with intervals made this \
                         way, 95 in 100 would contain the true number if the model's assumptions hold.\n",
                    );
                }
                text.push_str(
                    "Caveats: the estimate assumes a closed population over the period, cases matched \
                     correctly across lists, and dependence between lists captured by the model. Victims \
                     no list could ever reach are not counted. Treat it as an order of magnitude.\n",
                );
            }
            Err(status) => {
                let why = if *status == "not_identifiable" {
                    "the data cannot tell apart several values of the model's parameters"
                } else {
                    "the overlaps between the lists are too sparse for this model to give a finite estimate"
                };
                text.push_str(&format!(
                    "No estimate: {why} ({status}). Try another method or fewer lists.\n"
                ));
            }
        }
        match &self.strata {
            StrataReport::None => {}
            StrataReport::Separate(strata) => {
                for stratum in strata {
                    text.push('\n');
                    text.push_str(&stratum.to_text());
                }
            }
            StrataReport::Joint { terms, strata } => {
                text.push_str(&format!(
                    "\nStrata, from one model over all of them (stratum terms: {terms}):\n"
                ));
                for stratum in strata {
                    text.push_str(&stratum.to_text());
                }
            }
        }
        text
    }
}

impl JointStratum {
    fn to_json(&self) -> Value {
        json!({
            "observed": self.observed,
            "estimate": self.estimate,
            "ci": self.interval.map_or(Value::Null, |ci| json!([ci.lower, finite_or_null(ci.upper)])),
            "ci_method": if self.interval.is_some() { "profile" } else { "none" },
            "stratum": self.name,
        })
    }

    fn to_text(&self) -> String {
        let Some(estimate) = self.estimate else {
            return format!("  {}: {} found, no estimate\n", self.name, self.observed);
        };
        let interval = self.interval.map_or_else(String::new, |ci| {
            let upper = if ci.upper.is_finite() {
                format!("{:.0}", ci.upper)
            } else {
                "no upper limit".into()
            };
            format!(" (95% interval {:.0} to {upper})", ci.lower)
        });
        format!(
            "  {}: {} found, estimated total {estimate:.0}{interval}\n",
            self.name, self.observed
        )
    }
}

fn finite_or_null(value: f64) -> Value {
    if value.is_finite() {
        json!(value)
    } else {
        Value::Null
    }
}
