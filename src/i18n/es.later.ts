import type { LaterMessages } from './messages';

/** Numbers as Spanish-language pages in the US write them: 4,000. */
const num = (n: number) => n.toLocaleString('es-US');

export const messages: LaterMessages = {
  backendError: (kind, status, wait) => {
    switch (kind) {
      case 'network':
        return 'No pudimos comunicarnos con el servicio de la ciudad. Revise su conexión a internet e intente de nuevo.';
      case 'timeout':
        return 'El servicio de la ciudad tardó demasiado en responder. Por favor, intente de nuevo.';
      case 'rate-limited':
        return wait && wait > 90
          ? `El servicio de la ciudad está muy ocupado. Por favor, espere ${Math.ceil(wait / 60)} minutos e intente de nuevo.`
          : wait
            ? `El servicio de la ciudad está muy ocupado. Por favor, espere ${wait} ${wait === 1 ? 'segundo' : 'segundos'} e intente de nuevo.`
            : 'El servicio de la ciudad está muy ocupado. Por favor, espere un minuto e intente de nuevo.';
      case 'not-found':
        return 'El servicio de la ciudad no encontró lo que le pedimos.';
      case 'forbidden':
        return 'El servicio de la ciudad rechazó la solicitud. Es posible que este formulario no esté configurado correctamente.';
      case 'invalid-response':
        return 'El servicio de la ciudad envió una respuesta que no pudimos leer. Por favor, intente de nuevo más tarde.';
      case 'aborted':
        return 'La solicitud se canceló.';
      case 'http':
        return status !== undefined && status < 500
          ? 'El servicio de la ciudad no aceptó la solicitud.'
          : 'El servicio de la ciudad tuvo un problema. Por favor, intente de nuevo en unos minutos.';
    }
  },
  configProblem: 'Este formulario de solicitudes de servicio no está configurado correctamente.',
  configDetail: (attribute, problem) =>
    `Hay un problema con el ajuste “${attribute}”: ${problem}. El administrador del sitio web puede corregirlo.`,
  endpointUnreachable:
    'Para el administrador del sitio web: no se pudo contactar desde esta página con el servidor del ajuste “endpoint”, o este no le permite leer sus respuestas (cabeceras CORS).',
  loadingQuestions: 'Cargando las preguntas de esta categoría…',
  loadQuestionsFailed: 'No pudimos cargar las preguntas de esta categoría.',
  questionsHeading: 'Sobre el problema',
  optional: '(opcional)',
  chooseOne: 'Elija una opción',
  addressSearchHint:
    'Escriba una dirección o un lugar y elija una de las sugerencias, o describa el lugar con sus propias palabras.',
  addressSuggestions: 'Direcciones sugeridas',
  placesFound: (n) =>
    n === 1
      ? 'Se encontró 1 dirección. Use las teclas de flecha para elegirla.'
      : n === 0
        ? 'No se encontró ninguna dirección.'
        : `Se encontraron ${n} direcciones. Use las teclas de flecha para elegir una.`,
  placeChosen: (label) => `Ubicación elegida: ${label}.`,
  pinNear: (label) => `Marcador colocado cerca de ${label}.`,
  nearbyTitle: (n) =>
    n === 1 ? '¿Es este problema? Ya fue reportado' : `¿Es uno de estos ${n} problemas? Ya fueron reportados`,
  nearbyHint:
    'Si es así, dé seguimiento a ese reporte en lugar de enviar uno nuevo: el equipo de trabajo ya está enterado. Si no, continúe abajo.',
  nearbyDetails: (meters, date, notes) =>
    [`a ${num(meters)} m`, date && `reportado el ${date}`, notes].filter(Boolean).join(' · '),
  nearbyMarker: (service, meters) => `Ya reportado: ${service}, a ${num(meters)} m`,
  trackInstead: 'Dar seguimiento a este reporte',
  mapLabel: 'Mapa: elija dónde está el problema',
  mapInstructions:
    'Haga clic o toque el mapa para poner el marcador donde está el problema, o arrastre el marcador. Con el teclado: las teclas de flecha mueven el mapa, + y − acercan o alejan el mapa, y Enter pone el marcador en el centro.',
  pinLabel: 'Ubicación del problema',
  mapLoading: 'Cargando el mapa…',
  requestMap: 'Mapa de dónde está el problema',
  setHere: 'Poner la ubicación aquí (en el centro del mapa)',
  captchaLabel: 'Compruebe que es una persona',
  captchaFailed: 'No se pudo cargar la comprobación de que es una persona. Revise su conexión e inténtelo de nuevo.',
  mapUnavailable: 'No se pudo mostrar el mapa. De todas formas, puede indicar la ubicación con los campos de abajo.',
  pinPlaced: (lat, long) => `Marcador colocado en ${lat}, ${long}.`,
  laterFieldError: (e) => {
    switch (e.code) {
      case 'number':
        return `La respuesta a “${e.label}” debe ser un número.`;
      case 'answer':
        return `Responda la pregunta “${e.label}”.`;
      case 'outside':
        return 'Esta ubicación está fuera del área de la ciudad. Mueva el marcador dentro del área marcada o revise las coordenadas.';
      case 'location':
        return 'Indíquenos dónde está el problema: use su ubicación, escriba las coordenadas o escriba una dirección.';
      case 'lat':
        return 'La latitud debe ser un número entre -90 y 90.';
      case 'long':
        return 'La longitud debe ser un número entre -180 y 180.';
      case 'description':
        return 'Describa el problema.';
      case 'descriptionLength':
        return `La descripción debe tener ${num(4000)} caracteres o menos.`;
      case 'captcha':
        return 'Complete la comprobación de que es una persona.';
      case 'email':
        return 'Escriba un correo electrónico como nombre@example.com, o deje el campo vacío.';
      default:
        return {
          email: 'Escriba su correo electrónico.',
          firstName: 'Escriba su nombre.',
          lastName: 'Escriba su apellido.',
          phone: 'Escriba su número de teléfono.',
        }[e.field as 'email'];
    }
  },
  contactOptional: 'Opcional.',
  contactRequired:
    'La ciudad necesita los campos marcados como “Obligatorio” para atender su reporte; los demás son opcionales.',
  required: 'Obligatorio',
  anonymous: 'Reportar de forma anónima (la ciudad no podrá comunicarse con usted sobre este reporte)',
  remember: 'Recordar mis datos en este dispositivo',
  copyReference: 'Copiar el número de referencia',
  copied: 'Copiado.',
  photos: 'Fotos',
  photosHint: (max) =>
    `Hasta ${max}. Una foto ayuda al equipo a encontrar y arreglar el problema. Antes de enviarlas, reducimos el tamaño de las fotos y quitamos los datos de ubicación ocultos que contienen.`,
  takePhoto: 'Tomar una foto',
  choosePhotos: 'Elegir fotos',
  photoAlt: (n, name) => `Foto ${n}: ${name}`,
  removePhoto: (n) => `Quitar la foto ${n}`,
  usePhotoLocation: 'Usar la ubicación de la foto',
  photoLocationUsed: 'El lugar donde se tomó la foto es ahora la ubicación del problema.',
  photoNoPlace: 'Esta foto no indica dónde se tomó. Ponga el marcador donde está el problema.',
  suggestionsFor: 'Las categorías que mejor coinciden con lo que describió',
  categoriesFound: (n) => (n === 1 ? '1 categoría encontrada' : `${n} categorías encontradas`),
  noCategoryFound:
    'Ninguna categoría coincide. Pruebe con otras palabras o use las teclas de flecha para ver todas las categorías.',
  restored: 'Guardamos el reporte que había empezado.',
  discard: 'Empezar de nuevo',
  notHandledHere: 'La ciudad no se encarga de esto',
  call: (phone) => `Llame al ${phone}`,
  uploading: (name) => `Enviando ${name}…`,
  photoUploading: (n) => `Subiendo la foto ${n}…`,
  photosUploading: (first, last) => `Subiendo las fotos ${first} a ${last}…`,
  photoAdded: (n) => `Foto ${n} añadida.`,
  uploadFailed: (name) => `No se envió ${name}.`,
  dismiss: 'Cerrar',
  photoLimit: (max) =>
    max === 1
      ? 'Puede agregar 1 foto como máximo. Quítela para agregar otra.'
      : `Puede agregar hasta ${max} fotos. Quite una para agregar otra.`,
  photoRefused: (name, problem) =>
    problem === 'not-an-image'
      ? `El archivo “${name}” no es una foto. Elija una imagen JPEG, PNG o similar.`
      : problem === 'too-large'
        ? `El archivo “${name}” es demasiado grande (más de 25 MB).`
        : `No se pudo leer el archivo “${name}”. Pruebe con otra foto o con una copia en JPEG o PNG.`,
  locationHeading: 'Ubicación',
  locationHint: 'Use su ubicación, escriba las coordenadas o describa el lugar.',
  useMyLocation: 'Usar mi ubicación',
  locating: 'Buscando su ubicación…',
  located: (m) => {
    const r = Math.round(m);
    return `Ubicación encontrada, con una precisión de unos ${num(r)} ${r === 1 ? 'metro' : 'metros'}.`;
  },
  locationDenied: 'Su navegador no compartió su ubicación. En su lugar, puede escribir la dirección.',
  locationUnavailable: 'No se pudo encontrar su ubicación. En su lugar, puede escribir la dirección.',
  locationTimeout:
    'Buscar su ubicación tardó demasiado. Intente de nuevo al aire libre o cerca de una ventana, o escriba la dirección.',
  latitude: 'Latitud',
  longitude: 'Longitud',
  address: 'Dirección o lugar',
  addressHint: 'Por ejemplo: 120 Main Street, o la esquina de Oak Avenue y 3rd Street.',

  description: 'Descripción',
  descriptionHint: '¿Cuál es el problema y dónde está exactamente?',
  charactersLeft: (n) =>
    n >= 0
      ? n === 1
        ? 'Queda 1 carácter'
        : `Quedan ${num(n)} caracteres`
      : n === -1
        ? '1 carácter de más'
        : `${num(-n)} caracteres de más`,

  contactHeading: 'Sus datos de contacto',
  contactHint:
    'Sus datos se envían solo a la ciudad, para comunicarse con usted sobre este reporte; nunca se publican. Su descripción, la ubicación y las fotos pueden mostrarse públicamente.',
  email: 'Correo electrónico',
  firstName: 'Nombre',
  lastName: 'Apellido',
  phone: 'Teléfono',

  reviewIntro: 'Revise su reporte antes de enviarlo. Puede cambiar cualquier dato.',
  notGiven: 'No indicado',
  change: 'Cambiar',

  submittedTitle: 'Gracias, su reporte fue enviado',
  referenceIs: 'Su número de referencia es',
  provisionalReference: 'Su referencia provisional es',
  provisionalExplained:
    'El sistema de la ciudad todavía está registrando su reporte. Su número de referencia aparecerá aquí en un momento.',
  submittedKeep: 'Guarde este número para consultar su reporte más adelante.',
  checkThisRequest: 'Consultar el estado de este reporte',
  reportAnother: 'Reportar otro problema',
  submitFailed: 'Su reporte no se envió.',
  typedKept: 'Todo lo que escribió sigue aquí. Por favor, intente de nuevo.',

  referenceNumber: 'Número de referencia',
  referenceHint: 'El número que recibió al enviar su reporte.',
  checkStatus: 'Consultar el estado',
  checking: 'Consultando…',
  enterReference: 'Escriba el número de referencia de su reporte.',
  notFound: (id) =>
    `No encontramos ninguna solicitud con el número de referencia “${id}”. Revise el número e intente de nuevo.`,
  requestTitle: (id) => `Solicitud ${id}`,
  status: 'Estado',
  statusFamily: { open: 'Abierta', 'in-progress': 'En curso', closed: 'Cerrada' },
  notes: 'Notas',
  agency: 'A cargo de',
  service: 'Categoría',
  place: 'Ubicación',
  requested: 'Fecha del reporte',
  updated: 'Última actualización',
  expected: 'Fecha prevista',

  serverSaid: (text) => `El servicio respondió: ${text}`,

  referenceLooksLike: (pattern) => `Los números de referencia tienen este formato: ${pattern}.`,
  overdue: 'Atrasada',
  timeline: 'Lo que ha pasado hasta ahora',
  requestPhoto: (service) => `Foto del problema reportado: ${service}`,
  linkToRequest: 'Enlace a esta solicitud',
  copyLink: 'Copiar el enlace',
  myRequests: 'Mis solicitudes',
  myRequestsHint: 'Las solicitudes que envió o consultó en este dispositivo. Se guardan solo aquí, en este navegador.',
  updatedBadge: 'Actualizada',
  removeRequest: (id) => `Quitar la solicitud ${id} de esta lista`,
  removeAll: 'Quitar todas de esta lista',
  statusChanged: (id, status) => `El estado de la solicitud ${id} cambió: ${status}.`,
  statusFound: (id, status) => `Solicitud ${id}: ${status}.`,
  mapPinAt: (place) => `Un marcador señala dónde se informó el problema: ${place}.`,
  lastKnown: (when) => `Último estado conocido (${when}). No se pudo actualizar en este momento.`,
  offline: 'No tiene conexión a internet. Conéctese e intente de nuevo.',
  // Nothing lost, never twice (issue #15).
  sendUnsure:
    'Es posible que su reporte haya llegado a la ciudad, pero no recibimos respuesta, así que cuando lo vuelva a enviar primero comprobaremos que no esté ya allí.',
  sendUnchecked:
    'No pudimos comprobar si su reporte llegó a la ciudad, así que si lo vuelve a enviar puede llegar dos veces: elija qué hacer abajo.',
  sendOffline:
    'No tiene conexión, así que su reporte no se envió. Se guarda en este dispositivo: cuando vuelva a tener conexión, pulse Enviar para mandarlo.',
  sendBackOnline: 'Ya tiene conexión de nuevo. Su reporte está listo: pulse Enviar para mandarlo.',
  sendAnyway: 'Enviar de todos modos',
  dontSend: 'No enviar',
  waitingToSend: 'En espera de envío',
  maybeSent: 'Puede que se haya enviado',
  noDraftStorage:
    'Este navegador no nos permite guardar una copia de su reporte, así que termínelo antes de cerrar esta página.',
};
