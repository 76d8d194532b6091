/** The generated JSONata, read-only, with line numbers (plain text, never HTML). */
import type { CodedErrorData } from '../../../mapping-engine/errors';
import type { CompileResult } from '../../../electron/contract/methods/engine-methods';
import { ErrorNotice } from './ErrorNotice';

/** Props of {@link JsonataPanel}. */
export interface JsonataPanelProps {
  compiled: CompileResult | undefined;
  error: CodedErrorData | undefined;
}

/** Shows the one expression the mapping compiles to. */
export function JsonataPanel({ compiled, error }: JsonataPanelProps) {
  if (error) return <ErrorNotice error={error} />;
  if (!compiled) return <p className="muted">Compiling…</p>;
  const lines = compiled.expression.split('\n');
  return (
    <pre className="code-view" data-testid="jsonata" aria-label="Generated JSONata">
      {lines.map((line, i) => (
        <span className="code-line" key={i}>
          {line}
          {'\n'}
        </span>
      ))}
    </pre>
  );
}
