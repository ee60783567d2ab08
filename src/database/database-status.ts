import { Injectable } from '@nestjs/common';

/**
 * What the start-up work (the app layer's `DatabaseLifecycle`) found, for providers that must wait
 * for it: the schema is checked and migrated, and whether this start loaded the reference data.
 */
@Injectable()
export class DatabaseStatus {
  /** True once the schema is checked and migrated (providers that read tables at start check it). */
  migrated = false;
  /** True when this start found an empty database and loaded the reference data into it. */
  seededThisBoot = false;
}
