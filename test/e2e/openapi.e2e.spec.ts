import { createTestApp, type TestApp } from '../helpers/test-app';

interface Operation {
  summary?: string;
  responses?: Record<string, { content?: Record<string, { schema?: { $ref?: string } }> }>;
}
interface OpenApi {
  paths: Record<string, Record<string, Operation>>;
  components: { securitySchemes: Record<string, Record<string, unknown>> };
}

const METHODS = ['get', 'post', 'put', 'patch', 'delete'];
const ERROR_BODY = '#/components/schemas/ErrorBodyDto';

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

  it('documents the one error body on every operation (4XX and 5XX)', () => {
    const without = operations()
      .filter(({ op }) =>
        ['4XX', '5XX'].some(
          (status) =>
            op.responses?.[status]?.content?.['application/json']?.schema?.$ref !== ERROR_BODY,
        ),
      )
      .map(({ name }) => name);
    expect(without).toEqual([]);
  });

  it('describes the bearer scheme as an opaque session token, not a JWT', () => {
    const bearer = spec.components.securitySchemes.bearer!;
    expect(bearer).toMatchObject({ type: 'http', scheme: 'bearer' });
    expect(bearer.bearerFormat).toBeUndefined();
    expect(bearer.description).toMatch(/không phải JWT/);
  });
});
