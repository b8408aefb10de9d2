import type { Messages } from './messages';

export const messages: Messages = {
  lang: 'ar',
  tabReport: 'الإبلاغ عن مشكلة',
  tabStatus: 'الاستعلام عن الحالة',
  tabsLabel: 'طلبات الخدمة',
  language: 'اللغة',

  loadingCategories: 'جارٍ تحميل الفئات…',
  loadCategoriesFailed: 'تعذّر علينا تحميل قائمة الفئات.',
  retry: 'حاول مرة أخرى',
  category: 'الفئة',
  categoryHint: 'اكتب كلمة مثل «حفرة»، أو صِف المشكلة. أو استخدم مفاتيح الأسهم لعرض كل الفئات.',
  showAllCategories: 'عرض كل الفئات',
  otherGroup: 'أخرى',
  startWithPhoto: 'ابدأ بصورة',
  startWithLocation: 'ابدأ بالموقع',

  stepCount: (n, total) => `الخطوة ${n} من ${total}:`,
  stepNames: { what: 'المشكلة', where: 'الموقع', details: 'التفاصيل وبيانات التواصل', review: 'المراجعة والإرسال' },
  continue: 'متابعة',
  back: 'رجوع',
  loadingStep: 'جارٍ التحميل…',
  loadStepFailed: 'تعذّر تحميل هذا الجزء من النموذج. تحقق من اتصالك بالإنترنت وحاول مرة أخرى.',
  submit: 'إرسال',
  submitting: 'جارٍ إرسال بلاغك…',
  errorSummaryTitle: 'توجد مشكلة',
  errorPrefix: 'خطأ:',
  chooseCategory: 'اختر فئة للمشكلة.',

  unreachable: 'تعذّر علينا الاتصال بنظام البلدية. تحقق من اتصالك بالإنترنت وحاول مرة أخرى.',
};

/** The later steps' words: loaded with those steps. */
export const later = () => import('./ar.later');
