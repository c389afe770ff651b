import { startTransition, useEffect, useState } from 'react';
import { flushSync } from 'react-dom';
import { runAfterNextPaint } from '../scheduling';

/**
 * A view shown in stages, one more after each paint: 0 on its first render, then 1, up to
 * `lastStage`. A view shows its top at once and the rest a frame or two later, so that the tap
 * that opened it is answered sooner on a slow phone. Each later render is a transition, done in
 * slices between taps. `firstStage` starts further (a view that must be whole at once, e.g. to
 * focus something far down).
 */
export function useStagesAfterPaint(lastStage: number, firstStage = 0): number {
  const [stage, setStage] = useState(firstStage);
  useEffect(() => {
    if (stage >= lastStage) return;
    return runAfterNextPaint(() => startTransition(() => setStage((current) => current + 1)));
  }, [stage, lastStage]);
  // A key pressed before the view is whole (Tab just as the heading took the focus) must find what
  // follows the heading, not the page's footer: the rest is rendered at once, before the browser
  // acts on the key.
  useEffect(() => {
    if (stage >= lastStage) return;
    const completeNow = () => flushSync(() => setStage(lastStage));
    document.addEventListener('keydown', completeNow, { capture: true });
    return () => document.removeEventListener('keydown', completeNow, { capture: true });
  }, [stage, lastStage]);
  return stage;
}

/** False on a view's first render, true just after its first paint (always true when `isWholeAtOnce`). */
export function useAfterFirstPaint(isWholeAtOnce = false): boolean {
  return useStagesAfterPaint(1, isWholeAtOnce ? 1 : 0) >= 1;
}
