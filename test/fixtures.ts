/** A small assignment and submissions whose grades are known from GRADING.md's rules. */
export const bakeryAssignment = {
  title: 'Bakery',
  externalId: 'lms-assignment-bakery',
  grading: { inference: 'none' },
  problems: [
    {
      key: 'bakery',
      statement: 'A bakery bakes 240 rolls a day and sells 3/4 of them in the morning. How many rolls are left?',
      answer: '60',
      points: 10,
    },
  ],
};

export const correctWork = [
  'In the morning it sells 240 * 3/4 = 180 rolls.',
  'That leaves 240 - 180 = 60 rolls.',
  'A: 60',
];
export const wrongWork = [
  'In the morning it sells 240 * 3/4 = 160 rolls.',
  'That leaves 240 - 160 = 80 rolls.',
  'A: 80',
];

export function submission(studentId: string, steps: string[], externalId?: string) {
  return { studentId, ...(externalId ? { externalId } : {}), answers: [{ problemKey: 'bakery', steps }] };
}
