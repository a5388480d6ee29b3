// The board's search and filters, kept in the URL (`?q=&assignee=&class=&blocked=1&outlier=1`), so a
// filtered board can be shared and survives a reload. Pure: parsed from and written to URLSearchParams.
import type { Card, CardClass } from '../../api/types';
import { classLabels } from './cardLabels';

/** `none`: cards without an assignee. */
export const UNASSIGNED = 'none';

export interface BoardFilter {
  /** Text to find in a card's key or title (trimmed; empty: no search). */
  q: string;
  /** A user id, `none` (unassigned), or empty (anyone). */
  assignee: string;
  /** A card class, or empty (any class). */
  cardClass: CardClass | '';
  blocked: boolean;
  outlier: boolean;
}

export const noFilter: BoardFilter = { q: '', assignee: '', cardClass: '', blocked: false, outlier: false };

function isCardClass(value: string): value is CardClass {
  return Object.prototype.hasOwnProperty.call(classLabels, value);
}

/** Reads the filter from the URL; values it does not know (a class that does not exist) are ignored. */
export function parseFilter(params: URLSearchParams): BoardFilter {
  const cls = params.get('class') ?? '';
  const matchedClass = Object.keys(classLabels).find((c) => c.toLowerCase() === cls.toLowerCase()) ?? '';
  return {
    q: params.get('q') ?? '',
    assignee: params.get('assignee')?.trim() ?? '',
    cardClass: isCardClass(matchedClass) ? matchedClass : '',
    blocked: params.get('blocked') === '1',
    outlier: params.get('outlier') === '1',
  };
}

/**
 * Writes the filter into `params` (other parameters, such as a share token, are kept); an empty
 * value removes its parameter, so an unfiltered board has a clean URL.
 */
export function filterToParams(filter: BoardFilter, params: URLSearchParams = new URLSearchParams()): URLSearchParams {
  const next = new URLSearchParams(params);
  const set = (name: string, value: string) => (value ? next.set(name, value) : next.delete(name));
  set('q', filter.q);
  set('assignee', filter.assignee);
  set('class', filter.cardClass);
  set('blocked', filter.blocked ? '1' : '');
  set('outlier', filter.outlier ? '1' : '');
  return next;
}

export function isFiltering(filter: BoardFilter): boolean {
  return filter.q.trim() !== '' || filter.assignee !== '' || filter.cardClass !== '' || filter.blocked || filter.outlier;
}

/**
 * True when the card passes every filter: the search text (case-insensitive) is in its key or
 * title; the assignee is the one chosen (`none`: nobody); its class; blocked; outlier.
 */
export function matchesFilter(card: Card, filter: BoardFilter): boolean {
  const q = filter.q.trim().toLocaleLowerCase();
  if (q && !card.key.toLocaleLowerCase().includes(q) && !card.title.toLocaleLowerCase().includes(q)) return false;
  if (filter.assignee === UNASSIGNED) {
    if (card.assigneeId != null) return false;
  } else if (filter.assignee && card.assigneeId?.toLowerCase() !== filter.assignee.toLowerCase()) {
    return false;
  }
  if (filter.cardClass && card.class !== filter.cardClass) return false;
  if (filter.blocked && !card.blocked) return false;
  if (filter.outlier && !card.outlier) return false;
  return true;
}
