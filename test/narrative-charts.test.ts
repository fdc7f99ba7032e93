import { describe, expect, it } from 'vitest';
import { chartAfter } from '../shared/narrative/charts';

describe('the charts of 第三部分', () => {
  it('draws the non-zero items of a listing sentence, with the sentence’s own percentages', () => {
    const chart = chartAfter({
      id: 'income',
      figures: {
        items: [
          { label: '一般公共预算拨款收入', amount: 4_577_940_000, percent: '99.84' },
          { label: '政府性基金预算拨款收入', amount: 0, percent: '0' },
          { label: '上年结转', amount: 7_500_000, percent: '0.16' },
        ],
      },
    });
    expect(chart).toEqual({
      title: '收入预算图',
      bars: [
        { label: '一般公共预算拨款收入', amount: 4_577_940_000, valueText: '4,577.94万元 99.84%' },
        { label: '上年结转', amount: 7_500_000, valueText: '7.50万元 0.16%' },
      ],
    });
  });

  it('shares 三公 items of their total, and omits the chart when there is no 三公 budget', () => {
    const items = [
      { key: 'abroad', amount: 1_000_000 },
      { key: 'reception', amount: 3_000_000 },
      { key: 'vehicleOperation', amount: 0 },
      { key: 'vehiclePurchase', amount: 0 },
    ];
    const chart = chartAfter({ id: 'threePublic', figures: { none: false, total: 4_000_000, items } });
    expect(chart?.bars.map((bar) => `${bar.label} ${bar.valueText}`)).toEqual([
      '因公出国（境）费 1.00万元 25.00%',
      '公务接待费 3.00万元 75.00%',
      '公务用车运行维护费 0万元 0%',
      '公务用车购置费 0万元 0%',
    ]);
    expect(chartAfter({ id: 'threePublic', figures: { none: true } })).toBeNull();
    expect(chartAfter({ id: 'threePublic', figures: { none: false, total: 0, items } })).toBeNull();
    expect(chartAfter({ id: 'operatingCosts', figures: {} })).toBeNull();
  });
});
