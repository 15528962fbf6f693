import { startEmbeddedMongo, type EmbeddedMongo } from '../../src/storage/embedded-mongo.js';

/**
 * A MongoDB for integration tests: the real server named by TEST_MONGODB_URI when set (real
 * MongoDB semantics, unique indexes and all), else the embedded in-memory wire server.
 */
export async function testMongo(
  database: string,
): Promise<{ uri: string; stop(): Promise<void>; embedded: boolean }> {
  const real = process.env.TEST_MONGODB_URI;
  if (real) {
    const url = new URL(real);
    url.pathname = `/${database}-${Date.now()}`;
    return { uri: url.toString(), stop: () => Promise.resolve(), embedded: false };
  }
  const server: EmbeddedMongo = await startEmbeddedMongo({ database });
  return { uri: server.uri, stop: () => server.stop(), embedded: true };
}
