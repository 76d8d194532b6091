/** A CSV output as a table; every cell asks for its lineage when clicked. */
import { childPath } from './output-tree';

/** Props of {@link OutputTable}. */
export interface OutputTableProps {
  rows: string[][];
  changed: ReadonlySet<string>;
  selected: string | undefined;
  onSelect: (path: string) => void;
}

/** Shows the header row and the data rows. */
export function OutputTable({ rows, changed, selected, onSelect }: OutputTableProps) {
  const [header = [], ...body] = rows;
  return (
    <table className="out-table" data-testid="output-table">
      <thead>
        <tr>
          {header.map((name, c) => (
            <th key={c} scope="col">
              {name}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {body.map((cells, r) => (
          <tr key={r}>
            {header.map((name, c) => {
              const path = childPath(`[${r}]`, name);
              return (
                <td key={c}>
                  <button
                    type="button"
                    className={`out-value${changed.has(path) ? ' out-changed' : ''}${selected === path ? ' out-selected' : ''}`}
                    data-path={path}
                    aria-label={`row ${r + 1} ${name}: ${cells[c] ?? ''}, show where it comes from`}
                    aria-pressed={selected === path}
                    onClick={() => onSelect(path)}
                  >
                    {cells[c] ?? ''}
                  </button>
                </td>
              );
            })}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
