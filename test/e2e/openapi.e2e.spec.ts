import * as fs from 'node:fs';
import * as path from 'node:path';
import type { ErrorDef } from '../../src/common/errors/app-error';
import { createTestApp, type TestApp } from '../helpers/test-app';

interface Example {
  summary?: string;
  value?: { statusCode?: number; code?: string; message?: string; details?: unknown[] };
}
interface Response {
  content?: Record<
    string,
    { schema?: Schema; example?: unknown; examples?: Record<string, Example> }
  >;
}
interface Operation {
  summary?: string;
  responses?: Record<string, Response>;
}
interface Schema {
  $ref?: string;
  allOf?: Schema[];
  oneOf?: Schema[];
  items?: Schema;
  type?: string;
  enum?: unknown[];
  format?: string;
  example?: unknown;
  properties?: Record<string, Schema>;
}
interface OpenApi {
  paths: Record<string, Record<string, Operation>>;
  components: {
    securitySchemes: Record<string, Record<string, unknown>>;
    schemas: Record<string, Schema>;
  };
}

const METHODS = ['get', 'post', 'put', 'patch', 'delete'];
const ERROR_BODY = '#/components/schemas/ErrorBodyDto';

/**
 * The DTOs an integrator reads and writes most: units, blocs and their years, criteria, score
 * lines, sheets and the ranking, meetings, ballots and their counts, electronic voting, documents,
 * accounts, awards, the audit log, nominations, and the error body.
 */
const MAIN_DTOS = [
  'ErrorBodyDto',
  'UnitDto',
  'CreateUnitDto',
  'UnitPageDto',
  'BlocDto',
  'CreateBlocDto',
  'TermDto',
  'CreateTermDto',
  'CriteriaSetDto',
  'CriterionDto',
  'CriteriaGroupDto',
  'ScoreLineInputDto',
  'ScoreLineDto',
  'EvidenceDto',
  'TotalsDto',
  'ScoreSheetDto',
  'PhaseDto',
  'AdvancePhaseDto',
  'RankingEntryDto',
  'RankingDto',
  'CreateMeetingDto',
  'AttendanceRowDto',
  'CreateBallotDto',
  'CountsDto',
  'NomineeCountDto',
  'EntryDto',
  'CreateNominationDto',
  'NominationDto',
  'EligibilityDto',
  'CouncilVoteDto',
  'DecisionDto',
  'MeetingViewDto',
  'BallotViewDto',
  'ElectronicSummaryDto',
  'CorrectionRequestViewDto',
  'ElectronicStatusDto',
  'ReceiptDto',
  'GeneratedDocumentDto',
  'UserViewDto',
  'AwardDto',
  'AwardImportReportDto',
  'AuditEntryDto',
  'NominationSuggestionsDto',
];

/** Every coded error the app defines: CommonErrors and each feature's <feature>.errors.ts. */
async function errorDefinitions(): Promise<ErrorDef[]> {
  const src = path.join(__dirname, '..', '..', 'src');
  const files = (fs.readdirSync(src, { recursive: true }) as string[])
    .filter((f) => f.endsWith('.errors.ts'))
    .map((f) => path.join(src, f));
  files.push(path.join(src, 'common', 'errors', 'app-error.ts'));
  const isDef = (v: unknown): v is ErrorDef =>
    typeof v === 'object' && v !== null && 'code' in v && 'kind' in v && 'message' in v;
  const modules = await Promise.all(
    files.map((f) => import(f) as Promise<Record<string, unknown>>),
  );
  return modules.flatMap((m) =>
    Object.values(m)
      .filter((group): group is Record<string, unknown> => typeof group === 'object' && !!group)
      .flatMap((group) => Object.values(group).filter(isDef)),
  );
}

/** Issue 15 item 11: the OpenAPI document serves integrators, operation by operation. */
describe('OpenAPI document', () => {
  let t: TestApp;
  let spec: OpenApi;

  beforeAll(async () => {
    t = await createTestApp();
    spec = (await t.http().get('/api/docs-json').expect(200)).body as OpenApi;
  });
  afterAll(() => t.close());

  const operations = (): { name: string; op: Operation }[] =>
    Object.entries(spec.paths).flatMap(([path, item]) =>
      Object.entries(item)
        .filter(([method]) => METHODS.includes(method))
        .map(([method, op]) => ({ name: `${method.toUpperCase()} ${path}`, op })),
    );

  it('documents every API route', () => {
    expect(operations().length).toBeGreaterThan(100);
  });

  it('gives every operation a Vietnamese summary', () => {
    const without = operations()
      // Vietnamese: with its diacritics (every summary has at least one).
      .filter(({ op }) => !op.summary || !/[^ -~]/.test(op.summary))
      .map(({ name }) => name);
    expect(without).toEqual([]);
  });

  it('documents the one error body on every operation (4XX and 5XX), with examples', () => {
    const without = operations()
      .filter(({ op }) =>
        ['4XX', '5XX'].some((status) => {
          const json = op.responses?.[status]?.content?.['application/json'];
          return json?.schema?.$ref !== ERROR_BODY || Object.keys(json.examples ?? {}).length === 0;
        }),
      )
      .map(({ name }) => name);
    expect(without).toEqual([]);
  });

  it('documents the success response of every operation (2XX, or 3XX for a redirect)', () => {
    const without = operations()
      .filter(({ op }) => !Object.keys(op.responses ?? {}).some((status) => /^[23]/.test(status)))
      .map(({ name }) => name);
    expect(without).toEqual([]);
  });

  it('gives every success body (2XX but 204) a schema or an example: JSON or a binary file', () => {
    // A schema says something when it names a class, lists fields or items that do, or is a file.
    const described = (schema: Schema | undefined): boolean =>
      !!schema &&
      (!!schema.$ref ||
        !!schema.oneOf?.every(described) ||
        !!schema.allOf?.every(described) ||
        (schema.type === 'array' && described(schema.items)) ||
        (schema.type === 'object' && Object.keys(schema.properties ?? {}).length > 0) ||
        (schema.type === 'string' && schema.format === 'binary'));
    const without = operations().flatMap(({ name, op }) =>
      Object.entries(op.responses ?? {})
        .filter(([status]) => status.startsWith('2') && status !== '204')
        .flatMap(([status, response]) => {
          const media = Object.entries(response.content ?? {});
          if (media.length === 0) return [`${name} ${status}: no body`];
          return media
            .filter(([type, m]) =>
              type === 'application/json'
                ? !described(m.schema) && m.example === undefined && !m.examples
                : m.schema?.type !== 'string' || m.schema.format !== 'binary',
            )
            .map(([type]) => `${name} ${status} ${type}`);
        }),
    );
    expect(without).toEqual([]);
  });

  it('shows real coded errors in Vietnamese as the error examples', async () => {
    const defs = await errorDefinitions();
    expect(defs.length).toBeGreaterThan(100);
    const op = operations()[0]!.op;
    const examples = ['4XX', '5XX'].flatMap((status) =>
      Object.values(op.responses![status]!.content!['application/json']!.examples!).map((e) => ({
        status,
        ...e.value,
      })),
    );
    expect(examples.map((e) => e.statusCode)).toEqual(
      expect.arrayContaining([400, 401, 403, 404, 409, 422, 503]),
    );
    for (const e of examples) {
      expect(String(e.statusCode)[0]).toBe(e.status[0]);
      const def = defs.find((d) => d.code === e.code);
      expect({ code: e.code, defined: !!def }).toEqual({ code: e.code, defined: true });
      // The message is the definition's, sometimes followed by the first detail's.
      expect(e.message!.startsWith(def!.message)).toBe(true);
      expect(e.message).toMatch(/[^ -~]/);
      expect(Array.isArray(e.details)).toBe(true);
    }
  });

  it('gives the main DTOs an example for every plain field', () => {
    const schemas = spec.components.schemas;
    const isRef = (s: Schema): boolean =>
      !!s.$ref || !!s.allOf?.some(isRef) || !!s.oneOf?.some(isRef) || (!!s.items && isRef(s.items));
    const missing = MAIN_DTOS.flatMap((name) => {
      const schema = schemas[name];
      if (!schema) return [`${name} (not in the document)`];
      return Object.entries(schema.properties ?? {})
        .filter(([, p]) => !isRef(p) && p.example === undefined)
        .map(([field]) => `${name}.${field}`);
    });
    expect(missing).toEqual([]);
  });

  it('describes the bearer scheme as an opaque session token, not a JWT', () => {
    const bearer = spec.components.securitySchemes.bearer!;
    expect(bearer).toMatchObject({ type: 'http', scheme: 'bearer' });
    expect(bearer.bearerFormat).toBeUndefined();
    expect(bearer.description).toMatch(/không phải JWT/);
  });
});
