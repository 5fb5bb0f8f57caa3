import { describe, expect, test } from 'vitest';
import { parseAnswers } from '../../server/reports/export-columns.js';

describe('the raw export reads each stored response', () => {
  test('stored answers come back as they were stored', () => {
    expect(parseAnswers('{"q1":4,"q2":null,"q3":["a"]}')).toEqual({ q1: 4, q2: null, q3: ['a'] });
  });

  test('a damaged row stops the export instead of appearing as a blank response', () => {
    expect(() => parseAnswers('{"q1":4')).toThrow();
    expect(() => parseAnswers('[4, 5]')).toThrow();
    expect(() => parseAnswers('null')).toThrow();
  });
});
