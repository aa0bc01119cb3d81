import fs from 'node:fs';
import path from 'node:path';
import { createHash } from 'node:crypto';
import { silentLog, type Log } from '../log.ts';
import { listCorpusFiles, parseArticleBytes, readFileBytes, readManifest, MANIFEST_NAMES } from '../ingest/corpus.ts';
import { recordFirstSeen } from '../ingest/first-seen.ts';
import { CorpusIndex } from './corpus-index.ts';
import { loadSnapshot, saveSnapshot, snapshotPath } from './snapshot.ts';

/**
 * Opens a corpus for answering: loads the snapshot from the data folder when it matches the corpus
 * files (content hashes), brings it up to date incrementally when some files were added, changed or
 * removed, and builds from scratch otherwise. The snapshot is saved after any change, and articles
 * seen for the first time are recorded in the data folder (first-seen.json).
 */

/** Options of {@link openCorpus}. */
export interface OpenCorpusOptions {
  /** Data folder for the snapshot; null or undefined to work in memory only. */
  dataDir?: string | null;
  maxFileBytes?: number;
  log?: Log;
  /** Called after each corpus file is checked: done, total. */
  onProgress?: (done: number, total: number) => void;
  /** Clock for first-seen times (tests). */
  now?: () => Date;
  /**
   * The index being served, to bring up to date in place instead of reading the snapshot (the
   * watcher and the feed poller): only what changed is parsed, and what is cached per article, its
   * story and its copies, stays.
   */
  index?: CorpusIndex;
}

/** How the index was obtained. */
type OpenStatus = 'loaded' | 'updated' | 'built';

/** File ids added, changed and removed relative to the snapshot. */
interface CorpusChanges {
  added: string[];
  changed: string[];
  removed: string[];
}

/** The opened corpus and what it took. */
export interface OpenedCorpus {
  index: CorpusIndex;
  status: OpenStatus;
  changes: CorpusChanges;
}

/**
 * Opens a corpus folder. Each file is read once: hashed, and parsed only when the snapshot does not
 * already hold that exact content.
 * @throws NewsdeskError CORPUS_NOT_FOUND when the folder is missing
 * @example const { index, status } = openCorpus('corpus', { dataDir: '.newsdesk' })
 */
export function openCorpus(corpusDir: string, options: OpenCorpusOptions = {}): OpenedCorpus {
  const log = (options.log ?? silentLog).child({ module: 'corpus' });
  const progress = options.onProgress ?? (() => {});
  const files = listCorpusFiles(corpusDir);
  const manifestHash = hashManifest(corpusDir);
  const file = options.dataDir ? snapshotPath(options.dataDir, corpusDir) : null;
  const snapshot = options.index ?? (file ? loadSnapshot(file) : null);
  const usable = snapshot !== null && snapshot.fileHashes.get(MANIFEST_KEY) === manifestHash;
  const index = usable ? snapshot : new CorpusIndex();
  const { manifest, problem } = readManifest(corpusDir);
  for (const name of MANIFEST_NAMES) index.skipped.delete(name);
  if (problem) index.skipped.set(problem.file, [problem]);

  const changes: CorpusChanges = { added: [], changed: [], removed: [] };
  const present = new Set(files.map((f) => f.id));
  for (const id of [...index.fileHashes.keys()]) {
    if (id !== MANIFEST_KEY && !present.has(id)) {
      changes.removed.push(id);
      index.removeFile(id);
    }
  }
  files.forEach((f, i) => {
    const bytes = readFileBytes(f, options.maxFileBytes);
    const hash = bytes instanceof Uint8Array ? sha1(bytes) : `skipped:${bytes.reason}`;
    const old = index.fileHashes.get(f.id);
    if (old !== hash) {
      (old === undefined ? changes.added : changes.changed).push(f.id);
      index.removeFile(f.id);
      const result = bytes instanceof Uint8Array ? parseArticleBytes(f.id, bytes, manifest[f.id] ?? {}) : { articles: [], skipped: [bytes] };
      index.addArticles(result.articles);
      if (result.skipped.length) index.skipped.set(f.id, result.skipped);
      index.fileHashes.set(f.id, hash);
      for (const s of result.skipped) log.warn({ file: s.file, reason: s.reason }, 'skipped file');
    }
    progress(i + 1, files.length);
  });
  index.fileHashes.set(MANIFEST_KEY, manifestHash);

  if (options.dataDir && (changes.added.length || changes.changed.length)) {
    try {
      recordFirstSeen(options.dataDir, index.articles.keys(), options.now?.() ?? new Date());
    } catch (err) {
      log.warn({ err }, 'could not record when articles were first seen');
    }
  }
  const touched = changes.added.length + changes.changed.length + changes.removed.length > 0;
  const status: OpenStatus = !usable ? 'built' : touched ? 'updated' : 'loaded';
  if (file && status !== 'loaded') {
    try {
      saveSnapshot(file, corpusDir, index);
    } catch (err) {
      log.warn({ err, file }, 'could not save the index snapshot; continuing without it');
    }
  }
  log.info(
    {
      corpus: corpusDir,
      status,
      articles: index.articles.size,
      passages: index.passageCount,
      skipped: index.skippedFiles().length,
      added: changes.added.length,
      changed: changes.changed.length,
      removed: changes.removed.length,
    },
    `corpus ${status}`,
  );
  return { index, status, changes };
}

/** Key under which the manifest's hash is recorded among the file hashes. */
const MANIFEST_KEY = '\u0000manifest';

function sha1(bytes: Uint8Array): string {
  return createHash('sha1').update(bytes).digest('hex');
}

function hashManifest(corpusDir: string): string {
  const h = createHash('sha1');
  for (const name of MANIFEST_NAMES) {
    const p = path.join(corpusDir, name);
    try {
      h.update(name).update(fs.readFileSync(p));
    } catch {
      // no manifest of this name
    }
  }
  return h.digest('hex');
}
