import { Writable } from 'node:stream';
import { Out } from '../../src/export/out.js';

/** An Out that keeps what is written, for reading back in a test. */
export function memoryOut(): { out: Out; text(): string } {
  const chunks: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer | string, _enc, done) {
      chunks.push(chunk.toString());
      done();
    },
  });
  return { out: new Out(stream), text: () => chunks.join('') };
}
