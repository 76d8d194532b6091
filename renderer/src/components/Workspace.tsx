/**
 * The studio with a backend: the project bar, the notices, the sample list
 * and the work area of the open project, plus the file dialogs. The open
 * project lives in the project session store; picking a sample opens its
 * project file like any other, so it has a path, a stamp and backups.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { CodedErrorData } from '../../../mapping-engine/errors';
import type { AppInfo, SamplePreview as Preview, SampleSummary, StudioApi } from '../../../electron/contract/studio-api';
import type { StudioDocument } from '../engine/use-studio-session';
import { useDocument } from '../document/use-document';
import { createProjectSession } from '../project/project-session';
import { useProjectSession } from '../project/use-project-session';
import { useProjectShell } from '../project/use-project-shell';
import { useProjectWorkflow } from '../project/use-project-workflow';
import { ConflictDialog } from './ConflictDialog';
import { ErrorNotice } from './ErrorNotice';
import { ExportButton } from './ExportDialog';
import { ImportSampleButton } from './ImportSampleDialog';
import { NewProjectDialog } from './NewProjectDialog';
import { PathDialog } from './PathDialog';
import { useSaveAsCopy } from '../new-project/use-save-as-copy';
import { ProjectNotices } from './ProjectNotices';
import { ProjectToolbar } from './ProjectToolbar';
import { SampleList } from './SampleList';
import { StudioHeader } from './StudioHeader';
import { StudioView } from './StudioView';
import { UnsavedDialog } from './UnsavedDialog';

/** Props of {@link Workspace}. */
export interface WorkspaceProps {
  api: StudioApi;
  /** The sample opened at start when nothing else is (`crm-to-erp`). */
  defaultSampleId: string;
}

/** The studio's main window content. */
export function Workspace({ api, defaultSampleId }: WorkspaceProps) {
  const store = useMemo(() => createProjectSession(api), [api]);
  const project = useProjectSession(store, (s) => s.project);
  const text = useProjectSession(store, (s) => s.text);
  const dirty = useProjectSession(store, (s) => s.dirty);
  const title = useProjectSession(store, (s) => s.title);
  const conflict = useProjectSession(store, (s) => s.conflict);
  const storeError = useProjectSession(store, (s) => s.error);
  // Project files of bundled samples seen so far: Save never overwrites them (Save As instead).
  const samplePaths = useRef(new Set<string>());
  const flow = useProjectWorkflow(api, store, { isTemplate: (path) => samplePaths.current.has(path) });
  // Save As copies the project's files into a new folder first, from the in-page dialog and the native one alike.
  const saveAsCopy = useSaveAsCopy(api, store, flow.saveAs, flow.closeDialog);
  useProjectShell(typeof window === 'undefined' ? undefined : window.mapwrightShell, {
    ...flow,
    onCommand: (command) => void (command.command === 'saveAs' && command.path ? saveAsCopy.submit(command.path) : flow.onCommand(command)),
  });

  const [appInfo, setAppInfo] = useState<AppInfo>();
  const [samples, setSamples] = useState<SampleSummary[]>();
  const [listError, setListError] = useState<CodedErrorData>();
  // The sample whose project is open (its path, to recognise it), for the list's highlight and the source preview.
  const [sample, setSample] = useState<{ id: string; path: string }>();
  const [preview, setPreview] = useState<Preview>();
  const [previewError, setPreviewError] = useState<CodedErrorData>();
  // The New project dialog.
  const [newOpen, setNewOpen] = useState(false);
  const started = useRef(false);

  useEffect(() => {
    document.title = title;
  }, [title]);

  useEffect(() => {
    let live = true;
    void api.getAppInfo().then((result) => live && result.ok && setAppInfo(result.value));
    void api.listSamples().then((result) => {
      if (!live) return;
      if (result.ok) setSamples(result.value);
      else setListError(result.error);
    });
    return () => {
      live = false;
    };
  }, [api]);

  const sampleId = sample && project?.path === sample.path ? sample.id : undefined;
  useEffect(() => {
    setPreview(undefined);
    setPreviewError(undefined);
    if (!sampleId) return;
    let live = true;
    void api.readSamplePreview(sampleId).then((result) => {
      if (!live) return;
      if (result.ok) setPreview(result.value);
      else setPreviewError(result.error);
    });
    return () => {
      live = false;
    };
  }, [api, sampleId]);

  const openSample = useCallback(
    (id: string, startup = false) => {
      const name = samples?.find((s) => s.id === id)?.name ?? id;
      void flow.replaceProject(`opening the sample “${name}”`, async () => {
        const loaded = await api.loadSampleProject(id);
        // The start-up sample gives way to a project the user opened or restored meanwhile.
        if (startup && store.getState().project) return false;
        if (!loaded.ok) return setListError(loaded.error);
        setSample({ id, path: loaded.value.projectPath });
        samplePaths.current.add(loaded.value.projectPath);
        // At start, a restore or open the user began meanwhile wins even when it answers later.
        return startup ? store.getState().openAtStart(loaded.value.projectPath) : store.getState().open(loaded.value.projectPath);
      });
    },
    [api, store, samples, flow],
  );

  // The studio opens on the default sample (or the first) unless a project is already open.
  useEffect(() => {
    if (started.current || !samples?.length) return;
    started.current = true;
    if (store.getState().project) return;
    const initial = samples.find((s) => s.id === defaultSampleId) ?? samples[0];
    // `npm run web -- <project file>` names a project to open instead (granted by the host).
    void api.startProject().then((start) => {
      if (store.getState().project) return;
      if (start.ok && start.value.path) void flow.openPath(start.value.path);
      else if (initial) openSample(initial.id, true);
    });
  }, [api, samples, store, defaultSampleId, openSample, flow]);

  const doc: StudioDocument | undefined = useMemo(
    // Keyed by the file: a reload or a restore of the same file keeps the run panels (and reruns them); another file starts afresh.
    () => (project ? { key: project.path ?? project.sessionId, path: project.path, text } : undefined),
    [project, text],
  );
  // The name as edited (Arrays tab), not only as last saved.
  const liveName = useDocument(store.getState().documents, (s) => s.document?.name);
  const documentName = liveName ?? project?.document?.name ?? project?.name;
  const isTemplate = project?.path !== undefined && samplePaths.current.has(project.path);
  const error = storeError?.code === 'DOC_CHANGED_ON_DISK' && conflict ? undefined : (storeError ?? flow.notice);

  return (
    <div className="studio">
      <StudioHeader appInfo={appInfo}>
        <ProjectToolbar
          name={project?.name}
          path={project?.path}
          dirty={dirty}
          readOnly={project?.readOnly ?? false}
          template={isTemplate}
          busy={flow.busy}
          recent={flow.recent}
          onNew={() => setNewOpen(true)}
          onOpen={flow.showOpen}
          onSave={() => void flow.save()}
          onSaveAs={flow.showSaveAs}
          onOpenRecent={(path) => flow.openPath(path)}
          onRecentShown={() => void flow.refreshRecent()}
          extra={
            <>
              <ImportSampleButton
                api={api}
                project={project && { path: project.path, readOnly: project.readOnly, template: isTemplate }}
                busy={flow.busy}
                getText={() => store.getState().text}
                replaceText={(next) => store.getState().replaceText(next)}
                onSaveFirst={flow.showSaveAs}
                shell={typeof window === 'undefined' ? undefined : window.mapwrightShell}
              />
              <ExportButton api={api} projectPath={project?.path} text={project ? text : undefined} />
            </>
          }
        />
      </StudioHeader>
      <ProjectNotices
        project={project}
        backups={flow.backups}
        error={error}
        onRestore={flow.restoreBackup}
        onDiscardBackup={flow.discardBackup}
        onDismissError={() => {
          store.getState().clearError();
          flow.clearNotice();
        }}
      />
      <div className="studio-body">
        <nav className="sample-list" aria-label="Samples">
          <h2>Samples</h2>
          {listError ? <ErrorNotice error={listError} /> : <SampleList samples={samples} selectedId={sampleId} onSelect={openSample} />}
        </nav>
        <StudioView
          api={api}
          doc={doc}
          firstSourceSample={project?.document?.source.samples[0]}
          sampleId={sampleId}
          title={documentName}
          preview={preview}
          previewError={previewError}
          readOnly={project?.readOnly ?? false}
          onDocumentText={(next, label) => store.getState().replaceText(next, label)}
          documents={store.getState().documents}
        />
      </div>
      {flow.dialog?.kind === 'path' && (
        <PathDialog
          mode={flow.dialog.mode}
          initialPath={flow.dialog.mode === 'saveAs' && !isTemplate ? project?.path : undefined}
          recent={flow.recent}
          grant={async (path) => {
            // The web studio's grant entry: the path the user typed or picked here (Electron refuses it and uses native dialogs).
            const granted = await api.grantChosenPath({ path, purpose: flow.dialog?.kind === 'path' ? flow.dialog.mode : 'open' });
            return granted.ok ? undefined : granted.error.message;
          }}
          exists={flow.exists}
          onSubmit={(path) => (flow.dialog?.kind === 'path' && flow.dialog.mode === 'open' ? flow.openPath(path) : void saveAsCopy.submit(path))}
          onCancel={flow.closeDialog}
        />
      )}
      {flow.dialog?.kind === 'unsaved' && (
        <UnsavedDialog
          name={project?.name ?? 'this project'}
          next={flow.dialog.next}
          canSave={project?.path !== undefined && !isTemplate}
          onSave={flow.saveThenProceed}
          onDiscard={flow.discardThenProceed}
          onCancel={flow.closeDialog}
        />
      )}
      {newOpen && (
        <NewProjectDialog
          api={api}
          shell={typeof window === 'undefined' ? undefined : window.mapwrightShell}
          onCreated={(path) => {
            setNewOpen(false);
            void flow.openPath(path);
          }}
          onClose={() => setNewOpen(false)}
        />
      )}
      {saveAsCopy.dialog}
      {conflict && project && (
        <ConflictDialog
          name={project.name}
          conflict={conflict}
          dirty={dirty}
          onReload={() => void store.getState().reload()}
          onKeepMine={() => (conflict.onSave ? void store.getState().overwrite() : store.getState().keepMine())}
          onCancel={() => {
            store.getState().dismissConflict();
            store.getState().clearError();
          }}
        />
      )}
    </div>
  );
}
