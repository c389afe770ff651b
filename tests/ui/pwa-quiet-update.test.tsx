import { afterEach, describe, expect, it, vi } from 'vitest';
import { watchServiceWorkerUpdates } from '../../src/pwa/service-worker-updates';
import { whenNetworkQuiet } from '../../src/pwa/when-network-quiet';

/** A PerformanceObserver whose 'resource' entries the test delivers. */
function fakeObserver() {
  const live = new Set<() => void>();
  class Observer {
    static supportedEntryTypes = ['resource'];
    constructor(private readonly callback: () => void) {}
    observe() {
      live.add(this.callback);
    }
    disconnect() {
      live.delete(this.callback);
    }
  }
  return { Observer: Observer as unknown as typeof PerformanceObserver, loaded: () => live.forEach((callback) => callback()), live };
}

afterEach(() => vi.useRealTimers());

describe('whenNetworkQuiet', () => {
  it.each([
    { loads: [], resolvedAt: 750 },
    { loads: [100, 600], resolvedAt: 1350 },
    { loads: [700, 1400, 2100, 2800], resolvedAt: 3550 },
  ])('resolves once nothing has loaded for 750 ms (loads at $loads → $resolvedAt ms)', async ({ loads, resolvedAt }) => {
    vi.useFakeTimers();
    const { Observer, loaded, live } = fakeObserver();
    let resolved: number | undefined;
    void whenNetworkQuiet({ Observer }).then(() => (resolved = Date.now() - start));
    const start = Date.now();
    let elapsed = 0;
    for (const at of loads) {
      await vi.advanceTimersByTimeAsync(at - elapsed);
      elapsed = at;
      loaded();
    }
    await vi.advanceTimersByTimeAsync(resolvedAt - 1 - elapsed);
    expect(resolved).toBeUndefined();
    await vi.advanceTimersByTimeAsync(1);
    expect(resolved).toBe(resolvedAt);
    expect(live.size).toBe(0);
  });

  it('gives up waiting after 10 s of a page that never stops loading', async () => {
    vi.useFakeTimers();
    const { Observer, loaded } = fakeObserver();
    let resolved = false;
    void whenNetworkQuiet({ Observer }).then(() => (resolved = true));
    for (let at = 0; at < 9_900; at += 300) {
      await vi.advanceTimersByTimeAsync(300);
      loaded();
    }
    expect(resolved).toBe(false);
    await vi.advanceTimersByTimeAsync(200);
    expect(resolved).toBe(true);
  });

  it('resolves at once where resource timing is unknown', async () => {
    await expect(whenNetworkQuiet({ Observer: undefined })).resolves.toBeUndefined();
  });
});

describe('applyUpdate waits for a quiet page', () => {
  function setUp() {
    const waiting = Object.assign(new EventTarget(), { state: 'installed', messages: [] as unknown[], postMessage(message: unknown) { this.messages.push(message); } });
    const registration = Object.assign(new EventTarget(), { active: { state: 'activated' }, waiting, installing: null });
    const container = Object.assign(new EventTarget(), { ready: Promise.resolve(registration) });
    const waits: Array<() => void> = [];
    const reload = vi.fn();
    const watcher = watchServiceWorkerUpdates({
      container: container as unknown as ServiceWorkerContainer,
      reload,
      whenQuiet: () => new Promise<void>((resolve) => waits.push(resolve)),
    });
    return { watcher, waiting, reload, quiet: () => waits.splice(0).forEach((resolve) => resolve()), changeController: () => container.dispatchEvent(new Event('controllerchange')) };
  }
  const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

  it('tells the waiting worker only once the page has stopped fetching, then reloads on the switch', async () => {
    const { watcher, waiting, reload, quiet, changeController } = setUp();
    await settle();
    watcher.applyUpdate();
    await settle();
    expect(waiting.messages).toEqual([]);
    quiet();
    await settle();
    expect(waiting.messages).toEqual([{ type: 'SKIP_WAITING' }]);
    changeController();
    expect(reload).toHaveBeenCalledTimes(1);
  });

  it('is called off by its cancel until the worker is told, and no longer afterwards', async () => {
    const first = setUp();
    await settle();
    const cancel = first.watcher.applyUpdate();
    cancel();
    first.quiet();
    await settle();
    expect(first.waiting.messages).toEqual([]);
    first.changeController();
    expect(first.reload).not.toHaveBeenCalled();

    const second = setUp();
    await settle();
    const late = second.watcher.applyUpdate();
    second.quiet();
    await settle();
    late();
    expect(second.waiting.messages).toEqual([{ type: 'SKIP_WAITING' }]);
    second.changeController();
    expect(second.reload).toHaveBeenCalledTimes(1);
  });

  it('keeps a request that was not called off when another one is (the banner’s promise and the button)', async () => {
    const one = setUp();
    await settle();
    const cancelFirst = one.watcher.applyUpdate();
    one.watcher.applyUpdate();
    cancelFirst();
    one.quiet();
    await settle();
    expect(one.waiting.messages).toEqual([{ type: 'SKIP_WAITING' }]);
    one.changeController();
    expect(one.reload).toHaveBeenCalledTimes(1);

    const both = setUp();
    await settle();
    const cancels = [both.watcher.applyUpdate(), both.watcher.applyUpdate()];
    cancels.forEach((cancel) => cancel());
    both.quiet();
    await settle();
    expect(both.waiting.messages).toEqual([]);
    // Another tab installed it meanwhile: this page, no longer asking, offers it again rather than reloading.
    both.changeController();
    expect(both.reload).not.toHaveBeenCalled();
  });
});
