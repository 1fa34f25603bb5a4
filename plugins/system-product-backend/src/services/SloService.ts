import { BackstageCredentials } from '@backstage/backend-plugin-api';
import { CompoundEntityRef } from '@backstage/catalog-model';
import { EntityAccess } from './EntityAccess';
import { SloFile, SloFileReader } from '../slo/SloFileReader';

/** SLO definitions of an entity, from its OpenSLO file. */
export class SloService {
  constructor(
    private readonly files: SloFileReader,
    private readonly access: EntityAccess,
  ) {}

  async listDefinitions(
    ref: CompoundEntityRef,
    credentials: BackstageCredentials,
  ): Promise<SloFile> {
    const entity = await this.access.getVisibleEntity(ref, credentials);
    return this.files.read(entity);
  }
}
