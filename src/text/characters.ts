/**
 * Characters no text of the graph holds: C0 control characters other than tab, line feed and
 * carriage return, DEL, and lone UTF-16 surrogates (half of a character, which no UTF-8 encoder
 * can write and which Lucene and Neo4j turn into garbage).
 */
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** What is wrong with a text argument, or null: a control character or a lone surrogate, and where. */
export function badCharacters(text: string): string | null {
  const control = CONTROL.exec(text);
  if (control) return `holds the control character U+${control[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')} at offset ${control.index}`;
  const lone = LONE_SURROGATE.exec(text);
  if (lone) return `holds a lone UTF-16 surrogate (U+${lone[0].charCodeAt(0).toString(16).toUpperCase()}) at offset ${lone.index}: not a character`;
  return null;
}

/**
 * A document's text with every control character (but tab, line feed and carriage return) made a
 * space and every lone surrogate U+FFFD: one UTF-16 unit for one, so that offsets into the text
 * (citations) hold.
 */
export function cleanDocumentText(text: string): string {
  if (!CONTROL.test(text) && !LONE_SURROGATE.test(text)) return text;
  return (
    text
      // eslint-disable-next-line no-control-regex -- the control characters are what it replaces
      .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g, ' ')
      .replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD')
  );
}
