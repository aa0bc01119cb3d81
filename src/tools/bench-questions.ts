/**
 * The mixed question set of `newsdesk bench`: every question family, in phrasings that fit any news
 * corpus (some find answers, some do not — both paths are timed).
 */
export const MIXED_QUESTIONS: readonly string[] = [
  'who requested the call?',
  'how long was it?',
  'how many troops are at the border?',
  'who is the prime minister?',
  'who won the election?',
  'when will the deal be completed?',
  'when did the company announce the results?',
  'how many jobs will be cut?',
  'how much did the company pay for the deal?',
  'where will the match be played?',
  'where is the company based?',
  'what did the chancellor say?',
  'what did the minister warn?',
  'who is the chief executive?',
  'how long will the strike last?',
  'what is broadband?',
  'tell me about the budget',
  'which company made the offer?',
  'how many people were killed?',
  'who claimed responsibility for the attacks?',
  'what did the president say about the economy?',
  'when is the general election?',
  'how many users does the service have?',
  'who won the Premier League?',
];
