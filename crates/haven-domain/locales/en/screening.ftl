# The screening wizard: every word of it, in one file so it can be translated in one go.
#
# Questions are read aloud, often through an interpreter: plain words, one fact per question,
# asked so that "yes" always means the sign is there (never a trick question). Their ids follow
# one rule from the catalogue's ids (reference/identification-catalogue.toml):
#   q-act-<id>, q-means-<id>, q-purpose-<id>, q-offence-<id>, q-risk-<id>, q-flag-<input field>,
#   and for ILO/EC indicators q-<DIM>-<slug> for the indicator "<DIM>.<slug>".
# A test fails when a question the wizard asks has no message.

## The wizard around the questions

wizard-title = New screening
wizard-progress = Step { $step } of { $steps }: { $title }
wizard-next = Next
wizard-back = Back
wizard-save = Save and continue later
wizard-submit = See the result
wizard-resumed = Your saved answers are back. Carry on where you left off.
wizard-reassure = Read each question as it is written. "Don't know" is always a good answer, and the person may skip any question.
wizard-errors = Some answers need your attention. Nothing you entered has been lost.
answer-yes = Yes
answer-no = No
answer-unknown = Don't know

## Interpreter mode

wizard-interpreter = Working with an interpreter? Show every question also in
wizard-interpreter-none = No, one language is enough
wizard-interpreter-hint = Each question then appears in your language and the interpreter's, side by side.
wizard-interpreter-untranslated = Haven does not have these questions in { $language } yet: they are shown in English until the translation arrives.

## Step titles and what to say before the questions

wizard-step-person = About the person
wizard-step-person-intro = Say who you are and why you ask. Explain that answers help find the right support, that nothing here is a test, and that the person can stop at any time.
wizard-step-acts = How they came
wizard-step-acts-intro = These questions are about how the person came to be where they are now.
wizard-step-means = What was done to them
wizard-step-means-intro = These questions are about how people got or kept control over the person. Go gently; stop if the person is upset.
wizard-step-purposes = What it was for
wizard-step-purposes-intro = These questions are about what the person was made to do, or was going to be made to do.
wizard-step-DR = What they were told before leaving
wizard-step-DR-intro = These questions compare what the person was promised with what really happened.
wizard-step-CR = How they were made to go
wizard-step-CR-intro = These questions are about force, threats or control when the person was recruited or moved.
wizard-step-AVR = Their situation when they were recruited
wizard-step-AVR-intro = These questions are about hardship or dependence that someone may have used.
wizard-step-EX = Their work and living conditions
wizard-step-EX-intro = These questions are about the work itself and the place where the person lives.
wizard-step-CD = What keeps them there
wizard-step-CD-intro = These questions are about what stops the person from leaving. Remind them they are safe to answer or not.
wizard-step-AVD = Their situation here
wizard-step-AVD-intro = These questions are about dependence, isolation or fear where the person is now.
wizard-step-offences = Things they were made to do
wizard-step-offences-intro = Ask about things the person had to do because of their situation. Say that these answers protect them: offences someone was compelled to commit because of being trafficked must not be punished.
wizard-step-risks = Signs of risk
wizard-step-risks-intro = These questions look for signs that the person may be about to be exploited, for example before they take a job or a journey.
wizard-step-flags = A few more things
wizard-step-flags-intro = These answers decide who else must be told, and what protection to offer.
wizard-step-submit = Check and see the result
wizard-step-submit-intro = Nothing is recorded until you ask for the result.

## About the person

wizard-age-years = Age in years, if it is established
wizard-age-years-hint = Leave empty when the age is not known for sure.
wizard-age-basis = How is the age known?
wizard-basis-document = From an identity document
wizard-basis-claimed = The person says so
wizard-basis-assessment = From an age assessment
wizard-basis-observed = From appearance only (an impression, never decisive)
wizard-claimed-years = The age the person gives, if the age is not established
wizard-minor = Is there any reason to believe the person may be under 18?
wizard-minor-hint = If there is, Haven treats the person as a child until the age is established.
wizard-sex = Sex
wizard-sex-female = Female
wizard-sex-male = Male
wizard-sex-other = Other
wizard-sex-unknown = Not known or not said
wizard-language = The person's language
wizard-language-hint = A language code, for example ar, fa, ps, so, ti or uk. It is used for letters if a case is opened.

## What it was for

wizard-exploitation-type = Which kind of exploitation is this mostly about?
wizard-exploitation-type-hint = This chooses which indicators apply. If more than one fits, choose the main one.
wizard-exploitation-labour = Work or services, including begging and crime
wizard-exploitation-sexual = Sexual exploitation
wizard-exploitation-other = Organ removal or adoption
wizard-exploitation-pick = Choose one

## Check and see the result

wizard-summary = You answered yes to { $yes ->
    [one] one question
   *[other] { $yes } questions
} and no to { $no ->
    [one] one question
   *[other] { $no } questions
}. Everything else counts as not known, never as no.
wizard-register = Register the person (optional)
wizard-register-hint = The name is kept in the identity vault, sealed, apart from the screening. A case can only be opened for a registered person. Leave both empty to screen without a name.
wizard-given-name = Given name
wizard-family-name = Family name

## Errors next to the fields

wizard-error-age-basis = Choose how the age is known.
wizard-error-age-number = Write a whole number of years from 0 to 120, or leave it empty.
wizard-error-language = Write a language code such as ar, fa or uk, or leave it empty.
wizard-error-exploitation-type = Choose the kind of exploitation: it decides which indicators apply.
wizard-error-name = A name may have at most 200 characters.
wizard-error-not-recorded = The screening could not be recorded: { $detail }

## Drafts

wizard-drafts-title = Saved screenings
wizard-drafts-intro = Screenings you saved to continue later. Only you can see them; the answers are kept encrypted.
wizard-drafts-none = You have no saved screenings.
wizard-drafts-saved = Saved. You can continue this screening from this list.
wizard-drafts-deleted = The saved screening was deleted.
wizard-drafts-saved-on = Saved
wizard-drafts-step = Reached
wizard-drafts-continue = Continue
wizard-drafts-delete = Delete
wizard-drafts-new = Start a new screening

## The result

wizard-result-title = Screening result
wizard-result-child-first = A child: protect first
wizard-result-child-first-intro = The person is treated as a child. Do these things first, before anything else.
wizard-result-children-present = Other children: protect them too
wizard-result-children-present-intro = Other children are in the same situation. Each of them needs child protection and their own screening.
wizard-result-outcome = What the screening says
wizard-result-legal = Under the law
wizard-result-ilo = On the ILO/EC indicators
wizard-result-forced-labour = Signs of forced labour: an indicator of involuntary work and one of a penalty or threat were answered yes.
wizard-result-sale-of-children = Sale of a child: the child was handed over and someone in control of the child was paid.
wizard-result-next = What to do next
wizard-result-then = Then
wizard-result-why = Why
wizard-result-why-intro = The rules that gave this result, with the facts they used.
wizard-result-open-case = Open a case
wizard-result-open-case-intro = A case follows the person through referral, decisions and support.
wizard-result-case-language = The person's language, for letters
wizard-result-no-person = No person is registered with this screening, so no case can be opened from it. To open a case, screen again and register the person on the last step.
wizard-result-track-child = Treated as a child
wizard-result-track-adult = Treated as an adult
wizard-result-again = Start another screening

wizard-result-legal-TRAFFICKING = There are reasonable grounds to believe the person is a victim of trafficking. This is not a final decision.
wizard-result-legal-NOT_TRAFFICKING = Not trafficking: something the law requires is ruled out by the answers.
wizard-result-legal-AT_RISK = At risk of trafficking: nothing the law requires is ruled out, some is not known, and there are signs of risk.
wizard-result-legal-INSUFFICIENT_INFORMATION = Not enough is known yet. Nothing is ruled out; screen again when more is known.

wizard-result-ilo-VICTIM = The indicators point to a victim of trafficking.
wizard-result-ilo-NOT_VICTIM = The indicators answered yes are not enough to point to a victim of trafficking.
wizard-result-ilo-NOT_APPLICABLE = The indicators do not cover this kind of exploitation (organ removal, adoption). This is not a negative result.
wizard-result-ilo-ILO_LIST_UNVERIFIED = The indicators cannot give a clear answer here, because part of their list is not verified yet. Rely on the legal result.

wizard-result-next-CHILD_PROTECTION = Refer to child protection now.
wizard-result-next-GUARDIAN = Ask for a guardian or representative for the child without delay.
wizard-result-next-BEST_INTERESTS = Assess the child's best interests before any placement, family contact or return.
wizard-result-next-NO_DETENTION = Make sure the child is not held by police or immigration because of this.
wizard-result-next-ADULT_REFERRAL_CONSENT = Offer referral for assistance, and refer only if the person agrees.
wizard-result-next-REFLECTION_PERIOD_30D = The person has a recovery and reflection period of at least 30 days, with no removal.
wizard-result-next-ASSISTANCE_UNCONDITIONAL = Start assistance now. It never depends on talking to the police.
wizard-result-next-NON_PUNISHMENT = Flag the offences the person was made to commit: they must not be punished for them.
wizard-result-next-LABOUR_INSPECTION = Refer the workplace to the labour inspectorate.
wizard-result-next-INTERNATIONAL_PROTECTION_SCREENING = Give access to asylum or refugee status procedures.
wizard-result-next-MEDICAL = Offer medical care, including sexual, reproductive and mental health care.
wizard-result-next-SAFETY_PLANNING = Plan for the person's safety, and their family's.
wizard-result-next-INFO_RIGHTS = Tell the person, in a language they understand, about their rights, the risks and where to get help.
wizard-result-next-REPORT_RECRUITER = Report the recruiter or agency, if the person agrees.
wizard-result-next-MRM_REPORT = Report to the UN monitoring mechanism on children in armed conflict.
wizard-result-next-AGE_ASSESSMENT_IF_SERIOUS_DOUBT = Keep treating the person as a child. Assess age only if there is serious doubt, after protection has started.
wizard-result-next-NO_ACTION = Nothing more to do now; give information if the person asks.

## How they came (acts)

q-act-recruitment = Did someone offer you work, a journey or a marriage, or find you and ask you to come?
q-act-transportation = Did someone take you, or arrange for you to travel, to another place?
q-act-transfer = Were you handed over from one person or group to another, or sold?
q-act-harbouring = Did someone house you, hold you or hide you, on the way or here?
q-act-receipt = Did someone meet you and take you in when you arrived?

## What was done to them (means)

q-means-threat_of_force = Did anyone threaten violence against you or someone close to you?
q-means-use_of_force = Did anyone hurt you, physically or sexually, or hold you by force?
q-means-other_coercion = Were you pressured in other ways that left you no free choice, such as a debt, your papers being kept, threats to report you, being locked in, or blackmail?
q-means-abduction = Were you taken away against your will?
q-means-fraud = Was a dishonest scheme used to get control of you, such as a fake agency, a fake contract or false papers?
q-means-deception = Were you lied to about the work, the pay, the conditions, the place, the costs or a marriage?
q-means-abuse_of_power = Did someone with power over you, such as an employer, an official, a carer or a landlord, use it to control you?
q-means-abuse_of_position_of_vulnerability = Did someone take advantage of a situation where you had no real choice but to go along, such as poverty, having no papers or being displaced?
q-means-giving_or_receiving_payments = Was money or something else given to a person who had control over you, such as a parent, to get their agreement?

## What it was for (purposes)

q-purpose-sexual_exploitation = Did someone else profit from sex you were made to have, or from sex work you did?
q-purpose-forced_labour_or_services = Were you made to work or to serve someone, in work you did not freely choose, under threat of punishment?
q-purpose-slavery = Did someone treat you as if they owned you, for example by buying, selling or lending you?
q-purpose-practices_similar_to_slavery = Were you held by a debt you could never pay off, married off against your will, or handed over as a child to someone who made you work?
q-purpose-servitude = Did you have to live where you worked, with no way to change your situation?
q-purpose-removal_of_organs = Was an organ taken from you, or were you pushed to give one, for someone else's benefit?
q-purpose-forced_criminality = Were you made to commit crimes for others, such as stealing, selling drugs or online scams?
q-purpose-forced_begging = Were you made to beg for someone else's profit?
q-purpose-forced_marriage = Were you married, or are you to be married, without your full and free agreement?
q-purpose-illegal_adoption = Was an adoption arranged through payment, pressure or false papers?
q-purpose-surrogacy_exploitation = Were you forced or tricked into carrying a baby for someone else?
q-purpose-child_soldiering = For a child: were you recruited or used by an armed force or group, in any role?

## What they were told before leaving (ILO/EC: deceptive recruitment)

q-DR-deceived_nature_of_job = Is the work, the place or the employer different from what you were told before you agreed to go?
q-DR-deceived_conditions_of_work = Are the hours, the tasks or the conditions different from what you were promised?
q-DR-deceived_contract = Was a contract you were shown later changed, replaced or not kept to?
q-DR-deceived_family_reunification = Were you told you could bring or join family members, and it did not happen?
q-DR-deceived_housing_living_conditions = Is the place where you live different from what you were promised?
q-DR-deceived_legal_documentation = Were you promised a visa, a work permit or other papers that you did not get?
q-DR-deceived_travel_recruitment_conditions = Did the journey or the job end up costing you more, or differently, than you were told?
q-DR-deceived_wages = Is your pay different from what you were promised?
q-DR-deceived_promise_marriage_adoption = Did someone promise you marriage, a partner or an adoption so that you would travel or agree?
q-DR-deceived_education = Were you promised school, studies or training that did not happen?
q-DR-deceived_conditions_of_prostitution = If you knew the work would include sex work: are the money, the hours, the clients or your freedom to say no different from what you were told?

## How they were made to go (ILO/EC: coercive recruitment)

q-CR-violence_on_victim = Before you arrived, or on the way, did anyone hurt you?
q-CR-abduction_forced_marriage_adoption_sale = Were you taken against your will, married or adopted against your will, or handed over to someone for money or goods?
q-CR-confiscation_of_documents = Did anyone take your passport or identity papers before or during the journey?
q-CR-debt_bondage = Did you or your family owe money, on terms set by others, so that you could travel or get the job?
q-CR-isolation_confinement_surveillance = On the way here, were you kept somewhere you could not leave, or watched all the time?
q-CR-threat_of_denunciation = Did anyone threaten to report you to the police or immigration if you did not go along?
q-CR-threat_to_inform_family_community = Did anyone threaten to tell your family or community things about you, or to share pictures of you, if you did not go along?
q-CR-threat_of_violence = Did anyone threaten to hurt you if you refused or did not go?
q-CR-violence_on_family = Did anyone harm or threaten your family to make you go?
q-CR-withholding_of_money = Did anyone keep your money or savings so that you would go along?

## Their situation when they were recruited (ILO/EC: abuse of vulnerability at recruitment)

q-AVR-abuse_of_difficult_family_situation = Did the person who recruited you know about problems at home and use them to persuade you?
q-AVR-abuse_of_irregular_status = Did the recruiter use the fact that you had no papers to stay or work to put pressure on you?
q-AVR-abuse_of_lack_of_education = Was it hard for you to read the contract or the messages you were sent, or were they in a language you do not understand?
q-AVR-abuse_of_lack_of_information = Before you left, did you have to trust the recruiter's word, with no way to check the job?
q-AVR-control_of_exploiters = Did the person who recruited you already have power over you, for example as a landlord, employer, lender or relative?
q-AVR-economic_reasons = When the offer came, were you or your family under pressure to earn money?
q-AVR-false_information_about_law_authorities = Were you told that the police or the authorities would arrest or harm you if you asked them for help?
q-AVR-false_information_about_migration = Were you told stories of people who did well abroad that later turned out to be untrue?
q-AVR-family_situation = Was your family relying on you to earn money or to leave home?
q-AVR-personal_situation = Was anything in your life at that time making it hard to say no, such as your health, your housing or being on your own?
q-AVR-psychological_emotional_dependency = Was the person who recruited you a partner, a close friend or someone you depended on?
q-AVR-relationship_with_authorities_legal_status = Before you left, were your papers insecure, or did you feel you could not turn to the authorities if something went wrong?
q-AVR-difficulties_in_the_past = Only if the person raises it: had hard things happened to you before that made leaving seem the only way?
q-AVR-difficulty_organising_travel = Did you need someone else to arrange the journey for you?
q-AVR-abuse_of_cultural_religious_beliefs = Were beliefs, oaths or rituals used to make you agree or keep quiet?
q-AVR-general_context = Observe, do not ask: does the person come from a place of conflict, displacement, disaster or discrimination?

## Their work and living conditions (ILO/EC: exploitative conditions)

q-EX-excessive_hours = Do you work very long hours, or many days without a day off?
q-EX-bad_living_conditions = Is the place where you sleep crowded or unsafe, or do you lack enough food or water?
q-EX-hazardous_work = Is your work dangerous, or is it making you ill?
q-EX-low_or_no_salary = Are you paid very little or nothing, or is the money not given to you?
q-EX-labour_law_or_contract_breached = Does the employer break what was agreed about pay, hours or time off?
q-EX-no_social_protection = Do you work without a contract, health insurance or social security?
q-EX-very_bad_working_conditions = Are the conditions where you work very bad, for example no breaks, no drinking water or no toilet?
q-EX-wage_manipulation = Is money taken from your pay for housing, transport, fines or a debt, or is your pay given to someone else?
q-EX-no_access_to_education = For a child: are you kept from going to school or to lessons?

## What keeps them there (ILO/EC: coercion at destination)

q-CD-confiscation_of_documents = Did someone take or keep your identity documents?
q-CD-debt_bondage = Do you owe money to the employer or someone connected with the work, and feel you cannot leave until it is paid?
q-CD-isolation_confinement_surveillance = Are you kept from going out when you are not working, or watched, or is your phone checked?
q-CD-violence_on_victim = Has anyone here hurt you, physically or sexually?
q-CD-forced_into_illicit_activities = Have you been made to do things that are against the law, such as stealing, selling drugs or scamming people?
q-CD-forced_tasks_or_clients = Are you made to do tasks, meet targets or see clients when you do not want to?
q-CD-forced_to_act_against_peers = Have you been made to watch, punish or recruit other people?
q-CD-forced_to_lie = Have you been told what to say to officials, inspectors or your family?
q-CD-threat_of_denunciation = Has anyone threatened to report you to the police or immigration?
q-CD-threat_of_worse_conditions = Has anyone threatened to give you worse work, less food or a worse place to stay?
q-CD-threat_of_violence = Has anyone threatened to hurt you?
q-CD-under_strong_influence = Do you feel you must do what they say, even when they are not there?
q-CD-violence_on_family = Has anyone threatened or harmed your family or people close to you?
q-CD-withholding_of_wages = Is your pay being kept back, or promised only for later?
q-CD-threat_to_inform_family_community = Has anyone threatened to tell your family or others about you, or to share pictures of you?

## Their situation here (ILO/EC: abuse of vulnerability at destination)

q-AVD-dependency_on_exploiters = Do you rely on the people you work for for a place to live, food or your papers?
q-AVD-difficulty_living_in_unknown_area = Is it hard for you here because you do not know the place, do not speak the language, or do not know where to get help?
q-AVD-economic_reasons = Do you or your family need this money so badly that leaving feels impossible?
q-AVD-family_situation = Is your family, here or at home, relying on you staying in this work?
q-AVD-relationship_with_authorities_legal_status = Are you without papers that let you stay and work here, or afraid to go to the authorities?
q-AVD-difficulties_in_the_past = Only if the person raises it: has anything in your past made it harder to get out of this situation?
q-AVD-personal_characteristics = Observe, do not ask: does the person's age, health, disability or pregnancy make them easier to control?

## Things they were made to do (offences as a consequence)

q-offence-immigration = Did you enter, stay or work somewhere without permission, or leave a sponsor?
q-offence-document_fraud = Did you use or carry false documents?
q-offence-prostitution = Could you be accused of offences related to selling sex?
q-offence-begging = Could you be accused of begging or vagrancy?
q-offence-theft = Were you made to steal, pick pockets or shoplift?
q-offence-drugs = Were you made to grow, carry or sell drugs?
q-offence-fraud = Were you made to take part in fraud or online scams?
q-offence-organ_sale = Did you sell an organ?
q-offence-armed_conflict_related = Were you part of an armed group, or made to do things while in one?
q-offence-other = Were you made to do anything else that is against the law?

## Signs of risk

q-risk-unrealistic_offer = Is the pay or are the conditions offered far better than usual for that work, with few requirements?
q-risk-no_written_contract = Is there no written contract or offer, or only one you cannot read?
q-risk-recruiter_requests_documents = Has the recruiter, or someone travelling with you, asked to keep your passport or identity papers?
q-risk-secrecy_requested = Were you told not to tell your family, friends or the authorities?
q-risk-costs_advanced_by_recruiter = Is the recruiter paying for the travel or the fees up front, for you to pay back later?
q-risk-fees_charged_to_worker = Were you or your family asked to pay fees to get the job?
q-risk-unlicensed_recruiter = Is the recruiter unlicensed, or do you not know who they really are?
q-risk-rushed_departure = Are you being pushed to decide or to leave within days?
q-risk-companion_controls_person = Observe, do not ask: does someone else speak for the person, hold their documents or watch them?
q-risk-irregular_travel_arranged = Is the travel arranged through irregular routes or with false documents?

## A few more things (the optional flags)

q-flag-unaccompanied = For a child: are you here without your parents, or without another adult who is responsible for you?
q-flag-children_present = Are other children in the same situation, or in the same household?
q-flag-family_involved = Was anyone in your family, or a partner, among those who recruited, moved, sold, controlled or exploited you?
q-flag-smuggled = Did someone bring you into a country without permission, for money?
q-flag-seeks_international_protection = Have you asked for asylum, or are you afraid to go back to your country?
