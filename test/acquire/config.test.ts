import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.ts';

describe('coverage configuration', () => {
  it('defaults: no feeds, 30-minute polls, corpus watched, 15 s and 5 MiB fetch limits', () => {
    expect(loadConfig({})).toMatchObject({ FEEDS: [], FEED_POLL_MINUTES: 30, WATCH_CORPUS: true, FETCH_TIMEOUT_MS: 15000, FETCH_MAX_BYTES: 5242880 });
  });

  it('reads a comma-separated feed list and the other settings', () => {
    const config = loadConfig({
      FEEDS: ' https://a.test/rss , http://b.test/atom.xml,',
      FEED_POLL_MINUTES: '5',
      WATCH_CORPUS: 'false',
      FETCH_TIMEOUT_MS: '2000',
      FETCH_MAX_BYTES: '1000',
    });
    expect(config).toMatchObject({
      FEEDS: ['https://a.test/rss', 'http://b.test/atom.xml'],
      FEED_POLL_MINUTES: 5,
      WATCH_CORPUS: false,
      FETCH_TIMEOUT_MS: 2000,
      FETCH_MAX_BYTES: 1000,
    });
  });

  it('names the variable when a setting is bad', () => {
    expect(() => loadConfig({ FEEDS: 'https://a.test/rss,ftp://b.test/x' })).toThrow('FEEDS.1: each feed must be an http(s) URL');
    expect(() => loadConfig({ FEED_POLL_MINUTES: '0' })).toThrow(/FEED_POLL_MINUTES/);
    expect(() => loadConfig({ WATCH_CORPUS: 'maybe' })).toThrow(/WATCH_CORPUS/);
  });
});
