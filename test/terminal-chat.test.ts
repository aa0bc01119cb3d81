import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import { handleLine, runTerminalChat, type ChatState } from '../adapters/terminal/chat.ts';
import { wrapForTerminal } from '../adapters/terminal/wrap.ts';
import { silentLog } from '../src/log.ts';
import { Newsdesk } from '../src/app/newsdesk.ts';
import { openCorpus } from '../src/index/open-corpus.ts';
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
    expect(wrapForTerminal('[2] WEKU — "Biden again calls on Putin to de-escalate"', 32)).toBe(
      ['[2] WEKU — "Biden again calls on', '    Putin to de-escalate"'].join('\n'),
    );
  });

  it('leaves text alone when the width is unknown', () => {
    expect(wrapForTerminal('a'.repeat(200), undefined)).toBe('a'.repeat(200));
  });
});

describe('terminal chat commands', () => {
  it('shows three citations and keeps the rest for /more', () => {
    const state: ChatState = { pending: [] };
    const answer = handleLine(desk, 'who requested the call?', 't', state)!.text;
    expect(
      answer
        .split('\n')
        .filter((l) => /^\[\d\]/.test(l))
        .map((l) => l.slice(0, 3)),
    ).toEqual(['[1]', '[2]', '[3]']);
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
    execFileSync('tmux', [
      'new-session',
      '-d',
      '-s',
      session,
      '-x',
      '70',
      '-y',
      '200',
      `cd ${ROOT} && env -u LOG_LEVEL ${env} ${process.execPath} adapters/cli/bin.mjs chat`,
    ]);
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

describe('terminal chat on a coverage of several stories', () => {
  const dir = makeTmp('newsdesk-stories-chat-');
  afterAll(() => removeTmp(dir));
  const files: Record<string, string> = {
    'quake-1.txt':
      'Earthquake strikes Nepal near Kathmandu\n\nA magnitude 7.8 earthquake struck Nepal on Saturday, killing hundreds of people in Kathmandu.\n\nRescue teams searched collapsed buildings in Kathmandu as aftershocks shook the Himalayas.\n',
    'quake-2.txt':
      'Nepal earthquake death toll rises\n\nThe death toll from the Nepal earthquake rose above 2,000 as rescue teams reached villages outside Kathmandu.\n\nAftershocks continued across the Himalayas.\n',
    'quake-3.txt':
      'Aid arrives in Kathmandu after earthquake\n\nInternational aid flights landed in Kathmandu three days after the earthquake.\n\nRescue workers in Nepal said survivors were still being pulled from collapsed buildings.\n',
    'transfer-1.txt':
      'Chelsea sign striker Shevchenko from Milan\n\nChelsea have completed the signing of striker Andriy Shevchenko from AC Milan for a fee of about £30m.\n\nShevchenko said joining Chelsea was a dream.\n',
    'transfer-2.txt':
      'Shevchenko completes Chelsea move\n\nAndriy Shevchenko passed his medical and signed a four-year contract with Chelsea.\n\nThe striker leaves Milan after seven seasons.\n',
    'launch-1.txt':
      'Sony launches PSP handheld in Japan\n\nSony launched its PlayStation Portable handheld console in Japan, and gamers queued outside shops in Tokyo.\n\nThe PSP sold out on its first day, Sony said.\n',
    'launch-2.txt':
      'PSP handheld sells out in Tokyo\n\nQueues formed in Tokyo for the Sony PSP, the PlayStation Portable handheld.\n\nShops in Japan sold out of the console within hours, Sony said.\n',
  };
  for (const [name, text] of Object.entries(files)) fs.writeFileSync(path.join(dir, name), text);
  const many = Newsdesk.forIndex(openCorpus(dir).index, loadConfig({ CORPUS_DIR: dir }), silentLog, false);
  const say = (line: string, conversation = 'c1') => handleLine(many, line, conversation, { pending: [] })!.text;

  it('lists the stories, asks which story a bare question means, and answers within the story followed', () => {
    expect(
      say('/stories')
        .split('\n')
        .filter((l) => /^\d+\. /.test(l)),
    ).toEqual(['1. Earthquake strikes Nepal near Kathmandu', '2. PSP handheld sells out in Tokyo', '3. Shevchenko completes Chelsea move']);
    const which = say('how long was it?').split('\n');
    expect(which[0]).toBe('That could be about several stories. Which one do you mean?');
    expect(which.slice(1).map((l) => l.replace(/ — \/story st-[0-9a-f]{8}$/, ''))).toEqual([
      '  1. Earthquake strikes Nepal near Kathmandu (3 articles)',
      '  2. PSP handheld sells out in Tokyo (2 articles)',
      '  3. Shevchenko completes Chelsea move (2 articles)',
    ]);
    expect(say('/story shevchenko')).toBe('Following the story "Shevchenko completes Chelsea move": questions here are answered from its coverage.');
    expect(say('how long is the contract?').split('\n').slice(0, 3)).toEqual([
      'four years',
      'One source says so.',
      'From the story: Shevchenko completes Chelsea move',
    ]);
    expect(say('/story').split('\n')[0]).toBe('Shevchenko completes Chelsea move');
    // Another conversation follows nothing.
    expect(say('/story', 'c2')).toBe('No story followed here. Type /story followed by words of its headline (or its number in /stories).');
    expect(say('/story 2', 'c2')).toBe('Following the story "PSP handheld sells out in Tokyo": questions here are answered from its coverage.');
    expect(say('/story volcano')).toBe('No story matches "volcano". Try /stories for the list.');
  });

  it('follows the story a question was answered from, until a question names another story', () => {
    expect(say('how much was the fee for shevchenko?', 'c3').split('\n').slice(0, 3)).toEqual([
      'about £30m',
      'One source says so.',
      'From the story: Shevchenko completes Chelsea move',
    ]);
    expect(say('how long is the contract?', 'c3').split('\n')[0]).toBe('four years');
    const psp = say('where did gamers queue for the psp?', 'c3').split('\n');
    // The sentence that answers covers under 0.7 of the question (it never says "PSP"): weak evidence, said as such.
    expect([psp[0], psp.find((l) => l.startsWith('From the story'))]).toEqual([
      'The coverage suggests: Tokyo',
      'From the story: PSP handheld sells out in Tokyo',
    ]);
  });

  it('keeps a story chosen with /story even for a question about another one', () => {
    say('/story shevchenko', 'c4');
    const psp = say('where did gamers queue for the psp?', 'c4').split('\n');
    expect([psp[0], psp[1]]).toEqual(['The coverage does not answer that: none of the articles says it.', 'From the story: Shevchenko completes Chelsea move']);
    // A later answer in the story keeps it chosen.
    say('how long is the contract?', 'c4');
    expect(say('where did gamers queue for the psp?', 'c4').split('\n')[0]).toBe('The coverage does not answer that: none of the articles says it.');
  });
});
