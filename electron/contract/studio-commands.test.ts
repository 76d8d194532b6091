import { describe, expect, it } from 'vitest';
import { isStudioCommand } from './studio-commands';

describe('isStudioCommand', () => {
  it('accepts every command in its own shape', () => {
    for (const command of [{ command: 'new' }, { command: 'save' }, { command: 'find' }, { command: 'undo' }, { command: 'redo' }, { command: 'open', path: '/p/a.mapwright.json' }, { command: 'saveAs', path: 'C:\\p\\b.mapwright.json' }, { command: 'importSample', path: '/data/people.csv' }, { command: 'pickFile', path: '/data/order.xsd' }, { command: 'newProjectPlace', path: '/p/n.mapwright.json' }, { command: 'pickSheet', path: '/clients/mapping.xlsx' }]) {
      expect(isStudioCommand(command), JSON.stringify(command)).toBe(true);
    }
  });

  it('rejects unknown commands, and open or saveAs without a usable path', () => {
    for (const bad of [null, 'new', {}, { command: 'delete' }, { command: 'open' }, { command: 'open', path: '' }, { command: 'saveAs', path: 'a\0b' }, { command: 'open', path: 7 }, { command: 'importSample' }, { command: 'importSample', path: '' }, { command: 'pickFile' }, { command: 'newProjectPlace', path: '' }, { command: 'pickSheet' }, { command: 'pickSheet', path: '' }]) {
      expect(isStudioCommand(bad), JSON.stringify(bad)).toBe(false);
    }
  });
});
