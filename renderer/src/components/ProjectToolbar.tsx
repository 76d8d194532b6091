/**
 * The project bar: the open project's name with its unsaved-changes dot,
 * the file commands (New, Open, Save, Save As, Recent) and the read-only
 * badge. Shortcut hints follow the platform's convention in the tooltips.
 */
import { useEffect, useRef, useState, type KeyboardEvent as ReactKeyboardEvent, type ReactNode } from 'react';
import type { RecentFileEntry } from '../../../electron/contract/methods/project-methods';

/** Props of {@link ProjectToolbar}. */
export interface ProjectToolbarProps {
  /** The project's name; undefined while none is open. */
  name: string | undefined;
  /** Where it lives, shown as a tooltip; undefined while untitled. */
  path: string | undefined;
  dirty: boolean;
  readOnly: boolean;
  /** A bundled sample: Save asks for a new place (the sample itself is never overwritten). */
  template: boolean;
  /** True while a file command is in progress (buttons wait for it). */
  busy: boolean;
  recent: RecentFileEntry[] | undefined;
  onNew: () => void;
  onOpen: () => void;
  onSave: () => void;
  onSaveAs: () => void;
  onOpenRecent: (path: string) => void;
  /** Asked when the Recent menu opens, so it lists files opened in other windows too. */
  onRecentShown: () => void;
  /** More project actions (Export), rendered after Save As. */
  extra?: ReactNode;
}

const MOD = typeof navigator !== 'undefined' && /Mac/i.test(navigator.platform) ? '⌘' : 'Ctrl+';

/** The file commands of the open project. */
export function ProjectToolbar(props: ProjectToolbarProps) {
  const { name, path, dirty, readOnly, template, busy, recent } = props;
  const [menuOpen, setMenuOpen] = useState(false);
  const menu = useRef<HTMLDivElement>(null);

  // A menu opened from the keyboard is used from the keyboard: focus its first item, arrows move.
  useEffect(() => {
    if (menuOpen) menu.current?.querySelector<HTMLElement>('[role="menuitem"]')?.focus();
  }, [menuOpen]);

  useEffect(() => {
    if (!menuOpen) return;
    const close = (event: Event): void => {
      if (event instanceof KeyboardEvent ? event.key === 'Escape' : !menu.current?.contains(event.target as Node)) setMenuOpen(false);
    };
    window.addEventListener('mousedown', close);
    window.addEventListener('keydown', close);
    return () => {
      window.removeEventListener('mousedown', close);
      window.removeEventListener('keydown', close);
    };
  }, [menuOpen]);

  function moveFocus(event: ReactKeyboardEvent<HTMLDivElement>): void {
    if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
    event.preventDefault();
    const items = Array.from(event.currentTarget.querySelectorAll<HTMLElement>('[role="menuitem"]'));
    const at = items.indexOf(document.activeElement as HTMLElement);
    const next = event.key === 'ArrowDown' ? (at + 1) % items.length : (at - 1 + items.length) % items.length;
    items[next]?.focus();
  }

  return (
    <div className="project-bar" role="toolbar" aria-label="Project">
      <div className="project-name" title={path ?? 'Not saved yet'} data-testid="project-name" data-dirty={dirty}>
        {dirty && <span className="dirty-dot" aria-label="unsaved changes" />}
        <span className="project-name-text">{name ?? 'No project'}</span>
        {readOnly && <span className="badge badge-readonly">Read-only</span>}
        {template && !readOnly && (
          <span className="badge badge-sample" title="A bundled sample: Save makes your own copy">
            Sample
          </span>
        )}
      </div>
      <div className="project-actions">
        <button type="button" className="tool-button" onClick={props.onNew} disabled={busy} aria-haspopup="dialog" title="New project from a source and a target">
          New…
        </button>
        <button type="button" className="tool-button" onClick={props.onOpen} disabled={busy} title={`Open a project (${MOD}O)`}>
          Open…
        </button>
        <div className="menu-anchor" ref={menu}>
          <button
            type="button"
            className="tool-button"
            aria-haspopup="menu"
            aria-expanded={menuOpen}
            disabled={busy}
            onClick={() => {
              if (!menuOpen) props.onRecentShown();
              setMenuOpen(!menuOpen);
            }}
          >
            Recent ▾
          </button>
          {menuOpen && (
            <div className="menu" role="menu" aria-label="Recent projects" onKeyDown={moveFocus}>
              {!recent?.length && <div className="menu-empty">No recent projects</div>}
              {recent?.map((file) => (
                <button
                  key={file.path}
                  type="button"
                  role="menuitem"
                  className="menu-item"
                  title={file.path}
                  onClick={() => {
                    setMenuOpen(false);
                    props.onOpenRecent(file.path);
                  }}
                >
                  <span className="menu-item-name">{file.name}</span>
                  <span className="menu-item-path">{file.path}</span>
                </button>
              ))}
            </div>
          )}
        </div>
        <span className="tool-separator" />
        <button type="button" className="tool-button" onClick={props.onSave} disabled={busy || name === undefined || readOnly} title={`Save (${MOD}S)`}>
          Save
        </button>
        <button type="button" className="tool-button" onClick={props.onSaveAs} disabled={busy || name === undefined || readOnly} title={`Save As (${MOD}Shift+S)`}>
          Save As…
        </button>
        {props.extra}
      </div>
    </div>
  );
}
