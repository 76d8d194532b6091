/** A coded error as the user sees it: code, where, message, what was expected. */
import type { CodedErrorData } from '../../../mapping-engine/errors';
import { errorWhere } from './error-where';

/** Props of {@link ErrorNotice}. */
export interface ErrorNoticeProps {
  error: CodedErrorData;
}

/** Shows one coded error. */
export function ErrorNotice({ error }: ErrorNoticeProps) {
  const where = errorWhere(error);
  return (
    <div className="error-notice" role="alert" data-error-code={error.code}>
      <code>{error.code}</code>
      {where && <span> {where}</span>}: {error.message}
      {error.expected && <div className="muted">Expected: {error.expected}</div>}
    </div>
  );
}
