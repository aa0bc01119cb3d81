import type Database from 'better-sqlite3';

/**
 * The stories channels follow (`/story <words>` in Slack or Discord), by channel key
 * (`slack:C123`, `discord:channel:42`): kept in the state database, so a channel still follows its
 * story after a restart.
 */
export class StoryFollowStore {
  constructor(private readonly db: Database.Database) {}

  /** Records that a channel follows a story (replacing what it followed). */
  follow(channel: string, story: string, now: Date): void {
    this.db
      .prepare(
        'INSERT INTO story_follows (channel, story, since) VALUES (?, ?, ?) ON CONFLICT (channel) DO UPDATE SET story = excluded.story, since = excluded.since',
      )
      .run(channel, story, now.toISOString());
  }

  /** The story id a channel follows, or null. */
  followed(channel: string): string | null {
    const row = this.db.prepare('SELECT story FROM story_follows WHERE channel = ?').get(channel) as { story: string } | undefined;
    return row?.story ?? null;
  }
}
