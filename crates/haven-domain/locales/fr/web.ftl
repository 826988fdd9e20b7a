# The web application's words. Every page takes its text from here; a test fails when a
# message is missing from any language.
# French. Written for Haven; to be reviewed by native-speaking practitioners (docs/translations.md).

app-name = Haven
app-tagline = Identification, orientation et protection des personnes survivantes de la traite
skip-to-content = Aller au contenu principal
language = Langue
language-choose = Changer de langue
language-save = Utiliser cette langue
language-remember = La mémoriser pour mon compte
nav-home = Accueil
nav-cases = Dossiers
nav-screen = Nouveau repérage
nav-inbox = Orientations reçues
nav-decisions = Décisions
nav-supervision = Supervision
nav-directory = Services
nav-dashboard = Tableau de bord
nav-admin = Administration
nav-account = Mon compte
sign-out = Se déconnecter
signed-in-as = Session de { $name }

sign-in-title = Connexion
sign-in-username = Nom d'utilisateur
sign-in-password = Mot de passe
sign-in-totp = Code de votre application d'authentification
sign-in-totp-hint = Seulement si votre compte en a une : six chiffres.
sign-in-submit = Se connecter
sign-in-failed = Le nom d'utilisateur ou le mot de passe est incorrect, ou le code manque. Réessayez.
sign-in-locked = Ce compte est verrouillé après un trop grand nombre de tentatives. Réessayez plus tard ou adressez-vous à votre administrateur.
sign-in-disabled = Ce compte est désactivé. Adressez-vous à votre administrateur.
sign-in-rate-limited = Trop de tentatives de connexion depuis ce poste. Réessayez dans { $seconds } s.
sign-in-session-ended = Votre session a pris fin. Reconnectez-vous.

error-title = Quelque chose ne va pas
error-not-found = Il n'y a rien à cette adresse.
error-forbidden = Vous n'avez pas accès à cet élément. { $reason }
error-back = Revenir à la page d'accueil

home-title = Bienvenue, { $name }
home-intro = Que souhaitez-vous faire ?

role-screener = Agent de repérage de première ligne
role-caseworker = Gestionnaire de cas
role-supervisor = Superviseur
role-decision_maker = Décideur
role-provider = Prestataire de services
role-registrar = Agent d'enregistrement
role-trainer = Formateur
role-statistician = Statisticien
role-admin = Administrateur

yes = Oui
no = Non
dont-know = Ne sait pas
save = Enregistrer
cancel = Annuler
apply-filters = Afficher
none-yet = Rien pour l'instant.
date-not-set = non fixée
reason = Motif
date-format = { $day ->
    [1] 1er
   *[other] { $day }
} { $month } { $year }
month-1 = janv.
month-2 = févr.
month-3 = mars
month-4 = avr.
month-5 = mai
month-6 = juin
month-7 = juil.
month-8 = août
month-9 = sept.
month-10 = oct.
month-11 = nov.
month-12 = déc.

## Cases
cases-title = Dossiers
cases-search-name = Nom
cases-search-name-hint = Un prénom ou un nom de famille, écrit en entier ; les accents et les majuscules ne comptent pas.
cases-stage = Étape
cases-child = Enfant
cases-any = Tous
cases-count = { $count ->
    [0] Aucun dossier ne correspond.
    [one] Un dossier.
    [many] { $count } de dossiers.
   *[other] { $count } dossiers.
}
case-title = Dossier
case-reference = Référence
case-opened = Ouvert le
case-next-due = Prochaine échéance
case-summary = Résumé
case-status = Statut
case-track = Parcours
case-track-adult = Adulte
case-track-child = Enfant : les étapes de protection de l'enfance passent en premier
case-guardian = Tuteur ou tutrice
case-owner = Gestionnaire de cas
case-profile = Profil juridictionnel
case-due = Échéances
case-consents = Consentement
case-referrals = Orientations
case-decisions = Décisions
case-support-plans = Plans d'accompagnement
case-actions = Ce que vous pouvez faire maintenant
case-no-actions = Vous ne pouvez rien faire sur ce dossier à cette étape.
case-action-recorded = Enregistré.
case-timeline = Historique
case-access-history = Qui a consulté ce dossier
case-non-punishment-alert = non-sanction
case-non-punishment-notice = Une procédure contre cette personne est en cours alors que la traite est reconnue : envoyez l'avis de non-sanction au ministère public ou à la juridiction.

stage-identified = Identification
stage-anonymous_notification = Signalement anonyme uniquement
stage-referred = Orientation vers l'autorité compétente
stage-recovery_period = Délai de rétablissement et de réflexion
stage-not_identified = Non-identification (réexamen possible)
stage-reconsideration = Réexamen demandé
stage-recognised = Qualité de victime reconnue
stage-durable_solution = Solution durable
stage-closed = Dossier clos

deadline-reasonable_grounds_decision = Décision relative aux motifs raisonnables
deadline-referral_response = Réponse à une orientation
deadline-guardian_appointment = Désignation d'un tuteur
deadline-best_interests_assessment = Évaluation de l'intérêt supérieur
deadline-conclusive_grounds_decision = Décision relative aux motifs concluants
deadline-reconsideration_decision = Décision sur le réexamen
deadline-child_protection_referral = Orientation vers la protection de l'enfance
deadline-case_review = Examen du dossier
due-pending = à échéance
due-overdue = en retard
due-escalated = transmis au superviseur

consent-purpose = Finalité
consent-given-by = Donné par
consent-given = Donné le
consent-state = État
consent-active = en vigueur
consent-withdrawn = retiré
consent-by-person = la personne
consent-by-guardian = le tuteur ou la tutrice, { $name }
consent-referral-to = orientation vers { $organisation }
consent-organisation = Organisation (pour une orientation)
consent-told = Ce qui a été expliqué à la personne
consent-told-purpose = à quoi il sert
consent-told-uses = comment les informations seront utilisées
consent-told-retention = combien de temps elles sont conservées
consent-told-withdrawal = qu'elle peut le retirer à tout moment
consent-child-assent = L'avis de l'enfant
consent-interpreter = Langue de l'interprète (s'il y en a eu un)
consent-which = Quel consentement
assent-given = est d'accord
assent-refused = n'est pas d'accord
assent-not-able = n'a pas pu donner son avis
purpose-assistance = assistance
purpose-referral = orientation vers une organisation
purpose-law_enforcement_sharing = partage avec les forces de l'ordre
purpose-statistics = statistiques
purpose-research = recherche
purpose-cross_border_transfer = transfert vers un autre pays

referral-to = Destinataire
referral-for = Pour
referral-status = Statut
referral-shared = Informations partagées
referral-date = Envoyée le
referral-answer = Réponse
referral-accept = Accepter
referral-decline = Refuser
referral-decline-reason = Motif, en cas de refus
referral-outcome = Résultat
referral-minimum-hint = Ne partagez que ce dont le destinataire a besoin ; Haven refuse tout ce qui dépasse ce que son rôle autorise.
referral-sent = en attente de réponse
referral-accepted = acceptée
referral-declined = refusée
referral-completed = terminée
referral-revoked = révoquée
referral-suspended = suspendue (consentement retiré)
recipient-competent_authority = la décision de l'autorité compétente
recipient-shelter = hébergement
recipient-child_protection = protection de l'enfance
recipient-health = soins de santé
recipient-legal_aid = aide juridique
recipient-education = éducation
recipient-law_enforcement = forces de l'ordre
recipient-foreign_authority = le mécanisme d'orientation d'un autre pays

field-case_reference = référence du dossier
field-gender = genre
field-age_group = tranche d'âge
field-language = langue
field-exploitation_type = forme d'exploitation
field-screening_result = résultat du repérage
field-needs = besoins
field-safety_risks = risques pour la sécurité
field-name = nom
field-date_of_birth = date de naissance
field-contact_details = coordonnées
field-narrative = récit des faits
field-guardian_contact = coordonnées du tuteur ou de la tutrice
country-of-exploitation = Pays d'exploitation (deux lettres)

decision-reasonable_grounds = motifs raisonnables
decision-conclusive_grounds = motifs concluants
decision-threshold = Le critère :
decision-outcome = Décision
decision-reasons = Motivation écrite
decision-evidence = Éléments sur lesquels repose la décision
decision-evidence-hint = Un élément par ligne.
decision-letter = courrier
outcome-positive = positive
outcome-negative = négative
reconsideration-grounds = Motifs de la demande de réexamen
best-interests-summary = Évaluation et détermination
support-plan-type = Type de plan
support-plan-objectives = Objectifs
durable-solution = Solution
solution-local_integration = intégration locale
solution-safe_and_voluntary_return = retour volontaire, en sécurité
solution-resettlement = réinstallation
solution-country = Pays (deux lettres)
solution-risk-assessment = Évaluation des risques
solution-agreed = La personne (pour un enfant, le tuteur ou la tutrice) est d'accord
proceeding-offence = Infraction
proceeding-description = Ce qui est reproché à la personne
proceeding-linked = Liée à la traite (la non-sanction s'applique)
cooperation = Coopération avec les forces de l'ordre
cooperation-not_asked = non demandée
cooperation-cooperating = coopère
cooperation-declined = refusée
cooperation-hint = Consignée pour le dossier uniquement : aucun des droits de la personne n'en dépend.
placement = Lieu où la personne est hébergée
closure-status = Mode de clôture
closure-closed = clos
closure-closed_referred = clos, suivi ailleurs

offer-give_consent = Consigner un consentement
offer-withdraw_consent = Retirer le consentement
offer-refer = Orienter
offer-answer_referral = Répondre à l'orientation
offer-complete_referral = Terminer l'orientation
offer-revoke_referral = Révoquer l'orientation
offer-notify_anonymously = Faire uniquement le signalement anonyme
offer-decide = Décider
offer-request_reconsideration = Demander un réexamen
offer-appoint_guardian = Désigner un tuteur ou une tutrice
offer-assess_best_interests = Consigner l'évaluation de l'intérêt supérieur
offer-add_support_plan = Ajouter un plan d'accompagnement
offer-choose_durable_solution = Choisir une solution durable
offer-record_proceeding = Consigner une procédure contre la personne
offer-record_cooperation = Consigner la coopération
offer-place = Consigner le lieu d'hébergement
offer-review = Consigner un examen du dossier
offer-close = Clore le dossier

gender-Feminine = féminin
gender-Masculine = masculin
gender-TransgenderFeminine = transgenre féminin
gender-TransgenderMasculine = transgenre masculin
gender-NonConforming = non conforme aux normes de genre
gender-NonSpecifiedUnknown = non précisé
exploitation-ForcedLabour = travail forcé
exploitation-SexualExploitation = exploitation sexuelle
exploitation-ChildLabour = travail des enfants
exploitation-ForcedMarriage = mariage forcé
exploitation-Servitude = servitude
exploitation-ForcedMilitaryByNonStateActors = service militaire forcé imposé par des acteurs non étatiques
exploitation-OrganRemoval = prélèvement d'organes
exploitation-ForcedBegging = mendicité forcée
exploitation-ForcedAdoption = adoption forcée
exploitation-Surrogacy = gestation pour autrui
exploitation-Other = autre
plan-Education = éducation
plan-Financial = soutien financier
plan-Health = santé
plan-LabourExploitationRehabilitation = rétablissement après une exploitation par le travail
plan-Legal = juridique
plan-Livelihood = moyens de subsistance
plan-RightsBasedTraining = formation fondée sur les droits
plan-SexualExploitationRehabilitation = rétablissement après une exploitation sexuelle
plan-SocialCare = aide sociale
offence-immigration = immigration
offence-document = documents
offence-prostitution = prostitution
offence-drugs = stupéfiants
offence-begging = mendicité
offence-fraud = fraude
offence-theft = vol
offence-other = autre
setting-shelter = centre d'hébergement
setting-safe_house = hébergement sécurisé
setting-foster_care = famille d'accueil
setting-child_protection_facility = établissement de protection de l'enfance
setting-own_accommodation = logement personnel
setting-immigration_detention = rétention administrative
setting-police_custody = garde à vue

## The receiving organisation
inbox-title = Orientations reçues
inbox-empty = Aucune orientation ici.
inbox-open-case = ouvrir le dossier
referral-title = Orientation
referral-only-shared = Vous ne voyez que ce que le ou la gestionnaire de cas à l'origine de l'orientation a partagé avec votre organisation.
not-recorded = non consigné

## Queues
decisions-title = Décisions
decisions-to-accept = Orientations en attente de prise en charge par l'autorité
decisions-due = Décisions à rendre, l'échéance la plus proche en premier
supervision-title = Supervision
supervision-overdue = En retard et transmis au superviseur
supervision-what = Objet
supervision-was-due = Échéance
supervision-workload = Charge de travail de l'équipe
supervision-open-cases = Dossiers ouverts
supervision-late-items = Éléments en retard

## Account
account-title = Mon compte
account-sessions = Vos sessions ouvertes
account-session-started = Début
account-session-ends = Fin
account-sign-out-everywhere = Se déconnecter partout
account-totp = Second facteur
account-totp-on = Une application d'authentification est configurée pour ce compte.
account-totp-begin = Configurer une application d'authentification
account-totp-enter-secret = Ajoutez cette clé à votre application d'authentification, puis saisissez le code qu'elle affiche.
account-totp-confirm = Confirmer
account-totp-confirmed = L'application d'authentification est configurée.
account-totp-wrong-code = Ce code n'est pas le bon ; essayez le suivant qu'affiche l'application.

## Administration
admin-title = Administration
admin-only = Seul un administrateur peut faire cela.
admin-profile-for-new-cases = Le profil sous lequel s'ouvrent les nouveaux dossiers (les dossiers déjà ouverts gardent le leur)
admin-organisations = Organisations
admin-add-organisation = Ajouter une organisation
admin-name = Nom
admin-org-type = Type
admin-second-factor = Second facteur obligatoire
admin-users = Utilisateurs
admin-add-user = Ajouter un utilisateur
admin-role = Rôle
admin-organisation = Organisation
admin-disabled = désactivé
admin-disable = Désactiver
admin-password-hint = Au moins 12 caractères ; l'utilisateur le change après s'être connecté.

## Service directory
directory-title = Services
directory-kind = Type de service
directory-free-only = Seulement avec une place libre
directory-provider = Prestataire
directory-for-whom = Pour qui
directory-places = Places libres
directory-full = complet
directory-places-not-applicable = sans limite
directory-women-only = réservé aux femmes
directory-child-friendly = adapté aux enfants
directory-disability-access = accessible de plain-pied
matching-title = Services adaptés à cette personne
matching-back = Retour au dossier
matching-none = Aucun service des types dont cette personne a besoin ne figure dans le répertoire. Enregistrez d'abord ses besoins dans le dossier.
matching-eligible = convient
matching-not-eligible = ne convient pas
service-shelter = hébergement
service-medical = soins médicaux
service-psychosocial = soutien psychosocial
service-legal_aid = aide juridique
service-interpretation = interprétariat
service-guardianship = tutelle
service-education = éducation
service-vocational = formation professionnelle
service-repatriation = retour en sécurité
service-child_protection = protection de l'enfance

## Dashboard
dashboard-title = Tableau de bord
dashboard-intro = Comptages issus des dossiers de Haven. Les petits nombres sont masqués pour que personne ne puisse être identifié.
dashboard-stage = Dossiers par étape
dashboard-sex = Personnes identifiées par sexe
dashboard-age_group = Personnes identifiées par groupe d'âge
dashboard-form_of_exploitation = Personnes identifiées par forme d'exploitation
dashboard-deadlines = Délais : respectés, dépassés, signalés
