import sharp from 'sharp';
import { newId } from '../../db/ids.js';
import type { NewFeedbackPhoto } from '../../db/schema.js';
import { AppError, invalid } from '../errors.js';

export const MAX_PHOTOS = 3;
export const MAX_PHOTO_BYTES = 5 * 1024 * 1024;
/** What a request carrying photos may weigh: three full photos and the form's text. */
export const PHOTO_BODY_LIMIT_BYTES = MAX_PHOTOS * MAX_PHOTO_BYTES + 512 * 1024;
/** Decoding a "photo" of 100 000 × 100 000 pixels would take the server's memory: refuse it. */
const MAX_PIXELS = 50_000_000;

const FORMATS = ['jpeg', 'png', 'webp'] as const;
type PhotoFormat = (typeof FORMATS)[number];
export const PHOTO_TYPES: Record<PhotoFormat, string> = {
  jpeg: 'image/jpeg',
  png: 'image/png',
  webp: 'image/webp',
};

/** A photo ready to store: re-encoded, without EXIF, GPS, XMP or ICC metadata. */
export type CleanPhoto = Omit<NewFeedbackPhoto, 'id' | 'feedback_id' | 'event_id' | 'created_at'>;

function badPhoto(index: number, vi: string, en: string): AppError {
  return invalid([{ path: `photos.${index}`, message: `${vi} (${en})` }], {
    vi: `Ảnh thứ ${index + 1}: ${vi}`,
    en: `Photo ${index + 1}: ${en}`,
  });
}

/**
 * Checks and cleans the photos of one filing or reply. The type is read from the bytes (sharp),
 * never from the name or the browser's MIME type; each image is turned upright by its EXIF
 * orientation, then re-encoded in its own format, which drops every metadata block (sharp keeps
 * none unless asked). All are checked before any is stored: one bad photo refuses the request.
 */
export async function cleanPhotos(files: readonly Uint8Array[]): Promise<CleanPhoto[]> {
  if (files.length > MAX_PHOTOS) {
    throw invalid([{ path: 'photos', message: `at most ${MAX_PHOTOS} photos` }], {
      vi: `Chỉ gửi được tối đa ${MAX_PHOTOS} ảnh.`,
      en: `At most ${MAX_PHOTOS} photos.`,
    });
  }
  const out: CleanPhoto[] = [];
  for (const [i, bytes] of files.entries()) {
    if (bytes.byteLength > MAX_PHOTO_BYTES) {
      throw new AppError(
        413,
        'payload_too_large',
        { vi: `Ảnh thứ ${i + 1} lớn hơn 5 MB.`, en: `Photo ${i + 1} is larger than 5 MB.` },
        { path: `photos.${i}`, maxBytes: MAX_PHOTO_BYTES },
      );
    }
    out.push(await cleanOne(bytes, i));
  }
  return out;
}

async function cleanOne(bytes: Uint8Array, i: number): Promise<CleanPhoto> {
  const input = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let format: string | undefined;
  try {
    format = (await sharp(input, { limitInputPixels: MAX_PIXELS }).metadata()).format;
  } catch {
    format = undefined;
  }
  if (!format || !(FORMATS as readonly string[]).includes(format)) {
    throw badPhoto(i, 'chỉ nhận ảnh JPEG, PNG hoặc WebP', 'only JPEG, PNG or WebP images');
  }
  const f = format as PhotoFormat;
  try {
    const { data, info } = await sharp(input, { limitInputPixels: MAX_PIXELS, failOn: 'error' })
      .rotate()
      .toFormat(f)
      .toBuffer({ resolveWithObject: true });
    return {
      format: f,
      bytes: data.byteLength,
      width: info.width,
      height: info.height,
      data: data.toString('base64'),
    };
  } catch {
    throw badPhoto(i, 'ảnh bị hỏng hoặc quá lớn', 'the image is damaged or too large');
  }
}

/** Rows for the photos of one item (and the reply they came with, if any). */
export function photoRows(
  photos: CleanPhoto[],
  feedbackId: string,
  eventId: string | null,
  at: string,
): NewFeedbackPhoto[] {
  return photos.map((p) => ({
    ...p,
    id: newId(),
    feedback_id: feedbackId,
    event_id: eventId,
    created_at: at,
  }));
}
