import { axisOrigin, barChart } from './scoring-view';

describe('ranking chart axis', () => {
  it('starts near the lowest total when the totals are close, and says so', () => {
    const totals = [968, 955, 940, 921, 890];
    expect(axisOrigin(totals)).toBe(870);
    const chart = barChart(
      totals.map((total, i) => ({
        label: `Đơn vị ${i + 1}`,
        unitCode: `U${i}`,
        total,
        rank: i + 1,
      })),
      1000,
      String,
    );
    expect(chart.origin).toBe(870);
    expect(chart.axisNote).toContain('bắt đầu từ 870 điểm, không từ 0');
    expect(chart.ticks[0]!.label).toBe('870');
    // The 78-point spread takes most of the plot, not 8 % of it.
    const widths = chart.bars.map((b) => b.width);
    expect(widths[0]! - widths[4]!).toBeGreaterThan(chart.plotWidth / 2);
  });

  it('starts at zero when the totals are far apart or too few', () => {
    expect(axisOrigin([900, 300])).toBe(0);
    expect(axisOrigin([950])).toBe(0);
    expect(barChart([], 1000, String).axisNote).toBeNull();
  });
});
