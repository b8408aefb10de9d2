import type { Messages } from './messages';

export const en: Messages = {
  lang: 'en',
  tabReport: 'Report a problem',
  tabStatus: 'Check status',
  tabsLabel: 'Service requests',

  configProblem: 'This service request form is not set up correctly.',
  configDetail: (attribute, problem) =>
    `The "${attribute}" setting ${problem}. The website's administrator can fix this.`,

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
  loadingQuestions: 'Loading questions for this category…',
  loadQuestionsFailed: 'We could not load the questions for this category.',
  questionsHeading: 'About the problem',
  optional: '(optional)',
  chooseOne: 'Choose one',

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
  fieldError: (e) =>
    e.code === 'category'
      ? 'Choose a category for the problem.'
      : e.code === 'number'
        ? `The answer to "${e.label}" must be a number.`
        : `Answer the question "${e.label}".`,

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
