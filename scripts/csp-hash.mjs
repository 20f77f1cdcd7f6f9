// Trunk post_build hook: pins every inline <script> of the built index.html in the
// Content-Security-Policy by its sha256, replacing the 'inline-script-hashes' placeholder.
// Trunk writes one inline script (its module loader, and in `trunk serve` the autoreload client);
// no other inline script may run.
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const PLACEHOLDER = "'inline-script-hashes'";
const dir = process.env.TRUNK_STAGING_DIR;
if (!dir) {
  console.error('csp-hash: TRUNK_STAGING_DIR is not set (run me as a trunk hook)');
  process.exit(1);
}
const file = join(dir, 'index.html');
const html = readFileSync(file, 'utf8');
if (!html.includes(PLACEHOLDER)) {
  console.error(`csp-hash: ${file} has no ${PLACEHOLDER} placeholder in its CSP`);
  process.exit(1);
}
const hashes = [];
for (const m of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)) {
  if (/\bsrc\s*=/i.test(m[1])) continue;
  hashes.push(`'sha256-${createHash('sha256').update(m[2], 'utf8').digest('base64')}'`);
}
writeFileSync(file, html.replace(PLACEHOLDER, hashes.join(' ')));
console.log(`csp-hash: pinned ${hashes.length} inline script(s)`);
