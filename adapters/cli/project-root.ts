import fs from 'node:fs';
import path from 'node:path';

/**
 * The project folder (the one holding newsdesk's package.json), found by walking up from this file,
 * so that it is the same whether the CLI runs from its TypeScript sources or from the build in dist/.
 * @example path.join(projectRoot(), 'test', 'fixtures')
 */
export function projectRoot(): string {
  let dir = import.meta.dirname;
  for (;;) {
    const manifest = path.join(dir, 'package.json');
    if (fs.existsSync(manifest) && (JSON.parse(fs.readFileSync(manifest, 'utf8')) as { name?: string }).name === 'newsdesk') return dir;
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error('newsdesk: package.json not found above the CLI');
    dir = parent;
  }
}

/** The package version, for `newsdesk --version`. */
export function packageVersion(): string {
  return (JSON.parse(fs.readFileSync(path.join(projectRoot(), 'package.json'), 'utf8')) as { version: string }).version;
}
