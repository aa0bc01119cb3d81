import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '..');
const PLATFORM_SDK = /(?:from\s+|import\(\s*|require\(\s*)['"](discord\.js|@discordjs\/[\w-]+|@slack\/[\w-]+)['"]/;

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? sourceFiles(p) : /\.(ts|mts|js|mjs)$/.test(e.name) ? [p] : [];
  });
}

describe('core boundary', () => {
  it('keeps every platform SDK out of src/', () => {
    const offenders = sourceFiles(path.join(ROOT, 'src')).filter((f) => PLATFORM_SDK.test(fs.readFileSync(f, 'utf8')));
    expect(offenders.map((f) => path.relative(ROOT, f))).toEqual([]);
  });

  it('keeps src/ independent of adapters/', () => {
    const offenders = sourceFiles(path.join(ROOT, 'src')).filter((f) => /from\s+['"][./]*adapters\//.test(fs.readFileSync(f, 'utf8')));
    expect(offenders.map((f) => path.relative(ROOT, f))).toEqual([]);
  });

  it('detects an SDK import when one is written', () => {
    expect(PLATFORM_SDK.test(`import { Client } from 'discord.js';`)).toBe(true);
    expect(PLATFORM_SDK.test(`const { App } = require('@slack/bolt');`)).toBe(true);
    expect(PLATFORM_SDK.test(`import { z } from 'zod';`)).toBe(false);
  });
});
