/** The window's top bar: the product name, what it holds (the project bar), and the version. */
import type { ReactNode } from 'react';
import type { AppInfo } from '../../../electron/contract/studio-api';

/** Props of {@link StudioHeader}. */
export interface StudioHeaderProps {
  appInfo: AppInfo | undefined;
  children?: ReactNode;
}

/** The top bar. */
export function StudioHeader({ appInfo, children }: StudioHeaderProps) {
  return (
    <header className="studio-header">
      <h1>Mapwright</h1>
      <div className="studio-header-main">{children}</div>
      {appInfo && (
        <span className="app-info">
          v{appInfo.version} · engine {appInfo.engineVersion} · {appInfo.platform}
        </span>
      )}
    </header>
  );
}
