/**
 * Holds shell commands until the renderer listens. macOS sends `open-file`
 * before the app is ready, a file from argv arrives before the page has
 * loaded, and a reload drops the page's listener, so commands wait here until
 * the preload reports a subscribed listener, then go out in order.
 */
import type { StudioCommand } from '../contract/studio-commands';

/** A queue of {@link StudioCommand}s in front of a renderer that may not be listening yet. */
export class CommandOutbox {
  private readonly queue: StudioCommand[] = [];
  private deliver: ((command: StudioCommand) => void) | undefined;

  /** Sends `command` now if the renderer listens, else keeps it (an immediate repeat of the last open is dropped). */
  send(command: StudioCommand): void {
    if (this.deliver) return this.deliver(command);
    const last = this.queue.at(-1);
    // macOS can report one file both in argv and as open-file.
    if (last?.command === 'open' && command.command === 'open' && last.path === command.path) return;
    this.queue.push(command);
  }

  /** The renderer listens: deliver what waited, oldest first, and everything after at once. */
  listening(deliver: (command: StudioCommand) => void): void {
    this.deliver = deliver;
    for (const command of this.queue.splice(0)) deliver(command);
  }

  /** The page is (re)loading or gone: keep commands again until it listens. */
  paused(): void {
    this.deliver = undefined;
  }

  /** Number of commands waiting. */
  get waiting(): number {
    return this.queue.length;
  }
}
