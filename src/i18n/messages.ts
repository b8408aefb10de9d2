/**
 * Every string the resident sees. A language is one object of this type: a missing key fails type-check.
 * Functions take the values they interpolate; the result is always plain text (lit renders it as text).
 */
import type { BackendErrorKind } from '../schema/error-kind';
import type { FieldError, Step } from '../schema/draft';
import type { StatusFamily } from '../schema/request';

export interface Messages {
  /** The language's tag: its LaterMessages are found by it. */
  lang: string;

  tabReport: string;
  tabStatus: string;
  tabsLabel: string;
  /** The language switcher's label. */
  language: string;

  loadingCategories: string;
  loadCategoriesFailed: string;
  retry: string;
  category: string;
  categoryHint: string;
  showAllCategories: string;
  otherGroup: string;
  /** The first screen's other ways in (issue #13 §7). */
  startWithPhoto: string;
  startWithLocation: string;

  stepCount: (n: number, total: number) => string;
  stepNames: Record<Step, string>;
  continue: string;
  back: string;
  loadingStep: string;
  loadStepFailed: string;

  submit: string;
  submitting: string;
  errorSummaryTitle: string;
  errorPrefix: string;
  /** The first step's one problem: no category. The others are LaterMessages.laterFieldError. */
  chooseCategory: string;

  /** The server could not be reached (and the rest of the words neither: offline). */
  unreachable: string;
}

/**
 * The strings of the later steps and the status view: a second file per language, loaded with those chunks, so
 * residents download only the words of what they see (the first screen has a 28 KB budget).
 */
export interface LaterMessages {
  /** One plain sentence for each kind of backend failure (loaded when one happens on the first screen). */
  backendError: (kind: BackendErrorKind, status?: number, retryAfterSeconds?: number) => string;
  /** A setting's problem, on the page (the console says more). */
  configProblem: string;
  configDetail: (attribute: string, problem: string) => string;
  /** For the webmaster (issue #13): the endpoint's services.json could not be read from this page (unreachable, or no CORS). */
  endpointUnreachable: string;
  loadingQuestions: string;
  loadQuestionsFailed: string;
  questionsHeading: string;
  optional: string;
  chooseOne: string;
  addressSearchHint: string;
  addressSuggestions: string;
  placesFound: (n: number) => string;
  placeChosen: (label: string) => string;
  pinNear: (label: string) => string;
  nearbyTitle: (n: number) => string;
  nearbyHint: string;
  nearbyDetails: (meters: number, date: string, notes?: string) => string;
  nearbyMarker: (service: string, meters: number) => string;
  trackInstead: string;
  mapLabel: string;
  mapInstructions: string;
  pinLabel: string;
  mapLoading: string;
  requestMap: string;
  setHere: string;
  /** A gateway's CAPTCHA: its label, and when its script could not be loaded. */
  captchaLabel: string;
  captchaFailed: string;
  mapUnavailable: string;
  pinPlaced: (lat: string, long: string) => string;
  /** Problems with the location, description and contact fields. */
  laterFieldError: (error: FieldError) => string;
  contactOptional: string;
  contactRequired: string;
  required: string;
  anonymous: string;
  remember: string;
  copyReference: string;
  copied: string;
  photos: string;
  photosHint: (max: number) => string;
  takePhoto: string;
  choosePhotos: string;
  photoAlt: (n: number, name: string) => string;
  removePhoto: (n: number) => string;
  usePhotoLocation: string;
  photoLocationUsed: string;
  /** The category search's words (loaded with the search). */
  suggestionsFor: string;
  categoriesFound: (n: number) => string;
  noCategoryFound: string;
  /** A report kept from before (a reload, a closed tab), and the button that drops it. */
  restored: string;
  discard: string;
  /** A photo chosen first whose file does not say where it was taken. */
  photoNoPlace: string;
  /** The card for a category another organisation handles (see `redirects`). */
  notHandledHere: string;
  call: (phone: string) => string;
  uploading: (name: string) => string;
  /** The photos' status region (issue #16): as an upload starts, and once the photo is in the list. */
  photoUploading: (n: number) => string;
  photosUploading: (first: number, last: number) => string;
  photoAdded: (n: number) => string;
  uploadFailed: (name: string) => string;
  dismiss: string;
  photoLimit: (max: number) => string;
  photoRefused: (name: string, problem: 'not-an-image' | 'too-large' | 'unreadable') => string;

  locationHeading: string;
  locationHint: string;
  useMyLocation: string;
  locating: string;
  located: (accuracyMeters: number) => string;
  locationDenied: string;
  locationUnavailable: string;
  locationTimeout: string;
  latitude: string;
  longitude: string;
  address: string;
  addressHint: string;
  description: string;
  descriptionHint: string;
  charactersLeft: (n: number) => string;
  contactHeading: string;
  contactHint: string;
  email: string;
  firstName: string;
  lastName: string;
  phone: string;
  reviewIntro: string;
  notGiven: string;
  change: string;
  submittedTitle: string;
  referenceIs: string;
  provisionalReference: string;
  provisionalExplained: string;
  submittedKeep: string;
  checkThisRequest: string;
  reportAnother: string;
  submitFailed: string;
  typedKept: string;
  referenceNumber: string;
  referenceHint: string;
  checkStatus: string;
  checking: string;
  enterReference: string;
  notFound: (id: string) => string;
  requestTitle: (id: string) => string;
  status: string;
  /** Plain words for each status family (the server's own word is shown beside it when it differs). */
  statusFamily: Record<StatusFamily, string>;
  notes: string;
  agency: string;
  service: string;
  place: string;
  requested: string;
  updated: string;
  expected: string;
  serverSaid: (text: string) => string;

  /** The status tracker (issue #6). `pattern` is the city's configured reference-pattern. */
  referenceLooksLike: (pattern: string) => string;
  overdue: string;
  timeline: string;
  requestPhoto: (service: string) => string;
  linkToRequest: string;
  copyLink: string;
  myRequests: string;
  myRequestsHint: string;
  updatedBadge: string;
  removeRequest: (id: string) => string;
  removeAll: string;
  statusChanged: (id: string, status: string) => string;
  /** Said when a lookup shows a request (the card itself is not read out as one block). */
  statusFound: (id: string, status: string) => string;
  /** The card's small map, a picture: its description (`place` an address, or coordinates). */
  mapPinAt: (place: string) => string;
  lastKnown: (when: string) => string;
  offline: string;

  /**
   * Nothing lost, never twice (issue #15): a Send whose answer never came (the report may have been received), a
   * second Send that could not check whether the first arrived (and the resident's choice), its mark in My
   * requests, and storage that cannot keep a draft.
   */
  sendUnsure: string;
  sendUnchecked: string;
  /** Offline at Send: kept on the device; back online, ready to send. */
  sendOffline: string;
  sendBackOnline: string;
  sendAnyway: string;
  dontSend: string;
  maybeSent: string;
  /** My requests: a report kept on the device while offline, not sent yet. */
  waitingToSend: string;
  noDraftStorage: string;
}
