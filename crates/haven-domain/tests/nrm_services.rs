//! Matching a person's needs to the service directory: every reason a service is not eligible,
//! or worth knowing about, in words; the presumption of minority; preferences honoured; and the
//! ranking, in a stable order.

mod nrm;

use std::collections::BTreeSet;

use haven_domain::access::Role;
use haven_domain::case::{
    AgeGroup, AgeRange, Capacity, CaseError, Eligibility, GendersServed, MatchReason, Needs,
    PersonAge, Preferences, Service, ServiceKind, ServiceMatch, What, match_services,
};
use haven_domain::htcds::Gender;
use haven_domain::i18n::Localizer;
use nrm::{History, generic};

/// A service everyone is eligible for, in the north, with staff of both genders who speak
/// English and Arabic; each test changes what it is about.
fn service(id: &str, kind: ServiceKind) -> Service {
    Service {
        id: id.into(),
        provider: format!("org-{id}").as_str().into(),
        name: format!("Service {id}"),
        kind,
        eligibility: Eligibility {
            genders: GendersServed::Everyone,
            ages: AgeRange::ANY,
            women_only: false,
            child_friendly: true,
            languages: ["en".to_string(), "ar".to_string()].into(),
            disability_access: true,
        },
        staff_genders: [Gender::Feminine, Gender::Masculine].into(),
        location: "north".into(),
        capacity: None,
    }
}

/// A woman of 30 in the north who speaks Arabic and needs every kind of service.
fn woman() -> Needs {
    Needs {
        services: ServiceKind::ALL.into_iter().collect(),
        gender: Gender::Feminine,
        age: PersonAge::Years(30),
        language: Some("ar".into()),
        disability_access: false,
        location: Some("north".into()),
        preferences: Preferences::default(),
    }
}

fn man() -> Needs {
    Needs {
        gender: Gender::Masculine,
        ..woman()
    }
}

fn child(age: PersonAge) -> Needs {
    Needs {
        gender: Gender::Masculine,
        age,
        ..woman()
    }
}

fn one(needs: &Needs, service: Service) -> ServiceMatch {
    let mut matches = match_services(needs, [&service]);
    assert_eq!(matches.len(), 1);
    matches.remove(0)
}

/// The reasons in words, and whether the service is eligible.
fn explain(needs: &Needs, service: Service) -> (bool, Vec<String>) {
    let m = one(needs, service);
    let en = Localizer::english();
    let words = m
        .reasons
        .iter()
        .map(|r| en.render(&r.message(m.service.kind)))
        .collect();
    (m.eligible, words)
}

fn ineligible(needs: &Needs, service: Service, reason: &str) {
    assert_eq!(explain(needs, service), (false, vec![reason.to_string()]));
}

fn eligible_noting(needs: &Needs, service: Service, note: &str) {
    assert_eq!(explain(needs, service), (true, vec![note.to_string()]));
}

fn ages(min: Option<u8>, max: Option<u8>) -> AgeRange {
    AgeRange::new(min, max).unwrap()
}

#[test]
fn a_service_that_fits_has_no_reasons() {
    let m = one(&woman(), service("s", ServiceKind::Shelter));
    assert!(m.eligible && m.reasons.is_empty());
    assert_eq!(m.rank, 1);
}

#[test]
fn a_service_for_other_genders() {
    let mut s = service("s", ServiceKind::Psychosocial);
    s.eligibility.genders = GendersServed::Only([Gender::Feminine].into());
    ineligible(&man(), s.clone(), "does not serve men and boys");
    assert!(one(&woman(), s).eligible);
}

#[test]
fn a_women_only_shelter_is_not_for_adult_men_but_is_for_a_boy() {
    let mut s = service("s", ServiceKind::Shelter);
    s.eligibility.women_only = true;
    ineligible(
        &man(),
        s.clone(),
        "women-only shelter; adult men not eligible",
    );
    assert_eq!(
        one(&man(), s.clone()).reasons,
        [MatchReason::WomenOnly {
            gender: Gender::Masculine
        }]
    );
    let trans_woman = Needs {
        gender: Gender::TransgenderFeminine,
        ..woman()
    };
    assert!(one(&trans_woman, s.clone()).eligible);
    assert!(one(&child(PersonAge::Years(9)), s).eligible);
}

#[test]
fn a_person_who_asked_for_women_only_services_is_not_offered_mixed_ones() {
    let needs = Needs {
        preferences: Preferences {
            women_only_services: true,
            ..Preferences::default()
        },
        ..woman()
    };
    ineligible(
        &needs,
        service("mixed", ServiceKind::Shelter),
        "not women-only; the person asked for women-only services",
    );
    let mut women_only = service("women", ServiceKind::Shelter);
    women_only.eligibility.women_only = true;
    let m = one(&needs, women_only);
    assert!(m.eligible);
    assert_eq!(m.preferences_honoured, 1);
}

#[test]
fn an_adults_service_does_not_serve_children_nor_a_presumed_child() {
    let mut s = service("s", ServiceKind::Shelter);
    s.eligibility.ages = ages(Some(18), None);
    for age in [
        PersonAge::Years(15),
        PersonAge::Group(AgeGroup::Child),
        // Age unknown, a child suspected: the presumption of minority.
        PersonAge::Unknown {
            child_suspected: true,
        },
    ] {
        ineligible(&child(age), s.clone(), "does not serve children");
    }
    assert!(
        one(
            &child(PersonAge::Unknown {
                child_suspected: false
            }),
            s.clone()
        )
        .eligible
    );
    assert!(one(&child(PersonAge::Years(18)), s).eligible);
}

#[test]
fn a_childrens_service_does_not_serve_adults() {
    let mut s = service("s", ServiceKind::Education);
    s.eligibility.ages = ages(None, Some(17));
    ineligible(&woman(), s.clone(), "does not serve adults");
    ineligible(
        &child(PersonAge::Group(AgeGroup::Adult)),
        s.clone(),
        "does not serve adults",
    );
    assert!(
        one(
            &child(PersonAge::Unknown {
                child_suspected: true
            }),
            s
        )
        .eligible
    );
}

#[test]
fn an_age_outside_a_narrower_range_says_the_range() {
    let mut s = service("s", ServiceKind::Education);
    s.eligibility.ages = ages(Some(6), Some(12));
    ineligible(
        &child(PersonAge::Years(15)),
        s.clone(),
        "serves ages 6 to 12",
    );
    // Only the group known: some children are 6 to 12, so a child is not refused.
    assert!(one(&child(PersonAge::Group(AgeGroup::Child)), s).eligible);
    let mut s = service("s", ServiceKind::Vocational);
    s.eligibility.ages = ages(Some(14), None);
    ineligible(
        &child(PersonAge::Years(12)),
        s.clone(),
        "serves ages 14 and over",
    );
    s.eligibility.ages = ages(None, Some(12));
    ineligible(&child(PersonAge::Years(15)), s, "serves ages up to 12");
}

#[test]
fn a_child_needs_a_child_friendly_service() {
    let mut s = service("s", ServiceKind::Medical);
    s.eligibility.child_friendly = false;
    ineligible(
        &child(PersonAge::Unknown {
            child_suspected: true,
        }),
        s.clone(),
        "not child-friendly; a child needs a child-friendly service",
    );
    assert!(one(&woman(), s).eligible);
}

#[test]
fn disability_access_when_needed() {
    let mut s = service("s", ServiceKind::Shelter);
    s.eligibility.disability_access = false;
    let needs = Needs {
        disability_access: true,
        ..woman()
    };
    ineligible(&needs, s.clone(), "no disability access");
    assert!(one(&woman(), s).eligible);
}

#[test]
fn a_full_service_has_no_places_free() {
    let mut s = service("s", ServiceKind::Shelter);
    s.capacity = Capacity::new(12, 0);
    ineligible(&woman(), s.clone(), "no places free");
    s.capacity = Capacity::new(12, 1);
    assert!(one(&woman(), s).eligible);
}

#[test]
fn another_language_needs_an_interpreter_but_an_interpreter_must_speak_it() {
    let mut s = service("s", ServiceKind::LegalAid);
    s.eligibility.languages = ["en".to_string()].into();
    eligible_noting(&woman(), s, "does not speak ar; an interpreter is needed");
    let mut interpreters = service("i", ServiceKind::Interpretation);
    interpreters.eligibility.languages = ["fa".to_string(), "ps".to_string()].into();
    ineligible(&woman(), interpreters, "does not interpret ar");
    // Languages compare by their primary subtag.
    let needs = Needs {
        language: Some("ar-SY".into()),
        ..woman()
    };
    assert!(
        one(&needs, service("s", ServiceKind::LegalAid))
            .reasons
            .is_empty()
    );
}

#[test]
fn a_service_elsewhere_is_noted() {
    let mut s = service("s", ServiceKind::Repatriation);
    s.location = "south".into();
    eligible_noting(&woman(), s, "in south, away from where the person is");
}

#[test]
fn staff_of_the_gender_the_person_prefers() {
    let needs = Needs {
        preferences: Preferences {
            caseworker_gender: Some(Gender::Feminine),
            interpreter_gender: Some(Gender::Feminine),
            women_only_services: false,
        },
        ..woman()
    };
    let mut s = service("s", ServiceKind::Psychosocial);
    s.staff_genders = [Gender::Masculine].into();
    eligible_noting(
        &needs,
        s.clone(),
        "no caseworker who is a woman, as the person prefers",
    );
    assert_eq!(one(&needs, s).preferences_honoured, 0);
    let mut i = service("i", ServiceKind::Interpretation);
    i.staff_genders = [Gender::Masculine].into();
    eligible_noting(
        &needs,
        i,
        "no interpreter who is a woman, as the person prefers",
    );
    let both = service("b", ServiceKind::Interpretation);
    assert_eq!(one(&needs, both).preferences_honoured, 1);
}

#[test]
fn several_reasons_are_all_given() {
    let mut s = service("s", ServiceKind::Shelter);
    s.eligibility.women_only = true;
    s.eligibility.ages = ages(Some(18), None);
    s.capacity = Capacity::new(8, 0);
    s.location = "east".into();
    let m = one(&child(PersonAge::Years(16)), s);
    assert!(!m.eligible);
    // A boy is not refused as a man by a women-only shelter, but by its age range.
    assert_eq!(
        m.reasons,
        [
            MatchReason::DoesNotServeChildren,
            MatchReason::NoPlacesFree,
            MatchReason::OtherLocation {
                location: "east".into()
            },
        ]
    );
}

#[test]
fn only_services_of_a_needed_kind_are_matched() {
    let needs = Needs {
        services: [ServiceKind::Shelter, ServiceKind::LegalAid].into(),
        ..woman()
    };
    let directory = [
        service("a", ServiceKind::Medical),
        service("b", ServiceKind::LegalAid),
        service("c", ServiceKind::Shelter),
    ];
    let kinds: BTreeSet<ServiceKind> = match_services(&needs, &directory)
        .iter()
        .map(|m| m.service.kind)
        .collect();
    assert_eq!(kinds, needs.services);
}

#[test]
fn the_ranking_puts_eligible_first_then_preferences_language_location_and_places() {
    let needs = Needs {
        services: [ServiceKind::Shelter].into(),
        preferences: Preferences {
            caseworker_gender: Some(Gender::Feminine),
            women_only_services: false,
            interpreter_gender: None,
        },
        ..woman()
    };
    let shelter = |id: &str, edit: &dyn Fn(&mut Service)| {
        let mut s = service(id, ServiceKind::Shelter);
        s.capacity = Capacity::new(10, 5);
        edit(&mut s);
        s
    };
    let directory = [
        shelter("full", &|s| s.capacity = Capacity::new(10, 0)),
        shelter("men-staff", &|s| {
            s.staff_genders = [Gender::Masculine].into()
        }),
        shelter("english", &|s| {
            s.eligibility.languages = ["en".into()].into()
        }),
        shelter("south", &|s| s.location = "south".into()),
        shelter("few-places", &|s| s.capacity = Capacity::new(10, 1)),
        shelter("no-limit", &|s| s.capacity = None),
        shelter("best", &|_| {}),
        shelter("also-best", &|_| {}),
    ];
    let matches = match_services(&needs, &directory);
    let order: Vec<(usize, &str)> = matches
        .iter()
        .map(|m| (m.rank, m.service.id.0.as_str()))
        .collect();
    assert_eq!(
        order,
        [
            (1, "no-limit"),
            (2, "also-best"),
            (3, "best"),
            (4, "few-places"),
            (5, "south"),
            (6, "english"),
            (7, "men-staff"),
            (8, "full"),
        ]
    );
    // The same, whatever order the directory lists them in.
    let mut reversed = directory.clone();
    reversed.reverse();
    let ids = |matches: Vec<ServiceMatch>| -> Vec<String> {
        matches.into_iter().map(|m| m.service.id.0).collect()
    };
    assert_eq!(
        ids(match_services(&needs, &reversed)),
        ids(match_services(&needs, &directory))
    );
}

#[test]
fn a_directory_entry_reads_from_json_and_refuses_impossible_numbers() {
    let json = serde_json::json!({
        "id": "svc-1",
        "provider": "org-haven-house",
        "name": "Haven House",
        "kind": "shelter",
        "eligibility": {
            "genders": {"only": ["Feminine", "TransgenderFeminine"]},
            "ages": {"min": 18, "max": null},
            "women_only": true,
            "child_friendly": false,
            "languages": ["ar", "en"],
            "disability_access": true,
        },
        "staff_genders": ["Feminine"],
        "location": "north",
        "capacity": {"total": 12, "free": 3},
    });
    let service: Service = serde_json::from_value(json.clone()).unwrap();
    assert_eq!(service.capacity.unwrap().free(), 3);
    assert_eq!(serde_json::to_value(&service).unwrap(), json);
    let mut too_many = json.clone();
    too_many["capacity"]["free"] = 13.into();
    let error = serde_json::from_value::<Service>(too_many).unwrap_err();
    assert!(error.to_string().contains("more places free than in total"));
    let mut inverted = json;
    inverted["eligibility"]["ages"] = serde_json::json!({"min": 18, "max": 12});
    let error = serde_json::from_value::<Service>(inverted).unwrap_err();
    assert!(error.to_string().contains("minimum is above its maximum"));
    assert_eq!(AgeRange::new(Some(18), Some(12)), None);
    assert_eq!(Capacity::new(3, 4), None);
    assert_eq!(
        serde_json::to_value(PersonAge::Unknown {
            child_suspected: true
        })
        .unwrap(),
        serde_json::json!({"unknown": {"child_suspected": true}})
    );
}

#[test]
fn a_cases_recorded_needs_and_preferences_feed_matching() {
    let mut h = History::child(generic());
    assert_eq!(
        h.attempt(
            Role::Caseworker,
            What::RecordNeeds {
                services: [ServiceKind::Shelter].into(),
                disability_access: false,
                location: Some(" ".into()),
            }
        )
        .unwrap_err(),
        CaseError::Empty("the location")
    );
    assert!(matches!(
        h.attempt(
            Role::Provider,
            What::RecordPreferences {
                preferences: Preferences::default()
            }
        ),
        Err(CaseError::RoleMayNot { .. })
    ));
    let preferences = Preferences {
        caseworker_gender: Some(Gender::Masculine),
        interpreter_gender: None,
        women_only_services: false,
    };
    h.then(
        Role::Caseworker,
        What::RecordNeeds {
            services: [ServiceKind::Shelter, ServiceKind::Education].into(),
            disability_access: true,
            location: Some("north".into()),
        },
    )
    .then(
        Role::Caseworker,
        What::RecordPreferences {
            preferences: preferences.clone(),
        },
    );
    let case = h.case();
    assert_eq!(case.needs.as_ref().unwrap().recorded_at, h.actions[1].at);
    let needs = Needs::of_case(&case, Gender::Masculine);
    assert_eq!(
        needs,
        Needs {
            services: [ServiceKind::Shelter, ServiceKind::Education].into(),
            gender: Gender::Masculine,
            age: PersonAge::Group(AgeGroup::Child),
            language: Some("en".into()),
            disability_access: true,
            location: Some("north".into()),
            preferences,
        }
    );
    let mut adults_only = service("adults", ServiceKind::Shelter);
    adults_only.eligibility.ages = ages(Some(18), None);
    let matches = match_services(
        &needs,
        &[adults_only, service("school", ServiceKind::Education)],
    );
    let eligible: Vec<(&str, bool)> = matches
        .iter()
        .map(|m| (m.service.id.0.as_str(), m.eligible))
        .collect();
    assert_eq!(eligible, [("school", true), ("adults", false)]);
}

#[test]
fn every_reason_reads_in_words_for_every_kind_and_gender() {
    let en = Localizer::english();
    let range = ages(Some(6), Some(12));
    for kind in ServiceKind::ALL {
        for gender in Gender::ALL.iter().copied() {
            for reason in [
                MatchReason::GenderNotServed { gender },
                MatchReason::WomenOnly { gender },
                MatchReason::NotWomenOnly,
                MatchReason::DoesNotServeChildren,
                MatchReason::DoesNotServeAdults,
                MatchReason::OutsideAgeRange { range },
                MatchReason::NotChildFriendly,
                MatchReason::NoDisabilityAccess,
                MatchReason::NoPlacesFree,
                MatchReason::DoesNotInterpret {
                    language: "ti".into(),
                },
                MatchReason::InterpreterNeeded {
                    language: "ti".into(),
                },
                MatchReason::OtherLocation {
                    location: "east".into(),
                },
                MatchReason::CaseworkerGenderUnavailable { gender },
                MatchReason::InterpreterGenderUnavailable { gender },
            ] {
                let words = en.render(&reason.message(kind));
                assert!(
                    !words.contains('{') && !words.starts_with("nrm-"),
                    "{reason:?}: {words}"
                );
            }
        }
    }
}

#[test]
fn a_screenings_sex_reads_as_the_gender_matching_needs() {
    use haven_domain::identification::input::Sex;
    let read = |id: &str| Sex::parse(id).map(Sex::gender);
    assert_eq!(read("female"), Some(Gender::Feminine));
    assert_eq!(read("male"), Some(Gender::Masculine));
    assert_eq!(read("other"), Some(Gender::NonConforming));
    assert_eq!(read("unknown"), Some(Gender::NonSpecifiedUnknown));
    assert_eq!(
        read("Female"),
        None,
        "spelt as the screening input spells it"
    );
    // A man screened as male is read as one, and the women-only shelter says why not.
    let mut shelter = service("s", ServiceKind::Shelter);
    shelter.eligibility.women_only = true;
    let needs = Needs {
        gender: read("male").unwrap(),
        ..woman()
    };
    ineligible(
        &needs,
        shelter,
        "women-only shelter; adult men not eligible",
    );
}
