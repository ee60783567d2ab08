import * as fs from 'node:fs';
import * as path from 'node:path';
import { getMetadataStorage, type ValidationTypes } from 'class-validator';
import type { ValidationMetadata } from 'class-validator/types/metadata/ValidationMetadata';
import { FIELD_RULES } from '../errors/field-errors';

const SRC = path.join(__dirname, '..', '..');
/** Validated classes that are not request bodies or queries. */
const NOT_REQUESTS = new Set([path.join(SRC, 'config', 'app-config.ts')]);

/** Every source file that declares class-validator rules, loaded so their metadata registers. */
function loadValidatedClasses(): string[] {
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (
        p.endsWith('.ts') &&
        !p.endsWith('.spec.ts') &&
        !NOT_REQUESTS.has(p) &&
        /from 'class-validator'/.test(fs.readFileSync(p, 'utf8'))
      )
        files.push(p);
    }
  };
  walk(SRC);
  // Loaded synchronously while the describe block is built, so the tests below see every class.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  for (const f of files) require(f);
  return files;
}

type Type = (typeof ValidationTypes)[keyof typeof ValidationTypes];
const CUSTOM: Type = 'customValidation';

/** The constraint name a metadata entry reports under (`matches`, `isDefined`, …). */
function nameOf(m: ValidationMetadata): string {
  if (m.type !== CUSTOM) return m.type;
  const constraint = getMetadataStorage().getTargetValidatorConstraints(m.constraintCls)[0];
  return constraint?.name ?? m.name ?? '?';
}

/**
 * Walks the metadata of every DTO class (class-validator's storage) and states the rules that
 * keep a malformed body from reaching a service: nested objects must be present-or-optional and
 * objects, every constraint has a project code, every pattern says its format in words.
 */
describe('every request DTO', () => {
  const files = loadValidatedClasses();
  const byClass = new Map<string, Map<string, ValidationMetadata[]>>();
  const storage = getMetadataStorage() as unknown as {
    validationMetadatas: Map<abstract new () => unknown, ValidationMetadata[]>;
  };
  for (const [target, list] of storage.validationMetadatas) {
    const props = new Map<string, ValidationMetadata[]>();
    for (const m of list) props.set(m.propertyName, [...(props.get(m.propertyName) ?? []), m]);
    byClass.set(target.name, props);
  }
  const targets = [...storage.validationMetadatas.keys()];

  it('finds the DTO files and classes', () => {
    expect(files.length).toBeGreaterThanOrEqual(9);
    expect(targets.length).toBeGreaterThan(30);
  });

  it('declares each nested object as required (@IsDefined) or @IsOptional, and as @IsObject', () => {
    const faults: string[] = [];
    for (const target of targets)
      for (const [prop, list] of byClass.get(target.name) ?? []) {
        const nested = list.find((m) => m.type === 'nestedValidation');
        if (!nested) continue;
        const has = (name: string, each = false) =>
          list.some((m) => nameOf(m) === name && Boolean(m.each) === each);
        const where = `${target.name}.${prop}`;
        // @IsArray refuses an absent list by itself; a single object needs @IsDefined.
        const required = has('isDefined') || (nested.each && has('isArray'));
        if (!required && !list.some((m) => m.type === 'conditionalValidation'))
          faults.push(`${where}: neither @IsDefined nor @IsOptional`);
        if (nested.each) {
          if (!has('isArray')) faults.push(`${where}: a nested list without @IsArray`);
          if (!has('isObject', true))
            faults.push(`${where}: a nested list without @IsObject({ each: true })`);
        } else if (!has('isObject')) faults.push(`${where}: a nested object without @IsObject`);
      }
    expect(faults).toEqual([]);
  });

  it('uses only constraints that have a project code and a Vietnamese message', () => {
    const handled = new Set([...Object.keys(FIELD_RULES), 'isLength', 'conditionalValidation']);
    const faults = targets.flatMap((target) =>
      [...(byClass.get(target.name) ?? [])].flatMap(([prop, list]) =>
        list
          .map(nameOf)
          .filter((n) => !handled.has(n))
          .map((n) => `${target.name}.${prop}: ${n}`),
      ),
    );
    expect(faults).toEqual([]);
  });

  it('states the format of every @Matches in words (context.format)', () => {
    const faults = targets.flatMap((target) =>
      [...(byClass.get(target.name) ?? [])].flatMap(([prop, list]) =>
        list
          .filter((m) => nameOf(m) === 'matches')
          .filter((m) => typeof (m.context as { format?: unknown })?.format !== 'string')
          .map(() => `${target.name}.${prop}`),
      ),
    );
    expect(faults).toEqual([]);
  });

  it('defines no method or accessor, so class-transformer drops only Object.prototype keys', () => {
    // class-transformer skips a plain key that names a function or getter of the DTO; the body
    // check refuses Object.prototype's keys, and this keeps that list complete.
    const faults = targets.flatMap((target) =>
      Object.getOwnPropertyNames(target.prototype)
        .filter((k) => k !== 'constructor')
        .map((k) => `${target.name}.${k}`),
    );
    expect(faults).toEqual([]);
  });
});
