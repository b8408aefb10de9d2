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
  typeToNarrow: (total) => `Showing the first 100 of ${total} categories. Type to narrow the list.`,
  otherGroup: 'Other',
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
  fieldError: (e) => {
    switch (e.code) {
      case 'category':
        return 'Choose a category for the problem.';
      case 'answer':
        return `Answer the question "${e.label}".`;
      case 'number':
        return `The answer to "${e.label}" must be a number.`;
      case 'location':
        return 'Tell us where the problem is: use your location, type the coordinates, or type an address.';
      case 'lat':
        return 'Latitude must be a number between -90 and 90.';
      case 'long':
        return 'Longitude must be a number between -180 and 180.';
      case 'description':
        return 'Describe the problem.';
      case 'descriptionLength':
        return 'The description must be 4,000 characters or fewer.';
      case 'email':
        return 'Enter an email address like name@example.com, or leave it empty.';
      case 'required':
        return {
          email: 'Enter your email address.',
          firstName: 'Enter your first name.',
          lastName: 'Enter your last name.',
          phone: 'Enter your phone number.',
        }[e.field as 'email'];
    }
  },

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
