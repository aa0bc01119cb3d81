import { describe, expect, it } from 'vitest';
import { RecentReplies } from '../../adapters/discord/answer-store.ts';
import { renderNoticeForDiscord } from '../../adapters/discord/render.ts';

describe('RecentReplies', () => {
  it('keeps the newest replies and evicts the oldest beyond its capacity', () => {
    const replies = new RecentReplies(2);
    const payload = renderNoticeForDiscord('x');
    replies.remember('a', { kind: 'message', payload });
    replies.remember('b', { kind: 'message', payload });
    replies.remember('a', { kind: 'message', payload }); // refreshed: now the newest
    replies.remember('c', { kind: 'message', payload });
    expect(replies.size).toBe(2);
    expect(replies.recall('b')).toBeUndefined();
    expect(replies.recall('a')).toEqual({ kind: 'message', payload });
    expect(replies.recall('c')).toEqual({ kind: 'message', payload });
  });
});
