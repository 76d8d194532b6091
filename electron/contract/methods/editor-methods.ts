/**
 * Contract section: editing the mapping through its JSONata text (reverse-compiling an edited expression into the document). Joined into `studioContract`.
 */
export const editorMethods = {} as const;
