import type { Messages } from './messages';

export const messages: Messages = {
  lang: 'zh',
  tabReport: '报告问题',
  tabStatus: '查询状态',
  tabsLabel: '服务请求',
  language: '语言',

  loadingCategories: '正在加载类别…',
  loadCategoriesFailed: '无法加载类别列表。',
  retry: '重试',
  category: '类别',
  categoryHint: '请输入一个词，例如“坑洞”，或描述问题。也可以用方向键查看所有类别。',
  showAllCategories: '显示所有类别',
  otherGroup: '其他',
  startWithPhoto: '从照片开始',
  startWithLocation: '从位置开始',

  stepCount: (n, total) => `第${n}步，共${total}步：`,
  stepNames: { what: '问题', where: '位置', details: '详情和联系方式', review: '检查并发送' },
  continue: '继续',
  back: '返回',
  loadingStep: '正在加载…',
  loadStepFailed: '表单的这一部分无法加载。请检查网络连接，然后重试。',
  submit: '提交',
  submitting: '正在发送您的报告…',
  errorSummaryTitle: '出现问题',
  errorPrefix: '错误：',
  chooseCategory: '请为问题选择一个类别。',

  unreachable: '无法连接市政服务系统。请检查网络连接，然后重试。',
};

/** The later steps' words: loaded with those steps. */
export const later = () => import('./zh.later');
