/**
 * The Problems panel: one entry per problem of the document, each a button
 * that selects its rule in the rules view and puts the JSONata editor's
 * cursor on the rule's line. Errors first, then warnings.
 */
import type { ShownProblem } from './use-problems';

/** Props of {@link ProblemsPanel}. */
export interface ProblemsPanelProps {
  problems: readonly ShownProblem[];
  onShowRule: (target: string) => void;
  /** Shows a line of the generated JSONata (the rule's line). */
  onShowLine?: (line: number) => void;
}

const KIND_LABEL: Record<ShownProblem['kind'], string> = {
  compile: 'compile',
  runtime: 'runtime',
  violation: 'target schema',
  unmapped: 'unmapped',
  source: 'source path',
};

/** Lists the problems. */
export function ProblemsPanel({ problems, onShowRule, onShowLine }: ProblemsPanelProps) {
  const show = (p: ShownProblem) => {
    if (p.target !== undefined) onShowRule(p.target);
    if (p.jsonataLine !== undefined) onShowLine?.(p.jsonataLine);
  };
  if (problems.length === 0) return <p className="muted" data-testid="no-problems">No problems found in the mapping.</p>;
  const sorted = [...problems].sort((a, b) => (a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1));
  return (
    <ul className="problem-list" aria-label="Problems" data-testid="problems">
      {sorted.map((p, i) => {
        const where = [p.target, p.jsonataLine !== undefined ? `JSONata line ${p.jsonataLine}` : p.line !== undefined ? `line ${p.line}` : undefined].filter(Boolean).join(' · ');
        const body = (
          <>
            <span className={`problem-mark problem-${p.severity}`} aria-hidden="true">
              {p.severity === 'error' ? '✗' : '!'}
            </span>
            <span className="problem-text">
              <span className="problem-kind">{KIND_LABEL[p.kind]}</span> <code>{p.code}</code> {p.message}
              {where && <span className="problem-where">{where}</span>}
            </span>
          </>
        );
        return (
          <li key={i} className="problem" data-kind={p.kind} data-code={p.code} data-target={p.target}>
            {p.target !== undefined ? (
              <button type="button" className="problem-button" onClick={() => show(p)} aria-label={`${p.message}: show the rule for ${p.target}`} data-jsonata-line={p.jsonataLine}>
                {body}
              </button>
            ) : (
              <div className="problem-button">{body}</div>
            )}
          </li>
        );
      })}
    </ul>
  );
}
