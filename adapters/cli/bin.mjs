#!/usr/bin/env node
// The `newsdesk` command. `npm install` compiles the TypeScript once into dist/ (the `prepare`
// script), and this runs the compiled JavaScript: no transpiling at each start. When a source file is
// newer than the build (while developing), it runs the TypeScript through tsx instead, so that an
// edit is never shadowed by an old build.
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..', '..');
const built = path.join(root, 'dist', 'adapters', 'cli', 'main.js');

const { main } = isFresh() ? await import(built) : await importSources();
process.exitCode = await main(process.argv);

async function importSources() {
  const { register } = await import('tsx/esm/api');
  register();
  return import('./main.ts');
}

/** True when dist/ holds a build at least as new as every .ts file of src/ and adapters/. */
function isFresh() {
  let builtAt;
  try {
    builtAt = fs.statSync(path.join(root, 'dist', '.built')).mtimeMs;
  } catch {
    return false;
  }
  for (const dir of ['src', 'adapters']) {
    for (const entry of fs.readdirSync(path.join(root, dir), { recursive: true, withFileTypes: true })) {
      if (entry.isFile() && entry.name.endsWith('.ts') && fs.statSync(path.join(entry.parentPath, entry.name)).mtimeMs > builtAt) return false;
    }
  }
  return true;
}
