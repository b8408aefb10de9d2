import type { Messages } from './messages';

// Spacing: \u00a0 (no-break space) before « : » and inside « », \u202f (narrow no-break space) before ; ? !

export const messages: Messages = {
  lang: 'fr',
  tabReport: 'Signaler un problème',
  tabStatus: 'Suivre une demande',
  tabsLabel: 'Demandes de service',
  language: 'Langue',

  loadingCategories: 'Chargement des catégories…',
  loadCategoriesFailed: 'Nous n’avons pas pu charger la liste des catégories.',
  retry: 'Réessayer',
  category: 'Catégorie',
  categoryHint:
    'Tapez un mot comme «\u00a0nid-de-poule\u00a0», ou décrivez le problème. Vous pouvez aussi utiliser les flèches du clavier pour voir toutes les catégories.',
  showAllCategories: 'Voir toutes les catégories',
  otherGroup: 'Autres',
  startWithPhoto: 'Commencer par une photo',
  startWithLocation: 'Commencer par le lieu',

  stepCount: (n, total) => `Étape ${n} sur ${total}\u00a0:`,
  stepNames: { what: 'Le problème', where: 'Lieu', details: 'Détails et coordonnées', review: 'Vérifier et envoyer' },
  continue: 'Continuer',
  back: 'Retour',
  loadingStep: 'Chargement…',
  loadStepFailed: 'Cette partie du formulaire n’a pas pu être chargée. Vérifiez votre connexion Internet et réessayez.',
  submit: 'Envoyer',
  submitting: 'Envoi de votre signalement…',
  errorSummaryTitle: 'Il y a un problème',
  errorPrefix: 'Erreur\u00a0:',
  chooseCategory: 'Choisissez une catégorie pour le problème.',

  unreachable: 'Nous n’avons pas pu joindre le service de la Ville. Vérifiez votre connexion Internet et réessayez.',
};

/** The later steps' words: loaded with those steps. */
export const later = () => import('./fr.later');
