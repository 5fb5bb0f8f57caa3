import { afterEach, describe, expect, test } from 'vitest';
import { loadDraft, saveDraft, type Draft } from '../../client/respondent/draft.js';
import { isPageData } from '../../client/respondent/guards.js';
import { createTestApp } from '../helpers/app.js';
import { createCampaign } from '../helpers/campaigns.js';

/** A phone's storage, enough for the draft module (the test runs outside a browser). */
function phoneStorage(): Map<string, string> {
  const items = new Map<string, string>();
  Object.assign(globalThis, {
    localStorage: {
      getItem: (k: string) => items.get(k) ?? null,
      setItem: (k: string, v: string) => void items.set(k, v),
      removeItem: (k: string) => void items.delete(k),
    },
  });
  return items;
}

afterEach(() => {
  Reflect.deleteProperty(globalThis, 'localStorage');
});

describe('the respondent page checks the JSON it reads', () => {
  test('the data block every form page carries passes the check; a damaged one does not', async () => {
    const t = await createTestApp();
    const c = await createCampaign(t);
    const html = await (await t.req(`/s/${c.links[0]!.code}`)).text();
    const block = /<script type="application\/json" id="rs-data">(.*?)<\/script>/s.exec(html)![1]!;
    const data: unknown = JSON.parse(block);
    expect(isPageData(data)).toBe(true);
    // Without its questionnaire the script would crash half-way: it must leave the plain form.
    expect(isPageData({ ...(data as object), survey: { title: 'x' } })).toBe(false);
  });

  test('a saved draft comes back as it was saved', () => {
    phoneStorage();
    const draft: Draft = {
      clientId: 'c1',
      startedAt: '2026-11-23T02:00:00.000Z',
      answers: { q1: 4, q2: null, q3: ['a', 'b'], q4: 'Tốt' },
      step: 1,
      pending: true,
    };
    saveDraft('ABC', draft);
    expect(loadDraft('ABC')).toEqual(draft);
  });

  test('a damaged draft is dropped and the form starts afresh', () => {
    const items = phoneStorage();
    const good = { clientId: 'c1', startedAt: '2026-11-23T02:00:00.000Z', answers: {}, step: 0 };
    items.set('hl.d.A', JSON.stringify({ ...good, answers: 'q1=4' }));
    items.set('hl.d.B', JSON.stringify({ ...good, answers: { q1: { nested: true } } }));
    items.set('hl.d.C', JSON.stringify({ ...good, step: '2' }));
    items.set('hl.d.D', '{not json');
    for (const code of ['A', 'B', 'C', 'D']) expect(loadDraft(code)).toBeNull();
    items.set('hl.d.E', JSON.stringify(good));
    expect(loadDraft('E')).toEqual(good);
  });
});
