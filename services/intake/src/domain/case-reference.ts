/** Human reference of a case: REP-<year>-<six-digit sequence of that year>, e.g. REP-2026-000123. */
export class CaseReference {
  private constructor(readonly value: string) {}

  static of(year: number, sequence: number): CaseReference {
    if (!Number.isInteger(year) || year < 2000 || year > 9999) throw new RangeError('year out of range');
    if (!Number.isInteger(sequence) || sequence < 1 || sequence > 999_999) {
      throw new RangeError('sequence out of range');
    }
    return new CaseReference(`REP-${year}-${String(sequence).padStart(6, '0')}`);
  }

  toString(): string {
    return this.value;
  }
}
