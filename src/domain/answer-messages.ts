/**
 * Every sentence that tells a person why an answer, an answers file, a share link or an import is
 * refused (and what became of an older file's answers, and why the app's own content could not be
 * loaded), in French and in i18next syntax:
 * `{{name}}`, `{{name, number}}`, plurals with `_one` / `_other` and `count`. These templates are
 * the one source of the French: the `common` catalogue imports them as its `answerMessages`, and
 * the English catalogue translates them key by key. The domain reads them through an
 * `AnswerMessages` function, French by default, so that it needs no i18next.
 */
export const FRENCH_ANSWER_MESSAGE_TEMPLATES = {
  /** The wizard's messages under a field, and the reason an answer in a file is refused. */
  validation: {
    chooseOffered: 'Choisissez une des réponses proposées.',
    chooseAmongOffered: 'Choisissez parmi les réponses proposées.',
    tickedTwice: 'Une réponse est cochée deux fois.',
    atLeast_one: 'Cochez au moins {{count}} réponse.',
    atLeast_other: 'Cochez au moins {{count}} réponses.',
    atMost_one: 'Cochez au plus {{count}} réponse.',
    atMost_other: 'Cochez au plus {{count}} réponses.',
    enterNumber: 'Saisissez un nombre.',
    numberBetween: 'Saisissez un nombre entre {{min}} et {{max}}.',
    numberBetweenWithUnit: 'Saisissez un nombre entre {{min}} et {{max}} {{unit}}.',
    enterWholeNumber: 'Saisissez un nombre entier.',
    enterPercentage: 'Saisissez un pourcentage.',
    negativePercentage: 'Un pourcentage ne peut pas être négatif.',
    percentageAbove100: 'Un pourcentage ne peut pas dépasser 100.',
    unknownPart: 'Une part inconnue a été saisie.',
    sharesTotal: 'Le total des parts doit faire 100 %.',
    maxLength: 'Pas plus de {{max}} caractères.',
    required: 'Cette question attend une réponse.',
    invalid: 'Réponse invalide.',
  },
  /** Why an answers file is refused, each reason after the place in the file (`answers.q1`, or « fichier »). */
  answersFile: {
    wholeFile: 'fichier',
    quoted: '« {{value}} »',
    /** The last of several accepted values: « a », « b » ou « c ». */
    listOr: '{{items}} ou {{last}}',
    expected: {
      object: 'un objet',
      record: 'un objet',
      string: 'un texte',
      number: 'un nombre',
      int: 'un nombre entier',
      array: 'une liste',
      boolean: 'vrai ou faux',
    },
    answerExpected: {
      single: 'l’identifiant d’une des réponses proposées',
      multiple: 'une liste d’identifiants de réponses',
      number: 'un nombre',
      shares: 'des parts en pourcentage',
      text: 'un texte',
    },
    notEmpty: 'ne doit pas être vide',
    atLeastCharacters: 'au moins {{bound}} caractères',
    atMostCharacters: 'au plus {{bound}} caractères',
    atLeastItems: 'au moins {{bound}} éléments',
    atMostItems: 'au plus {{bound}} éléments',
    atLeast: 'au moins {{bound}}',
    atMost: 'au plus {{bound}}',
    /** A rule above (ne doit pas être vide, au plus 200 caractères…) or an answer's validation message. */
    issue: '{{where}} : {{rule}}',
    missingField: '{{where}} : champ manquant',
    expectedValue: '{{where}} : valeur attendue : {{expected}}',
    notTrajectoires: '{{where}} : ce fichier n’est pas un diagnostic Trajectoires (attendu : {{expected}})',
    expectedOneOf: '{{where}} : valeur attendue {{expected}}',
    isoDate: '{{where}} : date attendue au format ISO 8601, par exemple 2024-05-01T10:00:00Z',
    unknownField: '{{where}} : champ inconnu',
    unreadableAnswer:
      '{{where}} : réponse illisible (attendu : un identifiant, une liste d’identifiants, un nombre ou des parts en pourcentage)',
    unreadableValue: '{{where}} : valeur illisible',
    newerTool: '{{where}} : ce fichier vient d’une version plus récente de l’outil ; mettez l’outil à jour pour l’ouvrir',
    refusedValue: '{{where}} : valeur refusée',
    invalidValue: '{{where}} : valeur invalide',
    answerExpectedIssue: '{{where}} : réponse attendue : {{expected}}',
    unknownQuestion: '{{where}} : question inconnue de ce questionnaire ; la réponse est conservée mais n’est pas comptée',
    /** Also why a group refuses a file. */
    otherQuestionnaire: 'Ce fichier répond au questionnaire « {{fileQuestionnaire}} », pas à « {{questionnaire}} ».',
    unreadableVersion: 'questionnaire.version : version « {{version}} » illisible (attendu : une version comme 1.0.0)',
    newerVersion:
      'questionnaire.version : ce fichier a été rempli avec la version {{fileVersion}} du questionnaire, plus récente que la version {{version}} disponible ici',
  },
  /** What became of the answers of a file filled with an older version of its questionnaire. */
  migration: {
    takenUnchanged: 'Ce fichier a été rempli avec la version {{from}} du questionnaire ; ses réponses ont été reprises telles quelles dans la version {{to}}.',
    takenOver: 'Ce fichier a été rempli avec la version {{from}} du questionnaire ; ses réponses ont été reprises dans la version {{to}}.',
    kept_one: '{{count}} réponse est reprise telle quelle.',
    kept_other: '{{count}} réponses sont reprises telles quelles.',
    questionRenamed: 'La réponse à la question « {{from}} » est reprise sous son nouvel identifiant « {{to}} ».',
    optionChanged: 'Question « {{question}} » : la réponse « {{from}} » est reprise comme « {{to}} ».',
    /** `list` quotes each question (answersFile.quoted) and separates them with commas. */
    dropped_one: 'La réponse à la question {{list}}, retirée ou remplacée, reste dans le fichier mais n’est plus comptée.',
    dropped_other: 'Les réponses aux questions {{list}}, retirées ou remplacées, restent dans le fichier mais ne sont plus comptées.',
  },
  group: {
    alreadyInGroup: 'Ce diagnostic est déjà dans le groupe (mêmes réponses, mêmes dates).',
  },
  /** Reading files and links before their answers are checked. */
  import: {
    unreadable: '« {{name}} » n’a pas pu être lu.',
    tooLarge: '« {{name}} » est trop volumineux pour être un fichier de réponses (plus de 1 Mo).',
    notJson: '« {{name}} » n’est pas un fichier JSON lisible.',
    questionnaireUnavailable: 'Ce fichier répond au questionnaire « {{questionnaire}} », qui n’est pas disponible ici.',
    notShareLink: 'Ce texte n’est pas un lien de partage Trajectoires.',
    /** How a refused link is named in the list of refusals: the second pasted link is « lien 2 ». */
    linkSource: 'lien {{position}}',
    tooManySourcesLabel: '{{sourceCount, number}} fichiers et liens',
    tooManySources: 'Un import lit au plus {{max, number}} fichiers et liens à la fois : importez-les en plusieurs fois.',
  },
  shareLink: {
    damaged: 'Ce lien de partage est incomplet ou abîmé : il a peut-être été coupé en le copiant.',
    tooLarge: 'Ce lien de partage contient trop de données pour être un diagnostic (plus de 1 Mo).',
    notJson: 'Ce lien de partage ne contient pas un fichier de réponses lisible.',
  },
  /** Why a questionnaire, the toolkit or the demonstration could not be loaded (src/data/questionnaire-queries.ts). */
  contentLoad: {
    questionnaire: {
      offline: 'Le questionnaire « {{id}} » n’a pas pu être téléchargé : vérifiez votre connexion.',
      notFound: 'Le questionnaire « {{id}} » est introuvable (erreur {{status}}).',
      notJson: 'Le questionnaire « {{id}} » n’est pas un fichier JSON lisible.',
      invalid: 'Le questionnaire « {{id}} » contient des erreurs.',
    },
    toolkit: {
      offline: 'La boîte à outils n’a pas pu être téléchargée : vérifiez votre connexion.',
      notFound: 'La boîte à outils est introuvable (erreur {{status}}).',
      notJson: 'La boîte à outils n’est pas un fichier JSON lisible.',
      invalid: 'La boîte à outils contient des erreurs.',
    },
    demoGroup: {
      offline: 'L’organisation de démonstration n’a pas pu être téléchargée : vérifiez votre connexion.',
      notFound: 'L’organisation de démonstration est introuvable (erreur {{status}}).',
      notJson: 'L’organisation de démonstration n’est pas un fichier JSON lisible.',
      invalid: 'L’organisation de démonstration contient des erreurs.',
    },
  },
} as const;

type Templates = typeof FRENCH_ANSWER_MESSAGE_TEMPLATES;
type PluralBase<Key extends string> = Key extends `${infer Base}_${'one' | 'other'}` ? Base : Key;
// A plural chooses its form by `count`, whether its text shows the number or not.
type PluralVariable<Key extends string> = Key extends `${string}_${'one' | 'other'}` ? 'count' : never;
type Entries<Node, Prefix extends string = ''> = {
  [Key in keyof Node & string]: Node[Key] extends string
    ? { key: `${Prefix}${PluralBase<Key>}`; variables: VariablesOf<Node[Key]> | PluralVariable<Key> }
    : Entries<Node[Key], `${Prefix}${Key}.`>;
}[keyof Node & string];
type Entry = Entries<Templates>;
type VariablesOf<Template extends string> = Template extends `${string}{{${infer Inside}}}${infer Rest}`
  ? (Inside extends `${infer Name},${string}` ? Name : Inside) | VariablesOf<Rest>
  : never;

/** A dotted key of the templates, a plural named without its suffix: `validation.atLeast`. */
export type AnswerMessageKey = Entry['key'];
/** The values a key's template interpolates, checked by the compiler (`count` for a plural). */
export type AnswerMessageValues<Key extends AnswerMessageKey> = {
  [Name in Extract<Entry, { key: Key }>['variables']]: string | number;
};

/**
 * The wording of these sentences in one language: the domain's French below, or the interface's
 * `t` on the `common` catalogue's `answerMessages` (src/ui/answer-messages.ts).
 */
export type AnswerMessages = <Key extends AnswerMessageKey>(
  key: Key,
  ...values: keyof AnswerMessageValues<Key> extends never ? [] : [AnswerMessageValues<Key>]
) => string;

type TemplateNode = { readonly [key: string]: string | TemplateNode };

// The rules i18next applies in French, so that the domain's French and the interface's agree: 0 and 1 are singular.
// Made on the first refusal, not when the module loads: the templates travel with the first page
// (fr/common.ts re-uses them), and building Intl's French rules costs a slow phone tens of milliseconds.
let frenchPlurals: Intl.PluralRules | undefined;
let frenchNumbers: Intl.NumberFormat | undefined;
const PLACEHOLDER = /\{\{\s*([^,}\s]+)\s*(?:,\s*([^}\s]+)\s*)?\}\}/g;

function sayInFrench(key: string, values: Readonly<Record<string, string | number>> = {}): string {
  const path = key.split('.');
  const name = path.pop() ?? '';
  const node = path.reduce<TemplateNode>((parent, segment) => parent[segment] as TemplateNode, FRENCH_ANSWER_MESSAGE_TEMPLATES);
  const count = values.count;
  const pluralName = typeof count === 'number' ? `${name}_${(frenchPlurals ??= new Intl.PluralRules('fr-FR')).select(count) === 'one' ? 'one' : 'other'}` : name;
  const template = node[pluralName] ?? node[name];
  if (typeof template !== 'string') throw new Error(`No French message "${key}"`);
  return template.replace(PLACEHOLDER, (_, variable: string, format: string | undefined) => {
    const value = values[variable];
    return format === 'number' && typeof value === 'number' ? (frenchNumbers ??= new Intl.NumberFormat('fr-FR')).format(value) : String(value);
  });
}

/** The French wording: the default of every function that writes these sentences. */
export const FRENCH_ANSWER_MESSAGES: AnswerMessages = (key, ...values) => sayInFrench(key, values[0]);
