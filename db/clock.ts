/** The time source, injected so that tests run on a fixed clock. */
export type Clock = () => Date;

export const systemClock: Clock = () => new Date();

export function iso(d: Date): string {
  return d.toISOString();
}
