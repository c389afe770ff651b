import { startTransition, useEffect, useState } from 'react';
import { runAfterNextPaint } from '../scheduling';

/**
 * False on a view's first render, true just after its first paint: a view shows its top at once
 * and the rest a frame later, so that the tap that opened it is answered sooner on a slow phone.
 * The second render is a transition, done in slices between taps. True from the start when
 * `isWholeAtOnce` (a view that must be whole at once, e.g. to focus something far down).
 */
export function useAfterFirstPaint(isWholeAtOnce = false): boolean {
  const [isAfterFirstPaint, setAfterFirstPaint] = useState(isWholeAtOnce);
  useEffect(() => {
    if (isAfterFirstPaint) return;
    return runAfterNextPaint(() => startTransition(() => setAfterFirstPaint(true)));
  }, [isAfterFirstPaint]);
  return isAfterFirstPaint;
}
