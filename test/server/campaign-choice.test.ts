import { describe, expect, test } from 'vitest';
import { defaultCampaign, type CampaignChoice } from '../../server/domain/campaign-choice.js';

const c = (id: string, over: Partial<CampaignChoice> = {}): CampaignChoice => ({
  id,
  opensAt: '2026-09-01T00:00:00.000Z',
  closesAt: '2026-10-01T00:00:00.000Z',
  open: false,
  archived: false,
  responses: 10,
  ...over,
});

describe('the overview default campaign', () => {
  test('a test campaign just made (open, no responses) does not replace the one with answers', () => {
    const list = [
      c('last-year', { closesAt: '2026-06-01T00:00:00.000Z' }),
      c('test', { open: true, responses: 0, opensAt: '2026-11-29T00:00:00.000Z' }),
    ];
    expect(defaultCampaign(list)?.id).toBe('last-year');
  });

  test('an open campaign with answers wins over closed ones; among closed, the last to close', () => {
    expect(defaultCampaign([c('a'), c('b', { open: true }), c('c')])?.id).toBe('b');
    const closed = [c('old', { closesAt: '2026-05-01T00:00:00.000Z' }), c('recent')];
    expect(defaultCampaign(closed)?.id).toBe('recent');
  });

  test('an archived campaign is never the default, even with the most answers', () => {
    const list = [c('archived', { open: true, archived: true, responses: 900 }), c('kept')];
    expect(defaultCampaign(list)?.id).toBe('kept');
  });

  test('without answers anywhere, the open one; with nothing, null', () => {
    expect(
      defaultCampaign([c('x', { responses: 0 }), c('y', { responses: 0, open: true })])?.id,
    ).toBe('y');
    expect(defaultCampaign([])).toBeNull();
    expect(defaultCampaign([c('z', { archived: true })])).toBeNull();
  });
});
