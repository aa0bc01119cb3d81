import { createHash } from 'node:crypto';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import type { Article } from '../types.ts';
import { removeBoilerplate } from './boilerplate.ts';
import { readHeader } from './header.ts';
import { findDate, isDateLine, wordCount } from './lines.ts';

/**
 * Parses one decoded article file into articles: plain text pages, Markdown/text with YAML front
 * matter, and JSON Lines (one article object per line). Header metadata is read from the text,
 * boilerplate removed, and the body kept verbatim so that citations can quote it exactly.
 */

/** Metadata supplied from outside the text (front matter, JSON fields, the corpus manifest). */
export interface ArticleMetadata {
  title?: string | null;
  outlet?: string | null;
  byline?: string | null;
  published?: string | null;
  url?: string | null;
}

/** The articles parsed from one file, and the records of it that could not be parsed. */
export interface ParsedFile {
  articles: Article[];
  problems: { file: string; reason: string }[];
}

/**
 * A text or Markdown file: YAML front matter when it opens with `---`, then the article.
 * @param id - the file's path relative to the corpus folder
 */
export function parseTextFile(id: string, text: string, overrides: ArticleMetadata = {}): ParsedFile {
  const fm = splitFrontMatter(text);
  if (fm.error) return { articles: [], problems: [{ file: id, reason: fm.error }] };
  const article = buildArticle(id, id, fm.body, { ...fm.meta, ...definedOnly(overrides) }, hashText(text), fm.meta.title);
  if (!article) return { articles: [], problems: [{ file: id, reason: 'no article text after removing boilerplate' }] };
  return { articles: [article], problems: [] };
}

/**
 * Builds an article from body text and known metadata; header lines fill in what metadata lacks.
 * @param fileTitle - the title the file itself gives outside its text (front matter, a JSON field):
 *   then a short first line that differs from it is body text, not a second headline
 * @returns null when no body text remains
 */
export function buildArticle(id: string, file: string, body: string, meta: ArticleMetadata, hash: string, fileTitle: string | null = null): Article | null {
  const paragraphs = splitParagraphs(body);
  const header = readHeader(paragraphs);
  const ownTitle = clean(fileTitle);
  if (ownTitle !== null && header.title !== null && !sameTitle(header.title, ownTitle)) {
    header.bodyStart = Math.min(header.bodyStart, paragraphs.indexOf(header.title));
    header.title = null;
  }
  const cleaned = removeBoilerplate(paragraphs.slice(header.bodyStart));
  if (cleaned.kept.length === 0) return null;
  const removedText = cleaned.removed.map((r) => r.line);
  const trailingDate =
    removedText
      .filter((l) => isDateLine(l))
      .map(findDate)
      .find((d) => d !== null) ?? null;
  const title = clean(meta.title) ?? header.title;
  return {
    id,
    file,
    title: title ?? deriveTitle(cleaned.kept[0]!),
    titleDerived: title === null,
    outlet: clean(meta.outlet) ?? header.outlet ?? outletFromDateline(cleaned.kept[0]!) ?? outletFromCredits(removedText),
    byline: clean(meta.byline) ?? header.byline,
    published: normalizeDate(meta.published) ?? header.published ?? trailingDate,
    url: clean(meta.url),
    text: cleaned.kept.join('\n\n'),
    hash,
  };
}

/**
 * Splits text into paragraphs. Pages with one paragraph per line (the common web copy) give one
 * paragraph per non-empty line; hard-wrapped text (short lines inside blank-line blocks) gives one
 * paragraph per block, its line breaks kept so quotes stay verbatim.
 */
export function splitParagraphs(text: string): string[] {
  const lines = text.split('\n').map((l) => l.trim());
  const blocks: string[][] = [];
  let current: string[] = [];
  for (const line of lines) {
    if (line === '') {
      if (current.length) blocks.push(current);
      current = [];
    } else current.push(line);
  }
  if (current.length) blocks.push(current);
  return isHardWrapped(blocks) ? blocks.map((b) => b.join('\n')) : blocks.flat();
}

/**
 * Makes a title from a lead paragraph when the page carries none: its first sentence, cut at a word
 * boundary to about twelve words.
 * @example deriveTitle('WASHINGTON President Joe Biden on Thursday urged President Vladimir Putin to defuse tensions.')
 *   // 'WASHINGTON President Joe Biden on Thursday urged President Vladimir Putin to defuse…'
 */
export function deriveTitle(lead: string): string {
  const firstSentence = lead.split(/(?<=[.!?])\s+(?=["“]?\p{Lu})/u)[0] ?? lead;
  const words = firstSentence.split(/\s+/);
  if (words.length <= 14) return firstSentence.replace(/[.]$/, '');
  return `${words
    .slice(0, 12)
    .join(' ')
    .replace(/[,;:]$/, '')}…`;
}

/** SHA-1 of a string, hex: the content hash used for change detection. */
export function hashText(text: string): string {
  return createHash('sha1').update(text).digest('hex');
}

const frontMatterSchema = z
  .object({
    title: z.string().optional(),
    headline: z.string().optional(),
    outlet: z.string().optional(),
    source: z.string().optional(),
    publisher: z.string().optional(),
    byline: z.union([z.string(), z.array(z.string())]).optional(),
    author: z.union([z.string(), z.array(z.string())]).optional(),
    published: z.union([z.string(), z.date()]).optional(),
    date: z.union([z.string(), z.date()]).optional(),
    url: z.string().optional(),
    link: z.string().optional(),
  })
  .loose();

type FrontMatter = z.infer<typeof frontMatterSchema>;

function metaFromRecord(rec: FrontMatter): ArticleMetadata {
  const byline = rec.byline ?? rec.author;
  const published = rec.published ?? rec.date;
  return {
    title: rec.title ?? rec.headline ?? null,
    outlet: rec.outlet ?? rec.source ?? rec.publisher ?? null,
    byline: Array.isArray(byline) ? byline.join(', ') : (byline ?? null),
    published: published instanceof Date ? published.toISOString().slice(0, 10) : (published ?? null),
    url: rec.url ?? rec.link ?? null,
  };
}

function splitFrontMatter(text: string): { meta: ArticleMetadata; body: string; error?: string } {
  const m = /^---[ \t]*\n([\s\S]*?)\n---[ \t]*(\n|$)/.exec(text);
  if (!m) return { meta: {}, body: text };
  let data: unknown;
  try {
    data = parseYaml(m[1]!);
  } catch (err) {
    return { meta: {}, body: '', error: `invalid YAML front matter: ${(err as Error).message.split('\n')[0]}` };
  }
  const parsed = frontMatterSchema.safeParse(data ?? {});
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { meta: {}, body: '', error: `invalid front matter field ${issue?.path.join('.')}: ${issue?.message}` };
  }
  return { meta: metaFromRecord(parsed.data), body: text.slice(m[0].length) };
}

const jsonRecordSchema = frontMatterSchema.extend({
  text: z.string().optional(),
  body: z.string().optional(),
  content: z.string().optional(),
});

/**
 * A JSON Lines file: one article object per line ("text", "body" or "content", and metadata fields).
 * @param id - the file's path relative to the corpus folder
 */
export function parseJsonLines(id: string, text: string, overrides: ArticleMetadata = {}): ParsedFile {
  const articles: Article[] = [];
  const problems: ParsedFile['problems'] = [];
  const lines = text.split('\n');
  lines.forEach((line, index) => {
    if (line.trim() === '') return;
    const recordId = `${id}#L${index + 1}`;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      problems.push({ file: recordId, reason: 'invalid JSON' });
      return;
    }
    const parsed = jsonRecordSchema.safeParse(value);
    const body = parsed.success ? (parsed.data.text ?? parsed.data.body ?? parsed.data.content) : undefined;
    if (!parsed.success || body === undefined || body.trim() === '') {
      problems.push({ file: recordId, reason: 'record has no "text", "body" or "content" string' });
      return;
    }
    const own = metaFromRecord(parsed.data);
    const meta = { ...own, ...definedOnly(overrides) };
    const article = buildArticle(recordId, id, body.replace(/\r\n?/g, '\n'), meta, hashText(line), own.title);
    if (article) articles.push(article);
    else problems.push({ file: recordId, reason: 'no article text after removing boilerplate' });
  });
  return { articles, problems };
}

/**
 * Hard-wrapped text keeps most of its characters in multi-line blocks of prose-width lines
 * (40–100 characters) that mostly end mid-sentence.
 */
function isHardWrapped(blocks: readonly string[][]): boolean {
  const lines = blocks.filter((b) => b.length > 1).flat();
  if (lines.length < 4) return false;
  const total = blocks.flat().reduce((n, l) => n + l.length, 0);
  const inBlocks = lines.reduce((n, l) => n + l.length, 0);
  const lengths = lines.map((l) => l.length).sort((a, b) => a - b);
  const median = lengths[Math.floor(lengths.length / 2)]!;
  const unterminated = lines.filter((l) => !/[.!?"”’:]$/.test(l)).length / lines.length;
  return inBlocks / total >= 0.6 && median >= 40 && median <= 100 && unterminated > 0.5;
}

/** A dateline naming a wire or outlet: "Paris (CNN)Authorities…", "WASHINGTON (AP) —". */
function outletFromDateline(lead: string): string | null {
  const m = /^(?!The\b)[\p{Lu}][\p{L}.'-]*(?:[ ,]+[\p{Lu}][\p{L}.'-]*){0,3}\s*\(([\p{Lu}][\p{L}&. ]{1,30})\)(?:\s*[—–-]|\p{Lu})/u.exec(lead);
  return m ? m[1]!.trim() : null;
}

/**
 * A closing credit naming the source: "From The Epoch Times", "Source: Reuters". Copyright lines are
 * not used: on news pages they are mostly photo credits ("©EPA").
 */
function outletFromCredits(removed: readonly string[]): string | null {
  for (const line of removed) {
    const from = /^(?:from|source:?)\s+((?:the\s+)?[\p{Lu}][\p{L}.&' ]{1,40})$/iu.exec(line);
    if (from && wordCount(from[1]!) <= 5) return from[1]!.trim();
  }
  return null;
}

/** Two spellings of one headline: case, spacing, Markdown "#" and closing punctuation aside. */
function sameTitle(a: string, b: string): boolean {
  const norm = (t: string): string =>
    t
      .replace(/^#+\s*/, '')
      .replace(/[\s.:]+$/, '')
      .replace(/\s+/g, ' ')
      .toLowerCase();
  return norm(a) === norm(b);
}

function normalizeDate(value: string | null | undefined): string | null {
  if (!value) return null;
  const iso = /^(\d{4}-\d{2}-\d{2})/.exec(value.trim());
  if (iso) return findDate(iso[1]!);
  return findDate(value);
}

function clean(value: string | null | undefined): string | null {
  if (value === null || value === undefined) return null;
  const t = value.replace(/\s+/g, ' ').trim();
  return t === '' ? null : t;
}

/** The fields of metadata that are given (neither undefined nor null): they override the file's own. */
export function definedOnly(meta: ArticleMetadata): ArticleMetadata {
  return Object.fromEntries(Object.entries(meta).filter(([, v]) => v !== undefined && v !== null)) as ArticleMetadata;
}
