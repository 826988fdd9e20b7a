# Haven national referral mechanism: decision letters and the non-punishment notice.
# Letters are addressed to the person, or for a child to the guardian, never to the child.
# Spanish. Written for Haven; to be reviewed by native-speaking practitioners (docs/translations.md).
# nrm-letter-subject-person and -child are the subject alone (usted, el niño o la niña): the
# outcome adds the verb: «es», or «sea» after a negation.

## Decision letters

nrm-letter-to-person = A la atención de { $name }:
nrm-letter-to-guardian = A la atención de { $guardian }, en calidad de tutor o tutora de { $child }:
nrm-letter-subject = { $kind ->
    [reasonable_grounds] Decisión sobre motivos razonables
   *[conclusive_grounds] Decisión sobre motivos concluyentes
} de fecha { $date }{ $reconsidered ->
    [yes] , tras reconsideración
   *[no] {""}
}.
nrm-letter-outcome = { $kind ->
    [reasonable_grounds] { $outcome ->
        [positive] La autoridad competente ha decidido que hay motivos razonables para creer que { $subject } es víctima de trata de personas.
       *[negative] La autoridad competente ha decidido que no hay motivos razonables para creer que { $subject } sea víctima de trata de personas.
    }
   *[conclusive_grounds] { $outcome ->
        [positive] La autoridad competente ha decidido que { $subject } es víctima de trata de personas.
       *[negative] La autoridad competente ha decidido que no ha quedado establecido que { $subject } sea víctima de trata de personas.
    }
}
nrm-letter-subject-person = usted
nrm-letter-subject-child = el niño o la niña
nrm-letter-threshold = Criterio aplicado: { $threshold }
nrm-letter-reasons = Motivación: { $reasons }
nrm-letter-evidence = Pruebas examinadas: { $evidence }.
nrm-letter-recovery = Hay un período de restablecimiento y reflexión desde el { $starts } hasta el { $ends }. La asistencia y el apoyo no dependen de cooperar con la policía ni con ninguna otra autoridad.
nrm-letter-reconsideration = Puede pedir que se reconsidere esta decisión, aportando cualquier información nueva, a través de la persona que gestiona su caso.
nrm-letter-closing = Esta carta trata de una decisión del mecanismo nacional de derivación. La persona que gestiona su caso puede explicársela en su idioma, con intérprete si lo desea.

## Non-punishment

nrm-non-punishment-alert = No punición: hay un procedimiento pendiente ({ $proceeding }) contra una persona con una decisión positiva sobre motivos { $kind ->
    [reasonable_grounds] razonables
   *[conclusive_grounds] concluyentes
}.
nrm-non-punishment-notice = Aviso a la fiscalía o al tribunal: el { $date }, la autoridad competente del mecanismo nacional de derivación decidió que { $kind ->
    [reasonable_grounds] hay motivos razonables para creer que la persona es víctima de trata de personas
   *[conclusive_grounds] la persona es víctima de trata de personas
}. La persona está sujeta al procedimiento { $proceeding } ({ $description }), por { $offence ->
    [immigration] un delito o infracción de extranjería
    [document] un delito o infracción relativo a documentos
    [prostitution] un delito o infracción relacionado con la prostitución
    [drugs] un delito o infracción relacionado con drogas
    [begging] un delito o infracción de mendicidad
    [fraud] un delito de fraude
    [theft] un delito de hurto o robo
   *[other] un delito o infracción
}, que consta como vinculado a la trata. No se debe castigar a las víctimas por las actividades ilícitas que se vieron obligadas a cometer como consecuencia directa de haber sido objeto de trata (resolución 32/3 del Consejo de Derechos Humanos, párrafo 14; STCE n.º 197, artículo 26). Les rogamos que consideren si el delito se cometió como consecuencia de la trata antes de continuar.

## Service matching: why a service is not eligible, or what to know about it

nrm-match-gender-not-served = no atiende a { $gender ->
    [Feminine] mujeres y niñas
    [Masculine] hombres y niños
    [TransgenderFeminine] mujeres y niñas trans
    [TransgenderMasculine] hombres y niños trans
    [NonConforming] personas de género no conforme
   *[NonSpecifiedUnknown] personas cuyo género no consta
}
nrm-match-women-only = { $kind ->
    [shelter] centro de acogida
    [medical] servicio médico
    [psychosocial] servicio psicosocial
    [legal_aid] servicio de asistencia jurídica
    [interpretation] servicio de interpretación
    [guardianship] servicio de tutela
    [education] servicio educativo
    [vocational] servicio de formación profesional
    [repatriation] servicio de repatriación
   *[child_protection] servicio de protección de la infancia
} solo para mujeres; { $gender ->
    [Masculine] los hombres adultos
    [TransgenderMasculine] los hombres trans adultos
    [NonConforming] las personas adultas de género no conforme
   *[NonSpecifiedUnknown] las personas adultas cuyo género no consta
} no son admisibles
nrm-match-not-women-only = no es solo para mujeres; la persona pidió servicios solo para mujeres
nrm-match-does-not-serve-children = no atiende a niños ni niñas
nrm-match-does-not-serve-adults = no atiende a personas adultas
nrm-match-outside-age-range = { $bounds ->
    [both] atiende a personas de { $min } a { $max ->
        [one] { $max } año
        [many] { $max } de años
       *[other] { $max } años
    }
    [from] atiende a personas de { $min ->
        [one] { $min } año
        [many] { $min } de años
       *[other] { $min } años
    } o más
   *[to] atiende a personas de hasta { $max ->
        [one] { $max } año
        [many] { $max } de años
       *[other] { $max } años
    }
}
nrm-match-not-child-friendly = no está adaptado a la infancia; un niño o niña necesita un servicio adaptado
nrm-match-no-disability-access = sin accesibilidad para personas con discapacidad
nrm-match-no-places-free = no hay plazas libres
nrm-match-does-not-interpret = no ofrece interpretación en { $language }
nrm-match-interpreter-needed = no habla { $language }; se necesita intérprete
nrm-match-other-location = en { $location }, lejos de donde está la persona
nrm-match-caseworker-gender = no hay gestor o gestora de casos que sea { $gender ->
    [Feminine] mujer
    [Masculine] hombre
    [TransgenderFeminine] mujer trans
    [TransgenderMasculine] hombre trans
    [NonConforming] de género no conforme
   *[NonSpecifiedUnknown] del género solicitado
}, como prefiere la persona
nrm-match-interpreter-gender = no hay intérprete que sea { $gender ->
    [Feminine] mujer
    [Masculine] hombre
    [TransgenderFeminine] mujer trans
    [TransgenderMasculine] hombre trans
    [NonConforming] de género no conforme
   *[NonSpecifiedUnknown] del género solicitado
}, como prefiere la persona

## Daily digest

nrm-digest-title = Resumen diario para { $user }, { $day }
nrm-digest-empty = No hay nada que venza hoy, nada vencido ni nada a la espera de respuesta.
nrm-digest-section = { $section ->
    [escalated] Elevado a la supervisión
    [overdue] Vencido
    [due_today] Vence hoy
   *[waiting_for_answer] A la espera de la respuesta de su organización
} ({ $count })
nrm-digest-item = - { $case }: { $kind ->
    [reasonable_grounds_decision] decisión sobre motivos razonables
    [referral_response] respuesta a la derivación { $referral }
    [guardian_appointment] designación de un tutor o tutora
    [best_interests_assessment] evaluación del interés superior
    [child_protection_referral] derivación a protección de la infancia
    [conclusive_grounds_decision] decisión sobre motivos concluyentes
    [reconsideration_decision] decisión sobre la reconsideración
   *[case_review] revisión del caso
}, vence el { $due }
