/**
 * Where the selected output value came from: its target field and rule,
 * the transform chain, the array contexts (which source element), and the
 * source values it read (from the masked input the preview mapped). "Show
 * rule" selects the rule in the rules view.
 */
import type { Lineage } from '../../../mapping-engine/compiler/lineage';

/** Props of {@link LineageView}. */
export interface LineageViewProps {
  lineage: Lineage;
  onShowRule: (targetPath: string) => void;
  onClose: () => void;
}

function shown(value: unknown): string {
  const text = JSON.stringify(value);
  return text === undefined ? '(no value)' : text.length > 120 ? `${text.slice(0, 119)}…` : text;
}

/** Shows one lineage. */
export function LineageView({ lineage, onShowRule, onClose }: LineageViewProps) {
  const { rule } = lineage;
  return (
    <section className="lineage" aria-label="Where this value comes from" data-testid="lineage">
      <div className="lineage-head">
        <strong>{lineage.outputPath || '(root)'}</strong>
        <button type="button" className="button button-small" onClick={() => onShowRule(lineage.targetPath)} disabled={!rule}>
          Show rule
        </button>
        <button type="button" className="button button-small button-secondary" onClick={onClose} aria-label="Close lineage">
          ×
        </button>
      </div>
      {!rule ? (
        <p className="muted">No rule maps {lineage.targetPath}; its value comes from a custom expression or an enclosing array.</p>
      ) : (
        <dl className="lineage-list">
          <dt>Rule</dt>
          <dd>
            <code>{rule.target}</code>
            <span className="muted"> · required: {rule.required}</span>
          </dd>
          {lineage.contexts.map((c) => (
            <div key={c.target} className="lineage-row">
              <dt>Array</dt>
              <dd data-testid="lineage-context">
                element {c.outputIndex + 1} of <code>{c.target}</code> ← {c.sourceIndex === undefined ? 'an element' : `element ${c.sourceIndex + 1}`} of <code>{c.sourceArrayPath || (c.source === "." ? "the input" : c.source)}</code>
                {c.sourceIndex === undefined && <span className="muted"> (filtered or grouped: not told without evaluating)</span>}
              </dd>
            </div>
          ))}
          <dt>Reads</dt>
          <dd>
            <ul className="lineage-sources">
              {lineage.sources.map((s) => (
                <li key={s.source} data-testid="lineage-source">
                  <code>{s.inputPath ?? s.source}</code> = <span className="lineage-value">{s.inputPath ? shown(s.value) : '—'}</span>
                </li>
              ))}
              {lineage.sources.length === 0 && <li className="muted">no source field (a constant or computed value)</li>}
            </ul>
          </dd>
          <dt>Transforms</dt>
          <dd data-testid="lineage-transforms">{rule.transforms.length ? rule.transforms.map((t) => t.kind).join(' → ') : 'none (copied as it is)'}</dd>
          {rule.default !== undefined && (
            <>
              <dt>Default</dt>
              <dd>{shown(rule.default)}</dd>
            </>
          )}
        </dl>
      )}
    </section>
  );
}
