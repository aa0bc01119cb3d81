import fs from 'node:fs';
import path from 'node:path';
import v8 from 'node:v8';
import { createHash } from 'node:crypto';
import type { Article, Passage, SkippedFile } from '../types.ts';
import { CorpusIndex, MINISEARCH_OPTIONS } from './corpus-index.ts';
import { importState, type MiniSearchState } from './minisearch-state.ts';

/**
 * Saving and loading a corpus index to the data folder, so that later runs skip ingestion and
 * indexing. A snapshot records the content hash of every corpus file it reflects.
 *
 * The file is written with the V8 serializer (`v8.serialize`), not JSON: Maps, arrays and typed
 * arrays are copied natively, which makes loading about ten times faster than parsing JSON and
 * rebuilding MiniSearch's maps from objects. The format depends on the V8 version, so a snapshot
 * written by another Node.js version is rebuilt, like one of another {@link SNAPSHOT_VERSION}.
 */

/** Bumped whenever the snapshot layout or the analysis changes; other versions are rebuilt. */
export const SNAPSHOT_VERSION = 7;

interface SnapshotFile {
  version: number;
  /** `process.versions.v8` of the writer: the serializer's format follows it. */
  v8: string;
  corpusDir: string;
  savedAt: string;
  nextKey: number;
  fileHashes: [string, string][];
  skipped: SkippedFile[];
  articles: Article[];
  /** Five numbers per passage: key, article index, ordinal, start, end (text is sliced from the article). */
  passages: Int32Array;
  index: MiniSearchState;
}

/**
 * Where the snapshot of a corpus folder lives inside the data folder.
 * @example snapshotPath('.newsdesk', '/srv/corpus') // '.newsdesk/index-3f2a….v8'
 */
export function snapshotPath(dataDir: string, corpusDir: string): string {
  return path.join(dataDir, `index-${corpusKey(corpusDir)}.v8`);
}

/**
 * Writes a snapshot atomically (temporary file, then rename), and removes a JSON snapshot that an
 * older version left for the same corpus.
 * @param file - from {@link snapshotPath}
 */
export function saveSnapshot(file: string, corpusDir: string, index: CorpusIndex): void {
  const articles = index.sortedArticles();
  const articleIndex = new Map(articles.map((a, i) => [a.id, i]));
  const passages = new Int32Array(index.passages.size * 5);
  let i = 0;
  for (const p of index.passages.values()) {
    passages[i++] = p.key;
    passages[i++] = articleIndex.get(p.articleId)!;
    passages[i++] = p.ordinal;
    passages[i++] = p.start;
    passages[i++] = p.end;
  }
  const snapshot: SnapshotFile = {
    version: SNAPSHOT_VERSION,
    v8: process.versions.v8,
    corpusDir: path.resolve(corpusDir),
    savedAt: new Date().toISOString(),
    nextKey: index.keyCounter,
    fileHashes: [...index.fileHashes.entries()],
    skipped: index.skippedFiles(),
    articles,
    passages,
    index: index.exportSearchState(),
  };
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, v8.serialize(snapshot));
  fs.renameSync(tmp, file);
  if (file.endsWith('.v8')) fs.rmSync(`${file.slice(0, -3)}.json`, { force: true });
}

/**
 * Loads a snapshot.
 * @returns the index, or null when there is no snapshot or it is unreadable, of another version, or
 *   written by another V8
 */
export function loadSnapshot(file: string): CorpusIndex | null {
  let data: SnapshotFile;
  try {
    data = v8.deserialize(fs.readFileSync(file)) as SnapshotFile;
  } catch {
    return null;
  }
  if (data?.version !== SNAPSHOT_VERSION || data.v8 !== process.versions.v8) return null;
  if (!Array.isArray(data.articles) || !(data.passages instanceof Int32Array) || data.passages.length % 5 !== 0) return null;
  let index: CorpusIndex;
  try {
    index = new CorpusIndex(importState(data.index, MINISEARCH_OPTIONS));
  } catch {
    return null;
  }
  const { articles, passages: flat } = data;
  const passages: Passage[] = new Array(flat.length / 5);
  for (let i = 0, j = 0; i < flat.length; i += 5, j++) {
    const article = articles[flat[i + 1]!];
    if (!article) return null;
    const start = flat[i + 3]!;
    const end = flat[i + 4]!;
    passages[j] = { key: flat[i]!, articleId: article.id, ordinal: flat[i + 2]!, start, end, text: article.text.slice(start, end) };
  }
  index.restore(articles, passages, data.nextKey);
  for (const [id, hash] of data.fileHashes) index.fileHashes.set(id, hash);
  for (const s of data.skipped) index.skipped.set(s.file, [...(index.skipped.get(s.file) ?? []), s]);
  return index;
}

function corpusKey(corpusDir: string): string {
  return createHash('sha1').update(path.resolve(corpusDir)).digest('hex').slice(0, 12);
}
