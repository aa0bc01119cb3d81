import fs from 'node:fs';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { NewsdeskError } from '../errors.ts';
import { silentLog, type Log } from '../log.ts';
import type { Article, SkippedFile } from '../types.ts';
import type { ArticleMetadata } from './article.ts';
import { ARTICLE_EXTENSIONS, parseArticleFile } from './formats.ts';
import { decodeText } from './decode.ts';

/**
 * Reads a corpus folder: every article file under it (recursively), decoded, parsed and cleaned,
 * with the optional manifest applied. A file that cannot be read is reported and skipped; reading
 * never throws because of a file's content.
 */

/** Names of the optional metadata manifest at the corpus root (first found wins). */
export const MANIFEST_NAMES = ['manifest.json', 'manifest.yaml', 'manifest.yml'] as const;

/** Options of {@link readCorpus}. */
export interface ReadCorpusOptions {
  /** Files larger than this are skipped with a reason. */
  maxFileBytes?: number;
  log?: Log;
  /** Called after each file with the count done and the total. */
  onProgress?: (done: number, total: number) => void;
}

const DEFAULTS = {
  maxFileBytes: 20 * 1024 * 1024,
  log: silentLog,
  onProgress: () => {},
} as const satisfies Required<ReadCorpusOptions>;

/** A corpus file found on disk, before parsing. */
export interface CorpusFile {
  /** Path relative to the corpus folder, POSIX separators. */
  id: string;
  absolutePath: string;
}

/** The result of reading a corpus folder. */
export interface CorpusReadResult {
  articles: Article[];
  skipped: SkippedFile[];
}

/**
 * Reads every article of a corpus folder.
 * @param dir - the corpus folder
 * @returns articles sorted by id, and the skipped files with reasons
 * @throws NewsdeskError CORPUS_NOT_FOUND when `dir` is not a readable folder
 * @example const { articles, skipped } = readCorpus('corpus')
 */
export function readCorpus(dir: string, options: ReadCorpusOptions = {}): CorpusReadResult {
  const opts = { ...DEFAULTS, ...options };
  const files = listCorpusFiles(dir);
  const { manifest, problem } = readManifest(dir);
  const skipped: SkippedFile[] = problem ? [problem] : [];
  const articles: Article[] = [];
  files.forEach((file, i) => {
    const result = readArticleFile(file, manifest[file.id] ?? {}, opts.maxFileBytes);
    articles.push(...result.articles);
    skipped.push(...result.skipped);
    opts.onProgress(i + 1, files.length);
  });
  for (const s of skipped) opts.log.warn({ file: s.file, reason: s.reason }, 'skipped file');
  opts.log.debug({ dir, articles: articles.length, skipped: skipped.length }, 'corpus read');
  return { articles, skipped };
}

/**
 * Reads one article file from disk: type and size checks, then {@link parseArticleBytes}.
 * @param metadata - manifest metadata for this file
 */
export function readArticleFile(file: CorpusFile, metadata: ArticleMetadata, maxFileBytes: number = DEFAULTS.maxFileBytes): CorpusReadResult {
  const bytes = readFileBytes(file, maxFileBytes);
  if (!(bytes instanceof Uint8Array)) return { articles: [], skipped: [bytes] };
  return parseArticleBytes(file.id, bytes, metadata);
}

/**
 * Reads a corpus file's bytes, or says why it cannot be used (unsupported type, too large, unreadable).
 */
export function readFileBytes(file: CorpusFile, maxFileBytes: number = DEFAULTS.maxFileBytes): Uint8Array | SkippedFile {
  const ext = path.extname(file.id).toLowerCase();
  if (ext !== '' && !ARTICLE_EXTENSIONS.includes(ext)) {
    return { file: file.id, reason: `unsupported file type "${ext}"` };
  }
  try {
    const stat = fs.statSync(file.absolutePath);
    if (stat.size > maxFileBytes) {
      return { file: file.id, reason: `too large (${megabytes(stat.size)} MB, limit ${megabytes(maxFileBytes)} MB)` };
    }
    return fs.readFileSync(file.absolutePath);
  } catch (err) {
    return { file: file.id, reason: `unreadable (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})` };
  }
}

/**
 * Decodes and parses the bytes of one corpus file. Never throws: any failure becomes a skipped entry.
 * @param id - the file's id (path relative to the corpus folder)
 */
export function parseArticleBytes(id: string, bytes: Uint8Array, metadata: ArticleMetadata = {}): CorpusReadResult {
  const decoded = decodeText(bytes);
  if (!decoded.ok) return { articles: [], skipped: [{ file: id, reason: decoded.reason }] };
  try {
    const parsed = parseArticleFile(id, decoded.text, metadata);
    return { articles: parsed.articles, skipped: parsed.problems };
  } catch (err) {
    // Parsing is written not to throw; this keeps one unexpected failure from losing the corpus.
    return { articles: [], skipped: [{ file: id, reason: `could not be parsed (${(err as Error).message})` }] };
  }
}

/**
 * Lists the article files under a corpus folder, recursively, sorted by id. Hidden files and folders,
 * the manifest, and symbolic links to folders are left out; a broken link is listed (and later
 * reported as unreadable).
 * @throws NewsdeskError CORPUS_NOT_FOUND when `dir` is missing or not a folder
 */
export function listCorpusFiles(dir: string): CorpusFile[] {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(dir);
  } catch (err) {
    throw new NewsdeskError(`Corpus folder not found: ${dir}`, 'CORPUS_NOT_FOUND', err);
  }
  if (!stat.isDirectory()) throw new NewsdeskError(`Corpus path is not a folder: ${dir}`, 'CORPUS_NOT_FOUND');
  const out: CorpusFile[] = [];
  const walk = (abs: string, rel: string): void => {
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(abs, { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) {
      if (entry.name.startsWith('.')) continue;
      const childAbs = path.join(abs, entry.name);
      const childRel = rel === '' ? entry.name : `${rel}/${entry.name}`;
      if (entry.isDirectory()) walk(childAbs, childRel);
      else if (entry.isFile() || (entry.isSymbolicLink() && !isDirectory(childAbs))) {
        // A link that leads nowhere is listed too, so that it is reported as unreadable rather than ignored.
        if (rel === '' && (MANIFEST_NAMES as readonly string[]).includes(entry.name)) continue;
        out.push({ id: childRel, absolutePath: childAbs });
      }
    }
  };
  walk(dir, '');
  return out.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

const manifestEntrySchema = z
  .object({
    title: z.string().optional(),
    outlet: z.string().optional(),
    byline: z.string().optional(),
    published: z.union([z.string(), z.date()]).optional(),
    url: z.string().optional(),
  })
  .strict();

/** The manifest: metadata per file id (path relative to the corpus folder). */
const manifestSchema = z.record(z.string(), manifestEntrySchema);

/** Parsed manifest entries by file id. */
export type Manifest = Record<string, ArticleMetadata>;

/**
 * Reads the optional manifest at the corpus root.
 * @returns the entries, or an empty manifest and a problem report when it is malformed
 */
export function readManifest(dir: string): { manifest: Manifest; problem?: SkippedFile } {
  for (const name of MANIFEST_NAMES) {
    const file = path.join(dir, name);
    if (!fs.existsSync(file)) continue;
    let data: unknown;
    try {
      const text = fs.readFileSync(file, 'utf8');
      data = name.endsWith('.json') ? JSON.parse(text) : parseYaml(text);
    } catch (err) {
      return { manifest: {}, problem: { file: name, reason: `manifest ignored: ${(err as Error).message.split('\n')[0]}` } };
    }
    const parsed = manifestSchema.safeParse(data);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      return { manifest: {}, problem: { file: name, reason: `manifest ignored: ${issue?.path.join('.')}: ${issue?.message}` } };
    }
    const manifest: Manifest = {};
    for (const [id, entry] of Object.entries(parsed.data)) {
      manifest[id] = {
        ...entry,
        published: entry.published instanceof Date ? entry.published.toISOString().slice(0, 10) : entry.published,
      };
    }
    return { manifest };
  }
  return { manifest: {} };
}

function isDirectory(p: string): boolean {
  try {
    return fs.statSync(p).isDirectory();
  } catch {
    return false;
  }
}

function megabytes(bytes: number): string {
  return (bytes / (1024 * 1024)).toFixed(1);
}
