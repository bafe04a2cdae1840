// Drives the platform's Iceberg REST catalog with the independent client iceberg-js (npm 1.0.0).
// Usage: node iceberg-namespaces.mjs <catalog-uri e.g. http://127.0.0.1:5000/catalogs/spark_catalog> <bearer-token>
// Prints one JSON object with what the client saw; exits 1 on any unexpected failure.
import { IcebergRestCatalog, IcebergError } from 'iceberg-js'

const [uri, token] = process.argv.slice(2)
if (!uri || !token) {
  console.error('usage: node iceberg-namespaces.mjs <catalog-uri> <token>')
  process.exit(2)
}
const warehouse = new URL(uri).pathname.split('/').filter(Boolean).pop()
const catalog = new IcebergRestCatalog({ baseUrl: uri, warehouse, auth: { type: 'bearer', token } })
const top = `js_${Date.now().toString(36)}`
const names = (list) => list.namespaces.map((n) => n.namespace.join('.')).sort()

async function errorOf(action) {
  try {
    await action()
    return null
  } catch (e) {
    if (e instanceof IcebergError) return { status: e.status, type: e.icebergType ?? null }
    throw e
  }
}

const result = { warehouse, top }
try {
  await catalog.createNamespace({ namespace: [top] }, { properties: { owner: 'iceberg-js', stage: 'test' } })
  await catalog.createNamespace({ namespace: [top, 'child_a'] })
  await catalog.createNamespace({ namespace: [top, 'child_b'] }, { properties: { k: 'v' } })
  await catalog.createNamespace({ namespace: [top, 'child_a', 'deep'] })
  result.duplicateCreate = await errorOf(() => catalog.createNamespace({ namespace: [top] }))

  result.topLevelContainsTop = names(await catalog.listNamespaces()).includes(top)
  result.children = names(await catalog.listNamespaces({ parent: { namespace: [top] } }))
  result.grandChildren = names(await catalog.listNamespaces({ parent: { namespace: [top, 'child_a'] } }))
  const page1 = await catalog.listNamespaces({ parent: { namespace: [top] }, pageSize: 1, pageToken: '' })
  const page2 = await catalog.listNamespaces({ parent: { namespace: [top] }, pageSize: 1, pageToken: page1.nextPageToken })
  result.pages = [names(page1), names(page2), page2.nextPageToken ?? null]

  result.loaded = (await catalog.loadNamespaceMetadata({ namespace: [top] })).properties
  result.exists = await catalog.namespaceExists({ namespace: [top, 'child_a', 'deep'] })
  result.existsMissing = await catalog.namespaceExists({ namespace: [top, 'nope'] })
  result.update = await catalog.updateNamespaceProperties({ namespace: [top] }, { updates: { owner: 'someone' }, removals: ['stage', 'absent'] })
  result.afterUpdate = (await catalog.loadNamespaceMetadata({ namespace: [top] })).properties
  result.loadMissing = await errorOf(() => catalog.loadNamespaceMetadata({ namespace: [top, 'nope'] }))
  result.dropNonEmpty = await errorOf(() => catalog.dropNamespace({ namespace: [top] }))

  await catalog.dropNamespace({ namespace: [top, 'child_a', 'deep'] })
  await catalog.dropNamespace({ namespace: [top, 'child_a'] })
  await catalog.dropNamespace({ namespace: [top, 'child_b'] })
  await catalog.dropNamespace({ namespace: [top] })
  result.existsAfterDrop = await catalog.namespaceExists({ namespace: [top] })
  console.log(JSON.stringify(result))
} catch (e) {
  console.log(JSON.stringify({ ...result, failure: String(e?.message ?? e), status: e?.status ?? null, type: e?.icebergType ?? null }))
  process.exit(1)
}
