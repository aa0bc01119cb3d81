import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import { handleLine, runTerminalChat, type ChatState } from '../adapters/terminal/chat.ts';
import { wrapForTerminal } from '../adapters/terminal/wrap.ts';
import { silentLog } from '../src/log.ts';
import { Newsdesk } from '../src/newsdesk.ts';
import { openCorpus } from '../src/open-corpus.ts';
import { loadConfig } from '../src/config.ts';
import { makeTmp, removeTmp } from './ingest/helpers.ts';

const ROOT = path.resolve(import.meta.dirname, '..');
const CORPUS = path.join(ROOT, 'corpus');
const desk = Newsdesk.forIndex(openCorpus(CORPUS).index, loadConfig({ CORPUS_DIR: CORPUS }), silentLog, false);

describe('wrapForTerminal', () => {
  it('breaks at words and continues under the text of a quote or a citation', () => {
    expect(wrapForTerminal('    > The appeal came at the request of the Russian side, an official said.', 40)).toBe(
      ['    > The appeal came at the request of', '      the Russian side, an official', '      said.'].join('\n'),
    );
    expect(wrapForTerminal('[2] WEKU — "Biden again calls on Putin to de-escalate"', 32)).toBe(['[2] WEKU — "Biden again calls on', '    Putin to de-escalate"'].join('\n'));
  });

  it('leaves text alone when the width is unknown', () => {
    expect(wrapForTerminal('a'.repeat(200), undefined)).toBe('a'.repeat(200));
  });
});

describe('terminal chat commands', () => {
  it('shows three citations and keeps the rest for /more', () => {
    const state: ChatState = { pending: [] };
    const answer = handleLine(desk, 'who requested the call?', 't', state)!.text;
    expect(answer.split('\n').filter((l) => /^\[\d\]/.test(l)).map((l) => l.slice(0, 3))).toEqual(['[1]', '[2]', '[3]']);
    expect(answer.endsWith('(/more for 1 more source)')).toBe(true);
    expect(handleLine(desk, '/more', 't', state)!.text.startsWith('[4] WEKU')).toBe(true);
    expect(handleLine(desk, '/more', 't', state)!.text).toBe('There are no more sources for that question.');
  });

  it('accepts the numbers /sources prints', () => {
    expect(handleLine(desk, '/source 2', 't', { pending: [] })!.text.split('\n')[0]).toBe('White House: Biden Calls For De-Escalation On Call With Putin');
  });

  it("describes the terminal's own commands in /help", () => {
    const help = handleLine(desk, '/help', 't', { pending: [] })!.text;
    expect(help).not.toContain('Mention me');
    expect(help).toContain('  /more — more sources for the last answer');
    expect(help).toContain('  /source <number> — a source by its number in /sources');
  });
});

describe('runTerminalChat with piped input', () => {
  it('echoes each question before its answer and separates the answers', async () => {
    const input = new PassThrough();
    const output = new PassThrough();
    let text = '';
    output.on('data', (d: Buffer) => (text += d.toString()));
    input.end('who requested the call?\nhow long was it?\n');
    await runTerminalChat({ desk, input, output, interactive: false });
    const lines = text.split('\n');
    expect(lines[0]).toBe('> who requested the call?');
    expect(lines[1]).toBe('Russia');
    const second = lines.indexOf('> how long was it?');
    expect(lines[second - 1]).toBe('');
    expect(lines[second + 1]).toBe('50 minutes');
  });
});

const hasTmux = spawnSync('tmux', ['-V']).status === 0;

describe.skipIf(!hasTmux)('the terminal chat in a real terminal (tmux)', () => {
  const root = makeTmp('newsdesk-tmux-');
  const session = `newsdesk-test-${process.pid}`;
  afterAll(() => {
    spawnSync('tmux', ['kill-session', '-t', session]);
    removeTmp(root);
  });

  it('wraps to the window with hanging indents and prints no log lines', async () => {
    const env = `CORPUS_DIR=${CORPUS} DATA_DIR=${path.join(root, 'data')} HOME=${root}`;
    execFileSync('tmux', ['new-session', '-d', '-s', session, '-x', '70', '-y', '200', `cd ${ROOT} && env -u LOG_LEVEL ${env} ${process.execPath} adapters/cli/bin.mjs chat`]);
    const screen = (): string => execFileSync('tmux', ['capture-pane', '-p', '-t', session, '-S', '-200']).toString();
    await until(() => screen().includes('Ask a question, or type /help.'));
    execFileSync('tmux', ['send-keys', '-t', session, 'who requested the call?', 'Enter']);
    await until(() => screen().includes('(/more for'));
    const lines = screen().split('\n');
    expect(lines.filter((l) => l.length > 70)).toEqual([]);
    expect(lines.filter((l) => /"level"|INFO|corpus (loaded|built)/.test(l))).toEqual([]);
    // Every wrapped quote line continues under the quote's text (six spaces: "    > ").
    const first = lines.findIndex((l) => l.startsWith('    > '));
    expect(lines[first + 1]!.startsWith('      ') && !lines[first + 1]!.startsWith('       ')).toBe(true);
    fs.writeFileSync(path.join(root, 'screen.txt'), lines.join('\n'));
  }, 120_000);
});

/** Polls until `done` (a ceiling of 100 s for slow machines, not a time budget). */
async function until(done: () => boolean): Promise<void> {
  for (let i = 0; i < 200 && !done(); i++) await new Promise((r) => setTimeout(r, 500));
}
