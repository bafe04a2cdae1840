'use strict';
// Runs s3rver for the .NET test fixtures (tests/Iomete.Testing/S3rverServer.cs) and exits as soon
// as the test process that started it is gone, even when that process was killed before it could
// stop this one; then it deletes its folder. Usage: node s3rver-for-tests.js <owner-pid> <folder> <bucket>
// (objects are kept in <folder>/data).
const fs = require('fs');
const path = require('path');
const S3rver = require('s3rver');

const [ownerPid, folder, bucket] = process.argv.slice(2);
if (!ownerPid || !folder || !bucket) {
  console.error('usage: node s3rver-for-tests.js <owner-pid> <folder> <bucket>');
  process.exit(2);
}
const directory = path.join(folder, 'data');
fs.mkdirSync(directory, { recursive: true });

setInterval(() => {
  try {
    process.kill(Number(ownerPid), 0);
  } catch (err) {
    if (err.code === 'ESRCH') {
      fs.rmSync(folder, { recursive: true, force: true });
      process.exit(0);
    }
  }
}, 500);

new S3rver({
  directory,
  address: '127.0.0.1',
  port: 0,
  silent: true,
  configureBuckets: [{ name: bucket, configs: [] }],
})
  .run()
  .then(({ address, port }) => console.log('S3rver listening on %s:%d', address, port))
  .catch(err => {
    console.error(err);
    process.exit(1);
  });
