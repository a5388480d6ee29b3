// Generated from src/Kanban.Domain/Problems/ProblemType.cs by tests/Kanban.Api.Tests/Contract/ProblemsContractTests.cs.
// Do not edit: run that test with KANBAN_WRITE_CONTRACT=1 to rewrite this file, and commit it.

/** Each problem type the server answers with: its name (the end of its `type` URN) and its HTTP status. */
export const PROBLEM_STATUS = {
  'validation-failed': 400,
  'unauthorized': 401,
  'forbidden': 403,
  'not-found': 404,
  'method-not-allowed': 405,
  'wip-limit-reached': 409,
  'personal-wip-limit-reached': 409,
  'line-stopped': 409,
  'line-not-stopped': 409,
  'quality-gate-failed': 409,
  'likely-duplicate': 409,
  'ticket-not-in-triage': 409,
  'concurrency-conflict': 409,
  'undo-not-possible': 409,
  'conflict': 409,
  'lane-not-empty': 409,
  'last-product-owner': 409,
  'too-many-requests': 429,
  'internal-error': 500,
} as const;

export type ProblemName = keyof typeof PROBLEM_STATUS;

export function isProblemName(name: string): name is ProblemName {
  return Object.prototype.hasOwnProperty.call(PROBLEM_STATUS, name);
}
