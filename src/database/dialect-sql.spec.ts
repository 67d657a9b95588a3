import { ftsQuery } from '../common/text.js';
import { caseless, joinedText, sortedBy, tsQuery } from './dialect-sql.js';

describe('dialect-sql', () => {
  it.each([
    ['Trồng hoa', "'trong' & 'hoa':*"],
    ['Hoa giữa đời thường', "'hoa' & 'giua' & 'doi' & 'thuong':*"],
    ['ĐƯỜNG', "'duong':*"],
    ['  nhà-tình "thương" ', "'nha' & 'tinh' & 'thuong':*"],
  ])('makes the FTS5 search for %j a PostgreSQL tsquery: %s', (typed, query) => {
    expect(tsQuery(ftsQuery(typed)!)).toBe(query);
  });

  it('puts empty values where SQLite does: first going up, last going down', () => {
    expect(sortedBy('postgres', 'r.recorded_on', 'ASC')).toBe('r.recorded_on ASC NULLS FIRST');
    expect(sortedBy('postgres', 'r.recorded_on', 'DESC')).toBe('r.recorded_on DESC NULLS LAST');
    expect(sortedBy('sqlite', 'r.recorded_on', 'DESC')).toBe('r.recorded_on DESC');
  });

  it('spells the rest the way each database wants it', () => {
    expect(joinedText('sqlite', 'p.name', "' '")).toBe("group_concat(p.name, ' ')");
    expect(joinedText('postgres', 'p.name', "' '")).toBe("string_agg(p.name, ' ')");
    expect(caseless('sqlite', 'name')).toBe('name COLLATE NOCASE');
    expect(caseless('postgres', 'name')).toBe('lower(name)');
  });
});
