import type { ArticleMetadata, ParsedFile } from './article.ts';
import { buildArticle, definedOnly, hashText, parseJsonLines, parseTextFile } from './article.ts';
import { extractArticle } from './extract-article.ts';

/**
 * The corpus formats: which file extensions newsdesk reads and how each becomes articles. A new
 * format is one entry here (its parser beside it); the read loop, `newsdesk ingest` and the watcher
 * all take their list of readable files from this registry.
 */

/** One corpus format. */
export interface CorpusFormat {
  name: string;
  /** Extensions, lower case with the dot. */
  extensions: readonly string[];
  /** Decoded text → articles, and the records that could not be used. */
  parse(id: string, text: string, overrides: ArticleMetadata): ParsedFile;
}

/** Every format, the plain text one first (it also reads files without an extension). */
export const CORPUS_FORMATS: readonly CorpusFormat[] = [
  { name: 'text', extensions: ['.txt', '.text'], parse: parseTextFile },
  { name: 'markdown', extensions: ['.md', '.markdown'], parse: parseTextFile },
  { name: 'jsonl', extensions: ['.jsonl', '.ndjson'], parse: parseJsonLines },
  { name: 'html', extensions: ['.html', '.htm'], parse: parseHtmlFile },
];

/** Every readable extension. */
export const ARTICLE_EXTENSIONS: readonly string[] = CORPUS_FORMATS.flatMap((f) => f.extensions);

/**
 * The format of a file by its extension; text for a file without one.
 * @example formatOf('day1/a.jsonl').name // 'jsonl'
 */
export function formatOf(id: string): CorpusFormat {
  const ext = /\.[^./\\]+$/.exec(id)?.[0].toLowerCase() ?? '';
  return CORPUS_FORMATS.find((f) => f.extensions.includes(ext)) ?? CORPUS_FORMATS[0]!;
}

/**
 * Parses a decoded file in the format its extension names: JSON Lines, HTML, or text with YAML
 * front matter when it opens with `---` (also a file without an extension).
 * @param id - the file's path relative to the corpus folder
 * @param text - the decoded text, `\n` line ends
 * @param overrides - manifest metadata that adds to or corrects what the file says
 * @example parseArticleFile('a.txt', 'Biden calls Putin\n\nBiden spoke to Putin on Thursday for 50 minutes.').articles[0].title // 'Biden calls Putin'
 */
export function parseArticleFile(id: string, text: string, overrides: ArticleMetadata = {}): ParsedFile {
  return formatOf(id).parse(id, text, overrides);
}

/** Stands in for the page address of a saved page, so that only a canonical link the page gives is kept. */
const LOCAL_PAGE = 'file:///saved-page';

/**
 * A saved web page: the article Readability finds in it (the same reader `newsdesk ingest` uses for
 * a URL), with the page's own metadata; its canonical link, when it gives one, is the article's URL.
 */
function parseHtmlFile(id: string, text: string, overrides: ArticleMetadata = {}): ParsedFile {
  let page;
  try {
    page = extractArticle(text, LOCAL_PAGE);
  } catch {
    return { articles: [], problems: [{ file: id, reason: 'no article text in the page' }] };
  }
  const own: ArticleMetadata = {
    title: page.title,
    byline: page.byline,
    published: page.published,
    outlet: page.outlet,
    url: page.url === LOCAL_PAGE ? null : page.url,
  };
  const meta = { ...own, ...definedOnly(overrides) };
  const article = buildArticle(id, id, page.paragraphs.join('\n\n'), meta, hashText(text), page.title);
  return article ? { articles: [article], problems: [] } : { articles: [], problems: [{ file: id, reason: 'no article text after removing boilerplate' }] };
}
