import { bindFrenchPunctuation } from '../../src/domain/french-typography';

describe('bindFrenchPunctuation', () => {
  it.each([
    ['binds the spaces inside guillemets', 'niveau « En émergence »', 'niveau «\u00a0En émergence\u00a0»'],
    ['binds the space before a colon, a semicolon, a question mark, an exclamation mark and a percent', 'a : b ; c ? d ! 62 %', 'a\u00a0: b\u00a0; c\u00a0? d\u00a0! 62\u00a0%'],
    ['keeps the name of the path whole', 'Votre Parcours A.D.O.C. sur mesure', 'Votre Parcours\u00a0A.D.O.C. sur mesure'],
    ['leaves other spaces breakable', 'Richesses humaines', 'Richesses humaines'],
  ])('%s', (_, input, expected) => {
    expect(bindFrenchPunctuation(input)).toBe(expected);
  });
});
