import fs from 'node:fs';
import path from 'node:path';
import { parseArticleBytes, readFileBytes } from '../ingest/corpus.ts';
import { ARTICLE_EXTENSIONS } from '../ingest/formats.ts';

/**
 * Putting files into the corpus folder without losing anything: a file already there with the same
 * bytes is not copied again, a different file of the same name is never overwritten (the new one gets
 * a free name such as "story (2).txt"), and files are written under a hidden temporary name and then
 * renamed, so that a watcher never reads half a file.
 */

/** What happened to one file. */
type PlacedStatus = 'added' | 'present';

/** A file placed in (or found already in) the corpus. */
export interface PlacedFile {
  /** Path relative to the corpus folder, POSIX separators: the article's id. */
  file: string;
  status: PlacedStatus;
}

/** The outcome of copying one input file. */
export type CopyOutcome = ({ ok: true; source: string } & PlacedFile) | { ok: false; source: string; reason: string };

/**
 * Writes bytes into the corpus at `relPath`, or at a free variant of it when a different file holds
 * that name; nothing is written when an identical file is already there.
 * @param relPath - the wished path relative to the corpus folder (POSIX separators)
 * @example writeCorpusFile('corpus', 'web/story.md', bytes) // { file: 'web/story (2).md', status: 'added' }
 */
export function writeCorpusFile(corpusDir: string, relPath: string, bytes: Uint8Array): PlacedFile {
  const { dir, name, ext } = path.posix.parse(relPath);
  for (let n = 1; ; n++) {
    const candidate = path.posix.join(dir, n === 1 ? `${name}${ext}` : `${name} (${n})${ext}`);
    const abs = path.join(corpusDir, ...candidate.split('/'));
    const existing = readIfExists(abs);
    if (existing !== null) {
      if (Buffer.compare(existing, bytes) === 0) return { file: candidate, status: 'present' };
      continue;
    }
    fs.mkdirSync(path.dirname(abs), { recursive: true });
    const tmp = path.join(path.dirname(abs), `.${path.basename(abs)}.${process.pid}.tmp`);
    fs.writeFileSync(tmp, bytes);
    fs.renameSync(tmp, abs);
    return { file: candidate, status: 'added' };
  }
}

/**
 * Copies a file, or every article file of a folder (recursively, hidden files left out), into the
 * corpus. A folder keeps its name and inner paths ("coverage/day2/a.txt"); a file keeps its name.
 * Each file is checked first: one that is not an article (unsupported type, binary, empty, too large)
 * is reported and not copied.
 * @param source - a file or folder path
 * @returns one outcome per file met
 */
export function copyIntoCorpus(source: string, corpusDir: string, maxFileBytes?: number): CopyOutcome[] {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(source);
  } catch (err) {
    return [{ ok: false, source, reason: `not found (${(err as NodeJS.ErrnoException).code ?? 'unreadable'})` }];
  }
  const corpusAbs = path.resolve(corpusDir);
  const files: { abs: string; rel: string }[] = [];
  if (stat.isDirectory()) {
    const base = path.basename(path.resolve(source));
    for (const rel of listFiles(source)) files.push({ abs: path.join(source, rel), rel: `${base}/${rel}` });
  } else files.push({ abs: source, rel: path.basename(source) });
  return files.map(({ abs, rel }): CopyOutcome => {
    const inside = path.relative(corpusAbs, path.resolve(abs));
    if (!inside.startsWith('..') && !path.isAbsolute(inside)) return { ok: true, source: abs, file: inside.split(path.sep).join('/'), status: 'present' };
    const ext = path.extname(rel).toLowerCase();
    if (ext !== '' && !ARTICLE_EXTENSIONS.includes(ext)) return { ok: false, source: abs, reason: `unsupported file type "${ext}"` };
    const bytes = readFileBytes({ id: rel, absolutePath: abs }, maxFileBytes);
    if (!(bytes instanceof Uint8Array)) return { ok: false, source: abs, reason: bytes.reason };
    const parsed = parseArticleBytes(rel, bytes);
    if (parsed.articles.length === 0) return { ok: false, source: abs, reason: parsed.skipped[0]?.reason ?? 'no article text' };
    return { ok: true, source: abs, ...writeCorpusFile(corpusDir, rel, bytes) };
  });
}

function readIfExists(abs: string): Buffer | null {
  try {
    return fs.readFileSync(abs);
  } catch {
    return null;
  }
}

/** Files under a folder, relative POSIX paths, sorted; hidden entries left out. */
function listFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (abs: string, rel: string): void => {
    for (const entry of fs.readdirSync(abs, { withFileTypes: true })) {
      if (entry.name.startsWith('.')) continue;
      const childRel = rel === '' ? entry.name : `${rel}/${entry.name}`;
      if (entry.isDirectory()) walk(path.join(abs, entry.name), childRel);
      else if (entry.isFile()) out.push(childRel);
    }
  };
  walk(dir, '');
  return out.sort();
}
