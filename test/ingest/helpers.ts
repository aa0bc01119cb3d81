import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { splitParagraphs } from '../../src/ingest/article.ts';
import { removeBoilerplate, type RemovedLine } from '../../src/ingest/boilerplate.ts';
import { decodeText } from '../../src/ingest/decode.ts';
import { readHeader, type HeaderInfo } from '../../src/ingest/header.ts';

/** The shared corpora (read-only), next to the repository when it is checked out beside ../shared. */
export const CORPORA = path.resolve(import.meta.dirname, '..', '..', '..', 'shared', 'corpora');
/** True when the shared corpora are there: suites over them run only then (a fresh clone has none). */
export const HAS_SHARED_CORPORA = fs.existsSync(CORPORA);
if (!HAS_SHARED_CORPORA) console.log(`shared corpora not found at ${CORPORA}: the suites over them are skipped`);
/** The default corpus of the repository. */
export const DEFAULT_CORPUS = path.resolve(import.meta.dirname, '..', '..', 'corpus');
/** Fixtures of this suite: short real excerpts, kept in their original bytes. */
export const FIXTURES = path.resolve(import.meta.dirname, '..', 'fixtures', 'ingest');

/** Decodes a file the way ingestion does, or throws when it is not text. */
export function decodeFile(file: string): string {
  const result = decodeText(fs.readFileSync(file));
  if (!result.ok) throw new Error(`${file}: ${result.reason}`);
  return result.text;
}

/** What the cleaning steps make of a page: its header and the body lines kept and removed. */
export function cleanPage(text: string): { header: HeaderInfo; kept: string[]; removed: RemovedLine[] } {
  const paragraphs = splitParagraphs(text);
  const header = readHeader(paragraphs);
  return { header, ...removeBoilerplate(paragraphs.slice(header.bodyStart)) };
}

/** A fresh temporary folder; remove it with {@link removeTmp}. */
export function makeTmp(prefix = 'newsdesk-test-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

/** Removes a temporary folder, restoring permissions first so that nothing is left behind. */
export function removeTmp(dir: string): void {
  try {
    fs.chmodSync(dir, 0o700);
  } catch {
    // already gone
  }
  fs.rmSync(dir, { recursive: true, force: true });
}

/** Copies a folder's files into a new writable folder. */
export function copyCorpus(from: string, to: string): void {
  fs.mkdirSync(to, { recursive: true });
  for (const name of fs.readdirSync(from)) {
    fs.copyFileSync(path.join(from, name), path.join(to, name));
    fs.chmodSync(path.join(to, name), 0o644);
  }
}
