import type { LaterMessages } from './messages';

const rules = new Intl.PluralRules('ar');
/** The form of a count for n: zero, one, two, few (3–10), many (11–99), other (100, 101, 102…). */
const plural = (n: number, forms: Record<Intl.LDMLPluralRule, string>) => forms[rules.select(n)];

/** "You can add up to N photos." */
const upTo = (max: number) =>
  plural(max, {
    zero: 'لا يمكن إضافة صور.',
    one: 'يمكنك إضافة صورة واحدة فقط.',
    two: 'يمكنك إضافة صورتين كحد أقصى.',
    few: `يمكنك إضافة ${max} صور كحد أقصى.`,
    many: `يمكنك إضافة ${max} صورة كحد أقصى.`,
    other: `يمكنك إضافة ${max} صورة كحد أقصى.`,
  });

export const messages: LaterMessages = {
  backendError: (kind, status, wait) => {
    switch (kind) {
      case 'network':
        return 'تعذّر علينا الاتصال بنظام البلدية. تحقق من اتصالك بالإنترنت وحاول مرة أخرى.';
      case 'timeout':
        return 'استغرق نظام البلدية وقتًا طويلًا في الرد. يُرجى المحاولة مرة أخرى.';
      case 'rate-limited': {
        const minutes = wait && wait > 90 ? Math.ceil(wait / 60) : 0;
        const delay = minutes
          ? plural(minutes, {
              zero: `${minutes} دقيقة`,
              one: 'دقيقة واحدة',
              two: 'دقيقتين',
              few: `${minutes} دقائق`,
              many: `${minutes} دقيقة`,
              other: `${minutes} دقيقة`,
            })
          : wait
            ? plural(wait, {
                zero: `${wait} ثانية`,
                one: 'ثانية واحدة',
                two: 'ثانيتين',
                few: `${wait} ثوانٍ`,
                many: `${wait} ثانية`,
                other: `${wait} ثانية`,
              })
            : 'دقيقة';
        return `نظام البلدية مشغول الآن. يُرجى الانتظار ${delay} ثم المحاولة مرة أخرى.`;
      }
      case 'not-found':
        return 'لم يجد نظام البلدية ما طلبناه.';
      case 'forbidden':
        return 'رفض نظام البلدية الطلب. ربما لم يُعَدّ هذا النموذج بشكل صحيح.';
      case 'invalid-response':
        return 'أرسل نظام البلدية ردًّا لم نتمكن من قراءته. يُرجى المحاولة مرة أخرى لاحقًا.';
      case 'aborted':
        return 'تم إلغاء الطلب.';
      case 'http':
        return status !== undefined && status < 500
          ? 'لم يقبل نظام البلدية الطلب.'
          : 'حدثت مشكلة في نظام البلدية. يُرجى المحاولة مرة أخرى بعد بضع دقائق.';
    }
  },
  configProblem: 'نموذج طلب الخدمة هذا غير مُعَدّ بشكل صحيح.',
  configDetail: (attribute, problem) =>
    `في الإعداد «${attribute}» مشكلة (${problem}). يمكن لمسؤول الموقع الإلكتروني إصلاحها.`,
  endpointUnreachable:
    'إلى مسؤول الموقع الإلكتروني: تعذّر الوصول من هذه الصفحة إلى الخادم المحدد في الإعداد «endpoint»، أو أنه لا يسمح لهذه الصفحة بقراءة ردوده (ترويسات CORS).',
  loadingQuestions: 'جارٍ تحميل أسئلة هذه الفئة…',
  loadQuestionsFailed: 'تعذّر علينا تحميل أسئلة هذه الفئة.',
  questionsHeading: 'عن المشكلة',
  optional: '(اختياري)',
  chooseOne: 'اختر واحدًا',
  addressSearchHint: 'اكتب عنوانًا أو اسم مكان واختر من الاقتراحات، أو صِف المكان بكلماتك.',
  addressSuggestions: 'عناوين مقترحة',
  placesFound: (n) =>
    plural(n, {
      zero: 'لم يُعثر على أي عنوان.',
      one: 'عُثر على عنوان واحد. استخدم مفاتيح الأسهم لاختياره.',
      two: 'عُثر على عنوانين. استخدم مفاتيح الأسهم لاختيار أحدهما.',
      few: `عُثر على ${n} عناوين. استخدم مفاتيح الأسهم لاختيار أحدها.`,
      many: `عُثر على ${n} عنوانًا. استخدم مفاتيح الأسهم لاختيار أحدها.`,
      other: `عُثر على ${n} عنوان. استخدم مفاتيح الأسهم لاختيار أحدها.`,
    }),
  placeChosen: (label) => `تم تحديد الموقع: ${label}.`,
  pinNear: (label) => `تم وضع العلامة بالقرب من ${label}.`,
  nearbyTitle: (n) =>
    plural(n, {
      zero: 'لا توجد بلاغات سابقة قريبة',
      one: 'هل هي هذه المشكلة؟ لقد أُبلغ عنها من قبل',
      two: 'هل هي إحدى هاتين المشكلتين؟ لقد أُبلغ عنهما من قبل',
      few: `هل هي إحدى هذه المشكلات الـ${n}؟ لقد أُبلغ عنها من قبل`,
      many: `هل هي إحدى هذه المشكلات الـ${n}؟ لقد أُبلغ عنها من قبل`,
      other: `هل هي إحدى هذه المشكلات الـ${n}؟ لقد أُبلغ عنها من قبل`,
    }),
  nearbyHint: 'إذا كانت كذلك، فتابع ذلك البلاغ بدلًا من إرسال بلاغ جديد، ففريق العمل يعلم بها. وإن لم تكن، فتابع أدناه.',
  nearbyDetails: (meters, date, notes) =>
    [`على بُعد ${meters} م`, date && `أُبلغ عنها في ${date}`, notes].filter(Boolean).join(' · '),
  nearbyMarker: (service, meters) => `أُبلغ عنها من قبل: ${service}، على بُعد ${meters} م`,
  trackInstead: 'تابع هذا البلاغ بدلًا من ذلك',
  mapLabel: 'الخريطة: اختر مكان المشكلة',
  mapInstructions:
    'انقر على الخريطة أو المسها لوضع العلامة في مكان المشكلة، أو اسحب العلامة. باستخدام لوحة المفاتيح: مفاتيح الأسهم تحرّك الخريطة، و+ و− للتكبير والتصغير، وEnter يضع العلامة في وسط الخريطة.',
  pinLabel: 'موقع المشكلة',
  mapLoading: 'جارٍ تحميل الخريطة…',
  requestMap: 'خريطة مكان المشكلة',
  setHere: 'حدّد الموقع هنا (وسط الخريطة)',
  captchaLabel: 'تحقق من أنك شخص حقيقي',
  captchaFailed: 'تعذّر تحميل التحقق من أنك شخص حقيقي. تحقّق من اتصالك ثم حاول مرة أخرى.',
  mapUnavailable: 'تعذّر عرض الخريطة. لا يزال بإمكانك إدخال الموقع في الحقول أدناه.',
  pinPlaced: (lat, long) => `تم وضع العلامة عند خط العرض ${lat} وخط الطول ${long}.`,
  laterFieldError: (e) => {
    switch (e.code) {
      case 'number':
        return `يجب أن تكون الإجابة عن «${e.label}» رقمًا.`;
      case 'answer':
        return `أجب عن السؤال «${e.label}».`;
      case 'outside':
        return 'هذا الموقع خارج نطاق البلدية. حرّك العلامة إلى داخل المنطقة المحددة بخط، أو تحقق من الإحداثيات.';
      case 'location':
        return 'أخبرنا بمكان المشكلة: استخدم موقعك، أو اكتب الإحداثيات، أو اكتب عنوانًا.';
      case 'lat':
        return 'يجب أن يكون خط العرض رقمًا بين -90 و90.';
      case 'long':
        return 'يجب أن يكون خط الطول رقمًا بين -180 و180.';
      case 'description':
        return 'صِف المشكلة.';
      case 'descriptionLength':
        return 'يجب ألا يزيد الوصف على 4000 حرف.';
      case 'captcha':
        return 'أكمل التحقق من أنك شخص حقيقي.';
      case 'email':
        return 'أدخل عنوان بريد إلكتروني مثل name@example.com، أو اترك الحقل فارغًا.';
      default:
        return {
          email: 'أدخل عنوان بريدك الإلكتروني.',
          firstName: 'أدخل اسمك الأول.',
          lastName: 'أدخل اسم العائلة.',
          phone: 'أدخل رقم هاتفك.',
        }[e.field as 'email'];
    }
  },
  contactOptional: 'اختياري.',
  contactRequired: 'تحتاج البلدية إلى الحقول المعلَّمة بكلمة «مطلوب» لمعالجة بلاغك، أما الحقول الأخرى فاختيارية.',
  required: 'مطلوب',
  anonymous: 'الإبلاغ دون ذكر الهوية (لن تتمكن البلدية من التواصل معك بشأنه)',
  remember: 'تذكّر بياناتي على هذا الجهاز',
  copyReference: 'نسخ الرقم المرجعي',
  copied: 'تم النسخ.',
  photos: 'الصور',
  photosHint: (max) =>
    `${upTo(max)} تساعد الصورة فريق العمل على العثور على المشكلة وإصلاحها. تُصغَّر الصور وتُحذف منها بيانات الموقع المخفية قبل إرسالها.`,
  takePhoto: 'التقط صورة',
  choosePhotos: 'اختر صورًا',
  photoAlt: (n, name) => `الصورة ${n}: ${name}`,
  removePhoto: (n) => `إزالة الصورة ${n}`,
  usePhotoLocation: 'استخدم موقع الصورة',
  photoLocationUsed: 'أصبح المكان الذي التُقطت فيه الصورة هو موقع المشكلة.',
  photoNoPlace: 'لا تُظهر هذه الصورة مكان التقاطها. ضع الدبوس حيث توجد المشكلة.',
  suggestionsFor: 'أقرب الفئات إلى ما وصفته',
  categoriesFound: (n) =>
    plural(n, {
      zero: 'لم يُعثر على أي فئة',
      one: 'عُثر على فئة واحدة',
      two: 'عُثر على فئتين',
      few: `عُثر على ${n} فئات`,
      many: `عُثر على ${n} فئة`,
      other: `عُثر على ${n} فئة`,
    }),
  noCategoryFound: 'لا توجد فئة مطابقة. جرّب كلمات أخرى، أو استخدم مفاتيح الأسهم لعرض كل الفئات.',
  restored: 'احتفظنا بالبلاغ الذي بدأته.',
  discard: 'البدء من جديد',
  notHandledHere: 'البلدية لا تتولى هذا الأمر',
  call: (phone) => `اتصل بالرقم ${phone}`,
  uploading: (name) => `جارٍ إرسال ${name}…`,
  photoUploading: (n) => `جارٍ رفع الصورة ${n}…`,
  photosUploading: (first, last) => `جارٍ رفع الصور من ${first} إلى ${last}…`,
  photoAdded: (n) => `أُضيفت الصورة ${n}.`,
  uploadFailed: (name) => `لم يتم إرسال ${name}.`,
  dismiss: 'إغلاق',
  photoLimit: (max) => (max > 0 ? `${upTo(max)} أزِل صورة لتضيف أخرى.` : upTo(max)),
  photoRefused: (name, problem) =>
    problem === 'not-an-image'
      ? `«${name}» ليس صورة. اختر صورة بصيغة JPEG أو PNG أو صيغة مشابهة.`
      : problem === 'too-large'
        ? `«${name}» كبير جدًا (أكثر من 25 ميغابايت).`
        : `تعذّرت قراءة «${name}». جرّب صورة أخرى، أو نسخة منها بصيغة JPEG أو PNG.`,
  locationHeading: 'الموقع',
  locationHint: 'استخدم موقعك، أو اكتب الإحداثيات، أو صِف المكان.',
  useMyLocation: 'استخدم موقعي',
  locating: 'جارٍ تحديد موقعك…',
  located: (m) => {
    const r = Math.round(m);
    return `تم تحديد موقعك بدقة تقارب ${plural(r, {
      zero: `${r} متر`,
      one: 'مترًا واحدًا',
      two: 'مترين',
      few: `${r} أمتار`,
      many: `${r} مترًا`,
      other: `${r} متر`,
    })}.`;
  },
  locationDenied: 'لم يشارك متصفحك موقعك. يمكنك كتابة العنوان بدلًا من ذلك.',
  locationUnavailable: 'تعذّر تحديد موقعك. يمكنك كتابة العنوان بدلًا من ذلك.',
  locationTimeout: 'استغرق تحديد موقعك وقتًا طويلًا. حاول مرة أخرى في الخارج أو قرب نافذة، أو اكتب العنوان بدلًا من ذلك.',
  latitude: 'خط العرض',
  longitude: 'خط الطول',
  address: 'العنوان أو المكان',
  addressHint: 'مثال: 120 Main Street، أو تقاطع Oak Avenue مع 3rd Street.',

  description: 'الوصف',
  descriptionHint: 'ما المشكلة، وأين هي بالضبط؟',
  charactersLeft: (n) =>
    n >= 0
      ? plural(n, {
          zero: 'لم يتبقَّ أي حرف',
          one: 'يتبقى حرف واحد',
          two: 'يتبقى حرفان',
          few: `يتبقى ${n} أحرف`,
          many: `يتبقى ${n} حرفًا`,
          other: `يتبقى ${n} حرف`,
        })
      : plural(-n, {
          zero: `${-n} حرف زائد`,
          one: 'يوجد حرف واحد زائد',
          two: 'يوجد حرفان زائدان',
          few: `يوجد ${-n} أحرف زائدة`,
          many: `يوجد ${-n} حرفًا زائدًا`,
          other: `يوجد ${-n} حرف زائد`,
        }),

  contactHeading: 'بيانات التواصل الخاصة بك',
  contactHint:
    'تصل بياناتك إلى البلدية فقط، للتواصل معك بشأن هذا البلاغ، ولا تُنشر أبدًا. قد يُعرض وصفك وموقعك وصورك للعامة.',
  email: 'البريد الإلكتروني',
  firstName: 'الاسم الأول',
  lastName: 'اسم العائلة',
  phone: 'الهاتف',

  reviewIntro: 'راجع بلاغك قبل إرساله. يمكنك تغيير أي شيء.',
  notGiven: 'لم يُذكر',
  change: 'تغيير',

  submittedTitle: 'شكرًا لك، تم إرسال بلاغك',
  referenceIs: 'رقمك المرجعي هو',
  provisionalReference: 'رقمك المرجعي المؤقت هو',
  provisionalExplained: 'لا يزال نظام البلدية يسجّل بلاغك. سيظهر رقمه المرجعي هنا بعد قليل.',
  submittedKeep: 'احتفظ بهذا الرقم لتتابع بلاغك لاحقًا.',
  checkThisRequest: 'الاستعلام عن حالة هذا البلاغ',
  reportAnother: 'الإبلاغ عن مشكلة أخرى',
  submitFailed: 'لم يتم إرسال بلاغك.',
  typedKept: 'كل ما كتبته لا يزال هنا. يُرجى المحاولة مرة أخرى.',

  referenceNumber: 'الرقم المرجعي',
  referenceHint: 'الرقم الذي حصلت عليه عند إرسال بلاغك.',
  checkStatus: 'الاستعلام عن الحالة',
  checking: 'جارٍ التحقق…',
  enterReference: 'أدخل الرقم المرجعي لبلاغك.',
  notFound: (id) => `لم نعثر على طلب بالرقم المرجعي «${id}». تحقق من الرقم وحاول مرة أخرى.`,
  requestTitle: (id) => `الطلب ${id}`,
  status: 'الحالة',
  statusFamily: { open: 'مفتوح', 'in-progress': 'قيد المعالجة', closed: 'مغلق' },
  notes: 'ملاحظات',
  agency: 'الجهة المسؤولة',
  service: 'الفئة',
  place: 'الموقع',
  requested: 'تاريخ الإبلاغ',
  updated: 'آخر تحديث',
  expected: 'الموعد المتوقع',

  serverSaid: (text) => `ردّ النظام: ${text}`,

  referenceLooksLike: (pattern) => `تبدو الأرقام المرجعية هكذا: ${pattern}.`,
  overdue: 'متأخر',
  timeline: 'ما حدث حتى الآن',
  requestPhoto: (service) => `صورة المشكلة المُبلَّغ عنها: ${service}`,
  linkToRequest: 'رابط هذا الطلب',
  copyLink: 'نسخ الرابط',
  myRequests: 'طلباتي',
  myRequestsHint: 'الطلبات التي أرسلتها أو بحثت عنها على هذا الجهاز. تُحفظ هنا فقط، في هذا المتصفح.',
  updatedBadge: 'مُحدَّث',
  removeRequest: (id) => `إزالة الطلب ${id} من هذه القائمة`,
  removeAll: 'إزالة الكل من هذه القائمة',
  statusChanged: (id, status) => `تغيّرت حالة الطلب ${id}: ${status}.`,
  statusFound: (id, status) => `الطلب ${id}: ${status}.`,
  mapPinAt: (place) => `يشير الدبوس إلى مكان المشكلة المُبلَّغ عنها: ${place}.`,
  lastKnown: (when) => `آخر حالة معروفة حتى ${when}. تعذّر تحديثها الآن.`,
  offline: 'أنت غير متصل بالإنترنت. اتصل بالإنترنت وحاول مرة أخرى.',
  // Nothing lost, never twice (issue #15).
  sendUnsure:
    'ربما وصل بلاغك إلى البلدية، لكن لم يصلنا أي رد، لذا عندما ترسله مرة أخرى سنتحقق أولًا من أنه غير موجود هناك.',
  sendUnchecked:
    'لم نتمكن من التحقق مما إذا كان بلاغك قد وصل إلى البلدية، لذا قد يصل مرتين إذا أرسلته مرة أخرى: اختر ما تريد أدناه.',
  sendOffline:
    'أنت غير متصل بالإنترنت، لذا لم يُرسَل بلاغك. إنه محفوظ على هذا الجهاز: عندما يعود الاتصال، اضغط إرسال لإرساله.',
  sendBackOnline: 'عاد الاتصال بالإنترنت. بلاغك جاهز: اضغط إرسال لإرساله.',
  sendAnyway: 'أرسل على أي حال',
  dontSend: 'لا ترسل',
  waitingToSend: 'في انتظار الإرسال',
  maybeSent: 'ربما تم إرساله',
  noDraftStorage: 'لا يسمح لنا هذا المتصفح بحفظ نسخة من بلاغك، لذا يُرجى إكماله قبل إغلاق هذه الصفحة.',
};
