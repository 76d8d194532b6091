/**
 * Contract section: exporting a project as a mapping spec (xlsx, csv, md, html), a .jsonata file or the document itself. Joined into `studioContract`.
 */
export const exportMethods = {} as const;
