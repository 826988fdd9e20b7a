//! Decision letters in the person's language, to the guardian for a child, and the
//! non-punishment alert and notice.

mod nrm;

use haven_domain::access::Role;
use haven_domain::case::letter::{Addressee, LetterError, Names, decision_letter, non_punishment};
use haven_domain::case::{ConsentPurpose, DecisionKind, OffenceCategory, Outcome, Stage, What};
use haven_domain::i18n::Localizer;
use nrm::{History, decide, generic, guardian_consent, history_at, refer_ca};

const ADULT: Names<'static> = Names {
    person: "Amina Yusuf",
    guardian: None,
};

#[test]
fn an_adults_letter_quotes_the_threshold_reasons_evidence_and_recovery_period() {
    let h = history_at(generic(), Stage::RecoveryPeriod, Stage::Recognised);
    let case = h.case();
    let letter = decision_letter(&case, case.decisions.last().unwrap(), generic(), ADULT).unwrap();
    assert_eq!(letter.addressee, Addressee::Person);
    assert_eq!(letter.language, "en");
    let paragraphs: Vec<&str> = letter.text.split("\n\n").collect();
    assert_eq!(paragraphs[0], "Dear Amina Yusuf,");
    assert_eq!(paragraphs[1], "Reasonable-grounds decision of 2026-03-05.");
    assert_eq!(
        paragraphs[2],
        "The competent authority has decided that there are reasonable grounds to believe that you are a victim of trafficking in human beings."
    );
    assert!(paragraphs[3].ends_with(&generic().thresholds.reasonable_grounds));
    assert_eq!(
        paragraphs[4],
        "Reasons: The account is consistent and detailed."
    );
    assert_eq!(
        paragraphs[5],
        "Evidence considered: screening report; shelter assessment."
    );
    assert_eq!(
        paragraphs[6],
        "A recovery and reflection period runs from 2026-03-05 to 2026-04-04. Assistance and support do not depend on cooperating with the police or any other authority."
    );
    assert!(!letter.text.contains("reconsidered"));
}

#[test]
fn a_negative_letter_explains_reconsideration() {
    let h = history_at(generic(), Stage::NotIdentified, Stage::Reconsideration);
    let case = h.case();
    let letter = decision_letter(&case, case.decisions.last().unwrap(), generic(), ADULT).unwrap();
    assert!(
        letter
            .text
            .contains("there are not reasonable grounds to believe that you are")
    );
    assert!(
        letter
            .text
            .contains("You may ask for this decision to be reconsidered")
    );
    assert!(!letter.text.contains("recovery and reflection period runs"));
}

#[test]
fn a_language_haven_lacks_falls_back_to_english() {
    let mut h = History::new(generic(), "2026-03-02", nrm::open(false, Some("ti")));
    h.then(
        Role::Caseworker,
        nrm::adult_consent(
            "c",
            ConsentPurpose::Referral(nrm::COMPETENT_AUTHORITY.into()),
        ),
    )
    .then(Role::Caseworker, refer_ca("ca-1"))
    .then(
        Role::DecisionMaker,
        decide(DecisionKind::ReasonableGrounds, Outcome::Positive),
    );
    let case = h.case();
    let letter = decision_letter(&case, &case.decisions[0], generic(), ADULT).unwrap();
    assert_eq!(letter.language, "en");
}

#[test]
fn a_letter_is_in_the_language_the_case_records_whatever_its_region() {
    let english = {
        let h = history_at(generic(), Stage::RecoveryPeriod, Stage::Recognised);
        let case = h.case();
        decision_letter(&case, case.decisions.last().unwrap(), generic(), ADULT)
            .unwrap()
            .text
    };
    for language in haven_domain::i18n::LANGUAGES {
        for tag in [language.to_string(), format!("{language}-ZZ")] {
            let mut h = History::new(generic(), "2026-03-02", nrm::open(false, Some(&tag)));
            h.then(
                Role::Caseworker,
                nrm::adult_consent(
                    "c",
                    ConsentPurpose::Referral(nrm::COMPETENT_AUTHORITY.into()),
                ),
            )
            .then(Role::Caseworker, refer_ca("ca-1"))
            .then(
                Role::DecisionMaker,
                decide(DecisionKind::ReasonableGrounds, Outcome::Positive),
            );
            let case = h.case();
            let letter = decision_letter(&case, &case.decisions[0], generic(), ADULT).unwrap();
            assert_eq!(letter.language, language, "{tag}");
            assert!(letter.text.contains("Amina Yusuf"), "{tag}");
            let first_line = letter.text.split("\n\n").nth(1).unwrap();
            if language != "en" {
                assert!(!english.contains(first_line), "{tag}: {first_line}");
            }
        }
    }
}

#[test]
fn a_childs_letter_is_addressed_to_the_guardian_never_to_the_child() {
    let child = "Bilal Karimi";
    let mut h = History::child(generic());
    h.then(
        Role::Caseworker,
        What::AppointGuardian {
            guardian: "guardian-1".into(),
            organisation: "child-protection".into(),
        },
    )
    .then(
        Role::Caseworker,
        guardian_consent(
            "c",
            ConsentPurpose::Referral(nrm::COMPETENT_AUTHORITY.into()),
            "guardian-1",
        ),
    )
    .then(Role::Caseworker, refer_ca("ca-1"))
    .then(
        Role::DecisionMaker,
        decide(DecisionKind::ReasonableGrounds, Outcome::Positive),
    );
    let case = h.case();
    let decision = &case.decisions[0];
    assert_eq!(
        decision_letter(
            &case,
            decision,
            generic(),
            Names {
                person: child,
                guardian: None
            }
        )
        .unwrap_err(),
        LetterError::NoGuardian
    );
    let letter = decision_letter(
        &case,
        decision,
        generic(),
        Names {
            person: child,
            guardian: Some("Sara Lind"),
        },
    )
    .unwrap();
    assert_eq!(letter.addressee, Addressee::Guardian("guardian-1".into()));
    let salutation = letter.text.lines().next().unwrap();
    assert_eq!(salutation, "Dear Sara Lind, as guardian of Bilal Karimi,");
    assert!(!salutation.starts_with(&format!("Dear {child}")));
    assert!(!letter.text.contains(" you are a victim"));
    assert!(letter.text.contains("the child is a victim"));
}

#[test]
fn a_childs_letter_cannot_be_issued_before_a_guardian_is_appointed() {
    // Only possible where the case has a decision and no guardian: a child on the emergency path.
    let mut h = History::child(generic());
    h.then(
        Role::Supervisor,
        What::EmergencyReferral {
            referral: "ca-1".into(),
            to: nrm::ca(),
            fields: nrm::fields(&[haven_domain::case::SharedField::CaseReference]),
            justification: "Child found alone at the border at night.".into(),
        },
    )
    .then(
        Role::DecisionMaker,
        decide(DecisionKind::ReasonableGrounds, Outcome::Positive),
    );
    let case = h.case();
    let names = Names {
        person: "Bilal Karimi",
        guardian: Some("Sara Lind"),
    };
    assert_eq!(
        decision_letter(&case, &case.decisions[0], generic(), names).unwrap_err(),
        LetterError::NoGuardian
    );
}

#[test]
fn a_pending_proceeding_against_a_recognised_victim_raises_the_non_punishment_notice() {
    let mut h = history_at(generic(), Stage::Referred, Stage::RecoveryPeriod);
    h.then(
        Role::Caseworker,
        What::RecordProceeding {
            proceeding: "p-1".into(),
            offence: OffenceCategory::Document,
            description: "use of a false identity document".into(),
            linked_to_trafficking: true,
        },
    );
    assert!(non_punishment(&h.case()).is_empty(), "no decision yet");
    h.then(
        Role::DecisionMaker,
        decide(DecisionKind::ReasonableGrounds, Outcome::Positive),
    );
    let notices = non_punishment(&h.case());
    assert_eq!(notices.len(), 1);
    let en = Localizer::english();
    assert_eq!(
        en.render(&notices[0].alert),
        "Non-punishment: a proceeding is pending (p-1) against a person with a positive reasonable-grounds decision."
    );
    let notice = en.render(&notices[0].notice);
    assert!(
        notice.starts_with(
            "Notice to the prosecutor or court: on 2026-03-06 the competent authority"
        )
    );
    assert!(notice.contains(
        "proceeding p-1 (use of a false identity document), a document offence, which is recorded as linked to the trafficking"
    ));
    assert!(notice.contains("paragraph 14"));
    h.then(
        Role::Caseworker,
        What::EndProceeding {
            proceeding: "p-1".into(),
        },
    );
    assert!(non_punishment(&h.case()).is_empty(), "the proceeding ended");
}

#[test]
fn a_negative_decision_raises_no_non_punishment_notice() {
    let mut h = history_at(generic(), Stage::NotIdentified, Stage::Reconsideration);
    h.then(
        Role::Caseworker,
        What::RecordProceeding {
            proceeding: "p-1".into(),
            offence: OffenceCategory::Immigration,
            description: "irregular entry".into(),
            linked_to_trafficking: true,
        },
    );
    assert!(non_punishment(&h.case()).is_empty());
}

#[test]
fn only_proceedings_linked_to_the_trafficking_raise_the_notice() {
    let mut h = history_at(generic(), Stage::RecoveryPeriod, Stage::Recognised);
    for (id, offence, linked) in [
        ("p-begging", OffenceCategory::Begging, true),
        ("p-theft", OffenceCategory::Theft, false),
    ] {
        h.then(
            Role::Caseworker,
            What::RecordProceeding {
                proceeding: id.into(),
                offence,
                description: "charged after a police raid".into(),
                linked_to_trafficking: linked,
            },
        );
    }
    let case = h.case();
    let alerted: Vec<&str> = case
        .non_punishment_alerts()
        .iter()
        .map(|p| p.id.0.as_str())
        .collect();
    assert_eq!(alerted, ["p-begging"]);
    assert_eq!(non_punishment(&case).len(), 1);
    assert!(
        Localizer::english()
            .render(&non_punishment(&case)[0].notice)
            .contains("an offence of begging")
    );
}

#[test]
fn a_positive_conclusive_decision_keeps_the_notice_and_a_later_negative_one_ends_it() {
    let mut h = history_at(generic(), Stage::RecoveryPeriod, Stage::Recognised);
    h.then(
        Role::Caseworker,
        What::RecordProceeding {
            proceeding: "p-1".into(),
            offence: OffenceCategory::Drugs,
            description: "cannabis cultivation".into(),
            linked_to_trafficking: true,
        },
    )
    .then(
        Role::DecisionMaker,
        decide(DecisionKind::ConclusiveGrounds, Outcome::Positive),
    );
    let notices = non_punishment(&h.case());
    assert_eq!(notices.len(), 1);
    assert_eq!(
        Localizer::english().render(&notices[0].alert),
        "Non-punishment: a proceeding is pending (p-1) against a person with a positive conclusive-grounds decision."
    );

    let mut h = history_at(generic(), Stage::RecoveryPeriod, Stage::Recognised);
    h.then(
        Role::Caseworker,
        What::RecordProceeding {
            proceeding: "p-1".into(),
            offence: OffenceCategory::Drugs,
            description: "cannabis cultivation".into(),
            linked_to_trafficking: true,
        },
    );
    assert_eq!(non_punishment(&h.case()).len(), 1);
    h.then(
        Role::DecisionMaker,
        decide(DecisionKind::ConclusiveGrounds, Outcome::Negative),
    );
    assert!(non_punishment(&h.case()).is_empty());
}

#[test]
fn every_nrm_message_exists_in_every_language() {
    let source = include_str!("../locales/en/nrm.ftl");
    let ids: Vec<&str> = source
        .lines()
        .filter(|l| l.starts_with("nrm-"))
        .filter_map(|l| l.split(' ').next())
        .collect();
    assert!(ids.len() >= 12);
    for language in haven_domain::i18n::LANGUAGES {
        let localizer = Localizer::new(language).unwrap();
        for id in &ids {
            assert!(localizer.has_message(id), "{language} lacks {id}");
        }
    }
}
