/**
 * Evidence from a statistical NLP engine (CoreNLP's Spanish NER) beside the rules: spans of the
 * normalized text the engine labels as people. The rules and the gazetteer still decide what a
 * mention is; the evidence only lets a run of capitalised words that reads as a name but starts
 * with a given name the lexicon lacks ("Tadeo Salgado") be taken as a person.
 */
import type { NlpDoc } from '../nlp/corenlp.js';

export interface Evidence {
  /** spans the engine labels PERSON, offsets into the normalized text */
  persons: { start: number; end: number }[];
}

export function evidenceFrom(doc: NlpDoc): Evidence {
  return { persons: doc.mentions.filter((m) => m.ner === 'PERSON').map((m) => ({ start: m.start, end: m.end })) };
}
