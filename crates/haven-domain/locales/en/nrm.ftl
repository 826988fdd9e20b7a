# Haven national referral mechanism: decision letters and the non-punishment notice.
# Letters are addressed to the person, or for a child to the guardian, never to the child.

## Decision letters

nrm-letter-to-person = Dear { $name },
nrm-letter-to-guardian = Dear { $guardian }, as guardian of { $child },
nrm-letter-subject = { $kind ->
    [reasonable_grounds] Reasonable-grounds decision
   *[conclusive_grounds] Conclusive-grounds decision
} of { $date }{ $reconsidered ->
    [yes] , on reconsideration
   *[no] {""}
}.
nrm-letter-outcome = { $kind ->
    [reasonable_grounds] { $outcome ->
        [positive] The competent authority has decided that there are reasonable grounds to believe that { $subject } a victim of trafficking in human beings.
       *[negative] The competent authority has decided that there are not reasonable grounds to believe that { $subject } a victim of trafficking in human beings.
    }
   *[conclusive_grounds] { $outcome ->
        [positive] The competent authority has decided that { $subject } a victim of trafficking in human beings.
       *[negative] The competent authority has decided that it is not established that { $subject } a victim of trafficking in human beings.
    }
}
nrm-letter-subject-person = you are
nrm-letter-subject-child = the child is
nrm-letter-threshold = The test applied: { $threshold }
nrm-letter-reasons = Reasons: { $reasons }
nrm-letter-evidence = Evidence considered: { $evidence }.
nrm-letter-recovery = A recovery and reflection period runs from { $starts } to { $ends }. Assistance and support do not depend on cooperating with the police or any other authority.
nrm-letter-reconsideration = You may ask for this decision to be reconsidered, with any new information, through your caseworker.
nrm-letter-closing = This letter is about a decision of the national referral mechanism. Your caseworker can explain it in your language, with an interpreter if you wish.

## Non-punishment

nrm-non-punishment-alert = Non-punishment: a proceeding is pending ({ $proceeding }) against a person with a positive { $kind ->
    [reasonable_grounds] reasonable-grounds
   *[conclusive_grounds] conclusive-grounds
} decision.
nrm-non-punishment-notice = Notice to the prosecutor or court: on { $date } the competent authority of the national referral mechanism decided that { $kind ->
    [reasonable_grounds] there are reasonable grounds to believe that the person is a victim of trafficking in human beings
   *[conclusive_grounds] the person is a victim of trafficking in human beings
}. The person is subject to proceeding { $proceeding } ({ $description }), { $offence ->
    [immigration] an immigration offence
    [document] a document offence
    [prostitution] an offence related to prostitution
    [drugs] a drugs offence
    [begging] an offence of begging
    [fraud] an offence of fraud
    [theft] an offence of theft
   *[other] an offence
}, which is recorded as linked to the trafficking. Victims are not to be punished for unlawful activities they were compelled to commit as a direct consequence of being trafficked (Human Rights Council resolution 32/3, paragraph 14; CETS 197, Article 26). Please consider whether the offence was committed as a consequence of trafficking before continuing.

## Service matching: why a service is not eligible, or what to know about it

nrm-match-gender-not-served = does not serve { $gender ->
    [Feminine] women and girls
    [Masculine] men and boys
    [TransgenderFeminine] trans women and girls
    [TransgenderMasculine] trans men and boys
    [NonConforming] gender non-conforming people
   *[NonSpecifiedUnknown] people whose gender is not recorded
}
nrm-match-women-only = women-only { $kind ->
    [shelter] shelter
    [medical] medical service
    [psychosocial] psychosocial service
    [legal_aid] legal aid service
    [interpretation] interpretation service
    [guardianship] guardianship service
    [education] education service
    [vocational] vocational training
    [repatriation] repatriation service
   *[child_protection] child protection service
}; { $gender ->
    [Masculine] adult men
    [TransgenderMasculine] adult trans men
    [NonConforming] gender non-conforming adults
   *[NonSpecifiedUnknown] adults whose gender is not recorded
} not eligible
nrm-match-not-women-only = not women-only; the person asked for women-only services
nrm-match-does-not-serve-children = does not serve children
nrm-match-does-not-serve-adults = does not serve adults
nrm-match-outside-age-range = { $bounds ->
    [both] serves ages { $min } to { $max }
    [from] serves ages { $min } and over
   *[to] serves ages up to { $max }
}
nrm-match-not-child-friendly = not child-friendly; a child needs a child-friendly service
nrm-match-no-disability-access = no disability access
nrm-match-no-places-free = no places free
nrm-match-does-not-interpret = does not interpret { $language }
nrm-match-interpreter-needed = does not speak { $language }; an interpreter is needed
nrm-match-other-location = in { $location }, away from where the person is
nrm-match-caseworker-gender = no caseworker who is { $gender ->
    [Feminine] a woman
    [Masculine] a man
    [TransgenderFeminine] a trans woman
    [TransgenderMasculine] a trans man
    [NonConforming] gender non-conforming
   *[NonSpecifiedUnknown] of the gender asked for
}, as the person prefers
nrm-match-interpreter-gender = no interpreter who is { $gender ->
    [Feminine] a woman
    [Masculine] a man
    [TransgenderFeminine] a trans woman
    [TransgenderMasculine] a trans man
    [NonConforming] gender non-conforming
   *[NonSpecifiedUnknown] of the gender asked for
}, as the person prefers

## Daily digest

nrm-digest-title = Daily digest for { $user }, { $day }
nrm-digest-empty = Nothing is due today, overdue or waiting for an answer.
nrm-digest-section = { $section ->
    [escalated] Escalated to the supervisor
    [overdue] Overdue
    [due_today] Due today
   *[waiting_for_answer] Waiting for your organisation's answer
} ({ $count })
nrm-digest-item = - { $case }: { $kind ->
    [reasonable_grounds_decision] reasonable-grounds decision
    [referral_response] answer to referral { $referral }
    [guardian_appointment] appointment of a guardian
    [best_interests_assessment] best-interests assessment
    [child_protection_referral] referral to child protection
    [conclusive_grounds_decision] conclusive-grounds decision
    [reconsideration_decision] decision on reconsideration
   *[case_review] case review
}, due { $due }
