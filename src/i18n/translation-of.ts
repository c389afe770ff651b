/**
 * The shape a second language must fill: the French catalogue's keys, every leaf a string.
 * French is the source; another language that forgets or invents a key does not compile.
 */
export type TranslationOf<Catalogue> = {
  [Key in keyof Catalogue]: Catalogue[Key] extends string ? string : TranslationOf<Catalogue[Key]>;
};
