import { useMemo } from 'react';
import type { NarrativeChart } from '../../shared/narrative/charts';
import { narrativeChartDescription, narrativeChartSvg } from './narrative-chart-svg';

/** A chart after its sentence, as an SVG image (see narrative-chart-svg.ts for why an image). */
export function NarrativeChartImage(props: { readonly chart: NarrativeChart }) {
  const { chart } = props;
  const source = useMemo(
    () => `data:image/svg+xml;charset=utf-8,${encodeURIComponent(narrativeChartSvg(chart))}`,
    [chart],
  );
  return (
    <figure className="narrative-chart">
      <img src={source} alt={narrativeChartDescription(chart)} />
    </figure>
  );
}
