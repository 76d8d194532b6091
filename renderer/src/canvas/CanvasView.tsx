/**
 * The canvas: the source and target fields as two trees, the links between
 * them drawn in one SVG, transform nodes in the lane, and an inspector. A
 * second view over the document store (the rules view is the first): every
 * change is a document edit through the store, so it is one undo step, and
 * the JSONata, the rules view and the preview follow. Expansion, search,
 * scroll and selection are view state, outside the history.
 */
import { useCallback, useLayoutEffect, useMemo, useRef, useState, type KeyboardEvent, type PointerEvent } from 'react';
import type { StoreApi } from 'zustand/vanilla';
import { documentLinks, type CanvasLink } from '../../../mapping-engine/document/canvas/canvas-links';
import { proposeLink } from '../../../mapping-engine/document/canvas/link-check';
import { linkThroughContext } from '../../../mapping-engine/document/canvas/link-through-context';
import type { DocumentEdit, EditResult } from '../../../mapping-engine/document/edits/edit-types';
import type { StudioApi } from '../../../electron/contract/studio-api';
import type { DocumentState } from '../document/document-store';
import { useDocument } from '../document/use-document';
import { ROW_HEIGHT } from '../fields/FieldTree';
import { CanvasSide } from './CanvasSide';
import { CanvasStatus, type CanvasStatusMessage } from './CanvasStatus';
import { CanvasToolbar } from './CanvasToolbar';
import { openEnd, useContextFocus } from './use-context-focus';
import { useStable } from './use-stable';
import { useTidy } from './use-tidy';
import { nodeForNames, type FieldNode } from '../fields/field-tree-model';
import { useFieldTree } from '../fields/use-field-tree';
import { acceptJoin, linkedMessage } from './join-offer';
import { LinkInspector, linkText } from './LinkInspector';
import { LinkLayer } from './LinkLayer';
import { routeLinks, type SideView } from './link-geometry';
import { LaneNodes, useLaneNodes } from './LaneNodes';
import { useTreeMarks, type CanvasFeedback } from './use-tree-marks';
import { useLinkDrag } from './use-link-drag';
import { useExpansions, useTreeSide, type TreeSide } from './use-tree-side';
import './canvas.css';

/** Props of {@link CanvasView}. */
export interface CanvasViewProps {
  api: StudioApi;
  store: StoreApi<DocumentState>;
  projectPath: string | undefined;
  readOnly: boolean;
  /** Problems and the selected output value's lineage, marked on the trees. */ feedback?: CanvasFeedback;
}

/** Where the trees sit in the canvas body (measured on resize only). */
interface Frame {
  width: number;
  height: number;
  sourceTop: number;
  sourceX: number;
  targetTop: number;
  targetX: number;
}

const NO_FRAME: Frame = { width: 0, height: 0, sourceTop: 0, sourceX: 0, targetTop: 0, targetX: 0 };

/** True when a link end (`names`) is the field `id` or lies inside it (a collapsed parent lists its fields' links). */
function endsAt(names: readonly string[] | undefined, id: string): boolean {
  if (!names) return false;
  const key = names.join('\u0000');
  return key === id || key.startsWith(`${id}\u0000`);
}

/** The canvas (renders nothing useful until a document is open). */
export function CanvasView({ api, store, projectPath, readOnly, feedback }: CanvasViewProps) {
  const doc = useDocument(store, (s) => s.document);
  const storeReadOnly = useDocument(store, (s) => s.readOnly);
  const locked = readOnly || storeReadOnly;
  const { source: sourceExpansion, target: targetExpansion } = useExpansions(projectPath);
  const source = useFieldTree(api, projectPath, doc, 'source', sourceExpansion.expanded);
  const target = useFieldTree(api, projectPath, doc, 'target', targetExpansion.expanded);
  const allLinks = useMemo(() => (doc ? documentLinks(doc) : []), [doc]);
  const focus = useContextFocus(allLinks, source.tree, target.tree);
  const links = focus.shown;
  const sourceSide = useTreeSide(source.tree, sourceExpansion, source.open, focus.sourceWithin);
  const targetSide = useTreeSide(target.tree, targetExpansion, target.open, focus.targetWithin);
  const [selectedField, setSelectedField] = useState<{ side: 'source' | 'target'; id: string }>();
  const [selectedLinkId, setSelectedLinkId] = useState<string>();
  const [markedId, setMarkedId] = useState<string>();
  const [status, setStatus] = useState<CanvasStatusMessage>();
  const body = useRef<HTMLDivElement>(null);
  const [frame, setFrame] = useState<Frame>(NO_FRAME);

  const linkById = useMemo(() => new Map(links.map((l) => [l.id, l])), [links]);
  const selectedLink = selectedLinkId ? linkById.get(selectedLinkId) : undefined;

  // Tree positions inside the body: measured when the body resizes, never per scroll.
  useLayoutEffect(() => {
    const el = body.current;
    if (!el) return;
    const measure = () => {
      const box = el.getBoundingClientRect();
      const src = el.querySelector('.field-tree-source')?.getBoundingClientRect();
      const tgt = el.querySelector('.field-tree-target')?.getBoundingClientRect();
      setFrame({
        width: box.width,
        height: box.height,
        sourceTop: src ? src.top - box.top : 0,
        sourceX: src ? src.right - box.left : 0,
        targetTop: tgt ? tgt.top - box.top : 0,
        targetX: tgt ? tgt.left - box.left : box.width,
      });
    };
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    return () => observer.disconnect();
  }, [source.tree !== undefined, target.tree !== undefined]);

  const sideView = (side: TreeSide, tree: typeof source.tree, top: number): SideView | undefined =>
    tree ? { tree, view: side.view, scrollTop: side.viewport.scrollTop, height: side.viewport.height, top, rowHeight: ROW_HEIGHT } : undefined;
  const srcView = sideView(sourceSide, source.tree, frame.sourceTop);
  const tgtView = sideView(targetSide, target.tree, frame.targetTop);
  const { routed, edges } = useMemo(
    () => (srcView && tgtView ? routeLinks(links, srcView, tgtView) : { routed: [], edges: { sourceAbove: 0, sourceBelow: 0, targetAbove: 0, targetBelow: 0 } }),
    // The views are rebuilt each render; their parts are the real inputs.
    [links, source.tree, target.tree, sourceSide.view, targetSide.view, sourceSide.viewport, targetSide.viewport, frame],
  );
  // The trees' own marks (links, personal data), then the live feedback on top.
  const { sourceShown, targetShown } = useTreeMarks(doc?.masking, feedback, links, { tree: source.tree, side: sourceSide }, { tree: target.tree, side: targetSide });
  const lane = useLaneNodes(doc, routed, frame);

  const apply = useCallback(
    (edit: DocumentEdit, label?: string, gesture?: string): EditResult => {
      const result = store.getState().apply(edit, { ...(label ? { label } : {}), ...(gesture ? { gesture } : {}) });
      if (!result.ok) setStatus({ text: `Not changed: ${result.error.message}`, bad: true });
      return result;
    },
    [store],
  );

  const { tidying, tidy } = useTidy(lane, routed, frame.targetX - frame.sourceX, ROW_HEIGHT, apply, setStatus);

  /** Selects the link an edit just made (its inspector then offers a transform at once). */
  const selectCreated = (result: EditResult, made: { target: string; source: string }) => {
    if (!result.ok) return;
    setSelectedLinkId(documentLinks(result.document).find((l) => l.kind === 'rule' && l.target === made.target && l.source === made.source)?.id);
    store.getState().setView({ selected: made.target });
  };

  const link = useCallback(
    (from: FieldNode, to: FieldNode) => {
      if (!doc) return;
      const proposal = proposeLink(doc, from, to);
      if (!proposal.ok) {
        const offer = linkThroughContext(doc, from, to);
        setStatus({ text: `Cannot link ${from.name} to ${to.name}: ${proposal.message}`, bad: true, ...(offer ? { offer } : {}) });
        return;
      }
      const result = apply(proposal.edit, `link ${from.name} → ${to.name}`);
      if (!result.ok) return;
      setStatus(linkedMessage(result.document, proposal.edit, to));
      setSelectedField({ side: 'target', id: to.id });
      selectCreated(result, proposal.edit);
    },
    [doc, apply, store],
  );

  const { drag, startDrag } = useLinkDrag({
    canvas: body,
    onDrop: (from, targetId) => {
      const to = target.tree?.byId.get(targetId);
      if (to) link(from, to);
    },
    onCancel: (reason) => setStatus({ text: reason === 'escape' ? 'Drag cancelled' : 'Drag cancelled: drop on a target field to link' }),
  });
  const dropProposal = useMemo(() => {
    const over = drag?.overId ? target.tree?.byId.get(drag.overId) : undefined;
    return drag && over && doc ? { id: over.id, ok: proposeLink(doc, drag.source, over).ok } : undefined;
  }, [drag, doc, target.tree]);

  const deleteLink = useCallback(
    (gone: CanvasLink) => {
      if (!doc || locked) return;
      if (gone.kind !== 'rule') {
        setStatus({ text: 'An array context is removed in the Rules view (Arrays tab)', bad: true });
        return;
      }
      // The engine removes a rule left computing nothing (no source, no transform): the field is unmapped.
      if (apply({ kind: 'unlinkSource', target: gone.target, source: gone.source }, `unlink ${linkText(gone)}`).ok) {
        setStatus({ text: `Deleted ${linkText(gone)}` });
        setSelectedLinkId(undefined);
      }
    },
    [doc, locked, apply],
  );

  /** Selecting a field selects its first link and scrolls the other tree to its partners. */
  const selectField = (side: 'source' | 'target', node: FieldNode) => {
    if (selectedField?.id !== node.id || selectedField.side !== side) setStatus(undefined); // it spoke of the last gesture, not of this field
    setSelectedField({ side, id: node.id });
    const own = links.filter((l) => endsAt(side === 'source' ? l.sourceNames : l.targetNames, node.id));
    setSelectedLinkId(own[0]?.id);
    if (side === 'target') store.getState().setView({ selected: node.names.join('.') });
    const otherTree = side === 'source' ? target.tree : source.tree;
    const partners = own.flatMap((l) => {
      const names = side === 'source' ? l.targetNames : l.sourceNames;
      const found = names && otherTree ? nodeForNames(otherTree, names) : undefined;
      return found ? [found] : [];
    });
    if (partners.length > 0) (side === 'source' ? targetSide : sourceSide).reveal(partners);
  };

  /** Goes to the other end of a field's first link: that tree takes the focus at the partner. */
  const jump = (side: 'source' | 'target') => (node: FieldNode) => {
    selectField(side, node);
    const own = links.find((l) => endsAt(side === 'source' ? l.sourceNames : l.targetNames, node.id));
    if (!own) return setStatus({ text: `${node.name} has no link` });
    // After the partner became the other tree's active row (the tree's focus handler would otherwise pick its first row).
    const other = body.current?.querySelector<HTMLElement>(side === 'source' ? '.field-tree-target' : '.field-tree-source');
    requestAnimationFrame(() => other?.focus());
  };

  const selectLink = (chosen: CanvasLink) => {
    setSelectedLinkId(chosen.id);
    const to = target.tree ? nodeForNames(target.tree, chosen.targetNames) : undefined;
    const from = chosen.sourceNames && source.tree ? nodeForNames(source.tree, chosen.sourceNames) : undefined;
    if (to) targetSide.reveal([to]);
    if (from) sourceSide.reveal([from]);
  };

  const onKeyDown = (event: KeyboardEvent) => {
    if ((event.key === 'Delete' || event.key === 'Backspace') && selectedLink && !(event.target instanceof HTMLInputElement || event.target instanceof HTMLTextAreaElement || event.target instanceof HTMLSelectElement)) {
      event.preventDefault();
      deleteLink(selectedLink);
    } else if (event.key === 'Escape' && markedId) {
      setMarkedId(undefined);
      setStatus({ text: 'Link cancelled' });
    }
  };

  /** Shows one array context alone: its elements opened and scrolled to, the rest hidden. */
  const focusContext = (band: CanvasLink | undefined) => {
    focus.setFocus(band);
    if (!band) return;
    openEnd(sourceSide, source.tree, band.sourceNames);
    openEnd(targetSide, target.tree, band.targetNames);
    setStatus({ text: `Focused on ${band.target}: other fields and links are hidden` });
  };

  const onSelectField = (side: 'source' | 'target') => (node: FieldNode) => {
    if (side === 'target' && markedId && source.tree) {
      const from = source.tree.byId.get(markedId);
      setMarkedId(undefined);
      if (from && !locked) return link(from, node);
    }
    selectField(side, node);
  };
  // Stable handlers: the memoised trees re-render only when their rows or marks change.
  const selectSource = useStable(onSelectField('source'));
  const selectTarget = useStable(onSelectField('target'));
  const jumpSource = useStable(jump('source'));
  const jumpTarget = useStable(jump('target'));
  const mark = useStable((node: FieldNode) => {
    setMarkedId((old) => (old === node.id ? undefined : node.id));
    setStatus({ text: markedId === node.id ? 'Link cancelled' : `Marked ${node.name}: press Enter on a target field to link it` });
  });
  const pressRow = useStable((node: FieldNode, event: PointerEvent) => {
    if (!locked) startDrag(node, event);
  });

  if (!doc) return <p className="muted canvas-pad">No project is open.</p>;
  const fieldLinks = selectedField ? links.filter((l) => endsAt(selectedField.side === 'source' ? l.sourceNames : l.targetNames, selectedField.id)) : selectedLink ? [selectedLink] : [];
  const selectedNode = selectedField ? (selectedField.side === 'source' ? source.tree : target.tree)?.byId.get(selectedField.id) : undefined;
  const sourceNodeAt = drag && srcView ? srcView.view.rowOf[drag.source.index]! : -1;
  const ghost = drag
    ? { x1: frame.sourceX, y1: sourceNodeAt >= 0 ? frame.sourceTop + sourceNodeAt * ROW_HEIGHT + ROW_HEIGHT / 2 - sourceSide.viewport.scrollTop : drag.y, x2: drag.x, y2: drag.y, ...(dropProposal ? { ok: dropProposal.ok } : {}) }
    : undefined;

  const selectedOn = (side: 'source' | 'target') => (selectedField?.side === side ? selectedField.id : undefined);

  return (
    <div className="canvas" onKeyDown={onKeyDown} data-testid="canvas">
      <CanvasToolbar nodes={lane.nodes.length} tidying={tidying} readOnly={locked} onTidy={tidy} {...(focus.band ? { focused: focus.band } : {})} onShowAll={() => focusContext(undefined)} />
      <div className={`canvas-body ${drag ? 'is-dragging' : ''}`} ref={body}>
        <CanvasSide
          side="source"
          loaded={source}
          state={sourceSide}
          above={edges.sourceAbove}
          below={edges.sourceBelow}
          tree={{ selectedId: selectedOn('source'), ...(markedId ? { markedId } : {}), marks: sourceShown, onSelect: selectSource, onJump: jumpSource, onMark: mark, onRowPointerDown: pressRow }}
        />
        <div className="canvas-lane" aria-hidden="true" />
        <CanvasSide
          side="target"
          loaded={target}
          state={targetSide}
          above={edges.targetAbove}
          below={edges.targetBelow}
          tree={{ selectedId: selectedOn('target'), ...(dropProposal ? { drop: dropProposal } : {}), marks: targetShown, onSelect: selectTarget, onJump: jumpTarget }}
        />
        <LinkLayer
          width={frame.width}
          height={frame.height}
          routed={routed}
          sourceX={frame.sourceX}
          targetX={frame.targetX}
          chains={lane.chains}
          {...(selectedLinkId ? { selectedId: selectedLinkId } : {})}
          {...(ghost ? { ghost } : {})}
          onSelect={selectLink}
        />
        <div className="canvas-lane-nodes" role="group" aria-label="Transforms">
          <LaneNodes
            lane={lane}
            readOnly={locked}
            {...(selectedLink?.kind === 'rule' ? { selectedTarget: selectedLink.target } : {})}
            apply={apply}
            onSelect={(ruleTarget) => {
              const first = links.find((l) => l.kind === 'rule' && l.target === ruleTarget);
              if (first) selectLink(first);
            }}
          />
        </div>
      </div>
      <CanvasStatus
        status={status}
        idle={`${links.filter((l) => l.kind === 'rule').length} links`}
        readOnly={locked}
        onAccept={(offer) => {
          const result = apply(offer.edit, offer.edit.label);
          if (!result.ok) return;
          setStatus({ text: `Added ${offer.contexts.map((c) => c.target).join(', ')} and linked` });
          const made = offer.edit.edits[offer.edit.edits.length - 1];
          if (made?.kind === 'linkSource') selectCreated(result, made);
        }}
        onJoin={(offer) => acceptJoin(offer, apply, setStatus)}
      />
      <LinkInspector
        doc={doc}
        links={fieldLinks}
        selected={selectedLink}
        heading={selectedNode ? `${selectedField!.side === 'source' ? 'Source' : 'Target'} field ${selectedNode.names.join('.')}` : selectedLink ? linkText(selectedLink) : 'Nothing selected'}
        readOnly={locked}
        onSelectLink={selectLink}
        onDeleteLink={deleteLink}
        onFocusContext={focusContext}
        {...(focus.band ? { focused: focus.band.id } : {})}
        apply={apply}
      />
    </div>
  );
}
