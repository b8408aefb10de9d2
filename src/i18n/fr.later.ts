import type { LaterMessages } from './messages';

/** French puts 0 and 1 in the singular. */
const one = (n: number) => new Intl.PluralRules('fr').select(n) === 'one';
/** 4 000: French groups digits with a narrow no-break space. */
const num = (n: number) => n.toLocaleString('fr');

// Spacing: \u00a0 (no-break space) before « : », inside « » and between a number and its unit,
// \u202f (narrow no-break space) before ; ? !

export const messages: LaterMessages = {
  backendError: (kind, status, wait) => {
    switch (kind) {
      case 'network':
        return 'Nous n’avons pas pu joindre le service de la Ville. Vérifiez votre connexion Internet et réessayez.';
      case 'timeout':
        return 'Le service de la Ville a mis trop de temps à répondre. Veuillez réessayer.';
      case 'rate-limited':
        return wait && wait > 90
          ? `Le service de la Ville est très sollicité. Veuillez patienter ${Math.ceil(wait / 60)} minutes, puis réessayer.`
          : wait
            ? `Le service de la Ville est très sollicité. Veuillez patienter ${wait} ${one(wait) ? 'seconde' : 'secondes'}, puis réessayer.`
            : 'Le service de la Ville est très sollicité. Veuillez patienter une minute, puis réessayer.';
      case 'not-found':
        return 'Le service de la Ville n’a pas trouvé ce que nous avons demandé.';
      case 'forbidden':
        return 'Le service de la Ville a refusé la demande. Ce formulaire n’est peut-être pas configuré correctement.';
      case 'invalid-response':
        return 'Le service de la Ville a envoyé une réponse que nous n’avons pas pu lire. Veuillez réessayer plus tard.';
      case 'aborted':
        return 'La demande a été annulée.';
      case 'http':
        return status !== undefined && status < 500
          ? 'Le service de la Ville n’a pas accepté la demande.'
          : 'Le service de la Ville a rencontré un problème. Veuillez réessayer dans quelques minutes.';
    }
  },
  configProblem: 'Ce formulaire de demande de service n’est pas configuré correctement.',
  configDetail: (attribute, problem) =>
    `Problème avec le paramètre «\u00a0${attribute}\u00a0»\u00a0: ${problem}. L’administrateur du site Web peut corriger cela.`,
  endpointUnreachable:
    'Pour l’administrateur du site Web\u00a0: le serveur du paramètre «\u00a0endpoint\u00a0» est injoignable depuis cette page, ou il ne l’autorise pas à lire ses réponses (en-têtes CORS).',
  loadingQuestions: 'Chargement des questions pour cette catégorie…',
  loadQuestionsFailed: 'Nous n’avons pas pu charger les questions pour cette catégorie.',
  questionsHeading: 'À propos du problème',
  optional: '(facultatif)',
  chooseOne: 'Choisissez une option',
  addressSearchHint:
    'Tapez une adresse ou un lieu et choisissez parmi les suggestions, ou décrivez le lieu avec vos propres mots.',
  addressSuggestions: 'Adresses suggérées',
  placesFound: (n) =>
    n === 1
      ? '1 adresse trouvée. Utilisez les flèches du clavier pour la choisir.'
      : n === 0
        ? 'Aucune adresse trouvée.'
        : `${n} adresses trouvées. Utilisez les flèches du clavier pour en choisir une.`,
  placeChosen: (label) => `Lieu choisi\u00a0: ${label}.`,
  pinNear: (label) => `Repère placé près de ${label}.`,
  nearbyTitle: (n) =>
    one(n)
      ? 'Est-ce ce problème\u202f? Il a déjà été signalé'
      : `Est-ce l’un de ces ${n} problèmes\u202f? Ils ont déjà été signalés`,
  nearbyHint:
    'Si c’est le cas, suivez ce signalement au lieu d’en envoyer un nouveau\u00a0: l’équipe est déjà au courant. Sinon, continuez ci-dessous.',
  nearbyDetails: (meters, date, notes) =>
    [`à ${num(meters)}\u00a0m`, date && `signalé le ${date}`, notes].filter(Boolean).join(' · '),
  nearbyMarker: (service, meters) => `Déjà signalé\u00a0: ${service}, à ${num(meters)}\u00a0m`,
  trackInstead: 'Suivre plutôt ce signalement',
  mapLabel: 'Carte\u00a0: choisissez où se trouve le problème',
  mapInstructions:
    'Cliquez ou touchez la carte pour placer le repère à l’endroit du problème, ou faites glisser le repère. Au clavier\u00a0: les flèches déplacent la carte, les touches + et − agrandissent ou réduisent la carte, et la touche Entrée place le repère au centre.',
  pinLabel: 'Emplacement du problème',
  mapLoading: 'Chargement de la carte…',
  requestMap: 'Carte de l’endroit où se trouve le problème',
  setHere: 'Placer le lieu ici (au centre de la carte)',
  captchaLabel: 'Vérifiez que vous êtes une personne',
  captchaFailed:
    'La vérification que vous êtes une personne n’a pas pu se charger. Vérifiez votre connexion, puis réessayez.',
  mapUnavailable: 'La carte n’a pas pu s’afficher. Vous pouvez quand même indiquer le lieu avec les champs ci-dessous.',
  pinPlaced: (lat, long) => `Repère placé à ${lat}, ${long}.`,
  laterFieldError: (e) => {
    switch (e.code) {
      case 'number':
        return `La réponse à «\u00a0${e.label}\u00a0» doit être un nombre.`;
      case 'answer':
        return `Répondez à la question «\u00a0${e.label}\u00a0».`;
      case 'outside':
        return 'Ce lieu est en dehors du territoire de la Ville. Déplacez le repère à l’intérieur de la zone délimitée, ou vérifiez les coordonnées.';
      case 'location':
        return 'Indiquez-nous où se trouve le problème\u00a0: utilisez votre position, tapez les coordonnées ou tapez une adresse.';
      case 'lat':
        return 'La latitude doit être un nombre entre -90 et 90.';
      case 'long':
        return 'La longitude doit être un nombre entre -180 et 180.';
      case 'description':
        return 'Décrivez le problème.';
      case 'descriptionLength':
        return `La description doit compter ${num(4000)}\u00a0caractères au maximum.`;
      case 'captcha':
        return 'Effectuez la vérification que vous êtes une personne.';
      case 'email':
        return 'Entrez une adresse courriel comme nom@example.com, ou laissez le champ vide.';
      default:
        return {
          email: 'Entrez votre adresse courriel.',
          firstName: 'Entrez votre prénom.',
          lastName: 'Entrez votre nom de famille.',
          phone: 'Entrez votre numéro de téléphone.',
        }[e.field as 'email'];
    }
  },
  contactOptional: 'Facultatif.',
  contactRequired:
    'La Ville a besoin des champs marqués «\u00a0Obligatoire\u00a0» pour traiter votre signalement\u202f; les autres sont facultatifs.',
  required: 'Obligatoire',
  anonymous: 'Signaler de façon anonyme (la Ville ne pourra pas vous contacter à ce sujet)',
  remember: 'Mémoriser mes coordonnées sur cet appareil',
  copyReference: 'Copier le numéro de référence',
  copied: 'Copié.',
  photos: 'Photos',
  photosHint: (max) =>
    `Jusqu’à ${max}. Une photo aide l’équipe à trouver et à régler le problème. Avant l’envoi, les photos sont réduites et leurs données de localisation cachées sont supprimées.`,
  takePhoto: 'Prendre une photo',
  choosePhotos: 'Choisir des photos',
  photoAlt: (n, name) => `Photo ${n}\u00a0: ${name}`,
  removePhoto: (n) => `Retirer la photo ${n}`,
  usePhotoLocation: 'Utiliser le lieu de la photo',
  photoLocationUsed: 'L’endroit où la photo a été prise est maintenant le lieu du problème.',
  photoNoPlace: 'Cette photo n’indique pas où elle a été prise. Placez le repère à l’endroit du problème.',
  suggestionsFor: 'Les catégories les plus proches de votre description',
  categoriesFound: (n) => (one(n) ? `${n} catégorie trouvée` : `${n} catégories trouvées`),
  noCategoryFound:
    'Aucune catégorie ne correspond. Essayez d’autres mots, ou utilisez les flèches du clavier pour voir toutes les catégories.',
  restored: 'Nous avons gardé le signalement que vous aviez commencé.',
  discard: 'Recommencer',
  notHandledHere: 'La Ville ne s’en occupe pas',
  call: (phone) => `Appelez le ${phone}`,
  uploading: (name) => `Envoi de ${name}…`,
  photoUploading: (n) => `Envoi de la photo ${n}…`,
  photosUploading: (first, last) => `Envoi des photos ${first} à ${last}…`,
  photoAdded: (n) => `Photo ${n} ajoutée.`,
  uploadFailed: (name) => `Le fichier ${name} n’a pas été envoyé.`,
  dismiss: 'Fermer',
  photoLimit: (max) =>
    one(max)
      ? `Vous pouvez ajouter ${max} photo au maximum. Retirez-la pour en ajouter une autre.`
      : `Vous pouvez ajouter jusqu’à ${max} photos. Retirez-en une pour en ajouter une autre.`,
  photoRefused: (name, problem) =>
    problem === 'not-an-image'
      ? `Le fichier «\u00a0${name}\u00a0» n’est pas une photo. Choisissez une image JPEG, PNG ou d’un format semblable.`
      : problem === 'too-large'
        ? `Le fichier «\u00a0${name}\u00a0» est trop volumineux (plus de 25\u00a0Mo).`
        : `Le fichier «\u00a0${name}\u00a0» n’a pas pu être lu. Essayez une autre photo, ou une copie en JPEG ou PNG.`,
  locationHeading: 'Lieu',
  locationHint: 'Utilisez votre position, tapez les coordonnées ou décrivez l’endroit.',
  useMyLocation: 'Utiliser ma position',
  locating: 'Recherche de votre position…',
  located: (m) => {
    const r = Math.round(m);
    return `Position trouvée, précise à environ ${num(r)}\u00a0${one(r) ? 'mètre' : 'mètres'}.`;
  },
  locationDenied: 'Votre navigateur n’a pas partagé votre position. Vous pouvez plutôt taper l’adresse.',
  locationUnavailable: 'Votre position n’a pas pu être trouvée. Vous pouvez plutôt taper l’adresse.',
  locationTimeout:
    'La recherche de votre position a pris trop de temps. Réessayez à l’extérieur ou près d’une fenêtre, ou tapez plutôt l’adresse.',
  latitude: 'Latitude',
  longitude: 'Longitude',
  address: 'Adresse ou lieu',
  addressHint: 'Par exemple\u00a0: 120, rue Principale, ou l’angle de l’avenue des Chênes et de la 3e Rue.',

  description: 'Description',
  descriptionHint: 'Quel est le problème, et où se trouve-t-il exactement\u202f?',
  charactersLeft: (n) =>
    n >= 0
      ? one(n)
        ? `${n}\u00a0caractère restant`
        : `${num(n)}\u00a0caractères restants`
      : one(-n)
        ? `${-n}\u00a0caractère en trop`
        : `${num(-n)}\u00a0caractères en trop`,

  contactHeading: 'Vos coordonnées',
  contactHint:
    'Vos coordonnées sont transmises uniquement à la Ville, pour vous joindre au sujet de ce signalement\u202f; elles ne sont jamais rendues publiques. Votre description, le lieu et les photos peuvent être affichés publiquement.',
  email: 'Courriel',
  firstName: 'Prénom',
  lastName: 'Nom de famille',
  phone: 'Téléphone',

  reviewIntro: 'Vérifiez votre signalement avant de l’envoyer. Vous pouvez tout modifier.',
  notGiven: 'Non indiqué',
  change: 'Modifier',

  submittedTitle: 'Merci, votre signalement a été envoyé',
  referenceIs: 'Votre numéro de référence est',
  provisionalReference: 'Votre référence provisoire est',
  provisionalExplained:
    'Le système de la Ville enregistre encore votre signalement. Son numéro de référence s’affichera ici dans un instant.',
  submittedKeep: 'Gardez ce numéro pour suivre votre signalement plus tard.',
  checkThisRequest: 'Consulter l’état de ce signalement',
  reportAnother: 'Signaler un autre problème',
  submitFailed: 'Votre signalement n’a pas été envoyé.',
  typedKept: 'Tout ce que vous avez saisi est toujours là. Veuillez réessayer.',

  referenceNumber: 'Numéro de référence',
  referenceHint: 'Le numéro que vous avez reçu en envoyant votre signalement.',
  checkStatus: 'Consulter l’état',
  checking: 'Vérification…',
  enterReference: 'Entrez le numéro de référence de votre signalement.',
  notFound: (id) =>
    `Nous n’avons trouvé aucune demande portant le numéro de référence «\u00a0${id}\u00a0». Vérifiez le numéro et réessayez.`,
  requestTitle: (id) => `Demande ${id}`,
  status: 'État',
  statusFamily: { open: 'Ouverte', 'in-progress': 'En cours', closed: 'Fermée' },
  notes: 'Remarques',
  agency: 'Traitée par',
  service: 'Catégorie',
  place: 'Lieu',
  requested: 'Date du signalement',
  updated: 'Dernière mise à jour',
  expected: 'Date prévue',

  serverSaid: (text) => `Réponse du service\u00a0: ${text}`,

  referenceLooksLike: (pattern) => `Les numéros de référence ressemblent à ceci\u00a0: ${pattern}.`,
  overdue: 'En retard',
  timeline: 'Ce qui s’est passé jusqu’ici',
  requestPhoto: (service) => `Photo du problème signalé\u00a0: ${service}`,
  linkToRequest: 'Lien vers cette demande',
  copyLink: 'Copier le lien',
  myRequests: 'Mes demandes',
  myRequestsHint:
    'Les demandes que vous avez envoyées ou consultées sur cet appareil. Elles sont conservées uniquement ici, dans ce navigateur.',
  updatedBadge: 'Mise à jour',
  removeRequest: (id) => `Retirer la demande ${id} de cette liste`,
  removeAll: 'Tout retirer de cette liste',
  statusChanged: (id, status) => `L’état de la demande ${id} a changé\u00a0: ${status}.`,
  statusFound: (id, status) => `Demande ${id}\u00a0: ${status}.`,
  mapPinAt: (place) => `Une épingle marque l’endroit où le problème a été signalé\u00a0: ${place}.`,
  lastKnown: (when) => `Dernier état connu (${when}). Il n’a pas pu être mis à jour pour le moment.`,
  offline: 'Vous êtes hors ligne. Connectez-vous à Internet et réessayez.',
  // Nothing lost, never twice (issue #15).
  sendUnsure:
    'Votre signalement est peut-être arrivé à la Ville, mais aucune réponse n’est revenue\u00a0: si vous l’envoyez à nouveau, nous vérifierons d’abord qu’il n’y est pas déjà.',
  sendUnchecked:
    'Nous n’avons pas pu vérifier si votre signalement est arrivé à la Ville, et s’il est envoyé à nouveau il risque d’arriver deux fois\u00a0: choisissez ci-dessous.',
  sendOffline:
    'Vous êtes hors ligne, votre signalement n’a donc pas été envoyé. Il est gardé sur cet appareil\xa0: quand vous serez de nouveau en ligne, appuyez sur Envoyer pour l’envoyer.',
  sendBackOnline: 'Vous êtes de nouveau en ligne. Votre signalement est prêt\xa0: appuyez sur Envoyer pour l’envoyer.',
  sendAnyway: 'Envoyer quand même',
  dontSend: 'Ne pas envoyer',
  waitingToSend: 'En attente d’envoi',
  maybeSent: 'Peut-être envoyé',
  noDraftStorage:
    'Ce navigateur ne nous permet pas de garder une copie de votre signalement\u00a0: terminez-le avant de fermer cette page.',
};
