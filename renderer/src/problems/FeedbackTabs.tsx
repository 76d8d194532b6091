/**
 * The bottom-right panel's two tabs: Problems and Tests, each with its
 * count. The selected tab is lifted so the status bar's problem count can
 * open the Problems tab.
 */
import type { KeyboardEvent, ReactNode } from 'react';
import './problems.css';

/** The tabs. */
export type FeedbackTab = 'problems' | 'tests';

/** Props of {@link FeedbackTabs}. */
export interface FeedbackTabsProps {
  tab: FeedbackTab;
  onTab: (tab: FeedbackTab) => void;
  problemCount: number;
  testLabel: string;
  problems: ReactNode;
  tests: ReactNode;
}

const ORDER: FeedbackTab[] = ['problems', 'tests'];

/** Shows the tab bar and the selected tab's content. */
export function FeedbackTabs({ tab, onTab, problemCount, testLabel, problems, tests }: FeedbackTabsProps) {
  const onKey = (event: KeyboardEvent) => {
    if (event.key !== 'ArrowLeft' && event.key !== 'ArrowRight') return;
    event.preventDefault();
    onTab(ORDER[(ORDER.indexOf(tab) + 1) % ORDER.length]!);
  };
  return (
    <>
      <div className="feedback-tabs" role="tablist" aria-label="Problems and tests" onKeyDown={onKey}>
        <button type="button" role="tab" id="feedback-tab-problems" className="feedback-tab" aria-selected={tab === 'problems'} aria-controls="feedback-problems" tabIndex={tab === 'problems' ? 0 : -1} onClick={() => onTab('problems')}>
          Problems ({problemCount})
        </button>
        <button type="button" role="tab" id="feedback-tab-tests" className="feedback-tab" aria-selected={tab === 'tests'} aria-controls="feedback-tests" tabIndex={tab === 'tests' ? 0 : -1} onClick={() => onTab('tests')}>
          Test results {testLabel}
        </button>
      </div>
      <div role="tabpanel" id={`feedback-${tab}`} aria-labelledby={`feedback-tab-${tab}`}>
        {tab === 'problems' ? problems : tests}
      </div>
    </>
  );
}
