/** The OS colour scheme, followed live, for the editor's theme (the rest of the UI follows it in CSS). */
import { useEffect, useState } from 'react';

const QUERY = '(prefers-color-scheme: dark)';

/** True while the OS prefers a dark colour scheme; updates when the user switches. */
export function usePrefersDark(): boolean {
  const [dark, setDark] = useState(() => typeof window !== 'undefined' && window.matchMedia?.(QUERY).matches === true);
  useEffect(() => {
    const media = window.matchMedia?.(QUERY);
    if (!media) return;
    const update = () => setDark(media.matches);
    media.addEventListener('change', update);
    update();
    return () => media.removeEventListener('change', update);
  }, []);
  return dark;
}
