import type { Article } from '../../src/types.ts';

/**
 * A small coverage of three stories, none holding half of it: an earthquake (three articles), a
 * football transfer and a product launch (two each), from four outlets.
 */

function article(id: string, title: string, text: string, outlet: string): Article {
  return { id, file: id, title, titleDerived: false, outlet, byline: null, published: null, url: null, text, hash: id };
}

/** The seven articles. */
export const THREE_STORIES: readonly Article[] = [
  article(
    'quake-1.txt',
    'Earthquake strikes Nepal near Kathmandu',
    'A magnitude 7.8 earthquake struck Nepal on Saturday, killing hundreds of people in Kathmandu.\n\nRescue teams searched collapsed buildings in Kathmandu as aftershocks shook the Himalayas.',
    'Daily Wire',
  ),
  article(
    'quake-2.txt',
    'Nepal earthquake death toll rises',
    'The death toll from the Nepal earthquake rose above 2,000 as rescue teams reached villages outside Kathmandu.\n\nAftershocks continued across the Himalayas.',
    'Evening Post',
  ),
  article(
    'quake-3.txt',
    'Aid arrives in Kathmandu after earthquake',
    'International aid flights landed in Kathmandu three days after the earthquake.\n\nRescue workers in Nepal said survivors were still being pulled from collapsed buildings.',
    'Daily Wire',
  ),
  article(
    'transfer-1.txt',
    'Chelsea sign striker Shevchenko from Milan',
    'Chelsea have completed the signing of striker Andriy Shevchenko from AC Milan for a fee of about £30m.\n\nShevchenko said joining Chelsea was a dream.',
    'Sports Desk',
  ),
  article(
    'transfer-2.txt',
    'Shevchenko completes Chelsea move',
    'Andriy Shevchenko passed his medical and signed a four-year contract with Chelsea.\n\nThe striker leaves Milan after seven seasons.',
    'Evening Post',
  ),
  article(
    'launch-1.txt',
    'Sony launches PSP handheld in Japan',
    'Sony launched its PlayStation Portable handheld console in Japan, and gamers queued outside shops in Tokyo.\n\nThe PSP sold out on its first day, Sony said.',
    'Tech Today',
  ),
  article(
    'launch-2.txt',
    'PSP handheld sells out in Tokyo',
    'Queues formed in Tokyo for the Sony PSP, the PlayStation Portable handheld.\n\nShops in Japan sold out of the console within hours, Sony said.',
    'Daily Wire',
  ),
];
