/**
 * The report: one section per phase with its figures, the tally of every answer the suite got,
 * examples of each kind of defect (the request and the answer, cut short), and the final table
 * of checks with their targets. Written as Markdown, which reads as well in a terminal.
 */
import type { Outcome, RawRequest, Answer } from './http.js';
import { bump } from './util.js';

export interface Check {
  name: string;
  value: string;
  target: string;
  /** null: not measured in this run (phase left out, or it could not run) */
  pass: boolean | null;
}

export interface Example {
  /** what is wrong: "untyped error", "stack trace", "5xx", "no answer" */
  defect: string;
  family: string;
  outcome: string;
  request: string;
  response: string;
}

const cut = (s: string, n: number): string => (s.length > n ? `${s.slice(0, n)}… (${s.length} chars)` : s);

/** What a request was, in a line: method, path, content type and the start of its body. */
function describeRequest(r: RawRequest): string {
  const ct = r.headers?.['content-type'];
  const auth = r.headers?.authorization ? ` authorization: ${r.headers.authorization.slice(0, 20)}` : '';
  const body = r.body === undefined ? '' : typeof r.body === 'string' ? r.body : r.body.toString('utf8');
  return `${r.method} ${cut(r.path, 160)}${ct ? ` (content-type: ${ct})` : ''}${auth}${body ? ` ${cut(body, 300)}` : ''}`;
}

/** What is wrong with an answer, as the report names it; empty for a sound answer. */
export function defectsOf(o: Outcome): string[] {
  return [
    ...(o.untyped5xx ? ['5xx other than a typed 503'] : []),
    ...(o.stackLeak ? ['stack trace or source path in the body'] : []),
    ...(o.untypedErrors ? ['untyped error (no code, or INTERNAL_SERVER_ERROR)'] : []),
    ...(o.noAnswer ? ['no answer (timeout or connection error)'] : []),
  ];
}

/** Every answer the suite received, counted by kind of defect; a few examples of each. */
export class Tally {
  requests = 0;
  untyped5xx = 0;
  typed503 = 0;
  stackLeaks = 0;
  untypedErrors = 0;
  /** responses carrying at least one untyped error */
  untypedResponses = 0;
  noAnswer = 0;
  readonly examples = new Map<string, Example>();
  /** defect kind → family → count */
  readonly byDefect = new Map<string, Map<string, number>>();

  add(family: string, request: RawRequest, answer: Answer, o: Outcome): void {
    this.requests++;
    if (o.typed503) this.typed503++;
    if (o.untyped5xx) this.untyped5xx++;
    if (o.stackLeak) this.stackLeaks++;
    if (o.untypedErrors) {
      this.untypedErrors += o.untypedErrors;
      this.untypedResponses++;
    }
    if (o.noAnswer) this.noAnswer++;
    for (const d of defectsOf(o)) {
      const per = this.byDefect.get(d) ?? new Map<string, number>();
      bump(per, family);
      this.byDefect.set(d, per);
      const key = `${d}|${family}|${o.key}`;
      if (!this.examples.has(key)) this.examples.set(key, { defect: d, family, outcome: o.key, request: describeRequest(request), response: cut(answer.body || answer.error || '', 400) });
    }
  }
}

interface Section {
  title: string;
  lines: string[];
}

export class Report {
  readonly sections: Section[] = [];
  readonly checks: Check[] = [];
  readonly notes: string[] = [];

  section(title: string): { line(text: string): void; table(head: string[], rows: (string | number)[][]): void } {
    const s: Section = { title, lines: [] };
    this.sections.push(s);
    return {
      line: (text) => s.lines.push(text),
      table: (head, rows) => s.lines.push(table(head, rows)),
    };
  }

  check(name: string, value: string | number, target: string, pass: boolean | null): void {
    this.checks.push({ name, value: String(value), target, pass });
  }

  note(text: string): void {
    this.notes.push(text);
  }

  get passed(): boolean {
    return this.checks.every((c) => c.pass !== false) && this.checks.some((c) => c.pass === true);
  }

  markdown(header: string[], tally: Tally): string {
    const out: string[] = ['# Reliability report', '', ...header, ''];
    for (const s of this.sections) out.push(`## ${s.title}`, '', ...s.lines.flatMap((l) => [l, '']));
    if (tally.examples.size) {
      out.push('## Defect examples (first request of each kind, family and answer)', '');
      const rows = [...tally.examples.values()].sort((a, b) => a.defect.localeCompare(b.defect) || a.family.localeCompare(b.family));
      for (const e of rows) out.push(`- **${e.defect}**, ${e.family}, answered \`${e.outcome}\``, `  - request: \`${oneLine(e.request)}\``, `  - response: \`${oneLine(e.response)}\``);
      out.push('');
    }
    if (this.notes.length) out.push('## Notes', '', ...this.notes.map((n) => `- ${n}`), '');
    out.push('## Summary', '');
    out.push(
      table(
        ['check', 'value', 'target', 'result'],
        this.checks.map((c) => [c.name, c.value, c.target, c.pass === null ? (c.target === '–' && c.value !== '–' ? 'information' : 'not measured') : c.pass ? 'PASS' : 'FAIL']),
      ),
    );
    const failed = this.checks.filter((c) => c.pass === false).length;
    const measured = this.checks.filter((c) => c.pass !== null).length;
    out.push('', `${measured - failed} of ${measured} checks passed${failed ? `; ${failed} failed` : ''}.`, '');
    return out.join('\n');
  }
}

const oneLine = (s: string): string => s.replace(/[\r\n]+/g, ' ').replace(/`/g, "'");

function escapeCell(v: string | number): string {
  return oneLine(String(v)).replace(/\|/g, '\\|');
}

function table(head: string[], rows: (string | number)[][]): string {
  const lines = [`| ${head.map(escapeCell).join(' | ')} |`, `| ${head.map(() => '---').join(' | ')} |`];
  for (const r of rows) lines.push(`| ${r.map(escapeCell).join(' | ')} |`);
  return lines.join('\n');
}
