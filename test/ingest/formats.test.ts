import { describe, expect, it } from 'vitest';
import { ARTICLE_EXTENSIONS, CORPUS_FORMATS, formatOf, parseArticleFile } from '../../src/ingest/formats.ts';

const PAGE = `<!doctype html><html><head>
<title>Biden warns Putin | Example News</title>
<meta property="og:title" content="Biden warns Putin of sanctions">
<meta property="og:site_name" content="Example News">
<meta property="article:published_time" content="2021-12-30T21:00:00Z">
<link rel="canonical" href="https://news.example/biden-putin">
</head><body><nav>Home · World · Sport</nav>
<article><h1>Biden warns Putin of sanctions</h1>
<p>President Joe Biden spoke with Vladimir Putin for 50 minutes on Thursday, the White House said.</p>
<p>The call had been requested by Russia, officials said, and came ahead of talks in Geneva in January.</p>
<p>Biden made clear that the United States would respond decisively if Russia invaded Ukraine.</p>
</article><footer>© Example News</footer></body></html>`;

describe('corpus formats', () => {
  it('reads each format by its extension, text for a file without one', () => {
    expect(['a.txt', 'b.MD', 'c.ndjson', 'd.htm', 'README'].map((f) => formatOf(f).name)).toEqual(['text', 'markdown', 'jsonl', 'html', 'text']);
    expect(ARTICLE_EXTENSIONS).toEqual(CORPUS_FORMATS.flatMap((f) => f.extensions));
  });

  it('reads a saved web page: the article text verbatim and the page’s own metadata', () => {
    const { articles, problems } = parseArticleFile('saved/biden.html', PAGE);
    expect(problems).toEqual([]);
    expect(articles.map((a) => ({ title: a.title, outlet: a.outlet, published: a.published, url: a.url }))).toEqual([
      { title: 'Biden warns Putin of sanctions', outlet: 'Example News', published: '2021-12-30', url: 'https://news.example/biden-putin' },
    ]);
    expect(articles[0]!.text.split('\n\n')).toEqual([
      'President Joe Biden spoke with Vladimir Putin for 50 minutes on Thursday, the White House said.',
      'The call had been requested by Russia, officials said, and came ahead of talks in Geneva in January.',
      'Biden made clear that the United States would respond decisively if Russia invaded Ukraine.',
    ]);
  });

  it('says why a page without an article is skipped', () => {
    expect(parseArticleFile('empty.html', '<html><body><nav>Home</nav></body></html>')).toEqual({
      articles: [],
      problems: [{ file: 'empty.html', reason: 'no article text in the page' }],
    });
  });
});
