# The screening wizard: every word of it, in one file so it can be translated in one go.
#
# Questions are read aloud, often through an interpreter: plain words, one fact per question,
# asked so that "yes" always means the sign is there (never a trick question). Their ids follow
# one rule from the catalogue's ids (reference/identification-catalogue.toml):
#   q-act-<id>, q-means-<id>, q-purpose-<id>, q-offence-<id>, q-risk-<id>, q-flag-<input field>,
#   and for ILO/EC indicators q-<DIM>-<slug> for the indicator "<DIM>.<slug>".
# A test fails when a question the wizard asks has no message.
#
# Arabic (right to left). Written for Haven; to be reviewed by native-speaking practitioners
# (docs/translations.md). Terms as in identification.ftl and web.ftl: الفحص الأولي (screening)،
# الاتجار بالبشر، أسباب معقولة، فترة التعافي والتفكير، عدم المعاقبة، الإحالة، الحالة، المجنِّد،
# منظمة العمل الدولية والمفوضية الأوروبية.
# Every question reads the same to a man or a woman, a boy or a girl: the person is addressed
# only with forms written alike for both without vowel marks — the attached pronoun (عليك، أجرك)
# and the past tense (هل عرض عليك أحد، هل أُجبرت، هل طلبت) — or with a noun (قبل موافقتك،
# لعدم معرفتك). Never a second-person present-tense verb, imperative or adjective (تعمل/تعملين،
# متأكد/متأكدة), which would choose one. The screener's instructions are written as nouns or with
# يُرجى, as in the other files. No question is asked in the negative.

## The wizard around the questions

wizard-title = فحص أولي جديد
wizard-progress = الخطوة { $step } من { $steps }: { $title }
wizard-next = التالي
wizard-back = السابق
wizard-save = الحفظ والمتابعة لاحقاً
wizard-submit = عرض النتيجة
wizard-resumed = عادت إجاباتك المحفوظة. يمكنك المتابعة من حيث توقفت.
wizard-reassure = يُرجى قراءة كل سؤال كما هو مكتوب. الإجابة «لا يُعرف» مقبولة دائماً، ويحق للشخص تخطي أي سؤال.
wizard-errors = بعض الإجابات تحتاج إلى انتباهك. لم يُفقد شيء مما أدخلته.
answer-yes = نعم
answer-no = لا
answer-unknown = لا يُعرف

## Interpreter mode

wizard-interpreter = هل يوجد مترجم شفوي؟ عرض كل سؤال أيضاً باللغة التالية:
wizard-interpreter-none = لا، تكفي لغة واحدة
wizard-interpreter-hint = عندها يظهر كل سؤال بلغتك وبلغة المترجم الشفوي، جنباً إلى جنب.
wizard-interpreter-untranslated = لا تتوفر هذه الأسئلة في Haven بهذه اللغة ({ $language }) بعدُ: لذلك تُعرض بالإنجليزية إلى أن تصل الترجمة.

## Step titles and what to say before the questions

wizard-step-person = عن الشخص
wizard-step-person-intro = يُرجى التعريف بنفسك وبسبب طرح هذه الأسئلة، وتوضيح أن الإجابات تساعد على إيجاد الدعم المناسب، وأن الأمر ليس امتحاناً، وأن بإمكان الشخص التوقف في أي وقت.
wizard-step-acts = كيف وصل الشخص
wizard-step-acts-intro = تتناول هذه الأسئلة الطريقة التي وصل بها الشخص إلى حيث هو الآن.
wizard-step-means = ما الذي فُعل به
wizard-step-means-intro = تتناول هذه الأسئلة الطريقة التي سيطر بها آخرون على الشخص أو أبقوه تحت سيطرتهم. يُرجى التمهل والرفق، والتوقف إذا شعر الشخص بالضيق.
wizard-step-purposes = الغرض من ذلك
wizard-step-purposes-intro = تتناول هذه الأسئلة ما أُجبر الشخص على فعله، أو ما كان سيُجبر على فعله.
wizard-step-DR = ما قيل له قبل المغادرة
wizard-step-DR-intro = تقارن هذه الأسئلة بين ما وُعد به الشخص وما حدث فعلاً.
wizard-step-CR = كيف أُجبر على الذهاب
wizard-step-CR-intro = تتناول هذه الأسئلة استخدام القوة أو التهديد أو السيطرة عند تجنيد الشخص أو نقله.
wizard-step-AVR = وضعه عند التجنيد
wizard-step-AVR-intro = تتناول هذه الأسئلة الظروف الصعبة أو التبعية التي ربما استغلها أحد ما.
wizard-step-EX = ظروف عمله ومعيشته
wizard-step-EX-intro = تتناول هذه الأسئلة العمل نفسه والمكان الذي يعيش فيه الشخص.
wizard-step-CD = ما الذي يبقيه هناك
wizard-step-CD-intro = تتناول هذه الأسئلة ما يمنع الشخص من المغادرة. يُرجى تذكيره بأنه في أمان، سواء أجاب أم لم يُجب.
wizard-step-AVD = وضعه هنا
wizard-step-AVD-intro = تتناول هذه الأسئلة التبعية أو العزلة أو الخوف في المكان الذي يوجد فيه الشخص الآن.
wizard-step-offences = أفعال أُجبر عليها
wizard-step-offences-intro = يُرجى السؤال عن الأفعال التي اضطر الشخص إلى القيام بها بسبب وضعه، مع توضيح أن هذه الإجابات تحميه: فلا يجوز العقاب على جرائم أُجبر الشخص على ارتكابها بسبب تعرّضه للاتجار.
wizard-step-risks = مؤشرات الخطر
wizard-step-risks-intro = تبحث هذه الأسئلة عن مؤشرات على أن الشخص قد يكون على وشك التعرض للاستغلال، مثلاً قبل قبول عمل أو القيام برحلة.
wizard-step-flags = بضعة أمور أخرى
wizard-step-flags-intro = تحدد هذه الإجابات من يجب إبلاغه أيضاً، وما الحماية التي ينبغي عرضها.
wizard-step-submit = المراجعة وعرض النتيجة
wizard-step-submit-intro = لا يُسجَّل شيء قبل طلب النتيجة.

## About the person

wizard-age-years = العمر بالسنوات، إذا كان ثابتاً
wizard-age-years-hint = يُترك الحقل فارغاً إذا لم يكن العمر معروفاً على وجه اليقين.
wizard-age-basis = كيف عُرف العمر؟
wizard-basis-document = من وثيقة هوية
wizard-basis-claimed = يذكره الشخص نفسه
wizard-basis-assessment = من تقييم للعمر
wizard-basis-observed = من المظهر فقط (انطباع، ولا يكون حاسماً أبداً)
wizard-claimed-years = العمر الذي يذكره الشخص، إذا لم يكن العمر ثابتاً
wizard-minor = هل يوجد أي سبب للاعتقاد بأن عمر الشخص قد يكون دون 18 سنة؟
wizard-minor-hint = إذا وُجد، يعامل Haven الشخص كطفل إلى أن يثبت عمره.
wizard-sex = الجنس
wizard-sex-female = أنثى
wizard-sex-male = ذكر
wizard-sex-other = غير ذلك
wizard-sex-unknown = غير معروف أو لم يُذكر
wizard-language = لغة الشخص
wizard-language-hint = رمز اللغة، مثل ar أو fa أو ps أو so أو ti أو uk. يُستخدم للرسائل إذا فُتحت حالة.

## What it was for

wizard-exploitation-type = ما شكل الاستغلال الذي يتعلق به الأمر أساساً؟
wizard-exploitation-type-hint = يحدد هذا الاختيار المؤشرات التي تنطبق. إذا انطبق أكثر من شكل، يُختار الشكل الرئيسي.
wizard-exploitation-labour = العمل أو الخدمات، بما في ذلك التسول والإجرام
wizard-exploitation-sexual = الاستغلال الجنسي
wizard-exploitation-other = نزع الأعضاء أو التبني
wizard-exploitation-pick = يُرجى اختيار شكل واحد

## Check and see the result

wizard-summary = { $yes ->
    [0] لم يُجَب بـ«نعم» عن أي سؤال
    [one] أُجيب بـ«نعم» عن سؤال واحد
    [two] أُجيب بـ«نعم» عن سؤالين
    [few] أُجيب بـ«نعم» عن { $yes } أسئلة
    [many] أُجيب بـ«نعم» عن { $yes } سؤالاً
   *[other] أُجيب بـ«نعم» عن { $yes } سؤال
}، و{ $no ->
    [0] لم يُجَب بـ«لا» عن أي سؤال
    [one] أُجيب بـ«لا» عن سؤال واحد
    [two] أُجيب بـ«لا» عن سؤالين
    [few] أُجيب بـ«لا» عن { $no } أسئلة
    [many] أُجيب بـ«لا» عن { $no } سؤالاً
   *[other] أُجيب بـ«لا» عن { $no } سؤال
}. ويُحتسب كل ما عدا ذلك «غير معروف»، ولا يُحتسب «لا» أبداً.
wizard-register = تسجيل الشخص (اختياري)
wizard-register-hint = يُحفظ الاسم مختوماً في خزنة الهوية، منفصلاً عن الفحص الأولي. لا يمكن فتح حالة إلا لشخص مسجَّل. لإجراء الفحص دون اسم، يُترك الحقلان فارغين.
wizard-given-name = الاسم الشخصي
wizard-family-name = اسم العائلة

## Errors next to the fields

wizard-error-age-basis = يُرجى اختيار طريقة معرفة العمر.
wizard-error-age-number = يُرجى كتابة عدد صحيح من السنوات من 0 إلى 120، أو ترك الحقل فارغاً.
wizard-error-language = يُرجى كتابة رمز لغة مثل ar أو fa أو uk، أو ترك الحقل فارغاً.
wizard-error-exploitation-type = يُرجى اختيار شكل الاستغلال: فهو يحدد المؤشرات التي تنطبق.
wizard-error-name = لا يجوز أن يتجاوز الاسم 200 حرف.
wizard-error-not-recorded = تعذّر تسجيل الفحص الأولي: { $detail }

## Drafts

wizard-drafts-title = عمليات الفحص المحفوظة
wizard-drafts-intro = عمليات الفحص الأولي التي حفظتها لمتابعتها لاحقاً. لا يراها أحد سواك، والإجابات محفوظة مشفَّرة.
wizard-drafts-none = لا توجد لديك عمليات فحص محفوظة.
wizard-drafts-saved = تم الحفظ. يمكنك متابعة هذا الفحص من هذه القائمة.
wizard-drafts-deleted = حُذف الفحص المحفوظ.
wizard-drafts-saved-on = تاريخ الحفظ
wizard-drafts-step = الخطوة التي وُصل إليها
wizard-drafts-continue = متابعة
wizard-drafts-delete = حذف
wizard-drafts-new = بدء فحص أولي جديد

## The result

wizard-result-title = نتيجة الفحص الأولي
wizard-result-child-first = طفل: الحماية أولاً
wizard-result-child-first-intro = يُعامَل الشخص كطفل. يجب القيام بهذه الخطوات أولاً، قبل أي شيء آخر.
wizard-result-children-present = أطفال آخرون: حمايتهم أيضاً
wizard-result-children-present-intro = يوجد أطفال آخرون في الوضع نفسه. ويحتاج كل منهم إلى حماية الطفل وإلى فحص أولي خاص به.
wizard-result-outcome = ما يقوله الفحص الأولي
wizard-result-legal = وفق القانون
wizard-result-ilo = وفق مؤشرات منظمة العمل الدولية والمفوضية الأوروبية
wizard-result-forced-labour = مؤشرات على العمل الجبري: أُجيب بـ«نعم» عن مؤشر على العمل غير الطوعي وعن مؤشر على العقوبة أو التهديد.
wizard-result-sale-of-children = بيع طفل: نُقل الطفل إلى غيره، وتلقّى شخص له سيطرة على الطفل مقابلاً مالياً.
wizard-result-next = الخطوات التالية
wizard-result-then = بعد ذلك
wizard-result-why = السبب
wizard-result-why-intro = القواعد التي أدت إلى هذه النتيجة، والوقائع التي استندت إليها.
wizard-result-open-case = فتح حالة
wizard-result-open-case-intro = ترافق الحالة الشخص خلال الإحالة والقرارات والدعم.
wizard-result-case-language = لغة الشخص، للرسائل
wizard-result-no-person = لم يُسجَّل أي شخص مع هذا الفحص الأولي، لذلك لا يمكن فتح حالة بناءً عليه. لفتح حالة، يُعاد الفحص ويُسجَّل الشخص في الخطوة الأخيرة.
wizard-result-track-child = المعاملة كطفل
wizard-result-track-adult = المعاملة كبالغ
wizard-result-again = بدء فحص أولي آخر

wizard-result-legal-TRAFFICKING = توجد أسباب معقولة للاعتقاد بأن الشخص ضحية للاتجار بالبشر. وهذا ليس قراراً نهائياً.
wizard-result-legal-NOT_TRAFFICKING = ليس اتجاراً: تستبعد الإجابات عنصراً يشترطه القانون.
wizard-result-legal-AT_RISK = معرّض لخطر الاتجار: لم يُستبعد أي عنصر يشترطه القانون، وبعض العناصر غير معروف، وتوجد مؤشرات على الخطر.
wizard-result-legal-INSUFFICIENT_INFORMATION = لا تتوفر معلومات كافية بعد. لم يُستبعد شيء؛ يُعاد الفحص الأولي عند توفر معلومات أكثر.

wizard-result-ilo-VICTIM = تشير المؤشرات إلى ضحية للاتجار بالبشر.
wizard-result-ilo-NOT_VICTIM = المؤشرات التي أُجيب عنها بـ«نعم» لا تكفي للإشارة إلى ضحية للاتجار بالبشر.
wizard-result-ilo-NOT_APPLICABLE = لا تشمل المؤشرات هذا الشكل من الاستغلال (نزع الأعضاء، التبني). وهذه ليست نتيجة سلبية.
wizard-result-ilo-ILO_LIST_UNVERIFIED = لا تستطيع المؤشرات إعطاء إجابة واضحة هنا، لأن جزءاً من قائمتها لم يُتحقق منه بعد. يُعتمد على النتيجة القانونية.

wizard-result-next-CHILD_PROTECTION = الإحالة فوراً إلى حماية الطفل.
wizard-result-next-GUARDIAN = طلب تعيين وصي أو ممثل للطفل دون تأخير.
wizard-result-next-BEST_INTERESTS = تقييم المصالح الفضلى للطفل قبل أي إيداع أو تواصل مع الأسرة أو عودة.
wizard-result-next-NO_DETENTION = التأكد من عدم احتجاز الطفل لدى الشرطة أو سلطات الهجرة بسبب هذا الوضع.
wizard-result-next-ADULT_REFERRAL_CONSENT = عرض الإحالة للحصول على المساعدة، وعدم الإحالة إلا بموافقة الشخص.
wizard-result-next-REFLECTION_PERIOD_30D = للشخص الحق في فترة للتعافي والتفكير لا تقل عن 30 يوماً، لا يجوز ترحيله خلالها.
wizard-result-next-ASSISTANCE_UNCONDITIONAL = بدء المساعدة الآن. ولا تتوقف المساعدة أبداً على التحدث إلى الشرطة.
wizard-result-next-NON_PUNISHMENT = الإشارة إلى الجرائم التي أُجبر الشخص على ارتكابها: لا يجوز معاقبته عليها.
wizard-result-next-LABOUR_INSPECTION = إبلاغ مفتشية العمل عن مكان العمل.
wizard-result-next-INTERNATIONAL_PROTECTION_SCREENING = إتاحة الوصول إلى إجراءات اللجوء أو إلى تحديد صفة اللاجئ.
wizard-result-next-MEDICAL = عرض الرعاية الطبية، بما في ذلك رعاية الصحة الجنسية والإنجابية والصحة النفسية.
wizard-result-next-SAFETY_PLANNING = وضع خطة لسلامة الشخص وسلامة أسرته.
wizard-result-next-INFO_RIGHTS = إبلاغ الشخص، بلغة يفهمها، بحقوقه وبالمخاطر وبالأماكن التي يمكنه الحصول فيها على المساعدة.
wizard-result-next-REPORT_RECRUITER = الإبلاغ عن المجنِّد أو الوكالة، إذا وافق الشخص.
wizard-result-next-MRM_REPORT = الإبلاغ إلى آلية الرصد والإبلاغ التابعة للأمم المتحدة بشأن الأطفال في النزاعات المسلحة.
wizard-result-next-AGE_ASSESSMENT_IF_SERIOUS_DOUBT = مواصلة معاملة الشخص كطفل. ولا يُقيَّم العمر إلا عند وجود شك جدي، وبعد أن تبدأ الحماية.
wizard-result-next-NO_ACTION = لا يلزم القيام بشيء آخر الآن؛ تُقدَّم المعلومات إذا طلبها الشخص.

## How they came (acts)

q-act-recruitment = هل عرض عليك أحد عملاً أو سفراً أو زواجاً، أو تواصل معك وطلب منك المجيء؟
q-act-transportation = هل أخذك أحد إلى مكان آخر، أو رتّب لك السفر إليه؟
q-act-transfer = هل سلّمك أحد من شخص أو جماعة إلى شخص أو جماعة أخرى، أو باعك؟
q-act-harbouring = هل آواك أحد أو احتجزك أو أخفاك، في الطريق أو هنا؟
q-act-receipt = هل كان أحد في انتظارك عند وصولك، واستقبلك عنده؟

## What was done to them (means)

q-means-threat_of_force = هل هدّدك أحد باستخدام العنف ضدك أو ضد شخص قريب منك؟
q-means-use_of_force = هل آذاك أحد جسدياً أو جنسياً، أو احتجزك بالقوة؟
q-means-other_coercion = هل ضغط عليك أحد بطرق أخرى لم تترك لك حرية الاختيار، مثل دَين، أو الاحتفاظ بأوراقك، أو التهديد بالإبلاغ عنك، أو حبسك، أو الابتزاز؟
q-means-abduction = هل خطفك أحد أو أخذك رغماً عنك؟
q-means-fraud = هل استُخدمت حيلة غير نزيهة للسيطرة عليك، مثل وكالة وهمية أو عقد وهمي أو أوراق مزورة؟
q-means-deception = هل كذب عليك أحد بشأن العمل أو الأجر أو الظروف أو المكان أو التكاليف أو زواج؟
q-means-abuse_of_power = هل استغل شخص له سلطة عليك هذه السلطة للسيطرة عليك، مثل صاحب عمل أو موظف رسمي أو شخص يتولى رعايتك أو مالك السكن؟
q-means-abuse_of_position_of_vulnerability = هل استغل أحد وضعاً لم يكن لك فيه خيار حقيقي سوى القبول، مثل الفقر أو عدم امتلاك أوراق أو النزوح؟
q-means-giving_or_receiving_payments = هل أُعطي مال أو شيء آخر لشخص له سلطة عليك، مثل أحد والديك، للحصول على موافقته؟

## What it was for (purposes)

q-purpose-sexual_exploitation = هل استفاد شخص آخر من ممارسة جنسية أُجبرت عليها، أو من عمل جنسي قمت به؟
q-purpose-forced_labour_or_services = هل أُجبرت على العمل أو على خدمة أحد، في عمل لم يكن باختيارك الحر، تحت التهديد بالعقاب؟
q-purpose-slavery = هل عاملك أحد كأنك ملك له، مثلاً بشرائك أو بيعك أو إعارتك لغيره؟
q-purpose-practices_similar_to_slavery = هل احتُجزت بسبب دين لا يمكن سداده أبداً، أو زُوِّجت رغماً عنك، أو سُلِّمت في طفولتك إلى شخص أجبرك على العمل؟
q-purpose-servitude = هل كان عليك العيش في مكان عملك، دون أي وسيلة لتغيير وضعك؟
q-purpose-removal_of_organs = هل أُخذ منك عضو من أعضاء جسمك، أو ضُغط عليك للتخلي عن عضو، لمصلحة شخص آخر؟
q-purpose-forced_criminality = هل أُجبرت على ارتكاب جرائم لصالح آخرين، مثل السرقة أو بيع المخدرات أو الاحتيال عبر الإنترنت؟
q-purpose-forced_begging = هل أُجبرت على التسول ليربح شخص آخر من ذلك؟
q-purpose-forced_marriage = هل زُوِّجت، أو يُراد تزويجك، دون موافقتك الكاملة والحرة؟
q-purpose-illegal_adoption = هل رُتِّب تبنٍّ مقابل مال أو تحت الضغط أو بأوراق مزورة؟
q-purpose-surrogacy_exploitation = هل أُجبرت أو خُدعت لحمل طفل لصالح شخص آخر؟
q-purpose-child_soldiering = للطفل: هل جنّدتك أو استخدمتك قوة مسلحة أو جماعة مسلحة، في أي دور كان؟

## What they were told before leaving (ILO/EC: deceptive recruitment)

q-DR-deceived_nature_of_job = هل العمل أو المكان أو صاحب العمل مختلف عما قيل لك قبل موافقتك على الذهاب؟
q-DR-deceived_conditions_of_work = هل ساعات العمل أو المهام أو الظروف مختلفة عما وُعدت به؟
q-DR-deceived_contract = هل عُدِّل لاحقاً عقد عُرض عليك، أو استُبدل، أو لم يُلتزم به؟
q-DR-deceived_family_reunification = هل قيل لك إنه يمكنك إحضار أفراد من أسرتك أو اللحاق بهم، ثم لم يحدث ذلك؟
q-DR-deceived_housing_living_conditions = هل مكان سكنك مختلف عما وُعدت به؟
q-DR-deceived_legal_documentation = هل وُعدت بتأشيرة أو تصريح عمل أو أوراق أخرى، ثم لم تُعطَ لك؟
q-DR-deceived_travel_recruitment_conditions = هل كلّفتك الرحلة أو الوظيفة في النهاية أكثر مما قيل لك، أو بطريقة مختلفة؟
q-DR-deceived_wages = هل أجرك مختلف عما وُعدت به؟
q-DR-deceived_promise_marriage_adoption = هل وعدك أحد بزواج أو بشريك حياة أو بتبنٍّ لإقناعك بالسفر أو بالموافقة؟
q-DR-deceived_education = هل وُعدت بالمدرسة أو بالدراسة أو بالتدريب، ثم لم يحدث ذلك؟
q-DR-deceived_conditions_of_prostitution = إذا كان معلوماً لك أن العمل سيشمل عملاً جنسياً: هل المال أو ساعات العمل أو الزبائن أو حريتك في الرفض مختلفة عما قيل لك؟

## How they were made to go (ILO/EC: coercive recruitment)

q-CR-violence_on_victim = قبل وصولك، أو في الطريق، هل آذاك أحد؟
q-CR-abduction_forced_marriage_adoption_sale = هل أخذك أحد رغماً عنك، أو جرى تزويجك أو تبنّيك رغماً عنك، أو سلّمك أحد إلى شخص آخر مقابل مال أو أشياء؟
q-CR-confiscation_of_documents = هل أخذ أحد جواز سفرك أو أوراق هويتك قبل الرحلة أو أثناءها؟
q-CR-debt_bondage = هل كان عليك أو على أسرتك دَين، بشروط وضعها آخرون، من أجل سفرك أو حصولك على العمل؟
q-CR-isolation_confinement_surveillance = في الطريق إلى هنا، هل أُبقيت في مكان لم يكن بإمكانك مغادرته، أو كان أحد يراقبك طوال الوقت؟
q-CR-threat_of_denunciation = هل هدّدك أحد بإبلاغ الشرطة أو سلطات الهجرة عنك في حال عدم امتثالك لما يطلبونه؟
q-CR-threat_to_inform_family_community = هل هدّدك أحد بإخبار أسرتك أو مجتمعك بأمور عنك، أو بنشر صور لك، في حال عدم امتثالك لما يطلبونه؟
q-CR-threat_of_violence = هل هدّدك أحد بإيذائك في حال رفضك أو عدم ذهابك؟
q-CR-violence_on_family = هل آذى أحد أسرتك أو هدّدها لإجبارك على الذهاب؟
q-CR-withholding_of_money = هل احتفظ أحد بمالك أو بمدخراتك لإرغامك على الامتثال لما يطلبونه؟

## Their situation when they were recruited (ILO/EC: abuse of vulnerability at recruitment)

q-AVR-abuse_of_difficult_family_situation = هل كان الشخص الذي جنّدك يعرف بمشاكل في بيتك، واستغلها لإقناعك؟
q-AVR-abuse_of_irregular_status = هل استغل المجنِّد عدم امتلاكك أوراقاً للإقامة أو العمل للضغط عليك؟
q-AVR-abuse_of_lack_of_education = هل كانت قراءة العقد أو الرسائل التي أُرسلت إليك صعبة عليك، أو كانت بلغة غير مفهومة لك؟
q-AVR-abuse_of_lack_of_information = قبل مغادرتك، هل كان عليك الوثوق بكلام المجنِّد، دون أي وسيلة للتحقق من العمل؟
q-AVR-control_of_exploiters = هل كان للشخص الذي جنّدك سلطة عليك من قبل، مثلاً بصفته مالك سكنك أو صاحب عملك أو من أقرضك المال أو أحد أقاربك؟
q-AVR-economic_reasons = عندما جاء العرض، هل كنت أنت أو أسرتك تحت ضغط لكسب المال؟
q-AVR-false_information_about_law_authorities = هل قيل لك إن الشرطة أو السلطات ستعتقلك أو تؤذيك إذا طلبت منها المساعدة؟
q-AVR-false_information_about_migration = هل رُويت لك قصص عن أشخاص نجحوا في الخارج، ثم تبيّن لاحقاً أنها غير صحيحة؟
q-AVR-family_situation = هل كانت أسرتك تعتمد عليك في كسب المال أو في مغادرة البيت؟
q-AVR-personal_situation = هل كان في حياتك في ذلك الوقت ما يجعل الرفض صعباً عليك، مثل صحتك أو سكنك أو عدم وجود أحد إلى جانبك؟
q-AVR-psychological_emotional_dependency = هل كان الشخص الذي جنّدك شريك حياتك، أو صديقاً مقرباً، أو شخصاً كان اعتمادك عليه كبيراً؟
q-AVR-relationship_with_authorities_legal_status = قبل مغادرتك، هل كان وضع أوراقك غير مستقر، أو كان لديك شعور بأن اللجوء إلى السلطات غير ممكن إذا حدث خطأ ما؟
q-AVR-difficulties_in_the_past = فقط إذا أثار الشخص الموضوع بنفسه: هل مررت بأمور صعبة من قبل جعلت المغادرة تبدو السبيل الوحيد؟
q-AVR-difficulty_organising_travel = هل احتجت إلى شخص آخر ليرتب لك الرحلة؟
q-AVR-abuse_of_cultural_religious_beliefs = هل استُخدمت معتقدات أو قَسَم أو طقوس لحملك على الموافقة أو على السكوت؟
q-AVR-general_context = للملاحظة، دون طرح السؤال: هل جاء الشخص من مكان يشهد نزاعاً أو نزوحاً أو كارثة أو تمييزاً؟

## Their work and living conditions (ILO/EC: exploitative conditions)

q-EX-excessive_hours = هل ساعات عملك طويلة جداً، أو تمر عليك أيام عمل كثيرة دون يوم راحة؟
q-EX-bad_living_conditions = هل مكان نومك مكتظ أو غير آمن، أو ينقصك الطعام أو الماء؟
q-EX-hazardous_work = هل عملك خطير، أو يسبب لك المرض؟
q-EX-low_or_no_salary = هل أجرك قليل جداً أو معدوم، أو يأخذ شخص آخر أجرك؟
q-EX-labour_law_or_contract_breached = هل يخالف صاحب العمل ما اتُّفق عليه بشأن الأجر أو ساعات العمل أو أيام الراحة؟
q-EX-no_social_protection = هل عملك بلا عقد أو تأمين صحي أو ضمان اجتماعي؟
q-EX-very_bad_working_conditions = هل ظروف مكان عملك سيئة جداً، مثلاً لا استراحات ولا مياه للشرب ولا مرحاض؟
q-EX-wage_manipulation = هل يُقتطع مال من أجرك مقابل السكن أو النقل أو الغرامات أو دين، أو يُدفع أجرك لشخص آخر؟
q-EX-no_access_to_education = للطفل: هل يمنعك أحد من الذهاب إلى المدرسة أو إلى الدروس؟

## What keeps them there (ILO/EC: coercion at destination)

q-CD-confiscation_of_documents = هل أخذ أحد وثائق هويتك أو يحتفظ بها؟
q-CD-debt_bondage = هل عليك دَين لصاحب العمل أو لشخص له صلة بالعمل، ولديك شعور بأن المغادرة غير ممكنة قبل سداده؟
q-CD-isolation_confinement_surveillance = هل يمنعك أحد من الخروج خارج أوقات العمل، أو يراقبك، أو يفتش هاتفك؟
q-CD-violence_on_victim = هل آذاك أحد هنا، جسدياً أو جنسياً؟
q-CD-forced_into_illicit_activities = هل أُجبرت على القيام بأمور مخالفة للقانون، مثل السرقة أو بيع المخدرات أو الاحتيال على الناس؟
q-CD-forced_tasks_or_clients = هل يُفرض عليك القيام بمهام أو تحقيق أهداف أو استقبال زبائن دون رغبتك؟
q-CD-forced_to_act_against_peers = هل أُجبرت على مراقبة أشخاص آخرين أو معاقبتهم أو تجنيدهم؟
q-CD-forced_to_lie = هل قيل لك ما يجب قوله للمسؤولين أو للمفتشين أو لأسرتك؟
q-CD-threat_of_denunciation = هل هدّدك أحد بإبلاغ الشرطة أو سلطات الهجرة عنك؟
q-CD-threat_of_worse_conditions = هل هدّدك أحد بإعطائك عملاً أسوأ أو طعاماً أقل أو مكاناً أسوأ للإقامة؟
q-CD-threat_of_violence = هل هدّدك أحد بإيذائك؟
q-CD-under_strong_influence = هل لديك شعور بأن عليك فعل ما يقولونه، حتى في غيابهم؟
q-CD-violence_on_family = هل هدّد أحد أسرتك أو المقربين منك، أو آذاهم؟
q-CD-withholding_of_wages = هل يُحتجز أجرك، أو يقتصر الأمر على وعود بدفعه لاحقاً؟
q-CD-threat_to_inform_family_community = هل هدّدك أحد بإخبار أسرتك أو آخرين بأمور عنك، أو بنشر صور لك؟

## Their situation here (ILO/EC: abuse of vulnerability at destination)

q-AVD-dependency_on_exploiters = هل يعتمد حصولك على السكن أو الطعام أو أوراقك على من يشغّلونك؟
q-AVD-difficulty_living_in_unknown_area = هل الحياة هنا صعبة عليك لعدم معرفتك بالمكان أو باللغة، أو بالجهات التي يمكن طلب المساعدة منها؟
q-AVD-economic_reasons = هل حاجتك أنت أو أسرتك إلى هذا المال كبيرة إلى حد أن المغادرة تبدو مستحيلة؟
q-AVD-family_situation = هل تعتمد أسرتك، هنا أو في بلدك، على بقائك في هذا العمل؟
q-AVD-relationship_with_authorities_legal_status = هل وجودك هنا بلا أوراق تسمح لك بالإقامة والعمل، أو لديك خوف من اللجوء إلى السلطات؟
q-AVD-difficulties_in_the_past = فقط إذا أثار الشخص الموضوع بنفسه: هل في ماضيك ما جعل الخروج من هذا الوضع أصعب عليك؟
q-AVD-personal_characteristics = للملاحظة، دون طرح السؤال: هل يجعل العمر أو الصحة أو الإعاقة أو الحمل السيطرة على الشخص أسهل؟

## Things they were made to do (offences as a consequence)

q-offence-immigration = هل دخلت بلداً أو أقمت فيه أو عملت فيه دون إذن، أو تركت الكفيل؟
q-offence-document_fraud = هل استخدمت وثائق مزورة أو حملتها معك؟
q-offence-prostitution = هل يمكن أن توجَّه إليك تهم تتعلق بممارسة الجنس مقابل المال؟
q-offence-begging = هل يمكن أن توجَّه إليك تهمة التسول أو التشرد؟
q-offence-theft = هل أُجبرت على السرقة، أو النشل، أو السرقة من المتاجر؟
q-offence-drugs = هل أُجبرت على زراعة المخدرات أو نقلها أو بيعها؟
q-offence-fraud = هل أُجبرت على المشاركة في عمليات احتيال أو نصب عبر الإنترنت؟
q-offence-organ_sale = هل بعت عضواً من أعضاء جسمك؟
q-offence-armed_conflict_related = هل كنت جزءاً من جماعة مسلحة، أو أُجبرت على القيام بأمور أثناء وجودك فيها؟
q-offence-other = هل أُجبرت على القيام بأي شيء آخر مخالف للقانون؟

## Signs of risk

q-risk-unrealistic_offer = هل الأجر أو الظروف المعروضة أفضل بكثير من المعتاد لهذا العمل، مع شروط قليلة؟
q-risk-no_written_contract = هل الاتفاق أو العرض غير مكتوب، أو العقد الوحيد الموجود لا يمكنك قراءته؟
q-risk-recruiter_requests_documents = هل طلب المجنِّد، أو شخص يسافر معك، الاحتفاظ بجواز سفرك أو أوراق هويتك؟
q-risk-secrecy_requested = هل طُلب منك عدم إخبار أسرتك أو أصدقائك أو السلطات؟
q-risk-costs_advanced_by_recruiter = هل يدفع المجنِّد تكاليف السفر أو الرسوم مسبقاً، على أن يُسترد المبلغ منك لاحقاً؟
q-risk-fees_charged_to_worker = هل طُلب منك أو من أسرتك دفع رسوم للحصول على العمل؟
q-risk-unlicensed_recruiter = هل المجنِّد غير مرخَّص، أو هويته الحقيقية مجهولة لك؟
q-risk-rushed_departure = هل يُضغط عليك لاتخاذ القرار أو للمغادرة خلال أيام؟
q-risk-companion_controls_person = للملاحظة، دون طرح السؤال: هل يتحدث شخص آخر نيابةً عن الشخص، أو يحتفظ بوثائقه، أو يراقبه؟
q-risk-irregular_travel_arranged = هل رُتِّب السفر عبر طرق غير نظامية أو بوثائق مزورة؟

## A few more things (the optional flags)

q-flag-unaccompanied = للطفل: هل أنت هنا دون والديك، ودون شخص بالغ آخر مسؤول عنك؟
q-flag-children_present = هل يوجد أطفال آخرون في الوضع نفسه، أو في البيت نفسه؟
q-flag-family_involved = هل كان أحد أفراد أسرتك، أو شريك حياتك، بين الذين جنّدوك أو نقلوك أو باعوك أو سيطروا عليك أو استغلوك؟
q-flag-smuggled = هل أدخلك أحد إلى بلد دون إذن، مقابل المال؟
q-flag-seeks_international_protection = هل طلبت اللجوء، أو لديك خوف من العودة إلى بلدك؟
