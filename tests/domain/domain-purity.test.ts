import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

const DOMAIN_DIR = join(import.meta.dirname, '../../src/domain');
const domainFiles = readdirSync(DOMAIN_DIR).filter((name) => name.endsWith('.ts'));

describe('the domain layer stays pure', () => {
  it('has files to check', () => {
    expect(domainFiles).toContain('scoring.ts');
  });

  it.each(domainFiles)('%s imports only zod and other domain files', (name) => {
    const source = readFileSync(join(DOMAIN_DIR, name), 'utf8');
    const imports = [...source.matchAll(/^import[^'"]*['"]([^'"]+)['"]/gm)].map((match) => match[1]);
    expect(imports.filter((specifier) => specifier !== 'zod' && !specifier?.startsWith('./'))).toEqual([]);
  });

  it.each(domainFiles)('%s uses no browser, network, clock or randomness', (name) => {
    const source = readFileSync(join(DOMAIN_DIR, name), 'utf8');
    expect(source).not.toMatch(/\b(fetch|window|document|localStorage|Math\.random|Date\.now)\b|new Date\(\)/);
  });
});
