import ms from 'milsymbol';
import type { Track } from '../api/types';

/**
 * MIL-STD-2525C / APP-6 symbols for tracks, drawn once by milsymbol onto a canvas and cached:
 * a symbol is keyed by its SIDC and a direction-of-movement bucket (16 of 22.5 degrees), so
 * 5,000 tracks share a few dozen images (copied with drawImage) instead of 5,000 SVGs.
 */

const AFFILIATION: Record<string, string> = {
  unknown: 'U',
  pending: 'P',
  hostile: 'H',
  suspect: 'S',
  neutral: 'N',
  friend: 'F',
  friendly: 'F',
  assumed_friend: 'A',
};

/** 2525C letter SIDC (15 characters) for a track's kind and affiliation. */
export function sidcFor(track: Pick<Track, 'kind' | 'affiliation'>): string {
  const a = AFFILIATION[(track.affiliation ?? 'unknown').toLowerCase()] ?? 'U';
  switch ((track.kind ?? 'unknown').toLowerCase()) {
    case 'ground':
      return `S${a}GPEV---------`; // ground equipment: vehicle
    case 'air':
      return `S${a}AP-----------`; // air track
    case 'sea':
    case 'surface':
      return `S${a}SP-----------`; // sea surface track
    default:
      return `S${a}ZP-----------`; // dimension unknown
  }
}

export interface SymbolImage {
  canvas: HTMLCanvasElement;
  width: number;
  height: number;
  /** Where the symbol's position point is, in pixels from the image's top left. */
  anchorX: number;
  anchorY: number;
}

const cache = new Map<string, SymbolImage>();
/** Symbol sizes (milsymbol's size: the frame's height in pixels) for normal and crowded views. */
export const SYMBOL_SIZE = 18;
export const CROWDED_SYMBOL_SIZE = 11;
const MOVING_MPS = 0.5;

export function directionBucket(track: Pick<Track, 'speedMps' | 'courseDeg'>): number {
  if (!(track.speedMps > MOVING_MPS) || !Number.isFinite(track.courseDeg)) return -1;
  return Math.round((((track.courseDeg % 360) + 360) % 360) / 22.5) % 16;
}

export function symbolFor(sidc: string, bucket: number, size = SYMBOL_SIZE): SymbolImage {
  const key = `${sidc}|${bucket}|${size}`;
  let image = cache.get(key);
  if (!image) {
    const options: Record<string, unknown> = { size, outlineWidth: size > 12 ? 2 : 1, outlineColor: 'rgba(255,255,255,0.9)' };
    if (bucket >= 0) options.direction = bucket * 22.5;
    const symbol = new ms.Symbol(sidc, options);
    const canvas = symbol.asCanvas(window.devicePixelRatio > 1 ? 2 : 1);
    const scale = canvas.width / symbol.getSize().width;
    const anchor = symbol.getAnchor();
    image = {
      canvas,
      width: canvas.width / scale,
      height: canvas.height / scale,
      anchorX: anchor.x,
      anchorY: anchor.y,
    };
    cache.set(key, image);
  }
  return image;
}

export function symbolCacheSize(): number {
  return cache.size;
}
