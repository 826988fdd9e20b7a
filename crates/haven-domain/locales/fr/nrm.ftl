# Haven national referral mechanism: decision letters and the non-punishment notice.
# Letters are addressed to the person, or for a child to the guardian, never to the child.
# French. Written for Haven; to be reviewed by native-speaking practitioners (docs/translations.md).

## Decision letters

nrm-letter-to-person = Bonjour { $name },
nrm-letter-to-guardian = Bonjour { $guardian }, en votre qualité de tuteur ou tutrice de { $child },
nrm-letter-subject = { $kind ->
    [reasonable_grounds] Décision relative aux motifs raisonnables
   *[conclusive_grounds] Décision relative aux motifs concluants
} du { $date }{ $reconsidered ->
    [yes] , après réexamen
   *[no] {""}
}.
nrm-letter-outcome = { $kind ->
    [reasonable_grounds] { $outcome ->
        [positive] L'autorité compétente a décidé qu'il existe des motifs raisonnables de croire que { $subject } victime de la traite des êtres humains.
       *[negative] L'autorité compétente a décidé qu'il n'existe pas de motifs raisonnables de croire que { $subject } victime de la traite des êtres humains.
    }
   *[conclusive_grounds] { $outcome ->
        [positive] L'autorité compétente a conclu que { $subject } victime de la traite des êtres humains.
       *[negative] L'autorité compétente a conclu que les éléments réunis ne permettent pas de conclure que { $subject } victime de la traite des êtres humains.
    }
}
nrm-letter-subject-person = vous êtes
nrm-letter-subject-child = l'enfant est
nrm-letter-threshold = Critère appliqué : { $threshold }
nrm-letter-reasons = Motivation de la décision : { $reasons }
nrm-letter-evidence = Éléments examinés : { $evidence }.
nrm-letter-recovery = Un délai de rétablissement et de réflexion court du { $starts } au { $ends }. L'assistance et le soutien ne dépendent d'aucune coopération avec la police ou avec toute autre autorité.
nrm-letter-reconsideration = Vous pouvez demander le réexamen de cette décision, en apportant toute information nouvelle, par l'intermédiaire de votre gestionnaire de cas.
nrm-letter-closing = Ce courrier concerne une décision du mécanisme national d'orientation. Votre gestionnaire de cas peut vous l'expliquer dans votre langue, avec un ou une interprète si vous le souhaitez.

## Non-punishment

nrm-non-punishment-alert = Non-sanction : une procédure est en cours ({ $proceeding }) contre une personne ayant fait l'objet d'une décision positive { $kind ->
    [reasonable_grounds] relative aux motifs raisonnables
   *[conclusive_grounds] relative aux motifs concluants
}.
nrm-non-punishment-notice = Avis au ministère public ou à la juridiction : le { $date }, l'autorité compétente du mécanisme national d'orientation a décidé { $kind ->
    [reasonable_grounds] qu'il existe des motifs raisonnables de croire que la personne est victime de la traite des êtres humains
   *[conclusive_grounds] que la personne est victime de la traite des êtres humains
}. La personne fait l'objet de la procédure { $proceeding } ({ $description }), pour { $offence ->
    [immigration] une infraction à la législation sur l'immigration
    [document] une infraction relative aux documents
    [prostitution] une infraction liée à la prostitution
    [drugs] une infraction à la législation sur les stupéfiants
    [begging] une infraction de mendicité
    [fraud] une infraction de fraude
    [theft] une infraction de vol
   *[other] une infraction
}, consignée comme liée à la traite. Les victimes ne doivent pas être sanctionnées pour les activités illicites qu'elles ont été contraintes de commettre en conséquence directe de la traite dont elles ont fait l'objet (résolution 32/3 du Conseil des droits de l'homme, paragraphe 14 ; STCE n° 197, article 26). Nous vous prions d'examiner si l'infraction a été commise en conséquence de la traite avant de poursuivre.

## Service matching: why a service is not eligible, or what to know about it

nrm-match-gender-not-served = ne s'adresse pas { $gender ->
    [Feminine] aux femmes et aux filles
    [Masculine] aux hommes et aux garçons
    [TransgenderFeminine] aux femmes et aux filles transgenres
    [TransgenderMasculine] aux hommes et aux garçons transgenres
    [NonConforming] aux personnes non conformes aux normes de genre
   *[NonSpecifiedUnknown] aux personnes dont le genre n'est pas consigné
}
nrm-match-women-only = { $kind ->
    [shelter] hébergement réservé aux femmes
    [medical] service médical réservé aux femmes
    [psychosocial] service psychosocial réservé aux femmes
    [legal_aid] aide juridique réservée aux femmes
    [interpretation] service d'interprétariat réservé aux femmes
    [guardianship] service de tutelle réservé aux femmes
    [education] service d'éducation réservé aux femmes
    [vocational] formation professionnelle réservée aux femmes
    [repatriation] service de rapatriement réservé aux femmes
   *[child_protection] service de protection de l'enfance réservé aux femmes
} ; { $gender ->
    [Masculine] hommes adultes
    [TransgenderMasculine] hommes transgenres adultes
    [NonConforming] adultes non conformes aux normes de genre
   *[NonSpecifiedUnknown] adultes dont le genre n'est pas consigné
} non admissibles
nrm-match-not-women-only = non réservé aux femmes ; la personne a demandé des services réservés aux femmes
nrm-match-does-not-serve-children = ne s'adresse pas aux enfants
nrm-match-does-not-serve-adults = ne s'adresse pas aux adultes
nrm-match-outside-age-range = { $bounds ->
    [both] s'adresse aux personnes de { $min } à { $max ->
        [one] { $max } an
        [many] { $max } ans
       *[other] { $max } ans
    }
    [from] s'adresse aux personnes de { $min ->
        [one] { $min } an
        [many] { $min } ans
       *[other] { $min } ans
    } et plus
   *[to] s'adresse aux personnes jusqu'à { $max ->
        [one] { $max } an
        [many] { $max } ans
       *[other] { $max } ans
    }
}
nrm-match-not-child-friendly = pas adapté aux enfants ; un enfant a besoin d'un service adapté aux enfants
nrm-match-no-disability-access = pas accessible aux personnes handicapées
nrm-match-no-places-free = aucune place disponible
nrm-match-does-not-interpret = pas d'interprétation pour la langue { $language }
nrm-match-interpreter-needed = ne parle pas la langue { $language } ; un ou une interprète est nécessaire
nrm-match-other-location = lieu : { $location }, éloigné de l'endroit où se trouve la personne
nrm-match-caseworker-gender = aucun gestionnaire de cas { $gender ->
    [Feminine] qui soit une femme
    [Masculine] qui soit un homme
    [TransgenderFeminine] qui soit une femme transgenre
    [TransgenderMasculine] qui soit un homme transgenre
    [NonConforming] non conforme aux normes de genre
   *[NonSpecifiedUnknown] du genre demandé
}, alors que la personne le souhaite
nrm-match-interpreter-gender = aucun interprète { $gender ->
    [Feminine] qui soit une femme
    [Masculine] qui soit un homme
    [TransgenderFeminine] qui soit une femme transgenre
    [TransgenderMasculine] qui soit un homme transgenre
    [NonConforming] non conforme aux normes de genre
   *[NonSpecifiedUnknown] du genre demandé
}, alors que la personne le souhaite

## Daily digest

nrm-digest-title = Récapitulatif quotidien pour { $user }, { $day }
nrm-digest-empty = Rien n'arrive à échéance aujourd'hui, rien n'est en retard ni en attente de réponse.
nrm-digest-section = { $section ->
    [escalated] Transmis au superviseur
    [overdue] En retard
    [due_today] À échéance aujourd'hui
   *[waiting_for_answer] En attente de la réponse de votre organisation
} ({ $count })
nrm-digest-item = - { $case } : { $kind ->
    [reasonable_grounds_decision] décision relative aux motifs raisonnables
    [referral_response] réponse à l'orientation { $referral }
    [guardian_appointment] désignation d'un tuteur
    [best_interests_assessment] évaluation de l'intérêt supérieur
    [child_protection_referral] orientation vers la protection de l'enfance
    [conclusive_grounds_decision] décision relative aux motifs concluants
    [reconsideration_decision] décision sur le réexamen
   *[case_review] examen du dossier
}, échéance : { $due }
