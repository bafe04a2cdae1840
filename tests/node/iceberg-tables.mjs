// Drives the table routes of the platform's Iceberg REST catalog with the independent client iceberg-js (npm 1.0.0).
// Usage: node iceberg-tables.mjs <catalog-uri e.g. http://127.0.0.1:5000/catalogs/spark_catalog> <bearer-token>
// Prints one JSON object with what the client saw; exits 1 on any unexpected failure.
import { IcebergRestCatalog, IcebergError } from 'iceberg-js'

const [uri, token] = process.argv.slice(2)
if (!uri || !token) {
  console.error('usage: node iceberg-tables.mjs <catalog-uri> <token>')
  process.exit(2)
}
const warehouse = new URL(uri).pathname.split('/').filter(Boolean).pop()
const catalog = new IcebergRestCatalog({ baseUrl: uri, warehouse, auth: { type: 'bearer', token } })
const ns = [`jst_${Date.now().toString(36)}`]
const other = [`${ns[0]}_other`]
const id = (name, namespace = ns) => ({ namespace, name })

async function errorOf(action) {
  try {
    await action()
    return null
  } catch (e) {
    if (e instanceof IcebergError) return { status: e.status, type: e.icebergType ?? null }
    throw e
  }
}

const schema = {
  type: 'struct',
  'schema-id': 0,
  fields: [
    { id: 1, name: 'id', type: 'long', required: true },
    { id: 2, name: 'name', type: 'string', required: false },
  ],
}

const result = { ns }
try {
  await catalog.createNamespace({ namespace: ns })
  await catalog.createNamespace({ namespace: other })
  const created = await catalog.createTableResult({ namespace: ns }, {
    name: 'events', schema, properties: { owner: 'iceberg-js' },
    'partition-spec': { 'spec-id': 0, fields: [{ 'source-id': 1, 'field-id': 1000, name: 'id_bucket', transform: 'bucket[4]' }] },
  })
  result.createdEtag = created.etag
  result.createdLocation = created['metadata-location']
  result.createdFormatVersion = created.metadata['format-version']
  result.duplicate = await errorOf(() => catalog.createTable({ namespace: ns }, { name: 'events', schema }))
  await catalog.createTable({ namespace: ns }, { name: 'other_table', schema })

  const listed = await catalog.listTables({ namespace: ns })
  result.listed = listed.identifiers.map((t) => t.name).sort()
  const page1 = await catalog.listTables({ namespace: ns }, { pageSize: 1, pageToken: '' })
  result.page1 = page1.identifiers.map((t) => t.name)
  result.page1HasNext = Boolean(page1.nextPageToken)

  const loaded = await catalog.loadTableResult(id('events'))
  result.loadedLocation = loaded['metadata-location']
  result.notModified = (await catalog.loadTableResult(id('events'), { ifNoneMatch: loaded.etag })) === null
  result.exists = await catalog.tableExists(id('events'))
  result.existsMissing = await catalog.tableExists(id('nope'))

  const committed = await catalog.commitTable(id('events'), {
    requirements: [{ type: 'assert-current-schema-id', 'current-schema-id': 0 }],
    updates: [
      { action: 'add-schema', schema: { ...schema, 'schema-id': 1, fields: [...schema.fields, { id: 3, name: 'ts', type: 'timestamptz', required: false }] } },
      { action: 'set-current-schema', 'schema-id': -1 },
      { action: 'set-properties', updates: { 'commit.by': 'iceberg-js' } },
    ],
  })
  result.committedSchemaId = committed.metadata['current-schema-id']
  result.committedLocationChanged = committed['metadata-location'] !== loaded['metadata-location']
  result.modifiedAfterCommit = (await catalog.loadTableResult(id('events'), { ifNoneMatch: loaded.etag })) !== null
  result.staleCommit = await errorOf(() => catalog.commitTable(id('events'), {
    requirements: [{ type: 'assert-current-schema-id', 'current-schema-id': 0 }],
    updates: [{ action: 'set-properties', updates: { late: 'yes' } }],
  }))
  result.unknownAction = await errorOf(() => catalog.commitTable(id('events'), { requirements: [], updates: [{ action: 'do-magic' }] }))

  await catalog.renameTable({ source: id('events'), destination: id('renamed', other) })
  result.afterRenameOld = await catalog.tableExists(id('events'))
  result.afterRenameNew = await catalog.tableExists(id('renamed', other))
  result.renameMissing = await errorOf(() => catalog.renameTable({ source: id('events'), destination: id('x', other) }))

  const registered = await catalog.registerTableResult({ namespace: ns }, { name: 'registered', 'metadata-location': committed['metadata-location'] })
  result.registeredSchemaId = registered.metadata['current-schema-id']
  result.loadMissing = await errorOf(() => catalog.loadTable(id('nope')))

  await catalog.dropTable(id('renamed', other), { purge: false })
  await catalog.dropTable(id('registered'), { purge: true })
  await catalog.dropTable(id('other_table'))
  result.dropMissing = await errorOf(() => catalog.dropTable(id('other_table')))
  result.remaining = (await catalog.listTables({ namespace: ns })).identifiers.map((t) => t.name)
  await catalog.dropNamespace({ namespace: ns })
  await catalog.dropNamespace({ namespace: other })
  console.log(JSON.stringify(result))
} catch (e) {
  console.log(JSON.stringify({ ...result, failure: String(e?.message ?? e), status: e?.status ?? null, type: e?.icebergType ?? null }))
  process.exit(1)
}
