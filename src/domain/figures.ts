/**
 * Agreement between reports of one measure. A value written as "9.1 millones" is stored as
 * 9100000: its trailing zeros say it is rounded (or truncated) to 100000. Two reports agree when
 * they differ by less than one unit of the least precise report's last digit.
 */
export function precisionUnit(value: number): number {
  if (!Number.isInteger(value)) {
    const decimals = String(value).split('.')[1]?.length ?? 0;
    return 10 ** -decimals;
  }
  let zeros = 0;
  for (let v = Math.abs(value); v !== 0 && v % 10 === 0; v /= 10) zeros++;
  // Fewer than three trailing zeros ("60 %", "120 camas") is an exact count, not a rounding.
  return zeros >= 3 ? 10 ** zeros : 1;
}

export interface Agreement {
  consistent: boolean;
  reports: number;
  min: number;
  max: number;
  explanation: string;
}

export function agreement(values: number[]): Agreement {
  const min = Math.min(...values);
  const max = Math.max(...values);
  const unit = Math.max(...values.map(precisionUnit));
  const consistent = max - min < unit || max === min;
  const explanation =
    values.length < 2
      ? 'only one report of this measure'
      : max === min
        ? `${values.length} reports give the same value`
        : consistent
          ? `the reports differ by ${max - min}, less than the rounding unit ${unit} of the least precise report`
          : `the reports differ by ${max - min}, more than the rounding unit ${unit} of the least precise report`;
  return { consistent, reports: values.length, min, max, explanation };
}
