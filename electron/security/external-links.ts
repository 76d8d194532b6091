/**
 * Which links may leave the app. The studio never opens windows of its own;
 * a link the user clicks (an `<a target="_blank">` to documentation, say)
 * goes to the system browser, and only over https: no `file:`, `javascript:`,
 * custom schemes or plain http, which an attacker-controlled string in a
 * payload could otherwise turn into a local program launch.
 */

/**
 * The URL to hand to `shell.openExternal`, or `undefined` when the link must
 * simply be refused.
 */
export function externalLinkTarget(url: string): string | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return undefined;
  }
  if (parsed.protocol !== 'https:' || parsed.username !== '' || parsed.password !== '' || parsed.hostname === '') return undefined;
  return parsed.href;
}
