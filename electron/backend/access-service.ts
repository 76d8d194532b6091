/**
 * `grantChosenPath`: the web studio's one grant entry (see
 * contract/methods/access-methods.ts and docs/security.md). The backend
 * serves it only when its host says paths typed in the studio's own dialogs
 * are the user's choice (`pathGrants: 'typed'`, the web host); Electron's
 * backend refuses it, because there the native dialogs in the main process
 * make every grant and the page is never trusted to.
 */
import { MapwrightError } from '../../mapping-engine/errors';
import type { accessMethods, StudioApiPart } from '../contract/studio-api';
import { PROJECT_FILE_NAME } from './engine/file-access';
import { settle } from './settle';
import type { BackendServiceOptions } from './studio-backend';

/** Creates the access methods for one backend. */
export function createAccessService(options: BackendServiceOptions): StudioApiPart<keyof typeof accessMethods> {
  const access = options.fileAccess;
  return {
    grantChosenPath: ({ path, purpose }) =>
      settle(async () => {
        if (options.pathGrants !== 'typed') {
          throw new MapwrightError('ACCESS_DENIED', 'files are chosen in the system file dialog here', {
            expected: 'Open, Save As or Import sample through the native dialog',
          });
        }
        if (!PROJECT_FILE_NAME.test(path)) {
          throw new MapwrightError('USAGE', `a project file name ends in .mapwright.json: ${path}`, { file: path, expected: 'a *.mapwright.json path' });
        }
        if (purpose === 'saveAs') await access.grantFile(path, { write: true, saveTarget: true });
        // grantProject grants a folder only for a project that is there (typing /etc/x.mapwright.json grants nothing),
        // and not for one this session saved: the page is untrusted, so a typed Open never upgrades a planted project.
        else await access.grantProject(path);
        return { granted: true as const };
      }),

    startProject: () => settle(async () => (options.startProject !== undefined ? { path: options.startProject } : {})),
  };
}
