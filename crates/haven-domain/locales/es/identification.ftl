# Haven identification engine: explanations a screener can read to a supervisor.
# Each message explains one rule; the rule's stable id is given beside it in the output.
# Spanish. Written for Haven; to be reviewed by native-speaking practitioners (docs/translations.md).
# Terms: trata de personas (Protocolo de Palermo), motivos razonables, período de
# restablecimiento y reflexión (CETS 197, art. 13), no punición; acción, medios, fin.

## Age track

age-child-years = Tratamiento como niño o niña: la edad establecida es de { $years ->
    [one] { $years } año
    [many] { $years } de años
   *[other] { $years } años
}, inferior a { $threshold } años.
age-child-reasons = Tratamiento como niño o niña (presunción de minoría de edad): hay razones para creer que la persona es menor de edad, por lo que se aplica la protección de la infancia hasta que se establezca su edad{ $years ->
    [none] .
   *[other] , sea cual sea la edad de { $years } años que indiquen los documentos.
}
age-child-claimed = Tratamiento como niño o niña (presunción de minoría de edad): la edad no está establecida y la persona declara tener { $claimed ->
    [one] { $claimed } año
    [many] { $claimed } de años
   *[other] { $claimed } años
}.
age-adult-years = Vía de personas adultas: la edad establecida es de { $years ->
    [one] { $years } año
    [many] { $years } de años
   *[other] { $years } años
}.
age-adult-unknown = Vía de personas adultas: la edad no está establecida y nada de lo registrado indica que la persona sea menor de edad. Si hay cualquier razón para creer que tiene menos de 18 años, regístrela: en ese caso se aplica la vía de infancia.

## Legal test, one per profile

legal-test = { $profile }: { $track ->
    [child] para un niño o niña se requieren una acción y un fin de explotación; los medios no.
   *[adult] se requieren una acción, un medio y un fin de explotación.
} Acción: { $act ->
    [yes] establecida ({ $acts })
    [no] ausencia establecida
   *[unknown] se desconoce
}. { $track ->
    [child] {""}
   *[adult] Medios: { $means ->
        [yes] establecidos ({ $means_list })
        [no] ausencia establecida
       *[unknown] se desconocen
    }.{" "}
}Fin: { $purpose ->
    [yes] establecido ({ $purposes })
    [no] no se ha establecido ninguno de los que reconoce este perfil
   *[unknown] se desconoce
}. Resultado: { $outcome ->
    [TRAFFICKING] hay motivos razonables para creer que la persona es víctima de trata de personas (TRAFFICKING).
    [NOT_TRAFFICKING] se ha establecido la ausencia de un elemento requerido (NOT_TRAFFICKING).
    [AT_RISK] no se descarta ningún elemento requerido, algunos se desconocen y hay señales de riesgo (AT_RISK).
   *[INSUFFICIENT_INFORMATION] no se descarta ningún elemento requerido, pero algunos se desconocen; un hecho desconocido nunca se toma como ausente. Repita la detección cuando se sepa más (INSUFFICIENT_INFORMATION).
}
legal-purpose-via = { $profile } no cuenta «{ $purpose }» como fin por sí solo: cuenta a través de «{ $via }», que entonces también debe registrarse como establecido.

## ILO/EC indicators

ilo-not-applicable = Los indicadores OIT/CE no abarcan esta forma de explotación (extracción de órganos, adopción): no se puntúa (NOT_APPLICABLE). Esto no es un resultado negativo.
ilo-list = Puntuado con la lista OIT/CE «{ $label }» ({ $list }). Un elemento está presente con dos indicadores fuertes, uno fuerte y otro cualquiera, tres medios, o dos medios y uno débil; un solo indicador nunca basta.{ $verified ->
    [no] {" "}Sus ponderaciones no están verificadas: cada indicador con respuesta «sí» se puntuó con cada lectura posible de su ponderación, y solo se informa de lo que se mantiene con todas ellas.
   *[yes] {""}
}
ilo-element = { $label } ({ $dimension }): { $value ->
    [yes] presente
    [no] no presente
   *[uncertain] incierto (presente según algunas lecturas de las ponderaciones no verificadas, pero no según otras)
}. Indicadores con respuesta «sí»: fuertes, { $strong }; medios, { $medium }; débiles, { $weak }{ $not_in_list ->
    [0] {""}
   *[other] ; fuera de esta lista, { $not_in_list }
}.
ilo-outcome = { $outcome ->
    [VICTIM] VICTIM: se cumple la regla { $track ->
        [child] para niños y niñas (un elemento de captación y condiciones de explotación)
       *[adult] para personas adultas (un elemento de captación, condiciones de explotación, y coacción o abuso de una situación de vulnerabilidad en el destino)
    }.
    [NOT_VICTIM] NOT_VICTIM: no se cumple la regla { $track ->
        [child] para niños y niñas (un elemento de captación y condiciones de explotación)
       *[adult] para personas adultas (un elemento de captación, condiciones de explotación, y coacción o abuso de una situación de vulnerabilidad en el destino)
    } con los indicadores respondidos con «sí».
   *[ILO_LIST_UNVERIFIED] ILO_LIST_UNVERIFIED: el resultado depende de ponderaciones no verificadas. Básese en la prueba jurídica hasta que la lista esté verificada.
}
ilo-sub-class = { $sub_class ->
    [smuggling_only] Tráfico ilícito de migrantes a través de una frontera, sin ningún indicador de trata respondido con «sí».
    [forced_labour_without_recruitment_element] Explotación y coacción en el destino, pero, por lo que se sabe, la captación no fue engañosa, ni coactiva, ni abusiva.
    [exploited_not_trafficked] Condiciones de explotación, pero ninguna coacción ni abuso de una situación de vulnerabilidad retiene allí a la persona.
    [deception_without_exploitation] Engaño en la captación, pero no se ha demostrado que las condiciones sean de explotación.
    [single_indicator] Solo un indicador tiene respuesta «sí»; un solo indicador nunca constituye un elemento.
   *[no_exploitation] No hay pruebas suficientes de condiciones de explotación.
}
ilo-child-alternative = Una segunda lectura de la regla para niños y niñas (una acción del Protocolo de Palermo establecida y condiciones de explotación) daría { $alternative }; el resultado anterior usa la primera lectura. El catálogo aún no ha decidido cuál es la correcta.

## Other findings

forced-labour-flag = Indicación de trabajo forzoso: { $child ->
    [yes] se ha respondido «sí» a un indicador de trabajo involuntario y a uno de sanción o amenaza, o se ha establecido como fin una de las peores formas de trabajo infantil (CIET 2018).
   *[no] se ha respondido «sí» a un indicador de trabajo involuntario y a uno de sanción o amenaza (CIET 2018).
}
other-legal-sale-of-children = Venta de niños: el niño o la niña fue transferido y alguien que tenía control sobre él o ella recibió una remuneración o un beneficio (Protocolo facultativo relativo a la venta de niños, art. 2 a)). Se señala sea cual sea el resultado sobre la trata.

## Routing: what to do next, and why

routing-step = { $step ->
    [CHILD_PROTECTION] Derive ahora a la autoridad de protección de la infancia; esto también abarca a otros niños y niñas en la misma situación.
    [GUARDIAN] Designe sin demora un tutor o representante para el niño o la niña.
    [BEST_INTERESTS] Evalúe el interés superior del niño o la niña antes de cualquier acogimiento, contacto con la familia, retorno o solución duradera.
    [NO_DETENTION] El niño o la niña no debe ser privado de libertad en dependencias policiales ni en detención de inmigración por esta situación.
    [ADULT_REFERRAL_CONSENT] Ofrezca la derivación al mecanismo nacional de derivación o a una entidad de asistencia, y derive solo con consentimiento informado; si la persona no acepta, regístrelo, infórmele y mantenga abierta la oferta.
    [REFLECTION_PERIOD_30D] Un período de restablecimiento y reflexión de al menos { $reflection_days ->
        [one] { $reflection_days } día
        [many] { $reflection_days } de días
       *[other] { $reflection_days } días
    }, sin expulsión durante ese tiempo.
    [ASSISTANCE_UNCONDITIONAL] La asistencia empieza ahora y nunca depende de cooperar con la policía o la fiscalía.
    [NON_PUNISHMENT] Señale los delitos cometidos como consecuencia de la trata: ni detención, ni acusación, ni sanción por ellos mientras se evalúa el caso.
    [LABOUR_INSPECTION] Comunique el lugar de trabajo a la inspección de trabajo.
    [INTERNATIONAL_PROTECTION_SCREENING] Dé acceso al procedimiento de asilo o a la determinación de la condición de refugiado.
    [MEDICAL] Ofrezca atención médica, incluida la atención de salud sexual y reproductiva y de salud mental.
    [SAFETY_PLANNING] Planifique la seguridad de la persona frente a los explotadores, a quienes la amenazan a ella o a su familia y a los familiares implicados.
    [INFO_RIGHTS] Informe a la persona, en un idioma que comprenda, de sus derechos, de los riesgos y de dónde obtener ayuda.
    [REPORT_RECRUITER] Denuncie al captador o a la agencia ante la autoridad que otorga las licencias o ante la policía, con el consentimiento de la persona.
    [MRM_REPORT] Informe al mecanismo de vigilancia y presentación de informes de las Naciones Unidas sobre violaciones graves contra los niños en los conflictos armados.
    [AGE_ASSESSMENT_IF_SERIOUS_DOUBT] Mantenga la vía de infancia; evalúe la edad solo si hay una duda seria, con el beneficio de la duda, y una vez iniciada la protección.
   *[NO_ACTION] No hay nada que derivar; dé información si se la piden.
} Por qué: { $rule ->
    [child_protection] a la persona se la trata como niño o niña y es presunta víctima, está en riesgo o no está acompañada
    [child_unclear] un niño o niña cuya situación aún no puede evaluarse sigue a la vista de la protección de la infancia
    [children_present] hay otros niños y niñas en la misma situación, y cada uno necesita su propia detección y protección
    [age_not_established] a la persona se la trata como niño o niña y su edad no está establecida
    [adult_presumed_victim] una persona adulta respecto de la cual hay motivos razonables para creer que es víctima
    [non_punishment] se cometieron delitos como consecuencia de la situación y no se descarta la trata
    [adult_at_risk_or_unclear] una persona adulta en riesgo, o cuya situación aún no está clara
    [safety] la persona está en riesgo, o es presunta víctima y está amenazada o su familia está implicada
    [medical] una presunta víctima de violencia, de explotación sexual o de extracción de órganos
    [labour_rights] las condiciones de trabajo abusivas que no llegan a ser trata son un asunto de derecho laboral
    [asylum] la persona solicita protección internacional o teme el retorno
    [children_armed_conflict] un niño o niña utilizado en un conflicto armado
    [adult_negative_information] no es trata, pero hay señales de explotación o la persona fue objeto de tráfico ilícito de migrantes
    [labour_inspection_for_victims] (buena práctica) una presunta víctima de explotación laboral con condiciones de trabajo abusivas
    [protection_for_displaced_victims] (buena práctica) una presunta víctima que solicita protección internacional
    [recruiter_report] (buena práctica) una persona en riesgo cuyo captador es identificable, con su consentimiento
   *[nothing_to_route] ninguna regla pide una acción
} ({ $basis }).
routing-forbid = { $forbid ->
    [no_adult_consent_route_for_children] Se excluye: { $codes }. La derivación de un niño o niña nunca espera a un consentimiento; aun así, se escucha su opinión.
    [no_victim_entitlements_without_grounds] Se excluye: { $codes }. Los derechos de las víctimas dependen de un resultado de motivos razonables, y todos los perfiles descartan aquí la trata.
   *[no_closure_when_action_is_due] Se excluye: { $codes }. Hay una acción pendiente.
}

## Text report headings (haven screen --format text)

report-title = Resultado de la detección
report-track = Vía: { $child ->
    [yes] infancia
   *[no] personas adultas
}
report-legal = Prueba jurídica
report-ilo = Indicadores OIT/CE: { $outcome }{ $list ->
    [none] {""}
   *[other] {" "}(lista { $list })
}
report-forced-labour = Indicación de trabajo forzoso: { $flag ->
    [yes] sí
   *[no] no
}
report-other-legal = Además: { $codes }
report-next = Próximos pasos
report-why = Por qué
