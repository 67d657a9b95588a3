import { numberPlaceholders } from './placeholders.js';

describe('numberPlaceholders', () => {
  it.each([
    ['SELECT * FROM t WHERE a = ? AND b IN (?, ?)', 'SELECT * FROM t WHERE a = $1 AND b IN ($2, $3)'],
    ['SELECT 1', 'SELECT 1'],
    ['SELECT * FROM t WHERE a = $1', 'SELECT * FROM t WHERE a = $1'],
    ["SELECT '?' AS q, a FROM t WHERE b = ?", "SELECT '?' AS q, a FROM t WHERE b = $1"],
    ["SELECT 'it''s ?' FROM t WHERE b = ?", "SELECT 'it''s ?' FROM t WHERE b = $1"],
    ["SELECT E'a\\' ?' FROM t WHERE b = ?", "SELECT E'a\\' ?' FROM t WHERE b = $1"],
    ['SELECT "odd?name" FROM t WHERE b = ?', 'SELECT "odd?name" FROM t WHERE b = $1'],
    ['SELECT a -- why?\n FROM t WHERE b = ?', 'SELECT a -- why?\n FROM t WHERE b = $1'],
    [
      'SELECT a /* one? /* two? */ still? */ FROM t WHERE b = ?',
      'SELECT a /* one? /* two? */ still? */ FROM t WHERE b = $1',
    ],
    ['DO $$ BEGIN PERFORM ?; END $$; SELECT ?', 'DO $$ BEGIN PERFORM ?; END $$; SELECT $1'],
    ['SELECT $fn$ a ? b $fn$, ?', 'SELECT $fn$ a ? b $fn$, $1'],
    ['SELECT ?||?', 'SELECT $1||$2'],
  ])('numbers %j', (sql, numbered) => {
    expect(numberPlaceholders(sql)).toBe(numbered);
  });

  it('numbers past nine', () => {
    const sql = `VALUES (${Array.from({ length: 12 }, () => '?').join(', ')})`;
    expect(numberPlaceholders(sql)).toBe(
      `VALUES (${Array.from({ length: 12 }, (_, i) => `$${i + 1}`).join(', ')})`,
    );
  });

  it('leaves an unterminated literal as it is', () => {
    expect(numberPlaceholders("SELECT 'open ?")).toBe("SELECT 'open ?");
  });
});
