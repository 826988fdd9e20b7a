# The web application's words. Every page takes its text from here; a test fails when a
# message is missing from any language.
# Arabic (right to left). Written for Haven; to be reviewed by native-speaking practitioners
# (docs/translations.md). Month names follow United Nations Arabic usage, both the Levantine and
# the Egyptian/Gulf name (كانون الثاني/يناير), so that every Arabic reader knows them.

app-name = Haven
app-tagline = التعرّف على الناجين والناجيات من الاتجار بالبشر وإحالتهم وحمايتهم
skip-to-content = الانتقال إلى المحتوى الرئيسي
language = اللغة
language-choose = تغيير اللغة
language-save = استخدام هذه اللغة
language-remember = حفظها في حسابي
nav-home = الصفحة الرئيسية
nav-cases = الحالات
nav-screen = فحص أولي جديد
nav-inbox = الإحالات الواردة
nav-decisions = القرارات
nav-supervision = الإشراف
nav-directory = الخدمات
nav-dashboard = لوحة المتابعة
nav-admin = الإدارة
nav-account = حسابي
sign-out = تسجيل الخروج
signed-in-as = الحساب المستخدم: { $name }

sign-in-title = تسجيل الدخول
sign-in-username = اسم المستخدم
sign-in-password = كلمة المرور
sign-in-totp = الرمز من تطبيق المصادقة
sign-in-totp-hint = فقط إذا كان حسابك يستخدم تطبيقاً للمصادقة: ستة أرقام.
sign-in-submit = تسجيل الدخول
sign-in-failed = اسم المستخدم أو كلمة المرور غير صحيحة، أو الرمز ناقص. يُرجى المحاولة مجدداً.
sign-in-locked = هذا الحساب مقفل بعد محاولات كثيرة جداً. يُرجى المحاولة لاحقاً أو التواصل مع مدير النظام.
sign-in-disabled = هذا الحساب معطَّل. يُرجى التواصل مع مدير النظام.
sign-in-rate-limited = محاولات تسجيل دخول كثيرة جداً من هنا. يُرجى الانتظار قبل المحاولة مجدداً (المدة المتبقية بالثواني: { $seconds }).
sign-in-session-ended = انتهت جلستك. يُرجى تسجيل الدخول مجدداً.

error-title = حدث خطأ ما
error-not-found = لا يوجد شيء على هذا العنوان.
error-forbidden = ليست لديك صلاحية الوصول إلى هذا. { $reason }
error-back = العودة إلى صفحة البداية

home-title = مرحباً، { $name }
home-intro = ما الخطوة التالية؟

role-screener = مسؤول الفحص الأولي في الخطوط الأمامية
role-caseworker = مدير الحالة
role-supervisor = المشرف
role-decision_maker = متخذ القرار
role-provider = مقدّم الخدمات
role-registrar = مسؤول التسجيل
role-trainer = المدرّب
role-statistician = الإحصائي
role-admin = مدير النظام

yes = نعم
no = لا
dont-know = لا يُعرف
save = حفظ
cancel = إلغاء
apply-filters = عرض
none-yet = لا يوجد شيء بعد.
date-not-set = غير محدد
reason = السبب
date-format = { $day } { $month } { $year }
month-1 = كانون الثاني/يناير
month-2 = شباط/فبراير
month-3 = آذار/مارس
month-4 = نيسان/أبريل
month-5 = أيار/مايو
month-6 = حزيران/يونيو
month-7 = تموز/يوليو
month-8 = آب/أغسطس
month-9 = أيلول/سبتمبر
month-10 = تشرين الأول/أكتوبر
month-11 = تشرين الثاني/نوفمبر
month-12 = كانون الأول/ديسمبر

## Cases
cases-title = الحالات
cases-search-name = الاسم
cases-search-name-hint = الاسم الشخصي أو اسم العائلة، مكتوباً بالكامل؛ لا أهمية لعلامات التشكيل ولا لحالة الأحرف.
cases-stage = المرحلة
cases-child = طفل
cases-any = الكل
cases-count = { $count ->
    [0] لا توجد حالات مطابقة.
    [one] حالة واحدة.
    [two] حالتان.
    [few] { $count } حالات.
    [many] { $count } حالة.
   *[other] { $count } حالة.
}
case-title = الحالة
case-reference = الرقم المرجعي
case-opened = تاريخ الفتح
case-next-due = الموعد المستحق التالي
case-summary = الملخص
case-status = الوضع
case-track = المسار
case-track-adult = بالغ
case-track-child = طفل: خطوات حماية الطفل تأتي أولاً
case-guardian = الوصي
case-owner = مدير الحالة
case-profile = إطار الولاية القضائية
case-due = ما هو مستحق
case-consents = الموافقة
case-referrals = الإحالات
case-decisions = القرارات
case-support-plans = خطط الدعم
case-actions = ما يمكنك القيام به الآن
case-no-actions = لا يوجد ما يمكنك القيام به في هذه الحالة في هذه المرحلة.
case-action-recorded = تم التسجيل.
case-timeline = السجل الزمني
case-access-history = من اطّلع على هذا السجل
case-non-punishment-alert = عدم المعاقبة
case-non-punishment-notice = توجد إجراءات قيد النظر ضد هذا الشخص رغم الاعتراف بتعرّضه للاتجار: يجب إرسال إشعار عدم المعاقبة إلى النيابة العامة أو المحكمة.

stage-identified = التعرّف
stage-anonymous_notification = إخطار مجهول الهوية فقط
stage-referred = الإحالة إلى السلطة المختصة
stage-recovery_period = فترة التعافي والتفكير
stage-not_identified = عدم التعرّف على الشخص كضحية (قابل لإعادة النظر)
stage-reconsideration = طلب إعادة النظر
stage-recognised = الاعتراف بالشخص كضحية
stage-durable_solution = الحل الدائم
stage-closed = مغلقة

deadline-reasonable_grounds_decision = قرار الأسباب المعقولة
deadline-referral_response = الرد على إحالة
deadline-guardian_appointment = تعيين وصي
deadline-best_interests_assessment = تقييم المصالح الفضلى
deadline-conclusive_grounds_decision = قرار الأسباب القاطعة
deadline-reconsideration_decision = القرار بشأن إعادة النظر
deadline-child_protection_referral = الإحالة إلى حماية الطفل
deadline-case_review = مراجعة الحالة
due-pending = مستحق
due-overdue = متأخر
due-escalated = مُحال إلى المشرف

consent-purpose = الغرض
consent-given-by = مقدَّمة من
consent-given = تاريخ تقديمها
consent-state = الوضع
consent-active = سارية
consent-withdrawn = مسحوبة
consent-by-person = الشخص نفسه
consent-by-guardian = الوصي، { $name }
consent-referral-to = الإحالة إلى { $organisation }
consent-organisation = المنظمة (في حالة الإحالة)
consent-told = ما أُبلغ به الشخص
consent-told-purpose = الغرض منها
consent-told-uses = كيف ستُستخدم المعلومات
consent-told-retention = مدة الاحتفاظ بها
consent-told-withdrawal = أنه يمكنه سحبها في أي وقت
consent-child-assent = رأي الطفل نفسه
consent-interpreter = لغة المترجم الشفوي (إن وُجد)
consent-which = أي موافقة
assent-given = يوافق
assent-refused = لا يوافق
assent-not-able = لم يتمكن من إبداء رأيه
purpose-assistance = المساعدة
purpose-referral = الإحالة إلى منظمة
purpose-law_enforcement_sharing = المشاركة مع جهات إنفاذ القانون
purpose-statistics = الإحصاءات
purpose-research = البحث
purpose-cross_border_transfer = النقل إلى بلد آخر

referral-to = إلى
referral-for = لغرض
referral-status = الوضع
referral-shared = ما تمت مشاركته
referral-date = تاريخ الإرسال
referral-answer = الرد
referral-accept = قبول
referral-decline = رفض
referral-decline-reason = السبب، في حال الرفض
referral-outcome = النتيجة
referral-minimum-hint = لا تُشارَك إلا المعلومات التي يحتاجها المتلقي؛ ويرفض Haven أي معلومات تتجاوز ما يسمح به دور المتلقي.
referral-sent = بانتظار الرد
referral-accepted = مقبولة
referral-declined = مرفوضة
referral-completed = مكتملة
referral-revoked = ملغاة
referral-suspended = معلّقة (سُحبت الموافقة)
recipient-competent_authority = قرار السلطة المختصة
recipient-shelter = المأوى
recipient-child_protection = حماية الطفل
recipient-health = الرعاية الصحية
recipient-legal_aid = المساعدة القانونية
recipient-education = التعليم
recipient-law_enforcement = جهات إنفاذ القانون
recipient-foreign_authority = آلية الإحالة في بلد آخر

field-case_reference = الرقم المرجعي للحالة
field-gender = النوع الاجتماعي
field-age_group = الفئة العمرية
field-language = اللغة
field-exploitation_type = شكل الاستغلال
field-screening_result = نتيجة الفحص الأولي
field-needs = الاحتياجات
field-safety_risks = المخاطر على السلامة
field-name = الاسم
field-date_of_birth = تاريخ الميلاد
field-contact_details = بيانات الاتصال
field-narrative = رواية ما حدث
field-guardian_contact = بيانات الاتصال بالوصي
country-of-exploitation = بلد الاستغلال (حرفان)

decision-reasonable_grounds = الأسباب المعقولة
decision-conclusive_grounds = الأسباب القاطعة
decision-threshold = المعيار:
decision-outcome = القرار
decision-reasons = التعليل المكتوب
decision-evidence = الأدلة المستند إليها
decision-evidence-hint = بند واحد في كل سطر.
decision-letter = الرسالة
outcome-positive = إيجابي
outcome-negative = سلبي
reconsideration-grounds = أسباب طلب إعادة النظر
best-interests-summary = التقييم والتحديد
support-plan-type = نوع الخطة
support-plan-objectives = الأهداف
durable-solution = الحل
solution-local_integration = الاندماج المحلي
solution-safe_and_voluntary_return = العودة الطوعية الآمنة
solution-resettlement = إعادة التوطين
solution-country = البلد (حرفان)
solution-risk-assessment = تقييم المخاطر
solution-agreed = الشخص (أو الوصي في حالة الطفل) موافق
proceeding-offence = الجرم
proceeding-description = التهمة الموجهة إلى الشخص
proceeding-linked = مرتبط بالاتجار (يُطبَّق مبدأ عدم المعاقبة)
cooperation = التعاون مع جهات إنفاذ القانون
cooperation-not_asked = لم يُطلب
cooperation-cooperating = يتعاون
cooperation-declined = رفض التعاون
cooperation-hint = يُسجَّل لأغراض الملف فقط: لا يتوقف عليه أي حق من حقوق الشخص.
placement = مكان إقامة الشخص
closure-status = طريقة الإغلاق
closure-closed = مغلقة
closure-closed_referred = مغلقة، وتجري المتابعة لدى جهة أخرى

offer-give_consent = تسجيل الموافقة
offer-withdraw_consent = سحب الموافقة
offer-refer = إحالة
offer-answer_referral = الرد على الإحالة
offer-complete_referral = إتمام الإحالة
offer-revoke_referral = إلغاء الإحالة
offer-notify_anonymously = الاكتفاء بالإخطار مجهول الهوية
offer-decide = اتخاذ القرار
offer-request_reconsideration = طلب إعادة النظر
offer-appoint_guardian = تعيين وصي
offer-assess_best_interests = تسجيل تقييم المصالح الفضلى
offer-add_support_plan = إضافة خطة دعم
offer-choose_durable_solution = اختيار حل دائم
offer-record_proceeding = تسجيل إجراءات ضد الشخص
offer-record_cooperation = تسجيل التعاون
offer-place = تسجيل مكان إقامة الشخص
offer-review = تسجيل مراجعة للحالة
offer-close = إغلاق الحالة

gender-Feminine = أنثى
gender-Masculine = ذكر
gender-TransgenderFeminine = أنثى عابرة جندرياً
gender-TransgenderMasculine = ذكر عابر جندرياً
gender-NonConforming = غير متقيّد بالمعايير الجنسانية
gender-NonSpecifiedUnknown = غير محدد
exploitation-ForcedLabour = العمل الجبري
exploitation-SexualExploitation = الاستغلال الجنسي
exploitation-ChildLabour = عمل الأطفال
exploitation-ForcedMarriage = الزواج القسري
exploitation-Servitude = الاستعباد
exploitation-ForcedMilitaryByNonStateActors = الخدمة العسكرية القسرية لدى جهات من غير الدول
exploitation-OrganRemoval = نزع الأعضاء
exploitation-ForcedBegging = التسول القسري
exploitation-ForcedAdoption = التبني القسري
exploitation-Surrogacy = الحمل البديل
exploitation-Other = أخرى
plan-Education = التعليم
plan-Financial = الدعم المالي
plan-Health = الصحة
plan-LabourExploitationRehabilitation = التعافي من الاستغلال في العمل
plan-Legal = الدعم القانوني
plan-Livelihood = سبل العيش
plan-RightsBasedTraining = التدريب القائم على الحقوق
plan-SexualExploitationRehabilitation = التعافي من الاستغلال الجنسي
plan-SocialCare = الرعاية الاجتماعية
offence-immigration = الهجرة
offence-document = الوثائق
offence-prostitution = الدعارة
offence-drugs = المخدرات
offence-begging = التسول
offence-fraud = الاحتيال
offence-theft = السرقة
offence-other = أخرى
setting-shelter = مأوى
setting-safe_house = منزل آمن
setting-foster_care = أسرة حاضنة
setting-child_protection_facility = مرفق لحماية الطفل
setting-own_accommodation = سكن خاص
setting-immigration_detention = احتجاز المهاجرين
setting-police_custody = احتجاز لدى الشرطة

## The receiving organisation
inbox-title = الإحالات الواردة
inbox-empty = لا توجد إحالات هنا.
inbox-open-case = فتح الحالة
referral-title = الإحالة
referral-only-shared = لا يظهر لك إلا ما شاركه مدير الحالة المُحيل مع منظمتك.
not-recorded = غير مسجَّل

## Queues
decisions-title = القرارات
decisions-to-accept = إحالات بانتظار أن تتولاها السلطة
decisions-due = القرارات المستحقة، الأقرب موعداً أولاً
supervision-title = الإشراف
supervision-overdue = المتأخر والمُحال إلى المشرف
supervision-what = الموضوع
supervision-was-due = الموعد المستحق
supervision-workload = عبء عمل الفريق
supervision-open-cases = الحالات المفتوحة
supervision-late-items = البنود المتأخرة

## Account
account-title = حسابي
account-sessions = الجلسات المفتوحة لحسابك
account-session-started = البداية
account-session-ends = النهاية
account-sign-out-everywhere = تسجيل الخروج من جميع الأجهزة
account-totp = عامل التحقق الثاني
account-totp-on = تم إعداد تطبيق مصادقة لهذا الحساب.
account-totp-begin = إعداد تطبيق مصادقة
account-totp-enter-secret = يُرجى إضافة هذا المفتاح إلى تطبيق المصادقة، ثم كتابة الرمز الذي يعرضه.
account-totp-confirm = تأكيد
account-totp-confirmed = تم إعداد تطبيق المصادقة.
account-totp-wrong-code = هذا الرمز غير صحيح؛ يُرجى تجربة الرمز التالي الذي يعرضه التطبيق.

## Administration
admin-title = الإدارة
admin-only = لا يمكن القيام بهذا إلا لمدير النظام.
admin-profile-for-new-cases = الإطار الذي تُفتح بموجبه الحالات الجديدة (تحتفظ الحالات المفتوحة بإطارها)
admin-organisations = المنظمات
admin-add-organisation = إضافة منظمة
admin-name = الاسم
admin-org-type = النوع
admin-second-factor = عامل التحقق الثاني إلزامي
admin-users = المستخدمون
admin-add-user = إضافة مستخدم
admin-role = الدور
admin-organisation = المنظمة
admin-disabled = معطَّل
admin-disable = تعطيل
admin-password-hint = 12 حرفاً على الأقل؛ ويغيّرها المستخدم بعد تسجيل الدخول.

## Service directory
directory-title = الخدمات
directory-kind = نوع الخدمة
directory-free-only = فقط ما فيه مكان شاغر
directory-provider = مقدّم الخدمة
directory-for-whom = لمن
directory-places = الأماكن الشاغرة
directory-full = ممتلئ
directory-places-not-applicable = بلا حدّ
directory-women-only = للنساء فقط
directory-child-friendly = مناسب للأطفال
directory-disability-access = دخول بلا درج
matching-title = الخدمات المناسبة لهذا الشخص
matching-back = العودة إلى الملف
matching-none = لا توجد في الدليل خدمة من الأنواع التي يحتاجها هذا الشخص. سجّل احتياجاته في الملف أولاً.
matching-eligible = مناسبة
matching-not-eligible = غير مناسبة
service-shelter = الإيواء
service-medical = الرعاية الطبية
service-psychosocial = الدعم النفسي والاجتماعي
service-legal_aid = المساعدة القانونية
service-interpretation = الترجمة الشفوية
service-guardianship = الوصاية
service-education = التعليم
service-vocational = التدريب المهني
service-repatriation = العودة الآمنة
service-child_protection = حماية الطفل

## Dashboard
dashboard-title = لوحة المعلومات
dashboard-intro = أعداد من سجلات Haven. تُحجب الأعداد الصغيرة حتى لا يمكن تمييز أي شخص.
dashboard-stage = الملفات حسب المرحلة
dashboard-sex = الأشخاص المحدَّدون حسب الجنس
dashboard-age_group = الأشخاص المحدَّدون حسب الفئة العمرية
dashboard-form_of_exploitation = الأشخاص المحدَّدون حسب شكل الاستغلال
dashboard-deadlines = المواعيد: في وقتها، متأخرة، مُحالة إلى المشرف
