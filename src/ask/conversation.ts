/**
 * Conversation memory: what each conversation (a thread, a DM, a terminal session) was last asking
 * about, so that "how long was it?" after "who requested the call?" is about the call.
 */

/** What a conversation remembers of its last question. */
export interface ConversationTurn {
  question: string;
  /** The subject the question was about (its focus words), used to resolve pronouns next time. */
  subject: string | null;
  /** The story the conversation follows (set by /story or by asking about one), or null. */
  story?: string | null;
  /** The story was chosen with /story (not picked up from an answer). */
  storyChosen?: boolean;
  at: number;
}

/**
 * Remembers the last turn of many conversations, forgetting the oldest beyond a bound and any turn
 * older than the time-to-live.
 * @example const memory = new ConversationMemory(); memory.remember('slack:C1:123', turn); memory.last('slack:C1:123')
 */
export class ConversationMemory {
  private readonly turns = new Map<string, ConversationTurn>();

  constructor(
    private readonly maxConversations = 5000,
    private readonly ttlMs = 6 * 60 * 60 * 1000,
    private readonly now: () => number = Date.now,
  ) {}

  /** The last turn of a conversation, if recent enough. */
  last(conversationId: string): ConversationTurn | null {
    const turn = this.turns.get(conversationId);
    if (!turn) return null;
    if (this.now() - turn.at > this.ttlMs) {
      this.turns.delete(conversationId);
      return null;
    }
    return turn;
  }

  /** Records the latest turn of a conversation. */
  remember(conversationId: string, turn: Omit<ConversationTurn, 'at'>): void {
    this.turns.delete(conversationId);
    this.turns.set(conversationId, { ...turn, at: this.now() });
    if (this.turns.size > this.maxConversations) {
      const oldest = this.turns.keys().next().value;
      if (oldest !== undefined) this.turns.delete(oldest);
    }
  }
}
