// Generated from src/Kanban.Domain/Boards/BoardLimits.cs by tests/Kanban.Api.Tests/Contract/LimitsContractTests.cs.
// Do not edit: run that test with KANBAN_WRITE_CONTRACT=1 to rewrite this file, and commit it.

/** The limits the server keeps a board's names and settings in; ranges are inclusive. */
export const LIMITS = {
  boardNameMaxLength: 120,
  boardKeyMaxLength: 10,
  laneNameMaxLength: 60,
  fillerWordsMaxCount: 500,
  fillerWordMaxLength: 60,
  wipLimit: { min: 1, max: 999 },
  personalWipLimit: { min: 1, max: 20 },
  stopLineThreshold: { min: 1, max: 999 },
  staleDays: { min: 1, max: 60 },
  maxEstimateDays: { min: 0.5, max: 60 },
  duplicateThreshold: { min: 0.1, max: 1 },
  duplicateWindowDays: { min: 1, max: 3650 },
  cycleTimeWindowDays: { min: 7, max: 730 },
  forecastWeeks: { min: 1, max: 52 },
  stoppedRedPercent: { min: 1, max: 100 },
  targetDate: { min: '2000-01-01', max: '2199-12-31' },
  statusNoteMaxLength: 2000,
} as const;
