/**
 * The two marks, in 1024 design units: the app's (a ledger sheet with a red seal on a blue
 * tile) and the .ysgk workbook's (the same ledger and seal on a page with a folded corner).
 * Bold shapes only, so that the 16-pixel versions still read as a sheet and a seal.
 */
import { type Colour, type Layer, disc, polygon, rect, ring, roundedRect, star } from './raster';

export const BLUE: Colour = [30, 90, 168];
const SHADOW_BLUE: Colour = [22, 66, 126];
const RULE: Colour = [157, 180, 211];
export const RED: Colour = [211, 47, 47];
export const WHITE: Colour = [255, 255, 255];
const PAGE_EDGE: Colour = [112, 124, 140];
const FOLD: Colour = [196, 206, 222];

/** A 公章-like seal: a red disc with a white inner ring and a white star. */
function seal(cx: number, cy: number, radius: number): Layer[] {
  return [
    { region: disc(cx, cy, radius), colour: RED },
    { region: ring(cx, cy, radius * 0.7, radius * 0.81), colour: WHITE },
    { region: star(cx, cy, radius * 0.42, radius * 0.17), colour: WHITE },
  ];
}

/** A header band and ruled rows between `left` and `right`. */
function ledger(left: number, right: number, headerTop: number, rows: readonly number[]): Layer[] {
  return [
    { region: rect(left, headerTop, right, headerTop + 80), colour: BLUE },
    ...rows.map((y) => ({ region: rect(left, y - 14, right, y + 14), colour: RULE })),
  ];
}

export function appMark(): Layer[] {
  return [
    { region: roundedRect(64, 64, 960, 960, 184), colour: BLUE },
    { region: roundedRect(252, 188, 812, 876, 36), colour: SHADOW_BLUE },
    { region: roundedRect(232, 168, 792, 856, 36), colour: WHITE },
    ...ledger(296, 728, 240, [400, 480, 560, 640, 720]),
    { region: rect(468, 320, 496, 734), colour: RULE },
    // A white rim parts the seal from the blue tile.
    { region: disc(760, 752, 172), colour: WHITE },
    ...seal(760, 752, 152),
  ];
}

export function workbookMark(): Layer[] {
  return [
    {
      region: polygon([
        [176, 64],
        [640, 64],
        [848, 272],
        [848, 960],
        [176, 960],
      ]),
      colour: PAGE_EDGE,
    },
    {
      region: polygon([
        [200, 88],
        [630, 88],
        [824, 282],
        [824, 936],
        [200, 936],
      ]),
      colour: WHITE,
    },
    {
      region: polygon([
        [640, 64],
        [640, 272],
        [848, 272],
      ]),
      colour: FOLD,
    },
    ...ledger(272, 752, 336, [496, 576, 656]),
    ...seal(688, 800, 128),
  ];
}
