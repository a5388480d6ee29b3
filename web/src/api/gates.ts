// The quality gates' names in words, and small pure helpers over gate results (rule 5).
import type { GateId, GateResult } from './types';

export const GATE_IDS: readonly GateId[] = ['title', 'description', 'definition-of-done', 'estimate', 'duplicate'];

const GATE_LABELS: Record<GateId, string> = {
  title: 'Title',
  description: 'Description',
  'definition-of-done': 'Definition of done',
  estimate: 'Estimate',
  duplicate: 'Duplicates',
};

/** `definition-of-done` → "Definition of done"; an unknown gate keeps its name. */
export function gateLabel(gate: string): string {
  return (GATE_LABELS as Record<string, string>)[gate] ?? gate;
}

export function failingGates(gates: readonly GateResult[]): GateResult[] {
  return gates.filter((g) => !g.passed);
}

/** Reads the `gates` extension of a problem (409 quality-gate-failed): the gate results it lists. */
export function gatesFrom(value: unknown): GateResult[] {
  if (!Array.isArray(value)) return [];
  return value.filter(
    (g): g is GateResult =>
      !!g && typeof g === 'object' && typeof (g as GateResult).gate === 'string' && typeof (g as GateResult).message === 'string',
  );
}
