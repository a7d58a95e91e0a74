// Renders resources/build/*.svg to the PNG, ICO and ICNS files electron-builder needs (icon.png for
// the app; engagement.ico/.icns for the .iso20k file association). Run by hand after editing an SVG:
//   npx node scripts/make-icons.mjs      (needs Debian's chromium)
import fs from 'node:fs';
import path from 'node:path';
import { chromium } from '@playwright/test';

const dir = 'resources/build';
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
const page = await browser.newPage({ viewport: { width: 512, height: 512 } });

async function png(svgFile, size) {
  const svg = fs.readFileSync(path.join(dir, svgFile), 'utf8');
  await page.setViewportSize({ width: size, height: size });
  await page.setContent(`<style>html,body{margin:0;background:transparent}</style><img src="data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}" width="${size}" height="${size}">`);
  return page.screenshot({ omitBackground: true, clip: { x: 0, y: 0, width: size, height: size } });
}

/** ICO with PNG-compressed images (Windows Vista and later). */
function ico(images) {
  const header = Buffer.alloc(6 + 16 * images.length);
  header.writeUInt16LE(0, 0);
  header.writeUInt16LE(1, 2);
  header.writeUInt16LE(images.length, 4);
  let offset = header.length;
  images.forEach(({ size, data }, i) => {
    const entry = 6 + 16 * i;
    header.writeUInt8(size >= 256 ? 0 : size, entry);
    header.writeUInt8(size >= 256 ? 0 : size, entry + 1);
    header.writeUInt16LE(1, entry + 4);
    header.writeUInt16LE(32, entry + 6);
    header.writeUInt32LE(data.length, entry + 8);
    header.writeUInt32LE(offset, entry + 12);
    offset += data.length;
  });
  return Buffer.concat([header, ...images.map((i) => i.data)]);
}

/** ICNS with PNG entries (ic08 = 256, ic09 = 512). */
function icns(entries) {
  const chunks = entries.map(({ type, data }) => {
    const head = Buffer.alloc(8);
    head.write(type, 0, 'ascii');
    head.writeUInt32BE(data.length + 8, 4);
    return Buffer.concat([head, data]);
  });
  const body = Buffer.concat(chunks);
  const head = Buffer.alloc(8);
  head.write('icns', 0, 'ascii');
  head.writeUInt32BE(body.length + 8, 4);
  return Buffer.concat([head, body]);
}

fs.writeFileSync(path.join(dir, 'icon.png'), await png('icon.svg', 512));
const doc256 = await png('engagement.svg', 256);
const doc512 = await png('engagement.svg', 512);
fs.writeFileSync(path.join(dir, 'engagement.png'), doc512);
fs.writeFileSync(path.join(dir, 'engagement.ico'), ico([{ size: 256, data: doc256 }, { size: 48, data: await png('engagement.svg', 48) }]));
fs.writeFileSync(path.join(dir, 'engagement.icns'), icns([{ type: 'ic08', data: doc256 }, { type: 'ic09', data: doc512 }]));
await browser.close();
console.log('icons written to resources/build');
