import type { Card, CardClass } from '../../api/types';

export const classLabels: Record<CardClass, string> = {
  BusinessBlocker: 'Business blocker',
  TechnicalBlocker: 'Technical blocker',
  Risk: 'Risk',
  Standard: 'Standard',
};

export function classLabel(cls: CardClass | string): string {
  return (classLabels as Record<string, string>)[cls] ?? cls;
}

/** "2d" (or "0.5d"); empty when there is no estimate. */
export function estimateLabel(card: Pick<Card, 'estimateDays'>): string {
  return card.estimateDays == null ? '' : `${card.estimateDays}d`;
}
