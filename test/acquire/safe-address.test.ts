import { describe, expect, it } from 'vitest';
import { fetchText } from '../../src/acquire/fetch-page.ts';
import { addressRefusal } from '../../src/acquire/safe-address.ts';
import { isNewsdeskError } from '../../src/errors.ts';
import { serve, startSite } from './site.ts';

async function reasonOf(p: Promise<unknown>): Promise<string> {
  try {
    await p;
    return 'no error';
  } catch (err) {
    return isNewsdeskError(err, 'FETCH_FAILED') ? err.message : `unexpected: ${(err as Error).message}`;
  }
}

describe('addressRefusal', () => {
  it('refuses every internal range, in IPv4, IPv6 and IPv4-mapped forms', () => {
    const refused = [
      '127.0.0.1',
      '10.1.2.3',
      '172.16.0.1',
      '192.168.1.1',
      '169.254.169.254',
      '100.64.0.1',
      '224.0.0.1',
      '0.0.0.0',
      '255.255.255.255',
      '::1',
      'fc00::1',
      'fe80::1',
      '::',
      '::ffff:127.0.0.1',
      '::ffff:10.0.0.1',
    ];
    expect(refused.map(addressRefusal)).toEqual([
      'a loopback address (127.0.0.1)',
      'a private address (10.1.2.3)',
      'a private address (172.16.0.1)',
      'a private address (192.168.1.1)',
      'a link-local address (169.254.169.254)',
      'a carrier-grade NAT address (100.64.0.1)',
      'a multicast address (224.0.0.1)',
      'an unspecified address (0.0.0.0)',
      'a broadcast address (255.255.255.255)',
      'a loopback address (::1)',
      'a private address (fc00::1)',
      'a link-local address (fe80::1)',
      'an unspecified address (::)',
      'a loopback address (::ffff:127.0.0.1)',
      'a private address (::ffff:10.0.0.1)',
    ]);
  });

  it('allows public unicast addresses', () => {
    expect(['93.184.216.34', '8.8.8.8', '2606:4700:4700::1111'].map(addressRefusal)).toEqual([null, null, null]);
  });
});

describe('fetchText without FETCH_ALLOW_PRIVATE', () => {
  it('refuses a loopback address and a name that resolves to one, before connecting', async () => {
    const site = await startSite();
    let hits = 0;
    const page = serve('text/html', '<html><body><p>internal</p></body></html>');
    site.routes.set('/page', (req, res) => {
      hits++;
      page(req, res);
    });
    try {
      const port = new URL(site.base).port;
      expect(await reasonOf(fetchText(`http://127.0.0.1:${port}/page`))).toBe(
        'refused: 127.0.0.1 is a loopback address (127.0.0.1); fetching internal hosts needs FETCH_ALLOW_PRIVATE=true',
      );
      expect(await reasonOf(fetchText(`http://localhost:${port}/page`))).toMatch(
        /^refused: localhost resolves to a loopback address \((127\.0\.0\.1|::1)\); fetching internal hosts needs FETCH_ALLOW_PRIVATE=true$/,
      );
      expect(hits).toBe(0);
    } finally {
      await site.close();
    }
  });

  it('checks every redirect hop: a public page redirecting to the metadata address is refused', async () => {
    const requested: string[] = [];
    const stub = (async (url: string) => {
      requested.push(url);
      return new Response(null, { status: 302, headers: { location: 'http://169.254.169.254/latest/meta-data/' } });
    }) as unknown as typeof fetch;
    expect(await reasonOf(fetchText('http://93.184.216.34/story', {}, stub))).toBe(
      'refused: 169.254.169.254 is a link-local address (169.254.169.254); fetching internal hosts needs FETCH_ALLOW_PRIVATE=true',
    );
    expect(requested).toEqual(['http://93.184.216.34/story']);
  });
});
