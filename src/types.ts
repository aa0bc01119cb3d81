/**
 * The plain data that flows through newsdesk: articles, passages, answers and citations.
 * Every surface (terminal, Discord, Slack, JSON) consumes these shapes.
 */

/** One article of the coverage, cleaned and with its metadata. */
export interface Article {
  /** Path relative to the corpus folder (POSIX separators); `file.jsonl#L3` for a JSON Lines record. */
  id: string;
  /** The corpus file this article came from (equal to `id` except for JSON Lines records). */
  file: string;
  title: string;
  /** True when the page carried no headline and the title was made from the lead. */
  titleDerived: boolean;
  outlet: string | null;
  byline: string | null;
  /** ISO date `YYYY-MM-DD`, or null when unknown. */
  published: string | null;
  url: string | null;
  /** The clean article text: body paragraphs, verbatim, separated by blank lines. */
  text: string;
  /** Content hash of the source bytes (or record) this article came from. */
  hash: string;
}

/** A span of an article's clean text that the index searches and answers cite. */
export interface Passage {
  /** Numeric key, unique within one index. */
  key: number;
  articleId: string;
  /** Position of the passage within its article, from 0. */
  ordinal: number;
  /** Character offsets into `Article.text`: `text === article.text.slice(start, end)`. */
  start: number;
  end: number;
  text: string;
}

/** A file that could not be ingested, and why. */
export interface SkippedFile {
  file: string;
  reason: string;
}

/** A numbered, verbatim quote supporting an answer. */
export interface Citation {
  n: number;
  source: string;
  outlet: string | null;
  title: string;
  date: string | null;
  url: string | null;
  quote: string;
  start: number;
  end: number;
}

/** One distinct value found in the coverage and the sources that give it. */
export interface SupportGroup {
  value: string;
  sources: string[];
}

/** The status of an answer: one value, outlets disagreeing, or nothing in the coverage. */
export type AnswerStatus = 'answered' | 'conflicting' | 'not_found';

/** The one result shape every renderer consumes; also what `newsdesk ask --json` prints. */
export interface Answer {
  question: string;
  status: AnswerStatus;
  answer: string | null;
  /**
   * How much of the question the winning evidence covers (0–1), for an answer; absent when not_found.
   * Below {@link WEAK_ANSWER_CONFIDENCE} the answer is worded as what the coverage suggests.
   */
  confidence?: number;
  support: SupportGroup[];
  citations: Citation[];
  /** When not_found: the closest passages, clearly labelled as related, not as an answer. */
  related?: Citation[];
  /** In a coverage of many stories: the story the answer (and every citation) comes from. */
  story?: { id: string; title: string };
  /**
   * When the question names nothing and several stories could be meant, with none in focus: the
   * stories to choose from (status not_found, no answer). The reply asks which one.
   */
  storyChoices?: StoryChoice[];
}

/** A story offered when the bot asks which one is meant. */
export interface StoryChoice {
  id: string;
  title: string;
  /** How many articles the story has. */
  articles: number;
}

/**
 * The confidence below which an answer is weak evidence, worded "The coverage suggests…": on the dev
 * and val stories, answers whose evidence covered less than 0.7 of the question were right 61% of the
 * time, those above it 79%.
 */
export const WEAK_ANSWER_CONFIDENCE = 0.7;
