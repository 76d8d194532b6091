/**
 * A text box with a list of completions (ARIA combobox, list autocomplete):
 * arrows move through the list, Enter picks the active option (or the typed
 * text when `allowFree`), Escape closes the list, then lets the key through.
 */
import { useId, useLayoutEffect, useRef, useState, type CSSProperties, type KeyboardEvent, type ReactNode } from 'react';

/** One completion. */
export interface ComboOption {
  value: string;
  /** Shown after the value (a type, a summary). */
  detail?: string;
}

/** Props of {@link Combobox}. */
export interface ComboboxProps {
  label: string;
  placeholder?: string;
  /** Completions for what is typed. */
  options: (typed: string) => readonly ComboOption[];
  onPick: (value: string) => void;
  /** The typed text is a valid pick even when no option matches. */
  allowFree?: boolean;
  autoFocus?: boolean;
  disabled?: boolean;
  /** Called for Escape when the list is already closed. */
  onEscape?: () => void;
  /** Rendered after the input (a hint). */
  children?: ReactNode;
}

/** The list's tallest height (px); a smaller window gets a shorter list. */
const LIST_MAX = 224;
/** Space kept between the list and the window's edge (px). */
const EDGE = 8;

/**
 * Where the list goes for an input at `box` in a window `innerHeight` high:
 * below it when the list fits there or there is more room below than above,
 * else above it; as tall as the room allows, up to {@link LIST_MAX}.
 */
export function listPlacement(box: { top: number; bottom: number; left: number; width: number }, innerHeight: number): CSSProperties {
  const below = innerHeight - box.bottom - EDGE;
  const above = box.top - EDGE;
  const common: CSSProperties = { position: 'fixed', left: box.left, width: box.width, right: 'auto' };
  if (below >= Math.min(LIST_MAX, 120) || below >= above) return { ...common, top: box.bottom + 2, bottom: 'auto', maxHeight: Math.max(0, Math.min(LIST_MAX, below)) };
  return { ...common, top: 'auto', bottom: innerHeight - box.top + 2, maxHeight: Math.min(LIST_MAX, above) };
}

/** The combobox. */
export function Combobox({ label, placeholder, options, onPick, allowFree, autoFocus, disabled, onEscape, children }: ComboboxProps) {
  const id = useId();
  const [typed, setTyped] = useState('');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const shown = open ? options(typed) : [];
  const activeOption = shown[Math.min(active, shown.length - 1)];
  const input = useRef<HTMLInputElement>(null);
  const [placement, setPlacement] = useState<CSSProperties>();
  const listShown = open && shown.length > 0;

  // Placed from the input's box while the list shows, again when anything scrolls or the window resizes.
  useLayoutEffect(() => {
    if (!listShown) return;
    const place = () => {
      const el = input.current;
      if (el) setPlacement(listPlacement(el.getBoundingClientRect(), window.innerHeight));
    };
    place();
    window.addEventListener('scroll', place, true);
    window.addEventListener('resize', place);
    return () => {
      window.removeEventListener('scroll', place, true);
      window.removeEventListener('resize', place);
    };
  }, [listShown]);

  const pick = (value: string) => {
    onPick(value);
    setTyped('');
    setOpen(false);
    setActive(0);
  };

  const onKey = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      if (!open) return setOpen(true);
      const count = options(typed).length;
      if (count) setActive((a) => (event.key === 'ArrowDown' ? (a + 1) % count : (a - 1 + count) % count));
    } else if (event.key === 'Enter') {
      event.preventDefault();
      event.stopPropagation();
      if (activeOption) pick(activeOption.value);
      else if (allowFree && typed.trim()) pick(typed.trim());
    } else if (event.key === 'Escape') {
      if (open && shown.length) {
        event.preventDefault();
        event.stopPropagation();
        setOpen(false);
      } else if (onEscape) {
        event.preventDefault();
        event.stopPropagation();
        onEscape();
      }
    }
  };

  return (
    <div className="combo">
      <input
        ref={input}
        className="text-input combo-input"
        role="combobox"
        aria-label={label}
        aria-autocomplete="list"
        aria-expanded={listShown}
        aria-controls={`${id}-list`}
        aria-activedescendant={activeOption ? `${id}-opt-${shown.indexOf(activeOption)}` : undefined}
        placeholder={placeholder}
        value={typed}
        disabled={disabled}
        // Focus moves here deliberately when an editor opens (keyboard-first).
        autoFocus={autoFocus}
        onChange={(e) => {
          setTyped(e.target.value);
          setOpen(true);
          setActive(0);
        }}
        onFocus={() => setOpen(true)}
        onBlur={() => setOpen(false)}
        onKeyDown={onKey}
      />
      {children}
      {listShown && (
        <ul className="combo-list" role="listbox" id={`${id}-list`} aria-label={`${label} suggestions`} style={placement}>
          {shown.map((option, i) => (
            <li
              key={option.value}
              id={`${id}-opt-${i}`}
              role="option"
              aria-selected={option === activeOption}
              className="combo-option"
              // mousedown, not click: the input's blur would close the list first.
              onMouseDown={(e) => {
                e.preventDefault();
                pick(option.value);
              }}
            >
              <span className="combo-value">{option.value}</span>
              {option.detail && <span className="combo-detail">{option.detail}</span>}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
