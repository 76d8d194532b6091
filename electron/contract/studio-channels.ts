/**
 * IPC channel names. Kept apart from the zod contract so the sandboxed preload
 * bundle stays tiny: it needs the names, not the schemas.
 */
import type { StudioMethod } from './studio-api';

/** The IPC channel of a method: one channel per method, never a generic one. */
export function studioChannel(method: StudioMethod): string {
  return `mapwright:${method}`;
}
