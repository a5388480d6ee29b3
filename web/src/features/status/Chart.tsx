import { useEffect, useRef, type ReactNode } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';

/** Colours on white at 3:1 or more (graphical objects), each with a light fill; lanes take them in turn. */
export const PALETTE = [
  { stroke: '#1f4e8c', fill: '#c9d9ef' },
  { stroke: '#116329', fill: '#c8e6cf' },
  { stroke: '#8a4600', fill: '#f3dcc4' },
  { stroke: '#6d4fc2', fill: '#ddd4f5' },
  { stroke: '#0b6e75', fill: '#c4e7ea' },
  { stroke: '#a61b12', fill: '#f5cdca' },
  { stroke: '#545d68', fill: '#dde1e6' },
] as const;

/** The percentile lines: told apart by their dash and their label, not by colour alone. */
export const PERCENTILE_LINES = [
  { name: '50th percentile', short: '50%', key: 'p50', dash: [] as number[], stroke: '#116329', words: 'solid line' },
  { name: '85th percentile', short: '85%', key: 'p85', dash: [8, 4], stroke: '#8a4600', words: 'dashed line' },
  { name: '95th percentile', short: '95%', key: 'p95', dash: [2, 3], stroke: '#a61b12', words: 'dotted line' },
] as const;

/** The size a chart is drawn at for print: three to an A4 row. */
const PRINT_SIZE = { width: 380, height: 220 };

let drawable: boolean | undefined;
function canDraw(): boolean {
  if (drawable === undefined) {
    try {
      drawable = typeof document !== 'undefined' && document.createElement('canvas').getContext('2d') != null;
    } catch {
      drawable = false;
    }
  }
  return drawable;
}

/**
 * A uPlot chart sized to its container (and redrawn when the container changes size, as it does for
 * print). The canvas is an image to assistive technology, named by `label`; its data is in the
 * table beside it.
 */
export function UPlotChart({
  label,
  options,
  data,
  height = 260,
  testId,
}: {
  label: string;
  options: (width: number, height: number) => uPlot.Options;
  data: uPlot.AlignedData;
  height?: number;
  testId?: string;
}) {
  const holder = useRef<HTMLDivElement>(null);
  const optionsRef = useRef(options);
  optionsRef.current = options;

  useEffect(() => {
    const el = holder.current;
    if (!el) return;
    const widthOf = () => Math.max(280, Math.floor(el.clientWidth || 600));
    let plot: uPlot | null = null;
    // No canvas (an old browser, a test DOM): the summary and the table still say it all.
    if (!canDraw()) return;
    try {
      plot = new uPlot(optionsRef.current(widthOf(), height), data, el);
    } catch (error) {
      console.warn('Chart not drawn', error);
      return;
    }
    // Printed, a chart is drawn at a size for a third of an A4 page (the print stylesheet scales it
    // to its column); on screen, at its container's width.
    const print = typeof window.matchMedia === 'function' ? window.matchMedia('print') : null;
    const printing = { on: false };
    const fit = () => {
      if (!plot) return;
      plot.setSize(printing.on || print?.matches ? PRINT_SIZE : { width: widthOf(), height });
    };
    const beforePrint = () => {
      printing.on = true;
      fit();
    };
    const afterPrint = () => {
      printing.on = false;
      fit();
    };
    const observer = typeof ResizeObserver === 'undefined' ? null : new ResizeObserver(fit);
    observer?.observe(el);
    print?.addEventListener('change', fit);
    window.addEventListener('beforeprint', beforePrint);
    window.addEventListener('afterprint', afterPrint);
    if (print?.matches) fit();
    return () => {
      observer?.disconnect();
      print?.removeEventListener('change', fit);
      window.removeEventListener('beforeprint', beforePrint);
      window.removeEventListener('afterprint', afterPrint);
      plot?.destroy();
    };
  }, [data, height]);

  return <div ref={holder} className="chart__canvas" role="img" aria-label={label} data-testid={testId} />;
}

/** A chart with its heading, its one-line summary, a text legend, and its data as a table (in a details). */
export function ChartFrame({
  id,
  title,
  summary,
  legend,
  table,
  children,
  testId,
}: {
  id: string;
  title: string;
  summary: string;
  legend?: ReactNode;
  table: ReactNode;
  children: ReactNode;
  testId: string;
}) {
  return (
    <section className="status-section status-chart" aria-labelledby={`${id}-title`} data-testid={testId}>
      <h2 id={`${id}-title`}>{title}</h2>
      <p className="status-chart__summary" data-testid={`${testId}-summary`}>
        {summary}
      </p>
      {children}
      {legend && <div className="status-chart__legend">{legend}</div>}
      <details className="status-chart__data">
        <summary>The data of this chart as a table</summary>
        {table}
      </details>
    </section>
  );
}

/** A legend entry: a swatch drawn with the series' own line style, and its name in words. */
export function LegendItem({ stroke, fill, dash, children }: { stroke: string; fill?: string; dash?: readonly number[]; children: ReactNode }) {
  return (
    <span className="legend-item">
      <svg width="28" height="12" aria-hidden="true" focusable="false">
        {fill && <rect x="0" y="1" width="28" height="10" fill={fill} />}
        <line x1="0" y1="6" x2="28" y2="6" stroke={stroke} strokeWidth="2.5" strokeDasharray={dash && dash.length ? dash.join(' ') : undefined} />
      </svg>
      {children}
    </span>
  );
}

/** Draws the percentile lines across the plot, each with its dash and its label at the right. */
export function percentileHook(percentiles: { p50: number | null; p85: number | null; p95: number | null }) {
  return (u: uPlot) => {
    const ctx = u.ctx;
    const { left, top, width, height } = u.bbox;
    ctx.save();
    for (const [index, line] of PERCENTILE_LINES.entries()) {
      const value = percentiles[line.key];
      if (value == null) continue;
      const y = Math.round(u.valToPos(value, 'y', true));
      if (y < top || y > top + height) continue;
      ctx.beginPath();
      ctx.setLineDash(line.dash.map((d) => d * uPlot.pxRatio));
      ctx.strokeStyle = line.stroke;
      ctx.lineWidth = 2 * uPlot.pxRatio;
      ctx.moveTo(left, y);
      ctx.lineTo(left + width, y);
      ctx.stroke();
      ctx.setLineDash([]);
      ctx.fillStyle = line.stroke;
      ctx.font = `${12 * uPlot.pxRatio}px system-ui, sans-serif`;
      ctx.textAlign = 'right';
      ctx.textBaseline = 'bottom';
      // Staggered from the right, so that close percentiles do not write over each other.
      const x = left + width - (4 + index * 62) * uPlot.pxRatio;
      ctx.fillText(`${line.short} ${Math.round(value * 10) / 10} d`, x, y - 2 * uPlot.pxRatio);
    }
    ctx.restore();
  };
}

export const AXIS_STYLE = {
  stroke: '#1b1f24',
  grid: { stroke: '#e4e8ec', width: 1 },
  ticks: { stroke: '#8c959f', width: 1 },
  font: '12px system-ui, sans-serif',
} as const;
