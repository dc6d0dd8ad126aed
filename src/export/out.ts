/**
 * Where an export writes: a file, an HTTP response or a gzip stream. Text is gathered into chunks
 * of about 64 KB; each chunk is written with backpressure (when the stream's buffer is full the
 * writer waits for it to drain), so a slow reader slows the export down instead of filling memory.
 */
import { once } from 'node:events';
import type { Writable } from 'node:stream';

/** The reader went away (the HTTP client closed the connection, the stream was destroyed). */
export class OutputClosedError extends Error {
  constructor() {
    super('the output was closed before the export ended');
  }
}

const CHUNK = 64 * 1024;

export class Out {
  private parts: string[] = [];
  private size = 0;
  /** characters written so far (chunks handed to the stream) */
  written = 0;

  constructor(readonly stream: Writable) {}

  /** Adds text; writes a chunk once enough has gathered. */
  async write(text: string): Promise<void> {
    this.parts.push(text);
    this.size += text.length;
    if (this.size >= CHUNK) await this.flush();
  }

  /** Writes what has gathered, waiting while the stream's buffer is full. */
  async flush(): Promise<void> {
    if (!this.parts.length) return;
    const chunk = this.parts.join('');
    this.parts = [];
    this.size = 0;
    await writeChunk(this.stream, chunk);
    this.written += chunk.length;
  }

  /** Flushes and ends the stream, waiting until it has finished (a file: closed). */
  async end(): Promise<void> {
    await this.flush();
    if (this.stream.destroyed) throw new OutputClosedError();
    const finished = once(this.stream, 'finish');
    this.stream.end();
    await finished;
  }
}

async function writeChunk(stream: Writable, chunk: string | Buffer): Promise<void> {
  if (stream.destroyed || stream.writableEnded) throw new OutputClosedError();
  if (stream.write(chunk)) return;
  // wait for 'drain', or fail when the stream closes or errs first
  await new Promise<void>((resolve, reject) => {
    const done = (err?: Error) => {
      stream.off('drain', onDrain);
      stream.off('close', onClose);
      stream.off('error', onError);
      if (err) reject(err);
      else resolve();
    };
    const onDrain = () => done();
    const onClose = () => done(new OutputClosedError());
    const onError = (e: Error) => done(e);
    stream.on('drain', onDrain);
    stream.on('close', onClose);
    stream.on('error', onError);
  });
}
