import { PNG } from 'pngjs';

export const IMAGE_MAX_BYTES = 256 * 1024;
const MAX_SIDE = 2000;

export type PngProblem = 'NOT_PNG' | 'TOO_LARGE' | 'NOT_TRANSPARENT' | 'WRONG_COLOUR';

/** The colour Decree 30 prescribes for each image: the signature in blue, the seal in red. */
export type Ink = 'BLUE' | 'RED';

const inkOf: Record<Ink, (r: number, g: number, b: number) => boolean> = {
  BLUE: (r, g, b) => b > r + 30 && b >= g,
  RED: (r, g, b) => r > 110 && r > g + 40 && r > b + 40,
};

/**
 * Checks a signature or seal image before it is stored: a PNG of at most 256 KiB and 2000 px a side
 * (read from the header before decoding), with a transparent background (its four corners) and drawn
 * mostly in the prescribed ink (Decree 30, Appendix I, part II: signature blue, seal red).
 */
export function checkPng(
  data: Buffer,
  ink: Ink,
): { width: number; height: number } | { problem: PngProblem } {
  if (data.length > IMAGE_MAX_BYTES) return { problem: 'TOO_LARGE' };
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  if (
    data.length < 33 ||
    !data.subarray(0, 8).equals(signature) ||
    data.toString('latin1', 12, 16) !== 'IHDR'
  )
    return { problem: 'NOT_PNG' };
  const { width, height } = pngSize(data);
  if (width === 0 || height === 0) return { problem: 'NOT_PNG' };
  if (width > MAX_SIDE || height > MAX_SIDE) return { problem: 'TOO_LARGE' };
  let png: PNG;
  try {
    png = PNG.sync.read(data);
  } catch {
    return { problem: 'NOT_PNG' };
  }
  const px = (x: number, y: number) =>
    png.data.subarray((y * width + x) * 4, (y * width + x) * 4 + 4);
  const corners = [px(0, 0), px(width - 1, 0), px(0, height - 1), px(width - 1, height - 1)];
  if (corners.some((c) => c[3]! > 32)) return { problem: 'NOT_TRANSPARENT' };
  let opaque = 0;
  let inked = 0;
  for (let i = 0; i < png.data.length; i += 4) {
    if (png.data[i + 3]! < 128) continue;
    opaque++;
    if (inkOf[ink](png.data[i]!, png.data[i + 1]!, png.data[i + 2]!)) inked++;
  }
  if (opaque === 0 || inked / opaque < 0.6) return { problem: 'WRONG_COLOUR' };
  return { width, height };
}

/** Width and height from a PNG's IHDR header (bytes 16–23), without decoding the image. */
export function pngSize(data: Buffer): { width: number; height: number } {
  return { width: data.readUInt32BE(16), height: data.readUInt32BE(20) };
}
