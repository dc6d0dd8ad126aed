/** Plain text to a mapped string (normalize.ts). */
import { type Mapped, MappedBuilder } from './mapped.js';

export function mapText(input: string): Mapped {
  const b = new MappedBuilder();
  b.addRaw(input, 0, input.length);
  return b.build();
}
