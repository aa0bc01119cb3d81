import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseArticleFile } from '../../src/ingest/formats.ts';
import { classifyLine, findTailStart, isTailMarker, removeBoilerplate } from '../../src/ingest/boilerplate.ts';
import { cleanPage, decodeFile, DEFAULT_CORPUS, FIXTURES } from './helpers.ts';

const ukraine = (name: string) => cleanPage(decodeFile(path.join(DEFAULT_CORPUS, name)));
const fixture = (name: string) => cleanPage(decodeFile(path.join(FIXTURES, name)));
const articleOf = (file: string, name = path.basename(file)) => parseArticleFile(name, decodeFile(file)).articles[0]!;
const removedWith = (removed: { line: string; rule: string }[], rule: string) => removed.filter((r) => r.rule === rule).map((r) => r.line);

describe('removeBoilerplate on ukraine-call-2021 (real pages)', () => {
  it('drops the NTD newsletter sign-up block and the "From The Epoch Times" credit at the end', () => {
    const { removed, kept } = ukraine('001_ae44a968ee4ee127.txt');
    expect(removed).toEqual([
      { line: 'From The Epoch Times', rule: 'credit' },
      { line: 'ntd newsletter icon', rule: 'tail-block' },
      { line: 'Sign up for NTD Daily', rule: 'tail-block' },
      { line: 'What you need to know, summarized in one email.', rule: 'tail-block' },
      { line: 'Stay informed with accurate news you can trust.', rule: 'tail-block' },
      { line: 'By registering for the newsletter, you agree to the Privacy Policy.', rule: 'tail-block' },
    ]);
    expect(kept.at(-1)).toMatch(/^National security adviser Jake Sullivan told reporters in December/);
  });

  it('drops a closing "Comments are closed."', () => {
    expect(ukraine('002_34bd12b4df784525.txt').removed).toEqual([{ line: 'Comments are closed.', rule: 'tail-block' }]);
  });

  it('drops a photo caption ending in "Pool via the White House" and the "… contributed to it." credit', () => {
    expect(ukraine('000_7c4e71be4a13ea11.txt').removed).toEqual([
      { line: 'President Joe Biden chats with President Vladimir Putin on December 30, 2021. Pool via the White House', rule: 'caption' },
      { line: 'Teaganne Finn and Sally Bronston contributed to it.', rule: 'credit' },
    ]);
  });

  it('drops a "FILE PHOTO:" caption, "Powered by automated translation", "Agencies contributed to this report" and the "Updated:" stamp', () => {
    const { removed } = ukraine('003_aa27b1c8d01db12e.txt');
    expect(removed.map((r) => [r.rule, r.line.slice(0, 40)])).toEqual([
      ['caption', 'FILE PHOTO: U. S.  President Joe Biden h'],
      ['label', 'Powered by automated translation'],
      ['credit', 'Agencies contributed to this report'],
      ['date-stamp', 'Updated: December 30, 2021, 11:49 PM'],
    ]);
  });

  it('drops everything from "Comments / 4" on the WEKU page: related stories, "YOU MAY ALSO LIKE", follower counters, community policy', () => {
    const { removed, kept } = ukraine('004_0ab6f7e65bf4a959.txt');
    const tail = removedWith(removed, 'tail-block');
    expect(tail.slice(0, 3)).toEqual(['Comments / 4', 'Related', 'RELATED PEOPLE']);
    expect(tail).toEqual(expect.arrayContaining(['YOU MAY ALSO LIKE', '28K+', 'Followers', '4K+', '8M+', 'Views', 'Comments / 0', 'Community Policy']));
    expect(tail).toContain('Angst over China, Russia lessens chance of US nuke changes');
    expect(tail.at(-1)).toBe('Community Policy');
    expect(kept.some((k) => k.includes('nuke changes') || k.includes('Followers'))).toBe(false);
  });

  it('drops a particlenews image URL line and the caption under it inside the WEKU body', () => {
    const { removed } = ukraine('004_0ab6f7e65bf4a959.txt');
    expect(removedWith(removed, 'url')).toEqual(['https://img.particlenews.com/image.php?url=4Dzqz5_0dZVEJrf00']);
    expect(removedWith(removed, 'caption')).toEqual([
      expect.stringMatching(/^A Ukrainian soldier walks in a trench on the front line in Zolote, Ukraine, earlier this month\./),
    ]);
    expect(removedWith(removed, 'credit')).toEqual(["With reporting from NPR's Charles Maynes in Moscow."]);
  });

  it('leaves no removed line in any clean article text of the default corpus (as a paragraph, or inside one when it is long)', () => {
    for (const name of [
      '000_7c4e71be4a13ea11.txt',
      '001_ae44a968ee4ee127.txt',
      '002_34bd12b4df784525.txt',
      '003_aa27b1c8d01db12e.txt',
      '004_0ab6f7e65bf4a959.txt',
    ]) {
      const { removed } = ukraine(name);
      const text = articleOf(path.join(DEFAULT_CORPUS, name)).text;
      const paragraphs = text.split('\n\n');
      for (const r of removed) {
        expect(paragraphs, `${name}: ${r.line}`).not.toContain(r.line);
        if (r.line.length >= 40) expect(text, `${name}: ${r.line}`).not.toContain(r.line);
      }
    }
  });
});

describe('removeBoilerplate on paris-attacks-2015 (real excerpts)', () => {
  const ft = fixture('ft-page-copied-twice.cp1252.txt');
  const ftArticle = articleOf(path.join(FIXTURES, 'ft-page-copied-twice.cp1252.txt'));

  it('removes every FT "High quality global journalism requires investment…" notice', () => {
    const notices = ft.removed.filter((r) => r.line.startsWith('High quality global journalism requires investment.'));
    expect(notices).toHaveLength(4);
    expect(ftArticle.text).not.toContain('High quality global journalism');
    expect(ftArticle.text).not.toContain('ft.com/cms');
  });

  it('removes the second copy of the page: its menus, stamp, headline, byline, share buttons and caption', () => {
    expect(ft.removed.filter((r) => r.rule === 'link').map((r) => r.line.slice(0, 30))).toEqual(
      expect.arrayContaining([
        'Subscribe Sign in',
        'Home UK World',
        'Asia-Pacific',
        'November 14, 2015 12:56 pm',
        'Sam Jones, Defence and Securit',
        'Share',
        'Print',
        'Clip',
        'epa05024691 French soldiers pa',
        '©EPA',
        'On this story',
        'PM set to call vote on Isis ai',
      ]),
    );
    expect(ftArticle.text).not.toMatch(/Subscribe Sign in|Asia-Pacific|On this topic|epa05024691|FirstFT/);
  });

  it('removes paragraphs the second copy repeats, so each paragraph is in the text once', () => {
    const duplicates = removedWith(ft.removed, 'duplicate');
    expect(duplicates).toHaveLength(13);
    for (const d of duplicates) expect(ftArticle.text.split(d)).toHaveLength(2);
  });

  it('keeps the four paragraphs that only the second copy carries', () => {
    expect(ft.kept.slice(-4).map((k) => k.slice(0, 40))).toEqual([
      'But crucially, for Isis’s potential recr',
      'In both an operational and an ideologica',
      'The message to the recruits was one desi',
      'For the citizens of Paris and the peacef',
    ]);
  });

  it('drops an inline Guardian card closed by "Read more" and keeps the article that resumes after it', () => {
    const guardian = fixture('guardian-inline-read-more.cp1252.txt');
    expect(guardian.removed).toEqual([
      { line: "Paris attacks: police hunt 'dangerous' suspect and brother of Isis attacker – as it happened", rule: 'link' },
      { line: 'Latest coverage as hunt continues for network behind Isis attack that left 129 people dead', rule: 'link' },
      { line: 'Read more', rule: 'link' },
    ]);
    expect(guardian.kept.at(-1)).toBe('“I called my mother, she didn’t seem to know anything,” he said on Saturday.');
    expect(guardian.kept).toContain('He was one of three gunmen to storm the Bataclan theatre.');
  });

  it('drops a box of title-case related headlines between two paragraphs', () => {
    const abc = fixture('abc-related-headlines.cp1252.txt');
    expect(abc.removed).toEqual([
      { line: "Obama: 'Heartbreaking' Paris Terror Is Attack 'On All of Humanity'", rule: 'link' },
      { line: 'Inside the Stade de France Hit By Multiple Explosions in Paris Attacks', rule: 'link' },
      { line: 'Eagles of Death Metal Searching For Band and Crew After Attack on Paris Concert Hall', rule: 'link' },
      { line: 'American Tourist in Paris Describes Hearing Shooting During Attack', rule: 'link' },
    ]);
  });

  it('keeps a speech opening that ends in a comma ("My dear compatriots,")', () => {
    const lines = [
      '‘It is horror’: the speech',
      'Here is the full text of the speech he gave on television on Friday night.',
      '"My dear compatriots,',
      'What is happening tonight in Paris is a terrible ordeal.',
    ];
    expect(removeBoilerplate(lines.slice(1)).kept).toEqual(lines.slice(1));
  });

  it('drops bracketed related links from the Washington Post', () => {
    expect(classifyLine('[In Paris, a soccer game, an Asian dinner, a concert — and then terror]')).toBe('link');
    expect(classifyLine('[Coordinated assault seems to mark new chapter in terrorism]')).toBe('link');
  });
});

describe('removeBoilerplate on mh370-2014 (real excerpts)', () => {
  it('drops CNN video teasers with running times, their titles and the photo-gallery label', () => {
    const cnn = fixture('cnn-video-teasers.txt');
    expect(cnn.removed.map((r) => [r.rule, r.line.slice(0, 60)])).toEqual([
      ['video-label', 'Aircraft search new area for missing plane 04:26'],
      ['markup', 'Relatives of passengers from Malaysia Airlines Flight MH370 '],
      ['video-label', 'The search for Malaysia Airlines Flight 370 48 photos'],
      ['video-label', 'Satellite images show possible debris'],
      ['video-label', 'Satellite images show possible debris 01:31'],
      ['video-label', 'See satellite images of objects in ocean'],
      ['video-label', 'See satellite images of objects in ocean 02:15'],
      ['label', 'Satellite images raise hope'],
    ]);
  });

  it('drops "MH370: Families reflect one year later 02:20" and the title line above it', () => {
    const lines = [
      'On Sunday, about 500 employees of Malaysia Airlines gathered at a private event in Kuala Lumpur to honor their 13 colleagues.',
      'MH370: Families reflect one year later',
      'MH370: Families reflect one year later 02:20',
      '"We miss them and we will never forget them. They will always remain in our hearts," the chairman told the gathering.',
    ];
    expect(removeBoilerplate(lines).removed).toEqual([
      { line: 'MH370: Families reflect one year later', rule: 'video-label' },
      { line: 'MH370: Families reflect one year later 02:20', rule: 'video-label' },
    ]);
  });

  it('matches a teaser title written with HTML entities to its timed line', () => {
    const lines = [
      'Satellite images that have been followed up on have not produced any sightings, he said.',
      '&#39;Eventually something will come to light&#39;',
      "'Eventually something will come to light' 03:22",
    ];
    expect(removeBoilerplate(lines).removed.map((r) => r.rule)).toEqual(['video-label', 'video-label']);
  });

  it('drops an inline NYT "Related Coverage" box and keeps the nine paragraphs after it', () => {
    const nyt = fixture('nyt-related-coverage.cp1252.txt');
    expect(nyt.removed).toEqual([
      { line: 'Related Coverage', rule: 'link' },
      { line: 'Search Resumes for Missing Malaysia JetOCT. 5, 2014', rule: 'link' },
    ]);
    expect(nyt.kept.at(-1)).toBe(
      '“There are uncertainties associated with that,” he said. “They are searching the area of highest probability. And if it is there, they will find it.”',
    );
  });

  it('drops a Telegraph "Read more: …" line and the linked headlines under it', () => {
    expect(fixture('telegraph-read-more-links.cp1252.txt').removed).toEqual([
      { line: 'Read more: Investigators focus on CCTV for clues', rule: 'link' },
      { line: 'There are some slightly less nefarious reasons for flying on a stolen passport', rule: 'link' },
      { line: 'Search for missing Boeing 777 reveals two oil slicks in the Gulf of Thailand', rule: 'link' },
    ]);
  });

  it('drops single "Related: …" links', () => {
    expect(classifyLine("Related: Passengers' families could collect millions")).toBe('link');
    expect(classifyLine('Related: Crowdsourcing site hunts for plane')).toBe('link');
  });

  it('drops the NYT "Continue reading the main story" label', () => {
    expect(classifyLine('Continue reading the main story')).toBe('label');
  });
});

describe('removeBoilerplate on bbc-2004-2005 (real articles stay whole)', () => {
  it('keeps a list of FA Cup fixtures', () => {
    const bbc = fixture('bbc-fixture-list.txt');
    expect(bbc.removed).toEqual([]);
    expect(bbc.kept).toContain('Arsenal v Stoke');
    expect(bbc.kept).toContain('Swindon/Notts Co v Middlesbrough');
  });

  it('keeps a word left alone on its line where a link was ("Real Madrid" / "did" / "ask…")', () => {
    const bbc = fixture('bbc-broken-link-word.txt');
    expect(bbc.removed).toEqual([]);
    expect(bbc.kept).toContain('did');
  });

  it('keeps a paragraph of reporting that mentions "terms and conditions"', () => {
    const bbc = fixture('bbc-terms-and-conditions.txt');
    expect(bbc.removed).toEqual([]);
    expect(bbc.kept.some((k) => k.includes('clear terms and conditions'))).toBe(true);
  });

  it('keeps numbered seedings and "Drama - Featherboy" style award lists', () => {
    const seeds = ['The draw is below.', '1 Roger Federer (Switzerland)', '2 Andy Roddick (US)', '3 Lleyton Hewitt (Australia)'];
    expect(removeBoilerplate(seeds).removed).toEqual([]);
    const awards = ['The winners were named on Sunday.', 'Pre-School Live Action - Balamory', 'Animation - Brush Head', 'Drama - Featherboy'];
    expect(removeBoilerplate(awards).removed).toEqual([]);
  });

  it('still drops a menu of single words, which shares no structure', () => {
    const menu = ['The article starts here with a sentence.', 'Africa', 'Asia-Pacific', 'Europe', 'Latin America'];
    expect(removeBoilerplate(menu).kept).toEqual(['The article starts here with a sentence.']);
  });
});

describe('tail markers', () => {
  it.each([
    'Related',
    'YOU MAY ALSO LIKE',
    'Comments / 4',
    'Comments are closed.',
    'Read more',
    'Related Coverage',
    'More on this story',
    'On this story',
    'Sign up now',
    'Sign up for NTD Daily',
    'ntd newsletter icon',
    'Most Read',
    'Leave a comment',
  ])('recognises %j', (line) => expect(isTailMarker(line)).toBe(true));

  it.each([
    'Related talks are planned for January.',
    'Read more about it in the report, officials said.',
    'Comments from government officials support the view.',
  ])('does not take the sentence %j for a marker', (line) => expect(isTailMarker(line)).toBe(false));

  it('ignores a marker in the first paragraph', () => {
    expect(findTailStart(['Related', 'Biden spoke with Putin on Thursday.'])).toBe(2);
  });

  it('ends the article at a trailing marker', () => {
    expect(findTailStart(['Biden spoke with Putin on Thursday.', 'The call lasted 50 minutes.', 'Related', 'Another story'])).toBe(2);
  });

  it('never lets the article resume after a comments marker, however much prose follows', () => {
    const prose = 'This comment is long enough to read like a paragraph of prose, with a full stop at its end as well.';
    const paragraphs = ['Biden spoke with Putin on Thursday.', 'Comments / 3', prose, `${prose} Two.`, `${prose} Three.`, `${prose} Four.`, `${prose} Five.`];
    expect(findTailStart(paragraphs)).toBe(1);
  });
});

describe('classifyLine', () => {
  it.each<[string, string | null]>([
    ['https://img.particlenews.com/image.php?url=2hnxd0_0dZVEJrf00', 'url'],
    ['28K+', 'counter'],
    ['Followers', 'counter'],
    ['Advertisement', 'counter'],
    [' 3 days ago', 'relative-time'],
    ['Updated: December 30, 2021, 11:49 PM', 'date-stamp'],
    ['MH370: Families reflect one year later 02:20', 'video-label'],
    ['The search for Malaysia Airlines Flight 370 48 photos', 'video-label'],
    ['Teaganne Finn and Sally Bronston contributed to it.', 'credit'],
    ['Agencies contributed to this report', 'credit'],
    ['©EPA', 'credit'],
    ['Powered by automated translation', 'label'],
    ['What Putin wants', 'label'],
    ['FILE - This undated file image posted on a militant website shows fighters marching in Raqqa, Syria.', 'caption'],
    ['French soldiers patrol at Paris La Defense business district in Paris, France, 14 November 2015. EPA/CHRISTOPHE PETIT TESSON', 'caption'],
    ['The plane, which disappeared on March 8, &lt;a href=&quot;http://www.cnn.com/&quot;&gt;has not been found.&lt;/a&gt;', 'markup'],
    ['President Biden on Thursday afternoon again warned Russian President Vladimir Putin of painful economic consequences.', null],
    ['Putin has made his concerns clear.', null],
    ['Maybe. Maybe not.', null],
  ])('classifies %j as %s', (line, rule) => {
    expect(classifyLine(line)).toBe(rule);
  });

  it('treats any non-sentence line under an image link as its caption', () => {
    expect(classifyLine('In this image provided by the White House, President Biden speaks with Putin from Wilmington', true)).toBe('caption');
  });
});
