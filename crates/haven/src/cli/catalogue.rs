//! `haven catalogue [SECTION]`: the stable ids a screening file may use, with their labels.

use clap::ValueEnum;
use haven_domain::identification::Catalogue;
use haven_domain::identification::catalogue::CatalogueEntry;

use super::CliError;

#[derive(clap::Args)]
pub struct Args {
    /// Which ids to list; all sections when left out.
    #[arg(value_enum)]
    section: Option<Section>,
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum Section {
    Acts,
    Means,
    Purposes,
    Indicators,
    Offences,
    Risk,
    Profiles,
}

pub fn run(args: Args) -> Result<(), CliError> {
    let catalogue = Catalogue::embedded();
    let sections = match args.section {
        Some(section) => vec![section],
        None => Section::value_variants().to_vec(),
    };
    for section in sections {
        let name = section
            .to_possible_value()
            .expect("every section has a name")
            .get_name()
            .to_string();
        println!("# {name}");
        for (id, label) in rows(catalogue, section) {
            println!("{id}\t{label}");
        }
        println!();
    }
    Ok(())
}

fn rows<'a>(catalogue: &'a Catalogue, section: Section) -> Vec<(&'a str, &'a str)> {
    let entries = |list: &'a [CatalogueEntry]| {
        list.iter()
            .map(|e| (e.id.as_str(), e.label.as_str()))
            .collect()
    };
    match section {
        Section::Acts => entries(&catalogue.acts),
        Section::Means => entries(&catalogue.means),
        Section::Offences => entries(&catalogue.offences),
        Section::Risk => entries(&catalogue.risks),
        Section::Purposes => catalogue
            .purposes
            .iter()
            .map(|p| (p.entry.id.as_str(), p.entry.label.as_str()))
            .collect(),
        Section::Indicators => catalogue
            .indicators
            .iter()
            .map(|i| (i.id.as_str(), i.label.as_str()))
            .collect(),
        Section::Profiles => catalogue
            .profiles
            .iter()
            .map(|p| (p.id.as_str(), p.label.as_str()))
            .collect(),
    }
}
