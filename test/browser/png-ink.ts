import { inflateSync } from 'node:zlib';

// How much of a screenshot is ink: the share of pixels much darker than white. Enough PNG decoding
// for Chromium's screenshots (8-bit RGB or RGBA, not interlaced) to tell visible text from blank.

const paeth = (left: number, up: number, upLeft: number) => {
  const estimate = left + up - upLeft;
  const [a, b, c] = [Math.abs(estimate - left), Math.abs(estimate - up), Math.abs(estimate - upLeft)];
  return a <= b && a <= c ? left : b <= c ? up : upLeft;
};

function unfilter(data: Buffer, width: number, height: number, channels: number): Buffer {
  const stride = width * channels;
  const pixels = Buffer.alloc(stride * height);
  for (let row = 0; row < height; row += 1) {
    const filter = data[row * (stride + 1)]!;
    for (let x = 0; x < stride; x += 1) {
      const raw = data[row * (stride + 1) + 1 + x]!;
      const left = x >= channels ? pixels[row * stride + x - channels]! : 0;
      const up = row > 0 ? pixels[(row - 1) * stride + x]! : 0;
      const upLeft = row > 0 && x >= channels ? pixels[(row - 1) * stride + x - channels]! : 0;
      const predictor = [0, left, up, (left + up) >> 1, paeth(left, up, upLeft)][filter];
      if (predictor === undefined) throw new Error(`PNG filter ${filter} is not one of 0-4`);
      pixels[row * stride + x] = (raw + predictor) & 0xff;
    }
  }
  return pixels;
}

export function inkShare(png: Buffer): number {
  const width = png.readUInt32BE(16);
  const height = png.readUInt32BE(20);
  const [depth, colour, interlace] = [png[24], png[25], png[28]];
  if (depth !== 8 || (colour !== 2 && colour !== 6) || interlace !== 0)
    throw new Error(`unsupported PNG (depth ${depth}, colour type ${colour}, interlace ${interlace})`);
  const channels = colour === 6 ? 4 : 3;
  const chunks: Buffer[] = [];
  for (let offset = 8; offset < png.length;) {
    const length = png.readUInt32BE(offset);
    if (png.toString('latin1', offset + 4, offset + 8) === 'IDAT')
      chunks.push(png.subarray(offset + 8, offset + 8 + length));
    offset += 12 + length;
  }
  const pixels = unfilter(inflateSync(Buffer.concat(chunks)), width, height, channels);
  let ink = 0;
  for (let pixel = 0; pixel < width * height; pixel += 1) {
    const at = pixel * channels;
    if (pixels[at]! + pixels[at + 1]! + pixels[at + 2]! < 3 * 128) ink += 1;
  }
  return ink / (width * height);
}
