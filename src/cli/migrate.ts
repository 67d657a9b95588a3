import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { ConfigError, loadConfig, readDotEnv } from '../config/config.js';
import { dataSourceOptions } from '../database/data-source-options.js';

/** `npm run migration:run`: applies pending migrations to DATABASE_PATH and lists what it did. */
readDotEnv();
try {
  const config = loadConfig();
  const dataSource = new DataSource({
    ...dataSourceOptions(config.databasePath),
    migrationsRun: false,
    logging: ['error'],
  });
  await dataSource.initialize();
  const applied = await dataSource.runMigrations({ transaction: 'each' });
  console.log(
    applied.length
      ? `Applied ${applied.length} migration(s) to ${config.databasePath}: ${applied.map((m) => m.name).join(', ')}`
      : `${config.databasePath} is up to date.`,
  );
  await dataSource.destroy();
} catch (error) {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
}
