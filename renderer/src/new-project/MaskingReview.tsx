/**
 * The masking review of a new project: for each sample masked on the way
 * in, what was detected where and why, a MASKED example (originals never
 * reach the renderer) and the first records of the masked copy.
 */
import type { CreateProjectResult } from '../../../electron/contract/methods/project-file-methods';

/** Props of {@link MaskingReview}. */
export interface MaskingReviewProps {
  imports: CreateProjectResult['imports'];
}

/** One table and preview per masked sample. */
export function MaskingReview({ imports }: MaskingReviewProps) {
  if (imports.length === 0) return <p className="muted">No sample payload was picked: only schemas were copied, nothing needed masking.</p>;
  return (
    <>
      {imports.map((imported) => (
        <section key={imported.relativePath} aria-label={`Masking of the ${imported.side} sample`}>
          <p>
            The {imported.side} sample was masked into <code data-testid="new-project-sample-path">{imported.relativePath}</code> ({imported.format}); the original was not copied.
          </p>
          {imported.report.length === 0 ? (
            <p className="muted">No personal data was detected.</p>
          ) : (
            <div className="import-report-scroll">
              <table className="import-report" aria-label={`Masking report of the ${imported.side} sample`}>
                <thead>
                  <tr>
                    <th>Field</th>
                    <th>Category</th>
                    <th>Reason</th>
                    <th>Masked example</th>
                    <th>Values</th>
                  </tr>
                </thead>
                <tbody>
                  {imported.report.map((entry) => (
                    <tr key={`${entry.path}\u0000${entry.category}`} data-masked={entry.masked}>
                      <td>
                        <code>{entry.path}</code>
                      </td>
                      <td>
                        <span className="import-category">{entry.category}</span>
                        {!entry.masked && <span className="muted small"> (kept)</span>}
                      </td>
                      <td>{entry.reason}</td>
                      <td>
                        <code>{entry.maskedExample}</code>
                      </td>
                      <td className="import-count">{entry.count}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          <pre className="import-preview" aria-label={`First records of the masked ${imported.side} sample`}>
            {imported.preview.records.map((record) => record.text + (record.truncated ? ' …' : '')).join('\n')}
          </pre>
        </section>
      ))}
    </>
  );
}
