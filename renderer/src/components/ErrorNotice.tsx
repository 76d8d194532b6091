/** A coded error as the user sees it: code, where, message, what was expected. */
import type { CodedErrorData } from '../../../mapping-engine/errors';

/** Props of {@link ErrorNotice}. */
export interface ErrorNoticeProps {
  error: CodedErrorData;
}

/** Shows one coded error. */
export function ErrorNotice({ error }: ErrorNoticeProps) {
  const where = [error.file, error.line, error.column].filter((part) => part !== undefined).join(':');
  return (
    <div className="error-notice" role="alert" data-error-code={error.code}>
      <code>{error.code}</code>
      {where && <span> {where}</span>}: {error.message}
      {error.expected && <div className="muted">Expected: {error.expected}</div>}
    </div>
  );
}
