/** The `pages` catalogue in French, the source language (i18next syntax: {{name}}, plurals with _one/_other). */
const pages = {
  backHome: 'Retour à l’accueil',

  data: {
    documentTitle: 'Vos données – Trajectoires',
    heading: 'Vos données',
    intro: 'Trajectoires fonctionne entièrement dans votre navigateur. Voici ce qu’il garde, où, pour combien de temps, et comment tout emporter ou tout effacer.',

    stored: {
      heading: 'Ce qui est enregistré',
      loading: 'Lecture de ce qui est enregistré sur cet appareil…',
      failed: 'Impossible de lire ce qui est enregistré sur cet appareil. Le bouton « Effacer » plus bas fonctionne quand même.',
      diagnosesNone: 'Aucun diagnostic dans votre liste.',
      diagnoses_one: '{{count}} diagnostic dans votre liste (page d’accueil).',
      diagnoses_other: '{{count}} diagnostics dans votre liste (page d’accueil).',
      diagnosesUnreadable: 'Votre liste de diagnostics n’a pas pu être lue.',
      setAside_one: '{{count}} enregistrement mis de côté, illisible ou écrit par une version plus récente de l’outil.',
      setAside_other: '{{count}} enregistrements mis de côté, illisibles ou écrits par une version plus récente de l’outil.',
      groupNone: 'Aucun groupe dans la vue collective.',
      group_one: 'Un groupe de {{count}} répondant·e dans la vue collective.',
      group_other: 'Un groupe de {{count}} répondant·es dans la vue collective.',
      groupUnreadable: 'Un groupe abîmé dans la vue collective (elle propose de le télécharger).',
      groupUnknown: 'Le groupe de la vue collective n’a pas pu être lu.',
      language: 'Votre choix de langue : {{language}}.',
      languageNone: 'Aucun choix de langue : l’outil s’ouvre en français.',
      legacyDraft: 'Un brouillon laissé par une version précédente de l’outil.',
      openDiagnosis: 'Dans cet onglet seulement : le diagnostic ouvert, pour le retrouver si vous rechargez la page.',
      pendingCopy: 'Dans cet onglet seulement : une copie de secours de vos dernières réponses, le temps qu’elles soient enregistrées.',
      workshop: 'Dans cet onglet seulement : le mode atelier.',
      noIndexedDb: 'Ce navigateur refuse l’enregistrement durable (navigation privée ou réglage) : vos diagnostics ne sont pas gardés après la fermeture de l’onglet. Exportez vos réponses pour les garder.',
      keysLabel: 'Le détail technique',
      keysLocal: 'Clés du localStorage : {{keys}}',
      keysSession: 'Clés du sessionStorage de cet onglet : {{keys}}',
      keysNone: 'aucune',
    },

    where: {
      heading: 'Où',
      device: 'Dans ce navigateur, sur cet appareil. Un autre navigateur, ou un autre appareil, n’en voit rien.',
      nothingSent: 'Rien de ce que vous saisissez n’est envoyé : pas de compte, pas de serveur qui reçoit vos réponses, pas de mesure d’audience, aucune requête vers un autre site. L’outil ne télécharge que ses propres fichiers, depuis le site qui l’héberge.',
      technical: 'Pour les curieuses et les curieux : deux bases IndexedDB, « {{library}} » et « {{group}} », et des clés qui commencent par « trajectoires » dans le localStorage et le sessionStorage du navigateur.',
    },

    duration: {
      heading: 'Pour combien de temps',
      untilErased: 'Jusqu’à ce que vous les effaciez : avec le bouton plus bas, ou dans les réglages du navigateur (« effacer les données des sites »).',
      privateBrowsing: 'En navigation privée, le navigateur efface tout à la fermeture de la fenêtre.',
      eviction: 'Si l’appareil manque de place, le navigateur peut aussi effacer de lui-même les données des sites peu visités : exportez ce qui compte pour vous.',
    },

    export: {
      heading: 'Emporter vos données',
      diagnosis: 'Un diagnostic : bouton « Exporter » dans la liste de vos diagnostics, sur la page d’accueil, ou « Exporter mes réponses » sur sa synthèse. Vous obtenez un fichier de réponses.',
      reopen: 'Ce fichier se rouvre sur un autre appareil, avec « Importer un fichier de réponses » sur la page d’accueil.',
      group: 'Le groupe : depuis la vue collective, « Télécharger le rapport collectif (PDF) » et « Exporter les réponses (CSV) ».',
    },

    erase: {
      heading: 'Tout effacer',
      scope: 'L’effacement vaut pour ce navigateur, sur cet appareil. Pensez à exporter avant ce que vous voulez garder.',
      button: 'Effacer toutes mes données de cet appareil',
      confirmHeading: 'Tout effacer de cet appareil ?',
      confirmWhat: 'Vos diagnostics, le groupe de la vue collective, votre choix de langue et ce que garde cet onglet seront effacés.',
      confirmFiles: 'Les fichiers que vous avez exportés (réponses, PDF, CSV) ne sont pas touchés.',
      confirmFinal: 'Cette action est définitive : elle ne peut pas être annulée. Fermez d’abord les autres onglets de Trajectoires : un diagnostic ouvert ailleurs y serait enregistré à nouveau.',
      confirm: 'Oui, tout effacer',
      cancel: 'Annuler',
      erasing: 'Effacement en cours…',
      done: 'C’est fait : plus rien de Trajectoires n’est gardé sur cet appareil.',
      cancelled: 'Rien n’a été effacé.',
      incomplete: 'L’effacement n’est pas complet :',
      failed: 'L’effacement n’a pas pu se faire. Réessayez, ou effacez les données du site dans les réglages du navigateur.',
      failures: {
        'library-database': {
          blocked: 'vos diagnostics : l’outil est encore ouvert dans un autre onglet ou une autre fenêtre. Fermez-les, puis recommencez.',
          error: 'vos diagnostics : le navigateur a refusé de les effacer. Vous pouvez le faire dans ses réglages (« effacer les données des sites »).',
        },
        'group-database': {
          blocked: 'le groupe : l’outil est encore ouvert dans un autre onglet ou une autre fenêtre. Fermez-les, puis recommencez.',
          error: 'le groupe : le navigateur a refusé de l’effacer. Vous pouvez le faire dans ses réglages (« effacer les données des sites »).',
        },
        'local-storage': {
          blocked: 'votre choix de langue : le navigateur a refusé de l’effacer.',
          error: 'votre choix de langue : le navigateur a refusé de l’effacer.',
        },
        'session-storage': {
          blocked: 'ce que garde cet onglet : le navigateur a refusé de l’effacer. Cela disparaîtra à la fermeture de l’onglet.',
          error: 'ce que garde cet onglet : le navigateur a refusé de l’effacer. Cela disparaîtra à la fermeture de l’onglet.',
        },
      },
    },
  },

  accessibility: {
    documentTitle: 'Accessibilité – Trajectoires',
    heading: 'Accessibilité',
    intro: 'Trajectoires doit pouvoir servir à toutes et à tous, quels que soient l’appareil, le logiciel ou la façon de naviguer. Cette page dit où il en est.',

    status: {
      heading: 'État de conformité',
      claim: 'Trajectoires est partiellement conforme au RGAA 4.1 (référentiel général d’amélioration de l’accessibilité), qui reprend les critères des WCAG 2.1 au niveau AA.',
      why: 'Partiellement, parce qu’aucun audit complet du RGAA n’a été mené : les vérifications ci-dessous sont celles de l’équipe qui développe l’outil, pas celles d’un organisme indépendant.',
    },

    tested: {
      heading: 'Ce qui a été vérifié, et comment',
      axe: 'Chaque écran (accueil, les sept étapes du diagnostic express, la synthèse, la liste de vos diagnostics, la comparaison, la vue collective, la projection, la page d’un lien partagé, « Vos données » et cette page) est analysé par axe-core dans Chromium sans interface, à chaque passage des tests automatisés.',
      keyboard: 'Des parcours complets au clavier seul : la touche Tab d’un élément à l’autre, les flèches pour changer de réponse, Entrée pour valider ; le focus reste visible et va au titre de chaque nouvelle étape.',
      reflow: 'Sur un écran de 320 pixels de large et avec un zoom à 200 %, les pages se lisent sans défilement horizontal.',
      motion: 'Le réglage « réduire les animations » de l’appareil est respecté : plus aucune transition ni animation.',
      colour: 'La couleur ne porte jamais seule une information : niveaux, statuts et écarts sont aussi écrits en toutes lettres, et chaque graphique a un tableau des mêmes chiffres.',
      contrast: 'Les contrastes des textes et du contour de focus suivent le niveau AA.',
    },

    limits: {
      heading: 'Ce qui n’est pas encore accessible',
      pdf: 'Le rapport PDF n’est pas balisé : un lecteur d’écran le lit comme un texte continu, sans reconnaître ses titres ni ses tableaux. La synthèse à l’écran donne les mêmes informations dans une page accessible.',
      screenReaders: 'L’outil n’a pas été essayé de façon systématique avec des lecteurs d’écran (NVDA, JAWS, VoiceOver, TalkBack) : certains passages peuvent y être moins clairs.',
    },

    report: {
      heading: 'Signaler un problème',
      whom: 'Si quelque chose vous empêche d’utiliser l’outil, dites-le à l’organisation qui vous l’a recommandé (votre fédération, votre réseau, la personne qui vous accompagne) : elle pourra le faire remonter.',
      what: 'Précisez ce que vous cherchiez à faire, sur quelle page, et avec quoi (navigateur, lecteur d’écran, zoom…).',
    },

    date: 'Déclaration établie le {{date}}.',
  },
} as const;

export default pages;
