import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import type { Answer } from '../../src/types.ts';
import { renderAnswerForSlack, type SlackAnswerOptions } from '../../adapters/slack/render.ts';
import { SLASH_COMMANDS } from '../../adapters/slack/slash-commands.ts';
import { renderSlackManifest } from '../../adapters/slack/manifest.ts';
import { CHAT_COMMANDS } from '../../src/wording/commands.ts';
import { loadSlackFixture } from './slack-requests.ts';

/** The manifest and the README's Slack section describe what the adapter really does. */

const SLACK_DIR = path.resolve(import.meta.dirname, '../../adapters/slack');

interface Manifest {
  features: { slash_commands: { command: string; url: string }[]; app_home: { messages_tab_enabled: boolean } };
  oauth_config: { scopes: { bot: string[] } };
  settings: {
    event_subscriptions: { request_url: string; bot_events: string[] };
    interactivity: { is_enabled: boolean; request_url: string };
    socket_mode_enabled: boolean;
  };
}

describe('adapters/slack/manifest.yaml', () => {
  const committed = fs.readFileSync(path.join(SLACK_DIR, 'manifest.yaml'), 'utf8');
  const manifest = parse(committed) as Manifest;

  it('is the manifest built from the command catalogue (npm run slack-manifest writes it)', () => {
    expect(committed).toBe(renderSlackManifest());
    expect(manifest.features.slash_commands.map((c) => c.command)).toEqual(CHAT_COMMANDS.map((c) => `/${c.name}`));
  });

  it('declares exactly the slash commands the adapter listens to, all on /slack/events', () => {
    expect(manifest.features.slash_commands.map((c) => c.command)).toEqual([...SLASH_COMMANDS]);
    expect(new Set(manifest.features.slash_commands.map((c) => c.url))).toEqual(new Set(['https://YOUR-HOST/slack/events']));
  });

  it('subscribes to the events the adapter handles and sends interactivity to the same endpoint', () => {
    expect(manifest.settings.event_subscriptions).toEqual({
      request_url: 'https://YOUR-HOST/slack/events',
      bot_events: ['app_mention', 'message.im', 'message.channels', 'message.groups'],
    });
    expect(manifest.settings.interactivity).toEqual({ is_enabled: true, request_url: 'https://YOUR-HOST/slack/events' });
    expect(manifest.features.app_home.messages_tab_enabled).toBe(true);
  });

  it('asks for the scopes the adapter uses and no more', () => {
    expect(manifest.oauth_config.scopes.bot).toEqual(['app_mentions:read', 'chat:write', 'commands', 'im:history', 'channels:history', 'groups:history']);
  });
});

describe('README.md, Slack section', () => {
  it('shows the exact payload the renderer produces for the answered fixture', () => {
    const doc = fs.readFileSync(path.join(SLACK_DIR, '..', '..', 'README.md'), 'utf8');
    const json = /<!-- slack-payload:start -->\n```json\n([\s\S]*?)\n```\n<!-- slack-payload:end -->/.exec(doc)?.[1];
    const c = loadSlackFixture<{ answer: Answer; options: SlackAnswerOptions }>('render-answer-answered.json');
    expect(JSON.parse(json ?? 'null')).toEqual(renderAnswerForSlack(c.answer, c.options));
  });
});
