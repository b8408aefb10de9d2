import type { Messages } from './messages';

export const en: Messages = {
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
  chooseCategory: 'Choose a category',
  otherGroup: 'Other',
  loadingQuestions: 'Loading questions for this category…',
  loadQuestionsFailed: 'We could not load the questions for this category.',
  questionsHeading: 'About the problem',
  optional: '(optional)',
  chooseOne: 'Choose one',

  locationHeading: 'Location',
  locationHint: 'Use your location, type the coordinates, or describe the place.',
  useMyLocation: 'Use my location',
  locating: 'Finding your location…',
  located: (m) => `Location found, accurate to about ${Math.round(m)} metres.`,
  locationDenied: 'Your browser did not share your location. You can type the address instead.',
  locationUnavailable: 'Your location could not be found. You can type the address instead.',
  latitude: 'Latitude',
  longitude: 'Longitude',
  address: 'Address or place',
  addressHint: 'For example: 120 Main Street, or the corner of Oak Avenue and 3rd Street.',

  description: 'Description',
  descriptionHint: 'What is the problem, and where exactly is it?',
  charactersLeft: (n) => (n >= 0 ? `${n} characters left` : `${-n} characters too many`),

  contactHeading: 'Your contact details',
  contactHint: 'Optional. The city uses them only to contact you about this report; they are not made public.',
  email: 'Email',
  firstName: 'First name',
  lastName: 'Last name',
  phone: 'Phone',

  stepCount: (n, total) => `Step ${n} of ${total}:`,
  stepNames: { what: 'The problem', where: 'Location', details: 'Details and contact', review: 'Check and send' },
  continue: 'Continue',
  back: 'Back',
  loadingStep: 'Loading…',
  loadStepFailed: 'This part of the form could not be loaded. Check your internet connection and try again.',
  reviewIntro: 'Check your report before you send it. You can change anything.',
  notGiven: 'Not given',
  change: 'Change',

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
    }
  },

  submittedTitle: 'Thank you, your report was sent',
  referenceIs: 'Your reference number is',
  provisionalReference: 'Your provisional reference is',
  provisionalExplained:
    "The city's system is still registering your report. Its reference number will appear here in a moment.",
  referenceArrived: (id) => `Your report is registered. Your reference number is ${id}.`,
  submittedKeep: 'Keep this number to check on your report later.',
  checkThisRequest: 'Check the status of this report',
  reportAnother: 'Report another problem',
  submitFailed: 'Your report was not sent.',
  typedKept: 'Everything you typed is still here. Please try again.',

  referenceNumber: 'Reference number',
  referenceHint: 'The number you got when you sent your report.',
  checkStatus: 'Check status',
  checking: 'Checking…',
  enterReference: 'Enter the reference number of your report.',
  notFound: (id) => `We could not find a request with the reference number "${id}". Check the number and try again.`,
  requestTitle: (id) => `Request ${id}`,
  status: 'Status',
  statusFamily: { open: 'Open', 'in-progress': 'In progress', closed: 'Closed' },
  notes: 'Notes',
  agency: 'Handled by',
  service: 'Category',
  place: 'Location',
  requested: 'Reported',
  updated: 'Last updated',
  expected: 'Expected',

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
  serverSaid: (text) => `The service said: ${text}`,
};
