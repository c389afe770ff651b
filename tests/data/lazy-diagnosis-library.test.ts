import type { DiagnosisLibrary } from '../../src/data/diagnosis-library';
import { createLazyDiagnosisLibrary } from '../../src/data/lazy-diagnosis-library';

function fakeLibrary() {
  const subscribed: string[] = [];
  const library = {
    list: vi.fn(async () => ({ status: 'ok' }) as never),
    get: vi.fn(async (id: string) => ({ status: 'missing', id }) as never),
    subscribe: vi.fn(() => {
      subscribed.push('subscribe');
      return () => subscribed.push('release');
    }),
  } as unknown as DiagnosisLibrary;
  return { library, subscribed };
}

describe('the library loaded on first use', () => {
  it('loads the library once, on the first call, and forwards every call to it', async () => {
    const { library } = fakeLibrary();
    const load = vi.fn(async () => library);
    const lazy = createLazyDiagnosisLibrary(load);
    expect(load).not.toHaveBeenCalled();

    await expect(lazy.get('a')).resolves.toEqual({ status: 'missing', id: 'a' });
    await lazy.list();
    expect(load).toHaveBeenCalledTimes(1);
    expect(library.get).toHaveBeenCalledWith('a');
  });

  it('subscribes once the library is there, and not at all when released before', async () => {
    const { library, subscribed } = fakeLibrary();
    const lazy = createLazyDiagnosisLibrary(async () => library);

    const releasedEarly = lazy.subscribe(() => undefined);
    releasedEarly();
    const kept = lazy.subscribe(() => undefined);
    await lazy.list();
    expect(subscribed).toEqual(['subscribe']);
    kept();
    expect(subscribed).toEqual(['subscribe', 'release']);
  });

  it('tries again after a load that failed (a chunk out of reach), without an unhandled rejection', async () => {
    const { library } = fakeLibrary();
    const load = vi.fn<() => Promise<DiagnosisLibrary>>().mockRejectedValueOnce(new Error('chunk lost')).mockResolvedValue(library);
    const lazy = createLazyDiagnosisLibrary(load);

    lazy.subscribe(() => undefined);
    await expect(lazy.list()).rejects.toThrow('chunk lost');
    await expect(lazy.get('b')).resolves.toEqual({ status: 'missing', id: 'b' });
    expect(load).toHaveBeenCalledTimes(2);
  });
});
