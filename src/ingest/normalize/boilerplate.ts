/** The boilerplate rules of normalization (normalize.ts), judged line by line. */

/** A line of the mapped string. */
export interface Line {
  from: number;
  to: number;
  paragraph: number;
}

// prettier-ignore
const SOCIAL_WORDS = new Set([
  'facebook', 'twitter', 'x', 'whatsapp', 'telegram', 'instagram', 'linkedin', 'email', 'e-mail', 'correo', 'imprimir',
  'compartir', 'comparte', 'tiktok', 'youtube', 'threads', 'pinterest', 'messenger', 'copiar', 'enlace', 'link', 'print',
  'share', 'tweet', 'tuitear', 'bluesky', 'reddit',
]);

/** Labels that introduce links to other articles. */
// prettier-ignore
const RELATED_LABEL = new RegExp(
  '^(?:' +
    [
      'tambi[eé]n (?:puedes|podr[ií]as|te puede|te podr[ií]a) (?:leer|interesar|gustar)',
      'tambi[eé]n (?:lee|lea)',
      'te (?:puede|podr[ií]a|pueden|podr[ií]an) interesar',
      '(?:puede|podr[ií]a) interesarte',
      'quiz[aá]s? te interese',
      'le(?:e|a|er) tambi[eé]n',
      'lee m[aá]s',
      'sigue leyendo',
      'seguir leyendo',
      'notas? relacionadas?',
      'noticias relacionadas',
      'art[ií]culos? relacionados?',
      'contenido relacionado',
      'relacionad[oa]s?',
      'm[aá]s noticias',
      'm[aá]s notas',
      'otras noticias',
      'te recomendamos',
      'recomendad[oa]s',
      'te sugerimos',
      'te compartimos',
      'mira tambi[eé]n',
      'ver tambi[eé]n',
      'checa tambi[eé]n',
      'lo m[aá]s (?:le[ií]do|visto)',
      'm[aá]s le[ií]d[ao]s',
      'm[aá]s informaci[oó]n',
      'most viewed',
      'lo [uú]ltimo',
      '[uú]ltimas noticias',
    ].join('|') +
    ')',
  'i',
);
/** Labels strong enough to count without a colon ("Lee también Inauguran ..."). */
const STRONG_RELATED_LABEL = /^(?:tambi[eé]n puedes leer|te puede interesar|le(?:e|a) tambi[eé]n|te recomendamos|notas relacionadas|te compartimos|m[aá]s informaci[oó]n)\b/i;

/** Site widgets and comment forms, in Spanish and English (whole lines, folded to lower case). */
const WIDGET_LINE =
  /^(?:categor[ií]as|categories|no hay categor[ií]as|etiquetas|tags|archivos|archives|entradas recientes|recent posts|comentarios recientes|recent comments|buscar|search|men[uú]|inicio|home|no comment yet,? add your voice below!?|deja una respuesta|leave a reply|cancelar respuesta|tu direcci[oó]n de correo electr[oó]nico no ser[aá] publicada\.?.*|publicar comentario|post comment|skip to (?:primary navigation|main content|primary sidebar|content))$/i;
/** A relative-time or view-count widget: "hace 3 semanas", "hace 2 horas 11". */
const RELATIVE_TIME_WIDGET = /^hace\s+\d+\s+(?:segundos?|minutos?|horas?|d[ií]as?|semanas?|meses|mes|a[ñn]os?)(?:\s+\d+)?$/i;
/** The credit line of an embedded social post: "— Name (@handle) June 27, 2024". */
const SOCIAL_EMBED_CREDIT = /^[—–-]\s*[^()\n]{1,80}\(@[\w.]+\)\s+(?:\p{L}+\.?\s+\d{1,2},\s+\d{4}|\d{1,2}\s+de\s+\p{L}+\s+de\s+\d{4})\s*$/u;
/** Caption credits written in parentheses at the end of a caption: "(Especial)", "(Archivo)". */
const CAPTION_CREDIT = /\((?:especial|archivo|cortes[ií]a(?:\s+[^()\n]{1,40})?|cuartoscuro|agencias?|redes sociales|captura de pantalla|ilustrativa|imagen ilustrativa)\)\s*$/i;

/** Sentence-initial words that, capitalized after a headline, start the article's own text. */
const SENTENCE_START = /\s(?=(?:El|La|Los|Las|Un|Una|En|Con|Por|Para|Durante|Tras|Seg[uú]n|Al|Este|Esta|Estos|Estas|Dicho|Dicha|Asimismo|Adem[aá]s|Ante|Desde|De acuerdo)\s)/g;

type LineVerdict = { reason: string } | { partial: { from: number; to: number; reason: string }[] } | null;

export function collapse(text: string): string {
  return text
    .replace(/[\u200b\u2060\ufeff\u00ad]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

export function wordCount(text: string): number {
  return (text.match(/[\p{L}\p{N}][\p{L}\p{N}'’.\-]*/gu) ?? []).length;
}

/** Strips decorations around a line's content: bullets, arrows, emoji, quotes, brackets. */
function stripDecorations(t: string): string {
  return t.replace(/^[\s\-–—*•·→►▶»>|\p{Extended_Pictographic}\uFE0F]+/u, '').replace(/[\s|\p{Extended_Pictographic}\uFE0F]+$/u, '');
}

function isLinkOnly(t: string): boolean {
  const s = stripDecorations(t)
    .replace(/^<(.*)>$/, '$1')
    .replace(/[.,;]$/, '');
  if (/^(?:https?:\/\/|www\.)\S+$/i.test(s)) return true;
  return /^(?:[a-z0-9-]+\.)+(?:com|mx|org|net|info|news|tv|me|ly|co|io)(?:\.mx)?(?:\/\S*)?$/i.test(s);
}

/** Whole-line and in-line rules for one line (its raw text, as in the mapped string). */
export function judgeLine(raw: string): LineVerdict {
  const t = collapse(raw);
  if (t === '') return null;
  const len = t.length;

  // Separator lines such as "---oOo---", "* * *", "____".
  const symbols = t.replace(/[^-–—_=*~·•]/g, '').length;
  const rest = t.replace(/[-–—_=*~·•\s]/g, '');
  if (symbols >= 3 && (rest === '' || /^(?:o0o|ooo|000|xxx)$/i.test(rest))) return { reason: 'separator line' };

  if (len <= 200 && (/^(?:©|\(c\)\s|copyright\b|derechos reservados\b)/i.test(t) || /\btodos los derechos reservados\b/i.test(t))) {
    return { reason: 'copyright notice' };
  }

  if (
    len <= 200 &&
    (/^(?:recuerda\s+)?suscr[ií]b(?:ete|irte|ase|anse)\b/i.test(t) ||
      /^recibe\b.*\b(?:newsletter|bolet[ií]n|noticias|resumen)\b/i.test(t) ||
      /^(?:[úu]nete|s[ií]guenos|reg[ií]strate)\b.*\b(?:canal|newsletter|bolet[ií]n|whatsapp|telegram)\b/i.test(t))
  ) {
    return { reason: 'subscription prompt' };
  }

  if (len <= 200) {
    if (/^s[ií]guenos\s+(?:en|a trav[eé]s|por)\s/i.test(t)) return { reason: 'social/share line' };
    if (
      /^(?:compart(?:e|ir)|comp[aá]rte(?:lo|la))(?:\s+(?:esta|la)\s+nota)?\s*(?:en|por|v[ií]a|:)?\s*(?:tus\s+)?(?:facebook|twitter|whatsapp|telegram|x|linkedin|email|correo|redes(?:\s+sociales)?)\b/i.test(
        t,
      )
    ) {
      return { reason: 'social/share line' };
    }
    if (/^(?:compartir|comparte|comparte esta nota|share)\s*:?$/i.test(t)) return { reason: 'social/share line' };
    if (/^(?:[#@][\p{L}\p{N}_.]+[\s,;|·•]*)+$/u.test(t)) return { reason: 'social/share line' };
    const words = t
      .toLowerCase()
      .split(/[\s|,·•/]+/)
      .filter((w) => w !== '');
    if (words.length >= 2 && words.every((w) => SOCIAL_WORDS.has(w))) return { reason: 'social/share line' };
  }

  if (len <= 160 && /^[(\[]?\s*(?:fotos?|fotograf[ií]as?|im[aá]gen(?:es)?|cr[eé]ditos?(?:\s+de\s+(?:la\s+)?(?:foto|imagen))?|ilustraci[oó]n|cortes[ií]a)\s*:/i.test(t)) {
    return { reason: 'photo credit' };
  }

  if (len <= 200 && (WIDGET_LINE.test(stripDecorations(t)) || RELATIVE_TIME_WIDGET.test(t))) return { reason: 'site widget' };
  if (len <= 200 && SOCIAL_EMBED_CREDIT.test(t)) return { reason: 'embedded social post' };

  if (/^(?:leave a (?:comment|reply)|deja (?:un|tu) comentario|escribe (?:un|tu) comentario|a[ñn]ade (?:un|tu) comentario|add a comment|\d+\s+comentarios?|comentarios?(?:\s*\(\d+\))?:?)$/i.test(t)) {
    return { reason: 'comment prompt' };
  }

  if (isLinkOnly(t)) return { reason: 'link-only line' };
  // the page's date written before its text by the tool that saved it ("date 2025-05-14 La presidenta...")
  const pageDate = /^(\s*date\s+\d{4}(?:-\d{2}(?:-\d{2})?)?)\s/.exec(raw);
  if (pageDate) return { partial: [{ from: 0, to: pageDate[1]!.length, reason: 'page date' }] };
  if (/^(?:links?|ligas?|enlaces?)\s+(?:de|del|a|al|para)\s+(?:(?:las?|los?)\s+)?(?:fotos?|fotograf[ií]as?|videos?|audios?|galer[ií]as?|im[aá]genes)\s*:?$/i.test(t)) {
    return { reason: 'media link label' };
  }

  // Related-article links.
  const label = RELATED_LABEL.exec(t);
  if (label) {
    const after = t.slice(label[0].length);
    if (/^\s*[:.\-–—|»>]*\s*$/.test(after)) return { reason: 'related-article label' };
    const sep = /^\s*[:|»>\-–—]\s*/.exec(after);
    const strong = STRONG_RELATED_LABEL.test(t) && /^\s/.test(after);
    if (sep || strong) {
      return relatedInline(raw);
    }
  }

  // In-line photo credits: "(Foto: Especial)" anywhere, "... Foto: Archivo" at the end of a line.
  const partial: { from: number; to: number; reason: string }[] = [];
  for (const m of raw.matchAll(/\(\s*(?:fotos?|fotograf[ií]as?|cr[eé]ditos?|imagen)\s*:[^()\n]{0,100}\)/gi)) {
    partial.push({ from: m.index, to: m.index + m[0].length, reason: 'photo credit' });
  }
  const caption = CAPTION_CREDIT.exec(raw);
  if (caption) partial.push({ from: caption.index, to: caption.index + caption[0].length, reason: 'photo credit' });
  const trailing = /(?<=\S\s+)(?:Fotos?|FOTOS?|Fotograf[ií]a|FOTOGRAF[IÍ]A|Cr[eé]dito|CR[EÉ]DITO)\s*:\s*[^.!?\n(]{1,80}?\s*$/.exec(raw);
  if (trailing && !partial.some((p) => trailing.index >= p.from && trailing.index < p.to)) {
    partial.push({ from: trailing.index, to: raw.length, reason: 'photo credit' });
  }
  return partial.length > 0 ? { partial } : null;
}

/**
 * A line that starts with a related-article label and a headline. The whole line goes when
 * it is only the link (short, or no article text after the headline). When the article text
 * continues on the same line (flattened pages do that), only the label and headline go: the
 * headline ends before a capitalized sentence-initial word ("... en Puebla El IMSS asumirá
 * ...") that starts at least 6 more words.
 */
function relatedInline(raw: string): LineVerdict {
  const lead = /^\s*/.exec(raw)![0].length;
  const label = RELATED_LABEL.exec(raw.slice(lead))!;
  const afterLabel = lead + label[0].length;
  const headlineStart = afterLabel + /^\s*[:|»>\-–—]?\s*/.exec(raw.slice(afterLabel))![0].length;
  const rest = raw.slice(headlineStart);
  // A headline starts with a capital, a digit or a quote; "Te compartimos que ..." is prose.
  if (!/^[\p{Lu}\p{N}¿¡"“«'‘]/u.test(rest)) return null;
  for (const m of rest.matchAll(SENTENCE_START)) {
    const headline = rest.slice(0, m.index);
    const tail = rest.slice(m.index);
    if (wordCount(headline) >= 3 && wordCount(tail) >= 6 && !/[.!?…]/.test(headline)) {
      return { partial: [{ from: lead, to: headlineStart + m.index, reason: 'related-article link' }] };
    }
  }
  const t = collapse(rest);
  const sentenceInside = /[.!?…]["»”’)]*\s+\S/.test(t);
  if (t.length <= 200 && !sentenceInside) return { reason: 'related-article link' };
  return null;
}

export type LineKind = 'teaser' | 'headline' | 'tag' | 'prose';

/** What a line at the end of a page looks like: teaser ("…"), headline, category tag, prose. */
export function lineKind(t: string): LineKind {
  if (/(?:…|\.\.\.)["»”’)]*$/.test(t) && t.length <= 400) return 'teaser';
  const words = wordCount(t);
  const endsOpen = !/[.,;:]$/.test(t);
  if (endsOpen && t.length <= 40 && words >= 1 && words <= 2) return 'tag';
  if (endsOpen && t.length <= 200 && words >= 3 && /^[\p{Lu}\p{N}¿¡"“«'‘]/u.test(t)) return 'headline';
  return 'prose';
}
