import { afterEach, describe, expect, it, vi } from 'vitest';
import { runAfterNextPaint, runWhenIdle } from '../../src/scheduling';

/** Frames held until `paint()`: what runs "after the paint" must wait for it. */
function holdFrames() {
  const frames: FrameRequestCallback[] = [];
  vi.spyOn(window, 'requestAnimationFrame').mockImplementation((callback) => frames.push(callback));
  return { paint: () => frames.splice(0).forEach((callback) => callback(performance.now())) };
}

const nextTask = () => new Promise((resolve) => setTimeout(resolve, 0));

afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
});

describe('runAfterNextPaint', () => {
  it('runs in a task after the next frame, not before, and once', async () => {
    const { paint } = holdFrames();
    const task = vi.fn();
    runAfterNextPaint(task);
    await nextTask();
    expect(task).not.toHaveBeenCalled();
    paint();
    // The frame's own callback only queues it: the paint comes first.
    expect(task).not.toHaveBeenCalled();
    await nextTask();
    expect(task).toHaveBeenCalledTimes(1);
  });

  it('runs nothing once cancelled, before or after the frame', async () => {
    const { paint } = holdFrames();
    const before = vi.fn();
    const between = vi.fn();
    runAfterNextPaint(before)();
    const cancelBetween = runAfterNextPaint(between);
    paint();
    cancelBetween();
    await nextTask();
    expect(before).not.toHaveBeenCalled();
    expect(between).not.toHaveBeenCalled();
  });

  it.each([
    ['a hidden tab, which paints no frame', 'hidden', 200],
    ['a visible page that gets no frame (an embedding page holding them)', 'visible', 1_000],
  ] as const)('runs anyway in %s (%s), after %i ms and not sooner', (_where, visibility, waitMs) => {
    holdFrames();
    vi.spyOn(document, 'visibilityState', 'get').mockReturnValue(visibility);
    // Timeouts only: the frames stay held.
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    try {
      const task = vi.fn();
      runAfterNextPaint(task);
      vi.advanceTimersByTime(waitMs - 1);
      expect(task).not.toHaveBeenCalled();
      vi.advanceTimersByTime(1);
      expect(task).toHaveBeenCalledTimes(1);
    } finally {
      vi.useRealTimers();
    }
  });
});

describe('runWhenIdle', () => {
  it('asks for an idle moment only after the paint, and can be cancelled while it waits', async () => {
    const { paint } = holdFrames();
    const idle: IdleRequestCallback[] = [];
    const cancelled: number[] = [];
    vi.stubGlobal('requestIdleCallback', (callback: IdleRequestCallback) => idle.push(callback));
    vi.stubGlobal('cancelIdleCallback', (handle: number) => cancelled.push(handle));
    const task = vi.fn();
    const cancel = runWhenIdle(task);
    expect(idle).toHaveLength(0);
    paint();
    await nextTask();
    expect(idle).toHaveLength(1);
    expect(task).not.toHaveBeenCalled();
    cancel();
    expect(cancelled).toEqual([1]);
    const other = vi.fn();
    runWhenIdle(other);
    paint();
    await nextTask();
    idle[1]?.({ didTimeout: false, timeRemaining: () => 10 });
    expect(other).toHaveBeenCalledTimes(1);
  });
});
