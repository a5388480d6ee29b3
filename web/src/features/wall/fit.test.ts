import { describe, expect, it } from 'vitest';
import { CARD_GAP_EM, CARD_HEIGHT_EM, DESIGN_TITLE_PX, FLOOR_TITLE_PX, fitWall, pageOf, rowsFor, screenUnit } from './fit';

// The wall's lanes area at 1920x1080, less the header (64), the lanes' padding (2 x 12) and their titles (56).
const HD = { width: 1920 - 24, height: 1080 - 64 - 24 - 56 };

describe('fitWall', () => {
  it('keeps the design size for a small board', () => {
    const fit = fitWall({ ...HD, lanes: [2, 3, 1, 2], maxTitlePx: DESIGN_TITLE_PX });
    expect(fit).toMatchObject({ titlePx: DESIGN_TITLE_PX, pages: 1 });
    expect(fit.columns).toEqual([1, 1, 1, 1]);
  });

  it('fits 40 cards in progress at 1920x1080 on one page with titles of 24 px or more', () => {
    for (const lanes of [[10, 10, 10, 10], [16, 12, 8, 4], [25, 5, 5, 5], [40, 0, 0, 0]]) {
      const fit = fitWall({ ...HD, lanes, maxTitlePx: DESIGN_TITLE_PX });
      expect(fit.pages, `lanes ${lanes.join(',')}`).toBe(1);
      expect(fit.titlePx).toBeGreaterThanOrEqual(FLOOR_TITLE_PX);
      fit.perPage.forEach((n, i) => expect(n).toBeGreaterThanOrEqual(lanes[i]!));
    }
  });

  it('never needs more height than there is: the rows times the card and its gap fit the lane', () => {
    const fit = fitWall({ ...HD, lanes: [10, 10, 10, 10], maxTitlePx: DESIGN_TITLE_PX });
    const used = fit.rows * (CARD_HEIGHT_EM + CARD_GAP_EM) * fit.titlePx - CARD_GAP_EM * fit.titlePx + 2 * 0.25 * fit.titlePx;
    expect(used).toBeLessThanOrEqual(HD.height);
    expect(rowsFor(HD.height, fit.titlePx)).toBe(fit.rows);
  });

  it('shrinks a larger board, but not below the floor, then pages it', () => {
    const big = fitWall({ ...HD, lanes: [60, 50, 40, 30], maxTitlePx: DESIGN_TITLE_PX });
    expect(big.titlePx).toBe(FLOOR_TITLE_PX);
    expect(big.pages).toBeGreaterThan(1);
    [60, 50, 40, 30].forEach((n, i) => expect(Math.ceil(n / big.perPage[i]!)).toBeLessThanOrEqual(big.pages));
  });

  it('scales with the screen: twice the size at 3840x2160, and at 1280x720 pages rather than go below the floor', () => {
    expect(screenUnit(3840, 2160)).toBe(2);
    const uhd = fitWall({ width: 2 * HD.width, height: 2 * HD.height, lanes: [10, 10, 10, 10], maxTitlePx: DESIGN_TITLE_PX * 2 });
    const hd = fitWall({ ...HD, lanes: [10, 10, 10, 10], maxTitlePx: DESIGN_TITLE_PX });
    expect(uhd.titlePx).toBeGreaterThanOrEqual(2 * hd.titlePx - 1);
    expect(uhd.pages).toBe(1);

    const u = screenUnit(1280, 720);
    const small = fitWall({ width: 1280 - 16, height: 720 - 0.667 * (64 + 24 + 56), lanes: [10, 10, 10, 10], maxTitlePx: DESIGN_TITLE_PX * u });
    expect(small.titlePx).toBe(FLOOR_TITLE_PX);
    expect(small.pages).toBeGreaterThanOrEqual(1);
    [10, 10, 10, 10].forEach((n, i) => expect(small.perPage[i]! * small.pages).toBeGreaterThanOrEqual(n));
    // Paged anyway: no lane takes a column that would not save a page.
    expect(small.columns).toEqual([1, 1, 1, 1]);
  });
});

describe('pageOf', () => {
  const cards = ['a', 'b', 'c', 'd', 'e'];

  it('shows a lane that fits on one page on every page', () => {
    expect(pageOf(cards, 5, 0)).toEqual(cards);
    expect(pageOf(cards, 8, 2)).toEqual(cards);
  });

  it("shows each page's share of a longer lane, and nothing past its last page", () => {
    expect(pageOf(cards, 2, 0)).toEqual(['a', 'b']);
    expect(pageOf(cards, 2, 1)).toEqual(['c', 'd']);
    expect(pageOf(cards, 2, 2)).toEqual(['e']);
    expect(pageOf(cards, 2, 3)).toEqual([]);
  });
});

describe('fitWall prefers wide cards', () => {
  it('keeps one column a lane, for the most words of each title, unless more columns make the type much larger', () => {
    const fit = fitWall({ ...HD, lanes: [10, 10, 10, 10], maxTitlePx: DESIGN_TITLE_PX });
    expect(fit.columns).toEqual([1, 1, 1, 1]);
    expect(fit.titlePx).toBeGreaterThanOrEqual(FLOOR_TITLE_PX);

    // One lane of 40: a single column would be far below the floor, so it takes several.
    const crowded = fitWall({ ...HD, lanes: [40, 0, 0, 0], maxTitlePx: DESIGN_TITLE_PX });
    expect(crowded.columns[0]).toBeGreaterThan(1);
  });
});
