/**
 * A callback whose identity never changes but which always calls the latest
 * function given: the canvas passes handlers that close over its state to
 * memoised trees and link shapes, which then re-render only when what they
 * show changes (a scroll of one tree leaves the other alone).
 */
import { useCallback, useLayoutEffect, useRef } from 'react';

/** The stable callback of `fn`. */
export function useStable<A extends unknown[], R>(fn: (...args: A) => R): (...args: A) => R {
  const latest = useRef(fn);
  useLayoutEffect(() => {
    latest.current = fn;
  });
  return useCallback((...args: A) => latest.current(...args), []);
}
