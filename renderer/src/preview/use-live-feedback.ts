/**
 * Everything the live preview panels share: the input picker's choices and
 * choice, the consent to show a test input masked for display, the live
 * run, the page of the input, and the selected output value with its
 * lineage. The studio view passes it to the output and source panels.
 */
import { useCallback, useMemo, useState } from 'react';
import { lineageOf, type Lineage } from '../../../mapping-engine/compiler/lineage';
import type { MappingDocument } from '../../../mapping-engine/document/document-schema';
import type { StudioApi } from '../../../electron/contract/studio-api';
import { chosenInput, previewInputChoices, type PreviewInputChoice } from './preview-inputs';
import { runParams } from './preview-params';
import { pageValue } from './source-value';
import { useLivePreview, type LivePreview } from './use-live-preview';
import { usePreviewInput, type PreviewInputState } from './use-preview-input';

/** What {@link useLiveFeedback} gives. */
export interface LiveFeedback {
  choices: PreviewInputChoice[];
  choice?: PreviewInputChoice;
  choose: (id: string) => void;
  /** False while a test input masked for display waits for the user's confirmation. */
  shown: boolean;
  confirm: () => void;
  preview: LivePreview;
  input: PreviewInputState;
  selected?: string;
  select: (path: string | undefined) => void;
  lineage?: Lineage;
  /** What the Parameters form holds, by parameter name ('' for the default). */
  params: Readonly<Record<string, string>>;
  setParam: (name: string, value: string) => void;
}

/** Arguments of {@link useLiveFeedback}. */
export interface LiveFeedbackArgs {
  api: StudioApi | undefined;
  projectKey: string | undefined;
  projectPath: string | undefined;
  document: MappingDocument | undefined;
  /** The document's text when it compiles (else nothing runs). */
  runnableText: string | undefined;
}

/** The Parameters form before anything is typed (one object, so memos keyed on it hold). */
const NO_PARAMS: Readonly<Record<string, string>> = {};

/** Holds the live preview of the open project. */
export function useLiveFeedback({ api, projectKey, projectPath, document, runnableText }: LiveFeedbackArgs): LiveFeedback {
  const [chosen, setChosen] = useState<{ project?: string; id?: string }>({});
  const [confirmed, setConfirmed] = useState<{ project?: string; ids: ReadonlySet<string> }>({ ids: new Set() });
  const [selection, setSelection] = useState<{ key?: string; path?: string }>({});
  const [typed, setTyped] = useState<{ project?: string; values: Record<string, string> }>({ values: {} });
  const params = typed.project === projectKey ? typed.values : NO_PARAMS;
  const sent = useMemo(() => runParams(document?.parameters, params), [document?.parameters, params]);
  const choices = useMemo(() => previewInputChoices(document), [document]);
  const choice = chosenInput(choices, chosen.project === projectKey ? chosen.id : undefined);
  const choiceKey = choice ? `${projectKey ?? ''}\n${choice.id}` : undefined;
  const fileKey = choice ? (choice.input.kind === 'sample' ? document?.source.samples[choice.input.index] : document?.tests[choice.input.index]?.input) : undefined;
  const preview = useLivePreview({ api, projectPath, text: runnableText, input: choice?.input, projectKey: `${projectKey ?? ''}\n${fileKey ?? ''}`, params: sent });
  const input = usePreviewInput(api, projectPath, runnableText ?? undefined, choice?.input, fileKey);
  const shown = choice?.input.kind !== 'test' || (confirmed.project === projectKey && confirmed.ids.has(`${choice.id}\n${fileKey ?? ''}`));
  const selected = selection.key === choiceKey ? selection.path : undefined;

  const inputValue = useMemo(() => (input.page ? pageValue(input.page.page) : undefined), [input.page]);
  const lineage = useMemo(() => {
    if (selected === undefined || !document) return undefined;
    try {
      return lineageOf(document, selected, inputValue);
    } catch {
      return undefined;
    }
  }, [document, selected, inputValue]);

  const choose = useCallback((id: string) => setChosen({ project: projectKey, id }), [projectKey]);
  const confirm = useCallback(() => {
    if (!choice) return;
    setConfirmed((current) => ({ project: projectKey, ids: new Set([...(current.project === projectKey ? current.ids : []), `${choice.id}\n${fileKey ?? ''}`]) }));
  }, [choice, projectKey, fileKey]);
  const select = useCallback((path: string | undefined) => setSelection({ key: choiceKey, path }), [choiceKey]);
  const setParam = useCallback(
    (name: string, value: string) => setTyped((current) => ({ project: projectKey, values: { ...(current.project === projectKey ? current.values : {}), [name]: value } })),
    [projectKey],
  );

  return { choices, choice, choose, shown, confirm, preview, input, selected, select, ...(lineage ? { lineage } : {}), params, setParam };
}
