/**
 * Contract section: the web studio's one grant entry. In a browser there is
 * no native file dialog, so the studio's own Open and Save As dialog
 * (PathDialog) tells the backend which path the user typed before using it;
 * nothing else calls it. Electron refuses it (`ACCESS_DENIED`): there, grants
 * come from the native dialogs in the main process, never from the page.
 * See docs/security.md.
 */
import { z } from 'zod';
import { AbsolutePathSchema } from './project-methods';

/** What the user chose the path for; it decides what the grant allows. */
export const GrantPurposeSchema = z.enum(['open', 'saveAs']);

/** Arguments of `grantChosenPath`. */
export const GrantChosenPathArgsSchema = z.strictObject({
  /** The absolute path typed in (or picked from the recent list of) the studio's dialog. */
  path: AbsolutePathSchema,
  /**
   * `open`: an existing `*.mapwright.json` project (the file, and its folder
   * for reading, unless this session only saved it there);
   * `saveAs`: a `*.mapwright.json` place to save (that file only).
   */
  purpose: GrantPurposeSchema,
});

/** Result of `startProject()`. */
export const StartProjectSchema = z.object({
  /** The project the host was started with (`npm run web -- <project file>`), granted and to be opened first. */
  path: AbsolutePathSchema.optional(),
});

/** The access methods. */
export const accessMethods = {
  /** Always the same answer for an accepted call, whether the file exists or not. */
  grantChosenPath: { args: z.tuple([GrantChosenPathArgsSchema]), result: z.object({ granted: z.literal(true) }) },
  /** The project to open at start instead of the default sample, if the host was given one. */
  startProject: { args: z.tuple([]), result: StartProjectSchema },
} as const;

/** Arguments of `grantChosenPath`. */
export type GrantChosenPathArgs = z.infer<typeof GrantChosenPathArgsSchema>;
