// The load balancer for bench/nodes.bench.sh, where no nginx or HAProxy is installed: a minimal
// node:net proxy that hands each new TCP connection to the next backend in turn (round robin) and
// copies bytes both ways. It is NOT a production balancer (no health checks, no retries, no
// HTTP awareness: a keep-alive connection stays on the node it first reached) and it costs
// throughput itself, being one more Node process copying every byte.
//
// Usage: node bench/tcp-balancer.mjs <port> <backend-port> [<backend-port> ...]
// Listens on 127.0.0.1 only; prints "listening <port>" once it does; exits on SIGTERM/SIGINT.
import net from 'node:net';

const [portArg, ...backendArgs] = process.argv.slice(2);
const port = Number(portArg);
const backends = backendArgs.map(Number);
if (!Number.isInteger(port) || backends.length === 0 || backends.some((backend) => !Number.isInteger(backend) || backend <= 0)) {
  console.error('usage: node bench/tcp-balancer.mjs <port> <backend-port> [<backend-port> ...]');
  process.exit(2);
}

let next = 0;
const sockets = new Set();
const server = net.createServer((client) => {
  const backendPort = backends[next++ % backends.length];
  const upstream = net.connect(backendPort, '127.0.0.1');
  client.setNoDelay(true);
  upstream.setNoDelay(true);
  for (const socket of [client, upstream]) {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
    // Either side failing ends both: the client sees a closed connection, as with a real balancer.
    socket.on('error', () => {
      client.destroy();
      upstream.destroy();
    });
  }
  client.pipe(upstream).pipe(client);
});

server.listen(port, '127.0.0.1', () => {
  const address = server.address();
  console.log(`listening ${typeof address === 'object' && address ? address.port : port}`);
});

const stop = () => {
  setTimeout(() => process.exit(0), 2000).unref();
  for (const socket of sockets) socket.destroy();
  server.close(() => process.exit(0));
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
