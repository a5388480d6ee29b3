import type { Outlier } from '../../api/types';
import { outlierWords } from './useOutliers';

/**
 * Why a card is an outlier, in words: its first reason shown, every reason on hover (title) and to
 * screen readers, so the card stays compact.
 */
export function OutlierBadge({ outlier }: { outlier: Pick<Outlier, 'details'> }) {
  const first = outlier.details[0]?.words ?? 'Outlier';
  const more = outlier.details.length - 1;
  const all = outlierWords(outlier);
  return (
    <span className="badge badge--outlier outlier-badge" title={all} data-testid="outlier-badge">
      <span aria-hidden="true">
        {first}
        {more > 0 && <span className="outlier-badge__more"> · +{more} more</span>}
      </span>
      <span className="sr-only">Outlier: {all}</span>
    </span>
  );
}
