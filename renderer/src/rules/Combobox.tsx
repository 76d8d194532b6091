/**
 * A text box with a list of completions (ARIA combobox, list autocomplete):
 * arrows move through the list, Enter picks the active option (or the typed
 * text when `allowFree`), Escape closes the list, then lets the key through.
 */
import { useId, useState, type KeyboardEvent, type ReactNode } from 'react';

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

/** The combobox. */
export function Combobox({ label, placeholder, options, onPick, allowFree, autoFocus, disabled, onEscape, children }: ComboboxProps) {
  const id = useId();
  const [typed, setTyped] = useState('');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const shown = open ? options(typed) : [];
  const activeOption = shown[Math.min(active, shown.length - 1)];

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
        className="text-input combo-input"
        role="combobox"
        aria-label={label}
        aria-autocomplete="list"
        aria-expanded={open && shown.length > 0}
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
      {open && shown.length > 0 && (
        <ul className="combo-list" role="listbox" id={`${id}-list`} aria-label={`${label} suggestions`}>
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
