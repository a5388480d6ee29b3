import { describe, expect, it } from 'vitest';
import { ApiError } from '../../api/http';
import { boardSettings } from '../../test/fixtures';
import {
  BOARD_FIELDS,
  draftDiffers,
  draftToLaneRequest,
  draftToSettingsRequest,
  fieldErrors,
  otherFieldErrors,
  parseLines,
  parseNumber,
  settingsRequestFor,
  settingsToDraft,
  GATE_FIELDS,
} from './settingsForm';

const settings = boardSettings;

describe('settings form conversions', () => {
  it('parses numbers, empty as null', () => {
    expect(parseNumber(' 4 ')).toBe(4);
    expect(parseNumber('0,5')).toBe(0.5);
    expect(parseNumber('')).toBeNull();
    expect(parseNumber('abc')).toBeNull();
  });

  it('takes one filler word a line, dropping blank lines', () => {
    expect(parseLines('works\n\n  as expected \r\nTBD\n')).toEqual(['works', 'as expected', 'TBD']);
  });

  it('round-trips the settings, an empty threshold meaning automatic', () => {
    const draft = settingsToDraft(settings);
    expect(draft.stopLineThreshold).toBe('');
    expect(draft.fillerWords).toBe('works\nas expected');
    expect(draftToSettingsRequest(draft)).toEqual({
      personalWipLimit: 2,
      stopLineThreshold: null,
      staleDays: 3,
      maxEstimateDays: 5,
      duplicateThreshold: 0.8,
      duplicateWindowDays: 180,
      cycleTimeWindowDays: 90,
      fillerWords: ['works', 'as expected'],
      forecastWeeks: 6,
      targetDate: null,
      stoppedRedPercent: 10,
      lineStopSound: false,
    });
    expect(draftToSettingsRequest({ ...draft, stopLineThreshold: '7' }).stopLineThreshold).toBe(7);
    expect(draftToSettingsRequest({ ...draft, targetDate: ' 2027-03-31 ', lineStopSound: 'true' })).toMatchObject({
      targetDate: '2027-03-31',
      lineStopSound: true,
    });
  });

  it('turns a lane draft into a request, an empty limit meaning none', () => {
    expect(draftToLaneRequest({ name: ' QA ', kind: 'Active', wipLimit: '', untested: true })).toEqual({
      name: 'QA',
      kind: 'Active',
      wipLimit: null,
      untested: true,
    });
  });
});

describe('fieldErrors', () => {
  const error = new ApiError(400, {
    type: 'urn:kanban:problem:validation-failed',
    errors: {
      personalWipLimit: ['Must be between 1 and 20.'],
      'fillerWords[2]': ['Must not be empty.'],
      '$.staleDays': ['Not a number.'],
      somethingElse: ['Odd.'],
    },
  });

  it('finds a field, its JSON path form and its items', () => {
    expect(fieldErrors(error, 'personalWipLimit')).toEqual(['Must be between 1 and 20.']);
    expect(fieldErrors(error, 'staleDays')).toEqual(['Not a number.']);
    expect(fieldErrors(error, 'fillerWords')).toEqual(['Line 3: Must not be empty.']);
    expect(fieldErrors(error, 'maxEstimateDays')).toEqual([]);
    expect(fieldErrors(new Error('x'), 'name')).toEqual([]);
  });

  it('lists what no field shows', () => {
    expect(otherFieldErrors(error, ['personalWipLimit', 'fillerWords', 'staleDays'])).toEqual(['Odd.']);
  });
});

describe('one form of the settings', () => {
  it('sends its own edits and every other field as saved', () => {
    const draft = { staleDays: '7', maxEstimateDays: '9' };
    expect(settingsRequestFor(settings, draft, BOARD_FIELDS)).toEqual({
      personalWipLimit: 2,
      stopLineThreshold: null,
      staleDays: 7,
      maxEstimateDays: 5,
      duplicateThreshold: 0.8,
      duplicateWindowDays: 180,
      cycleTimeWindowDays: 90,
      fillerWords: ['works', 'as expected'],
      forecastWeeks: 6,
      targetDate: null,
      stoppedRedPercent: 10,
      lineStopSound: false,
    });
    expect(settingsRequestFor(settings, draft, GATE_FIELDS).maxEstimateDays).toBe(9);
    expect(settingsRequestFor({ ...settings, targetDate: '2027-01-29' }, draft, BOARD_FIELDS).targetDate).toBe('2027-01-29');
    expect(settingsRequestFor(settings, draft, GATE_FIELDS).staleDays).toBe(3);
    expect(settingsRequestFor(settings, null, GATE_FIELDS)).toEqual(settingsRequestFor(settings, {}, BOARD_FIELDS));
  });

  it('is unsaved only while one of its fields differs from the saved value', () => {
    expect(draftDiffers(settings, null, BOARD_FIELDS)).toBe(false);
    expect(draftDiffers(settings, { staleDays: ' 3 ' }, BOARD_FIELDS)).toBe(false);
    expect(draftDiffers(settings, { staleDays: '4' }, BOARD_FIELDS)).toBe(true);
    expect(draftDiffers(settings, { staleDays: '4' }, GATE_FIELDS)).toBe(false);
    expect(draftDiffers(settings, { fillerWords: 'works\nas expected\n' }, GATE_FIELDS)).toBe(true);
    expect(draftDiffers(settings, { duplicateWindowDays: '365' }, GATE_FIELDS)).toBe(true);
    expect(draftDiffers(settings, { duplicateWindowDays: '365' }, BOARD_FIELDS)).toBe(false);
  });
});
