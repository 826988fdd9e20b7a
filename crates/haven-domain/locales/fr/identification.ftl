# Haven identification engine: explanations a screener can read to a supervisor.
# Each message explains one rule; the rule's stable id is given beside it in the output.
# French. Written for Haven; to be reviewed by native-speaking practitioners (docs/translations.md).
# Terms: traite des êtres humains (CETS 197), motifs raisonnables (art. 10), délai de
# rétablissement et de réflexion (art. 13), non-sanction (art. 26); acte, moyens, finalité.

## Age track

age-child-years = Traitement en tant qu'enfant : l'âge établi est de { $years ->
    [one] { $years } an
    [many] { $years } ans
   *[other] { $years } ans
}, donc inférieur à { $threshold } ans.
age-child-reasons = Traitement en tant qu'enfant (présomption de minorité) : il y a des raisons de croire que la personne est un enfant ; la protection de l'enfance s'applique donc jusqu'à ce que son âge soit établi{ $years ->
    [none] .
   *[other] , quel que soit l'âge de { $years } ans indiqué par les documents.
}
age-child-claimed = Traitement en tant qu'enfant (présomption de minorité) : l'âge n'est pas établi et la personne déclare avoir { $claimed ->
    [one] { $claimed } an
    [many] { $claimed } ans
   *[other] { $claimed } ans
}.
age-adult-years = Parcours adulte : l'âge établi est de { $years ->
    [one] { $years } an
    [many] { $years } ans
   *[other] { $years } ans
}.
age-adult-unknown = Parcours adulte : l'âge n'est pas établi et rien de ce qui a été consigné ne laisse penser que la personne est un enfant. S'il existe la moindre raison de croire qu'elle a moins de 18 ans, consignez-la : le parcours enfant s'applique alors.

## Legal test, one per profile

legal-test = { $profile } : { $track ->
    [child] pour un enfant, un acte et une finalité d'exploitation sont requis ; les moyens ne le sont pas.
   *[adult] un acte, un moyen et une finalité d'exploitation sont tous requis.
} Acte : { $act ->
    [yes] établi ({ $acts })
    [no] absence établie
   *[unknown] inconnu
}. { $track ->
    [child] {""}
   *[adult] Moyens : { $means ->
        [yes] établis ({ $means_list })
        [no] absence établie
       *[unknown] inconnus
    }.{" "}
}Finalité : { $purpose ->
    [yes] établie ({ $purposes })
    [no] aucune finalité reconnue par ce profil n'est établie
   *[unknown] inconnue
}. Résultat : { $outcome ->
    [TRAFFICKING] il existe des motifs raisonnables de croire que la personne est victime de la traite des êtres humains (TRAFFICKING).
    [NOT_TRAFFICKING] l'absence d'un élément requis est établie (NOT_TRAFFICKING).
    [AT_RISK] aucun élément requis n'est exclu, certains sont inconnus, et il existe des signes de risque (AT_RISK).
   *[INSUFFICIENT_INFORMATION] aucun élément requis n'est exclu, mais certains sont inconnus ; un fait inconnu n'est jamais tenu pour absent. Refaites le repérage lorsque vous en saurez davantage (INSUFFICIENT_INFORMATION).
}
legal-purpose-via = { $profile } ne retient pas « { $purpose } » comme finalité à part entière : cette finalité est prise en compte au titre de « { $via } », qui doit alors, lui aussi, être consigné comme établi.

## ILO/EC indicators

ilo-not-applicable = Les indicateurs OIT/CE ne couvrent pas cette forme d'exploitation (prélèvement d'organes, adoption) : aucune notation (NOT_APPLICABLE). Ce n'est pas un résultat négatif.
ilo-list = Notation selon la liste OIT/CE « { $label } » ({ $list }). Un élément est présent avec deux indicateurs forts, un indicateur fort et un autre, trois indicateurs moyens, ou deux moyens et un faible ; un indicateur seul ne suffit jamais.{ $verified ->
    [no] {" "}Les pondérations de cette liste ne sont pas vérifiées : chaque indicateur ayant reçu la réponse « oui » a été noté selon chacune des lectures possibles de sa pondération, et seul ce qui vaut pour toutes ces lectures est indiqué.
   *[yes] {""}
}
ilo-element = { $label } ({ $dimension }) : { $value ->
    [yes] présent
    [no] non présent
   *[uncertain] incertain (présent selon certaines lectures des pondérations non vérifiées, mais pas selon d'autres)
}. Indicateurs ayant reçu la réponse « oui » — forts : { $strong }, moyens : { $medium }, faibles : { $weak }{ $not_in_list ->
    [0] {""}
   *[other] , hors de cette liste : { $not_in_list }
}.
ilo-outcome = { $outcome ->
    [VICTIM] VICTIM : la règle { $track ->
        [child] applicable aux enfants (un élément de recrutement et des conditions d'exploitation)
       *[adult] applicable aux adultes (un élément de recrutement, des conditions d'exploitation, et la contrainte ou l'abus de vulnérabilité à destination)
    } est remplie.
    [NOT_VICTIM] NOT_VICTIM : la règle { $track ->
        [child] applicable aux enfants (un élément de recrutement et des conditions d'exploitation)
       *[adult] applicable aux adultes (un élément de recrutement, des conditions d'exploitation, et la contrainte ou l'abus de vulnérabilité à destination)
    } n'est pas remplie au vu des indicateurs ayant reçu la réponse « oui ».
   *[ILO_LIST_UNVERIFIED] ILO_LIST_UNVERIFIED : le résultat dépend de pondérations non vérifiées. Appuyez-vous sur le critère juridique jusqu'à ce que la liste soit vérifiée.
}
ilo-sub-class = { $sub_class ->
    [smuggling_only] Trafic illicite de migrants : passage d'une frontière organisé par un tiers, sans qu'aucun indicateur de traite n'ait reçu la réponse « oui ».
    [forced_labour_without_recruitment_element] Exploitation et contrainte à destination, mais, à ce que l'on sait, le recrutement n'a été ni trompeur, ni contraint, ni abusif.
    [exploited_not_trafficked] Conditions d'exploitation, mais aucune contrainte ni aucun abus de vulnérabilité ne retient la personne sur place.
    [deception_without_exploitation] Tromperie lors du recrutement, mais il n'est pas démontré que les conditions relèvent de l'exploitation.
    [single_indicator] Un seul indicateur a reçu la réponse « oui » ; un indicateur seul ne suffit jamais à constituer un élément.
   *[no_exploitation] Éléments insuffisants pour établir des conditions d'exploitation.
}
ilo-child-alternative = Une seconde lecture de la règle applicable aux enfants (un acte au sens du Protocole de Palerme établi et des conditions d'exploitation) donnerait { $alternative } ; le résultat ci-dessus retient la première lecture. Le catalogue n'a pas encore tranché entre les deux.

## Other findings

forced-labour-flag = Signalement de travail forcé : { $child ->
    [yes] un indicateur de travail involontaire et un indicateur de sanction ou de menace ont reçu la réponse « oui », ou une des pires formes de travail des enfants est établie comme finalité (CIST 2018).
   *[no] un indicateur de travail involontaire et un indicateur de sanction ou de menace ont reçu la réponse « oui » (CIST 2018).
}
other-legal-sale-of-children = Vente d'enfant : l'enfant a été remis à autrui et une personne ayant autorité sur l'enfant a reçu une rémunération ou un autre avantage (Protocole facultatif concernant la vente d'enfants, art. 2 a)). Signalé quel que soit le résultat relatif à la traite.

## Routing: what to do next, and why

routing-step = { $step ->
    [CHILD_PROTECTION] Orientez dès maintenant vers l'autorité de protection de l'enfance ; cela vaut aussi pour les autres enfants qui se trouvent dans la même situation.
    [GUARDIAN] Faites désigner sans délai un tuteur ou un représentant pour l'enfant.
    [BEST_INTERESTS] Évaluez l'intérêt supérieur de l'enfant avant tout placement, tout contact avec la famille, tout retour ou toute solution durable.
    [NO_DETENTION] L'enfant ne doit pas être placé en garde à vue ni en rétention administrative en raison de cette situation.
    [ADULT_REFERRAL_CONSENT] Proposez une orientation vers le mécanisme national d'orientation ou un organisme d'assistance, et n'orientez qu'avec un consentement éclairé ; en cas de refus, consignez-le, informez la personne et laissez la proposition ouverte.
    [REFLECTION_PERIOD_30D] Un délai de rétablissement et de réflexion d'au moins { $reflection_days ->
        [one] { $reflection_days } jour
        [many] { $reflection_days } de jours
       *[other] { $reflection_days } jours
    }, sans aucune mesure d'éloignement pendant ce délai.
    [ASSISTANCE_UNCONDITIONAL] L'assistance commence maintenant et ne dépend jamais d'une coopération avec la police ou les autorités de poursuite.
    [NON_PUNISHMENT] Signalez les infractions commises en conséquence de la traite : ni détention, ni poursuite, ni sanction pour ces faits dans l'attente de l'évaluation.
    [LABOUR_INSPECTION] Signalez le lieu de travail à l'inspection du travail.
    [INTERNATIONAL_PROTECTION_SCREENING] Donnez accès à la procédure d'asile ou à la détermination du statut de réfugié.
    [MEDICAL] Proposez des soins médicaux, y compris en santé sexuelle et reproductive et en santé mentale.
    [SAFETY_PLANNING] Établissez un plan de sécurité face aux exploiteurs, aux personnes qui menacent la personne ou sa famille, et aux membres de la famille impliqués.
    [INFO_RIGHTS] Informez la personne, dans une langue qu'elle comprend, de ses droits, des risques et des lieux où trouver de l'aide.
    [REPORT_RECRUITER] Signalez le recruteur ou l'agence à l'autorité chargée des licences ou à la police, avec le consentement de la personne.
    [MRM_REPORT] Signalez le cas au mécanisme de surveillance et de communication de l'information des Nations Unies sur les violations graves commises contre des enfants en situation de conflit armé.
    [AGE_ASSESSMENT_IF_SERIOUS_DOUBT] Maintenez le parcours enfant ; n'évaluez l'âge qu'en cas de doute sérieux, en accordant le bénéfice du doute, et une fois la protection mise en place.
   *[NO_ACTION] Aucune orientation nécessaire ; donnez des informations sur demande.
} Pourquoi : { $rule ->
    [child_protection] la personne est traitée comme un enfant et elle est présumée victime, en situation de risque ou non accompagnée
    [child_unclear] un enfant dont la situation ne peut pas encore être évaluée reste suivi par la protection de l'enfance
    [children_present] d'autres enfants se trouvent dans la même situation et chacun a besoin de son propre repérage et de sa propre protection
    [age_not_established] la personne est traitée comme un enfant et son âge n'est pas établi
    [adult_presumed_victim] un adulte pour lequel il existe des motifs raisonnables de croire qu'il est victime
    [non_punishment] des infractions ont été commises en conséquence de la situation et la traite n'est pas exclue
    [adult_at_risk_or_unclear] un adulte en situation de risque, ou dont la situation n'est pas encore claire
    [safety] la personne est en danger, ou elle est présumée victime et elle est menacée ou sa famille est impliquée
    [medical] une personne présumée victime de violences, d'exploitation sexuelle ou de prélèvement d'organes
    [labour_rights] des conditions de travail relevant de l'exploitation mais pas de la traite relèvent du droit du travail
    [asylum] la personne demande une protection internationale ou craint un retour
    [children_armed_conflict] un enfant utilisé dans un conflit armé
    [adult_negative_information] il ne s'agit pas de traite, mais il existe des signes d'exploitation ou la personne a fait l'objet d'un trafic illicite de migrants
    [labour_inspection_for_victims] (bonne pratique) une personne présumée victime d'exploitation par le travail, dans des conditions de travail relevant de l'exploitation
    [protection_for_displaced_victims] (bonne pratique) une personne présumée victime qui demande une protection internationale
    [recruiter_report] (bonne pratique) une personne en situation de risque dont le recruteur est identifiable, avec son consentement
   *[nothing_to_route] aucune règle n'appelle d'action
} ({ $basis }).
routing-forbid = { $forbid ->
    [no_adult_consent_route_for_children] Non retenu : { $codes }. L'orientation d'un enfant n'attend jamais un consentement ; l'avis de l'enfant est tout de même recueilli.
    [no_victim_entitlements_without_grounds] Non retenu : { $codes }. Les droits reconnus aux victimes supposent un résultat de motifs raisonnables, et tous les profils excluent ici la traite.
   *[no_closure_when_action_is_due] Non retenu : { $codes }. Une action est requise.
}

## Text report headings (haven screen --format text)

report-title = Résultat du repérage
report-track = Parcours : { $child ->
    [yes] enfant
   *[no] adulte
}
report-legal = Critère juridique
report-ilo = Indicateurs OIT/CE : { $outcome }{ $list ->
    [none] {""}
   *[other] {" "}(liste { $list })
}
report-forced-labour = Signalement de travail forcé : { $flag ->
    [yes] oui
   *[no] non
}
report-other-legal = Également : { $codes }
report-next = Prochaines étapes
report-why = Pourquoi
