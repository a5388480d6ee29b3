import { gateLabel } from '../../api/gates';
import type { GateResult } from '../../api/types';

/**
 * One gate's result, in words: passes or fails, and its message (what to fix). Carries
 * `data-testid="gate-{gate}"` and `data-passed`. Nothing before the gate has been checked.
 */
export function GateLine({ gate, id, showName = false }: { gate: GateResult | undefined; id?: string; showName?: boolean }) {
  if (!gate) return null;
  return (
    <p
      id={id}
      className={`gate ${gate.passed ? 'gate--pass' : 'gate--fail'}`}
      data-testid={`gate-${gate.gate}`}
      data-passed={gate.passed ? 'true' : 'false'}
    >
      <span className="gate__icon" aria-hidden="true">
        {gate.passed ? '✓' : '✗'}
      </span>
      <span className="gate__text">
        <span className={showName ? 'gate__name' : 'sr-only'}>
          {gateLabel(gate.gate)} {gate.passed ? 'passes' : 'fails'}:{' '}
        </span>
        {gate.message}
      </span>
    </p>
  );
}

/** Every gate, as a list (the ticket page and the triage detail). */
export function GateList({ gates, label }: { gates: readonly GateResult[]; label: string }) {
  return (
    <ul className="gate-list" aria-label={label}>
      {gates.map((g) => (
        <li key={g.gate}>
          <GateLine gate={g} showName />
        </li>
      ))}
    </ul>
  );
}
