// Pure conversions between the settings and lane forms (strings, as inputs hold them) and the API's
// shapes, and the per-field error lookup. Unit-tested.
import { isApiError } from '../../api/http';
import type { BoardSettings, Lane, LaneKind, LaneRequest, UpdateSettingsRequest } from '../../api/types';

export interface SettingsDraft {
  personalWipLimit: string;
  stopLineThreshold: string;
  staleDays: string;
  maxEstimateDays: string;
  duplicateThreshold: string;
  duplicateWindowDays: string;
  cycleTimeWindowDays: string;
  fillerWords: string;
  forecastWeeks: string;
  /** `yyyy-MM-dd`, or empty for no target. */
  targetDate: string;
  stoppedRedPercent: string;
  /** 'true' or 'false', as a checkbox's state. */
  lineStopSound: string;
}

export type SettingsField = keyof SettingsDraft;

export const SETTINGS_FIELDS: readonly SettingsField[] = [
  'personalWipLimit',
  'stopLineThreshold',
  'staleDays',
  'maxEstimateDays',
  'duplicateThreshold',
  'duplicateWindowDays',
  'cycleTimeWindowDays',
  'fillerWords',
  'forecastWeeks',
  'targetDate',
  'stoppedRedPercent',
  'lineStopSound',
];

/** An empty input is null; anything else is its number (NaN stays NaN's absence: null, the server says why). */
export function parseNumber(value: string): number | null {
  const trimmed = value.trim();
  if (trimmed === '') return null;
  const n = Number(trimmed.replace(',', '.'));
  return Number.isFinite(n) ? n : null;
}

/** One word or phrase a line; blank lines dropped, each trimmed. */
export function parseLines(value: string): string[] {
  return value
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line.length > 0);
}

export function settingsToDraft(settings: BoardSettings): SettingsDraft {
  return {
    personalWipLimit: String(settings.personalWipLimit),
    stopLineThreshold: settings.stopLineThreshold == null ? '' : String(settings.stopLineThreshold),
    staleDays: String(settings.staleDays),
    maxEstimateDays: String(settings.maxEstimateDays),
    duplicateThreshold: String(settings.duplicateThreshold),
    duplicateWindowDays: String(settings.duplicateWindowDays),
    cycleTimeWindowDays: String(settings.cycleTimeWindowDays),
    fillerWords: settings.fillerWords.join('\n'),
    forecastWeeks: String(settings.forecastWeeks),
    targetDate: settings.targetDate ?? '',
    stoppedRedPercent: String(settings.stoppedRedPercent),
    lineStopSound: String(settings.lineStopSound),
  };
}

export function draftToSettingsRequest(draft: SettingsDraft): UpdateSettingsRequest {
  return {
    personalWipLimit: parseNumber(draft.personalWipLimit),
    stopLineThreshold: parseNumber(draft.stopLineThreshold),
    staleDays: parseNumber(draft.staleDays),
    maxEstimateDays: parseNumber(draft.maxEstimateDays),
    duplicateThreshold: parseNumber(draft.duplicateThreshold),
    duplicateWindowDays: parseNumber(draft.duplicateWindowDays),
    cycleTimeWindowDays: parseNumber(draft.cycleTimeWindowDays),
    fillerWords: parseLines(draft.fillerWords),
    forecastWeeks: parseNumber(draft.forecastWeeks),
    targetDate: draft.targetDate.trim() === '' ? null : draft.targetDate.trim(),
    stoppedRedPercent: parseNumber(draft.stoppedRedPercent),
    lineStopSound: draft.lineStopSound === 'true',
  };
}

/** The board's flow limits: the "Board" form. */
export const BOARD_FIELDS: readonly SettingsField[] = ['personalWipLimit', 'stopLineThreshold', 'staleDays', 'cycleTimeWindowDays'];
/**
 * What the quality gates check a ticket against: the "Gates" form (with how long closed tickets
 * stay among those a new one is compared with for duplicates).
 */
export const GATE_FIELDS: readonly SettingsField[] = ['maxEstimateDays', 'duplicateThreshold', 'duplicateWindowDays', 'fillerWords'];
/** What the status page's colour and forecast and the wall's sound follow: the "Status and wall" form. */
export const STATUS_FIELDS: readonly SettingsField[] = ['forecastWeeks', 'stoppedRedPercent', 'targetDate', 'lineStopSound'];

/** Whether a form's own fields in `draft` differ from the saved settings (numbers compared trimmed). */
export function draftDiffers(saved: BoardSettings, draft: Partial<SettingsDraft> | null, fields: readonly SettingsField[]): boolean {
  if (!draft) return false;
  const base = settingsToDraft(saved);
  return fields.some((field) => {
    const value = draft[field];
    if (value === undefined) return false;
    return field === 'fillerWords' ? value !== base[field] : value.trim() !== base[field].trim();
  });
}

/**
 * The settings PUT for one form: its own fields as edited, every other field as last saved (never
 * another form's unsaved edits), since the PUT takes all the settings at once.
 */
export function settingsRequestFor(
  saved: BoardSettings,
  draft: Partial<SettingsDraft> | null,
  fields: readonly SettingsField[],
): UpdateSettingsRequest {
  const merged = settingsToDraft(saved);
  for (const field of fields) {
    const value = draft?.[field];
    if (value !== undefined) merged[field] = value;
  }
  return draftToSettingsRequest(merged);
}

export interface LaneDraft {
  name: string;
  kind: LaneKind;
  wipLimit: string;
  untested: boolean;
}

export function laneToDraft(lane: Lane): LaneDraft {
  return { name: lane.name, kind: lane.kind, wipLimit: lane.wipLimit == null ? '' : String(lane.wipLimit), untested: lane.untested };
}

export function draftToLaneRequest(draft: LaneDraft): Omit<LaneRequest, 'order'> {
  return { name: draft.name.trim(), kind: draft.kind, wipLimit: parseNumber(draft.wipLimit), untested: draft.untested };
}

export function sameLaneDraft(a: LaneDraft, b: LaneDraft): boolean {
  return a.name === b.name && a.kind === b.kind && a.wipLimit.trim() === b.wipLimit.trim() && a.untested === b.untested;
}

/**
 * The server's 400 messages for a field: `field`, `$.field`, and its items (`fillerWords[2]`,
 * `fillerWords[2].x`), matched case-insensitively. Items are prefixed with their line number.
 */
export function fieldErrors(error: unknown, field: string): string[] {
  if (!isApiError(error)) return [];
  const wanted = field.toLowerCase();
  const out: string[] = [];
  for (const [name, messages] of Object.entries(error.fieldErrors)) {
    const key = name.replace(/^\$\./, '').toLowerCase();
    if (key === wanted) out.push(...messages);
    else if (key.startsWith(`${wanted}[`)) {
      const index = Number(/^\S+?\[(\d+)\]/.exec(key)?.[1]);
      out.push(...messages.map((m) => (Number.isFinite(index) ? `Line ${index + 1}: ${m}` : m)));
    }
  }
  return out;
}

/** Messages for fields not in `shown` (so that nothing the server said goes unseen). */
export function otherFieldErrors(error: unknown, shown: readonly string[]): string[] {
  if (!isApiError(error)) return [];
  const known = shown.map((f) => f.toLowerCase());
  return Object.entries(error.fieldErrors)
    .filter(([name]) => {
      const key = name.replace(/^\$\./, '').toLowerCase();
      return !known.some((f) => key === f || key.startsWith(`${f}[`));
    })
    .flatMap(([, messages]) => messages);
}
