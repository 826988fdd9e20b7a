# Haven national referral mechanism: decision letters and the non-punishment notice.
# Letters are addressed to the person, or for a child to the guardian, never to the child.
# Arabic (right to left). Written for Haven; to be reviewed by native-speaking practitioners
# (docs/translations.md). The letter addresses the person in the second person singular written
# without vowel marks (أنك، يمكنك، بلغتك), which reads the same to a man or a woman.
# nrm-letter-subject-person and -child carry أنّ: the outcome puts بـ straight before them.

## Decision letters

nrm-letter-to-person = تحية طيبة إلى { $name }،
nrm-letter-to-guardian = تحية طيبة إلى { $guardian }، بصفتك الوصي على { $child }،
nrm-letter-subject = { $kind ->
    [reasonable_grounds] قرار الأسباب المعقولة
   *[conclusive_grounds] قرار الأسباب القاطعة
} المؤرخ { $date }{ $reconsidered ->
    [yes] ، بعد إعادة النظر
   *[no] {""}
}.
nrm-letter-outcome = { $kind ->
    [reasonable_grounds] { $outcome ->
        [positive] قررت السلطة المختصة أنه توجد أسباب معقولة للاعتقاد ب{ $subject } ضحية للاتجار بالبشر.
       *[negative] قررت السلطة المختصة أنه لا توجد أسباب معقولة للاعتقاد ب{ $subject } ضحية للاتجار بالبشر.
    }
   *[conclusive_grounds] { $outcome ->
        [positive] قررت السلطة المختصة { $subject } ضحية للاتجار بالبشر.
       *[negative] قررت السلطة المختصة أنه لم يثبت { $subject } ضحية للاتجار بالبشر.
    }
}
nrm-letter-subject-person = أنك
nrm-letter-subject-child = أن الطفل
nrm-letter-threshold = المعيار المطبَّق: { $threshold }
nrm-letter-reasons = تعليل القرار: { $reasons }
nrm-letter-evidence = الأدلة التي نُظر فيها: { $evidence }.
nrm-letter-recovery = تسري فترة للتعافي والتفكير من { $starts } إلى { $ends }. ولا تتوقف المساعدة والدعم على التعاون مع الشرطة أو مع أي سلطة أخرى.
nrm-letter-reconsideration = يمكنك طلب إعادة النظر في هذا القرار، مع تقديم أي معلومات جديدة، عن طريق مدير حالتك.
nrm-letter-closing = تتعلق هذه الرسالة بقرار صادر عن الآلية الوطنية للإحالة. ويمكن لمدير حالتك أن يشرحها لك بلغتك، بمساعدة مترجم شفوي إن رغبت في ذلك.

## Non-punishment

nrm-non-punishment-alert = عدم المعاقبة: توجد إجراءات قيد النظر ({ $proceeding }) ضد شخص صدر بشأنه قرار إيجابي { $kind ->
    [reasonable_grounds] بشأن الأسباب المعقولة
   *[conclusive_grounds] بشأن الأسباب القاطعة
}.
nrm-non-punishment-notice = إشعار إلى النيابة العامة أو المحكمة: في { $date }، قررت السلطة المختصة في الآلية الوطنية للإحالة { $kind ->
    [reasonable_grounds] أنه توجد أسباب معقولة للاعتقاد بأن الشخص ضحية للاتجار بالبشر
   *[conclusive_grounds] أن الشخص ضحية للاتجار بالبشر
}. والشخص خاضع للإجراء { $proceeding } ({ $description })، بشأن { $offence ->
    [immigration] مخالفة لقوانين الهجرة
    [document] مخالفة تتعلق بالوثائق
    [prostitution] جرم يتعلق بالدعارة
    [drugs] جرم يتعلق بالمخدرات
    [begging] جرم التسول
    [fraud] جرم الاحتيال
    [theft] جرم السرقة
   *[other] جرم
}، مسجَّل على أنه مرتبط بالاتجار. ولا تجوز معاقبة الضحايا على أنشطة غير مشروعة أُرغموا على ارتكابها كنتيجة مباشرة لتعرضهم للاتجار (قرار مجلس حقوق الإنسان 32/3، الفقرة 14؛ اتفاقية مجلس أوروبا رقم 197، المادة 26). يُرجى النظر فيما إذا كان الجرم قد ارتُكب نتيجةً للاتجار قبل المضي في الإجراءات.

## Service matching: why a service is not eligible, or what to know about it

nrm-match-gender-not-served = لا يخدم { $gender ->
    [Feminine] النساء والفتيات
    [Masculine] الرجال والفتيان
    [TransgenderFeminine] النساء والفتيات العابرات جندرياً
    [TransgenderMasculine] الرجال والفتيان العابرين جندرياً
    [NonConforming] الأشخاص غير المتقيّدين بالمعايير الجنسانية
   *[NonSpecifiedUnknown] الأشخاص الذين لم يُسجَّل نوعهم الاجتماعي
}
nrm-match-women-only = { $kind ->
    [shelter] مأوى مخصص للنساء فقط
    [medical] خدمة طبية مخصصة للنساء فقط
    [psychosocial] خدمة نفسية اجتماعية مخصصة للنساء فقط
    [legal_aid] خدمة مساعدة قانونية مخصصة للنساء فقط
    [interpretation] خدمة ترجمة شفوية مخصصة للنساء فقط
    [guardianship] خدمة وصاية مخصصة للنساء فقط
    [education] خدمة تعليمية مخصصة للنساء فقط
    [vocational] تدريب مهني مخصص للنساء فقط
    [repatriation] خدمة إعادة إلى الوطن مخصصة للنساء فقط
   *[child_protection] خدمة حماية طفل مخصصة للنساء فقط
}؛ { $gender ->
    [Masculine] الرجال البالغون
    [TransgenderMasculine] الرجال العابرون جندرياً البالغون
    [NonConforming] البالغون غير المتقيّدين بالمعايير الجنسانية
   *[NonSpecifiedUnknown] البالغون الذين لم يُسجَّل نوعهم الاجتماعي
} غير مؤهلين
nrm-match-not-women-only = غير مخصص للنساء فقط؛ وقد طلب الشخص خدمات مخصصة للنساء فقط
nrm-match-does-not-serve-children = لا يخدم الأطفال
nrm-match-does-not-serve-adults = لا يخدم البالغين
nrm-match-outside-age-range = { $bounds ->
    [both] يخدم الأعمار من { $min } إلى { $max ->
        [zero] { $max } سنة
        [one] سنة واحدة
        [two] سنتين
        [few] { $max } سنوات
        [many] { $max } سنة
       *[other] { $max } سنة
    }
    [from] يخدم الأعمار من { $min ->
        [zero] { $min } سنة
        [one] سنة واحدة
        [two] سنتين
        [few] { $min } سنوات
        [many] { $min } سنة
       *[other] { $min } سنة
    } فما فوق
   *[to] يخدم الأعمار حتى { $max ->
        [zero] { $max } سنة
        [one] سنة واحدة
        [two] سنتين
        [few] { $max } سنوات
        [many] { $max } سنة
       *[other] { $max } سنة
    }
}
nrm-match-not-child-friendly = غير ملائم للأطفال؛ يحتاج الطفل إلى خدمة ملائمة للأطفال
nrm-match-no-disability-access = غير مهيّأ لوصول الأشخاص ذوي الإعاقة
nrm-match-no-places-free = لا توجد أماكن شاغرة
nrm-match-does-not-interpret = لا يوفّر ترجمة شفوية بلغة { $language }
nrm-match-interpreter-needed = لا يتحدث لغة { $language }؛ تلزم الاستعانة بمترجم شفوي
nrm-match-other-location = في { $location }، بعيداً عن مكان وجود الشخص
nrm-match-caseworker-gender = لا يوجد مدير حالة { $gender ->
    [Feminine] من النساء
    [Masculine] من الرجال
    [TransgenderFeminine] من النساء العابرات جندرياً
    [TransgenderMasculine] من الرجال العابرين جندرياً
    [NonConforming] غير متقيّد بالمعايير الجنسانية
   *[NonSpecifiedUnknown] من النوع الاجتماعي المطلوب
}، كما يفضّل الشخص
nrm-match-interpreter-gender = لا يوجد مترجم شفوي { $gender ->
    [Feminine] من النساء
    [Masculine] من الرجال
    [TransgenderFeminine] من النساء العابرات جندرياً
    [TransgenderMasculine] من الرجال العابرين جندرياً
    [NonConforming] غير متقيّد بالمعايير الجنسانية
   *[NonSpecifiedUnknown] من النوع الاجتماعي المطلوب
}، كما يفضّل الشخص

## Daily digest

nrm-digest-title = الملخص اليومي: { $user }، { $day }
nrm-digest-empty = لا يوجد اليوم ما يستحق، ولا ما تأخر موعده، ولا ما ينتظر رداً.
nrm-digest-section = { $section ->
    [escalated] مُحال إلى المشرف
    [overdue] متأخر عن موعده
    [due_today] مستحق اليوم
   *[waiting_for_answer] بانتظار رد منظمتك
} ({ $count })
nrm-digest-item = - { $case }: { $kind ->
    [reasonable_grounds_decision] قرار الأسباب المعقولة
    [referral_response] الرد على الإحالة { $referral }
    [guardian_appointment] تعيين وصي
    [best_interests_assessment] تقييم المصالح الفضلى
    [child_protection_referral] الإحالة إلى حماية الطفل
    [conclusive_grounds_decision] قرار الأسباب القاطعة
    [reconsideration_decision] القرار بشأن إعادة النظر
   *[case_review] مراجعة الحالة
}، موعد الاستحقاق: { $due }
