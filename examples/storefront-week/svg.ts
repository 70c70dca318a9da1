// Inline SVG charts without a library: grouped vertical bars and horizontal bars, with value labels in
// <text> (so a reader, and the browser test, sees the numbers) and <title> tooltips.

export const escapeXml = (text: string): string =>
  text.replace(
    /[&<>"']/g,
    (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!,
  );

export interface Series {
  readonly name: string;
  readonly color: string;
}

export interface BarGroup {
  readonly label: string;
  /** One value per series. */
  readonly values: readonly number[];
  /** Text shown above each bar (null: none; the value is still in the tooltip). */
  readonly texts?: readonly (string | null)[];
  /** Tooltip per bar. */
  readonly titles?: readonly string[];
}

export interface VerticalChartOptions {
  readonly id: string;
  readonly series: readonly Series[];
  readonly groups: readonly BarGroup[];
  readonly max?: number;
  readonly width?: number;
  readonly height?: number;
  /** Show every n-th group label (default 1). */
  readonly labelEvery?: number;
  readonly yTicks?: readonly { readonly value: number; readonly label: string }[];
}

function legend(series: readonly Series[], x: number, y: number): string {
  if (series.length < 2) return "";
  return series
    .map(
      (s, i) =>
        `<g class="legend"><rect x="${x + i * 170}" y="${y - 9}" width="10" height="10" fill="${s.color}"/>` +
        `<text x="${x + i * 170 + 14}" y="${y}" font-size="11">${escapeXml(s.name)}</text></g>`,
    )
    .join("");
}

export function verticalBars(options: VerticalChartOptions): string {
  const width = options.width ?? 900;
  const height = options.height ?? 300;
  const left = 44;
  const right = 10;
  const top = 28;
  const bottom = 48;
  const plotW = width - left - right;
  const plotH = height - top - bottom;
  const max = options.max ?? Math.max(1, ...options.groups.flatMap((g) => g.values));
  const groupW = plotW / Math.max(1, options.groups.length);
  const barW = Math.max(1, (groupW * 0.8) / options.series.length);
  const every = options.labelEvery ?? 1;
  const parts: string[] = [];
  let lastLabelX = Number.NEGATIVE_INFINITY;
  for (const tick of options.yTicks ?? []) {
    const y = top + plotH - (tick.value / max) * plotH;
    parts.push(
      `<line x1="${left}" x2="${width - right}" y1="${y.toFixed(1)}" y2="${y.toFixed(1)}" stroke="#ddd"/>` +
        `<text x="${left - 4}" y="${(y + 4).toFixed(1)}" font-size="10" text-anchor="end" fill="#555">${escapeXml(tick.label)}</text>`,
    );
  }
  options.groups.forEach((group, gi) => {
    const x0 = left + gi * groupW + groupW * 0.1;
    group.values.forEach((value, si) => {
      const h = (Math.max(0, value) / max) * plotH;
      const x = x0 + si * barW;
      const y = top + plotH - h;
      const series = options.series[si]!;
      const title = group.titles?.[si] ?? `${group.label} · ${series.name}: ${value}`;
      parts.push(
        `<rect class="bar" data-series="${escapeXml(series.name)}" data-label="${escapeXml(group.label)}" data-value="${value}" ` +
          `x="${x.toFixed(1)}" y="${y.toFixed(1)}" width="${Math.max(1, barW - 1).toFixed(1)}" height="${Math.max(h, 0.5).toFixed(1)}" fill="${series.color}">` +
          `<title>${escapeXml(title)}</title></rect>`,
      );
      const text = group.texts?.[si];
      if (text !== undefined && text !== null) {
        // Labels of neighbouring bars would overlap: lift the second one a line.
        const lift = x - lastLabelX < 16 ? 11 : 0;
        lastLabelX = lift > 0 ? Number.NEGATIVE_INFINITY : x;
        parts.push(
          `<text class="value" x="${(x + barW / 2).toFixed(1)}" y="${(y - 3 - lift).toFixed(1)}" font-size="10" text-anchor="middle">${escapeXml(text)}</text>`,
        );
      }
    });
    if (gi % every === 0) {
      const cx = left + gi * groupW + groupW / 2;
      parts.push(
        `<text class="label" x="${cx.toFixed(1)}" y="${top + plotH + 14}" font-size="10" text-anchor="middle" fill="#333">${escapeXml(group.label)}</text>`,
      );
    }
  });
  parts.push(
    `<line x1="${left}" x2="${width - right}" y1="${top + plotH}" y2="${top + plotH}" stroke="#888"/>`,
  );
  parts.push(legend(options.series, left, height - 10));
  return `<svg id="${options.id}" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img">${parts.join("")}</svg>`;
}

export interface HorizontalChartOptions {
  readonly id: string;
  readonly color: string;
  readonly rows: readonly {
    readonly label: string;
    readonly value: number;
    readonly text: string;
    readonly color?: string;
  }[];
  readonly width?: number;
}

export function horizontalBars(options: HorizontalChartOptions): string {
  const width = options.width ?? 900;
  const rowH = 18;
  const left = 190;
  const right = 70;
  const height = options.rows.length * rowH + 16;
  const max = Math.max(1, ...options.rows.map((r) => r.value));
  const parts = options.rows.map((row, i) => {
    const y = 8 + i * rowH;
    const w = (row.value / max) * (width - left - right);
    return (
      `<text class="label" x="${left - 6}" y="${y + 12}" font-size="11" text-anchor="end">${escapeXml(row.label)}</text>` +
      `<rect class="bar" data-label="${escapeXml(row.label)}" data-value="${row.value}" x="${left}" y="${y + 2}" width="${Math.max(w, 0.5).toFixed(1)}" height="${rowH - 5}" fill="${row.color ?? options.color}"><title>${escapeXml(`${row.label}: ${row.text}`)}</title></rect>` +
      `<text class="value" x="${(left + w + 4).toFixed(1)}" y="${y + 12}" font-size="11">${escapeXml(row.text)}</text>`
    );
  });
  return `<svg id="${options.id}" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img">${parts.join("")}</svg>`;
}
