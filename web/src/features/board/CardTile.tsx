import { useSortable } from '@dnd-kit/sortable';
import { CSS } from '@dnd-kit/utilities';
import type { KeyboardEvent, MouseEvent } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import type { Card } from '../../api/types';
import { OutlierBadge } from './OutlierBadge';
import { useCardOutlier } from './useOutliers';
import { ageLabel, blockedLabel, classLabel, estimateLabel, initials } from './cardLabels';

export interface CardDragData {
  type: 'card';
  card: Card;
}

/** Where a card opens: its ticket page (read-only for a viewer). */
export function ticketPath(card: Pick<Card, 'id'>): string {
  return `/tickets/${encodeURIComponent(card.id)}`;
}

/** The assignee's initials, their name on hover (title) and to screen readers. */
function Assignee({ name }: { name: string }) {
  return (
    <span className="avatar" title={name} data-testid="card-assignee">
      <span aria-hidden="true">{initials(name)}</span>
      <span className="sr-only">Assigned to {name}</span>
    </span>
  );
}

export interface CardContentProps {
  card: Card;
  /** The assignee's name (from the board's `people`); undefined: the card has none, or the name is not known yet. */
  assigneeName?: string;
  /** The current time (ms), for how long a card has been blocked. */
  now: number;
}

/** What a card shows; used by the sortable tile, the viewer's link and the drag overlay. */
export function CardContent({ card, assigneeName, now }: CardContentProps) {
  const estimate = estimateLabel(card);
  const age = ageLabel(card);
  const blocked = blockedLabel(card, now);
  const outlier = useCardOutlier(card.id);
  return (
    <>
      <span className="card__top">
        <span className="card__key">{card.key}</span>
      </span>
      <span className="card__title">{card.title}</span>
      {blocked && (
        <span className="card__blocked" data-testid="blocked-marker">
          <span aria-hidden="true">
            <span className="card__blocked-icon">■</span> {blocked.text}
          </span>
          <span className="sr-only">{blocked.spoken}</span>
        </span>
      )}
      <span className="card__meta">
        <span className={`badge badge--${card.class.toLowerCase()}`}>{classLabel(card.class)}</span>
        {age && (
          <span className="card__age" data-testid="card-age">
            <span aria-hidden="true">{age.text}</span>
            <span className="sr-only">{age.spoken}</span>
          </span>
        )}
        {estimate && (
          <span className="card__estimate">
            <span aria-hidden="true">est. {estimate}</span>
            <span className="sr-only">
              estimate {card.estimateDays} {card.estimateDays === 1 ? 'day' : 'days'}
            </span>
          </span>
        )}
        {!outlier && card.outlier && (
          <span className="badge badge--outlier" data-testid="outlier-marker">
            Outlier
          </span>
        )}
        {card.assigneeId && (assigneeName ? <Assignee name={assigneeName} /> : <Assignee name="Someone" />)}
      </span>
      {/* Under the age it is about, on a line of its own: its words are longer than the meta row. */}
      {outlier && <OutlierBadge outlier={outlier} />}
    </>
  );
}

function cardClassName(card: Card, extra = ''): string {
  return ['card', `card--${card.class.toLowerCase()}`, card.blocked ? 'card--blocked' : '', extra]
    .filter(Boolean)
    .join(' ');
}

export interface CardTileProps {
  card: Card;
  assigneeName?: string;
  now: number;
  /** Opens the card's actions (assign, block); absent: no actions button. */
  onActions?: (card: Card, button: HTMLButtonElement) => void;
}

/**
 * A card a member can move: a list item holding the sortable (role=button) tile and, beside it (a
 * button cannot hold another), its actions button. A click or Enter opens the ticket; Space picks
 * the card up (dnd-kit's keyboard sensor), the arrows move it, Space or Enter drops it.
 */
export function CardTile({ card, assigneeName, now, onActions }: CardTileProps) {
  const navigate = useNavigate();
  const { attributes, listeners, setNodeRef, transform, transition, isDragging } = useSortable({
    id: card.id,
    data: { type: 'card', card } satisfies CardDragData,
  });

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    // While the card is picked up, Enter drops it (the sensor's key): it must not open it too.
    if (event.key === 'Enter' && !isDragging && event.target === event.currentTarget && !event.repeat) {
      event.preventDefault();
      void navigate(ticketPath(card));
      return;
    }
    (listeners?.onKeyDown as ((e: KeyboardEvent<HTMLDivElement>) => void) | undefined)?.(event);
  };

  // A drag ends without a click (dnd-kit swallows it), so a click is always "open".
  const onClick = (event: MouseEvent<HTMLDivElement>) => {
    if (event.button !== 0 || isDragging) return;
    void navigate(ticketPath(card));
  };

  return (
    <li
      ref={setNodeRef}
      className={`lane__item${onActions ? ' lane__item--actions' : ''}`}
      style={{ transform: CSS.Translate.toString(transform), transition }}
    >
      <div
        className={cardClassName(card, isDragging ? 'card--placeholder' : '')}
        data-testid={`card-${card.key}`}
        data-card-id={card.id}
        data-blocked={card.blocked ? 'true' : undefined}
        data-draggable="true"
        {...attributes}
        {...listeners}
        onKeyDown={onKeyDown}
        onClick={onClick}
      >
        <CardContent card={card} assigneeName={assigneeName} now={now} />
      </div>
      {onActions && (
        <button
          type="button"
          className="card__actions"
          aria-label={`Actions for ${card.key}`}
          aria-haspopup="dialog"
          title="Assign or block"
          data-testid={`card-actions-${card.key}`}
          onClick={(e) => onActions(card, e.currentTarget)}
        >
          <span aria-hidden="true">⋯</span>
        </button>
      )}
    </li>
  );
}

/**
 * A card that opens but does not move: a viewer's, or an older Done card loaded with "Show more".
 * A link to the ticket, so it is focusable and opens on click or Enter.
 */
export function CardLinkTile({ card, assigneeName, now }: { card: Card; assigneeName?: string; now: number }) {
  return (
    <li className="lane__item">
      <Link
        to={ticketPath(card)}
        className={cardClassName(card, 'card--link')}
        data-testid={`card-${card.key}`}
        data-card-id={card.id}
        data-blocked={card.blocked ? 'true' : undefined}
        data-draggable="false"
      >
        <CardContent card={card} assigneeName={assigneeName} now={now} />
      </Link>
    </li>
  );
}

/** The copy that follows the pointer while dragging: no test id, hidden from assistive tech. */
export function CardOverlay({ card, assigneeName, now }: CardContentProps) {
  return (
    <div className={cardClassName(card, 'card--overlay')} aria-hidden="true">
      <CardContent card={card} assigneeName={assigneeName} now={now} />
    </div>
  );
}
