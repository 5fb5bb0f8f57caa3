import { describe, expect, test } from 'vitest';
import { campaignState, hasClosed, isCampaignOpen } from '../../server/campaign-state.js';
import { addWorkingDays, isLate, lateCutoff } from '../../server/deadlines.js';
import { nextReport } from '../../server/reports/calendar.js';
import type { ReportModel } from '../../server/reports/model.js';
import { reportHeading } from '../../server/reports/tables.js';
import { surveyCoverage } from '../../server/targets/survey-formulas.js';
import { period, quarterOf } from '../../server/targets/period.js';
import {
  endOfVnDay,
  formatVnDate,
  formatVnDateShort,
  formatVnDateTime,
  formatVnTimeDate,
  fromVnInput,
  startOfVnDay,
  toVnInput,
  vnDate,
} from '../../server/domain/vn-time.js';

// 23:30 on 31/12/2026 in UTC is 06:30 on Friday 1/1/2027 in Vietnam: a new day, month, quarter
// and year. Every helper must land on the Vietnamese date, never on the UTC one.
const NEW_YEAR_MORNING = new Date('2026-12-31T23:30:00.000Z');

describe('an instant at 23:30 UTC is read on the next Vietnamese day', () => {
  test('the calendar date and every display format', () => {
    expect(vnDate(NEW_YEAR_MORNING)).toBe('2027-01-01');
    expect(vnDate(NEW_YEAR_MORNING.toISOString())).toBe('2027-01-01');
    expect(formatVnDate(NEW_YEAR_MORNING)).toBe('01/01/2027');
    expect(formatVnDateShort(NEW_YEAR_MORNING)).toBe('1/1/2027');
    expect(formatVnDateTime(NEW_YEAR_MORNING)).toBe('01/01/2027 06:30');
    expect(formatVnTimeDate(NEW_YEAR_MORNING.toISOString())).toBe('06:30 01/01/2027');
  });

  test('a campaign window typed in the dashboard is Vietnamese time, whatever the browser zone', () => {
    expect(toVnInput(NEW_YEAR_MORNING)).toBe('2027-01-01T06:30');
    expect(fromVnInput('2027-01-01T06:30')).toBe(NEW_YEAR_MORNING.toISOString());
  });

  test('a bare calendar date reads as that same day', () => {
    expect(formatVnDate('2027-01-01')).toBe('01/01/2027');
    expect(formatVnDateShort('2026-02-03')).toBe('3/2/2026');
  });

  test('the start and end of a Vietnamese day', () => {
    expect(startOfVnDay('2027-01-01')).toBe('2026-12-31T17:00:00.000Z');
    expect(endOfVnDay('2027-01-01')).toBe('2027-01-01T16:59:59.000Z');
    expect(lateCutoff(NEW_YEAR_MORNING)).toBe('2026-12-31T17:00:00.000Z');
  });

  test('deadlines: due 31/12 is late at 06:30 on 1/1, and a limit counts from 1/1', () => {
    expect(isLate(NEW_YEAR_MORNING, endOfVnDay('2026-12-31'))).toBe(true);
    expect(isLate(NEW_YEAR_MORNING, endOfVnDay('2027-01-01'))).toBe(false);
    // Received Fri 1/1/2027 (no holidays given): the first working day after it is Mon 4/1.
    expect(addWorkingDays(NEW_YEAR_MORNING, 1, new Set())).toBe('2027-01-04T16:59:59.000Z');
  });

  test('reporting periods and the reporting calendar', () => {
    const q = quarterOf(NEW_YEAR_MORNING);
    expect(q.label).toBe('Quý I/2027');
    expect(q.from).toBe('2027-01-01');
    expect(period('2027-01-01', '2027-01-01').startIso).toBe('2026-12-31T17:00:00.000Z');
    const next = nextReport(NEW_YEAR_MORNING);
    expect([next.id, next.year]).toEqual(['q1', 2027]);
  });

  test('the report heading prints when it was made, on a Vietnamese clock', () => {
    const stats = {
      key: 'all',
      label: 'Tất cả',
      received: 0,
      resolvedOnTime: 0,
      resolvedLate: 0,
      openOverdue: 0,
      published: 0,
    };
    const model: ReportModel = {
      unit: { id: 'u', name: 'Trường A' },
      period: { from: '2026-10-01', to: '2026-12-31' },
      generatedAt: NEW_YEAR_MORNING.toISOString(),
      children: [],
      targets: [],
      feedback: { total: stats, byCategory: [], byKind: [] },
    };
    expect(reportHeading(model)).toContain('Lập lúc: 01/01/2027 06:30');
    expect(reportHeading(model)).toContain('Kỳ báo cáo: 01/10/2026 – 31/12/2026');
  });
});

describe('a campaign takes answers from its opening instant up to, not at, its closing one', () => {
  const window = { opens_at: '2026-11-01T01:00:00.000Z', closes_at: '2026-11-30T17:00:00.000Z' };

  test('before, during and after the window', () => {
    expect(campaignState(window, new Date('2026-11-01T00:59:59.999Z'))).toBe('not_yet_open');
    expect(campaignState(window, new Date('2026-11-01T01:00:00.000Z'))).toBe('open');
    expect(campaignState(window, '2026-11-30T16:59:59.999Z')).toBe('open');
    expect(campaignState(window, '2026-11-30T17:00:00.000Z')).toBe('closed');
    expect(isCampaignOpen(window, '2026-11-30T17:00:00.000Z')).toBe(false);
    expect(hasClosed(window.closes_at, '2026-11-30T16:59:59.999Z')).toBe(false);
  });

  test('a school short of its sample is pending until the campaign closes, then failing', () => {
    const unit = (closesAt: string) => ({
      id: 's1',
      name: 'Trường A',
      campaigns: [{ name: 'Đợt 1', eligible: 100, responses: 3, closesAt }],
    });
    const open = surveyCoverage([unit(window.closes_at)], '2026-11-30T16:59:59.999Z');
    expect(open.failing).toEqual([]);
    const closed = surveyCoverage([unit(window.closes_at)], window.closes_at);
    expect(closed.failing.map((f) => f.label)).toEqual(['Trường A']);
  });
});
