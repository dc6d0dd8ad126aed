import { createHash } from 'node:crypto';

/** A span of a document that supports a fact. Offsets are UTF-16 code units, end exclusive. */
export interface Citation {
  documentId: string;
  start: number;
  end: number;
}

/** First 8 hex characters of sha256 of a span's text: lets curated data check a span without copying it. */
export function spanHash(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex').slice(0, 8);
}

export function sha256Hex(data: string | Buffer): string {
  return createHash('sha256').update(data).digest('hex');
}

/**
 * Citations are stored on nodes and relationships as compact keys `<documentId>@<start>:<end>`,
 * one string per citation, so a fact's sources stay a flat, indexable property list.
 */
/**
 * UTF-16 offsets of the characters outside the Basic Multilingual Plane (emoji, some symbols):
 * each takes two UTF-16 code units but one code point. Citations are UTF-16 offsets and Cypher's
 * substring() counts code points, so a document keeps these offsets and the queries that cut a
 * cited passage subtract the ones before it.
 */
export function astralOffsets(text: string | null): number[] {
  const out: number[] = [];
  if (!text) return out;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      out.push(i);
      i++;
    }
  }
  return out;
}

export function citationKey(c: Citation): string {
  return `${c.documentId}@${c.start}:${c.end}`;
}

export function parseCitationKey(key: string): Citation {
  const at = key.lastIndexOf('@');
  const colon = key.lastIndexOf(':');
  if (at < 0 || colon < at) throw new Error(`malformed citation key "${key}"`);
  return {
    documentId: key.slice(0, at),
    start: Number(key.slice(at + 1, colon)),
    end: Number(key.slice(colon + 1)),
  };
}

/** Curated reference `<docKey>:<start>-<end>:<hash8>` (see src/ingest/seed/format.ts). */
export interface CuratedCitation {
  docKey: string;
  start: number;
  end: number;
  hash: string;
}

const CURATED = /^([^:\s]+):(\d+)-(\d+):([0-9a-f]{8})$/;

export function parseCuratedCitation(ref: string): CuratedCitation | null {
  const m = CURATED.exec(ref.trim());
  if (!m) return null;
  return { docKey: m[1]!, start: Number(m[2]), end: Number(m[3]), hash: m[4]! };
}

export function formatCuratedCitation(docKey: string, text: string, start: number, end: number): string {
  return `${docKey}:${start}-${end}:${spanHash(text.slice(start, end))}`;
}
