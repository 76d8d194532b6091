/**
 * The transform palette as the rules view shows it: the engine's own
 * palette (mapping-engine/document/edits/transform-palette.ts: labels,
 * categories, descriptions and parameter forms derived from the zod
 * schemas) with the search the palette box runs.
 */
import { paletteEntry, transformPalette, type PaletteEntry } from '../../../mapping-engine/document/edits/transform-palette';

/** One palette entry (the engine's). */
export type TransformKindInfo = PaletteEntry;

/** Every transform kind, in the library's order. */
export const TRANSFORM_KINDS: readonly TransformKindInfo[] = transformPalette();

/** The palette entry of `kind`. */
export function kindInfoOf(kind: string): TransformKindInfo | undefined {
  return paletteEntry(kind);
}

/** Palette entries matching `query` (label, kind, category, description, keywords; every word must match), best first. */
export function searchKinds(query: string): TransformKindInfo[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return [...TRANSFORM_KINDS];
  const first = words[0]!;
  const scored = TRANSFORM_KINDS.flatMap((info) => {
    const hay = `${info.label} ${info.kind} ${info.category} ${info.description} ${info.keywords.join(' ')}`.toLowerCase();
    if (!words.every((w) => hay.includes(w))) return [];
    const label = info.label.toLowerCase();
    const score = label.startsWith(first) || info.kind.toLowerCase().startsWith(first) ? 0 : label.includes(first) || info.keywords.some((k) => k.startsWith(first)) ? 1 : 2;
    return [{ info, score }];
  });
  return scored.sort((a, b) => a.score - b.score).map((s) => s.info);
}
