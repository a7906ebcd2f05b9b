// Makes an arbitrary schema-valid scoring file meet the checks beyond its schema: points that
// add up (declared normalised instead), distinct grade bounds, caps and floors within the points,
// measures with the facts they need, ranges with min ≤ max, fact declarations that hold.
type O = Record<string, any>;

const basis = { localDefault: true, reason: { zh: '测试', en: 'test' } };

function element(e: O): void {
  if (typeof e.cap === 'number' && e.cap > e.points) e.cap = e.points;
  if (typeof e.floor === 'number' && e.floor > (e.cap ?? e.points)) e.floor = e.cap ?? e.points;
  if (Array.isArray(e.elements)) {
    e.normalise = basis;
    e.elements.forEach(element);
    return;
  }
  if (e.measure === 'full') {
    delete e.numerator;
    delete e.denominator;
  } else {
    e.numerator ??= 'x.numerator';
    if (e.measure === 'ratio') e.denominator ??= 'x.denominator';
    else delete e.denominator;
  }
  for (const d of e.deductions ?? []) {
    if (d.kind === 'range' && d.min > d.max) [d.min, d.max] = [d.max, d.min];
  }
}

/** Repair a generated scoring file in place. */
export function repairScoring(f: O): void {
  f.normalise = basis;
  (f.elements ?? []).forEach(element);
  (f.grades ?? []).forEach((g: O, i: number) => {
    g.min = i / Math.max(1, f.grades.length);
  });
  for (const u of f.facts ?? []) {
    if (u.required) delete u.default;
    else u.default ??= 0;
  }
}
