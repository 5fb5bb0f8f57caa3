import sharp from 'sharp';
import type { TestApp } from './app.js';
import { ORIGIN } from './app.js';

/** A JPEG that carries a camera make and a GPS position (IFD3), turned by EXIF orientation 6. */
export async function jpegWithGps(): Promise<Buffer> {
  return sharp({ create: { width: 40, height: 20, channels: 3, background: '#c00000' } })
    .jpeg()
    .withMetadata({
      orientation: 6,
      exif: {
        IFD0: { Make: 'PhoneCo', Model: 'X1' },
        IFD3: {
          GPSLatitudeRef: 'N',
          GPSLatitude: '21/1 3/1 0/1',
          GPSLongitudeRef: 'E',
          GPSLongitude: '105/1 49/1 0/1',
        },
      },
    })
    .toBuffer();
}

export async function png(): Promise<Buffer> {
  return sharp({ create: { width: 8, height: 8, channels: 4, background: '#0070f0' } })
    .png()
    .toBuffer();
}

/** Does this EXIF block point to a GPS IFD (tag 0x8825, either byte order)? */
export function hasGpsPointer(exif: Buffer | undefined): boolean {
  if (!exif) return false;
  return exif.includes(Buffer.from([0x88, 0x25])) || exif.includes(Buffer.from([0x25, 0x88]));
}

export interface Upload {
  name: string;
  type: string;
  bytes: Uint8Array;
}

/** A multipart POST as a browser's form would send it (same Origin). */
export function postForm(
  t: TestApp,
  path: string,
  fields: Record<string, string>,
  files: Upload[] = [],
): Promise<Response> {
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) form.append(k, v);
  for (const f of files)
    form.append('photos', new Blob([new Uint8Array(f.bytes)], { type: f.type }), f.name);
  return Promise.resolve(
    t.app.request(`${ORIGIN}${path}`, { method: 'POST', headers: { origin: ORIGIN }, body: form }),
  );
}
