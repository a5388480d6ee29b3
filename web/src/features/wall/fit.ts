// How the wall fits a board on one screen: pure arithmetic on the card's fixed shape, so that what
// fits is decided before anything is drawn (and tested without a browser).
//
// Every size is a multiple of the card title's font size `f` (px). A card is exactly CARD_HEIGHT_EM
// titles high (key and title clamped to two lines, then one line of markers), with CARD_GAP_EM
// between cards; a card column is COLUMN_WIDTH_EM wide at least. The in-progress lanes (Queue and
// Active) share the width by their number of columns; the backlog and done share one side column.

/** The title's size on a 1920x1080 screen with room to spare; scaled with the screen. */
export const DESIGN_TITLE_PX = 32;
/**
 * The floor: titles never shrink below 24 px (readable from three metres). A board that does not fit
 * at the floor is paged instead.
 */
export const FLOOR_TITLE_PX = 24;
export const CARD_HEIGHT_EM = 3.6;
export const CARD_GAP_EM = 0.25;
export const COLUMN_WIDTH_EM = 7.5;
export const SIDE_WIDTH_EM = 9;
/** Between two lanes (and at the edges), in titles. */
export const LANE_GAP_EM = 0.35;
/** A lane's own padding around its cards, each side, in titles. */
export const LANE_PADDING_EM = 0.25;
/** One column a lane is kept while its type is at least this share of what more columns would allow. */
export const SINGLE_COLUMN_SHARE = 0.85;
/** How long each page shows when the board is paged. */
export const PAGE_MS = 15_000;

/** The screen's scale against the 1920x1080 design: 2 at 3840x2160, 2/3 at 1280x720. */
export function screenUnit(width: number, height: number): number {
  if (width <= 0 || height <= 0) return 1;
  return Math.min(width / 1920, height / 1080);
}

export interface FitInput {
  /** The lanes' area, in px. */
  width: number;
  /** The lanes' area below their titles, in px. */
  height: number;
  /** How many cards each in-progress lane shows, in order. */
  lanes: readonly number[];
  /** The largest title size to use (px): DESIGN_TITLE_PX scaled to the screen, never below the floor. */
  maxTitlePx: number;
  floorTitlePx?: number;
}

export interface Fit {
  /** The cards' title size, px. */
  titlePx: number;
  /** Cards per column. */
  rows: number;
  /** Columns of each in-progress lane. */
  columns: number[];
  /** Cards each lane shows on one page (rows x columns). */
  perPage: number[];
  /** 1 when everything fits. */
  pages: number;
}

function pitch(f: number): number {
  return (CARD_HEIGHT_EM + CARD_GAP_EM) * f;
}

/** How many cards fit in one column `height` px high at title size `f`. */
export function rowsFor(height: number, f: number): number {
  const inner = height - 2 * LANE_PADDING_EM * f + CARD_GAP_EM * f;
  return Math.max(0, Math.floor(inner / pitch(f)));
}

/**
 * Room for card columns once the side column, the gaps between lanes and the lanes' padding are
 * taken, at title size `f`; a lane's columns are COLUMN_WIDTH_EM + CARD_GAP_EM each, less one gap.
 */
function columnsRoom(width: number, lanes: number, f: number): number {
  return width - SIDE_WIDTH_EM * f - lanes * (LANE_GAP_EM + 2 * LANE_PADDING_EM - CARD_GAP_EM) * f;
}

function columnWidth(f: number): number {
  return (COLUMN_WIDTH_EM + CARD_GAP_EM) * f;
}

/**
 * The largest title size from `maxTitlePx` down to the floor (whole px) at which every in-progress
 * lane's cards fit, each lane taking as many columns as it needs; at the floor, when they still do
 * not fit, the columns there are are shared out (each lane one at least, then to whichever needs the
 * most pages) and the board is paged.
 */
export function fitWall(input: FitInput): Fit {
  const floor = input.floorTitlePx ?? FLOOR_TITLE_PX;
  const top = Math.max(floor, Math.floor(input.maxTitlePx));
  const counts = input.lanes;
  const fits = (f: number, rows: number) => {
    if (rows < 1) return undefined;
    const columns = counts.map((n) => Math.max(1, Math.ceil(n / rows)));
    const needed = columns.reduce((a, b) => a + b, 0) * columnWidth(f);
    return needed <= columnsRoom(input.width, counts.length, f)
      ? { titlePx: f, rows, columns, perPage: columns.map((c) => c * rows), pages: 1 }
      : undefined;
  };
  // One column a lane: its cards are as wide as the lane, so their titles show the most words.
  const longest = Math.max(1, ...counts);
  let single: Fit | undefined;
  for (let f = top; f >= floor && !single; f -= 1) {
    if (rowsFor(input.height, f) >= longest) single = fits(f, rowsFor(input.height, f));
  }
  for (let f = top; f >= floor; f -= 1) {
    const fit = fits(f, rowsFor(input.height, f));
    if (!fit) continue;
    // More columns buy a larger type, but narrower cards show fewer words: worth it only for a good deal larger.
    return single && single.titlePx >= SINGLE_COLUMN_SHARE * fit.titlePx ? single : fit;
  }

  const f = floor;
  const rows = Math.max(1, rowsFor(input.height, f));
  const room = Math.max(counts.length, Math.floor(columnsRoom(input.width, counts.length, f) / columnWidth(f)));
  const columns = counts.map(() => 1);
  const pagesOf = (i: number) => Math.ceil((counts[i] ?? 0) / (columns[i]! * rows));
  for (let spare = room - counts.length; spare > 0; spare -= 1) {
    let worst = -1;
    for (let i = 0; i < counts.length; i += 1) {
      if (worst < 0 || pagesOf(i) > pagesOf(worst)) worst = i;
    }
    if (worst < 0 || pagesOf(worst) <= 1) break;
    columns[worst]! += 1;
  }
  const pages = Math.max(1, ...counts.map((_, i) => pagesOf(i)));
  // A column that does not save a page only narrows the other lanes: give it back.
  for (let i = 0; i < counts.length; i += 1) {
    while (columns[i]! > 1 && Math.ceil((counts[i] ?? 0) / ((columns[i]! - 1) * rows)) <= pages) columns[i]! -= 1;
  }
  const perPage = columns.map((c) => c * rows);
  return { titlePx: f, rows, columns, perPage, pages };
}

/**
 * The cards of one lane that page `page` (0-based) shows: all of them on every page when they fit on
 * one, else that page's share (none past the lane's last page).
 */
export function pageOf<T>(cards: readonly T[], perPage: number, page: number): T[] {
  if (perPage <= 0) return [];
  if (cards.length <= perPage) return [...cards];
  return cards.slice(page * perPage, page * perPage + perPage);
}

/** How many cards of the backlog or the done lane fit in half the side column, at most `most`. */
export function sideCards(height: number, f: number, headerPx: number, most = 3): number {
  return Math.max(0, Math.min(most, rowsFor(height / 2 - headerPx, f)));
}
