import type { DiagnosisLibrary } from '../../src/data/diagnosis-library';
import { createLazyDiagnosisLibrary } from '../../src/data/lazy-diagnosis-library';
import { LIBRARY_CHANNEL_NAME } from '../../src/data/library-database';

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

/** A channel pair on one name, as two tabs would have: `post` is the other tab speaking. */
function fakeChannels() {
  const opened: BroadcastChannel[] = [];
  const openChannel = (name: string) => {
    const channel = new BroadcastChannel(name);
    opened.push(channel);
    return channel;
  };
  const otherTab = new BroadcastChannel(LIBRARY_CHANNEL_NAME);
  return {
    openChannel,
    opened,
    post: (message: unknown) => otherTab.postMessage(message),
    close: () => {
      otherTab.close();
      for (const channel of opened) channel.close();
    },
  };
}

const nextMessage = () => new Promise((resolve) => setTimeout(resolve, 20));

describe('the library on a device that never saved a diagnosis', () => {
  it('lists nothing without loading the library, and loads it once the database exists', async () => {
    const { library } = fakeLibrary();
    const load = vi.fn(async () => library);
    let absent = true;
    const lazy = createLazyDiagnosisLibrary(load, { isStoreAbsent: async () => absent, openChannel: () => null });

    await expect(lazy.list()).resolves.toEqual({ status: 'ok', entries: [], quarantined: [] });
    expect(load).not.toHaveBeenCalled();

    absent = false;
    await lazy.list();
    expect(load).toHaveBeenCalledTimes(1);
    expect(library.list).toHaveBeenCalledTimes(1);
  });

  it('lists nothing once the database is gone, even with the library loaded (erased from « Vos données »): reading would create it again', async () => {
    const { library } = fakeLibrary();
    const lazy = createLazyDiagnosisLibrary(async () => library, { isStoreAbsent: async () => true, openChannel: () => null });
    await lazy.get('a');
    await expect(lazy.list()).resolves.toEqual({ status: 'ok', entries: [], quarantined: [] });
    expect(library.list).not.toHaveBeenCalled();
  });

  it('hears another tab’s save on the channel without loading the library, then hands over to the library’s subscription', async () => {
    const channels = fakeChannels();
    try {
      const { library, subscribed } = fakeLibrary();
      const load = vi.fn(async () => library);
      const lazy = createLazyDiagnosisLibrary(load, { isStoreAbsent: async () => true, openChannel: channels.openChannel });
      const heard: (string | null)[] = [];
      const release = lazy.subscribe((id) => heard.push(id));

      channels.post({ type: 'editing', id: 'x', tabId: 'other' });
      await nextMessage();
      expect(heard).toEqual([]);
      channels.post({ type: 'changed', id: 'x', tabId: 'other' });
      await nextMessage();
      expect(heard).toEqual([null]);
      expect(load).not.toHaveBeenCalled();

      await lazy.get('x');
      expect(subscribed).toEqual(['subscribe']);
      // The channel of the light subscription is closed: the library's own subscription hears from now on.
      channels.post({ type: 'changed', id: 'y', tabId: 'other' });
      await nextMessage();
      expect(heard).toEqual([null]);

      release();
      expect(subscribed).toEqual(['subscribe', 'release']);
    } finally {
      channels.close();
    }
  });

  it('releases the light subscription without ever loading the library', async () => {
    const channels = fakeChannels();
    try {
      const load = vi.fn(async () => fakeLibrary().library);
      const lazy = createLazyDiagnosisLibrary(load, { isStoreAbsent: async () => true, openChannel: channels.openChannel });
      const heard: (string | null)[] = [];
      lazy.subscribe((id) => heard.push(id))();
      channels.post({ type: 'changed', id: 'x', tabId: 'other' });
      await nextMessage();
      await lazy.get('x');
      expect(heard).toEqual([]);
    } finally {
      channels.close();
    }
  });
});

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
