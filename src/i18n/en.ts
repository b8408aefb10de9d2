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
  suggestionsFor: 'Best matches for what you described',
  categoriesFound: (n) => (n === 1 ? '1 category found' : `${n} categories found`),
  noCategoryFound: 'No category matches. Try other words, or use the arrow keys to see every category.',
  otherGroup: 'Other',
  notHandledHere: 'The city does not handle this',
  call: (phone) => `Call ${phone}`,
  restored: 'We kept the report you started.',
  discard: 'Start again',

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

  backendError: (kind, status, wait) => {
    switch (kind) {
      case 'network':
        return "We could not reach the city's service. Check your internet connection and try again.";
      case 'timeout':
        return "The city's service took too long to answer. Please try again.";
      case 'rate-limited':
        return wait && wait > 90
          ? `The city's service is busy. Please wait ${Math.ceil(wait / 60)} minutes and try again.`
          : wait
            ? `The city's service is busy. Please wait ${wait} seconds and try again.`
            : "The city's service is busy. Please wait a minute and try again.";
      case 'not-found':
        return "The city's service could not find what we asked for.";
      case 'forbidden':
        return "The city's service refused the request. This form may not be set up correctly.";
      case 'invalid-response':
        return "The city's service sent an answer we could not read. Please try again later.";
      case 'aborted':
        return 'The request was cancelled.';
      case 'http':
        return status !== undefined && status < 500
          ? "The city's service did not accept the request."
          : "The city's service had a problem. Please try again in a few minutes.";
    }
  },
};

/** The later steps' words: loaded with those steps. */
export const later = () => import('./en.later');
