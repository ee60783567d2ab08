import { PNG } from 'pngjs';

/** A transparent PNG with pixels set by a painter (x, y) → [r, g, b, a] or null for transparent. */
function png(
  width: number,
  height: number,
  paint: (x: number, y: number) => [number, number, number, number] | null,
): Buffer {
  const img = new PNG({ width, height });
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++) {
      const c = paint(x, y) ?? [0, 0, 0, 0];
      img.data.set(c, (y * width + x) * 4);
    }
  return PNG.sync.write(img);
}

/** A signer's signature: a blue wave across the whole width, on a transparent background. */
export function testSignatureImage(width = 400, height = 160): Buffer {
  return png(width, height, (x, y) => {
    const wave = height / 2 + (height / 4) * Math.sin((x / width) * Math.PI * 3);
    return Math.abs(y - wave) < 5 ? [20, 40, 200, 255] : null;
  });
}

/** An organization's seal: a red ring touching the image's edges, with a star, transparent around. */
export function testSealImage(size = 300): Buffer {
  const r = size / 2;
  return png(size, size, (x, y) => {
    const d = Math.hypot(x + 0.5 - r, y + 0.5 - r);
    if (d <= r && d >= r - 10) return [210, 20, 20, 255];
    if (d < r * 0.2) return [210, 20, 20, 255];
    return null;
  });
}

/** An image that breaks the rules: an opaque white background. */
export function testOpaqueImage(): Buffer {
  return png(100, 50, () => [255, 255, 255, 255]);
}
