/**
 * Preview limit for XML: the records of a document are the longest list of
 * repeated elements under the root (looking through single wrapper
 * elements such as `<ISO_4217><CcyTbl><CcyNtry>...`). Only that list is cut.
 */
import type { JsonValue, Truncation } from './types';
import { isJsonObject, setMember } from './xml-members';

/** Wrapper elements looked through before giving up. */
const MAX_WRAPPER_DEPTH = 4;

/**
 * Cuts the record list of `value` (`{ Root: ... }`, changed in place) to
 * `limit` items. Returns the truncation, or undefined when nothing was cut.
 */
export function applyXmlPreviewLimit(value: JsonValue, limit: number): Truncation | undefined {
  if (!isJsonObject(value)) return undefined;
  let container: JsonValue | undefined = Object.values(value)[0];
  const shown = Math.max(0, Math.floor(limit));
  for (let depth = 0; depth <= MAX_WRAPPER_DEPTH && isJsonObject(container); depth++) {
    let longest: string | undefined;
    let longestLength = 0;
    const elements: string[] = [];
    for (const [key, member] of Object.entries(container)) {
      if (!key.startsWith('@') && key !== '#text') elements.push(key);
      if (Array.isArray(member) && member.length > longestLength) {
        longest = key;
        longestLength = member.length;
      }
    }
    if (longest !== undefined) {
      const list = container[longest];
      if (!Array.isArray(list) || list.length <= shown) return undefined;
      setMember(container, longest, list.slice(0, shown));
      return { shown, approxTotal: list.length, exact: true };
    }
    if (elements.length !== 1) return undefined;
    container = container[elements[0] ?? ''];
  }
  return undefined;
}
