/**
 * Contract section: project files (new, open, save, save-as, recent files,
 * backups and restore, changes on disk). Joined into `studioContract`.
 */
export const projectMethods = {} as const;
