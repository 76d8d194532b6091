/**
 * The canvas's Tidy action: the lane's transform nodes laid out by ELK in
 * its worker (lane-tidy.ts), applied as one batch edit, so one undo step
 * puts every node back.
 */
import { useState } from 'react';
import type { DocumentEdit, EditResult } from '../../../mapping-engine/document/edits/edit-types';
import type { CanvasStatusMessage } from './CanvasStatus';
import { elkLayout } from './elk-layout';
import type { Lane } from './lane-model';
import { tidyLane } from './lane-tidy';
import type { RoutedLink } from './link-geometry';

/** Tidy and whether it is running. */
export function useTidy(
  lane: Lane,
  routed: readonly RoutedLink[],
  laneWidth: number,
  rowHeight: number,
  apply: (edit: DocumentEdit, label?: string) => EditResult,
  say: (status: CanvasStatusMessage) => void,
): { tidying: boolean; tidy: () => void } {
  const [tidying, setTidying] = useState(false);
  const tidy = () => {
    setTidying(true);
    void tidyLane(lane, routed, laneWidth, rowHeight, elkLayout)
      .then((edit) => {
        if (edit && apply(edit, edit.label).ok) say({ text: `Tidied ${edit.edits.length} transform nodes` });
      })
      .catch((error: unknown) => say({ text: `Tidy failed: ${error instanceof Error ? error.message : String(error)}`, bad: true }))
      .finally(() => setTidying(false));
  };
  return { tidying, tidy };
}
