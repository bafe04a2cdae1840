// Reads an Iceberg table with the independent reader icebird (npm 0.3.1, built on hyparquet).
// Usage: node icebird-read.mjs <metadata.json path or file:// URL>
// Prints one JSON object {rows: [...]} for the table's current snapshot: BigInt values as strings,
// dates and timestamps as ISO-8601 strings, byte arrays as base64. Exits 1 on any failure.
//
// icebird fetches everything through the global fetch, and Node's fetch rejects file:// URLs, so a
// small shim serves file:// from disk (honouring a Range header with 206, as hyparquet asks for).
import { readFile } from 'node:fs/promises'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { icebergRead } from 'icebird'

const [target] = process.argv.slice(2)
if (!target) {
  console.error('usage: node icebird-read.mjs <metadata.json path or file:// URL>')
  process.exit(2)
}

const networkFetch = globalThis.fetch
globalThis.fetch = async (input, init) => {
  const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url
  if (!url.startsWith('file:')) return networkFetch(input, init)
  let body
  try {
    body = await readFile(fileURLToPath(url))
  } catch (e) {
    return new Response(String(e.message), { status: 404, statusText: 'Not Found' })
  }
  const size = body.length
  if (init?.method === 'HEAD') {
    return new Response(null, { status: 200, headers: { 'Content-Length': String(size) } })
  }
  const range = new Headers(init?.headers).get('Range')
  const match = range && /^bytes=(\d+)-(\d*)$/.exec(range)
  if (match) {
    const start = Number(match[1])
    const end = match[2] === '' ? size - 1 : Math.min(Number(match[2]), size - 1)
    const slice = body.subarray(start, end + 1)
    return new Response(slice, {
      status: 206,
      headers: { 'Content-Length': String(slice.length), 'Content-Range': `bytes ${start}-${end}/${size}` },
    })
  }
  return new Response(body, { status: 200, headers: { 'Content-Length': String(size) } })
}

function toJson(key, value) {
  if (typeof value === 'bigint') return value.toString()
  if (value instanceof Uint8Array) return { base64: Buffer.from(value).toString('base64') }
  return value
}

try {
  const metadataUrl = target.startsWith('file:') ? target : pathToFileURL(target).href
  const metadata = JSON.parse(await (await globalThis.fetch(metadataUrl)).text())
  const rows = await icebergRead({ tableUrl: metadata.location, metadata })
  // Date.prototype.toJSON already yields ISO-8601 in UTC.
  console.log(JSON.stringify({ snapshot: String(metadata['current-snapshot-id']), rows }, toJson))
} catch (e) {
  console.error(e?.stack ?? String(e))
  process.exit(1)
}
