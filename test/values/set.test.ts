import { UserError } from '../../lib';
import { parseSet } from '../../lib/values/set';

describe('--set syntax', () => {
  test('nested keys, several assignments, list items and lists', () => {
    expect(parseSet('a.b=c')).toEqual({ a: { b: 'c' } });
    expect(parseSet('a=1,b.c=two')).toEqual({ a: 1, b: { c: 'two' } });
    expect(parseSet('servers[0].port=80,servers[1].port=81')).toEqual({ servers: [{ port: 80 }, { port: 81 }] });
    expect(parseSet('names={x,y,z}')).toEqual({ names: ['x', 'y', 'z'] });
    expect(parseSet('names={}')).toEqual({ names: [] });
    expect(parseSet('matrix[1][0]=a')).toEqual({ matrix: [null, ['a']] });
  });

  test('escaped dots in keys and escaped commas in values', () => {
    expect(parseSet('nodeSelector.kubernetes\\.io/os=linux')).toEqual({ nodeSelector: { 'kubernetes.io/os': 'linux' } });
    expect(parseSet('a=x\\,y')).toEqual({ a: 'x,y' });
    expect(parseSet('a={x\\,y,z}')).toEqual({ a: ['x,y', 'z'] });
    expect(parseSet('url=http://h/?q\\=1')).toEqual({ url: 'http://h/?q=1' });
  });

  test("without a schema, Helm's guesses: whole numbers, booleans, null; the rest strings", () => {
    expect(parseSet('a=3,b=true,c=false,d=null,e=0777,f=1.5,g=,h=-2')).toEqual({ a: 3, b: true, c: false, d: null, e: '0777', f: '1.5', g: '', h: -2 });
  });

  test("Helm's typedVal exactly: case-insensitive words, base-10 int64 with an optional sign, no leading zero", () => {
    expect(parseSet('a=TRUE,b=False,c=NULL,d=0,e=+5,f=-05,g=0x10,h=0b11,i= 3,j=1e3,k=1_000,l=00,m=-0')).toEqual({
      a: true, b: false, c: null, d: 0, e: 5, f: -5, g: '0x10', h: '0b11', i: ' 3', j: '1e3', k: '1_000', l: '00', m: 0,
    });
    // a whole number JavaScript cannot hold exactly stays a string instead of changing
    expect(parseSet('big=9223372036854775807')).toEqual({ big: '9223372036854775807' });
  });

  test('a number field takes a decimal number only: no hex, binary, octal or spaces', () => {
    const kindAt = () => 'number' as const;
    expect(parseSet('a=0x10,b=0b11,c= 3,d=0o7,e=Infinity,f=1.5,g=-2e3,h=010', kindAt)).toEqual({ a: '0x10', b: '0b11', c: ' 3', d: '0o7', e: 'Infinity', f: 1.5, g: -2000, h: '010' });
  });

  test('an unclosed list is an error, not a literal', () => {
    expect(() => parseSet('tags={a,b')).toThrow(new UserError('--set tags=…: the list is not closed: end it with "}", such as tags={a,b}'));
    // the whole expression is named, as in every --set message, also when more assignments follow
    expect(() => parseSet('tags={a}x,b=1')).toThrow(new UserError('--set tags=…,b=…: the list is not closed: end it with "}", such as tags={a,b}'));
  });

  test('messages show the paths of a --set, never its values, and cut long ones', () => {
    const secret = 'S3cr3t!' + 'x'.repeat(100_000);
    for (const expression of [`dbPassword=${secret},b`, `dbPassword[x]=${secret}`, `a=1,dbPassword=${secret}.z,x`, `dbPassword={${secret}`]) {
      let message = '';
      try {
        parseSet(expression);
      } catch (err) {
        message = (err as Error).message;
      }
      expect(message).not.toBe('');
      expect(message).not.toContain('S3cr3t');
      expect(message.length).toBeLessThan(300);
    }
    expect(() => parseSet(`${'k'.repeat(1000)}`)).toThrow(/k{80}… \(1,000 characters\)/);
  });

  test('with a schema, the type at the path decides', () => {
    const kinds: Record<string, any> = { count: 'integer', ratio: 'number', mode: 'string', on: 'boolean', tags: 'array' };
    const kindAt = (p: readonly (string | number)[]) => (p[0] === 'tags' && p.length === 2 ? 'string' : kinds[p.join('.')] ?? 'unknown');
    expect(parseSet('count=3,ratio=1.5,mode=0777,on=true', kindAt)).toEqual({ count: 3, ratio: 1.5, mode: '0777', on: true });
    expect(parseSet('mode=true', kindAt)).toEqual({ mode: 'true' });
    expect(parseSet('count=many', kindAt)).toEqual({ count: 'many' }); // left for validation to report
    expect(parseSet('tags={1,2}', kindAt)).toEqual({ tags: ['1', '2'] });
  });

  test('malformed expressions are errors that show the expected form', () => {
    expect(() => parseSet('novalue')).toThrow(new UserError('--set novalue: "novalue" is not of the form path=value, such as image.tag=1.2.3'));
    expect(() => parseSet('=x')).toThrow('is not of the form path=value');
    expect(() => parseSet('a..b=1')).toThrow('"a..b" is not a values path');
    expect(() => parseSet('a=1,b')).toThrow(new UserError('--set a=…,…: part 2 is not of the form path=value, such as image.tag=1.2.3 (a comma inside a value is written \\,)'));
    expect(() => parseSet('a[x]=1')).toThrow('is not a values path');
  });
});
