import { describe, expect, it } from 'vitest';
import type { StudioCommand } from '../contract/studio-commands';
import { CommandOutbox } from './command-outbox';

describe('CommandOutbox', () => {
  it('keeps commands until the renderer listens, then delivers them in order and later ones at once', () => {
    const outbox = new CommandOutbox();
    const delivered: StudioCommand[] = [];
    outbox.send({ command: 'open', path: '/a.json' });
    outbox.send({ command: 'open', path: '/a.json' });
    outbox.send({ command: 'find' });
    expect(outbox.waiting).toBe(2);
    outbox.listening((command) => delivered.push(command));
    outbox.send({ command: 'save' });
    expect(delivered).toEqual([{ command: 'open', path: '/a.json' }, { command: 'find' }, { command: 'save' }]);
    expect(outbox.waiting).toBe(0);
  });

  it('queues again while the page reloads', () => {
    const outbox = new CommandOutbox();
    const first: StudioCommand[] = [];
    const second: StudioCommand[] = [];
    outbox.listening((command) => first.push(command));
    outbox.paused();
    outbox.send({ command: 'new' });
    expect(first).toEqual([]);
    outbox.listening((command) => second.push(command));
    expect(second).toEqual([{ command: 'new' }]);
  });
});
