import type { Citation } from '../types.ts';

/**
 * The digest contract: plain data that every renderer consumes and `newsdesk digest --json` prints.
 */

/** One key point: a verbatim sentence and a citation for every outlet that reports it. */
export interface DigestPoint {
  /** The point, a sentence copied verbatim from one of the articles (the first citation's quote). */
  text: string;
  /** One citation per outlet that carries the fact, numbered across the whole digest. */
  citations: Citation[];
}

/** An article first seen since the previous digest, with the new fact it brings. */
export interface DigestNewArticle {
  source: string;
  title: string;
  outlet: string | null;
  /** ISO timestamp of when this newsdesk first saw the article. */
  firstSeen: string;
  /** Its best sentence that no earlier article already reports (empty when it adds nothing new). */
  facts: Citation[];
}

/** A value given by some outlets in a disagreement, and which sources give it. */
interface DisagreementValue {
  value: string;
  sources: string[];
}

/** Numbers, dates or durations that outlets give differently for the same thing. */
export interface Disagreement {
  /** What the values are about, e.g. "number of troops". */
  topic: string;
  values: DisagreementValue[];
}

/** A briefing of the coverage: headline, key points, what is new, where outlets differ. */
export interface Digest {
  headline: string;
  points: DigestPoint[];
  new: DigestNewArticle[];
  disagreements: Disagreement[];
  /**
   * In a coverage of many stories: the top stories, each with its own points, new articles and
   * disagreements, every citation from that story's articles (the fields above are then empty).
   * Absent when the coverage is one story.
   */
  stories?: DigestStory[];
}

/** One story's section of a briefing. */
export interface DigestStory {
  id: string;
  title: string;
  points: DigestPoint[];
  new: DigestNewArticle[];
  disagreements: Disagreement[];
}

/** Options of {@link buildDigest}. */
export interface BuildDigestOptions {
  /** Articles first seen after this instant are "new"; null or undefined: the 24 hours before `now`. */
  since?: Date | null;
  /** Article id → ISO time it was first seen (readFirstSeen); articles missing from it are not new. */
  firstSeen: ReadonlyMap<string, string>;
  /** The time the digest is made. */
  now: Date;
  /** Stories a briefing of a many-story coverage lists (default 5). */
  maxStories?: number;
  /** A story id or keywords (a subscription's topic): a many-story briefing covers only those stories. */
  topic?: string | null;
}
