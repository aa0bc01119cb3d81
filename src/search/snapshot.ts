import fs from 'node:fs';
import path from 'node:path';
import { createHash } from 'node:crypto';
import MiniSearch from 'minisearch';
import type { Article, Passage, SkippedFile } from '../types.ts';
import { CorpusIndex, MINISEARCH_OPTIONS } from './corpus-index.ts';

/**
 * Saving and loading a corpus index to the data folder, so that later runs skip ingestion and
 * indexing. A snapshot records the content hash of every corpus file it reflects.
 */

/** Bumped whenever the snapshot layout or the analysis changes; other versions are rebuilt. */
export const SNAPSHOT_VERSION = 5;

interface SnapshotFile {
  version: number;
  corpusDir: string;
  savedAt: string;
  nextKey: number;
  fileHashes: [string, string][];
  skipped: SkippedFile[];
  articles: Article[];
  /** [key, articleIndex, ordinal, start, end]: text is sliced from the article. */
  passages: [number, number, number, number, number][];
  index: unknown;
}

/**
 * Where the snapshot of a corpus folder lives inside the data folder.
 * @example snapshotPath('.newsdesk', '/srv/corpus') // '.newsdesk/index-3f2a…json'
 */
export function snapshotPath(dataDir: string, corpusDir: string): string {
  const key = createHash('sha1').update(path.resolve(corpusDir)).digest('hex').slice(0, 12);
  return path.join(dataDir, `index-${key}.json`);
}

/**
 * Writes a snapshot atomically (temporary file, then rename).
 * @param file - from {@link snapshotPath}
 */
export function saveSnapshot(file: string, corpusDir: string, index: CorpusIndex): void {
  const articles = index.sortedArticles();
  const articleIndex = new Map(articles.map((a, i) => [a.id, i]));
  const passages: SnapshotFile['passages'] = [];
  for (const p of index.passages.values()) passages.push([p.key, articleIndex.get(p.articleId)!, p.ordinal, p.start, p.end]);
  const snapshot: SnapshotFile = {
    version: SNAPSHOT_VERSION,
    corpusDir: path.resolve(corpusDir),
    savedAt: new Date().toISOString(),
    nextKey: index.keyCounter,
    fileHashes: [...index.fileHashes.entries()],
    skipped: index.skippedFiles(),
    articles,
    passages,
    index: index.serializeIndex(),
  };
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, JSON.stringify(snapshot));
  fs.renameSync(tmp, file);
}

/**
 * Loads a snapshot.
 * @returns the index, or null when there is no snapshot or it is unreadable or of another version
 */
export function loadSnapshot(file: string): CorpusIndex | null {
  let data: SnapshotFile;
  try {
    data = JSON.parse(fs.readFileSync(file, 'utf8')) as SnapshotFile;
  } catch {
    return null;
  }
  if (data?.version !== SNAPSHOT_VERSION || !Array.isArray(data.articles) || !Array.isArray(data.passages)) return null;
  let mini: MiniSearch<{ key: number; text: string; title: string }>;
  try {
    mini = MiniSearch.loadJS(data.index as Parameters<typeof MiniSearch.loadJS>[0], MINISEARCH_OPTIONS);
  } catch {
    return null;
  }
  const index = new CorpusIndex(mini);
  const passages: Passage[] = data.passages.map(([key, ai, ordinal, start, end]) => {
    const article = data.articles[ai]!;
    return { key, articleId: article.id, ordinal, start, end, text: article.text.slice(start, end) };
  });
  index.restore(data.articles, passages, data.nextKey);
  for (const [id, hash] of data.fileHashes) index.fileHashes.set(id, hash);
  for (const s of data.skipped) index.skipped.set(s.file, [...(index.skipped.get(s.file) ?? []), s]);
  return index;
}
