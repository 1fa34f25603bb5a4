import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import YAML from 'yaml';
import { spec } from './openapi.generated';

describe('OpenAPI document', () => {
  it('is what scripts/generate-openapi.mjs makes of openapi.yaml', () => {
    const yaml = YAML.parse(
      readFileSync(join(__dirname, 'openapi.yaml'), 'utf8'),
    );
    expect(spec).toEqual(yaml);
  });
});
