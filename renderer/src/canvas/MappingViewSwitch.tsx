/**
 * The switch between the mapping's two views, Canvas and Rules: a pair of
 * toggle buttons (only one pressed). Which view shows is view state.
 */

/** The mapping views. */
export type MappingView = 'canvas' | 'rules';

/** Props of {@link MappingViewSwitch}. */
export interface MappingViewSwitchProps {
  value: MappingView;
  onChange: (view: MappingView) => void;
}

const VIEWS: ReadonlyArray<{ id: MappingView; label: string }> = [
  { id: 'canvas', label: 'Canvas' },
  { id: 'rules', label: 'Rules' },
];

/** The switch. */
export function MappingViewSwitch({ value, onChange }: MappingViewSwitchProps) {
  return (
    <div className="view-switch" role="group" aria-label="Mapping view">
      {VIEWS.map((view) => (
        <button key={view.id} type="button" className="view-switch-button" aria-pressed={value === view.id} onClick={() => onChange(view.id)}>
          {view.label}
        </button>
      ))}
    </div>
  );
}
