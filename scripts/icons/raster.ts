/**
 * Just enough rasterising for the app's icons: flat shapes in a 1024-unit square, painted in
 * order and antialiased by supersampling (a box filter). No fonts, no packages.
 */

/** Straight (not premultiplied) RGBA, 8 bits a channel, rows top to bottom. */
export interface Image {
  readonly size: number;
  readonly rgba: Uint8Array;
}

export type Colour = readonly [red: number, green: number, blue: number, alpha?: number];

/** Where a shape is, in design units (the icon is 1024 × 1024 units). */
export type Region = (x: number, y: number) => boolean;

export interface Layer {
  readonly region: Region;
  readonly colour: Colour;
}

export const DESIGN_SIZE = 1024;

export function roundedRect(
  left: number,
  top: number,
  right: number,
  bottom: number,
  radius: number,
): Region {
  return (x, y) => {
    if (x < left || x > right || y < top || y > bottom) return false;
    const dx = Math.max(left + radius - x, 0, x - (right - radius));
    const dy = Math.max(top + radius - y, 0, y - (bottom - radius));
    return dx * dx + dy * dy <= radius * radius;
  };
}

export function rect(left: number, top: number, right: number, bottom: number): Region {
  return roundedRect(left, top, right, bottom, 0);
}

export function ring(cx: number, cy: number, inner: number, outer: number): Region {
  return (x, y) => {
    const distance = Math.hypot(x - cx, y - cy);
    return distance >= inner && distance <= outer;
  };
}

export function disc(cx: number, cy: number, radius: number): Region {
  return ring(cx, cy, 0, radius);
}

/** Even-odd fill of a closed polygon. */
export function polygon(points: readonly (readonly [number, number])[]): Region {
  return (x, y) => {
    let inside = false;
    for (let i = 0, j = points.length - 1; i < points.length; j = i++) {
      const [xi, yi] = points[i] as readonly [number, number];
      const [xj, yj] = points[j] as readonly [number, number];
      if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
    }
    return inside;
  };
}

export function star(cx: number, cy: number, outer: number, inner: number): Region {
  const points: [number, number][] = [];
  for (let i = 0; i < 10; i++) {
    const radius = i % 2 === 0 ? outer : inner;
    const angle = -Math.PI / 2 + (i * Math.PI) / 5;
    points.push([cx + radius * Math.cos(angle), cy + radius * Math.sin(angle)]);
  }
  return polygon(points);
}

/** Colours summed weighted by their alpha, so that transparent samples do not darken the average. */
class Blend {
  red = 0;
  green = 0;
  blue = 0;
  alpha = 0;

  add(red: number, green: number, blue: number, alpha: number): void {
    this.red += red * alpha;
    this.green += green * alpha;
    this.blue += blue * alpha;
    this.alpha += alpha;
  }

  /** The average colour at `offset`, with the opacity (0–255) the caller computes from `alpha`. */
  write(rgba: Uint8Array, offset: number, opacity: number): void {
    rgba[offset] = Math.round(this.red / this.alpha);
    rgba[offset + 1] = Math.round(this.green / this.alpha);
    rgba[offset + 2] = Math.round(this.blue / this.alpha);
    rgba[offset + 3] = Math.round(opacity);
  }
}

/** The index of the topmost layer at a point, or -1 where there is none. */
function topmost(layers: readonly Layer[], x: number, y: number): number {
  for (let i = layers.length - 1; i >= 0; i--) if ((layers[i] as Layer).region(x, y)) return i;
  return -1;
}

/**
 * Paints the layers at `size` pixels. A pixel whose corners and centre all fall in the same
 * layer takes its colour; the others (the edges) average 4 × 4 points. This takes no more than
 * the edges' share of samples, and is right as long as no shape is thinner than a pixel: render
 * large (512 px and up) and `downscale` for the small sizes.
 */
export function render(layers: readonly Layer[], size: number): Image {
  const rgba = new Uint8Array(size * size * 4);
  const unit = DESIGN_SIZE / size;
  const corners = new Int16Array((size + 1) * (size + 1));
  for (let y = 0; y <= size; y++) {
    for (let x = 0; x <= size; x++) corners[y * (size + 1) + x] = topmost(layers, x * unit, y * unit);
  }
  const samples = 4;
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      const corner = corners[py * (size + 1) + px] as number;
      const isUniform =
        corners[py * (size + 1) + px + 1] === corner &&
        corners[(py + 1) * (size + 1) + px] === corner &&
        corners[(py + 1) * (size + 1) + px + 1] === corner &&
        topmost(layers, (px + 0.5) * unit, (py + 0.5) * unit) === corner;
      const blend = new Blend();
      const points = isUniform ? 1 : samples * samples;
      for (let point = 0; point < points; point++) {
        const index = isUniform
          ? corner
          : topmost(
              layers,
              (px + ((point % samples) + 0.5) / samples) * unit,
              (py + (Math.floor(point / samples) + 0.5) / samples) * unit,
            );
        if (index < 0) continue;
        const [r, g, b, a = 1] = (layers[index] as Layer).colour;
        blend.add(r, g, b, a);
      }
      if (blend.alpha > 0) blend.write(rgba, (py * size + px) * 4, (blend.alpha / points) * 255);
    }
  }
  return { size, rgba };
}

/** Scales down by a whole factor, averaging each block with its colours weighted by alpha. */
export function downscale(image: Image, size: number): Image {
  const factor = image.size / size;
  if (!Number.isInteger(factor) || factor < 1) {
    throw new Error(`cannot scale ${image.size} px down to ${size} px by a whole factor`);
  }
  const rgba = new Uint8Array(size * size * 4);
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      const blend = new Blend();
      for (let y = py * factor; y < (py + 1) * factor; y++) {
        for (let x = px * factor; x < (px + 1) * factor; x++) {
          const offset = (y * image.size + x) * 4;
          const [r = 0, g = 0, b = 0, a = 0] = image.rgba.subarray(offset, offset + 4);
          blend.add(r, g, b, a);
        }
      }
      if (blend.alpha > 0) blend.write(rgba, (py * size + px) * 4, blend.alpha / (factor * factor));
    }
  }
  return { size, rgba };
}
