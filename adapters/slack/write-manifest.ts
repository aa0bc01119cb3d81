import fs from 'node:fs';
import path from 'node:path';
import { renderSlackManifest } from './manifest.ts';

/** `npm run slack-manifest`: writes adapters/slack/manifest.yaml from the command catalogue. */
fs.writeFileSync(path.join(import.meta.dirname, 'manifest.yaml'), renderSlackManifest());
