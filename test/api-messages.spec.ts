import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';

/**
 * Every text the API can answer a person with (error messages and details, warnings, reasons, report
 * and rundown pages) is written in Vietnamese as an officer reads it: no English word in brackets
 * ("(queued)", "(editor)"), and numbers with a decimal comma ("8,4", through viNumber in text.ts).
 *
 * The texts are found in the source: every string and template literal with a Vietnamese letter,
 * outside the API documentation (decorators), logs and start-up errors, which speak to developers and
 * administrators. A value put into a text is checked by what it is: one in brackets must not be a
 * code (a status, a role, a constraint's English), a number with a fraction must go through viNumber.
 */

const SRC = join(process.cwd(), 'src');
const VIETNAMESE = /[àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ]/i;

/** Calls whose texts are not answers: logs, console, start-up configuration errors, the API document. */
const NOT_ANSWERS =
  /(^|\.)(logger|Logger|console)\.|^(ConfigError|setDescription|setTitle)$|\.(log|warn|debug|verbose)$/;

/** Technical terms an officer meets on the equipment itself, welcome in brackets. */
const TERMS = new Set(['mp3', 'm4a', 'wav', 'url', 'kb', 'mb', 'lufs', 'dbtp', 'icecast']);

/** Interpolated values known to be Vietnamese or numbers, though they sit in brackets. */
const VIETNAMESE_VALUES =
  /LABELS\[|format\w*\(|viNumber\(|describe\w*\(|zoneName\(|\.name\b|\.length\b|\.slice\(|query\.(from|to)\b|from\.slice/;

/** A value in brackets that is a code: a status, a role, a result, an English message, an error code. */
const CODE_VALUE =
  /^[\w.?[\]]*?(status|code|kind|role|result|driver|priority|level|action|english|sqlite|^r)$/i;

/** A number computed in the text (a division, toFixed) … */
const RAW_DECIMAL = /toFixed\(|toPrecision\(|[\w)\]] \/ [\w(]/;
/** … that does not go through a formatter writing a decimal comma (viNumber, or one built on it). */
const FORMATTED = /^(viNumber|lengthInWords|Math\.(round|floor|ceil))\(/;

/** Texts for the administrator setting up the server, where a shell command in brackets helps. */
const FOR_ADMINISTRATORS = ['src/media/ffmpeg-binaries.ts'];

interface Text {
  where: string;
  /** The literal with every interpolation written `${n}`, n its place in `values`. */
  text: string;
  /** The interpolated expressions, as written. */
  values: string[];
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'cli' ? [] : sourceFiles(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.spec.ts') ? [path] : [];
  });
}

function isAnswer(node: ts.Node): boolean {
  for (let at: ts.Node | undefined = node.parent; at; at = at.parent) {
    if (ts.isDecorator(at)) return false;
    if ((ts.isCallExpression(at) || ts.isNewExpression(at)) && NOT_ANSWERS.test(at.expression.getText()))
      return false;
  }
  return true;
}

function textsOf(file: string): Text[] {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
  const texts: Text[] = [];
  const visit = (node: ts.Node): void => {
    let found: Omit<Text, 'where'> | undefined;
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node))
      found = { text: node.text, values: [] };
    else if (ts.isTemplateExpression(node)) {
      const values = node.templateSpans.map((span) => span.expression.getText());
      found = {
        text: node.head.text + node.templateSpans.map((s, i) => `\${${i}}${s.literal.text}`).join(''),
        values,
      };
    }
    // Vietnamese text, or text built from a table of Vietnamese labels.
    const isText = found && (VIETNAMESE.test(found.text) || found.values.some((v) => /LABELS\[/.test(v)));
    if (found && isText && isAnswer(node)) {
      const line = source.getLineAndCharacterOfPosition(node.getStart()).line + 1;
      texts.push({ where: `${relative(process.cwd(), file)}:${line}`, ...found });
    }
    // Only the outermost template: a nested one is read as a value of its parent.
    if (!ts.isTemplateExpression(node)) ts.forEachChild(node, visit);
    else node.templateSpans.forEach((span) => ts.forEachChild(span.expression, visit));
  };
  visit(source);
  return texts;
}

/** English words in brackets, written in the text or put in as a code. */
function englishInBrackets({ text, values }: Text): string[] {
  const problems: string[] = [];
  for (const [, inside] of text.matchAll(/\(([^()]*)\)/g)) {
    const words = inside.replace(/\$\{\d+\}/g, ' ').match(/[A-Za-z_]+/g) ?? [];
    if (!VIETNAMESE.test(inside) && words.some((w) => /^[a-z_]{3,}$/.test(w) && !TERMS.has(w)))
      problems.push(`(${inside})`);
    for (const [, n] of inside.matchAll(/\$\{(\d+)\}/g)) {
      const value = values[Number(n)];
      if (CODE_VALUE.test(value.trim()) && !VIETNAMESE_VALUES.test(value)) problems.push(`(\${${value}})`);
    }
  }
  return problems;
}

/** Numbers written with a decimal point, or computed into the text without viNumber. */
function decimalPoints({ text, values }: Text): string[] {
  const prose = text.replace(/<style>[^]*?<\/style>/g, ' ').replace(/\$\{\d+\}/g, ' ');
  const written = [...prose.matchAll(/\d+\.\d+(\.\d+)*/g)]
    .filter(([match, more]) => !more && !/^\d+\.0*$/.test(match)) // 10.0.0.5 is an address
    .map(([match]) => match);
  const computed = values.filter((v) => RAW_DECIMAL.test(v) && !FORMATTED.test(v));
  return [...written, ...computed.map((v) => `\${${v}}`)];
}

const texts = sourceFiles(SRC).flatMap(textsOf);

describe('the messages the API answers people with', () => {
  it('are found in the source (error messages, warnings, report pages)', () => {
    expect(texts.length).toBeGreaterThan(200);
    expect(texts.some((t) => t.text === 'Không tìm thấy ${0} có mã ${1}.')).toBe(true);
  });

  it('put no English word in brackets', () => {
    const found = texts
      .filter((t) => !FOR_ADMINISTRATORS.some((file) => t.where.startsWith(`${file}:`)))
      .flatMap((t) => englishInBrackets(t).map((p) => `${t.where} ${p}`));
    expect(found).toEqual([]);
  });

  it('write numbers with a decimal comma', () => {
    const found = texts.flatMap((t) => decimalPoints(t).map((p) => `${t.where} ${p}`));
    expect(found).toEqual([]);
  });

  // The checks themselves, on the mistakes they are there to catch.
  it.each([
    ['Âm thanh chưa sẵn sàng (queued).', [], ['(queued)']],
    ['Cần ${0} (${1}).', ['ROLE_LABELS[r]', 'r'], ['(${r})']],
    ['Trường "${0}" không hợp lệ (${1}).', ['field', 'english'], ['(${english})']],
    ['Chưa xử lý xong (${0}).', ['ASSET_STATUS_LABELS[s] ?? s'], []],
    ['Tệp lớn quá (MP3, M4A).', [], []],
  ])('brackets: %s', (text, values, expected) => {
    expect(englishInBrackets({ where: '', text, values })).toEqual(expected);
  });

  it.each([
    ['Dài 7.5 phút.', [], ['7.5']],
    ['Đỉnh ${0} dBTP.', ['peak.toFixed(1)'], ['${peak.toFixed(1)}']],
    ['Tệp ${0} KB.', ['size / 1024'], ['${size / 1024}']],
    ['Đỉnh ${0} dBTP, máy 10.0.0.5.', ['viNumber(peak)'], []],
  ])('decimals: %s', (text, values, expected) => {
    expect(decimalPoints({ where: '', text, values })).toEqual(expected);
  });
});
