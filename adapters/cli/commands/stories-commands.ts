import { CommanderError, type Command } from 'commander';
import { corpusStories, findStory } from '../../../src/stories/stories.ts';
import { readFirstSeen } from '../../../src/ingest/first-seen.ts';
import { storyNotFound } from '../../../src/wording/messages.ts';
import { renderStoryDetail, renderStoryList } from '../../terminal/render-stories.ts';
import { open, type CliContext, type CorpusOptions } from '../context.ts';

/** `newsdesk stories` and `newsdesk story <id|words>`. */
export function registerStoriesCommands(program: Command, ctx: CliContext): void {
  program
    .command('stories')
    .option('--corpus <dir>', 'corpus folder (default: CORPUS_DIR)')
    .option('--json', 'print the JSON contract { stories: [{ id, title, articles, outlets, firstSeen, lastSeen, terms }] }')
    .action((opts: CorpusOptions) => {
      const stories = corpusStories(open(ctx, opts).index, readFirstSeen(ctx.config.DATA_DIR));
      ctx.out(opts.json ? JSON.stringify({ stories }, null, 2) : renderStoryList(stories));
    });

  program
    .command('story')
    .argument('<query...>', 'story id or words of its headlines')
    .option('--corpus <dir>', 'corpus folder (default: CORPUS_DIR)')
    .option('--json', 'print JSON')
    .action((query: string[], opts: CorpusOptions) => {
      const { index } = open(ctx, opts);
      const story = findStory(index, corpusStories(index, readFirstSeen(ctx.config.DATA_DIR)), query.join(' '));
      if (!story) {
        ctx.out(opts.json ? JSON.stringify({ story: null }, null, 2) : storyNotFound(query.join(' '), 'newsdesk stories'));
        throw new CommanderError(1, 'newsdesk.storyNotFound', `no story matches "${query.join(' ')}"`);
      }
      ctx.out(opts.json ? JSON.stringify({ story }, null, 2) : renderStoryDetail(story, (id) => index.articles.get(id)?.title ?? id));
    });
}
