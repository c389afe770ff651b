import {
  categoryScore,
  classifyFirstLoad,
  describeAuditItems,
  describeBudget,
  formatMarkdownRows,
  formatTable,
  judge,
  listFailingAudits,
  median,
  meetsBudget,
  type Budget,
  type LighthouseReport,
} from '../../scripts/lib/bench-web-budgets';

const BASE = 'http://127.0.0.1:4173/';

describe('classifyFirstLoad', () => {
  it('keeps the scripts and stylesheets of the build, each once, in the order asked for, without query strings', () => {
    expect(
      classifyFirstLoad(
        [
          { url: BASE, resourceType: 'document' },
          { url: `${BASE}assets/index-B1.js`, resourceType: 'script' },
          { url: `${BASE}assets/index-C4.css`, resourceType: 'stylesheet' },
          { url: `${BASE}assets/react-D9.js`, resourceType: 'script' },
          { url: `${BASE}assets/react-D9.js`, resourceType: 'script' },
          { url: `${BASE}assets/start-app-E2.css?v=2`, resourceType: 'stylesheet' },
          { url: `${BASE}manifest.webmanifest`, resourceType: 'manifest' },
          { url: `${BASE}favicon.svg`, resourceType: 'image' },
          { url: 'data:image/png;base64,AAAA', resourceType: 'image' },
        ],
        BASE,
      ),
    ).toEqual({ scripts: ['assets/index-B1.js', 'assets/react-D9.js'], stylesheets: ['assets/index-C4.css', 'assets/start-app-E2.css'], foreign: [] });
  });

  it('sets apart anything from another origin, a font from a CDN as much as a script', () => {
    const load = classifyFirstLoad(
      [
        { url: 'https://fonts.example.org/inter.woff2', resourceType: 'font' },
        { url: 'https://cdn.example.org/react.js', resourceType: 'script' },
        { url: `${BASE}assets/index-B1.js`, resourceType: 'script' },
      ],
      BASE,
    );
    expect(load).toEqual({ scripts: ['assets/index-B1.js'], stylesheets: [], foreign: ['https://fonts.example.org/inter.woff2', 'https://cdn.example.org/react.js'] });
  });
});

describe('median', () => {
  it.each([
    [[3], 3],
    [[90, 100, 95], 95],
    [[4, 1, 3, 2], 2.5],
    [[1500, 1200, 1200], 1200],
  ])('of %j is %d', (values, expected) => {
    expect(median(values)).toBe(expected);
  });

  it('refuses an empty list rather than inventing a figure', () => {
    expect(() => median([])).toThrow('median of nothing');
  });
});

describe('budget verdicts', () => {
  const cases: [number, Budget, boolean][] = [
    [130, { atMost: 130 }, true],
    [130.1, { atMost: 130 }, false],
    [99.9, { under: 100 }, true],
    [100, { under: 100 }, false],
    [95, { atLeast: 95 }, true],
    [94, { atLeast: 95 }, false],
    [99, { atLeast: 100 }, false],
    [Number.NaN, { under: 100 }, false],
    [Number.NaN, { atLeast: 0 }, false],
  ];
  it.each(cases)('%d against %j is met: %s', (value, budget, expected) => {
    expect(meetsBudget(value, budget)).toBe(expected);
  });

  it.each([
    [{ atMost: 130 }, 'KB', '≤ 130 KB'],
    [{ under: 1500 }, 'ms', '< 1,500 ms'],
    [{ atLeast: 95 }, '', '≥ 95'],
    [{ atLeast: 100 }, '', '100'],
  ] as [Budget, string, string][])('%j in %s reads « %s »', (budget, unit, expected) => {
    expect(describeBudget(budget, unit)).toBe(expected);
  });

  it('judges a figure into a row with its formatted value', () => {
    expect(judge('first-load JavaScript', 131.25, { atMost: 130 }, { unit: 'KB', fractionDigits: 1 })).toEqual({
      figure: 'first-load JavaScript',
      value: '131.3 KB',
      budget: '≤ 130 KB',
      ok: false,
    });
    expect(judge('CLS', 0.0149, { under: 0.02 }, { fractionDigits: 3 })).toEqual({ figure: 'CLS', value: '0.015', budget: '< 0.02', ok: true });
  });
});

function report(categories: Record<string, number | null>, audits: Record<string, number | null>, refs: Record<string, { id: string; weight: number }[]>): LighthouseReport {
  return {
    categories: Object.fromEntries(Object.entries(categories).map(([id, score]) => [id, { score, auditRefs: refs[id] ?? [] }])),
    audits: Object.fromEntries(
      Object.entries(audits).map(([id, score]) => [id, { id, title: `Title of ${id}`, score, scoreDisplayMode: id === 'info' ? 'informative' : 'binary', displayValue: id === 'color-contrast' ? '2 elements' : undefined }]),
    ),
  };
}

describe('listFailingAudits', () => {
  const refs = {
    accessibility: [
      { id: 'color-contrast', weight: 7 },
      { id: 'image-alt', weight: 10 },
      { id: 'info', weight: 0 },
    ],
    'best-practices': [{ id: 'errors-in-console', weight: 1 }],
    performance: [{ id: 'unused-javascript', weight: 0 }],
  };
  const first = report({ accessibility: 0.93, 'best-practices': 1, performance: 1 }, { 'color-contrast': 0, 'image-alt': 1, info: 0, 'errors-in-console': 0, 'unused-javascript': 0.5 }, refs);
  const second = report({ accessibility: 0.93, 'best-practices': 0.96, performance: 1 }, { 'color-contrast': 0, 'image-alt': 1, info: 0, 'errors-in-console': 0, 'unused-javascript': 0.5 }, refs);

  it('lists the scored audits below 1 of the categories under 100 only, with the runs where they failed', () => {
    expect(listFailingAudits([first, second], ['performance', 'accessibility', 'best-practices'])).toEqual([
      { category: 'accessibility', id: 'color-contrast', title: 'Title of color-contrast', runs: 2, displayValue: '2 elements', weight: 7, items: [] },
      { category: 'best-practices', id: 'errors-in-console', title: 'Title of errors-in-console', runs: 1, displayValue: '', weight: 1, items: [] },
    ]);
  });

  it('lists nothing when every category scores 100', () => {
    const perfect = report({ accessibility: 1, performance: 1 }, { 'color-contrast': 1, 'unused-javascript': 0.5 }, refs);
    expect(listFailingAudits([perfect], ['performance', 'accessibility'])).toEqual([]);
  });
});

describe('describeAuditItems', () => {
  it('names the element or file and the figure that matters, three at most', () => {
    const unusedJavaScript = {
      type: 'opportunity',
      items: [
        { url: 'http://127.0.0.1:4173/assets/index-B1.js', wastedBytes: 94_208, totalBytes: 160_000 },
        { url: 'http://127.0.0.1:4173/assets/zod-C2.js', wastedBytes: 10_240 },
        { url: 'http://127.0.0.1:4173/assets/a.js', wastedBytes: 1024 },
        { url: 'http://127.0.0.1:4173/assets/b.js', wastedBytes: 1024 },
      ],
    };
    expect(describeAuditItems(unusedJavaScript)).toEqual(['/assets/index-B1.js, 92.0 KiB to save', '/assets/zod-C2.js, 10.0 KiB to save', '/assets/a.js, 1.0 KiB to save']);
  });

  it('flattens the tables a list holds (the LCP element and its phases) and reads layout shifts', () => {
    const lcpElement = {
      type: 'list',
      items: [
        { type: 'table', items: [{ node: { type: 'node', nodeLabel: 'Trajectoires', selector: 'main > h1' } }] },
        { type: 'table', items: [{ phase: 'TTFB', timing: 612.4 }, { phase: 'Render Delay', timing: 1830 }] },
      ],
    };
    expect(describeAuditItems(lcpElement, 5)).toEqual(['Trajectoires (main > h1)', 'TTFB, 612 ms', 'Render Delay, 1,830 ms']);
    const shifts = { type: 'table', items: [{ node: { type: 'node', nodeLabel: 'Choisissez votre diagnostic\nDiagnostic complet\n\nEnviron 25 minutes, en 7 étapes, sans compte', selector: 'main > section' }, score: 0.1618 }] };
    expect(describeAuditItems(shifts)).toEqual(['Choisissez votre diagnostic Diagnostic complet Environ 25 mi… (main > section), shift 0.162']);
  });

  it('gives nothing for an audit without items', () => {
    expect(describeAuditItems(undefined)).toEqual([]);
    expect(describeAuditItems({ type: 'debugdata' })).toEqual([]);
    // The network tree's advice sections carry prose, no element or file: left out.
    expect(describeAuditItems({ type: 'list', items: [{ type: 'list-section', title: 'Preconnected origins', description: 'Add [preconnect](https://…) hints' }] })).toEqual([]);
  });
});

describe('categoryScore', () => {
  it('reads a category as Lighthouse shows it, and one that errored as 0', () => {
    const result = report({ performance: 0.947, accessibility: null }, {}, {});
    expect(categoryScore(result, 'performance')).toBe(95);
    expect(categoryScore(result, 'accessibility')).toBe(0);
    expect(categoryScore(result, 'seo')).toBe(0);
  });
});

describe('the printed table and the markdown rows', () => {
  const rows = [
    { figure: 'first-load CSS (gzip)', value: '3.2 KB', budget: '≤ 15 KB', ok: true },
    { figure: 'Lighthouse mobile performance', value: '91', budget: '≥ 95', ok: false },
    { figure: 'FCP | mobile', value: '900 ms', budget: '—', ok: true },
  ];

  it('prints figure, value, budget and a verdict per row, aligned', () => {
    expect(formatTable(rows).split('\n')).toEqual([
      'figure                        |  value | budget  | ok',
      '----------------------------- | ------ | ------- | ----',
      'first-load CSS (gzip)         | 3.2 KB | ≤ 15 KB | ok',
      'Lighthouse mobile performance |     91 | ≥ 95    | MISS',
      'FCP | mobile                  | 900 ms | —       | ok',
    ]);
  });

  it('writes rows in BENCHMARKS.md’s format, a miss in bold and pipes escaped', () => {
    expect(formatMarkdownRows(rows).split('\n')).toEqual([
      '| figure | value | budget |',
      '| --- | --- | --- |',
      '| first-load CSS (gzip) | 3.2 KB | ≤ 15 KB |',
      '| Lighthouse mobile performance | 91 | ≥ 95 — **missed** |',
      '| FCP \\| mobile | 900 ms | — |',
    ]);
  });
});
