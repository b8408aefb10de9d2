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
  otherGroup: 'Otros',
  startWithPhoto: 'Empezar con una foto',
  startWithLocation: 'Empezar por el lugar',

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

  unreachable:
    'No pudimos comunicarnos con el servicio de la ciudad. Revise su conexión a internet e intente de nuevo.',
};

/** The later steps' words: loaded with those steps. */
export const later = () => import('./es.later');
