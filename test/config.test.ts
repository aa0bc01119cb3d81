import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config.ts';

describe('loadConfig', () => {
  it('fills the core and platform defaults when nothing is set', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      CORPUS_DIR: path.resolve('corpus'),
      DATA_DIR: path.resolve('.newsdesk'),
      LOG_LEVEL: 'info',
      MAX_FILE_BYTES: 20 * 1024 * 1024,
      RATE_LIMIT_PER_MINUTE: 10,
      DISCORD_TOKEN: undefined,
      DISCORD_APP_ID: undefined,
      DISCORD_GUILD_ID: undefined,
      DISCORD_API_URL: 'https://discord.com/api',
      DISCORD_MESSAGE_CONTENT: false,
      SLACK_BOT_TOKEN: undefined,
      SLACK_SIGNING_SECRET: undefined,
      SLACK_APP_TOKEN: undefined,
      SLACK_PORT: 3000,
      SLACK_API_URL: 'https://slack.com/api/',
    });
  });

  it('treats blank values as unset', () => {
    expect(loadConfig({ DISCORD_TOKEN: '  ', SLACK_PORT: '' }).SLACK_PORT).toBe(3000);
  });

  it('names a malformed Discord token', () => {
    expect(() => loadConfig({ DISCORD_TOKEN: 'not-a-token' })).toThrow(/DISCORD_TOKEN: must look like a Discord bot token/);
  });

  it('names a Slack bot token of the wrong kind', () => {
    expect(() => loadConfig({ SLACK_BOT_TOKEN: 'xoxp-123' })).toThrow(/SLACK_BOT_TOKEN: must start with xoxb-/);
  });

  it('requires the signing secret in Slack HTTP mode and names it', () => {
    expect(() => loadConfig({ SLACK_BOT_TOKEN: 'xoxb-1-2-abc' })).toThrow(/SLACK_SIGNING_SECRET: required with SLACK_BOT_TOKEN/);
    expect(loadConfig({ SLACK_BOT_TOKEN: 'xoxb-1-2-abc', SLACK_APP_TOKEN: 'xapp-1-A-2-b' }).SLACK_APP_TOKEN).toBe('xapp-1-A-2-b');
  });

  it('requires the application id with a Discord token', () => {
    expect(() => loadConfig({ DISCORD_TOKEN: 'MTA1234567890123456789.AbCdEf.abcdefghijklmnopqrstuvwxyz012345' })).toThrow(
      /DISCORD_APP_ID: required with DISCORD_TOKEN/,
    );
  });

  it('names every bad variable at once', () => {
    expect(() => loadConfig({ LOG_LEVEL: 'loud', SLACK_PORT: '99999' })).toThrow(/LOG_LEVEL: .*; SLACK_PORT: /);
  });
});
