/** What parsing a question yields (see question.ts): its family, focus words and what it asks about. */

/** The question families of DESIGN.md. */
export type QuestionFamily =
  | 'who'
  | 'who_is'
  | 'when'
  | 'what_time'
  | 'how_long'
  | 'how_many'
  | 'how_old'
  | 'where'
  | 'said'
  | 'why'
  | 'how'
  | 'yes_no'
  | 'what_x'
  | 'about';

/** A parsed question. */
export interface ParsedQuestion {
  text: string;
  family: QuestionFamily;
  /** Content words of the question (surface forms, in order), question words and auxiliaries removed. */
  focus: string[];
  /** Analysed terms of the focus, each with a weight (1 for the question's own words, less for expansions). */
  terms: Map<string, number>;
  /** "how many X": the counted noun (surface form). */
  countNoun: string | null;
  /** "what did X say": the speaker; "who is X": the person or role asked about. */
  entity: string | null;
  /** The words of the question that only place what it asks about (see Family.scene), or null. */
  scene: string | null;
  /** The question uses a pronoun ("it", "they") or names nothing: its subject comes from context. */
  needsSubject: boolean;
  /** "which radio station did…" → station: the kind of thing the answer is, which the text need not repeat. */
  answerKind: string | null;
}
