/**
 * French puts a space inside « » and before : ; ? ! %; made non-breaking, a wrapped line never
 * starts with « : » or « ? » or ends with a lone «, and the path's name stays whole.
 */
export function bindFrenchPunctuation(text: string): string {
  return text
    .replace(/« /g, '«\u00a0')
    .replace(/ (?=[»:;?!%])/g, '\u00a0')
    .replace(/Parcours A\.D\.O\.C\./g, 'Parcours\u00a0A.D.O.C.');
}
