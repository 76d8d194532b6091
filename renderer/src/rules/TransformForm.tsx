/**
 * The parameter form of one transform, validated on every keystroke by the
 * engine's own check (the same one the edit applies), each message beside
 * its parameter. Enter in a field submits; Escape cancels.
 */
import { useContext, useEffect, useId, useMemo, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import type { TransformInput } from '../../../mapping-engine/document/edits/edit-types';
import { validateTransformParams } from '../../../mapping-engine/document/edits/transform-check';
import type { ParamField } from '../../../mapping-engine/document/edits/transform-palette';
import type { TransformKindInfo } from './transform-catalog';
import { formFromNode, nodeFromForm, showScalar, type FormValues } from './transform-form';
import { ValueMapDataContext } from '../document/field-values';
import { ValueMapChoices } from './ValueMapChoices';

/** Props of {@link TransformForm}. */
export interface TransformFormProps {
  info: TransformKindInfo;
  /** The node being edited; a new one when absent. */
  node?: Record<string, unknown>;
  /** The document's lookup table names (the lookup transform picks one). */
  lookups: readonly string[];
  /** The columns of each table of rows (a lookup in one picks a column; other tables have none). */
  tableColumns?: Readonly<Record<string, readonly string[]>>;
  submitLabel: string;
  onSubmit: (node: TransformInput) => void;
  onCancel: () => void;
}

function placeholderOf(param: ParamField): string | undefined {
  if (param.default !== undefined) return `default: ${Array.isArray(param.default) ? param.default.join(', ') : showScalar(param.default) || '(empty)'}`;
  return param.required ? undefined : 'optional';
}

/** The form. */
export function TransformForm({ info, node, lookups, tableColumns, submitLabel, onSubmit, onCancel }: TransformFormProps) {
  const id = useId();
  const [values, setValues] = useState<FormValues>(() => formFromNode(info, node));
  const [touched, setTouched] = useState<Record<string, boolean>>({});
  const [submitted, setSubmitted] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);
  // Where the cursor was in a value map's lines: a target value picked below fills that line.
  const [caret, setCaret] = useState(0);
  const valueData = useContext(ValueMapDataContext);
  // Keyboard first: the form opens with its first parameter focused.
  useEffect(() => {
    formRef.current?.querySelector<HTMLElement>('input, select, textarea')?.focus();
  }, []);
  const result = useMemo(() => nodeFromForm(info, values, validateTransformParams), [info, values]);
  const problemOf = (name: string) => (submitted || touched[name] ? result.problems[name] : undefined);
  const set = (key: string, value: string | boolean) => {
    setValues((v) => ({ ...v, [key]: value }));
    setTouched((t) => ({ ...t, [key.split('.')[0]!]: true }));
  };

  const submit = (event?: FormEvent) => {
    event?.preventDefault();
    setSubmitted(true);
    if (Object.keys(result.problems).length === 0) onSubmit(result.node);
  };
  const onKey = (event: KeyboardEvent) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      onCancel();
    }
  };

  const field = (param: ParamField) => {
    const inputId = `${id}-${param.name}`;
    const problem = problemOf(param.name);
    const described = problem ? `${inputId}-problem` : undefined;
    const helpId = param.help ? `${inputId}-help` : undefined;
    const describedBy = [described, helpId].filter(Boolean).join(' ') || undefined;
    const common = { id: inputId, 'aria-invalid': problem ? true : undefined, 'aria-describedby': describedBy } as const;
    const text = String(values[param.name] ?? '');
    const optional = !param.required;
    let control;
    if (param.type === 'boolean') {
      control = <input type="checkbox" {...common} checked={values[param.name] === true} onChange={(e) => set(param.name, e.target.checked)} />;
    } else if (param.type === 'enum' || param.type === 'lookupTable' || param.type === 'lookupColumn') {
      // A column is one of the chosen table's: none for a table of codes.
      const choices = param.type === 'enum' ? (param.options ?? []) : param.type === 'lookupTable' ? lookups : (tableColumns?.[String(values.table ?? '')] ?? []);
      control = (
        <select className="text-input" {...common} value={text} onChange={(e) => set(param.name, e.target.value)}>
          {(optional || text === '') && <option value="">{param.default !== undefined ? `(default: ${showScalar(param.default) || 'empty'})` : optional ? '(none)' : '(choose)'}</option>}
          {choices.map((c) => (
            <option key={c} value={c}>
              {c === '' ? '(none)' : c === ' ' ? '(space)' : c}
            </option>
          ))}
        </select>
      );
    } else if (param.type === 'entries') {
      const keepCaret = (e: { currentTarget: HTMLTextAreaElement }) => setCaret(e.currentTarget.selectionStart);
      control = (
        <>
          <textarea className="text-input" rows={4} {...common} value={text} placeholder="key = value, one per line" onChange={(e) => set(param.name, e.target.value)} onSelect={keepCaret} />
          {info.kind === 'valueMap' && <ValueMapChoices text={text} caret={caret} onText={(next) => set(param.name, next)} />}
        </>
      );
    } else if (param.type === 'predicate') {
      const key = (part: string) => `${param.name}.${part}`;
      control = (
        <span className="transform-predicate">
          <input className="text-input" aria-label={`${param.label} field`} placeholder="field (optional)" value={String(values[key('field')] ?? '')} onChange={(e) => set(key('field'), e.target.value)} />
          <select className="text-input" aria-label={`${param.label} operator`} value={String(values[key('op')] ?? '=')} onChange={(e) => set(key('op'), e.target.value)}>
            {(param.options ?? ['=']).map((op) => (
              <option key={op} value={op}>
                {op}
              </option>
            ))}
          </select>
          <input className="text-input" aria-label={`${param.label} value`} placeholder="value" value={String(values[key('value')] ?? '')} onChange={(e) => set(key('value'), e.target.value)} />
        </span>
      );
    } else {
      // A value map's default is best one of the values the target allows.
      const suggestions = param.suggestions ?? (info.kind === 'valueMap' && param.name === 'default' && valueData.targetValues.length > 0 ? valueData.targetValues.map(showScalar) : undefined);
      const listId = suggestions ? `${inputId}-suggestions` : undefined;
      control = (
        <>
          <input
            className="text-input"
            {...common}
            value={text}
            list={listId}
            placeholder={placeholderOf(param)}
            inputMode={param.type === 'number' || param.type === 'integer' ? 'decimal' : undefined}
            onChange={(e) => set(param.name, e.target.value)}
          />
          {listId && (
            <datalist id={listId}>
              {suggestions!.map((s) => (
                <option key={s} value={s} />
              ))}
            </datalist>
          )}
        </>
      );
    }
    return (
      <div key={param.name} className="transform-param">
        {param.type === 'predicate' ? (
          <span className="field-label">{param.label}</span>
        ) : (
          <span className="field-label">
            <label htmlFor={inputId}>{param.label}</label>
            {param.required && (
              <span aria-hidden="true" title="required">
                {' '}
                *
              </span>
            )}
          </span>
        )}
        {control}
        {param.help && (
          <span className="muted small transform-help" id={helpId}>
            {param.help}
          </span>
        )}
        {problem && (
          <span className="field-problem" id={described} role="alert">
            {problem}
          </span>
        )}
      </div>
    );
  };

  return (
    <form ref={formRef} className="transform-form" aria-label={`${info.label} parameters`} onSubmit={submit} onKeyDown={onKey}>
      <p className="transform-form-title">
        <strong>{info.label}</strong> <span className="muted">{info.description}</span>
      </p>
      {info.params.length === 0 && <p className="muted small">No parameters.</p>}
      {info.params.map(field)}
      {submitted && result.problems[''] && (
        <span className="field-problem" role="alert">
          {result.problems['']}
        </span>
      )}
      <div className="transform-form-actions">
        <button type="submit" className="button button-primary button-small">
          {submitLabel}
        </button>
        <button type="button" className="button button-secondary button-small" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
