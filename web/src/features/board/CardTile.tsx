import { useSortable } from '@dnd-kit/sortable';
import { CSS } from '@dnd-kit/utilities';
import { Link } from 'react-router-dom';
import type { Card } from '../../api/types';
import { classLabel, estimateLabel } from './cardLabels';

export interface CardDragData {
  type: 'card';
  card: Card;
}

/** What a card shows; used by the sortable tile and by the drag overlay. */
export function CardContent({ card }: { card: Card }) {
  const estimate = estimateLabel(card);
  return (
    <>
      <span className="card__top">
        <span className="card__key">{card.key}</span>
        <span className={`badge badge--${card.class.toLowerCase()}`}>{classLabel(card.class)}</span>
      </span>
      <span className="card__title">{card.title}</span>
      {(estimate || card.blocked || card.outlier) && (
        <span className="card__meta">
          {estimate && (
            <span className="card__estimate">
              <span aria-hidden="true">{estimate}</span>
              <span className="sr-only">
                estimate {card.estimateDays} {card.estimateDays === 1 ? 'day' : 'days'}
              </span>
            </span>
          )}
          {card.blocked && (
            <span className="badge badge--blocked" data-testid="blocked-marker">
              Blocked
            </span>
          )}
          {card.outlier && <span className="badge badge--outlier">Outlier</span>}
        </span>
      )}
    </>
  );
}

function cardClassName(card: Card, extra = ''): string {
  return ['card', `card--${card.class.toLowerCase()}`, card.blocked ? 'card--blocked' : '', extra]
    .filter(Boolean)
    .join(' ');
}

/**
 * A card on the board: a list item holding the sortable (role=button) tile and, beside it (a link
 * cannot sit inside a button), the way to the card's details. Without `canMove` (a viewer) the tile
 * is plain text: not focusable, no pointer or keyboard pick-up, and no details link (ticket details
 * are for members).
 */
export function CardTile({ card, canMove = true }: { card: Card; canMove?: boolean }) {
  const { attributes, listeners, setNodeRef, transform, transition, isDragging } = useSortable({
    id: card.id,
    data: { type: 'card', card } satisfies CardDragData,
    disabled: !canMove,
  });

  return (
    <li
      ref={setNodeRef}
      className="lane__item"
      style={{ transform: CSS.Translate.toString(transform), transition }}
    >
      <div
        className={cardClassName(card, isDragging ? 'card--placeholder' : '')}
        data-testid={`card-${card.key}`}
        data-card-id={card.id}
        data-blocked={card.blocked ? 'true' : undefined}
        data-draggable={canMove ? 'true' : 'false'}
        {...(canMove ? { ...attributes, ...listeners } : {})}
      >
        <CardContent card={card} />
      </div>
      {canMove && (
        <Link
          to={`/tickets/${encodeURIComponent(card.id)}`}
          className="card__open"
          aria-label={`Details of ${card.key}`}
          data-testid={`card-open-${card.key}`}
        >
          Details
        </Link>
      )}
    </li>
  );
}

/** The copy that follows the pointer while dragging: no test id, hidden from assistive tech. */
export function CardOverlay({ card }: { card: Card }) {
  return (
    <div className={cardClassName(card, 'card--overlay')} aria-hidden="true">
      <CardContent card={card} />
    </div>
  );
}
