import type { Messages } from './messages';

export const messages: Messages = {
  lang: 'en',
  tabReport: 'Report a problem',
  tabStatus: 'Check status',
  tabsLabel: 'Service requests',
  language: 'Language',

  loadingCategories: 'Loading categories…',
  loadCategoriesFailed: 'We could not load the list of categories.',
  retry: 'Try again',
  category: 'Category',
  categoryHint: 'Type a word such as “pothole”, or describe the problem. Or use the arrow keys to see every category.',
  showAllCategories: 'Show all categories',
  otherGroup: 'Other',
  startWithPhoto: 'Start with a photo',
  startWithLocation: 'Start with the location',

  stepCount: (n, total) => `Step ${n} of ${total}:`,
  stepNames: { what: 'The problem', where: 'Location', details: 'Details and contact', review: 'Check and send' },
  continue: 'Continue',
  back: 'Back',
  loadingStep: 'Loading…',
  loadStepFailed: 'This part of the form could not be loaded. Check your internet connection and try again.',
  submit: 'Submit',
  submitting: 'Sending your report…',
  errorSummaryTitle: 'There is a problem',
  errorPrefix: 'Error:',
  chooseCategory: 'Choose a category for the problem.',

  unreachable: "We could not reach the city's service. Check your internet connection and try again.",
};

/** The later steps' words: loaded with those steps. */
export const later = () => import('./en.later');
