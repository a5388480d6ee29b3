import { useId } from 'react';
import type { CardClass, Person } from '../../api/types';
import { isFiltering, noFilter, UNASSIGNED, type BoardFilter } from './boardFilter';
import { classLabels } from './cardLabels';

const CLASSES: readonly CardClass[] = ['BusinessBlocker', 'TechnicalBlocker', 'Risk', 'Standard'];

export interface BoardFilterBarProps {
  filter: BoardFilter;
  onChange: (filter: BoardFilter) => void;
  /** The people cards name (the board's `people`). */
  people: readonly Person[];
  /** Cards that match, of the cards shown. */
  matching: number;
  shown: number;
}

/**
 * Search by key and text, and filters by assignee (or unassigned), class, blocked and outlier. The
 * filter lives in the URL (the page passes it in and writes back what changes here).
 */
export function BoardFilterBar({ filter, onChange, people, matching, shown }: BoardFilterBarProps) {
  const id = useId();
  const set = (change: Partial<BoardFilter>) => onChange({ ...filter, ...change });
  const filtering = isFiltering(filter);
  const sorted = [...people].sort((a, b) => a.displayName.localeCompare(b.displayName));
  const unknownAssignee =
    filter.assignee && filter.assignee !== UNASSIGNED && !people.some((p) => p.id.toLowerCase() === filter.assignee.toLowerCase());

  return (
    <form
      className="board-filter"
      role="search"
      aria-label="Find cards"
      data-testid="board-filter"
      onSubmit={(e) => e.preventDefault()}
    >
      <div className="board-filter__field board-filter__field--search">
        <label htmlFor={`${id}-q`}>Search</label>
        <input
          id={`${id}-q`}
          type="search"
          placeholder="Key or text"
          value={filter.q}
          onChange={(e) => set({ q: e.target.value })}
          data-testid="board-search"
        />
      </div>
      <div className="board-filter__field">
        <label htmlFor={`${id}-assignee`}>Assignee</label>
        <select
          id={`${id}-assignee`}
          value={filter.assignee}
          onChange={(e) => set({ assignee: e.target.value })}
          data-testid="filter-assignee"
        >
          <option value="">Anyone</option>
          <option value={UNASSIGNED}>Unassigned</option>
          {sorted.map((p) => (
            <option key={p.id} value={p.id}>
              {p.displayName}
            </option>
          ))}
          {unknownAssignee && <option value={filter.assignee}>Someone not on these cards</option>}
        </select>
      </div>
      <div className="board-filter__field">
        <label htmlFor={`${id}-class`}>Class</label>
        <select
          id={`${id}-class`}
          value={filter.cardClass}
          onChange={(e) => set({ cardClass: e.target.value as CardClass | '' })}
          data-testid="filter-class"
        >
          <option value="">Any class</option>
          {CLASSES.map((c) => (
            <option key={c} value={c}>
              {classLabels[c]}
            </option>
          ))}
        </select>
      </div>
      <label className="board-filter__check">
        <input type="checkbox" checked={filter.blocked} onChange={(e) => set({ blocked: e.target.checked })} data-testid="filter-blocked" />
        Blocked
      </label>
      <label className="board-filter__check">
        <input type="checkbox" checked={filter.outlier} onChange={(e) => set({ outlier: e.target.checked })} data-testid="filter-outlier" />
        Outliers
      </label>
      {filtering && (
        <button type="button" className="button board-filter__clear" onClick={() => onChange(noFilter)} data-testid="filter-clear">
          Clear filters
        </button>
      )}
      <p className="board-filter__result" role="status" data-testid="filter-result">
        {filtering ? `${matching} of ${shown} ${shown === 1 ? 'card' : 'cards'} match` : ''}
      </p>
    </form>
  );
}
