/**
 * What the notices say for each project state, rendered to static HTML
 * (no DOM needed): the crash backup offer, read-only and migrated projects,
 * and nothing at all for a plain saved project.
 */
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { ProjectState } from '../../../electron/contract/methods/project-methods';
import { ProjectNotices, type ProjectNoticesProps } from './ProjectNotices';

const project = (extra: Partial<ProjectState> = {}): ProjectState => ({
  sessionId: 's1',
  path: '/maps/orders.mapwright.json',
  name: 'orders.mapwright.json',
  text: '{}',
  readOnly: false,
  dirty: false,
  ...extra,
});

const render = (props: Partial<ProjectNoticesProps>): string =>
  renderToStaticMarkup(
    createElement(ProjectNotices, { project: undefined, backups: [], error: undefined, onRestore: () => {}, onDiscardBackup: () => {}, onDismissError: () => {}, ...props }),
  );

/** The visible text of some HTML. */
const textOf = (html: string): string => html.replace(/<[^>]+>/g, '').replace(/&#x27;/g, "'");

describe('ProjectNotices', () => {
  it('shows nothing for a saved, current project', () => {
    expect(textOf(render({ project: project() }))).toBe('');
  });

  it('offers the newest backup with its file name, and counts the others', () => {
    const html = render({
      backups: [
        { id: 'b1', projectPath: '/maps/crm.mapwright.json', name: 'CRM', updatedAt: '2026-11-20T09:05:00.000Z', size: 10 },
        { id: 'b2', name: 'Draft', updatedAt: '2026-11-19T09:05:00.000Z', size: 10 },
      ],
    });
    expect(textOf(html)).toMatch(/^⟲Unsaved work from .+ for crm\.mapwright\.json \(and 1 more\)RestoreDiscard$/);
  });

  it('says why a project is read-only, and that a migration is not saved yet', () => {
    const readOnly = render({ project: project({ readOnly: true, notice: { code: 'DOC_NEWER_VERSION', message: 'format version 9 is newer than this Mapwright (1)' } }) });
    expect(textOf(readOnly)).toBe('Read-only. Format version 9 is newer than this Mapwright (1). You can view and run it; saving needs the newer version.');
    const migrated = render({ project: project({ migratedFrom: 0, dirty: true }) });
    expect(textOf(migrated)).toBe('Upgraded from format version 0. The file on disk is unchanged until you save.');
  });

  it('shows the last error with its code', () => {
    const html = render({ error: { code: 'FILE_READ', message: 'cannot read /maps/x.mapwright.json: file not found' } });
    expect(html).toContain('data-error-code="FILE_READ"');
    expect(textOf(html)).toContain('cannot read /maps/x.mapwright.json: file not found');
  });
});
