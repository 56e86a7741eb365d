// The yardstick for webhook ingest: a bare node:http server that reads the whole body and
// answers 200, nothing else. Prints `{"port":N}` once listening on 127.0.0.1.
import { createServer } from 'node:http';

const server = createServer((req, res) => {
  const chunks = [];
  req.on('data', (c) => chunks.push(c));
  req.on('end', () => {
    Buffer.concat(chunks);
    res.writeHead(200, { 'content-type': 'text/plain' });
    res.end('OK');
  });
});
server.listen(0, '127.0.0.1', () => process.stdout.write(`${JSON.stringify({ port: server.address().port })}\n`));
