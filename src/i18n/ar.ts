import type { Messages } from './messages';

const rules = new Intl.PluralRules('ar');
/** The form of a count for n: zero, one, two, few (3–10), many (11–99), other (100, 101, 102…). */
const plural = (n: number, forms: Record<Intl.LDMLPluralRule, string>) => forms[rules.select(n)];

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
  otherGroup: 'أخرى',
  restored: 'احتفظنا بالبلاغ الذي بدأته.',
  discard: 'البدء من جديد',
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
