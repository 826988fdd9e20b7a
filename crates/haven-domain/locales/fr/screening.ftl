# The screening wizard: every word of it, in one file so it can be translated in one go.
#
# Questions are read aloud, often through an interpreter: plain words, one fact per question,
# asked so that "yes" always means the sign is there (never a trick question). Their ids follow
# one rule from the catalogue's ids (reference/identification-catalogue.toml):
#   q-act-<id>, q-means-<id>, q-purpose-<id>, q-offence-<id>, q-risk-<id>, q-flag-<input field>,
#   and for ILO/EC indicators q-<DIM>-<slug> for the indicator "<DIM>.<slug>".
# A test fails when a question the wizard asks has no message.
#
# French. Written for Haven; to be reviewed by native-speaking practitioners (docs/translations.md).
# Terms as in identification.ftl and web.ftl: repérage (screening), traite des êtres humains,
# motifs raisonnables, délai de rétablissement et de réflexion, non-sanction, orientation
# (referral), dossier (case), recruteur, OIT/CE.
# The questions say « vous »; the three asked only of a child ("Pour un enfant :") say « tu », as
# one speaks to a child. They are asked as « Est-ce que… ? », never in the negative (a « oui » to
# a negative question is unclear), and they avoid words that change with the person's gender
# where French allows it (« on vous a fait… », « vous avez dû… »); where a past participle still
# agrees with « vous », it is written in the masculine and sounds the same read aloud.

## The wizard around the questions

wizard-title = Nouveau repérage
wizard-progress = Étape { $step } sur { $steps } : { $title }
wizard-next = Suivant
wizard-back = Retour
wizard-save = Enregistrer et continuer plus tard
wizard-submit = Voir le résultat
wizard-resumed = Vos réponses enregistrées sont revenues. Reprenez là où vous en étiez.
wizard-reassure = Lisez chaque question telle qu'elle est écrite. « Ne sait pas » est toujours une bonne réponse, et la personne peut laisser de côté n'importe quelle question.
wizard-errors = Certaines réponses demandent votre attention. Rien de ce que vous avez saisi n'a été perdu.
answer-yes = Oui
answer-no = Non
answer-unknown = Ne sait pas

## Interpreter mode

wizard-interpreter = Vous travaillez avec un ou une interprète ? Afficher aussi chaque question en
wizard-interpreter-none = Non, une seule langue suffit
wizard-interpreter-hint = Chaque question apparaît alors dans votre langue et dans celle de l'interprète, côte à côte.
wizard-interpreter-untranslated = Haven ne dispose pas encore de ces questions dans cette langue ({ $language }) : elles s'affichent en anglais en attendant la traduction.

## Step titles and what to say before the questions

wizard-step-person = À propos de la personne
wizard-step-person-intro = Présentez-vous et dites pourquoi vous posez ces questions. Expliquez que les réponses aident à trouver le bon soutien, que ce n'est pas un examen, et que la personne peut s'arrêter à tout moment.
wizard-step-acts = Comment la personne est arrivée ici
wizard-step-acts-intro = Ces questions portent sur la façon dont la personne est arrivée là où elle se trouve aujourd'hui.
wizard-step-means = Ce qu'on lui a fait
wizard-step-means-intro = Ces questions portent sur la façon dont d'autres ont pris ou gardé le contrôle sur la personne. Allez-y avec douceur ; arrêtez-vous si la personne est bouleversée.
wizard-step-purposes = Dans quel but
wizard-step-purposes-intro = Ces questions portent sur ce qu'on a obligé la personne à faire, ou sur ce qu'on allait l'obliger à faire.
wizard-step-DR = Ce qu'on lui a dit avant le départ
wizard-step-DR-intro = Ces questions comparent ce qu'on a promis à la personne avec ce qui s'est réellement passé.
wizard-step-CR = Comment on l'a fait partir
wizard-step-CR-intro = Ces questions portent sur la force, les menaces ou le contrôle exercés quand la personne a été recrutée ou déplacée.
wizard-step-AVR = Sa situation au moment du recrutement
wizard-step-AVR-intro = Ces questions portent sur les difficultés ou la dépendance dont quelqu'un a pu profiter.
wizard-step-EX = Ses conditions de travail et de vie
wizard-step-EX-intro = Ces questions portent sur le travail lui-même et sur l'endroit où vit la personne.
wizard-step-CD = Ce qui retient la personne
wizard-step-CD-intro = Ces questions portent sur ce qui empêche la personne de partir. Rappelez-lui qu'elle ne court aucun risque, qu'elle réponde ou non.
wizard-step-AVD = Sa situation ici
wizard-step-AVD-intro = Ces questions portent sur la dépendance, l'isolement ou la peur là où la personne se trouve aujourd'hui.
wizard-step-offences = Ce que la personne a dû faire
wizard-step-offences-intro = Posez des questions sur ce que la personne a dû faire à cause de sa situation. Dites-lui que ces réponses la protègent : les infractions qu'une personne a été contrainte de commettre parce qu'elle était victime de la traite ne doivent pas être sanctionnées.
wizard-step-risks = Signes de risque
wizard-step-risks-intro = Ces questions cherchent des signes que la personne risque d'être bientôt exploitée, par exemple avant d'accepter un emploi ou de partir en voyage.
wizard-step-flags = Encore quelques points
wizard-step-flags-intro = Ces réponses déterminent qui d'autre doit être informé, et quelle protection proposer.
wizard-step-submit = Vérifier et voir le résultat
wizard-step-submit-intro = Rien n'est enregistré tant que vous n'avez pas demandé le résultat.

## About the person

wizard-age-years = Âge en années, s'il est établi
wizard-age-years-hint = Laissez vide si l'âge n'est pas connu avec certitude.
wizard-age-basis = Comment l'âge est-il connu ?
wizard-basis-document = Par une pièce d'identité
wizard-basis-claimed = La personne le déclare
wizard-basis-assessment = Par une évaluation de l'âge
wizard-basis-observed = D'après l'apparence seulement (une impression, jamais décisive)
wizard-claimed-years = L'âge que la personne déclare, si l'âge n'est pas établi
wizard-minor = Y a-t-il une raison de penser que la personne pourrait avoir moins de 18 ans ?
wizard-minor-hint = Si c'est le cas, Haven traite la personne comme un enfant jusqu'à ce que son âge soit établi.
wizard-sex = Sexe
wizard-sex-female = Féminin
wizard-sex-male = Masculin
wizard-sex-other = Autre
wizard-sex-unknown = Inconnu ou non précisé
wizard-language = Langue de la personne
wizard-language-hint = Un code de langue, par exemple ar, fa, ps, so, ti ou uk. Il sert pour les courriers si un dossier est ouvert.

## What it was for

wizard-exploitation-type = De quelle forme d'exploitation s'agit-il surtout ?
wizard-exploitation-type-hint = Ce choix détermine les indicateurs qui s'appliquent. Si plusieurs conviennent, choisissez la principale.
wizard-exploitation-labour = Travail ou services, y compris la mendicité et les activités criminelles
wizard-exploitation-sexual = Exploitation sexuelle
wizard-exploitation-other = Prélèvement d'organes ou adoption
wizard-exploitation-pick = Choisissez-en une

## Check and see the result

wizard-summary = Réponses « oui » : { $yes ->
    [0] aucune
    [one] une question
    [many] { $yes } de questions
   *[other] { $yes } questions
}. Réponses « non » : { $no ->
    [0] aucune
    [one] une question
    [many] { $no } de questions
   *[other] { $no } questions
}. Tout le reste compte comme inconnu, jamais comme « non ».
wizard-register = Enregistrer la personne (facultatif)
wizard-register-hint = Le nom est conservé dans le coffre des identités, scellé, à part du repérage. Un dossier ne peut être ouvert que pour une personne enregistrée. Laissez les deux champs vides pour faire le repérage sans nom.
wizard-given-name = Prénom
wizard-family-name = Nom de famille

## Errors next to the fields

wizard-error-age-basis = Indiquez comment l'âge est connu.
wizard-error-age-number = Écrivez un nombre entier d'années, de 0 à 120, ou laissez vide.
wizard-error-language = Écrivez un code de langue comme ar, fa ou uk, ou laissez vide.
wizard-error-exploitation-type = Choisissez la forme d'exploitation : elle détermine les indicateurs qui s'appliquent.
wizard-error-name = Un nom compte au plus 200 caractères.
wizard-error-not-recorded = Le repérage n'a pas pu être enregistré : { $detail }

## Drafts

wizard-drafts-title = Repérages enregistrés
wizard-drafts-intro = Les repérages que vous avez enregistrés pour les poursuivre plus tard. Personne d'autre que vous ne peut les voir ; les réponses sont conservées chiffrées.
wizard-drafts-none = Vous n'avez aucun repérage enregistré.
wizard-drafts-saved = Enregistré. Vous pouvez reprendre ce repérage depuis cette liste.
wizard-drafts-deleted = Le repérage enregistré a été supprimé.
wizard-drafts-saved-on = Enregistré le
wizard-drafts-step = Étape atteinte
wizard-drafts-continue = Reprendre
wizard-drafts-delete = Supprimer
wizard-drafts-new = Commencer un nouveau repérage

## The result

wizard-result-title = Résultat du repérage
wizard-result-child-first = Un enfant : le protéger d'abord
wizard-result-child-first-intro = La personne est traitée comme un enfant. Faites ceci en premier, avant toute autre chose.
wizard-result-children-present = D'autres enfants : les protéger aussi
wizard-result-children-present-intro = D'autres enfants se trouvent dans la même situation. Chacun d'eux a besoin de la protection de l'enfance et de son propre repérage.
wizard-result-outcome = Ce que dit le repérage
wizard-result-legal = Au regard du droit
wizard-result-ilo = Selon les indicateurs OIT/CE
wizard-result-forced-labour = Signes de travail forcé : un indicateur de travail involontaire et un indicateur de sanction ou de menace ont reçu la réponse « oui ».
wizard-result-sale-of-children = Vente d'enfant : l'enfant a été remis à autrui et une personne ayant autorité sur l'enfant a reçu un paiement.
wizard-result-next = Que faire ensuite
wizard-result-then = Ensuite
wizard-result-why = Pourquoi
wizard-result-why-intro = Les règles qui ont donné ce résultat, avec les faits sur lesquels elles reposent.
wizard-result-open-case = Ouvrir un dossier
wizard-result-open-case-intro = Un dossier suit la personne tout au long de l'orientation, des décisions et de l'accompagnement.
wizard-result-case-language = Langue de la personne, pour les courriers
wizard-result-no-person = Aucune personne n'est enregistrée avec ce repérage : aucun dossier ne peut donc être ouvert à partir de celui-ci. Pour ouvrir un dossier, refaites le repérage et enregistrez la personne à la dernière étape.
wizard-result-track-child = Traitement en tant qu'enfant
wizard-result-track-adult = Traitement en tant qu'adulte
wizard-result-again = Commencer un autre repérage

wizard-result-legal-TRAFFICKING = Il existe des motifs raisonnables de croire que la personne est victime de la traite des êtres humains. Ce n'est pas une décision définitive.
wizard-result-legal-NOT_TRAFFICKING = Pas de traite : les réponses excluent un élément que le droit exige.
wizard-result-legal-AT_RISK = Risque de traite : rien de ce que le droit exige n'est exclu, une partie est inconnue, et il existe des signes de risque.
wizard-result-legal-INSUFFICIENT_INFORMATION = On n'en sait pas encore assez. Rien n'est exclu ; refaites le repérage quand vous en saurez davantage.

wizard-result-ilo-VICTIM = Les indicateurs désignent une victime de la traite des êtres humains.
wizard-result-ilo-NOT_VICTIM = Les indicateurs qui ont reçu la réponse « oui » ne suffisent pas à désigner une victime de la traite des êtres humains.
wizard-result-ilo-NOT_APPLICABLE = Les indicateurs ne couvrent pas cette forme d'exploitation (prélèvement d'organes, adoption). Ce n'est pas un résultat négatif.
wizard-result-ilo-ILO_LIST_UNVERIFIED = Les indicateurs ne peuvent pas donner de réponse claire ici, car une partie de leur liste n'est pas encore vérifiée. Appuyez-vous sur le résultat juridique.

wizard-result-next-CHILD_PROTECTION = Orientez dès maintenant vers la protection de l'enfance.
wizard-result-next-GUARDIAN = Demandez sans délai un tuteur ou un représentant pour l'enfant.
wizard-result-next-BEST_INTERESTS = Évaluez l'intérêt supérieur de l'enfant avant tout placement, tout contact avec la famille ou tout retour.
wizard-result-next-NO_DETENTION = Veillez à ce que l'enfant ne soit retenu ni par la police ni par les services de l'immigration pour cette raison.
wizard-result-next-ADULT_REFERRAL_CONSENT = Proposez une orientation vers une assistance, et n'orientez la personne que si elle est d'accord.
wizard-result-next-REFLECTION_PERIOD_30D = La personne a droit à un délai de rétablissement et de réflexion d'au moins 30 jours, sans éloignement.
wizard-result-next-ASSISTANCE_UNCONDITIONAL = Commencez l'assistance maintenant. Elle ne dépend jamais du fait de parler à la police.
wizard-result-next-NON_PUNISHMENT = Signalez les infractions que la personne a été contrainte de commettre : elle ne doit pas être sanctionnée pour ces faits.
wizard-result-next-LABOUR_INSPECTION = Signalez le lieu de travail à l'inspection du travail.
wizard-result-next-INTERNATIONAL_PROTECTION_SCREENING = Donnez accès aux procédures d'asile ou de détermination du statut de réfugié.
wizard-result-next-MEDICAL = Proposez des soins médicaux, y compris en santé sexuelle et reproductive et en santé mentale.
wizard-result-next-SAFETY_PLANNING = Prévoyez la sécurité de la personne, et celle de sa famille.
wizard-result-next-INFO_RIGHTS = Informez la personne, dans une langue qu'elle comprend, de ses droits, des risques et des lieux où trouver de l'aide.
wizard-result-next-REPORT_RECRUITER = Signalez le recruteur ou l'agence, si la personne est d'accord.
wizard-result-next-MRM_REPORT = Signalez le cas au mécanisme de surveillance et de communication de l'information des Nations Unies sur les enfants en situation de conflit armé.
wizard-result-next-AGE_ASSESSMENT_IF_SERIOUS_DOUBT = Continuez à traiter la personne comme un enfant. N'évaluez l'âge qu'en cas de doute sérieux, une fois la protection mise en place.
wizard-result-next-NO_ACTION = Rien de plus à faire pour l'instant ; donnez des informations si la personne en demande.

## How they came (acts)

q-act-recruitment = Est-ce que quelqu'un vous a proposé un travail, un voyage ou un mariage, ou est venu vous trouver pour vous demander de venir ?
q-act-transportation = Est-ce que quelqu'un vous a fait aller dans un autre endroit, en vous y emmenant ou en organisant votre voyage ?
q-act-transfer = Est-ce qu'on vous a fait passer d'une personne ou d'un groupe à un autre, ou est-ce qu'on vous a vendu ?
q-act-harbouring = Est-ce que quelqu'un vous a logé, gardé ou caché, pendant le trajet ou ici ?
q-act-receipt = Est-ce que quelqu'un est venu vous chercher à votre arrivée, et vous a accueilli ?

## What was done to them (means)

q-means-threat_of_force = Est-ce que quelqu'un a menacé d'être violent avec vous ou avec une personne proche de vous ?
q-means-use_of_force = Est-ce que quelqu'un vous a fait du mal, physiquement ou sexuellement, ou vous a retenu de force ?
q-means-other_coercion = Est-ce qu'on a fait pression sur vous d'une autre façon, sans vous laisser vraiment le choix, par exemple avec une dette, en gardant vos papiers, en menaçant de vous dénoncer, en vous enfermant ou par du chantage ?
q-means-abduction = Est-ce qu'on vous a emmené de force, contre votre volonté ?
q-means-fraud = Est-ce qu'on a utilisé une escroquerie pour avoir le contrôle sur vous, par exemple une fausse agence, un faux contrat ou de faux papiers ?
q-means-deception = Est-ce qu'on vous a menti sur le travail, le salaire, les conditions, le lieu, les coûts ou un mariage ?
q-means-abuse_of_power = Est-ce qu'une personne qui avait du pouvoir sur vous, par exemple un employeur, un agent de l'État, une personne qui s'occupait de vous ou le propriétaire de votre logement, s'en est servie pour vous contrôler ?
q-means-abuse_of_position_of_vulnerability = Est-ce que quelqu'un a profité d'une situation où vous n'aviez pas vraiment d'autre choix que d'accepter, par exemple la pauvreté, le fait de ne pas avoir de papiers ou d'avoir dû quitter votre foyer ?
q-means-giving_or_receiving_payments = Est-ce qu'on a donné de l'argent ou autre chose à une personne qui avait autorité sur vous, par exemple un de vos parents, pour obtenir son accord ?

## What it was for (purposes)

q-purpose-sexual_exploitation = Est-ce que quelqu'un d'autre a tiré profit de relations sexuelles qu'on vous a imposées, ou du travail du sexe que vous faisiez ?
q-purpose-forced_labour_or_services = Est-ce qu'on vous a fait travailler ou servir quelqu'un, dans un travail que vous n'aviez pas librement choisi, sous la menace d'une punition ?
q-purpose-slavery = Est-ce que quelqu'un vous a traité comme si vous lui apparteniez, par exemple en vous achetant, en vous vendant ou en vous prêtant ?
q-purpose-practices_similar_to_slavery = Est-ce qu'on vous a retenu par une dette que vous ne pourriez jamais rembourser, marié contre votre volonté, ou donné quand vous étiez enfant à quelqu'un qui vous faisait travailler ?
q-purpose-servitude = Est-ce que vous deviez vivre sur votre lieu de travail, sans aucun moyen de changer votre situation ?
q-purpose-removal_of_organs = Est-ce qu'on vous a pris un organe, ou est-ce qu'on a fait pression sur vous pour que vous en donniez un, au profit de quelqu'un d'autre ?
q-purpose-forced_criminality = Est-ce qu'on vous a fait commettre des délits pour d'autres, par exemple voler, vendre de la drogue ou faire des arnaques en ligne ?
q-purpose-forced_begging = Est-ce qu'on vous a fait mendier pour que quelqu'un d'autre en tire profit ?
q-purpose-forced_marriage = Est-ce qu'on vous a marié, ou est-ce qu'on veut vous marier, sans que vous soyez pleinement et librement d'accord ?
q-purpose-illegal_adoption = Est-ce qu'une adoption a été organisée avec de l'argent, des pressions ou de faux papiers ?
q-purpose-surrogacy_exploitation = Est-ce qu'on vous a fait porter un bébé pour quelqu'un d'autre, par la force ou par la tromperie ?
q-purpose-child_soldiering = Pour un enfant : est-ce qu'une armée ou un groupe armé t'a fait entrer dans ses rangs ou t'a utilisé, pour n'importe quelle tâche ?

## What they were told before leaving (ILO/EC: deceptive recruitment)

q-DR-deceived_nature_of_job = Est-ce que le travail, le lieu ou l'employeur est différent de ce qu'on vous avait dit avant que vous acceptiez de partir ?
q-DR-deceived_conditions_of_work = Est-ce que les horaires, les tâches ou les conditions sont différents de ce qu'on vous avait promis ?
q-DR-deceived_contract = Est-ce qu'un contrat qu'on vous avait montré a ensuite été modifié, remplacé ou pas respecté ?
q-DR-deceived_family_reunification = Est-ce qu'on vous avait dit que vous pourriez faire venir ou rejoindre des membres de votre famille, et cela ne s'est pas fait ?
q-DR-deceived_housing_living_conditions = Est-ce que l'endroit où vous vivez est différent de ce qu'on vous avait promis ?
q-DR-deceived_legal_documentation = Est-ce qu'on vous avait promis un visa, un permis de travail ou d'autres papiers que vous n'avez pas eus ?
q-DR-deceived_travel_recruitment_conditions = Est-ce que le voyage ou le travail vous a finalement coûté plus cher, ou autrement, que ce qu'on vous avait dit ?
q-DR-deceived_wages = Est-ce que votre paie est différente de ce qu'on vous avait promis ?
q-DR-deceived_promise_marriage_adoption = Est-ce que quelqu'un vous a promis un mariage, un ou une partenaire ou une adoption pour que vous partiez ou que vous acceptiez ?
q-DR-deceived_education = Est-ce qu'on vous avait promis l'école, des études ou une formation, et cela ne s'est pas fait ?
q-DR-deceived_conditions_of_prostitution = Si vous saviez que le travail comprendrait du travail du sexe : est-ce que l'argent, les horaires, les clients ou votre liberté de dire non sont différents de ce qu'on vous avait dit ?

## How they were made to go (ILO/EC: coercive recruitment)

q-CR-violence_on_victim = Avant votre arrivée, ou pendant le trajet, est-ce que quelqu'un vous a fait du mal ?
q-CR-abduction_forced_marriage_adoption_sale = Est-ce qu'on vous a emmené contre votre volonté, marié ou adopté contre votre volonté, ou donné à quelqu'un en échange d'argent ou de biens ?
q-CR-confiscation_of_documents = Est-ce que quelqu'un a pris votre passeport ou vos papiers d'identité avant ou pendant le voyage ?
q-CR-debt_bondage = Pour pouvoir voyager ou obtenir le travail, est-ce que vous ou votre famille avez eu une dette, à des conditions fixées par d'autres ?
q-CR-isolation_confinement_surveillance = Pendant le trajet jusqu'ici, est-ce qu'on vous a gardé dans un endroit que vous ne pouviez pas quitter, ou surveillé tout le temps ?
q-CR-threat_of_denunciation = Est-ce que quelqu'un a menacé de vous dénoncer à la police ou aux services de l'immigration si vous ne faisiez pas ce qu'on vous demandait ?
q-CR-threat_to_inform_family_community = Est-ce que quelqu'un a menacé de raconter des choses sur vous à votre famille ou à votre communauté, ou de montrer des photos de vous, si vous ne faisiez pas ce qu'on vous demandait ?
q-CR-threat_of_violence = Est-ce que quelqu'un a menacé de vous faire du mal si vous refusiez ou si vous ne partiez pas ?
q-CR-violence_on_family = Est-ce que quelqu'un a fait du mal à votre famille, ou l'a menacée, pour vous obliger à partir ?
q-CR-withholding_of_money = Est-ce que quelqu'un a gardé votre argent ou vos économies pour que vous fassiez ce qu'on vous demandait ?

## Their situation when they were recruited (ILO/EC: abuse of vulnerability at recruitment)

q-AVR-abuse_of_difficult_family_situation = Est-ce que la personne qui vous a recruté connaissait des problèmes chez vous, et s'en est servie pour vous convaincre ?
q-AVR-abuse_of_irregular_status = Est-ce que le recruteur s'est servi du fait que vous n'aviez pas de papiers pour rester ou travailler, pour faire pression sur vous ?
q-AVR-abuse_of_lack_of_education = Est-ce que c'était difficile pour vous de lire le contrat ou les messages qu'on vous envoyait, ou est-ce qu'ils étaient dans une langue que vous ne comprenez pas ?
q-AVR-abuse_of_lack_of_information = Avant de partir, est-ce que vous deviez croire le recruteur sur parole, sans pouvoir vérifier le travail ?
q-AVR-control_of_exploiters = Est-ce que la personne qui vous a recruté avait déjà du pouvoir sur vous, par exemple comme propriétaire de votre logement, employeur, prêteur ou membre de votre famille ?
q-AVR-economic_reasons = Quand on vous a fait cette offre, est-ce que vous ou votre famille aviez un besoin pressant de gagner de l'argent ?
q-AVR-false_information_about_law_authorities = Est-ce qu'on vous a dit que la police ou les autorités vous arrêteraient ou vous feraient du mal si vous leur demandiez de l'aide ?
q-AVR-false_information_about_migration = Est-ce qu'on vous a raconté des histoires de personnes qui avaient réussi à l'étranger, et qui se sont révélées fausses ensuite ?
q-AVR-family_situation = Est-ce que votre famille comptait sur vous pour gagner de l'argent ou pour quitter la maison ?
q-AVR-personal_situation = À ce moment-là, est-ce que quelque chose dans votre vie vous rendait difficile de dire non, par exemple votre santé, votre logement ou le fait de n'avoir personne autour de vous ?
q-AVR-psychological_emotional_dependency = Est-ce que la personne qui vous a recruté était votre partenaire, un ami ou une amie proche, ou quelqu'un dont vous dépendiez ?
q-AVR-relationship_with_authorities_legal_status = Avant de partir, est-ce que vos papiers étaient précaires, ou est-ce que vous sentiez que vous ne pourriez pas vous adresser aux autorités en cas de problème ?
q-AVR-difficulties_in_the_past = Seulement si la personne en parle elle-même : est-ce que des choses difficiles vous étaient arrivées avant, au point que partir semblait la seule solution ?
q-AVR-difficulty_organising_travel = Est-ce que vous aviez besoin de quelqu'un d'autre pour organiser le voyage à votre place ?
q-AVR-abuse_of_cultural_religious_beliefs = Est-ce qu'on a utilisé des croyances, des serments ou des rituels pour vous faire accepter ou vous faire taire ?
q-AVR-general_context = Observez, ne posez pas la question : la personne vient-elle d'un lieu touché par un conflit, des déplacements de population, une catastrophe ou des discriminations ?

## Their work and living conditions (ILO/EC: exploitative conditions)

q-EX-excessive_hours = Est-ce que vous travaillez de très longues heures, ou beaucoup de jours sans jour de repos ?
q-EX-bad_living_conditions = Est-ce que l'endroit où vous dormez est surpeuplé ou dangereux, ou est-ce que vous manquez de nourriture ou d'eau ?
q-EX-hazardous_work = Est-ce que votre travail est dangereux, ou est-ce qu'il vous rend malade ?
q-EX-low_or_no_salary = Est-ce qu'on vous paie très peu ou pas du tout, ou est-ce que quelqu'un d'autre prend l'argent à votre place ?
q-EX-labour_law_or_contract_breached = Est-ce que l'employeur revient sur ce qui avait été convenu pour le salaire, les horaires ou les jours de repos ?
q-EX-no_social_protection = Est-ce que vous travaillez sans contrat, sans assurance maladie ou sans sécurité sociale ?
q-EX-very_bad_working_conditions = Est-ce que les conditions sur votre lieu de travail sont très mauvaises, par exemple pas de pauses, pas d'eau potable ou pas de toilettes ?
q-EX-wage_manipulation = Est-ce qu'on retire de l'argent de votre paie pour le logement, le transport, des amendes ou une dette, ou est-ce que votre paie est versée à quelqu'un d'autre ?
q-EX-no_access_to_education = Pour un enfant : est-ce qu'on t'empêche d'aller à l'école ou en cours ?

## What keeps them there (ILO/EC: coercion at destination)

q-CD-confiscation_of_documents = Est-ce que quelqu'un a pris ou garde vos papiers d'identité ?
q-CD-debt_bondage = Est-ce que vous devez de l'argent à l'employeur ou à quelqu'un lié au travail, et est-ce que vous sentez que vous ne pouvez pas partir tant que ce n'est pas remboursé ?
q-CD-isolation_confinement_surveillance = Est-ce qu'on vous empêche de sortir quand vous ne travaillez pas, est-ce qu'on vous surveille, ou est-ce qu'on contrôle votre téléphone ?
q-CD-violence_on_victim = Est-ce que quelqu'un ici vous a fait du mal, physiquement ou sexuellement ?
q-CD-forced_into_illicit_activities = Est-ce qu'on vous a fait faire des choses interdites par la loi, par exemple voler, vendre de la drogue ou escroquer des gens ?
q-CD-forced_tasks_or_clients = Est-ce qu'on vous oblige à faire des tâches, à atteindre des objectifs ou à voir des clients quand vous ne le voulez pas ?
q-CD-forced_to_act_against_peers = Est-ce qu'on vous a fait surveiller, punir ou recruter d'autres personnes ?
q-CD-forced_to_lie = Est-ce qu'on vous a dit ce que vous deviez dire aux fonctionnaires, aux inspecteurs ou à votre famille ?
q-CD-threat_of_denunciation = Est-ce que quelqu'un a menacé de vous dénoncer à la police ou aux services de l'immigration ?
q-CD-threat_of_worse_conditions = Est-ce que quelqu'un a menacé de vous donner un travail plus dur, moins de nourriture ou un endroit pire pour dormir ?
q-CD-threat_of_violence = Est-ce que quelqu'un a menacé de vous faire du mal ?
q-CD-under_strong_influence = Est-ce que vous sentez que vous devez faire ce qu'ils disent, même quand ils ne sont pas là ?
q-CD-violence_on_family = Est-ce que quelqu'un a menacé votre famille ou vos proches, ou leur a fait du mal ?
q-CD-withholding_of_wages = Est-ce qu'on garde votre paie, ou est-ce qu'on vous la promet seulement pour plus tard ?
q-CD-threat_to_inform_family_community = Est-ce que quelqu'un a menacé de parler de vous à votre famille ou à d'autres personnes, ou de montrer des photos de vous ?

## Their situation here (ILO/EC: abuse of vulnerability at destination)

q-AVD-dependency_on_exploiters = Est-ce que vous dépendez des personnes pour qui vous travaillez pour avoir un logement, de la nourriture ou vos papiers ?
q-AVD-difficulty_living_in_unknown_area = Est-ce que c'est difficile pour vous ici parce que vous ne connaissez pas l'endroit, que vous ne parlez pas la langue, ou que vous ne savez pas où trouver de l'aide ?
q-AVD-economic_reasons = Est-ce que vous ou votre famille avez tellement besoin de cet argent que partir vous semble impossible ?
q-AVD-family_situation = Est-ce que votre famille, ici ou au pays, compte sur vous pour que vous restiez dans ce travail ?
q-AVD-relationship_with_authorities_legal_status = Est-ce que vous êtes ici sans papiers qui vous permettent de rester et de travailler, ou est-ce que vous avez peur de vous adresser aux autorités ?
q-AVD-difficulties_in_the_past = Seulement si la personne en parle elle-même : est-ce que quelque chose dans votre passé fait qu'il vous est plus difficile de sortir de cette situation ?
q-AVD-personal_characteristics = Observez, ne posez pas la question : l'âge, la santé, un handicap ou une grossesse rendent-ils la personne plus facile à contrôler ?

## Things they were made to do (offences as a consequence)

q-offence-immigration = Est-ce que vous êtes entré dans un pays, y êtes resté ou y avez travaillé sans autorisation, ou est-ce que vous avez quitté l'employeur qui se portait garant de vous ?
q-offence-document_fraud = Est-ce que vous avez utilisé de faux documents, ou en aviez sur vous ?
q-offence-prostitution = Est-ce qu'on pourrait vous accuser d'infractions liées à la vente de services sexuels ?
q-offence-begging = Est-ce qu'on pourrait vous accuser de mendicité ou de vagabondage ?
q-offence-theft = Est-ce qu'on vous a fait voler, faire les poches des gens ou voler dans les magasins ?
q-offence-drugs = Est-ce qu'on vous a fait cultiver, transporter ou vendre de la drogue ?
q-offence-fraud = Est-ce qu'on vous a fait participer à des fraudes ou à des arnaques en ligne ?
q-offence-organ_sale = Est-ce que vous avez vendu un organe ?
q-offence-armed_conflict_related = Est-ce que vous avez fait partie d'un groupe armé, ou est-ce qu'on vous y a fait faire des choses ?
q-offence-other = Est-ce qu'on vous a fait faire autre chose qui est interdit par la loi ?

## Signs of risk

q-risk-unrealistic_offer = Est-ce que le salaire ou les conditions proposés sont bien meilleurs que d'habitude pour ce travail, avec peu d'exigences ?
q-risk-no_written_contract = Est-ce qu'il manque un contrat ou une offre par écrit, ou est-ce que le seul document est impossible à lire pour vous ?
q-risk-recruiter_requests_documents = Est-ce que le recruteur, ou quelqu'un qui voyage avec vous, a demandé à garder votre passeport ou vos papiers d'identité ?
q-risk-secrecy_requested = Est-ce qu'on vous a dit de ne rien dire à votre famille, à vos amis ou aux autorités ?
q-risk-costs_advanced_by_recruiter = Est-ce que le recruteur avance l'argent du voyage ou des frais, que vous devrez lui rembourser plus tard ?
q-risk-fees_charged_to_worker = Est-ce qu'on vous a demandé, à vous ou à votre famille, de payer des frais pour obtenir le travail ?
q-risk-unlicensed_recruiter = Est-ce que le recruteur travaille sans licence, ou est-ce que vous ignorez qui il est vraiment ?
q-risk-rushed_departure = Est-ce qu'on vous pousse à décider ou à partir en quelques jours ?
q-risk-companion_controls_person = Observez, ne posez pas la question : quelqu'un d'autre parle-t-il à la place de la personne, garde-t-il ses papiers ou la surveille-t-il ?
q-risk-irregular_travel_arranged = Est-ce que le voyage est organisé par des voies irrégulières ou avec de faux documents ?

## A few more things (the optional flags)

q-flag-unaccompanied = Pour un enfant : est-ce que tu es ici sans tes parents, et sans un autre adulte qui est responsable de toi ?
q-flag-children_present = Est-ce que d'autres enfants sont dans la même situation, ou vivent dans le même foyer ?
q-flag-family_involved = Est-ce que quelqu'un de votre famille, ou votre partenaire, faisait partie des personnes qui vous ont recruté, déplacé, vendu, contrôlé ou exploité ?
q-flag-smuggled = Est-ce que quelqu'un vous a fait entrer dans un pays sans autorisation, contre de l'argent ?
q-flag-seeks_international_protection = Est-ce que vous avez demandé l'asile, ou est-ce que vous avez peur de retourner dans votre pays ?
