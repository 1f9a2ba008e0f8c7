/**
 * The tag feed's charts, drawn with Recharts. This module (and Recharts) is loaded lazily by the
 * tag feed, so the inbox bundle does not carry it.
 */
import {
  Bar,
  BarChart,
  CartesianGrid,
  Cell,
  LabelList,
  Legend,
  Line,
  LineChart,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { minutes, shortDay } from './period';
import type { TagFeedData, TagFeedRow } from './types';

const AXIS = { fontSize: 12, fill: '#6b6963' };
const GRID = '#e3e2de';
const TOOLTIP = {
  contentStyle: { borderRadius: 6, border: '1px solid #cfcdc7', fontSize: 13, padding: '6px 10px' },
  labelStyle: { fontWeight: 600, marginBottom: 2 },
};
const dayLabel = (day: string) => shortDay(new Date(`${day}T00:00:00`));

/** Human minutes per tag, as horizontal bars in the tags' colours; a click opens the tag. */
export function MinutesByTag({ rows, onSelect }: { rows: TagFeedRow[]; onSelect: (row: TagFeedRow) => void }) {
  const data = rows.filter((r) => r.humanMinutes > 0);
  const longest = Math.max(...data.map((r) => r.name.length), 6);
  return (
    <ResponsiveContainer width="100%" height={Math.max(140, data.length * 34 + 36)}>
      <BarChart data={data} layout="vertical" margin={{ top: 4, right: 64, bottom: 4, left: 4 }} barCategoryGap={6}>
        <CartesianGrid horizontal={false} stroke={GRID} />
        <XAxis type="number" tick={AXIS} tickLine={false} axisLine={false} allowDecimals={false} unit=" min" />
        <YAxis
          type="category"
          dataKey="name"
          tick={AXIS}
          tickLine={false}
          axisLine={false}
          width={Math.min(160, longest * 7 + 12)}
        />
        <Tooltip {...TOOLTIP} cursor={{ fill: '#f1f0ed' }} formatter={(v) => [minutes(Number(v)), 'Human time']} />
        <Bar dataKey="humanMinutes" name="Human minutes" radius={[0, 4, 4, 0]} isAnimationActive={false}>
          {data.map((r) => (
            <Cell
              key={r.tagId ?? 'untagged'}
              fill={r.color}
              cursor="pointer"
              onClick={() => onSelect(r)}
              aria-label={`${r.name}: ${minutes(r.humanMinutes)}`}
            />
          ))}
          <LabelList
            dataKey="humanMinutes"
            position="right"
            formatter={(v) => minutes(Number(v))}
            style={{ fontSize: 12, fill: '#1d1c1a' }}
          />
        </Bar>
      </BarChart>
    </ResponsiveContainer>
  );
}

/** A dot on the days with handoffs only, so the zero baseline stays quiet. */
const nonZeroDot =
  (stroke: string) =>
  ({ cx, cy, value, index }: { cx?: number; cy?: number; value?: unknown; index?: number }) =>
    Number(value) > 0 && cx !== undefined && cy !== undefined ? (
      <circle key={index} cx={cx} cy={cy} r={3} fill="#fff" stroke={stroke} strokeWidth={2} />
    ) : (
      <g key={index} />
    );

/** Handoffs per day, one line per tag that had any in the period. */
export function HandoffsOverTime({ feed }: { feed: TagFeedData }) {
  const colour = new Map(feed.tags.map((t) => [t.name, t.color]));
  const names = feed.tags.filter((t) => t.handoffs > 0).map((t) => t.name);
  for (const d of feed.daily) for (const n of Object.keys(d.handoffs)) if (!names.includes(n)) names.push(n);
  const data = feed.daily.map((d) => {
    const row: Record<string, string | number> = { day: d.day };
    for (const n of names) row[n] = d.handoffs[n] ?? 0;
    return row;
  });
  const dots = data.length <= 31;
  return (
    <ResponsiveContainer width="100%" height={260}>
      <LineChart data={data} margin={{ top: 8, right: 16, bottom: 0, left: -16 }}>
        <CartesianGrid vertical={false} stroke={GRID} />
        <XAxis
          dataKey="day"
          tick={AXIS}
          tickLine={false}
          axisLine={{ stroke: GRID }}
          tickFormatter={dayLabel}
          minTickGap={24}
        />
        <YAxis tick={AXIS} tickLine={false} axisLine={false} allowDecimals={false} />
        <Tooltip {...TOOLTIP} labelFormatter={(d) => dayLabel(String(d))} />
        <Legend iconType="plainline" wrapperStyle={{ fontSize: 12 }} />
        {names.map((n) => (
          <Line
            key={n}
            type="monotone"
            dataKey={n}
            name={n}
            stroke={colour.get(n) ?? '#94a3b8'}
            strokeWidth={2}
            dot={dots ? nonZeroDot(colour.get(n) ?? '#94a3b8') : false}
            activeDot={{ r: 4 }}
            isAnimationActive={false}
          />
        ))}
      </LineChart>
    </ResponsiveContainer>
  );
}
