import { act, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { i18n } from '../../src/i18n/i18n';
import { watchServiceWorkerUpdates, type UpdateWatcher } from '../../src/pwa/service-worker-updates';
import { UpdateBanner } from '../../src/pwa/update-banner';

// The banner reads the page's watcher; each test gives it one over a fake service worker container.
const page = vi.hoisted(() => ({ watcher: undefined as UpdateWatcher | undefined }));
vi.mock('../../src/pwa/service-worker-updates', async (importOriginal) => ({
  ...(await importOriginal<typeof import('../../src/pwa/service-worker-updates')>()),
  getUpdateWatcher: () => page.watcher,
}));

class FakeWorker extends EventTarget {
  readonly messages: unknown[] = [];
  constructor(public state: ServiceWorkerState) {
    super();
  }
  postMessage(message: unknown) {
    this.messages.push(message);
  }
  moveTo(state: ServiceWorkerState) {
    this.state = state;
    this.dispatchEvent(new Event('statechange'));
  }
}

class FakeRegistration extends EventTarget {
  active: FakeWorker | null = null;
  waiting: FakeWorker | null = null;
  installing: FakeWorker | null = null;
  updateChecks = 0;
  update() {
    this.updateChecks += 1;
    return Promise.resolve(this);
  }
  /** The browser found a new script: it installs beside the active worker, then waits. */
  findUpdate(): FakeWorker {
    const worker = new FakeWorker('installing');
    this.installing = worker;
    this.dispatchEvent(new Event('updatefound'));
    return worker;
  }
}

class FakeDocument extends EventTarget {
  visibilityState: DocumentVisibilityState = 'visible';
  show(state: DocumentVisibilityState) {
    this.visibilityState = state;
    this.dispatchEvent(new Event('visibilitychange'));
  }
}

function setUp({ active = true, waiting = false, whenQuiet }: { active?: boolean; waiting?: boolean; whenQuiet?: () => Promise<void> } = {}) {
  const registration = new FakeRegistration();
  if (active) registration.active = new FakeWorker('activated');
  if (waiting) registration.waiting = new FakeWorker('installed');
  const container = Object.assign(new EventTarget(), { ready: Promise.resolve(registration) });
  const reload = vi.fn();
  const document = new FakeDocument();
  let time = 0;
  const clock = { advance: (ms: number) => (time += ms) };
  const watcher = watchServiceWorkerUpdates({
    container: container as unknown as ServiceWorkerContainer,
    reload,
    document: document as unknown as Document,
    now: () => time,
    ...(whenQuiet ? { whenQuiet } : {}),
  });
  page.watcher = watcher;
  const changeController = () => container.dispatchEvent(new Event('controllerchange'));
  return { registration, watcher, reload, document, clock, changeController };
}

/** Lets `container.ready` resolve. */
const settle = () => act(() => Promise.resolve());

describe('watchServiceWorkerUpdates', () => {
  it('finds a version already waiting beside the active one when the page opens', async () => {
    const { watcher } = setUp({ waiting: true });
    await settle();
    expect(watcher.isUpdateAvailable()).toBe(true);
  });

  it('says nothing about the first install, which replaces no version', async () => {
    const { registration, watcher } = setUp({ active: false });
    await settle();
    const worker = registration.findUpdate();
    worker.moveTo('installed');
    expect(watcher.isUpdateAvailable()).toBe(false);
  });

  it('tells its subscribers once when a new version has installed and waits', async () => {
    const { registration, watcher } = setUp();
    const listener = vi.fn();
    watcher.subscribe(listener);
    await settle();
    const worker = registration.findUpdate();
    expect(watcher.isUpdateAvailable()).toBe(false);
    worker.moveTo('installed');
    registration.findUpdate().moveTo('installed');
    expect(watcher.isUpdateAvailable()).toBe(true);
    expect(listener).toHaveBeenCalledTimes(1);
  });

  it('activates the waiting version on request and reloads once it controls the page, not before', async () => {
    const { registration, watcher, reload, changeController } = setUp({ waiting: true });
    await settle();
    const waiting = registration.waiting!;
    watcher.applyUpdate();
    await settle();
    expect(waiting.messages).toEqual([{ type: 'SKIP_WAITING' }]);
    expect(reload).not.toHaveBeenCalled();
    changeController();
    waiting.moveTo('activated');
    expect(reload).toHaveBeenCalledTimes(1);
  });

  it('asks the worker waiting at the moment of the update, not the one announced earlier and replaced since', async () => {
    const { registration, watcher } = setUp({ waiting: true });
    await settle();
    const announced = registration.waiting!;
    const newer = new FakeWorker('installed');
    registration.waiting = newer;
    watcher.applyUpdate();
    await settle();
    expect(newer.messages).toEqual([{ type: 'SKIP_WAITING' }]);
    expect(announced.messages).toEqual([]);
  });

  it('never reloads on its own when another tab installs the new version, and offers the update instead', async () => {
    const { watcher, reload, changeController } = setUp();
    await settle();
    changeController();
    expect(reload).not.toHaveBeenCalled();
    expect(watcher.isUpdateAvailable()).toBe(true);
    watcher.applyUpdate();
    await settle();
    expect(reload).toHaveBeenCalledTimes(1);
  });

  it('does nothing when asked to update with no new version', async () => {
    const { registration, watcher, reload } = setUp();
    await settle();
    watcher.applyUpdate();
    expect(reload).not.toHaveBeenCalled();
    expect(registration.active!.messages).toEqual([]);
  });

  it('looks for a new version when the page comes back into view, at most once an hour', async () => {
    const { registration, document, clock } = setUp();
    await settle();
    document.show('hidden');
    document.show('visible');
    expect(registration.updateChecks).toBe(0);
    clock.advance(61 * 60 * 1000);
    document.show('hidden');
    expect(registration.updateChecks).toBe(0);
    document.show('visible');
    document.show('visible');
    expect(registration.updateChecks).toBe(1);
  });
});

describe('UpdateBanner', () => {
  beforeEach(() => {
    page.watcher = undefined;
  });

  it('keeps an empty polite live region while there is no new version', async () => {
    setUp();
    render(<UpdateBanner inDiagnosis={false} />);
    await settle();
    expect(screen.getByRole('status')).toHaveTextContent(/^$/);
    expect(screen.queryByRole('button')).toBeNull();
  });

  it('outside a diagnosis, offers « Mettre à jour », which reloads with the new version', async () => {
    const { registration, reload, changeController } = setUp({ waiting: true });
    render(<UpdateBanner inDiagnosis={false} />);
    await settle();
    expect(screen.getByRole('status')).toHaveTextContent(/^Nouvelle version disponible\.$/);
    await userEvent.click(screen.getByRole('button', { name: 'Mettre à jour' }));
    await settle();
    expect(registration.waiting!.messages).toEqual([{ type: 'SKIP_WAITING' }]);
    changeController();
    expect(reload).toHaveBeenCalledTimes(1);
  });

  it('in a diagnosis, only tells that the version comes back home and the answers are saved, then installs it there', async () => {
    const { registration, reload } = setUp();
    const { rerender } = render(<UpdateBanner inDiagnosis />);
    await settle();
    act(() => registration.findUpdate().moveTo('installed'));
    expect(screen.getByRole('status')).toHaveTextContent(
      'Nouvelle version disponible. Elle sera installée quand vous reviendrez à l’accueil. Vos réponses sont enregistrées.',
    );
    expect(screen.queryByRole('button')).toBeNull();
    const waiting = registration.installing!;
    expect(waiting.messages).toEqual([]);

    rerender(<UpdateBanner inDiagnosis={false} />);
    await settle();
    expect(waiting.messages).toEqual([{ type: 'SKIP_WAITING' }]);
    waiting.moveTo('activated');
    expect(reload).toHaveBeenCalledTimes(1);
  });

  it('calls « Mettre à jour » off when a diagnosis opens before the page is quiet, and says it is installing meanwhile', async () => {
    let quiet!: () => void;
    const { registration, reload, changeController } = setUp({ waiting: true, whenQuiet: () => new Promise((resolve) => (quiet = resolve)) });
    const { rerender } = render(<UpdateBanner inDiagnosis={false} />);
    await settle();
    await userEvent.click(screen.getByRole('button', { name: 'Mettre à jour' }));
    const installing = screen.getByRole('button', { name: 'Installation…' });
    expect(installing).toHaveAttribute('aria-disabled', 'true');
    rerender(<UpdateBanner inDiagnosis />);
    await act(async () => quiet());
    await settle();
    expect(registration.waiting!.messages).toEqual([]);
    changeController();
    expect(reload).not.toHaveBeenCalled();
    // Back home, the button is offered again.
    rerender(<UpdateBanner inDiagnosis={false} />);
    expect(screen.getByRole('button', { name: 'Mettre à jour' })).not.toHaveAttribute('aria-disabled');
  });

  it('does not install by itself a version that appeared on the home page', async () => {
    const { registration } = setUp({ waiting: true });
    const { rerender } = render(<UpdateBanner inDiagnosis={false} />);
    await settle();
    rerender(<UpdateBanner inDiagnosis={false} />);
    expect(registration.waiting!.messages).toEqual([]);
  });

  it('speaks English', async () => {
    await i18n.changeLanguage('en');
    setUp({ waiting: true });
    render(<UpdateBanner inDiagnosis={false} />);
    await settle();
    expect(screen.getByRole('status')).toHaveTextContent('A new version is available.');
    expect(screen.getByRole('button', { name: 'Update' })).toBeVisible();
  });
});
