//! The embedded catalogue loads, stays consistent, and refuses profiles that break Haven's
//! principles.

use haven_domain::identification::Catalogue;
use haven_domain::identification::catalogue::EMBEDDED_CATALOGUE;

fn refused(from: &str, to: &str) -> String {
    assert!(
        EMBEDDED_CATALOGUE.contains(from),
        "the catalogue no longer holds {from:?}"
    );
    let changed = EMBEDDED_CATALOGUE.replacen(from, to, 1);
    Catalogue::from_toml(&changed)
        .expect_err("the changed catalogue must be refused")
        .to_string()
}

#[test]
fn the_embedded_catalogue_loads_with_both_profiles_default_first() {
    let catalogue = Catalogue::embedded();
    let ids: Vec<&str> = catalogue.profiles.iter().map(|p| p.id.as_str()).collect();
    assert_eq!(ids, ["palermo", "eu2024"]);
    assert_eq!(catalogue.indicators.len(), 68);
    assert_eq!(catalogue.child_age_threshold, 18);
}

#[test]
fn list_counts_match_the_catalogue_totals() {
    let raw: toml::Value = toml::from_str(EMBEDDED_CATALOGUE).unwrap();
    let catalogue = Catalogue::embedded();
    for list in haven_domain::identification::catalogue::IloListId::ALL {
        let counts = &raw["ilo"]["lists"][list.id()]["counts"];
        let on_list = catalogue
            .indicators
            .iter()
            .filter(|i| i.weight(list).is_some())
            .count();
        assert_eq!(
            on_list as i64,
            counts["total"].as_integer().unwrap(),
            "list {}",
            list.id()
        );
    }
}

#[test]
fn each_profile_recognises_exactly_the_purposes_the_purposes_say_it_does() {
    let raw: toml::Value = toml::from_str(EMBEDDED_CATALOGUE).unwrap();
    for profile in &Catalogue::embedded().profiles {
        for purpose in raw["palermo"]["purposes"].as_array().unwrap() {
            let id = purpose["id"].as_str().unwrap();
            let recognition = purpose["recognised"][profile.id.as_str()].as_str().unwrap();
            let own = matches!(recognition, "core" | "explicit");
            assert_eq!(
                profile.recognised_purposes.contains(id),
                own,
                "{} / {id}",
                profile.id
            );
        }
    }
}

#[test]
fn ids_the_engine_names_in_code_exist_in_the_catalogue() {
    let catalogue = Catalogue::embedded();
    for id in ["CR.violence_on_victim", "CD.violence_on_victim"] {
        assert!(catalogue.indicator(id).is_some(), "{id}");
    }
    let purposes = [
        "sexual_exploitation",
        "removal_of_organs",
        "child_soldiering",
    ];
    for id in purposes
        .iter()
        .chain(haven_domain::identification::ilo::WORST_FORMS_OF_CHILD_LABOUR.iter())
    {
        assert!(catalogue.purpose(id).is_some(), "{id}");
    }
    assert!(catalogue.mean("giving_or_receiving_payments").is_some());
    assert!(catalogue.act("transfer").is_some());
}

#[test]
fn a_profile_that_conditions_assistance_on_cooperation_is_refused() {
    let error = refused(
        "assistance_conditional_on_cooperation = false\n",
        "assistance_conditional_on_cooperation = true\n",
    );
    assert!(
        error.contains("never conditional on cooperation"),
        "{error}"
    );
}

#[test]
fn a_reflection_period_under_thirty_days_is_refused() {
    let error = refused("reflection_period_days = 30", "reflection_period_days = 14");
    assert!(error.contains("under the minimum of 30"), "{error}");
}

#[test]
fn a_routing_rule_without_an_implementation_is_refused() {
    let error = refused("id = \"medical\"", "id = \"medical_v2\"");
    assert!(
        error.contains("medical_v2") && error.contains("no implementation"),
        "{error}"
    );
}

#[test]
fn an_unknown_routing_code_is_refused() {
    let error = refused("add = [\"MEDICAL\"]", "add = [\"MEDICINE\"]");
    assert!(error.contains("MEDICINE"), "{error}");
}

#[test]
fn a_country_adds_a_profile_without_code() {
    let national = format!(
        "{EMBEDDED_CATALOGUE}\n[profiles.national]\nlabel = \"A national law\"\nchild_age_threshold = 18\n\
         means_required_for_children = false\nrecognised_purposes = [\"sexual_exploitation\", \"forced_labour_or_services\", \"forced_begging\"]\n\
         reflection_period_days = 45\nassistance_conditional_on_cooperation = false\n"
    );
    let catalogue = Catalogue::from_toml(&national).unwrap();
    let profile = catalogue
        .profile("national")
        .expect("the new profile is loaded");
    assert_eq!(profile.reflection_period_days, 45);
    assert!(profile.recognised_purposes.contains("forced_begging"));
}

#[test]
fn malformed_toml_is_refused_with_a_message() {
    let error = Catalogue::from_toml("[profiles.x\n")
        .unwrap_err()
        .to_string();
    assert!(error.contains("not valid TOML"), "{error}");
}
