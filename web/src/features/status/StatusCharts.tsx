import { useMemo } from 'react';
import uPlot from 'uplot';
import type { CfdResponse, CycleTimesResponse, StatusResponse } from '../../api/status';
import { classLabel } from '../board/cardLabels';
import { AXIS_STYLE, ChartFrame, LegendItem, PALETTE, PERCENTILE_LINES, percentileHook, UPlotChart } from './Chart';
import { agingPoints, agingSummary, cfdSummary, days, percent, scatterPoints, scatterSummary, stackCfd } from './statusText';

const colourOf = (i: number) => PALETTE[i % PALETTE.length]!;
/** Lanes past the palette's length get a dash, so two lanes of one colour still differ. */
const dashOf = (i: number): number[] => (i >= PALETTE.length ? [6, 3] : []);

function PercentileLegend({ p50, p85, p95 }: { p50: number | null; p85: number | null; p95: number | null }) {
  const values = { p50, p85, p95 };
  return (
    <>
      {PERCENTILE_LINES.map((line) => (
        <LegendItem key={line.key} stroke={line.stroke} dash={line.dash}>
          {line.name} ({line.words}): {days(values[line.key])}
        </LegendItem>
      ))}
    </>
  );
}

export function CfdChart({ cfd }: { cfd: CfdResponse }) {
  const data = useMemo<uPlot.AlignedData>(() => {
    const { x, stacked } = stackCfd(cfd);
    return [x, ...stacked];
  }, [cfd]);
  const summary = cfdSummary(cfd);
  const options = (width: number, height: number): uPlot.Options => ({
    width,
    height,
    legend: { show: false },
    cursor: { show: false },
    scales: { x: { time: true }, y: { range: (_u, _min, max) => [0, Math.max(1, max)] } },
    axes: [{ ...AXIS_STYLE }, { ...AXIS_STYLE, label: 'Cards', size: 50 }],
    series: [
      {},
      ...cfd.lanes.map((lane, i) => ({
        label: lane.name,
        stroke: colourOf(i).stroke,
        fill: colourOf(i).fill,
        dash: dashOf(i),
        width: 1.5,
        points: { show: false },
      })),
    ],
  });
  return (
    <ChartFrame
      id="cfd"
      title="Cumulative flow"
      summary={summary}
      testId="status-cfd"
      legend={cfd.lanes.map((lane, i) => (
        <LegendItem key={lane.laneId} stroke={colourOf(i).stroke} fill={colourOf(i).fill} dash={dashOf(i)}>
          {lane.name}
        </LegendItem>
      ))}
      table={
        <table className="status-table">
          <caption className="sr-only">Cards in each lane at the end of each day</caption>
          <thead>
            <tr>
              <th scope="col">Day</th>
              {cfd.lanes.map((lane) => (
                <th scope="col" key={lane.laneId}>
                  {lane.name}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {cfd.days.map((day) => (
              <tr key={day.date}>
                <th scope="row">{day.date}</th>
                {cfd.lanes.map((lane, i) => (
                  <td key={lane.laneId}>{day.counts[i] ?? 0}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      }
    >
      {cfd.days.length > 0 && (
        <UPlotChart label={`Cumulative flow chart, lanes stacked with the first lane on top. ${summary}`} options={options} data={data} testId="status-cfd-chart" />
      )}
    </ChartFrame>
  );
}

export function AgingChart({ status }: { status: Pick<StatusResponse, 'aging' | 'cycleTimeDays'> }) {
  const points = useMemo(() => agingPoints(status.aging), [status.aging]);
  const data = useMemo<uPlot.AlignedData>(() => [points.map((p) => p.x), points.map((p) => p.age)], [points]);
  const lanes = status.aging.lanes;
  const summary = agingSummary(status);
  const options = (width: number, height: number): uPlot.Options => ({
    width,
    height,
    legend: { show: false },
    cursor: { show: false },
    scales: {
      x: { time: false, range: () => [-0.5, Math.max(0.5, lanes.length - 0.5)] },
      y: {
        range: (_u, _min, max) => [0, Math.max(1, max, (status.cycleTimeDays.p95 ?? 0) * 1.1)],
      },
    },
    axes: [
      {
        ...AXIS_STYLE,
        splits: () => lanes.map((_, i) => i),
        values: (_u, splits) => splits.map((s) => lanes[s]?.name ?? ''),
        grid: { show: false },
      },
      { ...AXIS_STYLE, label: 'Age (working days)', size: 50 },
    ],
    series: [
      {},
      { label: 'Cards', stroke: PALETTE[0].stroke, fill: PALETTE[0].fill, paths: () => null, points: { show: true, size: 9, width: 2 } },
    ],
    hooks: { draw: [percentileHook(status.cycleTimeDays)] },
  });
  return (
    <ChartFrame
      id="aging"
      title="Aging of the work in progress"
      summary={summary}
      testId="status-aging"
      legend={
        <>
          <LegendItem stroke={PALETTE[0].stroke}>A card in progress, by lane and age</LegendItem>
          <PercentileLegend {...status.cycleTimeDays} />
        </>
      }
      table={
        <table className="status-table">
          <caption className="sr-only">Cards in progress, by lane, with their age</caption>
          <thead>
            <tr>
              <th scope="col">Card</th>
              <th scope="col">Title</th>
              <th scope="col">Lane</th>
              <th scope="col">Age</th>
            </tr>
          </thead>
          <tbody>
            {status.aging.cards.map((card) => (
              <tr key={card.cardId}>
                <th scope="row">{card.key}</th>
                <td>{card.title}</td>
                <td>{card.laneName}</td>
                <td>{days(card.ageDays)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      }
    >
      {lanes.length > 0 && (
        <UPlotChart label={`Aging chart: each card in progress by lane and age, against the cycle time percentiles. ${summary}`} options={options} data={data} testId="status-aging-chart" />
      )}
    </ChartFrame>
  );
}

export function CycleScatterChart({ cycle }: { cycle: CycleTimesResponse }) {
  const data = useMemo<uPlot.AlignedData>(() => {
    const { x, y } = scatterPoints(cycle);
    return [x, y];
  }, [cycle]);
  const summary = scatterSummary(cycle);
  const options = (width: number, height: number): uPlot.Options => ({
    width,
    height,
    legend: { show: false },
    cursor: { show: false },
    scales: {
      x: { time: true },
      y: { range: (_u, _min, max) => [0, Math.max(1, max, (cycle.p95 ?? 0) * 1.1)] },
    },
    axes: [{ ...AXIS_STYLE }, { ...AXIS_STYLE, label: 'Cycle time (working days)', size: 50 }],
    series: [
      {},
      { label: 'Completed cards', stroke: PALETTE[0].stroke, fill: PALETTE[0].fill, paths: () => null, points: { show: true, size: 7, width: 2 } },
    ],
    hooks: { draw: [percentileHook(cycle)] },
  });
  return (
    <ChartFrame
      id="scatter"
      title="Cycle time of completed cards"
      summary={summary}
      testId="status-scatter"
      legend={
        <>
          <LegendItem stroke={PALETTE[0].stroke}>A completed card, by the day it was done</LegendItem>
          <PercentileLegend {...cycle} />
        </>
      }
      table={
        <table className="status-table">
          <caption className="sr-only">Completed cards with their cycle time</caption>
          <thead>
            <tr>
              <th scope="col">Card</th>
              <th scope="col">Title</th>
              <th scope="col">Class</th>
              <th scope="col">Done on</th>
              <th scope="col">Cycle time</th>
              <th scope="col">Blocked</th>
              <th scope="col">Flow efficiency</th>
            </tr>
          </thead>
          <tbody>
            {cycle.cards.map((card) => (
              <tr key={card.cardId}>
                <th scope="row">{card.key}</th>
                <td>{card.title}</td>
                <td>{classLabel(card.class)}</td>
                <td>{card.completedOn}</td>
                <td>{days(card.cycleTimeDays)}</td>
                <td>{days(card.blockedDays)}</td>
                <td>{percent(card.flowEfficiency)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      }
    >
      {cycle.cards.length > 0 && (
        <UPlotChart label={`Cycle time scatter chart with the 50th, 85th and 95th percentile lines. ${summary}`} options={options} data={data} testId="status-scatter-chart" />
      )}
    </ChartFrame>
  );
}
