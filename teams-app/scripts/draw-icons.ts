import fs from 'node:fs';
import { PNG } from 'pngjs';

/**
 * Draws the app's two icons: a rising three-bar chart (a pipeline growing) on the accent
 * colour for the 192×192 colour icon, and the same bars in white on transparency for the
 * 32×32 outline icon, and the Outlook add-in's icons. Run once: `npx tsx teams-app/scripts/draw-icons.ts`.
 */
function draw(size: number, background: [number, number, number, number] | null, bar: [number, number, number, number]): Buffer {
  const png = new PNG({ width: size, height: size });
  const unit = size / 32;
  const bars = [
    { x: 7, top: 18 },
    { x: 14, top: 12 },
    { x: 21, top: 6 },
  ];
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const i = (y * size + x) * 4;
      const u = x / unit;
      const v = y / unit;
      const inBar = bars.some((b) => u >= b.x && u < b.x + 5 && v >= b.top && v < 26);
      const colour = inBar ? bar : (background ?? [0, 0, 0, 0]);
      png.data[i] = colour[0];
      png.data[i + 1] = colour[1];
      png.data[i + 2] = colour[2];
      png.data[i + 3] = colour[3];
    }
  }
  return PNG.sync.write(png);
}

fs.writeFileSync('teams-app/appPackage/color.png', draw(192, [43, 87, 151, 255], [255, 255, 255, 255]));
fs.writeFileSync('teams-app/appPackage/outline.png', draw(32, null, [255, 255, 255, 255]));
// The Outlook add-in's ribbon and store icons (served from /outlook/).
fs.mkdirSync('outlook-addin/public', { recursive: true });
for (const size of [16, 32, 64, 80, 128]) fs.writeFileSync(`outlook-addin/public/icon-${size}.png`, draw(size, [43, 87, 151, 255], [255, 255, 255, 255]));
