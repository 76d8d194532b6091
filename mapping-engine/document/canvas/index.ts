/** Pure helpers of the canvas: its links read from the document, drop checks, personal-data markers. */
export { documentLinks, linkId, type CanvasLink } from './canvas-links';
export { contextBases, resolveSource, namesOfPath, startsWithNames } from './canvas-scope';
export { proposeLink, type CanvasField, type LinkProposal, type LinkRefusal } from './link-check';
export { maskedCategory, reportPath } from './personal-data';
export { linkThroughContext, type ContextOffer } from './link-through-context';
