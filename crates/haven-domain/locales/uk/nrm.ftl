# Haven national referral mechanism: decision letters and the non-punishment notice.
# Letters are addressed to the person, or for a child to the guardian, never to the child.
# Ukrainian. Written for Haven; to be reviewed by native-speaking practitioners
# (docs/translations.md). «є» does not change with the person, so the subjects «ви є» and
# «дитина є» fit every outcome sentence.

## Decision letters

nrm-letter-to-person = Доброго дня, { $name }!
nrm-letter-to-guardian = Доброго дня, { $guardian }! Пишемо вам як законному представнику дитини { $child }.
nrm-letter-subject = { $kind ->
    [reasonable_grounds] Рішення щодо обґрунтованих підстав
   *[conclusive_grounds] Рішення щодо остаточних підстав
} від { $date }{ $reconsidered ->
    [yes] , ухвалене після повторного розгляду
   *[no] {""}
}.
nrm-letter-outcome = { $kind ->
    [reasonable_grounds] { $outcome ->
        [positive] Компетентний орган вирішив, що є обґрунтовані підстави вважати, що { $subject } особою, яка постраждала від торгівлі людьми.
       *[negative] Компетентний орган вирішив, що немає обґрунтованих підстав вважати, що { $subject } особою, яка постраждала від торгівлі людьми.
    }
   *[conclusive_grounds] { $outcome ->
        [positive] Компетентний орган вирішив, що { $subject } особою, яка постраждала від торгівлі людьми.
       *[negative] Компетентний орган дійшов висновку: не встановлено, що { $subject } особою, яка постраждала від торгівлі людьми.
    }
}
nrm-letter-subject-person = ви є
nrm-letter-subject-child = дитина є
nrm-letter-threshold = Застосований критерій: { $threshold }
nrm-letter-reasons = Мотиви рішення: { $reasons }
nrm-letter-evidence = Розглянуті докази: { $evidence }.
nrm-letter-recovery = Період відновлення та роздумів триває з { $starts } до { $ends }. Допомога й підтримка не залежать від співпраці з поліцією чи будь-яким іншим органом.
nrm-letter-reconsideration = Ви можете попросити переглянути це рішення, надавши будь-яку нову інформацію, через фахівця, який веде вашу справу.
nrm-letter-closing = Цей лист стосується рішення національного механізму перенаправлення. Фахівець, який веде вашу справу, може пояснити його вашою мовою, за бажанням — за участю перекладача.

## Non-punishment

nrm-non-punishment-alert = Непокарання: щодо особи, стосовно якої ухвалено позитивне рішення { $kind ->
    [reasonable_grounds] щодо обґрунтованих підстав
   *[conclusive_grounds] щодо остаточних підстав
}, триває провадження ({ $proceeding }).
nrm-non-punishment-notice = Повідомлення прокурору або суду: { $date } компетентний орган національного механізму перенаправлення вирішив, що { $kind ->
    [reasonable_grounds] є обґрунтовані підстави вважати, що особа постраждала від торгівлі людьми
   *[conclusive_grounds] особа постраждала від торгівлі людьми
}. Щодо особи триває провадження { $proceeding } ({ $description }) за { $offence ->
    [immigration] правопорушення у сфері міграції
    [document] правопорушення, повʼязане з документами
    [prostitution] правопорушення, повʼязане з проституцією
    [drugs] правопорушення, повʼязане з наркотиками
    [begging] правопорушення, повʼязане з жебракуванням
    [fraud] шахрайство
    [theft] крадіжку
   *[other] правопорушення
}, яке зафіксовано як повʼязане з торгівлею людьми. Постраждалих осіб не слід карати за протиправну діяльність, до якої їх примусили як безпосередній наслідок торгівлі людьми (резолюція Ради ООН з прав людини 32/3, пункт 14; CETS № 197, стаття 26). Просимо розглянути, чи було правопорушення вчинено внаслідок торгівлі людьми, перш ніж продовжувати провадження.

## Service matching: why a service is not eligible, or what to know about it

nrm-match-gender-not-served = не обслуговує { $gender ->
    [Feminine] жінок і дівчат
    [Masculine] чоловіків і хлопців
    [TransgenderFeminine] трансгендерних жінок і дівчат
    [TransgenderMasculine] трансгендерних чоловіків і хлопців
    [NonConforming] гендерно неконформних людей
   *[NonSpecifiedUnknown] людей, чий гендер не зазначено
}
nrm-match-women-only = { $kind ->
    [shelter] притулок лише для жінок
    [medical] медична служба лише для жінок
    [psychosocial] психосоціальна служба лише для жінок
    [legal_aid] правова допомога лише для жінок
    [interpretation] послуги перекладу лише для жінок
    [guardianship] служба опіки лише для жінок
    [education] освітня служба лише для жінок
    [vocational] професійне навчання лише для жінок
    [repatriation] служба репатріації лише для жінок
   *[child_protection] служба захисту дітей лише для жінок
}; { $gender ->
    [Masculine] дорослі чоловіки
    [TransgenderMasculine] дорослі трансгендерні чоловіки
    [NonConforming] дорослі гендерно неконформні люди
   *[NonSpecifiedUnknown] дорослі, чий гендер не зазначено,
} не можуть отримати цю послугу
nrm-match-not-women-only = не лише для жінок; особа просила послуг лише для жінок
nrm-match-does-not-serve-children = не обслуговує дітей
nrm-match-does-not-serve-adults = не обслуговує дорослих
nrm-match-outside-age-range = { $bounds ->
    [both] обслуговує осіб віком від { $min } до { $max ->
        [one] { $max } року
        [few] { $max } років
        [many] { $max } років
       *[other] { $max } року
    }
    [from] обслуговує осіб віком від { $min ->
        [one] { $min } року
        [few] { $min } років
        [many] { $min } років
       *[other] { $min } року
    } і старших
   *[to] обслуговує осіб віком до { $max ->
        [one] { $max } року
        [few] { $max } років
        [many] { $max } років
       *[other] { $max } року
    }
}
nrm-match-not-child-friendly = не пристосовано для дітей; дитині потрібна служба, дружня до дітей
nrm-match-no-disability-access = немає доступу для людей з інвалідністю
nrm-match-no-places-free = немає вільних місць
nrm-match-does-not-interpret = не надає перекладу мовою { $language }
nrm-match-interpreter-needed = не володіє мовою { $language }; потрібен перекладач
nrm-match-other-location = місце розташування: { $location }, далеко від місця перебування особи
nrm-match-caseworker-gender = серед кейс-менеджерів немає { $gender ->
    [Feminine] жінок
    [Masculine] чоловіків
    [TransgenderFeminine] трансгендерних жінок
    [TransgenderMasculine] трансгендерних чоловіків
    [NonConforming] гендерно неконформних людей
   *[NonSpecifiedUnknown] людей потрібного гендеру
}, а особа надає цьому перевагу
nrm-match-interpreter-gender = серед перекладачів немає { $gender ->
    [Feminine] жінок
    [Masculine] чоловіків
    [TransgenderFeminine] трансгендерних жінок
    [TransgenderMasculine] трансгендерних чоловіків
    [NonConforming] гендерно неконформних людей
   *[NonSpecifiedUnknown] людей потрібного гендеру
}, а особа надає цьому перевагу

## Daily digest

nrm-digest-title = Щоденне зведення: { $user }, { $day }
nrm-digest-empty = На сьогодні немає ні завдань із терміном сьогодні, ні прострочених, ні тих, що чекають на відповідь.
nrm-digest-section = { $section ->
    [escalated] Передано супервізорові
    [overdue] Прострочено
    [due_today] Термін — сьогодні
   *[waiting_for_answer] Чекає на відповідь вашої організації
} ({ $count })
nrm-digest-item = - { $case }: { $kind ->
    [reasonable_grounds_decision] рішення щодо обґрунтованих підстав
    [referral_response] відповідь на перенаправлення { $referral }
    [guardian_appointment] призначення опікуна
    [best_interests_assessment] оцінка найкращих інтересів дитини
    [child_protection_referral] перенаправлення до служби захисту дітей
    [conclusive_grounds_decision] рішення щодо остаточних підстав
    [reconsideration_decision] рішення за результатами повторного розгляду
   *[case_review] перегляд справи
}, термін: { $due }
