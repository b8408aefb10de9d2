import type { LaterMessages } from './messages';

export const messages: LaterMessages = {
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
  configProblem: 'This service request form is not set up correctly.',
  configDetail: (attribute, problem) =>
    `The "${attribute}" setting ${problem}. The website's administrator can fix this.`,
  endpointUnreachable:
    'For the website\'s administrator: the server in the "endpoint" setting could not be reached from this page, or it does not let this page read its answers (CORS headers).',
  loadingQuestions: 'Loading questions for this category…',
  loadQuestionsFailed: 'We could not load the questions for this category.',
  questionsHeading: 'About the problem',
  optional: '(optional)',
  chooseOne: 'Choose one',
  addressSearchHint:
    'Type an address or a place and choose from the suggestions, or describe the place in your own words.',
  addressSuggestions: 'Suggested addresses',
  placesFound: (n) =>
    n === 1
      ? '1 address found. Use the arrow keys to choose it.'
      : `${n} addresses found. Use the arrow keys to choose one.`,
  placeChosen: (label) => `Location set to ${label}.`,
  pinNear: (label) => `Pin placed near ${label}.`,
  nearbyTitle: (n) =>
    n === 1 ? 'Is it this one? It is already reported' : `Is it one of these ${n}? They are already reported`,
  nearbyHint: 'If so, follow that report instead of sending a new one: the crew already knows. If not, go on below.',
  nearbyDetails: (meters, date, notes) =>
    [`${meters} m away`, date && `reported ${date}`, notes].filter(Boolean).join(' · '),
  nearbyMarker: (service, meters) => `Already reported: ${service}, ${meters} m away`,
  trackInstead: 'Follow this report instead',
  mapLabel: 'Map: choose where the problem is',
  mapInstructions:
    'Click or tap the map to put the pin where the problem is, or drag the pin. With a keyboard: arrow keys move the map, + and − zoom, Enter puts the pin in the middle.',
  pinLabel: 'Location of the problem',
  mapLoading: 'Loading the map…',
  requestMap: 'Map of where the problem is',
  setHere: 'Set location here (the centre of the map)',
  captchaLabel: 'Check that you are a person',
  captchaFailed: 'The check that you are a person could not be loaded. Check your connection, then try again.',
  mapUnavailable: 'The map could not be shown. You can still give the location with the fields below.',
  pinPlaced: (lat, long) => `Pin placed at ${lat}, ${long}.`,
  laterFieldError: (e) => {
    switch (e.code) {
      case 'number':
        return `The answer to "${e.label}" must be a number.`;
      case 'answer':
        return `Answer the question "${e.label}".`;
      case 'outside':
        return "This location is outside the city's area. Move the pin inside the outlined area, or check the coordinates.";
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
      case 'captcha':
        return 'Complete the check that you are a person.';
      case 'email':
        return 'Enter an email address like name@example.com, or leave it empty.';
      default:
        return {
          email: 'Enter your email address.',
          firstName: 'Enter your first name.',
          lastName: 'Enter your last name.',
          phone: 'Enter your phone number.',
        }[e.field as 'email'];
    }
  },
  contactOptional: 'Optional.',
  contactRequired: 'The city needs the fields marked “Required” to handle your report; the others are optional.',
  required: 'Required',
  anonymous: 'Report anonymously (the city will not be able to contact you about it)',
  remember: 'Remember my details on this device',
  copyReference: 'Copy the reference number',
  copied: 'Copied.',
  photos: 'Photos',
  photosHint: (max) =>
    `Up to ${max}. A photo helps the crew find and fix the problem. Photos are made smaller and their hidden location data is removed before they are sent.`,
  takePhoto: 'Take a photo',
  choosePhotos: 'Choose photos',
  photoAlt: (n, name) => `Photo ${n}: ${name}`,
  removePhoto: (n) => `Remove photo ${n}`,
  usePhotoLocation: "Use the photo's location",
  photoLocationUsed: 'The location where the photo was taken is now the location of the problem.',
  photoNoPlace: 'This photo does not say where it was taken. Put the pin where the problem is.',
  suggestionsFor: 'Best matches for what you described',
  categoriesFound: (n) => (n === 1 ? '1 category found' : `${n} categories found`),
  noCategoryFound: 'No category matches. Try other words, or use the arrow keys to see every category.',
  restored: 'We kept the report you started.',
  discard: 'Start again',
  notHandledHere: 'The city does not handle this',
  call: (phone) => `Call ${phone}`,
  uploading: (name) => `Sending ${name}…`,
  photoUploading: (n) => `Uploading photo ${n}…`,
  photosUploading: (first, last) => `Uploading photos ${first} to ${last}…`,
  photoAdded: (n) => `Photo ${n} added.`,
  uploadFailed: (name) => `${name} was not sent.`,
  dismiss: 'Dismiss',
  photoLimit: (max) => `You can add up to ${max} photos. Remove one to add another.`,
  photoRefused: (name, problem) =>
    problem === 'not-an-image'
      ? `“${name}” is not a photo. Choose a JPEG, PNG or similar picture.`
      : problem === 'too-large'
        ? `“${name}” is too large (over 25 MB).`
        : `“${name}” could not be read. Try another photo, or a JPEG or PNG copy of it.`,
  locationHeading: 'Location',
  locationHint: 'Use your location, type the coordinates, or describe the place.',
  useMyLocation: 'Use my location',
  locating: 'Finding your location…',
  located: (m) => `Location found, accurate to about ${Math.round(m)} metres.`,
  locationDenied: 'Your browser did not share your location. You can type the address instead.',
  locationUnavailable: 'Your location could not be found. You can type the address instead.',
  locationTimeout:
    'Finding your location took too long. Try again outside or near a window, or type the address instead.',
  latitude: 'Latitude',
  longitude: 'Longitude',
  address: 'Address or place',
  addressHint: 'For example: 120 Main Street, or the corner of Oak Avenue and 3rd Street.',

  description: 'Description',
  descriptionHint: 'What is the problem, and where exactly is it?',
  charactersLeft: (n) => (n >= 0 ? `${n} characters left` : `${-n} characters too many`),

  contactHeading: 'Your contact details',
  contactHint:
    'Your details go to the city only, to contact you about this report; they are never made public. Your description, location and photos may be shown publicly.',
  email: 'Email',
  firstName: 'First name',
  lastName: 'Last name',
  phone: 'Phone',

  reviewIntro: 'Check your report before you send it. You can change anything.',
  notGiven: 'Not given',
  change: 'Change',

  submittedTitle: 'Thank you, your report was sent',
  referenceIs: 'Your reference number is',
  provisionalReference: 'Your provisional reference is',
  provisionalExplained:
    "The city's system is still registering your report. Its reference number will appear here in a moment.",
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

  serverSaid: (text) => `The service said: ${text}`,

  referenceLooksLike: (pattern) => `Reference numbers look like ${pattern}.`,
  overdue: 'Overdue',
  timeline: 'What happened so far',
  requestPhoto: (service) => `Photo of the reported problem: ${service}`,
  linkToRequest: 'Link to this request',
  copyLink: 'Copy the link',
  myRequests: 'My requests',
  myRequestsHint: 'Requests you sent or looked up on this device. They are kept only here, in this browser.',
  updatedBadge: 'Updated',
  removeRequest: (id) => `Remove request ${id} from this list`,
  removeAll: 'Remove all from this list',
  statusChanged: (id, status) => `The status of request ${id} changed: ${status}.`,
  statusFound: (id, status) => `Request ${id}: ${status}.`,
  mapPinAt: (place) => `A pin marks where the problem was reported: ${place}.`,
  lastKnown: (when) => `Last known status, as of ${when}. It could not be updated just now.`,
  offline: 'You are offline. Connect to the internet and try again.',
  // Nothing lost, never twice (issue #15).
  sendUnsure:
    'Your report may have reached the city, but no answer came back, so when you send it again we will first check that it is not there already.',
  sendUnchecked:
    'We could not check whether your report reached the city, so if you send it again it may arrive twice: choose what to do below.',
  sendOffline:
    'You are offline, so your report was not sent. It is kept on this device: when you are back online, press Submit to send it.',
  sendBackOnline: 'You are back online. Your report is ready: press Submit to send it.',
  sendAnyway: 'Send anyway',
  dontSend: "Don't send",
  waitingToSend: 'Waiting to send',
  maybeSent: 'May have been sent',
  noDraftStorage:
    'This browser does not let us keep a copy of your report, so please finish it before you close this page.',
};
