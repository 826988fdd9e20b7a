# The screening wizard: every word of it, in one file so it can be translated in one go.
#
# Questions are read aloud, often through an interpreter: plain words, one fact per question,
# asked so that "yes" always means the sign is there (never a trick question). Their ids follow
# one rule from the catalogue's ids (reference/identification-catalogue.toml):
#   q-act-<id>, q-means-<id>, q-purpose-<id>, q-offence-<id>, q-risk-<id>, q-flag-<input field>,
#   and for ILO/EC indicators q-<DIM>-<slug> for the indicator "<DIM>.<slug>".
# A test fails when a question the wizard asks has no message.
#
# Spanish. Written for Haven; to be reviewed by native-speaking practitioners (docs/translations.md).
# Terms as in identification.ftl and web.ftl: detección (screening), trata de personas, motivos
# razonables, período de restablecimiento y reflexión, no punición, derivación (referral), caso,
# captador (in the screener's words), OIT/CE.
# The questions say «usted», with «le» as its object whatever the person's gender (leísmo de
# cortesía), so that they read the same to a woman or a man; the three asked only of a child
# ("Para un niño o niña:") say «tú», as one speaks to a child. In the questions the recruiter is
# «el reclutador», the everyday word. No question is asked in the negative.

## The wizard around the questions

wizard-title = Nueva detección
wizard-progress = Paso { $step } de { $steps }: { $title }
wizard-next = Siguiente
wizard-back = Atrás
wizard-save = Guardar y seguir más tarde
wizard-submit = Ver el resultado
wizard-resumed = Se han recuperado sus respuestas guardadas. Siga donde lo dejó.
wizard-reassure = Lea cada pregunta tal como está escrita. «No se sabe» siempre es una buena respuesta, y la persona puede saltarse cualquier pregunta.
wizard-errors = Algunas respuestas necesitan su atención. No se ha perdido nada de lo que escribió.
answer-yes = Sí
answer-no = No
answer-unknown = No se sabe

## Interpreter mode

wizard-interpreter = ¿Trabaja con intérprete? Mostrar cada pregunta también en
wizard-interpreter-none = No, basta con un idioma
wizard-interpreter-hint = Así, cada pregunta aparece en su idioma y en el de la interpretación, una junto a otra.
wizard-interpreter-untranslated = Haven aún no tiene estas preguntas en este idioma ({ $language }): se muestran en inglés hasta que llegue la traducción.

## Step titles and what to say before the questions

wizard-step-person = Sobre la persona
wizard-step-person-intro = Diga quién es usted y por qué hace estas preguntas. Explique que las respuestas ayudan a encontrar el apoyo adecuado, que nada de esto es un examen y que la persona puede parar en cualquier momento.
wizard-step-acts = Cómo llegó
wizard-step-acts-intro = Estas preguntas tratan de cómo llegó la persona al lugar donde está ahora.
wizard-step-means = Qué le hicieron
wizard-step-means-intro = Estas preguntas tratan de cómo otras personas consiguieron o mantuvieron el control sobre la persona. Vaya con delicadeza; pare si la persona se angustia.
wizard-step-purposes = Para qué
wizard-step-purposes-intro = Estas preguntas tratan de lo que obligaron a hacer a la persona, o de lo que iban a obligarle a hacer.
wizard-step-DR = Lo que le dijeron antes de salir
wizard-step-DR-intro = Estas preguntas comparan lo que le prometieron a la persona con lo que pasó en realidad.
wizard-step-CR = Cómo le hicieron ir
wizard-step-CR-intro = Estas preguntas tratan de la fuerza, las amenazas o el control cuando se captó o se trasladó a la persona.
wizard-step-AVR = Su situación en el momento de la captación
wizard-step-AVR-intro = Estas preguntas tratan de las dificultades o la dependencia de las que alguien pudo aprovecharse.
wizard-step-EX = Sus condiciones de trabajo y de vida
wizard-step-EX-intro = Estas preguntas tratan del trabajo en sí y del lugar donde vive la persona.
wizard-step-CD = Qué le impide irse
wizard-step-CD-intro = Estas preguntas tratan de lo que impide a la persona irse. Recuérdele que no corre ningún peligro, responda o no.
wizard-step-AVD = Su situación aquí
wizard-step-AVD-intro = Estas preguntas tratan de la dependencia, el aislamiento o el miedo en el lugar donde está ahora la persona.
wizard-step-offences = Lo que le obligaron a hacer
wizard-step-offences-intro = Pregunte por lo que la persona tuvo que hacer a causa de su situación. Dígale que estas respuestas la protegen: no se debe castigar a nadie por los delitos que tuvo que cometer por ser víctima de trata.
wizard-step-risks = Señales de riesgo
wizard-step-risks-intro = Estas preguntas buscan señales de que la persona pueda estar a punto de ser explotada, por ejemplo antes de aceptar un trabajo o de emprender un viaje.
wizard-step-flags = Unas cosas más
wizard-step-flags-intro = Estas respuestas deciden a quién más hay que avisar y qué protección ofrecer.
wizard-step-submit = Revisar y ver el resultado
wizard-step-submit-intro = No se registra nada hasta que pida el resultado.

## About the person

wizard-age-years = Edad en años, si está establecida
wizard-age-years-hint = Déjelo vacío si no se sabe la edad con seguridad.
wizard-age-basis = ¿Cómo se sabe la edad?
wizard-basis-document = Por un documento de identidad
wizard-basis-claimed = Lo dice la persona
wizard-basis-assessment = Por una evaluación de la edad
wizard-basis-observed = Solo por la apariencia (una impresión, nunca decisiva)
wizard-claimed-years = La edad que dice tener la persona, si la edad no está establecida
wizard-minor = ¿Hay alguna razón para creer que la persona pueda tener menos de 18 años?
wizard-minor-hint = Si la hay, Haven trata a la persona como niño o niña hasta que se establezca su edad.
wizard-sex = Sexo
wizard-sex-female = Femenino
wizard-sex-male = Masculino
wizard-sex-other = Otro
wizard-sex-unknown = No se sabe o no lo dice
wizard-language = Idioma de la persona
wizard-language-hint = Un código de idioma, por ejemplo ar, fa, ps, so, ti o uk. Se usa para las cartas si se abre un caso.

## What it was for

wizard-exploitation-type = ¿De qué forma de explotación se trata sobre todo?
wizard-exploitation-type-hint = Esto decide qué indicadores se aplican. Si encaja más de una, elija la principal.
wizard-exploitation-labour = Trabajo o servicios, incluidas la mendicidad y la delincuencia
wizard-exploitation-sexual = Explotación sexual
wizard-exploitation-other = Extracción de órganos o adopción
wizard-exploitation-pick = Elija una

## Check and see the result

wizard-summary = Respondió «sí» a { $yes ->
    [one] una pregunta
    [many] { $yes } de preguntas
   *[other] { $yes } preguntas
} y «no» a { $no ->
    [one] una pregunta
    [many] { $no } de preguntas
   *[other] { $no } preguntas
}. Todo lo demás cuenta como desconocido, nunca como «no».
wizard-register = Registrar a la persona (opcional)
wizard-register-hint = El nombre se guarda sellado en el depósito de identidades, separado de la detección. Solo se puede abrir un caso para una persona registrada. Deje los dos campos vacíos para hacer la detección sin nombre.
wizard-given-name = Nombre
wizard-family-name = Apellidos

## Errors next to the fields

wizard-error-age-basis = Elija cómo se sabe la edad.
wizard-error-age-number = Escriba un número entero de años, de 0 a 120, o déjelo vacío.
wizard-error-language = Escriba un código de idioma como ar, fa o uk, o déjelo vacío.
wizard-error-exploitation-type = Elija la forma de explotación: decide qué indicadores se aplican.
wizard-error-name = Un nombre puede tener como máximo 200 caracteres.
wizard-error-not-recorded = No se pudo registrar la detección: { $detail }

## Drafts

wizard-drafts-title = Detecciones guardadas
wizard-drafts-intro = Las detecciones que guardó para seguir más tarde. Solo usted puede verlas; las respuestas se guardan cifradas.
wizard-drafts-none = No tiene detecciones guardadas.
wizard-drafts-saved = Guardada. Puede seguir con esta detección desde esta lista.
wizard-drafts-deleted = Se eliminó la detección guardada.
wizard-drafts-saved-on = Guardada el
wizard-drafts-step = Paso alcanzado
wizard-drafts-continue = Continuar
wizard-drafts-delete = Eliminar
wizard-drafts-new = Empezar una nueva detección

## The result

wizard-result-title = Resultado de la detección
wizard-result-child-first = Un niño o niña: primero, la protección
wizard-result-child-first-intro = A la persona se la trata como niño o niña. Haga esto primero, antes que cualquier otra cosa.
wizard-result-children-present = Otros niños y niñas: protéjalos también
wizard-result-children-present-intro = Hay otros niños y niñas en la misma situación. Cada uno necesita protección de la infancia y su propia detección.
wizard-result-outcome = Qué dice la detección
wizard-result-legal = Según la ley
wizard-result-ilo = Según los indicadores OIT/CE
wizard-result-forced-labour = Señales de trabajo forzoso: se respondió «sí» a un indicador de trabajo involuntario y a uno de sanción o amenaza.
wizard-result-sale-of-children = Venta de niños: se entregó al niño o la niña a otras personas y alguien que tenía control sobre él o ella recibió un pago.
wizard-result-next = Qué hacer ahora
wizard-result-then = Después
wizard-result-why = Por qué
wizard-result-why-intro = Las reglas que dieron este resultado, con los hechos que usaron.
wizard-result-open-case = Abrir un caso
wizard-result-open-case-intro = Un caso acompaña a la persona durante la derivación, las decisiones y el apoyo.
wizard-result-case-language = Idioma de la persona, para las cartas
wizard-result-no-person = No hay ninguna persona registrada con esta detección, así que no se puede abrir un caso a partir de ella. Para abrir un caso, repita la detección y registre a la persona en el último paso.
wizard-result-track-child = Tratamiento como niño o niña
wizard-result-track-adult = Tratamiento como persona adulta
wizard-result-again = Empezar otra detección

wizard-result-legal-TRAFFICKING = Hay motivos razonables para creer que la persona es víctima de trata de personas. No es una decisión definitiva.
wizard-result-legal-NOT_TRAFFICKING = No es trata: las respuestas descartan algo que la ley exige.
wizard-result-legal-AT_RISK = En riesgo de trata: no se descarta nada de lo que la ley exige, una parte se desconoce y hay señales de riesgo.
wizard-result-legal-INSUFFICIENT_INFORMATION = Todavía no se sabe lo suficiente. No se descarta nada; repita la detección cuando se sepa más.

wizard-result-ilo-VICTIM = Los indicadores apuntan a una víctima de trata de personas.
wizard-result-ilo-NOT_VICTIM = Los indicadores respondidos con «sí» no bastan para apuntar a una víctima de trata de personas.
wizard-result-ilo-NOT_APPLICABLE = Los indicadores no abarcan esta forma de explotación (extracción de órganos, adopción). Esto no es un resultado negativo.
wizard-result-ilo-ILO_LIST_UNVERIFIED = Aquí los indicadores no pueden dar una respuesta clara, porque parte de su lista aún no está verificada. Básese en el resultado jurídico.

wizard-result-next-CHILD_PROTECTION = Derive ahora a protección de la infancia.
wizard-result-next-GUARDIAN = Pida sin demora un tutor o representante para el niño o la niña.
wizard-result-next-BEST_INTERESTS = Evalúe el interés superior del niño o la niña antes de cualquier acogimiento, contacto con la familia o retorno.
wizard-result-next-NO_DETENTION = Asegúrese de que ni la policía ni inmigración priven de libertad al niño o la niña por este motivo.
wizard-result-next-ADULT_REFERRAL_CONSENT = Ofrezca la derivación a asistencia, y derive solo si la persona está de acuerdo.
wizard-result-next-REFLECTION_PERIOD_30D = La persona tiene un período de restablecimiento y reflexión de al menos 30 días, sin expulsión.
wizard-result-next-ASSISTANCE_UNCONDITIONAL = Empiece la asistencia ahora. Nunca depende de hablar con la policía.
wizard-result-next-NON_PUNISHMENT = Señale los delitos que obligaron a cometer a la persona: no se la debe castigar por ellos.
wizard-result-next-LABOUR_INSPECTION = Comunique el lugar de trabajo a la inspección de trabajo.
wizard-result-next-INTERNATIONAL_PROTECTION_SCREENING = Dé acceso a los procedimientos de asilo o de determinación de la condición de refugiado.
wizard-result-next-MEDICAL = Ofrezca atención médica, incluida la atención de salud sexual, reproductiva y mental.
wizard-result-next-SAFETY_PLANNING = Planifique la seguridad de la persona y la de su familia.
wizard-result-next-INFO_RIGHTS = Informe a la persona, en un idioma que comprenda, de sus derechos, de los riesgos y de dónde obtener ayuda.
wizard-result-next-REPORT_RECRUITER = Denuncie al captador o a la agencia, si la persona está de acuerdo.
wizard-result-next-MRM_REPORT = Informe al mecanismo de vigilancia y presentación de informes de las Naciones Unidas sobre los niños y los conflictos armados.
wizard-result-next-AGE_ASSESSMENT_IF_SERIOUS_DOUBT = Siga tratando a la persona como niño o niña. Evalúe la edad solo si hay una duda seria, una vez iniciada la protección.
wizard-result-next-NO_ACTION = No hay nada más que hacer por ahora; dé información si la persona la pide.

## How they came (acts)

q-act-recruitment = ¿Alguien le ofreció un trabajo, un viaje o un matrimonio, o se puso en contacto con usted para pedirle que viniera?
q-act-transportation = ¿Alguien le llevó a otro lugar, o le organizó el viaje hasta allí?
q-act-transfer = ¿Le pasaron de una persona o de un grupo a otro, o le vendieron?
q-act-harbouring = ¿Alguien le alojó, le retuvo o le escondió, en el camino o aquí?
q-act-receipt = ¿Alguien le recibió cuando llegó y se hizo cargo de usted?

## What was done to them (means)

q-means-threat_of_force = ¿Alguien amenazó con usar la violencia contra usted o contra alguien cercano a usted?
q-means-use_of_force = ¿Alguien le hizo daño, física o sexualmente, o le retuvo por la fuerza?
q-means-other_coercion = ¿Le presionaron de otras formas que no le dejaban elegir libremente, por ejemplo con una deuda, quedándose con sus papeles, amenazando con denunciarle, encerrándole o con chantaje?
q-means-abduction = ¿Le llevaron por la fuerza, en contra de su voluntad?
q-means-fraud = ¿Usaron alguna trampa para tener control sobre usted, como una agencia falsa, un contrato falso o papeles falsos?
q-means-deception = ¿Le mintieron sobre el trabajo, el sueldo, las condiciones, el lugar, los gastos o un matrimonio?
q-means-abuse_of_power = ¿Alguien con poder sobre usted, como un empleador, un funcionario, una persona que le cuidaba o el dueño de su vivienda, lo usó para controlarle?
q-means-abuse_of_position_of_vulnerability = ¿Alguien se aprovechó de una situación en la que usted no tenía más remedio que aceptar, como la pobreza, no tener papeles o haber tenido que dejar su hogar?
q-means-giving_or_receiving_payments = ¿Se dio dinero u otra cosa a alguien que tenía control sobre usted, como su padre o su madre, para conseguir que aceptara?

## What it was for (purposes)

q-purpose-sexual_exploitation = ¿Otra persona sacó provecho de relaciones sexuales que le obligaron a tener, o del trabajo sexual que usted hacía?
q-purpose-forced_labour_or_services = ¿Le obligaron a trabajar o a servir a alguien, en un trabajo que usted no eligió libremente, bajo amenaza de castigo?
q-purpose-slavery = ¿Alguien le trató como si usted fuera de su propiedad, por ejemplo comprándole, vendiéndole o prestándole a otros?
q-purpose-practices_similar_to_slavery = ¿Le retuvieron con una deuda que nunca podría pagar, le casaron en contra de su voluntad, o en su infancia le entregaron a alguien que le hacía trabajar?
q-purpose-servitude = ¿Tenía que vivir donde trabajaba, sin ninguna forma de cambiar su situación?
q-purpose-removal_of_organs = ¿Le quitaron un órgano, o le presionaron para que diera uno, en beneficio de otra persona?
q-purpose-forced_criminality = ¿Le obligaron a cometer delitos para otros, como robar, vender drogas o hacer estafas por internet?
q-purpose-forced_begging = ¿Le obligaron a pedir limosna para que otra persona se quedara con el dinero?
q-purpose-forced_marriage = ¿Le casaron, o le van a casar, sin que usted esté de acuerdo plena y libremente?
q-purpose-illegal_adoption = ¿Se organizó una adopción mediante pagos, presiones o papeles falsos?
q-purpose-surrogacy_exploitation = ¿Le obligaron o le engañaron para que gestara un bebé para otra persona?
q-purpose-child_soldiering = Para un niño o niña: ¿un ejército o un grupo armado te reclutó o te usó, para cualquier tarea?

## What they were told before leaving (ILO/EC: deceptive recruitment)

q-DR-deceived_nature_of_job = ¿El trabajo, el lugar o el empleador son distintos de lo que le dijeron antes de que aceptara ir?
q-DR-deceived_conditions_of_work = ¿El horario, las tareas o las condiciones son distintos de lo que le prometieron?
q-DR-deceived_contract = ¿Un contrato que le enseñaron se cambió después, se sustituyó por otro o no se cumplió?
q-DR-deceived_family_reunification = ¿Le dijeron que podría traer a familiares o reunirse con ellos, y no fue así?
q-DR-deceived_housing_living_conditions = ¿El lugar donde vive es distinto de lo que le prometieron?
q-DR-deceived_legal_documentation = ¿Le prometieron un visado, un permiso de trabajo u otros papeles que no recibió?
q-DR-deceived_travel_recruitment_conditions = ¿El viaje o el trabajo le acabó costando más, o de otra manera, de lo que le dijeron?
q-DR-deceived_wages = ¿Su sueldo es distinto del que le prometieron?
q-DR-deceived_promise_marriage_adoption = ¿Alguien le prometió un matrimonio, una pareja o una adopción para que viajara o aceptara?
q-DR-deceived_education = ¿Le prometieron escuela, estudios o formación que luego no tuvo?
q-DR-deceived_conditions_of_prostitution = Si sabía que el trabajo incluiría trabajo sexual: ¿el dinero, el horario, los clientes o su libertad para decir que no son distintos de lo que le dijeron?

## How they were made to go (ILO/EC: coercive recruitment)

q-CR-violence_on_victim = Antes de llegar, o en el camino, ¿alguien le hizo daño?
q-CR-abduction_forced_marriage_adoption_sale = ¿Le llevaron en contra de su voluntad, le casaron o le dieron en adopción en contra de su voluntad, o le entregaron a alguien a cambio de dinero o de cosas?
q-CR-confiscation_of_documents = ¿Alguien le quitó el pasaporte o los documentos de identidad antes o durante el viaje?
q-CR-debt_bondage = Para poder viajar o conseguir el trabajo, ¿usted o su familia quedaron debiendo dinero, con condiciones que pusieron otros?
q-CR-isolation_confinement_surveillance = En el camino hasta aquí, ¿le tuvieron en un lugar del que no podía salir, o le vigilaban todo el tiempo?
q-CR-threat_of_denunciation = ¿Alguien amenazó con denunciarle a la policía o a inmigración si no hacía lo que le pedían?
q-CR-threat_to_inform_family_community = ¿Alguien amenazó con contar cosas sobre usted a su familia o a su comunidad, o con enseñar fotos suyas, si no hacía lo que le pedían?
q-CR-threat_of_violence = ¿Alguien amenazó con hacerle daño si se negaba o si no iba?
q-CR-violence_on_family = ¿Alguien hizo daño a su familia o la amenazó para obligarle a ir?
q-CR-withholding_of_money = ¿Alguien se quedó con su dinero o sus ahorros para que usted hiciera lo que le pedían?

## Their situation when they were recruited (ILO/EC: abuse of vulnerability at recruitment)

q-AVR-abuse_of_difficult_family_situation = ¿La persona que le reclutó sabía que había problemas en su casa y los usó para convencerle?
q-AVR-abuse_of_irregular_status = ¿El reclutador usó el hecho de que usted no tenía papeles para quedarse o trabajar, para presionarle?
q-AVR-abuse_of_lack_of_education = ¿Le costaba leer el contrato o los mensajes que le enviaban, o estaban en un idioma que usted no entiende?
q-AVR-abuse_of_lack_of_information = Antes de salir, ¿tuvo que fiarse de la palabra del reclutador, sin poder comprobar el trabajo?
q-AVR-control_of_exploiters = ¿La persona que le reclutó ya tenía poder sobre usted, por ejemplo como dueño de su vivienda, empleador, prestamista o familiar?
q-AVR-economic_reasons = Cuando llegó la oferta, ¿usted o su familia tenían mucha presión para ganar dinero?
q-AVR-false_information_about_law_authorities = ¿Le dijeron que la policía o las autoridades le detendrían o le harían daño si les pedía ayuda?
q-AVR-false_information_about_migration = ¿Le contaron historias de personas a las que les fue bien en el extranjero y que después resultaron ser falsas?
q-AVR-family_situation = ¿Su familia contaba con que usted ganara dinero o se fuera de casa?
q-AVR-personal_situation = En aquel momento, ¿había algo en su vida que le hacía difícil decir que no, como su salud, su vivienda o no tener a nadie?
q-AVR-psychological_emotional_dependency = ¿La persona que le reclutó era su pareja, una amistad cercana o alguien de quien usted dependía?
q-AVR-relationship_with_authorities_legal_status = Antes de salir, ¿sus papeles eran inseguros, o sentía que no podría acudir a las autoridades si algo salía mal?
q-AVR-difficulties_in_the_past = Solo si la persona lo menciona: ¿le habían pasado antes cosas difíciles que hicieron que irse pareciera la única salida?
q-AVR-difficulty_organising_travel = ¿Necesitó que otra persona le organizara el viaje?
q-AVR-abuse_of_cultural_religious_beliefs = ¿Usaron creencias, juramentos o rituales para que aceptara o guardara silencio?
q-AVR-general_context = Observe, no pregunte: ¿viene la persona de un lugar con conflicto, desplazamiento, desastres o discriminación?

## Their work and living conditions (ILO/EC: exploitative conditions)

q-EX-excessive_hours = ¿Trabaja muchísimas horas, o muchos días seguidos sin un día libre?
q-EX-bad_living_conditions = ¿El lugar donde duerme está abarrotado o es peligroso, o le falta comida o agua?
q-EX-hazardous_work = ¿Su trabajo es peligroso, o le está enfermando?
q-EX-low_or_no_salary = ¿Le pagan muy poco o nada, o se queda otra persona con el dinero?
q-EX-labour_law_or_contract_breached = ¿El empleador incumple lo acordado sobre el sueldo, el horario o los días libres?
q-EX-no_social_protection = ¿Trabaja sin contrato, sin seguro médico o sin seguridad social?
q-EX-very_bad_working_conditions = ¿Las condiciones en su lugar de trabajo son muy malas, por ejemplo sin descansos, sin agua potable o sin baño?
q-EX-wage_manipulation = ¿Le quitan dinero del sueldo por el alojamiento, el transporte, multas o una deuda, o le pagan el sueldo a otra persona?
q-EX-no_access_to_education = Para un niño o niña: ¿te impiden ir a la escuela o a clases?

## What keeps them there (ILO/EC: coercion at destination)

q-CD-confiscation_of_documents = ¿Alguien le quitó sus documentos de identidad o se queda con ellos?
q-CD-debt_bondage = ¿Debe dinero al empleador o a alguien relacionado con el trabajo, y siente que no puede irse hasta pagarlo?
q-CD-isolation_confinement_surveillance = ¿Le impiden salir cuando no trabaja, le vigilan o le revisan el teléfono?
q-CD-violence_on_victim = ¿Alguien aquí le ha hecho daño, física o sexualmente?
q-CD-forced_into_illicit_activities = ¿Le han obligado a hacer cosas que van contra la ley, como robar, vender drogas o estafar a la gente?
q-CD-forced_tasks_or_clients = ¿Le obligan a hacer tareas, a cumplir objetivos o a atender a clientes cuando usted no quiere?
q-CD-forced_to_act_against_peers = ¿Le han obligado a vigilar, castigar o reclutar a otras personas?
q-CD-forced_to_lie = ¿Le han dicho lo que tiene que decir a funcionarios, a inspectores o a su familia?
q-CD-threat_of_denunciation = ¿Alguien ha amenazado con denunciarle a la policía o a inmigración?
q-CD-threat_of_worse_conditions = ¿Alguien ha amenazado con darle un trabajo peor, menos comida o un sitio peor donde dormir?
q-CD-threat_of_violence = ¿Alguien ha amenazado con hacerle daño?
q-CD-under_strong_influence = ¿Siente que tiene que hacer lo que ellos dicen, incluso cuando no están?
q-CD-violence_on_family = ¿Alguien ha amenazado o ha hecho daño a su familia o a personas cercanas a usted?
q-CD-withholding_of_wages = ¿Le retienen el sueldo, o solo le prometen pagárselo más adelante?
q-CD-threat_to_inform_family_community = ¿Alguien ha amenazado con contar cosas sobre usted a su familia o a otras personas, o con enseñar fotos suyas?

## Their situation here (ILO/EC: abuse of vulnerability at destination)

q-AVD-dependency_on_exploiters = ¿Depende de las personas para las que trabaja para tener dónde vivir, comida o sus papeles?
q-AVD-difficulty_living_in_unknown_area = ¿Le resulta difícil estar aquí porque no conoce el lugar, no habla el idioma o no sabe dónde pedir ayuda?
q-AVD-economic_reasons = ¿Usted o su familia necesitan tanto este dinero que irse le parece imposible?
q-AVD-family_situation = ¿Su familia, aquí o en su país, cuenta con que usted siga en este trabajo?
q-AVD-relationship_with_authorities_legal_status = ¿Está aquí sin papeles que le permitan quedarse y trabajar, o tiene miedo de acudir a las autoridades?
q-AVD-difficulties_in_the_past = Solo si la persona lo menciona: ¿hay algo en su pasado que le haya hecho más difícil salir de esta situación?
q-AVD-personal_characteristics = Observe, no pregunte: ¿la edad, la salud, una discapacidad o un embarazo hacen que la persona sea más fácil de controlar?

## Things they were made to do (offences as a consequence)

q-offence-immigration = ¿Entró, se quedó o trabajó en un país sin permiso, o dejó al empleador que le patrocinaba?
q-offence-document_fraud = ¿Usó o llevó documentos falsos?
q-offence-prostitution = ¿Podrían acusarle de delitos o infracciones relacionados con la venta de sexo?
q-offence-begging = ¿Podrían acusarle de mendicidad o de vagabundeo?
q-offence-theft = ¿Le obligaron a robar, a quitar carteras o a robar en tiendas?
q-offence-drugs = ¿Le obligaron a cultivar, transportar o vender drogas?
q-offence-fraud = ¿Le obligaron a participar en fraudes o en estafas por internet?
q-offence-organ_sale = ¿Vendió un órgano?
q-offence-armed_conflict_related = ¿Formó parte de un grupo armado, o le obligaron a hacer cosas mientras estaba en uno?
q-offence-other = ¿Le obligaron a hacer alguna otra cosa que va contra la ley?

## Signs of risk

q-risk-unrealistic_offer = ¿El sueldo o las condiciones que le ofrecen son mucho mejores de lo normal para ese trabajo, y piden muy pocos requisitos?
q-risk-no_written_contract = ¿Falta un contrato o una oferta por escrito, o solo hay uno que usted no puede leer?
q-risk-recruiter_requests_documents = ¿El reclutador, o alguien que viaja con usted, le ha pedido quedarse con su pasaporte o sus documentos de identidad?
q-risk-secrecy_requested = ¿Le dijeron que no se lo contara a su familia, a sus amistades ni a las autoridades?
q-risk-costs_advanced_by_recruiter = ¿El reclutador le adelanta el dinero del viaje o de las comisiones, para que usted se lo devuelva después?
q-risk-fees_charged_to_worker = ¿Le pidieron a usted o a su familia que pagaran comisiones para conseguir el trabajo?
q-risk-unlicensed_recruiter = ¿El reclutador trabaja sin licencia, o usted desconoce quién es en realidad?
q-risk-rushed_departure = ¿Le presionan para decidir o para irse en pocos días?
q-risk-companion_controls_person = Observe, no pregunte: ¿otra persona habla en nombre de la persona, tiene sus documentos o la vigila?
q-risk-irregular_travel_arranged = ¿El viaje se organiza por rutas irregulares o con documentos falsos?

## A few more things (the optional flags)

q-flag-unaccompanied = Para un niño o niña: ¿estás aquí sin tus padres y sin otra persona adulta que sea responsable de ti?
q-flag-children_present = ¿Hay otros niños o niñas en la misma situación, o en el mismo hogar?
q-flag-family_involved = ¿Alguien de su familia, o su pareja, estaba entre quienes le reclutaron, le trasladaron, le vendieron, le controlaron o le explotaron?
q-flag-smuggled = ¿Alguien le hizo entrar en un país sin permiso, a cambio de dinero?
q-flag-seeks_international_protection = ¿Ha pedido asilo, o tiene miedo de volver a su país?
