import { spawn, type ChildProcess } from 'node:child_process';
import net from 'node:net';
import { delay } from './node-process.js';

/**
 * Servers a fault test may break at will: its own redis-server (never the shared one) and a TCP
 * proxy in front of PostgreSQL, so "the database went away" is one call and the shared server
 * other tests use keeps running.
 */
const redisServers = new Set<ChildProcess>();
// Whatever a failing test left running dies with the test process.
process.once('exit', () => {
  for (const child of redisServers) {
    try {
      if (child.pid !== undefined && child.exitCode === null) process.kill(-child.pid, 'SIGKILL');
    } catch {
      // Already gone.
    }
  }
});

export class ThrowawayRedis {
  private child: ChildProcess | undefined;

  constructor(readonly port: number) {}

  get url(): string {
    return `redis://127.0.0.1:${this.port}`;
  }

  /** Starts an empty Redis without persistence: a restart loses everything, as the fault test wants. */
  async start(): Promise<void> {
    const child = spawn('redis-server', ['--port', String(this.port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], {
      detached: true,
      stdio: 'ignore',
    });
    this.child = child;
    redisServers.add(child);
    child.once('exit', () => redisServers.delete(child));
    for (let attempt = 0; !(await answersPing(this.port)); attempt++) {
      if (child.exitCode !== null || attempt > 100) throw new Error(`redis-server did not start on port ${this.port}`);
      await delay(50);
    }
  }

  /** SIGKILL, as a crash: no goodbye to the clients. */
  async kill(): Promise<void> {
    const child = this.child;
    this.child = undefined;
    if (!child || child.exitCode !== null || child.signalCode !== null || child.pid === undefined) return;
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    try {
      process.kill(-child.pid, 'SIGKILL');
    } catch {
      child.kill('SIGKILL');
    }
    await exited;
  }
}

function answersPing(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1');
    socket.setTimeout(500);
    socket.once('connect', () => socket.write('PING\r\n'));
    socket.once('data', (data) => {
      socket.destroy();
      resolve(data.toString().startsWith('+PONG'));
    });
    socket.once('error', () => resolve(false));
    socket.once('timeout', () => {
      socket.destroy();
      resolve(false);
    });
  });
}

/** Forwards 127.0.0.1:<port> to a target; `cut()` drops every connection and refuses new ones. */
export class TcpProxy {
  private server: net.Server | undefined;
  private readonly sockets = new Set<net.Socket>();

  constructor(
    readonly port: number,
    private readonly target: { host: string; port: number },
  ) {}

  /** While set, new connections are accepted and then left unanswered, as a host that hangs. */
  private stalled = false;
  private readonly held = new Set<net.Socket>();

  async open(): Promise<void> {
    const server = net.createServer((client) => {
      if (this.stalled) {
        this.held.add(client);
        client.on('error', () => {});
        client.once('close', () => this.held.delete(client));
        return;
      }
      const upstream = net.connect(this.target.port, this.target.host);
      for (const socket of [client, upstream]) {
        this.sockets.add(socket);
        socket.once('close', () => this.sockets.delete(socket));
        socket.on('error', () => {
          client.destroy();
          upstream.destroy();
        });
      }
      client.pipe(upstream).pipe(client);
    });
    this.server = server;
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(this.port, '127.0.0.1', () => resolve());
    });
  }

  /** The database is gone: open connections break, new ones are refused, as when PostgreSQL restarts. */
  async cut(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    const closed = server ? new Promise<void>((resolve) => server.close(() => resolve())) : Promise.resolve();
    for (const socket of this.sockets) socket.destroy();
    await closed;
  }

  /**
   * The database hangs instead of refusing (a network partition, a server stuck): open connections
   * break, new ones are accepted and never answered.
   */
  stall(): void {
    this.stalled = true;
    for (const socket of this.sockets) socket.destroy();
  }

  /**
   * The database hangs mid-conversation: open connections stay open but nothing more is passed
   * either way (a query sent now is never answered), and new ones are accepted and never answered.
   */
  freeze(): void {
    this.stalled = true;
    for (const socket of this.sockets) {
      socket.unpipe();
      socket.pause();
    }
  }

  /** Ends a stall: held connections are dropped, new ones are forwarded again. */
  resume(): void {
    this.stalled = false;
    for (const socket of this.held) socket.destroy();
  }

  async close(): Promise<void> {
    this.resume();
    await this.cut();
  }
}
