import { useTranslator } from '../../shared/translator-context.js';

/** One bar: its full label (for the table and the summary), its value, and an axis label when it gets one. */
export interface Bar {
  label: string;
  value: number;
  /** Shown under the bar; give it to every few bars only, or the labels collide. */
  tick?: string;
}

// The drawing's own units; CSS scales the whole drawing to the width available.
const WIDTH = 640;
const HEIGHT = 220;
const LEFT = 64;
const RIGHT = 24;
const TOP = 12;
const BOTTOM = 30;
const PLOT_WIDTH = WIDTH - LEFT - RIGHT;
const PLOT_HEIGHT = HEIGHT - TOP - BOTTOM;
/** Share of each bar's slot the bar fills; the rest is the gap between bars. */
const BAR_FILL = 0.72;

/** The smallest of 1, 2, 5 × 10ⁿ that is at least `value`, so the scale reads in round numbers. */
export function niceCeiling(value: number): number {
  if (value <= 1) return 1;
  const power = 10 ** Math.floor(Math.log10(value));
  for (const step of [1, 2, 5, 10]) if (step * power >= value) return step * power;
  return 10 * power;
}

const round = (value: number) => Math.round(value * 100) / 100;

/**
 * A bar chart drawn on the server as SVG: no script, no inline styles (the CSP forbids them), so
 * geometry is in presentation attributes and colours in the stylesheet (`.bar-chart-*`). The
 * drawing is one image whose name says what it shows (total and peak); every figure is also in a
 * table under "Show the figures", for screen readers, keyboards and anyone who wants the numbers.
 */
export function BarChart({
  title,
  bars,
  formatValue,
  labelHeading,
  valueHeading,
}: {
  /** Names the drawing and the table, e.g. "Views per hour, last 48 hours". */
  title: string;
  bars: readonly Bar[];
  formatValue: (value: number) => string;
  labelHeading: string;
  valueHeading: string;
}) {
  const { t } = useTranslator();
  const total = bars.reduce((sum, bar) => sum + bar.value, 0);
  const peak = bars.reduce<Bar | undefined>((best, bar) => (best === undefined || bar.value > best.value ? bar : best), undefined);
  const summary =
    peak && peak.value > 0
      ? t('nr.audience.chartSummary', { title, total: formatValue(total), peak: formatValue(peak.value), label: peak.label })
      : t('nr.audience.chartEmpty', { title });
  const scale = niceCeiling(peak?.value ?? 0);
  const yOf = (value: number) => round(TOP + PLOT_HEIGHT - (value / scale) * PLOT_HEIGHT);
  const slot = bars.length > 0 ? PLOT_WIDTH / bars.length : PLOT_WIDTH;
  const barWidth = round(Math.max(1, slot * BAR_FILL));
  const gridValues = scale >= 2 ? [scale / 2, scale] : [scale];

  return (
    <figure class="bar-chart">
      <svg class="bar-chart-svg" role="img" aria-label={summary} viewBox={`0 0 ${WIDTH} ${HEIGHT}`} width={WIDTH} height={HEIGHT}>
        {gridValues.map((value) => (
          <g key={value}>
            <line class="bar-chart-grid" x1={LEFT} x2={WIDTH - RIGHT} y1={yOf(value)} y2={yOf(value)} />
            <text x={LEFT - 8} y={yOf(value) + 4} text-anchor="end">
              {formatValue(value)}
            </text>
          </g>
        ))}
        {bars.map((bar, index) =>
          bar.value > 0 ? (
            <rect
              key={index}
              class="bar-chart-bar"
              x={round(LEFT + index * slot + (slot - barWidth) / 2)}
              y={yOf(bar.value)}
              width={barWidth}
              height={round(TOP + PLOT_HEIGHT - yOf(bar.value))}
            >
              <title>{`${bar.label}: ${formatValue(bar.value)}`}</title>
            </rect>
          ) : null,
        )}
        <line class="bar-chart-axis" x1={LEFT} x2={WIDTH - RIGHT} y1={TOP + PLOT_HEIGHT} y2={TOP + PLOT_HEIGHT} />
        <text x={LEFT - 8} y={TOP + PLOT_HEIGHT + 4} text-anchor="end">
          {formatValue(0)}
        </text>
        {bars.map((bar, index) =>
          bar.tick ? (
            <text key={index} x={round(LEFT + (index + 0.5) * slot)} y={HEIGHT - 8} text-anchor="middle">
              {bar.tick}
            </text>
          ) : null,
        )}
      </svg>
      <details class="bar-chart-figures">
        <summary>
          {t('nr.audience.showFigures')}
          <span class="visually-hidden">: {title}</span>
        </summary>
        <div class="newsroom-table-wrap">
          <table class="newsroom-table">
            <caption>{title}</caption>
            <thead>
              <tr>
                <th scope="col">{labelHeading}</th>
                <th scope="col" class="numeric">
                  {valueHeading}
                </th>
              </tr>
            </thead>
            <tbody>
              {bars.map((bar, index) => (
                <tr key={index}>
                  <th scope="row">{bar.label}</th>
                  <td class="numeric">{formatValue(bar.value)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </figure>
  );
}
