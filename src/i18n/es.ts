import type { Messages } from './messages';

export const messages: Messages = {
  lang: 'es',
  tabReport: 'Reportar un problema',
  tabStatus: 'Consultar el estado',
  tabsLabel: 'Solicitudes de servicio',
  language: 'Idioma',

  loadingCategories: 'Cargando las categorías…',
  loadCategoriesFailed: 'No pudimos cargar la lista de categorías.',
  retry: 'Intentar de nuevo',
  category: 'Categoría',
  categoryHint:
    'Escriba una palabra como “bache” o describa el problema. También puede usar las teclas de flecha para ver todas las categorías.',
  showAllCategories: 'Ver todas las categorías',
  suggestionsFor: 'Las categorías que mejor coinciden con lo que describió',
  categoriesFound: (n) => (n === 1 ? '1 categoría encontrada' : `${n} categorías encontradas`),
  noCategoryFound:
    'Ninguna categoría coincide. Pruebe con otras palabras o use las teclas de flecha para ver todas las categorías.',
  otherGroup: 'Otros',
  notHandledHere: 'La ciudad no se encarga de esto',
  call: (phone) => `Llame al ${phone}`,
  restored: 'Guardamos el reporte que había empezado.',
  discard: 'Empezar de nuevo',

  stepCount: (n, total) => `Paso ${n} de ${total}:`,
  stepNames: { what: 'El problema', where: 'Ubicación', details: 'Detalles y contacto', review: 'Revisar y enviar' },
  continue: 'Continuar',
  back: 'Volver',
  loadingStep: 'Cargando…',
  loadStepFailed: 'No se pudo cargar esta parte del formulario. Revise su conexión a internet e intente de nuevo.',
  submit: 'Enviar',
  submitting: 'Enviando su reporte…',
  errorSummaryTitle: 'Hay un problema',
  errorPrefix: 'Error:',
  chooseCategory: 'Elija una categoría para el problema.',

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
};

/** The later steps' words: loaded with those steps. */
export const later = () => import('./es.later');
