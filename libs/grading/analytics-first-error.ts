// What went wrong at a first error, as a short label teachers can count: the step checker's
// reasons are long and specific ("3x(x - 2) = 0 -> x = 2: x = 0 was lost (dividing by x ...)");
// analytics groups answers whose first errors are the same kind of mistake.

export interface FirstErrorStep {
  text?: string;
  reason?: string;
}

interface LabelRule {
  pattern: RegExp;
  label: (match: RegExpMatchArray) => string;
}

const ROOTS = String.raw`((?:[A-Za-z]\w* = -?[\d.]+)(?: or [A-Za-z]\w* = -?[\d.]+)*)`;

// First matching rule wins; order from the most specific mistake to the most general.
const RULES: LabelRule[] = [
  {
    pattern: new RegExp(`${ROOTS} (?:was|were) lost`),
    label: (match) => `lost root${match[1]!.includes(' or ') ? 's' : ''} ${match[1]}`,
  },
  {
    pattern: new RegExp(`${ROOTS} (?:is not a solution|are not solutions)`),
    label: (match) => `extra root${match[1]!.includes(' or ') ? 's' : ''} ${match[1]}`,
  },
  { pattern: /^([A-Za-z]\w*'+)\((\w+)\) should be/, label: (match) => `wrong derivative ${match[1]}(${match[2]})` },
  { pattern: /^([A-Za-z]\w*)\((\w+)\) should be/, label: (match) => `wrong expression for ${match[1]}(${match[2]})` },
  {
    pattern: /^([A-Za-z]\w*'*)\(([^()]*)\) = [^,]+, not /,
    label: (match) => `wrong value of ${match[1]}(${match[2]!.replace(/\s+/g, '')})`,
  },
  { pattern: /= -?[\d.]+(?:e[+-]?\d+)?, not /, label: () => 'arithmetic slip' },
  { pattern: /is not equal to/, label: () => 'false equality' },
  { pattern: /undefined/, label: () => 'undefined value' },
];

/** A short, stable label for the kind of mistake a first-error step made. */
export function firstErrorLabel(step: FirstErrorStep): string {
  const reason = (step.reason ?? '').replace(/\s+/g, ' ').trim();
  for (const rule of RULES) {
    const match = reason.match(rule.pattern);
    if (match) return rule.label(match);
  }
  // Unknown kinds keep the reason's first clause, short enough to group on.
  const clause = reason.split(/[;:(]/)[0]!.trim();
  return (clause || 'incorrect step').slice(0, 60);
}
