import type { Scenario } from '../scenario.js';

export interface BenchContext {
  /** --full: the large sizes (10M responses, 1M-row export, longer rounds). */
  full: boolean;
  log(line: string): void;
  /** A fresh scenario database under bench/out/, created once per name and run. */
  scenario(name: string): Promise<Scenario>;
}

export interface Section {
  name: string;
  title: string;
  /** The headline figures, one line each, quoted at the top of RESULTS.md. */
  summary: string[];
  /** Markdown lines of the section. */
  body: string[];
}
